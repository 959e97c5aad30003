# -*- coding: utf-8 -*-
# Copyright (c) 2026, community.ngrok contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""Edges, routes and backends for the migration tests, in the shapes the API answers and read through the
collection's declarations, as the migration module reads them."""

from __future__ import absolute_import, division, print_function
__metaclass__ = type

from ansible_collections.community.ngrok.plugins.module_utils.backends import BACKENDS
from ansible_collections.community.ngrok.plugins.module_utils.edges import HTTPS_EDGE, ROUTE
from ansible_collections.community.ngrok.plugins.module_utils.migration import plan
from ansible_collections.community.ngrok.plugins.module_utils.migration_backends import backend_type

EDGE_ID = 'edghts_2fsOHHxtBmEvOwnmWQLkRIwSFHa'


def edge(hostports=('shop.example.com:443',), **edge_modules):
    return HTTPS_EDGE.view(dict({'id': EDGE_ID, 'description': 'shop', 'hostports': list(hostports), 'routes': []}, **edge_modules))


def route(match, match_type='path_prefix', backend=None, number=1, **route_modules):
    """A route as the API answers it; ``backend`` is a backend id."""
    api_route = {'id': 'edghtsrt_%s' % ('r%d' % number).ljust(27, '0'), 'edge_id': EDGE_ID, 'match': match, 'match_type': match_type}
    if backend is not None:
        api_route['backend'] = {'enabled': True, 'backend': {'id': backend, 'uri': 'https://api.ngrok.com/backends/x/' + backend}}
    api_route.update(route_modules)
    return ROUTE.view(api_route)


def backends(**api_backends):
    """``{id: view}`` from backends as the API answers them, keyed by id."""
    return dict((backend_id, BACKENDS[backend_type(backend_id)].view(dict(body, id=backend_id)))
                for backend_id, body in api_backends.items())


def answer_with(name):
    """An HTTP response backend whose body names it: which one answers tells which route served."""
    return {'body': name, 'status_code': 200, 'headers': {}}


def plan_of(routes, backend_views=None, options=None, the_edge=None):
    return plan(the_edge or edge(), routes, backend_views or {}, options)
