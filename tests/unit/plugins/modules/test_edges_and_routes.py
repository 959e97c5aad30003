# -*- coding: utf-8 -*-
# Copyright (c) 2026, community.ngrok contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""ngrok_https_edge and ngrok_edge_route: requests per task, counted in the emulator's log."""

from __future__ import absolute_import, division, print_function
__metaclass__ = type

import json

from ansible_collections.community.ngrok.plugins.modules import ngrok_edge_route, ngrok_https_edge
from ansible_collections.community.ngrok.tests.unit.helpers import run_logged as run


def calls(log):
    """(method, last path segment) of each request, after checking they all shared one TCP connection."""
    assert len(set(entry['connection'] for entry in log)) <= 1
    return [(entry['method'], entry['path'].rsplit('/', 1)[-1]) for entry in log]


def edge_and_backend(emulator):
    backend = emulator.api('POST', '/backends/http_response', {'description': 'app'})[1]['id']
    emulator.reserve('a.example.com')
    edge = emulator.api('POST', '/edges/https', {'description': 'edge', 'hostports': ['a.example.com:443']})[1]['id']
    return edge, backend


def test_route_requests_noop_create_update_purge(emulator):
    edge, backend = edge_and_backend(emulator)
    route = dict(edge=edge, match='/', match_type='path_prefix', backend={'backend': backend})
    created, log = run(emulator, ngrok_edge_route, compression={}, **route)
    assert calls(log) == [('GET', edge), ('POST', 'routes')]
    noop, log = run(emulator, ngrok_edge_route, **route)
    assert noop['changed'] is False and calls(log) == [('GET', edge)]
    updated, log = run(emulator, ngrok_edge_route, request_headers={'add': {'X-A': '1'}}, **route)
    assert calls(log) == [('GET', edge), ('PATCH', created['route']['id'])]
    purged, log = run(emulator, ngrok_edge_route, purge_modules=True, **route)
    assert calls(log) == [('GET', edge), ('DELETE', 'compression'), ('DELETE', 'request_headers')]
    assert purged['route']['compression'] is None and purged['route']['backend'] == {'enabled': True, 'backend': backend}


def test_route_with_the_edge_by_description_lists_the_edges_instead_of_reading_one(emulator):
    edge, backend = edge_and_backend(emulator)
    route = dict(edge='edge', match='/', backend={'backend': backend})
    created, log = run(emulator, ngrok_edge_route, match_type='exact_path', **route)
    assert calls(log) == [('GET', 'https'), ('POST', 'routes')]
    noop, log = run(emulator, ngrok_edge_route, **route)
    assert noop['changed'] is False and calls(log) == [('GET', 'https')]
    updated, log = run(emulator, ngrok_edge_route, compression={}, **route)
    assert calls(log) == [('GET', 'https'), ('PATCH', created['route']['id'])]
    purged, log = run(emulator, ngrok_edge_route, purge_modules=True, **route)
    assert calls(log) == [('GET', 'https'), ('DELETE', 'compression')]
    gone, log = run(emulator, ngrok_edge_route, state='absent', **route)
    assert gone['changed'] is True and calls(log) == [('GET', 'https'), ('DELETE', created['route']['id'])]
    again, log = run(emulator, ngrok_edge_route, state='absent', **route)
    assert again['changed'] is False and calls(log) == [('GET', 'https')]


def test_route_update_and_purge_together_delete_first_then_patch_once(emulator):
    edge, backend = edge_and_backend(emulator)
    route = dict(edge=edge, match='/', match_type='path_prefix')
    run(emulator, ngrok_edge_route, backend={'backend': backend}, compression={}, websocket_tcp_converter={}, **route)
    result, log = run(emulator, ngrok_edge_route, purge_modules=True, request_headers={'remove': ['Server']}, **route)
    assert calls(log) == [('GET', edge), ('DELETE', 'backend'), ('DELETE', 'compression'),
                          ('DELETE', 'websocket_tcp_converter'), ('PATCH', result['route']['id'])]
    assert result['route']['request_headers'] == {'enabled': True, 'add': {}, 'remove': ['server']}
    assert result['route']['backend'] is None


