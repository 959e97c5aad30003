# -*- coding: utf-8 -*-
# Copyright (c) 2026, community.ngrok contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""Each route module and edge module as traffic policy actions: the action and its config (the action
reference's names), and what the route then does to requests (policy_runner)."""

from __future__ import absolute_import, division, print_function
__metaclass__ = type

import json

import pytest

from ansible_collections.community.ngrok.plugins.module_utils.edges import EDGE_MODULE_FIELDS, ROUTE_MODULE_FIELDS
from ansible_collections.community.ngrok.plugins.module_utils.migration_route_modules import (
    NOT_TRANSLATED, REQUEST_ORDER, RESPONSE_ORDER, TRANSLATORS)
from ansible_collections.community.ngrok.tests.unit.plugins.module_utils.migration_inputs import (
    answer_with, backends, edge, plan_of, route)
from ansible_collections.community.ngrok.tests.unit.plugins.module_utils.policy_runner import Request, Runner

BACKEND = 'bkdhr_2fsOHJ0rkJvxGb9GcgjrAbqpkv1'
FORBIDDEN = ('deny', {'status_code': 403})
OK = ('custom-response', {'status_code': 200, 'body': 'upstream'})


def migrate(options=None, the_edge=None, **route_modules):
    """The plan of an edge with one route, /app*, answered by an HTTP response backend."""
    return plan_of([route('/app', backend=BACKEND, **route_modules)], backends(**{BACKEND: answer_with('upstream')}),
                   options, the_edge)


def route_rules(result, phase='on_http_request'):
    """The route's rules without its backend, as (name after the route, actions)."""
    return [(rule['name'].split(': ', 1)[1], rule['actions']) for rule in result['traffic_policy'].get(phase, [])
            if rule['name'].startswith('/app*: ') and ': backend ' not in rule['name']]


def run(result, **request):
    return Runner(result['traffic_policy']).run(Request(path='/app/page', **request))


def lost(result):
    return [(item['what'], item['why']) for item in result['unsupported']]


def test_every_route_module_and_edge_module_is_translated_or_reported():
    handled = set(TRANSLATORS) | set(NOT_TRANSLATED) | {'backend', 'traffic_policy'}
    assert set(field.name for field in ROUTE_MODULE_FIELDS) == handled
    assert set(REQUEST_ORDER + RESPONSE_ORDER) == set(TRANSLATORS) | {'traffic_policy'}
    assert set(field.name for field in EDGE_MODULE_FIELDS) == {'mutual_tls', 'tls_termination'}


def test_ip_restriction_is_restrict_ips_with_the_routes_ip_policies():
    result = migrate(ip_restriction={'enabled': True, 'ip_policies': [{'id': 'ipp_1'}, {'id': 'ipp_2'}]})
    assert route_rules(result) == [('ip restriction', [
        {'type': 'restrict-ips', 'config': {'enforce': True, 'ip_policies': ['ipp_1', 'ipp_2']}}])]
    assert run(result, client_allowed=False).answer == FORBIDDEN
    assert run(result).answer == OK


@pytest.mark.parametrize('user_agent, allowed', [
    ('Mozilla/5.0', True),
    ('Googlebot/2.1', False),          # a deny rule matches
    ('Google-Images/1.0', True),       # so does one, but an allow rule matches too
    ('bingbot', False),
    ('Bingbot', False),
    ('BINGBOT', True),                 # [Bb]ing is case-sensitive
    ('', True),                        # nothing to deny
    (None, True),                      # no User-Agent header: denied by default, unless ^$ is allowed (it is here)
])
def test_user_agent_filter_denies_what_the_module_denied(user_agent, allowed):
    """The module's documented example (allow (?i)google-images, deny (?i)google and [Bb]ing), plus ^$."""
    result = migrate(user_agent_filter={'enabled': True, 'allow': ['(?i)google-images', '^$'], 'deny': ['(?i)google', '[Bb]ing']})
    outcome = run(result, user_agent=user_agent)
    assert outcome.answer == (OK if allowed else FORBIDDEN), user_agent
    assert route_rules(result)[0][1] == [{'type': 'deny', 'config': {'status_code': 403}}]


def test_user_agent_filter_without_allow_rules_denies_matches_and_missing_headers():
    result = migrate(user_agent_filter={'enabled': True, 'allow': [], 'deny': ['curl']})
    assert run(result, user_agent='curl/8').answer == FORBIDDEN
    assert run(result, user_agent=None).answer == FORBIDDEN
    assert run(result, user_agent='').answer == OK
    assert run(result, user_agent='Mozilla/5.0').answer == OK


