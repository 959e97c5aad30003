#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright (c) 2026, community.ngrok contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

from __future__ import absolute_import, division, print_function
__metaclass__ = type

DOCUMENTATION = r'''
module: ngrok_cloud_endpoint
short_description: Manage ngrok cloud endpoints and their traffic policies
version_added: 0.1.0
description:
  - Create, update and delete ngrok cloud endpoints, what replaces HTTPS edges. An endpoint is a URL, a binding
    (V(public), V(internal) or V(kubernetes)) and a traffic policy that decides what happens to the traffic.
  - The endpoint is found by O(id), else by its O(url), else by the options in O(find_by). A lookup by URL,
    description or metadata is one request whatever the number of endpoints (the API's C(filter) query); if
    the API refuses the filter, the task reads the whole list instead, 100 endpoints a request. Agent endpoints,
    which the API lists beside cloud endpoints, are never found or changed.
  - The traffic policy is compared as data, never as text. A policy given as YAML text, as JSON text with other
    spacing or key order, or as a dictionary is the same policy when it holds the same data, so re-running a
    task never changes an endpoint because of how its policy is written. Parts that mean nothing (a phase
    without rules, an empty C(expressions) list or C(config)) do not count either.
  - The policy is checked before any request (its phases, that rules are lists with C(actions), that each
    action has a C(type)); an action type this collection does not know is a warning, since ngrok adds action
    types and the API itself refuses those it does not know.
  - Secrets in the policy (the C(client_secret) of C(oauth) and C(openid-connect), the C(secret) of
    C(verify-webhook), the passwords of C(basic-auth), the C(server_private_key) of C(terminate-tls), the
    C(providers[].api_keys[].value) of C(ai-gateway)) never appear in the output. The result, the diff and
    the module's own invocation mask them, and a changed secret shows as V(******** (changed\)). A vault
    reference (V(${secrets.get("vault", "name"\)})) names a secret without holding it and stays readable; see
    the cloud endpoints guide to keep secrets out of the policy altogether.
  - Deleting an internal endpoint that another endpoint's C(forward-internal) action sends traffic to fails
    before any change and names that endpoint (also returned as RV(used_by)); finding them lists the
    endpoints. An endpoint in a pool (O(pooling_enabled)) is not checked, since the other members of the pool keep
    serving its URL. In check mode the task warns instead.
extends_documentation_fragment:
  - community.ngrok.ngrok
  - community.ngrok.ngrok.resource
  - community.ngrok.ngrok.attributes
options:
  url:
    description:
      - The endpoint's URL, V(scheme://host) or V(scheme://host:port), the scheme one of V(https), V(http),
        V(tls) or V(tcp) (which needs a port). For example V(https://shop.example.com),
        V(https://api.internal) or V(tcp://db.internal:5432). Required to create an endpoint.
      - Compared as ngrok stores it, scheme and host in lower case and without the scheme's default port
        (V(https://Shop.example.com:443) is V(https://shop.example.com)).
      - A public endpoint's host must be a domain reserved by the account (M(community.ngrok.ngrok_reserved_domain)),
        or lie under a reserved wildcard domain, and listen on its scheme's default port. An internal endpoint's
        host ends in V(.internal) (at most 5 subdomains before it) and needs no reservation.
      - When given, it identifies the endpoint and O(find_by) is not used. With O(id), it moves the endpoint
        to another host or port in one update; the scheme cannot change (the task fails before any change).
      - A URL with a path, query, fragment, user information or a trailing V(/) is refused before any request.
    type: str
  traffic_policy:
    description:
      - The traffic policy, as a dictionary or as its YAML or JSON text. Required to create an endpoint; ngrok
        needs a policy with at least one rule.
      - A mapping of phases (V(on_tcp_connect), V(on_http_request), V(on_http_response),
        V(on_event_stream_message)) to lists of rules; a rule has C(actions) (a list of C(type) and C(config)),
        and optionally C(name) and C(expressions) (CEL).
      - A text is sent as given (ngrok stores and shows it as written, comments included); a dictionary as
        compact JSON, keys in the order given.
      - Compared as data with the endpoint's policy, whatever the text ngrok stores.
      - To restrict by IP, a C(restrict-ips) action names IP policies by id (V(ipp_...)) in C(ip_policies);
        to send traffic to an internal endpoint, a C(forward-internal) action names its URL.
    type: raw
  bindings:
    description:
      - Where the endpoint is reachable, exactly one of V(public) (from the internet), V(internal) (only from
        other endpoints' C(forward-internal) actions) or V(kubernetes) (inside Kubernetes clusters with the
        ngrok operator).
      - When not set on a new endpoint, ngrok chooses V(internal) for a V(.internal) host and V(public)
        otherwise.
    type: list
    elements: str
    choices: [public, internal, kubernetes]
  pooling_enabled:
    description:
      - Whether the endpoint pools with the other endpoints of its URL (ngrok balances traffic between them).
        Every endpoint of one URL must have it for them to share the URL. ngrok's default is V(false).
      - Endpoints in one pool share a URL, so a task that names the URL fails and lists their ids when there
        are several; manage each one by O(id).
    type: bool
seealso:
  - module: community.ngrok.ngrok_cloud_endpoint_info
  - module: community.ngrok.ngrok_reserved_domain
  - ref: ansible_collections.community.ngrok.docsite.cloud_endpoints
    description: The guide to cloud endpoints and traffic policy, with a complete playbook.
author:
  - community.ngrok maintainers (@ansible-collections)
'''

