#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright (c) 2026, community.ngrok contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

from __future__ import absolute_import, division, print_function
__metaclass__ = type

DOCUMENTATION = r'''
module: ngrok_reserved_domain_info
short_description: List ngrok reserved domains
version_added: 0.1.0
description:
  - Lists the reserved domains of the account, optionally only those with an id, a name, a description or
    metadata (all that are given must match). Never changes anything.
  - The filters are applied by the API (its C(filter) query), so finding one domain by name, description or
    metadata is one request whatever the number of domains. Without filters, or if the API refuses the
    filter, every page of the list is read, 100 domains a request.
extends_documentation_fragment:
  - community.ngrok.ngrok
  - community.ngrok.ngrok.info_attributes
options:
  id:
    description:
      - Only the reserved domain with this id (one request, without listing).
      - No reserved domain with this id gives an empty list, not a failure.
    type: str
  domain:
    description:
      - Only the reserved domain with this name, compared the way ngrok stores it (without surrounding blanks,
        in lower case, without a trailing dot). A wildcard domain is named as reserved, V(*.example.com); it
        does not match the names under it.
    type: str
  description:
    description:
      - Only reserved domains with exactly this description.
    type: str
  metadata:
    description:
      - Only reserved domains with this metadata. A dictionary is compared as JSON, as is a string when both it
        and the domain's metadata are JSON.
    type: raw
seealso:
  - module: community.ngrok.ngrok_reserved_domain
author:
  - community.ngrok maintainers (@ansible-collections)
'''

EXAMPLES = r'''
- name: Every reserved domain of the account
  community.ngrok.ngrok_reserved_domain_info:
  register: domains

- name: The DNS records to create, one per custom domain
  ansible.builtin.debug:
    msg: "{{ item.domain }} CNAME {{ item.cname_target }}"
  loop: "{{ domains.reserved_domains | selectattr('cname_target') }}"
  loop_control:
    label: "{{ item.domain }}"

- name: The domains of the web team
  community.ngrok.ngrok_reserved_domain_info:
    metadata:
      team: web
  register: web
'''

RETURN = r'''
reserved_domains:
  description:
    - The reserved domains that pass the filters, in the API's list order.
    - Each has the fields M(community.ngrok.ngrok_reserved_domain) returns.
  returned: always
  type: list
  elements: dict
  contains:
    id:
      description: Reserved domain id.
      type: str
      sample: rd_2fMuU4sEZ8HgKe5Ff5pJ4NbMb1W
    uri:
      description: API URL of the reserved domain.
      type: str
      sample: https://api.ngrok.com/reserved_domains/rd_2fMuU4sEZ8HgKe5Ff5pJ4NbMb1W
    created_at:
      description: Creation time, RFC 3339.
      type: str
      sample: '2026-11-23T10:11:37Z'
    description:
      description: Description (V('') when none).
      type: str
      sample: shop
    metadata:
      description: Metadata as stored (V('') when none).
      type: str
      sample: '{"team":"web"}'
    domain:
      description: The domain name.
      type: str
      sample: shop.example.com
    certificate_id:
      description: The id of the uploaded certificate the domain serves, V(null) when none (or while ngrok manages them).
      type: str
      sample: cert_2fMuU4sEZ8HgKe5Ff5pJ4NbMb1W
    certificate_management_policy:
      description: How ngrok manages the domain's certificates, V(null) when it does not.
      type: dict
      sample: {"authority": "letsencrypt", "private_key_type": "ecdsa"}
    certificate_management_status:
      description: The state of ngrok's certificate management, V(null) when it does not manage them.
      type: dict
      sample: {"provisioning_job": {"error_code": null, "msg": "Managed certificate provisioning in progress.",
               "retries_at": null, "started_at": "2026-11-23T10:11:37Z"}, "renews_at": null}
    cname_target:
      description: The target of the CNAME record of a custom domain; V(null) for subdomains of ngrok's domains.
      type: str
      sample: 3lmc2pbvkfrtsdodp.2asu7t8lxmvnm3dn.ngrok-cname.com
    acme_challenge_cname_target:
      description: For a wildcard custom domain, the target of the CNAME record of V(_acme-challenge.<domain>); V(null) otherwise.
      type: str
      sample: 1r3r5ydz8bnxvjyod.4d6tb3sfbf1gafac.ngrok-cname.com
'''

from ansible_collections.community.ngrok.plugins.module_utils.info import Listing, run_info_module
from ansible_collections.community.ngrok.plugins.module_utils.reserved_domains import RESERVED_DOMAIN


def main():
    run_info_module(Listing('reserved_domains', {'reserved_domain': RESERVED_DOMAIN}))


if __name__ == '__main__':
    main()
