# -*- coding: utf-8 -*-
# Copyright (c) 2026, community.ngrok contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""Info modules: the objects of one type (ngrok_reserved_domain_info), or of a family of types with a ``type``
option (ngrok_backend_info), filtered by id, by the type's natural key, description and metadata, compared the
way the resource modules find objects. A type whose list takes a ``filter`` is asked for the matches only.
Each object is shown with its children (a ChildSet of its type: an IP policy's rules), read together."""

from __future__ import absolute_import, division, print_function
__metaclass__ = type

from ansible_collections.community.ngrok.plugins.module_utils.errors import ModuleFailure
from ansible_collections.community.ngrok.plugins.module_utils.module import (
    connection_argument_spec, new_client, new_module, run_and_exit,
)
from ansible_collections.community.ngrok.plugins.module_utils.resource import with_article
from ansible_collections.community.ngrok.plugins.module_utils.task_context import TaskContext, matches

ALL = 'all'


class MemberFilter:
    """A filter on one entry of a list field: the ``hostport`` option keeps the edges whose ``hostports`` hold
    it. Entries are compared without regard to case (they are host names). The API has no filter for it: it
    applies to what was read."""

    def __init__(self, name, field):
        self.name = name
        self.field = field

    def problems(self, value):
        return self.field.problems([value], self.name) if value is not None else []

    def keeps(self, value, api_object):
        return value.lower() in [entry.lower() for entry in self.field.from_api(self.field.read(api_object))]


class Listing:
    """What an info module lists.

    result_key      key of the list in the result ("backends")
    types           {type name: Resource}; with more than one, the module has a ``type`` option (``all`` or one
                    name) and each object returned carries its ``type``
    noun            words for messages ("backend"); by default the one type's kind
    member_filters  MemberFilters: options that keep the objects whose list field holds a value
    """

    def __init__(self, result_key, types, noun=None, member_filters=()):
        self.result_key = result_key
        self.types = dict(types)
        self.noun = noun or next(iter(self.types.values())).kind
        first = next(iter(self.types.values()))
        # The filters: the natural key (a reserved domain's name), then description and metadata.
        self.filters = [first.field(name) for name in ([first.natural_key] if first.natural_key else []) + ['description', 'metadata']]
        self.member_filters = list(member_filters)

    @property
    def several(self):
        return len(self.types) > 1

    def argument_spec(self):
        spec = connection_argument_spec()
        if self.several:
            spec['type'] = dict(type='str', default=ALL, choices=[ALL] + sorted(self.types))
        spec['id'] = dict(type='str')
        for field in self.filters:
            spec[field.name] = dict(type=field.spec['type'])
        for member in self.member_filters:
            spec[member.name] = dict(type='str')
        return spec

    def type_of(self, object_id):
        for name, resource in self.types.items():
            if resource.looks_like_id(object_id):
                return name
        return None

    def check(self, params):
        """Problems with the options, all of them, before any request."""
        problems = []
        kind_of_id = self.type_of(params['id']) if params.get('id') else None
        if params.get('id') and kind_of_id is None:
            problems.append('id: %r is not the id of %s' % (params['id'], with_article(self.noun)))
        if kind_of_id and params.get('type', ALL) not in (ALL, kind_of_id):
            problems.append('id: %s is the id of a %s %s, not of a %s %s' % (params['id'], kind_of_id, self.noun, params['type'], self.noun))
        for field in self.filters:
            problems.extend(field.problems(params.get(field.name), field.name))
        for member in self.member_filters:
            problems.extend(member.problems(params.get(member.name)))
        if problems:
            raise ModuleFailure('invalid input: ' + '; '.join(problems), invalid=problems)
        return kind_of_id

    def find(self, params, client, context=None):
        """(type name, API object) of every object that passes the filters, in list order within a type."""
        members = [(member, params[member.name]) for member in self.member_filters if params.get(member.name) is not None]
        return [(kind, item) for kind, item in self._found(params, client, context)
                if all(member.keeps(value, item) for member, value in members)]

    def _found(self, params, client, context):
        kind_of_id = self.check(params)
        keys = [(field, field.from_user(params[field.name])) for field in self.filters if params.get(field.name) is not None]
        if kind_of_id:
            resource = self.types[kind_of_id]
            item = client.get_if_exists(resource.item_path(params['id']))
            return [(kind_of_id, item)] if item is not None and matches(resource.scope + keys, item) else []
        context = context or TaskContext(client)
        kinds = sorted(self.types) if params.get('type', ALL) == ALL else [params['type']]
        return [(kind, item) for kind in kinds for item in context.find(self.types[kind], keys)]

    def listed(self, params, client):
        """What the module returns: every object that passes the filters, shown with its children (one
        request per set of children for up to child_sets.IDS_PER_FILTER objects)."""
        context = TaskContext(client)
        views = [(kind, self.types[kind].view(item)) for kind, item in self.find(params, client, context)]
        for kind, resource in self.types.items():
            of_kind = [view for view_kind, view in views if view_kind == kind]
            for children in resource.children if of_kind else ():
                read = children.read(context, [view['id'] for view in of_kind])
                for view in of_kind:
                    view[children.option] = children.view(read[view['id']])
        return [self.shown(kind, view) for kind, view in views]

    def shown(self, kind, view):
        shown = self.types[kind].masked(view)
        if self.several:
            shown['type'] = kind
        return shown


def run_info_module(listing):
    """main() of an info module: everything but the Listing and the documentation."""
    module = new_module(listing.argument_spec())
    client = new_client(module)

    def task():
        return {'changed': False, listing.result_key: listing.listed(module.params, client)}
    run_and_exit(module, task)
