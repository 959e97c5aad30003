#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright (c) 2026, community.ngrok contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

from __future__ import absolute_import, division, print_function
__metaclass__ = type

DOCUMENTATION = r'''
module: ngrok_tunnel_group_backend
short_description: Manage ngrok tunnel group backends
version_added: 0.1.0
description:
  - Create, update and delete ngrok tunnel group backends, which send traffic to the online labeled
    tunnels whose labels include all of the backend's labels.
  - The backend is found by O(id), else by the options in O(find_by) (its description by default).
  - Only the options you set are compared and changed. The tunnels that currently match are returned
    and never cause a change.
extends_documentation_fragment:
  - community.ngrok.ngrok
  - community.ngrok.ngrok.edges
  - community.ngrok.ngrok.backend
  - community.ngrok.ngrok.resource
  - community.ngrok.ngrok.attributes
options:
  labels:
    description:
      - The labels a tunnel must carry to receive traffic, as a dictionary of strings. A number or a boolean
        becomes text, as for any string option (the number V(2) becomes V("2")).
      - Keys and values may not contain V(=). The whole dictionary is compared, case-sensitively.
      - Every update sends the labels, the current ones when this option is not set, because the ngrok
        API has not kept them on every version when an update left them out.
    type: dict
author:
  - community.ngrok maintainers (@ansible-collections)
'''

EXAMPLES = r'''
- name: Traffic to the tunnels of the web app in eu-west
  community.ngrok.ngrok_tunnel_group_backend:
    description: web tunnels
    labels:
      app: web
      region: eu-west
  register: tunnels

- name: How many tunnels match now
  ansible.builtin.debug:
    msg: "{{ tunnels.backend.tunnels | length }}"
'''

RETURN = r'''
backend:
  description:
    - The backend after the task. In check mode, the predicted backend; values only the server can choose
      (V(id), V(uri), V(created_at), V(tunnels) of a new backend) are V(null).
    - With O(state=absent), the backend that was deleted, or V({}) when there was none.
  returned: always
  type: dict
  contains:
    id:
      description: Backend id.
      type: str
      sample: bkdtg_2fMuU4sEZ8HgKe5Ff5pJ4NbMb1V
    uri:
      description: API URL of the backend.
      type: str
      sample: https://api.ngrok.com/backends/tunnel_group/bkdtg_2fMuU4sEZ8HgKe5Ff5pJ4NbMb1V
    created_at:
      description: Creation time, RFC 3339.
      type: str
      sample: '2026-11-23T10:11:37Z'
    description:
      description: Description (V('') when none).
      type: str
      sample: web tunnels
    metadata:
      description: Metadata as stored (V('') when none).
      type: str
      sample: ''
    labels:
      description: The labels (V({}) when none; ngrok answers V(null) then).
      type: dict
      sample: {"app": "web", "region": "eu-west"}
    tunnels:
      description: The online tunnels that match now, as references (read-only).
      type: list
      elements: dict
      sample: [{"id": "tn_2fMuU4sEZ8HgKe5Ff5pJ4NbMb1U", "uri": "https://api.ngrok.com/tunnels/tn_2fMuU4sEZ8HgKe5Ff5pJ4NbMb1U"}]
used_by:
  description:
    - The objects that still use the backend, when a delete failed because of them; they are searched
      before the delete is sent, and again when the API refuses it as in use (ngrok error C(ERR_NGROK_6502),
      for a user added meanwhile). Empty when the API refused the delete but no user could be found.
  returned: when a delete was refused because the backend is in use
  type: list
  elements: str
  sample: ["failover backend bkdfo_2fMuU4sEZ8HgKe5Ff5pJ4NbMb1Z (web with fallback)"]
'''

from ansible_collections.community.ngrok.plugins.module_utils.backends import TUNNEL_GROUP
from ansible_collections.community.ngrok.plugins.module_utils.module import run_resource_module


def main():
    run_resource_module(TUNNEL_GROUP)


if __name__ == '__main__':
    main()
