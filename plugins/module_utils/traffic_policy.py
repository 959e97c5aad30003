# -*- coding: utf-8 -*-
# Copyright (c) 2026, community.ngrok contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""Traffic policy documents: their phases, reading one given as JSON or YAML text, the secrets one can hold,
and how output hides them.

Sources (ngrok/ngrok-docs at 56a5f9960f4e7c7e134fbc0412f74b51b2df5eca): phases and rules,
``traffic-policy/how-it-works.mdx``; the fields that hold secrets, ``traffic-policy/actions/<type>.mdx``;
vault references, ``traffic-policy/secrets.mdx`` and the ``secrets.get`` macro in
``traffic-policy/macros/index.mdx`` ("Secrets are supported in all Traffic Policy actions and fields that
support CEL").
"""

from __future__ import absolute_import, division, print_function
__metaclass__ = type

import copy
import json
import re

try:
    import yaml
except ImportError:  # pragma: no cover - PyYAML comes with ansible-core; JSON policies still work without it
    yaml = None

from ansible_collections.community.ngrok.plugins.module_utils.cel import cel_string
from ansible_collections.community.ngrok.plugins.module_utils.errors import MASK
from ansible_collections.community.ngrok.plugins.module_utils.fields import CHANGED_SECRET, Field

# The phases, in the order traffic meets them.
PHASES = ('on_tcp_connect', 'on_http_request', 'on_http_response')
# Every phase a policy may have: those, and the messages of a server-sent event stream, which only the
# sse-find-replace action uses (``snippets/ActionHub.jsx``, ``traffic-policy/actions/sse-find-replace.mdx``).
KNOWN_PHASES = PHASES + ('on_event_stream_message',)
# A rule's fields and an action's ("Rule fields" in ``how-it-works.mdx``; an action is a type and its config).
RULE_KEYS = ('name', 'expressions', 'actions')
ACTION_KEYS = ('type', 'config')
# The action types of ngrok's Action Hub (``snippets/ActionHub.jsx``) and those with a page of their own in
# ``traffic-policy/actions/`` (ai-gateway, saml; ``openid-connect`` is the type of the oidc page). ngrok adds
# types: one not listed here is a warning, and the API refuses a type it does not know (ERR_NGROK_18002).
ACTION_TYPES = frozenset([
    'add-headers', 'ai-gateway', 'basic-auth', 'circuit-breaker', 'close-connection', 'compress-response', 'custom-response',
    'deny', 'forward-internal', 'http-request', 'jwt-validation', 'log', 'oauth', 'oidc', 'openid-connect',
    'owasp-crs-request', 'owasp-crs-response', 'rate-limit', 'redirect', 'remove-headers', 'request-body-find-replace',
    'response-body-find-replace', 'restrict-ips', 'saml', 'set-vars', 'sse-find-replace', 'terminate-tls', 'url-rewrite',
    'verify-webhook'])

# Action type -> where its config holds a secret: a key, or a path through lists (``[]`` is each item). The
# action reference marks each of them as a credential; ``oidc`` is the name the migration guide uses for
# ``openid-connect``, and user policies copied from it may still say so. ai-gateway: the keys of a custom
# provider (one with a base_url) stay in the policy (ai-gateway/bring-your-own-keys/overview.mdx).
SECRET_CONFIG_KEYS = {
    'oauth': ('client_secret',),
    'openid-connect': ('client_secret',),
    'oidc': ('client_secret',),
    'verify-webhook': ('secret',),
    'basic-auth': ('credentials',),
    'terminate-tls': ('server_private_key',),
    'ai-gateway': ('providers[].api_keys[].value',),
}

# CEL interpolation: "${" in a string an action interpolates starts an expression. ngrok documents no
# escape for it (traffic-policy/how-it-works.mdx, "CEL Interpolation").
INTERPOLATION = '${'

# A value that is nothing but a vault reference names a secret without holding it: output may show it.
_VAULT_REFERENCE = re.compile(r'^\$\{\s*secrets\.get\([^{}]*\)\s*\}$')


def vault_reference(vault, name):
    """The CEL interpolation that reads secret ``name`` of vault ``vault`` when the policy runs."""
    return '${secrets.get(%s, %s)}' % (cel_string(vault), cel_string(name))


def interpolated(values):
    """The first of ``values`` that a traffic policy would interpolate, or None."""
    for value in values:
        if isinstance(value, str) and INTERPOLATION in value:
            return value
    return None


def load_policy(text):
    """A policy given as JSON or YAML text, as data. Raises ValueError when it is neither, or not a mapping."""
    if isinstance(text, dict):
        return text
    try:
        policy = json.loads(text)
    except (TypeError, ValueError):
        if yaml is None:
            raise ValueError('not JSON, and PyYAML is not installed to read YAML')
        try:
            policy = yaml.safe_load(text)
        except yaml.YAMLError as error:
            raise ValueError('neither JSON nor YAML (%s)' % str(error).splitlines()[0])
    if not isinstance(policy, dict):
        raise ValueError('a traffic policy is a mapping of phases, not %s' % type(policy).__name__)
    return policy


def policy_actions(policy):
    """(phase, rule index, action index, action) of every action of ``policy`` (a mapping), skipping what is not
    shaped as a policy (policy_problems reports that)."""
    for phase, rules in policy.items():
        for rule_index, rule in enumerate(rules if isinstance(rules, list) else []):
            actions = rule.get('actions') if isinstance(rule, dict) else None
            for action_index, action in enumerate(actions if isinstance(actions, list) else []):
                if isinstance(action, dict):
                    yield phase, rule_index, action_index, action


def policy_problems(policy):
    """What makes ``policy`` (a mapping) something ngrok refuses (ERR_NGROK_18002): the shape of
    ``how-it-works.mdx``, phases, rules and actions, with the place of each problem. Keys a rule or an action
    does not have are refused too: ``expression:`` for ``expressions:`` would make a rule match everything.
    An action's config is the API's to check."""
    problems = []
    for phase, rules in policy.items():
        if phase not in KNOWN_PHASES:
            problems.append('unknown phase %r (phases: %s)' % (phase, ', '.join(KNOWN_PHASES)))
        elif rules is not None and not isinstance(rules, list):
            problems.append('%s must be a list of rules' % phase)
        for index, rule in enumerate(rules if phase in KNOWN_PHASES and isinstance(rules, list) else []):
            problems.extend(_rule_problems('%s[%d]' % (phase, index), rule))
    if not problems and not any(rules for rules in policy.values()):
        # "You must specify a non-empty Traffic Policy when creating a Cloud Endpoint" (cloud endpoints docs).
        problems.append('a cloud endpoint needs a policy with at least one rule')
    return problems


def _rule_problems(where, rule):
    if not isinstance(rule, dict):
        return ['%s must be a mapping with %s' % (where, ', '.join(RULE_KEYS))]
    problems = ['%s has no field %r (a rule has %s)' % (where, key, ', '.join(RULE_KEYS)) for key in rule if key not in RULE_KEYS]
    if rule.get('name') is not None and not isinstance(rule['name'], str):
        problems.append('%s.name must be a string' % where)
    expressions = rule.get('expressions')
    if expressions is not None and not (isinstance(expressions, list) and all(isinstance(item, str) for item in expressions)):
        problems.append('%s.expressions must be a list of CEL expressions (strings)' % where)
    actions = rule.get('actions')
    if not isinstance(actions, list) or not actions:
        problems.append('%s.actions must be a list of at least one action' % where)
        return problems
    for index, action in enumerate(actions):
        at = '%s.actions[%d]' % (where, index)
        if not isinstance(action, dict):
            problems.append('%s must be a mapping with %s' % (at, ', '.join(ACTION_KEYS)))
            continue
        problems.extend('%s has no field %r (an action has %s)' % (at, key, ', '.join(ACTION_KEYS)) for key in action if key not in ACTION_KEYS)
        if not isinstance(action.get('type'), str) or not action['type']:
            problems.append('%s.type must be the name of an action, such as deny' % at)
        if action.get('config') is not None and not isinstance(action['config'], dict):
            problems.append('%s.config must be a mapping' % at)
    return problems


def unknown_action_types(policy):
    """'<phase>[rule].actions[i].type <type>' for each action whose type is not in ACTION_TYPES."""
    return ['%s[%d].actions[%d].type %r' % (phase, rule, index, action['type'])
            for phase, rule, index, action in policy_actions(policy)
            if isinstance(action.get('type'), str) and action['type'] and action['type'] not in ACTION_TYPES]


def _secret_texts(action_type, value):
    """The secret strings of one secret config value (a list of them for basic-auth credentials)."""
    for item in value if isinstance(value, list) else [value]:
        if action_type == 'basic-auth' and isinstance(item, str) and ':' in item:
            item = item.split(':', 1)[1]  # user:password, the user name is no secret
        if isinstance(item, str) and item and not _VAULT_REFERENCE.match(item):
            yield item


def _secret_places(config, path, other):
    """(mapping, key, the value at the same place of ``other``) for each place ``path`` names in ``config``: a
    key, or ``a[].b``, each item of list ``a``; items are matched with ``other``'s by position."""
    step, dummy, rest = path.partition('.')
    key = step[:-2] if step.endswith('[]') else step
    if not isinstance(config, dict) or key not in config:
        return
    other_value = other.get(key) if isinstance(other, dict) else None
    if not rest:
        yield config, key, other_value
        return
    if not step.endswith('[]'):
        yield from _secret_places(config[key], rest, other_value)
        return
    others = other_value if isinstance(other_value, list) else []
    for index, item in enumerate(config[key] if isinstance(config[key], list) else []):
        yield from _secret_places(item, rest, others[index] if index < len(others) else None)


def _config_secret_places(action_type, config, other=None):
    # A type that is not a string (a list given by mistake) holds no secret here; policy_problems reports it.
    for path in SECRET_CONFIG_KEYS.get(action_type, ()) if isinstance(action_type, str) else ():
        yield from _secret_places(config, path, other)


def policy_secrets(policy):
    """The secrets ``policy`` holds in clear text (those mask_policy_secrets hides; vault references are none)."""
    found = []
    for dummy, dummy, dummy, action in policy_actions(policy):
        for holder, key, dummy in _config_secret_places(action.get('type'), action.get('config')):
            found.extend(secret for secret in _secret_texts(action['type'], holder[key]) if secret not in found)
    return found


def _masked_value(value, other, compare):
    """One secret value (or a list of them) masked; as fields.Field.mask does, a value that differs from
    the one on the other side of a diff says so."""
    if isinstance(value, list):
        others = other if isinstance(other, list) else []
        return [_masked_value(item, others[index] if index < len(others) else None, compare)
                for index, item in enumerate(value)]
    if not isinstance(value, str) or value == '' or _VAULT_REFERENCE.match(value):
        return value
    if compare and other is not None and other != value:
        return CHANGED_SECRET
    return MASK


def _masked_credential(value, other, compare):
    """basic-auth credentials are ``user:password``: the user name stays readable."""
    if not isinstance(value, str) or ':' not in value or _VAULT_REFERENCE.match(value):
        return _masked_value(value, other, compare)
    user, password = value.split(':', 1)
    other_password = other.split(':', 1)[1] if isinstance(other, str) and ':' in other else other
    return '%s:%s' % (user, _masked_value(password, other_password, compare))


def _masked_config(action_type, config, other_config, compare):
    """``config`` (a copy of the caller's) with its secrets masked in place."""
    for holder, key, other in _config_secret_places(action_type, config, other_config):
        value = holder[key]
        if action_type == 'basic-auth' and isinstance(value, list):
            others = other if isinstance(other, list) else []
            holder[key] = [_masked_credential(item, others[index] if index < len(others) else None, compare)
                           for index, item in enumerate(value)]
        else:
            holder[key] = _masked_value(value, other, compare)
    return config


def mask_policy_secrets(policy, other=None):
    """``policy`` (a dict) fit for output: every secret of ``SECRET_CONFIG_KEYS`` replaced by ``********``,
    or by ``******** (changed)`` when ``other`` (the policy on the other side of a diff) holds a different
    value at the same place. Vault references stay readable. ``policy`` itself is not modified; a value that
    is not a mapping (a policy that could not be read) is returned as it is."""
    if not isinstance(policy, dict):
        return policy
    compare = isinstance(other, dict)
    result = copy.deepcopy(policy)
    for phase, rules in result.items():
        if not isinstance(rules, list):
            continue
        other_rules = (other or {}).get(phase) if compare else None
        for rule_index, rule in enumerate(rules):
            if not isinstance(rule, dict) or not isinstance(rule.get('actions'), list):
                continue
            other_rule = other_rules[rule_index] if isinstance(other_rules, list) and rule_index < len(other_rules) else {}
            other_actions = other_rule.get('actions') if isinstance(other_rule, dict) else None
            for action_index, action in enumerate(rule['actions']):
                if not isinstance(action, dict) or not isinstance(action.get('config'), dict):
                    continue
                other_action = (other_actions[action_index]
                                if isinstance(other_actions, list) and action_index < len(other_actions) else {})
                same_type = isinstance(other_action, dict) and other_action.get('type') == action.get('type')
                other_config = other_action.get('config') if same_type else None
                action['config'] = _masked_config(action.get('type'), action['config'], other_config, compare)
    return result


def _as_policy(value):
    """``value`` (a policy's text or a dict) as data, or None when it is not a policy at all."""
    if not isinstance(value, (str, dict)):
        return None
    try:
        return load_policy(value)
    except ValueError:
        return None


def _empty(value):
    return value is None or value == [] or value == {} or value == ''


def policy_meaning(policy):
    """``policy`` without what means nothing (the docs' defaults): a phase without rules, a rule's empty
    ``expressions`` ("omitting expressions matches all traffic") or empty ``name``, an action's empty
    ``config``. Two policies that differ only there act the same, so they compare equal."""
    meaning = {}
    for phase, rules in policy.items():
        if _empty(rules):
            continue
        if not isinstance(rules, list):
            meaning[phase] = rules
            continue
        meaning[phase] = []
        for rule in rules:
            if isinstance(rule, dict):
                rule = dict((key, value) for key, value in rule.items() if not (key in ('name', 'expressions') and _empty(value)))
                if isinstance(rule.get('actions'), list):
                    rule['actions'] = [dict((key, value) for key, value in action.items() if not (key == 'config' and _empty(value)))
                                       if isinstance(action, dict) else action for action in rule['actions']]
            meaning[phase].append(rule)
    return meaning


class TrafficPolicy(Field):
    """A traffic policy: a dict, or its JSON or YAML text, compared as data and never as text (key order,
    quoting, spacing, YAML or JSON make no difference). The canonical value is the text to send: a text as
    given (ngrok stores and shows it as sent), a dict as compact JSON with its keys in the order given. Output
    shows the policy as data with its secrets masked (SECRET_CONFIG_KEYS); secrets changed in a diff say so."""

    def __init__(self, name, **kwargs):
        kwargs.setdefault('spec', {'type': 'raw'})
        super(TrafficPolicy, self).__init__(name, **kwargs)

    def from_user(self, value, context=None):
        text = json.dumps(value, separators=(',', ':')) if isinstance(value, dict) else value
        policy = _as_policy(text)
        if context is not None and policy is not None:
            for place in unknown_action_types(policy):
                context.warn('%s: %s is not an action type this collection knows; if ngrok does not know it either, the API '
                             'refuses the policy (ERR_NGROK_18002)' % (self.name, place))
        return text

    def problems(self, value, path):
        if value is None:
            return []
        if not isinstance(value, (str, dict)):
            return ['%s: must be a dictionary, or its text in JSON or YAML, not %s' % (path, type(value).__name__)]
        try:
            policy = load_policy(self.from_user(value))
        except ValueError as error:
            return ['%s: %s' % (path, error)]
        return ['%s: %s' % (path, problem) for problem in policy_problems(policy)]

    def equal(self, want, have):
        want_policy, have_policy = _as_policy(want), _as_policy(have)
        if want_policy is None or have_policy is None:
            return want == have
        return policy_meaning(want_policy) == policy_meaning(have_policy)

    def mask(self, value, other=None, compare=True):
        """The policy as data, secrets masked. A stored text that cannot be read is hidden whole: nothing
        tells where its secrets are."""
        if value in (None, ''):
            return value
        policy = _as_policy(value)
        if policy is None:
            return MASK
        return mask_policy_secrets(policy, _as_policy(other) if compare and other is not None else None)

    def secrets_in(self, value):
        policy = _as_policy(value) if isinstance(value, (str, dict)) else None
        return policy_secrets(policy) if policy is not None else []
