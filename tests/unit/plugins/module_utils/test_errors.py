# -*- coding: utf-8 -*-
# Copyright (c) 2026, community.ngrok contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""The error types: what an API error says, and which one means "no such object" (no API)."""

from __future__ import absolute_import, division, print_function
__metaclass__ = type

from ansible_collections.community.ngrok.plugins.module_utils.errors import ModuleFailure, NgrokAPIError


URL = 'https://api.ngrok.com/v2/backends/weighted/bkdwd_x'
MISSING_OBJECT = [
    {'status_code': 404, 'msg': 'Resource not found', 'details': {'operation_id': 'op_1'}},
    {'status_code': 404, 'msg': 'Resource not found', 'details': None},  # very old answers
    {'status_code': 404, 'error_code': 'ERR_NGROK_222', 'msg': 'not a valid identifier', 'details': {'operation_id': 'op_1'}},
]
NOT_ABOUT_THE_OBJECT = [
    {'status_code': 404, 'msg': 'Not Found', 'details': {'path': '/v2/backends/weighted/bkdwd_x'}},  # a path the API lacks
    None,  # no JSON: a web server that is not the API
    {'error': 'not found'},  # JSON, not ngrok's
]


def test_only_ngrok_404_about_an_object_means_the_object_does_not_exist():
    for answer in MISSING_OBJECT:
        assert NgrokAPIError('GET', '/backends/weighted/bkdwd_x', status_code=404, answer=answer, url=URL).not_found, answer
    for status in (None, 400, 403, 410, 500, 503):
        assert not NgrokAPIError('GET', '/backends/weighted/bkdwd_x', status_code=status, answer=MISSING_OBJECT[0]).not_found


def test_a_404_for_an_unknown_path_or_not_from_ngrok_fails_naming_the_url_used():
    for answer in NOT_ABOUT_THE_OBJECT:
        error = NgrokAPIError('GET', '/backends/weighted/bkdwd_x', status_code=404, msg='Not Found', answer=answer, url=URL)
        assert not error.not_found, answer
        assert str(error) == 'GET %s failed: HTTP 404: Not Found (not an object of the ngrok API: check api_url)' % URL
        assert error.to_dict()['url'] == URL


def test_an_error_names_the_request_the_code_the_message_and_the_operation():
    error = NgrokAPIError('DELETE', '/backends/weighted/bkdwd_x', status_code=400, error_code='ERR_NGROK_6502',
                          msg='still referenced', operation_id='op_1')
    assert str(error) == 'DELETE /backends/weighted/bkdwd_x failed: HTTP 400 ERR_NGROK_6502: still referenced (operation id op_1)'
    assert error.to_dict()['error_code'] == 'ERR_NGROK_6502'
    assert error.after_lost_answer is False  # only the client, which saw the earlier attempts, sets it


def test_an_auth_error_never_shows_its_message_but_says_what_happened():
    error = NgrokAPIError('GET', '/backends/weighted', status_code=403, error_code='ERR_NGROK_202', msg='key abc123 invalid')
    assert 'abc123' not in str(error) and 'abc123' not in repr(error.to_dict())
    assert error.to_dict()['msg'] == ('ngrok rejected the API key (its own message is not shown: it can quote the key); '
                                      'check the api_key option or NGROK_API_KEY')


def test_a_module_failure_carries_result_keys():
    failure = ModuleFailure('cannot delete', used_by=['x'])
    assert (failure.msg, failure.extra, str(failure)) == ('cannot delete', {'used_by': ['x']}, 'cannot delete')
