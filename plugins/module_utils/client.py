# -*- coding: utf-8 -*-
# Copyright (c) 2026, community.ngrok contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""The one HTTP client of the collection: a requests.Session per task, retries, pagination, typed errors."""

from __future__ import absolute_import, division, print_function
__metaclass__ = type

import random
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

from urllib.parse import urlsplit

from ansible_collections.community.ngrok.plugins.module_utils.version import COLLECTION_VERSION

PAGE_LIMIT = 100
# ngrok counts 120 requests per account in a rolling minute: 8 retries wait 1, 2, 4, 8, 16, 30, 30 and 30 s
# at most (half that at least), enough for a window to roll over even when many forks share the limit.
MAX_RETRIES = 8
RETRY_STATUSES = frozenset((429, 502, 503, 504))
# ngrok auth error codes (missing, malformed, invalid credential, API key id instead of key, ...).
# Their messages can quote the credential back, so they are never shown.
AUTH_ERROR_CODES = frozenset('ERR_NGROK_%d' % code for code in (200, 201, 202, 203, 206, 207, 208))
MASK = '********'


class NgrokAPIError(Exception):
    """A failed request: an HTTP error answer from ngrok, or no usable answer at all (status_code None).

    ``ambiguous`` is True when a create may have happened although no answer says so
    (connection lost or gateway error after the request was sent); ``late`` when the server may
    still be working on it (no answer within the timeout).
    """

    def __init__(self, method, path, status_code=None, error_code=None, msg=None, operation_id=None,
                 ambiguous=False, retry_after=None, late=False):
        self.method = method
        self.path = path
        self.status_code = status_code
        self.error_code = error_code
        self.msg = msg or ''
        self.operation_id = operation_id
        self.ambiguous = ambiguous
        self.retry_after = retry_after
        self.late = late
        super(NgrokAPIError, self).__init__(self.describe())

    @property
    def is_auth_error(self):
        return self.status_code == 401 or self.error_code in AUTH_ERROR_CODES

    def describe(self):
        where = '%s %s' % (self.method, self.path)
        if self.status_code is None:
            return '%s failed: %s' % (where, self.msg)
        text = 'HTTP %s' % self.status_code
        if self.error_code:
            text += ' %s' % self.error_code
        if self.is_auth_error:
            text += ': ngrok rejected the API key; check the api_key option or NGROK_API_KEY'
        elif self.msg:
            text += ': %s' % self.msg
        if self.operation_id:
            text += ' (operation id %s)' % self.operation_id
        return '%s failed: %s' % (where, text)

    def to_dict(self):
        return {
            'method': self.method,
            'path': self.path,
            'status_code': self.status_code,
            'error_code': self.error_code,
            'msg': MASK if self.is_auth_error else self.msg,
            'operation_id': self.operation_id,
        }


def _retry_after(headers):
    value = headers.get('Retry-After')
    try:
        return max(0.0, float(value))
    except (TypeError, ValueError):
        return None


def _never_reached_server(exc):
    """True when the connection was refused or never established: the server cannot have acted."""
    if isinstance(exc, requests.exceptions.ConnectTimeout):
        return True
    reason = getattr(exc.args[0], 'reason', None) if exc.args else None
    return isinstance(reason, NewConnectionError)


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

    def delete(self, path):
        return self.request('DELETE', path)

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

    def list(self, path, key):
        """Every item of a list endpoint, following next_page_uri to the end, PAGE_LIMIT per page."""
        items = []
        page = '%s?limit=%d' % (path, PAGE_LIMIT)
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
        url = self.base_url + path
        display_path = path.split('?', 1)[0]
        attempt = 0
        while True:
            try:
                response = self.session.request(method, url, json=body, timeout=self.timeout)
            except requests.exceptions.RequestException as exc:
                error = self._transport_error(method, display_path, exc)
                # A POST whose request may have reached the server is never repeated here: the caller
                # decides (the resource engine looks the object up before trying again).
                retriable = method != 'POST' or not error.ambiguous
                if not retriable or attempt >= self.max_retries:
                    raise error
                self._sleep(self._backoff(attempt))
                attempt += 1
                continue

            if response.status_code < 400:
                return response.json() if response.content else None
            error = self._http_error(method, display_path, response)
            # 429 means "not processed"; a 5xx from a gateway may hide a processed POST.
            retriable = response.status_code in RETRY_STATUSES and (method != 'POST' or response.status_code == 429)
            if not retriable or attempt >= self.max_retries:
                raise error
            self._sleep(self._backoff(attempt, error.retry_after))
            attempt += 1

    def _transport_error(self, method, path, exc):
        if _never_reached_server(exc):
            return NgrokAPIError(method, path, msg='could not connect to %s: %s' % (self.base_url, self._scrub(str(exc))))
        if isinstance(exc, requests.exceptions.Timeout):
            text = 'no answer within the timeout of %s seconds' % self.timeout
            if method == 'POST':
                text += '; the object may have been created anyway: run the task again to find it'
            return NgrokAPIError(method, path, msg=text, ambiguous=True, late=True)
        return NgrokAPIError(method, path, msg='connection lost before an answer arrived (%s)' % self._scrub(str(exc)), ambiguous=True)

    def _http_error(self, method, path, response):
        try:
            data = response.json()
        except ValueError:
            data = None
        if not isinstance(data, dict):
            data = {'msg': (response.text or response.reason or '').strip()[:300]}
        details = data.get('details') if isinstance(data.get('details'), dict) else {}
        return NgrokAPIError(
            method, path,
            status_code=response.status_code,
            error_code=data.get('error_code'),
            msg=self._scrub(str(data.get('msg') or response.reason or '')),
            operation_id=details.get('operation_id') or response.headers.get('Ngrok-Operation-Id'),
            ambiguous=method == 'POST' and response.status_code in RETRY_STATUSES and response.status_code != 429,
            retry_after=_retry_after(response.headers),
        )
