#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright (c) 2026, community.ngrok contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

from __future__ import absolute_import, division, print_function
__metaclass__ = type

DOCUMENTATION = r'''
module: ngrok_https_edge
short_description: Manage ngrok HTTPS edges
version_added: 0.1.0
description:
  - Create, update and delete ngrok HTTPS edges, the parents of the routes managed with
    M(community.ngrok.ngrok_edge_route), with their mutual TLS and TLS termination modules.
  - The edge is found by O(id), else by the options in O(find_by) (its description by default).
  - Only the options you set are compared and changed. An edge module that is given is compared on the
    sub-options you set only and, when it differs, sent whole (the API replaces a module it receives);
    an edge module that is not given is left alone unless O(purge_modules) is set.
  - The edge's routes are returned read-only, secrets masked. Deleting an edge deletes its routes.
extends_documentation_fragment:
  - community.ngrok.ngrok
  - community.ngrok.ngrok.edges
  - community.ngrok.ngrok.resource
  - community.ngrok.ngrok.attributes
options:
  hostports:
    description:
      - The V(host:port) pairs the edge serves, for example V(shop.example.com:443). ngrok requires domains
        reserved by the account, on port 443. Compared as a set, so each entry may be given once only.
    type: list
    elements: str
  mutual_tls:
    description:
      - Requires clients to present a certificate signed by one of the certificate authorities.
    type: dict
    suboptions:
      enabled:
        description:
          - Whether the module applies; the API defaults to V(true).
        type: bool
      certificate_authority_ids:
        description:
          - Ids of certificate authorities (V(ca_...)). Compared as a set, so each entry may be given once only.
        type: list
        elements: str
  tls_termination:
    description:
      - How TLS is terminated at the edge. The API always terminates HTTPS edges at the edge and returns
        V(terminate_at) read-only.
    type: dict
    suboptions:
      enabled:
        description:
          - Whether the module applies; the API defaults to V(true).
        type: bool
      min_version:
        description:
          - The lowest TLS version accepted, for example V(1.2) or V(1.3); ngrok chooses one when not set.
        type: str
  purge_modules:
    description:
      - Remove the edge modules that are set on the edge but not given in the task, one request each.
    type: bool
    default: false
seealso:
  - module: community.ngrok.ngrok_edge_route
author:
  - community.ngrok maintainers (@ansible-collections)
'''

EXAMPLES = r'''
- name: An edge for the shop, TLS 1.2 or later
  community.ngrok.ngrok_https_edge:
    description: shop edge
    hostports:
      - shop.example.com:443
    tls_termination:
      min_version: "1.2"
  register: edge

- name: How many routes it has
  ansible.builtin.debug:
    msg: "{{ edge.edge.routes | length }}"

- name: Require client certificates, and remove any other edge module
  community.ngrok.ngrok_https_edge:
    description: shop edge
    mutual_tls:
      certificate_authority_ids: [ca_2fMuU4sEZ8HgKe5Ff5pJ4NbMb1W]
    purge_modules: true

- name: Delete the edge and its routes
  community.ngrok.ngrok_https_edge:
    description: shop edge
    state: absent
'''

RETURN = r'''
edge:
  description:
    - The edge after the task. In check mode, the predicted edge; values only the server can choose
      (V(id), V(uri), V(created_at), V(routes) of a new edge) are V(null).
    - With O(state=absent), the edge that was deleted, or V({}) when there was none.
  returned: always
  type: dict
  contains:
    id:
      description: Edge id.
      type: str
      sample: edghts_2fMuU4sEZ8HgKe5Ff5pJ4NbMb1W
    uri:
      description: API URL of the edge.
      type: str
      sample: https://api.ngrok.com/edges/https/edghts_2fMuU4sEZ8HgKe5Ff5pJ4NbMb1W
    created_at:
      description: Creation time, RFC 3339.
      type: str
      sample: '2026-11-23T10:11:37Z'
    description:
      description: Description (V('') when none).
      type: str
      sample: shop edge
    metadata:
      description: Metadata as stored (V('') when none).
      type: str
      sample: ''
    hostports:
      description: The hostports (V([]) when none; ngrok answers V(null) then).
      type: list
      elements: str
      sample: [shop.example.com:443]
    mutual_tls:
      description: The mutual TLS module (V(null) when not set), certificate authorities as ids.
      type: dict
      sample: {"enabled": true, "certificate_authority_ids": ["ca_2fMuU4sEZ8HgKe5Ff5pJ4NbMb1W"]}
    tls_termination:
      description: The TLS termination module (V(null) when not set).
      type: dict
      sample: {"enabled": true, "min_version": "1.2", "terminate_at": "edge"}
    routes:
      description: The edge's routes, as M(community.ngrok.ngrok_edge_route) returns them (secrets masked).
      type: list
      elements: dict
'''

from ansible_collections.community.ngrok.plugins.module_utils.edges import HTTPS_EDGE
from ansible_collections.community.ngrok.plugins.module_utils.module import run_resource_module


def main():
    run_resource_module(HTTPS_EDGE)


if __name__ == '__main__':
    main()
