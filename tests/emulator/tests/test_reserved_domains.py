# -*- coding: utf-8 -*-
# Copyright (c) 2026, community.ngrok contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""Reserved domains: names and their rules, certificates, the computed fields, deletion while in use."""

import re

import pytest

RD = '/reserved_domains'
CERT = 'cert_32ELEewloAGq9SKatOVkJvgqTHi'
CNAME = re.compile(r'^[a-z0-9]{17}\.[a-z0-9]{16}\.ngrok-cname\.com$')
AUTOMATIC = {'authority': 'letsencrypt', 'private_key_type': 'ecdsa'}
# The keys of every recorded reserved-domain answer, description and metadata aside.
KEYS = {'acme_challenge_cname_target', 'certificate', 'certificate_management_policy', 'certificate_management_status', 'cname_target',
        'created_at', 'domain', 'error_redirect_url', 'http_endpoint_configuration', 'https_endpoint_configuration', 'id', 'is_dev',
        'region', 'uri'}


def test_a_custom_domain_gets_a_cname_and_automatic_certificates(api):
    created = api.call('POST', RD, {'domain': 'myapp.mydomain.com', 'description': 'pos', 'metadata': '{"env": "staging"}'}, expect=201)
    assert set(created) == KEYS | {'description', 'metadata'}
    assert created['id'].startswith('rd_') and created['domain'] == 'myapp.mydomain.com'
    assert CNAME.match(created['cname_target']) and created['acme_challenge_cname_target'] is None
    assert created['certificate'] is None and created['certificate_management_policy'] == AUTOMATIC
    assert created['certificate_management_status'] == {'provisioning_job': {
        'error_code': None, 'msg': 'Managed certificate provisioning in progress.', 'retries_at': None, 'started_at': created['created_at']},
        'renews_at': None}
    assert (created['region'], created['is_dev'], created['error_redirect_url'], created['http_endpoint_configuration'],
            created['https_endpoint_configuration']) == ('', False, None, None, None)
    assert api.call('GET', RD + '/' + created['id'], expect=200) == created
    assert api.call('GET', RD, expect=200)['reserved_domains'] == [created]


def test_the_recorded_create_with_a_certificate(api):
    created = api.call('POST', RD, {'certificate_id': CERT, 'domain': 'myapp.mydomain.com', 'region': 'us'}, expect=201)
    assert created['certificate'] == {'id': CERT, 'uri': created['uri'].split('/reserved_domains/')[0] + '/tls_certificates/' + CERT}
    assert created['certificate_management_policy'] is None and created['certificate_management_status'] is None
    assert created['region'] == '' and 'description' not in created


def test_ngrok_domains_and_wildcards(api):
    owned = api.call('POST', RD, {'domain': 'my-app.ngrok.app'}, expect=201)
    assert (owned['cname_target'], owned['certificate_management_policy'], owned['certificate_management_status']) == (None, None, None)
    assert api.error('POST', RD, {'domain': 'other.ngrok.dev', 'certificate_management_policy': {}}) == 'ERR_NGROK_439'
    assert api.error('POST', RD, {'domain': 'other.ngrok.dev', 'certificate_id': CERT}) == 'ERR_NGROK_440'
    assert api.error('PATCH', RD + '/' + owned['id'], {'certificate_management_policy': AUTOMATIC}) == 'ERR_NGROK_439'
    wildcard = api.call('POST', RD, {'domain': '*.app.example.com'}, expect=201)
    assert CNAME.match(wildcard['acme_challenge_cname_target']) and CNAME.match(wildcard['cname_target'])
    assert wildcard['acme_challenge_cname_target'] != wildcard['cname_target']


def test_names_are_normalised_and_unique(api):
    created = api.call('POST', RD, {'domain': ' App.Example.COM. '}, expect=201)
    assert created['domain'] == 'app.example.com'
    for again in ('app.example.com', 'APP.example.com.'):
        status, dummy, body = api.raw('POST', RD, {'domain': again})
        assert (status, body['error_code']) == (409, 'ERR_NGROK_413') and '`app.example.com`' in body['msg']


@pytest.mark.parametrize('domain,code', [
    ('', 'ERR_NGROK_448'), ('localhost', 'ERR_NGROK_448'), ('a_b.example.com', 'ERR_NGROK_438'), ('a!.example.com', 'ERR_NGROK_406'),
    ('a..example.com', 'ERR_NGROK_409'), ('a.*.example.com', 'ERR_NGROK_402'), ('x*.example.com', 'ERR_NGROK_403'),
    ('-a.example.com', 'ERR_NGROK_407'), ('a-.example.com', 'ERR_NGROK_408'), ('ab--c.example.com', 'ERR_NGROK_410'),
    ('svc.internal', 'ERR_NGROK_411'), ('x.ngrok.com', 'ERR_NGROK_404'), ('*.ngrok.app', 'ERR_NGROK_416'),
    ('x' * 64 + '.example.com', 'ERR_NGROK_513'), ('.'.join(['abcdefghi'] * 26), 'ERR_NGROK_514'),
])
def test_domain_name_rules(api, domain, code):
    assert api.error('POST', RD, {'domain': domain}) == code


