# -*- coding: utf-8 -*-
# Copyright (c) 2026, community.ngrok contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""/reserved_domains: the domains an account may serve on. Edge hostports and public cloud endpoint URLs
must be one of them (or covered by a reserved wildcard); a domain still used by either cannot be deleted."""

import secrets
import string
import time

from . import filtering
from .common import get_or_404, new_object, ref, render_common, update_text
from .errors import ApiError, invalid
from .ids import looks_like, rfc3339
from .validation import check

PATH = '/reserved_domains'
POLICY = {'authority': 'str', 'private_key_type': 'str'}
UPDATE = {'description': 'str', 'metadata': 'str', 'certificate_id': 'str', 'certificate_management_policy': POLICY}
CREATE = dict(UPDATE, domain='str', region='str')
TEXT_CODES = (420, 421)
# ngrok's own base domains (domains docs; ngrok-operator's mock API): no CNAME, no certificate settings.
NGROK_BASES = ('ngrok.app', 'ngrok.dev', 'ngrok.pizza', 'ngrok-free.app', 'ngrok-free.dev', 'ngrok-free.pizza', 'ngrok.io')
# Top-level names that are never on the public internet (411): special-use and private-use names.
UNREACHABLE = frozenset(['internal', 'local', 'localhost', 'test', 'invalid', 'example', 'lan', 'home', 'corp', 'localdomain'])
DOMAIN_CHARS = frozenset(string.ascii_lowercase + string.digits + '.*-')
LABEL_MAX, DOMAIN_MAX = 63, 253
AUTHORITIES = ('letsencrypt',)
KEY_TYPES = ('rsa', 'ecdsa')
CNAME_ALPHABET = string.ascii_lowercase + string.digits
PROVISIONING = 'Managed certificate provisioning in progress.'


def names(store):
    """{domain name: id} of the reserved domains, kept beside the collection."""
    return store.indexes.setdefault('reserved_domains', {})


def covering(store, host):
    """The reserved domain an edge or endpoint on host uses: the domain itself, else the nearest wildcard above it."""
    reserved = names(store)
    labels = host.lower().split('.')
    candidates = [host.lower()] + ['*.' + '.'.join(labels[index:]) for index in range(1, len(labels) - 1)]
    for candidate in candidates:
        if candidate in reserved:
            return store['reserved_domains'].get(reserved[candidate])
    return None


def ngrok_owned(domain):
    return any(domain.endswith('.' + base) for base in NGROK_BASES)


def normal_domain(text):
    """The domain as the API stores it (trimmed, lowercased, without a trailing dot: Terraform v0.8's
    normalisation helpers), or the error code the catalogue gives for what is wrong with it."""
    domain = text.strip().lower()
    domain = domain[:-1] if domain.endswith('.') else domain

    def refuse(code, why):
        return invalid(code, '%s Failed to reserve `%s`.' % (why, domain))
    if '_' in domain:
        raise refuse(438, "Invalid '_' in domain name. Valid domains may not contain underscores.")
    for char in domain:
        if char not in DOMAIN_CHARS:
            raise refuse(406, 'Invalid character `%s` in domain name. Valid domains may contain only a-z, A-Z, 0-9, . * and - characters.' % char)
    if '..' in domain:
        raise refuse(409, "Domain has an invalid character sequence. Valid domains may not contain repeated periods '..'.")
    if len(domain) > DOMAIN_MAX:
        raise invalid(514, 'The domain `%s` is not a valid DNS name. Domains may not be more than %d characters long.' % (domain, DOMAIN_MAX))
    labels = domain.split('.')
    if len(labels) < 2 or not all(labels):
        raise invalid(448, 'The domain `%s` is not a fully qualified domain name.' % domain)
    for index, label in enumerate(labels):
        if '*' in label:
            if index:
                raise refuse(402, "Only the first part of a reserved domain may be a '*' wildcard.")
            if label != '*':
                raise refuse(403, "The first subdomain of a wildcard domain must be a single '*' character.")
            continue
        if len(label) > LABEL_MAX:
            raise invalid(513, 'The domain `%s` is not a valid DNS name. No domain part may be more than %d characters long.' % (domain, LABEL_MAX))
        if not label[0].isalnum():
            raise refuse(407, 'Domain part `%s` has an invalid first character. Valid domain parts must begin with a-z, A-Z, 0-9 or *.' % label)
        if not label[-1].isalnum():
            raise refuse(408, 'Domain part `%s` has an invalid last character. Valid domains must end with a-z A-Z or 0-9.' % label)
        if label[2:4] == '--' and not label.startswith('xn--'):
            raise refuse(410, "Domain has an invalid character sequence. Valid domains may not contain '--' in positions 3 and 4 "
                              "unless the domain has a punycode prefix of 'xn--'.")
    if labels[-1] in UNREACHABLE:
        raise refuse(411, 'You may not reserve a name on the TLD `%s`. This TLD is not reachable over the public internet.' % labels[-1])
    if domain == 'ngrok.com' or domain.endswith('.ngrok.com'):
        raise refuse(404, 'You may not reserve names on ngrok.com. Use an ngrok.io suffix.')
    parent = '.'.join(labels[1:])
    if domain in NGROK_BASES or (labels[0] == '*' and parent in NGROK_BASES):
        raise refuse(416, 'You may not register a wildcard for all `%s` domains.' % (parent if labels[0] == '*' else domain))
    return domain


def _policy(value):
    """A certificate management policy with the API's defaults: letsencrypt, ecdsa (spec and docs)."""
    authority = value.get('authority') or 'letsencrypt'
    if authority not in AUTHORITIES:
        raise invalid(435, 'Invalid authority specified in managed certificate policy.')
    key_type = value.get('private_key_type') or 'ecdsa'
    if key_type not in KEY_TYPES:
        raise invalid(215, 'The value provided for the request parameter `certificate_management_policy.private_key_type` is '
                           'invalid: use rsa or ecdsa.')
    return {'authority': authority, 'private_key_type': key_type}


