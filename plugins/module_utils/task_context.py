# -*- coding: utf-8 -*-
# Copyright (c) 2026, community.ngrok contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""What one task shares between its steps: the client, check mode, its warnings, the listings already read."""

from __future__ import absolute_import, division, print_function
__metaclass__ = type

from ansible_collections.community.ngrok.plugins.module_utils.errors import NgrokAPIError
from ansible_collections.community.ngrok.plugins.module_utils.server_filter import filter_for, refused


def matches(keys, api_object):
    """Whether ``api_object`` has every (field, canonical value) of ``keys``, compared as the field compares."""
    return all(field.equal(value, field.from_api(field.read(api_object))) for field, value in keys)


class TaskContext:
    """Per-task cache: a listing (a whole list, or the part a ``filter`` selects) is read at most once per
    task, whoever needs it (the lookup, the resolution of names to ids, the search for an object's users)."""

    def __init__(self, client, check_mode=False):
        self.client = client
        self.check_mode = check_mode
        self.warnings = []
        self._lists = {}  # (path, filter or None) -> items
        self._refused_filters = set()  # paths whose list refused a filter in this task

    def warn(self, text):
        self.warnings.append(text)

    def list(self, path, key, fresh=False, cel_filter=None):
        cached = (path, cel_filter)
        if fresh or cached not in self._lists:
            self._lists[cached] = self.client.list(path, key, cel_filter)
        return self._lists[cached]

    def list_if_allowed(self, path, key):
        """The listing, or [] when the API refuses to list that type (an account without edges answers
        4xx): for the search for an object's users, never for a lookup. No answer, a server error or the
        rate limit after every retry still fail the task: a delete must not go ahead on a search that
        could not look."""
        try:
            return self.list(path, key)
        except NgrokAPIError as error:
            if error.status_code is None or error.status_code >= 500 or error.status_code == 429:
                raise
            return []

    def find(self, resource, keys, fresh=False):
        """The objects of ``resource`` (a type with a list of its own) that have every (field, canonical
        value) of ``keys``; every object when ``keys`` is empty.

        Where the list takes a ``filter`` on those fields, the API selects them: one request whatever the
        number of objects. Without one, or when the API refuses it (then for the rest of the task), or when
        the filter is not exact and selected nothing, the whole list is read, 100 objects a request, and
        compared here. A whole list already read in this task is used as it is. Only objects in the
        resource's scope (cloud endpoints, not agent endpoints) are found."""
        expression, exact = filter_for(resource, keys)
        keys = resource.scope + list(keys)
        if (expression is not None and resource.path not in self._refused_filters
                and (fresh or (resource.path, None) not in self._lists)):
            try:
                found = [item for item in self.list(resource.path, resource.list_key, fresh, expression) if matches(keys, item)]
            except NgrokAPIError as error:
                if not refused(error):
                    raise
                self._refused_filters.add(resource.path)
            else:
                if found or exact:
                    return found
        return [item for item in self.list(resource.path, resource.list_key, fresh) if matches(keys, item)]
