# -*- coding: utf-8 -*-
# Copyright (c) 2026, community.ngrok contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""The 13 route modules and the 2 HTTPS edge modules: request tables, server defaults, checks, and
the response shape of each (which differs from the request shape for references).

A module is stored as the request with the server's defaults filled in; ``render`` turns that into
the response shape. Giving a module replaces it whole, so defaults are re-applied on every write.
"""

import re

from .backends import PREFIX_KIND, find_backend
from .errors import invalid
from .ids import looks_like
from .validation import byte_length

SESSION = {'enabled': 'bool', 'options_passthrough': 'bool', 'cookie_prefix': 'str',
           'inactivity_timeout': 'int', 'maximum_duration': 'int'}
OAUTH_PROVIDER = {'client_id': 'str', 'client_secret': 'str', 'scopes': 'str_list',
                  'email_addresses': 'str_list', 'email_domains': 'str_list'}
OAUTH_PROVIDERS = {
    'github': dict(OAUTH_PROVIDER, teams='str_list', organizations='str_list'),
    'facebook': OAUTH_PROVIDER, 'microsoft': OAUTH_PROVIDER, 'google': OAUTH_PROVIDER, 'linkedin': OAUTH_PROVIDER,
    'gitlab': OAUTH_PROVIDER, 'twitch': OAUTH_PROVIDER, 'amazon': OAUTH_PROVIDER,
}
HEADERS = {'enabled': 'bool', 'add': 'str_map', 'remove': 'str_list'}
TABLES = {
    'backend': {'enabled': 'bool', 'backend_id': 'str'},
    'ip_restriction': {'enabled': 'bool', 'ip_policy_ids': 'str_list'},
    'circuit_breaker': {'enabled': 'bool', 'tripped_duration': 'int', 'rolling_window': 'int', 'num_buckets': 'int',
                        'volume_threshold': 'int', 'error_threshold_percentage': 'number'},
    'compression': {'enabled': 'bool'},
    'request_headers': HEADERS,
    'response_headers': HEADERS,
    'webhook_verification': {'enabled': 'bool', 'provider': 'str', 'secret': 'str'},
    'oauth': dict(SESSION, provider=OAUTH_PROVIDERS, auth_check_interval='int'),
    'saml': dict(SESSION, idp_metadata='str', force_authn='bool', allow_idp_initiated='bool',
                 authorized_groups='str_list', nameid_format='str'),
    'oidc': dict(SESSION, issuer='str', client_id='str', client_secret='str', scopes='str_list'),
    'websocket_tcp_converter': {'enabled': 'bool'},
    'user_agent_filter': {'enabled': 'bool', 'allow': 'str_list', 'deny': 'str_list'},
    'traffic_policy': {'enabled': 'bool', 'value': 'str'},
}
EDGE_TABLES = {
    'mutual_tls': {'enabled': 'bool', 'certificate_authority_ids': 'str_list'},
    # terminate_at is refused with its own error (7109) rather than as an unknown field.
    'tls_termination': {'enabled': 'bool', 'min_version': 'str', 'terminate_at': 'str'},
}
ROUTE_MODULES = tuple(TABLES)
EDGE_MODULES = tuple(EDGE_TABLES)
SESSION_MODULES = ('oauth', 'oidc', 'saml')

# What the server stores for what a write leaves out.
SESSION_DEFAULTS = {'options_passthrough': False, 'inactivity_timeout': 0, 'maximum_duration': 0}
DEFAULTS = {
    # Unknown: the legacy circuit breaker docs' defaults (a guess; no threshold default is documented, 0 chosen).
    'circuit_breaker': {'tripped_duration': 10, 'rolling_window': 10, 'num_buckets': 10, 'volume_threshold': 20,
                        'error_threshold_percentage': 0},
    'request_headers': {'add': {}, 'remove': []},
    'response_headers': {'add': {}, 'remove': []},
    'oauth': dict(SESSION_DEFAULTS, cookie_prefix='ngrok.', auth_check_interval=0),
    'saml': dict(SESSION_DEFAULTS, cookie_prefix='', force_authn=False, allow_idp_initiated=True, authorized_groups=[],
                 nameid_format='urn:oasis:names:tc:SAML:2.0:nameid-format:persistent'),
    'oidc': dict(SESSION_DEFAULTS, cookie_prefix='', scopes=[]),
    'user_agent_filter': {'allow': [], 'deny': []},
}
# The provider identifiers of the webhook verification module docs, which the API's own field description points to.
WEBHOOK_PROVIDERS = frozenset([
    'aftership', 'airship', 'autodesk', 'bitbucket', 'bolt', 'box', 'brex', 'buildkite', 'calendly', 'castle',
    'chargify', 'circleci', 'clearbit', 'clerk', 'coinbase', 'contentful', 'docusign', 'dropbox', 'facebook_graph_api',
    'facebook_messenger', 'frameio', 'github', 'gitlab', 'go1', 'graphcms', 'heroku', 'hostedhooks', 'hubspot',
    'instagram', 'intercom', 'launch_darkly', 'mailchimp', 'mailgun', 'microsoft_teams', 'modern_treasury', 'mongodb',
    'mux', 'orbit', 'pagerduty', 'pinwheel', 'plivo', 'pusher', 'sendgrid', 'sentry', 'shopify', 'signal_sciences',
    'slack', 'sns', 'sonatype', 'square', 'stripe', 'svix', 'terraform', 'tiktok', 'trendmicro_conformity', 'twilio',
    'twitter', 'typeform', 'vmware', 'webex', 'whatsapp', 'worldline', 'xero', 'zendesk', 'zoom'])
TLS_VERSIONS = ('1.0', '1.1', '1.2', '1.3')
HEADER_CHANGES_MAX = 5
HEADER_NAME_MAX, HEADER_VALUE_MAX = 256, 4096
IP_POLICIES_MAX = 20
CIRCUIT_BREAKER_BUCKETS_MAX = 128
COOKIE_PREFIX = re.compile(r'^[A-Za-z0-9.]*$')
SAML_IDP = 'https://idp.ngrok.com/saml/'
SIGNING_CERTIFICATE = (
    '-----BEGIN CERTIFICATE-----\n'
    'MIIBszCCAVmgAwIBAgIUEmulatorNotARealCertificate0wCgYIKoZIzj0EAwIw\n'
    'EjEQMA4GA1UEAwwHbmdyb2stc3AwHhcNMjYwMTAxMDAwMDAwWhcNMzYwMTAxMDAw\n'
    '-----END CERTIFICATE-----\n')


def _defaults(name, module):
    stored = {'enabled': True}
    stored.update(DEFAULTS.get(name, {}))
    stored.update(module)
    return stored


def _check_headers(module):
    add = module.get('add', {})
    lowered = {}
    for key in add:
        if key.lower() in lowered:
            raise invalid(7069, 'The header `%s` is added twice (header names are case-insensitive).' % key)
        lowered[key.lower()] = add[key]
    remove = [name.lower() for name in module.get('remove', [])]
    if len(lowered) > HEADER_CHANGES_MAX or len(remove) > HEADER_CHANGES_MAX:
        raise invalid(7015, 'At most %d headers can be added and %d removed.' % (HEADER_CHANGES_MAX, HEADER_CHANGES_MAX))
    if 'user-agent' in lowered or 'user-agent' in remove:
        # The module docs forbid it; no error code is documented for it, 7028 is this emulator's choice.
        raise invalid(7028, 'There were validation errors while saving the edge: the user-agent header cannot be added or removed.')
    if 'host' in remove and 'host' not in lowered:
        raise invalid(7164, 'Removing the host header requires adding a replacement host header.')
    for name in list(lowered) + remove:
        if not re.match(r"^[A-Za-z0-9!#$%&'*+.^_`|~-]+$", name):
            raise invalid(7023, '`%s` is not a valid HTTP header name because it contains at least one invalid character.' % name)
        if byte_length(name) > HEADER_NAME_MAX:  # 7105 and 7106 count bytes
            raise invalid(7105, 'The header beginning with `%s`... exceeds the maximum header name length of %d bytes.'
                          % (name[:16], HEADER_NAME_MAX))
    for name, value in lowered.items():
        if byte_length(value) > HEADER_VALUE_MAX:
            raise invalid(7106, 'The header value for `%s` beginning with `%s`... exceeds the maximum header value length of %d bytes.'
                          % (name, value[:16], HEADER_VALUE_MAX))
        if '\r' in value or '\n' in value or '\0' in value:
            raise invalid(7024, 'The value of header `%s` is invalid.' % name)
    # Names are stored lower case; entries to remove are matched case-insensitively and stored so too.
    return dict(module, add=lowered, remove=remove)


def _check_session(module):
    if not COOKIE_PREFIX.match(module.get('cookie_prefix', '')):
        raise invalid(7042, 'The cookie prefix may contain only letters, digits and periods.')
    for name in ('inactivity_timeout', 'maximum_duration', 'auth_check_interval'):
        if module.get(name, 0) < 0:
            raise invalid(215, 'The value provided for the request parameter `%s` is invalid.' % name)


def _check_oauth(module):
    chosen = [name for name in OAUTH_PROVIDERS if name in module.get('provider', {})]
    if not chosen:
        raise invalid(7037, 'Invalid edge module, OAuth does not define any provider configurations but one is required.')
    if len(chosen) > 1:
        raise invalid(7036, 'Invalid edge module, OAuth may only have one provider configuration but multiple are defined: [%s].'
                      % ', '.join(chosen))
    provider = module['provider'][chosen[0]]
    if bool(provider.get('client_id')) != bool(provider.get('client_secret')):
        raise invalid(7033, 'client_id and client_secret must be given together for a custom OAuth app.')
    if provider.get('scopes') and not provider.get('client_id'):
        raise invalid(7034, 'Custom scopes need a custom OAuth app (client_id and client_secret).')
    for key, code in (('email_addresses', 7067), ('email_domains', 7068)):
        for value in provider.get(key, []):
            if value != value.lower() or not value:
                raise invalid(code, 'The entry `%s` of %s must be non-empty and lower case.' % (value, key))
    _check_session(module)
    filled = dict((key, [] if kind == 'str_list' else None) for key, kind in OAUTH_PROVIDERS[chosen[0]].items())
    filled.update(provider)
    return dict(module, provider={chosen[0]: filled})


def check_module(store, name, module):
    """The module as the server stores it (defaults applied), or an error."""
    if name in ('request_headers', 'response_headers'):
        module = _check_headers(module)
    elif name == 'backend':
        if not module.get('backend_id'):
            raise invalid(215, 'The value provided for the request parameter `backend_id` is invalid.')
        if find_backend(store, module['backend_id']) is None:
            raise invalid(6501, 'Cannot save backend reference %s because it does not exists.' % module['backend_id'])
    elif name == 'ip_restriction':
        ids = module.get('ip_policy_ids', [])
        if not ids:
            raise invalid(7025, 'An IP restriction needs at least one IP policy.')
        if len(ids) > IP_POLICIES_MAX:
            raise invalid(7013, 'An IP restriction can use at most %d IP policies.' % IP_POLICIES_MAX)
        for policy_id in ids:
            if not looks_like(policy_id, 'ipp') or store['ip_policies'].get(policy_id) is None:
                raise invalid(7007, 'The IP policy %s in the IP Restriction module does not exist.' % policy_id)
    elif name == 'circuit_breaker':
        if not 0 <= module.get('error_threshold_percentage', 0) <= 1:
            raise invalid(7011, 'The error threshold percentage must be between 0.0 and 1.0.')
        for key, code in (('tripped_duration', 7016), ('rolling_window', 7017)):
            if key in module and module[key] <= 0:
                raise invalid(code, 'The %s must be greater than 0.' % key)
        if 'num_buckets' in module and not 0 < module['num_buckets'] <= CIRCUIT_BREAKER_BUCKETS_MAX:
            raise invalid(7018, 'The number of buckets must be between 1 and %d.' % CIRCUIT_BREAKER_BUCKETS_MAX)
        if module.get('volume_threshold', 0) < 0:
            raise invalid(215, 'The value provided for the request parameter `volume_threshold` is invalid.')
    elif name == 'webhook_verification':
        provider = module.get('provider')
        if not provider:
            raise invalid(7029, 'A webhook verification module needs a provider.')
        if provider.lower() not in WEBHOOK_PROVIDERS:
            raise invalid(7030, 'The webhook provider `%s` is not supported.' % provider)
        if provider.lower() == 'sns' and module.get('secret'):
            raise invalid(7026, 'The SNS provider does not take a secret.')
        if provider.lower() != 'sns' and not module.get('secret'):
            raise invalid(7027, 'The webhook provider `%s` requires a secret.' % provider)
    elif name == 'oauth':
        module = _check_oauth(module)
    elif name == 'oidc':
        for key, code in (('issuer', 7088), ('client_id', 7089), ('client_secret', 7090)):
            if not module.get(key):
                raise invalid(code, 'An OIDC module needs %s.' % key)
        _check_session(module)
    elif name == 'saml':
        if not module.get('idp_metadata'):
            raise invalid(7091, 'One of the SAML IdP Metadata or IdP Metadata URL properties must be specified.')
        _check_session(module)
    elif name == 'traffic_policy':
        if not module.get('value'):
            raise invalid(215, 'The value provided for the request parameter `value` is invalid: a traffic policy is required.')
    return _defaults(name, module)


def check_edge_module(name, module):
    if name == 'mutual_tls':
        for ca_id in module.get('certificate_authority_ids', []):
            if not looks_like(ca_id, 'ca'):
                raise invalid(7072, 'The certificate authority %s in the Mutual TLS module does not exist.' % ca_id)
        return dict({'enabled': True, 'certificate_authority_ids': []}, **module)
    if 'terminate_at' in module:
        raise invalid(7109, 'terminate_at cannot be set on an HTTPS edge.')
    if 'min_version' in module and module['min_version'] not in TLS_VERSIONS:
        raise invalid(219, '%s is not a supported TLS version. Supported versions: %s.' % (module['min_version'], ', '.join(TLS_VERSIONS)))
    return dict({'enabled': True, 'min_version': '1.2'}, **module)


def render_module(base_url, name, stored, route_id=None):
    """Response shape of a stored module."""
    if stored is None:
        return None
    result = dict(stored)
    if name == 'backend':
        backend_id = result.pop('backend_id')
        path = PREFIX_KIND[backend_id.split('_', 1)[0]]
        result['backend'] = {'id': backend_id, 'uri': '%s/backends/%s/%s' % (base_url, path, backend_id)}
    elif name == 'ip_restriction':
        result['ip_policies'] = [{'id': i, 'uri': '%s/ip_policies/%s' % (base_url, i)} for i in result.pop('ip_policy_ids')]
    elif name == 'oauth':
        chosen = result['provider']
        result['provider'] = dict((key, chosen.get(key)) for key in OAUTH_PROVIDERS)
    elif name == 'saml':
        url = SAML_IDP + route_id
        result.update(entity_id=url, metadata_url=url, assertion_consumer_service_url=url + '/acs',
                      single_logout_url=url + '/slo', request_signing_certificate_pem=SIGNING_CERTIFICATE, idp_metadata_url='')
    elif name == 'mutual_tls':
        result['certificate_authorities'] = [{'id': i, 'uri': '%s/certificate_authorities/%s' % (base_url, i)}
                                             for i in result.pop('certificate_authority_ids')]
    elif name == 'tls_termination':
        result = {'enabled': result['enabled'], 'terminate_at': 'edge', 'min_version': result['min_version']}
    return result
