# -*- coding: utf-8 -*-
# Copyright (c) 2026, community.ngrok contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""Route modules and edge modules as traffic policy rules.

Each translator takes a route module as ``ROUTE.view()`` shows it and returns rules (``name``, optional
``expressions``, ``actions``) that ``migration_precedence.within`` then scopes to the route. The action
names and config fields are the current action reference's (ngrok/ngrok-docs at
56a5f9960f4e7c7e134fbc0412f74b51b2df5eca, ``traffic-policy/actions/<type>.mdx``); where ngrok's migration
guides say otherwise, the reference wins and the comment says so. What a module did that no action does is
reported through ``context.lost``; when that is an access restriction, the policy denies instead, so a
migrated route is never more open than the edge was.
"""

from __future__ import absolute_import, division, print_function
__metaclass__ = type

import re

from ansible_collections.community.ngrok.plugins.module_utils.cel import cel_list
from ansible_collections.community.ngrok.plugins.module_utils.edges import OAUTH_PROVIDERS, ROUTE
from ansible_collections.community.ngrok.plugins.module_utils.traffic_policy import interpolated, load_policy

# The circuit-breaker action's limits ("Must be a value between 1s and 2m"; "num_buckets ... Fixed at 10").
BREAKER_SECONDS_MIN = 1
BREAKER_SECONDS_MAX = 120
BREAKER_BUCKETS = 10
# What the circuit breaker route module used when a value was not set (docs/http/circuit-breaker.mdx at
# ngrok/ngrok-docs 56fb6fe14069ce33bcfe01ab647180fb766bdbce, the last version before edges left the docs).
# Only the volume threshold differs from the action's own default (10).
LEGACY_BREAKER_VOLUME = 20
BREAKER_ERROR_THRESHOLD = 0.5  # the action's default for its one required field
# The compression route module only spoke gzip and deflate (docs/http/compression.mdx, same commit); the
# action would add br and compress by default.
LEGACY_COMPRESSION = ['gzip', 'deflate']
# TLS versions terminate-tls accepts ("Must be one of 1.2 or 1.3"), 1.2 being its default.
TLS_VERSIONS = ('1.2', '1.3')
DEFAULT_TLS_VERSION = '1.2'
# The first User-Agent header, "" when there is none (req.headers: "a map of lower-case names to values",
# traffic-policy/variables/req.mdx). req.user_agent's value with several headers or none is not documented.
USER_AGENT = '("user-agent" in req.headers ? req.headers["user-agent"][0] : "")'


def forbidden():
    """A deny with 403, what the route modules answered a refused request (a new dict each time: the rules
    of a plan share no object)."""
    return {'type': 'deny', 'config': {'status_code': 403}}


def _enabled(route_module):
    return route_module.get('enabled') is not False  # the API's default is true


def _seconds(value):
    return '%ds' % value


def _uninterpolated(context, route, what, values):
    found = interpolated(values)
    if found:
        context.lost(route, what, 'the value %r contains "${", which a traffic policy evaluates as CEL (edge '
                                  'header variables are not all CEL variables, and ngrok documents no escape); it is '
                                  'carried as it is: check it' % found)


# -- request phase ---------------------------------------------------------------------------------------

def ip_restriction(context, route, route_module):
    """restrict-ips with the route's IP policies (evaluated on conn.client_ip, like the module). The
    migration guide puts restrict-ips in on_tcp_connect, where no path is known: a route's restriction
    has to run in on_http_request, which the action supports (it answers 403 there)."""
    return [{'name': 'ip restriction', 'actions': [{'type': 'restrict-ips', 'config': {
        'enforce': True, 'ip_policies': list(route_module['ip_policy_ids'])}}]}]


def user_agent_filter(context, route, route_module):
    """A deny on the first User-Agent header, with the module's documented rule (docs/http/user-agent-filter.mdx
    at 56fb6fe1): "Requests are allowed if they match any allow rule or fail to match all deny rules";
    "Requests without the User-Agent header will be denied by default" unless an allow rule matches the
    empty string; "only the first header will be checked". Both sides use RE2, unanchored."""
    allow, deny = route_module.get('allow') or [], route_module.get('deny') or []
    expressions = []
    if allow:
        expressions.append('!%s.exists(pattern, %s.matches(pattern))' % (cel_list(allow), USER_AGENT))
    missing = '!("user-agent" in req.headers)'
    if deny:
        expressions.append('(%s || %s.exists(pattern, %s.matches(pattern)))' % (missing, cel_list(deny), USER_AGENT))
    else:
        expressions.append(missing)
        context.note('route %s: its user agent filter has no deny rule; by the module\'s documented rule it then '
                     'only denies requests without a User-Agent header (that no allow rule matches as ""), and so '
                     'does the policy' % route['match'])
    return [{'name': 'user agent filter', 'expressions': expressions, 'actions': [forbidden()]}]


def webhook_verification(context, route, route_module):
    """verify-webhook. The action needs a secret for every provider; for sns the module took none and the
    action wants the topic owner (integrations/webhooks/amazon-sns-webhooks.mdx): the ``webhook_secrets``
    option gives it, else the route denies every request."""
    provider = route_module['provider']
    secret = context.options.get('webhook_secrets', {}).get(route['match']) or route_module.get('secret')
    if not secret:
        context.lost(route, 'webhook_verification', 'the verify-webhook action needs a secret for provider %s '
                     '(for sns: the topic owner); give it in webhook_secrets[%r]. Until then the route denies '
                     'every request' % (provider, route['match']))
        return [{'name': 'webhook verification (no secret)', 'actions': [forbidden()]}]
    return [{'name': 'webhook verification', 'actions': [{'type': 'verify-webhook', 'config': {
        'provider': provider, 'secret': context.secret(route, 'webhook-secret', secret)}}]}]


def _cookie_prefix(context, route, name, route_module):
    defaults = ('', ROUTE.field(name).option('cookie_prefix').server_default)
    if route_module.get('cookie_prefix') not in defaults + (None,):
        context.lost(route, '%s.cookie_prefix' % name, 'no action sets the prefix of its cookie names '
                     '(auth_cookie_domain, which the migration guide maps it to, sets their domain): users sign '
                     'in again once')


def _session_config(route_module, idle_key):
    """The session sub-options the oauth and oidc route modules share (0 means "not set")."""
    config = {}
    if route_module.get('options_passthrough'):
        config['allow_cors_preflight'] = True
    if route_module.get('maximum_duration'):
        config['max_session_duration'] = _seconds(route_module['maximum_duration'])
    if route_module.get('inactivity_timeout'):
        config[idle_key] = _seconds(route_module['inactivity_timeout'])
    if route_module.get('auth_check_interval'):
        config['userinfo_refresh_interval'] = _seconds(route_module['auth_check_interval'])
    return config


def oauth(context, route, route_module):
    """oauth, then a deny for users outside the allowed emails and email domains (the module allowed a user
    who matched either list: docs/http/oauth.mdx at 56fb6fe1; the rule is the action reference's own
    "restrict by email" example). The session timeout is ``idle_session_timeout`` in the oauth action."""
    providers = route_module.get('provider') or {}
    chosen = [candidate for candidate in OAUTH_PROVIDERS if providers.get(candidate) is not None]
    if not chosen:
        context.lost(route, 'oauth', 'it names no provider; the route denies every request')
        return [{'name': 'oauth (no provider)', 'actions': [forbidden()]}]
    name = chosen[0]
    provider = providers[name]
    config = {'provider': name}
    if provider.get('client_id'):  # none: ngrok's managed app
        config['client_id'] = provider['client_id']
        config['client_secret'] = context.secret(route, 'oauth-client-secret', provider.get('client_secret'))
    if provider.get('scopes'):
        config['scopes'] = list(provider['scopes'])
    config.update(_session_config(route_module, 'idle_session_timeout'))
    _cookie_prefix(context, route, 'oauth', route_module)
    rules = [{'name': 'oauth', 'actions': [{'type': 'oauth', 'config': config}]}]

    # The identity's email, lower case like the module's lists; an identity without one is refused (has():
    # traffic-policy/macros/index.mdx), so an expression error can never let a user in.
    email = 'actions.ngrok.oauth.identity.email'
    allowed = []
    if provider.get('email_addresses'):
        allowed.append('%s.lower() in %s' % (email, cel_list(provider['email_addresses'])))
    if provider.get('email_domains'):
        allowed.append('%s.exists(domain, %s.lower().endsWith("@" + domain))' % (cel_list(provider['email_domains']), email))
    unchecked = [key for key in ('teams', 'organizations') if provider.get(key)]
    if unchecked:
        context.lost(route, 'oauth.provider.github.%s' % ' and '.join(unchecked),
                     'the oauth action reports no GitHub team or organization of the user; %s' % (
                         'only the allowed emails and email domains are let in' if allowed else 'every user is denied'))
    if allowed:
        rules.append({'name': 'oauth allowed users', 'expressions': ['!(has(%s) && (%s))' % (email, ' || '.join(allowed))],
                      'actions': [forbidden()]})
    elif unchecked:
        rules.append({'name': 'oauth allowed users', 'actions': [forbidden()]})
    return rules


def oidc(context, route, route_module):
    """openid-connect: the action reference's type (the migration guide says ``oidc``), ``issuer_url`` for
    the issuer, and ``idle_session_duration`` (not oauth's ``idle_session_timeout``) for the inactivity
    timeout."""
    config = {'issuer_url': route_module['issuer'], 'client_id': route_module['client_id'],
              'client_secret': context.secret(route, 'oidc-client-secret', route_module['client_secret'])}
    if route_module.get('scopes'):
        config['scopes'] = list(route_module['scopes'])
    config.update(_session_config(route_module, 'idle_session_duration'))
    _cookie_prefix(context, route, 'oidc', route_module)
    return [{'name': 'openid connect', 'actions': [{'type': 'openid-connect', 'config': config}]}]


def saml(context, route, route_module):
    """No SAML action yet (traffic-policy/actions/saml.mdx: "Coming Soon", early access): the route denies."""
    context.lost(route, 'saml', 'there is no SAML action yet (ngrok lists it as coming soon, in early access); '
                 'the route denies every request until you protect it another way (openid-connect, oauth)')
    return [{'name': 'saml (not available)', 'actions': [forbidden()]}]


def _headers(context, route, name, route_module):
    """remove-headers, then add-headers: the action reference replaces a header by removing it first (the
    migration guide shows them the other way round, which would remove a header just added)."""
    actions = []
    if route_module.get('remove'):
        actions.append({'type': 'remove-headers', 'config': {'headers': list(route_module['remove'])}})
    if route_module.get('add'):
        _uninterpolated(context, route, '%s.add' % name, sorted(route_module['add'].values()))
        actions.append({'type': 'add-headers', 'config': {'headers': dict(route_module['add'])}})
    return [{'name': name.replace('_', ' '), 'actions': actions}] if actions else []


def request_headers(context, route, route_module):
    return _headers(context, route, 'request_headers', route_module)


def circuit_breaker(context, route, route_module):
    """circuit-breaker with the action's field names (``error_threshold``, ``window_duration``; the
    migration guide keeps the module's ``error_threshold_percentage`` and ``rolling_window``). Values the
    action cannot take are brought into its range and reported."""
    config = {}
    threshold = route_module.get('error_threshold_percentage')
    config['error_threshold'] = BREAKER_ERROR_THRESHOLD if threshold is None else threshold
    volume = route_module.get('volume_threshold')
    if volume == 0:
        volume = 1  # the action's minimum; no request can trip a breaker either way
        context.note('route %s: circuit breaker volume threshold 0 becomes 1, the action\'s minimum' % route['match'])
    config['volume_threshold'] = LEGACY_BREAKER_VOLUME if volume is None else volume
    for module_key, action_key in (('rolling_window', 'window_duration'), ('tripped_duration', 'tripped_duration')):
        seconds = route_module.get(module_key)
        if seconds is None:
            continue  # both defaults are 10 s on either side
        kept = min(max(seconds, BREAKER_SECONDS_MIN), BREAKER_SECONDS_MAX)
        if kept != seconds:
            context.lost(route, 'circuit_breaker.%s' % module_key, '%d s is outside what the action takes (1s to 2m); '
                         '%s is used' % (seconds, _seconds(kept)))
        config[action_key] = _seconds(kept)
    buckets = route_module.get('num_buckets')
    if buckets not in (None, BREAKER_BUCKETS):
        context.lost(route, 'circuit_breaker.num_buckets', 'the action always uses %d buckets (the route had %d)'
                     % (BREAKER_BUCKETS, buckets))
    return [{'name': 'circuit breaker', 'actions': [{'type': 'circuit-breaker', 'config': config}]}]


# -- response phase --------------------------------------------------------------------------------------

def response_headers(context, route, route_module):
    return _headers(context, route, 'response_headers', route_module)


def compression(context, route, route_module):
    return [{'name': 'compression', 'actions': [{'type': 'compress-response', 'config': {'algorithms': list(LEGACY_COMPRESSION)}}]}]


# -- the route's own traffic policy ------------------------------------------------------------------------

# Names a route policy may still use from before ngrok renamed them: the phases (ngrok/ngrok-docs 2a3f9942,
# "rename inbound/outbound to new phase names", October 2024) and custom-response's body (085672450,
# December 2024, ``content`` -> ``body``).
LEGACY_PHASES = {'inbound': 'on_http_request', 'outbound': 'on_http_response'}


def _current_rule(context, route, rule, number):
    if not isinstance(rule, dict) or not isinstance(rule.get('actions'), list):
        context.lost(route, 'traffic_policy rule %d' % number, 'not a rule with a list of actions: %r' % (rule,))
        return None
    rule = dict(rule)
    rule['name'] = 'policy: %s' % rule['name'] if rule.get('name') else 'policy rule %d' % number
    actions = []
    for action in rule['actions']:
        if isinstance(action, dict) and action.get('type') == 'custom-response' and isinstance(action.get('config'), dict) \
                and 'content' in action['config'] and 'body' not in action['config']:
            config = dict(action['config'])
            config['body'] = config.pop('content')
            action = dict(action, config=config)
            context.note('route %s: custom-response content renamed body, its current name' % route['match'])
        actions.append(action)
    rule['actions'] = actions
    return rule


def route_traffic_policy(context, route, route_module):
    """The route's own policy, read from its JSON or YAML text: its request and response rules, each scoped
    to the route like the rest. Returns ``(request rules, response rules)``."""
    try:
        policy = load_policy(route_module.get('value') or '{}')
    except ValueError as error:
        context.lost(route, 'traffic_policy', 'its policy cannot be read: %s' % error)
        return [], []
    phases = {'on_http_request': [], 'on_http_response': []}
    for key, rules in policy.items():
        phase = LEGACY_PHASES.get(key, key)
        if phase != key:
            context.note('route %s: its policy\'s %s rules go to %s, the current name of that phase' % (route['match'], key, phase))
        if phase not in phases:
            context.lost(route, 'traffic_policy.%s' % key, 'a route\'s policy can only act on its HTTP requests and responses')
            continue
        for number, rule in enumerate(rules or [], 1):
            current = _current_rule(context, route, rule, number)
            if current is not None:
                phases[phase].append(current)
    return phases['on_http_request'], phases['on_http_response']


# -- the edge's own modules ------------------------------------------------------------------------------

def edge_tls(context, edge):
    """terminate-tls (on_tcp_connect) for the edge's mutual_tls and tls_termination (migration guide: both
    map to it). An HTTPS endpoint terminates TLS 1.2+ without it, so it is only written when it changes
    something: a CA list for mutual TLS, or TLS 1.3 as the minimum (it costs 100 TPU per connection:
    pricing-limits/traffic-policy-unit-pricing.mdx)."""
    config = {}
    mutual_tls = edge.get('mutual_tls')
    if mutual_tls is not None:
        if not _enabled(mutual_tls):
            context.lost(None, 'mutual_tls', 'it is disabled: a disabled edge module has no traffic policy equivalent and is left out')
        elif mutual_tls.get('certificate_authority_ids'):
            config['mutual_tls_certificate_authorities'] = list(mutual_tls['certificate_authority_ids'])
    termination = edge.get('tls_termination')
    if termination is not None:
        version = termination.get('min_version')
        if not _enabled(termination):
            context.lost(None, 'tls_termination', 'it is disabled: a disabled edge module has no traffic policy equivalent and is left out')
        elif termination.get('terminate_at') not in (None, 'edge'):
            context.lost(None, 'tls_termination.terminate_at', 'a cloud endpoint terminates HTTPS itself; TLS cannot pass '
                         'through to the upstream (it was %s)' % termination['terminate_at'])
        elif version and version not in TLS_VERSIONS:
            context.lost(None, 'tls_termination.min_version', 'terminate-tls accepts 1.2 or 1.3; clients older than TLS 1.2 '
                         '(allowed from %s before) are refused' % version)
        elif version and (version != DEFAULT_TLS_VERSION or config):
            config['min_version'] = version
    if not config:
        return []
    return [{'name': 'edge tls', 'actions': [{'type': 'terminate-tls', 'config': config}]}]


# The order of a route's rules in each phase: access checks first (cheapest first, so a denied request
# costs the least), then what changes the request, the route's own policy, and the circuit breaker last,
# just before the backend, so it counts the requests that reach the upstream. ngrok documents no order of
# route modules on an edge; this one is the collection's choice. ``traffic_policy`` is the route's own policy.
REQUEST_ORDER = ('ip_restriction', 'user_agent_filter', 'webhook_verification', 'oauth', 'oidc', 'saml',
                 'request_headers', 'traffic_policy', 'circuit_breaker')
RESPONSE_ORDER = ('response_headers', 'traffic_policy', 'compression')
TRANSLATORS = {
    'ip_restriction': ip_restriction,
    'user_agent_filter': user_agent_filter,
    'webhook_verification': webhook_verification,
    'oauth': oauth,
    'oidc': oidc,
    'saml': saml,
    'request_headers': request_headers,
    'circuit_breaker': circuit_breaker,
    'response_headers': response_headers,
    'compression': compression,
}
# Route modules no action replaces. With 'backend' (migration_backends) and the ones above, every route
# module is accounted for; a test holds ROUTE_MODULE_FIELDS to that.
NOT_TRANSLATED = {
    'websocket_tcp_converter': 'there is no traffic policy action that turns WebSocket traffic into TCP '
                               '(edges-to-endpoints guide: "Not supported"); requests reach the upstream as WebSockets',
}


def route_module_rules(context, route):
    """``(request rules, response rules)`` of a route's modules, before its backend. What they cannot carry
    is reported in the API's order of route modules."""
    order = [field.name for field in ROUTE.purgeable]
    reported = len(context.unsupported)
    enabled = {}
    for field in ROUTE.purgeable:  # the route modules, in the API's order
        route_module = route.get(field.name)
        if field.name == 'backend' or route_module is None:
            continue
        if not _enabled(route_module):
            context.lost(route, field.name, 'it is disabled: a disabled route module has no traffic policy equivalent and is left out')
        elif field.name in NOT_TRANSLATED:
            context.lost(route, field.name, NOT_TRANSLATED[field.name])
        else:
            enabled[field.name] = route_module
    own = route_traffic_policy(context, route, enabled['traffic_policy']) if 'traffic_policy' in enabled else ([], [])

    def rules(order, own_rules):
        found = []
        for name in order:
            if name == 'traffic_policy':
                found.extend(own_rules)
            elif name in enabled:
                found.extend(TRANSLATORS[name](context, route, enabled[name]))
        return found
    result = rules(REQUEST_ORDER, own[0]), rules(RESPONSE_ORDER, own[1])
    context.unsupported[reported:] = sorted(context.unsupported[reported:], key=lambda item: order.index(re.split('[. ]', item['what'])[0]))
    return result
