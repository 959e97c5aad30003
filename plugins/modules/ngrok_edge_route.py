#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright (c) 2026, community.ngrok contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

from __future__ import absolute_import, division, print_function
__metaclass__ = type

DOCUMENTATION = r'''
module: ngrok_edge_route
short_description: Manage the routes of ngrok HTTPS edges
version_added: 0.1.0
description:
  - Create, update and delete the routes of an ngrok HTTPS edge, with every route module the API has.
  - The route is found by O(id), else by its O(match) on the edge (ngrok keeps O(match) unique per edge),
    else by the options in O(find_by). Routes are read from their edge (there is no route list in the API),
    so a task reads the edge once; naming the edge by description lists the edges instead.
  - Each route module (O(backend), O(oauth), O(request_headers)...) is left alone when not given. A module
    that is given is compared on the sub-options you set only, after normalising both sides the way the API
    does (header names in lower case, references read back as ids, server defaults). When it differs, it is
    sent whole - every sub-option you set - because the API replaces a module it receives, and sub-options you
    do not set return to the API's defaults.
  - All changes to the route and its modules are sent in one update (V(match) and V(match_type) are always
    part of it). Each module removed by O(purge_modules) costs one more request, made before the update, so
    that one sign-in module (O(oauth), O(oidc), O(saml)) can replace another in one task.
  - Secrets (OAuth and OIDC client secrets, the webhook verification secret) are compared with the values
    the API returns, and masked in the result and the diff; a changed secret shows as V(******** (changed\)).
extends_documentation_fragment:
  - community.ngrok.ngrok
  - community.ngrok.ngrok.edges
  - community.ngrok.ngrok.resource
  - community.ngrok.ngrok.attributes
options:
  edge:
    description:
      - The HTTPS edge of the route, by id (V(edghts_...)) or by its exact description.
      - In check mode, an edge that does not exist yet is assumed to be created by an earlier task of the
        same run; the task warns.
    type: str
    required: true
  match_type:
    description:
      - How O(match) is compared with the request path. Required to create a route.
    type: str
    choices: [exact_path, path_prefix]
  match:
    description:
      - The path the route serves, starting with V(/). Required to create a route.
      - When given, it identifies the route on its edge and O(find_by) is not used.
    type: str
  purge_modules:
    description:
      - Remove the route modules that are set on the route but not given in the task, one request each.
    type: bool
    default: false
  backend:
    description:
      - Where the route sends its traffic.
    type: dict
    suboptions:
      enabled:
        description:
          - Whether the module applies; the API defaults to V(true).
        type: bool
      backend:
        description:
          - The backend, by id or by the exact description of a backend of any type (as the backend
            modules name their backends). Returned as its id.
        type: str
        required: true
        aliases: [backend_id]
  ip_restriction:
    description:
      - Allow or deny clients by IP policies.
    type: dict
    suboptions:
      enabled:
        description:
          - Whether the module applies; the API defaults to V(true).
        type: bool
      ip_policy_ids:
        description:
          - The IP policies, at least one, each by id (V(ipp_...)) or by its exact description (as
            M(community.ngrok.ngrok_ip_policy) names them), each once. Compared as a set; returned as ids.
          - A name that starts with V(ipp_) is taken as an id. Each description costs one request (the IP
            policies list filtered on it); in check mode, a policy that does not exist yet is assumed to be
            created by an earlier task of the same run, and the task warns.
        type: list
        elements: str
  circuit_breaker:
    description:
      - Rejects requests while the upstream fails too often.
    type: dict
    suboptions:
      enabled:
        description:
          - Whether the module applies; the API defaults to V(true).
        type: bool
      tripped_duration:
        description:
          - Seconds the circuit stays open before upstream health is checked again; at least V(1).
          - This and the other numbers of the module, when not given, get values ngrok chooses and does not
            document (check mode predicts them V(null)). Give all of them to know what the route does.
        type: int
      rolling_window:
        description:
          - Seconds of the rolling window metrics are kept for; at least V(1).
        type: int
      num_buckets:
        description:
          - Number of buckets the window is split into, V(1) to V(128).
        type: int
      volume_threshold:
        description:
          - Requests in a window needed before the circuit can open.
        type: int
      error_threshold_percentage:
        description:
          - Share of failed requests that opens the circuit, from V(0.0) to V(1.0).
        type: float
  compression:
    description:
      - Compresses responses for clients that accept it.
      - "V(true) or V(false) is short for C({enabled: true}) or C({enabled: false})."
    type: dict
    suboptions:
      enabled:
        description:
          - Whether the module applies; the API defaults to V(true).
        type: bool
  request_headers:
    description:
      - Headers added to and removed from requests before they reach the upstream.
    type: dict
    suboptions:
      enabled:
        description:
          - Whether the module applies; the API defaults to V(true).
        type: bool
      add:
        description:
          - Headers to add, name to value, at most 5. Names must be valid HTTP header names and are compared
            case-insensitively (the API stores them in lower case), so the same name must not be given twice in
            different cases; V(user-agent) cannot be added. Values are single lines (no CR, LF or NUL), compared
            exactly; a number or a boolean becomes text.
        type: dict
      remove:
        description:
          - Names of headers to remove, at most 5, compared case-insensitively and as a set (the API stores them
            in lower case). Removing V(host) needs a replacement V(host) in O(request_headers.add); V(user-agent)
            cannot be removed.
        type: list
        elements: str
  response_headers:
    description:
      - Headers added to and removed from responses before they reach the client.
    type: dict
    suboptions:
      enabled:
        description:
          - Whether the module applies; the API defaults to V(true).
        type: bool
      add:
        description:
          - Headers to add, name to value, at most 5. Names must be valid HTTP header names and are compared
            case-insensitively (the API stores them in lower case), so the same name must not be given twice in
            different cases; V(user-agent) cannot be added. Values are single lines (no CR, LF or NUL), compared
            exactly; a number or a boolean becomes text.
        type: dict
      remove:
        description:
          - Names of headers to remove, at most 5, compared case-insensitively and as a set (the API stores them
            in lower case); V(user-agent) cannot be removed.
        type: list
        elements: str
  webhook_verification:
    description:
      - Lets through only webhook requests signed by the provider.
    type: dict
    suboptions:
      enabled:
        description:
          - Whether the module applies; the API defaults to V(true).
        type: bool
      provider:
        description:
          - The webhook provider, for example V(github), V(slack), V(stripe), V(twilio), V(sns). Stored as given.
        type: str
        required: true
      secret:
        description:
          - The signing secret; required for every provider but V(sns), which takes none.
          - Never shown; compared with the value the API returns.
        type: str
  oauth:
    description:
      - Requires visitors to sign in with an OAuth identity provider. A route can have only one of
        O(oauth), O(oidc) and O(saml), and only one route of an edge can have any of them.
    type: dict
    suboptions:
      enabled:
        description:
          - Whether the module applies; the API defaults to V(true).
        type: bool
      options_passthrough:
        description:
          - Let HTTP OPTIONS requests through without authentication (for CORS); the API defaults to V(false).
        type: bool
      cookie_prefix:
        description:
          - Prefix of the session cookie, letters, digits and periods; the API defaults to V(ngrok.).
        type: str
      inactivity_timeout:
        description:
          - Seconds of inactivity after which a session ends, at most one year (V(31536000)); the API defaults to V(0).
        type: int
      maximum_duration:
        description:
          - Seconds after which a session ends however active it is; the API defaults to V(0).
        type: int
      auth_check_interval:
        description:
          - Seconds after which ngrok checks again with the provider that the user may still access the route;
            the API defaults to V(0).
        type: int
      provider:
        description:
          - The identity provider, exactly one of the sub-options below.
        type: dict
        required: true
        suboptions:
          amazon:
            description:
              - Sign in with Amazon.
            type: dict
            suboptions:
              client_id:
                description:
                  - Client id of your own OAuth app. Leave out O(oauth.provider.amazon.client_id) and
                    O(oauth.provider.amazon.client_secret) to use ngrok's managed app.
                type: str
              client_secret:
                description:
                  - Client secret of your own OAuth app; give it together with the client id.
                  - Never shown; compared with the value the API returns.
                type: str
              scopes:
                description:
                  - OAuth scopes to request, each given once. Needs your own OAuth app.
                type: list
                elements: str
              email_addresses:
                description:
                  - Email addresses allowed access, in lower case, each given once.
                type: list
                elements: str
              email_domains:
                description:
                  - Email domains allowed access, in lower case, each given once.
                type: list
                elements: str
          facebook:
            description:
              - Sign in with Facebook.
            type: dict
            suboptions:
              client_id:
                description:
                  - Client id of your own OAuth app. Leave out O(oauth.provider.facebook.client_id) and
                    O(oauth.provider.facebook.client_secret) to use ngrok's managed app.
                type: str
              client_secret:
                description:
                  - Client secret of your own OAuth app; give it together with the client id.
                  - Never shown; compared with the value the API returns.
                type: str
              scopes:
                description:
                  - OAuth scopes to request, each given once. Needs your own OAuth app.
                type: list
                elements: str
              email_addresses:
                description:
                  - Email addresses allowed access, in lower case, each given once.
                type: list
                elements: str
              email_domains:
                description:
                  - Email domains allowed access, in lower case, each given once.
                type: list
                elements: str
          github:
            description:
              - Sign in with GitHub.
            type: dict
            suboptions:
              client_id:
                description:
                  - Client id of your own OAuth app. Leave out O(oauth.provider.github.client_id) and
                    O(oauth.provider.github.client_secret) to use ngrok's managed app.
                type: str
              client_secret:
                description:
                  - Client secret of your own OAuth app; give it together with the client id.
                  - Never shown; compared with the value the API returns.
                type: str
              scopes:
                description:
                  - OAuth scopes to request, each given once. Needs your own OAuth app.
                type: list
                elements: str
              email_addresses:
                description:
                  - Email addresses allowed access, in lower case, each given once.
                type: list
                elements: str
              email_domains:
                description:
                  - Email domains allowed access, in lower case, each given once.
                type: list
                elements: str
              teams:
                description:
                  - GitHub teams whose members may access the route, as V(org/team) slugs or numeric ids, each given once.
                type: list
                elements: str
              organizations:
                description:
                  - GitHub organizations whose members may access the route, as slugs, each given once.
                type: list
                elements: str
          gitlab:
            description:
              - Sign in with GitLab.
            type: dict
            suboptions:
              client_id:
                description:
                  - Client id of your own OAuth app. Leave out O(oauth.provider.gitlab.client_id) and
                    O(oauth.provider.gitlab.client_secret) to use ngrok's managed app.
                type: str
              client_secret:
                description:
                  - Client secret of your own OAuth app; give it together with the client id.
                  - Never shown; compared with the value the API returns.
                type: str
              scopes:
                description:
                  - OAuth scopes to request, each given once. Needs your own OAuth app.
                type: list
                elements: str
              email_addresses:
                description:
                  - Email addresses allowed access, in lower case, each given once.
                type: list
                elements: str
              email_domains:
                description:
                  - Email domains allowed access, in lower case, each given once.
                type: list
                elements: str
          google:
            description:
              - Sign in with Google.
            type: dict
            suboptions:
              client_id:
                description:
                  - Client id of your own OAuth app. Leave out O(oauth.provider.google.client_id) and
                    O(oauth.provider.google.client_secret) to use ngrok's managed app.
                type: str
              client_secret:
                description:
                  - Client secret of your own OAuth app; give it together with the client id.
                  - Never shown; compared with the value the API returns.
                type: str
              scopes:
                description:
                  - OAuth scopes to request, each given once. Needs your own OAuth app.
                type: list
                elements: str
              email_addresses:
                description:
                  - Email addresses allowed access, in lower case, each given once.
                type: list
                elements: str
              email_domains:
                description:
                  - Email domains allowed access, in lower case, each given once.
                type: list
                elements: str
          linkedin:
            description:
              - Sign in with LinkedIn.
            type: dict
            suboptions:
              client_id:
                description:
                  - Client id of your own OAuth app. Leave out O(oauth.provider.linkedin.client_id) and
                    O(oauth.provider.linkedin.client_secret) to use ngrok's managed app.
                type: str
              client_secret:
                description:
                  - Client secret of your own OAuth app; give it together with the client id.
                  - Never shown; compared with the value the API returns.
                type: str
              scopes:
                description:
                  - OAuth scopes to request, each given once. Needs your own OAuth app.
                type: list
                elements: str
              email_addresses:
                description:
                  - Email addresses allowed access, in lower case, each given once.
                type: list
                elements: str
              email_domains:
                description:
                  - Email domains allowed access, in lower case, each given once.
                type: list
                elements: str
          microsoft:
            description:
              - Sign in with Microsoft.
            type: dict
            suboptions:
              client_id:
                description:
                  - Client id of your own OAuth app. Leave out O(oauth.provider.microsoft.client_id) and
                    O(oauth.provider.microsoft.client_secret) to use ngrok's managed app.
                type: str
              client_secret:
                description:
                  - Client secret of your own OAuth app; give it together with the client id.
                  - Never shown; compared with the value the API returns.
                type: str
              scopes:
                description:
                  - OAuth scopes to request, each given once. Needs your own OAuth app.
                type: list
                elements: str
              email_addresses:
                description:
                  - Email addresses allowed access, in lower case, each given once.
                type: list
                elements: str
              email_domains:
                description:
                  - Email domains allowed access, in lower case, each given once.
                type: list
                elements: str
          twitch:
            description:
              - Sign in with Twitch.
            type: dict
            suboptions:
              client_id:
                description:
                  - Client id of your own OAuth app. Leave out O(oauth.provider.twitch.client_id) and
                    O(oauth.provider.twitch.client_secret) to use ngrok's managed app.
                type: str
              client_secret:
                description:
                  - Client secret of your own OAuth app; give it together with the client id.
                  - Never shown; compared with the value the API returns.
                type: str
              scopes:
                description:
                  - OAuth scopes to request, each given once. Needs your own OAuth app.
                type: list
                elements: str
              email_addresses:
                description:
                  - Email addresses allowed access, in lower case, each given once.
                type: list
                elements: str
              email_domains:
                description:
                  - Email domains allowed access, in lower case, each given once.
                type: list
                elements: str
  saml:
    description:
      - Requires visitors to sign in with a SAML identity provider. See O(oauth) for the one-per-route rule.
      - The route's service provider URLs (V(entity_id), V(metadata_url), V(assertion_consumer_service_url),
        V(single_logout_url)) and signing certificate are computed by ngrok and returned read-only.
    type: dict
    suboptions:
      enabled:
        description:
          - Whether the module applies; the API defaults to V(true).
        type: bool
      options_passthrough:
        description:
          - Let HTTP OPTIONS requests through without authentication; the API defaults to V(false).
        type: bool
      cookie_prefix:
        description:
          - Prefix of the session cookie, letters, digits and periods; the API defaults to V('').
        type: str
      inactivity_timeout:
        description:
          - Seconds of inactivity after which a session ends; the API defaults to V(0).
        type: int
      maximum_duration:
        description:
          - Seconds after which a session ends; the API defaults to V(0).
        type: int
      idp_metadata:
        description:
          - The identity provider's EntityDescriptor XML. Required.
        type: str
      force_authn:
        description:
          - Make the identity provider ask for credentials every time; the API defaults to V(false).
        type: bool
      allow_idp_initiated:
        description:
          - Allow logins started at the identity provider; the API defaults to V(true).
        type: bool
      authorized_groups:
        description:
          - Only members of these groups may access the route. Compared as a set, so each entry may be given once only.
        type: list
        elements: str
      nameid_format:
        description:
          - Name identifier format expected from the identity provider; the API defaults to
            V(urn:oasis:names:tc:SAML:2.0:nameid-format:persistent).
        type: str
  oidc:
    description:
      - Requires visitors to sign in with an OpenID Connect provider. See O(oauth) for the one-per-route rule.
    type: dict
    suboptions:
      enabled:
        description:
          - Whether the module applies; the API defaults to V(true).
        type: bool
      options_passthrough:
        description:
          - Let HTTP OPTIONS requests through without authentication; the API defaults to V(false).
        type: bool
      cookie_prefix:
        description:
          - Prefix of the session cookie, letters, digits and periods; the API defaults to V('').
        type: str
      inactivity_timeout:
        description:
          - Seconds of inactivity after which a session ends; the API defaults to V(0).
        type: int
      maximum_duration:
        description:
          - Seconds after which a session ends; the API defaults to V(0).
        type: int
      issuer:
        description:
          - Base URL of the OpenID provider. Required.
        type: str
      client_id:
        description:
          - Client id of the OIDC app. Required.
        type: str
      client_secret:
        description:
          - Client secret of the OIDC app. Required. Never shown; compared with the value the API returns.
        type: str
      scopes:
        description:
          - Scopes to request. Compared as a set, so each entry may be given once only.
        type: list
        elements: str
  websocket_tcp_converter:
    description:
      - Converts WebSocket connections to TCP streams for the upstream.
      - "V(true) or V(false) is short for C({enabled: true}) or C({enabled: false})."
    type: dict
    suboptions:
      enabled:
        description:
          - Whether the module applies; the API defaults to V(true).
        type: bool
  user_agent_filter:
    description:
      - Allows or denies requests by user agent.
    type: dict
    suboptions:
      enabled:
        description:
          - Whether the module applies; the API defaults to V(true).
        type: bool
      allow:
        description:
          - Regular expressions of user agents allowed. Compared as a set, so each entry may be given once only.
        type: list
        elements: str
      deny:
        description:
          - Regular expressions of user agents denied. Compared as a set, so each entry may be given once only.
        type: list
        elements: str
  traffic_policy:
    description:
      - A traffic policy applied to the route's traffic.
    type: dict
    suboptions:
      enabled:
        description:
          - Whether the module applies; the API defaults to V(true).
        type: bool
      value:
        description:
          - The policy, as a JSON or YAML string, or as a dictionary (sent as compact JSON with sorted keys).
            Two JSON values are compared as JSON. Required.
        type: raw
notes:
  - "Requests per task, counted against the API emulator. No change: one read of the edge (a GET by id,
    or the edge listing when O(edge) is a description); create or update: that plus one POST or PATCH;
    delete: that plus one DELETE; each purged module: one DELETE; naming the backend by description: one
    listing per backend type. Check mode makes the reads only."
  - Rules the API enforces and that can be checked without asking it (one sign-in module per route, one
    OAuth provider, client id and secret together, circuit breaker ranges, header limits and names, a
    webhook secret for every provider but V(sns), lower-case OAuth list entries, no entry twice in a list
    compared as a set...) are checked before any request, and every problem found is reported at once.
    A sign-in module added to a route that has another one (read with its edge) fails before any write, in
    check mode too, unless O(purge_modules=true) removes the old one first.
    Rules that depend on other objects
    (only one route of an edge may have a sign-in module, the backend and IP policies must exist) are left
    to the API, whose error is reported with its code.
seealso:
  - module: community.ngrok.ngrok_ip_policy
  - module: community.ngrok.ngrok_https_edge
  - module: community.ngrok.ngrok_weighted_backend
author:
  - community.ngrok maintainers (@ansible-collections)
'''

