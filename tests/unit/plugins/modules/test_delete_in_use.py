# -*- coding: utf-8 -*-
# Copyright (c) 2026, community.ngrok contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""Deleting an object still in use fails before any write and names its users, whatever the API would allow
(issue 11: the API lets a backend used by a route go, and the route then points at nothing). Check mode
warns instead, so that a teardown in dependency order can be checked before it runs."""

from __future__ import absolute_import, division, print_function
__metaclass__ = type

import time

import pytest

from ansible_collections.community.ngrok.plugins.module_utils import reference_table
from ansible_collections.community.ngrok.plugins.module_utils.client import MAX_RETRIES, NgrokClient
from ansible_collections.community.ngrok.plugins.module_utils.edges import ROUTE
from ansible_collections.community.ngrok.plugins.module_utils.engine import ResourceEngine
from ansible_collections.community.ngrok.plugins.module_utils.errors import ModuleFailure
from ansible_collections.community.ngrok.plugins.module_utils.references import AnyOf, Reference
from ansible_collections.community.ngrok.plugins.module_utils.resource import Resource
from ansible_collections.community.ngrok.plugins.modules import (
    ngrok_edge_route, ngrok_failover_backend, ngrok_http_response_backend, ngrok_https_edge, ngrok_tunnel_group_backend,
    ngrok_weighted_backend,
)
from ansible_collections.community.ngrok.tests.unit.helpers import run_logged as run, warning_messages


def calls(log):
    return [(entry['method'], entry['path']) for entry in log]


def writes(log):
    return [call for call in calls(log) if call[0] != 'GET']


def backend(emulator, kind, **body):
    return emulator.api('POST', '/backends/' + kind, body)[1]['id']


def route_to(emulator, backend_id, match='/api'):
    """An edge (shop) with a route whose backend route module names ``backend_id``: (edge id, route id)."""
    edge = emulator.api('POST', '/edges/https', {'description': 'shop'})[1]['id']
    route = emulator.api('POST', '/edges/https/%s/routes' % edge, {
        'match_type': 'path_prefix', 'match': match, 'backend': {'backend_id': backend_id}})[1]['id']
    return edge, route


def exists(emulator, path):
    return emulator.api('GET', path)[0] == 200


# The listings that show who uses a backend, in the order they are searched (reference_table.REFERENCES).
USERS_OF_A_BACKEND = [('GET', '/backends/weighted'), ('GET', '/backends/failover'), ('GET', '/edges/https')]


def test_a_backend_used_by_a_route_is_not_deleted_although_the_api_would_allow_it(emulator):
    blue = backend(emulator, 'http_response', description='blue')
    edge, route = route_to(emulator, blue)
    result, log = run(emulator, ngrok_http_response_backend, description='blue', state='absent')
    user = 'route %s /api of HTTPS edge %s (shop)' % (route, edge)
    assert result['failed'] is True
    assert result['msg'] == 'cannot delete HTTP response backend %s: it is used by %s' % (blue, user)
    assert result['used_by'] == [user]
    assert 'api_error' not in result  # the module refused, not the API
    assert calls(log) == [('GET', '/backends/http_response')] + USERS_OF_A_BACKEND
    assert exists(emulator, '/backends/http_response/' + blue)


@pytest.mark.parametrize('module,kind', [(ngrok_http_response_backend, 'http_response'), (ngrok_tunnel_group_backend, 'tunnel_group'),
                                         (ngrok_weighted_backend, 'weighted'), (ngrok_failover_backend, 'failover')])
def test_every_backend_type_in_use_fails_before_any_write_naming_every_user(emulator, module, kind):
    child = backend(emulator, kind, description='child')
    split = backend(emulator, 'weighted', description='split', backends={child: 1})
    front = backend(emulator, 'failover', backends=[child])
    edge, route = route_to(emulator, child)
    result, log = run(emulator, module, id=child, state='absent')
    assert result['used_by'] == ['weighted backend %s (split)' % split, 'failover backend %s' % front,
                                 'route %s /api of HTTPS edge %s (shop)' % (route, edge)]
    assert result['msg'] == 'cannot delete %s %s: it is used by %s' % (module_kind(kind), child, ', '.join(result['used_by']))
    assert writes(log) == [] and len(set(entry['connection'] for entry in log)) == 1
    assert calls(log) == [('GET', '/backends/%s/%s' % (kind, child))] + USERS_OF_A_BACKEND


def module_kind(kind):
    return {'http_response': 'HTTP response backend'}.get(kind, kind.replace('_', ' ') + ' backend')


def test_an_unused_backend_costs_one_listing_per_type_that_could_use_it(emulator):
    """The lookup's own listing serves the search when the type can name its own kind (weighted)."""
    backend(emulator, 'http_response', description='alone')
    result, log = run(emulator, ngrok_http_response_backend, description='alone', state='absent')
    assert result['changed'] is True
    assert calls(log)[:-1] == [('GET', '/backends/http_response')] + USERS_OF_A_BACKEND
    assert writes(log) == [('DELETE', calls(log)[-1][1])]
    backend(emulator, 'weighted', description='alone')
    result, log = run(emulator, ngrok_weighted_backend, description='alone', state='absent')
    assert result['changed'] is True
    assert [call for call in calls(log) if call[0] == 'GET'] == USERS_OF_A_BACKEND


