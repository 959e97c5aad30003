# -*- coding: utf-8 -*-
# Copyright (c) 2026, community.ngrok contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""References: names resolved to ids, and the search for an object's users, against the emulator."""

from __future__ import absolute_import, division, print_function
__metaclass__ = type

import pytest

from ansible_collections.community.ngrok.plugins.module_utils.backends import ANY_BACKEND, FAILOVER, HTTP_RESPONSE, WEIGHTED
from ansible_collections.community.ngrok.plugins.module_utils.client import NgrokClient
from ansible_collections.community.ngrok.plugins.module_utils.edges import HTTPS_EDGE, ROUTE
from ansible_collections.community.ngrok.plugins.module_utils.errors import ModuleFailure
from ansible_collections.community.ngrok.plugins.module_utils.ip_policies import ANY_IP_POLICY, IP_POLICY
from ansible_collections.community.ngrok.plugins.module_utils.reference_table import REFERENCES, users_of
from ansible_collections.community.ngrok.plugins.module_utils.references import Reference, find_users
from ansible_collections.community.ngrok.plugins.module_utils.reserved_domains import ANY_RESERVED_DOMAIN, RESERVED_DOMAIN
from ansible_collections.community.ngrok.plugins.module_utils.task_context import TaskContext


def context_for(emulator, check_mode=False):
    return TaskContext(NgrokClient(emulator.url, emulator.api_key, sleep=lambda seconds: None), check_mode)


def reads(emulator, since):
    return sorted(entry['path'] for entry in emulator.requests()[since:])


def backend(emulator, kind, **body):
    return emulator.api('POST', '/backends/' + kind, body)[1]


def test_a_name_is_an_id_when_it_has_a_backend_prefix_and_costs_no_request(emulator):
    context = context_for(emulator)
    assert ANY_BACKEND.id_of(context, 'bkdwd_anything') == 'bkdwd_anything'
    assert emulator.requests() == []


def test_a_description_is_looked_up_in_every_backend_type_once(emulator):
    blue = backend(emulator, 'tunnel_group', description='blue')['id']
    context = context_for(emulator)
    assert ANY_BACKEND.id_of(context, 'blue') == blue
    assert ANY_BACKEND.id_of(context, 'blue') == blue
    assert reads(emulator, 1) == ['/backends/failover', '/backends/http_response', '/backends/tunnel_group', '/backends/weighted']


def test_unknown_and_ambiguous_names_fail_and_check_mode_assumes_a_later_object(emulator):
    one, two = (backend(emulator, kind, description='twice')['id'] for kind in ('http_response', 'weighted'))
    with pytest.raises(ModuleFailure) as caught:
        ANY_BACKEND.id_of(context_for(emulator), 'twice')
    assert caught.value.msg == "2 backends have the description 'twice' (%s); name the backend by its id instead" % ', '.join(sorted([one, two]))
    with pytest.raises(ModuleFailure):
        ANY_BACKEND.id_of(context_for(emulator), 'nobody')
    context = context_for(emulator, check_mode=True)
    assert ANY_BACKEND.id_of(context, 'nobody') == 'nobody' and 'nobody' in context.warnings[0]


def test_the_same_object_twice_is_refused_naming_the_kind_of_target(emulator):
    blue = backend(emulator, 'http_response', description='blue')['id']
    with pytest.raises(ModuleFailure) as caught:
        WEIGHTED.field('backends').from_user({blue: 1, 'blue': 2}, context_for(emulator))
    assert caught.value.msg == "backends: %r and 'blue' name the same backend %s" % (blue, blue)
    with pytest.raises(ModuleFailure) as caught:
        FAILOVER.field('backends').from_user(['blue', 'blue'], context_for(emulator))
    assert caught.value.msg == "backends: 'blue' is given more than once"


def test_users_are_found_through_every_row_that_names_the_type(emulator):
    blue = backend(emulator, 'http_response', description='blue')
    split = backend(emulator, 'weighted', description='split', backends={blue['id']: 1})
    front = backend(emulator, 'failover', backends=[blue['id'], split['id']])
    emulator.reserve('a.example.com')
    edge = emulator.api('POST', '/edges/https', {'description': 'shop', 'hostports': ['a.example.com:443']})[1]
    route = emulator.api('POST', '/edges/https/%s/routes' % edge['id'], {
        'match_type': 'path_prefix', 'match': '/api', 'backend': {'backend_id': blue['id']}})[1]
    context = context_for(emulator)
    assert users_of(context, HTTP_RESPONSE, blue) == [
        'weighted backend %s (split)' % split['id'],
        'failover backend %s' % front['id'],
        'route %s /api of HTTPS edge %s (shop)' % (route['id'], edge['id']),
    ]
    assert reads(emulator, -3) == ['/backends/failover', '/backends/weighted', '/edges/https']
    before = len(emulator.requests())
    assert users_of(context, WEIGHTED, split) == ['failover backend %s' % front['id']]
    assert len(emulator.requests()) == before  # every listing it needs was read already


