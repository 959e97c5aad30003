# -*- coding: utf-8 -*-
# Copyright (c) 2026, community.ngrok contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""Objects by kind, kept in the order the API lists them."""

import bisect


def list_order(item_id):
    """Where an id sorts in a list: the API orders by id without regard to letter case (every recorded list
    example of backends, edges and IP policies 2022-2026 agrees, e.g. ...HWSj... before ...HbST... before
    ...HaQB...), so a list is only roughly newest first. Ids equal but for case (never seen) fall back to
    byte order."""
    return item_id.lower(), item_id


class Collection:
    def __init__(self):
        self.items = {}
        self.order = []  # list_order() of every id, ascending

    def add(self, item):
        self.items[item['id']] = item
        bisect.insort(self.order, list_order(item['id']))

    def get(self, item_id):
        return self.items.get(item_id)

    def remove(self, item_id):
        del self.items[item_id]
        del self.order[bisect.bisect_left(self.order, list_order(item_id))]

    def __iter__(self):
        return (self.items[item_id] for dummy, item_id in self.order)

    def page(self, before_id, limit):
        """(items in list order, more remain) for a list request: descending, and before_id keeps the
        items whose id is less than it without regard to case."""
        end = bisect.bisect_left(self.order, (before_id.lower(),)) if before_id else len(self.order)
        start = max(0, end - limit)
        return [self.items[item_id] for dummy, item_id in reversed(self.order[start:end])], start > 0


class Store:
    """Every object the emulator holds; the server's lock guards it."""

    KINDS = ('http_response', 'tunnel_group', 'weighted', 'failover', 'static', 'https_edges', 'ip_policies',
             'endpoints', 'reserved_domains', 'ip_policy_rules')

    def __init__(self):
        self.kinds = {}
        self.reset()

    def reset(self):
        self.kinds = dict((kind, Collection()) for kind in self.KINDS)
        # Lookup tables a resource keeps beside its collection (e.g. reserved domains by name), by the resource's own key.
        self.indexes = {}

    def __getitem__(self, kind):
        return self.kinds[kind]
