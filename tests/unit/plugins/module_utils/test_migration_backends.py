# -*- coding: utf-8 -*-
# Copyright (c) 2026, community.ngrok contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""Each backend type as the last rules of a route, followed down weighted and failover children: what
answers a request (policy_runner), with internal endpoints online or not and any random draw."""

from __future__ import absolute_import, division, print_function
__metaclass__ = type

import collections

import pytest

from ansible_collections.community.ngrok.plugins.module_utils.backends import BACKENDS
from ansible_collections.community.ngrok.plugins.module_utils.migration_backends import BRANCHES, LEAVES, backend_children, backend_type
from ansible_collections.community.ngrok.tests.unit.plugins.module_utils.migration_inputs import backends, plan_of, route
from ansible_collections.community.ngrok.tests.unit.plugins.module_utils.policy_runner import Request, Runner


def bid(prefix, name):
    return '%s_%s' % (prefix, name.ljust(27, '0'))


HR = bid('bkdhr', 'maintenance')
APP = bid('bkdtg', 'app')
CANARY = bid('bkdtg', 'canary')
SPARE = bid('bkdtg', 'spare')
FO = bid('bkdfo', 'front')
WD = bid('bkdwd', 'split')

TUNNEL_GROUPS = {
    APP: {'labels': {'service': 'app'}},
    CANARY: {'labels': {'service': 'app', 'track': 'canary'}},
    SPARE: {'labels': {'service': 'spare'}},
}
APP_URL, CANARY_URL, SPARE_URL = ('https://service-app.internal', 'https://service-app-track-canary.internal',
                                  'https://service-spare.internal')


def migrate(backend_id, options=None, **api_backends):
    views = backends(**dict(TUNNEL_GROUPS, **api_backends))
    return plan_of([route('/', backend=backend_id)], views, options)


def answer(result, **request):
    outcome = Runner(result['traffic_policy']).run(Request(**request))
    return outcome.answer[0], outcome.answer[1].get('url', outcome.answer[1].get('status_code'))


def test_every_backend_type_has_its_translation():
    assert sorted(BACKENDS) == sorted(list(LEAVES) + list(BRANCHES))


def test_the_type_and_children_of_a_backend_come_from_its_id_and_view():
    assert [backend_type(backend_id) for backend_id in (HR, APP, FO, WD, 'bkdst_x')] == [
        'http_response', 'tunnel_group', 'failover', 'weighted', None]
    assert backend_children(WD, {'backends': {APP: 1, SPARE: 2}}) == [APP, SPARE]
    assert backend_children(FO, {'backends': [SPARE, APP]}) == [SPARE, APP]
    assert backend_children(APP, TUNNEL_GROUPS[APP]) == []


def test_an_http_response_backend_is_custom_response_with_body_status_and_headers():
    result = migrate(HR, **{HR: {'body': 'back soon', 'status_code': 503, 'headers': {'Content-Type': 'text/plain'}}})
    assert result['traffic_policy']['on_http_request'] == [{
        'name': '/*: backend http response %s' % HR, 'expressions': ['req.url.path.startsWith("/")'],
        'actions': [{'type': 'custom-response', 'config': {'status_code': 503, 'body': 'back soon',
                                                           'headers': {'content-type': 'text/plain'}}}]}]
    assert result['unsupported'] == []


def test_an_http_response_backend_beyond_what_custom_response_takes_is_reported():
    headers = dict(('x-h%02d' % number, 'v') for number in range(12))
    result = migrate(HR, **{HR: {'body': 'hello ${name}', 'status_code': 200, 'headers': headers}})
    config = result['traffic_policy']['on_http_request'][0]['actions'][0]['config']
    assert sorted(config['headers']) == ['x-h%02d' % number for number in range(10)]
    assert config['body'] == 'hello ${name}'
    assert [item['what'] for item in result['unsupported']] == ['backend %s headers' % HR, 'backend %s body' % HR]


def test_a_tunnel_group_forwards_to_the_internal_endpoint_its_labels_make():
    result = migrate(APP)
    assert result['traffic_policy']['on_http_request'][0]['actions'] == [{'type': 'forward-internal', 'config': {'url': APP_URL}}]
    assert answer(result) == ('forward-internal', APP_URL)
    assert any(APP_URL in note for note in result['notes'])


def test_a_tunnel_group_goes_where_the_user_maps_its_labels():
    options = {'internal_urls': [{'labels': {'service': 'app'}, 'url': 'https://shop.internal'}]}
    assert answer(migrate(APP, options)) == ('forward-internal', 'https://shop.internal')


def test_labels_that_make_no_url_or_the_same_url_are_reported_and_answered_503():
    result = migrate(bid('bkdtg', 'odd'), **{bid('bkdtg', 'odd'): {'labels': {'x' * 40: 'y' * 40}}})
    assert [item['what'] for item in result['unsupported']] == ['backend %s' % bid('bkdtg', 'odd')]
    assert answer(result) == ('custom-response', 503)
    clash = {'labels': {'Service': 'App'}}
    result = migrate(FO, **{FO: {'backends': [APP, bid('bkdtg', 'clash')]}, bid('bkdtg', 'clash'): clash})
    assert 'both make %s' % APP_URL in result['unsupported'][0]['why']


def test_a_failover_tries_each_backend_in_order():
    result = migrate(FO, **{FO: {'backends': [APP, SPARE, HR]}, HR: {'body': 'sorry', 'status_code': 503, 'headers': {}}})
    rules = result['traffic_policy']['on_http_request']
    assert [rule['actions'][0]['config'].get('on_error') for rule in rules] == ['continue', 'continue', None]
    assert answer(result) == ('forward-internal', APP_URL)
    assert answer(result, offline=[APP_URL]) == ('forward-internal', SPARE_URL)
    assert answer(result, offline=[APP_URL, SPARE_URL]) == ('custom-response', 503)


def test_the_last_backend_of_a_failover_halts_on_error():
    result = migrate(FO, **{FO: {'backends': [APP, SPARE]}})
    assert answer(result, offline=[APP_URL, SPARE_URL]) == ('forward-internal', SPARE_URL)
    assert 'no backend answers' not in repr(result['traffic_policy'])


def test_a_failover_never_gets_past_an_http_response_and_says_so():
    result = migrate(FO, **{FO: {'backends': [HR, APP]}, HR: {'body': 'static', 'status_code': 200, 'headers': {}}})
    assert len(result['traffic_policy']['on_http_request']) == 1
    assert any('never gets past' in note for note in result['notes'])


def test_a_weighted_backend_sends_each_child_its_share():
    result = migrate(WD, **{WD: {'backends': {APP: 3, CANARY: 1}}})
    shares = collections.Counter(answer(result, random=draw / 1000.0)[1] for draw in range(1000))
    assert shares == {APP_URL: 750, CANARY_URL: 250}
    assert answer(result, random=0.0) == ('forward-internal', APP_URL)
    assert answer(result, random=0.9999999) == ('forward-internal', CANARY_URL)


def test_a_weighted_backend_leaves_out_children_of_weight_0_and_skips_the_draw_for_one_child():
    result = migrate(WD, **{WD: {'backends': {APP: 0, CANARY: 5}}})
    assert [rule['actions'][0]['type'] for rule in result['traffic_policy']['on_http_request']] == ['forward-internal']
    assert answer(result) == ('forward-internal', CANARY_URL)
    assert any('weight 0' in note for note in result['notes'])
    nothing = migrate(WD, **{WD: {'backends': {APP: 0}}})
    assert answer(nothing) == ('custom-response', 503)
    assert [item['what'] for item in nothing['unsupported']] == ['backend %s' % WD]


@pytest.mark.parametrize('draw, offline, expected', [
    (0.1, [], APP_URL),
    (0.9, [], CANARY_URL),
    (0.1, [APP_URL], SPARE_URL),      # the weighted pick fails over to the next backend of the failover
    (0.9, [CANARY_URL], SPARE_URL),
    (0.9, [APP_URL], CANARY_URL),
])
def test_nested_weighted_and_failover_backends_are_followed_down(draw, offline, expected):
    inner = bid('bkdwd', 'inner')
    result = migrate(FO, **{FO: {'backends': [inner, SPARE]}, inner: {'backends': {APP: 1, CANARY: 1}}})
    assert answer(result, random=draw, offline=offline) == ('forward-internal', expected)


def test_two_weighted_backends_draw_separate_numbers():
    outer, inner = bid('bkdwd', 'outer'), bid('bkdwd', 'inner')
    result = migrate(outer, **{outer: {'backends': {inner: 1, SPARE: 1}}, inner: {'backends': {APP: 1, CANARY: 1}}})
    variables = [action['config']['vars'][0] for rule in result['traffic_policy']['on_http_request']
                 for action in rule['actions'] if action['type'] == 'set-vars']
    assert [list(item) for item in variables] == [['weighted_1'], ['weighted_2']]


@pytest.mark.parametrize('backend_id, why', [
    (bid('bkdtg', 'gone'), 'not found'),
    ('bkdst_2fsOHJ0rkJvxGb9GcgjrAbqpkv1', 'no traffic policy equivalent'),
])
def test_a_backend_that_cannot_be_followed_is_reported_and_the_route_answers_503(backend_id, why):
    result = migrate(backend_id)
    assert why in result['unsupported'][0]['why']
    assert answer(result) == ('custom-response', 503)


def test_a_backend_that_names_itself_is_reported():
    result = migrate(FO, **{FO: {'backends': [WD]}, WD: {'backends': {FO: 1}}})
    assert result['unsupported'][0]['why'] == 'it names itself through %s -> %s -> %s' % (FO, WD, FO)


def test_a_route_without_a_backend_or_with_a_disabled_one_answers_503():
    result = plan_of([route('/')])
    assert answer(result) == ('custom-response', 503)
    assert result['unsupported'] == [] and any('has no backend' in note for note in result['notes'])
    disabled = route('/', backend=APP)
    disabled['backend']['enabled'] = False
    result = plan_of([disabled], backends(**TUNNEL_GROUPS))
    assert answer(result) == ('custom-response', 503)
    assert [item['what'] for item in result['unsupported']] == ['backend']
