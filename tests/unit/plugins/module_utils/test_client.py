# -*- coding: utf-8 -*-
# Copyright (c) 2026, community.ngrok contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""The HTTP client against the emulator: headers, pagination, retries, errors, safe creates."""

from __future__ import absolute_import, division, print_function
__metaclass__ = type

import time

import pytest

from ansible_collections.community.ngrok.plugins.module_utils.client import NgrokClient
from ansible_collections.community.ngrok.plugins.module_utils.errors import NgrokAPIError
from ansible_collections.community.ngrok.plugins.module_utils.version import COLLECTION_VERSION

PATH = '/backends/http_response'


class Sleeps(list):
    """Stands in for time.sleep: records the waits instead of waiting."""

    def __call__(self, seconds):
        self.append(seconds)


def make_client(emulator, **kwargs):
    sleeps = Sleeps()
    client = NgrokClient(emulator.url, kwargs.pop('api_key', emulator.api_key), sleep=sleeps, **kwargs)
    return client, sleeps


def test_session_headers(emulator):
    client, dummy = make_client(emulator)
    headers = client.session.headers
    assert headers['Ngrok-Version'] == '2'
    assert headers['Authorization'] == 'Bearer ' + emulator.api_key
    assert headers['User-Agent'].startswith('community.ngrok/%s ' % COLLECTION_VERSION)


def test_list_follows_every_page_with_limit_100_on_one_connection(emulator):
    for number in range(250):
        emulator.api('POST', PATH, {'description': 'b%d' % number})
    client, dummy = make_client(emulator)
    before = len(emulator.requests())
    items = client.list(PATH, 'backends')
    log = emulator.requests()[before:]
    assert len(items) == 250
    assert len(set(item['id'] for item in items)) == 250
    assert [entry['query'].split('&')[-1] for entry in log] == ['limit=100'] * 3
    assert len(set(entry['connection'] for entry in log)) == 1


def test_list_of_exactly_one_page_is_one_request(emulator):
    for number in range(100):
        emulator.api('POST', PATH, {'description': 'b%d' % number})
    client, dummy = make_client(emulator)
    before = len(emulator.requests())
    assert len(client.list(PATH, 'backends')) == 100
    assert len(emulator.requests()) - before == 1


@pytest.mark.parametrize('status', [429, 502, 503, 504])
def test_transient_errors_are_retried_with_growing_capped_waits(emulator, status):
    emulator.fault(method='GET', path=PATH, status=status, times=4)
    client, sleeps = make_client(emulator, backoff_base=1.0, backoff_cap=3.0)
    assert client.list(PATH, 'backends') == []
    assert len(sleeps) == 4
    for attempt, wait in enumerate(sleeps):
        step = min(3.0, 2 ** attempt)
        assert step / 2 <= wait <= step


def test_retry_after_is_honoured(emulator):
    emulator.fault(method='GET', path=PATH, status=429, times=1, retry_after=7)
    client, sleeps = make_client(emulator)
    client.list(PATH, 'backends')
    assert sleeps == [7.0]


def test_an_exhausted_retry_budget_fails_naming_the_request_and_the_error(emulator):
    emulator.fault(method='GET', path=PATH, status=429, times=10, retry_after=0)
    client, sleeps = make_client(emulator, max_retries=3)
    with pytest.raises(NgrokAPIError) as caught:
        client.list(PATH, 'backends')
    assert len(sleeps) == 3
    assert caught.value.status_code == 429
    assert caught.value.error_code == 'ERR_NGROK_226'
    assert str(caught.value).startswith('GET /backends/http_response failed: HTTP 429 ERR_NGROK_226')


def test_a_dropped_get_is_retried(emulator):
    emulator.fault(method='GET', path=PATH, drop=True, times=1)
    client, sleeps = make_client(emulator)
    assert client.list(PATH, 'backends') == []
    assert len(sleeps) == 1


def test_a_post_is_not_blindly_repeated_after_a_gateway_error(emulator):
    emulator.fault(method='POST', path=PATH, status=503, times=1)
    client, dummy = make_client(emulator)
    with pytest.raises(NgrokAPIError) as caught:
        client.post(PATH, {'description': 'x'})
    assert caught.value.ambiguous
    assert [r['method'] for r in emulator.requests()].count('POST') == 1


