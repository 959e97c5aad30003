#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright (c) 2026, community.ngrok contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

from __future__ import absolute_import, division, print_function
__metaclass__ = type

DOCUMENTATION = r'''
module: ngrok_https_edge_info
short_description: List ngrok HTTPS edges with their routes
version_added: 0.1.0
description:
  - Lists the HTTPS edges of the account with their edge modules and their routes (every route module),
    optionally only those with an id, a description, metadata or a hostport (all that are given must match).
    Never changes anything.
  - The API's list of edges takes no filter, so every page of it is read, 100 edges a request, and the filters
    are applied to what was read. With O(id), the one edge is read, without listing.
  - Secrets of the route modules (OAuth and OpenID Connect client secrets, webhook secrets) are masked.
  - The inventory step of a move to cloud endpoints (M(community.ngrok.ngrok_edge_migration)).
extends_documentation_fragment:
  - community.ngrok.ngrok
  - community.ngrok.ngrok.edges
  - community.ngrok.ngrok.info_attributes
options:
  id:
    description:
      - Only the edge with this id (one request, without listing).
      - No edge with this id gives an empty list, not a failure.
    type: str
  description:
    description:
      - Only edges with exactly this description.
    type: str
  metadata:
    description:
      - Only edges with this metadata. A dictionary is compared as JSON, as is a string when both it and the
        edge's metadata are JSON.
    type: raw
  hostport:
    description:
      - Only the edges that serve this V(host:port) (one of their hostports), for example
        V(shop.example.com:443). The host is compared without regard to case.
    type: str
seealso:
  - module: community.ngrok.ngrok_https_edge
  - module: community.ngrok.ngrok_edge_migration
  - module: community.ngrok.ngrok_backend_info
author:
  - community.ngrok maintainers (@ansible-collections)
'''

EXAMPLES = r'''
- name: Every HTTPS edge of the account
  community.ngrok.ngrok_https_edge_info:
  register: edges

- name: Each edge, its hostports and the matches of its routes
  ansible.builtin.debug:
    msg: "{{ item.description }}: {{ item.hostports | join(', ') }} -> {{ item.routes | map(attribute='match') | join(', ') }}"
  loop: "{{ edges.edges }}"
  loop_control:
    label: "{{ item.id }}"

- name: The edge that serves the shop's domain
  community.ngrok.ngrok_https_edge_info:
    hostport: shop.example.com:443
  register: shop
'''

RETURN = r'''
edges:
  description:
    - The HTTPS edges that pass the filters, in the API's list order.
    - Each has the fields M(community.ngrok.ngrok_https_edge) returns, its routes as
      M(community.ngrok.ngrok_edge_route) returns them.
  returned: always
  type: list
  elements: dict
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
      description: The hostports (V([]) when none).
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
      description:
        - The edge's routes, each with its C(match_type), C(match) and its 13 route modules (V(null) when not set),
          references as ids, secrets masked.
      type: list
      elements: dict
      sample: [{"id": "edghtsrt_2fMuU4sEZ8HgKe5Ff5pJ4NbMb1X", "match_type": "path_prefix", "match": "/",
                "backend": {"enabled": true, "backend": "bkdfo_2fMuU4sEZ8HgKe5Ff5pJ4NbMb1Y"}, "oauth": null}]
'''

from ansible_collections.community.ngrok.plugins.module_utils.edges import HTTPS_EDGE
from ansible_collections.community.ngrok.plugins.module_utils.info import Listing, MemberFilter, run_info_module


def main():
    run_info_module(Listing('edges', {'edge': HTTPS_EDGE}, member_filters=[MemberFilter('hostport', HTTPS_EDGE.field('hostports'))]))


if __name__ == '__main__':
    main()
