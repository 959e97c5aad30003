# -*- coding: utf-8 -*-
# Copyright (c) 2026, community.ngrok contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""Traffic policy documents: reading JSON or YAML text, masking the secrets they hold (no API)."""

from __future__ import absolute_import, division, print_function
__metaclass__ = type

import copy
import json

import pytest

from ansible_collections.community.ngrok.plugins.module_utils.errors import MASK
from ansible_collections.community.ngrok.plugins.module_utils.fields import CHANGED_SECRET
from ansible_collections.community.ngrok.plugins.module_utils.task_context import TaskContext
from ansible_collections.community.ngrok.plugins.module_utils.traffic_policy import (
    ACTION_TYPES, TrafficPolicy, interpolated, load_policy, mask_policy_secrets, policy_problems, policy_secrets, unknown_action_types,
    vault_reference)

POLICY = {
    'on_tcp_connect': [{'actions': [{'type': 'terminate-tls', 'config': {'server_private_key': 'PEM KEY', 'min_version': '1.3'}}]}],
    'on_http_request': [
        {'expressions': ['req.url.path == "/"'], 'actions': [
            {'type': 'oauth', 'config': {'provider': 'google', 'client_id': 'cid', 'client_secret': 'oauth-hush'}},
            {'type': 'openid-connect', 'config': {'issuer_url': 'https://idp', 'client_secret': 'oidc-hush'}},
            {'type': 'oidc', 'config': {'issuer_url': 'https://idp', 'client_secret': 'guide-hush'}},
            {'type': 'verify-webhook', 'config': {'provider': 'github', 'secret': 'hook-hush'}},
            {'type': 'basic-auth', 'config': {'credentials': ['alice:basic-hush', 'bob:other-hush']}},
            {'type': 'custom-response', 'config': {'body': 'not a secret'}},
            # A custom provider's keys (those with a base_url) stay in the policy: ai-gateway/bring-your-own-keys.
            {'type': 'ai-gateway', 'config': {'providers': [
                {'id': 'local', 'base_url': 'https://llm.internal', 'api_keys': [{'value': 'llm-hush'}, {'value': 'llm-backup-hush'}]},
                {'id': 'openai', 'api_keys': [{'value': '${secrets.get("openai", "key")}'}]},
                {'id': 'bare'}]}},
        ]},
    ],
}
SECRETS = ['PEM KEY', 'oauth-hush', 'oidc-hush', 'guide-hush', 'hook-hush', 'basic-hush', 'other-hush', 'llm-hush', 'llm-backup-hush']


def test_every_secret_of_an_action_is_masked_and_nothing_else():
    original = copy.deepcopy(POLICY)
    shown = mask_policy_secrets(POLICY)
    assert POLICY == original, 'the policy given is left as it was'
    for secret in SECRETS:
        assert secret not in repr(shown)
    actions = shown['on_http_request'][0]['actions']
    assert actions[0]['config'] == {'provider': 'google', 'client_id': 'cid', 'client_secret': MASK}
    assert actions[4]['config']['credentials'] == ['alice:' + MASK, 'bob:' + MASK]
    assert actions[5]['config']['body'] == 'not a secret'
    assert actions[6]['config']['providers'] == [
        {'id': 'local', 'base_url': 'https://llm.internal', 'api_keys': [{'value': MASK}, {'value': MASK}]},
        {'id': 'openai', 'api_keys': [{'value': '${secrets.get("openai", "key")}'}]}, {'id': 'bare'}]
    assert shown['on_tcp_connect'][0]['actions'][0]['config'] == {'server_private_key': MASK, 'min_version': '1.3'}


def test_a_changed_secret_says_so_in_a_diff_and_an_unchanged_one_does_not():
    after = copy.deepcopy(POLICY)
    after['on_http_request'][0]['actions'][3]['config']['secret'] = 'new-hook-hush'
    after['on_http_request'][0]['actions'][4]['config']['credentials'][1] = 'bob:new-hush'
    after['on_http_request'][0]['actions'][6]['config']['providers'][0]['api_keys'][1]['value'] = 'new-llm-hush'
    shown = mask_policy_secrets(after, other=POLICY)
    actions = shown['on_http_request'][0]['actions']
    assert actions[6]['config']['providers'][0]['api_keys'] == [{'value': MASK}, {'value': CHANGED_SECRET}]
    assert actions[3]['config']['secret'] == CHANGED_SECRET
    assert actions[4]['config']['credentials'] == ['alice:' + MASK, 'bob:' + CHANGED_SECRET]
    assert actions[0]['config']['client_secret'] == MASK
    assert 'new-hook-hush' not in repr(shown) and 'new-hush' not in repr(shown) and 'new-llm-hush' not in repr(shown)


def test_vault_references_stay_readable():
    reference = vault_reference('shop', 'github-webhook')
    assert reference == '${secrets.get("shop", "github-webhook")}'
    policy = {'on_http_request': [{'actions': [{'type': 'verify-webhook', 'config': {'provider': 'github', 'secret': reference}}]}]}
    assert mask_policy_secrets(policy) == policy


def test_what_is_not_a_policy_is_returned_as_it_is():
    assert mask_policy_secrets('on_http_request: []') == 'on_http_request: []'
    broken = {'on_http_request': ['not a rule', {'actions': 'not a list'}, {'actions': [{'type': 'oauth', 'config': 'x'}]}]}
    assert mask_policy_secrets(broken) == broken


def test_a_policy_is_read_from_json_or_yaml_text():
    assert load_policy('{"on_http_request": []}') == {'on_http_request': []}
    assert load_policy('on_http_request:\n  - actions:\n      - type: deny\n') == {'on_http_request': [{'actions': [{'type': 'deny'}]}]}
    assert load_policy({'on_http_request': []}) == {'on_http_request': []}


