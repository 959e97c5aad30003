# -*- coding: utf-8 -*-
# Copyright (c) 2026, community.ngrok contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""Cloud endpoints: the recorded shape, URL normalisation and rules per binding, traffic policy, pooling."""

import pytest

EP, RD = '/endpoints', '/reserved_domains'
# The recorded example's policy, byte for byte.
POLICY = '{"on_http_request":[{"actions":[{"type":"deny","config":{"status_code":404}}]}]}'
YAML_POLICY = 'on_http_request:\n  - actions:\n      - type: custom-response\n        config:\n          status_code: 200\n'


def endpoint(url, **fields):
    return dict({'type': 'cloud', 'url': url, 'traffic_policy': POLICY}, **fields)


@pytest.fixture
def domain(api):
    return api.call('POST', RD, {'domain': 'endpoint-example2.com'}, expect=201)


def test_the_recorded_create(api, domain):
    created = api.call('POST', EP, endpoint('https://endpoint-example2.com:443', bindings=['public'], description='sample cloud endpoint',
                                            metadata='{"environment": "staging"}'), expect=201)
    # Exactly the keys of the recorded answer (no principal, region or name on a cloud endpoint).
    assert set(created) == {'bindings', 'created_at', 'description', 'domain', 'hostport', 'id', 'metadata', 'pooling_enabled', 'proto',
                            'public_url', 'traffic_policy', 'type', 'updated_at', 'uri', 'url'}
    assert created['url'] == created['public_url'] == 'https://endpoint-example2.com'
    assert (created['hostport'], created['proto'], created['type'], created['bindings']) == ('endpoint-example2.com:443', 'https', 'cloud', ['public'])
    assert created['traffic_policy'] == POLICY and created['pooling_enabled'] is False
    assert created['domain'] == {'id': domain['id'], 'uri': domain['uri']}
    assert created['id'].startswith('ep_') and created['updated_at'] == created['created_at']
    assert created['uri'].endswith('/endpoints/' + created['id'])
    assert api.call('GET', EP + '/' + created['id'], expect=200) == created
    assert api.call('GET', EP, expect=200)['endpoints'] == [created]


def test_the_policy_is_echoed_as_sent(api, domain):
    spaced = '{ "on_http_request" : [ { "actions" : [ { "type" : "deny" } ] } ] }'
    for policy in (YAML_POLICY, spaced):
        created = api.call('POST', EP, endpoint('https://endpoint-example2.com', traffic_policy=policy, pooling_enabled=True), expect=201)
        assert created['traffic_policy'] == policy


@pytest.mark.parametrize('policy,code', [
    ('', 'ERR_NGROK_18015'),
    ('   ', 'ERR_NGROK_18015'),
    ('on_http_request: [unclosed', 'ERR_NGROK_18002'),
    ('"just a string"', 'ERR_NGROK_18002'),
    ('{"on_request": [{"actions": [{"type": "deny"}]}]}', 'ERR_NGROK_18002'),
    ('{"on_http_request": []}', 'ERR_NGROK_18002'),
    ('{"on_http_request": [{"expressions": ["true"]}]}', 'ERR_NGROK_18002'),
    ('{"on_http_request": [{"actions": [{"type": "dney"}]}]}', 'ERR_NGROK_18002'),
    ('{"on_http_request": [{"actions": [{"type": "deny", "cfg": {}}]}]}', 'ERR_NGROK_18002'),
    ('{"on_http_request": [{"actions": [{"type": "deny"}], "when": "x"}]}', 'ERR_NGROK_18002'),
    ('{"on_http_request": [{"actions": [{"type": ["deny"]}]}]}', 'ERR_NGROK_18002'),
    ('on_http_request:\n  - actions:\n      - type: deny\n        config: 404\n', 'ERR_NGROK_18002'),
])
def test_invalid_policies(api, domain, policy, code):
    assert api.error('POST', EP, endpoint('https://endpoint-example2.com', traffic_policy=policy)) == code


