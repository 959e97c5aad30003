# -*- coding: utf-8 -*-
# Copyright (c) 2026, community.ngrok contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""Benchmark helper: writes the wall time of every task, and where the emulator's request log stood when it
started (BENCH_EMULATOR), to the JSON file named by BENCH_TIMES."""

from __future__ import absolute_import, division, print_function
__metaclass__ = type

import json
import os
import time
from urllib.request import urlopen

from ansible.plugins.callback import CallbackBase

DOCUMENTATION = '''
name: task_times
type: aggregate
short_description: Record task wall times for tools/bench.py
description:
  - Writes a list of {name, seconds, log} to the file named by the BENCH_TIMES environment variable; log is
    the length of the emulator's request log (BENCH_EMULATOR) when the task started.
'''


class CallbackModule(CallbackBase):
    CALLBACK_VERSION = 2.0
    CALLBACK_TYPE = 'aggregate'
    CALLBACK_NAME = 'task_times'
    CALLBACK_NEEDS_ENABLED = True

    def __init__(self):
        super(CallbackModule, self).__init__()
        self.times = []
        self.current = None

    def v2_playbook_on_task_start(self, task, is_conditional):
        self.current = (task.get_name(), self._log_length(), time.monotonic())

    @staticmethod
    def _log_length():
        if not os.environ.get('BENCH_EMULATOR'):
            return None
        with urlopen(os.environ['BENCH_EMULATOR'] + '/_emulator/requests', timeout=10) as answer:
            return len(json.load(answer)['requests'])

    def _done(self, failed):
        name, log, started = self.current
        self.times.append({'name': name, 'seconds': time.monotonic() - started, 'log': log, 'failed': failed})

    def v2_runner_on_ok(self, result):
        self._done(False)

    def v2_runner_on_failed(self, result, ignore_errors=False):
        self._done(True)

    def v2_playbook_on_stats(self, stats):
        with open(os.environ['BENCH_TIMES'], 'w') as handle:
            json.dump(self.times, handle)
