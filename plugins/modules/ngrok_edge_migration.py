#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright (c) 2026, community.ngrok contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

from __future__ import absolute_import, division, print_function
__metaclass__ = type

DOCUMENTATION = r'''
module: ngrok_edge_migration
short_description: Move an ngrok HTTPS edge to cloud endpoints with a traffic policy
version_added: 0.1.0
description:
  - Reads an HTTPS edge, its routes with every route module, and the backends behind them (weighted and
    failover backends followed down to their HTTP response and tunnel group backends), and translates them
    into cloud endpoints, one per hostport of the edge, each with the traffic policy that serves the edge's
    traffic. The guide "Moving edges to cloud endpoints" gives the mapping of each route module and backend
    type, and the ngrok documents each one is taken from.
  - With O(state=present) (the default) it creates or updates those cloud endpoints as
    M(community.ngrok.ngrok_cloud_endpoint) does. Each endpoint is found by its URL and compared as data, so
    running the task again changes nothing, and an endpoint that differs is changed with one request. In check
    mode it only reads, and the diff shows each endpoint before and after. With O(state=planned) it only
    reads and returns the endpoints and their policy, to review or to save.
  - It never changes or deletes the edge, its routes or its backends. Retire them with
    M(community.ngrok.ngrok_edge_route), M(community.ngrok.ngrok_https_edge) and the backend modules
    (O(state=absent)) once the endpoints serve the traffic.
  - What the policy cannot carry as it was (SAML, the WebSocket to TCP converter, GitHub teams and
    organizations of OAuth, a value an action cannot take...) is listed per route in RV(unsupported). With
    O(state=present) the task fails, before any write and in check mode too, until O(acknowledge) names each
    item. Where the loss is an access restriction, the policy refuses the requests instead, so a route is
    never more open than it was on the edge.
  - Secrets the policy carries (OAuth and OpenID Connect client secrets, webhook secrets) never appear in the
    output; the result, the diff and errors mask them. With O(vault), the policy does not hold them at all.
  - Requests, counted against the API's rate limit, are the edge (one by id; the edges' list, 100 edges a
    request, by description), the backends (level by level, for each backend type one by id when one is
    needed, else the first page of the type's list, which holds them all when the account has at most 100
    backends of that type; never more than one per backend plus one page per type), then one lookup per
    endpoint and one write per endpoint that differs.
extends_documentation_fragment:
  - community.ngrok.ngrok
  - community.ngrok.ngrok.edges
attributes:
  check_mode:
    description: Can run in check_mode and return changed status prediction without modifying target.
    support: full
    details:
      - Check mode reads the edge, its backends and each endpoint, and returns the endpoints the task would
        create or update; the id of an endpoint it would create is V(null). It fails like a real run when a
        loss is not acknowledged.
  diff_mode:
    description: Will return details on what has changed (or possibly needs changing in check_mode), when in diff mode.
    support: full
    details:
      - The diff shows each endpoint before and after, headed by its URL, its policy as data. Secrets are masked; a
        changed secret shows as changed.
  action_group:
    description: Use C(group/community.ngrok.ngrok) in C(module_defaults) to set defaults for this module.
    support: full
    membership:
      - community.ngrok.ngrok
options:
  edge:
    description:
      - The HTTPS edge to move, by id (V(edghts_...)) or by its exact description. Several edges with the
        description fail and list their ids.
      - TLS and TCP edges (V(edgtls_...), V(edgtcp_...)) are refused before any request.
      - An edge that does not exist fails; in check mode it is assumed to be created by an earlier task, with a
        warning, and nothing can be predicted.
    type: str
    required: true
  state:
    description:
      - V(present) creates each cloud endpoint, or updates it when it differs from the plan.
      - V(planned) only reads and returns the plan (RV(endpoints), RV(traffic_policy), RV(unsupported),
        RV(notes)); what cannot be carried is then a warning, not a failure.
    type: str
    choices: [present, planned]
    default: present
  acknowledge:
    description:
      - 'What cannot be carried that you accept losing. Each entry is the C(what) of an item of RV(unsupported),
        which accepts it on every route (V(saml), V(websocket_tcp_converter), V(oauth.provider.github.teams)),
        or its route''s C(match) and its C(what), V(/legacy: saml), which accepts it on that route only
        (V(edge: what) for the edge''s own items, V(edge: hostports)).'
      - With O(state=present), an item no entry names fails the task before any write, in check mode too; the
        message and RV(unacknowledged) list them in the form this option takes.
      - Prefer the per-route form. A bare C(what) also accepts the same loss on a route added to the edge later,
        without a new review; a new kind of loss (or one a later version of this collection reports) always
        needs a new entry. There is no option that accepts everything.
      - An entry that names nothing the edge loses is a warning.
    type: list
    elements: str
    default: []
  internal_urls:
    description:
      - The internal endpoint URL that replaces each tunnel group backend, by its labels. A tunnel group sent
        traffic to the agents whose tunnels had its labels; its replacement is an internal endpoint that those
        agents start, and C(forward-internal) to it.
      - A tunnel group whose labels are not listed gets a URL made from them as ngrok's migration guide does
        (V(service=app) becomes V(https://service-app.internal)), several labels joined in key order; RV(notes)
        lists each one.
    type: list
    elements: dict
    suboptions:
      labels:
        description:
          - Exactly the labels of the tunnel group backend (all of them), as strings.
        type: dict
        required: true
      url:
        description:
          - The internal endpoint URL, V(https://<name>.internal) or V(http://<name>.internal), with an
            optional port.
        type: str
        required: true
  vault:
    description:
      - The name of an ngrok vault. The policy then reads each secret from it
        (V(${secrets.get("vault", "name"\)})) instead of holding it, and RV(vault_secrets) lists the secrets
        to store there, named after their route (V(edghtsrt_...-oauth-client-secret)).
      - Store them (ngrok dashboard, API or CLI) before the endpoints take traffic. Their values are those of the
        route modules.
    type: str
  webhook_secrets:
    description:
      - The C(verify-webhook) secret of a route, by the route's C(match). Needed for the V(sns) provider, whose
        route module took no secret while the action needs the SNS topic owner; it replaces the route
        module's secret for the other providers.
      - Never shown in the output.
    type: dict
  endpoint_description:
    description:
      - The description of the cloud endpoints, at most 255 characters.
      - Default V(Moved from HTTPS edge <id> (<its description>\)).
    type: str
  endpoint_metadata:
    description:
      - The metadata of the cloud endpoints, a string or a dictionary (sent as compact JSON), at most 4096
        characters.
      - Default the edge's id and the endpoint's hostport, V({"hostport":"shop.example.com:443","moved_from_edge":"edghts_..."}).
    type: raw
  endpoint_bindings:
    description:
      - The binding of the cloud endpoints, in a list of one. Default V([public]), as the edge served the
        internet.
    type: list
    elements: str
    choices: [public, internal, kubernetes]
notes:
  - The edge and the endpoints can exist side by side. ngrok's migration guide creates the endpoints, checks
    them, then deletes the edge.
  - 'Rules are named after their route and what they come from (V(/api*: ip restriction)), so a policy can be
    read against the edge.'
seealso:
  - module: community.ngrok.ngrok_https_edge_info
  - module: community.ngrok.ngrok_cloud_endpoint
  - ref: ansible_collections.community.ngrok.docsite.moving_edges_to_endpoints
    description: The guide, with the mapping and its sources, what cannot be moved, and a worked example.
  - name: Migrating ngrok Edges to Cloud Endpoints
    description: ngrok's manual procedure, which this module follows.
    link: https://ngrok.com/docs/guides/migration/edges-to-endpoints
author:
  - community.ngrok maintainers (@ansible-collections)
'''

