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
    body = check(TABLE, request.body)
    if not body:  # ERR_NGROK_1400; backends, edges and routes have no such error and answer 200
        raise ApiError(400, 1400, 'The IP Policy update failed because no values were provided. Specify at least one value')
    update_text(item, body)
    return 200, render(request, item)


def delete(request, item_id):
    get_or_404(request.store['ip_policies'], item_id, 'ipp')
    users = [route['id'] for edge in request.store['https_edges'] for route in edge['routes']
             if item_id in (route['modules'].get('ip_restriction') or {}).get('ip_policy_ids', [])]
    if users:
        # ERR_NGROK_1420 names "IP Restrictions"; that a route's ip_restriction module counts is this emulator's reading.
        raise ApiError(400, 1420, 'Cannot delete IP Policy (`%s`) because it is referenced by one or more IP Restrictions: (`%s`). '
                       'Detach this IP Policy from all IP Restrictions before deleting it.' % (item_id, ', '.join(users)))
    ip_policy_rules.delete_rules_of(request.store, item_id)
    request.store['ip_policies'].remove(item_id)
    return 204, None
