# -*- coding: utf-8 -*-
# Copyright (c) 2026, community.ngrok contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""HTTPS edges, routes and all 13 route modules: shapes, defaults, replace semantics, rules."""

import pytest

HR, EDGES = '/backends/http_response', '/edges/https'
ROUTE_MODULES = ('backend', 'ip_restriction', 'circuit_breaker', 'compression', 'request_headers', 'response_headers',
                 'webhook_verification', 'oauth', 'saml', 'oidc', 'websocket_tcp_converter', 'user_agent_filter', 'traffic_policy')


def module_bodies(backend_id, policy_id):
    """A valid request body for every route module (oidc and saml go on other routes than oauth)."""
    return {
        'backend': {'backend_id': backend_id},
        'ip_restriction': {'ip_policy_ids': [policy_id]},
        'circuit_breaker': {'tripped_duration': 5, 'rolling_window': 300, 'num_buckets': 120, 'volume_threshold': 20,
                            'error_threshold_percentage': 0.2},
        'compression': {},
        'request_headers': {'add': {'X-Req': '1'}},
        'response_headers': {'add': {'Content-Security-Policy': "default-src 'self'"}, 'remove': ['Server']},
        'webhook_verification': {'provider': 'TWILIO', 'secret': 'whsec'},
        'oauth': {'provider': {'github': {'client_id': 'cid', 'client_secret': 'csec', 'teams': ['org/team']}}},
        'saml': {'idp_metadata': '<EntityDescriptor/>'},
        'oidc': {'issuer': 'https://id.example.com', 'client_id': 'oc', 'client_secret': 'osec'},
        'websocket_tcp_converter': {'enabled': False},
        'user_agent_filter': {'deny': ['curl/.*']},
        'traffic_policy': {'value': '{"on_http_request": []}'},
    }


@pytest.fixture(autouse=True)
def example_domains(api):
    """Edge hostports must be reserved domains (7117): every hostport here is under *.example.com."""
    api.call('POST', '/reserved_domains', {'domain': '*.example.com'}, expect=201)


@pytest.fixture
def edge(api):
    return api.call('POST', EDGES, {'hostports': ['a.example.com:443'], 'description': 'e'}, expect=201)


@pytest.fixture
def refs(api):
    return api.call('POST', HR, {}, expect=201)['id'], api.call('POST', '/ip_policies', {}, expect=201)['id']


def test_edge_shape_and_modules(api, edge):
    assert (edge['mutual_tls'], edge['tls_termination'], edge['routes'], edge['hostports']) == (None, None, [], ['a.example.com:443'])
    path = EDGES + '/' + edge['id']
    tls = api.call('PUT', path + '/tls_termination', {'min_version': '1.3'}, expect=200)
    assert tls == {'enabled': True, 'terminate_at': 'edge', 'min_version': '1.3'}
    mtls = api.call('PUT', path + '/mutual_tls', {'certificate_authority_ids': ['ca_2fMuU4sEZ8HgKe5Ff5pJ4NbMb1W']}, expect=200)
    assert mtls['certificate_authorities'][0]['id'] == 'ca_2fMuU4sEZ8HgKe5Ff5pJ4NbMb1W' and mtls['enabled'] is True
    assert api.error('PUT', path + '/tls_termination', {'terminate_at': 'upstream'}) == 'ERR_NGROK_7109'
    patched = api.call('PATCH', path, {'metadata': 'm'}, expect=200)
    assert patched['tls_termination']['min_version'] == '1.3' and patched['hostports'] == ['a.example.com:443']
    replaced = api.call('PATCH', path, {'tls_termination': {'enabled': False}}, expect=200)
    assert replaced['tls_termination'] == {'enabled': False, 'terminate_at': 'edge', 'min_version': '1.2'}
    api.call('DELETE', path + '/mutual_tls', expect=204)
    api.call('DELETE', path + '/mutual_tls', expect=204)
    assert api.raw('GET', path + '/mutual_tls')[0] == 404


