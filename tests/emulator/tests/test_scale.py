# -*- coding: utf-8 -*-
# Copyright (c) 2026, community.ngrok contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""Lists stay fast with 10,000 objects. The objects are made in-process (10,000 HTTP creates would
take seconds), the list requests go over HTTP through the same handlers."""

import time

from ngrok_emulator import backends, endpoints, filtering
from ngrok_emulator.common import Request
from ngrok_emulator.store import Store, list_order

HR = '/backends/http_response'
POLICY = '{"on_http_request":[{"actions":[{"type":"deny"}]}]}'


def test_list_pages_of_ten_thousand_objects_take_milliseconds():
    store = Store()
    for number in range(10000):
        backends.create(Request('POST', store, 'http://x', {'description': str(number)}), 'http_response')
    ids = [item_id for dummy, item_id in store['http_response'].order]  # ascending list order
    assert ids == sorted(ids, key=list_order) and len(set(ids)) == 10000
    started = time.perf_counter()
    status, first = backends.list_(Request('GET', store, 'http://x', query={}), 'http_response')
    status, middle = backends.list_(Request('GET', store, 'http://x', query={'before_id': ids[5000], 'limit': '100'}), 'http_response')
    elapsed = time.perf_counter() - started
    assert status == 200 and [b['id'] for b in first['backends']] == ids[::-1][:100]
    assert [b['id'] for b in middle['backends']] == ids[4900:5000][::-1]
    assert middle['next_page_uri'] == 'http://x%s?before_id=%s&limit=100' % (HR, ids[4900])
    assert elapsed < 0.1, elapsed
    started = time.perf_counter()
    backends.delete(Request('DELETE', store, 'http://x'), 'http_response', ids[1234])
    assert time.perf_counter() - started < 0.05


def test_walking_all_pages_over_http(api, emulator):
    for number in range(300):
        api.call('POST', HR, {'metadata': str(number)}, expect=201)
    path, requests = HR, 0
    started = time.perf_counter()
    while path:
        page = api.call('GET', path, expect=200)
        requests += 1
        path = page['next_page_uri'] and page['next_page_uri'][len(emulator.url):]
    assert requests == 3 and time.perf_counter() - started < 1


def test_a_filtered_page_of_ten_thousand_endpoints_takes_milliseconds(monkeypatch):
    """A lookup by description (what a module's no-op does) over 10,000 endpoints: the equality narrows the scan
    to the stored descriptions, and the answer is the CEL evaluator's own over every endpoint."""
    store = Store()
    for number in range(10000):
        body = {'type': 'cloud', 'url': 'https://svc%d.internal' % number, 'traffic_policy': POLICY, 'description': 'endpoint %d' % number}
        endpoints.create(Request('POST', store, 'http://x', body))
    filtering.cel()  # the one-off import of cel-python is not part of a lookup
    query = {'filter': 'obj.description == "endpoint 1234"', 'limit': '100'}
    started = time.perf_counter()
    status, page = endpoints.list_(Request('GET', store, 'http://x', query=query))
    elapsed = time.perf_counter() - started
    assert status == 200 and [item['description'] for item in page['endpoints']] == ['endpoint 1234'] and page['next_page_uri'] is None
    assert elapsed < 0.1, elapsed
    monkeypatch.setattr(filtering, 'narrowing', lambda tree, stored: None)  # every endpoint through celpy
    started = time.perf_counter()
    assert endpoints.list_(Request('GET', store, 'http://x', query=query))[1] == page
    print('filtered lookup over 10,000 endpoints: %.1f ms narrowed, %.0f ms evaluating every endpoint'
          % (elapsed * 1000, (time.perf_counter() - started) * 1000))
