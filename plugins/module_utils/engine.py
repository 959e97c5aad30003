# -*- coding: utf-8 -*-
# Copyright (c) 2026, community.ngrok contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""The resource engine: find the object, compare, write once, report changed + diff; check mode."""

from __future__ import absolute_import, division, print_function
__metaclass__ = type

from ansible_collections.community.ngrok.plugins.module_utils.errors import ModuleFailure, NgrokAPIError
from ansible_collections.community.ngrok.plugins.module_utils.reference_table import users_of
from ansible_collections.community.ngrok.plugins.module_utils.resource import ID_BODY_LENGTH, with_article
from ansible_collections.community.ngrok.plugins.module_utils.task_context import TaskContext, matches

# The API's "cannot delete: still in use" refusals: ERR_NGROK_6502 (a backend named by another backend),
# ERR_NGROK_1420 (an IP policy named by an IP restriction), ERR_NGROK_446 (a reserved domain in use).
IN_USE_ERRORS = frozenset(['ERR_NGROK_6502', 'ERR_NGROK_1420', 'ERR_NGROK_446'])


class ResourceEngine:
    """Runs one task for one Resource. All reads happen before the writes, and a change is one write
    (plus one DELETE per purged route or edge module, and one request per child of a ChildSet that differs)."""

    def __init__(self, resource, params, client, check_mode=False):
        self.resource = resource
        self.params = params
        self.check_mode = check_mode
        self.client = client
        self.context = TaskContext(client, check_mode)
        self.parent = None  # the parent object (resources with a Parent), read by find()

    # -- entry point ---------------------------------------------------------

    def run(self):
        self.check_input()
        if self.params['state'] == 'absent':
            return self.absent(self.identified(self.find()))
        want = self.desired()
        return self.present(self.identified(self.find()), want)

    # -- input ---------------------------------------------------------------

    def given(self):
        """The fields the user set (None means "not set": only those are compared and sent)."""
        return [field for field in self.resource.fields if self.params.get(field.name) is not None]

    def check_input(self):
        """Every problem with the task's options, reported together before any request."""
        resource, params = self.resource, self.params
        problems = []
        if params.get('id'):
            if not resource.looks_like_id(params['id']):
                problems.append('id: %r is not the id of %s (ids look like %s followed by %d letters and digits)'
                                % (params['id'], with_article(resource.kind), resource.id_prefix, ID_BODY_LENGTH))
        elif not (resource.natural_key and params.get(resource.natural_key) is not None):
            if not params['find_by']:
                # Matching on nothing would match every object: an empty variable must never pick one.
                problems.append('find_by: must name at least one of description, metadata (an empty list would match every %s)'
                                % resource.kind)
            missing = [name for name in params['find_by'] if params.get(name) is None]
            if missing:
                alternatives = ['id'] + ([resource.natural_key] if resource.natural_key else [])
                problems.append('give %s, or %s to find the %s by (find_by: %s)'
                                % (' or '.join(alternatives), ' and '.join(missing), resource.kind, ', '.join(params['find_by'])))
            for name in params['find_by']:
                if params.get(name) == '':
                    problems.append('%s: must not be empty when used to find the %s' % (name, resource.kind))
        for field in self.given():
            problems.extend(field.problems(params[field.name], field.name))
        for group in resource.exclusive:
            both = [name for name in group if params.get(name) is not None]
            if len(both) > 1:
                problems.append('%s: give only one of them (setting one replaces the other)' % ' and '.join(both))
        for children in resource.children:
            if params.get(children.option) is not None:
                problems.extend(children.problems(params[children.option], children.option))
        problems.extend(resource.validate(params))
        if problems:
            raise ModuleFailure('invalid input: ' + '; '.join(problems), invalid=problems)

    def desired(self):
        """Canonical values of the fields the user set; references to other objects are resolved here."""
        return dict((field.name, field.from_user(self.params[field.name], self.context)) for field in self.given())

    def managed_children(self):
        """(ChildSet, wanted children) of each set of children the task gives."""
        return [(children, children.desired(self.params[children.option], self.context))
                for children in self.resource.children if self.params.get(children.option) is not None]

    # -- lookup --------------------------------------------------------------

    def find(self, fresh=False):
        """The API object this task is about, or None."""
        resource, params = self.resource, self.params
        if resource.parent is not None:
            self.parent = self.find_parent(fresh)
            if self.parent is None:
                return None
            candidates = self.parent.get(resource.parent.children_key) or []
            if params.get('id'):
                return self.only([item for item in candidates if item['id'] == params['id']])
            keys = self.lookup_keys()
            return self.only([item for item in candidates if matches(keys, item)])
        if params.get('id'):
            return self.client.get_if_exists(resource.item_path(params['id']))
        return self.only(self.context.find(resource, self.lookup_keys(), fresh=fresh))

    def lookup_keys(self):
        """(field, canonical value) pairs that identify the object when no id is given."""
        resource, params = self.resource, self.params
        if resource.natural_key and params.get(resource.natural_key) is not None:
            names = [resource.natural_key]
        else:
            names = params['find_by']
        return [(resource.field(name), resource.field(name).from_user(params[name])) for name in names]

    def only(self, matches):
        if len(matches) > 1:
            ids = sorted(item['id'] for item in matches)
            keys = ' and '.join('%s=%r' % (field.name, self.params[field.name]) for field, dummy in self.lookup_keys())
            raise ModuleFailure('%d %s match %s (%s); give id to choose one, or add metadata to find_by'
                                % (len(matches), self.resource.plural, keys, ', '.join(ids)), matches=ids)
        return matches[0] if matches else None

    def find_parent(self, fresh=False):
        """The parent object named by id or by description, or None."""
        spec = self.resource.parent
        name = self.params[spec.option]
        if spec.resource.looks_like_id(name):
            return self.client.get_if_exists(spec.resource.item_path(name))
        found = self.context.find(spec.resource, [(spec.resource.field('description'), name)], fresh=fresh)
        if len(found) > 1:
            raise ModuleFailure('%d %s have the description %r (%s); give the %s by id'
                                % (len(found), spec.resource.plural, name, ', '.join(sorted(i['id'] for i in found)), spec.option))
        return found[0] if found else None

    def identified(self, current):
        """``current``, after checking that it has the values the API cannot change (a reserved domain
        found by id must be the domain the task names: another domain is another object)."""
        if current is None:
            return None
        resource, before = self.resource, self.resource.view(current)
        if not matches(resource.scope, current):  # found by id: an agent endpoint is no cloud endpoint
            raise ModuleFailure('id: %s is not a %s (%s)' % (current['id'], resource.kind, ', '.join(
                '%s %s' % (field.api_name, field.read(current)) for field, dummy in resource.scope)))
        for field in self.given():
            wanted = field.from_user(self.params[field.name])
            if field.immutable and not field.equal(wanted, before[field.name]):
                raise ModuleFailure('%s: %s is %s, not %s; the %s of a %s cannot change (another %s is another %s%s)' % (
                    field.name, resource.describe(current), before[field.name], wanted, field.name, resource.kind, field.name,
                    resource.kind, ': leave out id to manage it' if self.params.get('id') else ''))
            refused = field.change_problem(wanted, before[field.name])
            if refused:  # a part the API cannot change in place (a cloud endpoint URL's scheme)
                raise ModuleFailure('%s: %s is %s, not %s; %s' % (field.name, resource.describe(current), before[field.name], wanted, refused))
        return current

    def parent_id(self):
        return self.parent['id'] if self.parent else None

    def missing_parent(self):
        spec = self.resource.parent
        return 'no %s has the %s %r' % (spec.resource.kind, 'id' if spec.resource.looks_like_id(
            self.params[spec.option]) else 'description', self.params[spec.option])

    # -- state=present -------------------------------------------------------

    def present(self, current, want):
        resource = self.resource
        managed = self.managed_children()
        if current is None:
            if self.params.get('id'):
                # Say why when it is because the parent is missing (a wrong edge, not a wrong route id).
                reason = '%s, so ' % self.missing_parent() if resource.parent is not None and self.parent is None else ''
                raise ModuleFailure('%sno %s has the id %s' % (reason, resource.kind, self.params['id']))
            if resource.parent is not None and self.parent is None:
                if not self.check_mode:
                    raise ModuleFailure(self.missing_parent())
                self.context.warn('%s; in check mode the %s is assumed to be created by an earlier task'
                                  % (self.missing_parent(), resource.parent.resource.kind))
            return self.create(want, managed)
        before = resource.view(current)
        read = self.read_children(current, [children for children, dummy in managed])
        plans = [(children, children.plan(wanted, read[children], self.params[children.purge_option])) for children, wanted in managed]
        for children, items in read.items():
            before[children.option] = children.view(items)
        changed = [field for field in self.given() if not field.equal(want[field.name], before[field.name])]
        # A part the update replaces anyway (a domain's certificate when a policy is set) is not purged too.
        replaced = resource.cleared_by([field.name for field in changed])
        purged = [field for field in resource.purgeable if self.params.get(resource.purge_option)
                  and field.name not in want and field.name not in replaced and before[field.name] is not None]
        if not changed and not purged and not any(changes for dummy, changes in plans):
            return self.result(False, before, before)
        predicted = dict(before)
        for name in replaced:
            predicted[name] = resource.field(name).empty
        for field in changed:
            predicted[field.name] = field.predict(want[field.name], before[field.name])
        for field in purged:
            predicted[field.name] = field.empty
        self.predict_recomputed(predicted, changed + purged)
        self.check_change(before, predicted)
        if self.check_mode:
            self.write_children(current['id'], plans, predicted, [])
            return self.result(True, before, predicted)
        # Purge first: the route or edge modules removed are unwanted either way, and one being replaced by
        # another that the API allows only alone (oauth by saml) has to go before the update adds its successor.
        removed = [field for field in purged if self.client.delete_if_exists(
            resource.item_path(current['id'], self.parent_id()) + '/' + field.purge_path)]
        after = self.update(current, before, want, changed) if changed else dict(before)
        for field in purged:
            after[field.name] = field.empty
        if not changed:  # not the answer of an update
            self.predict_recomputed(after, purged)
        for children in resource.children:  # an update's answer does not hold them
            after[children.option] = before[children.option]
        # The writes so far, for the message of a failure among the children's.
        done = ['removed the %s of %s' % (field.name, resource.describe(current)) for field in removed]
        done += ['updated %s' % resource.describe(current)] if changed else []
        wrote = self.write_children(current['id'], plans, after, done)
        return self.result(bool(changed or removed or wrote), before, after)

    def predict_recomputed(self, after, touched):
        """What the server recomputes after a change to ``touched`` fields, when no answer tells: unknown."""
        names = set(field.name for field in touched)
        for key, sources in self.resource.recomputed.items():
            if names & set(sources):
                after[key] = None

    def check_change(self, before, after):
        """The rules over the object as the write would leave it: the object read can already show that the
        API will refuse the write (a second sign-in module on a route), in check mode too."""
        problems = self.resource.validate_change(before, after)
        if problems:
            raise ModuleFailure('invalid input: ' + '; '.join(problems), invalid=problems)

    def update(self, current, before, want, changed):
        """One PATCH with every changed field (and those the API needs every time); its answer is the
        new state, so nothing is read again."""
        resource = self.resource
        body = dict((field.api_name, field.to_api(want[field.name])) for field in changed)
        for field in resource.fields:
            if field.send_always and field.api_name not in body:
                body[field.api_name] = field.to_api(want.get(field.name, before[field.name]))
        return resource.view(self.client.patch(resource.item_path(current['id'], self.parent_id()), body))

    def create(self, want, managed=()):
        resource = self.resource
        missing = [name for name in resource.required_for_create if name not in want]
        if missing:
            problem = 'no %s matches, and creating one needs %s' % (resource.kind, ' and '.join(missing))
            if not self.check_mode:
                raise ModuleFailure(problem)
            # An earlier task of the same check-mode run may only have pretended to create it.
            self.context.warn(problem + '; in check mode it is assumed to be created by an earlier task')
        after = resource.blank()
        if resource.parent is not None:
            after[resource.parent.id_key] = self.parent_id()
        for field in self.given():
            after[field.name] = field.predict(want[field.name], after[field.name])
        resource.derived(after)
        self.check_change(None, after)
        plans = [(children, children.plan(wanted, [], purge=False)) for children, wanted in managed]
        if self.check_mode:
            self.write_children(None, plans, after, [])
            return self.result(True, None, after)
        body = dict((field.api_name, value) for field, value in resource.scope)
        body.update((field.api_name, field.to_api(want[field.name])) for field in self.given())
        created = self.client.create(resource.collection_path(self.parent_id()), body,
                                     find_created=lambda: self.find(fresh=True))
        after = resource.view(created)
        for children in resource.children:  # a new object has none
            after[children.option] = []
        self.write_children(created['id'], plans, after, ['created %s' % resource.describe(created)])
        return self.result(True, None, after)

    # -- children (ChildSet) -------------------------------------------------------------------------

    def read_children(self, current, sets):
        """{ChildSet: API objects of the children of ``current``} for each of ``sets``: one request each."""
        return dict((children, children.read(self.context, [current['id']])[current['id']]) for children in sets)

    def write_children(self, parent_id, plans, after, done):
        """Make the planned changes to the children (predict them in check mode) and put the children after
        them in ``after``; whether anything was written. ``done`` names the writes of this task so far: a
        failure after some of them reports the change and says what was done."""
        wrote = False
        try:
            for children, changes in plans:
                after[children.option], written = children.apply(self.context, parent_id, changes, after[children.option] or [], done)
                wrote = wrote or written
        except NgrokAPIError as error:
            if not done:
                raise
            raise ModuleFailure('%s; before it, this task %s: run it again to finish' % (error, ', '.join(done)),
                                changed=True, api_error=error.to_dict())
        return wrote

    # -- state=absent --------------------------------------------------------

    def absent(self, current):
        if current is None:
            return self.result(False, None, None)
        resource = self.resource
        before = resource.view(current)
        # Its children go with it: the diff shows them.
        for children, items in self.read_children(current, resource.children).items():
            before[children.option] = children.view(items)
        # Never delete an object still in use, whatever the API would allow (it lets a backend used by a
        # route go, and the route then points at nothing): its users are searched first, in the listings
        # of every type that can name it (reference_table.REFERENCES; no request for a type nobody names).
        users = users_of(self.context, resource, current)
        if self.check_mode:
            # Check mode only warns: an earlier task of the same run (a teardown in dependency order) may
            # only have pretended to remove the users.
            if users:
                self.context.warn('%s %s is used by %s; deleting it will fail unless an earlier task removes those uses'
                                  % (resource.kind, current['id'], ', '.join(users)))
            return self.result(True, before, None)
        if users:
            raise self.in_use(current, users)
        try:
            deleted = self.client.delete_if_exists(resource.item_path(current['id'], self.parent_id()))
        except NgrokAPIError as error:
            if error.error_code not in IN_USE_ERRORS:
                raise
            # A user that appeared after the search, or that the search could not see (a listing the API
            # refused): read the listings again to name it.
            raise self.in_use(current, users_of(TaskContext(self.client), resource, current), error)
        return self.result(deleted, before, None)

    def in_use(self, current, users, error=None):
        """The failure of a delete refused because ``users`` (descriptions) use ``current``; ``error`` is the
        API's refusal when the API refused it."""
        extra = {'used_by': users}
        if error is not None:
            extra['api_error'] = error.to_dict()
        named = ', '.join(users) or 'another object (%s)' % error
        return ModuleFailure('cannot delete %s %s: it is used by %s' % (self.resource.kind, current['id'], named), **extra)

    # -- output --------------------------------------------------------------

    def result(self, changed, before, after):
        resource = self.resource
        shown = after if self.params['state'] == 'present' else before
        result = {
            'changed': changed,
            resource.result_key: resource.masked(shown) or {},
            'diff': {
                'before': resource.masked(before) or {},
                'after': resource.masked(after, other=before or {}) or {},
            },
        }
        if self.context.warnings:
            result['warnings'] = self.context.warnings
        return result
