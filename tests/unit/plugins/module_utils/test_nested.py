# -*- coding: utf-8 -*-
# Copyright (c) 2026, community.ngrok contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""Route and edge modules: request vs response shape, partial comparison, defaults, secrets (no API)."""

from __future__ import absolute_import, division, print_function
__metaclass__ = type

from ansible_collections.community.ngrok.plugins.module_utils.errors import MASK
from ansible_collections.community.ngrok.plugins.module_utils.edges import HTTPS_EDGE, ROUTE
from ansible_collections.community.ngrok.plugins.module_utils.fields import CHANGED_SECRET

OAUTH_RESPONSE = {
    'enabled': True, 'options_passthrough': False, 'cookie_prefix': 'ngrok.', 'inactivity_timeout': 0,
    'maximum_duration': 0, 'auth_check_interval': 0,
    'provider': {
        'github': {'client_id': 'cid', 'client_secret': 'hush', 'scopes': [], 'email_addresses': [],
                   'email_domains': ['example.com'], 'teams': [], 'organizations': []},
        'facebook': None, 'microsoft': None, 'google': None, 'linkedin': None, 'gitlab': None,
        'twitch': None, 'amazon': None,
    },
}


def user(field, **value):
    """What AnsibleModule hands over: every sub-option present, unset ones None."""
    spec = field.argspec()['options']
    result = dict((name, None) for name in spec)
    result.update(value)
    return result


def test_backend_module_reads_the_response_shape_into_the_request_shape():
    field = ROUTE.field('backend')
    have = field.from_api({'enabled': True, 'backend': {'id': 'bkdhr_x', 'uri': 'https://x'}})
    assert have == {'enabled': True, 'backend': 'bkdhr_x'}
    assert field.equal(field.from_user(user(field, backend='bkdhr_x')), have)
    assert field.to_api({'backend': 'bkdhr_x'}) == {'backend_id': 'bkdhr_x'}


def test_ip_restriction_reads_refs_and_compares_as_a_set():
    field = ROUTE.field('ip_restriction')
    have = field.from_api({'enabled': True, 'ip_policies': [{'id': 'ipp_b', 'uri': ''}, {'id': 'ipp_a', 'uri': ''}]})
    assert field.equal(field.from_user(user(field, ip_policy_ids=['ipp_a', 'ipp_b'])), have)
    assert field.to_api({'ip_policy_ids': ['ipp_a']}) == {'ip_policy_ids': ['ipp_a']}


def test_only_given_sub_keys_are_compared():
    field = ROUTE.field('oauth')
    have = field.from_api(OAUTH_RESPONSE)
    want = field.from_user(user(field, provider=user(field.options[-2], github=user(
        field.options[-2].options[2], client_id='cid', client_secret='hush'))))
    assert field.equal(want, have)
    want['provider']['github']['client_secret'] = 'other'
    assert not field.equal(want, have)


def test_unset_module_never_equals_a_wanted_one():
    field = ROUTE.field('compression')
    assert field.from_api(None) is None
    assert not field.equal({'enabled': True}, None)


def test_header_module_lowercases_names_on_both_sides():
    field = ROUTE.field('request_headers')
    have = field.from_api({'enabled': True, 'add': {'x-a': '1'}, 'remove': ['x-b']})
    assert field.equal(field.from_user(user(field, add={'X-A': '1'}, remove=['X-B'])), have)


def test_prediction_is_the_server_defaults_under_the_users_values():
    field = ROUTE.field('oauth')
    want = {'provider': {'google': {'email_domains': ['example.com']}}}
    predicted = field.predict(want, None)
    assert predicted['cookie_prefix'] == 'ngrok.'
    assert predicted['enabled'] is True
    assert predicted['auth_check_interval'] == 0
    assert predicted['provider']['google']['email_domains'] == ['example.com']
    assert predicted['provider']['google']['scopes'] == []
    assert predicted['provider']['github'] is None
    saml = ROUTE.field('saml').predict({'idp_metadata': '<xml/>'}, {'entity_id': 'https://idp/saml/x'})
    assert saml['allow_idp_initiated'] is True
    assert saml['nameid_format'] == 'urn:oasis:names:tc:SAML:2.0:nameid-format:persistent'
    assert saml['entity_id'] == 'https://idp/saml/x'


def test_a_new_tls_termination_is_predicted_terminated_at_the_edge():
    tls = HTTPS_EDGE.field('tls_termination')
    assert tls.predict({'min_version': '1.3'}, None) == {'enabled': True, 'min_version': '1.3', 'terminate_at': 'edge'}
    assert tls.predict({'enabled': False}, {'enabled': True, 'min_version': None, 'terminate_at': 'edge'})['terminate_at'] == 'edge'