def _certificates(item, body):
    """Apply certificate_id / certificate_management_policy: mutually exclusive (434), neither on ngrok's own
    domains (439/440); setting one detaches the other (a recorded PATCH that set a policy cleared the certificate)."""
    if 'certificate_id' in body and 'certificate_management_policy' in body:
        raise invalid(434, 'Either a certificate or a certificate management policy may be specified, not both')
    owned = ngrok_owned(item['domain'])
    if 'certificate_id' in body:
        if owned:
            raise invalid(440, 'Uploaded certificates are not allowed for domains owned by ngrok.')
        if not looks_like(body['certificate_id'], 'cert'):
            raise invalid(1965, 'The certificate `%s` does not exist.' % body['certificate_id'])
        item.update(certificate_id=body['certificate_id'], policy=None, policy_since=None)
    if 'certificate_management_policy' in body:
        if owned:
            raise invalid(439, 'The certificate_management_policy field must be null for domains owned by ngrok.')
        item.update(certificate_id=None, policy=_policy(body['certificate_management_policy']), policy_since=rfc3339(int(time.time())))


def _resolves_to(body):
    """resolves_to: a list of {value} (a point-of-presence shortcode or "global"); taken out of body and checked here
    because the field tables have no type for a list of objects."""
    value = body.pop('resolves_to', None) if isinstance(body, dict) else None
    if value is None:
        return None
    if not isinstance(value, list):
        raise invalid(215, 'The value provided for the request parameter `resolves_to` is invalid: expected a list.')
    return [check({'value': 'str'}, entry, 'resolves_to.') for entry in value]


def _cname():
    """A CNAME target shaped like the recorded ones: <17 chars>.<16 chars>.ngrok-cname.com."""
    return '%s.%s.ngrok-cname.com' % (''.join(secrets.choice(CNAME_ALPHABET) for dummy in range(17)),
                                      ''.join(secrets.choice(CNAME_ALPHABET) for dummy in range(16)))