def test_route_by_edge_description_lists_edges_once_and_backend_description_each_backend_type_once(emulator):
    edge, backend = edge_and_backend(emulator)
    result, log = run(emulator, ngrok_edge_route, edge='edge', match='/', match_type='exact_path', backend={'backend': 'app'})
    assert result['route']['backend']['backend'] == backend
    reads = sorted(entry['path'] for entry in log if entry['method'] == 'GET')
    assert reads == ['/backends/failover', '/backends/http_response', '/backends/tunnel_group', '/backends/weighted', '/edges/https']


def test_route_check_mode_reads_only_and_predicts_the_edge(emulator):
    edge, dummy = edge_and_backend(emulator)
    result, log = run(emulator, ngrok_edge_route, check_mode=True, edge=edge, match='/a', match_type='exact_path', compression={})
    assert result['changed'] is True
    assert result['route']['edge_id'] == edge and result['route']['compression'] == {'enabled': True}
    assert calls(log) == [('GET', edge)]


def test_route_on_a_missing_edge_fails_without_writing(emulator):
    result, log = run(emulator, ngrok_edge_route, edge='nowhere', match='/', match_type='exact_path')
    assert result['failed'] is True
    assert result['msg'] == "no HTTPS edge has the description 'nowhere'"
    assert calls(log) == [('GET', 'https')]


def test_route_create_needs_match_type(emulator):
    edge, dummy = edge_and_backend(emulator)
    result, log = run(emulator, ngrok_edge_route, edge=edge, match='/')
    assert result['failed'] is True and 'creating one needs match_type' in result['msg']
    assert calls(log) == [('GET', edge)]


def test_a_lost_route_create_answer_does_not_duplicate(emulator):
    edge, dummy = edge_and_backend(emulator)
    emulator.fault(method='POST', path='/edges/https/%s/routes' % edge, drop=True, phase='after')
    result, log = run(emulator, ngrok_edge_route, edge=edge, match='/once', match_type='exact_path')
    assert result['changed'] is True
    routes = emulator.api('GET', '/edges/https/' + edge)[1]['routes']
    assert [route['id'] for route in routes] == [result['route']['id']]


def test_edge_noop_and_purge(emulator):
    emulator.reserve('b.example.com')
    created, log = run(emulator, ngrok_https_edge, description='e', hostports=['b.example.com:443'],
                       tls_termination={'min_version': '1.3'}, mutual_tls={'certificate_authority_ids': ['ca_2fMuU4sEZ8HgKe5Ff5pJ4NbMb1W']})
    assert calls(log) == [('GET', 'https'), ('POST', 'https')]
    noop, log = run(emulator, ngrok_https_edge, id=created['edge']['id'], hostports=['b.example.com:443'])
    assert noop['changed'] is False and len(log) == 1
    purged, log = run(emulator, ngrok_https_edge, id=created['edge']['id'], tls_termination={'min_version': '1.3'}, purge_modules=True)
    assert calls(log) == [('GET', created['edge']['id']), ('DELETE', 'mutual_tls')]
    assert purged['edge']['mutual_tls'] is None and purged['edge']['tls_termination']['terminate_at'] == 'edge'


def test_route_check_mode_on_an_edge_an_earlier_task_would_create_warns_and_predicts(emulator):
    result, log = run(emulator, ngrok_edge_route, check_mode=True, edge='later', match='/', match_type='exact_path',
                      backend={'backend': 'later backend'})
    assert result['changed'] is True
    assert result['route']['edge_id'] is None and result['route']['backend'] == {'enabled': True, 'backend': 'later backend'}
    warnings = json.dumps(result['warnings'])  # texts, or structured warnings since ansible-core 2.19
    assert "no HTTPS edge has the description 'later'" in warnings
    assert "no backend has the description 'later backend'" in warnings
    assert all(method == 'GET' for method, dummy in calls(log))


def test_a_route_id_on_a_missing_edge_names_the_edge_as_the_reason(emulator):
    route_id = 'edghtsrt_2fMuU4sEZ8HgKe5Ff5pJ4NbMb1W'
    result, log = run(emulator, ngrok_edge_route, edge='nowhere', id=route_id)
    assert result['failed'] is True
    assert result['msg'] == "no HTTPS edge has the description 'nowhere', so no HTTPS edge route has the id " + route_id
    assert calls(log) == [('GET', 'https')]
    gone, log = run(emulator, ngrok_edge_route, edge='nowhere', id=route_id, state='absent')
    assert gone['changed'] is False and calls(log) == [('GET', 'https')]