def test_user_agent_filter_without_deny_rules_follows_the_documented_rule_and_says_so():
    result = migrate(user_agent_filter={'enabled': True, 'allow': ['Mozilla'], 'deny': []})
    assert run(result, user_agent='curl/8').answer == OK
    assert run(result, user_agent=None).answer == FORBIDDEN
    assert any('no deny rule' in note for note in result['notes'])


def test_webhook_verification_is_verify_webhook():
    result = migrate(webhook_verification={'enabled': True, 'provider': 'github', 'secret': 'whsec'})
    assert route_rules(result) == [('webhook verification', [
        {'type': 'verify-webhook', 'config': {'provider': 'github', 'secret': 'whsec'}}])]
    assert run(result, webhook_valid=False).answer == FORBIDDEN
    assert run(result).answer == OK


def test_an_sns_webhook_needs_the_topic_owner_and_denies_until_given():
    result = migrate(webhook_verification={'enabled': True, 'provider': 'sns', 'secret': None})
    assert run(result).answer == FORBIDDEN
    assert [what for what, why in lost(result)] == ['webhook_verification']
    given = migrate({'webhook_secrets': {'/app': '123456789012'}}, webhook_verification={'enabled': True, 'provider': 'sns'})
    assert route_rules(given)[0][1] == [{'type': 'verify-webhook', 'config': {'provider': 'sns', 'secret': '123456789012'}}]
    assert given['unsupported'] == []
    typo = migrate({'webhook_secrets': {'/ap': '123456789012'}}, webhook_verification={'enabled': True, 'provider': 'sns'})
    assert run(typo).answer == FORBIDDEN
    assert 'webhook_secrets names /ap, which is no route with webhook verification: not used' in typo['notes']


OAUTH = {'enabled': True, 'options_passthrough': True, 'cookie_prefix': 'ngrok.', 'inactivity_timeout': 600,
         'maximum_duration': 86400, 'auth_check_interval': 300,
         'provider': {'google': {'client_id': 'cid', 'client_secret': 'hush', 'scopes': ['email'],
                                 'email_addresses': ['kate@gmail.com'], 'email_domains': ['acme.org']}}}


def test_oauth_is_the_oauth_action_with_its_session_settings():
    result = migrate(oauth=OAUTH)
    assert route_rules(result)[0] == ('oauth', [{'type': 'oauth', 'config': {
        'provider': 'google', 'client_id': 'cid', 'client_secret': 'hush', 'scopes': ['email'],
        'allow_cors_preflight': True, 'max_session_duration': '86400s', 'idle_session_timeout': '600s',
        'userinfo_refresh_interval': '300s'}}])
    assert result['unsupported'] == []


@pytest.mark.parametrize('email, allowed', [
    ('kate@gmail.com', True), ('KATE@gmail.com', True), ('bob@acme.org', True),
    ('bob@sub.acme.org', False), ('bob@gmail.com', False), ('kate@gmail.com.evil', False), ('', False)])
def test_oauth_lets_in_the_allowed_emails_and_email_domains_only(email, allowed):
    outcome = run(migrate(oauth=OAUTH), email=email)
    assert (outcome.answer == OK) is allowed
    assert outcome.answer in (OK, FORBIDDEN)


def test_oauth_without_restrictions_lets_every_signed_in_user_in_with_ngroks_app():
    provider = {'github': {'client_id': '', 'client_secret': '', 'scopes': [], 'email_addresses': [], 'email_domains': [],
                           'teams': [], 'organizations': []}}
    result = migrate(oauth=dict(OAUTH, provider=provider, options_passthrough=False, inactivity_timeout=0,
                                maximum_duration=0, auth_check_interval=0))
    assert route_rules(result) == [('oauth', [{'type': 'oauth', 'config': {'provider': 'github'}}])]
    assert run(result, email='anyone@example.com').answer == OK
    assert run(result).answer == ('redirect', {'to': 'the identity provider'})


def test_github_teams_cannot_be_checked_so_only_the_emails_get_in():
    provider = {'github': {'client_id': 'cid', 'client_secret': 'hush', 'scopes': [], 'email_addresses': ['kate@acme.org'],
                           'email_domains': [], 'teams': ['acme/devs'], 'organizations': ['acme']}}
    result = migrate(oauth=dict(OAUTH, provider=provider))
    assert lost(result)[0][0] == 'oauth.provider.github.teams and organizations'
    assert run(result, email='kate@acme.org').answer == OK
    assert run(result, email='dev@acme.org').answer == FORBIDDEN
    teams_only = dict(provider['github'], email_addresses=[])
    result = migrate(oauth=dict(OAUTH, provider={'github': teams_only}))
    assert run(result, email='kate@acme.org').answer == FORBIDDEN


