# -*- coding: utf-8 -*-
# Copyright (c) 2026, community.ngrok contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""Backends as the fact sheet describes them: PATCH quirks, normalisation, references, limits."""

import pytest

HR, TG, WD, FO = ('/backends/http_response', '/backends/tunnel_group', '/backends/weighted', '/backends/failover')


def test_http_response_header_names_lowercased_and_null_when_none(api):
    item = api.call('POST', HR, {'headers': {'Content-Type': 'text/plain'}, 'status_code': 418}, expect=201)
    assert item['headers'] == {'content-type': 'text/plain'}
    bare = api.call('POST', HR, {}, expect=201)
    assert bare['headers'] is None and bare['body'] == '' and bare['status_code'] == 200
    assert 'description' not in bare and 'metadata' not in bare  # empty ones are omitted
    cleared = api.call('PATCH', HR + '/' + item['id'], {'headers': {}}, expect=200)
    assert cleared['headers'] is None and cleared['status_code'] == 418


def test_patch_leaves_omitted_scalars_and_clears_with_empty_string(api):
    item = api.call('POST', HR, {'description': 'd', 'metadata': 'm', 'body': 'b', 'status_code': 201}, expect=201)
    patched = api.call('PATCH', HR + '/' + item['id'], {'metadata': 'n'}, expect=200)
    assert (patched['description'], patched['metadata'], patched['body'], patched['status_code']) == ('d', 'n', 'b', 201)
    patched = api.call('PATCH', HR + '/' + item['id'], {'description': ''}, expect=200)
    assert 'description' not in patched
    assert api.call('PATCH', HR + '/' + item['id'], {}, expect=200) == patched


@pytest.mark.parametrize('body,code', [
    ({'status_code': 99}, 'ERR_NGROK_6517'), ({'status_code': 600}, 'ERR_NGROK_6517'),
    ({'description': 'x' * 256}, 'ERR_NGROK_6503'), ({'metadata': 'x' * 4097}, 'ERR_NGROK_6504'),
    ({'body': 'x' * 65537}, 'ERR_NGROK_6516'), ({'headers': {'x' * 257: 'v'}}, 'ERR_NGROK_6522'),
])
def test_http_response_limits(api, body, code):
    assert api.error('POST', HR, body) == code


def test_tunnel_group_labels(api):
    item = api.call('POST', TG, {'labels': {'app': 'web'}}, expect=201)
    assert item['labels'] == {'app': 'web'} and item['tunnels'] == []
    kept = api.call('PATCH', TG + '/' + item['id'], {'description': 'd'}, expect=200)
    assert kept['labels'] == {'app': 'web'}
    assert api.error('POST', TG, {'labels': {'a=b': 'c'}}) == 'ERR_NGROK_6531'
    assert api.error('POST', TG, {'labels': dict(('k%d' % n, 'v') for n in range(21))}) == 'ERR_NGROK_6508'


def test_weighted_and_failover_patch_without_backends_empties_them(api):
    child = api.call('POST', HR, {}, expect=201)['id']
    weighted = api.call('POST', WD, {'backends': {child: 3}}, expect=201)
    failover = api.call('POST', FO, {'backends': [child]}, expect=201)
    assert api.call('PATCH', WD + '/' + weighted['id'], {'description': 'x'}, expect=200)['backends'] == {}
    assert api.call('PATCH', FO + '/' + failover['id'], {'description': 'x'}, expect=200)['backends'] == []
    assert api.call('GET', WD + '/' + weighted['id'])['description'] == 'x'


def test_children_references(api):
    a = api.call('POST', HR, {}, expect=201)['id']
    b = api.call('POST', HR, {}, expect=201)['id']
    weighted = api.call('POST', WD, {'backends': {a: 1, b: 0}}, expect=201)
    assert weighted['backends'] == {a: 1, b: 0}
    failover = api.call('POST', FO, {'backends': [b, a, weighted['id']]}, expect=201)
    assert failover['backends'] == [b, a, weighted['id']]
    assert api.error('POST', WD, {'backends': {'bkdhr_2fMuU4sEZ8HgKe5Ff5pJ4NbMb1W': 1}}) == 'ERR_NGROK_6501'
    assert api.error('POST', WD, {'backends': {'nope': 1}}) == 'ERR_NGROK_6526'
    assert api.error('POST', WD, {'backends': {a: 10001}}) == 'ERR_NGROK_6512'
    assert api.error('POST', WD, {'backends': {a: -1}}) == 'ERR_NGROK_6512'
    assert api.error('PATCH', WD + '/' + weighted['id'], {'backends': {weighted['id']: 1}}) == 'ERR_NGROK_6524'
    assert api.error('PATCH', WD + '/' + weighted['id'], {'backends': {failover['id']: 1}}) == 'ERR_NGROK_6524'  # a cycle
    assert api.error('POST', FO, {'backends': [a, a]}) == 'ERR_NGROK_215'
    assert api.error('DELETE', HR + '/' + a) == 'ERR_NGROK_6502'
    assert api.error('DELETE', WD + '/' + weighted['id']) == 'ERR_NGROK_6502'
    api.call('DELETE', FO + '/' + failover['id'], expect=204)
    api.call('DELETE', WD + '/' + weighted['id'], expect=204)
    api.call('DELETE', HR + '/' + a, expect=204)
    assert api.raw('DELETE', HR + '/' + a)[0] == 404