@pytest.mark.parametrize('text', ['[1, 2]', 'just words', '{"a": [}', 'a: [b'])
def test_text_that_is_no_policy_is_refused(text):
    with pytest.raises(ValueError):
        load_policy(text)


def test_interpolated_values_are_found():
    assert interpolated(['plain', 'a ${conn.client_ip} b', None]) == 'a ${conn.client_ip} b'
    assert interpolated(['plain', '$ {not}', 1]) is None


def test_the_secrets_a_policy_holds_are_those_masking_hides():
    assert sorted(policy_secrets(POLICY)) == sorted(SECRETS)
    reference = vault_reference('shop', 'pw')
    assert policy_secrets({'on_http_request': [{'actions': [
        {'type': 'verify-webhook', 'config': {'secret': reference}},
        {'type': 'basic-auth', 'config': {'credentials': ['alice:' + reference, 'bob:', 'no-colon-secret']}}]}]}) == ['no-colon-secret']
    assert policy_secrets({'on_http_request': 'x', 'on_tcp_connect': [{'actions': [{'type': 'oauth', 'config': 'x'}]}]}) == []
    not_a_type = {'on_http_request': [{'actions': [{'type': ['oauth'], 'config': None}, {'type': {'a': 1}, 'config': {'client_secret': 'x'}}]}]}
    assert policy_secrets(not_a_type) == [] and mask_policy_secrets(not_a_type) == not_a_type


def test_a_policy_field_never_fails_to_find_secrets_whatever_it_is_given():
    field = TrafficPolicy('traffic_policy')
    assert sorted(field.secrets_in(POLICY)) == sorted(SECRETS)
    assert field.secrets_in('on_http_request:\n  - actions:\n      - {type: oauth, config: {client_secret: "yaml-hush"}}') == ['yaml-hush']
    for junk in (None, 42, ['x'], 'a: [b', '- 1', {'on_http_request': 5}):
        assert field.secrets_in(junk) == []


def test_problems_name_their_place_and_a_sound_policy_has_none():
    assert policy_problems(POLICY) == []
    assert policy_problems({'on_event_stream_message': [{'actions': [{'type': 'sse-find-replace', 'config': {}}]}]}) == []
    assert policy_problems({'on_http_request': None, 'on_http_response': [{'actions': [{'type': 'deny'}]}]}) == []
    assert policy_problems({'inbound': [], 'on_http_request': [{'name': 1, 'actions': []}]}) == [
        "unknown phase 'inbound' (phases: on_tcp_connect, on_http_request, on_http_response, on_event_stream_message)",
        'on_http_request[0].name must be a string', 'on_http_request[0].actions must be a list of at least one action']


def test_unknown_action_types_are_listed_for_a_warning():
    assert unknown_action_types(POLICY) == []
    assert {'oauth', 'openid-connect', 'forward-internal', 'restrict-ips'} <= ACTION_TYPES
    policy = {'on_http_request': [{'actions': [{'type': 'deny'}, {'type': 'teleport'}]}]}
    assert unknown_action_types(policy) == ["on_http_request[0].actions[1].type 'teleport'"]
    context = TaskContext(client=None)
    TrafficPolicy('traffic_policy').from_user(policy, context)
    assert len(context.warnings) == 1 and "'teleport' is not an action type this collection knows" in context.warnings[0]


def test_a_policy_is_compared_as_data_and_its_empty_parts_mean_nothing():
    field = TrafficPolicy('traffic_policy')
    text = field.from_user({'on_http_request': [{'name': 'n', 'actions': [{'type': 'deny', 'config': {'status_code': 404}}]}]})
    assert text == '{"on_http_request":[{"name":"n","actions":[{"type":"deny","config":{"status_code":404}}]}]}'  # order kept
    yaml_text = 'on_http_request:\n- actions: [{config: {status_code: 404}, type: deny}]\n  name: n\n'
    assert field.equal(yaml_text, text) and field.equal(text, yaml_text)
    empty_parts = {'on_tcp_connect': [], 'on_http_response': None, 'on_http_request': [
        {'name': 'n', 'expressions': [], 'actions': [{'type': 'deny', 'config': {'status_code': 404}}]}]}
    assert field.equal(field.from_user(empty_parts), text)
    assert field.equal('{"on_http_request":[{"actions":[{"type":"deny","config":{}}],"name":""}]}',
                       '{"on_http_request":[{"actions":[{"type":"deny"}]}]}')
    assert not field.equal(text.replace('404', '403'), text)
    assert not field.equal(text.replace('"n"', '"m"'), text)
    assert not field.equal('{"on_http_request":[{"actions":[{"type":"deny"}],"expressions":["true"]}]}',
                           '{"on_http_request":[{"actions":[{"type":"deny"}]}]}')
    assert field.equal('not a policy', 'not a policy') and not field.equal('not a policy', text)


def test_output_is_the_policy_as_data_with_its_secrets_masked():
    field = TrafficPolicy('traffic_policy')
    text = json.dumps(POLICY)
    shown = field.mask(text)
    assert shown['on_http_request'][0]['actions'][0]['config']['client_secret'] == MASK
    changed = text.replace('oauth-hush', 'new-hush')
    assert field.mask(changed, text)['on_http_request'][0]['actions'][0]['config']['client_secret'] == CHANGED_SECRET
    assert field.mask(changed, text, compare=False)['on_http_request'][0]['actions'][0]['config']['client_secret'] == MASK
    assert field.mask('not: [readable') == MASK  # nothing tells where its secrets are
    assert field.mask(None) is None and field.mask('') == ''
