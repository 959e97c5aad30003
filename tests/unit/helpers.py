# -*- coding: utf-8 -*-
# Copyright (c) 2026, community.ngrok contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""Running a module's main() in a test, the way Ansible runs it."""

from __future__ import absolute_import, division, print_function
__metaclass__ = type

import io
import json
import sys
from urllib.parse import parse_qs

from ansible.module_utils.common import warnings as module_warnings
from ansible.module_utils.testing import patch_module_args


def module_args(emulator, **args):
    """Module arguments with the emulator's connection settings."""
    args.setdefault('api_url', emulator.url)
    args.setdefault('api_key', emulator.api_key)
    return args


def run_module(main, args, check_mode=False):
    """Run a module's main() like Ansible does; returns its result dict (failed or not)."""
    args = dict(args, _ansible_check_mode=check_mode, _ansible_diff=True)
    # A module runs in a process of its own: warnings of an earlier run must not show up in this one.
    for pending in (getattr(module_warnings, '_global_warnings', None), getattr(module_warnings, '_global_deprecations', None)):
        if pending is not None:
            pending.clear()
    captured = _Capture()
    with patch_module_args(args):
        with captured:
            try:
                main()
            except SystemExit:
                pass
    return json.loads(captured.text)


def run_logged(emulator, module, check_mode=False, **args):
    """Run ``module`` with ``args`` against the emulator: (its result, the requests it made)."""
    before = len(emulator.requests())
    result = run_module(module.main, module_args(emulator, **args), check_mode=check_mode)
    return result, emulator.requests()[before:]


def filtered_calls(log):
    """(method, path, the ``filter`` query or None) of each request, after checking they all shared one TCP
    connection."""
    assert len(set(entry['connection'] for entry in log)) <= 1
    return [(entry['method'], entry['path'], parse_qs(entry['query']).get('filter', [None])[0]) for entry in log]


def warning_messages(result):
    """The texts of a result's warnings (ansible-core 2.19 returns them as structured summaries)."""
    return [item['event']['msg'] if isinstance(item, dict) else item for item in result.get('warnings', [])]


class _Capture:
    """Collects what a module prints on stdout (its JSON result)."""

    def __init__(self):
        self.text = ''
        self._stdout = None

    def __enter__(self):
        self._stdout = sys.stdout
        sys.stdout = io.StringIO()
        return self

    def __exit__(self, *exc):
        self.text = sys.stdout.getvalue()
        sys.stdout = self._stdout
        return False
