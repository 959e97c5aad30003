# -*- coding: utf-8 -*-
# Copyright (c) 2026, community.ngrok contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""A route's backend as the last rules of its on_http_request phase, weighted and failover children followed
down to the HTTP response and tunnel group backends at the leaves.

- http_response -> ``custom-response`` (``status_code``, ``body``, ``headers``: the action reference's
  ``body``, which older docs and ngrok's operator called ``content``).
- tunnel_group -> ``forward-internal`` to the internal endpoint URL that replaces the group (the user's
  ``internal_urls`` mapping, else derived from the labels: migration_context.derived_internal_url).
- failover -> its children in order, every one but the last with ``on_error: continue``, so a child that
  cannot answer hands the request to the next (forward-internal "Managing Fallback Behavior").
- weighted -> a random number once (``set-vars`` with ``rand.double()``: gateway/edges.mdx names that macro as
  the replacement of weighted backends), then one rule per child whose share of [0, total weight) it falls in.
  The edges-to-endpoints guide's construction picks a URL from a list instead, which only works when every
  child is a tunnel group; rules work for any child, nested weighted and failover backends included.

Sources: ngrok/ngrok-docs at 56a5f9960f4e7c7e134fbc0412f74b51b2df5eca, guides/migration/edges-to-endpoints.mdx
("7. Convert backends"), traffic-policy/actions/{custom-response,forward-internal,set-vars}.mdx,
traffic-policy/macros/index.mdx (rand.double), gateway/edges.mdx.
"""

from __future__ import absolute_import, division, print_function
__metaclass__ = type

from ansible_collections.community.ngrok.plugins.module_utils.backends import BACKENDS
from ansible_collections.community.ngrok.plugins.module_utils.cel import cel_double
from ansible_collections.community.ngrok.plugins.module_utils.traffic_policy import interpolated

CUSTOM_RESPONSE_HEADERS_MAX = 10  # custom-response: "Maximum properties 10"
NO_BACKEND_STATUS = 503  # what a route answers when its backend cannot: the collection's choice (no edge evidence)


def backend_type(backend_id):
    """The API type name of a backend ("weighted") from its id's prefix, or None for a type the collection
    does not declare (a static address backend...)."""
    for api_type, resource in BACKENDS.items():
        if backend_id.startswith(resource.id_prefix):
            return api_type
    return None


def backend_children(backend_id, view):
    """The ids a weighted or failover backend names, in its order; none for the others."""
    kind = backend_type(backend_id)
    if kind == 'weighted':
        return list((view.get('backends') or {}).keys())
    if kind == 'failover':
        return list(view.get('backends') or [])
    return []


class _Chain:
    """Rules for one backend, and whether every request that reaches them ends there (``halts``): a request
    that does not falls through to the rules after them."""

    def __init__(self, rules, halts):
        self.rules = rules
        self.halts = halts


def _named(prefix, rules, expressions=()):
    result = []
    for rule in rules:
        rule = dict(rule, name='%s %s' % (prefix, rule['name']))
        if expressions or rule.get('expressions'):
            rule['expressions'] = list(expressions) + list(rule.get('expressions') or [])
        result.append(rule)
    return result


def _http_response(context, route, backend_id, view, last):
    config = {}
    if view.get('status_code') is not None:
        config['status_code'] = view['status_code']
    if view.get('body'):
        config['body'] = view['body']
    headers = view.get('headers') or {}
    if len(headers) > CUSTOM_RESPONSE_HEADERS_MAX:
        dropped = sorted(headers)[CUSTOM_RESPONSE_HEADERS_MAX:]
        context.lost(route, 'backend %s headers' % backend_id, 'custom-response takes at most %d headers; %s left out'
                     % (CUSTOM_RESPONSE_HEADERS_MAX, ', '.join(dropped)))
        headers = dict((name, headers[name]) for name in sorted(headers)[:CUSTOM_RESPONSE_HEADERS_MAX])
    if headers:
        config['headers'] = dict(headers)
    for what, values in (('body', [config.get('body')]), ('headers', sorted(headers.values()))):
        found = interpolated(values)
        if found:
            context.lost(route, 'backend %s %s' % (backend_id, what), 'custom-response evaluates "${...}" as CEL and '
                         'ngrok documents no escape; %r is carried as it is: check it' % found)
    return _Chain([{'name': 'http response %s' % backend_id, 'actions': [{'type': 'custom-response', 'config': config}]}], True)


def _tunnel_group(context, route, backend_id, view, last):
    url = context.internal_url(route, backend_id, view.get('labels') or {})
    if url is None:
        return _Chain([], False)
    config = {'url': url}
    if not last:
        config['on_error'] = 'continue'
    return _Chain([{'name': 'tunnel group %s' % backend_id, 'actions': [{'type': 'forward-internal', 'config': config}]}], last)


def _failover(context, route, backend_id, view, last, backends, seen):
    children = list(view.get('backends') or [])
    if not children:
        context.lost(route, 'backend %s' % backend_id, 'the failover backend has no backends to try')
        return _Chain([], False)
    rules, halts = [], False
    for index, child in enumerate(children, 1):
        chain = _chain(context, route, child, backends, last and index == len(children), seen)
        rules.extend(_named('failover %s [%d/%d]' % (backend_id, index, len(children)), chain.rules))
        if chain.halts:
            halts = True
            if index < len(children):
                context.note('route %s: failover backend %s never gets past %s, which always answers'
                             % (route['match'], backend_id, child))
            break
    return _Chain(rules, halts)


def _weighted(context, route, backend_id, view, last, backends, seen):
    weights = view.get('backends') or {}
    chosen = [(child, int(weight)) for child, weight in weights.items() if int(weight) > 0]
    never = sorted(child for child, weight in weights.items() if int(weight) <= 0)
    if never:
        context.note('route %s: weighted backend %s never picks %s (weight 0); left out' % (route['match'], backend_id, ', '.join(never)))
    if not chosen:
        context.lost(route, 'backend %s' % backend_id, 'the weighted backend has no backend with a weight above 0')
        return _Chain([], False)
    if len(chosen) == 1:
        chain = _chain(context, route, chosen[0][0], backends, last, seen)
        return _Chain(_named('weighted %s' % backend_id, chain.rules), chain.halts)
    variable = context.variable('weighted')
    total = sum(weight for dummy, weight in chosen)
    # A double for the comparisons whether set-vars keeps the number's type or makes it text.
    pick = 'double(vars.%s) * %s' % (variable, cel_double(total))
    rules = [{'name': 'weighted %s pick' % backend_id,
              'actions': [{'type': 'set-vars', 'config': {'vars': [{variable: '${rand.double()}'}]}}]}]
    halts, below = True, 0
    for index, (child, weight) in enumerate(chosen):
        expressions = []
        if index > 0:  # the first and last shares are open-ended: every number lands in exactly one
            expressions.append('%s >= %s' % (pick, cel_double(below)))
        below += weight
        if index < len(chosen) - 1:
            expressions.append('%s < %s' % (pick, cel_double(below)))
        chain = _chain(context, route, child, backends, last, seen)
        rules.extend(_named('weighted %s %d/%d' % (backend_id, weight, total), chain.rules, expressions))
        halts = halts and chain.halts
    return _Chain(rules, halts)


def _chain(context, route, backend_id, backends, last, seen=()):
    if backend_id in seen:
        context.lost(route, 'backend %s' % backend_id, 'it names itself through %s' % ' -> '.join(seen + (backend_id,)))
        return _Chain([], False)
    view = backends.get(backend_id)
    kind = backend_type(backend_id)
    if kind not in LEAVES and kind not in BRANCHES:
        context.lost(route, 'backend %s' % backend_id, 'a backend of this kind has no traffic policy equivalent '
                     '(forward-internal only reaches internal endpoints)')
        return _Chain([], False)
    if view is None:
        context.lost(route, 'backend %s' % backend_id, 'it was not found (deleted while the route still names it?)')
        return _Chain([], False)
    if kind in LEAVES:
        return LEAVES[kind](context, route, backend_id, view, last)
    return BRANCHES[kind](context, route, backend_id, view, last, backends, seen + (backend_id,))


# Backend type -> its translation; a test holds BACKENDS to these, so a new type is translated or refused
# on purpose, never taken for another.
LEAVES = {'http_response': _http_response, 'tunnel_group': _tunnel_group}
BRANCHES = {'failover': _failover, 'weighted': _weighted}


def backend_rules(context, route, backends):
    """The last rules of a route's requests: its backend, then, when a request can get past it (no backend,
    a disabled or missing one, a tunnel group with no URL), a 503 so that the route still ends with a
    terminating action, as a cloud endpoint's policy must (traffic-policy/how-it-works.mdx)."""
    route_module = route.get('backend')
    chain = _Chain([], False)
    if route_module is None:
        context.note('route %s has no backend: it answers %d' % (route['match'], NO_BACKEND_STATUS))
    elif route_module.get('enabled') is False:
        context.lost(route, 'backend', 'it is disabled: a disabled route module has no traffic policy equivalent; '
                     'the route answers %d' % NO_BACKEND_STATUS)
    else:
        chain = _chain(context, route, route_module['backend'], backends, True)
    rules = _named('backend', chain.rules)
    if not chain.halts:
        rules.append({'name': 'no backend answers', 'actions': [
            {'type': 'custom-response', 'config': {'status_code': NO_BACKEND_STATUS}}]})
    return rules
