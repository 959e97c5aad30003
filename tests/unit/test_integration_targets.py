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

from ansible_collections.community.ngrok.tests.unit.declarations import declared_resources

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
    # What replaces edges runs against the real API: IP policies and internal endpoints need no domain.
    for name in ('ngrok_ip_policy', 'ngrok_ip_policy_info', 'ngrok_cloud_endpoint', 'ngrok_cloud_endpoint_info'):
        assert not marked(name, 'needs/emulator-control') and not marked(name, 'needs/reserved-domain'), name
    for name in ('ngrok_reserved_domain', 'ngrok_reserved_domain_info'):
        assert not marked(name, 'needs/emulator-control') and marked(name, 'needs/reserved-domain'), name


def live_targets():
    for name in sorted(os.listdir(TARGETS)):
        if os.path.isfile(os.path.join(TARGETS, name, 'aliases')) and not marked(name, 'hidden') \
                and not marked(name, 'needs/emulator-control'):
            yield name


def cleans_up(task):
    return 'tasks_from' in str(task) and 'cleanup' in str(task) and 'setup_ngrok' in str(task)


def module_tasks(tasks):
    """The tasks (blocks opened) that run a module of this collection."""
    for task in tasks or []:
        if any(key in task for key in BLOCK_KEYS):
            for key in BLOCK_KEYS:
                yield from module_tasks(task.get(key))
        elif any(key.startswith('community.ngrok.') for key in task):
            yield task


@pytest.mark.parametrize('target', list(live_targets()))
def test_every_live_target_deletes_what_it_made_whatever_happens(target):
    """Against the real API only cleanup.yml in `always` keeps a failed run from leaving objects behind: every
    task of the target that runs a module is in a block that ends with it."""
    entry = os.path.join(TARGETS, target, 'tasks', 'main.yml')
    if not os.path.exists(entry):
        entry = os.path.join(TARGETS, target, 'playbook.yml')
    with open(entry) as handle:
        content = yaml.safe_load(handle)
    tasks = [task for play in content for task in play['tasks']] if 'hosts' in content[0] else content
    blocks = [task for task in tasks if 'block' in task]
    assert blocks and all(any(cleans_up(task) for task in block.get('always') or []) for block in blocks)
    assert list(module_tasks([task for task in tasks if 'block' not in task])) == []


def test_the_cleanup_knows_every_type_the_modules_make():
    """cleanup.yml finds the run's objects in the lists of ngrok_lists; objects that live inside another are
    deleted with it (routes) or found through it (an IP policy's rules, by their own path)."""
    with open(os.path.join(TARGETS, 'setup_ngrok', 'defaults', 'main.yml')) as handle:
        lists = set((entry['path'], entry['key']) for entry in yaml.safe_load(handle)['ngrok_lists'])
    with open(os.path.join(TARGETS, 'setup_ngrok', 'tasks', 'cleanup.yml')) as handle:
        cleanup = handle.read()
    declared = declared_resources()
    children = [child.resource for resource in declared for child in resource.children]
    assert children
    for resource in declared:
        if resource.parent is not None:
            continue
        if any(resource is child for child in children):
            assert resource.path in cleanup, resource.kind
        else:
            assert (resource.path, resource.list_key) in lists, resource.kind
