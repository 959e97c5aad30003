# -*- coding: utf-8 -*-
# Copyright (c) 2026, community.ngrok contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""ngrok_ip_policy and ngrok_ip_policy_info through main(), against the emulator: requests counted in its log,
the bodies of the writes recorded on their way out, the rules compared as a set keyed by CIDR."""

from __future__ import absolute_import, division, print_function
__metaclass__ = type

import time

import pytest

from ansible_collections.community.ngrok.plugins.module_utils.client import NgrokClient
from ansible_collections.community.ngrok.plugins.modules import ngrok_cloud_endpoint, ngrok_edge_route, ngrok_ip_policy, ngrok_ip_policy_info
from ansible_collections.community.ngrok.tests.unit.helpers import filtered_calls, run_logged, warning_messages

POLICIES = '/ip_policies'
RULES = '/ip_policy_rules'
OFFICE = {'cidr': '203.0.113.0/24', 'action': 'allow', 'description': 'office'}
VPN = {'cidr': '198.51.100.7/32', 'action': 'allow', 'description': 'vpn'}
V6 = {'cidr': '2001:db8:1::/48', 'action': 'deny', 'description': 'lab'}
UNKNOWN = {'id': None, 'uri': None, 'created_at': None}


@pytest.fixture
def bodies(monkeypatch):
    """(method, path, body) of every POST and PATCH the modules send."""
    sent = []
    request = NgrokClient.request

    def record(client, method, path, body=None):
        if method in ('POST', 'PATCH'):
            sent.append((method, path, body))
        return request(client, method, path, body)
    monkeypatch.setattr(NgrokClient, 'request', record)
    return sent


def run(emulator, module=ngrok_ip_policy, check_mode=False, **args):
    return run_logged(emulator, module, check_mode=check_mode, **args)


def calls(log):
    """(method, path, filter or None) of each request, after checking they all shared one TCP connection
    and none was refused."""
    assert all(entry['status'] < 400 for entry in log), log
    return filtered_calls(log)


def by_description(description):
    return ('GET', POLICIES, 'obj.description == "%s"' % description)


def rules_of(policy_id):
    return ('GET', RULES, 'obj.ip_policy.id == "%s"' % policy_id)


def rule(result, cidr):
    return next(item for item in result['ip_policy']['rules'] if item['cidr'] == cidr)


def without_ids(policy):
    """A policy as check mode predicts it: nothing only the server chooses."""
    return dict(policy, rules=[dict(item, **UNKNOWN) for item in policy['rules']], **UNKNOWN)


def stored_rules(emulator, policy_id):
    return sorted((item['cidr'], item['action'], item.get('description', ''), item.get('metadata', ''))
                  for item in emulator.api('GET', RULES)[1]['ip_policy_rules'] if item['ip_policy']['id'] == policy_id)


def seed(emulator, count):
    for number in range(count):
        emulator.api('POST', POLICIES, {'description': 'seed %d' % number})


# -- requests per task ----------------------------------------------------------------------------------

def test_requests_of_each_task_whatever_the_number_of_policies(emulator, bodies):
    """Among 150 policies (paging would take 2 requests): check-mode create 1 GET; create GET + POST of the policy
    + 1 POST per rule; no-op GET + the rules' GET (GET alone without rules); update of one rule + 1 PATCH with
    only what changed; check-mode delete and delete: the rules (shown in the diff), the edges and the endpoints (its users)."""
    seed(emulator, 150)
    task = dict(description='admins', metadata={'team': 'web'}, rules=[V6, OFFICE, VPN])
    check, log = run(emulator, check_mode=True, **task)
    assert check['changed'] is True and calls(log) == [by_description('admins')]
    assert check['ip_policy'] == dict(UNKNOWN, description='admins', metadata='{"team":"web"}', rules=[
        dict(UNKNOWN, metadata='', **VPN), dict(UNKNOWN, metadata='', **OFFICE), dict(UNKNOWN, metadata='', **V6)])
    assert check['diff'] == {'before': {}, 'after': check['ip_policy']}

    created, log = run(emulator, **task)
    policy_id = created['ip_policy']['id']
    assert created['changed'] is True
    assert calls(log) == [by_description('admins'), ('POST', POLICIES, None)] + [('POST', RULES, None)] * 3
    assert without_ids(created['ip_policy']) == check['ip_policy']
    assert created['diff']['after'] == created['ip_policy']
    assert [body for dummy, path, body in bodies if path == RULES] == [
        dict(rule_, ip_policy_id=policy_id) for rule_ in (V6, OFFICE, VPN)]
    assert all(item['id'].startswith('ipr_') for item in created['ip_policy']['rules'])

    noop, log = run(emulator, **task)
    assert noop['changed'] is False and calls(log) == [by_description('admins'), rules_of(policy_id)]
    assert noop['ip_policy'] == created['ip_policy']
    noop, log = run(emulator, id=policy_id, rules=[VPN, V6, OFFICE])
    assert noop['changed'] is False and calls(log) == [('GET', POLICIES + '/' + policy_id, None), rules_of(policy_id)]
    alone, log = run(emulator, description='admins')
    assert alone['changed'] is False and calls(log) == [by_description('admins')]
    assert alone['ip_policy'] == dict(created['ip_policy'], rules=None)

    del bodies[:]
    update = dict(description='admins', metadata={'team': 'web'}, rules=[V6, dict(OFFICE, description='head office'), VPN])
    check, log = run(emulator, check_mode=True, **update)
    assert check['changed'] is True and calls(log) == [by_description('admins'), rules_of(policy_id)]
    updated, log = run(emulator, **update)
    office_id = rule(created, OFFICE['cidr'])['id']
    assert calls(log) == [by_description('admins'), rules_of(policy_id), ('PATCH', RULES + '/' + office_id, None)]
    assert bodies == [('PATCH', RULES + '/' + office_id, {'description': 'head office'})]
    assert rule(updated, OFFICE['cidr'])['description'] == 'head office'
    assert check['ip_policy'] == updated['ip_policy']
    assert updated['diff']['before'] == created['ip_policy'] and updated['diff']['after'] == updated['ip_policy']

    check, log = run(emulator, check_mode=True, description='admins', state='absent')
    assert check['changed'] is True
    assert calls(log) == [by_description('admins'), rules_of(policy_id), ('GET', '/edges/https', None), ('GET', '/endpoints', None)]
    assert check['diff'] == {'before': updated['ip_policy'], 'after': {}}
    deleted, log = run(emulator, description='admins', state='absent')
    assert deleted['changed'] is True
    assert calls(log) == [by_description('admins'), rules_of(policy_id), ('GET', '/edges/https', None), ('GET', '/endpoints', None),
                          ('DELETE', POLICIES + '/' + policy_id, None)]
    assert deleted['ip_policy'] == updated['ip_policy'] and deleted['diff']['after'] == {}
    assert stored_rules(emulator, policy_id) == []  # deleted with the policy
    again, log = run(emulator, description='admins', state='absent')
    assert again['changed'] is False and calls(log) == [by_description('admins')] and again['ip_policy'] == {}


def test_a_policy_update_sends_only_what_changed_and_leaves_the_rules_unread(emulator, bodies):
    created, dummy = run(emulator, description='admins', rules=[OFFICE])
    policy_id = created['ip_policy']['id']
    del bodies[:]
    result, log = run(emulator, description='admins', metadata='m')
    assert calls(log) == [by_description('admins'), ('PATCH', POLICIES + '/' + policy_id, None)]
    assert bodies == [('PATCH', POLICIES + '/' + policy_id, {'metadata': 'm'})]
    assert result['ip_policy']['rules'] is None and result['diff']['before']['rules'] is None
    assert stored_rules(emulator, policy_id) == [(OFFICE['cidr'], 'allow', 'office', '')]


def test_the_rule_set_changes_with_one_request_per_rule_that_differs(emulator, bodies):
    """Added, updated, action changed (delete + create), moved to another CIDR (create + delete), removed,
    untouched: new rules first, removals last; check mode predicts it all."""
    lab = dict(V6, metadata={'owner': 'lab'})
    created, dummy = run(emulator, description='admins', rules=[OFFICE, VPN, lab, {'cidr': '192.0.2.0/24', 'action': 'allow'}])
    ids = dict((item['cidr'], item['id']) for item in created['ip_policy']['rules'])
    wanted = [
        dict(OFFICE, description='head office'),                                # updated
        {'cidr': '198.51.100.7/32', 'action': 'deny'},                          # action changed, description kept
        {'cidr': '2001:DB8:1:0::/48', 'action': 'deny', 'description': 'lab'},  # the same network: untouched
        {'cidr': '10.0.0.0/8', 'action': 'allow'},                              # added
    ]                                                                           # 192.0.2.0/24 removed
    check, dummy = run(emulator, check_mode=True, description='admins', rules=wanted)
    del bodies[:]
    result, log = run(emulator, description='admins', rules=wanted)
    assert result['changed'] is True
    assert calls(log)[2:] == [
        ('POST', RULES, None),
        ('PATCH', RULES + '/' + ids['203.0.113.0/24'], None),
        ('DELETE', RULES + '/' + ids['198.51.100.7/32'], None), ('POST', RULES, None),
        ('DELETE', RULES + '/' + ids['192.0.2.0/24'], None),
    ]
    policy_id = created['ip_policy']['id']
    assert bodies == [
        ('POST', RULES, {'cidr': '10.0.0.0/8', 'action': 'allow', 'ip_policy_id': policy_id}),
        ('PATCH', RULES + '/' + ids['203.0.113.0/24'], {'description': 'head office'}),
        ('POST', RULES, {'cidr': '198.51.100.7/32', 'action': 'deny', 'description': 'vpn', 'ip_policy_id': policy_id}),
    ]
    assert [(item['cidr'], item['action'], item['description']) for item in result['ip_policy']['rules']] == [
        ('10.0.0.0/8', 'allow', ''), ('198.51.100.7/32', 'deny', 'vpn'), ('203.0.113.0/24', 'allow', 'head office'),
        ('2001:db8:1::/48', 'deny', 'lab')]
    assert rule(result, '2001:db8:1::/48') == rule(created, '2001:db8:1::/48')
    assert without_ids(check['ip_policy']) == without_ids(result['ip_policy'])
    assert [item['id'] for item in check['ip_policy']['rules']] == [None, None, ids['203.0.113.0/24'], ids['2001:db8:1::/48']]
    assert result['diff']['before'] == created['ip_policy']

    again, log = run(emulator, description='admins', rules=wanted)
    assert again['changed'] is False and len(log) == 2


def test_purge_rules_false_only_adds_and_updates(emulator):
    created, dummy = run(emulator, description='admins', rules=[OFFICE, VPN])
    result, log = run(emulator, description='admins', rules=[dict(V6)], purge_rules=False)
    assert result['changed'] is True and [method for method, dummy, dummy in calls(log)] == ['GET', 'GET', 'POST']
    assert [item['cidr'] for item in result['ip_policy']['rules']] == ['198.51.100.7/32', '203.0.113.0/24', '2001:db8:1::/48']
    emptied, log = run(emulator, description='admins', rules=[])
    assert [method for method, dummy, dummy in calls(log)] == ['GET', 'GET', 'DELETE', 'DELETE', 'DELETE']
    assert emptied['ip_policy']['rules'] == [] and stored_rules(emulator, created['ip_policy']['id']) == []
    none_left, log = run(emulator, description='admins', rules=[], purge_rules=False)
    assert none_left['changed'] is False and len(log) == 2


def test_fields_a_rule_does_not_give_are_left_as_they_are(emulator):
    created, dummy = run(emulator, description='admins', rules=[dict(OFFICE, metadata={'a': 1})])
    result, log = run(emulator, description='admins', rules=[{'cidr': OFFICE['cidr'], 'action': 'allow'}])
    assert result['changed'] is False and len(log) == 2
    assert rule(result, OFFICE['cidr'])['metadata'] == '{"a":1}'
    same_json, log = run(emulator, description='admins', rules=[dict(OFFICE, metadata='{ "a" : 1 }')])
    assert same_json['changed'] is False


def test_cidrs_are_compared_as_networks_the_way_the_api_keeps_them_unique(emulator):
    """A rule stored in another notation (made outside this collection) is the same rule."""
    policy = emulator.api('POST', POLICIES, {'description': 'admins'})[1]
    emulator.api('POST', RULES, {'ip_policy_id': policy['id'], 'cidr': '2001:DB8:0:0::/32', 'action': 'allow'})
    result, log = run(emulator, description='admins', rules=[{'cidr': ' 2001:db8::/32 ', 'action': 'allow'}])
    assert result['changed'] is False and len(log) == 2
    assert result['ip_policy']['rules'][0]['cidr'] == '2001:db8::/32'


@pytest.mark.parametrize('rules,message', [
    ([OFFICE, dict(OFFICE, cidr=' 203.0.113.0/24')], 'rules[1].cidr: 203.0.113.0/24 is the cidr of rules[0] too; give each cidr once'),
    ([dict(V6, cidr='2001:DB8:1::/48'), dict(V6, cidr='2001:db8:1:0::/48', action='allow')],
     'rules[1].cidr: 2001:db8:1::/48 is the cidr of rules[0] too'),
    ([dict(OFFICE, cidr='203.0.113.7')], "rules[0].cidr: '203.0.113.7' has no network mask: write 203.0.113.7/32 for this one address"),
    ([dict(OFFICE, cidr='203.0.113.7/24')], "rules[0].cidr: '203.0.113.7/24' has address bits set after its /24 mask: the network is 203.0.113.0/24"),
    ([dict(OFFICE, cidr='2001:db8::1/32')], 'the network is 2001:db8::/32'),
    ([dict(OFFICE, cidr='10.0.0.0/33')], 'has a mask longer than the address: at most /32'),
    ([dict(OFFICE, cidr='10.0.0.0/255.0.0.0')], "rules[0].cidr: '10.0.0.0/255.0.0.0' is not a CIDR"),
    ([dict(OFFICE, cidr='office')], "rules[0].cidr: 'office' is not a CIDR"),
    ([dict(OFFICE, description='x' * 256)], 'rules[0].description: must be at most 255 characters'),
    ([dict(OFFICE, metadata=[1])], 'rules[0].metadata: must be a string or a dictionary'),
    ([{'cidr': '10.0.0.0/8'}], 'missing required arguments: action'),
    ([dict(OFFICE, action='permit')], 'action must be one of: allow, deny'),
])
def test_bad_rules_fail_before_any_request(emulator, rules, message):
    result, log = run(emulator, description='admins', rules=rules)
    assert result['failed'] is True and message in result['msg'], result['msg']
    assert log == []


def test_a_failure_after_some_writes_reports_the_change_and_what_was_done(emulator):
    created, dummy = run(emulator, description='admins', rules=[OFFICE])
    emulator.fault(method='POST', path=RULES, status=400, times=1)
    result, log = run(emulator, description='admins', metadata='m', rules=[OFFICE, VPN, V6])
    assert result['failed'] is True and result['changed'] is True
    assert result['msg'].startswith('POST /ip_policy_rules failed: HTTP 400 ERR_NGROK_9999')
    assert result['msg'].endswith('; before it, this task updated IP policy %s (admins): run it again to finish'
                                  % created['ip_policy']['id']), result['msg']
    assert result['api_error']['status_code'] == 400
    finished, log = run(emulator, description='admins', metadata='m', rules=[OFFICE, VPN, V6])
    assert finished['changed'] is True and [method for method, dummy, dummy in calls(log)] == ['GET', 'GET', 'POST', 'POST']


def test_a_lost_rule_create_is_found_not_repeated(emulator, monkeypatch):
    monkeypatch.setattr(time, 'sleep', lambda seconds: None)
    emulator.fault(method='POST', path=RULES, drop=True, phase='after')
    result, log = run(emulator, description='admins', rules=[OFFICE])
    assert result['changed'] is True and rule(result, OFFICE['cidr'])['id'].startswith('ipr_')
    assert stored_rules(emulator, result['ip_policy']['id']) == [(OFFICE['cidr'], 'allow', 'office', '')]
    assert [(entry['method'], entry['path']) for entry in log][1:] == [
        ('POST', POLICIES), ('POST', RULES), ('GET', RULES)]  # the lookup finds it: no second POST


def test_a_refused_filter_on_the_rules_reads_the_whole_list(emulator):
    created, dummy = run(emulator, description='admins', rules=[OFFICE])
    other = emulator.api('POST', POLICIES, {'description': 'other'})[1]
    emulator.api('POST', RULES, {'ip_policy_id': other['id'], 'cidr': '10.0.0.0/8', 'action': 'deny'})
    emulator.fault(method='GET', path=RULES, status=400, times=1)
    result, log = run(emulator, description='admins', rules=[OFFICE])
    assert result['changed'] is False and result['ip_policy'] == created['ip_policy']
    assert [(entry['path'], entry['status'], 'filter=' in entry['query']) for entry in log] == [
        (POLICIES, 200, True), (RULES, 400, True), (RULES, 200, False)]


def test_several_policies_with_the_description_fail_listing_the_ids(emulator):
    ids = sorted(emulator.api('POST', POLICIES, {'description': 'twin'})[1]['id'] for dummy in range(2))
    result, log = run(emulator, description='twin', rules=[OFFICE])
    assert result['failed'] is True and result['matches'] == ids
    assert result['msg'].startswith('2 IP policies match description=')
    assert [entry['method'] for entry in log] == ['GET']


# -- in use ---------------------------------------------------------------------------------------------

def route_restricted_by(emulator, *names):
    emulator.reserve('shop.example.com')
    edge = emulator.api('POST', '/edges/https', {'description': 'shop', 'hostports': ['shop.example.com:443']})[1]
    return edge, run(emulator, ngrok_edge_route, edge='shop', match='/admin', match_type='path_prefix',
                     ip_restriction={'ip_policy_ids': list(names)})


def test_a_route_names_policies_by_description_and_a_used_policy_is_not_deleted(emulator):
    office, dummy = run(emulator, description='office', rules=[OFFICE])
    vpn, dummy = run(emulator, description='vpn', rules=[VPN])
    edge, (route, log) = route_restricted_by(emulator, 'office', vpn['ip_policy']['id'])
    assert route['changed'] is True, route.get('msg')
    assert sorted(route['route']['ip_restriction']['ip_policy_ids']) == sorted([office['ip_policy']['id'], vpn['ip_policy']['id']])
    # The name is resolved first (one filtered request), then the edge read (its list takes no filter).
    assert calls(log) == [by_description('office'), ('GET', '/edges/https', None), ('POST', '/edges/https/%s/routes' % edge['id'], None)]
    same, log = run(emulator, ngrok_edge_route, edge='shop', match='/admin', ip_restriction={'ip_policy_ids': [vpn['ip_policy']['id'], 'office']})
    assert same['changed'] is False  # compared as a set

    user = 'route %s /admin of HTTPS edge %s (shop)' % (route['route']['id'], edge['id'])
    check, log = run(emulator, check_mode=True, description='office', state='absent')
    assert check['changed'] is True and ('is used by %s' % user) in warning_messages(check)[0]
    refused, log = run(emulator, description='office', state='absent')
    assert refused['failed'] is True and refused['used_by'] == [user]
    assert refused['msg'] == 'cannot delete IP policy %s: it is used by %s' % (office['ip_policy']['id'], user)
    assert not [entry for entry in log if entry['method'] in ('POST', 'PATCH', 'DELETE')]
    assert stored_rules(emulator, office['ip_policy']['id']) != []


def test_a_policy_a_cloud_endpoint_restricts_by_is_not_deleted(emulator):
    """A cloud endpoint's restrict-ips action names the policy by id: deleting the policy fails before any
    write and names the endpoint; in check mode the task warns."""
    office, dummy = run(emulator, description='office', rules=[OFFICE])
    policy = {'on_http_request': [{'actions': [{'type': 'restrict-ips', 'config': {'ip_policies': [office['ip_policy']['id']]}}]}]}
    endpoint, dummy = run(emulator, ngrok_cloud_endpoint, url='https://admin.internal', description='admin', traffic_policy=policy)
    assert endpoint['changed'] is True, endpoint.get('msg')

    check, log = run(emulator, check_mode=True, description='office', state='absent')
    assert check['changed'] is True and endpoint['endpoint']['id'] in warning_messages(check)[0]
    refused, log = run(emulator, description='office', state='absent')
    assert refused['failed'] is True and len(refused['used_by']) == 1
    assert refused['used_by'][0].startswith('cloud endpoint %s' % endpoint['endpoint']['id'])
    assert not [entry for entry in log if entry['method'] in ('POST', 'PATCH', 'DELETE')]
    assert stored_rules(emulator, office['ip_policy']['id']) != []


def test_a_use_the_search_cannot_see_is_named_by_the_api(emulator):
    """Without the edges listing (refused here), the search finds no user: the API refuses the delete
    (ERR_NGROK_1420), and the task says the policy is in use."""
    office, dummy = run(emulator, description='office', rules=[OFFICE])
    route_restricted_by(emulator, 'office')
    emulator.fault(method='GET', path='/edges/https', status=403, times=2)
    refused, log = run(emulator, description='office', state='absent')
    assert refused['failed'] is True and refused['used_by'] == []
    assert refused['msg'].startswith('cannot delete IP policy %s: it is used by another object (DELETE /ip_policies/%s failed: '
                                     'HTTP 400 ERR_NGROK_1420' % (office['ip_policy']['id'], office['ip_policy']['id']))
    assert refused['api_error']['error_code'] == 'ERR_NGROK_1420'


def test_a_route_naming_an_unknown_policy_fails_before_any_write(emulator):
    edge, (route, log) = route_restricted_by(emulator, 'nobody')
    assert route['failed'] is True and route['msg'] == ("no IP policy has the description 'nobody'; name an IP policy by its id "
                                                        "or its exact description")
    assert not [entry for entry in log if entry['method'] in ('POST', 'PATCH', 'DELETE')]


# -- ngrok_ip_policy_info -------------------------------------------------------------------------------

def test_info_lists_policies_with_their_rules_in_two_requests(emulator):
    admins, dummy = run(emulator, description='admins', metadata={'team': 'web'}, rules=[OFFICE, V6])
    empty, dummy = run(emulator, description='empty')
    every, log = run(emulator, ngrok_ip_policy_info)
    assert sorted(every['ip_policies'], key=lambda item: item['description']) == [admins['ip_policy'], empty['ip_policy']]
    assert calls(log) == [('GET', POLICIES, None), ('GET', RULES, 'obj.ip_policy.id in ["%s", "%s"]' % tuple(
        item['id'] for item in every['ip_policies']))]
    found, log = run(emulator, ngrok_ip_policy_info, metadata='{"team": "web"}', description='admins')
    assert found['ip_policies'] == [admins['ip_policy']]
    assert calls(log) == [by_description('admins'), rules_of(admins['ip_policy']['id'])]
    by_id, log = run(emulator, ngrok_ip_policy_info, id=empty['ip_policy']['id'])
    assert by_id['ip_policies'] == [dict(empty['ip_policy'], rules=[])] and len(log) == 2
    none, log = run(emulator, ngrok_ip_policy_info, description='nobody')
    assert none['ip_policies'] == [] and len(log) == 1


def test_info_reads_the_rules_of_many_policies_fifty_a_request(emulator):
    seed(emulator, 120)
    result, log = run(emulator, ngrok_ip_policy_info)
    assert len(result['ip_policies']) == 120 and all(item['rules'] == [] for item in result['ip_policies'])
    assert [(path, cel is not None) for dummy, path, cel in calls(log)] == [(POLICIES, False)] * 2 + [(RULES, True)] * 3
