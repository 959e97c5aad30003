# -*- coding: utf-8 -*-
# Copyright (c) 2026, community.ngrok contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""Weighted, failover, tunnel-group backends and ngrok_backend_info: requests per task, counted in the emulator's log."""

from __future__ import absolute_import, division, print_function
__metaclass__ = type

import pytest
import yaml

from ansible_collections.community.ngrok.plugins.module_utils.backends import BACKENDS
from ansible_collections.community.ngrok.plugins.modules import (
    ngrok_backend_info, ngrok_failover_backend, ngrok_tunnel_group_backend, ngrok_weighted_backend,
)
from ansible_collections.community.ngrok.tests.unit.helpers import run_logged as run, warning_messages

LISTS = ['/backends/failover', '/backends/http_response', '/backends/tunnel_group', '/backends/weighted']


def calls(log):
    """(method, path) of each request, the query left out."""
    return [(entry['method'], entry['path']) for entry in log]


def one_connection(log):
    return len(set(entry['connection'] for entry in log)) == 1


def children(emulator):
    return [emulator.api('POST', '/backends/http_response', {'description': name})[1]['id'] for name in ('blue', 'green')]


# Per module: its collection path, and (create options, update options) given the ids of blue and green.
MODULES = {
    'weighted': (ngrok_weighted_backend, '/backends/weighted',
                 lambda blue, green: ({'backends': {blue: 90, green: 10}}, {'backends': {blue: 0, green: 100}})),
    'failover': (ngrok_failover_backend, '/backends/failover',
                 lambda blue, green: ({'backends': [blue, green]}, {'backends': [green, blue]})),
    'tunnel_group': (ngrok_tunnel_group_backend, '/backends/tunnel_group',
                     lambda blue, green: ({'labels': {'app': 'web'}}, {'labels': {'app': 'web', 'tier': 'gold'}})),
}


@pytest.mark.parametrize('kind', sorted(MODULES))
def test_requests_of_each_task(emulator, kind):
    """create = listing + POST; no-op by description = listing; no-op by id = one GET; update = lookup +
    PATCH; delete = lookup + the search for users + DELETE; every task on one connection. Children named by
    id cost nothing."""
    module, path, options = MODULES[kind]
    create, update = options(*children(emulator))

    created, log = run(emulator, module, description='x', **create)
    assert created['changed'] is True
    assert calls(log) == [('GET', path), ('POST', path)] and one_connection(log)
    item = path + '/' + created['backend']['id']

    for lookup, first in (({'description': 'x'}, ('GET', path)), ({'id': created['backend']['id']}, ('GET', item))):
        noop, log = run(emulator, module, **dict(lookup, **create))
        assert noop['changed'] is False
        assert calls(log) == [first]
    check, log = run(emulator, module, check_mode=True, description='x', **update)
    assert check['changed'] is True and calls(log) == [('GET', path)]

    updated, log = run(emulator, module, description='x', **update)
    assert updated['changed'] is True and updated['backend'] == check['backend']
    assert calls(log) == [('GET', path), ('PATCH', item)] and one_connection(log)
    updated, log = run(emulator, module, id=created['backend']['id'], description='y')
    assert calls(log) == [('GET', item), ('PATCH', item)]

    deleted, log = run(emulator, module, description='y', state='absent')
    assert deleted['changed'] is True
    # Before the DELETE, the search for users: the lists that can name a backend (test_delete_in_use.py).
    users = [('GET', p) for p in ('/backends/weighted', '/backends/failover', '/edges/https') if p != path]
    assert calls(log) == [('GET', path)] + users + [('DELETE', item)] and one_connection(log)
    again, log = run(emulator, module, description='y', state='absent')
    assert again['changed'] is False and calls(log) == [('GET', path)]


