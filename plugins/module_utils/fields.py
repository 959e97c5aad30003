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

import ipaddress
import json
import re


from ansible_collections.community.ngrok.plugins.module_utils.errors import MASK

CHANGED_SECRET = MASK + ' (changed)'
HEADER_NAME = re.compile(r"^[A-Za-z0-9!#$%&'*+.^_`|~-]+$")  # an HTTP token (ERR_NGROK_7023)
SCALARS = (bool, int, float)  # what ansible-core's str type turns into text


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
                    finds the object by id and wants another value fails, it is never sent in an update; a
                    child of a ChildSet (an IP policy rule's action) is deleted and created again instead
    filter_name     its name in a list's ``filter`` expression when that is not ``api_name`` (an IP policy rule
                    names its policy ``ip_policy_id`` in a request and is filtered on ``ip_policy.id``)
    """

    def __init__(self, name, spec=None, api_name=None, empty=None, server_default=None, send_always=False,
                 secret=False, validate=None, read=None, purge_path=None, immutable=False, filter_name=None):
        self.name = name
        self.api_name = api_name or name
        self.filter_name = filter_name or self.api_name
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
    """A string that reads back as ``''`` when the API omits it (description, metadata, body...).
    ``max_length`` is counted in characters (Unicode code points), as ngrok counts its limits."""

    def __init__(self, name, max_length=None, **kwargs):
        kwargs.setdefault('empty', '')
        kwargs.setdefault('server_default', '')
        super(Text, self).__init__(name, **kwargs)
        self.max_length = max_length

    def problems(self, value, path):
        found = super(Text, self).problems(value, path)
        if self.max_length is not None and value is not None and len(self.to_api(value)) > self.max_length:
            found.append('%s: must be at most %d characters long' % (path, self.max_length))
        return found


def _as_json(text):
    try:
        return True, json.loads(text)
    except (TypeError, ValueError):
        return False, None


class JsonText(Text):
    """A string or a dict; a dict is sent as compact JSON with sorted keys, its text unescaped (UTF-8 on the
    wire: ``\\uXXXX`` escapes would multiply its length by up to six against the API's limits), and two JSON
    texts are compared as JSON (key order and spacing do not matter). Used for metadata and traffic policies."""

    def __init__(self, name, **kwargs):
        kwargs.setdefault('spec', {'type': 'raw'})
        super(JsonText, self).__init__(name, **kwargs)

    def from_user(self, value, context=None):
        if isinstance(value, dict):
            return json.dumps(value, sort_keys=True, separators=(',', ':'), ensure_ascii=False)
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
    A number or a boolean becomes text, as for any option of type str (``Retry-After: 3600``).
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
        items = [(str(k).lower() if self.lower_keys else k, str(v) if isinstance(v, SCALARS) else v) for k, v in value.items()]
        return dict(items)

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
            if not isinstance(item, (str,) + SCALARS):
                found.append('%s.%s: must be a string, not %s' % (path, key, type(item).__name__))
        return found


def header_name_problems(names):
    """The one check of HTTP header names (route header modules, HTTP-response backends)."""
    bad = [name for name in names if not HEADER_NAME.match(name)]
    return ['%s: not a valid header name' % ', '.join(repr(name) for name in bad)] if bad else []


class HeaderMap(StringMap):
    """HTTP headers ``{name: value}``: names case-insensitive (stored lowercased) and HTTP tokens, values on
    one line (no CR, LF or NUL: ERR_NGROK_7024), checked before any request wherever headers are set."""

    def __init__(self, name, **kwargs):
        super(HeaderMap, self).__init__(name, lower_keys=True, **kwargs)

    def problems(self, value, path):
        found = super(HeaderMap, self).problems(value, path)
        if value is None:
            return found
        headers = self._canonical(value)
        found.extend('%s: %s' % (path, problem) for problem in header_name_problems(list(headers)))
        broken = [name for name, text in headers.items() if isinstance(text, str) and any(char in text for char in '\r\n\0')]
        if broken:
            found.append('%s: the values of %s must not contain CR, LF or NUL' % (path, ', '.join(broken)))
        return found


class StringList(Field):
    """A list of strings; ``ordered=False`` compares it as a set (in the API's own order), so an entry given
    twice is refused: ``[a]`` -> ``[a, a]`` would otherwise be a change that sends the duplicate;
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

    def problems(self, value, path):
        found = super(StringList, self).problems(value, path)
        if value is not None and not self.ordered:
            entries = self._canonical(value)
            repeated = sorted(set(entry for entry in entries if entries.count(entry) > 1))
            if repeated:
                found.append('%s: entries must be unique (%s given more than once)' % (path, ', '.join(repeated)))
        return found

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


CIDR_PREFIX_LENGTH = re.compile(r'^[0-9]{1,3}$')  # ngrok takes a prefix length, not a netmask (255.0.0.0)
CIDR_EXAMPLES = 'a network such as 10.0.0.0/8, 203.0.113.7/32 or 2001:db8::/32'


def cidr_problem(text):
    """Why ``text`` is not a CIDR ngrok takes, or None. Like the API: an address without a mask is refused
    (ERR_NGROK_1413, which suggests /32 or /128), and so is one with bits set after the mask (ERR_NGROK_1409,
    which names the network meant)."""
    address, slash, length = text.strip().partition('/')
    if not slash:
        try:
            host = ipaddress.ip_address(address)
        except ValueError:
            return 'is not a CIDR: give %s' % CIDR_EXAMPLES
        return 'has no network mask: write %s/%d for this one address' % (host, host.max_prefixlen)
    if '%' in address or not CIDR_PREFIX_LENGTH.match(length):
        return 'is not a CIDR: give %s' % CIDR_EXAMPLES
    try:
        longest = ipaddress.ip_address(address).max_prefixlen
    except ValueError:
        return 'is not a CIDR: give %s' % CIDR_EXAMPLES
    if int(length) > longest:
        return 'has a mask longer than the address: at most /%d' % longest
    try:
        ipaddress.ip_network(text.strip())
        return None
    except ValueError:
        pass
    network = ipaddress.ip_network(text.strip(), strict=False)
    return 'has address bits set after its /%s mask: the network is %s' % (length, network)


def normal_cidr(text):
    """A CIDR in one form: the network in standard notation (IPv6 compressed, lower case), which is how ngrok
    compares them (2001:DB8:0::/32 and 2001:db8::/32 are one rule). Text that is no CIDR stays as it is."""
    try:
        return str(ipaddress.ip_network((text or '').strip()))
    except ValueError:
        return text


def cidr_order(text):
    """Sort key of CIDRs: IPv4 before IPv6, then by network address, wider networks first."""
    try:
        network = ipaddress.ip_network(text)
    except ValueError:
        return (7, 0, 0, text)
    return (network.version, int(network.network_address), network.prefixlen, '')


class Cidr(Field):
    """An IPv4 or IPv6 network (an IP policy rule's ``cidr``), compared as a network: the form the API keeps
    its rules unique by. Sent in that standard form."""

    def from_api(self, value):
        return normal_cidr(value)

    def from_user(self, value, context=None):
        return normal_cidr(value)

    def problems(self, value, path):
        found = super(Cidr, self).problems(value, path)
        problem = None if value is None else cidr_problem(str(value))
        return found + (['%s: %r %s' % (path, value, problem)] if problem else [])

    def filter_values(self, value):
        """The API stores the text as sent (trimmed, lower case): another notation of the same network does not
        match it, so a filter on it is not exact."""
        return [value], False
