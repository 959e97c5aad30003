# -*- coding: utf-8 -*-
# Copyright (c) 2026, community.ngrok contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""Cloud endpoints: what their policies name, and agent endpoints (which /endpoints lists too, and the emulator
does not have) never found or changed: a stand-in client answers with them."""

from __future__ import absolute_import, division, print_function
__metaclass__ = type

import json

import pytest

from ansible_collections.community.ngrok.plugins.module_utils.endpoints import (
    CLOUD_ENDPOINT, forwarded_to, forwarded_urls, restricting_ip_policies,
)
from ansible_collections.community.ngrok.plugins.module_utils.engine import ResourceEngine
from ansible_collections.community.ngrok.plugins.module_utils.errors import ModuleFailure
from ansible_collections.community.ngrok.plugins.module_utils.reference_table import REFERENCES
from ansible_collections.community.ngrok.plugins.module_utils.references import AnyOf, Reference, find_users
from ansible_collections.community.ngrok.plugins.module_utils.resource import Resource
from ansible_collections.community.ngrok.plugins.module_utils.task_context import TaskContext

POLICY = json.dumps({'on_http_request': [
    {'actions': [{'type': 'restrict-ips', 'config': {'enforce': True, 'ip_policies': ['ipp_office', 'not an id', 7]}}]},
    {'actions': [{'type': 'forward-internal', 'config': {'url': 'HTTPS://API.internal:443'}},
                 {'type': 'forward-internal', 'config': {'url': 'https://${req.host}.internal'}}]},
    {'actions': [{'type': 'restrict-ips', 'config': {'ip_policies': ['ipp_home']}}, {'type': 'forward-internal'}]},
]})
AGENT = {'id': 'ep_' + 'A' * 27, 'type': 'agent', 'url': 'https://shop.example.com', 'traffic_policy': '', 'bindings': ['public']}
CLOUD = {'id': 'ep_' + 'B' * 27, 'type': 'cloud', 'url': 'https://shop.example.com', 'traffic_policy': POLICY, 'bindings': ['public'],
         'description': 'shop'}


def test_what_a_policy_names():
    assert restricting_ip_policies(POLICY) == ['ipp_office', 'ipp_home']
    assert forwarded_urls(POLICY) == ['https://api.internal', 'https://${req.host}.internal']
    assert restricting_ip_policies('not: [a policy') == [] and forwarded_urls('') == []


def test_only_an_unpooled_endpoint_that_is_not_public_can_be_forwarded_to():
    assert forwarded_to({'bindings': ['internal']}) and forwarded_to({'bindings': ['kubernetes']})
    assert not forwarded_to({'bindings': ['public']})
    assert not forwarded_to({'bindings': ['internal'], 'pooling_enabled': True})


class AnswersWith:
    """A client whose every GET answers with the same objects, whatever the filter (the scope is also checked here)."""

    def __init__(self, *objects):
        self.objects = objects
        self.filters = []

    def list(self, path, key, cel_filter=None):
        self.filters.append(cel_filter)
        return list(self.objects)

    def get_if_exists(self, path):
        return next((item for item in self.objects if path.endswith(item['id'])), None)


def test_an_agent_endpoint_is_never_found_by_url_nor_changed_by_id():
    client = AnswersWith(AGENT, CLOUD)
    found = TaskContext(client).find(CLOUD_ENDPOINT, [(CLOUD_ENDPOINT.field('url'), 'https://shop.example.com')])
    assert found == [CLOUD] and client.filters == ['obj.type == "cloud" && obj.url == "https://shop.example.com"']
    params = {'state': 'present', 'id': AGENT['id'], 'find_by': ['description'], 'description': 'mine'}
    params.update((field.name, params.get(field.name)) for field in CLOUD_ENDPOINT.fields)
    with pytest.raises(ModuleFailure) as caught:
        ResourceEngine(CLOUD_ENDPOINT, params, AnswersWith(AGENT)).run()
    assert caught.value.msg == 'id: %s is not a cloud endpoint (type agent)' % AGENT['id']


def test_the_ip_policies_restrict_ips_names_are_found_once_the_ip_policy_type_is_there():
    """The restrict-ips row of reference_table.py, with a stand-in IP policy type (ngrok_ip_policy brings the real one)."""
    ip_policy = Resource('IP policy', '/ip_policies', 'ip_policies', 'ipp_', 'ip_policy', [])
    row = next(row for row in REFERENCES if row.names is restricting_ip_policies)
    stand_in = Reference(row.source, '.'.join(row.path), targets=AnyOf('IP policy', {'ip_policy': ip_policy}), names=row.names)
    context = TaskContext(AnswersWith(AGENT, CLOUD))
    assert find_users(context, [stand_in], ip_policy, {'id': 'ipp_home'}) == ['cloud endpoint %s (shop)' % CLOUD['id']]
    assert find_users(context, [stand_in], ip_policy, {'id': 'ipp_other'}) == []
    assert find_users(context, [row], ip_policy, {'id': 'ipp_home'}) == []  # until then, the row searches nothing
