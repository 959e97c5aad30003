# -*- coding: utf-8 -*-
# Copyright (c) 2026, community.ngrok contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""What ngrok_edge_migration reads before it plans: the HTTPS edge, named by id or description (its routes and
every route module come with it), and every backend its routes reach, weighted and failover children followed
down, each read once and with as few requests as the account allows.

``/backends/*`` take no ``filter`` query (NGROK_API_FACTS 11.2), so a backend is read either by id (one request
each, whatever the number of backends) or from its type's list (100 a page). Level by level (the routes'
backends, then their children...), for each type:

- its whole list already read: the backends come from it, none is read again;
- one backend needed: GET by id (one request; a page of the list costs as much and may not hold it);
- several: the first page of the type's list (one request). When it is the whole list (at most 100 backends
  of that type), it serves this level and every later one; otherwise the backends it lacks are read by id.

So a type costs at most one request per level at which its backends are needed, none after a page that held its
whole list (an account with at most 100 backends of that type), and never more than one request per backend plus
one page.
"""

from __future__ import absolute_import, division, print_function
__metaclass__ = type

from ansible_collections.community.ngrok.plugins.module_utils.backends import BACKENDS
from ansible_collections.community.ngrok.plugins.module_utils.client import PAGE_LIMIT
from ansible_collections.community.ngrok.plugins.module_utils.edges import HTTPS_EDGE, ROUTE
from ansible_collections.community.ngrok.plugins.module_utils.errors import ModuleFailure
from ansible_collections.community.ngrok.plugins.module_utils.migration_backends import backend_children, backend_type
from ansible_collections.community.ngrok.plugins.module_utils.resource import ID_BODY_LENGTH

# The other edge types ngrok had, by id prefix (ids in ngrok's recorded API examples): not HTTPS, so not
# something this translation knows (their traffic is TCP or TLS, without routes).
OTHER_EDGES = {'edgtls_': 'a TLS edge', 'edgtcp_': 'a TCP edge'}


def edge_name_problems(name):
    """What is wrong with the ``edge`` option before any request: [] when nothing."""
    if not isinstance(name, str) or not name.strip():
        return ['edge: give the id (edghts_...) or the exact description of the HTTPS edge to move']
    for prefix, kind in OTHER_EDGES.items():
        if name.startswith(prefix):
            return ['edge: %s is the id of %s; only HTTPS edges move to cloud endpoints with this module' % (name, kind)]
    if name.startswith(HTTPS_EDGE.id_prefix) and not HTTPS_EDGE.looks_like_id(name):
        return ['edge: %r is not the id of an HTTPS edge (%s followed by %d letters and digits)'
                % (name, HTTPS_EDGE.id_prefix, ID_BODY_LENGTH)]
    return []


def read_edge(context, name):
    """The API object of the HTTPS edge ``name`` (an id: one request; a description: the edges' list, 100 a
    page, no filter being possible), or None when there is none. Several with that description fail."""
    if HTTPS_EDGE.looks_like_id(name):
        return context.client.get_if_exists(HTTPS_EDGE.item_path(name))
    found = context.find(HTTPS_EDGE, [(HTTPS_EDGE.field('description'), name)])
    if len(found) > 1:
        ids = sorted(item['id'] for item in found)
        raise ModuleFailure('%d HTTPS edges have the description %r (%s); give the edge by id' % (len(found), name, ', '.join(ids)),
                            matches=ids)
    return found[0] if found else None


def edge_views(api_edge):
    """(edge view, route views) of an edge as the API answers it, routes in the API's order."""
    return HTTPS_EDGE.view(api_edge), [ROUTE.view(route) for route in api_edge.get('routes') or []]


def route_backends(routes):
    """The ids of the backends the routes' enabled backend route modules name, each once, in route order (a
    disabled one is reported by the plan and not followed)."""
    found = []
    for route in routes:
        route_module = route.get('backend')
        if route_module and route_module.get('enabled') is not False and route_module.get('backend') not in found:
            found.append(route_module['backend'])
    return found


class BackendReader:
    """Reads backends by id with the fewest requests (see the module docstring); ``read(ids)`` returns
    ``{id: view}`` of every backend reached from ``ids``. A backend that does not exist, or of a type the
    collection does not declare (a static address backend), is left out: the plan reports it."""

    def __init__(self, client):
        self.client = client
        self.known = {}  # type -> {id: API object} read so far (from a page of its list or by id)
        self.whole = set()  # types whose list was read whole: what is not in it does not exist
        self.paged = set()  # types whose first page was read
        self.missing = set()  # ids answered "not found"

    def read(self, ids):
        views = {}
        pending = list(ids)
        while pending:
            level = {}
            for backend_id in pending:
                kind = backend_type(backend_id)
                if kind is not None and backend_id not in views and backend_id not in level.get(kind, []):
                    level.setdefault(kind, []).append(backend_id)
            pending = []
            for kind in sorted(level):
                for backend_id, api_object in self._objects(kind, level[kind]).items():
                    views[backend_id] = BACKENDS[kind].view(api_object)
                    pending.extend(backend_children(backend_id, views[backend_id]))
        return views

    def _objects(self, kind, ids):
        """{id: API object} of the backends of one type that exist among ``ids``."""
        resource = BACKENDS[kind]
        known = self.known.setdefault(kind, {})
        wanted = [backend_id for backend_id in ids if backend_id not in known and backend_id not in self.missing]
        if len(wanted) > 1 and kind not in self.paged:
            self.paged.add(kind)
            page = self.client.get('%s?limit=%d' % (resource.path, PAGE_LIMIT))
            known.update((item['id'], item) for item in page.get(resource.list_key) or [])
            if not page.get('next_page_uri'):
                self.whole.add(kind)
        for backend_id in wanted:
            if backend_id in known or kind in self.whole:
                continue
            item = self.client.get_if_exists(resource.item_path(backend_id))
            if item is None:
                self.missing.add(backend_id)
            else:
                known[backend_id] = item
        return dict((backend_id, known[backend_id]) for backend_id in ids if backend_id in known)