@pytest.mark.parametrize('kind', ['weighted', 'failover'])
def test_children_by_description_list_each_type_once_on_one_connection(emulator, kind):
    module, path, options = MODULES[kind]
    blue, green = children(emulator)
    create, update = options('blue', 'green')
    result, log = run(emulator, module, description='split', **create)
    assert result['backend']['backends'] == options(blue, green)[0]['backends']
    assert sorted(p for m, p in calls(log) if m == 'GET') == LISTS  # its own listing serves the lookup too
    assert [m for m, p in calls(log)].count('POST') == 1 and len(log) == 5
    assert one_connection(log)

    noop, log = run(emulator, module, description='split', **create)
    assert noop['changed'] is False and sorted(p for m, p in calls(log)) == LISTS

    by_id, log = run(emulator, module, id=result['backend']['id'], **update)
    assert by_id['backend']['backends'] == options(blue, green)[1]['backends']
    item = path + '/' + result['backend']['id']
    assert sorted(calls(log)) == sorted([('GET', p) for p in LISTS] + [('GET', item), ('PATCH', item)])
    assert one_connection(log)


@pytest.mark.parametrize('kind', ['weighted', 'failover', 'tunnel_group'])
def test_description_change_keeps_children(emulator, kind):
    """The API empties weighted and failover children when a PATCH leaves them out: they are always sent."""
    module, path, options = MODULES[kind]
    create, dummy = options(*children(emulator))
    created, dummy = run(emulator, module, description='split', **create)
    result, log = run(emulator, module, id=created['backend']['id'], description='renamed')
    assert [m for m, p in calls(log)] == ['GET', 'PATCH']
    stored = emulator.api('GET', path + '/' + created['backend']['id'])[1]
    key = 'labels' if kind == 'tunnel_group' else 'backends'
    assert stored['description'] == 'renamed'
    assert stored[key] == create[key] == result['backend'][key]
    assert result['diff']['before'][key] == result['diff']['after'][key]


def test_weighted_noop_by_id_with_children_by_id_is_one_get(emulator):
    blue, green = children(emulator)
    created, dummy = run(emulator, ngrok_weighted_backend, description='split', backends={blue: 1, green: 1})
    result, log = run(emulator, ngrok_weighted_backend, id=created['backend']['id'], backends={green: '1', blue: 1})
    assert result['changed'] is False
    assert calls(log) == [('GET', '/backends/weighted/' + created['backend']['id'])]


def test_weights_out_of_range_fail_before_any_request(emulator):
    result, log = run(emulator, ngrok_weighted_backend, description='split', backends={'blue': 10001, 'green': -1, 'red': 1.5})
    assert result['failed'] is True
    assert 'backends.blue: weight 10001 is out of range, it must be between 0 and 10000' in result['msg']
    assert 'backends.green: weight -1 is out of range' in result['msg']
    assert "backends.red: the weight must be an integer, not 1.5" in result['msg']
    assert log == []


def test_unknown_and_ambiguous_children_fail_before_any_write(emulator):
    children(emulator)
    emulator.api('POST', '/backends/tunnel_group', {'description': 'green'})
    unknown, log = run(emulator, ngrok_failover_backend, description='fo', backends=['blue', 'nobody'])
    assert unknown['msg'] == "no backend has the description 'nobody'; name a backend by its id or its exact description"
    ambiguous, log2 = run(emulator, ngrok_failover_backend, description='fo', backends=['green'])
    assert ambiguous['msg'].startswith("2 backends have the description 'green' (bkdhr_")
    assert 'bkdtg_' in ambiguous['msg']
    assert all(entry['method'] == 'GET' for entry in log + log2)


def test_the_same_child_twice_fails(emulator):
    blue, dummy = children(emulator)
    result, log = run(emulator, ngrok_weighted_backend, description='w', backends={blue: 1, 'blue': 2})
    assert result['failed'] is True
    assert "%r and 'blue' name the same backend %s" % (blue, blue) in result['msg']
    assert all(entry['method'] == 'GET' for entry in log)


