# -*- coding: utf-8 -*-
# Copyright (c) 2026, community.ngrok contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""Resource: the declaration a module makes of the API object it manages."""

from __future__ import absolute_import, division, print_function
__metaclass__ = type

from ansible_collections.community.ngrok.plugins.module_utils.fields import Field, JsonText, Text, named

# Limits of every object, in characters: the texts of ERR_NGROK_6503/6504 (backends) and 7073/7074 (edges and
# routes) say characters, although the OpenAPI field descriptions say bytes.
DESCRIPTION_MAX_LENGTH = 255
METADATA_MAX_LENGTH = 4096
ID_BODY_LENGTH = 27  # base62 KSUID after the prefix


def with_article(noun):
    """``noun`` with its indefinite article: "an IP policy", "an HTTPS edge", "a reserved domain". An initialism
    is read letter by letter, so it takes "an" when its first letter's name starts with a vowel sound."""
    first = noun.split(' ', 1)[0]
    if first.isupper() and len(first) > 1:
        vowel_sound = first[0] in 'AEFHILMNORSX'
    else:
        vowel_sound = noun[:1].lower() in 'aeiou'
    return '%s %s' % ('an' if vowel_sound else 'a', noun)


def looks_like_id(value, prefix):
    """Whether ``value`` has the shape of an ngrok id: ``prefix`` and a base62 KSUID."""
    body = value[len(prefix):]
    return value.startswith(prefix) and len(body) == ID_BODY_LENGTH and body.isalnum() and body.isascii()


def common_fields():
    """description and metadata: every ngrok object here has them, and they can identify it (find_by)."""
    return [
        Text('description', max_length=DESCRIPTION_MAX_LENGTH),
        JsonText('metadata', max_length=METADATA_MAX_LENGTH),
    ]


class Parent:
    """The object a resource lives in (a route lives in an HTTPS edge).

    option        the module option naming the parent by id or description ("edge")
    resource      the parent's Resource
    children_key  key of the children in the parent object ("routes"); there is no other way to list them
    id_key        key of the parent's id in a child ("edge_id")
    """

    def __init__(self, option, resource, children_key, id_key):
        self.option = option
        self.resource = resource
        self.children_key = children_key
        self.id_key = id_key


