# -*- coding: utf-8 -*-
# Copyright (c) 2026, community.ngrok contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""Runs a traffic policy on one request, as ngrok documents it, so tests can say what a migrated edge does to
a request instead of how its policy is spelled. Expressions go through a real CEL evaluator (cel-python);
the actions are stand-ins that follow the action reference:

- rules run in order; a rule runs when all its expressions hold (traffic-policy/how-it-works.mdx);
- custom-response, deny and forward-internal end the phase (they are the terminating actions), except a
  forward-internal with ``on_error: continue`` whose endpoint is offline;
- restrict-ips, verify-webhook, oauth and openid-connect end it with their refusal when the request fails
  them (the request says whether it does: ``client_allowed``, ``webhook_valid``, ``email``);
- set-vars sets variables; ``${rand.double()}`` is the request's ``random`` value.

Not a traffic policy engine: just enough of one to follow a request through what migration.plan builds.
"""

from __future__ import absolute_import, division, print_function
__metaclass__ = type

import celpy
from celpy import celtypes

TERMINATING = ('custom-response', 'deny', 'forward-internal', 'close-connection')


def _lower(text):
    return celtypes.StringType(str(text).lower())


class Request:
    """path, user_agent (None: no header), browser (req.user_agent.name), email (None: not signed in, '':
    signed in by an identity provider that gave no email),
    client_allowed, webhook_valid, offline (internal URLs that cannot answer), random (what rand.double() returns)."""

    def __init__(self, path='/', user_agent='curl/8', browser='curl', email=None, client_allowed=True, webhook_valid=True,
                 offline=(), random=0.5):
        self.path = path
        self.user_agent = user_agent
        self.browser = browser
        self.email = email
        self.client_allowed = client_allowed
        self.webhook_valid = webhook_valid
        self.offline = set(offline)
        self.random = random


class Outcome:
    """What a phase did: ``actions`` run (type, config) in order, and ``answer``: the terminating action
    that ended it ((type, config)), or None when the request went on (to the response phase)."""

    def __init__(self):
        self.actions = []
        self.answer = None

    @property
    def types(self):
        return [kind for kind, dummy in self.actions]

    def answered(self, kind):
        return self.answer is not None and self.answer[0] == kind


class Runner:
    def __init__(self, policy):
        self.policy = policy
        self.env = celpy.Environment()
        self._programs = {}

    def holds(self, expression, activation):
        if expression not in self._programs:
            self._programs[expression] = self.env.program(self.env.compile(expression), functions={'lower': _lower})
        return bool(self._programs[expression].evaluate(activation))

    def _activation(self, request, variables, identity):
        headers = {} if request.user_agent is None else {'user-agent': [request.user_agent]}
        data = {'req': {'url': {'path': request.path}, 'headers': headers, 'user_agent': {'name': request.browser}}, 'vars': variables,
                'actions': {'ngrok': {'oauth': {'identity': identity}, 'oidc': {'identity': identity}}}}
        return celpy.json_to_cel(data)

    def _interpolate(self, value, request):
        if value == '${rand.double()}':
            return request.random
        assert '${' not in str(value), 'the runner only interpolates rand.double(): %r' % value
        return value

    def run(self, request, phase='on_http_request'):
        outcome = Outcome()
        variables, identity = {}, {}
        for rule in self.policy.get(phase) or []:
            activation = self._activation(request, variables, identity)
            if not all(self.holds(expression, activation) for expression in rule.get('expressions') or []):
                continue
            for action in rule['actions']:
                kind, config = action['type'], action.get('config') or {}
                outcome.actions.append((kind, config))
                refused = None
                if kind == 'set-vars':
                    for item in config['vars']:
                        variables.update((key, self._interpolate(value, request)) for key, value in item.items())
                elif kind == 'restrict-ips' and not request.client_allowed:
                    refused = ('deny', {'status_code': 403})
                elif kind == 'verify-webhook' and not request.webhook_valid:
                    refused = ('deny', {'status_code': 403})
                elif kind in ('oauth', 'openid-connect'):
                    if request.email is None:
                        refused = ('redirect', {'to': 'the identity provider'})
                    identity = {'email': request.email} if request.email else {}
                elif kind == 'forward-internal' and config['url'] in request.offline and config.get('on_error') == 'continue':
                    continue
                elif kind in TERMINATING:
                    refused = (kind, config)
                if refused:
                    outcome.answer = refused
                    return outcome
        return outcome