EXAMPLES = r'''
- name: Route everything under / to a weighted backend, named by description
  community.ngrok.ngrok_edge_route:
    edge: shop edge
    match_type: path_prefix
    match: /
    backend:
      backend: shop blue/green
    response_headers:
      add:
        Strict-Transport-Security: max-age=31536000
      remove: [Server]
    circuit_breaker:
      tripped_duration: 10
      rolling_window: 60
      num_buckets: 10
      volume_threshold: 20
      error_threshold_percentage: 0.5

- name: Protect the admin path with Google sign-in for one domain
  community.ngrok.ngrok_edge_route:
    edge: shop edge
    match_type: path_prefix
    match: /admin
    backend:
      backend: shop admin
    oauth:
      provider:
        google:
          email_domains: [example.com]

- name: Only the office reaches the admin path (an IP policy made by community.ngrok.ngrok_ip_policy)
  community.ngrok.ngrok_edge_route:
    edge: shop edge
    match_type: path_prefix
    match: /admin
    ip_restriction:
      ip_policy_ids: [office]

- name: Verify GitHub webhooks; the secret comes from a vault
  community.ngrok.ngrok_edge_route:
    edge: shop edge
    match_type: exact_path
    match: /hooks/github
    backend:
      backend: shop hooks
    webhook_verification:
      provider: github
      secret: "{{ vault_github_webhook_secret }}"

- name: Keep only the backend module on the route, removing every other module
  community.ngrok.ngrok_edge_route:
    edge: edghts_2fMuU4sEZ8HgKe5Ff5pJ4NbMb1W
    match: /
    backend:
      backend: shop blue/green
    purge_modules: true

- name: Delete the route
  community.ngrok.ngrok_edge_route:
    edge: shop edge
    match: /hooks/github
    state: absent
'''

