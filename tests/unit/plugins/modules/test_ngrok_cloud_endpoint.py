# -*- coding: utf-8 -*-
# Copyright (c) 2026, community.ngrok contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""ngrok_cloud_endpoint and ngrok_cloud_endpoint_info through main(), against the emulator: requests counted in
its log, the traffic policy compared as data (no spurious change whatever its layout), URLs as the API writes
them, secrets never in the output, deletes refused while another endpoint forwards to this one."""

from __future__ import absolute_import, division, print_function
__metaclass__ = type

import json

import pytest
from ansible.module_utils.common.parameters import PASS_VARS

from ansible_collections.community.ngrok.plugins.module_utils.errors import MASK
from ansible_collections.community.ngrok.plugins.module_utils.fields import CHANGED_SECRET
from ansible_collections.community.ngrok.plugins.modules import ngrok_cloud_endpoint, ngrok_cloud_endpoint_info, ngrok_reserved_domain
from ansible_collections.community.ngrok.tests.unit.helpers import filtered_calls, run_logged, warning_messages

PATH = '/endpoints'
SHOP = 'https://shop.example.com'
WRITES = ('POST', 'PATCH', 'PUT', 'DELETE')
DENY = {'on_http_request': [{'actions': [{'type': 'deny', 'config': {'status_code': 404}}]}]}

# One policy written five ways: YAML (block and flow style, comments, quotes), JSON compact and spaced with
# another key order, and as data. Each is the same policy.
YAML_POLICY = '''# the shop
on_http_request:
  - name: "api"
    expressions: ['req.url.path.startsWith("/api")']
    actions:
      - type: forward-internal
        config: {url: "https://shop-api.internal", on_error: halt}
  - actions:
      - type: custom-response
        config:
          status_code: 503
          headers: {content-type: text/plain}
          body: 'closed'
'''
POLICY = {'on_http_request': [
    {'name': 'api', 'expressions': ['req.url.path.startsWith("/api")'],
     'actions': [{'type': 'forward-internal', 'config': {'url': 'https://shop-api.internal', 'on_error': 'halt'}}]},
    {'actions': [{'type': 'custom-response', 'config': {'status_code': 503, 'headers': {'content-type': 'text/plain'}, 'body': 'closed'}}]},
]}
SAME_POLICIES = {
    'dict': POLICY,
    'compact JSON': json.dumps(POLICY, separators=(',', ':')),
    'spaced JSON, keys sorted': json.dumps(POLICY, indent=4, sort_keys=True),
    'YAML flow style': "{on_http_request: [{actions: [{config: {on_error: halt, url: 'https://shop-api.internal'}, type: forward-internal}], "
                       "expressions: ['req.url.path.startsWith(\"/api\")'], name: api}, {actions: [{type: custom-response, config: "
                       "{body: closed, headers: {content-type: text/plain}, status_code: 503}}]}]}",
    'empty parts that mean nothing': dict(POLICY, on_http_response=[], on_tcp_connect=None),
}


def run(emulator, module=ngrok_cloud_endpoint, check_mode=False, **args):
    return run_logged(emulator, module, check_mode=check_mode, **args)


def by_url(url):
    return ('GET', PATH, 'obj.type == "cloud" && obj.url == "%s"' % url)


def item(result):
    return PATH + '/' + result['endpoint']['id']


def writes(log):
    return [entry['method'] for entry in log if entry['method'] in WRITES]


def seed(emulator, count):
    """Internal endpoints: they need no reserved domain."""
    for number in range(count):
        status, answer = emulator.api('POST', PATH, {'type': 'cloud', 'url': 'https://seed-%d.internal' % number,
                                                     'traffic_policy': json.dumps(DENY), 'description': 'seed'})
        assert status == 201, answer


@pytest.fixture
def shop_domain(emulator):
    emulator.reserve('shop.example.com')


# -- requests per task ----------------------------------------------------------------------------------

def test_requests_of_each_task_whatever_the_number_of_endpoints(emulator, shop_domain):
    """Found by URL with one filtered request among 250 endpoints (paging would take 3): check-mode create 1 GET;
    create GET + POST; no-op GET; no-op by id GET; check-mode update GET; update GET + PATCH; a public endpoint's
    delete GET + DELETE (nothing can forward to it); delete again GET."""
    seed(emulator, 250)
    task = dict(url=SHOP, description='shop', traffic_policy=YAML_POLICY)
    check, log = run(emulator, check_mode=True, **task)
    assert check['changed'] is True and filtered_calls(log) == [by_url(SHOP)]
    assert check['endpoint'] == {
        'id': None, 'uri': None, 'created_at': None, 'description': 'shop', 'metadata': '', 'url': SHOP, 'traffic_policy': POLICY,
        'bindings': ['public'], 'pooling_enabled': False, 'type': 'cloud', 'public_url': SHOP, 'hostport': 'shop.example.com:443',
        'proto': 'https', 'domain': None}
    assert check['diff'] == {'before': {}, 'after': check['endpoint']}

    created, log = run(emulator, **task)
    assert created['changed'] is True and filtered_calls(log) == [by_url(SHOP), ('POST', PATH, None)]
    assert created['endpoint']['id'].startswith('ep_') and created['endpoint']['domain']['id'].startswith('rd_')
    assert dict(created['endpoint'], id=None, uri=None, created_at=None, domain=None) == check['endpoint']
    stored = emulator.api('GET', item(created))[1]
    assert stored['traffic_policy'] == YAML_POLICY and stored['type'] == 'cloud'  # a text is sent as given

    noop, log = run(emulator, **task)
    assert noop['changed'] is False and filtered_calls(log) == [by_url(SHOP)] and noop['endpoint'] == created['endpoint']
    noop, log = run(emulator, id=created['endpoint']['id'], traffic_policy=POLICY)
    assert noop['changed'] is False and filtered_calls(log) == [('GET', item(created), None)]

    update = dict(url=SHOP, description='the shop', metadata={'team': 'web'}, traffic_policy=DENY)
    check, log = run(emulator, check_mode=True, **update)
    assert check['changed'] is True and filtered_calls(log) == [by_url(SHOP)]
    updated, log = run(emulator, **update)
    assert updated['changed'] is True and filtered_calls(log) == [by_url(SHOP), ('PATCH', item(created), None)]
    assert updated['endpoint']['traffic_policy'] == DENY and updated['endpoint']['metadata'] == '{"team":"web"}'
    assert check['endpoint'] == updated['endpoint']
    assert updated['diff']['before'] == created['endpoint']
    assert emulator.api('GET', item(created))[1]['traffic_policy'] == json.dumps(DENY, separators=(',', ':'))

    check, log = run(emulator, check_mode=True, url=SHOP, state='absent')
    assert check['changed'] is True and filtered_calls(log) == [by_url(SHOP)]
    deleted, log = run(emulator, url=SHOP, state='absent')
    assert deleted['changed'] is True and filtered_calls(log) == [by_url(SHOP), ('DELETE', item(created), None)]
    assert deleted['endpoint'] == updated['endpoint'] and deleted['diff']['after'] == {}
    again, log = run(emulator, url=SHOP, state='absent')
    assert again['changed'] is False and filtered_calls(log) == [by_url(SHOP)] and again['endpoint'] == {}


def test_an_internal_endpoint_works_the_same_way_and_its_delete_looks_for_forwards(emulator):
    url = 'https://shop-api.internal'
    check, log = run(emulator, check_mode=True, url=url, traffic_policy=DENY)
    assert check['endpoint']['bindings'] == ['internal'] and check['endpoint']['hostport'] == 'shop-api.internal:443'
    created, log = run(emulator, url=url, traffic_policy=DENY)
    assert created['changed'] is True and created['endpoint']['bindings'] == ['internal'] and created['endpoint']['domain'] is None
    assert dict(created['endpoint'], id=None, uri=None, created_at=None) == check['endpoint']
    noop, log = run(emulator, url=url, bindings=['internal'], traffic_policy=json.dumps(DENY, indent=2))
    assert noop['changed'] is False and filtered_calls(log) == [by_url(url)]
    deleted, log = run(emulator, url=url, state='absent')
    assert filtered_calls(log) == [by_url(url), ('GET', PATH, None), ('DELETE', item(created), None)]


def test_any_url_of_the_same_endpoint_finds_it(emulator, shop_domain):
    created, log = run(emulator, url='HTTPS://Shop.Example.COM:443', traffic_policy=DENY)
    assert created['endpoint']['url'] == SHOP and filtered_calls(log) == [by_url(SHOP), ('POST', PATH, None)]
    for url in (SHOP, 'https://SHOP.example.com', 'https://shop.example.com:443'):
        noop, log = run(emulator, url=url, traffic_policy=DENY)
        assert noop['changed'] is False and filtered_calls(log) == [by_url(SHOP)]
    tcp, dummy = run(emulator, url='tcp://db.internal:5432', traffic_policy={'on_tcp_connect': [{'actions': [{'type': 'deny'}]}]})
    assert (tcp['endpoint']['url'], tcp['endpoint']['hostport'], tcp['endpoint']['proto']) == ('tcp://db.internal:5432', 'db.internal:5432', 'tcp')
    odd_port, dummy = run(emulator, url='https://API.internal:8443', traffic_policy=DENY)
    assert odd_port['endpoint']['url'] == 'https://api.internal:8443'


# -- the traffic policy is compared as data -----------------------------------------------------------------

@pytest.mark.parametrize('first', ['YAML text', 'dict'])
def test_the_same_policy_in_any_layout_is_no_change_and_no_write(emulator, shop_domain, first):
    run(emulator, url=SHOP, traffic_policy=YAML_POLICY if first == 'YAML text' else POLICY)
    for name, policy in sorted(SAME_POLICIES.items()) + [('YAML text', YAML_POLICY)]:
        for check_mode in (True, False):
            result, log = run(emulator, check_mode=check_mode, url=SHOP, traffic_policy=policy)
            assert result['changed'] is False, name
            assert filtered_calls(log) == [by_url(SHOP)], name
            assert result['endpoint']['traffic_policy'] == POLICY and result['diff']['before'] == result['diff']['after'], name


def test_a_real_change_of_the_policy_is_one_patch_and_shows_in_the_diff(emulator, shop_domain):
    run(emulator, url=SHOP, traffic_policy=YAML_POLICY)
    changed = YAML_POLICY.replace('status_code: 503', 'status_code: 502')
    check, log = run(emulator, check_mode=True, url=SHOP, traffic_policy=changed)
    assert check['changed'] is True and writes(log) == []
    result, log = run(emulator, url=SHOP, traffic_policy=changed)
    assert result['changed'] is True and writes(log) == ['PATCH']
    before, after = (result['diff'][side]['traffic_policy']['on_http_request'][1]['actions'][0]['config'] for side in ('before', 'after'))
    assert (before['status_code'], after['status_code']) == (503, 502)
    assert check['diff'] == result['diff']


# -- URLs ---------------------------------------------------------------------------------------------------

BAD_URLS = {
    'shop.example.com': 'needs a scheme',
    'ftp://shop.example.com': "has the scheme 'ftp'",
    'https://shop.example.com/': "must not end with '/' (https://shop.example.com)",
    'https://shop.example.com/api': 'must not have a path, query or fragment',
    'https://shop.example.com?a=1': 'must not have a path, query or fragment',
    'https://user:pw@shop.example.com': 'must not hold user information',
    'https://shop.example.com:0': "has the port '0'",
    'https://shop.example.com:99999': "has the port '99999'",
    'https://shop.example.com:': "has the port ''",
    'tcp://db.internal': 'needs a port',
    'https://localhost': 'needs a host name with a domain',
    'https://shop_1.example.com': "has 'shop_1' in its host",
    'https://a.*.example.com': "has '*' in its host",
    'https://shop .example.com': 'must not contain blanks',
    'https://shop.example.com:8443': 'url: https://shop.example.com:8443: a public https endpoint listens on port 443, not 8443',
    'http://shop.example.com:443': 'a public http endpoint listens on port 80, not 443',
    'https://a.b.c.d.e.f.internal': 'an internal endpoint host has at most 5 subdomains',
}


@pytest.mark.parametrize('url', sorted(BAD_URLS))
def test_urls_the_api_refuses_fail_before_any_request(emulator, url):
    result, log = run(emulator, url=url, traffic_policy=DENY)
    assert result['failed'] is True and log == []
    assert BAD_URLS[url] in result['msg'], result['msg']


@pytest.mark.parametrize('args,expected', [
    ({'url': 'https://api.example.com', 'bindings': ['internal']}, 'an internal endpoint has a host ending in .internal'),
    ({'url': 'https://api.ns', 'bindings': ['kubernetes']}, 'a kubernetes endpoint is http, tls, tcp, not https'),
    ({'url': 'https://api.internal', 'bindings': ['internal', 'public']}, 'bindings: an endpoint has exactly one binding'),
    ({'url': 'https://api.internal', 'bindings': []}, 'bindings: an endpoint has exactly one binding'),
    ({'url': 'https://api.internal', 'bindings': ['private']}, 'bindings'),
])
def test_binding_rules_fail_before_any_request(emulator, args, expected):
    result, log = run(emulator, traffic_policy=DENY, **args)
    assert result['failed'] is True and log == [] and expected in result['msg'], result['msg']


def test_a_kubernetes_endpoint(emulator):
    created, log = run(emulator, url='http://shop.default', bindings=['kubernetes'], traffic_policy=DENY)
    assert created['changed'] is True and created['endpoint']['bindings'] == ['kubernetes']


def test_the_url_moves_by_id_in_one_patch_and_its_scheme_never_changes(emulator, shop_domain):
    emulator.reserve('new.example.com')
    created, dummy = run(emulator, url=SHOP, description='shop', traffic_policy=DENY)
    moved, log = run(emulator, id=created['endpoint']['id'], url='https://NEW.example.com')
    assert moved['changed'] is True and filtered_calls(log) == [('GET', item(created), None), ('PATCH', item(created), None)]
    assert (moved['endpoint']['url'], moved['endpoint']['hostport']) == ('https://new.example.com', 'new.example.com:443')
    refused, log = run(emulator, id=created['endpoint']['id'], url='http://new.example.com')
    assert refused['failed'] is True and filtered_calls(log) == [('GET', item(created), None)]
    assert refused['msg'] == ('url: cloud endpoint %s (shop) is https://new.example.com, not http://new.example.com; the scheme of a '
                              'cloud endpoint URL cannot change (ngrok refuses it: ERR_NGROK_18005); create an endpoint on the new '
                              'URL and delete this one' % created['endpoint']['id'])
    check, log = run(emulator, check_mode=True, id=created['endpoint']['id'], url='https://shop.example.com')
    assert check['changed'] is True and check['endpoint']['hostport'] is None  # ngrok computes it again: unknown


def test_a_url_without_a_reserved_domain_is_refused_by_the_api_with_its_code(emulator):
    result, log = run(emulator, url='https://unreserved.example.com', traffic_policy=DENY)
    assert result['failed'] is True and result['api_error']['error_code'] == 'ERR_NGROK_18006'
    assert writes(log) == ['POST']


# -- the traffic policy is checked before any request ----------------------------------------------------------

BAD_POLICIES = [
    ({'on_http_requests': [{'actions': [{'type': 'deny'}]}]}, "traffic_policy: unknown phase 'on_http_requests'"),
    ({'on_http_request': {'actions': [{'type': 'deny'}]}}, 'traffic_policy: on_http_request must be a list of rules'),
    ({'on_http_request': [{'expression': ['true'], 'actions': [{'type': 'deny'}]}]},
     "traffic_policy: on_http_request[0] has no field 'expression' (a rule has name, expressions, actions)"),
    ({'on_http_request': [{'expressions': 'true', 'actions': [{'type': 'deny'}]}]}, 'on_http_request[0].expressions must be a list'),
    ({'on_http_request': [{'name': 'no actions'}]}, 'on_http_request[0].actions must be a list of at least one action'),
    ({'on_http_request': [{'actions': [{'config': {}}]}]}, 'on_http_request[0].actions[0].type must be the name of an action'),
    ({'on_http_request': [{'actions': [{'type': 'deny', 'cfg': {}}]}]}, "on_http_request[0].actions[0] has no field 'cfg'"),
    ({'on_http_request': [{'actions': [{'type': 'deny', 'config': 'x'}]}]}, 'on_http_request[0].actions[0].config must be a mapping'),
    ({'on_http_request': [{'actions': ['deny']}]}, 'on_http_request[0].actions[0] must be a mapping'),
    ({}, 'a cloud endpoint needs a policy with at least one rule'),
    ({'on_http_request': []}, 'a cloud endpoint needs a policy with at least one rule'),
    ('on_http_request: [unclosed', 'traffic_policy: neither JSON nor YAML'),
    ('- a list', 'traffic_policy: a traffic policy is a mapping of phases, not list'),
    (['on_http_request'], 'traffic_policy: must be a dictionary, or its text in JSON or YAML, not list'),
    (42, 'traffic_policy: must be a dictionary, or its text in JSON or YAML, not int'),
]


@pytest.mark.parametrize('policy,expected', BAD_POLICIES)
def test_a_policy_ngrok_refuses_fails_before_any_request(emulator, policy, expected):
    result, log = run(emulator, url='https://api.internal', traffic_policy=policy)
    assert result['failed'] is True and log == []
    assert expected in result['msg'], result['msg']
    assert 'Traceback' not in result['msg']


def test_an_action_type_unknown_here_is_a_warning_and_the_api_decides(emulator):
    policy = {'on_http_request': [{'actions': [{'type': 'teleport'}]}]}
    check, log = run(emulator, check_mode=True, url='https://api.internal', traffic_policy=policy)
    assert check['changed'] is True and log and writes(log) == []
    assert warning_messages(check) == [
        "traffic_policy: on_http_request[0].actions[0].type 'teleport' is not an action type this collection knows; if ngrok "
        "does not know it either, the API refuses the policy (ERR_NGROK_18002)"]
    refused, log = run(emulator, url='https://api.internal', traffic_policy=policy)
    assert refused['failed'] is True and refused['api_error']['error_code'] == 'ERR_NGROK_18002'


def test_a_policy_is_needed_to_create_but_not_to_change_the_rest(emulator):
    missing, log = run(emulator, url='https://api.internal', description='x')
    assert missing['failed'] is True and missing['msg'] == 'no cloud endpoint matches, and creating one needs traffic_policy'
    run(emulator, url='https://api.internal', traffic_policy=DENY)
    described, log = run(emulator, url='https://api.internal', description='x', pooling_enabled=True)
    assert described['changed'] is True and writes(log) == ['PATCH'] and described['endpoint']['traffic_policy'] == DENY
    assert described['endpoint']['pooling_enabled'] is True


# -- secrets ----------------------------------------------------------------------------------------------------

# ansible-core 2.21 returns the task's invocation only when asked (inject_invocation); 2.19 and 2.20 always do.
INVOCATION = {'_ansible_inject_invocation': True} if 'inject_invocation' in PASS_VARS else {}


def secret_policy(client_secret, webhook, password, form='dict'):
    policy = {'on_http_request': [{'actions': [
        {'type': 'verify-webhook', 'config': {'provider': 'github', 'secret': webhook}},
        {'type': 'basic-auth', 'config': {'credentials': ['alice:' + password]}},
        {'type': 'oauth', 'config': {'provider': 'github', 'client_id': 'gh-app', 'client_secret': client_secret}},
        {'type': 'custom-response', 'config': {'status_code': 200, 'body': 'in'}}]}]}
    return policy if form == 'dict' else (json.dumps(policy, indent=1) if form == 'json' else
                                          'on_http_request:\n  - actions:\n'
                                          '      - {type: verify-webhook, config: {provider: github, secret: %s}}\n'
                                          '      - {type: basic-auth, config: {credentials: ["alice:%s"]}}\n'
                                          '      - {type: oauth, config: {provider: github, client_id: gh-app, client_secret: "%s"}}\n'
                                          '      - {type: custom-response, config: {status_code: 200, body: in}}\n'
                                          % (webhook, password, client_secret))


@pytest.mark.parametrize('form', ['dict', 'json', 'yaml'])
def test_secrets_in_a_policy_never_appear_in_the_output_and_a_change_says_so(emulator, form):
    one = ('oauth-secret-one', 'hook-secret-one', 'basic-password-one')
    two = ('oauth-secret-two', 'hook-secret-one', 'basic-password-two')
    for check_mode in (True, False):
        created, dummy = run(emulator, check_mode=check_mode, url='https://admin.internal', traffic_policy=secret_policy(*one, form=form),
                             **INVOCATION)
        assert created['changed'] is True
        assert created['invocation']['module_args']['traffic_policy'] is not None  # the task's own options are in the output
        shown = json.dumps(created)
        assert not [secret for secret in one if secret in shown], shown
    actions = created['endpoint']['traffic_policy']['on_http_request'][0]['actions']
    assert actions[0]['config']['secret'] == MASK and actions[2]['config']['client_secret'] == MASK
    assert actions[1]['config']['credentials'] == ['alice:' + MASK]
    same, log = run(emulator, url='https://admin.internal', traffic_policy=secret_policy(*one))
    assert same['changed'] is False and writes(log) == []
    changed, log = run(emulator, url='https://admin.internal', traffic_policy=secret_policy(*two, form=form))
    assert changed['changed'] is True and writes(log) == ['PATCH']
    shown = json.dumps(changed)
    assert not [secret for secret in one + two if secret in shown], shown
    after = changed['diff']['after']['traffic_policy']['on_http_request'][0]['actions']
    assert after[2]['config']['client_secret'] == CHANGED_SECRET and after[0]['config']['secret'] == MASK
    assert after[1]['config']['credentials'] == ['alice:' + CHANGED_SECRET]
    assert changed['diff']['before']['traffic_policy']['on_http_request'][0]['actions'][2]['config']['client_secret'] == MASK


def test_a_custom_ai_provider_key_never_appears_in_the_output(emulator):
    """A provider with a base_url keeps its keys in the policy (ai-gateway/bring-your-own-keys/overview.mdx)."""
    def policy(key):
        return {'on_http_request': [{'actions': [{'type': 'ai-gateway', 'config': {'providers': [
            {'id': 'local', 'base_url': 'https://llm.internal', 'api_keys': [{'value': key}]}]}}]}]}
    created, dummy = run(emulator, url='https://ai.internal', traffic_policy=policy('sk-llm-one'), **INVOCATION)
    assert created['changed'] is True and 'sk-llm-one' not in json.dumps(created)
    assert created['endpoint']['traffic_policy']['on_http_request'][0]['actions'][0]['config']['providers'][0]['api_keys'] == [
        {'value': MASK}]
    changed, log = run(emulator, url='https://ai.internal', traffic_policy=policy('sk-llm-two'), **INVOCATION)
    assert changed['changed'] is True and writes(log) == ['PATCH']
    assert 'sk-llm-one' not in json.dumps(changed) and 'sk-llm-two' not in json.dumps(changed)
    assert changed['diff']['after']['traffic_policy']['on_http_request'][0]['actions'][0]['config']['providers'][0]['api_keys'] == [
        {'value': CHANGED_SECRET}]


@pytest.mark.parametrize('bad', [{'timeout': 0}, {'unknown_option': 1}, {'url': 'ftp://x'}])
def test_secrets_are_hidden_in_the_invocation_of_a_task_that_fails_early(emulator, bad):
    args = dict(dict(url='https://admin.internal', traffic_policy=secret_policy('oauth-secret-early', 'hook-secret-early', 'pw-early')),
                **dict(INVOCATION, **bad))
    result, log = run(emulator, **args)
    assert result['failed'] is True and log == []
    shown = json.dumps(result)
    assert 'oauth-secret-early' not in shown and 'hook-secret-early' not in shown and 'pw-early' not in shown


def test_a_vault_reference_round_trips_unchanged_and_stays_readable(emulator):
    """ngrok's vault secrets (traffic-policy/secrets.mdx): the policy names the secret, ngrok reads it when the
    policy runs. The policy holds no secret, so nothing is masked and a re-run is no change."""
    reference = '${secrets.get("shop", "github-client-secret")}'
    policy = {'on_http_request': [{'actions': [
        {'type': 'oauth', 'config': {'provider': 'github', 'client_id': 'gh-app', 'client_secret': reference}},
        {'type': 'basic-auth', 'config': {'credentials': ["alice:${secrets.get('shop', 'alice')}"]}},
        {'type': 'custom-response', 'config': {'status_code': 200}}]}]}
    created, log = run(emulator, url='https://admin.internal', traffic_policy=policy)
    assert created['changed'] is True and writes(log) == ['POST']
    assert created['endpoint']['traffic_policy'] == policy
    as_yaml = ("on_http_request:\n  - actions:\n      - type: oauth\n        config:\n          provider: github\n          client_id: gh-app\n"
               "          client_secret: '%s'\n      - type: basic-auth\n        config:\n          credentials: [\"alice:${secrets.get('shop', 'alice')}\"]\n"
               "      - type: custom-response\n        config: {status_code: 200}\n" % reference)
    for again in (policy, as_yaml):
        noop, log = run(emulator, url='https://admin.internal', traffic_policy=again)
        assert noop['changed'] is False and writes(log) == []


# -- in use -----------------------------------------------------------------------------------------------------

def forwarding(url):
    return {'on_http_request': [{'actions': [{'type': 'forward-internal', 'config': {'url': url}}]}]}


def test_an_internal_endpoint_another_forwards_to_is_not_deleted_and_the_user_is_named(emulator, shop_domain):
    api, dummy = run(emulator, url='https://shop-api.internal', traffic_policy=DENY)
    shop, dummy = run(emulator, url=SHOP, description='shop', traffic_policy=forwarding('https://Shop-API.internal:443'))
    user = 'cloud endpoint %s (shop)' % shop['endpoint']['id']
    refused, log = run(emulator, url='https://shop-api.internal', state='absent')
    assert refused['failed'] is True and refused['used_by'] == [user]
    assert refused['msg'] == 'cannot delete cloud endpoint %s: it is used by %s' % (api['endpoint']['id'], user)
    assert writes(log) == []
    check, log = run(emulator, check_mode=True, url='https://shop-api.internal', state='absent')
    assert check['changed'] is True and writes(log) == []
    assert warning_messages(check) == ['cloud endpoint %s is used by %s; deleting it will fail unless an earlier task removes those uses'
                                       % (api['endpoint']['id'], user)]
    run(emulator, url=SHOP, traffic_policy=DENY)
    deleted, log = run(emulator, url='https://shop-api.internal', state='absent')
    assert deleted['changed'] is True and writes(log) == ['DELETE']


def test_a_pooled_internal_endpoint_is_deleted_without_a_search(emulator):
    api, dummy = run(emulator, url='https://shop-api.internal', pooling_enabled=True, traffic_policy=DENY)
    run(emulator, url='https://shop.internal', traffic_policy=forwarding('https://shop-api.internal'))
    deleted, log = run(emulator, id=api['endpoint']['id'], state='absent')
    assert deleted['changed'] is True and filtered_calls(log) == [('GET', item(api), None), ('DELETE', item(api), None)]


def test_a_reserved_domain_an_endpoint_uses_is_not_released(emulator):
    domain, dummy = run(emulator, ngrok_reserved_domain, domain='*.example.com')
    shop, dummy = run(emulator, url=SHOP, description='shop', traffic_policy=DENY)
    refused, log = run(emulator, ngrok_reserved_domain, domain='*.example.com', state='absent')
    assert refused['failed'] is True and refused['used_by'] == ['cloud endpoint %s (shop)' % shop['endpoint']['id']]
    assert writes(log) == []


def test_several_endpoints_of_one_pool_fail_listing_their_ids(emulator):
    ids = sorted(emulator.api('POST', PATH, {'type': 'cloud', 'url': 'https://pool.internal', 'pooling_enabled': True,
                                             'traffic_policy': json.dumps(DENY)})[1]['id'] for dummy in range(2))
    result, log = run(emulator, url='https://pool.internal', traffic_policy=DENY)
    assert result['failed'] is True and result['matches'] == ids and writes(log) == []
    assert '2 cloud endpoints match url=' in result['msg'] and 'give id to choose one' in result['msg']


# -- ngrok_cloud_endpoint_info ------------------------------------------------------------------------------------

def info(emulator, **args):
    return run(emulator, ngrok_cloud_endpoint_info, **args)


def test_info_filters_on_the_server_and_returns_what_the_module_returns(emulator, shop_domain):
    seed(emulator, 150)
    shop, dummy = run(emulator, url=SHOP, description='shop', metadata={'team': 'web'},
                      traffic_policy=secret_policy('oauth-secret-info', 'hook-secret-info', 'pw-info'))
    result, log = info(emulator, url='HTTPS://shop.example.com:443')
    assert result['changed'] is False and result['endpoints'] == [shop['endpoint']] and filtered_calls(log) == [by_url(SHOP)]
    assert 'oauth-secret-info' not in json.dumps(result)
    result, log = info(emulator, description='shop', metadata='{"team": "web"}')
    assert result['endpoints'] == [shop['endpoint']]
    assert filtered_calls(log) == [('GET', PATH, 'obj.type == "cloud" && obj.description == "shop"')]
    result, log = info(emulator, description='seed')
    assert len(result['endpoints']) == 150 and len(log) == 2 and all('filter=' in entry['query'] for entry in log)
    result, log = info(emulator)
    assert len(result['endpoints']) == 151 and filtered_calls(log)[0] == ('GET', PATH, 'obj.type == "cloud"')
    result, log = info(emulator, id=shop['endpoint']['id'], description='other')
    assert result['endpoints'] == [] and filtered_calls(log) == [('GET', item(shop), None)]
    result, log = info(emulator, id='ep_2fMuU4sEZ8HgKe5Ff5pJ4NbMb1W')
    assert result['endpoints'] == [] and len(log) == 1


def test_info_refuses_bad_input_before_any_request(emulator):
    result, log = info(emulator, id='rd_2fMuU4sEZ8HgKe5Ff5pJ4NbMb1W', url='shop.example.com', metadata=[1])
    assert result['failed'] is True and log == []
    assert "id: 'rd_2fMuU4sEZ8HgKe5Ff5pJ4NbMb1W' is not the id of a cloud endpoint" in result['msg']
    assert "url: 'shop.example.com' is not a URL" in result['msg'] and 'metadata: must be a string or a dictionary' in result['msg']


# -- the API refuses the filter -------------------------------------------------------------------------------------

def test_a_refused_filter_falls_back_to_reading_the_list(emulator):
    seed(emulator, 150)
    run(emulator, url='https://api.internal', traffic_policy=DENY)
    emulator.fault(method='GET', path=PATH, status=400, times=1)
    result, log = run(emulator, url='https://api.internal', description='api', traffic_policy=DENY)
    assert result['changed'] is True and result['endpoint']['description'] == 'api'
    assert [(entry['method'], entry['status'], 'filter=' in entry['query']) for entry in log] == [
        ('GET', 400, True), ('GET', 200, False), ('GET', 200, False), ('PATCH', 200, False)]