@pytest.mark.parametrize('hostports,code', [
    (['nohost'], 'ERR_NGROK_7104'), (['a.example.com:70000'], 'ERR_NGROK_7112'), (['a.example.com:80'], 'ERR_NGROK_7116'),
])
def test_hostport_rules(api, hostports, code):
    assert api.error('POST', EDGES, {'hostports': hostports}) == code


def test_hostports_are_unique_across_edges(api, edge):
    assert api.error('POST', EDGES, {'hostports': ['a.example.com:443']}) == 'ERR_NGROK_7122'


def test_route_has_every_module_key_and_policy(api, edge):
    route = api.call('POST', '%s/%s/routes' % (EDGES, edge['id']), {'match_type': 'exact_path', 'match': '/a'}, expect=201)
    assert all(route[name] is None for name in ROUTE_MODULES + ('policy',))
    assert route['edge_id'] == edge['id'] and route['id'].startswith('edghtsrt_')
    assert api.call('GET', EDGES + '/' + edge['id'])['routes'] == [route]


@pytest.mark.parametrize('body,code', [
    ({'match': '/a'}, 'ERR_NGROK_7130'), ({'match_type': 'regex', 'match': '/a'}, 'ERR_NGROK_7130'),
    ({'match_type': 'exact_path'}, 'ERR_NGROK_7123'), ({'match_type': 'exact_path', 'match': 'a'}, 'ERR_NGROK_7131'),
    ({'match_type': 'exact_path', 'match': '/' + 'a' * 255}, 'ERR_NGROK_7135'),
])
def test_route_match_rules(api, edge, body, code):
    assert api.error('POST', '%s/%s/routes' % (EDGES, edge['id']), body) == code


def test_match_is_unique_per_edge(api, edge):
    routes = '%s/%s/routes' % (EDGES, edge['id'])
    first = api.call('POST', routes, {'match_type': 'exact_path', 'match': '/a'}, expect=201)
    assert api.error('POST', routes, {'match_type': 'path_prefix', 'match': '/a'}) == 'ERR_NGROK_7126'
    second = api.call('POST', routes, {'match_type': 'exact_path', 'match': '/b'}, expect=201)
    assert api.error('PATCH', '%s/%s' % (routes, second['id']), {'match': '/a'}) == 'ERR_NGROK_7126'
    assert api.call('PATCH', '%s/%s' % (routes, first['id']), {'metadata': 'm'})['match'] == '/a'


def test_every_module_put_get_delete_with_response_shapes_and_defaults(api, edge, refs):
    backend_id, policy_id = refs
    route = api.call('POST', '%s/%s/routes' % (EDGES, edge['id']), {'match_type': 'path_prefix', 'match': '/'}, expect=201)
    base = '%s/%s/routes/%s/' % (EDGES, edge['id'], route['id'])
    shapes = {}
    for name, body in module_bodies(backend_id, policy_id).items():
        if name in ('saml', 'oidc'):
            api.call('DELETE', base + 'oauth', expect=204)
        shapes[name] = api.call('PUT', base + name, body, expect=200)
        assert api.call('GET', base + name, expect=200) == shapes[name]
        assert shapes[name]['enabled'] is body.get('enabled', True)
        if name == 'saml':
            api.call('DELETE', base + 'saml', expect=204)
    assert shapes['backend']['backend']['id'] == backend_id and shapes['backend']['backend']['uri'].endswith(HR + '/' + backend_id)
    assert shapes['ip_restriction']['ip_policies'][0]['id'] == policy_id
    assert shapes['response_headers'] == {'enabled': True, 'add': {'content-security-policy': "default-src 'self'"}, 'remove': ['server']}
    assert shapes['request_headers']['remove'] == []
    assert shapes['webhook_verification'] == {'enabled': True, 'provider': 'TWILIO', 'secret': 'whsec'}
    oauth = shapes['oauth']
    assert oauth['cookie_prefix'] == 'ngrok.' and oauth['auth_check_interval'] == 0 and oauth['options_passthrough'] is False
    assert sorted(oauth['provider']) == ['amazon', 'facebook', 'github', 'gitlab', 'google', 'linkedin', 'microsoft', 'twitch']
    assert oauth['provider']['github']['client_secret'] == 'csec' and oauth['provider']['github']['email_domains'] == []
    assert oauth['provider']['google'] is None
    saml = shapes['saml']
    assert saml['allow_idp_initiated'] is True and saml['nameid_format'].endswith(':persistent') and saml['authorized_groups'] == []
    assert saml['entity_id'] == saml['metadata_url'] == 'https://idp.ngrok.com/saml/' + route['id']
    assert saml['assertion_consumer_service_url'].endswith('/acs') and saml['single_logout_url'].endswith('/slo')
    assert saml['request_signing_certificate_pem'].startswith('-----BEGIN CERTIFICATE-----')
    assert shapes['oidc']['cookie_prefix'] == '' and shapes['oidc']['client_secret'] == 'osec' and shapes['oidc']['scopes'] == []
    assert shapes['user_agent_filter'] == {'enabled': True, 'allow': [], 'deny': ['curl/.*']}
    assert shapes['traffic_policy']['value'] == '{"on_http_request": []}'
    for name in ROUTE_MODULES:
        api.call('DELETE', base + name, expect=204)
    after = api.call('GET', base[:-1], expect=200)
    assert all(after[name] is None for name in ROUTE_MODULES)


