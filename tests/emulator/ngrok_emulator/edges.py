# -*- coding: utf-8 -*-
# Copyright (c) 2026, community.ngrok contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""/edges/https and its routes, with the per-module PUT/GET/DELETE endpoints of both."""

import re

from .common import get_or_404, list_page, new_object, render_common, update_text
from .errors import invalid, not_found
from .ids import looks_like, new_id, rfc3339
from .route_modules import (EDGE_MODULES, EDGE_TABLES, ROUTE_MODULES, SESSION_MODULES, TABLES, check_edge_module,
                            check_module, render_module)
from .validation import check, description_and_metadata

EDGE_TABLE = dict({'description': 'str', 'metadata': 'str', 'hostports': 'str_list'}, **EDGE_TABLES)
ROUTE_TABLE = dict({'description': 'str', 'metadata': 'str', 'match_type': 'str', 'match': 'str'}, **TABLES)
MATCH_TYPES = ('exact_path', 'path_prefix')
HOSTPORT = re.compile(r'^([A-Za-z0-9.*-]+):(\d+)$')
HOSTPORTS_MAX = 10
MATCH_MAX = 255
TEXT_CODES = (7073, 7074)


# -- edges -------------------------------------------------------------------------------------

def _edge(request, edge_id):
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
        for other in store['https_edges']:
            if other['id'] != edge_id and hostport in other['hostports']:
                raise invalid(7122, 'The hostport `%s` is already used by edge %s.' % (hostport, other['id']))


def _apply_edge(store, edge, body):
    if 'hostports' in body:
        _check_hostports(store, edge['id'], body['hostports'])
        edge['hostports'] = list(body['hostports'])
    for name in EDGE_MODULES:
        if name in body:  # a module given replaces the whole module
            edge['modules'][name] = check_edge_module(name, body[name])


def render_edge(request, edge):
    result = render_common(edge, '%s/edges/https/%s' % (request.base_url, edge['id']))
    result['hostports'] = list(edge['hostports'])
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
    return 200, render_edge(request, _edge(request, item_id))


def update_edge(request, item_id):
    edge = _edge(request, item_id)
    body = check(EDGE_TABLE, request.body)
    changed = dict(edge, modules=dict(edge['modules']))
    update_text(changed, body, TEXT_CODES)
    _apply_edge(request.store, changed, body)
    edge.update(changed)
    return 200, render_edge(request, edge)


def delete_edge(request, item_id):
    _edge(request, item_id)
    request.store['https_edges'].remove(item_id)  # its routes go with it
    return 204, None


def edge_module(request, edge_id, module):
    edge = _edge(request, edge_id)
    if request.body is None:  # GET or DELETE
        return _module_get_or_delete(request, edge['modules'], module, lambda stored: render_module(request.base_url, module, stored))
    edge['modules'][module] = check_edge_module(module, check(EDGE_TABLES[module], request.body))
    return 200, render_module(request.base_url, module, edge['modules'][module])


def _module_get_or_delete(request, modules, name, render):
    if request.method == 'DELETE':
        modules.pop(name, None)  # deleting a module that is not set is not an error
        return 204, None
    if modules.get(name) is None:
        raise not_found()
    return 200, render(modules[name])


# -- routes ------------------------------------------------------------------------------------

def _route(request, edge_id, route_id):
    edge = _edge(request, edge_id)
    for route in edge['routes']:
        if route['id'] == route_id and looks_like(route_id, 'edghtsrt'):
            return edge, route
    raise not_found()


def render_route(request, edge, route):
    uri = '%s/edges/https/%s/routes/%s' % (request.base_url, edge['id'], route['id'])
    result = render_common(route, uri)
    result.update(edge_id=edge['id'], match_type=route['match_type'], match=route['match'], policy=None)
    for name in ROUTE_MODULES:
        result[name] = render_module(request.base_url, name, route['modules'].get(name), route['id'])
    return result


def _check_route(edge, route):
    """Rules spanning the route and its edge, checked on the route as it would be after the write."""
    if route['match_type'] not in MATCH_TYPES:
        raise invalid(7130, 'Invalid match type `%s`; valid values are exact_path and path_prefix.' % route['match_type'])
    if not route['match']:
        raise invalid(7123, 'A route needs a match expression.')
    if not route['match'].startswith('/'):
        raise invalid(7131, 'The route selector `%s` must look like /path.' % route['match'])
    if len(route['match']) > MATCH_MAX:
        raise invalid(7135, 'The route selector is longer than %d characters.' % MATCH_MAX)
    others = [other for other in edge['routes'] if other['id'] != route['id']]
    if any(other['match'] == route['match'] for other in others):
        raise invalid(7126, 'The match `%s` must be unique within the edge.' % route['match'])
    sessions = [name for name in SESSION_MODULES if route['modules'].get(name)]
    if len(sessions) > 1:
        raise invalid(7079, 'Only one of SAML, OIDC or OAuth can be used on a route.')
    if sessions and any(other['modules'].get(name) for other in others for name in SESSION_MODULES):
        raise invalid(7155, 'OAuth, OIDC or SAML on more than one route of an edge is not supported.')


def _apply_route(store, route, body):
    for name in ('match_type', 'match'):
        if name in body:
            route[name] = body[name]
    for name in ROUTE_MODULES:
        if name in body:  # a module given replaces the whole module
            route['modules'][name] = check_module(store, name, body[name])


def create_route(request, edge_id):
    edge = _edge(request, edge_id)
    body = check(ROUTE_TABLE, request.body)
    description_and_metadata(body, TEXT_CODES)
    route_id, seconds = new_id('edghtsrt')
    route = {'id': route_id, 'created_at': rfc3339(seconds), 'description': body.get('description', ''),
             'metadata': body.get('metadata', ''), 'match_type': body.get('match_type', ''), 'match': body.get('match', ''),
             'modules': {}}
    _apply_route(request.store, route, body)
    _check_route(edge, route)
    edge['routes'].append(route)
    return 201, render_route(request, edge, route)


def get_route(request, edge_id, item_id):
    edge, route = _route(request, edge_id, item_id)
    return 200, render_route(request, edge, route)


def update_route(request, edge_id, item_id):
    edge, route = _route(request, edge_id, item_id)
    body = check(ROUTE_TABLE, request.body)
    changed = dict(route, modules=dict(route['modules']))
    update_text(changed, body, TEXT_CODES)
    _apply_route(request.store, changed, body)
    _check_route(edge, changed)
    route.update(changed)
    return 200, render_route(request, edge, route)


def delete_route(request, edge_id, item_id):
    edge, route = _route(request, edge_id, item_id)
    edge['routes'].remove(route)
    return 204, None


def route_module(request, edge_id, item_id, module):
    edge, route = _route(request, edge_id, item_id)

    def render(stored):
        return render_module(request.base_url, module, stored, route['id'])
    if request.body is None:  # GET or DELETE
        return _module_get_or_delete(request, route['modules'], module, render)
    changed = dict(route, modules=dict(route['modules']))
    changed['modules'][module] = check_module(request.store, module, check(TABLES[module], request.body))
    _check_route(edge, changed)
    route.update(changed)
    return 200, render(route['modules'][module])
