# -*- coding: utf-8 -*-
# Copyright (c) 2026, community.ngrok contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""module.py: the connection options, checked before any request, as every module sees them."""

from __future__ import absolute_import, division, print_function
__metaclass__ = type

import syslog

import pytest

from ansible_collections.community.ngrok.plugins.module_utils.module import api_url_problems, shape_dict_options
from ansible_collections.community.ngrok.plugins.modules import (
    ngrok_backend_info, ngrok_cloud_endpoint, ngrok_edge_route, ngrok_http_response_backend, ngrok_https_edge,
)
from ansible_collections.community.ngrok.tests.unit.helpers import module_args, run_module

BACKEND_ID = 'bkdhr_2fMuU4sEZ8HgKe5Ff5pJ4NbMb1W'
EDGE_ID = 'edghts_2fMuU4sEZ8HgKe5Ff5pJ4NbMb1W'
ROUTE_ID = 'edghtsrt_2fMuU4sEZ8HgKe5Ff5pJ4NbMb1W'

# What a user runs by id: each read answers 404 when api_url has a path, which must not read as "absent".
BY_ID = [
    (ngrok_http_response_backend, {'id': BACKEND_ID, 'state': 'absent'}),
    (ngrok_backend_info, {'id': BACKEND_ID}),
    (ngrok_edge_route, {'edge': EDGE_ID, 'id': ROUTE_ID, 'state': 'absent'}),
]


def run(emulator, module, **args):
    before = len(emulator.requests())
    result = run_module(module.main, module_args(emulator, **args))
    return result, emulator.requests()[before:]


@pytest.mark.parametrize('module, args', BY_ID)
@pytest.mark.parametrize('suffix', ['/v2', '/api', '?x=1', '#top'])
def test_an_api_url_with_a_path_fails_before_any_request(emulator, module, args, suffix):
    result, log = run(emulator, module, api_url=emulator.url + suffix, **args)
    assert result.get('failed') is True, result
    assert 'api_url: must be the base URL of the API, without a path, query or fragment' in result['msg']
    assert log == []


@pytest.mark.parametrize('module, args', BY_ID)
def test_an_api_url_ending_with_a_slash_is_the_same_url(emulator, module, args):
    result, log = run(emulator, module, api_url=emulator.url + '/', **args)
    assert result.get('failed') is not True, result
    assert [entry['path'] for entry in log][0].startswith(('/backends/', '/edges/'))


def test_api_url_problems():
    assert api_url_problems('https://api.ngrok.com') == []
    assert api_url_problems('http://127.0.0.1:8080/') == []
    assert api_url_problems('api.ngrok.com') == ['api_url: must start with https:// (or http:// for a local emulator)']
    assert api_url_problems('http://127.0.0.1:port') == ['api_url: the port must be a number']
    assert api_url_problems('https://') == ['api_url: must name a host']
    assert api_url_problems('https://user:secret@api.ngrok.com') == [
        'api_url: must not hold a user name or password (the API key goes in api_key)']
    assert all('secret' not in problem for problem in api_url_problems('https://user:secret@api.ngrok.com/v2'))


# -- a scalar given to an option with sub-options (ansible-core raises TypeError: ansible/ansible#81631) -----

def _edge(emulator):
    emulator.reserve('s.example.com')
    return emulator.api('POST', '/edges/https', {'description': 'edge', 'hostports': ['s.example.com:443']})[1]['id']


@pytest.mark.parametrize('option', ['compression', 'websocket_tcp_converter'])
@pytest.mark.parametrize('value', [True, False])
def test_true_or_false_for_a_route_module_whose_only_sub_option_is_enabled_sets_enabled(emulator, option, value):
    edge = _edge(emulator)
    result, log = run(emulator, ngrok_edge_route, edge=edge, match='/', match_type='exact_path', **{option: value})
    assert result.get('failed') is not True, result
    assert result['route'][option] == {'enabled': value}
    again, log = run(emulator, ngrok_edge_route, edge=edge, match='/', **{option: {'enabled': value}})
    assert again['changed'] is False


SCALARS = [
    (ngrok_edge_route, {'circuit_breaker': 5}, 'circuit_breaker: must be a dictionary of the sub-options enabled, '
     'tripped_duration, rolling_window, num_buckets, volume_threshold, error_threshold_percentage, not int'),
    (ngrok_edge_route, {'compression': 1.5}, 'compression: must be a dictionary of the sub-options enabled (or true or false), not float'),
    (ngrok_edge_route, {'request_headers': True}, 'request_headers: must be a dictionary of the sub-options enabled, add, remove, not bool'),
    (ngrok_edge_route, {'oauth': {'provider': {'github': True}}},
     'oauth.provider.github: must be a dictionary of the sub-options client_id, client_secret, scopes, email_addresses, '
     'email_domains, teams, organizations, not bool'),
    (ngrok_edge_route, {'oauth': {'provider': 3}}, 'oauth.provider: must be a dictionary of the sub-options amazon, facebook'),
    (ngrok_https_edge, {'tls_termination': 1.2}, 'tls_termination: must be a dictionary of the sub-options enabled, min_version, not float'),
    (ngrok_https_edge, {'tls_termination': '1.2'}, 'tls_termination: must be a dictionary of the sub-options enabled, min_version, not str'),
    (ngrok_https_edge, {'mutual_tls': ['ca_2fMuU4sEZ8HgKe5Ff5pJ4NbMb1W']}, 'mutual_tls: must be a dictionary of the sub-options'),
]


