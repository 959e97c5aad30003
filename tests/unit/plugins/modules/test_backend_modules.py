# -*- coding: utf-8 -*-
# Copyright (c) 2026, community.ngrok contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""Weighted, failover, tunnel-group backends and ngrok_backend_info: requests per task, counted in the emulator's log."""

from __future__ import absolute_import, division, print_function
__metaclass__ = type

from ansible_collections.community.ngrok.plugins.modules import (
    ngrok_backend_info, ngrok_failover_backend, ngrok_http_response_backend, ngrok_tunnel_group_backend, ngrok_weighted_backend,
)
from ansible_collections.community.ngrok.tests.unit.helpers import module_args, run_module

LISTS = ['/backends/failover', '/backends/http_response', '/backends/tunnel_group', '/backends/weighted']


def run(emulator, module, check_mode=False, **args):
    before = len(emulator.requests())
    result = run_module(module.main, module_args(emulator, **args), check_mode=check_mode)
    return result, emulator.requests()[before:]


def children(emulator):
    return [emulator.api('POST', '/backends/http_response', {'description': name})[1]['id'] for name in ('blue', 'green')]


def test_weighted_create_by_descriptions_lists_each_type_once_on_one_connection(emulator):
    blue, green = children(emulator)
    result, log = run(emulator, ngrok_weighted_backend, description='split', backends={'blue': 90, 'green': 10})
    assert result['backend']['backends'] == {blue: 90, green: 10}
    assert sorted(e['path'] for e in log if e['method'] == 'GET') == LISTS
    assert [e['method'] for e in log].count('POST') == 1 and len(log) == 5
    assert len(set(e['connection'] for e in log)) == 1


def test_weighted_noop_by_id_with_children_by_id_is_one_get(emulator):
    blue, green = children(emulator)
    created, dummy = run(emulator, ngrok_weighted_backend, description='split', backends={blue: 1, green: 1})
    result, log = run(emulator, ngrok_weighted_backend, id=created['backend']['id'], backends={green: 1, blue: 1})
    assert result['changed'] is False
    assert [(e['method'], e['path']) for e in log] == [('GET', '/backends/weighted/' + created['backend']['id'])]


def test_weighted_description_change_keeps_children(emulator):
    blue, green = children(emulator)
    created, dummy = run(emulator, ngrok_weighted_backend, description='split', backends={blue: 1, green: 3})
    result, log = run(emulator, ngrok_weighted_backend, id=created['backend']['id'], description='renamed')
    assert [e['method'] for e in log] == ['GET', 'PATCH']
    assert result['backend']['backends'] == {blue: 1, green: 3}
    assert emulator.api('GET', '/backends/weighted/' + created['backend']['id'])[1]['backends'] == {blue: 1, green: 3}


def test_check_mode_with_children_not_created_yet_warns_and_writes_nothing(emulator):
    result, log = run(emulator, ngrok_weighted_backend, check_mode=True, description='split', backends={'blue': 1})
    assert result['changed'] is True
    assert result['backend']['backends'] == {'blue': 1}
    assert "no backend has the description 'blue' yet" in repr(result['warnings'])
    assert 'deprecations' not in result
    assert all(e['method'] == 'GET' for e in log)
    result, log = run(emulator, ngrok_weighted_backend, description='split', backends={'blue': 1})
    assert result['failed'] is True
    assert result['msg'].startswith("no backend has the description 'blue'")
    assert all(e['method'] == 'GET' for e in log)


def test_failover_order_is_significant(emulator):
    blue, green = children(emulator)
    created, dummy = run(emulator, ngrok_failover_backend, description='fo', backends=['blue', 'green'])
    assert created['backend']['backends'] == [blue, green]
    same, log = run(emulator, ngrok_failover_backend, id=created['backend']['id'], backends=[blue, green])
    assert same['changed'] is False and len(log) == 1
    swapped, log = run(emulator, ngrok_failover_backend, id=created['backend']['id'], backends=[green, blue])
    assert swapped['changed'] is True and swapped['backend']['backends'] == [green, blue]
    assert [e['method'] for e in log] == ['GET', 'PATCH']


def test_tunnel_group_update_sends_labels_and_ignores_tunnels(emulator):
    created, dummy = run(emulator, ngrok_tunnel_group_backend, description='tg', labels={'app': 'web'})
    assert created['backend']['tunnels'] == []
    result, log = run(emulator, ngrok_tunnel_group_backend, description='tg', metadata='m')
    assert result['changed'] is True and result['backend']['labels'] == {'app': 'web'}
    assert [e['method'] for e in log] == ['GET', 'PATCH']


def test_delete_of_a_backend_in_use_names_the_user(emulator):
    blue, dummy = children(emulator)
    created, dummy = run(emulator, ngrok_failover_backend, description='fo', backends=[blue])
    result, log = run(emulator, ngrok_http_response_backend, id=blue, state='absent')
    assert result['failed'] is True
    assert result['used_by'] == ['failover backend %s (fo)' % created['backend']['id']]
    assert result['api_error']['error_code'] == 'ERR_NGROK_6502'
    assert emulator.api('GET', '/backends/http_response/' + blue)[0] == 200


def test_info_lists_every_type_once_and_gets_by_id(emulator):
    blue, dummy = children(emulator)
    result, log = run(emulator, ngrok_backend_info)
    assert [b['type'] for b in result['backends']] == ['http_response', 'http_response']
    assert sorted(e['path'] for e in log) == LISTS
    result, log = run(emulator, ngrok_backend_info, id=blue, check_mode=True)
    assert [b['id'] for b in result['backends']] == [blue] and len(log) == 1
    result, log = run(emulator, ngrok_backend_info, type='http_response', description='green')
    assert [b['description'] for b in result['backends']] == ['green'] and len(log) == 1
