# -*- coding: utf-8 -*-
# Copyright (c) 2026, community.ngrok contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""Deleting an object still in use fails before any write and names its users, whatever the API would allow
(issue 11: the API lets a backend used by a route go, and the route then points at nothing)."""

from __future__ import absolute_import, division, print_function
__metaclass__ = type

from ansible_collections.community.ngrok.plugins.modules import ngrok_http_response_backend
from ansible_collections.community.ngrok.tests.unit.helpers import module_args, run_module


def run(emulator, module, check_mode=False, **args):
    before = len(emulator.requests())
    result = run_module(module.main, module_args(emulator, **args), check_mode=check_mode)
    return result, emulator.requests()[before:]


def writes(log):
    return [(entry['method'], entry['path']) for entry in log if entry['method'] != 'GET']


def test_a_backend_used_by_a_route_is_not_deleted_although_the_api_would_allow_it(emulator):
    blue = emulator.api('POST', '/backends/http_response', {'description': 'blue'})[1]['id']
    edge = emulator.api('POST', '/edges/https', {'description': 'shop'})[1]['id']
    route = emulator.api('POST', '/edges/https/%s/routes' % edge, {
        'match_type': 'path_prefix', 'match': '/api', 'backend': {'backend_id': blue}})[1]['id']
    result, log = run(emulator, ngrok_http_response_backend, description='blue', state='absent')
    user = 'route %s /api of HTTPS edge %s (shop)' % (route, edge)
    assert result['failed'] is True
    assert result['msg'] == 'cannot delete HTTP response backend %s: it is used by %s' % (blue, user)
    assert result['used_by'] == [user]
    assert writes(log) == []
    assert emulator.api('GET', '/backends/http_response/' + blue)[0] == 200
