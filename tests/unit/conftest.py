# -*- coding: utf-8 -*-
# Copyright (c) 2026, community.ngrok contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""Unit tests talk real HTTP to the collection's ngrok API emulator (tests/emulator)."""

from __future__ import absolute_import, division, print_function
__metaclass__ = type

import os
import sys

import pytest
import requests

sys.path.insert(0, os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), 'emulator'))

from ngrok_emulator.testing import RunningEmulator  # noqa: E402  pylint: disable=wrong-import-position


class Emulator(RunningEmulator):
    def api(self, method, path, body=None):
        """A raw API call, bypassing the collection's client."""
        response = requests.request(method, self.url + path, json=body, timeout=10, headers={
            'Authorization': 'Bearer ' + self.api_key, 'Ngrok-Version': '2'})
        return response.status_code, (response.json() if response.content else None)

    def reserve(self, *domains):
        """Reserve domains behind the modules' back: an HTTPS edge's hostports must be reserved domains."""
        for domain in domains:
            status, answer = self.api('POST', '/reserved_domains', {'domain': domain})
            assert status == 201, answer


# ansible-test runs every unit test in a fork of its own (its ansible_forked plugin), where a session
# fixture would start an emulator per test and never stop it. So each pytest process starts one before
# its tests are forked and stops it at its end; the forks share it (each test resets it first).
_STARTED = {}


def pytest_configure(config):
    if getattr(config.option, 'numprocesses', None) and not hasattr(config, 'workerinput'):
        return  # the pytest-xdist controller runs no test itself
    _STARTED['emulator'], _STARTED['pid'] = Emulator(), os.getpid()


def pytest_unconfigure(config):
    if _STARTED.get('pid') == os.getpid():  # never from a test's fork
        _STARTED.pop('emulator').stop()


@pytest.fixture
def emulator():
    """The emulator of this pytest process, emptied before each test."""
    emulator = _STARTED['emulator']
    emulator.reset()
    return emulator
