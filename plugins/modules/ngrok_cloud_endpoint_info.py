#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright (c) 2026, community.ngrok contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

from __future__ import absolute_import, division, print_function
__metaclass__ = type

DOCUMENTATION = r'''
module: ngrok_cloud_endpoint_info
short_description: List ngrok cloud endpoints
version_added: 0.1.0
description:
  - Lists the cloud endpoints of the account, optionally only those with an id, a URL, a description or
    metadata (all that are given must match). Agent endpoints, which the API lists beside them, are left out.
    Never changes anything.
  - The filters are applied by the API (its C(filter) query), so finding one endpoint by URL, description or
    metadata is one request whatever the number of endpoints. Without filters, or if the API refuses the
    filter, every page of the list is read, 100 endpoints a request.
  - Traffic policies are returned as data, secrets masked.
extends_documentation_fragment:
  - community.ngrok.ngrok
  - community.ngrok.ngrok.info_attributes
options:
  id:
    description:
      - Only the cloud endpoint with this id (one request, without listing).
      - No cloud endpoint with this id gives an empty list, not a failure.
    type: str
  url:
    description:
      - Only the cloud endpoints with this URL, compared as ngrok stores it (scheme and host in lower case,
        without the scheme's default port). Several endpoints share a URL when they pool.
    type: str
  description:
    description:
      - Only cloud endpoints with exactly this description.
    type: str
  metadata:
    description:
      - Only cloud endpoints with this metadata. A dictionary is compared as JSON, as is a string when both it
        and the endpoint's metadata are JSON.
    type: raw
seealso:
  - module: community.ngrok.ngrok_cloud_endpoint
author:
  - community.ngrok maintainers (@ansible-collections)
'''

EXAMPLES = r'''
- name: Every cloud endpoint of the account
  community.ngrok.ngrok_cloud_endpoint_info:
  register: endpoints

- name: Their URLs and bindings
  ansible.builtin.debug:
    msg: "{{ item.url }} ({{ item.bindings | join(', ') }})"
  loop: "{{ endpoints.endpoints }}"
  loop_control:
    label: "{{ item.id }}"

- name: The endpoint of one URL
  community.ngrok.ngrok_cloud_endpoint_info:
    url: https://shop.example.com
  register: shop
'''

RETURN = r'''
endpoints:
  description:
    - The cloud endpoints that pass the filters, in the API's list order.
    - Each has the fields M(community.ngrok.ngrok_cloud_endpoint) returns.
  returned: always
  type: list
  elements: dict
  contains:
    id:
      description: Endpoint id.
      type: str
      sample: ep_2fMuU4sEZ8HgKe5Ff5pJ4NbMb1W
    uri:
      description: API URL of the endpoint.
      type: str
      sample: https://api.ngrok.com/endpoints/ep_2fMuU4sEZ8HgKe5Ff5pJ4NbMb1W
    created_at:
      description: Creation time, RFC 3339.
      type: str
      sample: '2026-11-30T10:11:37Z'
    description:
      description: Description (V('') when none).
      type: str
      sample: shop
    metadata:
      description: Metadata as stored (V('') when none).
      type: str
      sample: '{"team":"web"}'
    url:
      description: The endpoint's URL.
      type: str
      sample: https://shop.example.com
    traffic_policy:
      description: The traffic policy as data, secrets masked.
      type: dict
      sample: {"on_http_request": [{"actions": [{"type": "deny"}]}]}
    bindings:
      description: The endpoint's binding, in a list of one.
      type: list
      elements: str
      sample: [public]
    pooling_enabled:
      description: Whether the endpoint pools with the other endpoints of its URL.
      type: bool
      sample: false
    type:
      description: Always V(cloud).
      type: str
      sample: cloud
    public_url:
      description: The URL clients use.
      type: str
      sample: https://shop.example.com
    hostport:
      description: Host and port of the URL.
      type: str
      sample: shop.example.com:443
    proto:
      description: The URL's scheme.
      type: str
      sample: https
    domain:
      description: The reserved domain that serves a public endpoint (C(id) and C(uri)); V(null) for the others.
      type: dict
      sample: {"id": "rd_2fMuU4sEZ8HgKe5Ff5pJ4NbMb1W", "uri": "https://api.ngrok.com/reserved_domains/rd_2fMuU4sEZ8HgKe5Ff5pJ4NbMb1W"}
'''

from ansible_collections.community.ngrok.plugins.module_utils.endpoints import CLOUD_ENDPOINT
from ansible_collections.community.ngrok.plugins.module_utils.info import Listing, run_info_module


def main():
    run_info_module(Listing('endpoints', {'endpoint': CLOUD_ENDPOINT}))


if __name__ == '__main__':
    main()
