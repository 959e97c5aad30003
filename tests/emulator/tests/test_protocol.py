# -*- coding: utf-8 -*-
# Copyright (c) 2026, community.ngrok contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""What every request goes through: auth, version, errors, ids, lists, the control endpoints."""

import calendar
import collections
import concurrent.futures
import http.client
import json
import os
import signal
import subprocess
import sys
import time
import urllib.error
import urllib.request
from urllib.parse import urlsplit

import pytest

from ngrok_emulator import backends
from ngrok_emulator.common import Request
from ngrok_emulator.ids import decode_timestamp
from ngrok_emulator.store import Store, list_order
from ngrok_emulator.testing import READY, SERVE, RunningEmulator

HR = '/backends/http_response'


def test_auth_errors(api, emulator):
    for headers, code in (({'Ngrok-Version': '2'}, 'ERR_NGROK_200'),
                          ({'Ngrok-Version': '2', 'Authorization': 'Token abc'}, 'ERR_NGROK_201'),
                          ({'Ngrok-Version': '2', 'Authorization': 'Bearer wrong-key-1'}, 'ERR_NGROK_202')):
        status, dummy, body = api.raw('GET', HR, headers=headers)
        assert (status, body['error_code']) == (403, code)
    assert 'wrong-key-1' in body['msg']  # quoted back like the real API, so clients must never print it


def test_version_errors(api, emulator):
    status, dummy, body = api.raw('GET', HR, headers={'Authorization': 'Bearer ' + emulator.api_key})
    assert (status, body['error_code']) == (400, 'ERR_NGROK_218')
    status, dummy, body = api.raw('GET', HR, headers={'Authorization': 'Bearer ' + emulator.api_key, 'Ngrok-Version': '1'})
    assert (status, body['error_code']) == (400, 'ERR_NGROK_217')
    status, dummy, body = api.raw('GET', HR, headers={'authorization': 'Bearer ' + emulator.api_key, 'ngrok-version': '2'})
    assert status == 200


def test_any_key_is_accepted_without_api_key_option():
    process = subprocess.Popen([sys.executable, SERVE, '--port', '0'], stdout=subprocess.PIPE, universal_newlines=True)
    try:
        url = process.stdout.readline().strip()[len(READY):]
        request = urllib.request.Request(url + HR, headers={'Authorization': 'Bearer anything', 'Ngrok-Version': '2'})
        with urllib.request.urlopen(request, timeout=10) as response:
            assert response.status == 200
    finally:
        process.terminate()
        assert process.wait(timeout=10) == 0


def test_error_body_shape_and_operation_id_header(api):
    status, response, body = api.raw('POST', HR, {'nope': 1})
    assert status == 400
    assert set(body) == {'error_code', 'status_code', 'msg', 'details'}
    assert body['error_code'] == 'ERR_NGROK_214'
    assert '`nope`' in body['msg'] and '`status_code`' in body['msg']
    assert response.getheader('Ngrok-Operation-Id') == body['details']['operation_id']


def test_unknown_path_and_method(api):
    status, dummy, body = api.raw('GET', '/nowhere')
    assert status == 404 and body == {'status_code': 404, 'msg': 'Not Found', 'details': {'path': '/nowhere'}}
    status, dummy, body = api.raw('PUT', HR)
    assert status == 404


def test_missing_objects_are_404_without_error_code(api):
    for path in (HR + '/bkdhr_2fMuU4sEZ8HgKe5Ff5pJ4NbMb1W', HR + '/bkdwd_2fMuU4sEZ8HgKe5Ff5pJ4NbMb1W', HR + '/junk'):
        status, dummy, body = api.raw('GET', path)
        assert status == 404 and 'error_code' not in body and body['msg'] == 'Resource not found'


@pytest.mark.parametrize('body,code', [
    ({'status_code': '200'}, 'ERR_NGROK_215'),
    ({'status_code': True}, 'ERR_NGROK_215'),
    ({'headers': {'a': 1}}, 'ERR_NGROK_215'),
    ({'description': 5}, 'ERR_NGROK_215'),
    ({'id': 'bkdhr_x'}, 'ERR_NGROK_214'),
])
def test_wrong_fields_and_types(api, body, code):
    assert api.error('POST', HR, body) == code


