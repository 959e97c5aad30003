# -*- coding: utf-8 -*-
# Copyright (c) 2026, community.ngrok contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""/backends/{http_response,tunnel_group,weighted,failover,static}: create, list, get, update, delete."""

import re

from .common import get_or_404, list_page, new_object, render_common, update_text
from .errors import ApiError, invalid
from .validation import byte_length, check

COMMON = {'description': 'str', 'metadata': 'str'}
TYPES = {
    'http_response': ('bkdhr', dict(COMMON, body='str', headers='str_map', status_code='int')),
    'tunnel_group': ('bkdtg', dict(COMMON, labels='str_map')),
    'weighted': ('bkdwd', dict(COMMON, backends='int_map')),
    'failover': ('bkdfo', dict(COMMON, backends='str_list')),
    'static': ('bkdsc', dict(COMMON, address='str', tls={'enabled': 'bool'})),
}
PREFIX_KIND = dict((prefix, kind) for kind, (prefix, dummy) in TYPES.items())
# Limits the API documents only by error code; the values are this emulator's choices (README).
STATUS_CODE_RANGE = (100, 599)
DEFAULT_STATUS_CODE = 200
BODY_MAX_BYTES = 65536
HEADER_NAME_MAX, HEADER_VALUE_MAX = 256, 4096
LABELS_MAX, LABEL_KEY_MAX, LABEL_VALUE_MAX = 20, 64, 256
CHILDREN_MAX = 32
WEIGHT_RANGE = (0, 10000)
ADDRESS = re.compile(r'^(?P<host>[^:/\s]*):(?P<port>[0-9]+)$')


def kind_of(backend_id):
    return PREFIX_KIND.get(backend_id.split('_', 1)[0]) if '_' in backend_id else None


def find_backend(store, backend_id):
    kind = kind_of(backend_id)
    return store[kind].get(backend_id) if kind else None


def children(item):
    """Ids a weighted or failover backend points to."""
    return list(item.get('backends') or [])


def _check_children(store, kind, item_id, ids):
    own_code = 6524 if kind == 'weighted' else 6525
    if len(ids) > CHILDREN_MAX:
        raise invalid(6511 if kind == 'weighted' else 6513, 'A %s backend can have at most %d backends.' % (kind, CHILDREN_MAX))
    if len(set(ids)) != len(ids):
        raise invalid(215, 'The value provided for the request parameter `backends` is invalid: a backend is listed twice.')
    for child_id in ids:
        if kind_of(child_id) is None:
            raise invalid(6526, '`%s` is not a valid backend ID.' % child_id)
        if find_backend(store, child_id) is None:
            raise invalid(6501, 'Cannot save backend reference %s because it does not exists.' % child_id)
        if child_id == item_id or (item_id and _reaches(store, child_id, item_id)):
            raise invalid(own_code, 'A %s backend may not reference itself, directly or through other backends (%s).' % (kind, child_id))


def _reaches(store, start, target):
    """True when backend start leads to target through weighted/failover children."""
    seen, todo = set(), [start]
    while todo:
        current = todo.pop()
        if current == target:
            return True
        if current in seen:
            continue
        seen.add(current)
        item = find_backend(store, current)
        if item is not None and kind_of(current) in ('weighted', 'failover'):
            todo.extend(children(item))
    return False


