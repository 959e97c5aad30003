# -*- coding: utf-8 -*-
# Copyright (c) 2026, community.ngrok contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""What one task knows: the client, listings already read, references already resolved."""

from __future__ import absolute_import, division, print_function
__metaclass__ = type

from ansible_collections.community.ngrok.plugins.module_utils.client import NgrokAPIError


class ModuleFailure(Exception):
    """A failure explained to the user: ``msg`` plus extra result keys."""

    def __init__(self, msg, **extra):
        super(ModuleFailure, self).__init__(msg)
        self.msg = msg
        self.extra = extra


# (path, id prefix, words) of every backend type the collection manages; the last two have children.
BACKEND_TYPES = (
    ('/backends/http_response', 'bkdhr_', 'HTTP response backend'),
    ('/backends/tunnel_group', 'bkdtg_', 'tunnel group backend'),
    ('/backends/weighted', 'bkdwd_', 'weighted backend'),
    ('/backends/failover', 'bkdfo_', 'failover backend'),
)


class TaskContext:
    """Per-task cache: a listing is read at most once per task, whoever needs it."""

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

    def backend_id(self, name):
        """The id of the backend named by ``name``: an id as given, else the one backend of any
        type whose description is exactly ``name``."""
        if any(name.startswith(entry[1]) for entry in BACKEND_TYPES):
            return name
        matches = []
        for path, dummy_prefix, dummy_words in BACKEND_TYPES:
            matches.extend(item['id'] for item in self.list(path, 'backends') if item.get('description') == name)
        if not matches and self.check_mode:
            # An earlier task of the same check-mode run may only have pretended to create it.
            self.warn('no backend has the description %r yet; in check mode it is assumed to be created by an earlier task' % name)
            return name
        if not matches:
            raise ModuleFailure('no backend has the description %r; name a backend by its id or its exact description' % name)
        if len(matches) > 1:
            raise ModuleFailure('%d backends have the description %r (%s); name the backend by its id instead'
                                % (len(matches), name, ', '.join(sorted(matches))))
        return matches[0]

    def backend_referrers(self, backend_id):
        """Who uses a backend: weighted and failover backends, and routes of HTTPS edges. This only
        explains a refusal, so a listing the API refuses (an account without edges) is skipped."""
        users = []
        for path, dummy_prefix, words in BACKEND_TYPES[2:]:
            for item in self._list_if_allowed(path, 'backends'):
                if backend_id in (item.get('backends') or []):
                    users.append('%s %s%s' % (words, item['id'], _described(item)))
        for edge in self._list_if_allowed('/edges/https', 'https_edges'):
            for route in edge.get('routes') or []:
                if ((route.get('backend') or {}).get('backend') or {}).get('id') == backend_id:
                    users.append('route %s %s of HTTPS edge %s%s' % (route['id'], route.get('match'), edge['id'], _described(edge)))
        return users

    def _list_if_allowed(self, path, key):
        try:
            return self.list(path, key)
        except NgrokAPIError:
            return []


def _described(item):
    return ' (%s)' % item['description'] if item.get('description') else ''


def backend_referrers(context, backend_id):
    """Resource.referrers of every backend type."""
    return context.backend_referrers(backend_id)
