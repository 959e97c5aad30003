# -*- coding: utf-8 -*-
# Copyright (c) 2026, community.ngrok contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""A cloud endpoint's traffic policy: a JSON or YAML document, checked for its shape and stored as sent
(the API echoes the string). Phases, rule fields and action types are those of ngrok's Traffic Policy docs;
an action's config is not checked."""

import json

from .errors import ApiError, invalid

PHASES = ('on_http_request', 'on_http_response', 'on_tcp_connect', 'on_event_stream_message')
RULE_KEYS = ('name', 'expressions', 'actions')
ACTION_KEYS = ('type', 'config')
# The Action Hub's types (docs snippets/ActionHub.jsx) and the early-access ones with a page of their own;
# OIDC is `openid-connect` in its action page and `oidc` in the hub.
ACTIONS = frozenset([
    'add-headers', 'ai-gateway', 'basic-auth', 'circuit-breaker', 'close-connection', 'compress-response', 'custom-response',
    'deny', 'forward-internal', 'http-request', 'jwt-validation', 'log', 'oauth', 'oidc', 'openid-connect',
    'owasp-crs-request', 'owasp-crs-response', 'rate-limit', 'redirect', 'remove-headers', 'request-body-find-replace',
    'response-body-find-replace', 'restrict-ips', 'saml', 'set-vars', 'sse-find-replace', 'terminate-tls', 'url-rewrite',
    'verify-webhook'])


def refused(message):
    return invalid(18002, 'The provided cloud endpoint traffic policy configuration is invalid: %s' % message)


def parse(text):
    """The policy as data: JSON, else YAML (PyYAML, imported only for a policy that is not JSON)."""
    try:
        return json.loads(text)
    except ValueError:
        pass
    try:
        import yaml  # pylint: disable=import-outside-toplevel
    except ImportError:
        raise ApiError(500, None, 'The emulator reads YAML traffic policies with PyYAML, which is not installed: '
                                  'pip install -r tests/emulator/requirements.txt')
    try:
        return yaml.safe_load(text)
    except yaml.YAMLError as error:
        raise refused('not valid JSON or YAML (%s)' % ' '.join(str(error).split()))


def check_policy(text, field='traffic_policy'):
    """Raise 18015 for an empty policy, 18002 for one that does not parse or has the wrong shape."""
    if not text.strip():
        raise invalid(18015, 'The provided cloud endpoint is missing the required field `%s`.' % field)
    policy = parse(text)
    if not isinstance(policy, dict):
        raise refused('a policy is a mapping of phases to rules')
    rules = 0
    for phase, phase_rules in policy.items():
        if phase not in PHASES:
            raise refused('unknown phase `%s` (phases: %s)' % (phase, ', '.join(PHASES)))
        if phase_rules is None:
            continue
        if not isinstance(phase_rules, list):
            raise refused('`%s` must be a list of rules' % phase)
        for number, rule in enumerate(phase_rules):
            _check_rule('%s[%d]' % (phase, number), rule)
        rules += len(phase_rules)
    if not rules:
        # "You must specify a non-empty Traffic Policy when creating a Cloud Endpoint" (cloud endpoints docs).
        raise refused('a cloud endpoint needs a policy with at least one rule')


def _check_rule(where, rule):
    if not isinstance(rule, dict):
        raise refused('%s must be a mapping' % where)
    for key in rule:
        if key not in RULE_KEYS:
            raise refused('%s has an unknown field `%s` (fields: %s)' % (where, key, ', '.join(RULE_KEYS)))
    if 'name' in rule and not isinstance(rule['name'], str):
        raise refused('%s.name must be a string' % where)
    expressions = rule.get('expressions')
    if expressions is not None and not (isinstance(expressions, list) and all(isinstance(e, str) for e in expressions)):
        raise refused('%s.expressions must be a list of strings' % where)
    actions = rule.get('actions')
    if not isinstance(actions, list) or not actions:
        raise refused('%s.actions must be a non-empty list' % where)
    for number, action in enumerate(actions):
        at = '%s.actions[%d]' % (where, number)
        if not isinstance(action, dict):
            raise refused('%s must be a mapping' % at)
        for key in action:
            if key not in ACTION_KEYS:
                raise refused('%s has an unknown field `%s` (fields: %s)' % (at, key, ', '.join(ACTION_KEYS)))
        if not isinstance(action.get('type'), str) or action['type'] not in ACTIONS:
            raise refused('%s.type `%s` is not an action type' % (at, action.get('type')))
        if action.get('config') is not None and not isinstance(action['config'], dict):
            raise refused('%s.config must be a mapping' % at)
