#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright (c) 2026, community.ngrok contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

from __future__ import absolute_import, division, print_function
__metaclass__ = type

DOCUMENTATION = r'''
module: ngrok_reserved_domain
short_description: Manage ngrok reserved domains
version_added: 0.1.0
description:
  - Reserve, update and release the domains of an ngrok account, with their TLS certificate settings. An
    HTTPS edge's hostports and a public cloud endpoint's URL must be reserved domains, or lie under a reserved
    wildcard domain such as V(*.example.com).
  - The domain is found by O(id), else by its name O(domain), else by the options in O(find_by). A lookup by
    name, description or metadata is one request whatever the number of domains of the account (the API's
    C(filter) query); if the API refuses the filter, the task reads the whole list instead, 100 domains a
    request.
  - A reserved domain cannot be renamed. Another O(domain) is another reserved domain; a task that gives O(id)
    and the O(domain) of another reserved domain fails before any change.
  - A custom domain (not a subdomain of one of ngrok's domains such as V(ngrok.app)) needs a DNS CNAME record
    pointing at RV(reserved_domain.cname_target), and a wildcard custom domain a second one for
    V(_acme-challenge) pointing at RV(reserved_domain.acme_challenge_cname_target) for its certificates.
  - Its TLS certificate is either managed by ngrok (O(certificate_management_policy); a custom domain reserved
    without certificate settings gets managed certificates) or a certificate uploaded to ngrok (O(certificate_id)).
    The API keeps one of the two, so setting one replaces the other in the same update. O(purge_certificate)
    removes the one that is set but not given, with one request.
  - Releasing a domain that an HTTPS edge or a cloud endpoint still uses (the edge's hostports or the endpoint's
    URL, through the domain or a wildcard above them) fails before any change and names them (also returned as
    RV(used_by)); finding them lists the HTTPS edges and the endpoints. In check mode the task warns instead,
    since an earlier task of the same run may only have pretended to remove those uses.
extends_documentation_fragment:
  - community.ngrok.ngrok
  - community.ngrok.ngrok.resource
  - community.ngrok.ngrok.attributes
options:
  domain:
    description:
      - The domain name, for example V(shop.example.com), V(*.example.com) or V(shop.ngrok.app). Required to
        reserve a domain.
      - Compared the way ngrok stores it, without surrounding blanks, in lower case and without a trailing dot.
      - When given, it identifies the reserved domain and O(find_by) is not used.
    type: str
  certificate_management_policy:
    description:
      - Let ngrok obtain and renew the domain's certificates. Compared on the sub-options you set only.
      - Setting it replaces an uploaded certificate (O(certificate_id)). Not for subdomains of ngrok's domains,
        whose certificates ngrok manages itself.
      - V({}) asks for ngrok's defaults.
    type: dict
    suboptions:
      authority:
        description:
          - The certificate authority; ngrok supports Let's Encrypt only, its default.
        type: str
        choices: [letsencrypt]
      private_key_type:
        description:
          - The type of the certificates' private key; ngrok's default is V(ecdsa).
        type: str
        choices: [ecdsa, rsa]
  certificate_id:
    description:
      - The id (V(cert_...)) of a TLS certificate uploaded to ngrok, to serve instead of managed certificates.
      - Setting it replaces O(certificate_management_policy). Mutually exclusive with it.
    type: str
  purge_certificate:
    description:
      - Remove the certificate management policy or the uploaded certificate when it is set on the domain but
        not given in the task (one request). With neither given, the domain is left without a certificate.
    type: bool
    default: false
seealso:
  - module: community.ngrok.ngrok_reserved_domain_info
  - module: community.ngrok.ngrok_https_edge
author:
  - community.ngrok maintainers (@ansible-collections)
'''

EXAMPLES = r'''
- name: Reserve the shop's domain
  community.ngrok.ngrok_reserved_domain:
    domain: shop.example.com
    description: shop
  register: shop_domain

- name: Tell which DNS record to create
  ansible.builtin.debug:
    msg: "shop.example.com CNAME {{ shop_domain.reserved_domain.cname_target }}"

- name: A wildcard domain with RSA certificates
  community.ngrok.ngrok_reserved_domain:
    domain: "*.apps.example.com"
    certificate_management_policy:
      private_key_type: rsa
  register: apps

- name: The two DNS records of a wildcard domain
  ansible.builtin.debug:
    msg:
      - "*.apps.example.com CNAME {{ apps.reserved_domain.cname_target }}"
      - "_acme-challenge.apps.example.com CNAME {{ apps.reserved_domain.acme_challenge_cname_target }}"

- name: Serve a certificate of your own instead
  community.ngrok.ngrok_reserved_domain:
    domain: shop.example.com
    certificate_id: cert_2fMuU4sEZ8HgKe5Ff5pJ4NbMb1W

- name: Release the domain
  community.ngrok.ngrok_reserved_domain:
    domain: shop.example.com
    state: absent
'''

RETURN = r'''
reserved_domain:
  description:
    - The reserved domain after the task. In check mode, the predicted one; values only the server can
      choose (V(id), V(uri), V(created_at), the CNAME targets and the certificate status of a new domain)
      are V(null).
    - With O(state=absent), the reserved domain that was released, or V({}) when there was none.
  returned: always
  type: dict
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
      description: The domain name, as ngrok stores it.
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
      description:
        - The state of ngrok's certificate management, V(null) when it does not manage them. Its
          C(provisioning_job) says what is being done (C(msg), C(error_code), C(started_at), C(retries_at));
          C(renews_at) is when the next renewal is due.
      type: dict
      sample: {"provisioning_job": {"error_code": null, "msg": "Managed certificate provisioning in progress.",
               "retries_at": null, "started_at": "2026-11-23T10:11:37Z"}, "renews_at": null}
    cname_target:
      description:
        - The target of the CNAME record to create for a custom domain; V(null) for subdomains of ngrok's domains.
      type: str
      sample: 3lmc2pbvkfrtsdodp.2asu7t8lxmvnm3dn.ngrok-cname.com
    acme_challenge_cname_target:
      description:
        - For a wildcard custom domain, the target of the CNAME record of V(_acme-challenge.<domain>) that lets
          ngrok obtain its certificates; V(null) otherwise.
      type: str
      sample: 1r3r5ydz8bnxvjyod.4d6tb3sfbf1gafac.ngrok-cname.com
used_by:
  description:
    - The objects that still use the domain, when a release failed because of them.
  returned: when a release was refused because the domain is in use
  type: list
  elements: str
  sample: ["HTTPS edge edghts_2fMuU4sEZ8HgKe5Ff5pJ4NbMb1Z (shop)"]
'''

from ansible_collections.community.ngrok.plugins.module_utils.module import run_resource_module
from ansible_collections.community.ngrok.plugins.module_utils.reserved_domains import RESERVED_DOMAIN


def main():
    run_resource_module(RESERVED_DOMAIN)


if __name__ == '__main__':
    main()