@pytest.mark.parametrize('module, args, msg', SCALARS)
def test_a_scalar_for_an_option_with_sub_options_fails_with_a_message_before_any_request(emulator, module, args, msg):
    base = {'edge': EDGE_ID, 'match': '/'} if module is ngrok_edge_route else {'description': 'e'}
    result, log = run(emulator, module, **dict(base, **args))
    assert result.get('failed') is True, result
    assert result['msg'].startswith('invalid input: ' + msg), result['msg']
    assert 'exception' not in result
    assert log == []


def test_a_dictionary_given_as_json_or_key_value_text_is_still_accepted(emulator):
    edge = _edge(emulator)
    result, log = run(emulator, ngrok_edge_route, edge=edge, match='/', match_type='exact_path',
                      compression='{"enabled": false}', circuit_breaker='tripped_duration=5')
    assert result.get('failed') is not True, result
    assert result['route']['compression'] == {'enabled': False}
    assert result['route']['circuit_breaker']['tripped_duration'] == 5


def test_shape_dict_options_at_any_depth_and_in_lists():
    spec = {
        'flag': {'type': 'dict', 'options': {'enabled': {'type': 'bool'}}},
        'rules': {'type': 'list', 'elements': 'dict', 'options': {'name': {'type': 'str'}, 'inner': {
            'type': 'dict', 'options': {'enabled': {'type': 'bool'}, 'x': {'type': 'int'}}}}},
        'text': {'type': 'str'},
    }
    params = {'flag': 'yes', 'rules': [{'name': 'a', 'inner': 'x=1'}, 7, {'inner': True}], 'text': 5}
    problems = shape_dict_options(spec, params)
    assert params == {'flag': {'enabled': True}, 'rules': [{'name': 'a', 'inner': {'x': '1'}}, {}], 'text': 5}
    assert problems == ['rules[1]: must be a dictionary of the sub-options name, inner, not int',
                        'rules[2].inner: must be a dictionary of the sub-options enabled, x, not bool']


def test_a_text_for_a_list_of_dictionaries_is_split_on_commas_like_ansible_core_does_and_each_part_checked():
    spec = {'rules': {'type': 'list', 'elements': 'dict', 'options': {'cidr': {'type': 'str'}, 'action': {'type': 'str'}}}}
    params = {'rules': 'cidr=10.0.0.0/8 action=allow'}
    assert shape_dict_options(spec, params) == [] and params == {'rules': [{'cidr': '10.0.0.0/8', 'action': 'allow'}]}
    params = {'rules': 'office,cidr=10.0.0.0/8'}
    assert shape_dict_options(spec, params) == ['rules[0]: must be a dictionary of the sub-options cidr, action, not str']
    assert params == {'rules': [{'cidr': '10.0.0.0/8'}]}


# -- a NUL character -------------------------------------------------------------------------------------------

NULS = [
    (ngrok_http_response_backend, {'description': 'a\x00b'}, 'description: must not contain a NUL character'),
    (ngrok_http_response_backend, {'description': 'x', 'headers': {'X-A': 'a\x00'}}, 'headers.X-A: must not contain a NUL character'),
    (ngrok_http_response_backend, {'description': 'x', 'metadata': {'k\x00': 'v'}}, 'metadata: a key must not contain a NUL character'),
    (ngrok_http_response_backend, {'description': 'x', 'api_key': 'secret\x00key'}, 'api_key: must not contain a NUL character'),
    (ngrok_cloud_endpoint, {'url': 'https://a.internal', 'traffic_policy': {'on_http_request': [
        {'actions': [{'type': 'custom-response', 'config': {'status_code': 200, 'content': 'hi\x00'}}]}]}},
     'traffic_policy.on_http_request[0].actions[0].config.content: must not contain a NUL character'),
    (ngrok_edge_route, {'edge': EDGE_ID, 'match': '/\x00'}, 'match: must not contain a NUL character'),
]


def _syslog_refusing_nul(priority, message=None):
    """syslog.syslog as Python 3.12 has it: a NUL raises ValueError (3.11 wrote the text up to it)."""
    if '\x00' in (priority if message is None else message):
        raise ValueError('embedded null character')


@pytest.mark.parametrize('syslog_refuses_nul', [False, True])
@pytest.mark.parametrize('module, args, msg', NULS)
def test_a_nul_character_anywhere_fails_naming_the_option_before_any_request(emulator, monkeypatch, module, args, msg,
                                                                             syslog_refuses_nul):
    # ansible-core logs every option to the target's syslog before a module runs: on Python 3.12 a NUL made
    # that fail with "Failed to log to syslog", which names neither the option nor the fix.
    if syslog_refuses_nul:
        monkeypatch.setattr(syslog, 'syslog', _syslog_refusing_nul)
    result, log = run(emulator, module, **args)
    assert result.get('failed') is True, result
    assert result['msg'] == 'invalid input: ' + msg
    assert 'secret' not in str(result) and 'exception' not in result
    assert log == []


# -- the API key ------------------------------------------------------------------------------------------------

def test_a_missing_api_key_names_the_environment_variable_too(emulator, monkeypatch):
    monkeypatch.delenv('NGROK_API_KEY', raising=False)
    args = module_args(emulator, description='x')
    del args['api_key']
    before = len(emulator.requests())
    result = run_module(ngrok_http_response_backend.main, args)
    assert result.get('failed') is True
    assert result['msg'] == 'invalid input: api_key: give an ngrok API key in the api_key option or the NGROK_API_KEY environment variable'
    assert emulator.requests()[before:] == []


@pytest.mark.parametrize('key', ['', '   ', 'key with spaces', 'key\n'])
def test_an_empty_or_blank_api_key_is_refused_before_any_request(emulator, key):
    result, log = run(emulator, ngrok_http_response_backend, description='x', api_key=key)
    assert result.get('failed') is True, result
    assert 'api_key: ' in result['msg'] and 'must not be empty or contain spaces or line breaks' in result['msg']
    assert log == []
