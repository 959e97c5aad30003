# -*- coding: utf-8 -*-
# Copyright (c) 2026, community.ngrok contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

from __future__ import absolute_import, division, print_function
__metaclass__ = type


class ModuleDocFragment(object):

    # Connection options of every module (plugins/module_utils/module.py connection_argument_spec).
    DOCUMENTATION = r'''
options:
  api_key:
    description:
      - An ngrok API key (not an agent authtoken), created in the ngrok dashboard under API.
      - If not set, the value of the E(NGROK_API_KEY) environment variable is used; one of them is required.
        An empty key, or one with spaces or line breaks, fails before any request.
      - The key is never printed, logged or returned, not even in error messages.
    type: str
  api_url:
    description:
      - Base URL of the ngrok API.
      - If not set, the value of the E(NGROK_API_URL) environment variable is used, else V(https://api.ngrok.com).
      - Point it at the collection's API emulator to test playbooks offline.
      - Must start with V(https://), or V(http://) for a local emulator, and be the base URL alone (a scheme, a
        host and an optional port). ngrok's API has no path prefix, so a URL with a path (V(https://api.ngrok.com/v2)),
        a query or a fragment fails before any request; so does a user name or password in it.
    type: str
    default: https://api.ngrok.com
  validate_certs:
    description:
      - Whether to verify the TLS certificate of O(api_url).
      - Only set to V(false) against a test endpoint you control.
    type: bool
    default: true
  timeout:
    description:
      - Seconds to wait for each answer of the API, more than 0 and at most 3600.
      - Requests that fail because of rate limiting (HTTP 429) or a transient server or network error
        are retried with capped exponential backoff; a create is never sent twice when the first
        attempt may have succeeded, and a delete whose answer was lost reports the change when the
        retry finds the object gone.
      - A connection that cannot be made at all (refused, a host name that does not resolve) is not retried,
        so the task fails at once.
    type: float
    default: 30
requirements:
  - requests
notes:
  - All requests of one task share one HTTP connection.
'''

    # Modules of edges, routes and backends, which ngrok sunset (a fragment needs options, even none).
    EDGES = r'''
options: {}
notes:
  - ngrok sunset Edges and Backends for new use on 2025-12-31. These modules manage them for accounts
    that still have them.
'''

    # The four backend modules: deleting a backend in use (engine.absent, reference_table.REFERENCES).
    BACKEND = r'''
options: {}
notes:
  - Deleting a backend that a weighted or failover backend or an HTTPS edge route still uses fails before
    any change and names the objects that use it (also returned as RV(used_by)), also where the API itself
    would allow the delete (it lets a backend used by a route go, which would leave the route pointing at
    nothing). To delete a backend and what uses it, delete the users first, in dependency order.
  - Finding the users costs one listing each of the weighted backends, the failover backends and the HTTPS
    edges (one request per 100 objects) on every delete of a backend that exists; the listing of the
    backend's own type, when the task read it to find the backend, serves again.
  - In check mode a backend in use is reported as deleted, with a warning naming its users, since an
    earlier task of the same run may only have pretended to remove those uses.
'''

    # Options of every module that manages one API object (module.py resource_argument_spec).
    RESOURCE = r'''
options:
  state:
    description:
      - V(present) creates the object or updates it to match the options given.
      - V(absent) deletes it. Deleting an object that does not exist is not a change.
    type: str
    choices: [present, absent]
    default: present
  id:
    description:
      - The id of the object to manage.
      - When set, the object is looked up by this id only and O(find_by) is ignored; with O(state=present)
        the task fails if no object has this id, with O(state=absent) it does nothing.
      - When not set, the object is found by the options listed in O(find_by).
    type: str
  find_by:
    description:
      - Which options identify the object when O(id) is not given. All listed options must be set, and an
        object matches when all of them are equal (O(metadata) is compared as JSON when it is JSON).
      - No match creates the object (O(state=present)). More than one match fails and lists the ids of the
        matching objects, it never guesses.
      - An empty list fails before any request (it would match every object), unless O(id) identifies the object.
    type: list
    elements: str
    choices: [description, metadata]
    default: [description]
  description:
    description:
      - Human-readable description, at most 255 characters.
      - By default the object is found by its description (see O(find_by)).
    type: str
  metadata:
    description:
      - Arbitrary machine-readable data, at most 4096 characters.
      - A string is sent as given. A dictionary is sent as compact JSON with sorted keys, its text in UTF-8
        (not C(\u) escapes).
      - When both the current and the wanted value are JSON, they are compared as JSON, so key order and
        spacing do not cause a change.
    type: raw
'''

    ATTRIBUTES = r'''
attributes:
  check_mode:
    description: Can run in check_mode and return changed status prediction without modifying target.
    support: full
    details:
      - Check mode makes only read requests and returns the predicted object. Values only the server can
        choose (for example the O(id) of a new object) are V(null).
  diff_mode:
    description: Will return details on what has changed (or possibly needs changing in check_mode), when in diff mode.
    support: full
    details:
      - The diff shows the whole object before and after. Secrets are masked; a changed secret shows as changed.
  action_group:
    description: Use C(group/community.ngrok.ngrok) in C(module_defaults) to set defaults for this module.
    support: full
    membership:
      - community.ngrok.ngrok
'''

    # Attributes of modules that only read (ngrok_backend_info).
    INFO_ATTRIBUTES = r'''
attributes:
  check_mode:
    description: Can run in check_mode and return changed status prediction without modifying target.
    support: full
    details:
      - This module only reads; it runs the same in check mode.
  diff_mode:
    description: Will return details on what has changed (or possibly needs changing in check_mode), when in diff mode.
    support: N/A
    details:
      - This module never changes anything.
  action_group:
    description: Use C(group/community.ngrok.ngrok) in C(module_defaults) to set defaults for this module.
    support: full
    membership:
      - community.ngrok.ngrok
'''
