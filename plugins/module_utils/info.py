# -*- coding: utf-8 -*-
# Copyright (c) 2026, community.ngrok contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""ngrok_backend_info: list backends of one or all types, filtered the way the resource modules find them."""

from __future__ import absolute_import, division, print_function
__metaclass__ = type

from ansible_collections.community.ngrok.plugins.module_utils.backends import BACKENDS
from ansible_collections.community.ngrok.plugins.module_utils.errors import ModuleFailure
from ansible_collections.community.ngrok.plugins.module_utils.module import (
    connection_argument_spec, new_client, new_module, run_and_exit,
)
from ansible_collections.community.ngrok.plugins.module_utils.task_context import TaskContext


def backend_info_argument_spec():
    spec = connection_argument_spec()
    spec.update(
        type=dict(type='str', default='all', choices=['all'] + sorted(BACKENDS)),
        id=dict(type='str'),
        description=dict(type='str'),
        metadata=dict(type='raw'),
    )
    return spec


def _type_of(backend_id):
    for kind, resource in BACKENDS.items():
        if resource.looks_like_id(backend_id):
            return kind
    return None


def find_backends(params, client):
    """(type, API object) of every backend that passes the filters, newest first within a type."""
    problems = []
    kind_of_id = _type_of(params['id']) if params.get('id') else None
    if params.get('id') and kind_of_id is None:
        problems.append('id: %r is not the id of a backend' % params['id'])
    if kind_of_id and params['type'] not in ('all', kind_of_id):
        problems.append('id: %s is the id of a %s backend, not of a %s backend' % (params['id'], kind_of_id, params['type']))
    metadata = BACKENDS['http_response'].field('metadata')
    if params.get('metadata') is not None:
        problems.extend(metadata.problems(params['metadata'], 'metadata'))
    if problems:
        raise ModuleFailure('invalid input: ' + '; '.join(problems), invalid=problems)

    if kind_of_id:
        item = client.get_if_exists(BACKENDS[kind_of_id].item_path(params['id']))
        found = [(kind_of_id, item)] if item is not None else []
    else:
        context = TaskContext(client)
        kinds = sorted(BACKENDS) if params['type'] == 'all' else [params['type']]
        found = [(kind, item) for kind in kinds for item in context.list(BACKENDS[kind].path, BACKENDS[kind].list_key)]
    wanted_metadata = metadata.from_user(params['metadata']) if params.get('metadata') is not None else None
    return [(kind, item) for kind, item in found
            if (params.get('description') is None or item.get('description', '') == params['description'])
            and (wanted_metadata is None or metadata.equal(wanted_metadata, item.get('metadata', '')))]


def run_backend_info():
    module = new_module(backend_info_argument_spec())
    client = new_client(module)

    def task():
        backends = []
        for kind, item in find_backends(module.params, client):
            resource = BACKENDS[kind]
            shown = resource.masked(resource.view(item))
            shown['type'] = kind
            backends.append(shown)
        return {'changed': False, 'backends': backends}
    run_and_exit(module, task)
