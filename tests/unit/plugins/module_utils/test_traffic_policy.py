# -*- coding: utf-8 -*-
# Copyright (c) 2026, community.ngrok contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""Traffic policy documents: reading JSON or YAML text, masking the secrets they hold (no API)."""

from __future__ import absolute_import, division, print_function
__metaclass__ = type

import copy

import pytest

from ansible_collections.community.ngrok.plugins.module_utils.errors import MASK
from ansible_collections.community.ngrok.plugins.module_utils.fields import CHANGED_SECRET
from ansible_collections.community.ngrok.plugins.module_utils.traffic_policy import (
    interpolated, load_policy, mask_policy_secrets, vault_reference)

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
        ]},
    ],
}
SECRETS = ['PEM KEY', 'oauth-hush', 'oidc-hush', 'guide-hush', 'hook-hush', 'basic-hush', 'other-hush']


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
    assert shown['on_tcp_connect'][0]['actions'][0]['config'] == {'server_private_key': MASK, 'min_version': '1.3'}


def test_a_changed_secret_says_so_in_a_diff_and_an_unchanged_one_does_not():
    after = copy.deepcopy(POLICY)
    after['on_http_request'][0]['actions'][3]['config']['secret'] = 'new-hook-hush'
    after['on_http_request'][0]['actions'][4]['config']['credentials'][1] = 'bob:new-hush'
    shown = mask_policy_secrets(after, other=POLICY)
    actions = shown['on_http_request'][0]['actions']
    assert actions[3]['config']['secret'] == CHANGED_SECRET
    assert actions[4]['config']['credentials'] == ['alice:' + MASK, 'bob:' + CHANGED_SECRET]
    assert actions[0]['config']['client_secret'] == MASK
    assert 'new-hook-hush' not in repr(shown) and 'new-hush' not in repr(shown)


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
