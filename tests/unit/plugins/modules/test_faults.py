# -*- coding: utf-8 -*-
# Copyright (c) 2026, community.ngrok contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""Every module, every operation (lookup, create, update, delete), every kind of transient fault.

Transient faults are retried and the task converges; a create is never duplicated (objects are
counted afterwards); an exhausted retry budget or a timeout fails with a message naming the request.
The emulator injects the faults; backoff waits are recorded instead of slept.
"""

from __future__ import absolute_import, division, print_function
__metaclass__ = type

import time

import pytest

from ansible_collections.community.ngrok.plugins.modules import (
    ngrok_backend_info, ngrok_cloud_endpoint, ngrok_edge_migration, ngrok_edge_route, ngrok_failover_backend, ngrok_http_response_backend,
    ngrok_https_edge, ngrok_ip_policy, ngrok_reserved_domain, ngrok_tunnel_group_backend, ngrok_weighted_backend,
)
from ansible_collections.community.ngrok.plugins.module_utils.client import MAX_RETRIES
from ansible_collections.community.ngrok.tests.unit.helpers import module_args, run_module


def _child(emulator):
    return {'child': emulator.api('POST', '/backends/http_response', {'description': 'child'})[1]['id']}


def _edge(emulator):
    emulator.reserve('f.example.com')
    return {'edge': emulator.api('POST', '/edges/https', {'description': 'edge', 'hostports': ['f.example.com:443']})[1]['id']}


def _routes(emulator, ctx):
    return [r for r in emulator.api('GET', '/edges/https/' + ctx['edge'])[1]['routes'] if r['match'] == '/f']


FAULTY_RULE = {'cidr': '10.0.0.0/8', 'action': 'allow', 'description': 'faulty'}


def _domain(emulator):
    emulator.reserve('g.example.com')
    return {}


LIST_KEYS = {'/edges/https': 'https_edges', '/reserved_domains': 'reserved_domains', '/ip_policies': 'ip_policies',
             '/ip_policy_rules': 'ip_policy_rules', '/endpoints': 'endpoints'}
POLICY = {'on_http_request': [{'actions': [{'type': 'deny'}]}]}


def _listed(path):
    key = LIST_KEYS.get(path, 'backends')
    return lambda emulator, ctx: [item for item in emulator.api('GET', path)[1][key] if item.get('description') == 'faulty']


class Case:
    """How to drive one module: prerequisites, arguments, where its requests go, how to count its objects.

    delete   args that delete the object; by default the create's with state=absent
    child    the object is a child of the module's object (an IP policy rule): the task's result shows it
             inside its parent's
    """

    def __init__(self, module, collection, create, update, setup=None, found=None, lookup=None, delete=None, child=False):
        self.module = module
        self.collection = collection
        self.create = create
        self.update = update
        self.setup = setup or (lambda emulator: {})
        self.found = found or _listed(collection)
        self.lookup = lookup or (lambda ctx: collection)
        self.delete = delete or (lambda ctx: dict(create(ctx), state='absent'))
        self.child = child

    def object_id(self, result):
        """The id of the object in a module's result."""
        if self.child:
            return result['ip_policy']['rules'][0]['id']
        return result[next(key for key in ('backend', 'edge', 'route', 'reserved_domain', 'ip_policy', 'endpoint') if key in result)]['id']


