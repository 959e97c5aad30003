# -*- coding: utf-8 -*-
# Copyright (c) 2026, community.ngrok contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""Cloud endpoint URLs: how the API writes one back, what it refuses, and the rules of each binding.

Sources (ngrok/ngrok-docs at 56a5f9960f4e7c7e134fbc0412f74b51b2df5eca unless said otherwise):

- Normalisation: a recorded create (``snippets/api/resources/examples/_endpoints_create_*``) sends
  ``https://endpoint-example2.com:443`` and gets ``https://endpoint-example2.com`` back, ``hostport``
  ``endpoint-example2.com:443``; terraform-provider-ngrok v0.8.0 compares URLs without case and default ports.
- Not a URL, ERR_NGROK_249: "Ensure the URL has a proper scheme, domain, and if a TCP url, port"; the schemes
  are those of ``endpoints/protocols`` (http, https, tcp, tls). A path, query, fragment or user information:
  the agent's ERR_NGROK_9037/9038 forbid them, the API's own code for it is not documented (18014 chosen).
- Bindings (``endpoints/cloud-endpoints/bindings.mdx``, ``internal-endpoints.mdx``): one binding per endpoint,
  ``internal`` inferred for a ``.internal`` host and ``public`` otherwise. Public: http on port 80, https and tls
  on 443 (``public-endpoints-source.mdx``, ERR_NGROK_18023), on a domain the account reserved (the API's check:
  ERR_NGROK_18006). Internal: the host ends in ``.internal`` with at most 5 subdomains, any port, tcp with one.
  Kubernetes: http, tls or tcp (ERR_NGROK_18018).