def test_required_fields_type_and_unknown_fields(api, domain):
    for name in ('url', 'type', 'traffic_policy'):
        body = endpoint('https://endpoint-example2.com')
        del body[name]
        status, dummy, answer = api.raw('POST', EP, body)
        assert (status, answer['error_code']) == (400, 'ERR_NGROK_18015') and '`%s`' % name in answer['msg']
    assert api.error('POST', EP, endpoint('https://endpoint-example2.com', type='agent')) == 'ERR_NGROK_248'
    assert api.error('POST', EP, endpoint('https://endpoint-example2.com', id='ep_x')) == 'ERR_NGROK_214'
    assert api.error('POST', EP, endpoint('https://endpoint-example2.com', pooling_enabled='yes')) == 'ERR_NGROK_215'
    assert api.error('POST', EP, endpoint('https://endpoint-example2.com', description='x' * 256)) == 'ERR_NGROK_18014'
    assert api.call('GET', EP, expect=200)['endpoints'] == []


@pytest.mark.parametrize('url,expected,hostport', [
    ('https://endpoint-example2.com:443', 'https://endpoint-example2.com', 'endpoint-example2.com:443'),
    ('HTTPS://Endpoint-Example2.COM', 'https://endpoint-example2.com', 'endpoint-example2.com:443'),
    ('http://endpoint-example2.com:80', 'http://endpoint-example2.com', 'endpoint-example2.com:80'),
    ('tls://endpoint-example2.com', 'tls://endpoint-example2.com', 'endpoint-example2.com:443'),
    ('https://svc.internal:8443', 'https://svc.internal:8443', 'svc.internal:8443'),
    ('tcp://db.internal:5432', 'tcp://db.internal:5432', 'db.internal:5432'),
    ('https://a.b.c.d.e.internal', 'https://a.b.c.d.e.internal', 'a.b.c.d.e.internal:443'),
])
def test_url_normalisation(api, domain, url, expected, hostport):
    created = api.call('POST', EP, endpoint(url), expect=201)
    assert (created['url'], created['public_url'], created['hostport'], created['proto']) == (expected, expected, hostport, expected.split(':')[0])


@pytest.mark.parametrize('url,bindings,code', [
    ('endpoint-example2.com', None, 'ERR_NGROK_249'),
    ('ftp://endpoint-example2.com', None, 'ERR_NGROK_249'),
    ('https://', None, 'ERR_NGROK_249'),
    ('https://endpoint-example2.com:70000', None, 'ERR_NGROK_249'),
    ('https://bad_host.example2.com', None, 'ERR_NGROK_249'),
    ('tcp://db.internal', None, 'ERR_NGROK_249'),
    ('https://endpoint-example2.com/', None, 'ERR_NGROK_18014'),
    ('https://endpoint-example2.com/app', None, 'ERR_NGROK_18014'),
    ('https://endpoint-example2.com?a=1', None, 'ERR_NGROK_18014'),
    ('https://user@endpoint-example2.com', None, 'ERR_NGROK_18014'),
    ('https://endpoint-example2.com:8443', None, 'ERR_NGROK_18023'),
    ('http://endpoint-example2.com:81', None, 'ERR_NGROK_18023'),
    ('tls://endpoint-example2.com:8443', None, 'ERR_NGROK_18023'),
    ('https://other.example2.com', None, 'ERR_NGROK_18006'),
    ('https://svc.internal', ['public'], 'ERR_NGROK_18006'),
    ('tcp://1.tcp.ngrok.io:12345', None, 'ERR_NGROK_18006'),
    ('https://endpoint-example2.com', ['internal'], 'ERR_NGROK_18014'),
    ('https://a.b.c.d.e.f.internal', None, 'ERR_NGROK_18014'),
    ('https://svc.ns', ['kubernetes'], 'ERR_NGROK_18018'),
    ('http://svc.ns.cluster', ['kubernetes'], 'ERR_NGROK_18014'),
    ('https://endpoint-example2.com', ['private'], 'ERR_NGROK_15005'),
    ('https://endpoint-example2.com', ['public', 'public'], 'ERR_NGROK_15006'),
    ('https://endpoint-example2.com', ['public', 'internal'], 'ERR_NGROK_18014'),
    ('https://endpoint-example2.com', [], 'ERR_NGROK_18014'),
])
def test_url_and_binding_rules(api, domain, url, bindings, code):
    assert api.error('POST', EP, endpoint(url, bindings=bindings)) == code


def test_bindings_default_from_the_host_and_kubernetes_urls(api, domain):
    assert api.call('POST', EP, endpoint('https://endpoint-example2.com'), expect=201)['bindings'] == ['public']
    internal = api.call('POST', EP, endpoint('https://svc.internal'), expect=201)
    assert internal['bindings'] == ['internal'] and 'domain' not in internal
    kubernetes = api.call('POST', EP, endpoint('http://svc.ns', bindings=['kubernetes']), expect=201)
    assert (kubernetes['url'], kubernetes['hostport'], kubernetes['bindings']) == ('http://svc.ns', 'svc.ns:80', ['kubernetes'])
    assert 'domain' not in kubernetes


