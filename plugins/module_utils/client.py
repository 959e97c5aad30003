# -*- coding: utf-8 -*-
# Copyright (c) 2026, community.ngrok contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""The one HTTP client of the collection: a requests.Session per task, retries, pagination, typed errors."""

from __future__ import absolute_import, division, print_function
__metaclass__ = type

import random
import socket
import time
import traceback

try:
    import requests
    from urllib3.exceptions import NewConnectionError
    HAS_REQUESTS = True
    REQUESTS_IMPORT_ERROR = None
except ImportError:
    HAS_REQUESTS = False
    REQUESTS_IMPORT_ERROR = traceback.format_exc()

from urllib.parse import quote, urlsplit

from ansible_collections.community.ngrok.plugins.module_utils.errors import MASK, NgrokAPIError
from ansible_collections.community.ngrok.plugins.module_utils.version import COLLECTION_VERSION

PAGE_LIMIT = 100
# ngrok counts 120 requests per account in a rolling minute: 8 retries wait 1, 2, 4, 8, 16, 30, 30 and 30 s
# at most (half that at least), enough for a window to roll over even when many forks share the limit.
MAX_RETRIES = 8
RETRY_STATUSES = frozenset((429, 502, 503, 504))
# A gateway answering one of these may have passed the request on first: it may have been processed.
MAYBE_PROCESSED_STATUSES = RETRY_STATUSES - frozenset((429,))


def _retry_after(headers):
    value = headers.get('Retry-After')
    try:
        return max(0.0, float(value))
    except (TypeError, ValueError):
        return None


def _never_reached_server(exc):
    """True when the connection was refused or never established: the server cannot have acted."""
    return isinstance(exc, requests.exceptions.ConnectTimeout) or _cannot_connect(exc) is not None


def _cannot_connect(exc):
    """Why no connection could be made at all, or None: the connection was refused, the host name does not
    resolve, the network is unreachable. Retrying cannot help those (a typo in api_url would cost minutes
    per task); a connection that timed out or was lost mid-request can be transient and is retried."""
    reason = getattr(exc.args[0], 'reason', None) if exc.args else None
    if not isinstance(reason, NewConnectionError):  # urllib3's NameResolutionError is one too
        return None
    cause = reason.__cause__ or reason.__context__
    if isinstance(cause, socket.gaierror):
        return 'the host name does not resolve'
    if isinstance(cause, ConnectionRefusedError):
        return 'the connection was refused'
    return str(cause or reason)


