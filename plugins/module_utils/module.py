# -*- coding: utf-8 -*-
# Copyright (c) 2026, community.ngrok contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""AnsibleModule glue shared by every module: options, the client, errors turned into results."""

from __future__ import absolute_import, division, print_function
__metaclass__ = type

from urllib.parse import urlsplit

from ansible.module_utils.basic import AnsibleModule, env_fallback, missing_required_lib
from ansible.module_utils.common.validation import check_type_dict
from ansible.module_utils.parsing.convert_bool import BOOLEANS, boolean

from ansible_collections.community.ngrok.plugins.module_utils.client import HAS_REQUESTS, REQUESTS_IMPORT_ERROR, NgrokClient
from ansible_collections.community.ngrok.plugins.module_utils.errors import ModuleFailure, NgrokAPIError
from ansible_collections.community.ngrok.plugins.module_utils.engine import ResourceEngine


MAX_TIMEOUT = 3600


def connection_argument_spec():
    """Options of the doc fragment community.ngrok.ngrok."""
    return dict(
        # Not required=True: ansible-core's "missing required arguments: api_key" would not name NGROK_API_KEY.
        api_key=dict(type='str', no_log=True, fallback=(env_fallback, ['NGROK_API_KEY'])),
        api_url=dict(type='str', default='https://api.ngrok.com', fallback=(env_fallback, ['NGROK_API_URL'])),
        validate_certs=dict(type='bool', default=True),
        timeout=dict(type='float', default=30.0),
    )


def resource_argument_spec(resource):
    """Options of the doc fragment community.ngrok.ngrok.resource, plus the resource's own fields."""
    spec = connection_argument_spec()
    spec.update(
        state=dict(type='str', default='present', choices=['present', 'absent']),
        id=dict(type='str'),
        find_by=dict(type='list', elements='str', default=['description'], choices=['description', 'metadata']),
    )
    if resource.parent is not None:
        spec[resource.parent.option] = dict(type='str', required=True)
    if resource.purge_option:
        spec[resource.purge_option] = dict(type='bool', default=False)
    for field in resource.fields:
        spec[field.name] = field.argspec()
    for children in resource.children:
        spec[children.option] = children.argspec()
        spec[children.purge_option] = dict(type='bool', default=children.purge_default)
    return spec


def connection_problems(params):
    """What is wrong with the connection options (they are checked before any request too)."""
    problems = []
    api_key = params['api_key']
    if api_key is None:
        problems.append('api_key: give an ngrok API key in the api_key option or the NGROK_API_KEY environment variable')
    elif not api_key or any(char.isspace() for char in api_key):
        problems.append('api_key: must not be empty or contain spaces or line breaks (an ngrok API key is one word)')
    timeout = params['timeout']
    if not (0 < timeout <= MAX_TIMEOUT):  # also false for NaN
        problems.append('timeout: must be more than 0 and at most %d seconds, not %s' % (MAX_TIMEOUT, timeout))
    problems.extend(api_url_problems(params['api_url']))
    return problems


def api_url_problems(api_url):
    """The API's paths start at the root of its host (https://api.ngrok.com/backends/...): a base URL with a
    path would make every request a 404 for an unknown path, which must never read as "no such object"."""
    if not api_url.startswith(('https://', 'http://')):
        return ['api_url: must start with https:// (or http:// for a local emulator)']
    parts = urlsplit(api_url)
    try:
        parts.port  # pylint: disable=pointless-statement  # raises ValueError for a port that is not a number
    except ValueError:
        return ['api_url: the port must be a number']
    problems = []
    if not parts.hostname:
        problems.append('api_url: must name a host')
    if parts.path not in ('', '/') or parts.query or parts.fragment:
        problems.append('api_url: must be the base URL of the API, without a path, query or fragment '
                        '(https://api.ngrok.com, or http://HOST:PORT of an emulator)')
    if parts.username is not None or parts.password is not None:
        problems.append('api_url: must not hold a user name or password (the API key goes in api_key)')
    return problems


class NgrokModule(AnsibleModule):
    """AnsibleModule that never hands ansible-core a value it cannot check.

    ansible-core checks the sub-options of a dict option with ``set_fallbacks(sub_spec, value)`` before it
    checks that the value is a dict (``_validate_sub_spec`` in module_utils/common/parameters.py), so
    ``compression: true`` raises "TypeError: argument of type 'bool' is not iterable" with a traceback
    (ansible/ansible#81631, open since 2023-09). ``_load_params`` runs in ``AnsibleModule.__init__`` before
    that check: the raw values are put in shape there (see shape_dict_options), and the task fails after
    ``__init__`` with a message naming each option given a wrong value and its sub-options.

    It also hides the secrets inside option values (``secrets_in(params)``: the client secrets of a traffic
    policy), from the moment the options are read: a failure of Ansible's own checks prints the invocation
    too. ``no_log`` can only hide a whole option, and a whole policy would hide every word in it ("deny",
    "restrict-ips") wherever it appears in the output.

    A NUL character in any text is refused there as well: ansible-core writes the options to the target's
    syslog before the module runs, which fails on Python 3.12+ with "Failed to log to syslog (embedded null
    character)" (naming neither the option nor the fix), and no ngrok text has a use for one."""

    def __init__(self, argument_spec, secrets_in=None, **kwargs):
        self.raw_problems = []
        self._secrets_in = secrets_in or (lambda params: [])
        super(NgrokModule, self).__init__(argument_spec=argument_spec, **kwargs)
        if self.raw_problems:
            self.fail_json(msg='invalid input: ' + '; '.join(self.raw_problems), invalid=self.raw_problems)

    def _load_params(self):
        super(NgrokModule, self)._load_params()
        self.raw_problems = nul_problems(self.params) + shape_dict_options(self.argument_spec, self.params)
        self.no_log_values.update(secret for secret in self._secrets_in(self.params) if secret)

    def fail_json(self, msg, **kwargs):
        # Taking a wrong value out can make ansible-core's own checks fail on what it left behind (a required
        # sub-option now missing), and a NUL makes its syslog fail: the raw value is the problem to report.
        if self.raw_problems:
            msg, kwargs = 'invalid input: ' + '; '.join(self.raw_problems), dict(invalid=self.raw_problems)
        super(NgrokModule, self).fail_json(msg=msg, **kwargs)


