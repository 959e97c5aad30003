# -*- coding: utf-8 -*-
# Copyright (c) 2026, community.ngrok contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""The `filter` query: ngrok's CEL subset over `obj`, on the four lists that take it, with paging."""

import json
import os
import signal
import subprocess
import urllib.error
import urllib.request
from urllib.parse import quote

import pytest

from ngrok_emulator.store import list_order
from ngrok_emulator.testing import READY, SERVE

EP, RD, IPP, IPR = '/endpoints', '/reserved_domains', '/ip_policies', '/ip_policy_rules'
POLICY = '{"on_http_request":[{"actions":[{"type":"deny"}]}]}'


def filtered(path, expression, **query):
    pairs = ['filter=' + quote(expression, safe='')] + ['%s=%s' % item for item in sorted(query.items())]
    return '%s?%s' % (path, '&'.join(pairs))


def ids(api, path, expression, key):
    return [item['id'] for item in api.call('GET', filtered(path, expression), expect=200)[key]]


def in_list_order(item_ids):
    return sorted(item_ids, key=list_order, reverse=True)


@pytest.fixture
def endpoints(api):
    """Six internal endpoints svc0..svc5 ({number: id}): team a/b alternate, metadata on every third, svc5 pooled."""
    made = {}
    for number in range(6):
        made[number] = api.call('POST', EP, {'type': 'cloud', 'url': 'https://svc%d.internal' % number, 'traffic_policy': POLICY,
                                             'description': 'team-%s' % 'ab'[number % 2], 'metadata': 'm' if number % 3 == 0 else None,
                                             'pooling_enabled': number == 5}, expect=201)['id']
    return made


@pytest.mark.parametrize('expression,picked', [
    ('obj.description == "team-a"', [0, 2, 4]),
    ("'team-b' == obj.description", [1, 3, 5]),
    ('obj.description == "team-a" && obj.metadata == "m"', [0]),
    ('obj.description == "team-b" || obj.metadata == "m"', [0, 1, 3, 5]),
    ('obj.url in ["https://svc0.internal", "https://svc5.internal"]', [0, 5]),
    ('obj.metadata == ""', [1, 2, 4, 5]),
    ('!(obj.description == "team-a")', [1, 3, 5]),
    ('obj.description != "team-a" && obj.pooling_enabled', [5]),
    ('"internal" in obj.bindings && size(obj.bindings) == 1 && obj.bindings.size() == 1', [0, 1, 2, 3, 4, 5]),
    ('obj.type in ["agent", "cloud"] && obj.scheme == "https" && obj.region == "" && obj.principal.id == null', [0, 1, 2, 3, 4, 5]),
    ('obj.created_at >= timestamp(time.now).subtract("1h") && obj.created_at < timestamp(time.now).add("1d")', [0, 1, 2, 3, 4, 5]),
    ('obj.created_at < timestamp("2025-10-31T09:23:45-07:00")', []),
    ('obj.description == "nobody"', []),
    ('(obj.description == "team-a" || obj.description == "team-b") && obj.metadata == "m"', [0, 3]),
])
def test_endpoint_filters(api, endpoints, expression, picked):
    assert ids(api, EP, expression, 'endpoints') == in_list_order([endpoints[number] for number in picked])


def test_id_equality(api, endpoints):
    assert ids(api, EP, 'obj.id == "%s"' % endpoints[2], 'endpoints') == [endpoints[2]]


