# -*- coding: utf-8 -*-
# Copyright (c) 2026, community.ngrok contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""What a cloud endpoint's URL and binding must be, and how the API writes the URL back.

The URL is normalised like the API does (a recorded create sends https://x:443 and gets https://x;
Terraform v0.8 compares URLs case-insensitively with default ports stripped). The rules per binding
are those of ngrok's endpoint docs: public http on port 80, https/tls on 443, on a domain the account
reserved (tcp needs a reserved TCP address); internal on a *.internal host, any port; kubernetes on
name.namespace.
"""

import re
from urllib.parse import urlsplit

from .errors import invalid
from .reserved_domains import covering

SCHEMES = ('http', 'https', 'tcp', 'tls')
DEFAULT_PORTS = {'http': 80, 'https': 443, 'tls': 443}  # tcp has none: its URL must name the port
PUBLIC_PORTS = {'http': 80, 'https': 443, 'tls': 443}
KUBERNETES_SCHEMES = ('http', 'tls', 'tcp')  # ERR_NGROK_18018's list
BINDINGS = ('public', 'internal', 'kubernetes')
INTERNAL_LABELS_MAX = 5  # "may contain up to 5 subdomains" (internal endpoints docs)
LABEL = re.compile(r'^(\*|[a-z0-9]([a-z0-9-]*[a-z0-9])?)$')


class Url:
    """A parsed endpoint URL: scheme, host, port, the normalised text and the hostport."""

    def __init__(self, scheme, host, port):
        self.scheme, self.host, self.port = scheme, host, port
        shown = '' if DEFAULT_PORTS.get(scheme) == port else ':%d' % port
        self.text = '%s://%s%s' % (scheme, host, shown)
        self.hostport = '%s:%d' % (host, port)


def field_error(field, reason):
    return invalid(18014, 'The provided cloud endpoint has invalid value for field `%s`. Reason: %s.' % (field, reason))


def parse(url):
    """The URL as the API keeps it, or 249 (not a URL at all) / 18014 (a URL with parts an endpoint cannot have)."""
    def not_a_url():
        return invalid(249, 'The endpoint URL provided is not a valid URL: `%s`. Ensure the URL has a proper scheme, '
                            'domain, and if a TCP url, port.' % url)
    try:
        parts = urlsplit(url)
        port = parts.port
    except ValueError:
        raise not_a_url()
    scheme, host = parts.scheme.lower(), (parts.hostname or '').lower()
    if scheme not in SCHEMES or not host or not all(LABEL.match(label) for label in host.split('.')):
        raise not_a_url()
    if '@' in parts.netloc:
        raise field_error('url', 'user information is not allowed in `%s`' % url)
    if parts.path == '/' and not parts.query and not parts.fragment:
        raise field_error('url', "trailing '/' is not allowed. Did you mean `%s`?" % url.rstrip('/'))
    for name, part in (('path', parts.path), ('query', parts.query), ('fragment', parts.fragment)):
        if part:
            raise field_error('url', '%s `%s` is not allowed' % (name, part))
    if port is None:
        if scheme not in DEFAULT_PORTS:
            raise not_a_url()
        port = DEFAULT_PORTS[scheme]
    if not 1 <= port <= 65535:
        raise not_a_url()
    return Url(scheme, host, port)


def binding_of(bindings, url):
    """The endpoint's one binding. Not sent: inferred from the host, internal for *.internal (the docs' "inferred
    binding"), else public (Terraform's default)."""
    if bindings is None:
        return 'internal' if url.host.endswith('.internal') else 'public'
    for binding in bindings:
        if binding not in BINDINGS:
            raise invalid(15005, 'The binding `%s` is invalid.' % binding)
    if len(set(bindings)) != len(bindings):
        duplicate = next(binding for binding in bindings if bindings.count(binding) > 1)
        raise invalid(15006, 'The binding `%s` was specified multiple times, but duplicate bindings are not allowed.' % duplicate)
    if len(bindings) != 1:
        raise field_error('bindings', 'an endpoint has exactly one binding')
    return bindings[0]


def reserved_domain(store, url, binding):
    """Check url against its binding's rules; the reserved domain a public endpoint uses (None for the others)."""
    if binding == 'internal':
        labels = url.host.split('.')
        if labels[-1] != 'internal' or len(labels) < 2:
            raise field_error('url', 'endpoints with a "internal" binding must have a url that ends in ".internal"')
        if len(labels) - 1 > INTERNAL_LABELS_MAX:
            raise field_error('url', 'internal endpoints may have at most %d subdomains' % INTERNAL_LABELS_MAX)
        return None
    if binding == 'kubernetes':
        if url.scheme not in KUBERNETES_SCHEMES:
            raise invalid(18018, 'Supported protocols for kubernetes-bound endpoints are http, tls, and tcp. You provided `%s`.' % url.scheme)
        if len(url.host.split('.')) != 2 or '*' in url.host:
            raise field_error('url', 'kubernetes endpoint hostnames are name.namespace')
        return None
    if url.scheme in PUBLIC_PORTS and url.port != PUBLIC_PORTS[url.scheme]:
        raise invalid(18023, 'Invalid port for URL with scheme `%s`, allowed ports are `%d`.' % (url.scheme, PUBLIC_PORTS[url.scheme]))
    # tcp:// needs a reserved TCP address, which the emulator does not have: never matched.
    domain = covering(store, url.host) if url.scheme != 'tcp' else None
    if domain is None:
        raise invalid(18006, 'This account does not have any domains or addresses reserved that match the provided URL.')
    return domain