EXAMPLES = r'''
- name: What the shop edge becomes (reads only)
  community.ngrok.ngrok_edge_migration:
    edge: shop edge
    state: planned
  register: plan

- name: Save the policy for review
  ansible.builtin.copy:
    content: "{{ plan.traffic_policy | to_nice_yaml }}"
    dest: shop-policy.yml
    mode: "0644"

- name: Create the endpoints, accepting what cannot be carried on the routes named
  community.ngrok.ngrok_edge_migration:
    edge: shop edge
    internal_urls:
      - labels: {service: storefront}
        url: https://storefront.internal
    vault: shop
    acknowledge:
      - "/legacy: saml"
      - "/legacy: websocket_tcp_converter"
  register: moved

- name: The secrets to store in the vault
  ansible.builtin.debug:
    msg: "{{ moved.vault_secrets | map(attribute='name') | list }}"

- name: Retire the edge once the endpoints serve its traffic (its routes go with it)
  community.ngrok.ngrok_https_edge:
    description: shop edge
    state: absent
  when: retire_edge | default(false) | bool
'''

RETURN = r'''
edge:
  description: The edge that was read (V({}) when it does not exist, in check mode).
  returned: always, also when the task failed because of unacknowledged losses
  type: dict
  contains:
    id:
      description: Edge id.
      type: str
      sample: edghts_2fsOHHxtBmEvOwnmWQLkRIwSFHa
    description:
      description: The edge's description.
      type: str
      sample: shop edge
    metadata:
      description: The edge's metadata.
      type: str
      sample: ''
    hostports:
      description: The edge's hostports, one endpoint each.
      type: list
      elements: str
      sample: [shop.example.com:443]
endpoints:
  description:
    - The cloud endpoints that replace the edge, one per hostport, in the edge's order.
  returned: always
  type: list
  elements: dict
  contains:
    url:
      description: The endpoint's URL (V(https://host), the port kept when it is not 443).
      type: str
      sample: https://shop.example.com
    traffic_policy:
      description: The traffic policy as data, secrets masked; the same for every endpoint.
      type: dict
      sample: {"on_http_request": [{"name": "/: backend http response bkdhr_...", "expressions": ["req.url.path.startsWith(\"/\")"],
               "actions": [{"type": "custom-response", "config": {"status_code": 200, "body": "ok"}}]}]}
    bindings:
      description: The endpoint's binding, in a list of one.
      type: list
      elements: str
      sample: [public]
    description:
      description: The endpoint's description.
      type: str
      sample: Moved from HTTPS edge edghts_2fsOHHxtBmEvOwnmWQLkRIwSFHa (shop edge)
    metadata:
      description: The endpoint's metadata, as sent.
      type: str
      sample: '{"hostport":"shop.example.com:443","moved_from_edge":"edghts_2fsOHHxtBmEvOwnmWQLkRIwSFHa"}'
    id:
      description: The endpoint's id after the task; V(null) for one check mode would create.
      returned: with O(state=present)
      type: str
      sample: ep_2fMuU4sEZ8HgKe5Ff5pJ4NbMb1W
    changed:
      description: Whether the task created or updated this endpoint (would, in check mode).
      returned: with O(state=present)
      type: bool
      sample: true
traffic_policy:
  description:
    - The traffic policy of the endpoints as data, secrets masked (also when the edge has no hostport, so no
      endpoint).
    - Phases C(on_tcp_connect) (the edge's TLS modules, when they change anything), C(on_http_request) (each
      route's modules then its backend, most specific route first) and C(on_http_response).
  returned: always
  type: dict
  sample: {"on_http_request": [{"name": "/api*: ip restriction", "expressions": ["req.url.path.startsWith(\"/api\")"],
           "actions": [{"type": "restrict-ips", "config": {"enforce": true, "ip_policies": ["ipp_2fsOI0R7BDBMjDbLLW2ONaE2PX1"]}}]}]}
unsupported:
  description:
    - What the policy does not carry as it was, per route (the edge's own items have no route), in the policy's
      order.
  returned: always, also when the task failed because of unacknowledged losses
  type: list
  elements: dict
  contains:
    route:
      description: The route's id; V(null) for the edge itself.
      type: str
      sample: edghtsrt_2fsOHe3JhNnWQ2sUKSa2qwJLCCW
    match:
      description: The route's match; V(null) for the edge itself.
      type: str
      sample: /legacy
    what:
      description: What is lost, as O(acknowledge) names it.
      type: str
      sample: saml
    why:
      description: Why, and what the policy does instead.
      type: str
      sample: there is no SAML action yet (ngrok lists it as coming soon, in early access); the route denies every request ...
    acknowledged:
      description: Whether an entry of O(acknowledge) accepts it.
      type: bool
      sample: true
unacknowledged:
  description: 'The unsupported items O(acknowledge) does not name, as it would name them (V(/legacy: saml)).'
  returned: when the task failed because of them
  type: list
  elements: str
  sample: ["/legacy: saml"]
notes:
  description: Choices made for you (the internal endpoint URL derived for each tunnel group, the answer for paths
    no route matches...).
  returned: always, also when the task failed because of unacknowledged losses
  type: list
  elements: str
  sample: ["paths no route matches get a 404 (the edge's own answer for them is not documented)"]
vault_secrets:
  description: With O(vault), the secrets to store in the vault for the policy to read, values masked.
  returned: always
  type: list
  elements: dict
  contains:
    vault:
      description: The vault.
      type: str
      sample: shop
    name:
      description: The secret's name in the vault.
      type: str
      sample: edghtsrt_2fsOHvfgmLhXuZpmf5KZBm2kVxT-oauth-client-secret
    value:
      description: Always masked.
      type: str
      sample: '********'
    route:
      description: The route the secret comes from.
      type: str
      sample: edghtsrt_2fsOHvfgmLhXuZpmf5KZBm2kVxT
    match:
      description: That route's match.
      type: str
      sample: /admin
'''

from ansible_collections.community.ngrok.plugins.module_utils.migration_task import EdgeMigration, argument_spec
from ansible_collections.community.ngrok.plugins.module_utils.module import new_client, new_module, run_and_exit


def main():
    module = new_module(argument_spec())
    migration = EdgeMigration(module.params, new_client(module), check_mode=module.check_mode,
                              hide=lambda secrets: module.no_log_values.update(secret for secret in secrets if secret))
    run_and_exit(module, migration.run)


if __name__ == '__main__':
    main()
