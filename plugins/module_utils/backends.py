# -*- coding: utf-8 -*-
# Copyright (c) 2026, community.ngrok contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""The four backend types, declared once: their modules, ngrok_backend_info and references use them."""

from __future__ import absolute_import, division, print_function
__metaclass__ = type

from ansible_collections.community.ngrok.plugins.module_utils.context import backend_referrers
from ansible_collections.community.ngrok.plugins.module_utils.fields import Integer, StringMap, Text
from ansible_collections.community.ngrok.plugins.module_utils.references import BackendList, BackendWeights
from ansible_collections.community.ngrok.plugins.module_utils.resource import Resource


def _no_equals_sign(labels):
    bad = sorted(key for key, value in labels.items() if '=' in str(key) or '=' in str(value))
    return 'a label key or value must not contain "=" (%s)' % ', '.join(bad) if bad else None


def _backend(kind, api_type, prefix, fields, readonly=()):
    """A backend type: all four share their list key, result key and the rule for deleting one in use."""
    return Resource(kind=kind, path='/backends/' + api_type, list_key='backends', id_prefix=prefix, result_key='backend',
                    referrers=backend_referrers, fields=fields, readonly=readonly)


HTTP_RESPONSE = _backend('HTTP response backend', 'http_response', 'bkdhr_', [
    Text('body'),
    StringMap('headers', lower_keys=True),
    Integer('status_code', minimum=100, maximum=599),
])

# An update without labels is not known to keep them on every API version: always send them.
TUNNEL_GROUP = _backend('tunnel group backend', 'tunnel_group', 'bkdtg_', [
    StringMap('labels', send_always=True, validate=_no_equals_sign),
], readonly=('tunnels',))

# A PATCH without backends empties them: always send the whole map / list.
WEIGHTED = _backend('weighted backend', 'weighted', 'bkdwd_', [BackendWeights('backends', send_always=True)])
FAILOVER = _backend('failover backend', 'failover', 'bkdfo_', [BackendList('backends', send_always=True)])

BACKENDS = {
    'http_response': HTTP_RESPONSE,
    'tunnel_group': TUNNEL_GROUP,
    'weighted': WEIGHTED,
    'failover': FAILOVER,
}