def test_patch_replaces_given_modules_and_keeps_the_others(api, edge, refs):
    backend_id, policy_id = refs
    bodies = module_bodies(backend_id, policy_id)
    route = api.call('POST', '%s/%s/routes' % (EDGES, edge['id']), dict(
        match_type='path_prefix', match='/', oauth=bodies['oauth'], request_headers={'add': {'a': '1'}, 'remove': ['b']},
        backend=bodies['backend']), expect=201)
    path = '%s/%s/routes/%s' % (EDGES, edge['id'], route['id'])
    patched = api.call('PATCH', path, {'request_headers': {'add': {'c': '3'}}, 'oauth': {'provider': {'google': {}}, 'cookie_prefix': 'x.'}})
    assert patched['request_headers'] == {'enabled': True, 'add': {'c': '3'}, 'remove': []}
    assert patched['oauth']['provider']['github'] is None and patched['oauth']['cookie_prefix'] == 'x.'
    assert patched['backend'] == route['backend']
    assert patched['match'] == '/' and patched['match_type'] == 'path_prefix'


@pytest.mark.parametrize('name,body,code', [
    ('ip_restriction', {'ip_policy_ids': []}, 'ERR_NGROK_7025'),
    ('ip_restriction', {'ip_policy_ids': ['ipp_2fMuU4sEZ8HgKe5Ff5pJ4NbMb1W']}, 'ERR_NGROK_7007'),
    ('backend', {'backend_id': 'bkdhr_2fMuU4sEZ8HgKe5Ff5pJ4NbMb1W'}, 'ERR_NGROK_6501'),
    ('circuit_breaker', {'error_threshold_percentage': 1.5}, 'ERR_NGROK_7011'),
    ('circuit_breaker', {'tripped_duration': 0}, 'ERR_NGROK_7016'),
    ('circuit_breaker', {'rolling_window': -1}, 'ERR_NGROK_7017'),
    ('circuit_breaker', {'num_buckets': 129}, 'ERR_NGROK_7018'),
    ('request_headers', {'add': dict(('h%d' % n, 'v') for n in range(6))}, 'ERR_NGROK_7015'),
    ('request_headers', {'add': {'X-A': '1', 'x-a': '2'}}, 'ERR_NGROK_7069'),
    ('request_headers', {'remove': ['Host']}, 'ERR_NGROK_7164'),
    ('response_headers', {'add': {'User-Agent': 'x'}}, 'ERR_NGROK_7028'),
    ('response_headers', {'remove': ['user-agent']}, 'ERR_NGROK_7028'),
    ('response_headers', {'add': {'bad name': 'x'}}, 'ERR_NGROK_7023'),
    ('response_headers', {'add': {'x' * 257: 'x'}}, 'ERR_NGROK_7105'),
    ('response_headers', {'add': {'x': 'v' * 4097}}, 'ERR_NGROK_7106'),
    ('response_headers', {'add': {'x': 'é' * 2049}}, 'ERR_NGROK_7106'),  # 4098 bytes: 7106 counts bytes
    ('response_headers', {'add': {'x': 'a\r\nb: c'}}, 'ERR_NGROK_7024'),
    ('request_headers', {'remove': ['a', 'b', 'c', 'd', 'e', 'f']}, 'ERR_NGROK_7015'),
    ('webhook_verification', {'secret': 's'}, 'ERR_NGROK_7029'),
    ('webhook_verification', {'provider': 'nope', 'secret': 's'}, 'ERR_NGROK_7030'),
    ('webhook_verification', {'provider': 'github'}, 'ERR_NGROK_7027'),
    ('webhook_verification', {'provider': 'sns', 'secret': 's'}, 'ERR_NGROK_7026'),
    ('oauth', {'provider': {}}, 'ERR_NGROK_7037'),
    ('oauth', {}, 'ERR_NGROK_7037'),
    ('oauth', {'provider': {'github': {}, 'google': {}}}, 'ERR_NGROK_7036'),
    ('oauth', {'provider': {'google': {'client_id': 'x'}}}, 'ERR_NGROK_7033'),
    ('oauth', {'provider': {'google': {'scopes': ['email']}}}, 'ERR_NGROK_7034'),
    ('oauth', {'provider': {'google': {}}, 'cookie_prefix': 'a-b'}, 'ERR_NGROK_7042'),
    ('oauth', {'provider': {'google': {'email_addresses': ['A@example.com']}}}, 'ERR_NGROK_7067'),
    ('oauth', {'provider': {'google': {'email_domains': ['Example.com']}}}, 'ERR_NGROK_7068'),
    ('oauth', {'provider': {'google': {'nope': 1}}}, 'ERR_NGROK_214'),
    ('oidc', {'client_id': 'c', 'client_secret': 's'}, 'ERR_NGROK_7088'),
    ('oidc', {'issuer': 'i', 'client_secret': 's'}, 'ERR_NGROK_7089'),
    ('oidc', {'issuer': 'i', 'client_id': 'c'}, 'ERR_NGROK_7090'),
    ('saml', {}, 'ERR_NGROK_7091'),
])
def test_module_rules(api, edge, name, body, code):
    route = api.call('POST', '%s/%s/routes' % (EDGES, edge['id']), {'match_type': 'path_prefix', 'match': '/'}, expect=201)
    path = '%s/%s/routes/%s' % (EDGES, edge['id'], route['id'])
    assert api.error('PUT', path + '/' + name, body) == code
    assert api.error('PATCH', path, {name: body}) == code