class NgrokClient:
    """Talks to the ngrok API. Create one per task: its Session keeps one TCP connection alive."""

    def __init__(self, api_url, api_key, timeout=30, validate_certs=True,
                 max_retries=MAX_RETRIES, backoff_base=1.0, backoff_cap=30.0, sleep=None):
        self.base_url = api_url.rstrip('/')
        self.timeout = timeout
        self.max_retries = max_retries
        self.backoff_base = backoff_base
        self.backoff_cap = backoff_cap
        self._api_key = api_key
        self._sleep = time.sleep if sleep is None else sleep  # looked up now, so tests can replace time.sleep
        self.session = requests.Session()
        self.session.verify = validate_certs
        self.session.headers.update({
            'Authorization': 'Bearer %s' % api_key,
            'Ngrok-Version': '2',
            'Accept': 'application/json',
            'User-Agent': 'community.ngrok/%s python-requests/%s' % (COLLECTION_VERSION, requests.__version__),
        })

    # -- public API -------------------------------------------------------

    def get(self, path):
        return self.request('GET', path)

    def post(self, path, body):
        return self.request('POST', path, body)

    def patch(self, path, body):
        return self.request('PATCH', path, body)

    def put(self, path, body):
        return self.request('PUT', path, body)

    def create(self, path, body, find_created):
        """POST that never duplicates an object. When a POST fails without telling whether it was
        processed (connection lost, gateway 5xx), ``find_created()`` looks the object up: found means
        the create happened; not found means it is safe to send it again. A create without an answer
        in time is not sent again: the server may still make it, and a second one would duplicate it."""
        attempt = 0
        while True:
            try:
                return self.request('POST', path, body)
            except NgrokAPIError as error:
                if not error.ambiguous or error.late or attempt >= self.max_retries:
                    raise
                self._sleep(self._backoff(attempt, error.retry_after))
                attempt += 1
                found = find_created()
                if found is not None:
                    return found

    def list(self, path, key, cel_filter=None):
        """Every item of a list endpoint, following next_page_uri to the end, PAGE_LIMIT per page; with
        ``cel_filter``, only the items it selects (the ``filter`` query, see server_filter.py)."""
        items = []
        page = '%s?limit=%d' % (path, PAGE_LIMIT)
        if cel_filter is not None:
            page += '&filter=' + quote(cel_filter, safe='')
        while page:
            body = self.request('GET', page)
            items.extend(body.get(key) or [])
            page = self._relative(body.get('next_page_uri'))
        return items

    # -- internals ---------------------------------------------------------

    def _relative(self, uri):
        """Path and query of a next_page_uri. Requests always go to our own base URL, so the API key
        never travels to a host the user did not configure."""
        if not uri:
            return None
        parts = urlsplit(uri)
        return parts.path + ('?' + parts.query if parts.query else '')

    def _scrub(self, text):
        return text.replace(self._api_key, MASK) if self._api_key and text else text

    def _backoff(self, attempt, retry_after=None):
        """Seconds to wait before retry number ``attempt`` (0-based): Retry-After when sent, else capped
        exponential backoff with jitter (between half and all of the step) so parallel forks spread out."""
        if retry_after is not None:
            return min(retry_after, 2 * self.backoff_cap)
        step = min(self.backoff_cap, self.backoff_base * (2 ** attempt))
        return step / 2 + random.uniform(0, step / 2)

    def request(self, method, path, body=None):
        """One API call, retried on 429, 502/503/504 and lost connections with capped backoff. A POST
        that may have been processed is never repeated here: the caller decides (see create)."""
        url = self.base_url + path
        display_path = path.split('?', 1)[0]
        display_url = self.base_url + display_path
        attempt = 0
        earlier_attempt_ambiguous = False
        while True:
            try:
                response = self.session.request(method, url, json=body, timeout=self.timeout)
            except requests.exceptions.RequestException as exc:
                error = self._transport_error(method, display_path, exc, display_url)
                transient = _cannot_connect(exc) is None
            else:
                if response.status_code < 400:
                    return response.json() if response.content else None
                error = self._http_error(method, display_path, response, display_url)
                transient = response.status_code in RETRY_STATUSES
            error.after_lost_answer = earlier_attempt_ambiguous
            if not transient or (method == 'POST' and error.ambiguous) or attempt >= self.max_retries:
                raise error
            earlier_attempt_ambiguous = earlier_attempt_ambiguous or error.ambiguous
            self._sleep(self._backoff(attempt, error.retry_after))
            attempt += 1

    def get_if_exists(self, path):
        """The object at ``path``, or None when there is none."""
        return self._if_exists('GET', path)[1]

    def delete_if_exists(self, path):
        """DELETE ``path`` (an object, or a module of an edge or route): True when this task deleted it,
        False when it was gone already (someone else deleted it meanwhile)."""
        return self._if_exists('DELETE', path)[0]

    def _if_exists(self, method, path):
        """(done, answer) of a request on one object that may not exist; (False, None) when the API says
        there is no such object (NgrokAPIError.not_found). The only place that catches "not found".

        A retry answered "not found" after an attempt whose answer was lost (gateway 5xx, dropped
        connection, timeout) reads as done: that attempt may have been processed, and the object the
        task read before is gone either way. A 404 to the first attempt, or after a 429 (never
        processed), means someone else removed it."""
        try:
            return True, self.request(method, path)
        except NgrokAPIError as error:
            if not error.not_found:
                raise
            return error.after_lost_answer, None

    def _transport_error(self, method, path, exc, url):
        if _never_reached_server(exc):
            why = _cannot_connect(exc) or str(exc)
            return NgrokAPIError(method, path, msg='could not connect to %s: %s' % (self.base_url, self._scrub(why)), url=url)
        if isinstance(exc, requests.exceptions.Timeout):
            text = 'no answer within the timeout of %s seconds' % self.timeout
            if method == 'POST':
                text += '; the object may have been created anyway: run the task again to find it'
            return NgrokAPIError(method, path, msg=text, ambiguous=True, late=True, url=url)
        return NgrokAPIError(method, path, msg='connection lost before an answer arrived (%s)' % self._scrub(str(exc)),
                             ambiguous=True, url=url)

    def _http_error(self, method, path, response, url):
        try:
            answer = response.json()
        except ValueError:
            answer = None
        data = answer if isinstance(answer, dict) else {'msg': (response.text or response.reason or '').strip()[:300]}
        details = data.get('details') if isinstance(data.get('details'), dict) else {}
        return NgrokAPIError(
            method, path, answer=answer, url=url,
            status_code=response.status_code,
            error_code=data.get('error_code'),
            msg=self._scrub(str(data.get('msg') or response.reason or '')),
            operation_id=details.get('operation_id') or response.headers.get('Ngrok-Operation-Id'),
            ambiguous=response.status_code in MAYBE_PROCESSED_STATUSES,
            retry_after=_retry_after(response.headers),
        )
