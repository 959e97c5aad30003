# -*- coding: utf-8 -*-
# Copyright (c) 2026, community.ngrok contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""An HTTPS edge as cloud endpoints: one per hostport, all with the traffic policy that serves the edge's
traffic. Pure data in, data out: the caller reads the edge, its routes and the backends behind them (through
the engine and client), and creates the endpoints (through the cloud endpoint declaration).

The policy, phase by phase:

- on_tcp_connect: the edge's own modules (terminate-tls), when they change anything.
- on_http_request: for each route, most specific first (migration_precedence), its route modules' rules
  (migration_route_modules) then its backend's (migration_backends), each rule limited to the route's
  requests; last, when no route takes ``/``, a 404 for the paths no route matches (the collection's choice:
  ngrok documents no answer of an edge for them) - a cloud endpoint's policy must end with a terminating
  action.
- on_http_response: each route's response header, own policy and compression rules, limited the same way.

What the policy cannot carry as it was is listed in ``unsupported`` (the caller fails unless the user
acknowledges it); where that is an access restriction the policy denies instead, never lets more in.
"""

from __future__ import absolute_import, division, print_function
__metaclass__ = type

import copy
import re

from ansible_collections.community.ngrok.plugins.module_utils.errors import MASK, ModuleFailure
from ansible_collections.community.ngrok.plugins.module_utils.migration_backends import backend_rules
from ansible_collections.community.ngrok.plugins.module_utils.migration_context import MigrationContext
from ansible_collections.community.ngrok.plugins.module_utils.migration_precedence import covers_every_path, route_selectors, within
from ansible_collections.community.ngrok.plugins.module_utils.migration_route_modules import edge_tls, route_module_rules
from ansible_collections.community.ngrok.plugins.module_utils.resource import DESCRIPTION_MAX_LENGTH, common_fields
from ansible_collections.community.ngrok.plugins.module_utils.traffic_policy import PHASES, mask_policy_secrets

# The options of a plan (all optional):
#   internal_urls    [{labels: {key: value}, url: https://<name>.internal}]: the internal endpoint URL that
#                    replaces the tunnel group with exactly these labels
#   vault            a vault name: secrets go into the policy as secrets.get references, and vault_secrets
#                    lists what to store in that vault
#   webhook_secrets  {route match: secret}: the verify-webhook secret of that route (sns needs the topic owner)
#   description      the endpoints' description (default: "Moved from HTTPS edge <id> (<its description>)")
#   metadata         the endpoints' metadata, a string or a dict (default: the edge id and the hostport, as JSON)
#   bindings         the endpoints' bindings (default: public)
OPTION_NAMES = ('internal_urls', 'vault', 'webhook_secrets', 'description', 'metadata', 'bindings')
DEFAULT_BINDINGS = ['public']
INTERNAL_URL = re.compile(r'^https?://[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)*\.internal(:[0-9]{1,5})?/?$')
NO_ROUTE_STATUS = 404
HTTPS_PORT = '443'


def _is_text_map(value):
    return isinstance(value, dict) and all(isinstance(key, str) and isinstance(item, str) for key, item in value.items())


# A cloud endpoint's description and metadata follow the rules of every object's (resource.common_fields).
DESCRIPTION, METADATA = common_fields()


def _metadata_text(value):
    return METADATA.from_user(value)


def check_options(options):
    """Problems with the plan's options, before any request; [] when there are none."""
    options = options or {}
    found = ['%s: not an option (options: %s)' % (name, ', '.join(OPTION_NAMES)) for name in sorted(options) if name not in OPTION_NAMES]
    mappings = options.get('internal_urls') or []
    if not isinstance(mappings, list):
        found.append('internal_urls: must be a list of {labels, url}')
        mappings = []
    seen = {}
    for index, mapping in enumerate(mappings):
        path = 'internal_urls[%d]' % index
        if not isinstance(mapping, dict) or sorted(mapping) != ['labels', 'url']:
            found.append('%s: must have exactly labels and url' % path)
            continue
        if not _is_text_map(mapping['labels']) or not mapping['labels']:
            found.append('%s.labels: must be a non-empty map of strings' % path)
            continue
        if not isinstance(mapping['url'], str) or not INTERNAL_URL.match(mapping['url']):
            found.append('%s.url: %r is not the URL of an internal endpoint (http:// or https://, a host ending in .internal)'
                         % (path, mapping['url']))
        key = tuple(sorted(mapping['labels'].items()))
        if key in seen:
            found.append('%s.labels: the same labels as internal_urls[%d]' % (path, seen[key]))
        seen.setdefault(key, index)
    for name in ('vault', 'description'):
        if options.get(name) is not None and not isinstance(options[name], str):
            found.append('%s: must be a string' % name)
    if isinstance(options.get('description'), str):
        found.extend(DESCRIPTION.problems(options['description'], 'description'))
    if options.get('webhook_secrets') is not None and not _is_text_map(options['webhook_secrets']):
        found.append('webhook_secrets: must be a map of route match to secret')
    metadata = options.get('metadata')
    if metadata is not None and not isinstance(metadata, (str, dict)):
        found.append('metadata: must be a string or a dictionary')
    elif metadata is not None:
        found.extend(METADATA.problems(metadata, 'metadata'))
    bindings = options.get('bindings')
    if bindings is not None and (not isinstance(bindings, list) or not all(isinstance(item, str) for item in bindings)):
        found.append('bindings: must be a list of strings')
    return found