def test_objects_nobody_names_cost_no_search(emulator):
    edge, route = route_to(emulator, backend(emulator, 'http_response'))
    gone, log = run(emulator, ngrok_edge_route, edge=edge, match='/api', state='absent')
    assert gone['changed'] is True and [method for method, dummy in calls(log)] == ['GET', 'DELETE']
    gone, log = run(emulator, ngrok_https_edge, id=edge, state='absent')
    assert gone['changed'] is True and [method for method, dummy in calls(log)] == ['GET', 'DELETE']


def test_check_mode_warns_names_the_users_and_writes_nothing(emulator):
    blue = backend(emulator, 'http_response', description='blue')
    split = backend(emulator, 'weighted', description='split', backends={blue: 1})
    edge, route = route_to(emulator, blue)
    result, log = run(emulator, ngrok_http_response_backend, check_mode=True, description='blue', state='absent')
    assert result['changed'] is True and result['diff']['after'] == {} and result['backend']['id'] == blue
    assert warning_messages(result) == [
        'HTTP response backend %s is used by weighted backend %s (split), route %s /api of HTTPS edge %s (shop); deleting it '
        'will fail unless an earlier task removes those uses' % (blue, split, route, edge)]
    assert calls(log) == [('GET', '/backends/http_response')] + USERS_OF_A_BACKEND


def teardown(emulator, check_mode):
    """Route, edge, failover, weighted, then the HTTP response backends: each one after its users."""
    steps = [
        (ngrok_edge_route, {'edge': 'shop', 'match': '/'}),
        (ngrok_https_edge, {'description': 'shop'}),
        (ngrok_failover_backend, {'description': 'front'}),
        (ngrok_weighted_backend, {'description': 'split'}),
        (ngrok_http_response_backend, {'description': 'blue'}),
        (ngrok_http_response_backend, {'description': 'green'}),
    ]
    return [run(emulator, module, check_mode=check_mode, state='absent', **args) for module, args in steps]


def test_a_teardown_in_dependency_order_checks_and_runs(emulator):
    blue, green = (backend(emulator, 'http_response', description=name) for name in ('blue', 'green'))
    split = backend(emulator, 'weighted', description='split', backends={blue: 1, green: 1})
    front = backend(emulator, 'failover', description='front', backends=[split, green])
    edge = emulator.api('POST', '/edges/https', {'description': 'shop'})[1]['id']
    emulator.api('POST', '/edges/https/%s/routes' % edge, {'match_type': 'path_prefix', 'match': '/', 'backend': {'backend_id': front}})

    checked = teardown(emulator, check_mode=True)
    assert [result['changed'] for result, log in checked] == [True] * 6
    assert all(not result.get('failed') and writes(log) == [] for result, log in checked)
    # The users an earlier task only pretended to remove are still there: each later task says so.
    assert [len(warning_messages(result)) for result, log in checked] == [0, 0, 1, 1, 1, 1]
    assert 'is used by route' in warning_messages(checked[2][0])[0]

    applied = teardown(emulator, check_mode=False)
    assert [result['changed'] for result, log in applied] == [True] * 6
    assert all(not result.get('failed') and 'warnings' not in result for result, log in applied)
    assert [method for result, log in applied for method, dummy in writes(log)] == ['DELETE'] * 6
    for path, key in (('/edges/https', 'https_edges'), ('/backends/weighted', 'backends'), ('/backends/failover', 'backends'),
                      ('/backends/http_response', 'backends')):
        assert emulator.api('GET', path)[1][key] == []


