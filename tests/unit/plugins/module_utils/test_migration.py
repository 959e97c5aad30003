# -*- coding: utf-8 -*-
# Copyright (c) 2026, community.ngrok contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""migration.plan on a whole edge (the golden test), its endpoints, options, vault secrets and masking.

The golden policy is fixtures/migration_edge_plan.yml. After a deliberate change of the translation,
rewrite it with MIGRATION_GOLDEN_UPDATE=1 and review its diff like code.
"""

from __future__ import absolute_import, division, print_function
__metaclass__ = type

import copy
import json
import os

import pytest
import yaml
from ngrok_emulator.traffic_policy import check_policy  # on the path tests/unit/conftest.py gives

from ansible_collections.community.ngrok.plugins.module_utils.backends import BACKENDS
from ansible_collections.community.ngrok.plugins.module_utils.edges import HTTPS_EDGE, ROUTE
from ansible_collections.community.ngrok.plugins.module_utils.errors import MASK, ModuleFailure
from ansible_collections.community.ngrok.plugins.module_utils.migration import check_options, endpoint_url, masked_plan, plan
from ansible_collections.community.ngrok.plugins.module_utils.migration_backends import backend_children, backend_type
from ansible_collections.community.ngrok.tests.unit.plugins.module_utils.migration_inputs import answer_with, backends, edge, plan_of, route
from ansible_collections.community.ngrok.tests.unit.plugins.module_utils.policy_runner import Request, Runner

FIXTURES = os.path.join(os.path.dirname(os.path.abspath(__file__)), 'fixtures')
SECRETS = ('oidc-client-secret-value', 'oauth-client-secret-value', 'webhook-secret-value')


def golden_input():
    with open(os.path.join(FIXTURES, 'migration_edge.json')) as handle:
        data = json.load(handle)
    api_backends = dict((item['id'], item) for item in data['backends'])
    return data['edge'], api_backends, data['options']


def read_like_the_module(api_edge, api_backends):
    """What the migration module will do: views of the edge and its routes, and of every backend reached
    from the routes, children followed down (backend_children), each read once."""
    edge_view = HTTPS_EDGE.view(api_edge)
    routes = [ROUTE.view(api_route) for api_route in api_edge['routes']]
    pending = [item['backend']['backend'] for item in routes if item.get('backend')]
    views = {}
    while pending:
        backend_id = pending.pop(0)
        if backend_id in views:
            continue
        views[backend_id] = BACKENDS[backend_type(backend_id)].view(api_backends[backend_id])
        pending.extend(backend_children(backend_id, views[backend_id]))
    return edge_view, routes, views


def golden_plan():
    api_edge, api_backends, options = golden_input()
    edge_view, routes, views = read_like_the_module(api_edge, api_backends)
    assert sorted(views) == sorted(api_backends), 'every backend of the fixture is reached from a route'
    return plan(edge_view, routes, views, options)


def test_the_whole_edge_gives_the_golden_plan():
    result = golden_plan()
    endpoints = [dict((key, value) for key, value in endpoint.items() if key != 'traffic_policy') for endpoint in result['endpoints']]
    assert all(endpoint['traffic_policy'] == result['traffic_policy'] for endpoint in result['endpoints'])
    shown = {'traffic_policy': result['traffic_policy'], 'endpoints': endpoints, 'unsupported': result['unsupported'],
             'notes': result['notes'], 'vault_secrets': result['vault_secrets']}
    path = os.path.join(FIXTURES, 'migration_edge_plan.yml')
    if os.environ.get('MIGRATION_GOLDEN_UPDATE'):
        with open(path, 'w') as handle:
            handle.write('# What migration.plan makes of migration_edge.json (test_migration.py). Rewrite with\n'
                         '# MIGRATION_GOLDEN_UPDATE=1 after a deliberate change, and review the diff.\n')
            yaml.safe_dump(shown, handle, sort_keys=False, width=110, allow_unicode=True)
    with open(path) as handle:
        assert shown == yaml.safe_load(handle)
    assert '&id' not in yaml.safe_dump(result), 'no two parts of a plan are the same object'


def test_the_golden_edge_serves_each_path_as_the_edge_did():
    policy = golden_plan()['traffic_policy']
    runner = Runner(policy)

    def answer(path, **request):
        outcome = runner.run(Request(path=path, **request))
        return outcome.answer[0], outcome.answer[1].get('url', outcome.answer[1].get('status_code'))
    assert answer('/', random=0.5) == ('forward-internal', 'https://color-blue-service-storefront.internal')
    assert answer('/', random=0.95) == ('forward-internal', 'https://color-green-service-storefront.internal')
    assert answer('/', user_agent='Googlebot') == ('deny', 403)
    assert answer('/api/health', client_allowed=False) == ('custom-response', 200)
    assert answer('/api/orders', client_allowed=False) == ('deny', 403)
    assert answer('/api/orders') == ('redirect', None)
    assert answer('/api/orders', email='kate@example.com') == ('forward-internal', 'https://region-eu-service-api.internal')
    assert answer('/api/orders', email='kate@example.com', offline=['https://region-eu-service-api.internal']) == (
        'forward-internal', 'https://region-us-service-api.internal')
    assert answer('/api/orders', email='kate@example.com', offline=[
        'https://region-eu-service-api.internal', 'https://region-us-service-api.internal']) == ('custom-response', 503)
    assert answer('/admin', email='kate@example.com') == ('forward-internal', 'https://backoffice.internal')
    assert answer('/admin', email='bob@elsewhere.org') == ('deny', 403)
    assert answer('/hooks/github', webhook_valid=False) == ('deny', 403)
    assert answer('/hooks/github') == ('forward-internal', 'https://service-deployer.internal')
    assert answer('/legacy/page', email='kate@example.com') == ('deny', 403)
    assert answer('/app/x') == ('forward-internal', 'https://service-app.internal')
    response = Runner(policy).run(Request(path='/app/x'), phase='on_http_response')
    assert response.types == ['add-headers']
    response = Runner(policy).run(Request(path='/shop'), phase='on_http_response')
    assert response.types == ['remove-headers', 'add-headers', 'compress-response']


def test_the_golden_edge_lists_what_it_cannot_carry_per_route():
    lost = [(item['match'], item['what']) for item in golden_plan()['unsupported']]
    assert lost == [  # in the order of the policy: most specific route first
        ('/legacy', 'saml'),
        ('/legacy', 'websocket_tcp_converter'),
        ('/admin', 'oauth.provider.github.teams'),
        ('/app', 'ip_restriction'),
    ]


def test_each_hostport_is_an_endpoint_with_the_same_policy():
    result = golden_plan()
    assert [endpoint['url'] for endpoint in result['endpoints']] == ['https://shop.example.com', 'https://shop.example.com:8443']
    assert [json.loads(endpoint['metadata']) for endpoint in result['endpoints']] == [
        {'moved_from_edge': 'edghts_2fsOHHxtBmEvOwnmWQLkRIwSFHa', 'hostport': 'shop.example.com:443'},
        {'moved_from_edge': 'edghts_2fsOHHxtBmEvOwnmWQLkRIwSFHa', 'hostport': 'shop.example.com:8443'}]
    assert {endpoint['description'] for endpoint in result['endpoints']} == {'Moved from HTTPS edge edghts_2fsOHHxtBmEvOwnmWQLkRIwSFHa (shop)'}
    assert {tuple(endpoint['bindings']) for endpoint in result['endpoints']} == {('public',)}
    result['endpoints'][0]['traffic_policy']['on_http_request'].pop()
    assert result['endpoints'][1]['traffic_policy'] == result['traffic_policy'], 'each endpoint has its own copy'


@pytest.mark.parametrize('hostport, url', [('a.example.com:443', 'https://a.example.com'), ('a.example.com:8443', 'https://a.example.com:8443'),
                                           ('*.example.com:443', 'https://*.example.com')])
def test_endpoint_urls_drop_the_https_port(hostport, url):
    assert endpoint_url(hostport) == url


def test_an_edge_without_hostports_gives_the_policy_and_no_endpoint():
    result = plan(edge(hostports=()), [route('/', backend='bkdhr_x')], backends(bkdhr_x=answer_with('x')))
    assert result['endpoints'] == [] and result['traffic_policy']['on_http_request']
    assert [(item['route'], item['what']) for item in result['unsupported']] == [(None, 'hostports')]


def test_the_options_set_the_endpoints_description_metadata_and_bindings():
    options = {'description': 'shop', 'metadata': {'owner': 'web'}, 'bindings': ['public', 'kubernetes']}
    endpoint = plan_of([route('/')], options=options)['endpoints'][0]
    assert (endpoint['description'], endpoint['metadata'], endpoint['bindings']) == ('shop', '{"owner":"web"}', ['public', 'kubernetes'])
    long_edge = edge(description='é' * 200)
    assert len(plan_of([route('/')], the_edge=long_edge)['endpoints'][0]['description']) == 255  # characters, as ngrok counts


@pytest.mark.parametrize('options, problem', [
    ({'unknown': 1}, 'unknown: not an option'),
    ({'internal_urls': {'service': 'app'}}, 'internal_urls: must be a list'),
    ({'internal_urls': [{'labels': {'service': 'app'}}]}, 'internal_urls[0]: must have exactly labels and url'),
    ({'internal_urls': [{'labels': {}, 'url': 'https://a.internal'}]}, 'internal_urls[0].labels: must be a non-empty map'),
    ({'internal_urls': [{'labels': {'a': 1}, 'url': 'https://a.internal'}]}, 'internal_urls[0].labels: must be a non-empty map'),
    ({'internal_urls': [{'labels': {'a': 'b'}, 'url': 'https://a.example.com'}]}, "internal_urls[0].url: 'https://a.example.com' is not"),
    ({'internal_urls': [{'labels': {'a': 'b'}, 'url': 'https://a.internal'}, {'labels': {'a': 'b'}, 'url': 'https://b.internal'}]},
     'internal_urls[1].labels: the same labels as internal_urls[0]'),
    ({'vault': ['x']}, 'vault: must be a string'),
    ({'description': 'x' * 256}, 'description: must be at most 255 characters long'),
    ({'metadata': 5}, 'metadata: must be a string or a dictionary'),
    ({'metadata': {'x': 'y' * 5000}}, 'metadata: must be at most 4096 characters long'),
    ({'webhook_secrets': ['x']}, 'webhook_secrets: must be a map'),
    ({'bindings': 'public'}, 'bindings: must be a list of strings'),
])
def test_bad_options_are_refused_before_anything_is_planned(options, problem):
    problems = check_options(options)
    assert any(found.startswith(problem) for found in problems), problems
    with pytest.raises(ModuleFailure) as failure:
        plan_of([route('/')], options=options)
    assert problem in failure.value.msg


def test_good_options_have_no_problem():
    assert check_options(None) == []
    assert check_options({'internal_urls': [{'labels': {'service': 'app'}, 'url': 'http://app.internal:8080'}], 'vault': 'shop',
                          'webhook_secrets': {'/hooks': 'x'}, 'description': 'd', 'metadata': '{}', 'bindings': ['public']}) == []


def test_with_a_vault_the_policy_holds_references_and_the_plan_lists_the_secrets_to_store():
    api_edge, api_backends, options = golden_input()
    edge_view, routes, views = read_like_the_module(api_edge, api_backends)
    result = plan(edge_view, routes, views, dict(options, vault='shop-secrets'))
    text = json.dumps(result['traffic_policy'])
    assert not any(secret in text for secret in SECRETS)
    assert [(item['name'], item['value']) for item in result['vault_secrets']] == [
        ('edghtsrt_2fsOI1yWzkS9g3u0cWUdKVSH7zT-webhook-secret', 'webhook-secret-value'),
        ('edghtsrt_2fsOHvfgmLhXuZpmf5KZBm2kVxT-oauth-client-secret', 'oauth-client-secret-value'),
        ('edghtsrt_2fsOHe3JhNnWQ2sUKSa2qwJLCCW-oidc-client-secret', 'oidc-client-secret-value'),
    ]
    assert '${secrets.get(\\"shop-secrets\\", \\"edghtsrt_2fsOI1yWzkS9g3u0cWUdKVSH7zT-webhook-secret\\")}' in text
    assert masked_plan(result)['traffic_policy'] == result['traffic_policy'], 'references are no secrets'
    assert all(item['value'] == MASK for item in masked_plan(result)['vault_secrets'])


def test_a_masked_plan_shows_no_secret_and_leaves_the_plan_as_it_was():
    result = golden_plan()
    before = copy.deepcopy(result)
    shown = masked_plan(result)
    assert result == before
    assert not any(secret in repr(shown) for secret in SECRETS)
    assert all(secret in repr(result) for secret in SECRETS)
    oidc = [action for rule in shown['endpoints'][1]['traffic_policy']['on_http_request'] for action in rule['actions']
            if action['type'] == 'openid-connect'][0]
    assert oidc['config']['client_secret'] == MASK


def test_a_route_without_a_path_match_is_reported():
    odd = route('/x')
    odd['match_type'] = None
    result = plan_of([odd])
    assert [(item['match'], item['what']) for item in result['unsupported']] == [('/x', 'match')]


def test_the_golden_policy_passes_the_emulators_policy_checks():
    """What the emulator checks as the API does (phases, rule fields, action types): a policy it refuses would fail
    every create of the migration module (ERR_NGROK_18002)."""
    for options in ({}, {'vault': 'shop-secrets'}):
        api_edge, api_backends, dummy = golden_input()
        edge_view, routes, views = read_like_the_module(api_edge, api_backends)
        check_policy(json.dumps(plan(edge_view, routes, views, options)['traffic_policy']))
