# -*- coding: utf-8 -*-
# Copyright (c) 2026, community.ngrok contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""Pieces every resource handler uses: the request context, object skeletons, list pages."""

import re

from .errors import invalid, not_found
from .ids import looks_like, new_id, rfc3339
from .validation import description_and_metadata

PAGE_LIMIT_MAX = 100
DECIMAL = re.compile(r'^[0-9]+$')  # str.isdigit() would also take '²' and other Unicode digits


class Request:
    """One API request as the handlers see it."""

    def __init__(self, method, store, base_url, body=None, query=None):
        self.method = method
        self.store = store
        self.base_url = base_url
        self.body = body
        self.query = query or {}


def new_object(prefix, body, codes=(6503, 6504)):
    """A new object with id, created_at, description and metadata from body."""
    description_and_metadata(body, codes)
    object_id, seconds = new_id(prefix)
    return {'id': object_id, 'created_at': rfc3339(seconds),
            'description': body.get('description', ''), 'metadata': body.get('metadata', '')}


def update_text(item, body, codes=(6503, 6504)):
    """PATCH of description/metadata: sent values replace (\"\" clears), omitted ones stay."""
    description_and_metadata(body, codes)
    for name in ('description', 'metadata'):
        if name in body:
            item[name] = body[name]


def render_common(item, uri):
    """id/uri/created_at, and description/metadata only when set (the 2025 API omits empty ones)."""
    result = {'id': item['id'], 'uri': uri, 'created_at': item['created_at']}
    for name in ('description', 'metadata'):
        if item.get(name):
            result[name] = item[name]
    return result


def ref(base_url, path, item_id):
    return {'id': item_id, 'uri': '%s%s/%s' % (base_url, path, item_id)}


def module_get_or_delete(request, modules, name, render):
    """GET or DELETE of one edge or route module: an unset module is 404 to GET and a no-op (204) to DELETE."""
    if request.method == 'DELETE':
        modules.pop(name, None)
        return 204, None
    if modules.get(name) is None:
        raise not_found()
    return 200, render(modules[name])


def get_or_404(collection, item_id, prefix):
    item = collection.get(item_id) if looks_like(item_id, prefix) else None
    if item is None:
        raise not_found()
    return item


def list_page(request, collection, path, key, render):
    """A list answer: newest first, limit 1..100 (default 100), absolute next_page_uri on our own host,
    null when nothing remains after this page."""
    limit = request.query.get('limit', str(PAGE_LIMIT_MAX))
    if not DECIMAL.match(limit) or not 1 <= int(limit) <= PAGE_LIMIT_MAX:
        raise invalid(233, 'The page size (limit) must be between 1 and %d.' % PAGE_LIMIT_MAX)
    items, more = collection.page(request.query.get('before_id'), int(limit))
    uri = request.base_url + path
    next_page = '%s?before_id=%s&limit=%s' % (uri, items[-1]['id'], limit) if more and items else None
    return 200, {key: [render(request, item) for item in items], 'uri': uri, 'next_page_uri': next_page}
