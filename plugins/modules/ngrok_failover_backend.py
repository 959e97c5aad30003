#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright (c) 2026, community.ngrok contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

from __future__ import absolute_import, division, print_function
__metaclass__ = type

DOCUMENTATION = r'''
module: ngrok_failover_backend
short_description: Manage ngrok failover backends
version_added: 0.1.0
description:
  - Create, update and delete ngrok failover backends, which send traffic to the first of their backends
    and move to the next one only when a backend cannot be reached.
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
      - The backends in failover order, first tried first.
      - A backend is named by its id (for example V(bkdhr_2fMuU4sEZ8HgKe5Ff5pJ4NbMb1W)) or by the exact
        description of an existing backend of any type. A description that matches no backend, or more
        than one, fails the task before any change; naming backends by description lists each backend
        type once per task. A name that starts with a backend id prefix (V(bkdhr_), V(bkdtg_), V(bkdwd_),
        V(bkdfo_)) is an id and is used as given; the API refuses an id no backend has.
      - A backend may appear only once; two names of the same backend fail the task.
      - Order is significant. The same backends in another order are a change.
      - The ngrok API empties the backends of a failover backend when an update does not send them, so
        every update sends the whole list, the current one when this option is not set.
      - In check mode, a description that matches no backend yet is assumed to belong to a backend an
        earlier task of the same run would create; the task warns.
    type: list
    elements: str
author:
  - community.ngrok maintainers (@ansible-collections)
'''

EXAMPLES = r'''
- name: Serve from the app, fall back to the maintenance page
  community.ngrok.ngrok_failover_backend:
    description: web with fallback
    backends:
      - web blue/green
      - maintenance page

- name: Delete it
  community.ngrok.ngrok_failover_backend:
    description: web with fallback
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
      sample: bkdfo_2fMuU4sEZ8HgKe5Ff5pJ4NbMb1Z
    uri:
      description: API URL of the backend.
      type: str
      sample: https://api.ngrok.com/backends/failover/bkdfo_2fMuU4sEZ8HgKe5Ff5pJ4NbMb1Z
    created_at:
      description: Creation time, RFC 3339.
      type: str
      sample: '2026-11-23T10:11:37Z'
    description:
      description: Description (V('') when none).
      type: str
      sample: web with fallback
    metadata:
      description: Metadata as stored (V('') when none).
      type: str
      sample: ''
    backends:
      description:
        - Backend ids in failover order.
        - In check mode, a backend named by a description that matches no backend yet appears as that
          description.
      type: list
      elements: str
      sample: ["bkdwd_2fMuU4sEZ8HgKe5Ff5pJ4NbMb1X", "bkdhr_2fMuU4sEZ8HgKe5Ff5pJ4NbMb1W"]
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

from ansible_collections.community.ngrok.plugins.module_utils.backends import FAILOVER
from ansible_collections.community.ngrok.plugins.module_utils.module import run_resource_module


def main():
    run_resource_module(FAILOVER)


if __name__ == '__main__':
    main()