def test_punycode_and_missing_domain(api):
    assert api.call('POST', RD, {'domain': 'xn--bcher-kva.example.com'}, expect=201)['domain'] == 'xn--bcher-kva.example.com'
    assert api.error('POST', RD, {}) == 'ERR_NGROK_448'


def test_certificate_settings(api):
    assert api.error('POST', RD, {'domain': 'a.example.com', 'certificate_id': CERT, 'certificate_management_policy': {}}) == 'ERR_NGROK_434'
    assert api.error('POST', RD, {'domain': 'a.example.com', 'certificate_id': 'ca_32ELEewloAGq9SKatOVkJvgqTHi'}) == 'ERR_NGROK_1965'
    assert api.error('POST', RD, {'domain': 'a.example.com', 'certificate_management_policy': {'authority': 'zerossl'}}) == 'ERR_NGROK_435'
    assert api.error('POST', RD, {'domain': 'a.example.com', 'certificate_management_policy': {'private_key_type': 'dsa'}}) == 'ERR_NGROK_215'
    assert api.error('POST', RD, {'domain': 'a.example.com', 'certificate_management_policy': {'nope': 1}}) == 'ERR_NGROK_214'
    rsa = api.call('POST', RD, {'domain': 'a.example.com', 'certificate_management_policy': {'private_key_type': 'rsa'}}, expect=201)
    assert rsa['certificate_management_policy'] == {'authority': 'letsencrypt', 'private_key_type': 'rsa'}
    path = RD + '/' + rsa['id']
    # Setting one detaches the other.
    with_cert = api.call('PATCH', path, {'certificate_id': CERT}, expect=200)
    assert with_cert['certificate']['id'] == CERT and with_cert['certificate_management_policy'] is None
    assert with_cert['certificate_management_status'] is None
    # The recorded PATCH: a policy with only the authority; the certificate goes, ecdsa is the default.
    managed = api.call('PATCH', path, {'certificate_management_policy': {'authority': 'letsencrypt'}}, expect=200)
    assert managed['certificate'] is None and managed['certificate_management_policy'] == AUTOMATIC
    assert managed['certificate_management_status']['provisioning_job']['msg'] == 'Managed certificate provisioning in progress.'
    assert api.error('DELETE', path + '/certificate') == 'ERR_NGROK_436'
    api.call('DELETE', path + '/certificate_management_policy', expect=204)
    detached = api.call('GET', path, expect=200)
    assert (detached['certificate_management_policy'], detached['certificate_management_status'], detached['certificate']) == (None, None, None)
    api.call('DELETE', path + '/certificate_management_policy', expect=204)
    api.call('PATCH', path, {'certificate_id': CERT}, expect=200)
    api.call('DELETE', path + '/certificate', expect=204)
    assert api.call('GET', path, expect=200)['certificate'] is None
    api.call('DELETE', path + '/certificate', expect=204)
    assert api.raw('DELETE', RD + '/rd_32ELEiXmgYnMmAx2rX3qJXK6Gxy/certificate')[0] == 404


def test_patch(api):
    created = api.call('POST', RD, {'domain': 'a.example.com', 'description': 'd'}, expect=201)
    path = RD + '/' + created['id']
    assert api.error('PATCH', path, {}) == 'ERR_NGROK_422'
    assert api.error('PATCH', path, {'domain': 'b.example.com'}) == 'ERR_NGROK_214'
    assert api.error('PATCH', path, {'region': 'eu'}) == 'ERR_NGROK_214'
    assert api.error('PATCH', path, {'description': 'x' * 256}) == 'ERR_NGROK_420'
    assert api.error('PATCH', path, {'metadata': 'x' * 4097}) == 'ERR_NGROK_421'
    assert api.error('PATCH', path, {'resolves_to': 'global'}) == 'ERR_NGROK_215'
    assert api.error('PATCH', path, {'resolves_to': [{'val': 'global'}]}) == 'ERR_NGROK_214'
    patched = api.call('PATCH', path, {'metadata': '{"a": 1}', 'resolves_to': [{'value': 'global'}]}, expect=200)
    assert (patched['description'], patched['metadata'], patched['resolves_to']) == ('d', '{"a": 1}', [{'value': 'global'}])
    assert patched['certificate_management_policy'] == AUTOMATIC  # untouched
    cleared = api.call('PATCH', path, {'description': ''}, expect=200)
    assert 'description' not in cleared and cleared['cname_target'] == created['cname_target']


def test_a_domain_in_use_cannot_be_deleted(api):
    domain = api.call('POST', RD, {'domain': '*.example.com'}, expect=201)
    edge = api.call('POST', '/edges/https', {'hostports': ['a.example.com:443']}, expect=201)
    assert api.error('DELETE', RD + '/' + domain['id']) == 'ERR_NGROK_446'
    api.call('DELETE', '/edges/https/' + edge['id'], expect=204)
    api.call('DELETE', RD + '/' + domain['id'], expect=204)
    assert api.raw('GET', RD + '/' + domain['id'])[0] == 404
    # Deleted, the name can be reserved again.
    api.call('POST', RD, {'domain': '*.example.com'}, expect=201)