def test_a_cookie_prefix_has_no_equivalent():
    result = migrate(oauth=dict(OAUTH, cookie_prefix='shop.'))
    assert [what for what, why in lost(result)] == ['oauth.cookie_prefix']
    assert run(result, email='kate@gmail.com').answer == OK


OIDC = {'enabled': True, 'options_passthrough': False, 'cookie_prefix': '', 'inactivity_timeout': 600, 'maximum_duration': 3600,
        'issuer': 'https://idp.example.com', 'client_id': 'cid', 'client_secret': 'hush', 'scopes': ['openid', 'email']}


def test_oidc_is_openid_connect_with_the_action_references_names():
    result = migrate(oidc=OIDC)
    assert route_rules(result) == [('openid connect', [{'type': 'openid-connect', 'config': {
        'issuer_url': 'https://idp.example.com', 'client_id': 'cid', 'client_secret': 'hush', 'scopes': ['openid', 'email'],
        'max_session_duration': '3600s', 'idle_session_duration': '600s'}}])]
    assert run(result).answer == ('redirect', {'to': 'the identity provider'})
    assert run(result, email='kate@acme.org').answer == OK


def test_saml_has_no_action_so_the_route_denies():
    result = migrate(saml={'enabled': True, 'idp_metadata': '<xml/>'})
    assert run(result, email='kate@acme.org').answer == FORBIDDEN
    assert [what for what, why in lost(result)] == ['saml']


@pytest.mark.parametrize('name, phase', [('request_headers', 'on_http_request'), ('response_headers', 'on_http_response')])
def test_headers_are_removed_then_added_in_their_phase(name, phase):
    result = migrate(**{name: {'enabled': True, 'add': {'host': 'internal.example', 'x-from': 'ngrok'}, 'remove': ['host', 'x-powered-by']}})
    assert route_rules(result, phase) == [(name.replace('_', ' '), [
        {'type': 'remove-headers', 'config': {'headers': ['host', 'x-powered-by']}},
        {'type': 'add-headers', 'config': {'headers': {'host': 'internal.example', 'x-from': 'ngrok'}}}])]
    assert result['unsupported'] == []


def test_header_values_with_edge_variables_are_carried_and_reported():
    result = migrate(request_headers={'enabled': True, 'add': {'x-country': '${.ngrok.geo.country_code}'}, 'remove': []})
    assert route_rules(result) == [('request headers', [{'type': 'add-headers', 'config': {'headers': {'x-country': '${.ngrok.geo.country_code}'}}}])]
    assert [what for what, why in lost(result)] == ['request_headers.add']


def test_compression_is_compress_response_with_the_modules_algorithms():
    result = migrate(compression={'enabled': True})
    assert route_rules(result, 'on_http_response') == [('compression', [
        {'type': 'compress-response', 'config': {'algorithms': ['gzip', 'deflate']}}])]


def test_circuit_breaker_uses_the_actions_field_names_and_durations():
    result = migrate(circuit_breaker={'enabled': True, 'tripped_duration': 30, 'rolling_window': 60, 'num_buckets': 10,
                                      'volume_threshold': 100, 'error_threshold_percentage': 0.5})
    assert route_rules(result) == [('circuit breaker', [{'type': 'circuit-breaker', 'config': {
        'error_threshold': 0.5, 'volume_threshold': 100, 'window_duration': '60s', 'tripped_duration': '30s'}}])]
    assert result['unsupported'] == []


def test_circuit_breaker_values_out_of_the_actions_range_are_brought_in_and_reported():
    result = migrate(circuit_breaker={'enabled': True, 'tripped_duration': 600, 'rolling_window': 60, 'num_buckets': 128,
                                      'volume_threshold': 0, 'error_threshold_percentage': None})
    assert route_rules(result)[0][1][0]['config'] == {'error_threshold': 0.5, 'volume_threshold': 1, 'window_duration': '60s',
                                                      'tripped_duration': '120s'}
    assert [what for what, why in lost(result)] == ['circuit_breaker.tripped_duration', 'circuit_breaker.num_buckets']


def test_the_routes_own_policy_keeps_its_rules_in_their_phases_for_the_routes_requests_only():
    own = {'on_http_request': [{'name': 'teapot', 'expressions': ['req.url.path.endsWith("/tea")'],
                                'actions': [{'type': 'custom-response', 'config': {'status_code': 418}}]}],
           'on_http_response': [{'actions': [{'type': 'add-headers', 'config': {'headers': {'x-policy': 'kept'}}}]}]}
    result = migrate(traffic_policy={'enabled': True, 'value': json.dumps(own)})
    assert route_rules(result) == [('policy: teapot', own['on_http_request'][0]['actions'])]
    assert route_rules(result, 'on_http_response') == [('policy rule 1', own['on_http_response'][0]['actions'])]
    runner = Runner(result['traffic_policy'])
    assert runner.run(Request(path='/app/tea')).answer == ('custom-response', {'status_code': 418})
    assert runner.run(Request(path='/other/tea')).answer == ('custom-response', {'status_code': 404})
    assert runner.run(Request(path='/app/page')).answer == OK


