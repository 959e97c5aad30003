# -*- coding: utf-8 -*-
# Copyright (c) 2026, community.ngrok contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""Nested: an option dict made of sub-fields, such as an ngrok route module or edge module (oauth,
request_headers, tls_termination...). "Route module" and "edge module" are ngrok's words for these parts
of a route or an edge; they have nothing to do with Ansible modules.

API semantics it follows: a route module given in a write replaces the whole route module on the server,
which fills its server defaults for what was not sent; a route module left out is not touched. So only the
sub-keys the user gave are compared, a changed route module is sent with every sub-key the user gave, and
the prediction is the server defaults overlaid with the user's values.
"""

from __future__ import absolute_import, division, print_function
__metaclass__ = type

from ansible_collections.community.ngrok.plugins.module_utils.fields import Field, named


class Nested(Field):
    """options    sub-fields (any Field kind, Nested included)
    readonly   response-only sub-keys shown but never compared or sent (SAML's computed URLs...)
    server_sets  {readonly key: value} the server always sets in a new route or edge module
               (tls_termination's terminate_at); check mode predicts them, the others are None
    purgeable  a route or edge module, removed with DELETE <object>/<name> (its purge_path; see Resource
               purge_option)
    """

    def __init__(self, name, options, readonly=(), server_sets=None, purgeable=False, **kwargs):
        if purgeable:
            kwargs.setdefault('purge_path', name)
        self.options = list(options)
        spec = kwargs.pop('spec', {})
        spec.setdefault('type', 'dict')
        spec['options'] = dict((sub.name, sub.argspec()) for sub in self.options)
        super(Nested, self).__init__(name, spec=spec, **kwargs)
        self.readonly = tuple(readonly)
        self.server_sets = dict(server_sets or {})

    def option(self, name):
        return named(self.options, name)

    def _given(self, value):
        return [sub for sub in self.options if value.get(sub.name) is not None]

    def from_api(self, value):
        if value is None:
            return self.empty
        result = dict((sub.name, sub.from_api(sub.read(value))) for sub in self.options)
        for key in self.readonly:
            result[key] = value.get(key)
        return result

    def from_user(self, value, context=None):
        return dict((sub.name, sub.from_user(value[sub.name], context)) for sub in self._given(value))

    def problems(self, value, path):
        found = super(Nested, self).problems(value, path)
        if value is not None:
            for sub in self._given(value):
                found.extend(sub.problems(value[sub.name], '%s.%s' % (path, sub.name)))
        return found

    def equal(self, want, have):
        if have is None:
            return False
        return all(sub.equal(want[sub.name], have.get(sub.name)) for sub in self.options if sub.name in want)

    def predict(self, want, have):
        result = {}
        for sub in self.options:
            result[sub.name] = sub.predict(want[sub.name], None) if sub.name in want else sub.server_default
        for key in self.readonly:
            result[key] = have.get(key) if have else self.server_sets.get(key)
        return result

    def to_api(self, value):
        return dict((sub.api_name, sub.to_api(value[sub.name])) for sub in self.options if sub.name in value)

    def mask(self, value, other=None, compare=True):
        if not isinstance(value, dict):
            return value
        other = other if isinstance(other, dict) else {}
        result = dict(value)
        for sub in self.options:
            if sub.name in result:
                result[sub.name] = sub.mask(result[sub.name], other.get(sub.name), compare and sub.name in other)
        return result


def ref_id(key):
    """Reader of a request-shape id from a response-shape Ref: ``backend_id`` <- ``backend.id``."""
    def read(route_module):
        return (route_module.get(key) or {}).get('id')
    return read


def ref_ids(key):
    """Reader of request-shape ids from response-shape Refs: ``ip_policy_ids`` <- ``ip_policies[].id``."""
    def read(route_module):
        return [ref.get('id') for ref in route_module.get(key) or []]
    return read