- The scheme cannot change in place (ERR_NGROK_18005); the host and port can (``change-domain-endpoint.mdx``).
"""

from __future__ import absolute_import, division, print_function
__metaclass__ = type

import re

from ansible_collections.community.ngrok.plugins.module_utils.fields import Text

SCHEMES = ('http', 'https', 'tcp', 'tls')
DEFAULT_PORTS = {'http': 80, 'https': 443, 'tls': 443}  # tcp has none: its URL names the port
PUBLIC_PORTS = DEFAULT_PORTS  # a public endpoint listens on its scheme's default port only
BINDINGS = ('public', 'internal', 'kubernetes')
KUBERNETES_SCHEMES = ('http', 'tls', 'tcp')
INTERNAL_SUFFIX = '.internal'
INTERNAL_SUBDOMAINS_MAX = 5
PORT_MAX = 65535
_URL = re.compile(r'^(?P<scheme>[A-Za-z][A-Za-z0-9+.-]*)://(?P<authority>[^/?#]*)(?P<rest>.*)$', re.DOTALL)
_LABEL = re.compile(r'^[a-z0-9]([a-z0-9-]*[a-z0-9])?$')


class EndpointUrl:
    """A parsed endpoint URL: ``scheme``, ``host``, ``port`` (the default one when the URL has none),
    ``text`` (as the API writes it back) and ``hostport``."""

    def __init__(self, scheme, host, port):
        self.scheme, self.host, self.port = scheme, host, port
        self.text = '%s://%s%s' % (scheme, host, '' if DEFAULT_PORTS.get(scheme) == port else ':%d' % port)
        self.hostport = '%s:%d' % (host, port)


def parse_url(text):
    """``text`` as an EndpointUrl; ValueError saying what is wrong when the API would refuse it."""
    if not isinstance(text, str) or not text:
        raise ValueError('is not a URL such as https://shop.example.com')
    if any(char.isspace() or ord(char) < 0x20 or ord(char) == 0x7f for char in text):
        raise ValueError('must not contain blanks or control characters')
    found = _URL.match(text)
    if not found:
        raise ValueError('is not a URL: it needs a scheme (%s), as in https://shop.example.com' % ', '.join(SCHEMES))
    scheme, authority, rest = found.group('scheme').lower(), found.group('authority'), found.group('rest')
    if scheme not in SCHEMES:
        raise ValueError('has the scheme %r: an endpoint is one of %s' % (scheme, ', '.join(SCHEMES)))
    if '@' in authority:
        raise ValueError('must not hold user information (%r)' % authority.rsplit('@', 1)[0])
    if rest == '/':
        raise ValueError("must not end with '/' (%s)" % text[:-1])
    if rest:
        raise ValueError('must not have a path, query or fragment (%r): an endpoint is a scheme, a host and a port' % rest)
    host, dummy, port_text = authority.partition(':')
    host = host.lower()
    _check_host(host)
    if port_text or dummy:
        if not port_text.isdigit() or not port_text.isascii() or not 1 <= int(port_text) <= PORT_MAX:
            raise ValueError('has the port %r: a port is a number from 1 to %d' % (port_text, PORT_MAX))
        port = int(port_text)
    elif scheme in DEFAULT_PORTS:
        port = DEFAULT_PORTS[scheme]
    else:
        raise ValueError('needs a port: a %s URL has no default one (tcp://host:port)' % scheme)
    return EndpointUrl(scheme, host, port)


def _check_host(host):
    labels = host.split('.')
    if not host or len(labels) < 2:
        raise ValueError('needs a host name with a domain (shop.example.com, api.internal)')
    for index, label in enumerate(labels):
        if label == '*' and index == 0:
            continue
        if not _LABEL.match(label) or len(label) > 63:
            raise ValueError('has %r in its host: labels are letters, digits and inner hyphens, separated by single dots, '
                             'and a wildcard is the whole first label (*.example.com)' % label)


def inferred_binding(url):
    """The binding the API gives an endpoint created without one."""
    return 'internal' if url.host.endswith(INTERNAL_SUFFIX) else 'public'


def binding_problems(url, binding):
    """Why ``url`` (an EndpointUrl) cannot have ``binding``: texts for the ``url`` option."""
    if binding == 'internal':
        if not url.host.endswith(INTERNAL_SUFFIX):
            return ['an internal endpoint has a host ending in .internal, as in https://api.internal']
        if len(url.host.split('.')) - 1 > INTERNAL_SUBDOMAINS_MAX:
            return ['an internal endpoint host has at most %d subdomains before .internal' % INTERNAL_SUBDOMAINS_MAX]
        return []
    if binding == 'kubernetes':
        if url.scheme not in KUBERNETES_SCHEMES:
            return ['a kubernetes endpoint is %s, not %s' % (', '.join(KUBERNETES_SCHEMES), url.scheme)]
        return []
    if binding == 'public' and url.scheme in PUBLIC_PORTS and url.port != PUBLIC_PORTS[url.scheme]:
        return ['a public %s endpoint listens on port %d, not %d' % (url.scheme, PUBLIC_PORTS[url.scheme], url.port)]
    return []


def normal_url(text):
    """``text`` as the API writes it back, or as it is when the API would refuse it."""
    try:
        return parse_url(text).text
    except ValueError:
        return text


class Url(Text):
    """An endpoint URL, compared the way the API writes it back (``https://X.example.com:443`` is
    ``https://x.example.com``); its scheme cannot change in place."""

    def from_api(self, value):
        return normal_url(value or '')

    def from_user(self, value, context=None):
        return normal_url(value)

    def problems(self, value, path):
        found = super(Url, self).problems(value, path)
        if value is None:
            return found
        try:
            parse_url(value)
        except ValueError as error:
            found.append('%s: %r %s' % (path, value, error))
        return found

    def change_problem(self, want, have):
        try:
            want_scheme, have_scheme = parse_url(want).scheme, parse_url(have).scheme
        except ValueError:
            return None
        if want_scheme == have_scheme:
            return None
        return ('the scheme of a cloud endpoint URL cannot change (ngrok refuses it: ERR_NGROK_18005); create an endpoint '
                'on the new URL and delete this one')
