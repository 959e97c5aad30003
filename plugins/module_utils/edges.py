# -*- coding: utf-8 -*-
# Copyright (c) 2026, community.ngrok contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""HTTPS edges and their routes, with every edge module and route module of the API, declared once.

"Route module" and "edge module" are ngrok's names for the parts of a route (backend, oauth,
request_headers...) and of an edge (mutual_tls, tls_termination); they are options of the Ansible
modules ngrok_edge_route and ngrok_https_edge, and are called route_module / edge_module here, never
"module" alone. Their server_default values are what the server stores for a sub-key that is not sent;
they only serve to predict the object in check mode (None where the API does not document it).
"""

from __future__ import absolute_import, division, print_function
__metaclass__ = type

import re

from ansible_collections.community.ngrok.plugins.module_utils.backends import ANY_BACKEND
from ansible_collections.community.ngrok.plugins.module_utils.fields import (
    Field, HeaderMap, Integer, JsonText, StringList, Text, header_name_problems,
)
from ansible_collections.community.ngrok.plugins.module_utils.ip_policies import ANY_IP_POLICY, IP_POLICY
from ansible_collections.community.ngrok.plugins.module_utils.nested import Nested, ref_id, ref_ids
from ansible_collections.community.ngrok.plugins.module_utils.references import Ref, RefList
from ansible_collections.community.ngrok.plugins.module_utils.resource import ID_BODY_LENGTH, Parent, Resource, looks_like_id

OAUTH_PROVIDERS = ('amazon', 'facebook', 'github', 'gitlab', 'google', 'linkedin', 'microsoft', 'twitch')
SESSION_PROVIDERS = ('oauth', 'oidc', 'saml')  # at most one per route
SAML_PERSISTENT = 'urn:oasis:names:tc:SAML:2.0:nameid-format:persistent'
HEADER_CHANGES_MAX = 5
CIRCUIT_BREAKER_BUCKETS_MAX = 128
HOSTPORT = re.compile(r'^[^\s:/]+:(\d{1,5})$')
COOKIE_PREFIX = re.compile(r'^[A-Za-z0-9.]*$')
GITHUB_TEAM = re.compile(r'^([^/\s]+/[^/\s]+|[0-9]+)$')  # org/team slug or numeric id (ERR_NGROK_7040)
INACTIVITY_TIMEOUT_MAX = 365 * 24 * 3600  # one year (ERR_NGROK_7092)


def _bool(name, server_default):
    return Field(name, spec={'type': 'bool'}, server_default=server_default)


def _enabled():
    return _bool('enabled', True)


def _seconds(name, minimum=0, server_default=0):
    return Integer(name, minimum=minimum, server_default=server_default)


def _ids(name, prefix, read):
    def check(ids):
        return ['%r is not an id starting with %s followed by %d letters and digits' % (item, prefix, ID_BODY_LENGTH)
                for item in ids if not looks_like_id(item, prefix)]
    return StringList(name, ordered=False, read=ref_ids(read), validate=check)


def _policy_ids(names):
    """IP policies are named by id or description; a name with the id prefix is taken as an id, so it must be one."""
    return ['%r is not an id starting with %s followed by %d letters and digits' % (name, IP_POLICY.id_prefix, ID_BODY_LENGTH)
            for name in names if name.startswith(IP_POLICY.id_prefix) and not IP_POLICY.looks_like_id(name)]


def _non_empty_entries(items):
    """OAuth lists: every entry non-empty (ERR_NGROK_7046..7055); given once, like every list compared as a set."""
    return ['entries must not be empty'] if any(not item for item in items) else []


def _lowercase_entries(items):
    upper = [item for item in items if item != item.lower()]
    return _non_empty_entries(items) + (['must be lower case (%s)' % ', '.join(upper)] if upper else [])


def _github_teams(items):
    bad = [item for item in items if item and not GITHUB_TEAM.match(item)]
    return _non_empty_entries(items) + (['%s: a team is org/team or a numeric id' % ', '.join(bad)] if bad else [])


def _cookie_prefix(server_default):
    return Text('cookie_prefix', server_default=server_default,
                validate=lambda text: None if COOKIE_PREFIX.match(text) else 'may contain only letters, digits and periods')


def _session_options(cookie_prefix_server_default, inactivity_timeout_max=None):
    """Sub-keys shared by the oauth, oidc and saml route modules."""
    return [
        _enabled(),
        _bool('options_passthrough', False),
        _cookie_prefix(cookie_prefix_server_default),
        Integer('inactivity_timeout', minimum=0, maximum=inactivity_timeout_max, server_default=0),
        _seconds('maximum_duration'),
    ]


# -- route modules (options of ngrok_edge_route) --------------------------------------------------------

def _headers_rules(route_module):
    found = []
    add = dict((str(k).lower(), v) for k, v in (route_module.get('add') or {}).items())
    remove = [name.lower() for name in route_module.get('remove') or []]
    if len(add) > HEADER_CHANGES_MAX or len(remove) > HEADER_CHANGES_MAX:
        found.append('at most %d headers can be added and %d removed' % (HEADER_CHANGES_MAX, HEADER_CHANGES_MAX))
    if 'user-agent' in add or 'user-agent' in remove:
        found.append('the user-agent header cannot be added or removed')
    if 'host' in remove and 'host' not in add:
        found.append('removing the host header needs a replacement host in add')
    return found


def _headers_route_module(name):
    return Nested(name, purgeable=True, validate=_headers_rules, options=[
        _enabled(),
        HeaderMap('add'),
        StringList('remove', ordered=False, lower=True, validate=lambda names: header_name_problems([name.lower() for name in names])),
    ])


def _webhook_rules(route_module):
    provider = (route_module.get('provider') or '').lower()
    if provider == 'sns' and route_module.get('secret'):
        return 'the sns provider takes no secret'
    if provider and provider != 'sns' and not route_module.get('secret'):
        return 'provider %s needs a secret' % route_module['provider']
    return None


def _oauth_provider(name):
    options = [
        Text('client_id'),  # '' (read from null) when ngrok's own OAuth app is used
        Text('client_secret', secret=True),
        StringList('scopes', ordered=False, validate=_non_empty_entries),
        StringList('email_addresses', ordered=False, validate=_lowercase_entries),
        StringList('email_domains', ordered=False, validate=_lowercase_entries),
    ]
    if name == 'github':
        options += [StringList('teams', ordered=False, validate=_github_teams),
                    StringList('organizations', ordered=False, validate=_non_empty_entries)]

    def rules(provider):
        if bool(provider.get('client_id')) != bool(provider.get('client_secret')):
            return 'client_id and client_secret go together: give both for your own OAuth app, or neither'
        if provider.get('scopes') and not provider.get('client_id'):
            return 'scopes need your own OAuth app (client_id and client_secret)'
        return None
    return Nested(name, options=options, validate=rules)


def _oauth_rules(route_module):
    chosen = [name for name in OAUTH_PROVIDERS if (route_module.get('provider') or {}).get(name) is not None]
    return None if len(chosen) == 1 else 'provider must name exactly one of %s (got %s)' % (
        ', '.join(OAUTH_PROVIDERS), ', '.join(chosen) or 'none')


def _required(*names):
    def check(route_module):
        return ['%s is required' % name for name in names if route_module.get(name) in (None, '')]
    return check


# The 13 route modules, in the API's order: options of ngrok_edge_route, each removable by purge_modules.
ROUTE_MODULE_FIELDS = [
    Nested('backend', purgeable=True, options=[
        _enabled(),
        Ref('backend', ANY_BACKEND, api_name='backend_id', read=ref_id('backend'),
            spec={'type': 'str', 'required': True, 'aliases': ['backend_id']}),
    ]),
    Nested('ip_restriction', purgeable=True, options=[
        _enabled(),
        RefList('ip_policy_ids', ANY_IP_POLICY, ordered=False, read=ref_ids('ip_policies'), validate=_policy_ids),
    ], validate=lambda route_module: None if route_module.get('ip_policy_ids') else 'ip_policy_ids needs at least one IP policy'),
    Nested('circuit_breaker', purgeable=True, options=[
        _enabled(),
        Integer('tripped_duration', minimum=1, server_default=None),
        Integer('rolling_window', minimum=1, server_default=None),
        Integer('num_buckets', minimum=1, maximum=CIRCUIT_BREAKER_BUCKETS_MAX, server_default=None),
        Integer('volume_threshold', minimum=0, server_default=None),
        Integer('error_threshold_percentage', minimum=0.0, maximum=1.0, server_default=None, spec={'type': 'float'}),
    ]),
    Nested('compression', purgeable=True, options=[_enabled()]),
    _headers_route_module('request_headers'),
    _headers_route_module('response_headers'),
    Nested('webhook_verification', purgeable=True, validate=_webhook_rules, options=[
        _enabled(),
        Text('provider', server_default=None, spec={'type': 'str', 'required': True}),
        Text('secret', server_default=None, secret=True),
    ]),
    Nested('oauth', purgeable=True, validate=_oauth_rules, options=_session_options('ngrok.', INACTIVITY_TIMEOUT_MAX) + [
        Nested('provider', options=[_oauth_provider(name) for name in OAUTH_PROVIDERS], spec={'type': 'dict', 'required': True}),
        _seconds('auth_check_interval'),
    ]),
    Nested('saml', purgeable=True, validate=_required('idp_metadata'), options=_session_options('') + [
        Text('idp_metadata', server_default=None),
        _bool('force_authn', False),
        _bool('allow_idp_initiated', True),
        StringList('authorized_groups', ordered=False),
        Text('nameid_format', server_default=SAML_PERSISTENT),
    ], readonly=('entity_id', 'assertion_consumer_service_url', 'single_logout_url',
                 'request_signing_certificate_pem', 'metadata_url', 'idp_metadata_url')),
    Nested('oidc', purgeable=True, validate=_required('issuer', 'client_id', 'client_secret'), options=_session_options('') + [
        Text('issuer', server_default=None),
        Text('client_id', server_default=None),
        Text('client_secret', server_default=None, secret=True),
        StringList('scopes', ordered=False),
    ]),
    Nested('websocket_tcp_converter', purgeable=True, options=[_enabled()]),
    Nested('user_agent_filter', purgeable=True, options=[
        _enabled(),
        StringList('allow', ordered=False),
        StringList('deny', ordered=False),
    ]),
    Nested('traffic_policy', purgeable=True, options=[
        _enabled(),
        JsonText('value', server_default=None),
    ], validate=_required('value')),
]


def _route_rules(params):
    chosen = [name for name in SESSION_PROVIDERS if params.get(name) is not None]
    if len(chosen) > 1:
        return ['only one of oauth, oidc and saml can protect a route (got %s)' % ', '.join(chosen)]
    return []


def _one_sign_in_module(before, after):
    """ERR_NGROK_7079 on the route a write would leave: a sign-in module the read route has and the task keeps,
    next to the one it adds (purge_modules removes the old one first: then it is a replacement)."""
    chosen = [name for name in SESSION_PROVIDERS if after.get(name) is not None]
    kept = [name for name in chosen if (before or {}).get(name) is not None]
    added = [name for name in chosen if name not in kept]
    if len(chosen) > 1 and kept and added:
        return ['only one of oauth, oidc and saml can protect a route: the route has %s; add %s with purge_modules: true '
                'to replace it' % (', '.join(kept), ', '.join(added))]
    return []


def _match_rule(match):
    return None if match.startswith('/') else 'must be a path starting with "/"'


def _shown_routes(routes):
    """An edge's routes as ngrok_edge_route shows them (secrets masked)."""
    return [ROUTE.masked(ROUTE.view(route)) for route in routes]


