# -*- coding: utf-8 -*-
# Copyright (c) 2026, community.ngrok contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""Resource declarations: ids, paths, how messages name an object, the blank object a create starts from (no API)."""

from __future__ import absolute_import, division, print_function
__metaclass__ = type

from ansible_collections.community.ngrok.plugins.module_utils.backends import HTTP_RESPONSE, WEIGHTED
from ansible_collections.community.ngrok.plugins.module_utils.edges import HTTPS_EDGE, ROUTE
from ansible_collections.community.ngrok.plugins.module_utils.reserved_domains import RESERVED_DOMAIN
from ansible_collections.community.ngrok.plugins.module_utils.resource import with_article

ID = '2fMuU4sEZ8HgKe5Ff5pJ4NbMb1W'


def test_ids_need_the_prefix_and_the_whole_ksuid():
    assert WEIGHTED.looks_like_id('bkdwd_' + ID)
    assert not WEIGHTED.looks_like_id('bkdhr_' + ID)
    assert not WEIGHTED.looks_like_id('bkdwd_' + ID[:-1])


def test_paths_of_objects_inside_another():
    assert ROUTE.collection_path('edghts_1') == '/edges/https/edghts_1/routes'
    assert ROUTE.item_path('edghtsrt_2', 'edghts_1') == '/edges/https/edghts_1/routes/edghtsrt_2'
    assert HTTP_RESPONSE.item_path('bkdhr_1') == '/backends/http_response/bkdhr_1'


def test_messages_name_an_object_by_kind_id_and_description_and_a_child_by_its_parent_too():
    assert WEIGHTED.describe({'id': 'bkdwd_1', 'description': 'split'}) == 'weighted backend bkdwd_1 (split)'
    assert WEIGHTED.describe({'id': 'bkdwd_1', 'description': ''}) == 'weighted backend bkdwd_1'
    edge = {'id': 'edghts_1', 'description': 'shop'}
    assert ROUTE.describe({'id': 'edghtsrt_1', 'match': '/api'}, edge) == 'route edghtsrt_1 /api of HTTPS edge edghts_1 (shop)'


def test_a_new_object_starts_from_the_server_defaults():
    blank = HTTPS_EDGE.blank()
    assert (blank['id'], blank['description'], blank['hostports'], blank['routes']) == (None, '', [], [])  # a new edge has no routes yet
    assert ROUTE.field('oauth').predict({}, None)['cookie_prefix'] == 'ngrok.'


def test_setting_one_of_an_exclusive_group_clears_the_others():
    assert RESERVED_DOMAIN.cleared_by(['certificate_id']) == set(['certificate_management_policy'])
    assert RESERVED_DOMAIN.cleared_by(['certificate_management_policy', 'description']) == set(['certificate_id'])
    assert RESERVED_DOMAIN.cleared_by(['description']) == set()
    assert HTTPS_EDGE.cleared_by(['hostports']) == set()


def test_a_new_custom_domain_is_predicted_with_managed_certificates_and_an_ngrok_one_without():
    for domain, policy in (('shop.example.com', {'authority': 'letsencrypt', 'private_key_type': 'ecdsa'}), ('shop.ngrok.app', None)):
        predicted = dict(RESERVED_DOMAIN.blank(), domain=domain)
        RESERVED_DOMAIN.derived(predicted)
        assert predicted['certificate_management_policy'] == policy
    uploaded = dict(RESERVED_DOMAIN.blank(), domain='shop.example.com', certificate_id='cert_x')
    RESERVED_DOMAIN.derived(uploaded)
    assert uploaded['certificate_management_policy'] is None


def test_the_uploaded_certificate_is_not_the_one_ngrok_issued():
    issued = {'id': 'rd_x', 'certificate': {'id': 'cert_issued'}, 'certificate_management_policy': {'authority': 'letsencrypt'}}
    assert RESERVED_DOMAIN.view(issued)['certificate_id'] is None
    assert RESERVED_DOMAIN.view(dict(issued, certificate_management_policy=None))['certificate_id'] == 'cert_issued'


def test_messages_name_a_kind_with_its_article():
    assert with_article('IP policy') == 'an IP policy'
    assert with_article('reserved domain') == 'a reserved domain'
    assert with_article('HTTPS edge') == 'an HTTPS edge'
    assert with_article('HTTP response backend') == 'an HTTP response backend'
    assert with_article(WEIGHTED.kind) == 'a weighted backend'