def test_one_session_module_per_route_and_per_edge(api, edge):
    routes = '%s/%s/routes' % (EDGES, edge['id'])
    oauth = {'provider': {'google': {}}}
    oidc = {'issuer': 'i', 'client_id': 'c', 'client_secret': 's'}
    assert api.error('POST', routes, {'match_type': 'path_prefix', 'match': '/', 'oauth': oauth, 'oidc': oidc}) == 'ERR_NGROK_7079'
    api.call('POST', routes, {'match_type': 'path_prefix', 'match': '/', 'oauth': oauth}, expect=201)
    assert api.error('POST', routes, {'match_type': 'path_prefix', 'match': '/b', 'oidc': oidc}) == 'ERR_NGROK_7155'


def test_a_backend_used_by_a_route_can_be_deleted_and_the_route_keeps_pointing_at_it(api, edge, refs):
    """Issue 11 row 3: ERR_NGROK_6502 covers backends referenced by backends only; ngrok-operator PR #380 handles
    edges whose backend "no longer exists in the ngrok API". The route still names the deleted backend."""
    backend_id, dummy = refs
    route = api.call('POST', '%s/%s/routes' % (EDGES, edge['id']),
                     {'match_type': 'path_prefix', 'match': '/', 'backend': {'backend_id': backend_id}}, expect=201)
    path = '%s/%s/routes/%s' % (EDGES, edge['id'], route['id'])
    api.call('DELETE', HR + '/' + backend_id, expect=204)
    assert api.raw('GET', HR + '/' + backend_id)[0] == 404
    after = api.call('GET', path, expect=200)
    assert after['backend'] == route['backend'] and after['backend']['backend']['id'] == backend_id
    assert api.call('GET', path + '/backend', expect=200) == route['backend']
    assert api.call('GET', EDGES + '/' + edge['id'])['routes'] == [after]
    # Other writes leave the dangling module alone; giving it again refuses the missing backend.
    assert api.call('PATCH', path, {'description': 'd'}, expect=200)['backend'] == route['backend']
    assert api.error('PUT', path + '/backend', {'backend_id': backend_id}) == 'ERR_NGROK_6501'
    api.call('DELETE', path + '/backend', expect=204)
    # A backend used by another backend stays protected.
    child = api.call('POST', HR, {}, expect=201)['id']
    api.call('POST', '/backends/failover', {'backends': [child]}, expect=201)
    assert api.error('DELETE', HR + '/' + child) == 'ERR_NGROK_6502'


