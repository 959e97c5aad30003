# -*- coding: utf-8 -*-
# Copyright (c) 2026, community.ngrok contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""ngrok_http_response_backend through main(), against the emulator: requests counted in its log."""

from __future__ import absolute_import, division, print_function
__metaclass__ = type

from ansible_collections.community.ngrok.plugins.modules.ngrok_http_response_backend import main
from ansible_collections.community.ngrok.tests.unit.helpers import module_args, run_module

PATH = '/backends/http_response'


def run(emulator, check_mode=False, **args):
    before = len(emulator.requests())
    result = run_module(main, module_args(emulator, **args), check_mode=check_mode)
    return result, emulator.requests()[before:]


def methods(log):
    return [entry['method'] for entry in log]


def test_create_check_mode_reads_only_and_predicts(emulator):
    result, log = run(emulator, check_mode=True, description='web', status_code=503, headers={'X-A': 'b'})
    assert result['changed'] is True
    assert methods(log) == ['GET']
    assert result['backend'] == {'id': None, 'uri': None, 'created_at': None, 'description': 'web',
                                 'metadata': '', 'body': '', 'headers': {'x-a': 'b'}, 'status_code': 503}
    assert result['diff'] == {'before': {}, 'after': result['backend']}


def test_create_then_noop_then_update_request_counts(emulator):
    created, log = run(emulator, description='web', status_code=503)
    assert methods(log) == ['GET', 'POST']
    assert len(set(entry['connection'] for entry in log)) == 1
    assert created['backend']['id'].startswith('bkdhr_')

    noop, log = run(emulator, description='web', status_code=503)
    assert noop['changed'] is False
    assert methods(log) == ['GET']

    noop_by_id, log = run(emulator, id=created['backend']['id'], status_code=503)
    assert noop_by_id['changed'] is False
    assert methods(log) == ['GET']
    assert log[0]['path'] == PATH + '/' + created['backend']['id']

    updated, log = run(emulator, description='web', body='gone')
    assert methods(log) == ['GET', 'PATCH']
    assert updated['backend']['body'] == 'gone'
    assert updated['backend']['status_code'] == 503
    assert updated['diff']['before']['body'] == ''
    assert updated['diff']['after']['body'] == 'gone'


def test_update_sends_only_what_changed(emulator):
    status, created = emulator.api('POST', PATH, {'description': 'web', 'body': 'a', 'status_code': 200,
                                                  'headers': {'x-a': '1'}})
    assert status == 201
    result, log = run(emulator, description='web', body='a', status_code=201, headers={'X-A': '1'})
    assert result['changed'] is True
    assert methods(log) == ['GET', 'PATCH']
    status, stored = emulator.api('GET', PATH + '/' + created['id'])
    assert stored['status_code'] == 201
    assert stored['body'] == 'a'


def test_check_mode_update_and_delete_write_nothing(emulator):
    run(emulator, description='web', status_code=200)
    result, log = run(emulator, check_mode=True, description='web', status_code=201)
    assert result['changed'] is True
    assert result['backend']['status_code'] == 201
    assert methods(log) == ['GET']
    result, log = run(emulator, check_mode=True, description='web', state='absent')
    assert result['changed'] is True
    assert result['diff']['after'] == {}
    assert 'warnings' not in result
    # Its own listing, then the lists that could use it (weighted, failover, HTTPS edges).
    assert methods(log) == ['GET'] * 4
    assert len(emulator.api('GET', PATH)[1]['backends']) == 1


def test_delete_and_repeat(emulator):
    created, dummy = run(emulator, description='web')
    result, log = run(emulator, description='web', state='absent')
    assert result['changed'] is True
    assert result['backend']['id'] == created['backend']['id']
    # Its own listing, the lists that could use it (weighted, failover, HTTPS edges), the DELETE.
    assert methods(log) == ['GET'] * 4 + ['DELETE']
    result, log = run(emulator, description='web', state='absent')
    assert result['changed'] is False
    assert methods(log) == ['GET']


def test_find_by_metadata_compares_json(emulator):
    emulator.api('POST', PATH, {'metadata': '{"b": 2, "a": 1}', 'status_code': 200})
    result, log = run(emulator, find_by=['metadata'], metadata={'a': 1, 'b': 2}, status_code=200)
    assert result['changed'] is False
    assert methods(log) == ['GET']


