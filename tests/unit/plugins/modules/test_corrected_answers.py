# -*- coding: utf-8 -*-
# Copyright (c) 2026, community.ngrok contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""The modules on the answers the emulator corrected from public evidence (issue 11; tests/emulator/README.md,
table of chosen behaviours): each row the modules meet, as a user of the modules sees it.

Row 3 (a backend used by a route can be deleted) and row 5 (ERR_NGROK_1420) are in test_delete_in_use.py;
rows 8 (limits in characters) and 9 (Retry-After) in the tests of the fields and of the faults."""

from __future__ import absolute_import, division, print_function
__metaclass__ = type

import pytest

from ansible_collections.community.ngrok.plugins.modules import (
    ngrok_backend_info, ngrok_edge_route, ngrok_http_response_backend, ngrok_https_edge, ngrok_tunnel_group_backend,
)
from ansible_collections.community.ngrok.tests.unit.helpers import run_logged as run


def writes(log):
    return [entry['method'] for entry in log if entry['method'] != 'GET']


def edge(emulator):
    return emulator.api('POST', '/edges/https', {'description': 'shop'})[1]['id']


# -- row 1: lists are sorted by id without regard to letter case, so not strictly newest first --------------

def test_info_keeps_the_api_order_across_pages_and_lookups_never_rely_on_it(emulator):
    ids = [emulator.api('POST', '/backends/http_response', {'description': 'b%d' % number})[1]['id'] for number in range(120)]
    first = emulator.api('GET', '/backends/http_response?limit=100')[1]
    rest = emulator.api('GET', '/backends/http_response?limit=100&before_id=' + first['backends'][-1]['id'])[1]
    api_order = [item['id'] for item in first['backends'] + rest['backends']]
    assert sorted(api_order) == sorted(ids)
    result, log = run(emulator, ngrok_backend_info, type='http_response')
    assert [item['id'] for item in result['backends']] == api_order and len(log) == 2
    for number in (0, 57, 119):  # wherever an object falls in that order, a lookup finds it and only it
        found, log = run(emulator, ngrok_http_response_backend, description='b%d' % number)
        assert found['changed'] is False and found['backend']['id'] == ids[number] and writes(log) == []


# -- row 2: an HTTPS edge without hostports answers "hostports": null ----------------------------------

def test_an_edge_without_hostports_reads_as_an_empty_list_and_repeats_without_a_change(emulator):
    predicted, log = run(emulator, ngrok_https_edge, check_mode=True, description='bare')
    created, log = run(emulator, ngrok_https_edge, description='bare')
    assert emulator.api('GET', '/edges/https/' + created['edge']['id'])[1]['hostports'] is None
    assert created['edge']['hostports'] == [] == predicted['edge']['hostports']
    again, log = run(emulator, ngrok_https_edge, description='bare', hostports=[])
    assert again['changed'] is False and writes(log) == []
    emulator.reserve('bare.example.com')
    added, log = run(emulator, ngrok_https_edge, description='bare', hostports=['bare.example.com:443'])
    assert added['changed'] is True and added['diff']['before']['hostports'] == [] and writes(log) == ['PATCH']


# -- row 4: the webhook providers of the module docs ---------------------------------------------------

@pytest.mark.parametrize('provider', ['heroku', 'aftership', 'sonatype', 'TWILIO'])
def test_webhook_providers_of_the_docs_are_passed_through(emulator, provider):
    route = dict(edge=edge(emulator), match='/hook', webhook_verification={'provider': provider, 'secret': 'hook-secret'})
    created, log = run(emulator, ngrok_edge_route, match_type='exact_path', **route)
    assert created['changed'] is True and created['route']['webhook_verification']['provider'] == provider
    again, log = run(emulator, ngrok_edge_route, **route)
    assert again['changed'] is False and writes(log) == []


def test_a_provider_ngrok_does_not_know_is_refused_by_the_api_with_its_code(emulator):
    result, log = run(emulator, ngrok_edge_route, edge=edge(emulator), match='/hook', match_type='exact_path',
                      webhook_verification={'provider': 'afterpay', 'secret': 'hook-secret'})
    assert result['failed'] is True and result['api_error']['error_code'] == 'ERR_NGROK_7030'
    assert 'hook-secret' not in str(result)


# -- row 7: the error codes of the catalogue -----------------------------------------------------------

@pytest.mark.parametrize('options,message', [
    ({'oauth': {'provider': {}}}, 'provider must name exactly one of'),  # the API: ERR_NGROK_7037
    ({'oauth': {'provider': {'google': {}, 'github': {}}}}, 'provider must name exactly one of'),  # ERR_NGROK_7036
    ({'saml': {'force_authn': True}}, 'idp_metadata is required'),  # ERR_NGROK_7091
    ({'request_headers': {'add': {'X A': '1'}}}, 'not a valid header name'),  # ERR_NGROK_7023
    ({'response_headers': {'remove': ['User-Agent']}}, 'the user-agent header cannot be added or removed'),  # ERR_NGROK_7028
])
def test_what_the_api_refuses_with_those_codes_is_refused_before_any_request(emulator, options, message):
    result, log = run(emulator, ngrok_edge_route, edge='edghts_2fMuU4sEZ8HgKe5Ff5pJ4NbMb1W', match='/', **options)
    assert result['failed'] is True and message in result['msg'] and log == []


def test_an_unsupported_tls_version_is_the_apis_to_refuse_and_its_code_reaches_the_user(emulator):
    """ngrok's list of versions is not documented: the module sends what it is given (ERR_NGROK_219)."""
    result, log = run(emulator, ngrok_https_edge, description='tls', tls_termination={'min_version': '1.9'})
    assert result['failed'] is True
    assert result['api_error']['error_code'] == 'ERR_NGROK_219' and 'ERR_NGROK_219' in result['msg']
    assert writes(log) == ['POST']