def test_content_type_and_body_rules(api, emulator):
    auth = api.headers()
    status, dummy, body = api.raw('POST', HR, b'{}', headers=auth)
    assert (status, body['error_code']) == (400, 'ERR_NGROK_216')
    status, dummy, body = api.raw('POST', HR, b'a=b', headers=dict(auth, **{'Content-Type': 'application/x-www-form-urlencoded'}))
    assert (status, body['error_code']) == (415, 'ERR_NGROK_210')
    status, dummy, body = api.raw('POST', HR, b'{nope', headers=dict(auth, **{'Content-Type': 'application/json'}))
    assert (status, body['error_code']) == (400, 'ERR_NGROK_213')
    status, dummy, body = api.raw('GET', HR, b'{}', headers=dict(auth, **{'Content-Type': 'application/json'}))
    assert (status, body['error_code']) == (400, 'ERR_NGROK_211')


def test_query_rules(api):
    assert api.error('GET', HR + '?page=2') == 'ERR_NGROK_231'
    assert api.error('GET', HR + '?limit=1&limit=2') == 'ERR_NGROK_232'
    for limit in ('0', '101', 'x', '-1'):
        assert api.error('GET', HR + '?limit=' + limit) == 'ERR_NGROK_233'
    assert api.error('GET', HR + '/bkdhr_2fMuU4sEZ8HgKe5Ff5pJ4NbMb1W?limit=1', status=400) == 'ERR_NGROK_231'


def test_ids_are_ksuids_matching_created_at(api):
    before = int(time.time())
    created = [api.call('POST', HR, {}, expect=201) for dummy in range(5)]
    for item in created:
        assert item['id'].startswith('bkdhr_') and len(item['id']) == len('bkdhr_') + 27
        stamp = decode_timestamp(item['id'])
        assert stamp == calendar.timegm(time.strptime(item['created_at'], '%Y-%m-%dT%H:%M:%SZ'))
        assert before <= stamp <= time.time()
    assert len(set(item['id'] for item in created)) == 5


def test_lists_are_ordered_by_id_without_regard_to_case_and_paginate_on_our_host(api, emulator):
    ids = [api.call('POST', HR, {'description': str(n)}, expect=201)['id'] for n in range(250)]
    listed = sorted(ids, key=list_order, reverse=True)
    page = api.call('GET', HR, expect=200)
    assert [item['id'] for item in page['backends']] == listed[:100]
    assert page['uri'] == emulator.url + HR
    assert page['next_page_uri'] == '%s%s?before_id=%s&limit=100' % (emulator.url, HR, listed[99])
    seen, path, pages = [], HR + '?limit=100', 0
    while path:
        body = api.call('GET', path, expect=200)
        seen += [item['id'] for item in body['backends']]
        path = body['next_page_uri'][len(emulator.url):] if body['next_page_uri'] else None
        pages += 1
    assert (pages, seen) == (3, listed)
    small = api.call('GET', HR + '?limit=7', expect=200)
    assert len(small['backends']) == 7 and small['next_page_uri'].endswith('&limit=7')


def test_the_recorded_list_order_is_not_newest_first():
    """Issue 11 row 1: ngrok-docs' recorded static backend list (2025-09-04, all three created in one second) lists
    ...HWSj... before ...HbST... before ...HaQB...: descending without regard to case, not byte order. before_id
    pages follow the same order."""
    recorded = ['bkdsc_32ELHWSjuP0PM8hF7fiuzMZttX6', 'bkdsc_32ELHbSTHLsFuZeA1RWASP4Yvfl', 'bkdsc_32ELHaQBCMpDs4llIXcOlxEv0WG']
    assert recorded != sorted(recorded, reverse=True)  # byte order would put ...HWSj... last
    store = Store()
    for item_id in sorted(recorded):  # created in any order
        store['static'].add({'id': item_id, 'created_at': '2025-09-04T10:11:37Z', 'address': 'example.com:8080',
                             'tls': {'enabled': False}})

    def listed(query):
        dummy, body = backends.list_(Request('GET', store, 'http://x', query=query), 'static')
        return [item['id'] for item in body['backends']], body['next_page_uri']
    assert listed({}) == (recorded, None)
    assert listed({'limit': '1'}) == (recorded[:1], 'http://x/backends/static?before_id=%s&limit=1' % recorded[0])
    assert listed({'before_id': recorded[0]}) == (recorded[1:], None)
    assert listed({'before_id': recorded[1], 'limit': '1'}) == (recorded[2:], None)
    assert listed({'before_id': recorded[0].replace('HW', 'hw')}) == (recorded[1:], None)  # an id of another case


