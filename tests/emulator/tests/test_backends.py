# -*- coding: utf-8 -*-
# Copyright (c) 2026, community.ngrok contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""Backends as the fact sheet describes them: PATCH quirks, normalisation, references, limits."""

import pytest

HR, TG, WD, FO, SC = ('/backends/http_response', '/backends/tunnel_group', '/backends/weighted', '/backends/failover',
                      '/backends/static')


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
    # No labels answer null, as every recorded tunnel group without labels did (update examples 2022-10 to 2023-10).
    assert api.call('POST', TG, {}, expect=201)['labels'] is None
    assert api.call('PATCH', TG + '/' + item['id'], {'labels': {}}, expect=200)['labels'] is None


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
    status, dummy, body = api.raw('DELETE', HR + '/' + a)
    assert (status, body['error_code']) == (400, 'ERR_NGROK_6502') and 'referenced by at least one backend' in body['msg']
    assert api.error('DELETE', WD + '/' + weighted['id']) == 'ERR_NGROK_6502'
    api.call('DELETE', FO + '/' + failover['id'], expect=204)
    api.call('DELETE', WD + '/' + weighted['id'], expect=204)
    api.call('DELETE', HR + '/' + a, expect=204)
    assert api.raw('DELETE', HR + '/' + a)[0] == 404


def test_http_response_status_code_bounds_and_header_limits_in_bytes(api):
    for code in (100, 599):
        assert api.call('POST', HR, {'status_code': code}, expect=201)['status_code'] == code
    assert api.error('POST', HR, {'headers': {'a': 'v' * 4097}}) == 'ERR_NGROK_6523'
    # 6522 and 6523 count bytes: 128 two-byte characters fit a 256-byte name, 129 do not.
    assert api.call('POST', HR, {'headers': {'é' * 128: 'v'}}, expect=201)['headers'] == {'é' * 128: 'v'}
    assert api.error('POST', HR, {'headers': {'é' * 129: 'v'}}) == 'ERR_NGROK_6522'
    assert api.error('POST', HR, {'headers': {'a': 'é' * 2049}}) == 'ERR_NGROK_6523'


def test_description_and_metadata_limits_count_characters_not_bytes(api):
    """Issue 11 row 8: ERR_NGROK_6503/6504 say "limited to MAX characters": multi-byte text reaches the limit
    later than its bytes would."""
    item = api.call('POST', HR, {'description': 'é' * 255, 'metadata': '€' * 4096}, expect=201)  # 510 and 12288 bytes
    assert (item['description'], item['metadata']) == ('é' * 255, '€' * 4096)
    status, dummy, body = api.raw('POST', HR, {'description': 'é' * 256})
    assert (status, body['error_code']) == (400, 'ERR_NGROK_6503') and 'you have entered 256 characters' in body['msg']
    assert api.error('POST', HR, {'metadata': '€' * 4097}) == 'ERR_NGROK_6504'
    assert api.error('PATCH', HR + '/' + item['id'], {'description': 'x' * 256}) == 'ERR_NGROK_6503'
    assert api.error('POST', '/ip_policies', {'description': '😀' * 256}) == 'ERR_NGROK_6503'
    assert api.call('POST', '/ip_policies', {'description': '😀' * 255}, expect=201)['description'] == '😀' * 255


@pytest.mark.parametrize('labels,code', [
    ({'': 'v'}, 'ERR_NGROK_6509'), ({'k' * 65: 'v'}, 'ERR_NGROK_6509'), ({'k': 'v' * 257}, 'ERR_NGROK_6510'),
    ({'k': 'a=b'}, 'ERR_NGROK_6531'), ({'k': 1}, 'ERR_NGROK_215'),
])
def test_tunnel_group_label_limits(api, labels, code):
    assert api.error('POST', TG, {'labels': labels}) == code


def test_empty_patch_changes_nothing_except_weighted_and_failover_children(api):
    child = api.call('POST', HR, {'description': 'c', 'status_code': 404}, expect=201)
    assert api.call('PATCH', HR + '/' + child['id'], {}, expect=200) == child
    group = api.call('POST', TG, {'labels': {'a': 'b'}, 'metadata': 'm'}, expect=201)
    assert api.call('PATCH', TG + '/' + group['id'], {}, expect=200) == group
    weighted = api.call('POST', WD, {'backends': {child['id']: 1}, 'description': 'w'}, expect=201)
    # {} is a PATCH without `backends` like any other: the children go (the observed rule), the rest stays.
    assert api.call('PATCH', WD + '/' + weighted['id'], {}, expect=200) == dict(weighted, backends={})
    failover = api.call('POST', FO, {'backends': [child['id']]}, expect=201)
    assert api.call('PATCH', FO + '/' + failover['id'], {}, expect=200) == dict(failover, backends=[])


