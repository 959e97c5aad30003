# -*- coding: utf-8 -*-
# Copyright (c) 2026, community.ngrok contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""AnsibleModule glue shared by every module: options, the client, errors turned into results."""

from __future__ import absolute_import, division, print_function
__metaclass__ = type

from ansible.module_utils.basic import AnsibleModule, env_fallback, missing_required_lib

from ansible_collections.community.ngrok.plugins.module_utils.client import HAS_REQUESTS, REQUESTS_IMPORT_ERROR, NgrokClient
from ansible_collections.community.ngrok.plugins.module_utils.errors import ModuleFailure, NgrokAPIError
from ansible_collections.community.ngrok.plugins.module_utils.engine import ResourceEngine


MAX_TIMEOUT = 3600


def connection_argument_spec():
    """Options of the doc fragment community.ngrok.ngrok."""
    return dict(
        api_key=dict(type='str', required=True, no_log=True, fallback=(env_fallback, ['NGROK_API_KEY'])),
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
    return spec


def connection_problems(params):
    """What is wrong with the connection options (they are checked before any request too)."""
    problems = []
    timeout = params['timeout']
    if not (0 < timeout <= MAX_TIMEOUT):  # also false for NaN
        problems.append('timeout: must be more than 0 and at most %d seconds, not %s' % (MAX_TIMEOUT, timeout))
    if not params['api_url'].startswith(('https://', 'http://')):
        problems.append('api_url: must start with https:// (or http:// for a local emulator)')
    return problems


class NgrokModule(AnsibleModule):
    """AnsibleModule that also hides the secrets inside option values (``secrets_in(params)``: the client
    secrets of a traffic policy), from the moment the options are read: a failure of Ansible's own checks
    prints the invocation too. ``no_log`` can only hide a whole option, and a whole policy would hide every
    word in it ("deny", "restrict-ips") wherever it appears in the output."""

    def __init__(self, argument_spec, secrets_in=None, **kwargs):
        self._secrets_in = secrets_in or (lambda params: [])
        super(NgrokModule, self).__init__(argument_spec=argument_spec, **kwargs)

    def _load_params(self):
        super(NgrokModule, self)._load_params()
        self.no_log_values.update(secret for secret in self._secrets_in(self.params) if secret)


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
