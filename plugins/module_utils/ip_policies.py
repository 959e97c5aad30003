# -*- coding: utf-8 -*-
# Copyright (c) 2026, community.ngrok contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""IP policies and their rules. A policy is a set of rules, each allowing or denying one CIDR; a route's
``ip_restriction`` and a traffic policy's ``restrict-ips`` action name policies.

Rules are API objects of their own (``/ip_policy_rules``, naming their policy) and the API keeps one rule per
CIDR in a policy, compared as networks: ngrok_ip_policy manages them as a ChildSet keyed by CIDR. A rule's
action cannot change (the update takes only cidr, description and metadata): another action is a new rule.
Deleting a policy deletes its rules.
"""

from __future__ import absolute_import, division, print_function
__metaclass__ = type

from ansible_collections.community.ngrok.plugins.module_utils.child_sets import ChildSet, ParentLink
from ansible_collections.community.ngrok.plugins.module_utils.fields import Cidr, Field, cidr_order
from ansible_collections.community.ngrok.plugins.module_utils.nested import ref_id
from ansible_collections.community.ngrok.plugins.module_utils.references import AnyOf
from ansible_collections.community.ngrok.plugins.module_utils.resource import Resource

ACTIONS = ('allow', 'deny')

IP_POLICY_RULE = Resource(
    kind='IP policy rule',
    path='/ip_policy_rules',
    list_key='ip_policy_rules',
    id_prefix='ipr_',
    result_key='rule',
    filterable=('description', 'metadata', 'cidr', 'action', 'ip_policy.id'),
    fields=[
        Cidr('cidr', spec={'type': 'str', 'required': True}),
        Field('action', immutable=True, spec={'type': 'str', 'required': True, 'choices': list(ACTIONS)}),
    ],
)

RULES = ChildSet(
    option='rules',
    resource=IP_POLICY_RULE,
    key='cidr',
    parent_link=ParentLink('ip_policy_id', read=ref_id('ip_policy'), filter_name='ip_policy.id'),
    purge_option='purge_rules',
    purge_default=True,
    order=cidr_order,
)

IP_POLICY = Resource(
    kind='IP policy',
    plural='IP policies',
    path='/ip_policies',
    list_key='ip_policies',
    id_prefix='ipp_',
    result_key='ip_policy',
    fields=[],
    filterable=('description', 'metadata'),
    children=[RULES],
)

# What a route's ip_restriction (and a traffic policy's restrict-ips action) can name: IP policies, by id or
# description.
ANY_IP_POLICY = AnyOf(IP_POLICY.kind, {'ip_policy': IP_POLICY}, plural=IP_POLICY.plural)
