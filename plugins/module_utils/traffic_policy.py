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
from ansible_collections.community.ngrok.plugins.module_utils.fields import CHANGED_SECRET

# The phases, in the order traffic meets them.
PHASES = ('on_tcp_connect', 'on_http_request', 'on_http_response')

# Action type -> the config keys that hold a secret. The action reference marks each of them as a
# credential; ``oidc`` is the name the migration guide uses for ``openid-connect``, and user policies
# copied from it may still say so.
SECRET_CONFIG_KEYS = {
    'oauth': ('client_secret',),
    'openid-connect': ('client_secret',),
    'oidc': ('client_secret',),
    'verify-webhook': ('secret',),
    'basic-auth': ('credentials',),
    'terminate-tls': ('server_private_key',),
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
    result = dict(config)
    other_config = other_config if isinstance(other_config, dict) else {}
    for key in SECRET_CONFIG_KEYS.get(action_type, ()):
        if key not in result:
            continue
        value, other = result[key], other_config.get(key)
        if action_type == 'basic-auth' and isinstance(value, list):
            others = other if isinstance(other, list) else []
            result[key] = [_masked_credential(item, others[index] if index < len(others) else None, compare)
                           for index, item in enumerate(value)]
        else:
            result[key] = _masked_value(value, other, compare)
    return result


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
