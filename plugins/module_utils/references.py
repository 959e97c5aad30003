# -*- coding: utf-8 -*-
# Copyright (c) 2026, community.ngrok contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""References between objects: options that name other objects (by id or description, resolved to ids once
per task), and the search for the objects that name a given one (its users).

Where references are is declared once, in reference_table.REFERENCES; what one is made of is here.
"""

from __future__ import absolute_import, division, print_function
__metaclass__ = type

from ansible_collections.community.ngrok.plugins.module_utils.errors import ModuleFailure
from ansible_collections.community.ngrok.plugins.module_utils.fields import Field
from ansible_collections.community.ngrok.plugins.module_utils.resource import with_article

WEIGHT_MIN = 0
WEIGHT_MAX = 10000


class AnyOf:
    """The resource types one reference can name ("any backend"), and the words for them in messages.

    resources  a mapping whose values are the Resources; read at each use, so a declaration file can
               create the AnyOf before the resources that name it (a weighted backend names any backend,
               weighted ones included) and fill the mapping as it declares them
    """

    def __init__(self, noun, resources, plural=None):
        self.noun = noun
        self.plural = plural or noun + 's'
        self._resources = resources

    @property
    def resources(self):
        return list(self._resources.values())

    def includes(self, resource):
        return any(candidate is resource for candidate in self.resources)

    def id_of(self, context, name):
        """The id of the object named by ``name``: an id as given (it starts with one of the types' id
        prefixes; the API refuses an id nobody has), else the one object of any of the types whose
        description is exactly ``name`` (one filtered request for a type whose list takes a filter, its
        listing otherwise)."""
        if any(name.startswith(resource.id_prefix) for resource in self.resources):
            return name
        matches = []
        if name:  # an empty description is what objects without one have: it names none of them
            matches = [item['id'] for resource in self.resources
                       for item in context.find(resource, [(resource.field('description'), name)])]
        if not matches and context.check_mode:
            # An earlier task of the same check-mode run may only have pretended to create it.
            context.warn('no %s has the description %r yet; in check mode it is assumed to be created by an earlier task'
                         % (self.noun, name))
            return name
        if not matches:
            raise ModuleFailure('no %s has the description %r; name %s by its id or its exact description'
                                % (self.noun, name, with_article(self.noun)))
        if len(matches) > 1:
            raise ModuleFailure('%d %s have the description %r (%s); name the %s by its id instead'
                                % (len(matches), self.plural, name, ', '.join(sorted(matches)), self.noun))
        return matches[0]


# -- option kinds that name other objects ----------------------------------------------------------------
# Each has ``targets`` (an AnyOf) and ``names_in(canonical value)``: the ids the value names, which is what
# the search for users compares.

class Ref(Field):
    """One object named by id or description; canonical form is the id."""

    def __init__(self, name, targets, **kwargs):
        super(Ref, self).__init__(name, **kwargs)
        self.targets = targets

    def from_user(self, value, context=None):
        return self.targets.id_of(context, value) if context is not None else value

    def names_in(self, value):
        return [value] if value else []


class _Refs(Field):
    """Several objects named by id or description, each once; resolved to ids in the order given."""

    def __init__(self, name, targets, shape, spec, **kwargs):
        kwargs.setdefault('spec', spec)
        kwargs.setdefault('empty', shape())
        kwargs.setdefault('server_default', shape())
        super(_Refs, self).__init__(name, **kwargs)
        self.targets = targets
        self._shape = shape

    def from_api(self, value):
        return self._shape(value or self._shape())

    def names_in(self, value):
        return list(value or [])

    def _ids(self, context, names):
        ids, spelled = [], {}
        for name in names:
            key = self.targets.id_of(context, name) if context is not None else name
            if key in spelled:
                if spelled[key] == name:
                    raise ModuleFailure('%s: %r is given more than once' % (self.name, name))
                raise ModuleFailure('%s: %r and %r name the same %s %s' % (self.name, spelled[key], name, self.targets.noun, key))
            spelled[key] = name
            ids.append(key)
        return ids


class RefList(_Refs):
    """A list of objects: ordered (a failover backend's children: order is significant), or with
    ``ordered=False`` a set (a route's IP policies)."""

    def __init__(self, name, targets, ordered=True, **kwargs):
        super(RefList, self).__init__(name, targets, list, {'type': 'list', 'elements': 'str'}, **kwargs)
        self.ordered = ordered

    def from_user(self, value, context=None):
        return self._ids(context, value)

    def problems(self, value, path):
        """A set refuses an entry given twice before any request, like StringList (a name and an id of the same
        object are found once the names are resolved)."""
        found = super(RefList, self).problems(value, path)
        if value is not None and not self.ordered:
            repeated = sorted(set(name for name in value if value.count(name) > 1))
            if repeated:
                found.append('%s: entries must be unique (%s given more than once)' % (path, ', '.join(repeated)))
        return found

    def equal(self, want, have):
        return want == have if self.ordered else sorted(want) == sorted(have or [])


class WeightedRefs(_Refs):
    """``{object: weight}`` (a weighted backend's children)."""

    def __init__(self, name, targets, **kwargs):
        super(WeightedRefs, self).__init__(name, targets, dict, {'type': 'dict'}, **kwargs)

    def from_user(self, value, context=None):
        return dict(zip(self._ids(context, value), (int(weight) for weight in value.values())))

    def problems(self, value, path):
        found = []
        if value is None:
            return found
        for name, weight in value.items():
            if isinstance(weight, bool) or not isinstance(weight, (int, str)):
                found.append('%s.%s: the weight must be an integer, not %r' % (path, name, weight))
                continue
            try:
                number = int(weight)
            except ValueError:
                found.append('%s.%s: the weight must be an integer, not %r' % (path, name, weight))
                continue
            if not WEIGHT_MIN <= number <= WEIGHT_MAX:
                found.append('%s.%s: weight %d is out of range, it must be between %d and %d'
                             % (path, name, number, WEIGHT_MIN, WEIGHT_MAX))
        return found


# -- who names an object ------------------------------------------------------------------------------------

class Reference:
    """One place where objects of one type name objects of others: a row of reference_table.REFERENCES.

    source   the Resource whose objects hold the names (a weighted backend, an HTTPS edge route)
    path     the option holding them, dotted into a route or edge module ("backend.backend": the
             ``backend`` sub-option of the ``backend`` route module)
    targets  the AnyOf the names are of; by default the option's own (a Ref, RefList or WeightedRefs)
    names    callable(canonical value of the option) -> the names it holds; by default the option's names_in
    key      what of a target object those names are: its "id" unless said otherwise
    applies  callable(target API object) -> whether it can be named this way at all (only an internal
             endpoint is forwarded to): for the others the search reads nothing
    """

    def __init__(self, source, path, targets=None, names=None, key='id', applies=None):
        self.source = source
        self.path = path.split('.')
        self._option = source.field(self.path[0])
        field = self._option
        for name in self.path[1:]:
            field = field.option(name)
        self.targets = targets or field.targets
        self.names = names or field.names_in
        self.key = key
        self.applies = applies or (lambda api_object: True)

    def value_in(self, api_object):
        """The canonical value of the option in one of the source's API objects."""
        value = self._option.from_api(self._option.read(api_object))
        for name in self.path[1:]:
            value = (value or {}).get(name)
        return value

    def users(self, context, api_object):
        """Descriptions of the source's objects that name ``api_object``."""
        wanted = api_object.get(self.key)
        return [text for item, text in _every_object(context, self.source) if wanted in self.names(self.value_in(item))]


def find_users(context, references, resource, api_object):
    """Descriptions of the objects that name ``api_object`` (a ``resource``), in the order of ``references``;
    no request at all for a resource nobody names. Listings come from the task's cache; one the API
    refuses is skipped, so an account without edges still gets its backends' users."""
    users = []
    for reference in references:
        if reference.targets.includes(resource) and reference.applies(api_object):
            users.extend(reference.users(context, api_object))
    return users


def _every_object(context, resource):
    """(API object, description) of every object of ``resource``; objects inside another one (routes) are
    read from their parents' listing, which is the only way the API lists them."""
    if resource.parent is None:
        for item in context.list_if_allowed(resource.path, resource.list_key):
            yield item, resource.describe(item)
        return
    owner = resource.parent
    for parent in context.list_if_allowed(owner.resource.path, owner.resource.list_key):
        for item in parent.get(owner.children_key) or []:
            yield item, resource.describe(item, parent)
