# -*- coding: utf-8 -*-
# Copyright (c) 2026, community.ngrok contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""Field kinds: how one attribute is read from the API, normalised, compared, sent and masked.

Every value goes through the same canonical form on both sides (what the user gave and what the
API returned), so a comparison never sees a difference the API itself would not make: header
names lowercased, ``null`` read as empty, JSON metadata compared as JSON, response shapes
(``backend.id``) read back into request shapes (``backend_id``).
"""

from __future__ import absolute_import, division, print_function
__metaclass__ = type

import json
import re


from ansible_collections.community.ngrok.plugins.module_utils.errors import MASK

CHANGED_SECRET = MASK + ' (changed)'


def utf8_len(text):
    return len(text.encode('utf-8'))


def named(fields, name):
    """The field called ``name`` among ``fields`` (KeyError when none is: a declaration's typo fails at import)."""
    for field in fields:
        if field.name == name:
            return field
    raise KeyError(name)


class Field:
    """A plain attribute (string, integer, boolean...) sent and returned as-is.

    name            option name, also the API's request field unless ``api_name`` says otherwise
    spec            extra argument_spec entries (type, choices, no_log, ...); documentation lives in the module
    empty           canonical value when the API returns nothing (missing key or ``null``)
    server_default  what the server stores when the field is not sent (on create, or in a route or edge
                    module it replaces); None when not known. It only predicts the object in check mode:
                    the option itself has no default (not set means "leave it as it is")
    send_always     sent on every update, with the current value when the user gave none (the API
                    empties some fields that a PATCH leaves out)
    secret          masked in results and diffs
    validate        callable(value) -> error text, list of error texts, or None; run before any request
    read            callable(api_object) -> raw value, for fields whose response shape differs
    purge_path      the sub-path whose DELETE removes this part of the object (``<object>/<purge_path>``: a
                    route or edge module, a reserved domain's certificate); such a field is removed by the
                    resource's purge option when the task does not give it
    immutable       the API cannot change it once the object exists (a reserved domain's name): a task that
                    finds the object by id and wants another value fails, it is never sent in an update
    """

    def __init__(self, name, spec=None, api_name=None, empty=None, server_default=None, send_always=False,
                 secret=False, validate=None, read=None, purge_path=None, immutable=False):
        self.name = name
        self.api_name = api_name or name
        self.spec = dict(spec or {'type': 'str'})
        if secret:
            self.spec['no_log'] = True
        self.empty = empty
        self.server_default = server_default
        self.send_always = send_always
        self.secret = secret
        self._validate = validate
        self._read = read
        self.purge_path = purge_path
        self.immutable = immutable

    @property
    def purgeable(self):
        return self.purge_path is not None

    # reading ---------------------------------------------------------------
    def read(self, api_object):
        if self._read is not None:
            return self._read(api_object)
        return api_object.get(self.api_name)

    def from_api(self, value):
        return self.empty if value is None else value

    def from_user(self, value, context=None):  # pylint: disable=unused-argument
        """Canonical form of the option value; ``context`` resolves references (see references.py)."""
        return value

    # checking ----------------------------------------------------------------
    def problems(self, value, path):
        """Error texts for a user value, before any request."""
        if self._validate is None or value is None:
            return []
        found = self._validate(value) or []
        return ['%s: %s' % (path, problem) for problem in ([found] if isinstance(found, str) else found)]

    # comparing and writing ---------------------------------------------------
    def equal(self, want, have):
        return want == have

    def predict(self, want, have):  # pylint: disable=unused-argument
        """The canonical value after the API applied ``want`` over ``have``."""
        return want

    def to_api(self, value):
        return value

    def filter_values(self, value):
        """(texts, exact) for a server-side ``filter`` on this field (see server_filter.py): the stored texts
        an object equal to ``value`` can have, and whether that list is exact (every object that
        ``equal()`` accepts has one of them). A value that is already canonical on both sides is itself."""
        return [value], True

    def change_problem(self, want, have):  # pylint: disable=unused-argument
        """Why the API cannot change this field of an existing object from ``have`` to ``want`` (both
        canonical), or None. ``immutable`` fields refuse any change; others may refuse a part of one."""
        return None

    def secrets_in(self, value):  # pylint: disable=unused-argument
        """Secret texts inside a raw option value that ``no_log`` cannot mark, as it marks a whole option (the
        client secret of a traffic policy's action): the module hides them wherever they appear in its
        output, its own invocation included (module.py). Called on the value as given, before any check."""
        return []

    def mask(self, value, other=None, compare=True):
        """Value fit for output. Secrets are hidden; a secret that differs from ``other`` says so."""
        if not self.secret or value in (None, ''):
            return value
        if compare and other is not None and other != value:
            return CHANGED_SECRET
        return MASK

    def argspec(self):
        return dict(self.spec)


class Text(Field):
    """A string that reads back as ``''`` when the API omits it (description, metadata, body...)."""

    def __init__(self, name, max_bytes=None, **kwargs):
        kwargs.setdefault('empty', '')
        kwargs.setdefault('server_default', '')
        super(Text, self).__init__(name, **kwargs)
        self.max_bytes = max_bytes

    def problems(self, value, path):
        found = super(Text, self).problems(value, path)
        if self.max_bytes is not None and value is not None and utf8_len(self.to_api(value)) > self.max_bytes:
            found.append('%s: must be at most %d bytes long' % (path, self.max_bytes))
        return found


def _as_json(text):
    try:
        return True, json.loads(text)
    except (TypeError, ValueError):
        return False, None


class JsonText(Text):
    """A string or a dict; a dict is sent as compact JSON with sorted keys, and two JSON texts are
    compared as JSON (key order and spacing do not matter). Used for metadata and traffic policies."""

    def __init__(self, name, **kwargs):
        kwargs.setdefault('spec', {'type': 'raw'})
        super(JsonText, self).__init__(name, **kwargs)

    def from_user(self, value, context=None):
        if isinstance(value, dict):
            return json.dumps(value, sort_keys=True, separators=(',', ':'))
        return value

    def problems(self, value, path):
        if value is not None and not isinstance(value, (str, dict)):
            return ['%s: must be a string or a dictionary, not %s' % (path, type(value).__name__)]
        return super(JsonText, self).problems(self.from_user(value), path)

    def equal(self, want, have):
        if want == have:
            return True
        want_ok, want_json = _as_json(want)
        have_ok, have_json = _as_json(have)
        return want_ok and have_ok and want_json == have_json

    def filter_values(self, value):
        """A text that is not JSON matches only itself. JSON matches any layout of the same data, which no
        list of texts covers: the usual ones (compact as sent here, or with a space after separators as
        Python's json.dumps writes it; keys sorted or in the order given) and not exact."""
        is_json, data = _as_json(value)
        if not is_json:
            return [value], True
        texts = [value]
        for sort_keys in (True, False):
            for separators in ((',', ':'), (', ', ': ')):
                text = json.dumps(data, sort_keys=sort_keys, separators=separators)
                if text not in texts:
                    texts.append(text)
        return texts, False


class Integer(Field):
    """A number with an optional range (``spec={'type': 'float'}`` for fractions)."""

    def __init__(self, name, minimum=None, maximum=None, **kwargs):
        kwargs.setdefault('spec', {'type': 'int'})
        super(Integer, self).__init__(name, **kwargs)
        self.minimum = minimum
        self.maximum = maximum

    def problems(self, value, path):
        found = super(Integer, self).problems(value, path)
        if value is not None and ((self.minimum is not None and value < self.minimum)
                                  or (self.maximum is not None and value > self.maximum)):
            if self.maximum is None:
                bounds = 'at least %s' % self.minimum
            elif self.minimum is None:
                bounds = 'at most %s' % self.maximum
            else:
                bounds = 'between %s and %s' % (self.minimum, self.maximum)
            found.append('%s: %s is out of range, it must be %s' % (path, value, bounds))
        return found


class StringMap(Field):
    """A map of strings compared as a whole (``headers``, ``labels``); ``null`` reads as ``{}``.
    ``lower_keys``: the API stores keys lowercased, so both sides are compared lowercased."""

    def __init__(self, name, lower_keys=False, **kwargs):
        kwargs.setdefault('spec', {'type': 'dict'})
        kwargs.setdefault('empty', {})
        kwargs.setdefault('server_default', {})
        super(StringMap, self).__init__(name, **kwargs)
        self.lower_keys = lower_keys

    def _canonical(self, value):
        if value is None:
            return {}
        if self.lower_keys:
            return dict((str(k).lower(), v) for k, v in value.items())
        return dict(value)

    def from_api(self, value):
        return self._canonical(value)

    def from_user(self, value, context=None):
        return self._canonical(value)

    def problems(self, value, path):
        found = super(StringMap, self).problems(value, path)
        if value is None:
            return found
        if self.lower_keys:
            seen = {}
            for key in value:
                lowered = str(key).lower()
                if lowered in seen:
                    found.append('%s: %r and %r are the same name (names are case-insensitive)' % (path, seen[lowered], key))
                seen[lowered] = key
        for key, item in value.items():
            if not isinstance(item, str):
                found.append('%s.%s: must be a string, not %s' % (path, key, type(item).__name__))
        return found


class StringList(Field):
    """A list of strings; ``ordered=False`` compares it as a set (in the API's own order);
    ``lower``: the API treats entries case-insensitively (header names to remove)."""

    def __init__(self, name, ordered=True, lower=False, **kwargs):
        kwargs.setdefault('spec', {'type': 'list', 'elements': 'str'})
        kwargs.setdefault('empty', [])
        kwargs.setdefault('server_default', [])
        super(StringList, self).__init__(name, **kwargs)
        self.ordered = ordered
        self.lower = lower

    def _canonical(self, value):
        return [item.lower() for item in value or []] if self.lower else list(value or [])

    def from_api(self, value):
        return self._canonical(value)

    def from_user(self, value, context=None):
        return self._canonical(value)

    def equal(self, want, have):
        if self.ordered:
            return want == have
        return sorted(want) == sorted(have or [])


DOMAIN_MAX = 253
DOMAIN_LABEL_MAX = 63
DOMAIN_LABEL = re.compile(r'^[a-z0-9]([a-z0-9-]*[a-z0-9])?$')


def normal_domain(text):
    """A domain name as ngrok stores it: without surrounding blanks, lower case, no trailing dot."""
    text = text.strip().lower()
    return text[:-1] if text.endswith('.') else text


def domain_problem(domain):
    """Why ``domain`` (normalised) is not a name ngrok can reserve, or None. The API's own rules are more
    (top-level names, ngrok's domains...); these catch what is never a domain before any request."""
    labels = domain.split('.')
    if len(domain) > DOMAIN_MAX:
        return 'is longer than %d characters' % DOMAIN_MAX
    if len(labels) < 2:
        return 'is not a fully qualified domain name (such as shop.example.com)'
    for index, label in enumerate(labels):
        if label == '*' and index == 0:
            continue
        if '*' in label:
            return 'may hold a wildcard only as its whole first label (*.example.com)'
        if len(label) > DOMAIN_LABEL_MAX:
            return 'has a label longer than %d characters' % DOMAIN_LABEL_MAX
        if not DOMAIN_LABEL.match(label):
            return ('is not a domain name: labels are letters, digits and inner hyphens, separated by single dots (%r)'
                    % label)
    return None


class DomainName(Text):
    """A domain name (a reserved domain, the host of an endpoint URL), compared the way the API stores it."""

    def from_api(self, value):
        return normal_domain(value or '')

    def from_user(self, value, context=None):
        return normal_domain(value)

    def problems(self, value, path):
        found = super(DomainName, self).problems(value, path)
        if value is None:
            return found
        problem = domain_problem(normal_domain(value))
        return found + (['%s: %r %s' % (path, value, problem)] if problem else [])