class Resource:
    """What a module manages.

    kind         words for messages ("HTTP response backend")
    plural       the plural of ``kind`` when it is not ``kind`` + "s" ("IP policies")
    path         collection path of the API ("/backends/http_response")
    list_key     key of the list in a list answer ("backends")
    id_prefix    prefix of the object's ids ("bkdhr_"), checked before any request
    result_key   key of the object in the module result ("backend")
    fields       Field objects after description and metadata (the user-settable attributes)
    readonly     response keys shown but never compared (id, uri, created_at, ...); an entry may be
                 (key, transform) to shape the value for output (mask secrets of nested objects)
    server_sets  {readonly key: value} the server sets on every new object (an edge's routes: []); check
                 mode predicts them for a create, the other readonly keys are None
    validate     callable(params) -> list of error texts, for rules that span several options
    validate_change  callable(before, after) -> list of error texts, for rules the object as a write would
                 leave it must follow (before: the object read, None for a create); checked before any
                 write, in check mode too
    parent       Parent, for objects that live inside another one; ``path`` then holds ``{parent_id}``
    natural_key  an option that identifies the object on its own within the parent ("match"),
                 used before find_by when given
    purge_option an extra bool option; when true, the parts of the object the user did not give
                 (fields with a purge_path: route or edge modules, a domain's certificate) are removed
    required_for_create  options the API needs to create the object (a route's match_type and match)
    filterable   the API names (description, metadata, domain...) its list takes in a ``filter``
                 query: lookups by those fields cost one request (server_filter.py)
    exclusive    groups of field names the API keeps only one of: setting one clears the others
                 (a reserved domain's certificate_id and certificate_management_policy)
    derived      callable(predicted object) -> None, filling in what the server derives from the other
                 fields of a new object (check mode only)
    recomputed   {readonly key: field names}: the server recomputes that key when one of those fields
                 changes, so check mode predicts it as unknown (None)
    children     ChildSets (child_sets.py): objects of another type that belong to this one and are declared
                 in the same task, as a set keyed by one of their fields (an IP policy's rules). A view holds
                 them under the set's option: None until they are read, [] for a new object
    scope        {API name: value} every object of this type has, where the API lists other objects at the
                 same path (agent endpoints beside cloud endpoints in /endpoints: ``{'type': 'cloud'}``):
                 every lookup filters on it, an object found by id must have it, a create sends it

    Which objects name this one (and so keep it from being deleted: the engine searches them before any
    delete, whatever the type) is not declared here but in reference_table.REFERENCES.
    """

    def __init__(self, kind, path, list_key, id_prefix, result_key, fields, readonly=(), validate=None,
                 parent=None, natural_key=None, purge_option=None, required_for_create=(), server_sets=None,
                 validate_change=None, filterable=(), exclusive=(), derived=None, recomputed=None,
                 children=(), plural=None, scope=None):
        self.kind = kind
        self.plural = plural or kind + 's'
        self.path = path
        self.list_key = list_key
        self.id_prefix = id_prefix
        self.result_key = result_key
        self.fields = common_fields() + list(fields)
        self.readonly = [('id', None), ('uri', None), ('created_at', None)]
        self.readonly += [entry if isinstance(entry, tuple) else (entry, None) for entry in readonly]
        self.server_sets = dict(server_sets or {})
        self.validate = validate or (lambda params: [])
        self.validate_change = validate_change or (lambda before, after: [])
        self.parent = parent
        self.natural_key = natural_key
        self.purge_option = purge_option
        self.required_for_create = tuple(required_for_create)
        self.filterable = frozenset(filterable)
        self.exclusive = [tuple(group) for group in exclusive]
        self.derived = derived or (lambda predicted: None)
        self.recomputed = dict(recomputed or {})
        self.children = tuple(children)
        # (field, value) pairs, the shape of a lookup's keys (TaskContext.find, server_filter.filter_for).
        self.scope = [(Field(name), value) for name, value in sorted((scope or {}).items())]

    def field(self, name):
        return named(self.fields, name)

    def collection_path(self, parent_id=None):
        return self.path.format(parent_id=parent_id)

    def item_path(self, object_id, parent_id=None):
        return '%s/%s' % (self.collection_path(parent_id), object_id)

    @property
    def purgeable(self):
        return [field for field in self.fields if field.purgeable]

    def cleared_by(self, names):
        """Names of the fields the API clears when the fields ``names`` are set (see ``exclusive``)."""
        cleared = set()
        for group in self.exclusive:
            if set(group) & set(names):
                cleared.update(name for name in group if name not in names)
        return cleared

    def looks_like_id(self, value):
        return looks_like_id(value, self.id_prefix)

    def describe(self, api_object, parent_object=None):
        """How messages name one object: "weighted backend bkdwd_... (its description)". An object inside
        another is named by its short name (its result key), its natural key and its parent:
        "route edghtsrt_... /api of HTTPS edge edghts_... (shop)"."""
        if parent_object is None:
            described = api_object.get('description')
            return '%s %s%s' % (self.kind, api_object['id'], ' (%s)' % described if described else '')
        words = [self.result_key, api_object['id']]
        if self.natural_key and api_object.get(self.natural_key):
            words.append(api_object[self.natural_key])
        return '%s of %s' % (' '.join(words), self.parent.resource.describe(parent_object))

    def view(self, api_object):
        """The canonical (unmasked) form of an API object: what diffs, results and comparisons use."""
        result = dict((key, api_object.get(key)) for key, dummy in self.readonly[:3])
        for field in self.fields:
            result[field.name] = field.from_api(field.read(api_object))
        for key, dummy in self.readonly[3:]:
            result[key] = api_object.get(key)
        for children in self.children:
            result[children.option] = None  # not in the object: the engine or the info module reads them
        return result

    def blank(self):
        """The canonical form of an object about to be created, before the user's values are applied."""
        result = dict((key, self.server_sets.get(key)) for key, dummy in self.readonly)
        for field in self.fields:
            result[field.name] = field.server_default
        for children in self.children:
            result[children.option] = []
        return result

    def masked(self, view, other=None):
        """``view`` fit for output. With ``other`` (the state on the other side of a diff), a secret
        that differs from it reads as changed, so a diff shows a secret changed without showing it."""
        if not view:
            return view
        result = dict(view)
        for field in self.fields:
            if field.name in result:
                result[field.name] = field.mask(result[field.name], (other or {}).get(field.name), compare=other is not None)
        for key, transform in self.readonly:
            if transform is not None and result.get(key) is not None:
                result[key] = transform(result[key])
        for children in self.children:
            if result.get(children.option):
                result[children.option] = [children.resource.masked(child) for child in result[children.option]]
        return result
