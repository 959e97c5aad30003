# -*- coding: utf-8 -*-
# Copyright (c) 2026, community.ngrok contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""Unit tests talk real HTTP to the collection's ngrok API emulator (tests/emulator)."""

from __future__ import absolute_import, division, print_function
__metaclass__ = type

import os
import secrets
import signal
import subprocess
import sys

import pytest
import requests

SERVE = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), 'emulator', 'serve.py')
READY = 'ngrok API emulator listening on '


class Emulator:
    """A running emulator: its URL, its API key and its control endpoints."""

    def __init__(self, url, api_key):
        self.url = url
        self.api_key = api_key

    def _control(self, method, path, body=None):
        response = requests.request(method, self.url + '/_emulator/' + path, json=body, timeout=10)
        response.raise_for_status()
        return response.json() if response.content else None

    def reset(self):
        self._control('POST', 'reset')

    def requests(self):
        return self._control('GET', 'requests')['requests']

    def writes(self):
        return [r for r in self.requests() if r['method'] in ('POST', 'PATCH', 'PUT', 'DELETE')]

    def fault(self, **fault):
        self._control('POST', 'faults', {'faults': [fault]})

    def api(self, method, path, body=None):
        """A raw API call, bypassing the collection's client."""
        response = requests.request(method, self.url + path, json=body, timeout=10, headers={
            'Authorization': 'Bearer ' + self.api_key, 'Ngrok-Version': '2'})
        return response.status_code, (response.json() if response.content else None)


@pytest.fixture(scope='session')
def emulator_process():
    api_key = 'test-' + secrets.token_hex(16)
    process = subprocess.Popen([sys.executable, SERVE, '--port', '0', '--api-key', api_key],
                               stdout=subprocess.PIPE, universal_newlines=True)
    line = process.stdout.readline().strip()
    if not line.startswith(READY):
        process.kill()
        pytest.fail('the emulator did not start: %r' % line)
    try:
        yield Emulator(line[len(READY):], api_key)
    finally:
        process.send_signal(signal.SIGTERM)
        process.wait(timeout=10)


@pytest.fixture
def emulator(emulator_process):
    """The session's emulator, emptied before each test."""
    emulator_process.reset()
    return emulator_process