# -- row 10: circuit-breaker numbers not given: nobody knows what the API fills in ----------------------

def test_check_mode_predicts_circuit_breaker_numbers_not_given_as_unknown(emulator):
    route = dict(edge=edge(emulator), match='/', match_type='path_prefix')
    run(emulator, ngrok_edge_route, **route)
    breaker = {'error_threshold_percentage': 0.5}
    predicted, log = run(emulator, ngrok_edge_route, check_mode=True, circuit_breaker=breaker, **route)
    assert writes(log) == []
    assert predicted['route']['circuit_breaker'] == {'enabled': True, 'error_threshold_percentage': 0.5, 'tripped_duration': None,
                                                     'rolling_window': None, 'num_buckets': None, 'volume_threshold': None}
    applied, log = run(emulator, ngrok_edge_route, circuit_breaker=breaker, **route)
    assert applied['route']['circuit_breaker']['error_threshold_percentage'] == 0.5
    assert all(isinstance(applied['route']['circuit_breaker'][key], int)
               for key in ('tripped_duration', 'rolling_window', 'num_buckets', 'volume_threshold'))  # whatever the API chose
    again, log = run(emulator, ngrok_edge_route, circuit_breaker=breaker, **route)
    assert again['changed'] is False and writes(log) == []


# -- tunnel groups without labels answer "labels": null -------------------------------------------------

def test_a_tunnel_group_without_labels_reads_as_an_empty_map(emulator):
    created, log = run(emulator, ngrok_tunnel_group_backend, description='tg')
    assert emulator.api('GET', '/backends/tunnel_group/' + created['backend']['id'])[1]['labels'] is None
    assert created['backend']['labels'] == {}
    again, log = run(emulator, ngrok_tunnel_group_backend, description='tg', labels={})
    assert again['changed'] is False and writes(log) == []
    renamed, log = run(emulator, ngrok_tunnel_group_backend, id=created['backend']['id'], description='renamed')
    assert renamed['changed'] is True and renamed['backend']['labels'] == {} and writes(log) == ['PATCH']
    listed, log = run(emulator, ngrok_backend_info, type='tunnel_group')
    assert listed['backends'][0]['labels'] == {}
