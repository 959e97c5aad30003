# -*- coding: utf-8 -*-
# Copyright (c) 2026, community.ngrok contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""Which handler serves which method and path of the ngrok API."""

import re

from . import backends, edges, endpoints, ip_policies, ip_policy_rules, reserved_domains, routes
from .route_modules import EDGE_MODULES, ROUTE_MODULES

BACKEND_TYPES = '(?P<kind>http_response|tunnel_group|weighted|failover|static)'
ID = '(?P<item_id>[^/]+)'
EDGE = '/edges/https/(?P<edge_id>[^/]+)'
ROUTE = EDGE + '/routes/' + ID
MODULE = '/(?P<module>%s)'
# The query parameters an operation takes: lists page with before_id/limit; the lists of the
# current (non-deprecated) resources also take a CEL `filter` (the spec names it on exactly those).
PAGED = frozenset(['before_id', 'limit'])
FILTERED = PAGED | frozenset(['filter'])
QUERY = {False: frozenset(), True: PAGED, 'filter': FILTERED}

# (method, path pattern, handler, is a list endpoint: False, True, or 'filter' for a list that takes `filter`)
ROUTES = [
    ('POST', '/backends/' + BACKEND_TYPES, backends.create, False),
    ('GET', '/backends/' + BACKEND_TYPES, backends.list_, True),
    ('GET', '/backends/%s/%s' % (BACKEND_TYPES, ID), backends.get, False),
    ('PATCH', '/backends/%s/%s' % (BACKEND_TYPES, ID), backends.update, False),
    ('DELETE', '/backends/%s/%s' % (BACKEND_TYPES, ID), backends.delete, False),
    ('POST', '/ip_policies', ip_policies.create, False),
    ('GET', '/ip_policies', ip_policies.list_, 'filter'),
    ('GET', '/ip_policies/' + ID, ip_policies.get, False),
    ('PATCH', '/ip_policies/' + ID, ip_policies.update, False),
    ('DELETE', '/ip_policies/' + ID, ip_policies.delete, False),
    ('POST', '/ip_policy_rules', ip_policy_rules.create, False),
    ('GET', '/ip_policy_rules', ip_policy_rules.list_, 'filter'),
    ('GET', '/ip_policy_rules/' + ID, ip_policy_rules.get, False),
    ('PATCH', '/ip_policy_rules/' + ID, ip_policy_rules.update, False),
    ('DELETE', '/ip_policy_rules/' + ID, ip_policy_rules.delete, False),
    ('POST', '/reserved_domains', reserved_domains.create, False),
    ('GET', '/reserved_domains', reserved_domains.list_, 'filter'),
    ('GET', '/reserved_domains/' + ID, reserved_domains.get, False),
    ('PATCH', '/reserved_domains/' + ID, reserved_domains.update, False),
    ('DELETE', '/reserved_domains/' + ID, reserved_domains.delete, False),
    ('DELETE', '/reserved_domains/%s/(?P<part>certificate|certificate_management_policy)' % ID, reserved_domains.detach, False),
    ('POST', '/endpoints', endpoints.create, False),
    ('GET', '/endpoints', endpoints.list_, 'filter'),
    ('GET', '/endpoints/' + ID, endpoints.get, False),
    ('PATCH', '/endpoints/' + ID, endpoints.update, False),
    ('DELETE', '/endpoints/' + ID, endpoints.delete, False),
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
    """(handler, path groups, the query parameters it takes), or (None, None, no parameters)."""
    for route_method, pattern, handler, is_list in COMPILED:
        match = pattern.match(path)
        if match and route_method == method:
            return handler, match.groupdict(), QUERY[is_list]
    return None, None, QUERY[False]