@pytest.mark.parametrize('expression,detail', [
    ('obj.description ==', 'syntax error'),
    ('', 'syntax error'),
    ('obj.nope == "x"', 'unsupported field: obj.nope (must be obj.id, obj.created_at'),
    ('obj.traffic_policy == "x"', 'unsupported field: obj.traffic_policy'),
    ('obj == null', 'obj is only usable through its fields'),
    ('obj.principal == null', 'unsupported field: obj.principal '),
    ('other.description == "x"', 'undeclared reference to `other`'),
    ('time.later == 1', 'undeclared reference'),
    ('obj.description.startsWith("team")', '`startsWith` is not supported yet'),
    ('obj.description.contains("team")', '`contains` is not supported yet'),
    ('obj.description.matches("team.*")', 'regular expressions are not supported'),
    ('size(obj.bindings) + 1 == 2', 'arithmetic is not supported'),
    ('obj.pooling_enabled ? true : false', 'ternary'),
    ('obj.bindings[0] == "internal"', 'index access is not supported'),
    ('has(obj.description)', 'the function `has` is not supported'),
    ('obj.bindings.exists(b, b == "public")', 'the function `exists` is not supported'),
    ('type(obj.description) == string', 'the function `type` is not supported'),
    ('obj.description', 'must evaluate to a bool'),
    ('obj.description == 1', 'evaluation failed'),
    ('obj.bindings in ["public", "internal"]', 'evaluation failed'),
    ('obj.created_at > timestamp(time.now).subtract("a week")', 'evaluation failed'),
])
def test_invalid_filters_are_400_250(api, endpoints, expression, detail):
    status, dummy, body = api.raw('GET', filtered(EP, expression))
    assert (status, body['error_code']) == (400, 'ERR_NGROK_250'), body
    assert body['msg'].startswith('Invalid CEL query: ') and detail in body['msg'], body['msg']


def test_paging_keeps_the_filter(api, emulator, endpoints):
    expression = 'obj.description == "team-a"'
    team_a = in_list_order([endpoints[0], endpoints[2], endpoints[4]])
    first = api.call('GET', filtered(EP, expression, limit=2), expect=200)
    assert [item['id'] for item in first['endpoints']] == team_a[:2]
    assert first['next_page_uri'] == '%s%s?before_id=%s&limit=2&filter=%s' % (emulator.url, EP, team_a[1], quote(expression, safe=''))
    second = api.call('GET', first['next_page_uri'][len(emulator.url):], expect=200)
    assert [item['id'] for item in second['endpoints']] == team_a[2:] and second['next_page_uri'] is None
    # A full last page has no next page either.
    exact = api.call('GET', filtered(EP, expression, limit=3), expect=200)
    assert len(exact['endpoints']) == 3 and exact['next_page_uri'] is None
    after = api.call('GET', filtered(EP, expression, before_id=team_a[1]), expect=200)
    assert [item['id'] for item in after['endpoints']] == team_a[2:]
    assert api.error('GET', filtered(EP, expression, limit=0)) == 'ERR_NGROK_233'
    assert api.error('GET', EP + '?filter=a&filter=b') == 'ERR_NGROK_232'


def test_the_other_filterable_lists(api):
    policy = api.call('POST', IPP, {'metadata': '{"team": "a"}'}, expect=201)
    other = api.call('POST', IPP, {}, expect=201)
    assert ids(api, IPP, 'obj.metadata == \'{"team": "a"}\'', 'ip_policies') == [policy['id']]
    assert ids(api, IPP, 'obj.description == ""', 'ip_policies') == in_list_order([other['id'], policy['id']])
    allow = api.call('POST', IPR, {'cidr': '10.0.0.0/8', 'action': 'allow', 'ip_policy_id': policy['id']}, expect=201)
    deny = api.call('POST', IPR, {'cidr': '10.1.0.0/16', 'action': 'deny', 'ip_policy_id': policy['id']}, expect=201)
    api.call('POST', IPR, {'cidr': '10.0.0.0/8', 'action': 'allow', 'ip_policy_id': other['id']}, expect=201)
    assert ids(api, IPR, 'obj.ip_policy.id == "%s"' % policy['id'], 'ip_policy_rules') == in_list_order([deny['id'], allow['id']])
    assert ids(api, IPR, 'obj.cidr == "10.0.0.0/8" && obj.action == "allow" && obj.ip_policy.id == "%s"' % policy['id'],
               'ip_policy_rules') == [allow['id']]
    custom = api.call('POST', RD, {'domain': 'app.example.com'}, expect=201)
    owned = api.call('POST', RD, {'domain': 'app.ngrok.app'}, expect=201)
    assert ids(api, RD, 'obj.domain == "app.example.com"', 'reserved_domains') == [custom['id']]
    assert ids(api, RD, 'obj.cname_target == null', 'reserved_domains') == [owned['id']]
    assert ids(api, RD, 'obj.certificate.id == "x" || obj.domain == "app.ngrok.app"', 'reserved_domains') == [owned['id']]
    assert api.error('GET', filtered(RD, 'obj.is_dev == false')) == 'ERR_NGROK_250'