def test_a_reserved_wildcard_covers_its_subdomains(api):
    wildcard = api.call('POST', RD, {'domain': '*.example.com'}, expect=201)
    exact = api.call('POST', RD, {'domain': 'www.example.com'}, expect=201)
    assert api.call('POST', EP, endpoint('https://app.example.com'), expect=201)['domain']['id'] == wildcard['id']
    assert api.call('POST', EP, endpoint('https://*.example.com'), expect=201)['domain']['id'] == wildcard['id']
    assert api.call('POST', EP, endpoint('https://www.example.com'), expect=201)['domain']['id'] == exact['id']


@pytest.mark.parametrize('first,second,status,code', [
    (False, False, 409, 'ERR_NGROK_18009'),
    (True, False, 400, 'ERR_NGROK_18017'),
    (False, True, 400, 'ERR_NGROK_18016'),
    (True, True, 201, None),
])
def test_one_url_one_endpoint_unless_all_pool(api, domain, first, second, status, code):
    api.call('POST', EP, endpoint('https://endpoint-example2.com', pooling_enabled=first), expect=201)
    got, dummy, body = api.raw('POST', EP, endpoint('https://endpoint-example2.com:443', pooling_enabled=second))
    assert (got, body.get('error_code')) == (status, code)


def test_patch(api, domain):
    next_domain = api.call('POST', RD, {'domain': 'next.example2.com'}, expect=201)
    created = api.call('POST', EP, endpoint('https://endpoint-example2.com', description='d', metadata='m'), expect=201)
    path = EP + '/' + created['id']
    assert api.error('PATCH', path, {}) == 'ERR_NGROK_18004'
    assert api.error('PATCH', path, {'description': None}) == 'ERR_NGROK_18004'
    assert api.error('PATCH', path, {'type': 'cloud'}) == 'ERR_NGROK_214'
    assert api.error('PATCH', path, {'url': 'http://endpoint-example2.com'}) == 'ERR_NGROK_18005'
    assert api.error('PATCH', path, {'traffic_policy': ''}) == 'ERR_NGROK_18015'
    assert api.error('PATCH', path, {'traffic_policy': '{'}) == 'ERR_NGROK_18002'
    assert api.error('PATCH', path, {'url': 'https://unreserved.example2.com'}) == 'ERR_NGROK_18006'
    assert api.call('GET', path, expect=200) == created  # refused PATCHes change nothing
    patched = api.call('PATCH', path, {'description': 'new', 'traffic_policy': YAML_POLICY}, expect=200)
    assert (patched['description'], patched['metadata'], patched['traffic_policy']) == ('new', 'm', YAML_POLICY)
    assert patched['updated_at'] >= created['updated_at'] and patched['created_at'] == created['created_at']
    moved = api.call('PATCH', path, {'url': 'https://NEXT.example2.com:443', 'metadata': ''}, expect=200)
    assert (moved['url'], moved['hostport'], moved['domain']['id']) == ('https://next.example2.com', 'next.example2.com:443', next_domain['id'])
    assert 'metadata' not in moved
    # The old URL is free again; the new one is taken.
    api.call('POST', EP, endpoint('https://endpoint-example2.com'), expect=201)
    assert api.error('POST', EP, endpoint('https://next.example2.com'), status=409) == 'ERR_NGROK_18009'
    assert api.error('PATCH', path, {'pooling_enabled': True, 'url': 'https://endpoint-example2.com'}) == 'ERR_NGROK_18016'


def test_delete_frees_the_url_and_the_domain(api, domain):
    created = api.call('POST', EP, endpoint('https://endpoint-example2.com'), expect=201)
    assert api.error('DELETE', RD + '/' + domain['id']) == 'ERR_NGROK_446'
    api.call('DELETE', EP + '/' + created['id'], expect=204)
    assert api.raw('GET', EP + '/' + created['id'])[0] == 404
    assert api.raw('DELETE', EP + '/' + created['id'])[0] == 404
    assert api.raw('GET', EP + '/ep_junk')[0] == 404
    again = api.call('POST', EP, endpoint('https://endpoint-example2.com'), expect=201)
    api.call('DELETE', EP + '/' + again['id'], expect=204)
    api.call('DELETE', RD + '/' + domain['id'], expect=204)
