# -*- coding: utf-8 -*-
# Copyright (c) 2026, community.ngrok contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""/endpoints: cloud endpoints (the only type the API creates). An endpoint is a URL, a binding and a
traffic policy; agent endpoints are not emulated, so every listed endpoint is a cloud endpoint."""

import time

from . import endpoint_urls, filtering
from .common import get_or_404, new_object, ref, render_common, update_text
from .errors import ApiError, invalid
from .ids import rfc3339
from .traffic_policy import check_policy
from .validation import check

PATH = '/endpoints'
UPDATE = {'url': 'str', 'traffic_policy': 'str', 'bindings': 'str_list', 'pooling_enabled': 'bool',
          'description': 'str', 'metadata': 'str'}
CREATE = dict(UPDATE, type='str')
REQUIRED = ('url', 'type', 'traffic_policy')
TEXT_CODES = (18014, 18014)


def by_url(store):
    """{normalised url: set of endpoint ids}, kept beside the collection: the pooling rules look up by URL."""
    return store.indexes.setdefault('endpoint_urls', {})


def render(request, item):
    result = render_common(item, request.base_url + PATH + '/' + item['id'])
    # The recorded cloud endpoint answers carry no principal, region or name.
    result.update(bindings=list(item['bindings']), hostport=item['hostport'], pooling_enabled=item['pooling_enabled'],
                  proto=item['proto'], public_url=item['url'], traffic_policy=item['traffic_policy'], type=item['type'],
                  updated_at=item['updated_at'], url=item['url'])
    if item['domain_id']:
        result['domain'] = ref(request.base_url, '/reserved_domains', item['domain_id'])
    return result


def _check_pool(store, item_id, url, binding, pooling):
    """Endpoints on one URL and binding form a pool only when all of them enable pooling (endpoint pooling docs);
    otherwise the error the catalogue names for each case."""
    for other_id in by_url(store).get(url, ()):
        other = store['endpoints'].get(other_id)
        if other_id == item_id or other['bindings'] != [binding]:
            continue
        if not pooling and not other['pooling_enabled']:
            raise ApiError(409, 18009, 'This account already has a cloud endpoint on this URL.')
        if not pooling:
            raise invalid(18017, 'The provided cloud endpoint was invalid because pooling was set to disabled when another '
                                 'endpoint exists for this url.')
        if not other['pooling_enabled']:
            raise invalid(18016, 'The provided cloud endpoint was invalid because pooling was set to enabled when another '
                                 'endpoint exists for this url that has pooling disabled.')


def _settle(store, item, url, bindings):
    """Check the endpoint as it would be after the write and fill in what the API computes from its URL."""
    binding = endpoint_urls.binding_of(bindings, url)
    domain = endpoint_urls.reserved_domain(store, url, binding)
    _check_pool(store, item.get('id'), url.text, binding, item['pooling_enabled'])
    item.update(url=url.text, hostport=url.hostport, proto=url.scheme, bindings=[binding],
                domain_id=domain['id'] if domain else None)


def create(request):
    body = check(CREATE, request.body)
    for name in REQUIRED:
        if not body.get(name):
            raise invalid(18015, 'The provided cloud endpoint is missing the required field `%s`.' % name)
    if body['type'] != 'cloud':
        raise invalid(248, 'The endpoint create request passed an invalid type of `%s`. Currently we only support '
                           'creation of cloud endpoints on this route.' % body['type'])
    url = endpoint_urls.parse(body['url'])
    item = {'type': 'cloud', 'pooling_enabled': body.get('pooling_enabled', False)}
    _settle(request.store, item, url, body.get('bindings'))
    check_policy(body['traffic_policy'])
    item = dict(new_object('ep', body, TEXT_CODES), traffic_policy=body['traffic_policy'], **item)
    item['updated_at'] = item['created_at']
    request.store['endpoints'].add(item)
    by_url(request.store).setdefault(item['url'], set()).add(item['id'])
    return 201, render(request, item)


def list_(request):
    return filtering.list_page(request, request.store['endpoints'], PATH, 'endpoints', render)


def get(request, item_id):
    return 200, render(request, get_or_404(request.store['endpoints'], item_id, 'ep'))


def update(request, item_id):
    item = get_or_404(request.store['endpoints'], item_id, 'ep')
    body = check(UPDATE, request.body)
    if not body:
        raise invalid(18004, 'The cloud endpoint update failed because no values were provided. Specify at least one value.')
    changed = dict(item, pooling_enabled=body.get('pooling_enabled', item['pooling_enabled']))
    update_text(changed, body, TEXT_CODES)
    url = endpoint_urls.parse(body.get('url', item['url']))
    if url.scheme != item['proto']:
        raise invalid(18005, 'The cloud endpoint update failed because you are not allowed to change the protocol/URL scheme in-place.')
    _settle(request.store, changed, url, body.get('bindings', item['bindings']))
    if 'traffic_policy' in body:
        check_policy(body['traffic_policy'])
        changed['traffic_policy'] = body['traffic_policy']
    changed['updated_at'] = rfc3339(int(time.time()))
    urls = by_url(request.store)
    urls[item['url']].discard(item_id)
    urls.setdefault(changed['url'], set()).add(item_id)
    item.update(changed)
    return 200, render(request, item)


def delete(request, item_id):
    item = get_or_404(request.store['endpoints'], item_id, 'ep')
    request.store['endpoints'].remove(item_id)
    by_url(request.store)[item['url']].discard(item_id)
    return 204, None
