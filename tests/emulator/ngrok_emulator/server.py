# -*- coding: utf-8 -*-
# Copyright (c) 2026, community.ngrok contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""HTTP/1.1 keep-alive server: checks every API request the way api.ngrok.com does (auth, version,
query, content type), applies faults and the rate limit, dispatches, and logs it."""

import itertools
import json
import sys
import threading
import time
import traceback
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlsplit

from . import api_routes
from .common import Request
from .control import Fault, Faults, RateLimit, RequestLog
from .errors import ApiError
from .ids import operation_id
from .store import Store

BODY_METHODS = ('POST', 'PATCH', 'PUT')


class Emulator:
    """Everything the server holds; one lock serialises all state changes."""

    def __init__(self, api_key=None, rate_limit=None, control=True):
        self.api_key = api_key
        self.control = control  # False: /_emulator/* is an unknown path of the API, like on api.ngrok.com
        self.lock = threading.Lock()
        self.store = Store()
        self.log = RequestLog()
        self.faults = Faults()
        self.rate_limit = RateLimit(rate_limit)
        self.connections = itertools.count(1)
        self.epoch = 0  # bumped by every reset

    def is_control(self, path):
        return self.control and path.startswith('/_emulator/')

    def reset(self):
        self.epoch += 1
        self.store.reset()
        self.log = RequestLog()
        self.faults = Faults()
        self.rate_limit.reset()

    # -- the API -------------------------------------------------------------------------------

    def check_auth(self, headers):
        value = headers.get('Authorization')
        if value is None:
            raise ApiError(403, 200, 'The request did not include an Authorization header.')
        scheme, dummy, token = value.strip().partition(' ')
        token = token.strip()
        if scheme.lower() not in ('bearer', 'basic') or not token:
            raise ApiError(403, 201, 'The Authorization header could not be parsed. Use "Authorization: Bearer <API key>".')
        if self.api_key is not None and token != self.api_key:
            # The real API quotes the credential back; clients must never print this message.
            raise ApiError(403, 202, 'The authentication credential "%s" does not look like a valid API key.' % token)

    @staticmethod
    def check_version(headers):
        version = headers.get('Ngrok-Version')
        if version is None:
            raise ApiError(400, 218, 'Your request has not specified an API version. Supported versions: 2.')
        if version.strip() != '2':
            raise ApiError(400, 217, 'The API version "%s" is invalid or unsupported. Supported versions: 2.' % version)

    @staticmethod
    def parse_query(raw, allowed):
        try:
            pairs = parse_qs(raw, keep_blank_values=True, strict_parsing=bool(raw))
        except ValueError:
            raise ApiError(400, 230, 'The query string could not be parsed.')
        query = {}
        for name, values in pairs.items():
            if name not in allowed:
                raise ApiError(400, 231, 'The query parameter `%s` is unknown.%s' % (
                    name, ' Supported parameters: %s.' % ', '.join(sorted(allowed)) if allowed else ''))
            if len(values) > 1:
                raise ApiError(400, 232, 'The query parameter `%s` was given more than once.' % name)
            query[name] = values[0]
        return query

    @staticmethod
    def parse_body(method, headers, raw):
        content_type = (headers.get('Content-Type') or '').split(';')[0].strip().lower()
        if method not in BODY_METHODS:
            if raw:
                raise ApiError(400, 211, 'A %s request must not have a body.' % method)
            return None
        if not raw and not content_type:
            return {}
        if not content_type:
            raise ApiError(400, 216, 'The request has a body but no Content-Type header.')
        if content_type != 'application/json':
            raise ApiError(415, 210, 'The Content-Type "%s" is not supported; use application/json.' % content_type)
        try:
            return json.loads(raw.decode('utf-8')) if raw else {}
        except ValueError:
            raise ApiError(400, 213, 'The request body is not valid JSON.')

    def handle_api(self, method, path, raw_query, headers, raw_body, base_url):
        """(status, body) of one API request."""
        try:
            self.check_auth(headers)
            self.check_version(headers)
            with self.lock:
                if not self.rate_limit.allow():
                    raise ApiError(429, 226, 'Your account is rate limited to %d API requests per minute.' % self.rate_limit.limit)
            handler, groups, query_names = api_routes.find(method, path)
            if handler is None:
                return 404, {'status_code': 404, 'msg': 'Not Found', 'details': {'path': path}}
            query = self.parse_query(raw_query, query_names)
            body = self.parse_body(method, headers, raw_body)
            with self.lock:
                return handler(Request(method, self.store, base_url, body, query), **groups)
        except ApiError as error:
            return error.status, error.body()
        except Exception:  # pylint: disable=broad-except
            # An emulator bug must show up as a failed request (and a traceback on stderr), not a dead connection.
            traceback.print_exc(file=sys.stderr)
            return 500, {'status_code': 500, 'msg': 'Internal emulator error (see its stderr).',
                         'details': {'operation_id': operation_id()}}


def fault_answer(fault):
    if fault.status == 429:
        return ApiError(429, 226, 'Your account is rate limited to 120 API requests per minute.').body()
    if fault.status >= 500:
        return {'status_code': fault.status, 'msg': 'Service Unavailable' if fault.status == 503 else 'Bad Gateway',
                'details': {'operation_id': operation_id()}}
    return ApiError(fault.status, 9999, 'Injected error (emulator fault).').body()


class Handler(BaseHTTPRequestHandler):
    protocol_version = 'HTTP/1.1'
    # Headers and body go out in separate writes; with Nagle on, each answer waits for a delayed ACK (~40 ms).
    disable_nagle_algorithm = True
    server_version = 'ngrok-api-emulator'
    sys_version = ''

    def setup(self):
        super().setup()
        self.connection_number = next(self.server.emulator.connections)

    def log_message(self, format, *args):  # pylint: disable=redefined-builtin
        if self.server.verbose:
            super().log_message(format, *args)

    def do_GET(self):  # pylint: disable=invalid-name
        self.dispatch()

    do_POST = do_PATCH = do_PUT = do_DELETE = do_HEAD = do_OPTIONS = do_GET

    def read_body(self):
        """The raw request body; None when it cannot be read (bad Content-Length, truncated body)."""
        if 'chunked' in (self.headers.get('Transfer-Encoding') or '').lower():
            return self._read_chunked()
        length = (self.headers.get('Content-Length') or '0').strip()
        if not length.isdigit() or not length.isascii():
            return None
        raw = self.rfile.read(int(length)) if int(length) else b''
        return raw if len(raw) == int(length) else None

    def _read_chunked(self):
        chunks = []
        while True:
            size = self.rfile.readline(65537).split(b';')[0].strip()
            try:
                size = int(size, 16)
            except ValueError:
                return None
            if size == 0:
                while self.rfile.readline(65537) not in (b'\r\n', b'\n', b''):
                    pass  # trailers
                return b''.join(chunks)
            chunks.append(self.rfile.read(size))
            self.rfile.readline(65537)

    def send_json(self, status, body, extra_headers=None, api=True):
        payload = b'' if body is None else json.dumps(body).encode('utf-8')
        self.send_response(status)
        if body is not None:
            self.send_header('Content-Type', 'application/json')
        self.send_header('Content-Length', str(len(payload)))
        if api:
            # Every API answer names its operation; an error body's operation_id is the same one.
            details = body.get('details') if isinstance(body, dict) else None
            op_id = details.get('operation_id') if isinstance(details, dict) else None
            self.send_header('Ngrok-Operation-Id', op_id or operation_id())
        for name, value in (extra_headers or {}).items():
            self.send_header(name, value)
        self.end_headers()
        if payload and self.command != 'HEAD':
            self.wfile.write(payload)

    def dispatch(self):
        emulator = self.server.emulator
        parts = urlsplit(self.path)
        raw_body = self.read_body()
        if raw_body is None:
            # The body's length is unknown, so the connection cannot carry another request.
            self.close_connection = True
            if not emulator.is_control(parts.path):
                with emulator.lock:
                    emulator.log.add(self.command, parts.path, parts.query, 400, self.connection_number)
            error = ApiError(400, 212, 'The request body could not be read completely (bad Content-Length or truncated body).')
            self.send_json(400, error.body())
            return
        if emulator.is_control(parts.path):
            self.control(parts.path, raw_body)
            return
        with emulator.lock:
            fault = emulator.faults.take(self.command, parts.path)
            epoch = emulator.epoch
        if fault is not None and fault.delay:
            time.sleep(fault.delay)
            if epoch != emulator.epoch:
                # Reset while this request waited: it belongs to the time before, drop it unlogged.
                self.close_connection = True
                return
        status = None
        if fault is None or not fault.breaks or fault.phase == 'after':
            base_url = 'http://%s' % (self.headers.get('Host') or '%s:%s' % self.server.server_address[:2])
            status, body = emulator.handle_api(self.command, parts.path, parts.query, self.headers, raw_body, base_url)
        if fault is not None and fault.breaks:
            status = None if fault.drop else fault.status
        # Logged before answering: a client that has its answer must find its request in the log.
        with emulator.lock:
            emulator.log.add(self.command, parts.path, parts.query, status, self.connection_number)
        if fault is not None and fault.breaks:
            self.send_fault(fault)
        else:
            self.send_json(status, body)

    def send_fault(self, fault):
        """Answer (or drop the connection without answering) as the fault says."""
        if fault.drop:
            self.close_connection = True
            return
        headers = {'Retry-After': str(fault.retry_after)} if fault.retry_after is not None else None
        self.send_json(fault.status, fault_answer(fault), headers)

    def control(self, path, raw_body):
        emulator = self.server.emulator
        command = (self.command, path)
        with emulator.lock:
            if command == ('GET', '/_emulator/requests'):
                self.send_json(200, {'requests': list(emulator.log.entries)}, api=False)
            elif command == ('POST', '/_emulator/reset'):
                emulator.reset()
                self.send_json(204, None, api=False)
            elif command == ('POST', '/_emulator/faults'):
                try:
                    faults = [Fault(spec) for spec in json.loads(raw_body.decode('utf-8') or '{}').get('faults', [])]
                except (ValueError, TypeError, AttributeError) as error:
                    self.send_json(400, {'msg': 'bad fault: %s' % error}, api=False)
                    return
                emulator.faults.queue.extend(faults)
                self.send_json(204, None, api=False)
            elif command == ('DELETE', '/_emulator/faults'):
                emulator.faults = Faults()
                self.send_json(204, None, api=False)
            else:
                self.send_json(404, {'msg': 'unknown control endpoint %s %s' % command}, api=False)


class Server(ThreadingHTTPServer):
    daemon_threads = True
    allow_reuse_address = True
    # Many clients connect at once (parallel test workers); the default backlog of 5 makes the kernel drop SYNs,
    # which costs a client a one-second retransmit.
    request_queue_size = 128

    def __init__(self, address, emulator, verbose=False):
        super().__init__(address, Handler)
        self.emulator = emulator
        self.verbose = verbose