def test_an_ip_policy_used_by_a_route_cannot_be_deleted(api, edge, refs):
    """Issue 11 row 5: in use is ERR_NGROK_1420 naming its users (1410 is the account's policy limit)."""
    dummy, policy_id = refs
    route = api.call('POST', '%s/%s/routes' % (EDGES, edge['id']),
                     {'match_type': 'path_prefix', 'match': '/', 'ip_restriction': {'ip_policy_ids': [policy_id]}}, expect=201)
    status, dummy, body = api.raw('DELETE', '/ip_policies/' + policy_id)
    assert (status, body['error_code']) == (400, 'ERR_NGROK_1420')
    assert policy_id in body['msg'] and route['id'] in body['msg']
    api.call('DELETE', EDGES + '/' + edge['id'], expect=204)  # its routes go with it
    api.call('DELETE', '/ip_policies/' + policy_id, expect=204)


def test_an_empty_ip_policy_patch_is_refused(api):
    """Issue 11 row 6: ERR_NGROK_1400 "no values were provided"; backends, edges and routes have no such error."""
    policy = api.call('POST', '/ip_policies', {'description': 'p'}, expect=201)
    path = '/ip_policies/' + policy['id']
    for body in ({}, {'description': None}, None):
        status, dummy, answer = api.raw('PATCH', path, body)
        assert (status, answer['error_code']) == (400, 'ERR_NGROK_1400'), body
    assert api.call('PATCH', path, {'description': ''}, expect=200) == dict((k, v) for k, v in policy.items() if k != 'description')
    assert api.call('PATCH', '%s/%s' % (EDGES, api.call('POST', EDGES, {}, expect=201)['id']), {}, expect=200)['hostports'] is None


def test_an_edge_without_hostports_answers_null(api):
    """Issue 11 row 2: "hostports": null, not [] (ngrok-api-python's HTTPS edge created with a description only;
    every recorded TCP edge example)."""
    edge = api.call('POST', EDGES, {'description': 'no hostports'}, expect=201)
    assert edge['hostports'] is None
    path = EDGES + '/' + edge['id']
    assert api.call('PATCH', path, {'hostports': ['a.example.com:443']}, expect=200)['hostports'] == ['a.example.com:443']
    assert api.call('PATCH', path, {'hostports': []}, expect=200)['hostports'] is None
    assert api.call('GET', EDGES)['https_edges'][0]['hostports'] is None


def test_missing_edge_route_and_module(api, edge):
    assert api.raw('GET', EDGES + '/edghts_2fMuU4sEZ8HgKe5Ff5pJ4NbMb1W')[0] == 404
    assert api.raw('GET', '%s/%s/routes/edghtsrt_2fMuU4sEZ8HgKe5Ff5pJ4NbMb1W' % (EDGES, edge['id']))[0] == 404
    assert api.raw('POST', EDGES + '/edghts_2fMuU4sEZ8HgKe5Ff5pJ4NbMb1W/routes', {'match_type': 'exact_path', 'match': '/'})[0] == 404