CASES = {
    'http_response': Case(ngrok_http_response_backend, '/backends/http_response',
                          lambda c: {'description': 'faulty', 'status_code': 200}, lambda c: {'description': 'faulty', 'status_code': 201}),
    'tunnel_group': Case(ngrok_tunnel_group_backend, '/backends/tunnel_group',
                         lambda c: {'description': 'faulty', 'labels': {'a': 'b'}}, lambda c: {'description': 'faulty', 'labels': {'a': 'c'}}),
    'weighted': Case(ngrok_weighted_backend, '/backends/weighted',
                     lambda c: {'description': 'faulty', 'backends': {c['child']: 1}},
                     lambda c: {'description': 'faulty', 'backends': {c['child']: 2}}, setup=_child),
    'failover': Case(ngrok_failover_backend, '/backends/failover',
                     lambda c: {'description': 'faulty', 'backends': [c['child']]},
                     lambda c: {'description': 'faulty', 'metadata': 'm', 'backends': [c['child']]}, setup=_child),
    'https_edge': Case(ngrok_https_edge, '/edges/https',
                       lambda c: {'description': 'faulty', 'hostports': ['g.example.com:443']},
                       lambda c: {'description': 'faulty', 'tls_termination': {'min_version': '1.3'}}, setup=_domain),
    'edge_route': Case(ngrok_edge_route, None,
                       lambda c: {'edge': c['edge'], 'match': '/f', 'match_type': 'exact_path'},
                       lambda c: {'edge': c['edge'], 'match': '/f', 'compression': {}},
                       setup=_edge, found=_routes, lookup=lambda ctx: '/edges/https/' + ctx['edge']),
    # Its lookup is a filtered list request: a fault on it is retried like any other (never a fallback).
    'reserved_domain': Case(ngrok_reserved_domain, '/reserved_domains',
                            lambda c: {'domain': 'faulty.example.com', 'description': 'faulty'},
                            lambda c: {'domain': 'faulty.example.com', 'description': 'faulty',
                                       'certificate_management_policy': {'private_key_type': 'rsa'}}),
    'ip_policy': Case(ngrok_ip_policy, '/ip_policies', lambda c: {'description': 'faulty', 'rules': [FAULTY_RULE]},
                      lambda c: {'description': 'faulty', 'metadata': 'm'}),
    # The rules of an IP policy, each written with a request of its own (the task's object is the policy).
    'ip_policy_rule': Case(ngrok_ip_policy, '/ip_policy_rules', lambda c: {'description': 'faulty', 'rules': [FAULTY_RULE]},
                           lambda c: {'description': 'faulty', 'rules': [dict(FAULTY_RULE, metadata='m')]},
                           delete=lambda c: {'description': 'faulty', 'rules': []}, child=True),
    # An internal endpoint: its delete also lists the endpoints (those that forward to it).
    'cloud_endpoint': Case(ngrok_cloud_endpoint, '/endpoints',
                           lambda c: {'url': 'https://faulty.internal', 'description': 'faulty', 'traffic_policy': POLICY},
                           lambda c: {'url': 'https://faulty.internal', 'description': 'faulty',
                                      'traffic_policy': 'on_http_request: [{actions: [{type: deny, config: {status_code: 404}}]}]'}),
}
CASES['edge_route'].collection_of = lambda ctx: '/edges/https/%s/routes' % ctx['edge']

# name -> (fault fields, module timeout). Each fault hits twice: transient, within the retry budget.
TRANSIENT = {
    '429 with Retry-After': ({'status': 429, 'retry_after': 0}, 5),
    '429 without Retry-After': ({'status': 429}, 5),
    '502': ({'status': 502}, 5),
    '503': ({'status': 503}, 5),
    '504': ({'status': 504}, 5),
    'dropped connection': ({'drop': True}, 5),
    'slow, within the timeout': ({'delay': 0.3}, 5),
}


@pytest.fixture
def waits(monkeypatch):
    """Backoff waits, recorded instead of slept (the emulator's own delays stay real)."""
    recorded = []
    monkeypatch.setattr(time, 'sleep', recorded.append)
    return recorded


def collection_path(case, ctx):
    return case.collection_of(ctx) if hasattr(case, 'collection_of') else case.collection


def run(emulator, case, args, timeout):
    return run_module(case.module.main, module_args(emulator, timeout=timeout, **args))


def prepare(emulator, case, operation):
    """State before the operation under test, and the fault target (method, path) of the operation."""
    ctx = case.setup(emulator)
    if operation != 'create':
        assert run(emulator, case, case.create(ctx), 5)['changed']
    if operation == 'lookup':
        return ctx, ('GET', case.lookup(ctx))
    if operation == 'create':
        return ctx, ('POST', collection_path(case, ctx))
    return ctx, ('PATCH' if operation == 'update' else 'DELETE', collection_path(case, ctx) + '/*')


