# -*- coding: utf-8 -*-
# Copyright (c) 2026, community.ngrok contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""For test suites: start serve.py as a real process and drive its control endpoints (standard library only)."""

import json
import os
import secrets
import signal
import subprocess
import sys
import urllib.request

SERVE = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), 'serve.py')
READY = 'ngrok API emulator listening on '


def _die_with_parent():
    """Linux: SIGTERM the emulator when the process that started it ends, however it ends (a test
    process killed before its cleanup must not leave an emulator holding its output pipe open)."""
    try:
        import ctypes
        ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGTERM)  # PR_SET_PDEATHSIG
    except (AttributeError, OSError):
        pass


class RunningEmulator:
    """A serve.py process: its URL, its API key and its control endpoints.

    It runs on `python`, else $EMULATOR_PYTHON (as for tools/emulator.sh), else this interpreter; `filter` queries
    and YAML traffic policies need one with tests/emulator/requirements.txt installed.
    """

    def __init__(self, *extra_args, api_key=None, python=None):
        self.api_key = api_key or 'test-' + secrets.token_hex(16)
        python = python or os.environ.get('EMULATOR_PYTHON') or sys.executable
        self.process = subprocess.Popen([python, SERVE, '--port', '0', '--api-key', self.api_key] + list(extra_args),
                                        stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, universal_newlines=True,
                                        preexec_fn=_die_with_parent)
        line = self.process.stdout.readline().strip()
        if not line.startswith(READY):
            self.process.kill()
            raise RuntimeError('the emulator did not start: %r' % line)
        self.url = line[len(READY):]

    def stop(self):
        """SIGTERM, then the exit code."""
        self.process.send_signal(signal.SIGTERM)
        return self.process.wait(timeout=10)

    def control(self, method, name, body=None):
        data = None if body is None else json.dumps(body).encode('utf-8')
        request = urllib.request.Request('%s/_emulator/%s' % (self.url, name), data=data, method=method,
                                         headers={'Content-Type': 'application/json'} if data else {})
        with urllib.request.urlopen(request, timeout=10) as response:
            content = response.read()
        return json.loads(content.decode('utf-8')) if content else None

    def reset(self):
        self.control('POST', 'reset')

    def requests(self):
        return self.control('GET', 'requests')['requests']

    def writes(self):
        return [entry for entry in self.requests() if entry['method'] in ('POST', 'PATCH', 'PUT', 'DELETE')]

    def fault(self, **fault):
        self.control('POST', 'faults', {'faults': [fault]})

    def clear_faults(self):
        self.control('DELETE', 'faults')