def test_a_full_last_page_has_no_next_page(api):
    for dummy in range(100):
        api.call('POST', HR, {}, expect=201)
    assert api.call('GET', HR)['next_page_uri'] is None


def test_request_log_and_connections(api, emulator):
    api.call('POST', HR, {}, expect=201)
    api.call('GET', HR + '?limit=5', expect=200)
    api.raw('GET', HR, fresh=True)
    log = emulator.requests()
    assert [set(entry) for entry in log] == [{'method', 'path', 'query', 'status', 'connection'}] * 3
    assert [(e['method'], e['path'], e['query'], e['status']) for e in log] == [
        ('POST', HR, '', 201), ('GET', HR, 'limit=5', 200), ('GET', HR, '', 200)]
    assert log[0]['connection'] == log[1]['connection'] != log[2]['connection']
    emulator.control('GET', 'requests')
    assert len(emulator.requests()) == 3  # control endpoints are not logged


def test_reset_clears_objects_log_and_faults(api, emulator):
    api.call('POST', HR, {}, expect=201)
    emulator.fault(method='GET', path=HR, status=503, times=5)
    emulator.reset()
    assert emulator.requests() == []
    assert api.call('GET', HR, expect=200)['backends'] == []


def test_faults_status_times_and_retry_after(api, emulator):
    emulator.fault(method='GET', path=HR, status=503, times=2, retry_after=3)
    for dummy in range(2):
        status, response, body = api.raw('GET', HR)
        assert status == 503 and 'error_code' not in body and response.getheader('Retry-After') == '3'
    assert api.raw('GET', HR)[0] == 200
    emulator.fault(path='/backends/*', status=429)
    status, response, body = api.raw('POST', HR, {})
    assert (status, body['error_code'], response.getheader('Retry-After')) == (429, 'ERR_NGROK_226', None)
    emulator.fault(method='POST', path=HR, status=400)
    assert api.raw('POST', HR, {})[0] == 400
    assert [e['status'] for e in emulator.requests()] == [503, 503, 200, 429, 400]
    emulator.fault(method='GET', path=HR, status=500, times=3)
    emulator.clear_faults()
    assert api.raw('GET', HR)[0] == 200


def test_fault_delay_drop_and_phase_after(api, emulator):
    emulator.fault(method='GET', path=HR, delay=0.4)
    started = time.time()
    assert api.raw('GET', HR)[0] == 200
    assert time.time() - started >= 0.4
    emulator.fault(method='POST', path=HR, drop=True)
    with pytest.raises(Exception):
        api.raw('POST', HR, {'description': 'lost'}, fresh=True)
    assert api.call('GET', HR)['backends'] == []  # dropped before it was processed
    emulator.fault(method='POST', path=HR, drop=True, phase='after')
    with pytest.raises(Exception):
        api.raw('POST', HR, {'description': 'kept'}, fresh=True)
    assert [b['description'] for b in api.call('GET', HR)['backends']] == ['kept']  # processed, answer lost
    assert [e['status'] for e in emulator.requests() if e['method'] == 'POST'] == [None, None]


def test_rate_limit():
    emulator = RunningEmulator('--rate-limit', '5')
    try:
        statuses = []
        for dummy in range(7):
            request = urllib.request.Request(emulator.url + HR, headers={'Authorization': 'Bearer ' + emulator.api_key, 'Ngrok-Version': '2'})
            try:
                with urllib.request.urlopen(request, timeout=10) as response:
                    statuses.append(response.status)
            except urllib.error.HTTPError as error:
                statuses.append(error.code)
                body = error.read().decode('utf-8')
                assert 'ERR_NGROK_226' in body and 'rate limited to 5 API requests per minute' in body
                assert error.headers.get('Retry-After') is None
        assert statuses == [200] * 5 + [429] * 2
    finally:
        emulator.stop()


def test_sigterm_stops_cleanly():
    emulator = RunningEmulator()
    assert emulator.stop() == 0
    emulator = RunningEmulator()
    emulator.process.send_signal(signal.SIGINT)
    assert emulator.process.wait(timeout=10) == 0


def test_every_api_answer_has_an_operation_id_header(api):
    status, response, body = api.raw('POST', HR, {})
    assert status == 201 and response.getheader('Ngrok-Operation-Id').startswith('op_')
    status, response, body = api.raw('DELETE', '%s/%s' % (HR, body['id']))
    assert status == 204 and body is None and response.getheader('Ngrok-Operation-Id').startswith('op_')
    assert response.getheader('Content-Length') == '0'


