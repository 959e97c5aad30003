# -*- coding: utf-8 -*-
# Copyright (c) 2026, community.ngrok contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""Every place where an object names another, in one table: the search for an object's users reads
nothing else. A new kind of reference is one row (tests/unit/plugins/module_utils/test_reference_table.py
checks that every option naming other objects has its row)."""

from __future__ import absolute_import, division, print_function
__metaclass__ = type

from ansible_collections.community.ngrok.plugins.module_utils.backends import FAILOVER, WEIGHTED
from ansible_collections.community.ngrok.plugins.module_utils.edges import HTTPS_EDGE, ROUTE
from ansible_collections.community.ngrok.plugins.module_utils.endpoints import (
    ANY_CLOUD_ENDPOINT, CLOUD_ENDPOINT, forwarded_to, forwarded_urls, hosts_of, restricting_ip_policies,
)
from ansible_collections.community.ngrok.plugins.module_utils.ip_policies import ANY_IP_POLICY
from ansible_collections.community.ngrok.plugins.module_utils.references import Reference, find_users
from ansible_collections.community.ngrok.plugins.module_utils.reserved_domains import ANY_RESERVED_DOMAIN, domains_serving

# In the order users are listed in messages.
REFERENCES = (
    Reference(WEIGHTED, 'backends'),           # a weighted backend's children
    Reference(FAILOVER, 'backends'),           # a failover backend's children
    Reference(ROUTE, 'backend.backend'),       # the backend of a route's backend route module
    Reference(ROUTE, 'ip_restriction.ip_policy_ids'),  # the IP policies of a route's ip_restriction route module
    # an edge's hostports, served by their reserved domain or a reserved wildcard above it
    Reference(HTTPS_EDGE, 'hostports', targets=ANY_RESERVED_DOMAIN, key='domain',
              names=lambda hostports: domains_serving(hostport.rsplit(':', 1)[0] for hostport in hostports)),
    # a cloud endpoint's URL, served the same way
    Reference(CLOUD_ENDPOINT, 'url', targets=ANY_RESERVED_DOMAIN, key='domain', names=lambda url: domains_serving(hosts_of(url))),
    # the IP policies a cloud endpoint's restrict-ips actions check
    Reference(CLOUD_ENDPOINT, 'traffic_policy', targets=ANY_IP_POLICY, names=restricting_ip_policies),
    # the internal endpoints a cloud endpoint's forward-internal actions send traffic to, by URL
    Reference(CLOUD_ENDPOINT, 'traffic_policy', targets=ANY_CLOUD_ENDPOINT, key='url', names=forwarded_urls, applies=forwarded_to),
)


def users_of(context, resource, api_object):
    """Descriptions of the objects that name ``api_object``, a ``resource``: what a refused delete names."""
    return find_users(context, REFERENCES, resource, api_object)