RETURN = r'''
route:
  description:
    - The route after the task, its modules in the shape of the options (references as ids, header names in
      lower case) with the API's defaults filled in, secrets masked. A module not set is V(null).
    - In check mode, the predicted route; values only the server can choose (V(id), V(uri), V(created_at)
      of a new route, defaults the API does not document) are V(null).
    - With O(state=absent), the route that was deleted, or V({}) when there was none.
  returned: always
  type: dict
  contains:
    id:
      description: Route id.
      type: str
      sample: edghtsrt_2fMuU4sEZ8HgKe5Ff5pJ4NbMb1X
    uri:
      description: API URL of the route.
      type: str
      sample: https://api.ngrok.com/edges/https/edghts_2fMuU4sEZ8HgKe5Ff5pJ4NbMb1W/routes/edghtsrt_2fMuU4sEZ8HgKe5Ff5pJ4NbMb1X
    created_at:
      description: Creation time, RFC 3339.
      type: str
      sample: '2026-11-23T10:11:37Z'
    edge_id:
      description: Id of the route's edge.
      type: str
      sample: edghts_2fMuU4sEZ8HgKe5Ff5pJ4NbMb1W
    description:
      description: Description (V('') when none).
      type: str
      sample: storefront
    metadata:
      description: Metadata as stored (V('') when none).
      type: str
      sample: ''
    match_type:
      description: How the path is matched.
      type: str
      sample: path_prefix
    match:
      description: The path the route serves.
      type: str
      sample: /
    backend:
      description: The backend module, V(backend) being the backend's id.
      type: dict
      sample: {"enabled": true, "backend": "bkdwd_2fMuU4sEZ8HgKe5Ff5pJ4NbMb1Y"}
    ip_restriction:
      description: The IP restriction module, V(ip_policy_ids) being the policies' ids.
      type: dict
      sample: {"enabled": true, "ip_policy_ids": ["ipp_2fMuU4sEZ8HgKe5Ff5pJ4NbMb1Z"]}
    circuit_breaker:
      description:
        - The circuit breaker module. ngrok fills in the numbers a task does not give, with values it does not
          document; in check mode they are predicted V(null) (unknown), never guessed.
      type: dict
      sample: {"enabled": true, "tripped_duration": 10, "rolling_window": 60, "num_buckets": 10,
               "volume_threshold": 20, "error_threshold_percentage": 0.5}
    compression:
      description: The compression module.
      type: dict
      sample: {"enabled": true}
    request_headers:
      description: The request headers module.
      type: dict
      sample: {"enabled": true, "add": {"x-team": "shop"}, "remove": []}
    response_headers:
      description: The response headers module.
      type: dict
    webhook_verification:
      description: The webhook verification module, its secret masked.
      type: dict
      sample: {"enabled": true, "provider": "github", "secret": "********"}
    oauth:
      description: The OAuth module, with all eight provider keys (the unused ones V(null)), client secrets masked.
      type: dict
    saml:
      description:
        - The SAML module, with the read-only V(entity_id), V(metadata_url), V(assertion_consumer_service_url),
          V(single_logout_url), V(request_signing_certificate_pem) and V(idp_metadata_url) ngrok computes.
      type: dict
    oidc:
      description: The OIDC module, its client secret masked.
      type: dict
    websocket_tcp_converter:
      description: The WebSocket to TCP converter module.
      type: dict
    user_agent_filter:
      description: The user agent filter module.
      type: dict
    traffic_policy:
      description: The traffic policy module.
      type: dict
'''

from ansible_collections.community.ngrok.plugins.module_utils.edges import ROUTE
from ansible_collections.community.ngrok.plugins.module_utils.module import run_resource_module


def main():
    run_resource_module(ROUTE)


if __name__ == '__main__':
    main()
