# -*- coding: utf-8 -*-
# Copyright (c) 2026, community.ngrok contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""/edges/https: create, list, get, update, delete, and the edge modules mutual_tls and tls_termination."""

import re

from .common import get_or_404, list_page, module_get_or_delete, new_object, render_common, update_text
from .errors import invalid
from .reserved_domains import covering
from .route_modules import EDGE_MODULES, EDGE_TABLES, check_edge_module, render_module
from .routes import render_route
from .validation import check

EDGE_TABLE = dict({'description': 'str', 'metadata': 'str', 'hostports': 'str_list'}, **EDGE_TABLES)
HOSTPORT = re.compile(r'^([A-Za-z0-9.*-]+):(\d+)$')
HOSTPORTS_MAX = 10
TEXT_CODES = (7073, 7074)


def find_edge(request, edge_id):
    return get_or_404(request.store['https_edges'], edge_id, 'edghts')


def _check_hostports(store, edge_id, hostports):
    if len(hostports) > HOSTPORTS_MAX:
        raise invalid(7129, 'An HTTPS edge can have at most %d hostports.' % HOSTPORTS_MAX)
    for hostport in hostports:
        match = HOSTPORT.match(hostport)
        if not match:
            raise invalid(7104, 'The hostport `%s` is not of the form host:port.' % hostport)
        if not 1 <= int(match.group(2)) <= 65535:
            raise invalid(7112, 'The port of `%s` is out of range.' % hostport)
        if int(match.group(2)) != 443:
            raise invalid(7116, 'The hostport `%s` must use port 443.' % hostport)
        if covering(store, match.group(1)) is None:
            # The text ngrok-operator's docs quote: "The domain 'something.mydomain.com:443' is not reserved. [ERR_NGROK_7117]"
            raise invalid(7117, "The domain '%s' is not reserved." % hostport)
        # A linear scan: the edge count stays small, and the check must see every other edge.
        for other in store['https_edges']:
            if other['id'] != edge_id and hostport in other['hostports']:
                raise invalid(7122, 'The hostport `%s` is already used by edge %s.' % (hostport, other['id']))


def _apply_edge(store, edge, body):
    if 'hostports' in body:
        _check_hostports(store, edge['id'], body['hostports'])
        edge['hostports'] = list(body['hostports'])
    for name in EDGE_MODULES:
        if name in body:  # a module given replaces the whole module; one left out is untouched
            edge['modules'][name] = check_edge_module(name, body[name])


def render_edge(request, edge):
    result = render_common(edge, '%s/edges/https/%s' % (request.base_url, edge['id']))
    # null, not [], when there are none (ngrok-api-python's recorded HTTPS edge; every recorded TCP edge).
    result['hostports'] = list(edge['hostports']) or None
    for name in EDGE_MODULES:
        result[name] = render_module(request.base_url, name, edge['modules'].get(name))
    result['routes'] = [render_route(request, edge, route) for route in edge['routes']]
    return result


def create_edge(request):
    body = check(EDGE_TABLE, request.body)
    edge = new_object('edghts', body, TEXT_CODES)
    edge.update(hostports=[], modules={}, routes=[])
    _apply_edge(request.store, edge, body)
    request.store['https_edges'].add(edge)
    return 201, render_edge(request, edge)


def list_edges(request):
    return list_page(request, request.store['https_edges'], '/edges/https', 'https_edges', render_edge)


def get_edge(request, item_id):
    return 200, render_edge(request, find_edge(request, item_id))


def update_edge(request, item_id):
    edge = find_edge(request, item_id)
    body = check(EDGE_TABLE, request.body)
    # Work on a copy so a rejected PATCH leaves the edge as it was.
    changed = dict(edge, modules=dict(edge['modules']))
    update_text(changed, body, TEXT_CODES)
    _apply_edge(request.store, changed, body)
    edge.update(changed)
    return 200, render_edge(request, edge)


def delete_edge(request, item_id):
    find_edge(request, item_id)
    request.store['https_edges'].remove(item_id)  # its routes go with it
    return 204, None


def edge_module(request, edge_id, module):
    edge = find_edge(request, edge_id)
    if request.body is None:  # GET or DELETE
        return module_get_or_delete(request, edge['modules'], module, lambda stored: render_module(request.base_url, module, stored))
    edge['modules'][module] = check_edge_module(module, check(EDGE_TABLES[module], request.body))
    return 200, render_module(request.base_url, module, edge['modules'][module])