def test_route_patch_with_empty_match_or_match_type_is_refused(api, edge):
    routes = '%s/%s/routes' % (EDGES, edge['id'])
    route = api.call('POST', routes, {'match_type': 'exact_path', 'match': '/a', 'description': 'd'}, expect=201)
    path = '%s/%s' % (routes, route['id'])
    # The Python SDK sends "" for both by default; a client must always send the real values.
    assert api.error('PATCH', path, {'match': ''}) == 'ERR_NGROK_7123'
    assert api.error('PATCH', path, {'match_type': ''}) == 'ERR_NGROK_7130'
    assert api.call('GET', path, expect=200) == route
    cleared = api.call('PATCH', path, {'description': '', 'match_type': 'path_prefix', 'match': '/a'}, expect=200)
    assert 'description' not in cleared and cleared['match_type'] == 'path_prefix'
    assert api.call('PATCH', path, {}, expect=200) == cleared


def test_routes_in_creation_order_and_only_under_their_edge(api, edge):
    routes = '%s/%s/routes' % (EDGES, edge['id'])
    created = [api.call('POST', routes, {'match_type': 'path_prefix', 'match': m}, expect=201) for m in ('/z', '/a', '/m')]
    assert [r['id'] for r in api.call('GET', EDGES + '/' + edge['id'])['routes']] == [r['id'] for r in created]
    other = api.call('POST', EDGES, {}, expect=201)
    wrong = '%s/%s/routes/%s' % (EDGES, other['id'], created[0]['id'])
    # ERR_NGROK_7110: "The request edge ID ... does not match the route edge ID ..." (status assumed 400).
    for method, body in (('GET', None), ('PATCH', {'description': 'x'}), ('DELETE', None)):
        status, dummy, answer = api.raw(method, wrong, body)
        assert (status, answer['error_code']) == (400, 'ERR_NGROK_7110') and other['id'] in answer['msg'], method
    for method, body in (('PUT', {}), ('GET', None), ('DELETE', None)):
        assert api.error(method, wrong + '/compression', body) == 'ERR_NGROK_7110'
    assert len(api.call('GET', EDGES + '/' + edge['id'])['routes']) == 3
    assert api.raw('GET', '%s/%s/compression' % (routes, created[0]['id']))[0] == 404  # unset module


def test_edge_module_rules_and_create_with_modules(api):
    ca = 'ca_2fMuU4sEZ8HgKe5Ff5pJ4NbMb1W'
    edge = api.call('POST', EDGES, {'mutual_tls': {'certificate_authority_ids': [ca], 'enabled': False},
                                    'tls_termination': {}}, expect=201)
    assert edge['mutual_tls'] == {'enabled': False, 'certificate_authorities': [
        {'id': ca, 'uri': edge['uri'].split('/edges/')[0] + '/certificate_authorities/' + ca}]}
    assert edge['tls_termination'] == {'enabled': True, 'terminate_at': 'edge', 'min_version': '1.2'}
    path = EDGES + '/' + edge['id']
    assert api.error('PUT', path + '/mutual_tls', {'certificate_authority_ids': ['ipp_2fMuU4sEZ8HgKe5Ff5pJ4NbMb1W']}) == 'ERR_NGROK_7072'
    assert api.error('PATCH', path, {'tls_termination': {'min_version': '0.9'}}) == 'ERR_NGROK_219'  # unsupported TLS version
    assert api.error('POST', EDGES, {'tls_termination': {'terminate_at': 'edge'}}) == 'ERR_NGROK_7109'
    assert api.error('PUT', path + '/mutual_tls', {'nope': True}) == 'ERR_NGROK_214'
    # A module left out of a PATCH is untouched; hostports given replace the list.
    patched = api.call('PATCH', path, {'hostports': ['b.example.com:443', 'c.example.com:443']}, expect=200)
    assert patched['mutual_tls'] == edge['mutual_tls'] and patched['hostports'] == ['b.example.com:443', 'c.example.com:443']
    assert api.error('POST', EDGES, {'hostports': ['x%d.example.com:443' % n for n in range(11)]}) == 'ERR_NGROK_7129'
    assert api.error('POST', EDGES, {'description': 'x' * 256}) == 'ERR_NGROK_7073'
    assert api.error('POST', EDGES, {'metadata': 'x' * 4097}) == 'ERR_NGROK_7074'


