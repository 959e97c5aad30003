#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright (c) 2026, community.ngrok contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

from __future__ import absolute_import, division, print_function
__metaclass__ = type

DOCUMENTATION = r'''
module: ngrok_ip_policy
short_description: Manage ngrok IP policies and their rules
version_added: 0.1.0
description:
  - Create, update and delete ngrok IP policies, with the rules that allow or deny client addresses declared in
    the same task. A route's C(ip_restriction) (M(community.ngrok.ngrok_edge_route)) and the C(restrict-ips)
    action of a traffic policy name IP policies.
  - The policy is found by O(id), else by the options in O(find_by). A lookup by description or metadata is one
    request whatever the number of policies of the account (the API's C(filter) query); if the API refuses the
    filter, the task reads the whole list instead, 100 policies a request.
  - O(rules) is the set of rules the policy has, one per CIDR. The rules are read with one request (the rules
    list filtered on the policy) and compared by CIDR; only the rules that differ are written, one request each.
    New rules are created first, then rules are updated, and the rules to remove go last.
  - A rule's action cannot be changed by the API. A rule whose O(rules[].action) differs is deleted and created
    again with the other action (two requests); the description and metadata it had are kept unless given.
  - Deleting a policy deletes its rules. Deleting a policy that a route's C(ip_restriction) or a cloud endpoint's
    C(restrict-ips) action still uses fails before any change and names those users (also returned as
    RV(used_by)); finding them lists the HTTPS edges and the cloud endpoints.
    In check mode the task warns instead, since an earlier task of the same run may only have pretended to
    remove those uses.
  - If a rule request fails after earlier writes of the task, the task fails with C(changed=true) and its
    message says what was done; running it again finishes the work. A rule whose creation was answered by a
    lost connection is looked up before it is sent again, so it is never created twice.
extends_documentation_fragment:
  - community.ngrok.ngrok
  - community.ngrok.ngrok.resource
  - community.ngrok.ngrok.attributes
options:
  rules:
    description:
      - The rules of the policy, each allowing or denying one CIDR. Each CIDR may be given once.
      - Not given, the rules are neither read nor changed (and RV(ip_policy.rules) is V(null)). V([]) with
        O(purge_rules=true) removes every rule.
      - A rule is identified by its CIDR, compared as a network the way ngrok keeps rules unique
        (V(2001:DB8:0::/32) is V(2001:db8::/32)). To move a rule to another CIDR, list the new CIDR instead of
        the old one.
      - A rule's O(rules[].description) and O(rules[].metadata) are compared only when given.
    type: list
    elements: dict
    suboptions:
      cidr:
        description:
          - An IPv4 or IPv6 network in CIDR notation, such as V(10.0.0.0/8), V(203.0.113.7/32) or V(2001:db8::/32).
          - Like the API, an address without a mask and an address with bits set after the mask (V(10.0.0.1/8))
            are refused, before any request, with the value meant (V(10.0.0.1/32), V(10.0.0.0/8)).
          - A new rule is sent in standard notation (IPv6 compressed, lower case); results show CIDRs that way.
        type: str
        required: true
      action:
        description:
          - Whether clients from the CIDR are allowed or denied.
          - The API cannot change it, so a rule whose action differs is deleted and created again.
        type: str
        required: true
        choices: [allow, deny]
      description:
        description:
          - Human-readable description of the rule, at most 255 characters. Compared only when given.
        type: str
      metadata:
        description:
          - Arbitrary machine-readable data of the rule, at most 4096 characters; a dictionary is sent as compact JSON.
          - Compared only when given, as JSON when both sides are JSON.
        type: raw
  purge_rules:
    description:
      - With O(rules) given, delete the rules of the policy whose CIDR is not listed, so the policy has exactly
        the rules listed.
      - V(false) only adds and updates the rules listed; other rules stay (as with Terraform's separate
        C(ngrok_ip_policy_rule) resources).
      - Ignored when O(rules) is not given.
    type: bool
    default: true
seealso:
  - module: community.ngrok.ngrok_ip_policy_info
  - module: community.ngrok.ngrok_edge_route
author:
  - community.ngrok maintainers (@ansible-collections)
'''

EXAMPLES = r'''
- name: The office and the VPN may reach the admin pages
  community.ngrok.ngrok_ip_policy:
    description: admins
    rules:
      - cidr: 203.0.113.0/24
        action: allow
        description: office
      - cidr: 198.51.100.7/32
        action: allow
        description: vpn gateway
      - cidr: 2001:db8:1::/48
        action: allow
        description: office (IPv6)
  register: admins

- name: An edge route restricted to the policy, named by its description
  community.ngrok.ngrok_edge_route:
    edge: shop edge
    match_type: path_prefix
    match: /admin
    ip_restriction:
      ip_policy_ids: [admins]

- name: Add a rule and keep the others, whatever they are
  community.ngrok.ngrok_ip_policy:
    description: admins
    rules:
      - cidr: 192.0.2.0/24
        action: allow
        description: branch office
    purge_rules: false

- name: Change only the policy's metadata; its rules are left as they are
  community.ngrok.ngrok_ip_policy:
    description: admins
    metadata:
      team: web

- name: Delete the policy and its rules
  community.ngrok.ngrok_ip_policy:
    description: admins
    state: absent
'''

RETURN = r'''
ip_policy:
  description:
    - The IP policy after the task. In check mode, the predicted one; values only the server can choose
      (V(id), V(uri), V(created_at) of a new policy or rule) are V(null).
    - With O(state=absent), the policy that was deleted with its rules, or V({}) when there was none.
  returned: always
  type: dict
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
      description:
        - The rules of the policy, IPv4 before IPv6, then by network address.
        - V(null) when the task did not read them (O(rules) not given, O(state=present)).
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
used_by:
  description:
    - The objects that still use the policy, when a delete failed because of them.
  returned: when a delete was refused because the policy is in use
  type: list
  elements: str
  sample: ["route edghtsrt_2fMuU4sEZ8HgKe5Ff5pJ4NbMb1Y /admin of HTTPS edge edghts_2fMuU4sEZ8HgKe5Ff5pJ4NbMb1Z (shop edge)"]
'''

from ansible_collections.community.ngrok.plugins.module_utils.ip_policies import IP_POLICY
from ansible_collections.community.ngrok.plugins.module_utils.module import run_resource_module


def main():
    run_resource_module(IP_POLICY)


if __name__ == '__main__':
    main()
