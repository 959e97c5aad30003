# -*- coding: utf-8 -*-
# Copyright (c) 2026, community.ngrok contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""The task of ngrok_edge_migration: check the options, read the edge and its backends (migration_reading),
plan the cloud endpoints (migration.plan), hold back what cannot be carried unless the user acknowledged it,
then create or update each endpoint through the engine of ngrok_cloud_endpoint (a ResourceEngine per
endpoint, found by its URL). The edge is only ever read.

Order of the requests: the edge, the backends, then one lookup per endpoint, and only after every lookup the
writes (one per endpoint that differs). Everything that can be refused is refused before the first write:
the options before any request, the unacknowledged losses and each endpoint's own rules (its URL and binding)
before the endpoints are looked up.
"""

from __future__ import absolute_import, division, print_function
__metaclass__ = type

from ansible_collections.community.ngrok.plugins.module_utils.edges import HTTPS_EDGE
from ansible_collections.community.ngrok.plugins.module_utils.endpoint_urls import BINDINGS
from ansible_collections.community.ngrok.plugins.module_utils.endpoints import CLOUD_ENDPOINT
from ansible_collections.community.ngrok.plugins.module_utils.engine import ResourceEngine
from ansible_collections.community.ngrok.plugins.module_utils.errors import ModuleFailure, NgrokAPIError
from ansible_collections.community.ngrok.plugins.module_utils.migration import check_options, masked_plan, plan
from ansible_collections.community.ngrok.plugins.module_utils.migration_reading import (
    BackendReader, edge_name_problems, edge_views, read_edge, route_backends,
)
from ansible_collections.community.ngrok.plugins.module_utils.module import connection_argument_spec
from ansible_collections.community.ngrok.plugins.module_utils.task_context import TaskContext
from ansible_collections.community.ngrok.plugins.module_utils.traffic_policy import policy_secrets

PRESENT = 'present'
PLANNED = 'planned'
# The module's options that become the plan's options (migration.OPTION_NAMES): module option -> plan option.
# The endpoints' description, metadata and bindings carry a prefix: in this task, "description" could as
# well be the edge's.
PLAN_OPTIONS = {
    'internal_urls': 'internal_urls',
    'vault': 'vault',
    'webhook_secrets': 'webhook_secrets',
    'endpoint_description': 'description',
    'endpoint_metadata': 'metadata',
    'endpoint_bindings': 'bindings',
}
EDGE = 'edge'  # how an acknowledgement names the edge itself (its edge modules, its hostports)


def argument_spec():
    spec = connection_argument_spec()
    spec.update(
        edge=dict(type='str', required=True),
        state=dict(type='str', default=PRESENT, choices=[PRESENT, PLANNED]),
        acknowledge=dict(type='list', elements='str', default=[]),
        internal_urls=dict(type='list', elements='dict', options=dict(
            labels=dict(type='dict', required=True),
            url=dict(type='str', required=True),
        )),
        vault=dict(type='str'),
        webhook_secrets=dict(type='dict', no_log=True),
        endpoint_description=dict(type='str'),
        endpoint_metadata=dict(type='raw'),
        endpoint_bindings=dict(type='list', elements='str', choices=list(BINDINGS)),
    )
    return spec


def plan_options(params):
    return dict((plan_name, params[name]) for name, plan_name in PLAN_OPTIONS.items() if params.get(name) is not None)


def _with_module_names(problem):
    """A problem of the plan's options, named as the module's option."""
    for name, plan_name in PLAN_OPTIONS.items():
        if name != plan_name and problem.startswith(plan_name + ':'):
            return name + problem[len(plan_name):]
    return problem


def input_problems(params):
    """Every problem with the options, before any request."""
    problems = edge_name_problems(params['edge'])
    problems.extend(_with_module_names(problem) for problem in check_options(plan_options(params)))
    if params.get('endpoint_bindings') is not None:  # one binding per endpoint (the URL's rules need the URL)
        problems.extend(_with_module_names(problem) for problem in CLOUD_ENDPOINT.validate({'bindings': params['endpoint_bindings']}))
    problems.extend('acknowledge[%d]: must not be empty' % index for index, entry in enumerate(params['acknowledge']) if not entry.strip())
    return problems


# -- what cannot be carried, and what the user accepts losing ------------------------------------------------

def label(item):
    """How messages and acknowledgements name one unsupported item: its route's match (``edge`` for the edge
    itself) and what is lost, ``/legacy: saml``."""
    where = EDGE if item.get('route') is None else item.get('match') or item['route']
    return '%s: %s' % (where, item['what'])


def acknowledging(entries, item):
    """The entries of ``acknowledge`` that accept losing ``item``: its ``what`` (on every route) or its label
    (on its route only)."""
    return [entry for entry in entries if entry.strip() in (item['what'], label(item))]


def _listed(items):
    return '; '.join('%s (%s)' % (label(item), item['why']) for item in items)


# -- the task ----------------------------------------------------------------------------------------------

class EdgeMigration:
    """One run of ngrok_edge_migration.

    params      the module's parameters
    client      the task's NgrokClient (one session for every request)
    hide        callable(list of texts): secrets the plan carries, to be kept out of the module's whole output
    """

    def __init__(self, params, client, check_mode=False, hide=None):
        self.params = params
        self.client = client
        self.check_mode = check_mode
        self.hide = hide or (lambda secrets: None)
        self.context = TaskContext(client, check_mode)

    def run(self):
        problems = input_problems(self.params)
        if problems:
            raise ModuleFailure('invalid input: ' + '; '.join(problems), invalid=problems)
        api_edge = read_edge(self.context, self.params['edge'])
        if api_edge is None:
            return self.no_edge()
        edge, routes = edge_views(api_edge)
        backends = BackendReader(self.client).read(route_backends(routes))
        planned = plan(edge, routes, backends, plan_options(self.params))
        self.hide(policy_secrets(planned['traffic_policy']) + [secret['value'] for secret in planned['vault_secrets']])
        shown = self.shown(edge, planned)
        held_back = [item for item in shown['unsupported'] if not item['acknowledged']]
        if self.params['state'] == PLANNED:
            if held_back:
                self.context.warn('%s; acknowledge them before state=present can create the endpoints' % self.losses(edge, held_back))
            return self.finish(dict(shown, changed=False))
        if held_back:
            raise ModuleFailure('%s; nothing was written. Review each one (state=planned shows the whole plan), then list it '
                                'in acknowledge to accept its loss: as its what (on every route) or as "<match>: <what>" (on '
                                'that route only)' % self.losses(edge, held_back), unacknowledged=[label(item) for item in held_back],
                                **dict((key, shown[key]) for key in ('edge', 'unsupported', 'notes')))
        changed, endpoints, diffs = self.apply(planned['endpoints'])
        for shown_endpoint, endpoint in zip(shown['endpoints'], endpoints):
            shown_endpoint.update(id=endpoint['id'], changed=endpoint['changed'])
        return self.finish(dict(shown, changed=changed, diff=diffs))

    def no_edge(self):
        name = self.params['edge']
        missing = ('no HTTPS edge has the id %s' % name if HTTPS_EDGE.looks_like_id(name)
                   else 'no HTTPS edge has the description %r' % name)
        if not self.check_mode:
            raise ModuleFailure(missing)
        # An earlier task of the same check-mode run may only have pretended to create it.
        self.context.warn('%s; in check mode it is assumed to be created by an earlier task, and its endpoints cannot be '
                          'predicted' % missing)
        return self.finish({'changed': self.params['state'] == PRESENT, 'edge': {}, 'traffic_policy': {}, 'endpoints': [],
                            'unsupported': [], 'notes': [], 'vault_secrets': []})

    def losses(self, edge, items):
        return ('HTTPS edge %s has %d item(s) with no traffic policy equivalent that acknowledge does not name: %s'
                % (edge['id'], len(items), _listed(items)))

    def shown(self, edge, planned):
        """The plan as the result shows it: secrets masked, each unsupported item marked acknowledged or not."""
        shown = masked_plan(planned)
        entries = self.params['acknowledge']
        used = set()
        for item in shown['unsupported']:
            found = acknowledging(entries, item)
            used.update(found)
            item['acknowledged'] = bool(found)
        for entry in entries:
            if entry not in used:
                self.context.warn('acknowledge: %r names nothing this edge loses (the unsupported items are %s)'
                                  % (entry, ', '.join(repr(label(item)) for item in shown['unsupported']) or 'none'))
        shown['edge'] = dict((key, edge.get(key)) for key in ('id', 'description', 'metadata', 'hostports'))
        return shown

    def apply(self, planned_endpoints):
        """Create or update each endpoint (check mode: predict it). Returns (changed, [{id, changed}], diffs)."""
        engines = [ResourceEngine(CLOUD_ENDPOINT, self.endpoint_params(endpoint), self.client, check_mode=self.check_mode)
                   for endpoint in planned_endpoints]
        for engine in engines:
            engine.check_input()
        wanted = [engine.desired() for engine in engines]
        found = [engine.identified(engine.find()) for engine in engines]
        endpoints, diffs, done = [], [], []
        for engine, current, want in zip(engines, found, wanted):
            try:
                result = engine.present(current, want)
            except (NgrokAPIError, ModuleFailure) as error:
                if not done:
                    raise
                text = error.msg if isinstance(error, ModuleFailure) else str(error)
                raise ModuleFailure('%s; before it, this task %s: run it again to finish' % (text, ', '.join(done)),
                                    changed=True, **({'api_error': error.to_dict()} if isinstance(error, NgrokAPIError) else {}))
            for warning in result.get('warnings', []):
                self.context.warn(warning)
            endpoint = result['endpoint']
            if result['changed'] and not self.check_mode:
                done.append('%s cloud endpoint %s (%s)' % ('updated' if current else 'created', endpoint['id'], endpoint['url']))
            endpoints.append({'id': endpoint['id'], 'changed': result['changed']})
            url = engine.params['url']
            diffs.append(dict(result['diff'], before_header=url, after_header=url))
        return any(endpoint['changed'] for endpoint in endpoints), endpoints, diffs

    @staticmethod
    def endpoint_params(endpoint):
        """The parameters of ngrok_cloud_endpoint that make one planned endpoint (found by its URL)."""
        return {'state': PRESENT, 'id': None, 'find_by': ['description'], 'url': endpoint['url'],
                'traffic_policy': endpoint['traffic_policy'], 'bindings': endpoint['bindings'],
                'description': endpoint['description'], 'metadata': endpoint['metadata'], 'pooling_enabled': None}

    def finish(self, result):
        if self.context.warnings:
            result['warnings'] = self.context.warnings
        return result
