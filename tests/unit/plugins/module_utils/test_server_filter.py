# -*- coding: utf-8 -*-
# Copyright (c) 2026, community.ngrok contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""The CEL text of the `filter` query: which fields a lookup filters on (no API; the emulator's
real CEL evaluator reads these texts in test_task_context.py and test_ngrok_reserved_domain.py)."""

from __future__ import absolute_import, division, print_function
__metaclass__ = type

from ansible_collections.community.ngrok.plugins.module_utils.backends import HTTP_RESPONSE
from ansible_collections.community.ngrok.plugins.module_utils.endpoints import CLOUD_ENDPOINT
from ansible_collections.community.ngrok.plugins.module_utils.errors import NgrokAPIError
from ansible_collections.community.ngrok.plugins.module_utils.ip_policies import IP_POLICY_RULE, RULES
from ansible_collections.community.ngrok.plugins.module_utils.reserved_domains import RESERVED_DOMAIN
from ansible_collections.community.ngrok.plugins.module_utils.server_filter import equality, filter_for, refused


def test_one_text_is_an_equality_several_a_list():
    assert equality('domain', ['a.example.com']) == 'obj.domain == "a.example.com"'
    assert equality('metadata', ['{"a":1}', '{"a": 1}']) == r'obj.metadata in ["{\"a\":1}", "{\"a\": 1}"]'


def keys(**values):
    return [(RESERVED_DOMAIN.field(name), RESERVED_DOMAIN.field(name).from_user(value)) for name, value in values.items()]


def test_exact_fields_are_filtered_together():
    assert filter_for(RESERVED_DOMAIN, keys(domain='A.example.com')) == ('obj.domain == "a.example.com"', True)
    assert filter_for(RESERVED_DOMAIN, keys(description='shop', metadata='team=web')) == (
        'obj.description == "shop" && obj.metadata == "team=web"', True)


def test_json_metadata_is_left_to_the_comparison_when_an_exact_field_is_there():
    assert filter_for(RESERVED_DOMAIN, keys(description='shop', metadata={'team': 'web'})) == ('obj.description == "shop"', True)
    assert filter_for(RESERVED_DOMAIN, keys(metadata={'team': 'web'})) == (r'obj.metadata in ["{\"team\":\"web\"}", "{\"team\": \"web\"}"]', False)


def test_no_filter_where_the_list_takes_none_or_the_value_cannot_be_written():
    assert filter_for(HTTP_RESPONSE, [(HTTP_RESPONSE.field('description'), 'web')]) == (None, False)
    assert filter_for(RESERVED_DOMAIN, []) == (None, False)
    assert filter_for(RESERVED_DOMAIN, keys(description='broken \udc80')) == (None, False)
    assert filter_for(RESERVED_DOMAIN, keys(description='broken \udc80', domain='a.example.com')) == ('obj.domain == "a.example.com"', True)


def test_a_field_is_filtered_on_its_filter_name_and_a_parent_link_on_any_of_its_parents():
    assert filter_for(IP_POLICY_RULE, [(RULES.parent_link, ['ipp_1'])]) == ('obj.ip_policy.id == "ipp_1"', True)
    assert filter_for(IP_POLICY_RULE, [(RULES.parent_link, ['ipp_1', 'ipp_2'])]) == ('obj.ip_policy.id in ["ipp_1", "ipp_2"]', True)


def test_only_a_400_is_a_refusal_of_the_filter():
    def error(status):
        return NgrokAPIError('GET', '/reserved_domains', status_code=status, error_code='ERR_NGROK_250')
    assert refused(error(400))
    assert not any(refused(error(status)) for status in (401, 403, 404, 429, 500, 503))
    assert not refused(NgrokAPIError('GET', '/reserved_domains', msg='connection lost'))


def endpoint_keys(**values):
    return [(CLOUD_ENDPOINT.field(name), CLOUD_ENDPOINT.field(name).from_user(value)) for name, value in values.items()]


def test_a_scoped_type_filters_on_its_scope_first_which_never_narrows_a_lookup_alone():
    """/endpoints lists agent endpoints too: every lookup of cloud endpoints says type == "cloud", and JSON
    metadata alone still tries its layouts (the scope is no exact equality of the lookup's own)."""
    assert filter_for(CLOUD_ENDPOINT, endpoint_keys(url='HTTPS://Shop.example.com:443')) == (
        'obj.type == "cloud" && obj.url == "https://shop.example.com"', True)
    assert filter_for(CLOUD_ENDPOINT, endpoint_keys(metadata={'a': 1})) == (
        r'obj.type == "cloud" && obj.metadata in ["{\"a\":1}", "{\"a\": 1}"]', False)
    assert filter_for(CLOUD_ENDPOINT, []) == ('obj.type == "cloud"', True)
    assert filter_for(CLOUD_ENDPOINT, endpoint_keys(description='broken \udc80')) == (None, False)
