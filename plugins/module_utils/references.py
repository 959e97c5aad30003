# -*- coding: utf-8 -*-
# Copyright (c) 2026, community.ngrok contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""Fields that name other backends, by id or by description, resolved to ids once per task."""

from __future__ import absolute_import, division, print_function
__metaclass__ = type


from ansible_collections.community.ngrok.plugins.module_utils.context import ModuleFailure
from ansible_collections.community.ngrok.plugins.module_utils.fields import Field

WEIGHT_MIN = 0
WEIGHT_MAX = 10000


class BackendRef(Field):
    """One backend named by id or description; canonical form is the id."""

    def from_user(self, value, context=None):
        return context.backend_id(value) if context is not None else value


class BackendWeights(Field):
    """``{backend: weight}`` of a weighted backend; keys resolved to ids."""

    def __init__(self, name, **kwargs):
        kwargs.setdefault('spec', {'type': 'dict'})
        kwargs.setdefault('empty', {})
        kwargs.setdefault('default', {})
        super(BackendWeights, self).__init__(name, **kwargs)

    def from_api(self, value):
        return dict(value or {})

    def from_user(self, value, context=None):
        weights = {}
        for name, weight in value.items():
            key = context.backend_id(name) if context is not None else name
            if key in weights:
                raise_duplicate(self.name, name, key)
            weights[key] = int(weight)
        return weights

    def problems(self, value, path):
        found = []
        if value is None:
            return found
        for name, weight in value.items():
            if isinstance(weight, bool) or not isinstance(weight, (int, str)):
                found.append('%s.%s: the weight must be an integer, not %r' % (path, name, weight))
                continue
            try:
                number = int(weight)
            except ValueError:
                found.append('%s.%s: the weight must be an integer, not %r' % (path, name, weight))
                continue
            if not WEIGHT_MIN <= number <= WEIGHT_MAX:
                found.append('%s.%s: weight %d is out of range, it must be between %d and %d'
                             % (path, name, number, WEIGHT_MIN, WEIGHT_MAX))
        return found


class BackendList(Field):
    """Ordered list of backends of a failover backend; entries resolved to ids. Order is significant."""

    def __init__(self, name, **kwargs):
        kwargs.setdefault('spec', {'type': 'list', 'elements': 'str'})
        kwargs.setdefault('empty', [])
        kwargs.setdefault('default', [])
        super(BackendList, self).__init__(name, **kwargs)

    def from_api(self, value):
        return list(value or [])

    def from_user(self, value, context=None):
        ids = []
        for name in value:
            key = context.backend_id(name) if context is not None else name
            if key in ids:
                raise_duplicate(self.name, name, key)
            ids.append(key)
        return ids


def raise_duplicate(option, name, backend_id):
    raise ModuleFailure('%s: %r names backend %s, which is already in the list' % (option, name, backend_id))