def test_a_post_rate_limited_is_repeated(emulator):
    emulator.fault(method='POST', path=PATH, status=429, times=1)
    client, sleeps = make_client(emulator)
    created = client.post(PATH, {'description': 'x'})
    assert created['id'].startswith('bkdhr_')
    assert len(sleeps) == 1
    assert emulator.api('GET', PATH)[1]['backends'] == [created]


def test_create_adopts_an_object_created_by_a_lost_answer(emulator):
    emulator.fault(method='POST', path=PATH, drop=True, phase='after', times=1)
    client, dummy = make_client(emulator)

    def find_created():
        found = [b for b in client.list(PATH, 'backends') if b.get('description') == 'once']
        return found[0] if found else None

    created = client.create(PATH, {'description': 'once'}, find_created)
    backends = emulator.api('GET', PATH)[1]['backends']
    assert [b['id'] for b in backends] == [created['id']]


def test_create_sends_again_when_the_lost_post_did_nothing(emulator):
    emulator.fault(method='POST', path=PATH, status=502, times=2)
    client, sleeps = make_client(emulator)
    created = client.create(PATH, {'description': 'once'}, lambda: None)
    assert created['description'] == 'once'
    assert [r['method'] for r in emulator.requests()].count('POST') == 3
    assert len(emulator.api('GET', PATH)[1]['backends']) == 1


def test_timeout_fails_with_a_clear_message(emulator):
    emulator.fault(method='GET', path=PATH, delay=2.0, times=10)
    client, dummy = make_client(emulator, timeout=0.3, max_retries=1)
    with pytest.raises(NgrokAPIError) as caught:
        client.get(PATH)
    assert str(caught.value) == 'GET /backends/http_response failed: no answer within the timeout of 0.3 seconds'


@pytest.mark.parametrize('api_url, reason', [
    ('http://127.0.0.1:9', 'the connection was refused'),
    ('http://no-such-host.invalid', 'the host name does not resolve'),
])
def test_an_unreachable_api_fails_at_once_with_a_clear_error(emulator, api_url, reason):
    """Retrying cannot help a refused connection or a name that does not resolve: no retry, no wait."""
    sleeps = Sleeps()
    client = NgrokClient(api_url, 'k', sleep=sleeps)
    for method, call in (('GET', lambda: client.get(PATH)), ('POST', lambda: client.create(PATH, {}, lambda: None))):
        with pytest.raises(NgrokAPIError) as caught:
            call()
        assert str(caught.value) == '%s %s failed: could not connect to %s: %s' % (method, PATH, api_url, reason)
        assert not caught.value.ambiguous
    assert sleeps == []


def test_api_errors_are_typed(emulator):
    client, dummy = make_client(emulator)
    with pytest.raises(NgrokAPIError) as caught:
        client.post(PATH, {'status_code': 'x'})
    error = caught.value
    assert error.status_code == 400
    assert error.error_code == 'ERR_NGROK_215'
    assert error.operation_id.startswith('op_')
    assert error.to_dict()['operation_id'] == error.operation_id
    assert error.operation_id in str(error)


def test_a_rejected_key_is_never_printed(emulator):
    client, dummy = make_client(emulator, api_key='not-the-key-1234')
    with pytest.raises(NgrokAPIError) as caught:
        client.get(PATH)
    error = caught.value
    assert error.is_auth_error
    assert 'check the api_key option' in str(error)
    assert 'not-the-key-1234' not in str(error)
    assert 'not-the-key-1234' not in repr(error.to_dict())


def test_404_has_a_status(emulator):
    client, dummy = make_client(emulator)
    with pytest.raises(NgrokAPIError) as caught:
        client.get(PATH + '/bkdhr_2fMuU4sEZ8HgKe5Ff5pJ4NbMb1W')
    assert caught.value.status_code == 404


# -- one object that may not exist: get_if_exists, delete_if_exists -----------------------------------------

def _backend(emulator):
    return PATH + '/' + emulator.api('POST', PATH, {'description': 'x'})[1]['id']


def test_get_if_exists_reads_the_object_or_none(emulator):
    client, dummy = make_client(emulator)
    item = _backend(emulator)
    assert client.get_if_exists(item)['description'] == 'x'
    assert client.get_if_exists(PATH + '/bkdhr_2fMuU4sEZ8HgKe5Ff5pJ4NbMb1W') is None