def test_an_empty_find_by_deletes_no_edge_and_no_route(emulator):
    edge, backend = edge_and_backend(emulator)
    body = {'match_type': 'exact_path', 'match': '/a', 'backend': {'backend_id': backend}}
    route = emulator.api('POST', '/edges/https/%s/routes' % edge, body)[1]
    for module, args in ((ngrok_https_edge, {}), (ngrok_edge_route, {'edge': edge})):
        for state in ('present', 'absent'):
            result, log = run(emulator, module, find_by=[], description='x', state=state, **args)
            assert result.get('failed') is True, result
            assert 'find_by: must name at least one of description, metadata' in result['msg']
            assert log == []
    assert emulator.api('GET', '/edges/https/' + edge)[1]['routes'] == [route]


def test_lists_compared_as_sets_refuse_duplicates_before_any_request(emulator):
    edge, backend = edge_and_backend(emulator)
    policy = emulator.api('POST', '/ip_policies', {'description': 'p'})[1]['id']
    cases = [
        (ngrok_https_edge, {'id': edge, 'hostports': ['a.example.com:443', 'a.example.com:443']},
         'hostports: entries must be unique (a.example.com:443 given more than once)'),
        (ngrok_edge_route, {'edge': edge, 'match': '/', 'match_type': 'exact_path', 'ip_restriction': {'ip_policy_ids': [policy, policy]}},
         'ip_restriction.ip_policy_ids: entries must be unique (%s given more than once)' % policy),
        (ngrok_edge_route, {'edge': edge, 'match': '/', 'match_type': 'exact_path', 'user_agent_filter': {'allow': ['curl', 'curl']}},
         'user_agent_filter.allow: entries must be unique (curl given more than once)'),
        (ngrok_edge_route, {'edge': edge, 'match': '/', 'match_type': 'exact_path', 'response_headers': {'remove': ['Server', 'server']}},
         'response_headers.remove: entries must be unique (server given more than once)'),
    ]
    for module, args, msg in cases:
        result, log = run(emulator, module, **args)
        assert result.get('failed') is True, result
        assert msg in result['msg']
        assert log == []


def test_check_mode_predicts_the_edge_the_real_run_returns(emulator):
    emulator.reserve('t.example.com')
    args = dict(description='tls', hostports=['t.example.com:443'], tls_termination={'min_version': '1.3'})
    predicted, log = run(emulator, ngrok_https_edge, check_mode=True, **args)
    created, log = run(emulator, ngrok_https_edge, **args)
    server_chosen = ('id', 'uri', 'created_at')
    assert dict(predicted['edge'], **dict.fromkeys(server_chosen)) == dict(created['edge'], **dict.fromkeys(server_chosen))
    assert predicted['edge']['tls_termination']['terminate_at'] == 'edge'


def test_a_second_sign_in_module_on_a_route_fails_before_any_write_in_check_mode_too(emulator):
    """The API refuses oauth and oidc on one route (ERR_NGROK_7079): the route read shows it already."""
    edge, backend = edge_and_backend(emulator)
    emulator.api('POST', '/edges/https/%s/routes' % edge, {'match_type': 'exact_path', 'match': '/a', 'oauth': {'provider': {'google': {}}}})
    oidc = {'issuer': 'https://idp.example.com', 'client_id': 'c', 'client_secret': 'oidc-client-secret'}
    for check_mode in (True, False):
        result, log = run(emulator, ngrok_edge_route, check_mode=check_mode, edge=edge, match='/a', oidc=oidc)
        assert result.get('failed') is True, result
        assert result['msg'] == ('invalid input: only one of oauth, oidc and saml can protect a route: the route has oauth; '
                                 'add oidc with purge_modules: true to replace it')
        assert calls(log) == [('GET', edge)]
    # With purge_modules the old sign-in module goes first: that works, and check mode says so.
    predicted, log = run(emulator, ngrok_edge_route, check_mode=True, edge=edge, match='/a', oidc=oidc, purge_modules=True)
    assert predicted['changed'] is True and calls(log) == [('GET', edge)]
    done, log = run(emulator, ngrok_edge_route, edge=edge, match='/a', oidc=oidc, purge_modules=True)
    assert [method for method, dummy in calls(log)] == ['GET', 'DELETE', 'PATCH']
    assert predicted['route']['oauth'] is None and done['route']['oauth'] is None
    assert predicted['route']['oidc'] == done['route']['oidc']
