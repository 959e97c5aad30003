# -*- coding: utf-8 -*-
# Copyright (c) 2026, community.ngrok contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""The per-task cache of listings (whole, or filtered on the server) and the task's warnings, against the emulator."""

from __future__ import absolute_import, division, print_function
__metaclass__ = type

from urllib.parse import parse_qs

import pytest

from ansible_collections.community.ngrok.plugins.module_utils.client import NgrokClient
from ansible_collections.community.ngrok.plugins.module_utils.errors import NgrokAPIError
from ansible_collections.community.ngrok.plugins.module_utils.reserved_domains import RESERVED_DOMAIN
from ansible_collections.community.ngrok.plugins.module_utils.task_context import TaskContext

PATH = '/backends/http_response'


def context_for(emulator):
    return TaskContext(NgrokClient(emulator.url, emulator.api_key, max_retries=0))


def test_a_listing_is_read_once_per_task_unless_asked_fresh(emulator):
    emulator.api('POST', PATH, {'description': 'a'})
    context = context_for(emulator)
    assert [item['description'] for item in context.list(PATH, 'backends')] == ['a']
    emulator.api('POST', PATH, {'description': 'b'})
    assert len(context.list(PATH, 'backends')) == 1
    assert len(context.list(PATH, 'backends', fresh=True)) == 2
    assert [entry['method'] for entry in emulator.requests()] == ['POST', 'GET', 'POST', 'GET']


def test_a_refused_listing_is_empty_only_where_allowed(emulator):
    context = context_for(emulator)
    emulator.fault(method='GET', path='/edges/https', status=403, times=2)
    assert context.list_if_allowed('/edges/https', 'https_edges') == []
    with pytest.raises(NgrokAPIError):
        context.list('/edges/https', 'https_edges')


@pytest.mark.parametrize('fault', [{'status': 503}, {'status': 429}, {'drop': True}])
def test_a_listing_that_could_not_be_read_is_no_proof_of_an_empty_list(emulator, fault):
    """The search for users must not read "no users" into a server error, the rate limit or a lost connection."""
    emulator.fault(method='GET', path='/edges/https', times=1, **fault)
    with pytest.raises(NgrokAPIError):
        context_for(emulator).list_if_allowed('/edges/https', 'https_edges')


def test_warnings_are_kept_in_order():
    context = TaskContext(client=None)
    context.warn('one')
    context.warn('two')
    assert context.warnings == ['one', 'two']


def domain_keys(**values):
    return [(RESERVED_DOMAIN.field(name), value) for name, value in values.items()]


def reads(emulator, since=0):
    """(path, filter or None) of the requests since ``since``."""
    return [(entry['path'], parse_qs(entry['query']).get('filter', [None])[0]) for entry in emulator.requests()[since:]]


def test_a_filtered_listing_is_cached_under_its_filter(emulator):
    for name in ('a', 'b'):
        emulator.api('POST', '/reserved_domains', {'domain': name + '.example.com', 'description': name})
    context = context_for(emulator)
    start = len(emulator.requests())
    assert [item['domain'] for item in context.find(RESERVED_DOMAIN, domain_keys(description='a'))] == ['a.example.com']
    assert [item['domain'] for item in context.find(RESERVED_DOMAIN, domain_keys(description='a'))] == ['a.example.com']
    assert [item['domain'] for item in context.find(RESERVED_DOMAIN, domain_keys(description='b'))] == ['b.example.com']
    assert reads(emulator, start) == [('/reserved_domains', 'obj.description == "a"'), ('/reserved_domains', 'obj.description == "b"')]
    context.find(RESERVED_DOMAIN, domain_keys(description='a'), fresh=True)
    assert len(emulator.requests()) == start + 3


def test_a_whole_listing_already_read_serves_later_lookups(emulator):
    emulator.api('POST', '/reserved_domains', {'domain': 'a.example.com', 'description': 'a'})
    context = context_for(emulator)
    start = len(emulator.requests())
    assert len(context.find(RESERVED_DOMAIN, [])) == 1
    assert [item['description'] for item in context.find(RESERVED_DOMAIN, domain_keys(description='a'))] == ['a']
    assert reads(emulator, start) == [('/reserved_domains', None)]


def test_a_refused_filter_is_not_sent_again_in_the_task(emulator):
    emulator.api('POST', '/reserved_domains', {'domain': 'a.example.com', 'description': 'a'})
    context = context_for(emulator)
    start = len(emulator.requests())
    emulator.fault(method='GET', path='/reserved_domains', status=400, times=1)
    assert len(context.find(RESERVED_DOMAIN, domain_keys(description='a'))) == 1
    assert len(context.find(RESERVED_DOMAIN, domain_keys(description='b'))) == 0
    assert reads(emulator, start) == [('/reserved_domains', 'obj.description == "a"'), ('/reserved_domains', None)]
