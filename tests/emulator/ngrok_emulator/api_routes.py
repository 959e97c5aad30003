# -*- coding: utf-8 -*-
# Copyright (c) 2026, community.ngrok contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""Which handler serves which method and path of the ngrok API."""

import re

from . import backends, edges, ip_policies, routes
from .route_modules import EDGE_MODULES, ROUTE_MODULES

BACKEND_TYPES = '(?P<kind>http_response|tunnel_group|weighted|failover|static)'
ID = '(?P<item_id>[^/]+)'
EDGE = '/edges/https/(?P<edge_id>[^/]+)'
ROUTE = EDGE + '/routes/' + ID
MODULE = '/(?P<module>%s)'

# (method, path pattern, handler, is a list endpoint)
ROUTES = [
    ('POST', '/backends/' + BACKEND_TYPES, backends.create, False),
    ('GET', '/backends/' + BACKEND_TYPES, backends.list_, True),
    ('GET', '/backends/%s/%s' % (BACKEND_TYPES, ID), backends.get, False),
    ('PATCH', '/backends/%s/%s' % (BACKEND_TYPES, ID), backends.update, False),
    ('DELETE', '/backends/%s/%s' % (BACKEND_TYPES, ID), backends.delete, False),
    ('POST', '/ip_policies', ip_policies.create, False),
    ('GET', '/ip_policies', ip_policies.list_, True),
    ('GET', '/ip_policies/' + ID, ip_policies.get, False),
    ('PATCH', '/ip_policies/' + ID, ip_policies.update, False),
    ('DELETE', '/ip_policies/' + ID, ip_policies.delete, False),
    ('POST', '/edges/https', edges.create_edge, False),
    ('GET', '/edges/https', edges.list_edges, True),
    ('GET', '/edges/https/' + ID, edges.get_edge, False),
    ('PATCH', '/edges/https/' + ID, edges.update_edge, False),
    ('DELETE', '/edges/https/' + ID, edges.delete_edge, False),
    ('POST', EDGE + '/routes', routes.create_route, False),
    ('GET', ROUTE, routes.get_route, False),
    ('PATCH', ROUTE, routes.update_route, False),
    ('DELETE', ROUTE, routes.delete_route, False),
]
# Edge modules and route modules: PUT replaces, GET reads, DELETE removes.
for _method in ('PUT', 'GET', 'DELETE'):
    ROUTES.append((_method, EDGE + MODULE % '|'.join(EDGE_MODULES), edges.edge_module, False))
    ROUTES.append((_method, ROUTE + MODULE % '|'.join(ROUTE_MODULES), routes.route_module, False))
COMPILED = [(method, re.compile('^%s$' % pattern), handler, is_list) for method, pattern, handler, is_list in ROUTES]


def find(method, path):
    """(handler, path groups, is a list endpoint), or (None, None, False)."""
    for route_method, pattern, handler, is_list in COMPILED:
        match = pattern.match(path)
        if match and route_method == method:
            return handler, match.groupdict(), is_list
    return None, None, False
