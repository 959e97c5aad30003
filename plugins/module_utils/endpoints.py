# -*- coding: utf-8 -*-
# Copyright (c) 2026, community.ngrok contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""Cloud endpoints: a URL, a binding and a traffic policy, what replaces an edge. ``/endpoints`` also lists the
agent endpoints of the account (``type`` agent; the OpenAPI description's Endpoint.type), which are not managed
here: every lookup is scoped to ``type: cloud``.

What an endpoint names: reserved domains (its URL's host, public endpoints), IP policies (the ``ip_policies`` of
its policy's ``restrict-ips`` actions, by id: ``traffic-policy/actions/restrict-ips``) and other endpoints (the
``url`` of its ``forward-internal`` actions, which reach internal endpoints only: ``forward-internal`` "Valid
forward targets"). reference_table.py declares those references.
"""

from __future__ import absolute_import, division, print_function
__metaclass__ = type

from ansible_collections.community.ngrok.plugins.module_utils.endpoint_urls import (
    BINDINGS, Url, binding_problems, inferred_binding, normal_url, parse_url,
)
from ansible_collections.community.ngrok.plugins.module_utils.fields import Field, StringList
from ansible_collections.community.ngrok.plugins.module_utils.references import AnyOf
from ansible_collections.community.ngrok.plugins.module_utils.resource import Resource
from ansible_collections.community.ngrok.plugins.module_utils.traffic_policy import TrafficPolicy, load_policy, policy_actions

IP_POLICY_PREFIX = 'ipp_'


def _binding_rules(params):
    """The URL's rules for its binding, given or inferred (the URL's own shape is the url field's to check)."""
    bindings = params.get('bindings')
    problems = []
    if bindings is not None and len(bindings) != 1:
        problems.append('bindings: an endpoint has exactly one binding (one of %s), not %d' % (', '.join(BINDINGS), len(bindings)))
    try:
        url = parse_url(params.get('url'))
    except ValueError:
        return problems
    binding = bindings[0] if bindings and len(bindings) == 1 else inferred_binding(url)
    return problems + ['url: %s: %s' % (url.text, problem) for problem in binding_problems(url, binding)]


def _computed(predicted):
    """What the API fills in on a new endpoint, from its URL (check mode); its reserved domain stays unknown."""
    try:
        url = parse_url(predicted['url'])
    except ValueError:
        return
    predicted.update(type='cloud', public_url=url.text, hostport=url.hostport, proto=url.scheme)
    if not predicted['bindings']:
        predicted['bindings'] = [inferred_binding(url)]


CLOUD_ENDPOINT = Resource(
    kind='cloud endpoint',
    path='/endpoints',
    list_key='endpoints',
    id_prefix='ep_',
    result_key='endpoint',
    natural_key='url',
    required_for_create=('url', 'traffic_policy'),
    filterable=('description', 'metadata', 'url', 'type'),
    scope={'type': 'cloud'},
    fields=[
        Url('url'),
        TrafficPolicy('traffic_policy'),
        StringList('bindings', server_default=None, spec={'type': 'list', 'elements': 'str', 'choices': list(BINDINGS)}),
        Field('pooling_enabled', server_default=False, empty=False, spec={'type': 'bool'}),
    ],
    # updated_at is left out: check mode cannot know it, and it is no state a task sets or compares.
    readonly=('type', 'public_url', 'hostport', 'proto', 'domain'),
    validate=_binding_rules,
    derived=_computed,
    recomputed={'public_url': ('url',), 'hostport': ('url',), 'proto': ('url',), 'domain': ('url', 'bindings')},
)

# What a forward-internal action names: cloud endpoints, by URL.
ANY_CLOUD_ENDPOINT = AnyOf('cloud endpoint', {'cloud_endpoint': CLOUD_ENDPOINT})


def _actions(policy_text, action_type):
    try:
        policy = load_policy(policy_text or '{}')
    except ValueError:
        return
    for dummy, dummy, dummy, action in policy_actions(policy):
        if action.get('type') == action_type and isinstance(action.get('config'), dict):
            yield action['config']


def forwarded_urls(policy_text):
    """The URLs a policy's forward-internal actions send traffic to, as the API writes endpoint URLs."""
    return [normal_url(config['url']) for config in _actions(policy_text, 'forward-internal') if isinstance(config.get('url'), str)]


def restricting_ip_policies(policy_text):
    """The ids of the IP policies a policy's restrict-ips actions check."""
    return [name for config in _actions(policy_text, 'restrict-ips') if isinstance(config.get('ip_policies'), list)
            for name in config['ip_policies'] if isinstance(name, str) and name.startswith(IP_POLICY_PREFIX)]


def forwarded_to(api_object):
    """Whether other endpoints can depend on this one through forward-internal: an endpoint that is not public
    and pools with no other (another member of a pool keeps serving its URL)."""
    return 'public' not in (api_object.get('bindings') or []) and not api_object.get('pooling_enabled')


def hosts_of(url):
    """The host of an endpoint URL, for the reserved domains that serve it (none for a URL that is not one)."""
    try:
        return [parse_url(url).host]
    except ValueError:
        return []
