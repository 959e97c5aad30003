# -*- coding: utf-8 -*-
# Copyright (c) 2026, community.ngrok contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""Normalisation and comparison rules of the field kinds (pure functions, no API)."""

from __future__ import absolute_import, division, print_function
__metaclass__ = type

from ansible_collections.community.ngrok.plugins.module_utils.errors import MASK
from ansible_collections.community.ngrok.plugins.module_utils.fields import (
    CHANGED_SECRET, Cidr, DomainName, Field, HeaderMap, Integer, JsonText, StringList, StringMap, Text, cidr_order,
)
from ansible_collections.community.ngrok.plugins.module_utils.nested import Nested


def test_metadata_dict_is_sent_as_compact_sorted_json():
    assert JsonText("metadata").from_user({'b': 1, 'a': [1, 2]}) == '{"a":[1,2],"b":1}'
    assert JsonText("metadata").from_user('plain text') == 'plain text'


def test_metadata_is_compared_as_json_when_both_sides_are_json():
    field = JsonText("metadata")
    assert field.equal('{"a":1,"b":2}', '{ "b": 2, "a": 1 }')
    assert not field.equal('{"a":1}', '{"a":2}')
    assert not field.equal('{"a":1}', 'a=1')
    assert field.equal('a=1', 'a=1')


def test_metadata_dict_is_sent_as_utf8_not_escaped():
    assert JsonText("metadata").from_user({'name': 'Жёлтый', 'emoji': '☕'}) == '{"emoji":"☕","name":"Жёлтый"}'


def test_metadata_limits_and_types():
    field = JsonText("metadata", max_length=10)
    assert field.problems({'a': 'b'}, 'metadata') == []
    assert field.problems('é' * 10, 'metadata') == []  # 20 bytes, 10 characters: the API counts characters
    assert field.problems('é' * 11, 'metadata') == ['metadata: must be at most 10 characters long']
    assert field.problems({'a': 'Жж'}, 'metadata') == []  # {"a":"Жж"}: 10 characters, 20 with \u escapes
    assert field.problems({'a': 'Жжж'}, 'metadata') == ['metadata: must be at most 10 characters long']
    assert field.problems(['a'], 'metadata') == ['metadata: must be a string or a dictionary, not list']


def test_description_limit_counts_characters():
    field = Text('description', max_length=3)
    assert field.problems('ééé', 'description') == []
    assert field.problems('éééé', 'description') == ['description: must be at most 3 characters long']


def test_missing_text_reads_as_empty():
    assert Text('description').from_api(None) == ''
    assert Text('description').server_default == ''


def test_header_names_are_compared_lowercased():
    field = StringMap('headers', lower_keys=True)
    assert field.from_api(None) == {}
    assert field.from_user({'Content-Type': 'text/html'}) == field.from_api({'content-type': 'text/html'})
    assert field.from_user({'X': 'A'}) != field.from_api({'x': 'a'})
    assert field.problems({'X-A': '1', 'x-a': '2'}, 'headers') == [
        "headers: 'X-A' and 'x-a' are the same name (names are case-insensitive)"]
    assert field.problems({'X-N': [5]}, 'headers') == ['headers.X-N: must be a string, not list']


def test_numbers_and_booleans_in_a_map_of_strings_become_strings_like_any_string_option():
    field = StringMap('labels')
    assert field.problems({'version': 2, 'ratio': 0.5, 'canary': True}, 'labels') == []
    assert field.from_user({'version': 2, 'ratio': 0.5, 'canary': True}) == {'version': '2', 'ratio': '0.5', 'canary': 'True'}
    assert field.problems({'k': None}, 'labels') == ['labels.k: must be a string, not NoneType']


def test_header_names_and_values_are_checked_by_one_rule():
    field = HeaderMap('headers')
    assert field.problems({'Retry-After': 3600, 'X-Ok': 'a b'}, 'headers') == []
    assert field.from_user({'Retry-After': 3600}) == {'retry-after': '3600'}
    assert field.problems({'Bad Name:': 'x', 'X-Split': 'a\r\nSet-Cookie: x', 'X-Nul': 'a\x00'}, 'headers') == [
        "headers: 'bad name:': not a valid header name",
        "headers: the values of x-split, x-nul must not contain CR, LF or NUL"]


def test_labels_keep_their_case():
    assert StringMap('labels').from_user({'App': 'x'}) == {'App': 'x'}


def test_integer_range():
    field = Integer('status_code', minimum=100, maximum=599)
    assert field.problems(100, 'status_code') == []
    assert field.problems(599, 'status_code') == []
    assert field.problems(600, 'status_code') == ['status_code: 600 is out of range, it must be between 100 and 599']


def test_integer_with_one_bound_names_only_that_bound():
    assert Integer('rolling_window', minimum=1).problems(0, 'rolling_window') == [
        'rolling_window: 0 is out of range, it must be at least 1']
    assert Integer('weight', maximum=9).problems(10, 'weight') == ['weight: 10 is out of range, it must be at most 9']


def test_unordered_lists_compare_as_sets():
    assert StringList('hostports', ordered=False).equal(['b:443', 'a:443'], ['a:443', 'b:443'])
    assert not StringList('backends').equal(['b', 'a'], ['a', 'b'])


def test_lists_compared_as_sets_refuse_duplicates():
    assert StringList('hostports', ordered=False).problems(['a:443', 'b:443', 'a:443'], 'hostports') == [
        'hostports: entries must be unique (a:443 given more than once)']
    assert StringList('remove', ordered=False, lower=True).problems(['Server', 'server', 'X-A'], 'remove') == [
        'remove: entries must be unique (server given more than once)']
    assert StringList('backends').problems(['a', 'a'], 'backends') == []  # an ordered list may repeat


