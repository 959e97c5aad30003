# -*- coding: utf-8 -*-
# Copyright (c) 2026, community.ngrok contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""ngrok_reserved_domain and ngrok_reserved_domain_info through main(), against the emulator: requests counted
in its log, lookups by the server-side filter (and the fallback when the API refuses it)."""

from __future__ import absolute_import, division, print_function
__metaclass__ = type

import json
import time

import pytest

from ansible_collections.community.ngrok.plugins.modules import ngrok_https_edge, ngrok_reserved_domain, ngrok_reserved_domain_info
from ansible_collections.community.ngrok.tests.unit.helpers import filtered_calls, run_logged, warning_messages

PATH = '/reserved_domains'
CERT = 'cert_2fMuU4sEZ8HgKe5Ff5pJ4NbMb1W'
MANAGED = {'authority': 'letsencrypt', 'private_key_type': 'ecdsa'}


def run(emulator, module=ngrok_reserved_domain, check_mode=False, **args):
    return run_logged(emulator, module, check_mode=check_mode, **args)


def by_domain(domain):
    return ('GET', PATH, 'obj.domain == "%s"' % domain)


def item(result):
    return PATH + '/' + result['reserved_domain']['id']


def seed(emulator, count, **body):
    for number in range(count):
        status, answer = emulator.api('POST', PATH, dict(body, domain='seed-%d.example.com' % number))
        assert status == 201, answer


# -- requests per task ----------------------------------------------------------------------------------

def test_requests_of_each_task_whatever_the_number_of_domains(emulator):
    """Found by domain with one filtered request among 250 domains (paging would take 3): check-mode create
    1 GET; create GET + POST; no-op GET; no-op by id GET; check-mode update GET; update GET + PATCH; check-mode
    delete and delete also list the edges and the endpoints (the domain's users); delete again GET."""
    seed(emulator, 250)
    shop = by_domain('shop.example.com')
    check, log = run(emulator, check_mode=True, domain='shop.example.com', description='shop')
    assert check['changed'] is True and filtered_calls(log) == [shop]
    assert check['reserved_domain'] == {
        'id': None, 'uri': None, 'created_at': None, 'description': 'shop', 'metadata': '', 'domain': 'shop.example.com',
        'certificate_id': None, 'certificate_management_policy': MANAGED, 'cname_target': None,
        'acme_challenge_cname_target': None, 'certificate_management_status': None}

    created, log = run(emulator, domain='shop.example.com', description='shop')
    assert created['changed'] is True and filtered_calls(log) == [shop, ('POST', PATH, None)]
    assert dict(created['reserved_domain'], id=None, uri=None, created_at=None, cname_target=None,
                certificate_management_status=None) == check['reserved_domain']
    assert created['reserved_domain']['cname_target'].endswith('.ngrok-cname.com')
    assert created['reserved_domain']['certificate_management_status']['provisioning_job']['msg']

    noop, log = run(emulator, domain='shop.example.com', description='shop')
    assert noop['changed'] is False and filtered_calls(log) == [shop]
    assert noop['reserved_domain'] == created['reserved_domain']
    noop, log = run(emulator, id=created['reserved_domain']['id'], domain='shop.example.com')
    assert noop['changed'] is False and filtered_calls(log) == [('GET', item(created), None)]

    update = dict(domain='shop.example.com', description='the shop', certificate_management_policy={'private_key_type': 'rsa'})
    check, log = run(emulator, check_mode=True, **update)
    assert check['changed'] is True and filtered_calls(log) == [shop]
    updated, log = run(emulator, **update)
    assert updated['changed'] is True and filtered_calls(log) == [shop, ('PATCH', item(created), None)]
    assert updated['reserved_domain']['certificate_management_policy'] == {'authority': 'letsencrypt', 'private_key_type': 'rsa'}
    # The status is recomputed when the policy changes: check mode cannot know it.
    assert check['reserved_domain'] == dict(updated['reserved_domain'], certificate_management_status=None)
    assert updated['diff']['before'] == created['reserved_domain']

    users = [('GET', '/edges/https', None), ('GET', '/endpoints', None)]
    check, log = run(emulator, check_mode=True, domain='shop.example.com', state='absent')
    assert check['changed'] is True and filtered_calls(log) == [shop] + users
    deleted, log = run(emulator, domain='shop.example.com', state='absent')
    assert deleted['changed'] is True
    assert filtered_calls(log) == [shop] + users + [('DELETE', item(created), None)]
    assert deleted['reserved_domain'] == updated['reserved_domain'] and deleted['diff']['after'] == {}
    again, log = run(emulator, domain='shop.example.com', state='absent')
    assert again['changed'] is False and filtered_calls(log) == [shop] and again['reserved_domain'] == {}


def test_the_domain_is_compared_the_way_the_api_stores_it(emulator):
    created, dummy = run(emulator, domain=' Shop.Example.COM. ')
    assert created['reserved_domain']['domain'] == 'shop.example.com'
    noop, log = run(emulator, domain='SHOP.example.com')
    assert noop['changed'] is False and filtered_calls(log) == [by_domain('shop.example.com')]
    wildcard, log = run(emulator, domain='*.Apps.example.com')
    assert wildcard['reserved_domain']['domain'] == '*.apps.example.com'
    assert wildcard['reserved_domain']['acme_challenge_cname_target'].endswith('.ngrok-cname.com')
    assert filtered_calls(log)[0] == by_domain('*.apps.example.com')


def test_another_domain_with_the_id_fails_before_any_write(emulator):
    created, dummy = run(emulator, domain='shop.example.com', description='shop')
    for state in ('present', 'absent'):
        result, log = run(emulator, id=created['reserved_domain']['id'], domain='Other.example.com', state=state)
        assert result['failed'] is True
        assert result['msg'] == (
            'domain: reserved domain %s (shop) is shop.example.com, not other.example.com; the domain of a reserved domain '
            'cannot change (another domain is another reserved domain: leave out id to manage it)' % created['reserved_domain']['id'])
        assert filtered_calls(log) == [('GET', item(created), None)]


def test_find_by_description_and_metadata_without_a_domain(emulator):
    created, dummy = run(emulator, domain='shop.example.com', description='shop', metadata={'team': 'web', 'env': 'prod'})
    by_description, log = run(emulator, description='shop', metadata='m')
    assert by_description['changed'] is True and by_description['reserved_domain']['metadata'] == 'm'
    assert filtered_calls(log) == [('GET', PATH, 'obj.description == "shop"'), ('PATCH', item(created), None)]
    missing, log = run(emulator, description='nobody')
    assert missing['failed'] is True and missing['msg'] == 'no reserved domain matches, and creating one needs domain'
    assert [method for method, dummy, dummy in filtered_calls(log)] == ['GET']


def test_description_and_metadata_together_filter_on_the_exact_field_and_compare_json_here(emulator):
    """JSON metadata can be stored in any layout: with the description in find_by, the filter is on the
    description only (exact), and the metadata is compared as JSON afterwards: one request, never a miss."""
    emulator.api('POST', PATH, {'domain': 'shop.example.com', 'description': 'shop', 'metadata': '{ "team" : "web" }'})
    emulator.api('POST', PATH, {'domain': 'blog.example.com', 'description': 'shop', 'metadata': '{"team": "blog"}'})
    result, log = run(emulator, find_by=['description', 'metadata'], description='shop', metadata={'team': 'web'})
    assert result['changed'] is False and result['reserved_domain']['domain'] == 'shop.example.com'
    assert filtered_calls(log) == [('GET', PATH, 'obj.description == "shop"')]


def test_json_metadata_alone_tries_the_usual_layouts_then_reads_the_list(emulator):
    seed(emulator, 120)
    emulator.api('POST', PATH, {'domain': 'spaced.example.com', 'metadata': '{"env": "prod", "team": "web"}'})
    layouts = ['{"env":"prod","team":"web"}', '{"env": "prod", "team": "web"}']
    expression = 'obj.metadata in [%s]' % ', '.join(json.dumps(text) for text in layouts)
    found, log = run(emulator, find_by=['metadata'], metadata={'team': 'web', 'env': 'prod'})
    assert found['changed'] is False and found['reserved_domain']['domain'] == 'spaced.example.com'
    assert filtered_calls(log) == [('GET', PATH, expression)]

    emulator.api('POST', PATH, {'domain': 'indented.example.com', 'metadata': '{\n  "team": "blog"\n}'})
    fallback, log = run(emulator, find_by=['metadata'], metadata={'team': 'blog'})
    assert fallback['changed'] is False and fallback['reserved_domain']['domain'] == 'indented.example.com'
    assert [(method, cel is not None) for method, dummy, cel in filtered_calls(log)] == [('GET', True), ('GET', False), ('GET', False)]

    text, log = run(emulator, find_by=['metadata'], metadata='not json')
    assert text['failed'] is True and filtered_calls(log) == [('GET', PATH, 'obj.metadata == "not json"')]


def test_several_matches_fail_listing_the_ids(emulator):
    ids = sorted(emulator.api('POST', PATH, {'domain': name, 'description': 'twin'})[1]['id']
                 for name in ('a.example.com', 'b.example.com'))
    result, log = run(emulator, description='twin', state='absent')
    assert result['failed'] is True and result['matches'] == ids
    assert [method for method, dummy, dummy in filtered_calls(log)] == ['GET']


@pytest.mark.parametrize('description', ['say "hi"', 'back\\slash \\" both', 'caf\u00e9 \u2603 \U0001F600', 'two\nlines\ttab',
                                         "it's && obj.id != \"\" || true", '\u0001\u007f\u0085'])
def test_any_description_is_quoted_safely_in_the_filter(emulator, description):
    emulator.api('POST', PATH, {'domain': 'decoy.example.com', 'description': 'say'})
    created, dummy = run(emulator, domain='shop.example.com', description=description)
    noop, log = run(emulator, description=description)
    assert noop['changed'] is False and noop['reserved_domain']['id'] == created['reserved_domain']['id']
    assert len(log) == 1 and log[0]['status'] == 200


# -- the API refuses the filter ---------------------------------------------------------------------------

def test_a_refused_filter_falls_back_to_reading_the_list_once_per_task(emulator):
    seed(emulator, 150)
    emulator.api('POST', PATH, {'domain': 'shop.example.com', 'description': 'shop'})
    emulator.fault(method='GET', path=PATH, status=400, times=1)
    result, log = run(emulator, domain='shop.example.com', description='the shop')
    assert result['changed'] is True and result['reserved_domain']['description'] == 'the shop'
    assert [(entry['method'], entry['status'], 'filter=' in entry['query']) for entry in log] == [
        ('GET', 400, True), ('GET', 200, False), ('GET', 200, False), ('PATCH', 200, False)]


def test_a_refused_filter_on_a_create_lost_in_transit_still_never_duplicates(emulator, monkeypatch):
    monkeypatch.setattr(time, 'sleep', lambda seconds: None)  # the backoff before the lookup
    emulator.fault(method='GET', path=PATH, status=400, times=1)
    emulator.fault(method='POST', path=PATH, drop=True, phase='after')
    result, log = run(emulator, domain='shop.example.com')
    assert result['changed'] is True
    assert len(emulator.api('GET', PATH)[1]['reserved_domains']) == 1
    # The lookup after the lost answer reads the list: the filter was refused earlier in the task.
    assert [(entry['method'], 'filter=' in entry['query']) for entry in log] == [
        ('GET', True), ('GET', False), ('POST', False), ('GET', False)]


def test_other_errors_of_a_filtered_lookup_are_not_refusals(emulator):
    emulator.fault(method='GET', path=PATH, status=403, times=1)
    result, log = run(emulator, domain='shop.example.com')
    assert result['failed'] is True and result['api_error']['status_code'] == 403 and len(log) == 1


# -- certificates -----------------------------------------------------------------------------------------

def test_an_uploaded_certificate_replaces_the_policy_in_one_update_and_back(emulator):
    created, dummy = run(emulator, domain='shop.example.com')
    assert created['reserved_domain']['certificate_management_policy'] == MANAGED
    uploaded = dict(domain='shop.example.com', certificate_id=CERT)
    check, log = run(emulator, check_mode=True, **uploaded)
    assert check['reserved_domain']['certificate_id'] == CERT
    assert check['reserved_domain']['certificate_management_policy'] is None
    result, log = run(emulator, **uploaded)
    assert [method for method, dummy, dummy in filtered_calls(log)] == ['GET', 'PATCH']
    assert result['reserved_domain'] == check['reserved_domain']
    noop, log = run(emulator, **uploaded)
    assert noop['changed'] is False and len(log) == 1

    managed = dict(domain='shop.example.com', certificate_management_policy={}, purge_certificate=True)
    check, log = run(emulator, check_mode=True, **managed)
    result, log = run(emulator, **managed)
    assert [method for method, dummy, dummy in filtered_calls(log)] == ['GET', 'PATCH']  # the update replaces it: no DELETE
    assert result['reserved_domain']['certificate_id'] is None
    assert result['reserved_domain']['certificate_management_policy'] == MANAGED
    assert check['reserved_domain'] == dict(result['reserved_domain'], certificate_management_status=None)


@pytest.mark.parametrize('attached,part', [({'certificate_id': CERT}, 'certificate'),
                                           ({'certificate_management_policy': {}}, 'certificate_management_policy')])
def test_purge_certificate_removes_what_is_set_and_not_given_with_one_delete(emulator, attached, part):
    created, dummy = run(emulator, domain='shop.example.com', **attached)
    kept, log = run(emulator, domain='shop.example.com', description='kept')
    assert all(value is not None for value in [kept['reserved_domain'][key] for key in attached])
    check, log = run(emulator, check_mode=True, domain='shop.example.com', purge_certificate=True)
    assert check['changed'] is True and len(log) == 1
    purged, log = run(emulator, domain='shop.example.com', purge_certificate=True)
    assert filtered_calls(log) == [by_domain('shop.example.com'), ('DELETE', item(created) + '/' + part, None)]
    assert (purged['reserved_domain']['certificate_id'], purged['reserved_domain']['certificate_management_policy']) == (None, None)
    assert check['reserved_domain'] == purged['reserved_domain']
    stored = emulator.api('GET', item(created))[1]
    assert (stored['certificate'], stored['certificate_management_policy']) == (None, None)
    again, log = run(emulator, domain='shop.example.com', purge_certificate=True)
    assert again['changed'] is False and len(log) == 1


def test_a_domain_of_ngrok_has_no_cname_and_takes_no_certificate_settings(emulator):
    created, dummy = run(emulator, domain='shop.ngrok.app')
    assert created['reserved_domain']['cname_target'] is None
    assert created['reserved_domain']['certificate_management_policy'] is None
    check, dummy = run(emulator, check_mode=True, domain='other.ngrok.app')
    assert check['reserved_domain']['certificate_management_policy'] is None
    refused, log = run(emulator, domain='shop.ngrok.app', certificate_management_policy={'private_key_type': 'rsa'}, certificate_id=CERT)
    assert refused['failed'] is True and log == []
    assert 'certificate_id and certificate_management_policy: give only one of them' in refused['msg']
    assert 'certificate_management_policy: shop.ngrok.app is a domain of ngrok, which manages its certificates' in refused['msg']


# -- in use -----------------------------------------------------------------------------------------------

@pytest.mark.parametrize('reserved', ['shop.example.com', '*.example.com'])
def test_a_domain_used_by_an_edge_is_not_released_and_the_edge_is_named(emulator, reserved):
    domain_id = run(emulator, domain=reserved)[0]['reserved_domain']['id']
    edge, dummy = run(emulator, ngrok_https_edge, description='shop edge', hostports=['shop.example.com:443'])
    edge_id = edge['edge']['id']
    result, log = run(emulator, domain=reserved, state='absent')
    assert result['failed'] is True
    assert result['used_by'] == ['HTTPS edge %s (shop edge)' % edge_id]
    assert result['msg'].startswith('cannot delete reserved domain rd_') and result['msg'].endswith(
        ': it is used by HTTPS edge %s (shop edge)' % edge_id)
    assert [entry['method'] for entry in log] == ['GET', 'GET', 'GET']  # no write at all
    check, log = run(emulator, check_mode=True, domain=reserved, state='absent')
    assert check['changed'] is True
    assert warning_messages(check) == ['reserved domain %s is used by HTTPS edge %s (shop edge); deleting it will fail unless an '
                                       'earlier task removes those uses' % (domain_id, edge_id)]
    run(emulator, ngrok_https_edge, id=edge_id, state='absent')
    released, log = run(emulator, domain=reserved, state='absent')
    assert released['changed'] is True and log[-1]['method'] == 'DELETE'


def test_when_the_edges_cannot_be_read_first_the_api_refusal_still_names_them(emulator):
    run(emulator, domain='shop.example.com')
    edge = emulator.api('POST', '/edges/https', {'hostports': ['shop.example.com:443']})[1]['id']
    emulator.fault(method='GET', path='/edges/https', status=403, times=1)
    result, log = run(emulator, domain='shop.example.com', state='absent')
    assert result['failed'] is True and result['api_error']['error_code'] == 'ERR_NGROK_446'
    assert result['used_by'] == ['HTTPS edge %s' % edge]
    assert [(entry['method'], entry['status']) for entry in log if entry['method'] != 'GET'] == [('DELETE', 400)]


# -- ngrok_reserved_domain_info ---------------------------------------------------------------------------

def info(emulator, **args):
    return run(emulator, ngrok_reserved_domain_info, **args)


def test_info_filters_on_the_server_and_returns_what_the_module_returns(emulator):
    seed(emulator, 150, description='bulk')
    shop, dummy = run(emulator, domain='shop.example.com', description='shop', metadata={'team': 'web'})
    result, log = info(emulator, domain='Shop.Example.com.')
    assert result['changed'] is False and result['reserved_domains'] == [shop['reserved_domain']]
    assert filtered_calls(log) == [by_domain('shop.example.com')]
    result, log = info(emulator, description='shop', metadata='{"team": "web"}')
    assert result['reserved_domains'] == [shop['reserved_domain']] and filtered_calls(log) == [('GET', PATH, 'obj.description == "shop"')]
    result, log = info(emulator, description='bulk')
    assert len(result['reserved_domains']) == 150 and len(log) == 2 and 'filter=' in log[1]['query']
    result, log = info(emulator)
    assert len(result['reserved_domains']) == 151 and len(log) == 2 and all('filter=' not in entry['query'] for entry in log)
    result, log = info(emulator, id=shop['reserved_domain']['id'], description='other')
    assert result['reserved_domains'] == [] and filtered_calls(log) == [('GET', item(shop), None)]
    result, log = info(emulator, id='rd_2fMuU4sEZ8HgKe5Ff5pJ4NbMb1W')
    assert result['reserved_domains'] == [] and len(log) == 1


def test_info_refuses_bad_input_before_any_request(emulator):
    result, log = info(emulator, id='bkdhr_2fMuU4sEZ8HgKe5Ff5pJ4NbMb1W', domain='a b.example.com', metadata=[1])
    assert result['failed'] is True and log == []
    assert "id: 'bkdhr_2fMuU4sEZ8HgKe5Ff5pJ4NbMb1W' is not the id of a reserved domain" in result['msg']
    assert "domain: 'a b.example.com' is not a domain name" in result['msg'] and 'metadata: must be a string or a dictionary' in result['msg']