# -- edge modules (options of ngrok_https_edge) ---------------------------------------------------------

def _hostport_rules(hostports):
    found = []
    for hostport in hostports:
        parsed = HOSTPORT.match(hostport)
        if not parsed:
            found.append('%r is not host:port' % hostport)
        elif not 1 <= int(parsed.group(1)) <= 65535:
            found.append('%r has a port out of range' % hostport)
    return found


# The 2 edge modules of an HTTPS edge: options of ngrok_https_edge, each removable by purge_modules.
EDGE_MODULE_FIELDS = [
    Nested('mutual_tls', purgeable=True, options=[
        _enabled(),
        _ids('certificate_authority_ids', 'ca_', 'certificate_authorities'),
    ]),
    Nested('tls_termination', purgeable=True, options=[
        _enabled(),
        Text('min_version', server_default=None),
    ], readonly=('terminate_at',), server_sets={'terminate_at': 'edge'}),  # always "edge" on an HTTPS edge
]

HTTPS_EDGE = Resource(
    kind='HTTPS edge',
    path='/edges/https',
    list_key='https_edges',
    id_prefix='edghts_',
    result_key='edge',
    purge_option='purge_modules',
    fields=[StringList('hostports', ordered=False, validate=_hostport_rules)] + EDGE_MODULE_FIELDS,
    readonly=(('routes', _shown_routes),),
    server_sets={'routes': []},
)

ROUTE = Resource(
    kind='HTTPS edge route',
    path='/edges/https/{parent_id}/routes',
    list_key='routes',
    id_prefix='edghtsrt_',
    result_key='route',
    parent=Parent('edge', HTTPS_EDGE, 'routes', id_key='edge_id'),
    natural_key='match',
    purge_option='purge_modules',
    validate=_route_rules,
    validate_change=_one_sign_in_module,
    required_for_create=('match_type', 'match'),
    fields=[
        # Always sent on update: the API's handling of an update without them is not known.
        Text('match_type', server_default=None, send_always=True, spec={'type': 'str', 'choices': ['exact_path', 'path_prefix']}),
        Text('match', server_default=None, send_always=True, validate=_match_rule),
    ] + ROUTE_MODULE_FIELDS,
    readonly=('edge_id',),
)
