#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright (c) 2026, community.ngrok contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

from __future__ import absolute_import, division, print_function
__metaclass__ = type

DOCUMENTATION = r'''
module: ngrok_weighted_backend
short_description: Manage ngrok weighted backends
version_added: 0.1.0
description:
  - Create, update and delete ngrok weighted backends, which split traffic between other backends in
    proportion to their weights.
  - The backend is found by O(id), else by the options in O(find_by) (its description by default).
  - Only the options you set are compared and changed.
extends_documentation_fragment:
  - community.ngrok.ngrok
  - community.ngrok.ngrok.edges
  - community.ngrok.ngrok.backend
  - community.ngrok.ngrok.resource
  - community.ngrok.ngrok.attributes
options:
  backends:
    description:
      - The backends to split traffic between, as a dictionary of backend to weight.
      - A backend is named by its id (for example V(bkdhr_2fMuU4sEZ8HgKe5Ff5pJ4NbMb1W)) or by the exact
        description of an existing backend of any type. A description that matches no backend, or more
        than one, fails the task before any change; naming backends by description lists each backend
        type once per task. A name that starts with a backend id prefix (V(bkdhr_), V(bkdtg_), V(bkdwd_),
        V(bkdfo_)) is an id and is used as given; the API refuses an id no backend has.
      - Two names of the same backend fail the task.
      - A weight is an integer from V(0) to V(10000); a backend's share of the traffic is its weight
        divided by the sum of all weights.
      - The whole dictionary is compared; a backend left out is removed from the split.
      - The ngrok API empties the backends of a weighted backend when an update does not send them, so
        every update sends the whole dictionary, the current one when this option is not set.
      - In check mode, a description that matches no backend yet is assumed to belong to a backend an
        earlier task of the same run would create; the task warns.
    type: dict
author:
  - community.ngrok maintainers (@ansible-collections)
'''

EXAMPLES = r'''
- name: Send 90% of the traffic to blue and 10% to green
  community.ngrok.ngrok_weighted_backend:
    description: web blue/green
    backends:
      blue: 90
      green: 10

- name: Switch everything to green, naming green by id
  community.ngrok.ngrok_weighted_backend:
    description: web blue/green
    backends:
      blue: 0
      bkdhr_2fMuU4sEZ8HgKe5Ff5pJ4NbMb1W: 100

- name: Rename it; its backends are kept
  community.ngrok.ngrok_weighted_backend:
    id: bkdwd_2fMuU4sEZ8HgKe5Ff5pJ4NbMb1X
    description: web split

- name: Delete it
  community.ngrok.ngrok_weighted_backend:
    description: web split
    state: absent
'''

RETURN = r'''
backend:
  description:
    - The backend after the task. In check mode, the predicted backend; values only the server can choose
      (V(id), V(uri), V(created_at) of a new backend) are V(null).
    - With O(state=absent), the backend that was deleted, or V({}) when there was none.
  returned: always
  type: dict
  contains:
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
    backends:
      description:
        - Weights by backend id.
        - In check mode, a backend named by a description that matches no backend yet appears under that
          description.
      type: dict
      sample: {"bkdhr_2fMuU4sEZ8HgKe5Ff5pJ4NbMb1W": 90, "bkdhr_2fMuU4sEZ8HgKe5Ff5pJ4NbMb1Y": 10}
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

from ansible_collections.community.ngrok.plugins.module_utils.backends import WEIGHTED
from ansible_collections.community.ngrok.plugins.module_utils.module import run_resource_module


def main():
    run_resource_module(WEIGHTED)


if __name__ == '__main__':
    main()
