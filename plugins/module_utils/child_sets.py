# -*- coding: utf-8 -*-
# Copyright (c) 2026, community.ngrok contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""ChildSet: objects of another type that belong to a resource's object and are declared in the same task, as
a set keyed by one of their fields (an IP policy's rules, keyed by CIDR).

The children are API objects with an endpoint of their own (``/ip_policy_rules``), which names their parent
(``ip_policy_id``) and lists them with a ``filter`` on it. So they are read with one request, compared by key,
and only those that differ are written, one request each: a create, an update carrying only the fields that
changed (never an empty one), a delete, or a delete and a create for a child whose ``immutable`` field
changes (the API cannot update it). The API deletes the children with their parent.
"""

from __future__ import absolute_import, division, print_function
__metaclass__ = type

from ansible_collections.community.ngrok.plugins.module_utils.fields import Field

# Parent ids per filtered request when the children of several parents are read (an info module): the
# expression stays a few kilobytes long, well within what a URL can carry.
IDS_PER_FILTER = 50


class ParentLink(Field):
    """A child's reference to its parent: sent when a child is created (``ip_policy_id``), read from its answers
    (``read=``, the Ref ``ip_policy.id``), filtered on (``filter_name=``). As a lookup key (TaskContext.find) its
    value is a list of parent ids: the children of any of them."""

    def equal(self, want, have):
        return have in want

    def filter_values(self, value):
        return list(value), True


class ChildChange:
    """One write to one child: ``verb`` create, update, replace (delete then create) or delete.

    key      the child's key
    current  its API object (None for a create)
    want     the canonical values to send: the fields the task gives (for a replace, also those the old child
             had and the task leaves out, so they are not lost)
    fields   for an update, the fields that differ
    """

    def __init__(self, verb, key, current=None, want=None, fields=()):
        self.verb = verb
        self.key = key
        self.current = current
        self.want = want or {}
        self.fields = list(fields)


class ChildSet:
    """Children of a resource's object, managed as a set keyed by one of their fields.

    option         the module option listing the wanted children (a list of dicts of the child's fields);
                   not given, the children are neither read nor changed
    resource       the children's Resource: path, list key, id prefix, kind, fields; a field with
                   ``immutable=True`` cannot be updated, a child whose value differs is deleted and created again
    key            the name of the child field that identifies a child within its parent (``cidr``); children
                   are compared by its canonical value, and the option may name each key once
    parent_link    a ParentLink: how a child names its parent
    purge_option   a bool option of the module: when true, the parent's children whose key is not in the option
                   are deleted
    purge_default  that option's default
    order          callable(key) -> sort key; results and diffs list the children in that order
    """

    def __init__(self, option, resource, key, parent_link, purge_option, purge_default=True, order=None):
        self.option = option
        self.resource = resource
        self.key = key
        self.key_field = resource.field(key)
        self.parent_link = parent_link
        self.purge_option = purge_option
        self.purge_default = purge_default
        self.order = order or (lambda key: key)

    # -- the option ------------------------------------------------------------------------------------

    def argspec(self):
        return {'type': 'list', 'elements': 'dict',
                'options': dict((field.name, field.argspec()) for field in self.resource.fields)}

    def problems(self, value, path):
        """Error texts for the option, before any request: each child's fields, and keys given twice."""
        found = []
        first = {}
        for index, child in enumerate(value):
            where = '%s[%d]' % (path, index)
            mistakes = [problem for field in self.resource.fields if child.get(field.name) is not None
                        for problem in field.problems(child[field.name], '%s.%s' % (where, field.name))]
            found.extend(mistakes)
            if child.get(self.key) is None or any(problem.startswith('%s.%s:' % (where, self.key)) for problem in mistakes):
                continue
            key = self.key_field.from_user(child[self.key])
            if key in first:
                found.append('%s.%s: %s is the %s of %s too; give each %s once' % (where, self.key, key, self.key, first[key], self.key))
            else:
                first[key] = where
        return found

    def desired(self, value, context=None):
        """{key: {field name: canonical value}} of the fields each wanted child gives, in the order given."""
        wanted = {}
        for child in value:
            given = [field for field in self.resource.fields if child.get(field.name) is not None]
            wanted[self.key_field.from_user(child[self.key])] = dict(
                (field.name, field.from_user(child[field.name], context)) for field in given)
        return wanted

    # -- reading ---------------------------------------------------------------------------------------

    def key_of(self, api_object):
        return self.key_field.from_api(self.key_field.read(api_object))

    def read(self, context, parent_ids, fresh=False):
        """{parent id: [API objects of its children]}: one request (the list's ``filter`` on the parent) for
        up to IDS_PER_FILTER parents; the whole list, compared here, when the API refuses the filter."""
        children = dict((parent_id, []) for parent_id in parent_ids)
        ids = list(children)
        for start in range(0, len(ids), IDS_PER_FILTER):
            for item in context.find(self.resource, [(self.parent_link, ids[start:start + IDS_PER_FILTER])], fresh=fresh):
                children[self.parent_link.read(item)].append(item)
        return children

    def view(self, children):
        """API objects of children in canonical form, in ``order`` of their keys."""
        return self.sorted([self.resource.view(item) for item in children])

    def sorted(self, views):
        return sorted(views, key=lambda view: self.order(view[self.key]))

    # -- comparing -------------------------------------------------------------------------------------

    def plan(self, wanted, children, purge):
        """The ChildChanges that make ``children`` (API objects) hold ``wanted`` (see desired()), in the order
        they are made: new children first, then updates and replacements, deletions last, so the children that
        stay or come are in place before the others go."""
        current, extra = {}, []
        for item in children:
            if self.key_of(item) in current:  # the API keeps keys unique; a second one is not wanted either
                extra.append(item)
            else:
                current[self.key_of(item)] = item
        creates, updates = [], []
        for key, want in wanted.items():
            item = current.get(key)
            if item is None:
                creates.append(ChildChange('create', key, want=want))
                continue
            before = self.resource.view(item)
            differ = [field for field in self.resource.fields if field.name in want and not field.equal(want[field.name], before[field.name])]
            if any(field.immutable for field in differ):
                kept = dict((field.name, before[field.name]) for field in self.resource.fields
                            if field.name not in want and before[field.name] != field.server_default)
                updates.append(ChildChange('replace', key, item, dict(kept, **want)))
            elif differ:
                updates.append(ChildChange('update', key, item, want, differ))
        deletes = [ChildChange('delete', key, item) for key, item in current.items() if purge and key not in wanted]
        deletes += [ChildChange('delete', self.key_of(item), item) for item in extra if purge]
        return creates + updates + deletes

    # -- writing ---------------------------------------------------------------------------------------

    def apply(self, context, parent_id, changes, views, done):
        """Make ``changes`` to the children of ``parent_id`` whose views are ``views``; in check mode, only
        predict them. Returns (views after, whether anything was written). ``done`` collects a text per write
        made, for the message of a failure that comes after some of them."""
        after = dict((view[self.key], view) for view in views)
        wrote = False
        for change in changes:
            if change.verb in ('delete', 'replace'):
                wrote = self._delete(context, change, done) or wrote
                after.pop(change.key, None)
            if change.verb in ('create', 'replace'):
                after[change.key] = self._create(context, parent_id, change, done)
                wrote = True
            if change.verb == 'update':
                after[change.key] = self._update(context, change, after[change.key], done)
                wrote = True
        return self.sorted(after.values()), wrote

    def _noun(self, key):
        return '%s %s' % (self.resource.kind, key)

    def _create(self, context, parent_id, change, done):
        predicted = self.resource.blank()
        for name, value in change.want.items():
            field = self.resource.field(name)
            predicted[name] = field.predict(value, predicted[name])
        if context.check_mode:
            return predicted
        body = dict((self.resource.field(name).api_name, self.resource.field(name).to_api(value)) for name, value in change.want.items())
        body[self.parent_link.api_name] = parent_id
        created = context.client.create(self.resource.collection_path(), body,
                                        find_created=lambda: self.find_child(context, parent_id, change.key))
        done.append('created %s' % self._noun(change.key) if change.verb == 'create' else 'created %s again' % self._noun(change.key))
        return self.resource.view(created)

    def _update(self, context, change, before, done):
        if context.check_mode:
            predicted = dict(before)
            for field in change.fields:
                predicted[field.name] = field.predict(change.want[field.name], before[field.name])
            return predicted
        body = dict((field.api_name, field.to_api(change.want[field.name])) for field in change.fields)
        updated = context.client.patch(self.resource.item_path(change.current['id']), body)
        done.append('updated %s' % self._noun(change.key))
        return self.resource.view(updated)

    def _delete(self, context, change, done):
        if context.check_mode:
            return True
        deleted = context.client.delete_if_exists(self.resource.item_path(change.current['id']))
        if deleted:
            done.append('deleted %s' % self._noun(change.key))
        return deleted

    def find_child(self, context, parent_id, key):
        """The child of ``parent_id`` with ``key``, read afresh, or None: whether a create whose answer was lost
        happened."""
        found = [item for item in context.find(self.resource, [(self.parent_link, [parent_id])], fresh=True)
                 if self.key_of(item) == key]
        return found[0] if found else None