def test_secrets_are_masked_and_a_changed_secret_says_so():
    field = Field('secret', secret=True)
    assert field.spec['no_log'] is True
    assert field.mask('s3cr3t') == MASK
    assert field.mask('new', 'old') == CHANGED_SECRET
    assert field.mask('same', 'same') == MASK
    assert field.mask('new', 'old', compare=False) == MASK
    assert field.mask('') == ''


def test_a_filter_on_a_field_stored_in_one_form_is_exact():
    assert Text('description').filter_values('a "b"') == (['a "b"'], True)
    assert JsonText('metadata').filter_values('team=web') == (['team=web'], True)


def test_a_filter_on_json_metadata_tries_the_usual_layouts_and_is_not_exact():
    texts, exact = JsonText('metadata').filter_values('{"b":1,"a":"x"}')
    assert exact is False
    assert texts == ['{"b":1,"a":"x"}', '{"a":"x","b":1}', '{"a": "x", "b": 1}', '{"b": 1, "a": "x"}']
    assert JsonText('metadata').filter_values('7') == (['7'], False)  # " 7" is the same JSON


def test_domain_names_are_compared_the_way_the_api_stores_them():
    field = DomainName('domain')
    assert field.from_user(' Shop.Example.COM. ') == 'shop.example.com' == field.from_api('shop.example.com')
    assert field.from_user('*.Example.com') == '*.example.com'
    assert field.filter_values('shop.example.com') == (['shop.example.com'], True)


def test_what_is_never_a_domain_is_refused_before_any_request():
    field = DomainName('domain')
    for good in ('shop.example.com', '*.example.com', 'xn--bcher-kva.example', 'a-b.c0.io', 'SHOP.example.com.'):
        assert field.problems(good, 'domain') == [], good
    assert field.problems('localhost', 'domain') == ["domain: 'localhost' is not a fully qualified domain name (such as shop.example.com)"]
    assert 'may hold a wildcard only as its whole first label' in field.problems('a.*.example.com', 'domain')[0]
    assert 'may hold a wildcard only as its whole first label' in field.problems('*a.example.com', 'domain')[0]
    for bad in ('a b.example.com', 'a_b.example.com', '-a.example.com', 'a-.example.com', 'a..example.com', 'caf\u00e9.example.com'):
        assert 'is not a domain name' in field.problems(bad, 'domain')[0], bad
    assert 'label longer than 63' in field.problems('a' * 64 + '.example.com', 'domain')[0]
    assert 'longer than 253' in field.problems('a.' * 130 + 'com', 'domain')[0]


def test_a_part_with_a_purge_path_is_purgeable():
    assert Field('certificate_id', purge_path='certificate').purgeable
    assert not Field('certificate_id').purgeable
    assert Nested('compression', options=[], purgeable=True).purge_path == 'compression'
    assert not Nested('provider', options=[]).purgeable


def test_cidrs_are_compared_as_networks_in_standard_notation():
    field = Cidr('cidr')
    assert field.from_user(' 10.0.0.0/8 ') == '10.0.0.0/8'
    assert field.from_user('2001:DB8:0:0::/32') == field.from_api('2001:db8::/32') == '2001:db8::/32'
    assert field.from_api('not a cidr') == 'not a cidr'  # what no API answer holds is shown as it is
    assert field.filter_values('2001:db8::/32') == (['2001:db8::/32'], False)  # stored as sent: not exact


def test_what_the_api_refuses_as_a_cidr_is_refused_before_any_request_with_the_value_meant():
    field = Cidr('cidr')
    assert field.problems('203.0.113.0/24', 'c') == [] and field.problems('::/0', 'c') == []
    assert field.problems('203.0.113.7', 'c') == ["c: '203.0.113.7' has no network mask: write 203.0.113.7/32 for this one address"]
    assert field.problems('2001:db8::1', 'c') == ["c: '2001:db8::1' has no network mask: write 2001:db8::1/128 for this one address"]
    assert field.problems('10.1.2.3/8', 'c') == ["c: '10.1.2.3/8' has address bits set after its /8 mask: the network is 10.0.0.0/8"]
    assert field.problems('10.0.0.0/33', 'c') == ["c: '10.0.0.0/33' has a mask longer than the address: at most /32"]
    for text in ('10.0.0.0/255.0.0.0', 'office', '10.0.0.0/', '/8', 'fe80::1%eth0/64', '300.0.0.0/8', '10.0.0.0/-1'):
        assert field.problems(text, 'c') == ["c: %r is not a CIDR: give a network such as 10.0.0.0/8, 203.0.113.7/32 or 2001:db8::/32" % text]


def test_cidrs_sort_ipv4_first_then_by_network_wider_first():
    assert sorted(['2001:db8::/32', '9.0.0.0/8', '10.0.0.0/16', '10.0.0.0/8', '1.0.0.0/8'], key=cidr_order) == [
        '1.0.0.0/8', '9.0.0.0/8', '10.0.0.0/8', '10.0.0.0/16', '2001:db8::/32']


def test_a_field_is_filtered_on_its_filter_name():
    assert Field('ip_policy_id').filter_name == 'ip_policy_id'
    assert Field('ip_policy_id', filter_name='ip_policy.id').filter_name == 'ip_policy.id'
