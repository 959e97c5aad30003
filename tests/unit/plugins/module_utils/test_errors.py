# -*- coding: utf-8 -*-
# Copyright (c) 2026, community.ngrok contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""The error types: what an API error says, and which one means "no such object" (no API)."""

from __future__ import absolute_import, division, print_function
__metaclass__ = type

from ansible_collections.community.ngrok.plugins.module_utils.errors import MASK, ModuleFailure, NgrokAPIError


def test_only_a_404_means_the_object_does_not_exist():
    assert NgrokAPIError('GET', '/backends/weighted/bkdwd_x', status_code=404).not_found
    for status in (None, 400, 403, 410, 500, 503):
        assert not NgrokAPIError('GET', '/backends/weighted/bkdwd_x', status_code=status).not_found


def test_an_error_names_the_request_the_code_the_message_and_the_operation():
    error = NgrokAPIError('DELETE', '/backends/weighted/bkdwd_x', status_code=400, error_code='ERR_NGROK_6502',
                          msg='still referenced', operation_id='op_1')
    assert str(error) == 'DELETE /backends/weighted/bkdwd_x failed: HTTP 400 ERR_NGROK_6502: still referenced (operation id op_1)'
    assert error.to_dict()['error_code'] == 'ERR_NGROK_6502'
    assert error.after_lost_answer is False  # only the client, which saw the earlier attempts, sets it


def test_an_auth_error_never_shows_its_message():
    error = NgrokAPIError('GET', '/backends/weighted', status_code=403, error_code='ERR_NGROK_202', msg='key abc123 invalid')
    assert 'abc123' not in str(error) and error.to_dict()['msg'] == MASK


def test_a_module_failure_carries_result_keys():
    failure = ModuleFailure('cannot delete', used_by=['x'])
    assert (failure.msg, failure.extra, str(failure)) == ('cannot delete', {'used_by': ['x']}, 'cannot delete')
