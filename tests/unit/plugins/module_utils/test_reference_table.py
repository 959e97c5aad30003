# -*- coding: utf-8 -*-
# Copyright (c) 2026, community.ngrok contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""The table of references is complete: every option that names other objects has its row (no API)."""

from __future__ import absolute_import, division, print_function
__metaclass__ = type

from ansible_collections.community.ngrok.plugins.module_utils.reference_table import REFERENCES
from ansible_collections.community.ngrok.tests.unit.declarations import declared_resources


def naming_options(fields, prefix=''):
    """Dotted paths of the options (route and edge module sub-options included) that name other objects."""
    for field in fields:
        if hasattr(field, 'targets'):
            yield prefix + field.name
        yield from naming_options(getattr(field, 'options', []), prefix + field.name + '.')


def test_every_option_naming_other_objects_has_a_row():
    rows = set((id(row.source), '.'.join(row.path)) for row in REFERENCES)
    options = [(resource, path) for resource in declared_resources() for path in naming_options(resource.fields)]
    assert len(options) >= 3
    missing = ['%s: %s' % (resource.kind, path) for resource, path in options if (id(resource), path) not in rows]
    assert missing == [], 'add these to reference_table.REFERENCES'


def test_every_row_names_declared_types():
    declared = declared_resources()
    for row in REFERENCES:
        assert any(row.source is resource for resource in declared)
        assert row.targets.resources and all(any(target is resource for resource in declared) for target in row.targets.resources)
