# -*- coding: utf-8 -*-
# Copyright (c) 2026, community.ngrok contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""The collection's metadata agrees with its code."""

from __future__ import absolute_import, division, print_function
__metaclass__ = type

import os

import pytest
import yaml

from ansible_collections.community.ngrok.plugins.module_utils.version import COLLECTION_VERSION

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


def _yaml(path):
    with open(os.path.join(ROOT, path)) as handle:
        return yaml.safe_load(handle)


def test_action_group_lists_every_module_and_nothing_else():
    modules = sorted(name[:-3] for name in os.listdir(os.path.join(ROOT, 'plugins', 'modules'))
                     if name.endswith('.py') and name != '__init__.py')
    assert modules, 'no modules found'
    assert sorted(_yaml('meta/runtime.yml')['action_groups']['ngrok']) == modules


def test_user_agent_version_is_the_collection_version():
    assert COLLECTION_VERSION == _yaml('galaxy.yml')['version']


def test_requires_ansible():
    assert _yaml('meta/runtime.yml')['requires_ansible'] == '>=2.19.0'


def _requirements(path):
    with open(os.path.join(ROOT, path)) as handle:
        return [line.strip() for line in handle if line.strip() and not line.startswith('#')]


def test_unit_tests_install_what_their_emulator_needs():
    """The unit tests' emulator runs on the unit tests' interpreter (ansible-test's virtualenv)."""
    emulator = _requirements('tests/emulator/requirements.txt')
    assert emulator and set(emulator) <= set(_requirements('tests/unit/requirements.txt'))


@pytest.mark.parametrize('guide, example', [('cloud_endpoints', 'cloud_endpoints'), ('moving_edges_to_endpoints', 'edge_migration')])
def test_a_guide_shows_its_example_playbook_as_it_is(guide, example):
    """docs/docsite/rst/<guide>.rst shows examples/<example>.yml (its first yaml+jinja block), which make demo runs."""
    with open(os.path.join(ROOT, 'examples', example + '.yml')) as handle:
        example = handle.read()
    with open(os.path.join(ROOT, 'docs', 'docsite', 'rst', guide + '.rst')) as handle:
        guide = handle.read()
    block = guide.split('.. code-block:: yaml+jinja\n\n', 1)[1]
    shown = []
    for line in block.splitlines():
        if line and not line.startswith('   '):
            break
        shown.append(line[3:])
    assert '\n'.join(shown).strip('\n') == example[example.index('\n- name: ') + 1:].strip('\n')