def test_get_if_exists_lets_other_errors_through(emulator):
    client, dummy = make_client(emulator, max_retries=0)
    emulator.fault(method='GET', status=503)
    with pytest.raises(NgrokAPIError) as caught:
        client.get_if_exists(_backend(emulator))
    assert caught.value.status_code == 503


def test_delete_if_exists_says_whether_this_task_deleted_it(emulator):
    client, dummy = make_client(emulator)
    item = _backend(emulator)
    assert client.delete_if_exists(item) is True
    assert client.delete_if_exists(item) is False
    assert [(e['method'], e['status']) for e in emulator.requests() if e['method'] == 'DELETE'] == [('DELETE', 204), ('DELETE', 404)]


@pytest.mark.parametrize('fault', [{'status': 502}, {'status': 503}, {'status': 504}, {'drop': True}])
def test_a_delete_whose_answer_was_lost_counts_as_done_when_the_retry_finds_it_gone(emulator, fault):
    client, sleeps = make_client(emulator)
    item = _backend(emulator)
    emulator.fault(method='DELETE', path=item, phase='after', **fault)
    assert client.delete_if_exists(item) is True
    assert len(sleeps) == 1
    assert emulator.api('GET', item)[0] == 404


def test_a_delete_refused_with_429_never_happened_so_a_404_after_it_is_someone_elses(emulator):
    item = _backend(emulator)
    emulator.fault(method='DELETE', path=item, status=429)
    # Someone else deletes the object while the client waits to try again.
    client = NgrokClient(emulator.url, emulator.api_key, sleep=lambda seconds: emulator.api('DELETE', item))
    assert client.delete_if_exists(item) is False


def test_a_delete_timed_out_then_found_gone_counts_as_done(emulator):
    item = _backend(emulator)
    emulator.fault(method='DELETE', path=item, delay=1.0)
    # The server processes the slow DELETE after the client gave up; the retry comes after it.
    client = NgrokClient(emulator.url, emulator.api_key, timeout=0.3, sleep=lambda seconds: time.sleep(2.5))
    assert client.delete_if_exists(item) is True
    assert [(e['method'], e['status']) for e in emulator.requests() if e['method'] == 'DELETE'] == [('DELETE', 204), ('DELETE', 404)]


def test_an_error_remembers_that_an_earlier_attempt_lost_its_answer(emulator):
    client, dummy = make_client(emulator, max_retries=1)
    emulator.fault(method='GET', path=PATH, status=502)
    emulator.fault(method='GET', path=PATH, status=400)
    with pytest.raises(NgrokAPIError) as caught:
        client.get(PATH)
    assert caught.value.status_code == 400 and caught.value.after_lost_answer
    emulator.fault(method='GET', path=PATH, status=400)
    with pytest.raises(NgrokAPIError) as caught:
        client.get(PATH)
    assert not caught.value.after_lost_answer


# -- a 404 that is not ngrok's "no such object" ---------------------------------------------------------------

def test_a_404_for_a_path_the_api_does_not_have_is_an_error_naming_the_url_used(emulator):
    """A base URL with a path (".../v2") makes every path unknown to the API: that is no "absent" object."""
    client = NgrokClient(emulator.url + '/v2', emulator.api_key, sleep=Sleeps())
    item = _backend(emulator)
    for call in (client.get_if_exists, client.delete_if_exists):
        with pytest.raises(NgrokAPIError) as caught:
            call(item)
        assert caught.value.status_code == 404 and not caught.value.not_found
        assert emulator.url + '/v2' + item in str(caught.value)
        assert 'check api_url' in str(caught.value)
    assert emulator.api('GET', item)[0] == 200


def test_a_404_that_is_not_an_ngrok_answer_is_an_error(emulator):
    """A web server that is not the API (api_url pointing at the wrong host) answers 404 in HTML."""
    client = NgrokClient(emulator.url + '/_emulator/requests/', emulator.api_key, sleep=Sleeps())
    with pytest.raises(NgrokAPIError) as caught:
        client.get_if_exists('/x')
    assert caught.value.status_code == 404 and not caught.value.not_found
