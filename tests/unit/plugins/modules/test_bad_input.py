# -*- coding: utf-8 -*-
# Copyright (c) 2026, community.ngrok contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""Generated invalid input for every module: each set fails with a message naming the problem, without a
traceback and without a single write (and, unless it names other objects, without any request)."""

from __future__ import absolute_import, division, print_function
__metaclass__ = type

import string

from hypothesis import HealthCheck, given, settings, strategies as st

from ansible_collections.community.ngrok.plugins.modules import (
    ngrok_backend_info, ngrok_cloud_endpoint, ngrok_cloud_endpoint_info, ngrok_edge_migration, ngrok_edge_route, ngrok_failover_backend,
    ngrok_http_response_backend, ngrok_https_edge, ngrok_https_edge_info, ngrok_ip_policy, ngrok_ip_policy_info, ngrok_reserved_domain,
    ngrok_reserved_domain_info, ngrok_tunnel_group_backend,
    ngrok_weighted_backend,
)
from ansible_collections.community.ngrok.tests.unit.helpers import module_args, run_module

EXAMPLES = 200
WRITES = ('POST', 'PATCH', 'PUT', 'DELETE')
words = st.text(alphabet=string.ascii_letters + string.digits + '-_ ', min_size=1, max_size=20)
not_a_number = st.text(alphabet=string.ascii_letters, min_size=1, max_size=8)


def mutation(expected, strategy, reads=False):
    """One kind of invalid input: a text its message must contain, a strategy of args to merge into valid
    ones, and whether it may read (it names objects that must be looked up)."""
    return expected, strategy, reads


def common(prefix):
    """Mutations every resource module must refuse."""
    return [
        mutation('description: must be at most 255 characters', st.text(alphabet='xé', min_size=256, max_size=400).map(
            lambda text: {'description': text})),
        mutation('metadata: must be at most 4096 characters', st.integers(4097, 6000).map(lambda n: {'metadata': 'm' * n})),
        mutation('metadata: must be a string or a dictionary', st.one_of(st.lists(st.integers(), max_size=3), st.integers(),
                                                                         st.floats(allow_nan=False)).map(lambda v: {'metadata': v})),
        mutation('is not the id of a', st.one_of(
            words.map(lambda w: {'id': w}),
            st.text(alphabet=string.ascii_letters, min_size=1, max_size=26).map(lambda w: {'id': prefix + w}),
            st.sampled_from(['bkdzz_', 'edghts_', 'bkdhr_', 'ipp_']).filter(lambda p: p != prefix).map(
                lambda p: {'id': p + 'A' * 27}),
        )),
        mutation('state', words.filter(lambda w: w not in ('present', 'absent')).map(lambda w: {'state': w})),
        mutation('find_by', words.filter(lambda w: w not in ('description', 'metadata')).map(lambda w: {'find_by': [w]})),
        mutation('Unsupported parameters', st.sampled_from(['name', 'weight', 'backend_id', 'tags', 'enabled']).map(lambda k: {k: 'x'})),
        mutation('timeout', st.one_of(not_a_number, st.sampled_from(['inf', '-inf', 'nan', 0, -1, 3601, 1e300])).map(
            lambda w: {'timeout': w})),
        mutation('api_url', st.one_of(words, st.sampled_from(['ftp://api.ngrok.com', 'api.ngrok.com'])).map(lambda w: {'api_url': w})),
        mutation('validate_certs', st.sampled_from(['maybe', 'sometimes', 'ja!']).map(lambda w: {'validate_certs': w})),
        mutation('must not contain a NUL character', st.tuples(words, words, st.sampled_from(['description', 'metadata'])).map(
            lambda parts: {parts[2]: parts[0] + '\x00' + parts[1]})),
    ]


label = st.text(alphabet=string.ascii_lowercase + string.digits, min_size=1, max_size=10)
# A label that is never one: a blank, an underscore or a character outside a-z 0-9 - inside it, or a hyphen at an end.
bad_label = st.one_of(
    st.tuples(label, st.sampled_from([' ', '_', '!', '/', ':', '@', '\u00e9', '\u2603']), label).map(''.join),
    label.map(lambda text: '-' + text), label.map(lambda text: text + '-'))


def domain_mutations():
    """What is never a domain name, in the domain option of ngrok_reserved_domain and ngrok_reserved_domain_info."""
    return [
        mutation('is not a domain name', st.tuples(bad_label, label).map(lambda parts: {'domain': '%s.%s.com' % parts})),
        mutation('is not a fully qualified domain name', label.map(lambda text: {'domain': text})),
        mutation('may hold a wildcard only as its whole first label', st.one_of(
            label.map(lambda text: {'domain': text + '.*.example.com'}), label.map(lambda text: {'domain': '*' + text + '.example.com'}))),
    ]


CERTIFICATE = 'cert_' + 'A' * 27
octet = st.integers(0, 255)
ipv4 = st.tuples(octet, octet, octet, octet).map(lambda parts: '%d.%d.%d.%d' % parts)


def with_host_bits(parts):
    """An IPv4 address and a mask that leaves some of its bits after the mask."""
    address, length = parts
    value = sum(int(octet_) << (24 - 8 * index) for index, octet_ in enumerate(address.split('.')))
    return value & ((1 << (32 - length)) - 1) != 0


def rules(*items):
    return {'rules': list(items)}


def rule_mutations():
    """What ngrok_ip_policy refuses in its rules before any request."""
    return [
        mutation('is not a CIDR', words.map(lambda w: rules({'cidr': w, 'action': 'allow'}))),
        mutation('has no network mask: write', ipv4.map(lambda address: rules({'cidr': address, 'action': 'deny'}))),
        mutation('has address bits set after its', st.tuples(ipv4, st.integers(0, 31)).filter(with_host_bits).map(
            lambda parts: rules({'cidr': '%s/%d' % parts, 'action': 'allow'}))),
        mutation('has a mask longer than the address', st.integers(33, 999).map(lambda n: rules({'cidr': '10.0.0.0/%d' % n, 'action': 'allow'}))),
        mutation('give each cidr once', st.sampled_from([('10.0.0.0/8', ' 10.0.0.0/8 '), ('2001:DB8::/32', '2001:db8:0::/32'),
                                                         ('::/0', '0::/0')]).map(
            lambda pair: rules({'cidr': pair[0], 'action': 'allow'}, {'cidr': pair[1], 'action': 'deny'}))),
        mutation('must be one of: allow, deny', words.filter(lambda w: w not in ('allow', 'deny')).map(
            lambda w: rules({'cidr': '10.0.0.0/8', 'action': w}))),
        mutation('missing required arguments', st.sampled_from([{'cidr': '10.0.0.0/8'}, {'action': 'allow'}, {}]).map(rules)),
        mutation('rules[0].description: must be at most 255 characters', st.text(alphabet='xé', min_size=256, max_size=300).map(
            lambda text: rules({'cidr': '10.0.0.0/8', 'action': 'allow', 'description': text}))),
        mutation('rules[0].metadata: must be a string or a dictionary', st.lists(st.integers(), max_size=2).map(
            lambda value: rules({'cidr': '10.0.0.0/8', 'action': 'allow', 'metadata': value}))),
        mutation('rules[0]: must be a dictionary of the sub-options', st.one_of(
            st.lists(st.integers(), min_size=1, max_size=3), words).map(lambda v: {'rules': v})),
        mutation('purge_rules', st.sampled_from(['maybe', 'both']).map(lambda w: {'purge_rules': w})),
    ]


DENY = {'on_http_request': [{'actions': [{'type': 'deny'}]}]}
BINDINGS = ['public', 'internal', 'kubernetes']
not_a_label_character = st.sampled_from(['_', '!', '%', '(', '~', '\u00e9', '\u2603'])


def url_mutations():
    """What is never an endpoint URL, in the url option of ngrok_cloud_endpoint and ngrok_cloud_endpoint_info."""
    return [
        mutation('it needs a scheme', st.text(alphabet=string.ascii_letters + string.digits + '.-', min_size=1, max_size=20).map(
            lambda w: {'url': w})),
        mutation('has the scheme', st.sampled_from(['ftp', 'ws', 'wss', 'file', 'grpc', 'HTTPX']).map(lambda w: {'url': w + '://a.example.com'})),
        mutation('must not have a path, query or fragment', st.tuples(st.sampled_from('/?#'), label).map(
            lambda parts: {'url': 'https://a.internal%s%s' % parts})),
        mutation("must not end with '/'", label.map(lambda w: {'url': 'https://%s.internal/' % w})),
        mutation('has the port', st.one_of(st.integers(min_value=65536), st.just(0), not_a_number).map(
            lambda port: {'url': 'https://a.internal:%s' % port})),
        mutation('needs a port', label.map(lambda w: {'url': 'tcp://%s.internal' % w})),
        mutation('in its host', st.tuples(label, not_a_label_character, label).map(lambda parts: {'url': 'https://%s%s%s.example.com' % parts})),
        mutation('must not contain blanks or control characters', st.tuples(label, st.sampled_from([' ', '\t', '\n', '\x01', '\x7f'])).map(
            lambda parts: {'url': 'https://%s%s.example.com' % parts})),
        mutation('url: must not contain a NUL character', label.map(lambda w: {'url': 'https://%s\x00.example.com' % w})),
    ]


def policy_in(rules):
    return {'traffic_policy': {'on_http_request': rules}}


def out_of(low, high):
    return st.one_of(st.integers(max_value=low - 1), st.integers(min_value=high + 1))


MODULES = {
    'http_response': (ngrok_http_response_backend, {'description': 'web'}, common('bkdhr_') + [
        mutation('status_code', out_of(100, 599).map(lambda n: {'status_code': n})),
        mutation('status_code', not_a_number.map(lambda w: {'status_code': w})),
        mutation('must be a string', st.dictionaries(words, st.lists(st.integers(), max_size=2), min_size=1, max_size=3).map(
            lambda d: {'headers': d})),
        mutation('not a valid header name', words.filter(lambda w: ' ' in w.strip()).map(lambda w: {'headers': {w: 'v'}})),
        mutation('must not contain CR, LF or NUL', st.sampled_from(['\r', '\n']).map(lambda c: {'headers': {'X-A': 'a' + c + 'b'}})),
        mutation('are the same name', words.map(lambda w: {'headers': {'X-' + w: 'a', 'x-' + w.lower(): 'b'}}).filter(
            lambda p: len(p['headers']) == 2)),
    ]),
    'tunnel_group': (ngrok_tunnel_group_backend, {'description': 'tg'}, common('bkdtg_') + [
        mutation('must not contain "="', words.map(lambda w: {'labels': {w + '=': 'v'}})),
        mutation('must not contain "="', words.map(lambda w: {'labels': {'k': '=' + w}})),
        mutation('must be a string', st.lists(st.integers(), min_size=1, max_size=2).map(lambda v: {'labels': {'k': v}})),
    ]),
    'weighted': (ngrok_weighted_backend, {'description': 'w'}, common('bkdwd_') + [
        mutation('is out of range', out_of(0, 10000).map(lambda n: {'backends': {'bkdhr_' + 'A' * 27: n}})),
        mutation('the weight must be an integer', st.one_of(not_a_number, st.floats(-1e6, 1e6).filter(lambda f: f != int(f))).map(
            lambda v: {'backends': {'bkdhr_' + 'A' * 27: v}})),
        mutation('no backend has the description', words.map(lambda w: {'backends': {'child ' + w: 1}}), reads=True),
    ]),
    'failover': (ngrok_failover_backend, {'description': 'f'}, common('bkdfo_') + [
        mutation('no backend has the description', st.lists(words.map(lambda w: 'child ' + w), min_size=1, max_size=3, unique=True).map(
            lambda names: {'backends': names}), reads=True),
        mutation('is given more than once', st.just({'backends': ['bkdhr_' + 'A' * 27, 'bkdhr_' + 'A' * 27]})),
        mutation('backends', st.dictionaries(words, words, min_size=1, max_size=2).map(lambda d: {'backends': d})),
    ]),
    'https_edge': (ngrok_https_edge, {'description': 'e'}, common('edghts_') + [
        mutation('is not host:port', words.filter(lambda w: ':' not in w).map(lambda w: {'hostports': [w]})),
        mutation('has a port out of range', st.integers(65536, 99999).map(lambda n: {'hostports': ['a.example.com:%d' % n]})),
        mutation('is not an id starting with ca_', words.map(lambda w: {'mutual_tls': {'certificate_authority_ids': [w]}})),
        mutation('is not an id starting with ca_', st.text('abcXYZ019', max_size=40).filter(lambda w: len(w) != 27).map(
            lambda w: {'mutual_tls': {'certificate_authority_ids': ['ca_' + w]}})),
        mutation('mutual_tls', words.map(lambda w: {'mutual_tls': {'ca': w}})),
    ]),
    'edge_route': (ngrok_edge_route, {'edge': 'edghts_' + 'A' * 27, 'match': '/'}, common('edghtsrt_') + [
        mutation('match: must be a path starting with "/"', words.filter(lambda w: not w.startswith('/')).map(lambda w: {'match': w})),
        mutation('match_type', words.filter(lambda w: w not in ('exact_path', 'path_prefix')).map(lambda w: {'match_type': w})),
        mutation('error_threshold_percentage', st.floats(min_value=1.0001, max_value=1e6).map(
            lambda f: {'circuit_breaker': {'error_threshold_percentage': f}})),
        mutation('num_buckets', out_of(1, 128).map(lambda n: {'circuit_breaker': {'num_buckets': n}})),
        mutation('tripped_duration', st.integers(max_value=0).map(lambda n: {'circuit_breaker': {'tripped_duration': n}})),
        mutation('at most 5 headers', st.integers(6, 12).map(lambda n: {'request_headers': {'add': dict(('h%d' % i, 'v') for i in range(n))}})),
        mutation('needs a secret', st.sampled_from(['github', 'slack', 'stripe']).map(lambda p: {'webhook_verification': {'provider': p}})),
        mutation('provider must name exactly one of',
                 st.lists(st.sampled_from(['github', 'google', 'gitlab', 'amazon']), min_size=2, max_size=4, unique=True).map(
                     lambda names: {'oauth': {'provider': dict((name, {}) for name in names)}})),
        mutation('only one of oauth, oidc and saml', st.just({'oauth': {'provider': {'google': {}}}, 'saml': {'idp_metadata': '<x/>'}})),
        mutation('must be lower case', words.filter(lambda w: w != w.lower()).map(
            lambda w: {'oauth': {'provider': {'google': {'email_domains': [w]}}}})),
        mutation('no IP policy has the description', words.filter(lambda w: not w.startswith('ipp_')).map(
            lambda w: {'ip_restriction': {'ip_policy_ids': [w]}}), reads=True),
        mutation('is not an id starting with ipp_', st.text('abcXYZ019', max_size=40).filter(lambda w: len(w) != 27).map(
            lambda w: {'ip_restriction': {'ip_policy_ids': ['ipp_' + w]}})),
        mutation('edge', st.just({'edge': None})),
    ]),
    'reserved_domain': (ngrok_reserved_domain, {'domain': 'shop.example.com'}, common('rd_') + domain_mutations() + [
        mutation('is not the id of a TLS certificate', st.one_of(words, st.text('abcXYZ019', max_size=40).filter(lambda w: len(w) != 27).map(
            lambda w: 'cert_' + w)).map(lambda w: {'certificate_id': w})),
        mutation('certificate_id and certificate_management_policy: give only one of them', st.sampled_from([{}, {'authority': 'letsencrypt'}]).map(
            lambda policy: {'certificate_id': CERTIFICATE, 'certificate_management_policy': policy})),
        mutation('private_key_type', words.filter(lambda w: w not in ('rsa', 'ecdsa')).map(
            lambda w: {'certificate_management_policy': {'private_key_type': w}})),
        mutation('authority', words.filter(lambda w: w != 'letsencrypt').map(lambda w: {'certificate_management_policy': {'authority': w}})),
        mutation('is a domain of ngrok, which manages its certificates', st.tuples(label, st.sampled_from(
            ['ngrok.app', 'ngrok-free.app', 'ngrok.io', 'NGROK.dev'])).map(lambda parts: {'domain': '%s.%s' % parts, 'certificate_id': CERTIFICATE})),
        mutation('purge_certificate', st.sampled_from(['maybe', 'both']).map(lambda w: {'purge_certificate': w})),
    ]),
    'reserved_domain_info': (ngrok_reserved_domain_info, {}, domain_mutations() + [
        mutation('is not the id of a reserved domain', st.one_of(words, st.sampled_from(['bkdhr_', 'edghts_', 'ipp_']).map(
            lambda p: p + 'A' * 27)).map(lambda w: {'id': w})),
        mutation('metadata: must be a string or a dictionary', st.lists(st.integers(), max_size=2).map(lambda v: {'metadata': v})),
        mutation('Unsupported parameters', st.sampled_from(['state', 'type', 'certificate_id', 'limit']).map(lambda k: {k: 'x'})),
    ]),
    'ip_policy': (ngrok_ip_policy, {'description': 'admins'}, common('ipp_') + rule_mutations()),
    'ip_policy_info': (ngrok_ip_policy_info, {}, [
        mutation('is not the id of an IP policy', st.one_of(words, st.sampled_from(['bkdhr_', 'edghts_', 'ipr_']).map(
            lambda p: p + 'A' * 27)).map(lambda w: {'id': w})),
        mutation('metadata: must be a string or a dictionary', st.lists(st.integers(), max_size=2).map(lambda v: {'metadata': v})),
        mutation('Unsupported parameters', st.sampled_from(['state', 'type', 'rules', 'cidr']).map(lambda k: {k: 'x'})),
    ]),
    'cloud_endpoint': (ngrok_cloud_endpoint, {'url': 'https://api.internal', 'traffic_policy': DENY}, common('ep_') + url_mutations() + [
        mutation('a public https endpoint listens on port 443', st.integers(1, 65535).filter(lambda n: n != 443).map(
            lambda n: {'url': 'https://a.example.com:%d' % n})),
        mutation('an internal endpoint has a host ending in .internal', label.map(
            lambda w: {'url': 'https://%s.example.com' % w, 'bindings': ['internal']})),
        mutation('bindings: an endpoint has exactly one binding', st.lists(st.sampled_from(BINDINGS), min_size=2, max_size=3, unique=True).map(
            lambda bindings: {'bindings': bindings})),
        mutation('bindings', words.filter(lambda w: w not in BINDINGS).map(lambda w: {'bindings': [w]})),
        mutation('pooling_enabled', st.sampled_from(['maybe', 'sometimes', 'ja!']).map(lambda w: {'pooling_enabled': w})),
        mutation('traffic_policy: must be a dictionary, or its text in JSON or YAML', st.one_of(
            st.integers(), st.floats(allow_nan=False), st.lists(st.integers(), max_size=3)).map(lambda v: {'traffic_policy': v})),
        mutation('traffic_policy: neither JSON nor YAML', st.sampled_from(['a: [b', 'on_http_request: {', '"unclosed', 'a: b: c']).map(
            lambda text: {'traffic_policy': text})),
        mutation('traffic_policy: a traffic policy is a mapping of phases', st.one_of(words.map(lambda w: 'x' + w), st.just('- 1')).map(
            lambda text: {'traffic_policy': text})),
        mutation('unknown phase', words.filter(lambda w: not w.startswith('on_')).map(
            lambda w: {'traffic_policy': {w: [{'actions': [{'type': 'deny'}]}]}})),
        mutation('must be a list of at least one action', st.sampled_from([[], None, 'deny', {}, 3]).map(
            lambda actions: policy_in([{'actions': actions}]))),
        mutation('has no field', words.filter(lambda w: w not in ('name', 'expressions', 'actions')).map(
            lambda w: policy_in([{w: 'x', 'actions': [{'type': 'deny'}]}]))),
        mutation('must be the name of an action', st.sampled_from([None, '', 3, ['deny'], {}]).map(
            lambda kind: policy_in([{'actions': [{'type': kind}]}]))),
        mutation('a cloud endpoint needs a policy with at least one rule', st.sampled_from(
            [{}, {'on_http_request': []}, 'on_http_request: []', '{}']).map(lambda policy: {'traffic_policy': policy})),
    ]),
    'cloud_endpoint_info': (ngrok_cloud_endpoint_info, {}, url_mutations() + [
        mutation('is not the id of a cloud endpoint', st.one_of(words, st.sampled_from(['bkdhr_', 'edghts_', 'rd_']).map(
            lambda p: p + 'A' * 27)).map(lambda w: {'id': w})),
        mutation('metadata: must be a string or a dictionary', st.lists(st.integers(), max_size=2).map(lambda v: {'metadata': v})),
        mutation('Unsupported parameters', st.sampled_from(['state', 'traffic_policy', 'bindings', 'limit']).map(lambda k: {k: 'x'})),
    ]),
    'edge_migration': (ngrok_edge_migration, {'edge': 'shop'}, [
        mutation('only HTTPS edges move to cloud endpoints', st.tuples(st.sampled_from(['edgtls_', 'edgtcp_']), words).map(
            lambda parts: {'edge': ''.join(parts)})),
        mutation('is not the id of an HTTPS edge', st.text('abcXYZ019', max_size=40).filter(lambda w: len(w) != 27).map(
            lambda w: {'edge': 'edghts_' + w})),
        mutation('edge: give the id', st.sampled_from([' ', '  ', '\t', '\n']).map(lambda w: {'edge': w})),
        mutation('is not the URL of an internal endpoint', words.map(
            lambda w: {'internal_urls': [{'labels': {'service': 'app'}, 'url': 'https://%s.example.com' % w.replace(' ', '-')}]})),
        mutation('internal_urls[0].labels: must be a non-empty map of strings', st.one_of(
            st.dictionaries(words, st.integers(), min_size=1, max_size=3), st.just({})).map(
            lambda labels: {'internal_urls': [{'labels': labels, 'url': 'https://app.internal'}]})),
        mutation('internal_urls[0]: must be a dictionary of the sub-options', st.one_of(
            st.lists(st.integers(), min_size=1, max_size=3), st.integers()).map(lambda v: {'internal_urls': [v]})),
        mutation('the same labels as internal_urls[0]', words.map(lambda w: {'internal_urls': [
            {'labels': {'service': w}, 'url': 'https://a.internal'}, {'labels': {'service': w}, 'url': 'https://b.internal'}]})),
        mutation('endpoint_description: must be at most 255 characters', st.text(alphabet='xé', min_size=256, max_size=400).map(
            lambda text: {'endpoint_description': text})),
        mutation('endpoint_metadata: must be at most 4096 characters', st.integers(4097, 6000).map(lambda n: {'endpoint_metadata': 'm' * n})),
        mutation('endpoint_metadata: must be a string or a dictionary', st.one_of(st.lists(st.integers(), max_size=3), st.integers()).map(
            lambda v: {'endpoint_metadata': v})),
        mutation('bindings: an endpoint has exactly one binding', st.lists(st.sampled_from(BINDINGS), min_size=2, max_size=3, unique=True).map(
            lambda bindings: {'endpoint_bindings': bindings})),
        mutation('endpoint_bindings', words.filter(lambda w: w not in BINDINGS).map(lambda w: {'endpoint_bindings': [w]})),
        mutation('webhook_secrets: must be a map of route match to secret', st.dictionaries(words, st.integers(), min_size=1, max_size=2).map(
            lambda secrets: {'webhook_secrets': secrets})),
        mutation('acknowledge[0]: must not be empty', st.sampled_from(['', ' ', '\t']).map(lambda w: {'acknowledge': [w]})),
        mutation('state', words.filter(lambda w: w not in ('present', 'planned')).map(lambda w: {'state': w})),
        mutation('Unsupported parameters', st.sampled_from(['id', 'description', 'url', 'traffic_policy', 'purge']).map(lambda k: {k: 'x'})),
        mutation('timeout', not_a_number.map(lambda w: {'timeout': w})),
    ]),
    'https_edge_info': (ngrok_https_edge_info, {}, [
        mutation('is not the id of an HTTPS edge', st.one_of(words, st.sampled_from(['bkdhr_', 'edghtsrt_', 'edgtls_']).map(
            lambda p: p + 'A' * 27)).map(lambda w: {'id': w})),
        mutation('metadata: must be a string or a dictionary', st.lists(st.integers(), max_size=2).map(lambda v: {'metadata': v})),
        mutation('is not host:port', words.filter(lambda w: ':' not in w).map(lambda w: {'hostport': w})),
        mutation('has a port out of range', st.integers(65536, 99999).map(lambda n: {'hostport': 'a.example.com:%d' % n})),
        mutation('Unsupported parameters', st.sampled_from(['state', 'type', 'routes', 'hostports']).map(lambda k: {k: 'x'})),
    ]),
    'backend_info': (ngrok_backend_info, {}, [
        mutation('is not the id of a backend', words.map(lambda w: {'id': w})),
        mutation('type', words.filter(lambda w: w not in ('all', 'failover', 'http_response', 'tunnel_group', 'weighted')).map(
            lambda w: {'type': w})),
        mutation('metadata: must be a string or a dictionary', st.lists(st.integers(), max_size=2).map(lambda v: {'metadata': v})),
        mutation('Unsupported parameters', st.sampled_from(['state', 'name', 'limit']).map(lambda k: {k: 'x'})),
        mutation('timeout', not_a_number.map(lambda w: {'timeout': w})),
        mutation('is not the id of a', st.sampled_from(['edghts_', 'ipp_', 'bkdzz_']).map(lambda p: {'id': p + 'A' * 27})),
    ]),
}


def check_module(emulator, name):
    """Every kind of invalid input of one module, each searched by hypothesis; returns what was tried."""
    module, base, mutations = MODULES[name]
    tried = []
    per_kind = -(-(EXAMPLES + 100) // len(mutations))  # small kinds run out of distinct examples early

    def attempt(patch, expected, reads):
        args = dict((key, value) for key, value in dict(base, **patch).items() if value is not None)
        before = len(emulator.requests())
        result = run_module(module.main, module_args(emulator, **args))
        log = emulator.requests()[before:]
        tried.append(expected)
        assert result.get('failed') is True, (args, result)
        assert expected in result['msg'], (args, result['msg'])
        assert 'Traceback' not in result['msg'] and 'exception' not in result, result
        assert not [entry for entry in log if entry['method'] in WRITES], log
        assert reads or log == [], (args, log)

    def search(expected, strategy, reads):
        @settings(max_examples=per_kind, deadline=None, database=None, derandomize=True, suppress_health_check=list(HealthCheck))
        @given(strategy)
        def kind(patch):
            attempt(patch, expected, reads)
        kind()

    for expected, strategy, reads in mutations:
        search(expected, strategy, reads)
    return tried


def test_every_module_refuses_generated_invalid_input(emulator):
    counts = {}
    for name in sorted(MODULES):
        tried = check_module(emulator, name)
        counts[name] = len(tried)
        assert len(tried) >= EXAMPLES, (name, len(tried))
        assert set(tried) == set(expected for expected, dummy, dummy in MODULES[name][2]), name  # every kind was drawn
    print('invalid input sets per module: %s' % counts)
