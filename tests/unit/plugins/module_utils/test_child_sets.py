# -*- coding: utf-8 -*-
# Copyright (c) 2026, community.ngrok contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""ChildSet: the option's checks, the plan of writes from wanted and current children (no API), and the read of
children with one filtered request (against the emulator)."""

from __future__ import absolute_import, division, print_function
__metaclass__ = type

from urllib.parse import parse_qs

from ansible_collections.community.ngrok.plugins.module_utils.child_sets import IDS_PER_FILTER
from ansible_collections.community.ngrok.plugins.module_utils.client import NgrokClient
from ansible_collections.community.ngrok.plugins.module_utils.ip_policies import IP_POLICY, RULES
from ansible_collections.community.ngrok.plugins.module_utils.task_context import TaskContext


def api_rule(cidr, action='allow', **extra):
    return dict({'id': 'ipr_' + cidr, 'cidr': cidr, 'action': action, 'ip_policy': {'id': 'ipp_1'}}, **extra)


def plan(wanted, current, purge=True):
    return [(change.verb, change.key, change.want, [field.name for field in change.fields])
            for change in RULES.plan(RULES.desired(wanted), current, purge)]


def test_a_resource_declares_its_children_and_a_new_object_has_none():
    assert IP_POLICY.children == (RULES,)
    assert IP_POLICY.blank()['rules'] == [] and IP_POLICY.view({'id': 'ipp_1'})['rules'] is None
    assert RULES.argspec()['options']['cidr'] == {'type': 'str', 'required': True}


def test_children_are_keyed_and_each_key_is_given_once():
    assert RULES.problems([{'cidr': '10.0.0.0/8', 'action': 'allow'}, {'cidr': '10.0.0.0/16', 'action': 'allow'}], 'rules') == []
    assert RULES.problems([{'cidr': '10.0.0.0/8', 'action': 'allow'}, {'cidr': ' 10.0.0.0/8', 'action': 'deny'},
                           {'cidr': '10.0.0.0/08', 'action': 'deny'}, {'cidr': '10.0.0.1', 'action': 'deny'}], 'rules') == [
        'rules[1].cidr: 10.0.0.0/8 is the cidr of rules[0] too; give each cidr once',
        'rules[2].cidr: 10.0.0.0/8 is the cidr of rules[0] too; give each cidr once',
        "rules[3].cidr: '10.0.0.1' has no network mask: write 10.0.0.1/32 for this one address"]


def test_only_what_differs_is_planned_new_children_first_removals_last():
    current = [api_rule('10.0.0.0/8', description='a'), api_rule('192.0.2.0/24'), api_rule('198.51.100.0/24', 'deny', metadata='m'),
               api_rule('2001:db8::/32')]
    wanted = [{'cidr': '2001:DB8::/32', 'action': 'allow'},                       # same network: nothing
              {'cidr': '198.51.100.0/24', 'action': 'allow'},                     # action: replaced, metadata kept
              {'cidr': '10.0.0.0/8', 'action': 'allow', 'description': 'b'},      # updated: the description only
              {'cidr': '203.0.113.0/24', 'action': 'deny'}]                       # new; 192.0.2.0/24 removed
    assert plan(wanted, current) == [
        ('create', '203.0.113.0/24', {'cidr': '203.0.113.0/24', 'action': 'deny'}, []),
        ('replace', '198.51.100.0/24', {'cidr': '198.51.100.0/24', 'action': 'allow', 'metadata': 'm'}, []),
        ('update', '10.0.0.0/8', {'cidr': '10.0.0.0/8', 'action': 'allow', 'description': 'b'}, ['description']),
        ('delete', '192.0.2.0/24', {}, []),
    ]
    assert [verb for verb, dummy, dummy, dummy in plan(wanted, current, purge=False)] == ['create', 'replace', 'update']
    assert plan([{'cidr': '10.0.0.0/8', 'action': 'allow'}], [api_rule('10.0.0.0/8', description='a')]) == []


def test_a_key_the_api_holds_twice_is_one_child_and_the_other_goes_with_purge():
    current = [api_rule('10.0.0.0/8'), dict(api_rule('10.0.0.0/8'), id='ipr_twin')]
    assert plan([{'cidr': '10.0.0.0/8', 'action': 'allow'}], current) == [('delete', '10.0.0.0/8', {}, [])]
    assert plan([{'cidr': '10.0.0.0/8', 'action': 'allow'}], current, purge=False) == []


def test_children_are_shown_in_the_order_of_their_keys():
    shown = RULES.view([api_rule('2001:db8::/32'), api_rule('10.0.0.0/16'), api_rule('9.0.0.0/8'), api_rule('10.0.0.0/8')])
    assert [item['cidr'] for item in shown] == ['9.0.0.0/8', '10.0.0.0/8', '10.0.0.0/16', '2001:db8::/32']
    assert set(shown[0]) == set(['id', 'uri', 'created_at', 'cidr', 'action', 'description', 'metadata'])


def test_the_children_of_many_parents_are_read_fifty_parents_a_request(emulator):
    ids = [emulator.api('POST', '/ip_policies', {})[1]['id'] for dummy in range(IDS_PER_FILTER + 1)]
    emulator.api('POST', '/ip_policy_rules', {'ip_policy_id': ids[0], 'cidr': '10.0.0.0/8', 'action': 'allow'})
    emulator.api('POST', '/ip_policy_rules', {'ip_policy_id': ids[-1], 'cidr': '10.0.0.0/8', 'action': 'deny'})
    start = len(emulator.requests())
    read = RULES.read(TaskContext(NgrokClient(emulator.url, emulator.api_key)), ids)
    assert sorted(read) == sorted(ids)
    assert [item['action'] for item in read[ids[0]]] == ['allow'] and [item['action'] for item in read[ids[-1]]] == ['deny']
    assert sum(len(items) for items in read.values()) == 2
    filters = [parse_qs(entry['query'])['filter'][0] for entry in emulator.requests()[start:]]
    assert filters == ['obj.ip_policy.id in [%s]' % ', '.join('"%s"' % item for item in ids[:IDS_PER_FILTER]),
                       'obj.ip_policy.id == "%s"' % ids[-1]]