def test_weighted_and_failover_may_be_created_empty_and_any_type_may_be_a_child(api):
    assert api.call('POST', WD, {}, expect=201)['backends'] == {}
    assert api.call('POST', FO, {}, expect=201)['backends'] == []
    children = [api.call('POST', path, body, expect=201)['id'] for path, body in (
        (HR, {}), (TG, {'labels': {'a': 'b'}}), (WD, {}), (FO, {}), (SC, {'address': 'example.com:80'}))]
    assert api.call('POST', WD, {'backends': dict((c, 1) for c in children)}, expect=201)['backends'] == dict((c, 1) for c in children)
    assert api.call('POST', FO, {'backends': children}, expect=201)['backends'] == children
    assert api.error('POST', WD, {'backends': dict(('bkdhr_%027d' % n, 1) for n in range(33))}) == 'ERR_NGROK_6511'
    assert api.error('POST', FO, {'backends': ['bkdhr_%027d' % n for n in range(33)]}) == 'ERR_NGROK_6513'
    assert api.error('POST', FO, {'backends': ['edghts_2fMuU4sEZ8HgKe5Ff5pJ4NbMb1W']}) == 'ERR_NGROK_6526'
    assert api.error('POST', FO, {'backends': ['bkdfo_2fMuU4sEZ8HgKe5Ff5pJ4NbMb1W']}) == 'ERR_NGROK_6501'
    assert api.error('POST', WD, {'backends': {children[0]: True}}) == 'ERR_NGROK_215'  # a bool is not a weight


def test_failover_self_reference_and_cycles(api):
    inner = api.call('POST', FO, {}, expect=201)['id']
    outer = api.call('POST', FO, {'backends': [inner]}, expect=201)['id']
    assert api.error('PATCH', FO + '/' + inner, {'backends': [inner]}) == 'ERR_NGROK_6525'
    assert api.error('PATCH', FO + '/' + inner, {'backends': [outer]}) == 'ERR_NGROK_6525'
    assert api.call('GET', FO + '/' + inner)['backends'] == []  # a refused PATCH changes nothing


def test_static_backend(api):
    item = api.call('POST', SC, {'address': 'example.com:8080', 'description': 's'}, expect=201)
    assert item['id'].startswith('bkdsc_') and item['address'] == 'example.com:8080' and item['tls'] == {'enabled': False}
    patched = api.call('PATCH', SC + '/' + item['id'], {'tls': {'enabled': True}}, expect=200)
    assert patched == dict(item, tls={'enabled': True})
    for body, code in (({}, 'ERR_NGROK_6505'), ({'address': 'example.com'}, 'ERR_NGROK_6505'),
                       ({'address': ':80'}, 'ERR_NGROK_6507'), ({'address': 'example.com:99999'}, 'ERR_NGROK_6506'),
                       ({'address': 'example.com:http'}, 'ERR_NGROK_6506'), ({'tls': {'enabled': 1}, 'address': 'a:1'}, 'ERR_NGROK_215')):
        assert api.error('POST', SC, body) == code
    assert [b['id'] for b in api.call('GET', SC, expect=200)['backends']] == [item['id']]
    weighted = api.call('POST', WD, {'backends': {item['id']: 5}}, expect=201)
    assert api.error('DELETE', SC + '/' + item['id']) == 'ERR_NGROK_6502'
    api.call('DELETE', WD + '/' + weighted['id'], expect=204)
    api.call('DELETE', SC + '/' + item['id'], expect=204)


def test_a_backend_of_another_type_is_not_found_under_this_type(api):
    item = api.call('POST', HR, {}, expect=201)
    for path in (TG, WD, FO, SC):
        status, dummy, body = api.raw('GET', '%s/%s' % (path, item['id']))
        assert status == 404 and body['msg'] == 'Resource not found' and 'error_code' not in body
        assert api.raw('DELETE', '%s/%s' % (path, item['id']))[0] == 404
    assert api.call('GET', HR + '/' + item['id'], expect=200) == item
