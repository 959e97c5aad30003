# -*- coding: utf-8 -*-
# Copyright (c) 2026, community.ngrok contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""What one task shares between its steps: the client, check mode, its warnings, the listings already read."""

from __future__ import absolute_import, division, print_function
__metaclass__ = type

from ansible_collections.community.ngrok.plugins.module_utils.errors import NgrokAPIError


class TaskContext:
    """Per-task cache: a listing is read at most once per task, whoever needs it (the lookup, the
    resolution of names to ids, the search for an object's users)."""

    def __init__(self, client, check_mode=False):
        self.client = client
        self.check_mode = check_mode
        self.warnings = []
        self._lists = {}

    def warn(self, text):
        self.warnings.append(text)

    def list(self, path, key, fresh=False):
        if fresh or path not in self._lists:
            self._lists[path] = self.client.list(path, key)
        return self._lists[path]

    def list_if_allowed(self, path, key):
        """The listing, or [] when the API refuses it (an account without edges): for searches that only
        explain something, never for a lookup."""
        try:
            return self.list(path, key)
        except NgrokAPIError:
            return []