def act(emulator, case, operation, ctx, timeout):
    args = {'create': case.create, 'lookup': case.create, 'update': case.update, 'delete': case.delete}[operation](ctx)
    return run(emulator, case, args, timeout)


@pytest.mark.parametrize('fault', sorted(TRANSIENT))
@pytest.mark.parametrize('operation', ['lookup', 'create', 'update', 'delete'])
@pytest.mark.parametrize('name', sorted(CASES))
def test_transient_faults_are_survived(emulator, waits, name, operation, fault):
    case = CASES[name]
    ctx, (method, path) = prepare(emulator, case, operation)
    fields, timeout = TRANSIENT[fault]
    emulator.fault(method=method, path=path, times=2, **fields)
    result = act(emulator, case, operation, ctx, timeout)
    assert not result.get('failed'), result.get('msg')
    assert result['changed'] is (operation != 'lookup')
    assert len(case.found(emulator, ctx)) == (0 if operation == 'delete' else 1)  # converged, never duplicated
    faulted = [e for e in emulator.requests() if e['method'] == method and e['status'] in (None, 429, 502, 503, 504)]
    assert len(faulted) == (0 if 'slow' in fault else 2)
    assert all(wait <= 60 for wait in waits)


def lose_the_answer(emulator, case, operation, fault):
    """Run ``operation`` once more with its first answer lost after the API processed the request."""
    ctx, (method, path) = prepare(emulator, case, operation)
    emulator.fault(method=method, path=path, times=1, phase='after', **TRANSIENT[fault][0])
    result = act(emulator, case, operation, ctx, 5)
    assert not result.get('failed'), result.get('msg')
    return ctx, path, result


@pytest.mark.parametrize('fault', ['502', 'dropped connection'])
@pytest.mark.parametrize('name', sorted(CASES))
def test_a_create_processed_but_unanswered_is_adopted_not_repeated(emulator, waits, name, fault):
    case = CASES[name]
    ctx, path, result = lose_the_answer(emulator, case, 'create', fault)
    assert result['changed'] is True
    assert len(case.found(emulator, ctx)) == 1
    assert [(e['method'], e['path']) for e in emulator.requests()].count(('POST', path)) == 1
    assert case.object_id(result) == case.found(emulator, ctx)[0]['id']


# The faults after which a request may have been processed although its answer was lost.
LOST_ANSWERS = ['502', '503', '504', 'dropped connection']


@pytest.mark.parametrize('fault', LOST_ANSWERS)
@pytest.mark.parametrize('name', sorted(CASES))
def test_a_delete_processed_but_unanswered_reports_the_change(emulator, waits, name, fault):
    """The retry finds the object gone: the lost attempt deleted it, so the task changed something."""
    case = CASES[name]
    ctx, dummy, result = lose_the_answer(emulator, case, 'delete', fault)
    assert result['changed'] is True
    assert case.found(emulator, ctx) == []
    deletes = [(e['method'], e['status']) for e in emulator.requests() if e['method'] == 'DELETE']
    assert deletes == [('DELETE', TRANSIENT[fault][0].get('status')), ('DELETE', 404)]
    if case.child:
        assert result['diff']['before']['rules'] and result['diff']['after']['rules'] == []
    else:
        assert result['diff']['before']['id'] and result['diff']['after'] == {}


# A route module, an edge module and a domain's certificate policy to purge: (its path, the body that sets it, the
# purge option). A custom domain has its policy from its creation.
PURGED = {'edge_route': ('compression', {}, 'purge_modules'), 'https_edge': ('tls_termination', {'min_version': '1.3'}, 'purge_modules'),
          'reserved_domain': ('certificate_management_policy', None, 'purge_certificate')}