def render(request, item):
    result = render_common(item, request.base_url + PATH + '/' + item['id'])
    policy = item.get('policy')
    result.update(
        acme_challenge_cname_target=item['acme_target'],
        certificate=ref(request.base_url, '/tls_certificates', item['certificate_id']) if item.get('certificate_id') else None,
        certificate_management_policy=dict(policy) if policy else None,
        # No DNS here, so a managed certificate is never issued: it stays "in progress" (the recorded wording).
        certificate_management_status={'provisioning_job': {'error_code': None, 'msg': PROVISIONING, 'retries_at': None,
                                                            'started_at': item['policy_since']},
                                       'renews_at': None} if policy else None,
        cname_target=item['cname_target'], domain=item['domain'], region='',
        # Legacy keys every recorded answer still has.
        error_redirect_url=None, http_endpoint_configuration=None, https_endpoint_configuration=None, is_dev=False)
    if item.get('resolves_to') is not None:
        result['resolves_to'] = [dict(entry) for entry in item['resolves_to']]
    return result


def create(request):
    resolves_to = _resolves_to(request.body)
    body = check(CREATE, request.body)
    domain = normal_domain(body.get('domain', ''))
    if domain in names(request.store):
        raise ApiError(409, 413, 'This domain is already reserved for your account. Failed to reserve `%s`.' % domain)
    custom = not ngrok_owned(domain)
    item = {'domain': domain, 'certificate_id': None, 'policy': None, 'policy_since': None, 'resolves_to': resolves_to,
            'cname_target': _cname() if custom else None,
            'acme_target': _cname() if custom and domain.startswith('*.') else None}
    if custom and 'certificate_id' not in body and 'certificate_management_policy' not in body:
        body['certificate_management_policy'] = {}  # automatic certificates are the default (TLS certificates docs)
    _certificates(item, body)
    item = dict(new_object('rd', body, TEXT_CODES), **item)
    if item['policy_since']:
        item['policy_since'] = item['created_at']
    request.store['reserved_domains'].add(item)
    names(request.store)[domain] = item['id']
    return 201, render(request, item)


def list_(request):
    return filtering.list_page(request, request.store['reserved_domains'], PATH, 'reserved_domains', render)


def get(request, item_id):
    return 200, render(request, get_or_404(request.store['reserved_domains'], item_id, 'rd'))


def update(request, item_id):
    item = get_or_404(request.store['reserved_domains'], item_id, 'rd')
    resolves_to = _resolves_to(request.body)
    body = check(UPDATE, request.body)
    if not body and resolves_to is None:
        raise invalid(422, 'The reserved domain name update failed because no values were provided. Specify at least one value.')
    changed = dict(item)
    update_text(changed, body, TEXT_CODES)
    _certificates(changed, body)
    if resolves_to is not None:
        changed['resolves_to'] = resolves_to
    item.update(changed)
    return 200, render(request, item)


def detach(request, item_id, part):
    """DELETE …/certificate or …/certificate_management_policy: 204, also when there is nothing to detach."""
    item = get_or_404(request.store['reserved_domains'], item_id, 'rd')
    if part == 'certificate':
        if item.get('policy'):
            raise invalid(436, 'The certificate of a reserved domain with a managed certificate policy can not be detached '
                               'directly, instead the managed certificate policy itself should be detached.')
        item['certificate_id'] = None
    else:
        item.update(policy=None, policy_since=None)
    return 204, None


def users(store, item):
    """Edges and cloud endpoints that use the domain: they keep it from being deleted (446)."""
    found = [endpoint['id'] for endpoint in store['endpoints'] if endpoint.get('domain_id') == item['id']]
    for edge in store['https_edges']:
        for hostport in edge['hostports'] or []:
            covering_domain = covering(store, hostport.rsplit(':', 1)[0])
            if covering_domain is not None and covering_domain['id'] == item['id']:
                found.append(edge['id'])
    return found


def delete(request, item_id):
    item = get_or_404(request.store['reserved_domains'], item_id, 'rd')
    if users(request.store, item):
        raise invalid(446, 'The domain `%s` could not be deleted because it is still referenced by an edge or cloud endpoint.' % item['domain'])
    request.store['reserved_domains'].remove(item_id)
    del names(request.store)[item['domain']]
    return 204, None