def test_unicode_digits_are_not_a_limit(api):
    assert api.error('GET', HR + '?limit=%C2%B2') == 'ERR_NGROK_233'


def test_bodies_that_cannot_be_read(api, emulator):
    auth = dict(api.headers(), **{'Content-Type': 'application/json'})
    status, dummy, body = api.raw('POST', HR, b'{}', headers=dict(auth, **{'Content-Length': 'x'}), fresh=True)
    assert (status, body['error_code']) == (400, 'ERR_NGROK_212')
    # Chunked bodies are read like any other.
    connection = http.client.HTTPConnection(api.host, api.port, timeout=10)
    connection.request('POST', HR, body=iter([b'{"descr', b'iption": "chunked"}']), headers=auth, encode_chunked=True)
    response = connection.getresponse()
    assert response.status == 201 and json.loads(response.read())['description'] == 'chunked'
    connection.close()
    assert emulator.requests()[0]['status'] == 400


def test_a_non_object_body_and_nested_unknown_fields(api):
    assert api.error('POST', HR, [1, 2]) == 'ERR_NGROK_215'
    edge = api.call('POST', '/edges/https', {}, expect=201)
    routes = '/edges/https/%s/routes' % edge['id']
    assert api.error('POST', routes, {'match_type': 'exact_path', 'match': '/', 'edge_id': edge['id']}) == 'ERR_NGROK_214'
    status, dummy, body = api.raw('POST', routes, {'match_type': 'exact_path', 'match': '/', 'compression': {'level': 9}})
    assert status == 400 and body['error_code'] == 'ERR_NGROK_214' and '`compression.level`' in body['msg'] and '`enabled`' in body['msg']
    assert api.error('POST', '/edges/https', {'tls_termination': {'enabled': 'yes'}}) == 'ERR_NGROK_215'


def test_twenty_parallel_clients_on_keep_alive_connections(emulator):
    def client(number):
        connection = http.client.HTTPConnection(urlsplit(emulator.url).hostname, urlsplit(emulator.url).port, timeout=10)
        headers = {'Authorization': 'Bearer ' + emulator.api_key, 'Ngrok-Version': '2', 'Content-Type': 'application/json'}
        statuses = []
        for index in range(10):
            connection.request('POST', HR, body=json.dumps({'description': '%d-%d' % (number, index)}).encode(), headers=headers)
            response = connection.getresponse()
            response.read()
            statuses.append(response.status)
        connection.close()
        return statuses

    started = time.time()
    with concurrent.futures.ThreadPoolExecutor(20) as pool:
        results = list(pool.map(client, range(20)))
    assert results == [[201] * 10] * 20
    assert time.time() - started < 5
    log = emulator.requests()
    assert len(log) == 200 and len(set(entry['connection'] for entry in log)) == 20
    # Each connection's ten requests share one number.
    assert sorted(collections.Counter(entry['connection'] for entry in log).values()) == [10] * 20


def test_control_endpoints_are_not_rate_limited_logged_or_faulted():
    emulator = RunningEmulator('--rate-limit', '1')
    try:
        emulator.fault(path='/_emulator/*', status=500, times=5)
        for dummy in range(5):
            assert emulator.requests() == []
        emulator.reset()
        emulator.clear_faults()
    finally:
        assert emulator.stop() == 0


def test_fault_phase_after_with_a_status_and_a_4xx_fault_body(api, emulator):
    emulator.fault(method='POST', path='/backends/*', status=502, phase='after')
    status, dummy, body = api.raw('POST', HR, {'description': 'made'})
    assert status == 502 and set(body) == {'status_code', 'msg', 'details'} and body['details']['operation_id'].startswith('op_')
    assert [b['description'] for b in api.call('GET', HR)['backends']] == ['made']
    emulator.fault(path=HR, status=409)
    status, dummy, body = api.raw('GET', HR)
    assert status == 409 and body['error_code'] == 'ERR_NGROK_9999' and body['status_code'] == 409
    emulator.fault(path=HR, status=429, retry_after=0)
    status, response, body = api.raw('GET', HR)
    assert status == 429 and body['error_code'] == 'ERR_NGROK_226' and response.getheader('Retry-After') == '0'
    # Faults apply in the order queued; a fault for another path leaves this one alone.
    emulator.control('POST', 'faults', {'faults': [{'path': '/elsewhere', 'status': 500}, {'path': HR, 'status': 503},
                                                   {'path': HR, 'status': 504}]})
    assert [api.raw('GET', HR)[0] for dummy in range(3)] == [503, 504, 200]


