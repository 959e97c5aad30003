#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright (c) 2026, community.ngrok contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

from __future__ import absolute_import, division, print_function
__metaclass__ = type

DOCUMENTATION = r'''
module: ngrok_ip_policy_info
short_description: List ngrok IP policies with their rules
version_added: 0.1.0
description:
  - Lists the IP policies of the account, each with its rules, optionally only those with an id, a description
    or metadata (all that are given must match). Never changes anything.
  - The filters are applied by the API (its C(filter) query), so finding one policy by description or metadata
    is one request whatever the number of policies. Without filters, or if the API refuses the filter, every
    page of the list is read, 100 policies a request.
  - The rules of the policies found are read together, one request (the rules list filtered on the policies) for
    up to 50 policies.
extends_documentation_fragment:
  - community.ngrok.ngrok
  - community.ngrok.ngrok.info_attributes
options:
  id:
    description:
      - Only the IP policy with this id (one request for the policy, without listing).
      - No policy with this id gives an empty list, not a failure.
    type: str
  description:
    description:
      - Only IP policies with exactly this description.
    type: str
  metadata:
    description:
      - Only IP policies with this metadata. A dictionary is compared as JSON, as is a string when both it and the
        policy's metadata are JSON.
    type: raw
seealso:
  - module: community.ngrok.ngrok_ip_policy
author:
  - community.ngrok maintainers (@ansible-collections)
'''

EXAMPLES = r'''
- name: Every IP policy of the account, with its rules
  community.ngrok.ngrok_ip_policy_info:
  register: policies

- name: The networks each policy allows
  ansible.builtin.debug:
    msg: "{{ item.description }}: {{ item.rules | selectattr('action', 'eq', 'allow') | map(attribute='cidr') | join(', ') }}"
  loop: "{{ policies.ip_policies }}"
  loop_control:
    label: "{{ item.id }}"

- name: The policy of the admins
  community.ngrok.ngrok_ip_policy_info:
    description: admins
  register: admins
'''

RETURN = r'''
ip_policies:
  description:
    - The IP policies that pass the filters, in the API's list order, each with its rules.
    - Each has the fields M(community.ngrok.ngrok_ip_policy) returns.
  returned: always
  type: list
  elements: dict
  contains:
    id:
      description: IP policy id.
      type: str
      sample: ipp_2fMuU4sEZ8HgKe5Ff5pJ4NbMb1W
    uri:
      description: API URL of the IP policy.
      type: str
      sample: https://api.ngrok.com/ip_policies/ipp_2fMuU4sEZ8HgKe5Ff5pJ4NbMb1W
    created_at:
      description: Creation time, RFC 3339.
      type: str
      sample: '2026-11-23T10:11:37Z'
    description:
      description: Description (V('') when none).
      type: str
      sample: admins
    metadata:
      description: Metadata as stored (V('') when none).
      type: str
      sample: '{"team":"web"}'
    rules:
      description: The rules of the policy, IPv4 before IPv6, then by network address.
      type: list
      elements: dict
      contains:
        id:
          description: IP policy rule id.
          type: str
          sample: ipr_2fMuU4sEZ8HgKe5Ff5pJ4NbMb1X
        uri:
          description: API URL of the rule.
          type: str
          sample: https://api.ngrok.com/ip_policy_rules/ipr_2fMuU4sEZ8HgKe5Ff5pJ4NbMb1X
        created_at:
          description: Creation time, RFC 3339.
          type: str
          sample: '2026-11-23T10:11:37Z'
        cidr:
          description: The network, in standard notation.
          type: str
          sample: 203.0.113.0/24
        action:
          description: V(allow) or V(deny).
          type: str
          sample: allow
        description:
          description: Description (V('') when none).
          type: str
          sample: office
        metadata:
          description: Metadata as stored (V('') when none).
          type: str
          sample: ''
'''

from ansible_collections.community.ngrok.plugins.module_utils.info import Listing, run_info_module
from ansible_collections.community.ngrok.plugins.module_utils.ip_policies import IP_POLICY


def main():
    run_info_module(Listing('ip_policies', {'ip_policy': IP_POLICY}))


if __name__ == '__main__':
    main()
