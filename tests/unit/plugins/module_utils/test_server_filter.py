# -*- coding: utf-8 -*-
# Copyright (c) 2026, community.ngrok contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""The CEL text of the `filter` query: quoting and which fields a lookup filters on (no API; the emulator's
real CEL evaluator reads these texts in test_task_context.py and test_ngrok_reserved_domain.py)."""

from __future__ import absolute_import, division, print_function
__metaclass__ = type

import pytest

from ansible_collections.community.ngrok.plugins.module_utils.backends import HTTP_RESPONSE
from ansible_collections.community.ngrok.plugins.module_utils.errors import NgrokAPIError
from ansible_collections.community.ngrok.plugins.module_utils.reserved_domains import RESERVED_DOMAIN
from ansible_collections.community.ngrok.plugins.module_utils.server_filter import cel_string, equality, filter_for, refused


def test_strings_are_quoted_for_cel():
    assert cel_string('plain') == '"plain"'
    assert cel_string('say "hi"') == r'"say \"hi\""'
    assert cel_string('back\\slash') == r'"back\\slash"'
    assert cel_string('two\nlines\r\t\x00\x7f\x85') == r'"two\u000alines\u000d\u0009\u0000\u007f\u0085"'
    assert cel_string('caf\u00e9 \u2603 \U0001F600 \u2028') == '"caf\u00e9 \u2603 \U0001F600 \u2028"'


def test_a_lone_surrogate_cannot_be_quoted():
    with pytest.raises(ValueError):
        cel_string('broken \udc80')


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


def test_only_a_400_is_a_refusal_of_the_filter():
    def error(status):
        return NgrokAPIError('GET', '/reserved_domains', status_code=status, error_code='ERR_NGROK_250')
    assert refused(error(400))
    assert not any(refused(error(status)) for status in (401, 403, 404, 429, 500, 503))
    assert not refused(NgrokAPIError('GET', '/reserved_domains', msg='connection lost'))