def test_no_control_answers_the_control_paths_like_unknown_paths_of_the_api():
    """serve.py --no-control: /_emulator/* goes through auth, version and routing like any other path of
    api.ngrok.com, which knows no such path (404 without error_code)."""
    emulator = RunningEmulator('--no-control')
    try:
        auth = {'Authorization': 'Bearer ' + emulator.api_key, 'Ngrok-Version': '2'}
        for method, path in (('GET', '/_emulator/requests'), ('POST', '/_emulator/reset'), ('POST', '/_emulator/faults'),
                             ('DELETE', '/_emulator/faults'), ('GET', '/_emulator/nope')):
            request = urllib.request.Request(emulator.url + path, method=method, headers=auth)
            with pytest.raises(urllib.error.HTTPError) as answer:
                urllib.request.urlopen(request, timeout=10)
            body = json.loads(answer.value.read().decode('utf-8'))
            assert answer.value.code == 404 and body == {'status_code': 404, 'msg': 'Not Found', 'details': {'path': path}}
            assert answer.value.headers.get('Ngrok-Operation-Id').startswith('op_')
        with pytest.raises(urllib.error.HTTPError) as answer:  # no key: refused before routing, like the API
            urllib.request.urlopen(urllib.request.Request(emulator.url + '/_emulator/requests'), timeout=10)
        assert answer.value.code == 403 and json.loads(answer.value.read().decode('utf-8'))['error_code'] == 'ERR_NGROK_200'
        # A body on the control path is checked like any other request's (after auth): 404 for the path first.
        request = urllib.request.Request(emulator.url + '/_emulator/faults', method='POST', headers=dict(auth, **{
            'Content-Type': 'application/json'}), data=json.dumps({'faults': [{'status': 500}]}).encode())
        with pytest.raises(urllib.error.HTTPError) as answer:
            urllib.request.urlopen(request, timeout=10)
        assert answer.value.code == 404
        with urllib.request.urlopen(urllib.request.Request(emulator.url + HR, headers=auth), timeout=10) as response:
            assert response.status == 200  # the API itself is unchanged
    finally:
        assert emulator.stop() == 0


def test_stdout_has_only_the_ready_line_and_serve_works_from_any_cwd(tmp_path):
    process = subprocess.Popen([sys.executable, SERVE, '--port', '0', '--verbose'], cwd=str(tmp_path),
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, universal_newlines=True)
    line = process.stdout.readline()
    url = line.strip()[len(READY):]
    assert line.startswith(READY + 'http://127.0.0.1:') and int(url.rsplit(':', 1)[1]) > 0
    request = urllib.request.Request(url + HR, headers={'Authorization': 'Bearer k', 'Ngrok-Version': '2'})
    with urllib.request.urlopen(request, timeout=10) as response:
        assert response.status == 200
    process.send_signal(signal.SIGTERM)
    out, err = process.communicate(timeout=10)
    assert process.returncode == 0 and out == '' and 'GET /backends/http_response' in err


INTERPRETERS = ['/root/.pyenv/versions/%s/bin/python3' % version for version in ('3.9.18', '3.10.13', '3.12.1', '3.13.0')]


@pytest.mark.parametrize('python', INTERPRETERS)
def test_runs_on_every_supported_python(python):
    if not os.path.exists(python):
        pytest.skip('%s is not installed' % python)
    process = subprocess.Popen([python, SERVE, '--port', '0', '--api-key', 'k'], stdout=subprocess.PIPE, universal_newlines=True)
    try:
        url = process.stdout.readline().strip()[len(READY):]
        body = json.dumps({'backends': {}}).encode()
        request = urllib.request.Request(url + '/backends/weighted', data=body, method='POST', headers={
            'Authorization': 'Bearer k', 'Ngrok-Version': '2', 'Content-Type': 'application/json'})
        with urllib.request.urlopen(request, timeout=10) as response:
            assert response.status == 201 and json.loads(response.read())['id'].startswith('bkdwd_')
    finally:
        process.send_signal(signal.SIGTERM)
        assert process.wait(timeout=10) == 0