def test_secrets_are_masked_in_views_and_marked_when_changed():
    route = {'id': 'edghtsrt_1', 'oauth': OAUTH_RESPONSE, 'webhook_verification': {
        'enabled': True, 'provider': 'github', 'secret': 'whsec'}}
    view = ROUTE.view(route)
    shown = ROUTE.masked(view)
    assert shown['oauth']['provider']['github']['client_secret'] == MASK
    assert shown['webhook_verification']['secret'] == MASK
    assert view['oauth']['provider']['github']['client_secret'] == 'hush'
    after = dict(view, webhook_verification=dict(view['webhook_verification'], secret='new'))
    assert ROUTE.masked(after, other=view)['webhook_verification']['secret'] == CHANGED_SECRET
    assert ROUTE.masked(after, other=view)['oauth']['provider']['github']['client_secret'] == MASK
    assert 'hush' not in repr(ROUTE.masked(after, other=view))


def test_edge_shows_its_routes_with_secrets_masked():
    edge = {'id': 'edghts_1', 'hostports': ['a.example.com:443'], 'routes': [
        {'id': 'edghtsrt_1', 'match': '/', 'webhook_verification': {'enabled': True, 'provider': 'slack', 'secret': 'whsec'}}]}
    shown = HTTPS_EDGE.masked(HTTPS_EDGE.view(edge))
    assert shown['routes'][0]['webhook_verification']['secret'] == MASK
    assert 'whsec' not in repr(shown)


def test_route_rules_are_checked_before_any_request():
    assert ROUTE.validate({'oauth': {}, 'oidc': {}}) == ['only one of oauth, oidc and saml can protect a route (got oauth, oidc)']
    breaker = ROUTE.field('circuit_breaker')
    problems = breaker.problems(user(breaker, error_threshold_percentage=1.5, num_buckets=129, tripped_duration=0), 'circuit_breaker')
    assert len(problems) == 3
    headers = ROUTE.field('response_headers')
    problems = headers.problems(user(headers, add=dict(('h%d' % n, 'v') for n in range(6)), remove=['Host', 'User-Agent']), 'response_headers')
    assert any('at most 5 headers' in problem for problem in problems)
    assert any('user-agent' in problem for problem in problems)
    assert any('host header' in problem for problem in problems)
    hook = ROUTE.field('webhook_verification')
    assert hook.problems(user(hook, provider='github'), 'webhook_verification') == ['webhook_verification: provider github needs a secret']
    assert hook.problems(user(hook, provider='sns', secret='x'), 'webhook_verification') == ['webhook_verification: the sns provider takes no secret']


def test_header_names_must_be_http_tokens_and_values_single_lines():
    headers = ROUTE.field('request_headers')
    problems = headers.problems(user(headers, add={'X Bad': '1', 'X-Good': '2', 'X-Two': 'a\nb'}, remove=['a:b']), 'request_headers')
    assert problems == ["request_headers.add: 'x bad': not a valid header name",
                        'request_headers.add: the values of x-two must not contain CR, LF or NUL',
                        "request_headers.remove: 'a:b': not a valid header name"]
    assert headers.problems(user(headers, add={'X-Good': 2}, remove=['Server']), 'request_headers') == []


def test_oauth_lists_need_distinct_non_empty_entries_and_github_teams_their_format():
    oauth = ROUTE.field('oauth')
    provider = oauth.options[-2]
    github = user(provider.options[2], email_domains=['example.com', 'example.com', ''], teams=['org/team', '42', 'team'],
                  organizations=['org', 'org'])
    problems = oauth.problems(user(oauth, provider=user(provider, github=github)), 'oauth')
    assert problems == [
        'oauth.provider.github.email_domains: entries must not be empty',
        'oauth.provider.github.email_domains: entries must be unique (example.com given more than once)',
        'oauth.provider.github.teams: team: a team is org/team or a numeric id',
        'oauth.provider.github.organizations: entries must be unique (org given more than once)',
    ]


def test_oauth_inactivity_timeout_is_at_most_a_year():
    oauth = ROUTE.field('oauth')
    provider = oauth.options[-2]
    google = user(provider, google=user(provider.options[4]))
    assert oauth.problems(user(oauth, provider=google, inactivity_timeout=365 * 24 * 3600), 'oauth') == []
    assert oauth.problems(user(oauth, provider=google, inactivity_timeout=365 * 24 * 3600 + 1), 'oauth') == [
        'oauth.inactivity_timeout: 31536001 is out of range, it must be between 0 and 31536000']