@pytest.mark.parametrize('fault', ['502', 'dropped connection'])
@pytest.mark.parametrize('name', sorted(PURGED))
def test_a_purge_processed_but_unanswered_reports_the_change(emulator, waits, name, fault):
    case = CASES[name]
    ctx, dummy = prepare(emulator, case, 'update')
    part, body, option = PURGED[name]
    part_path = '%s/%s/%s' % (collection_path(case, ctx), case.found(emulator, ctx)[0]['id'], part)
    if body is not None:
        emulator.api('PUT', part_path, body)
    emulator.fault(method='DELETE', path=part_path, times=1, phase='after', **TRANSIENT[fault][0])
    result = run(emulator, case, dict(case.create(ctx), **{option: True}), 5)
    assert not result.get('failed'), result.get('msg')
    assert result['changed'] is True and result['diff']['after'][part] is None
    assert case.found(emulator, ctx)[0][part] is None
    assert [e['method'] for e in emulator.requests() if e['path'] == part_path] == ['PUT'] * (body is not None) + ['DELETE', 'DELETE']


@pytest.mark.parametrize('operation', ['lookup', 'create', 'update', 'delete'])
@pytest.mark.parametrize('name', sorted(CASES))
def test_an_exhausted_retry_budget_fails_naming_the_request_and_the_error(emulator, waits, name, operation):
    case = CASES[name]
    ctx, (method, path) = prepare(emulator, case, operation)
    emulator.fault(method=method, path=path, times=50, status=503 if method != 'POST' else 429)
    result = act(emulator, case, operation, ctx, 5)
    assert result['failed'] is True
    code = '503' if method != 'POST' else '429 ERR_NGROK_226'
    assert result['msg'].startswith('%s /' % method) and (' failed: HTTP %s' % code) in result['msg'], result['msg']
    assert result['api_error']['method'] == method
    assert len(waits) == MAX_RETRIES
    emulator.clear_faults()
    assert len(case.found(emulator, ctx)) == (0 if operation == 'create' else 1)


@pytest.mark.parametrize('operation', ['lookup', 'update', 'delete', 'create'])
@pytest.mark.parametrize('name', ['http_response', 'edge_route'])
def test_answers_slower_than_the_timeout_fail_clearly(emulator, waits, name, operation):
    case = CASES[name]
    ctx, (method, path) = prepare(emulator, case, operation)
    emulator.fault(method=method, path=path, times=50, delay=1.0)
    result = act(emulator, case, operation, ctx, 0.3)
    assert result['failed'] is True
    assert result['msg'].startswith('%s /' % method) and 'no answer within the timeout of 0.3 seconds' in result['msg'], result['msg']
    if method == 'POST':
        # The server may still create it: never sent twice, and the user is told how to converge.
        assert 'run the task again to find it' in result['msg']
        assert waits == []  # no backoff: the create was not tried again
    else:
        assert len(waits) == MAX_RETRIES


def test_info_survives_faults_on_every_page(emulator, waits):
    for number in range(150):
        emulator.api('POST', '/backends/http_response', {'description': 'p%d' % number})
    emulator.fault(method='GET', path='/backends/http_response', times=3, status=503)
    result = run_module(ngrok_backend_info.main, module_args(emulator, type='http_response'))
    assert len(result['backends']) == 150
    assert len(waits) == 3


@pytest.mark.parametrize('status,code', [(400, 'ERR_NGROK_9999'), (403, 'ERR_NGROK_9999'), (404, 'ERR_NGROK_9999'), (409, 'ERR_NGROK_9999'),
                                         (429, 'ERR_NGROK_226'), (500, None), (503, None)])
def test_api_errors_reach_the_user_with_code_message_and_operation_id(emulator, waits, status, code):
    emulator.fault(method='POST', path='/backends/http_response', times=50, status=status)
    result = run_module(ngrok_http_response_backend.main, module_args(emulator, description='refused'))
    assert result['failed'] is True
    error = result['api_error']
    assert (error['status_code'], error['error_code'], error['method'], error['path']) == (status, code, 'POST', '/backends/http_response')
    assert error['operation_id'].startswith('op_') and error['operation_id'] in result['msg']
    assert error['msg'] and error['msg'] in result['msg']
    assert result['msg'].startswith('POST /backends/http_response failed: HTTP %d' % status)


# -- ngrok_edge_migration: reads of several kinds (the edge, a backend by id, a page of backends, the endpoint), then
# one write per endpoint --------------------------------------------------------------------------------------------

