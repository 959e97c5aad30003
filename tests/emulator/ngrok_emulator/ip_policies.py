# -*- coding: utf-8 -*-
# Copyright (c) 2026, community.ngrok contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""/ip_policies: enough for the ip_restriction route module to reference real policies."""

from . import filtering, ip_policy_rules
from .common import get_or_404, new_object, render_common, update_text
from .errors import ApiError, invalid
from .validation import check

TABLE = {'description': 'str', 'metadata': 'str'}
PATH = '/ip_policies'


def render(request, item):
    return render_common(item, request.base_url + PATH + '/' + item['id'])


def create(request):
    if isinstance(request.body, dict) and request.body.get('action') is not None:
        # The old API took the action on the policy (ngrok-api-go's README still shows it); it is on each rule now.
        raise invalid(1423, 'An action should now be specified on the IP Policy Rule, not IP Policy. '
                            'Contact ngrok support if you need additional time to migrate.')
    item = new_object('ipp', check(TABLE, request.body))
    request.store['ip_policies'].add(item)
    return 201, render(request, item)


def list_(request):
    return filtering.list_page(request, request.store['ip_policies'], PATH, 'ip_policies', render)


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
    ip_policy_rules.delete_rules_of(request.store, item_id)
    request.store['ip_policies'].remove(item_id)
    return 204, None
