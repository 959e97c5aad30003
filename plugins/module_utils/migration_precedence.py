# -*- coding: utf-8 -*-
# Copyright (c) 2026, community.ngrok contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""Which route of an edge serves a request, as traffic policy expressions.

An edge picks the most specific route: an exact path before a prefix, a longer prefix before a shorter one.
ngrok documents no precedence for edge routes; this order is the one ngrok's Kubernetes operator verified
for edges (ngrok/ngrok-operator issue #147: "precedence will be given first to the longest matching path...
exact path type over prefix path type", closed as released and tested) and wrote when it moved from edges to
cloud endpoints (ngrok/ngrok-operator c9438868, pkg/managerdriver/endpoints.go: exact before prefix, longer
before shorter, then by path).

A traffic policy runs every rule whose expressions hold, in order; only a terminating action stops it, and
the on_http_response phase has no terminating action at all. So each route's rules get a *selector*: its own
match, and the negation of every more specific route that overlaps it (``/`` gets ``!startsWith("/api")``
when ``/api`` is a route). A request then meets exactly one route's rules in every phase, whatever the order.
The route expressions are ngrok's (guides/migration/edges-to-endpoints.mdx, step 5): ``req.url.path ==
"/x"`` for exact_path, ``req.url.path.startsWith("/x")`` for path_prefix.
"""

from __future__ import absolute_import, division, print_function
__metaclass__ = type

from ansible_collections.community.ngrok.plugins.module_utils.cel import cel_string

EXACT = 'exact_path'
PREFIX = 'path_prefix'


def route_label(route):
    """How rule names and messages name a route: ``/api*`` for a prefix, ``/health`` for an exact path."""
    return route['match'] + ('*' if route['match_type'] == PREFIX else '')


def _matches(route):
    if route['match_type'] == EXACT:
        return 'req.url.path == %s' % cel_string(route['match'])
    return 'req.url.path.startsWith(%s)' % cel_string(route['match'])


def _does_not_match(route):
    if route['match_type'] == EXACT:
        return 'req.url.path != %s' % cel_string(route['match'])
    return '!req.url.path.startsWith(%s)' % cel_string(route['match'])


def _precedence(route):
    return (0 if route['match_type'] == EXACT else 1, -len(route['match']), route['match'])


def _overlaps(higher, route):
    """Whether a request can match both ``higher`` (more specific) and ``route``."""
    if route['match_type'] == EXACT:
        return higher['match_type'] == EXACT and higher['match'] == route['match']
    return higher['match'].startswith(route['match'])


def _covered(candidate, others):
    """Whether excluding one of ``others`` (a prefix) already excludes every request ``candidate`` matches."""
    return any(other is not candidate and other['match_type'] == PREFIX and candidate['match'].startswith(other['match'])
               for other in others)


def route_selectors(routes):
    """``(selected, shadowed)``: ``selected`` is ``[(route, expressions)]`` in precedence order, where
    ``expressions`` hold for exactly the requests the edge sends to ``route``; ``shadowed`` is
    ``[(route, earlier route)]`` for a route with the same match type and match as another, which an edge
    can never have picked."""
    selected, shadowed = [], []
    for route in sorted(routes, key=_precedence):
        higher = [earlier for earlier, dummy in selected]
        same = [other for other in higher if (other['match_type'], other['match']) == (route['match_type'], route['match'])]
        if same:
            shadowed.append((route, same[0]))
            continue
        overlapping = [other for other in higher if _overlaps(other, route)]
        excluded = [other for other in overlapping if not _covered(other, overlapping)]
        selected.append((route, [_matches(route)] + [_does_not_match(other) for other in excluded]))
    return selected, shadowed


def covers_every_path(routes):
    """Whether some route takes any path (a ``/`` prefix), so no request is left to a catch-all rule."""
    return any(route['match_type'] == PREFIX and route['match'] == '/' for route in routes)


def within(route, selector, rules):
    """``rules`` of one route, made to apply to that route's requests only: the selector goes before each
    rule's own expressions, and the route before each rule's name."""
    result = []
    for rule in rules:
        scoped = {
            'name': '%s: %s' % (route_label(route), rule['name']) if rule.get('name') else route_label(route),
            'expressions': list(selector) + list(rule.get('expressions') or []),
        }
        scoped.update((key, value) for key, value in rule.items() if key not in scoped)
        result.append(scoped)
    return result