def _apply(store, kind, item, body, creating):
    """Set the fields of body on item the way the API does for a create or a PATCH."""
    if kind == 'http_response':
        if 'body' in body:
            if byte_length(body['body']) > BODY_MAX_BYTES:
                raise invalid(6516, 'The body must be at most %d bytes long.' % BODY_MAX_BYTES)
            item['body'] = body['body']
        if 'headers' in body:
            headers = {}
            for name, value in body['headers'].items():
                # Counted in bytes, as the texts of 6522 and 6523 say.
                if not name or byte_length(name) > HEADER_NAME_MAX:
                    raise invalid(6522, 'The header beginning with `%s`... exceeds the maximum header name length of %d bytes.'
                                  % (name[:16], HEADER_NAME_MAX))
                if byte_length(value) > HEADER_VALUE_MAX:
                    raise invalid(6523, 'The header value for `%s` beginning with `%s`... exceeds the maximum header value length of %d bytes.'
                                  % (name, value[:16], HEADER_VALUE_MAX))
                headers[name.lower()] = value  # ngrok stores header names in lower case
            item['headers'] = headers
        if 'status_code' in body:
            if not STATUS_CODE_RANGE[0] <= body['status_code'] <= STATUS_CODE_RANGE[1]:
                raise invalid(6517, 'The status code %d is invalid; it must be between %d and %d.'
                              % ((body['status_code'],) + STATUS_CODE_RANGE))
            item['status_code'] = body['status_code']
    elif kind == 'tunnel_group':
        if 'labels' in body:  # a PATCH without labels keeps them (recorded examples since 2023-12)
            labels = body['labels']
            if len(labels) > LABELS_MAX:
                raise invalid(6508, 'A tunnel group can match at most %d labels.' % LABELS_MAX)
            for key, value in labels.items():
                if '=' in key or '=' in value:
                    raise invalid(6531, 'The label `%s` must not contain "=".' % key)
                if not key or len(key) > LABEL_KEY_MAX:
                    raise invalid(6509, 'The label key `%s` must be 1 to %d characters long.' % (key, LABEL_KEY_MAX))
                if len(value) > LABEL_VALUE_MAX:
                    raise invalid(6510, 'The value of label `%s` must be at most %d characters long.' % (key, LABEL_VALUE_MAX))
            item['labels'] = dict(labels)
    elif kind == 'static':
        _apply_static(item, body, creating)
    else:
        # weighted and failover: a create or PATCH without backends leaves none (observed every year since 2022).
        value = body.get('backends', {} if kind == 'weighted' else [])
        ids = list(value)
        _check_children(store, kind, None if creating else item['id'], ids)
        if kind == 'weighted':
            for child_id, weight in value.items():
                if not WEIGHT_RANGE[0] <= weight <= WEIGHT_RANGE[1]:
                    raise invalid(6512, 'The weight %d of backend %s is out of range (%d to %d).' % ((weight, child_id) + WEIGHT_RANGE))
            item['backends'] = dict(value)
        else:
            item['backends'] = list(value)


def _apply_static(item, body, creating):
    if 'address' in body or creating:
        address = body.get('address', '')
        match = ADDRESS.match(address)
        if not address or ':' not in address:
            raise invalid(6505, 'Static backend requires address in the host:port form.')
        if match and not match.group('host'):
            raise invalid(6507, 'Static backend address `%s` is missing host. Use host:port as address.' % address)
        if not match or not 1 <= int(match.group('port')) <= 65535:
            raise invalid(6506, 'Static backend address `%s` is invalid (bad port). Use host:port as address.' % address)
        item['address'] = address
    if 'tls' in body:  # a tls object given replaces the stored one
        item['tls'] = dict({'enabled': False}, **body['tls'])


def render(request, kind, item):
    result = render_common(item, '%s/backends/%s/%s' % (request.base_url, kind, item['id']))
    if kind == 'http_response':
        result.update(body=item.get('body', ''), headers=item.get('headers') or None, status_code=item['status_code'])
    elif kind == 'tunnel_group':
        # null when there are none, like headers (the recorded tunnel groups left without labels, 2022-2023)
        result.update(labels=item.get('labels') or None, tunnels=[])
    elif kind == 'static':
        result.update(address=item['address'], tls=dict(item['tls']))
    else:
        result['backends'] = item['backends']
    return result


def create(request, kind):
    prefix, table = TYPES[kind]
    body = check(table, request.body)
    item = new_object(prefix, body)
    if kind == 'http_response':
        item.update(body='', headers={}, status_code=DEFAULT_STATUS_CODE)
    elif kind == 'tunnel_group':
        item['labels'] = {}
    elif kind == 'static':
        item['tls'] = {'enabled': False}
    _apply(request.store, kind, item, body, creating=True)
    request.store[kind].add(item)
    return 201, render(request, kind, item)


def list_(request, kind):
    return list_page(request, request.store[kind], '/backends/' + kind, 'backends', lambda r, item: render(r, kind, item))


def get(request, kind, item_id):
    return 200, render(request, kind, get_or_404(request.store[kind], item_id, TYPES[kind][0]))


def update(request, kind, item_id):
    prefix, table = TYPES[kind]
    item = get_or_404(request.store[kind], item_id, prefix)
    body = check(table, request.body)
    changed = dict(item)
    update_text(changed, body)
    _apply(request.store, kind, changed, body, creating=False)
    item.update(changed)
    return 200, render(request, kind, item)


def delete(request, kind, item_id):
    item = get_or_404(request.store[kind], item_id, TYPES[kind][0])
    if referenced_by_a_backend(request.store, item_id):
        raise ApiError(400, 6502, 'The backend could not be deleted because it is still referenced by at least one backend.')
    # A route's backend module does not hold its backend: the route keeps pointing at the deleted id (ERR_NGROK_6502
    # names backends only; ngrok-operator PR #380 met edges whose backend "no longer exists in the ngrok API").
    request.store[kind].remove(item['id'])
    return 204, None


def referenced_by_a_backend(store, backend_id):
    # Scans the weighted and failover backends: reference holders are few even when backends are many.
    return any(backend_id in children(item) for kind in ('weighted', 'failover') for item in store[kind])