def nul_problems(value, path=''):
    """Where the raw options hold a NUL character (in a text or a key), by option path; never the value."""
    if isinstance(value, str):
        return [path + ': must not contain a NUL character'] if '\x00' in value else []
    problems = []
    if isinstance(value, dict):
        for key in sorted(value, key=str):
            if not path and str(key).startswith('_ansible_'):
                continue
            if isinstance(key, str) and '\x00' in key:
                problems.append((path or 'options') + ': a key must not contain a NUL character')
                continue
            problems.extend(nul_problems(value[key], '%s.%s' % (path, key) if path else str(key)))
    elif isinstance(value, (list, tuple)):
        for index, item in enumerate(value):
            problems.extend(nul_problems(item, '%s[%d]' % (path, index)))
    return problems


def shape_dict_options(spec, params, prefix=''):
    """Put the raw values of the options with sub-options in a shape ansible-core can check, in place, and
    return what cannot be: ``true`` / ``false`` for an option whose only sub-option is ``enabled`` stands
    for ``{enabled: ...}``; a text ansible-core turns into a dict (JSON, ``k=v``) becomes that dict; any
    other value that is not a dict (a number, a boolean, a list, other text) is taken out and reported.
    Sub-options are shaped the same way, at any depth."""
    problems = []
    for name, option in spec.items():
        sub_spec = option.get('options')
        if not sub_spec:
            continue
        for key in [name] + list(option.get('aliases') or []):
            if params.get(key) is None:
                continue
            path = prefix + key
            if option.get('type') == 'list':
                if isinstance(params[key], str):  # split on commas, as ansible-core's list type does
                    values = params[key].split(',')
                else:
                    values = params[key] if isinstance(params[key], list) else [params[key]]
                shaped = [_dict_value(value, sub_spec, '%s[%d]' % (path, index), problems) for index, value in enumerate(values)]
                params[key] = [value for value in shaped if value is not None]
            else:
                params[key] = _dict_value(params[key], sub_spec, path, problems)
                if params[key] is None:
                    del params[key]
    return problems


def _dict_value(value, sub_spec, path, problems):
    """``value`` as a dict of ``sub_spec``'s options with its own sub-options shaped, or None (reported)."""
    if list(sub_spec) == ['enabled'] and _is_boolean(value):
        return {'enabled': boolean(value)}
    if isinstance(value, str):
        try:
            value = check_type_dict(value)
        except TypeError:
            pass
    if not isinstance(value, dict):
        shortcut = ' (or true or false)' if list(sub_spec) == ['enabled'] else ''
        problems.append('%s: must be a dictionary of the sub-options %s%s, not %s'
                        % (path, ', '.join(sub_spec), shortcut, type(value).__name__))
        return None
    problems.extend(shape_dict_options(sub_spec, value, path + '.'))
    return value


def _is_boolean(value):
    """What ansible-core's bool type accepts (true, "yes", "on", 1...)."""
    try:
        return (value.lower() if isinstance(value, str) else value) in BOOLEANS
    except TypeError:  # unhashable: a list or a dict
        return False


def new_module(argument_spec, secrets_in=None, **kwargs):
    module = NgrokModule(argument_spec, secrets_in=secrets_in, supports_check_mode=True, **kwargs)
    if not HAS_REQUESTS:
        module.fail_json(msg=missing_required_lib('requests'), exception=REQUESTS_IMPORT_ERROR)
    problems = connection_problems(module.params)
    if problems:
        module.fail_json(msg='invalid input: ' + '; '.join(problems), invalid=problems)
    return module


def new_client(module):
    params = module.params
    return NgrokClient(params['api_url'], params['api_key'], timeout=params['timeout'],
                       validate_certs=params['validate_certs'])


def run_and_exit(module, task):
    """Run ``task()`` and exit with its result; failures become a clear msg, never a traceback."""
    try:
        result = task()
    except ModuleFailure as failure:
        module.fail_json(msg=failure.msg, **failure.extra)
    except NgrokAPIError as error:
        module.fail_json(msg=str(error), api_error=error.to_dict())
    for warning in result.pop('warnings', []):
        module.warn(warning)
    module.exit_json(**result)


def run_resource_module(resource):
    """main() of a resource module: everything but the declaration and the documentation."""
    module = new_module(resource_argument_spec(resource), secrets_in=lambda params: [
        secret for field in resource.fields for secret in field.secrets_in(params.get(field.name))])
    client = new_client(module)
    engine = ResourceEngine(resource, module.params, client, check_mode=module.check_mode)
    run_and_exit(module, engine.run)
