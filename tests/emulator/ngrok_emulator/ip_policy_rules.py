# -*- coding: utf-8 -*-
# Copyright (c) 2026, community.ngrok contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""/ip_policy_rules: a CIDR allowed or denied, attached to one IP policy. The action and the policy
are fixed at creation (the update schema has neither); the CIDR, description and metadata can change."""

import ipaddress
import re

from . import filtering
from .common import get_or_404, new_object, ref, render_common, update_text
from .errors import ApiError, invalid
from .ids import looks_like
from .validation import check

PATH = '/ip_policy_rules'
CREATE = {'cidr': 'str', 'action': 'str', 'ip_policy_id': 'str', 'description': 'str', 'metadata': 'str'}
UPDATE = {'cidr': 'str', 'description': 'str', 'metadata': 'str'}
ACTIONS = ('allow', 'deny')
TEXT_CODES = (1421, 215)  # 1421: "The IP Policy Rule description exceeds the maximum length"; metadata has no code of its own
PREFIX_LENGTH = re.compile(r'^[0-9]{1,3}$')


def render(request, item):
    result = render_common(item, request.base_url + PATH + '/' + item['id'])
    result.update(action=item['action'], cidr=item['cidr'], ip_policy=ref(request.base_url, '/ip_policies', item['ip_policy_id']))
    return result


def normal_cidr(text):
    """The CIDR as stored (trimmed, lowercased: the API's own normalisation) and its network, or 1406/1409/1413."""
    cidr = text.strip().lower()
    address, slash, length = cidr.partition('/')
    if not slash:
        try:
            host = ipaddress.ip_address(address)
        except ValueError:
            raise invalid(1406, 'Invalid CIDR: `%s`' % text)
        raise invalid(1413, 'IP Policy Rule is missing a network mask. Consider using `%s`/`%d` if you want to target a '
                            'single host IP.' % (address, host.max_prefixlen))
    if not PREFIX_LENGTH.match(length):
        raise invalid(1406, 'Invalid CIDR: `%s`' % text)
    try:
        return cidr, ipaddress.ip_network(cidr)
    except ValueError:
        pass
    try:
        lowest = ipaddress.ip_network(cidr, strict=False)
    except ValueError:
        raise invalid(1406, 'Invalid CIDR: `%s`' % text)
    raise invalid(1409, 'IP Policy Rule CIDR `%s` must be specified using the lowest IP address in the range. '
                        'Did you mean `%s`?' % (text, lowest))


def _check_unique(store, rule_id, policy_id, network):
    # The CIDR is unique within its policy (1408), compared as a network: 2001:DB8::/32 is 2001:db8::/32.
    for other in store['ip_policy_rules']:
        if other['id'] != rule_id and other['ip_policy_id'] == policy_id and ipaddress.ip_network(other['cidr']) == network:
            raise ApiError(409, 1408, 'IP Policy Rule with CIDR `%s` already exists' % other['cidr'])


def create(request):
    body = check(CREATE, request.body)
    for name in ('cidr', 'ip_policy_id'):
        if name not in body:
            raise invalid(1405, 'Required parameter is missing. Specify `%s`' % name)
    if body.get('action') not in ACTIONS:
        raise invalid(1422, "An IP Policy Rule must have an 'action' of either 'allow' or 'deny'.")
    policy_id = body['ip_policy_id']
    if not looks_like(policy_id, 'ipp'):
        raise invalid(1414, 'The provided ip_policy_id is invalid. Check the value given with your request.')
    if request.store['ip_policies'].get(policy_id) is None:
        raise invalid(1402, 'IP Policy not found')
    cidr, network = normal_cidr(body['cidr'])
    _check_unique(request.store, None, policy_id, network)
    item = new_object('ipr', body, TEXT_CODES)
    item.update(cidr=cidr, action=body['action'], ip_policy_id=policy_id)
    request.store['ip_policy_rules'].add(item)
    return 201, render(request, item)


def list_(request):
    return filtering.list_page(request, request.store['ip_policy_rules'], PATH, 'ip_policy_rules', render)


def get(request, item_id):
    return 200, render(request, get_or_404(request.store['ip_policy_rules'], item_id, 'ipr'))


def update(request, item_id):
    item = get_or_404(request.store['ip_policy_rules'], item_id, 'ipr')
    body = check(UPDATE, request.body)
    if not body:
        raise invalid(1401, 'The IP Policy Rule update failed because no values were provided. Specify at least one value')
    changed = dict(item)
    update_text(changed, body, TEXT_CODES)
    if 'cidr' in body:
        changed['cidr'], network = normal_cidr(body['cidr'])
        _check_unique(request.store, item_id, item['ip_policy_id'], network)
    item.update(changed)
    return 200, render(request, item)


def delete(request, item_id):
    get_or_404(request.store['ip_policy_rules'], item_id, 'ipr')
    request.store['ip_policy_rules'].remove(item_id)
    return 204, None


def delete_rules_of(store, policy_id):
    """Deleting a policy deletes its rules (ngrok-operator deletes a policy without deleting its rules first)."""
    for rule_id in [rule['id'] for rule in store['ip_policy_rules'] if rule['ip_policy_id'] == policy_id]:
        store['ip_policy_rules'].remove(rule_id)
