# -*- coding: utf-8 -*-
# Copyright (c) 2026, community.ngrok contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""/edges/https/{edge_id}/routes: create, get, update, delete (no list: routes only appear inside their
edge), and PUT/GET/DELETE of each of the 13 route modules."""

from .common import get_or_404, module_get_or_delete, render_common, update_text
from .errors import invalid, not_found
from .ids import looks_like, new_id, rfc3339
from .route_modules import ROUTE_MODULES, SESSION_MODULES, TABLES, check_module, render_module
from .validation import check, description_and_metadata

ROUTE_TABLE = dict({'description': 'str', 'metadata': 'str', 'match_type': 'str', 'match': 'str'}, **TABLES)
MATCH_TYPES = ('exact_path', 'path_prefix')
MATCH_MAX = 255
TEXT_CODES = (7073, 7074)


def _find(request, edge_id, route_id):
    """(edge, route); 404 when either is missing, ERR_NGROK_7110 when the route belongs to another edge."""
    edge = get_or_404(request.store['https_edges'], edge_id, 'edghts')
    if looks_like(route_id, 'edghtsrt'):
        for route in edge['routes']:
            if route['id'] == route_id:
                return edge, route
        for other in request.store['https_edges']:  # only on a miss: edges are few
            if any(route['id'] == route_id for route in other['routes']):
                raise invalid(7110, 'The request edge ID `%s` does not match the route edge ID `%s`.' % (edge_id, other['id']))
    raise not_found()


def render_route(request, edge, route):
    uri = '%s/edges/https/%s/routes/%s' % (request.base_url, edge['id'], route['id'])
    result = render_common(route, uri)
    # policy: the legacy module key the 2025 API still returns, always null.
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
    # match_type/match "" are applied as sent (and then refused): the Python SDK sends "" by default.
    for name in ('match_type', 'match'):
        if name in body:
            route[name] = body[name]
    for name in ROUTE_MODULES:
        if name in body:  # a module given replaces the whole module; one left out is untouched
            route['modules'][name] = check_module(store, name, body[name])


def create_route(request, edge_id):
    edge = get_or_404(request.store['https_edges'], edge_id, 'edghts')
    body = check(ROUTE_TABLE, request.body)
    description_and_metadata(body, TEXT_CODES)
    route = {'description': body.get('description', ''), 'metadata': body.get('metadata', ''),
             'match_type': body.get('match_type', ''), 'match': body.get('match', ''), 'modules': {}}
    _apply_route(request.store, route, body)
    _check_route(edge, dict(route, id=None))
    route['id'], seconds = new_id('edghtsrt')
    route['created_at'] = rfc3339(seconds)
    edge['routes'].append(route)
    return 201, render_route(request, edge, route)


def get_route(request, edge_id, item_id):
    edge, route = _find(request, edge_id, item_id)
    return 200, render_route(request, edge, route)


def update_route(request, edge_id, item_id):
    edge, route = _find(request, edge_id, item_id)
    body = check(ROUTE_TABLE, request.body)
    # Work on a copy so a rejected PATCH leaves the route as it was.
    changed = dict(route, modules=dict(route['modules']))
    update_text(changed, body, TEXT_CODES)
    _apply_route(request.store, changed, body)
    _check_route(edge, changed)
    route.update(changed)
    return 200, render_route(request, edge, route)


def delete_route(request, edge_id, item_id):
    edge, route = _find(request, edge_id, item_id)
    edge['routes'].remove(route)
    return 204, None


def route_module(request, edge_id, item_id, module):
    edge, route = _find(request, edge_id, item_id)

    def render(stored):
        return render_module(request.base_url, module, stored, route['id'])
    if request.body is None:  # GET or DELETE
        return module_get_or_delete(request, route['modules'], module, render)
    # PUT: the body is the bare module object; it replaces the module whole.
    changed = dict(route, modules=dict(route['modules']))
    changed['modules'][module] = check_module(request.store, module, check(TABLES[module], request.body))
    _check_route(edge, changed)
    route.update(changed)
    return 200, render(route['modules'][module])