def _normalised(options):
    options = dict(options or {})
    options['internal_urls'] = dict((tuple(sorted(mapping['labels'].items())), mapping['url'])
                                    for mapping in options.get('internal_urls') or [])
    options['webhook_secrets'] = dict(options.get('webhook_secrets') or {})
    return options


def endpoint_url(hostport):
    """The cloud endpoint URL of an edge hostport: ``https://host`` for port 443, ``https://host:port``
    otherwise (edges-to-endpoints guide, "3. Determine the target URL"; the API drops ``:443`` itself)."""
    host, port = hostport.rsplit(':', 1)
    return 'https://%s' % host if port == HTTPS_PORT else 'https://%s:%s' % (host, port)


def _description(edge, options):
    if options.get('description') is not None:
        return options['description']
    text = 'Moved from HTTPS edge %s' % edge.get('id')
    if edge.get('description'):
        text += ' (%s)' % edge['description']
    return text[:DESCRIPTION_MAX_LENGTH]


def _metadata(edge, hostport, options):
    if options.get('metadata') is not None:
        return _metadata_text(options['metadata'])
    return _metadata_text({'moved_from_edge': edge.get('id'), 'hostport': hostport})


def _policy(edge, routes, backends, context):
    request, response = [], []
    selected, shadowed = route_selectors(routes)
    for route, earlier in shadowed:
        context.lost(route, 'match', 'route %s has the same match; an edge only ever serves one of them' % earlier.get('id'))
    for route, selector in selected:
        route_request, route_response = route_module_rules(context, route)
        request.extend(within(route, selector, route_request + backend_rules(context, route, backends)))
        response.extend(within(route, selector, route_response))
    if not covers_every_path([route for route, dummy in selected]):
        request.append({'name': 'no route matches', 'actions': [
            {'type': 'custom-response', 'config': {'status_code': NO_ROUTE_STATUS}}]})
        context.note('paths no route matches get a %d (the edge\'s own answer for them is not documented)' % NO_ROUTE_STATUS)
    phases = {'on_tcp_connect': edge_tls(context, edge), 'on_http_request': request, 'on_http_response': response}
    return dict((phase, phases[phase]) for phase in PHASES if phases[phase])


def plan(edge, routes, backends, options=None):
    """The cloud endpoints that replace an HTTPS edge.

    edge      ``HTTPS_EDGE.view()`` of the edge
    routes    ``ROUTE.view()`` of each of its routes
    backends  ``{id: view}`` of every backend the routes reach (weighted and failover children included;
              see migration_backends.backend_children); one missing is reported, not guessed
    options   see OPTION_NAMES; raises ModuleFailure when check_options finds problems

    Returns ``{traffic_policy, endpoints: [{url, traffic_policy, bindings, description, metadata}],
    unsupported: [{route, match, what, why}], notes: [text], vault_secrets: [{vault, name, value, route,
    match}]}``. Secrets are in clear: show it through ``masked_plan``.
    """
    problems = check_options(options)
    if problems:
        raise ModuleFailure('invalid migration options: %s' % '; '.join(problems), invalid=problems)
    options = _normalised(options)
    context = MigrationContext(options)
    for route in routes:
        if route.get('match_type') not in ('exact_path', 'path_prefix') or not route.get('match'):
            context.lost(route, 'match', 'a route without a path match cannot be told apart by a traffic policy '
                         '(match_type %r, match %r)' % (route.get('match_type'), route.get('match')))
    routes = [route for route in routes if route.get('match_type') in ('exact_path', 'path_prefix') and route.get('match')]
    policy = _policy(edge, routes, backends, context)
    verified = set(route['match'] for route in routes if route.get('webhook_verification') is not None)
    for match in sorted(set(options['webhook_secrets']) - verified):
        context.note('webhook_secrets names %s, which is no route with webhook verification: not used' % match)
    hostports = edge.get('hostports') or []
    if not hostports:
        context.lost(None, 'hostports', 'the edge has no hostports, so there is no URL for an endpoint; the policy is '
                     'returned alone')
    endpoints = [{
        'url': endpoint_url(hostport),
        'traffic_policy': copy.deepcopy(policy),
        'bindings': list(options.get('bindings') or DEFAULT_BINDINGS),
        'description': _description(edge, options),
        'metadata': _metadata(edge, hostport, options),
    } for hostport in hostports]
    return {'traffic_policy': policy, 'endpoints': endpoints, 'unsupported': context.unsupported,
            'notes': context.notes, 'vault_secrets': context.vault_secrets}


def masked_plan(result):
    """A plan fit for output: secrets in its policies and its vault secrets' values masked."""
    shown = copy.deepcopy(result)
    shown['traffic_policy'] = mask_policy_secrets(result['traffic_policy'])
    for endpoint in shown['endpoints']:
        endpoint['traffic_policy'] = mask_policy_secrets(endpoint['traffic_policy'])
    for secret in shown['vault_secrets']:
        secret['value'] = MASK
    return shown
