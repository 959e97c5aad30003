#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright (c) 2026, community.ngrok contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

from __future__ import absolute_import, division, print_function
__metaclass__ = type

DOCUMENTATION = r'''
module: ngrok_http_response_backend
short_description: Manage ngrok HTTP response backends
version_added: 0.1.0
description:
  - Create, update and delete ngrok HTTP response backends, which answer every request with a fixed
    status code, headers and body.
  - The backend is found by O(id), else by the options in O(find_by) (its description by default).
  - Only the options you set are compared and changed; everything else on the backend is left alone.
extends_documentation_fragment:
  - community.ngrok.ngrok
  - community.ngrok.ngrok.edges
  - community.ngrok.ngrok.backend
  - community.ngrok.ngrok.resource
  - community.ngrok.ngrok.attributes
options:
  body:
    description:
      - Body of every response.
    type: str
  headers:
    description:
      - Headers of every response, as a dictionary of names to string values. A number or a boolean becomes
        text, as for any string option (a V(Retry-After) of V(3600) is sent as the text V("3600")).
      - ngrok stores header names in lower case, so names are compared case-insensitively
        (V(Content-Type) and V(content-type) are the same header). Values are compared exactly.
      - Names must be valid HTTP header names and values single lines (no CR, LF or NUL), as in the header
        modules of M(community.ngrok.ngrok_edge_route); both are checked before any request.
      - The whole dictionary is compared; V({}) removes all headers.
    type: dict
  status_code:
    description:
      - HTTP status code of every response, from V(100) to V(599).
    type: int
author:
  - community.ngrok maintainers (@ansible-collections)
'''

EXAMPLES = r'''
- name: Serve a maintenance page
  community.ngrok.ngrok_http_response_backend:
    description: maintenance page
    status_code: 503
    headers:
      Content-Type: text/html
      Retry-After: "3600"
    body: <h1>Back soon</h1>
    metadata:
      team: web
  register: maintenance

- name: Show the id of the backend
  ansible.builtin.debug:
    msg: "{{ maintenance.backend.id }}"

- name: Find a backend by its metadata instead of its description
  community.ngrok.ngrok_http_response_backend:
    find_by: [metadata]
    metadata:
      team: web
    status_code: 200

- name: Delete the backend
  community.ngrok.ngrok_http_response_backend:
    description: maintenance page
    state: absent

- name: Set the API key once for every ngrok task
  module_defaults:
    group/community.ngrok.ngrok:
      api_key: "{{ vault_ngrok_api_key }}"
  block:
    - name: Teapot
      community.ngrok.ngrok_http_response_backend:
        description: teapot
        status_code: 418
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
      sample: bkdhr_2fMuU4sEZ8HgKe5Ff5pJ4NbMb1W
    uri:
      description: API URL of the backend.
      type: str
      sample: https://api.ngrok.com/backends/http_response/bkdhr_2fMuU4sEZ8HgKe5Ff5pJ4NbMb1W
    created_at:
      description: Creation time, RFC 3339.
      type: str
      sample: '2026-11-23T10:11:37Z'
    description:
      description: Description (V('') when none).
      type: str
      sample: maintenance page
    metadata:
      description: Metadata as stored (V('') when none).
      type: str
      sample: '{"team":"web"}'
    body:
      description: Response body.
      type: str
      sample: <h1>Back soon</h1>
    headers:
      description: Response headers, names in lower case (V({}) when none).
      type: dict
      sample: {"content-type": "text/html"}
    status_code:
      description: Response status code.
      type: int
      sample: 503
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

from ansible_collections.community.ngrok.plugins.module_utils.backends import HTTP_RESPONSE
from ansible_collections.community.ngrok.plugins.module_utils.module import run_resource_module


def main():
    run_resource_module(HTTP_RESPONSE)


if __name__ == '__main__':
    main()