MIGRATION_REQUESTS = {
    'edge list': ('GET', '/edges/https'),
    'backend by id': ('GET', '/backends/failover/*'),
    'page of backends': ('GET', '/backends/http_response'),
    'endpoint lookup': ('GET', '/endpoints'),
    'create': ('POST', '/endpoints'),
    'update': ('PATCH', '/endpoints/*'),
}


def _migrated_edge(emulator):
    """An edge (found by description) whose route's failover backend has two HTTP response backends: the failover is
    read by id, its children with one page of their list."""
    emulator.reserve('m.example.com')
    children = [emulator.api('POST', '/backends/http_response', {'body': name})[1]['id'] for name in ('a', 'b')]
    front = emulator.api('POST', '/backends/failover', {'backends': children})[1]['id']
    edge = emulator.api('POST', '/edges/https', {'description': 'faulty edge', 'hostports': ['m.example.com:443']})[1]['id']
    emulator.api('POST', '/edges/https/%s/routes' % edge, {'match': '/', 'match_type': 'path_prefix', 'backend': {'backend_id': front}})
    return children[0]


def _migrate(emulator, timeout):
    return run_module(ngrok_edge_migration.main, module_args(emulator, edge='faulty edge', timeout=timeout))


def _prepare_migration(emulator, request):
    """The state before the run under test: for an update, the endpoint exists and the edge changed since."""
    child = _migrated_edge(emulator)
    if request == 'update':
        assert _migrate(emulator, 5)['changed']
        emulator.api('PATCH', '/backends/http_response/' + child, {'body': 'changed'})


def _endpoints(emulator):
    return emulator.api('GET', '/endpoints')[1]['endpoints']


@pytest.mark.parametrize('fault', sorted(TRANSIENT))
@pytest.mark.parametrize('request_name', sorted(MIGRATION_REQUESTS))
def test_migration_survives_transient_faults_on_every_request(emulator, waits, request_name, fault):
    _prepare_migration(emulator, request_name)
    method, path = MIGRATION_REQUESTS[request_name]
    fields, timeout = TRANSIENT[fault]
    emulator.fault(method=method, path=path, times=2, **fields)
    result = _migrate(emulator, timeout)
    assert not result.get('failed'), result.get('msg')
    assert result['changed'] is True and len(_endpoints(emulator)) == 1  # converged, never duplicated
    faulted = [e for e in emulator.requests() if e['method'] == method and e['status'] in (None, 429, 502, 503, 504)]
    assert len(faulted) == (0 if 'slow' in fault else 2)
    assert all(wait <= 60 for wait in waits)


@pytest.mark.parametrize('fault', ['502', 'dropped connection'])
def test_migration_adopts_an_endpoint_created_but_unanswered(emulator, waits, fault):
    _prepare_migration(emulator, 'create')
    emulator.fault(method='POST', path='/endpoints', times=1, phase='after', **TRANSIENT[fault][0])
    result = _migrate(emulator, 5)
    assert not result.get('failed'), result.get('msg')
    assert result['changed'] is True and [endpoint['id'] for endpoint in _endpoints(emulator)] == [result['endpoints'][0]['id']]
    assert [(e['method'], e['path']) for e in emulator.requests()].count(('POST', '/endpoints')) == 1


@pytest.mark.parametrize('request_name', sorted(MIGRATION_REQUESTS))
def test_migration_with_an_exhausted_retry_budget_fails_naming_the_request(emulator, waits, request_name):
    _prepare_migration(emulator, request_name)
    method, path = MIGRATION_REQUESTS[request_name]
    emulator.fault(method=method, path=path, times=50, status=503 if method != 'POST' else 429)
    result = _migrate(emulator, 5)
    assert result['failed'] is True and result['api_error']['method'] == method
    code = '503' if method != 'POST' else '429 ERR_NGROK_226'
    assert result['msg'].startswith('%s /' % method) and (' failed: HTTP %s' % code) in result['msg'], result['msg']
    assert len(waits) == MAX_RETRIES
    emulator.clear_faults()
    assert len(_endpoints(emulator)) == (1 if request_name == 'update' else 0)