def test_an_object_nobody_names_costs_no_request(emulator):
    edge = emulator.api('POST', '/edges/https', {'description': 'shop'})[1]
    assert users_of(context_for(emulator), HTTPS_EDGE, edge) == []
    assert len(emulator.requests()) == 1  # the POST above


def test_a_listing_the_api_refuses_is_skipped(emulator):
    blue = backend(emulator, 'http_response', description='blue')
    split = backend(emulator, 'weighted', backends={blue['id']: 1})
    emulator.fault(method='GET', path='/edges/https', status=403)
    assert users_of(context_for(emulator), HTTP_RESPONSE, blue) == ['weighted backend %s' % split['id']]


def test_routes_using_an_ip_policy_are_its_users(emulator):
    """The row of routes naming IP policies in their ip_restriction route module."""
    policy = emulator.api('POST', '/ip_policies', {'description': 'office'})[1]
    unused = emulator.api('POST', '/ip_policies', {'description': 'unused'})[1]
    emulator.reserve('b.example.com')
    edge = emulator.api('POST', '/edges/https', {'hostports': ['b.example.com:443']})[1]
    route = emulator.api('POST', '/edges/https/%s/routes' % edge['id'], {
        'match_type': 'exact_path', 'match': '/', 'ip_restriction': {'ip_policy_ids': [unused['id'], policy['id']]}})[1]
    emulator.api('DELETE', '/edges/https/%s/routes/%s/ip_restriction' % (edge['id'], route['id']))
    assert users_of(context_for(emulator), IP_POLICY, policy) == []
    emulator.api('PUT', '/edges/https/%s/routes/%s/ip_restriction' % (edge['id'], route['id']), {'ip_policy_ids': [policy['id']]})
    assert users_of(context_for(emulator), IP_POLICY, policy) == ['route %s / of HTTPS edge %s' % (route['id'], edge['id'])]
    assert users_of(context_for(emulator), IP_POLICY, unused) == []


def test_a_new_kind_of_reference_is_one_row(emulator):
    """A row added here (edges whose metadata names an IP policy by its description) makes their users known."""
    row = Reference(HTTPS_EDGE, 'metadata', targets=ANY_IP_POLICY, key='description', names=lambda metadata: [metadata])
    policy = emulator.api('POST', '/ip_policies', {'description': 'office'})[1]
    edge = emulator.api('POST', '/edges/https', {'description': 'shop', 'metadata': 'office'})[1]
    assert find_users(context_for(emulator), REFERENCES + (row,), IP_POLICY, policy) == ['HTTPS edge %s (shop)' % edge['id']]
    assert find_users(context_for(emulator), REFERENCES, IP_POLICY, policy) == []


def test_a_row_reads_its_option_in_the_canonical_form():
    row = Reference(ROUTE, 'backend.backend')
    assert row.value_in({'backend': {'enabled': True, 'backend': {'id': 'bkdhr_a', 'uri': 'x'}}}) == 'bkdhr_a'
    assert row.value_in({'backend': None}) is None
    assert row.targets is ANY_BACKEND
    with pytest.raises(KeyError):
        Reference(ROUTE, 'backend.nothing')


def test_a_description_of_a_type_whose_list_takes_a_filter_costs_one_filtered_request(emulator):
    ids = [emulator.api('POST', '/reserved_domains', {'domain': 'd%d.example.com' % number, 'description': 'd%d' % number})[1]['id']
           for number in range(150)]
    start = len(emulator.requests())
    context = context_for(emulator)
    assert ANY_RESERVED_DOMAIN.id_of(context, 'd7') == ids[7]
    assert [(entry['path'], entry['query']) for entry in emulator.requests()[start:]] == [
        ('/reserved_domains', 'limit=100&filter=obj.description%20%3D%3D%20%22d7%22')]
    with pytest.raises(ModuleFailure) as caught:
        ANY_RESERVED_DOMAIN.id_of(context, '')
    assert caught.value.msg.startswith("no reserved domain has the description ''")


def test_an_edge_uses_the_domain_of_its_hostports_and_the_wildcards_above_them(emulator):
    emulator.reserve('shop.example.com', '*.example.com', 'blog.example.com', '*.a.example.com')
    domains = dict((item['domain'], item) for item in emulator.api('GET', '/reserved_domains')[1]['reserved_domains'])
    edge = emulator.api('POST', '/edges/https', {'description': 'shop', 'hostports': ['shop.example.com:443']})[1]
    context = context_for(emulator)
    named = 'HTTPS edge %s (shop)' % edge['id']
    assert users_of(context, RESERVED_DOMAIN, domains['shop.example.com']) == [named]
    assert users_of(context, RESERVED_DOMAIN, domains['*.example.com']) == [named]
    assert users_of(context, RESERVED_DOMAIN, domains['blog.example.com']) == []
    assert users_of(context, RESERVED_DOMAIN, domains['*.a.example.com']) == []