def test_a_yaml_route_policy_with_the_old_names_gets_the_current_ones():
    own = 'inbound:\n  - actions:\n      - type: custom-response\n        config:\n          content: gone\n'
    result = migrate(traffic_policy={'enabled': True, 'value': own})
    assert route_rules(result) == [('policy rule 1', [{'type': 'custom-response', 'config': {'body': 'gone'}}])]
    assert [note for note in result['notes'] if 'route /app' in note] == [
        "route /app: its policy's inbound rules go to on_http_request, the current name of that phase",
        'route /app: custom-response content renamed body, its current name']
    assert result['unsupported'] == []


def test_a_route_policy_that_cannot_be_carried_is_reported():
    result = migrate(traffic_policy={'enabled': True, 'value': '{"on_tcp_connect": [{"actions": [{"type": "deny"}]}], "on_http_request": ["x"]}'})
    assert [what for what, why in lost(result)] == ['traffic_policy.on_tcp_connect', 'traffic_policy rule 1']
    assert [what for what, why in lost(migrate(traffic_policy={'enabled': True, 'value': '{not: [valid'}))] == ['traffic_policy']


def test_websocket_tcp_converter_has_no_equivalent():
    result = migrate(websocket_tcp_converter={'enabled': True})
    assert [what for what, why in lost(result)] == ['websocket_tcp_converter']
    assert run(result).answer == OK


def test_a_disabled_route_module_is_left_out_and_reported():
    result = migrate(ip_restriction={'enabled': False, 'ip_policies': [{'id': 'ipp_1'}]}, compression={'enabled': False})
    assert route_rules(result) == [] and route_rules(result, 'on_http_response') == []
    assert [what for what, why in lost(result)] == ['ip_restriction', 'compression']
    assert all('disabled' in why for what, why in lost(result))


def test_the_modules_of_a_route_come_in_a_fixed_order():
    result = migrate(circuit_breaker={'enabled': True, 'error_threshold_percentage': 0.5}, request_headers={'enabled': True, 'add': {'x': '1'}},
                     oidc=OIDC, ip_restriction={'enabled': True, 'ip_policies': [{'id': 'ipp_1'}]},
                     webhook_verification={'enabled': True, 'provider': 'slack', 'secret': 's'},
                     user_agent_filter={'enabled': True, 'deny': ['curl']},
                     traffic_policy={'enabled': True, 'value': '{"on_http_request": [{"actions": [{"type": "log"}]}]}'})
    assert [name for name, actions in route_rules(result)] == [
        'ip restriction', 'user agent filter', 'webhook verification', 'openid connect', 'request headers',
        'policy rule 1', 'circuit breaker']


@pytest.mark.parametrize('edge_modules, expected', [
    ({'mutual_tls': {'enabled': True, 'certificate_authorities': [{'id': 'ca_1'}]},
      'tls_termination': {'enabled': True, 'min_version': '1.2', 'terminate_at': 'edge'}},
     {'mutual_tls_certificate_authorities': ['ca_1'], 'min_version': '1.2'}),
    ({'tls_termination': {'enabled': True, 'min_version': '1.3', 'terminate_at': 'edge'}}, {'min_version': '1.3'}),
    ({'tls_termination': {'enabled': True, 'min_version': '1.2', 'terminate_at': 'edge'}}, None),
    ({}, None),
])
def test_edge_tls_modules_are_terminate_tls_when_they_change_anything(edge_modules, expected):
    result = migrate(the_edge=edge(**edge_modules))
    rules = result['traffic_policy'].get('on_tcp_connect')
    if expected is None:
        assert rules is None
    else:
        assert rules == [{'name': 'edge tls', 'actions': [{'type': 'terminate-tls', 'config': expected}]}]
    assert result['unsupported'] == []


def test_edge_tls_below_1_2_and_disabled_edge_modules_are_reported():
    result = migrate(the_edge=edge(tls_termination={'enabled': True, 'min_version': '1.0', 'terminate_at': 'edge'},
                                   mutual_tls={'enabled': False, 'certificate_authorities': [{'id': 'ca_1'}]}))
    assert 'on_tcp_connect' not in result['traffic_policy']
    assert [(item['route'], item['what']) for item in result['unsupported']] == [
        (None, 'mutual_tls'), (None, 'tls_termination.min_version')]