@pytest.mark.parametrize('path', ['/backends/http_response', '/backends/weighted', '/edges/https'])
def test_deprecated_lists_take_no_filter(api, path):
    status, dummy, body = api.raw('GET', filtered(path, 'obj.description == "x"'))
    assert (status, body['error_code']) == (400, 'ERR_NGROK_231') and 'Supported parameters: before_id, limit.' in body['msg']


def test_without_cel_python_a_filter_is_a_clear_500():
    """The emulator itself needs only the standard library; a filter needs cel-python, and says so."""
    python = '/root/.pyenv/versions/3.12.1/bin/python3'
    if not os.path.exists(python) or subprocess.call([python, '-c', 'import celpy'], stderr=subprocess.DEVNULL) == 0:
        pytest.skip('needs an interpreter without cel-python')
    process = subprocess.Popen([python, SERVE, '--port', '0', '--api-key', 'k'], stdout=subprocess.PIPE, universal_newlines=True)
    try:
        url = process.stdout.readline().strip()[len(READY):]
        headers = {'Authorization': 'Bearer k', 'Ngrok-Version': '2'}
        with urllib.request.urlopen(urllib.request.Request(url + EP, headers=headers), timeout=10) as response:
            assert json.loads(response.read())['endpoints'] == []
        with pytest.raises(urllib.error.HTTPError) as raised:
            urllib.request.urlopen(urllib.request.Request(url + filtered(EP, 'obj.id == "x"'), headers=headers), timeout=10)
        assert raised.value.code == 500 and 'cel-python' in json.loads(raised.value.read())['msg']
    finally:
        process.send_signal(signal.SIGTERM)
        assert process.wait(timeout=10) == 0


NARROWED = [
    'obj.description == "d1"', '"d2" == obj.description', 'obj.description in ["d1", "d3"]', 'obj.metadata == "m0"',
    'obj.description == "d1" && obj.metadata == "m1"', 'obj.description == "d1" || obj.metadata == "m2"',
    'obj.url == "https://s4.internal" || (obj.description == "d2" && obj.pooling_enabled)',
    'obj.description == "d0" && !(obj.metadata == "m0")', 'obj.type == "cloud" && obj.id != ""',
    'obj.description == "d3" && obj.description == "d1"', 'obj.description == \'d1\' || obj.description == "d\\\\1"',
    'obj.description in [] || obj.metadata == "m1"',
]


@pytest.mark.parametrize('expression', NARROWED)
def test_narrowing_gives_the_evaluators_answer(monkeypatch, expression):
    """The equality narrowing only skips objects the evaluator would refuse: the same ids either way."""
    from ngrok_emulator import endpoints, filtering  # pylint: disable=import-outside-toplevel
    from ngrok_emulator.common import Request  # pylint: disable=import-outside-toplevel
    from ngrok_emulator.store import Store  # pylint: disable=import-outside-toplevel
    store = Store()
    for number in range(40):
        endpoints.create(Request('POST', store, 'http://x', {
            'type': 'cloud', 'url': 'https://s%d.internal' % number, 'traffic_policy': POLICY, 'description': 'd%d' % (number % 4),
            'metadata': 'm%d' % (number % 3) if number % 5 else None, 'pooling_enabled': number % 2 == 0}))

    def answer():
        pages, query = [], {'filter': expression, 'limit': '7'}
        while True:
            page = endpoints.list_(Request('GET', store, 'http://x', query=query))[1]
            pages.append([item['id'] for item in page['endpoints']])
            if not page['next_page_uri']:
                return pages
            query = dict(query, before_id=pages[-1][-1])
    narrowed = answer()
    monkeypatch.setattr(filtering, 'narrowing', lambda tree, stored: None)
    assert narrowed == answer()


def test_which_expressions_narrow():
    from ngrok_emulator import filtering  # pylint: disable=import-outside-toplevel
    # A literal with an escape and an empty list give no usable equality: those go through the evaluator alone.
    assert [expression for expression in NARROWED if filtering.Filter('endpoints', expression).narrowing is None] == [
        NARROWED[-2], NARROWED[-1]]
    assert filtering.Filter('endpoints', '(obj.description == "a" || obj.url == "b") && size(obj.bindings) == 1').narrowing is None