EXAMPLES = r'''
- name: The domain the endpoint serves
  community.ngrok.ngrok_reserved_domain:
    domain: shop.example.com

- name: An internal endpoint that answers for the shop's API
  community.ngrok.ngrok_cloud_endpoint:
    url: https://shop-api.internal
    description: shop api
    traffic_policy:
      on_http_request:
        - actions:
            - type: custom-response
              config:
                status_code: 200
                body: ok

- name: The public endpoint, its policy as YAML text
  community.ngrok.ngrok_cloud_endpoint:
    url: https://shop.example.com
    description: shop
    metadata:
      team: web
    traffic_policy: |
      on_http_request:
        - name: the API
          expressions:
            - req.url.path.startsWith('/api/')
          actions:
            - type: forward-internal
              config:
                url: https://shop-api.internal
        - actions:
            - type: deny
              config:
                status_code: 404
  register: shop

- name: The policy from a file (the same data in any layout is no change)
  community.ngrok.ngrok_cloud_endpoint:
    url: https://shop.example.com
    traffic_policy: "{{ lookup('ansible.builtin.file', 'shop-policy.yml') }}"

- name: GitHub sign-in, the client secret read from an ngrok vault when the policy runs
  community.ngrok.ngrok_cloud_endpoint:
    url: https://admin.example.com
    traffic_policy:
      on_http_request:
        - actions:
            - type: oauth
              config:
                provider: github
                client_id: "{{ github_client_id }}"
                client_secret: '${secrets.get("shop", "github-client-secret")}'
            - type: custom-response
              config:
                status_code: 200
                body: "Hello ${actions.ngrok.oauth.identity.name}"

- name: Delete the public endpoint
  community.ngrok.ngrok_cloud_endpoint:
    url: https://shop.example.com
    state: absent
'''

RETURN = r'''
endpoint:
  description:
    - The cloud endpoint after the task. In check mode, the predicted one; values only the server can choose
      (V(id), V(uri), V(created_at), the reserved V(domain) of a new endpoint) are V(null), as are
      those a change of URL makes ngrok compute again.
    - With O(state=absent), the endpoint that was deleted, or V({}) when there was none.
  returned: always
  type: dict
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
      description: The endpoint's URL, as ngrok stores it.
      type: str
      sample: https://shop.example.com
    traffic_policy:
      description:
        - The traffic policy as data (read from the text ngrok stores), secrets masked; vault references are shown.
      type: dict
      sample: {"on_http_request": [{"actions": [{"type": "forward-internal", "config": {"url": "https://shop-api.internal"}}]}]}
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
      description: The URL clients use; the same as RV(endpoint.url) for a cloud endpoint.
      type: str
      sample: https://shop.example.com
    hostport:
      description: Host and port of the URL, the port always written.
      type: str
      sample: shop.example.com:443
    proto:
      description: The URL's scheme.
      type: str
      sample: https
    domain:
      description:
        - The reserved domain that serves a public endpoint (its C(id) and C(uri)); V(null) for internal and
          kubernetes endpoints.
      type: dict
      sample: {"id": "rd_2fMuU4sEZ8HgKe5Ff5pJ4NbMb1W", "uri": "https://api.ngrok.com/reserved_domains/rd_2fMuU4sEZ8HgKe5Ff5pJ4NbMb1W"}
used_by:
  description:
    - The endpoints whose C(forward-internal) actions still send traffic to this internal endpoint, when a delete
      failed because of them.
  returned: when a delete was refused because the endpoint is in use
  type: list
  elements: str
  sample: ["cloud endpoint ep_2fMuU4sEZ8HgKe5Ff5pJ4NbMb1Z (shop)"]
'''

from ansible_collections.community.ngrok.plugins.module_utils.endpoints import CLOUD_ENDPOINT
from ansible_collections.community.ngrok.plugins.module_utils.module import run_resource_module


def main():
    run_resource_module(CLOUD_ENDPOINT)


if __name__ == '__main__':
    main()
