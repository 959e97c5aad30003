# -*- coding: utf-8 -*-
# Copyright (c) 2026, community.ngrok contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""The emulator under test runs as a real process; tests speak HTTP to it."""

import http.client
import json
import os
import sys
from urllib.parse import urlsplit

import pytest

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

from ngrok_emulator.testing import RunningEmulator  # noqa: E402  pylint: disable=wrong-import-position


class Api:
    """HTTP to the emulator. One keep-alive connection unless fresh=True."""

    def __init__(self, emulator):
        self.emulator = emulator
        parts = urlsplit(emulator.url)
        self.host, self.port = parts.hostname, parts.port
        self.connection = None
        self.seen = []  # (method, path, status, body) of every answer, for the conformance test

    def raw(self, method, path, body=None, headers=None, fresh=False):
        """(status, headers, parsed body) for any request; ``body`` is sent as given (bytes or JSON-able)."""
        send = dict(headers if headers is not None else self.headers())
        payload = body
        if body is not None and not isinstance(body, bytes):
            payload = json.dumps(body).encode('utf-8')
            send.setdefault('Content-Type', 'application/json')
        connection = http.client.HTTPConnection(self.host, self.port, timeout=10) if fresh else self._connection()
        connection.request(method, path, body=payload, headers=send)
        response = connection.getresponse()
        content = response.read()
        parsed = json.loads(content.decode('utf-8')) if content else None
        self.seen.append((method, path.split('?')[0], response.status, parsed))
        return response.status, response, parsed

    def _connection(self):
        if self.connection is None:
            self.connection = http.client.HTTPConnection(self.host, self.port, timeout=10)
        return self.connection

    def headers(self):
        return {'Authorization': 'Bearer ' + self.emulator.api_key, 'Ngrok-Version': '2'}

    def call(self, method, path, body=None, expect=None):
        status, dummy, parsed = self.raw(method, path, body)
        if expect is not None:
            assert status == expect, (method, path, status, parsed)
        return parsed

    def error(self, method, path, body=None, status=400):
        """The error_code of a request expected to fail with ``status``."""
        got, dummy, parsed = self.raw(method, path, body)
        assert got == status, (method, path, got, parsed)
        assert parsed['status_code'] == status
        assert parsed['details']['operation_id'].startswith('op_')
        return parsed.get('error_code')


@pytest.fixture(scope='session')
def emulator_process():
    emulator = RunningEmulator()
    yield emulator
    emulator.stop()


@pytest.fixture
def emulator(emulator_process):
    emulator_process.reset()
    return emulator_process


@pytest.fixture
def api(emulator):
    client = Api(emulator)
    yield client
    if client.connection is not None:
        client.connection.close()
