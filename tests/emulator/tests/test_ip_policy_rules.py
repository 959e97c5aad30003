# -*- coding: utf-8 -*-
# Copyright (c) 2026, community.ngrok contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""IP policy rules beside their policies: the recorded shape, CIDR rules, what can change, cascading deletes."""

import pytest

IPP, IPR = '/ip_policies', '/ip_policy_rules'


@pytest.fixture
def policy(api):
    return api.call('POST', IPP, {'description': 'API Outbound Gateway'}, expect=201)


def rule(policy, cidr='212.3.14.0/24', action='allow', **fields):
    return dict({'cidr': cidr, 'action': action, 'ip_policy_id': policy['id']}, **fields)


def test_the_recorded_create_get_update_and_list(api, policy):
    created = api.call('POST', IPR, rule(policy, description='nyc office'), expect=201)
    assert set(created) == {'action', 'cidr', 'created_at', 'description', 'id', 'ip_policy', 'uri'}
    assert created['id'].startswith('ipr_') and created['uri'].endswith('/ip_policy_rules/' + created['id'])
    assert (created['action'], created['cidr'], created['ip_policy']) == ('allow', '212.3.14.0/24', {'id': policy['id'], 'uri': policy['uri']})
    path = IPR + '/' + created['id']
    assert api.call('GET', path, expect=200) == created
    updated = api.call('PATCH', path, {'cidr': '212.3.15.0/24'}, expect=200)
    assert dict(created, cidr='212.3.15.0/24') == updated
    assert api.call('GET', IPR, expect=200)['ip_policy_rules'] == [updated]
    # The policy answer is unchanged by its rules: exactly the spec's IPPolicy fields.
    assert set(api.call('GET', IPP + '/' + policy['id'], expect=200)) == {'created_at', 'description', 'id', 'uri'}


@pytest.mark.parametrize('cidr,stored', [
    ('10.0.0.0/8', '10.0.0.0/8'), (' 10.0.0.0/8 ', '10.0.0.0/8'), ('2.2.2.2/32', '2.2.2.2/32'), ('0.0.0.0/0', '0.0.0.0/0'),
    ('2001:DB8::/32', '2001:db8::/32'), ('::/0', '::/0'),
])
def test_cidrs_accepted(api, policy, cidr, stored):
    assert api.call('POST', IPR, rule(policy, cidr), expect=201)['cidr'] == stored


@pytest.mark.parametrize('cidr,code,text', [
    ('10.0.0.1', 'ERR_NGROK_1413', '`10.0.0.1`/`32`'),
    ('2001:db8::1', 'ERR_NGROK_1413', '`2001:db8::1`/`128`'),
    ('10.0.0.1/8', 'ERR_NGROK_1409', 'Did you mean `10.0.0.0/8`?'),
    ('nope', 'ERR_NGROK_1406', 'Invalid CIDR: `nope`'),
    ('10.0.0.0/33', 'ERR_NGROK_1406', 'Invalid CIDR'),
    ('10.0.0.0/255.0.0.0', 'ERR_NGROK_1406', 'Invalid CIDR'),
    ('10.0.0/8', 'ERR_NGROK_1406', 'Invalid CIDR'),
    ('', 'ERR_NGROK_1406', 'Invalid CIDR'),
])
def test_cidrs_refused(api, policy, cidr, code, text):
    status, dummy, body = api.raw('POST', IPR, rule(policy, cidr))
    assert (status, body['error_code']) == (400, code) and text in body['msg']


def test_required_fields_and_references(api, policy):
    for name, code in (('cidr', 'ERR_NGROK_1405'), ('ip_policy_id', 'ERR_NGROK_1405'), ('action', 'ERR_NGROK_1422')):
        body = rule(policy)
        del body[name]
        assert api.error('POST', IPR, body) == code
    assert api.error('POST', IPR, rule(policy, action='ALLOW')) == 'ERR_NGROK_1422'
    assert api.error('POST', IPR, rule(policy, ip_policy_id='bkdhr_32ELHI4zOitQxIqDFNmlTmyTbTk')) == 'ERR_NGROK_1414'
    assert api.error('POST', IPR, rule(policy, ip_policy_id='ipp_32ELHI4zOitQxIqDFNmlTmyTbTk')) == 'ERR_NGROK_1402'
    assert api.error('POST', IPR, rule(policy, description='x' * 256)) == 'ERR_NGROK_1421'
    assert api.error('POST', IPR, rule(policy, priority=1)) == 'ERR_NGROK_214'
    assert api.call('GET', IPR, expect=200)['ip_policy_rules'] == []


def test_a_cidr_once_per_policy(api, policy):
    first = api.call('POST', IPR, rule(policy, '2001:db8::/32'), expect=201)
    status, dummy, body = api.raw('POST', IPR, rule(policy, '2001:0DB8::/32', action='deny'))
    assert (status, body['error_code']) == (409, 'ERR_NGROK_1408')
    other = api.call('POST', IPP, {}, expect=201)
    api.call('POST', IPR, rule(other, '2001:db8::/32'), expect=201)
    second = api.call('POST', IPR, rule(policy, '10.0.0.0/8'), expect=201)
    assert api.error('PATCH', IPR + '/' + second['id'], {'cidr': '2001:db8::/32'}, status=409) == 'ERR_NGROK_1408'
    api.call('PATCH', IPR + '/' + first['id'], {'cidr': '2001:db8::/32', 'description': 'same cidr, new text'}, expect=200)


def test_patch_changes_only_cidr_and_text(api, policy):
    created = api.call('POST', IPR, rule(policy, metadata='m'), expect=201)
    path = IPR + '/' + created['id']
    assert api.error('PATCH', path, {}) == 'ERR_NGROK_1401'
    assert api.error('PATCH', path, {'action': 'deny'}) == 'ERR_NGROK_214'
    assert api.error('PATCH', path, {'ip_policy_id': policy['id']}) == 'ERR_NGROK_214'
    assert api.error('PATCH', path, {'cidr': '10.0.0.1/8'}) == 'ERR_NGROK_1409'
    patched = api.call('PATCH', path, {'description': 'd', 'metadata': ''}, expect=200)
    assert patched['description'] == 'd' and 'metadata' not in patched and patched['cidr'] == created['cidr']


def test_deleting_a_policy_deletes_its_rules(api, policy):
    mine = api.call('POST', IPR, rule(policy), expect=201)
    other = api.call('POST', IPP, {}, expect=201)
    kept = api.call('POST', IPR, rule(other), expect=201)
    api.call('DELETE', IPP + '/' + policy['id'], expect=204)
    assert api.raw('GET', IPR + '/' + mine['id'])[0] == 404
    assert api.call('GET', IPR, expect=200)['ip_policy_rules'] == [kept]
    api.call('DELETE', IPR + '/' + kept['id'], expect=204)
    assert api.raw('DELETE', IPR + '/' + kept['id'])[0] == 404


def test_an_action_on_the_policy_is_refused(api):
    assert api.error('POST', IPP, {'action': 'allow'}) == 'ERR_NGROK_1423'
