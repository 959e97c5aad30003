# -*- coding: utf-8 -*-
# Copyright (c) 2026, community.ngrok contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""The backend types, declared once: their modules, ngrok_backend_info, the options that name "any backend"
and the search for a backend's users all read BACKENDS."""

from __future__ import absolute_import, division, print_function
__metaclass__ = type

from ansible_collections.community.ngrok.plugins.module_utils.fields import HeaderMap, Integer, StringMap, Text
from ansible_collections.community.ngrok.plugins.module_utils.references import AnyOf, RefList, WeightedRefs
from ansible_collections.community.ngrok.plugins.module_utils.resource import Resource

# API type name ("http_response", as in /backends/http_response) -> Resource: the only table of backend
# types. Filled by _backend below, in declaration order.
BACKENDS = {}
# What a weighted or failover backend (or a route's backend route module) can name: any backend type,
# by id or by description.
ANY_BACKEND = AnyOf('backend', BACKENDS)


def _no_equals_sign(labels):
    bad = sorted(key for key, value in labels.items() if '=' in str(key) or '=' in str(value))
    return 'a label key or value must not contain "=" (%s)' % ', '.join(bad) if bad else None


def _backend(kind, api_type, prefix, fields, readonly=(), server_sets=None):
    """Declare a backend type and enter it in BACKENDS; all share their list key and result key."""
    resource = Resource(kind=kind, path='/backends/' + api_type, list_key='backends', id_prefix=prefix,
                        result_key='backend', fields=fields, readonly=readonly, server_sets=server_sets)
    BACKENDS[api_type] = resource
    return resource


HTTP_RESPONSE = _backend('HTTP response backend', 'http_response', 'bkdhr_', [
    Text('body'),
    HeaderMap('headers'),
    Integer('status_code', minimum=100, maximum=599),
])

# An update without labels is not known to keep them on every API version: always send them.
TUNNEL_GROUP = _backend('tunnel group backend', 'tunnel_group', 'bkdtg_', [
    StringMap('labels', send_always=True, validate=_no_equals_sign),
], readonly=('tunnels',), server_sets={'tunnels': []})

# A PATCH without backends empties them: always send the whole map / list.
WEIGHTED = _backend('weighted backend', 'weighted', 'bkdwd_', [WeightedRefs('backends', ANY_BACKEND, send_always=True)])
FAILOVER = _backend('failover backend', 'failover', 'bkdfo_', [RefList('backends', ANY_BACKEND, send_always=True)])
