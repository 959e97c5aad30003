# -*- coding: utf-8 -*-
# Copyright (c) 2026, community.ngrok contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""The integration targets run against the real API (make integration-live): every use of the emulator's
control endpoints (request log, faults, reset) is guarded by ngrok_emulator_control, unless the target is
marked needs/emulator-control and so left out there. make test runs only some targets that way
(make integration-live-emulator); this reads all of them."""

from __future__ import absolute_import, division, print_function
__metaclass__ = type

import glob
import os
import re

import pytest
import yaml

TARGETS = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), 'integration', 'targets')
# What only the emulator's control endpoints answer: the request log (and the variables read from it), the
# faults and the reset.
CONTROL = re.compile(r'_emulator/|ngrok_log\b|ngrok_log_length|ngrok_requests_since_mark|ngrok_writes_since_mark|tasks_from: fault\b')
GUARD = 'ngrok_emulator_control'
BLOCK_KEYS = ('block', 'rescue', 'always')


def marked(target, alias):
    with open(os.path.join(TARGETS, target, 'aliases')) as handle:
        return alias in handle.read().split()


def unguarded(tasks, guarded=False):
    """The names of the tasks that use a control endpoint outside a when: on ngrok_emulator_control."""
    for task in tasks or []:
        if not isinstance(task, dict):
            continue
        here = guarded or GUARD in str(task.get('when', ''))
        if any(key in task for key in BLOCK_KEYS):
            for key in BLOCK_KEYS:
                yield from unguarded(task.get(key), here)
        elif not here and CONTROL.search(yaml.safe_dump(task, width=10000)):
            yield task.get('name', '(unnamed task)')


def task_files():
    for path in sorted(glob.glob(os.path.join(TARGETS, '*', 'tasks', '*.yml')) + glob.glob(os.path.join(TARGETS, '*', '*.yml'))):
        target = os.path.relpath(path, TARGETS).split(os.sep, maxsplit=1)[0]
        if marked(target, 'needs/emulator-control') or os.path.basename(path) == 'secrets.yml':
            continue  # left out of live runs; not tasks
        if path.endswith(os.path.join('setup_ngrok', 'tasks', 'fault.yml')):
            continue  # queues faults: checked where it is included (tasks_from: fault)
        yield os.path.relpath(path, TARGETS)


@pytest.mark.parametrize('path', list(task_files()))
def test_control_endpoints_are_used_only_where_there_are_some(path):
    with open(os.path.join(TARGETS, path)) as handle:
        content = yaml.safe_load(handle)
    plays = content if content and all('hosts' in item for item in content) else [{'tasks': content}]
    found = [name for play in plays for name in unguarded(play.get('tasks'))]
    assert found == [], 'guard these with `when: %s` (or mark the target needs/emulator-control)' % GUARD


def test_the_control_defaults_come_from_the_configuration():
    """What the guard reads, and that reading the log without control endpoints fails instead of passing."""
    with open(os.path.join(TARGETS, 'setup_ngrok', 'defaults', 'main.yml')) as handle:
        defaults = yaml.safe_load(handle)
    assert 'ngrok_emulator_url' in defaults[GUARD]
    assert defaults['ngrok_log'].startswith("{{ lookup('ansible.builtin.url', ngrok_emulator_url")


def test_the_markers_are_in_use():
    """make integration-live excludes by these aliases, and ansible-test refuses an exclude matching nothing."""
    targets = [name for name in os.listdir(TARGETS) if os.path.isfile(os.path.join(TARGETS, name, 'aliases'))]
    assert 'ngrok_api_errors' in [name for name in targets if marked(name, 'needs/emulator-control')]
    assert 'ngrok_https_edge' in [name for name in targets if marked(name, 'needs/reserved-domain')]
