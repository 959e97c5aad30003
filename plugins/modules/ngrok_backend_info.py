#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright (c) 2026, community.ngrok contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

from __future__ import absolute_import, division, print_function
__metaclass__ = type

DOCUMENTATION = r'''
module: ngrok_backend_info
short_description: List ngrok backends
version_added: 0.1.0
description:
  - Lists HTTP response, tunnel group, weighted and failover backends, of one type or of all four,
    optionally filtered by id, description or metadata. Never changes anything.
  - Every page of the API's lists is read, 100 backends per request.
extends_documentation_fragment:
  - community.ngrok.ngrok
  - community.ngrok.ngrok.edges
  - community.ngrok.ngrok.info_attributes
options:
  type:
    description:
      - The type of backends to list, or V(all) for all four types.
    type: str
    choices: [all, failover, http_response, tunnel_group, weighted]
    default: all
  id:
    description:
      - Only the backend with this id (one request, without listing). Its type follows from the id's
        prefix; a O(type) other than V(all) must be that type.
      - No backend with this id gives an empty list, not a failure.
    type: str
  description:
    description:
      - Only backends with exactly this description.
    type: str
  metadata:
    description:
      - Only backends with this metadata. A dictionary is compared as JSON, as is a string when both it
        and the backend's metadata are JSON.
    type: raw
author:
  - community.ngrok maintainers (@ansible-collections)
'''

EXAMPLES = r'''
- name: Every backend of the account
  community.ngrok.ngrok_backend_info:
  register: all_backends

- name: The weighted backends of the web team
  community.ngrok.ngrok_backend_info:
    type: weighted
    metadata:
      team: web
  register: web

- name: Ids of the backends described "maintenance page"
  ansible.builtin.debug:
    msg: "{{ all_backends.backends | selectattr('description', 'eq', 'maintenance page') | map(attribute='id') | list }}"
'''

RETURN = r'''
backends:
  description:
    - The backends that pass the filters, by type (V(failover), V(http_response), V(tunnel_group),
      V(weighted)) and within a type in ngrok's order, by id without regard to letter case. That is roughly,
      not strictly, newest first; sort the list yourself (for example on RV(backends[].created_at)) when the
      order matters.
    - Each has the fields the backend's own module returns (see M(community.ngrok.ngrok_http_response_backend),
      M(community.ngrok.ngrok_tunnel_group_backend), M(community.ngrok.ngrok_weighted_backend) and
      M(community.ngrok.ngrok_failover_backend)), plus RV(backends[].type).
  returned: always
  type: list
  elements: dict
  contains:
    type:
      description: The backend's type.
      type: str
      sample: weighted
    id:
      description: Backend id.
      type: str
      sample: bkdwd_2fMuU4sEZ8HgKe5Ff5pJ4NbMb1X
    uri:
      description: API URL of the backend.
      type: str
      sample: https://api.ngrok.com/backends/weighted/bkdwd_2fMuU4sEZ8HgKe5Ff5pJ4NbMb1X
    created_at:
      description: Creation time, RFC 3339.
      type: str
      sample: '2026-11-23T10:11:37Z'
    description:
      description: Description (V('') when none).
      type: str
      sample: web blue/green
    metadata:
      description: Metadata as stored (V('') when none).
      type: str
      sample: '{"team":"web"}'
    body:
      description: Response body.
      returned: for http_response backends
      type: str
      sample: <h1>Back soon</h1>
    headers:
      description: Response headers, names in lower case (V({}) when none).
      returned: for http_response backends
      type: dict
      sample: {"content-type": "text/html"}
    status_code:
      description: Response status code.
      returned: for http_response backends
      type: int
      sample: 503
    labels:
      description: The labels a tunnel must carry (V({}) when none).
      returned: for tunnel_group backends
      type: dict
      sample: {"app": "web"}
    tunnels:
      description: The online tunnels that match now, as references.
      returned: for tunnel_group backends
      type: list
      elements: dict
      sample: []
    backends:
      description:
        - For weighted backends, a dictionary of weights by backend id.
        - For failover backends, the list of backend ids in failover order.
      returned: for weighted and failover backends
      type: raw
      sample: {"bkdhr_2fMuU4sEZ8HgKe5Ff5pJ4NbMb1W": 90, "bkdhr_2fMuU4sEZ8HgKe5Ff5pJ4NbMb1Y": 10}
'''

from ansible_collections.community.ngrok.plugins.module_utils.backends import BACKENDS
from ansible_collections.community.ngrok.plugins.module_utils.info import Listing, run_info_module


def main():
    run_info_module(Listing('backends', BACKENDS, noun='backend'))


if __name__ == '__main__':
    main()
