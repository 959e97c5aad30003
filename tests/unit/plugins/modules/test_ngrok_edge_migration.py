# -*- coding: utf-8 -*-
# Copyright (c) 2026, community.ngrok contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""ngrok_edge_migration and ngrok_https_edge_info through main(), against the emulator: the requests of each task
counted in its log (plan only, check mode, apply, re-run, a change of the edge), losses held back until they are
acknowledged (before any write, in check mode too), secrets never in the output, the endpoints as
ngrok_cloud_endpoint would make them, a failure half-way."""

from __future__ import absolute_import, division, print_function
__metaclass__ = type

import json
from urllib.parse import parse_qs

import pytest

from ansible_collections.community.ngrok.plugins.module_utils.errors import MASK
from ansible_collections.community.ngrok.plugins.modules import ngrok_cloud_endpoint, ngrok_edge_migration, ngrok_https_edge_info
from ansible_collections.community.ngrok.tests.unit.helpers import run_logged, warning_messages

SHOP = 'https://shop.example.com'
WRITES = ('POST', 'PATCH', 'PUT', 'DELETE')
OAUTH_SECRET = 'oauth-client-secret-of-the-shop'
WEBHOOK_SECRET = 'webhook-secret-of-the-deployer'
OIDC_SECRET = 'oidc-client-secret-of-the-back-office'
SNS_TOPIC_OWNER = 'sns-topic-owner-123456789012'
SECRETS = (OAUTH_SECRET, WEBHOOK_SECRET, OIDC_SECRET, SNS_TOPIC_OWNER)


def run(emulator, module=ngrok_edge_migration, check_mode=False, **args):
    return run_logged(emulator, module, check_mode=check_mode, **args)


def calls(log):
    """(method, path, query without limit) of each request, after checking they all shared one TCP connection."""
    assert len(set(entry['connection'] for entry in log)) <= 1
    shown = []
    for entry in log:
        query = parse_qs(entry['query'])
        shown.append((entry['method'], entry['path'], query.get('filter', query.get('limit', [None]))[0]))
    return shown


def writes(log):
    return [(entry['method'], entry['path']) for entry in log if entry['method'] in WRITES]


def created(emulator, path, body):
    status, answer = emulator.api('POST', path, body)
    assert status == 201, answer
    return answer['id']


class Shop:
    """An HTTPS edge with a route per route module (but oidc and saml: one sign-in module per edge, see
    back_office) and every backend type, built behind the modules' back:

    /            failover [weighted {blue 90, green 10}, maintenance page]; oauth, compression, headers,
                 user agent filter
    /api         tunnel group (service=api); ip restriction, circuit breaker, request headers, its own policy
    /api/health  HTTP response
    /hooks       tunnel group (service=deployer); webhook verification
    /ws          tunnel group (service=api); websocket to TCP converter (no equivalent)
    """

    def __init__(self, emulator, hostports=('shop.example.com:443',)):
        self.emulator = emulator
        emulator.reserve(*[hostport.rsplit(':', 1)[0] for hostport in hostports])
        self.ip_policy = created(emulator, '/ip_policies', {'description': 'offices'})
        self.health = created(emulator, '/backends/http_response', {'description': 'health', 'body': 'ok', 'status_code': 200})
        self.maintenance = created(emulator, '/backends/http_response', {'description': 'maintenance', 'body': 'back soon', 'status_code': 503})
        self.blue = created(emulator, '/backends/tunnel_group', {'labels': {'service': 'storefront', 'color': 'blue'}})
        self.green = created(emulator, '/backends/tunnel_group', {'labels': {'service': 'storefront', 'color': 'green'}})
        self.api = created(emulator, '/backends/tunnel_group', {'labels': {'service': 'api'}})
        self.deployer = created(emulator, '/backends/tunnel_group', {'labels': {'service': 'deployer'}})
        self.split = created(emulator, '/backends/weighted', {'backends': {self.blue: 90, self.green: 10}})
        self.front = created(emulator, '/backends/failover', {'backends': [self.split, self.maintenance]})
        self.edge = created(emulator, '/edges/https', {'description': 'shop', 'hostports': list(hostports)})
        self.routes = {}
        self.route('/', 'path_prefix', self.front, oauth={'provider': {'google': {
            'client_id': 'shop-app', 'client_secret': OAUTH_SECRET, 'email_domains': ['example.com']}}},
            compression={}, response_headers={'add': {'x-served-by': 'ngrok'}, 'remove': ['server']},
            user_agent_filter={'deny': ['(?i)badbot']})
        self.route('/api', 'path_prefix', self.api, ip_restriction={'ip_policy_ids': [self.ip_policy]},
                   circuit_breaker={'error_threshold_percentage': 0.5, 'volume_threshold': 20, 'tripped_duration': 30,
                                    'rolling_window': 60, 'num_buckets': 10},
                   request_headers={'add': {'x-api': 'v1'}},
                   traffic_policy={'value': json.dumps({'on_http_request': [{'name': 'rate', 'actions': [{'type': 'rate-limit', 'config': {
                       'name': 'api', 'algorithm': 'sliding_window', 'capacity': 100, 'rate': '60s', 'bucket_key': ['conn.client_ip']}}]}]})})
        self.route('/api/health', 'exact_path', self.health)
        self.route('/hooks', 'path_prefix', self.deployer, webhook_verification={'provider': 'github', 'secret': WEBHOOK_SECRET})
        self.route('/ws', 'path_prefix', self.api, websocket_tcp_converter={})

    def route(self, match, match_type, backend, **route_modules):
        body = dict(match=match, match_type=match_type, backend={'backend_id': backend}, **route_modules)
        self.routes[match] = created(self.emulator, '/edges/https/%s/routes' % self.edge, body)

    def path(self, match=None):
        return '/edges/https/%s' % self.edge + ('/routes/%s' % self.routes[match] if match else '')


ACKNOWLEDGED = ['/ws: websocket_tcp_converter']


def reads(shop):
    """The reads of the shop's edge and backends: the edge by id (its routes and route modules come with it), then
    level by level the backends, one type after the other: the routes' (the failover and the HTTP response backend
    by id, one of each; two tunnel groups: the first page of their list, which is all of it), then the failover's
    children (the maintenance page and the weighted backend, by id), then the weighted backend's (tunnel groups:
    already read). 8 backends, 5 requests."""
    return [('GET', shop.path(), None), ('GET', '/backends/failover/' + shop.front, None),
            ('GET', '/backends/http_response/' + shop.health, None), ('GET', '/backends/tunnel_group', '100'),
            ('GET', '/backends/http_response/' + shop.maintenance, None), ('GET', '/backends/weighted/' + shop.split, None)]


def by_url(url):
    return ('GET', '/endpoints', 'obj.type == "cloud" && obj.url == "%s"' % url)


@pytest.fixture
def shop(emulator):
    return Shop(emulator)


def no_secret_in(result):
    text = json.dumps(result)
    assert not [secret for secret in SECRETS if secret in text], 'a secret is in the output'


# -- requests per task ----------------------------------------------------------------------------------------

def test_requests_of_each_task_plan_check_apply_rerun_change(emulator, shop):
    planned, log = run(emulator, edge=shop.edge, state='planned', acknowledge=ACKNOWLEDGED)
    assert planned['changed'] is False and 'diff' not in planned
    assert calls(log) == reads(shop)
    assert [endpoint['url'] for endpoint in planned['endpoints']] == [SHOP]
    assert 'id' not in planned['endpoints'][0]

    check, log = run(emulator, check_mode=True, edge=shop.edge, acknowledge=ACKNOWLEDGED)
    assert check['changed'] is True and calls(log) == reads(shop) + [by_url(SHOP)]
    assert check['endpoints'][0]['id'] is None and check['endpoints'][0]['changed'] is True
    assert check['diff'] == [{'before_header': SHOP, 'after_header': SHOP, 'before': {}, 'after': check['diff'][0]['after']}]
    assert check['diff'][0]['after']['traffic_policy'] == check['traffic_policy'] == planned['traffic_policy']

    applied, log = run(emulator, edge=shop.edge, acknowledge=ACKNOWLEDGED)
    assert applied['changed'] is True and calls(log) == reads(shop) + [by_url(SHOP), ('POST', '/endpoints', None)]
    endpoint_id = applied['endpoints'][0]['id']
    assert endpoint_id.startswith('ep_') and applied['diff'][0]['after']['id'] == endpoint_id
    assert dict(applied['diff'][0]['after'], id=None, uri=None, created_at=None, domain=None) == check['diff'][0]['after']
    stored = emulator.api('GET', '/endpoints/' + endpoint_id)[1]
    assert stored['type'] == 'cloud' and stored['bindings'] == ['public'] and stored['url'] == SHOP

    again, log = run(emulator, edge=shop.edge, acknowledge=ACKNOWLEDGED)
    assert again['changed'] is False and calls(log) == reads(shop) + [by_url(SHOP)]
    assert again['endpoints'][0] == dict(applied['endpoints'][0], changed=False)
    assert again['diff'][0]['before'] == again['diff'][0]['after']

    # The edge changes (a route's backend answers something else): one PATCH, predicted by check mode. Every run above
    # and below only reads the edge and the backends (calls() lists every request).
    emulator.api('PATCH', '/backends/http_response/' + shop.health, {'body': 'healthy'})
    check, log = run(emulator, check_mode=True, edge=shop.edge, acknowledge=ACKNOWLEDGED)
    assert check['changed'] is True and writes(log) == [] and calls(log) == reads(shop) + [by_url(SHOP)]
    updated, log = run(emulator, edge=shop.edge, acknowledge=ACKNOWLEDGED)
    assert updated['changed'] is True and calls(log) == reads(shop) + [by_url(SHOP), ('PATCH', '/endpoints/' + endpoint_id, None)]
    assert updated['diff'][0]['after'] == check['diff'][0]['after'] and updated['endpoints'][0]['id'] == endpoint_id
    health = [rule for rule in updated['traffic_policy']['on_http_request'] if rule['name'].startswith('/api/health')]
    assert health[0]['actions'][0]['config']['body'] == 'healthy'
    again, log = run(emulator, edge=shop.edge, acknowledge=ACKNOWLEDGED)
    assert again['changed'] is False and writes(log) == []


def test_the_endpoint_is_what_ngrok_cloud_endpoint_makes_of_the_plan(emulator, shop):
    """The same engine: ngrok_cloud_endpoint, given what the migration wrote, finds it unchanged and shows the same endpoint."""
    applied, dummy = run(emulator, edge=shop.edge, acknowledge=ACKNOWLEDGED)
    stored = emulator.api('GET', '/endpoints/' + applied['endpoints'][0]['id'])[1]
    policy = json.loads(stored['traffic_policy'])
    endpoint = applied['endpoints'][0]
    same, log = run(emulator, ngrok_cloud_endpoint, url=SHOP, traffic_policy=policy, description=endpoint['description'],
                    metadata=endpoint['metadata'], bindings=endpoint['bindings'])
    assert same['changed'] is False and writes(log) == []
    assert same['endpoint'] == applied['diff'][0]['after']


def test_the_edge_by_description_reads_the_edges_list(emulator, shop):
    result, log = run(emulator, edge='shop', state='planned', acknowledge=ACKNOWLEDGED)
    assert calls(log)[0] == ('GET', '/edges/https', '100') and calls(log)[1:] == reads(shop)[1:]
    assert result['edge'] == {'id': shop.edge, 'description': 'shop', 'metadata': '', 'hostports': ['shop.example.com:443']}


def test_each_hostport_is_an_endpoint_looked_up_before_any_write(emulator):
    shop = Shop(emulator, hostports=('shop.example.com:443', 'www.example.com:443'))
    check, log = run(emulator, check_mode=True, edge=shop.edge, acknowledge=ACKNOWLEDGED)
    www = 'https://www.example.com'
    assert calls(log) == reads(shop) + [by_url(SHOP), by_url(www)] and [d['before_header'] for d in check['diff']] == [SHOP, www]
    applied, log = run(emulator, edge=shop.edge, acknowledge=ACKNOWLEDGED)
    assert calls(log) == reads(shop) + [by_url(SHOP), by_url(www), ('POST', '/endpoints', None), ('POST', '/endpoints', None)]
    assert applied['endpoints'][0]['traffic_policy'] == applied['endpoints'][1]['traffic_policy']
    assert [json.loads(endpoint['metadata'])['hostport'] for endpoint in applied['endpoints']] == ['shop.example.com:443', 'www.example.com:443']
    # One of them changed behind the module's back: only that one is written.
    emulator.api('PATCH', '/endpoints/' + applied['endpoints'][1]['id'], {'description': 'changed by hand'})
    again, log = run(emulator, edge=shop.edge, acknowledge=ACKNOWLEDGED)
    assert writes(log) == [('PATCH', '/endpoints/' + applied['endpoints'][1]['id'])]
    assert [endpoint['changed'] for endpoint in again['endpoints']] == [False, True]


def test_many_backends_of_a_type_are_read_by_id_past_the_first_page(emulator, shop):
    """150 more tunnel groups: the first page of their list is not all of it, so the shop's tunnel groups it lacks are
    read by id, each once; the plan is the same."""
    before, dummy = run(emulator, edge=shop.edge, state='planned', acknowledge=ACKNOWLEDGED)
    for number in range(150):
        created(emulator, '/backends/tunnel_group', {'description': 'other %d' % number, 'labels': {'other': str(number)}})
    after, log = run(emulator, edge=shop.edge, state='planned', acknowledge=ACKNOWLEDGED)
    assert after['traffic_policy'] == before['traffic_policy']
    tunnel_groups = [call for call in calls(log) if call[1].startswith('/backends/tunnel_group')]
    assert tunnel_groups[0] == ('GET', '/backends/tunnel_group', '100')
    by_id = [call[1].rsplit('/', 1)[1] for call in tunnel_groups[1:]]
    assert len(set(by_id)) == len(by_id) and set(by_id) <= set([shop.blue, shop.green, shop.api, shop.deployer])
    assert [call for call in calls(log) if not call[1].startswith('/backends/tunnel_group')] == [
        call for call in reads(shop) if not call[1].startswith('/backends/tunnel_group')]


# -- what has no equivalent ---------------------------------------------------------------------------------

@pytest.mark.parametrize('check_mode', [True, False])
def test_a_loss_not_acknowledged_fails_before_any_write_and_lists_it(emulator, shop, check_mode):
    result, log = run(emulator, check_mode=check_mode, edge=shop.edge)
    assert result['failed'] is True and writes(log) == []
    assert [call for call in calls(log) if call[1] == '/endpoints'] == []  # before the endpoints are even looked up
    assert result['unacknowledged'] == ['/ws: websocket_tcp_converter']
    assert '/ws: websocket_tcp_converter (there is no traffic policy action that turns WebSocket traffic into TCP' in result['msg']
    assert 'nothing was written' in result['msg']
    assert [(item['match'], item['what'], item['acknowledged']) for item in result['unsupported']] == [('/ws', 'websocket_tcp_converter', False)]
    assert result['edge']['id'] == shop.edge and result['notes'] and 'endpoints' not in result  # state=planned shows the plan
    no_secret_in(result)


@pytest.mark.parametrize('acknowledge', [['websocket_tcp_converter'], ['/ws: websocket_tcp_converter'], [' /ws: websocket_tcp_converter ']])
def test_a_loss_is_acknowledged_for_every_route_or_for_its_route(emulator, shop, acknowledge):
    result, log = run(emulator, edge=shop.edge, acknowledge=acknowledge)
    assert result['changed'] is True and result['unsupported'][0]['acknowledged'] is True
    assert warning_messages(result) == []


def test_an_acknowledgement_of_one_route_does_not_cover_another(emulator, shop):
    shop.route('/ws2', 'path_prefix', shop.api, websocket_tcp_converter={})
    result, log = run(emulator, check_mode=True, edge=shop.edge, acknowledge=ACKNOWLEDGED)
    assert result['failed'] is True and result['unacknowledged'] == ['/ws2: websocket_tcp_converter']
    result, log = run(emulator, check_mode=True, edge=shop.edge, acknowledge=['websocket_tcp_converter'])
    assert result['changed'] is True


def test_a_new_kind_of_loss_is_never_covered_by_earlier_acknowledgements(emulator, shop):
    emulator.api('DELETE', '/backends/http_response/' + shop.health)  # the route still names it (the API allows it)
    result, log = run(emulator, check_mode=True, edge=shop.edge, acknowledge=ACKNOWLEDGED)
    assert result['failed'] is True and result['unacknowledged'] == ['/api/health: backend %s' % shop.health]
    assert 'it was not found' in result['msg']
    result, log = run(emulator, check_mode=True, edge=shop.edge, acknowledge=ACKNOWLEDGED + ['/api/health: backend %s' % shop.health])
    assert result['changed'] is True
    rule = [rule for rule in result['traffic_policy']['on_http_request'] if rule['name'].startswith('/api/health')][0]
    assert rule['actions'] == [{'type': 'custom-response', 'config': {'status_code': 503}}]


def test_planned_warns_of_the_losses_instead_of_failing_and_an_unused_acknowledgement_warns(emulator, shop):
    result, log = run(emulator, edge=shop.edge, state='planned', acknowledge=['saml'])
    assert result['changed'] is False and 'failed' not in result
    messages = warning_messages(result)
    assert any("acknowledge: 'saml' names nothing this edge loses" in text for text in messages), messages
    assert any('/ws: websocket_tcp_converter' in text and 'before state=present' in text for text in messages), messages


def test_saml_fails_until_acknowledged_and_the_route_then_denies(emulator):
    emulator.reserve('legacy.example.com')
    backend = created(emulator, '/backends/http_response', {'body': 'legacy'})
    edge = created(emulator, '/edges/https', {'description': 'legacy', 'hostports': ['legacy.example.com:443']})
    created(emulator, '/edges/https/%s/routes' % edge, {'match': '/', 'match_type': 'path_prefix', 'backend': {'backend_id': backend},
                                                        'saml': {'idp_metadata': '<EntityDescriptor/>'}})
    failed, log = run(emulator, check_mode=True, edge=edge)
    assert failed['failed'] is True and failed['unacknowledged'] == ['/: saml'] and writes(log) == []
    applied, log = run(emulator, edge=edge, acknowledge=['/: saml'])
    assert applied['changed'] is True and writes(log) == [('POST', '/endpoints')]
    assert applied['traffic_policy']['on_http_request'][0]['actions'] == [{'type': 'deny', 'config': {'status_code': 403}}]


# -- secrets ------------------------------------------------------------------------------------------------

def back_office(emulator):
    """An edge with OpenID Connect and an SNS webhook (the topic owner comes from webhook_secrets)."""
    emulator.reserve('office.example.com')
    app = created(emulator, '/backends/tunnel_group', {'labels': {'service': 'office'}})
    edge = created(emulator, '/edges/https', {'description': 'office', 'hostports': ['office.example.com:443']})
    created(emulator, '/edges/https/%s/routes' % edge, {'match': '/', 'match_type': 'path_prefix', 'backend': {'backend_id': app},
                                                        'oidc': {'issuer': 'https://id.example.com', 'client_id': 'office',
                                                                 'client_secret': OIDC_SECRET}})
    created(emulator, '/edges/https/%s/routes' % edge, {'match': '/sns', 'match_type': 'exact_path', 'backend': {'backend_id': app},
                                                        'webhook_verification': {'provider': 'sns'}})
    return edge


def test_secrets_are_masked_in_the_result_the_diff_and_failures(emulator, shop):
    office = back_office(emulator)
    for edge, args in ((shop.edge, {'acknowledge': ACKNOWLEDGED}), (office, {'webhook_secrets': {'/sns': SNS_TOPIC_OWNER}})):
        for check_mode in (True, False):
            result, dummy = run(emulator, check_mode=check_mode, edge=edge, **args)
            assert result['changed'] is True
            no_secret_in(result)
            assert MASK in json.dumps(result['diff'][0]['after']['traffic_policy'])
        failed, dummy = run(emulator, edge=edge)
        no_secret_in(failed)
    stored = [json.loads(endpoint['traffic_policy']) for endpoint in emulator.api('GET', '/endpoints')[1]['endpoints']]
    assert all(secret in json.dumps(stored) for secret in SECRETS), 'the policies carry them to ngrok'


def test_a_changed_secret_shows_as_changed(emulator):
    office = back_office(emulator)
    run(emulator, edge=office, webhook_secrets={'/sns': SNS_TOPIC_OWNER})
    result, log = run(emulator, edge=office, webhook_secrets={'/sns': SNS_TOPIC_OWNER + '-new'})
    assert result['changed'] is True and writes(log) != []
    assert '******** (changed)' in json.dumps(result['diff'][0]['after']) and SNS_TOPIC_OWNER not in json.dumps(result)


def test_with_a_vault_the_policy_holds_references_and_the_result_names_the_secrets(emulator):
    office = back_office(emulator)
    result, log = run(emulator, edge=office, vault='office', webhook_secrets={'/sns': SNS_TOPIC_OWNER})
    stored = emulator.api('GET', '/endpoints/' + result['endpoints'][0]['id'])[1]['traffic_policy']
    assert not [secret for secret in SECRETS if secret in stored] and 'secrets.get(\\"office\\"' in stored
    assert [(item['vault'], item['name'].split('-', 1)[1], item['value']) for item in result['vault_secrets']] == [
        ('office', 'webhook-secret', MASK), ('office', 'oidc-client-secret', MASK)]
    no_secret_in(result)


# -- the edge, the options -----------------------------------------------------------------------------------

def test_a_missing_edge_fails_or_in_check_mode_is_assumed_with_a_warning(emulator):
    failed, log = run(emulator, edge='shop')
    assert failed['failed'] is True and failed['msg'] == "no HTTPS edge has the description 'shop'" and calls(log) == [('GET', '/edges/https', '100')]
    check, log = run(emulator, check_mode=True, edge='shop')
    assert check['changed'] is True and check['endpoints'] == [] and 'assumed to be created by an earlier task' in warning_messages(check)[0]
    planned, log = run(emulator, check_mode=True, edge='shop', state='planned')
    assert planned['changed'] is False
    failed, log = run(emulator, edge='edghts_' + 'A' * 27, state='planned')
    assert failed['msg'] == 'no HTTPS edge has the id edghts_' + 'A' * 27


def test_two_edges_with_the_description_fail_listing_both(emulator):
    ids = sorted(created(emulator, '/edges/https', {'description': 'twin'}) for dummy in range(2))
    failed, log = run(emulator, edge='twin', state='planned')
    assert failed['failed'] is True and failed['matches'] == ids and all(edge_id in failed['msg'] for edge_id in ids)


def test_options_shape_the_endpoints(emulator, shop):
    result, dummy = run(emulator, edge=shop.edge, acknowledge=ACKNOWLEDGED, endpoint_description='shop', endpoint_metadata={'team': 'web'},
                        internal_urls=[{'labels': {'service': 'api'}, 'url': 'https://shop-api.internal'}])
    endpoint = result['endpoints'][0]
    assert (endpoint['description'], endpoint['metadata'], endpoint['bindings']) == ('shop', '{"team":"web"}', ['public'])
    assert 'https://shop-api.internal' in json.dumps(result['traffic_policy'])
    assert not [note for note in result['notes'] if 'service=api ->' in note]


@pytest.mark.parametrize('args, message', [
    ({'edge': 'edgtls_' + 'A' * 27}, 'is the id of a TLS edge; only HTTPS edges'),
    ({'edge': 'edghts_short'}, "edge: 'edghts_short' is not the id of an HTTPS edge"),
    ({'edge': ' '}, 'edge: give the id'),
    ({'edge': 'shop', 'internal_urls': [{'labels': {'a': 'b'}, 'url': 'https://a.example.com'}]}, 'internal_urls[0].url'),
    ({'edge': 'shop', 'endpoint_description': 'x' * 256}, 'endpoint_description: must be at most 255 characters'),
    ({'edge': 'shop', 'endpoint_metadata': [1]}, 'endpoint_metadata: must be a string or a dictionary'),
    ({'edge': 'shop', 'endpoint_bindings': ['public', 'internal']}, 'bindings: an endpoint has exactly one binding'),
    ({'edge': 'shop', 'acknowledge': ['saml', '']}, 'acknowledge[1]: must not be empty'),
    ({'edge': 'shop', 'state': 'absent'}, 'value of state must be one of: present, planned'),
])
def test_bad_input_fails_before_any_request(emulator, args, message):
    result, log = run(emulator, **args)
    assert result['failed'] is True and message in result['msg'] and log == []


def test_a_failure_half_way_reports_what_was_done(emulator):
    """Two endpoints to update; the second PATCH is refused: the task fails, says it updated the first, reports the
    change; the next run writes only the second. When the first write fails, nothing was done."""
    shop = Shop(emulator, hostports=('shop.example.com:443', 'www.example.com:443'))
    applied, dummy = run(emulator, edge=shop.edge, acknowledge=ACKNOWLEDGED)
    first, second = [endpoint['id'] for endpoint in applied['endpoints']]
    emulator.api('PATCH', '/backends/http_response/' + shop.health, {'body': 'healthy'})
    emulator.fault(method='PATCH', path='/endpoints/' + first, status=400, times=1)
    failed, log = run(emulator, edge=shop.edge, acknowledge=ACKNOWLEDGED)
    assert failed['failed'] is True and failed.get('changed') is not True and writes(log) == [('PATCH', '/endpoints/' + first)]
    assert failed['msg'].startswith('PATCH /endpoints/%s failed: HTTP 400' % first)
    emulator.fault(method='PATCH', path='/endpoints/' + second, status=400, times=1)
    half, log = run(emulator, edge=shop.edge, acknowledge=ACKNOWLEDGED)
    assert half['failed'] is True and half['changed'] is True
    assert half['msg'].endswith('; before it, this task updated cloud endpoint %s (https://shop.example.com): run it again to finish' % first)
    assert half['api_error']['method'] == 'PATCH' and half['api_error']['path'] == '/endpoints/' + second
    done, log = run(emulator, edge=shop.edge, acknowledge=ACKNOWLEDGED)
    assert done['changed'] is True and writes(log) == [('PATCH', '/endpoints/' + second)]


# -- ngrok_https_edge_info --------------------------------------------------------------------------------------

def test_edge_info_lists_edges_with_their_routes_secrets_masked(emulator, shop):
    listed, log = run(emulator, ngrok_https_edge_info)
    assert calls(log) == [('GET', '/edges/https', '100')] and [edge['id'] for edge in listed['edges']] == [shop.edge]
    routes = listed['edges'][0]['routes']
    assert sorted(route['match'] for route in routes) == ['/', '/api', '/api/health', '/hooks', '/ws']
    assert [route['oauth']['provider']['google']['client_secret'] for route in routes if route['match'] == '/'] == [MASK]
    no_secret_in(listed)
    one, log = run(emulator, ngrok_https_edge_info, id=shop.edge)
    assert calls(log) == [('GET', shop.path(), None)] and one['edges'] == listed['edges']


def test_edge_info_filters(emulator, shop):
    other = created(emulator, '/edges/https', {'description': 'other', 'metadata': '{"team": "web"}'})
    for args, expected in (({'description': 'shop'}, [shop.edge]), ({'metadata': {'team': 'web'}}, [other]),
                           ({'hostport': 'SHOP.example.com:443'}, [shop.edge]), ({'hostport': 'www.example.com:443'}, []),
                           ({'id': other, 'description': 'shop'}, []), ({'id': 'edghts_' + 'A' * 27}, []), ({}, [other, shop.edge])):
        listed, log = run(emulator, ngrok_https_edge_info, **args)
        assert sorted(edge['id'] for edge in listed['edges']) == sorted(expected), args
        assert len(log) == 1


def test_edge_info_pages_through_the_edges(emulator):
    for number in range(150):
        created(emulator, '/edges/https', {'description': 'edge %d' % number})
    listed, log = run(emulator, ngrok_https_edge_info, description='edge 7')
    assert [edge['description'] for edge in listed['edges']] == ['edge 7'] and len(log) == 2
