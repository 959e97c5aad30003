# -*- coding: utf-8 -*-
# Copyright (c) 2026, community.ngrok contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""Cloud endpoint URLs: normalised as the API writes them back, refused where the API refuses them (no API; the
module tests send the same URLs to the emulator)."""

from __future__ import absolute_import, division, print_function
__metaclass__ = type

import pytest

from ansible_collections.community.ngrok.plugins.module_utils.endpoint_urls import (
    Url, binding_problems, inferred_binding, normal_url, parse_url,
)


@pytest.mark.parametrize('given,text,hostport', [
    ('https://endpoint-example2.com:443', 'https://endpoint-example2.com', 'endpoint-example2.com:443'),  # the recorded example
    ('HTTPS://Shop.Example.COM', 'https://shop.example.com', 'shop.example.com:443'),
    ('http://shop.example.com:80', 'http://shop.example.com', 'shop.example.com:80'),
    ('tls://shop.example.com:443', 'tls://shop.example.com', 'shop.example.com:443'),
    ('tcp://db.internal:5432', 'tcp://db.internal:5432', 'db.internal:5432'),
    ('https://api.internal:8443', 'https://api.internal:8443', 'api.internal:8443'),
    ('https://*.apps.example.com', 'https://*.apps.example.com', '*.apps.example.com:443'),
])
def test_a_url_is_written_back_as_the_api_does(given, text, hostport):
    url = parse_url(given)
    assert (url.text, url.hostport) == (text, hostport)
    assert normal_url(given) == text


@pytest.mark.parametrize('given', ['', 'shop.example.com', 'ftp://a.example.com', 'https://a.example.com/', 'https://a.example.com/x',
                                   'https://a.example.com#top', 'https://u@a.example.com', 'https://a.example.com:http', 'https://a.example.com:0',
                                   'https://a.example.com:65536', 'tcp://a.example.com', 'https://a..example.com', 'https://a.example.com.',
                                   'https://-a.example.com', 'https://a_b.example.com', 'https://[::1]', 'https://\u00e9.example.com',
                                   'https://a.example.com\n', 'https://a.*.example.com', 'https://*a.example.com', 'https://'])
def test_what_the_api_refuses_is_no_url(given):
    with pytest.raises(ValueError):
        parse_url(given)
    assert normal_url(given) == given  # left as it is: the option's check reports it


def test_bindings_rules():
    assert inferred_binding(parse_url('https://api.internal')) == 'internal'
    assert inferred_binding(parse_url('https://api.example.com')) == 'public'
    assert binding_problems(parse_url('https://api.example.com:8443'), 'public') == ['a public https endpoint listens on port 443, not 8443']
    assert binding_problems(parse_url('tcp://1.tcp.ngrok.io:12345'), 'public') == []  # the API checks the reserved address
    assert binding_problems(parse_url('https://api.internal:8443'), 'internal') == []
    assert binding_problems(parse_url('https://a.b.c.d.e.api.internal'), 'internal') != []
    assert binding_problems(parse_url('https://b.c.d.e.api.internal'), 'internal') == []
    assert binding_problems(parse_url('https://api.example.com'), 'internal') != []
    assert binding_problems(parse_url('https://svc.ns'), 'kubernetes') != []
    assert binding_problems(parse_url('tcp://svc.ns:5432'), 'kubernetes') == []


def test_only_the_scheme_cannot_change():
    field = Url('url')
    assert field.change_problem('https://b.example.com', 'https://a.example.com') is None
    assert field.change_problem('https://a.example.com:8443', 'https://a.example.com') is None
    assert 'ERR_NGROK_18005' in field.change_problem('tls://a.example.com', 'https://a.example.com')
    assert field.equal(field.from_user('HTTPS://A.example.com:443'), field.from_api('https://a.example.com'))