def test_module_defaults_when_only_required_fields_are_sent(api, edge, refs):
    backend_id, dummy = refs
    routes = '%s/%s/routes' % (EDGES, edge['id'])
    route = api.call('POST', routes, {'match_type': 'path_prefix', 'match': '/', 'circuit_breaker': {}, 'compression': {},
                                      'backend': {'backend_id': backend_id, 'enabled': False},
                                      'oauth': {'provider': {'google': {}}}, 'webhook_verification': {'provider': 'sns'}}, expect=201)
    # Issue 11 row 10: unknown; the legacy module docs' defaults, chosen (the threshold has none documented).
    assert route['circuit_breaker'] == {'enabled': True, 'tripped_duration': 10, 'rolling_window': 10, 'num_buckets': 10,
                                        'volume_threshold': 20, 'error_threshold_percentage': 0}
    given = api.call('PUT', '%s/%s/circuit_breaker' % (routes, route['id']), {'num_buckets': 128, 'error_threshold_percentage': 0.5},
                     expect=200)
    assert (given['num_buckets'], given['error_threshold_percentage'], given['tripped_duration']) == (128, 0.5, 10)
    assert route['compression'] == {'enabled': True}
    assert route['backend']['enabled'] is False
    assert route['webhook_verification'] == {'enabled': True, 'provider': 'sns'}
    google = route['oauth']['provider']['google']
    assert google == {'client_id': None, 'client_secret': None, 'scopes': [], 'email_addresses': [], 'email_domains': []}
    assert route['oauth']['inactivity_timeout'] == route['oauth']['maximum_duration'] == 0
    assert api.error('POST', routes, {'match_type': 'path_prefix', 'match': '/t', 'traffic_policy': {}}) == 'ERR_NGROK_215'
    assert api.error('POST', routes, {'match_type': 'path_prefix', 'match': '/s', 'saml': {'idp_metadata_url': 'https://x'}}) == 'ERR_NGROK_214'


def test_webhook_providers_are_those_of_the_module_docs(api, edge):
    """Issue 11 row 4: the provider identifiers of the webhook verification module docs (which the API's field
    description points to) and of the verify-webhook action's table; not the names this emulator once guessed."""
    path = '%s/%s/routes/%s/webhook_verification' % (
        EDGES, edge['id'], api.call('POST', '%s/%s/routes' % (EDGES, edge['id']), {'match_type': 'path_prefix', 'match': '/'}, expect=201)['id'])
    for provider in ('heroku', 'aftership', 'autodesk', 'brex', 'go1', 'graphcms', 'hostedhooks', 'orbit', 'signal_sciences',
                     'sonatype', 'trendmicro_conformity', 'Stripe'):
        assert api.call('PUT', path, {'provider': provider, 'secret': 's'}, expect=200)['provider'] == provider
    for provider in ('afterpay', 'autodesk_forge', 'go_cardless', 'hosted_hooks', 'hygraph', 'mandrill', 'signalwire', 'brevo',
                     'amazon_sns'):
        assert api.error('PUT', path, {'provider': provider, 'secret': 's'}) == 'ERR_NGROK_7030', provider


def test_hostports_must_be_reserved_domains(api, edge):
    status, dummy, body = api.raw('POST', EDGES, {'hostports': ['app.other.org:443']})
    assert (status, body['error_code']) == (400, 'ERR_NGROK_7117')
    assert body['msg'] == "The domain 'app.other.org:443' is not reserved."
    assert api.error('PATCH', '%s/%s' % (EDGES, edge['id']), {'hostports': ['app.other.org:443']}) == 'ERR_NGROK_7117'
    api.call('POST', '/reserved_domains', {'domain': 'app.other.org'}, expect=201)
    api.call('PATCH', '%s/%s' % (EDGES, edge['id']), {'hostports': ['app.other.org:443']}, expect=200)