def test_the_api_refusing_a_delete_the_search_did_not_explain_names_the_user_found_afresh(emulator):
    """The weighted listing refused during the search: the API's own refusal (ERR_NGROK_6502) still names the user."""
    blue = backend(emulator, 'http_response', description='blue')
    split = backend(emulator, 'weighted', description='split', backends={blue: 1})
    emulator.fault(method='GET', path='/backends/weighted', status=403, times=1)
    result, log = run(emulator, ngrok_http_response_backend, id=blue, state='absent')
    assert result['failed'] is True
    assert result['used_by'] == ['weighted backend %s (split)' % split]
    assert result['api_error']['error_code'] == 'ERR_NGROK_6502'
    assert [(entry['method'], entry['status']) for entry in log if entry['method'] != 'GET'] == [('DELETE', 400)]
    assert exists(emulator, '/backends/http_response/' + blue)


def test_a_listing_of_users_that_cannot_be_read_fails_the_delete_before_any_write(emulator, monkeypatch):
    """A search that could not look is no proof of "unused": the delete does not go ahead."""
    monkeypatch.setattr(time, 'sleep', lambda seconds: None)
    blue = backend(emulator, 'http_response', description='blue')
    route_to(emulator, blue)
    emulator.fault(method='GET', path='/edges/https', status=503, times=MAX_RETRIES + 1)
    result, log = run(emulator, ngrok_http_response_backend, id=blue, state='absent')
    assert result['failed'] is True
    assert result['msg'].startswith('GET /edges/https failed: HTTP 503')
    assert writes(log) == []
    assert exists(emulator, '/backends/http_response/' + blue)


# -- the rule is the engine's, for any type with a row in the reference table -----------------------------
# A stand-in for a type the collection does not declare yet, over the emulator's IP policies: the rule comes
# with its row, and nothing else (the collection's own IP policies are tested in test_ngrok_ip_policy.py).

IP_POLICY = Resource(kind='IP policy', path='/ip_policies', list_key='ip_policies', id_prefix='ipp_',
                     result_key='ip_policy', fields=[])
# The row: routes name IP policies in their ip_restriction route module.
ANY_IP_POLICY = AnyOf('IP policy', {'ip_policy': IP_POLICY}, plural='IP policies')
IP_RESTRICTION = Reference(ROUTE, 'ip_restriction.ip_policy_ids', targets=ANY_IP_POLICY, names=list)


def delete_policy(emulator, policy):
    params = {'state': 'absent', 'id': policy, 'find_by': ['description'], 'description': None, 'metadata': None}
    client = NgrokClient(emulator.url, emulator.api_key, sleep=lambda seconds: None)
    return ResourceEngine(IP_POLICY, params, client).run()


def policy_on_a_route(emulator):
    policy = emulator.api('POST', '/ip_policies', {'description': 'office'})[1]['id']
    edge = emulator.api('POST', '/edges/https', {'description': 'shop'})[1]['id']
    route = emulator.api('POST', '/edges/https/%s/routes' % edge, {
        'match_type': 'exact_path', 'match': '/', 'ip_restriction': {'ip_policy_ids': [policy]}})[1]['id']
    return policy, 'route %s / of HTTPS edge %s (shop)' % (route, edge)


def test_a_new_type_with_its_row_gets_the_rule_for_free(emulator, monkeypatch):
    monkeypatch.setattr(reference_table, 'REFERENCES', reference_table.REFERENCES + (IP_RESTRICTION,))
    policy, user = policy_on_a_route(emulator)
    before = len(emulator.requests())
    with pytest.raises(ModuleFailure) as caught:
        delete_policy(emulator, policy)
    assert caught.value.msg == 'cannot delete IP policy %s: it is used by %s' % (policy, user)
    assert caught.value.extra == {'used_by': [user]}
    assert writes(emulator.requests()[before:]) == []


def test_the_api_refusing_an_ip_policy_in_use_is_reported_as_in_use(emulator):
    """Without its row the search sees no user; the API's ERR_NGROK_1420 is still an in-use failure."""
    policy, user = policy_on_a_route(emulator)
    with pytest.raises(ModuleFailure) as caught:
        delete_policy(emulator, policy)
    assert caught.value.msg.startswith('cannot delete IP policy %s: it is used by another object (DELETE /ip_policies/%s failed: '
                                       'HTTP 400 ERR_NGROK_1420' % (policy, policy))
    assert caught.value.extra['used_by'] == [] and caught.value.extra['api_error']['error_code'] == 'ERR_NGROK_1420'
    assert exists(emulator, '/ip_policies/' + policy)