def test_ambiguous_description_fails_listing_ids(emulator):
    ids = [emulator.api('POST', PATH, {'description': 'twin'})[1]['id'] for dummy in range(2)]
    result, log = run(emulator, description='twin', status_code=200)
    assert result['failed'] is True
    assert sorted(result['matches']) == sorted(ids)
    assert all(backend_id in result['msg'] for backend_id in ids)
    assert methods(log) == ['GET']


def test_invalid_input_fails_before_any_request(emulator):
    result, log = run(emulator, description='web', status_code=1000, metadata=['x'])
    assert result['failed'] is True
    assert 'status_code: 1000 is out of range' in result['msg']
    assert 'metadata: must be a string or a dictionary' in result['msg']
    assert len(result['invalid']) == 2
    assert log == []


def test_api_key_from_environment_and_never_in_output(emulator, monkeypatch):
    monkeypatch.setenv('NGROK_API_KEY', emulator.api_key)
    monkeypatch.setenv('NGROK_API_URL', emulator.url)
    result = run_module(main, {'description': 'env'})
    assert result['changed'] is True
    assert emulator.api_key not in repr(result)


def test_a_lost_create_answer_does_not_duplicate(emulator):
    emulator.fault(method='POST', path=PATH, drop=True, phase='after', times=1)
    result, log = run(emulator, description='once', status_code=200)
    assert result['changed'] is True
    backends = emulator.api('GET', PATH)[1]['backends']
    assert [b['id'] for b in backends] == [result['backend']['id']]
    assert methods(log) == ['GET', 'POST', 'GET'], log


def test_an_empty_find_by_fails_before_any_request_and_leaves_the_only_backend_alone(emulator):
    status, other = emulator.api('POST', PATH, {'description': 'unrelated', 'status_code': 200})
    for state in ('present', 'absent'):
        result, log = run(emulator, find_by=[], description='brand new teapot', status_code=418, state=state)
        assert result.get('failed') is True, result
        assert 'find_by: must name at least one of description, metadata' in result['msg']
        assert log == []
    assert emulator.api('GET', PATH + '/' + other['id'])[1] == other


def test_metadata_given_as_a_dictionary_is_stored_as_compact_utf8_json(emulator):
    """1,300 Cyrillic letters: 2.6 KB of UTF-8, 7.8 KB once escaped as \\uXXXX; the API counts characters."""
    metadata = {'name': 'Ж' * 1300}
    result, log = run(emulator, description='cyrillic', metadata=metadata)
    assert result.get('failed') is not True, result['msg']
    stored = emulator.api('GET', PATH + '/' + result['backend']['id'])[1]['metadata']
    assert stored == '{"name":"%s"}' % ('Ж' * 1300)
    again, log = run(emulator, description='cyrillic', metadata=metadata)
    assert again['changed'] is False and methods(log) == ['GET']


def test_description_and_metadata_limits_count_characters(emulator):
    result, log = run(emulator, description='é' * 255, metadata='Ж' * 4096)
    assert result['changed'] is True, result.get('msg')
    result, log = run(emulator, description='é' * 256, metadata='Ж' * 4097)
    assert result['invalid'] == ['description: must be at most 255 characters long', 'metadata: must be at most 4096 characters long']
    assert log == []


def test_header_values_given_as_numbers_are_sent_as_text(emulator):
    result, log = run(emulator, description='retry', status_code=503, headers={'Retry-After': 3600})
    assert result.get('failed') is not True, result.get('msg')
    assert emulator.api('GET', PATH + '/' + result['backend']['id'])[1]['headers'] == {'retry-after': '3600'}
    again, log = run(emulator, description='retry', headers={'Retry-After': 3600})
    assert again['changed'] is False


def test_header_names_and_values_are_checked_before_any_request(emulator):
    result, log = run(emulator, description='bad', headers={'Bad Name:': 'x', 'X-Split': 'a\r\nSet-Cookie: x'})
    assert result.get('failed') is True, result
    assert result['invalid'] == ["headers: 'bad name:': not a valid header name",
                                 'headers: the values of x-split must not contain CR, LF or NUL']
    assert log == []
