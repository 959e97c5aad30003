# -*- coding: utf-8 -*-
# Copyright (c) 2026, community.ngrok contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""/ip_policies: enough for the ip_restriction route module to reference real policies."""

from .common import get_or_404, list_page, new_object, render_common, update_text
from .errors import ApiError
from .validation import check

TABLE = {'description': 'str', 'metadata': 'str'}
PATH = '/ip_policies'


def render(request, item):
    return render_common(item, request.base_url + PATH + '/' + item['id'])


def create(request):
    item = new_object('ipp', check(TABLE, request.body))
    request.store['ip_policies'].add(item)
    return 201, render(request, item)


def list_(request):
    return list_page(request, request.store['ip_policies'], PATH, 'ip_policies', render)


def get(request, item_id):
    return 200, render(request, get_or_404(request.store['ip_policies'], item_id, 'ipp'))


def update(request, item_id):
    item = get_or_404(request.store['ip_policies'], item_id, 'ipp')
    update_text(item, check(TABLE, request.body))
    return 200, render(request, item)


def delete(request, item_id):
    get_or_404(request.store['ip_policies'], item_id, 'ipp')
    for edge in request.store['https_edges']:
        for route in edge['routes']:
            if item_id in (route['modules'].get('ip_restriction') or {}).get('ip_policy_ids', []):
                raise ApiError(400, 1410, 'The IP policy %s is still used by an IP restriction.' % item_id)
    request.store['ip_policies'].remove(item_id)
    return 204, None
