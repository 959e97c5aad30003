# -*- coding: utf-8 -*-
# Copyright (c) 2026, community.ngrok contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""Reserved domains: the domains an account may serve on. An HTTPS edge's hostports and a public cloud
endpoint's URL must be reserved domains of the account, or lie under a reserved wildcard (``*.example.com``).

A domain is its own identity: the API cannot rename one, so another name is another reserved domain. Its TLS
certificate is either managed by ngrok (``certificate_management_policy``) or one uploaded to ngrok and named
by id (``certificate_id``); the API keeps one of the two, and each is removed by a DELETE of its own.
"""

from __future__ import absolute_import, division, print_function
__metaclass__ = type

from ansible_collections.community.ngrok.plugins.module_utils.fields import DomainName, Field, normal_domain
from ansible_collections.community.ngrok.plugins.module_utils.nested import Nested
from ansible_collections.community.ngrok.plugins.module_utils.references import AnyOf
from ansible_collections.community.ngrok.plugins.module_utils.resource import ID_BODY_LENGTH, Resource, looks_like_id

# ngrok's own base domains (its domains docs): their subdomains get ngrok's certificates, and the API refuses
# certificate settings on them (ERR_NGROK_439, ERR_NGROK_440).
NGROK_DOMAINS = ('ngrok.app', 'ngrok.dev', 'ngrok.io', 'ngrok.pizza', 'ngrok-free.app', 'ngrok-free.dev', 'ngrok-free.pizza')
CERTIFICATE_PREFIX = 'cert_'
# What a custom domain reserved without certificate settings gets: automatic certificates (TLS certificates
# docs), Let's Encrypt with an ECDSA key (the API's defaults; a recorded PATCH of the authority alone
# answered ecdsa).
AUTHORITY = 'letsencrypt'
PRIVATE_KEY_TYPES = ('ecdsa', 'rsa')


def ngrok_owned(domain):
    return any(domain == base or domain.endswith('.' + base) for base in NGROK_DOMAINS)


def domains_serving(hosts):
    """The reserved domains that can serve these hosts: each host itself and every wildcard above it
    (``a.b.example.com``: also ``*.b.example.com`` and ``*.example.com``)."""
    names = []
    for host in hosts:
        labels = normal_domain(host).split('.')
        names.append('.'.join(labels))
        names.extend('*.' + '.'.join(labels[index:]) for index in range(1, len(labels) - 1))
    return names


def _uploaded_certificate(api_object):
    """The certificate attached by id. While a management policy is set, ``certificate`` is the one ngrok
    issued last, which nobody chose: then there is no uploaded certificate."""
    if api_object.get('certificate_management_policy'):
        return None
    return (api_object.get('certificate') or {}).get('id')


def _certificate_id_rule(value):
    if looks_like_id(value, CERTIFICATE_PREFIX):
        return None
    return '%r is not the id of a TLS certificate (%s followed by %d letters and digits)' % (value, CERTIFICATE_PREFIX, ID_BODY_LENGTH)


def _certificate_rules(params):
    """ngrok's own domains take no certificate settings (ERR_NGROK_439, ERR_NGROK_440)."""
    domain = params.get('domain')
    if domain is None or not ngrok_owned(normal_domain(domain)):
        return []
    return ['%s: %s is a domain of ngrok, which manages its certificates' % (name, normal_domain(domain))
            for name in ('certificate_id', 'certificate_management_policy') if params.get(name) is not None]


def _automatic_certificates(predicted):
    """A custom domain reserved without certificate settings gets managed certificates."""
    if (predicted['certificate_id'] is None and predicted['certificate_management_policy'] is None
            and not ngrok_owned(predicted['domain'] or '')):
        predicted['certificate_management_policy'] = {'authority': AUTHORITY, 'private_key_type': PRIVATE_KEY_TYPES[0]}


RESERVED_DOMAIN = Resource(
    kind='reserved domain',
    path='/reserved_domains',
    list_key='reserved_domains',
    id_prefix='rd_',
    result_key='reserved_domain',
    natural_key='domain',
    required_for_create=('domain',),
    filterable=('description', 'metadata', 'domain'),
    purge_option='purge_certificate',
    exclusive=[('certificate_id', 'certificate_management_policy')],
    fields=[
        DomainName('domain', immutable=True),
        Field('certificate_id', read=_uploaded_certificate, purge_path='certificate', validate=_certificate_id_rule),
        Nested('certificate_management_policy', purgeable=True, options=[
            Field('authority', server_default=AUTHORITY, spec={'type': 'str', 'choices': [AUTHORITY]}),
            Field('private_key_type', server_default=PRIVATE_KEY_TYPES[0], spec={'type': 'str', 'choices': list(PRIVATE_KEY_TYPES)}),
        ]),
    ],
    readonly=('cname_target', 'acme_challenge_cname_target', 'certificate_management_status'),
    validate=_certificate_rules,
    derived=_automatic_certificates,
    recomputed={'certificate_management_status': ('certificate_id', 'certificate_management_policy')},
)

# What names a reserved domain (an edge's hostports, a cloud endpoint's URL): reserved domains, by name.
ANY_RESERVED_DOMAIN = AnyOf('reserved domain', {'reserved_domain': RESERVED_DOMAIN})
