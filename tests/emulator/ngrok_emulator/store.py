# -*- coding: utf-8 -*-
# Copyright (c) 2026, community.ngrok contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""Objects by kind, in creation order (ids grow with time, so that is also id order)."""

import bisect


class Collection:
    def __init__(self):
        self.items = {}
        self.order = []

    def add(self, item):
        self.items[item['id']] = item
        bisect.insort(self.order, item['id'])

    def get(self, item_id):
        return self.items.get(item_id)

    def remove(self, item_id):
        del self.items[item_id]
        self.order.remove(item_id)

    def __iter__(self):
        return (self.items[item_id] for item_id in self.order)

    def page(self, before_id, limit):
        """(items newest first, more remain) for a list request."""
        end = bisect.bisect_left(self.order, before_id) if before_id else len(self.order)
        start = max(0, end - limit)
        return [self.items[item_id] for item_id in reversed(self.order[start:end])], start > 0


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
