# -*- coding: utf-8 -*-
# Copyright (c) 2026, community.ngrok contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""The policy picks the route an edge picks: exact before prefix, longer prefix first. Checked by running the
built policy on requests (policy_runner), in both phases, whatever order the API lists the routes in."""

from __future__ import absolute_import, division, print_function
__metaclass__ = type

import itertools

import pytest

from ansible_collections.community.ngrok.plugins.module_utils.migration_precedence import route_selectors

from ansible_collections.community.ngrok.tests.unit.plugins.module_utils.migration_inputs import answer_with, backends, plan_of, route
from ansible_collections.community.ngrok.tests.unit.plugins.module_utils.policy_runner import Request, Runner

ROUTES = [('/', 'path_prefix'), ('/api', 'path_prefix'), ('/api/v2', 'path_prefix'), ('/api', 'exact_path'),
          ('/api/v2/health', 'exact_path'), ('/apix', 'path_prefix'), ('/docs/', 'path_prefix')]
# path -> the route an edge sends it to (most specific match)
EXPECTED = {
    '/': '/ path_prefix',
    '/shop': '/ path_prefix',
    '/api': '/api exact_path',
    '/api/': '/api path_prefix',
    '/api/users': '/api path_prefix',
    '/apix': '/apix path_prefix',
    '/apixy': '/apix path_prefix',
    '/api/v2': '/api/v2 path_prefix',
    '/api/v2/health': '/api/v2/health exact_path',
    '/api/v2/health/deep': '/api/v2 path_prefix',
    '/docs': '/ path_prefix',
    '/docs/intro': '/docs/ path_prefix',
}


def build(order):
    routes, views = [], {}
    for number, (match, match_type) in enumerate(order, 1):
        backend_id = 'bkdhr_%s' % ('b%d' % number).ljust(27, '0')
        views[backend_id] = answer_with('%s %s' % (match, match_type))
        routes.append(route(match, match_type, backend=backend_id, number=number, compression={'enabled': True}))
    return plan_of(routes, backends(**views))


@pytest.mark.parametrize('order', [ROUTES, list(reversed(ROUTES)), [ROUTES[i] for i in (3, 0, 5, 1, 6, 4, 2)]])
def test_each_request_reaches_the_most_specific_route_whatever_the_api_order(order):
    policy = build(order)['traffic_policy']
    runner = Runner(policy)
    for path, served_by in EXPECTED.items():
        outcome = runner.run(Request(path=path))
        assert outcome.answered('custom-response'), path
        assert outcome.answer[1]['body'] == served_by, path


def test_response_rules_apply_to_the_route_that_served_the_request_only():
    """No terminating action in on_http_response: only the selectors keep a less specific route's rules away."""
    runner = Runner(build(ROUTES)['traffic_policy'])
    for path, served_by in EXPECTED.items():
        outcome = runner.run(Request(path=path), phase='on_http_response')
        assert outcome.types == ['compress-response'], path


def test_the_policy_lists_routes_most_specific_first():
    names = [rule['name'] for rule in build(list(reversed(ROUTES)))['traffic_policy']['on_http_request']]
    assert names == [
        '/api/v2/health: backend http response bkdhr_b30000000000000000000000000',
        '/api: backend http response bkdhr_b40000000000000000000000000',
        '/api/v2*: backend http response bkdhr_b50000000000000000000000000',
        '/docs/*: backend http response bkdhr_b10000000000000000000000000',
        '/apix*: backend http response bkdhr_b20000000000000000000000000',
        '/api*: backend http response bkdhr_b60000000000000000000000000',
        '/*: backend http response bkdhr_b70000000000000000000000000',
    ]


def test_a_selector_excludes_only_the_more_specific_routes_that_overlap_it():
    routes = [route(match, match_type, number=n) for n, (match, match_type) in enumerate(ROUTES, 1)]
    selectors = dict((r['match'] + ' ' + r['match_type'], expressions) for r, expressions in route_selectors(routes)[0])
    # /api/v2, /apix and the exact /api are all inside /api: excluding /api excludes them
    assert selectors['/ path_prefix'] == ['req.url.path.startsWith("/")', '!req.url.path.startsWith("/docs/")',
                                          '!req.url.path.startsWith("/api")']
    # "/apix" starts with "/api" too: a plain string prefix, as the edges-to-endpoints guide writes it
    assert selectors['/api path_prefix'] == ['req.url.path.startsWith("/api")', 'req.url.path != "/api"',
                                             '!req.url.path.startsWith("/api/v2")', '!req.url.path.startsWith("/apix")']
    assert selectors['/api/v2/health exact_path'] == ['req.url.path == "/api/v2/health"']


def test_paths_no_route_takes_get_a_404_and_a_slash_route_leaves_none():
    policy = build([('/api', 'path_prefix')])['traffic_policy']
    outcome = Runner(policy).run(Request(path='/elsewhere'))
    assert outcome.answer == ('custom-response', {'status_code': 404})
    assert policy['on_http_request'][-1] == {'name': 'no route matches', 'actions': [
        {'type': 'custom-response', 'config': {'status_code': 404}}]}
    assert all(rule['name'] != 'no route matches' for rule in build(ROUTES)['traffic_policy']['on_http_request'])


def test_a_route_with_the_match_of_another_is_reported_and_left_out():
    result = plan_of([route('/api', number=1), route('/api', number=2)])
    assert [(item['route'], item['what']) for item in result['unsupported']] == [('edghtsrt_r20000000000000000000000000', 'match')]


def test_paths_are_quoted_so_any_character_stays_a_path():
    odd = '/a"b\\c'
    result = plan_of([route(odd, 'exact_path', backend='bkdhr_x', number=1)], backends(bkdhr_x=answer_with('odd')))
    runner = Runner(result['traffic_policy'])
    assert runner.run(Request(path=odd)).answer[1]['body'] == 'odd'
    assert runner.run(Request(path='/a')).answer[1] == {'status_code': 404}


def test_every_order_of_overlapping_routes_gives_the_same_policy():
    matches = [('/a', 'path_prefix'), ('/a/b', 'path_prefix'), ('/a/b/c', 'path_prefix'), ('/a/b', 'exact_path')]
    policies = set()
    for order in itertools.permutations(matches):
        routes = [route(match, match_type, number=matches.index((match, match_type)) + 1) for match, match_type in order]
        policies.add(repr(plan_of(routes)['traffic_policy']))
    assert len(policies) == 1
