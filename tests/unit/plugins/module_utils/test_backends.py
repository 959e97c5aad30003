# -*- coding: utf-8 -*-
# Copyright (c) 2026, community.ngrok contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""BACKENDS, the one table of backend types, and what reads it (no API)."""

from __future__ import absolute_import, division, print_function
__metaclass__ = type

from ansible_collections.community.ngrok.plugins.module_utils.backends import ANY_BACKEND, BACKENDS
from ansible_collections.community.ngrok.plugins.module_utils.info import Listing
from ansible_collections.community.ngrok.plugins.module_utils.reference_table import REFERENCES


def test_each_type_is_declared_once_under_its_api_name():
    assert list(BACKENDS) == ['http_response', 'tunnel_group', 'weighted', 'failover']
    for api_type, resource in BACKENDS.items():
        assert resource.path == '/backends/' + api_type
        assert (resource.list_key, resource.result_key) == ('backends', 'backend')
    assert len(set(resource.id_prefix for resource in BACKENDS.values())) == len(BACKENDS)


def test_any_backend_and_ngrok_backend_info_cover_every_type():
    assert ANY_BACKEND.resources == list(BACKENDS.values())
    assert Listing('backends', BACKENDS, noun='backend').argument_spec()['type']['choices'] == ['all'] + sorted(BACKENDS)


def test_the_types_with_children_are_the_sources_of_rows_naming_backends():
    with_children = [row.source.kind for row in REFERENCES if row.targets is ANY_BACKEND and row.source in BACKENDS.values()]
    assert with_children == ['weighted backend', 'failover backend']