def test_check_mode_with_children_not_created_yet_warns_and_writes_nothing(emulator):
    for module, args in ((ngrok_weighted_backend, {'backends': {'blue': 1}}), (ngrok_failover_backend, {'backends': ['blue']})):
        result, log = run(emulator, module, check_mode=True, description='split', **args)
        assert result['changed'] is True
        assert result['backend']['backends'] == args['backends']
        assert warning_messages(result) == ["no backend has the description 'blue' yet; in check mode it is assumed "
                                            "to be created by an earlier task"]
        assert 'deprecations' not in result
        assert all(e['method'] == 'GET' for e in log)
        result, log = run(emulator, module, description='split', **args)
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


def test_info_lists_every_type_once_and_gets_by_id(emulator):
    blue, dummy = children(emulator)
    result, log = run(emulator, ngrok_backend_info)
    assert result['changed'] is False
    assert [b['type'] for b in result['backends']] == ['http_response', 'http_response']
    assert sorted(p for m, p in calls(log)) == LISTS and one_connection(log)
    result, log = run(emulator, ngrok_backend_info, id=blue, check_mode=True)
    assert [b['id'] for b in result['backends']] == [blue] and calls(log) == [('GET', '/backends/http_response/' + blue)]
    result, log = run(emulator, ngrok_backend_info, type='http_response', description='green')
    assert [b['description'] for b in result['backends']] == ['green'] and len(log) == 1


def test_info_returns_what_the_modules_return(emulator):
    blue, green = children(emulator)
    split, dummy = run(emulator, ngrok_weighted_backend, description='split', metadata={'b': 1, 'a': 2}, backends={blue: 1})
    group, dummy = run(emulator, ngrok_tunnel_group_backend, description='tg', labels={'app': 'web'})
    result, log = run(emulator, ngrok_backend_info, metadata='{"a": 2, "b": 1}')
    assert result['backends'] == [dict(split['backend'], type='weighted')]
    result, log = run(emulator, ngrok_backend_info, type='tunnel_group')
    assert result['backends'] == [dict(group['backend'], type='tunnel_group')]
    result, log = run(emulator, ngrok_backend_info, id='bkdfo_2fMuU4sEZ8HgKe5Ff5pJ4NbMb1W')
    assert result['backends'] == [] and len(log) == 1


def test_info_follows_pagination(emulator):
    for number in range(101):
        emulator.api('POST', '/backends/http_response', {'description': 'bulk %d' % number})
    result, log = run(emulator, ngrok_backend_info, type='http_response')
    assert len(set(b['id'] for b in result['backends'])) == 101
    assert len(log) == 2 and log[1]['query'].startswith('before_id=')


def test_info_invalid_input_sends_nothing(emulator):
    result, log = run(emulator, ngrok_backend_info, id='bkdhr_2fMuU4sEZ8HgKe5Ff5pJ4NbMb1W', type='weighted', metadata=[1])
    assert result['failed'] is True
    assert 'is the id of a http_response backend, not of a weighted backend' in result['msg']
    assert 'metadata: must be a string or a dictionary' in result['msg']
    assert log == []


@pytest.mark.parametrize('module', [ngrok_weighted_backend, ngrok_failover_backend])
def test_the_docs_of_options_naming_any_backend_list_every_backend_id_prefix(module):
    """A name with a backend id prefix is used as an id: the docs list the prefixes, so a new type must be added there."""
    text = ' '.join(yaml.safe_load(module.DOCUMENTATION)['options']['backends']['description'])
    assert [resource.id_prefix for resource in BACKENDS.values() if 'V(%s)' % resource.id_prefix not in text] == []


def test_label_values_given_as_numbers_are_sent_as_text(emulator):
    result, log = run(emulator, ngrok_tunnel_group_backend, description='tg', labels={'version': 2, 'edge': True})
    assert result.get('failed') is not True, result.get('msg')
    assert result['backend']['labels'] == {'version': '2', 'edge': 'True'}
