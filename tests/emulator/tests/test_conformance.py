# -*- coding: utf-8 -*-
# Copyright (c) 2026, community.ngrok contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""Every JSON answer of a broad scenario validates against ngrok's own OpenAPI description.

Objects may not carry keys the spec does not name (additionalProperties: false), and only the
documented differences between the spec and the real API are allowed (NULLABLE, EXTRA_KEYS).
"""

import copy
import os
import re
from urllib.parse import quote

import pytest
import yaml
from jsonschema import Draft202012Validator

from test_edges_routes import ROUTE_MODULES, module_bodies

# (schema, property) that the real API returns as null although the spec types them without null.
NULLABLE = {
    ('HTTPSEdgeRoute', name): 'fact sheet 7.3: every module key is present in responses, null when unset' for name in ROUTE_MODULES
}
NULLABLE.update({
    ('HTTPSEdge', 'mutual_tls'): 'fact sheet 7.2: null when unset',
    ('HTTPSEdge', 'tls_termination'): 'fact sheet 7.2: null when unset',
    ('HTTPSEdge', 'hostports'): 'fact sheet 11.1: null when there are none',
    ('HTTPResponseBackend', 'headers'): 'fact sheet 6.3: "headers": null when there are none',
    ('TunnelGroupBackend', 'labels'): 'recorded examples 2022-2023: "labels": null when there are none',
    ('EndpointOAuthProvider', None): 'fact sheet 7.4: all 8 provider keys present, unused ones null',
})
OAUTH_PROVIDER_SCHEMAS = ('EndpointOAuthGitHub', 'EndpointOAuthFacebook', 'EndpointOAuthMicrosoft', 'EndpointOAuthGoogle',
                          'EndpointOAuthLinkedIn', 'EndpointOAuthGitLab', 'EndpointOAuthTwitch', 'EndpointOAuthAmazon')
NULLABLE.update(dict(((schema, key), 'emulator choice (README): null when the ngrok-managed OAuth app is used (not sent)')
                     for schema in OAUTH_PROVIDER_SCHEMAS for key in ('client_id', 'client_secret')))
LISTS = ('HTTPResponseBackendList', 'TunnelGroupBackendList', 'WeightedBackendList', 'FailoverBackendList', 'StaticBackendList',
         'HTTPSEdgeList', 'IPPolicyList', 'IPPolicyRuleList', 'ReservedDomainList', 'EndpointList')
NULLABLE.update(dict(((name, 'next_page_uri'), 'fact sheet 3: null when there are no more pages') for name in LISTS))
RECORDED_NULL = ('recorded reserved-domain answers (ngrok-docs _reserved_domains_*_response, 2025-09): null when not applicable, '
                 'as the spec descriptions say ("or null")')
NULLABLE.update(dict(((schema, key), RECORDED_NULL)
                     for schema, key in (('ReservedDomain', 'acme_challenge_cname_target'), ('ReservedDomain', 'certificate'),
                                         ('ReservedDomain', 'certificate_management_policy'), ('ReservedDomain', 'cname_target'),
                                         ('ReservedDomain', 'certificate_management_status'), ('ReservedDomainCertJob', 'error_code'),
                                         ('ReservedDomainCertJob', 'retries_at'), ('ReservedDomainCertStatus', 'renews_at'))))
# Keys the real API returns that the spec does not name.
EXTRA_KEYS = {
    ('HTTPSEdgeRoute', 'policy'): 'fact sheet 7.3: legacy key, still returned as null',
    ('EndpointSAML', 'idp_metadata_url'): 'fact sheet 7.4: undocumented, returned as ""',
}
EXTRA_KEYS.update(dict((('ReservedDomain', key), 'in every recorded reserved-domain answer (2025-09), not in the spec')
                       for key in ('error_redirect_url', 'http_endpoint_configuration', 'https_endpoint_configuration', 'is_dev')))


def spec_path():
    if os.environ.get('NGROK_OPENAPI_SPEC'):
        return os.environ['NGROK_OPENAPI_SPEC']
    here = os.path.dirname(os.path.abspath(__file__))
    while not os.path.exists(os.path.join(here, 'galaxy.yml')):
        parent = os.path.dirname(here)
        if parent == here:
            pytest.fail('no galaxy.yml above %s: set NGROK_OPENAPI_SPEC' % __file__)
        here = parent
    return os.path.join(os.path.dirname(here), 'shared', 'api', 'ngrok-openapi.yaml')


def strict_spec():
    """The spec with closed objects and the documented nullable properties."""
    with open(spec_path()) as handle:
        # The C loader reads the 11k-line spec in a fraction of the pure-Python loader's 3 s.
        spec = yaml.load(handle, Loader=getattr(yaml, 'CSafeLoader', yaml.SafeLoader))
    schemas = spec['components']['schemas']
    for name, schema in schemas.items():
        if schema.get('type') == 'object' and 'properties' in schema:
            schema['additionalProperties'] = False
            for (owner, key), dummy in EXTRA_KEYS.items():
                if owner == name:
                    schema['properties'][key] = {}
    for (owner, key), dummy in NULLABLE.items():
        properties = schemas[owner]['properties']
        for prop in ([key] if key else list(properties)):
            properties[prop] = {'anyOf': [copy.deepcopy(properties[prop]), {'type': 'null'}]}
    return spec


class Conformance:
    def __init__(self):
        self.spec = strict_spec()
        self.templates = [(re.compile('^%s$' % re.sub(r'\{[^}]+\}', '[^/]+', template)), template)
                          for template in self.spec['paths']]
        self.checked = set()
        self.validators = {}

    def schema_for(self, method, path, status):
        templates = [template for pattern, template in self.templates if pattern.match(path)]
        # A literal segment wins over a parameter ("/edges/https/x/routes" is not "/edges/https/{id}/...").
        template = min(templates, key=lambda t: t.count('{'))
        operation = self.spec['paths'][template][method.lower()]
        content = operation['responses'][status].get('content')
        return template, content and content['application/json']['schema']

    def validate(self, method, path, status, body):
        template, schema = self.schema_for(method, path, status)
        self.checked.add((method, template))
        if schema is None:
            assert body is None, (method, path, body)
            return
        if schema['$ref'] not in self.validators:  # building a validator over the whole spec is the slow part
            self.validators[schema['$ref']] = Draft202012Validator(dict(self.spec, **{'$ref': schema['$ref']}))
        errors = sorted(self.validators[schema['$ref']].iter_errors(body), key=str)
        assert not errors, '%s %s: %s' % (method, template, '; '.join('%s at %s' % (e.message, list(e.absolute_path)) for e in errors[:5]))


def test_every_answer_of_a_broad_scenario_matches_the_spec(api):
    hr = api.call('POST', '/backends/http_response', {'description': 'hr', 'headers': {'A': 'b'}, 'status_code': 418}, expect=201)
    bare = api.call('POST', '/backends/http_response', {}, expect=201)
    tg = api.call('POST', '/backends/tunnel_group', {'labels': {'app': 'web'}}, expect=201)
    api.call('POST', '/backends/tunnel_group', {}, expect=201)  # "labels": null
    wd = api.call('POST', '/backends/weighted', {'backends': {hr['id']: 1, tg['id']: 0}}, expect=201)
    sc = api.call('POST', '/backends/static', {'address': 'example.com:443', 'tls': {'enabled': True}}, expect=201)
    fo = api.call('POST', '/backends/failover', {'backends': [wd['id'], bare['id'], sc['id']]}, expect=201)
    for kind, item in (('http_response', hr), ('tunnel_group', tg), ('weighted', wd), ('failover', fo), ('static', sc)):
        path = '/backends/%s/%s' % (kind, item['id'])
        api.call('GET', path, expect=200)
        api.call('PATCH', path, {'metadata': '{"a":1}'}, expect=200)
        api.call('GET', '/backends/%s?limit=1' % kind, expect=200)
    policy = api.call('POST', '/ip_policies', {'description': 'p'}, expect=201)
    api.call('GET', '/ip_policies/' + policy['id'], expect=200)
    api.call('PATCH', '/ip_policies/' + policy['id'], {'metadata': 'm'}, expect=200)
    api.call('GET', '/ip_policies', expect=200)
    api.call('POST', '/reserved_domains', {'domain': '*.example.com'}, expect=201)
    edge = api.call('POST', '/edges/https', {'hostports': ['a.example.com:443'], 'tls_termination': {'min_version': '1.2'},
                                             'mutual_tls': {'certificate_authority_ids': ['ca_2fMuU4sEZ8HgKe5Ff5pJ4NbMb1W']}}, expect=201)
    edge_path = '/edges/https/' + edge['id']
    for name, body in (('tls_termination', {'min_version': '1.3'}), ('mutual_tls', {'certificate_authority_ids': []})):
        api.call('PUT', '%s/%s' % (edge_path, name), body, expect=200)
        api.call('GET', '%s/%s' % (edge_path, name), expect=200)
    bodies = module_bodies(hr['id'], policy['id'])
    creates = dict((name, body) for name, body in bodies.items() if name not in ('saml', 'oidc'))
    first = api.call('POST', edge_path + '/routes', dict(creates, match_type='path_prefix', match='/'), expect=201)
    # OAuth, OIDC and SAML are allowed on one route per edge: SAML and OIDC go to a second edge.
    other = api.call('POST', '/edges/https', {'hostports': ['b.example.com:443']}, expect=201)
    other_path = '/edges/https/' + other['id']
    second = api.call('POST', other_path + '/routes', {'match_type': 'exact_path', 'match': '/saml', 'saml': bodies['saml']}, expect=201)
    third = api.call('POST', edge_path + '/routes', {'match_type': 'exact_path', 'match': '/plain'}, expect=201)
    api.call('PATCH', '%s/routes/%s' % (edge_path, first['id']), {'description': 'd', 'compression': {'enabled': False}}, expect=200)
    for route_path, names in (('%s/routes/%s' % (edge_path, third['id']), [n for n in ROUTE_MODULES if n not in ('oauth', 'saml', 'oidc')]),
                              ('%s/routes/%s' % (other_path, second['id']), ['saml', 'oidc', 'oauth'])):
        for name in names:
            api.call('DELETE', '%s/%s' % (route_path, name), expect=204)
            api.call('PUT', '%s/%s' % (route_path, name), bodies[name], expect=200)
            api.call('GET', '%s/%s' % (route_path, name), expect=200)
            api.call('GET', route_path, expect=200)
            api.call('DELETE', '%s/%s' % (route_path, name), expect=204)
            api.call('PATCH', route_path, {name: bodies[name]}, expect=200)
            api.call('DELETE', '%s/%s' % (route_path, name), expect=204)
    api.call('GET', '%s/routes/%s' % (edge_path, first['id']), expect=200)
    api.call('PATCH', edge_path, {'description': 'edge'}, expect=200)
    api.call('GET', edge_path, expect=200)
    api.call('GET', '/edges/https', expect=200)
    # A route whose backend was deleted still answers (the route names the missing backend); an edge without hostports.
    gone = api.call('POST', '/backends/http_response', {}, expect=201)
    api.call('PUT', '%s/routes/%s/backend' % (edge_path, third['id']), {'backend_id': gone['id']}, expect=200)
    api.call('DELETE', '/backends/http_response/' + gone['id'], expect=204)
    api.call('GET', '%s/routes/%s' % (edge_path, third['id']), expect=200)
    api.call('GET', '%s/routes/%s/backend' % (edge_path, third['id']), expect=200)
    bare_edge = api.call('POST', '/edges/https', {'description': 'no hostports'}, expect=201)
    api.call('GET', '/edges/https', expect=200)
    api.call('DELETE', '/edges/https/' + bare_edge['id'], expect=204)
    api.call('DELETE', '%s/routes/%s' % (edge_path, third['id']), expect=204)
    api.call('DELETE', edge_path + '/mutual_tls', expect=204)
    api.call('DELETE', edge_path + '/tls_termination', expect=204)
    api.call('DELETE', edge_path, expect=204)
    api.call('DELETE', other_path, expect=204)
    api.call('GET', '/backends/http_response?limit=1', expect=200)  # a page with a next_page_uri
    for kind, item in (('failover', fo), ('weighted', wd), ('tunnel_group', tg), ('http_response', hr), ('static', sc)):
        api.call('DELETE', '/backends/%s/%s' % (kind, item['id']), expect=204)
    api.call('DELETE', '/ip_policies/' + policy['id'], expect=204)

    validate_scenario(api, r'^/(backends/(http_response|tunnel_group|weighted|failover|static)|ip_policies|edges/https)(/|$)')


def validate_scenario(api, paths):
    """Every answer the scenario got validates; every operation on the paths matching `paths` was exercised."""
    conformance = Conformance()
    successes = [(m, p, s, b) for m, p, s, b in api.seen if s < 400]
    assert len(successes) == len(api.seen)  # the scenario makes only valid requests
    assert any(b and b.get('next_page_uri') for m, p, s, b in successes)
    for method, path, status, body in successes:
        conformance.validate(method, path, status, body)
    relevant = set((method.upper(), template) for template, operations in conformance.spec['paths'].items()
                   if re.match(paths, template)
                   for method in operations if method in ('get', 'post', 'patch', 'put', 'delete'))
    missed = relevant - conformance.checked
    assert not missed, 'operations the scenario did not exercise: %s' % sorted(missed)


def test_every_answer_about_endpoints_domains_and_ip_policy_rules_matches_the_spec(api):
    rd = '/reserved_domains'
    custom = api.call('POST', rd, {'domain': 'app.example.com', 'description': 'd', 'metadata': 'm'}, expect=201)
    api.call('POST', rd, {'domain': '*.example.com'}, expect=201)
    owned = api.call('POST', rd, {'domain': 'my-app.ngrok.app', 'resolves_to': [{'value': 'global'}], 'region': 'us'}, expect=201)
    certified = api.call('POST', rd, {'domain': 'c.example.org', 'certificate_id': 'cert_32ELEewloAGq9SKatOVkJvgqTHi'}, expect=201)
    certified_path = rd + '/' + certified['id']
    api.call('PATCH', certified_path, {'certificate_management_policy': {'private_key_type': 'rsa'}}, expect=200)
    api.call('DELETE', certified_path + '/certificate_management_policy', expect=204)
    api.call('PATCH', certified_path, {'certificate_id': 'cert_32ELEewloAGq9SKatOVkJvgqTHi', 'description': 'byo'}, expect=200)
    api.call('DELETE', certified_path + '/certificate', expect=204)
    for item in (custom, owned, certified):
        api.call('GET', rd + '/' + item['id'], expect=200)
    api.call('GET', rd + '?limit=1&filter=' + quote('obj.domain != ""'), expect=200)
    policy = '{"on_http_request":[{"actions":[{"type":"forward-internal","config":{"url":"https://svc.internal"}}]}]}'
    made = [api.call('POST', '/endpoints', dict(body, type='cloud', traffic_policy=policy), expect=201) for body in (
        {'url': 'https://app.example.com:443', 'description': 'public', 'metadata': '{"a": 1}'},
        {'url': 'https://svc.internal', 'bindings': ['internal'], 'pooling_enabled': True},
        {'url': 'tcp://db.internal:5432'},
        {'url': 'http://svc.ns', 'bindings': ['kubernetes']},
        {'url': 'tls://x.example.com'},
    )]
    for item in made:
        api.call('GET', '/endpoints/' + item['id'], expect=200)
    yaml_policy = 'on_tcp_connect:\n  - actions:\n      - type: deny\n'
    api.call('PATCH', '/endpoints/' + made[0]['id'], {'url': 'https://www.example.com', 'traffic_policy': yaml_policy}, expect=200)
    api.call('GET', '/endpoints?limit=1&filter=' + quote('obj.type == "cloud"'), expect=200)
    ipp = api.call('POST', '/ip_policies', {'description': 'office'}, expect=201)
    rules = [api.call('POST', '/ip_policy_rules', {'cidr': cidr, 'action': action, 'ip_policy_id': ipp['id'], 'description': 'r'}, expect=201)
             for cidr, action in (('212.3.14.0/24', 'allow'), ('2001:db8::/32', 'deny'))]
    api.call('GET', '/ip_policy_rules/' + rules[0]['id'], expect=200)
    api.call('PATCH', '/ip_policy_rules/' + rules[0]['id'], {'cidr': '212.3.15.0/24', 'metadata': 'm'}, expect=200)
    api.call('GET', '/ip_policy_rules?limit=1&filter=' + quote('obj.ip_policy.id == "%s"' % ipp['id']), expect=200)
    api.call('GET', '/ip_policies?filter=' + quote('obj.description == "office"'), expect=200)
    api.call('DELETE', '/ip_policy_rules/' + rules[1]['id'], expect=204)
    api.call('DELETE', '/ip_policies/' + ipp['id'], expect=204)
    for item in made:
        api.call('DELETE', '/endpoints/' + item['id'], expect=204)
    api.call('GET', '/endpoints', expect=200)
    for item in (custom, owned, certified):
        api.call('DELETE', rd + '/' + item['id'], expect=204)
    validate_scenario(api, r'^/(endpoints|reserved_domains|ip_policy_rules)(/|$)')
