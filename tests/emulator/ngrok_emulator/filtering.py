# -*- coding: utf-8 -*-
# Copyright (c) 2026, community.ngrok contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""The `filter` query of list endpoints: a CEL expression over `obj`, evaluated by cel-python (celpy).

ngrok accepts a subset of CEL ("API Filtering" docs): `! && ||`, comparisons, parentheses, `in`, `size()`,
`== ""`, `== null`, `timestamp(...)`, `timestamp(time.now).add("24h")` / `.subtract("7d")`, and only the
fields its table names for each resource. The expression is parsed by celpy; the subset is enforced on
celpy's parse tree; every object is decided by celpy's evaluator. An equality on a plain stored field
(`obj.description == "x"`, also inside `&&` / `||`) first narrows the objects to evaluate, which is exact:
an object whose field differs makes that conjunct false, and CEL's `false && anything` is false.
"""

import datetime
import re
from urllib.parse import quote

from . import common
from .errors import ApiError, invalid

# The docs' table "Filterable resources and fields", by list key; a reference is filterable by its id only.
# Endpoints: the docs say `binding`; their examples and the answered object say `bindings`.
FIELDS = {
    'endpoints': ('id', 'created_at', 'description', 'metadata', 'principal.id', 'type', 'bindings', 'url',
                  'pooling_enabled', 'scheme', 'region', 'name'),
    'reserved_domains': ('id', 'created_at', 'description', 'metadata', 'domain', 'region', 'cname_target',
                         'certificate.id', 'acme_challenge_cname_target'),
    'ip_policies': ('id', 'created_at', 'description', 'metadata'),
    'ip_policy_rules': ('id', 'created_at', 'description', 'metadata', 'ip_policy.id', 'cidr', 'action'),
}
# Fields whose stored value is exactly the answered one ("" when unset): equalities on them narrow the scan.
STORED = {
    'endpoints': ('id', 'description', 'metadata', 'type', 'url'),
    'reserved_domains': ('id', 'description', 'metadata', 'domain'),
    'ip_policies': ('id', 'description', 'metadata'),
    'ip_policy_rules': ('id', 'description', 'metadata', 'cidr', 'action'),
}
# What `obj` holds for a filterable field the answer leaves out (empty text is omitted from answers).
ABSENT = {'cname_target': None, 'acme_challenge_cname_target': None, 'bindings': [], 'pooling_enabled': False}
FUNCTIONS = frozenset(['timestamp', 'size'])  # f(x)
METHODS = frozenset(['size', 'add', 'subtract'])  # x.f(y)
REFUSED = {
    'member_index': 'index access is not supported', 'member_object': 'message construction is not supported',
    'map_lit': 'map literals are not supported', 'dot_ident': 'leading-dot names are not supported',
    'dot_ident_arg': 'leading-dot names are not supported', 'unary_neg': 'arithmetic is not supported',
}
SUBSTRING = frozenset(['startsWith', 'endsWith', 'contains'])
# Parse-tree nodes that only wrap their one child (a parenthesised expression is the expression).
PASS_THROUGH = frozenset(['expr', 'conditionalor', 'conditionaland', 'relation', 'addition', 'multiplication', 'unary',
                          'member', 'primary', 'paren_expr'])
DURATION = re.compile(r'^(?:[0-9]+(?:d|h|m|s))+$')
DURATION_PART = re.compile(r'([0-9]+)(d|h|m|s)')
SCAN_CHUNK = 1000
_CEL = {}


def list_page(request, collection, path, key, render):
    """common.list_page, narrowed by the request's `filter` when it has one. next_page_uri keeps the filter:
    a client that follows it (every SDK does) must get the next page of the same filtered list."""
    text = request.query.get('filter')
    if text is None:
        return common.list_page(request, collection, path, key, render)
    cel_filter = Filter(key, text)
    matching = Matching(collection, lambda item: cel_filter.matches(item, lambda: render(request, item)))
    status, answer = common.list_page(request, matching, path, key, render)
    if answer['next_page_uri']:
        answer['next_page_uri'] += '&filter=' + quote(text, safe='')
    return status, answer


class Matching:
    """A collection seen through a predicate. page() walks the collection's own pages, so the order (and
    before_id) is the collection's, and stops as soon as it knows whether more matches remain."""

    def __init__(self, collection, keep):
        self.collection = collection
        self.keep = keep

    def page(self, before_id, limit):
        found, cursor = [], before_id
        while True:
            items, more = self.collection.page(cursor, SCAN_CHUNK)
            for item in items:
                if self.keep(item):
                    if len(found) == limit:
                        return found, True
                    found.append(item)
            if not more or not items:
                return found, False
            cursor = items[-1]['id']


def cel():
    """celpy and its environment, imported on first use: the rest of the emulator needs only the standard library."""
    if not _CEL:
        try:
            import celpy  # pylint: disable=import-outside-toplevel
            from celpy import celtypes  # pylint: disable=import-outside-toplevel
        except ImportError:
            raise ApiError(500, None, 'The emulator answers `filter` with cel-python, which is not installed: '
                                      'pip install -r tests/emulator/requirements.txt')
        _CEL.update(celpy=celpy, celtypes=celtypes, env=celpy.Environment())
    return _CEL


class Filter:
    """One `filter` expression of a list request for the resource listed under key."""

    def __init__(self, key, text):
        lib = cel()
        self.key = key
        try:
            tree = lib['env'].compile(text)
        except lib['celpy'].CELParseError as error:
            raise refused('syntax error: %s' % ' '.join(str(error).split()))
        check_subset(tree, FIELDS[key])
        self.program = lib['env'].program(tree, functions={'add': _shift(1), 'subtract': _shift(-1)})
        self.narrowing = narrowing(tree, STORED[key])
        now = lib['celtypes'].TimestampType(datetime.datetime.now(datetime.timezone.utc).replace(microsecond=0))
        self.time = lib['celtypes'].MapType({lib['celtypes'].StringType('now'): now})  # `time.now` in the docs' helpers

    def matches(self, item, answer):
        """True when the stored item passes (answer() renders it: only done for the items the narrowing keeps);
        a filter that cannot be evaluated on an object is a 400, like a malformed one."""
        if self.narrowing is not None and not self.narrowing(item):
            return False
        lib = cel()
        try:
            result = self.program.evaluate({'obj': self.obj(answer()), 'time': self.time})
        except lib['celpy'].CELEvalError as error:
            raise refused(_eval_message(error))
        if isinstance(result, lib['celpy'].CELEvalError):
            raise refused(_eval_message(result))
        if not isinstance(result, lib['celtypes'].BoolType):
            raise refused('the expression must evaluate to a bool, not %s' % type(result).__name__)
        return bool(result)

    def obj(self, answer):
        """`obj`: the object as answered, every filterable field present, created_at a timestamp."""
        lib = cel()
        view = {}
        for path in FIELDS[self.key]:
            name, dummy, part = path.partition('.')
            if part:
                # A reference the object does not have (a domain without certificate) reads as {id: null}, so that
                # obj.certificate.id == "x" is false rather than an error.
                view[name] = {part: (answer.get(name) or {}).get(part)}
            else:
                view[name] = answer.get(name, ABSENT.get(name, ''))
        if self.key == 'endpoints':
            view['scheme'] = answer.get('proto', '')  # filterable, but not in the answer: the URL's scheme
        converted = lib['celpy'].json_to_cel(view)
        converted[lib['celtypes'].StringType('created_at')] = lib['celtypes'].TimestampType(answer['created_at'])
        return converted


def refused(detail):
    return invalid(250, 'Invalid CEL query: %s' % detail)


def _eval_message(error):
    args = getattr(error, 'args', ())
    return 'evaluation failed: %s' % (args[0] if args else error)


def _shift(sign):
    """timestamp.add("24h") / .subtract("7d"): ngrok's helpers; durations in d, h, m, s."""
    def shift(moment, text):
        lib = cel()
        if not isinstance(moment, lib['celtypes'].TimestampType) or not DURATION.match(str(text)):
            return lib['celpy'].CELEvalError('add/subtract take a timestamp and a duration like "7d", "24h" or "15m"')
        seconds = sum(int(number) * {'d': 86400, 'h': 3600, 'm': 60, 's': 1}[unit]
                      for number, unit in DURATION_PART.findall(str(text)))
        return lib['celtypes'].TimestampType(moment + datetime.timedelta(seconds=sign * seconds))
    return shift


# -- the subset ngrok accepts, checked on celpy's parse tree --------------------------------------------------------

def _name(node):
    return str(getattr(node, 'data', ''))


def _trees(node):
    return [child for child in node.children if hasattr(child, 'data')]


def field_path(node):
    """['obj', 'principal', 'id'] for a member_dot chain rooted at a plain name, else None."""
    names = []
    while True:
        while _name(node) in ('member', 'primary') and len(_trees(node)) == 1:
            node = _trees(node)[0]
        if _name(node) != 'member_dot':
            break
        names.insert(0, str(node.children[1]))
        node = node.children[0]
    if _name(node) != 'ident':
        return None
    return [str(node.children[0])] + names


def check_subset(node, fields):
    """Raise 250 for anything outside ngrok's subset: fields not in its table, arithmetic, ternaries, indexes,
    substring and regex functions, macros and type checks."""
    name = _name(node)
    children = _trees(node)
    if name in REFUSED:
        raise refused(REFUSED[name])
    if name == 'expr' and len(children) > 1:
        raise refused('the ternary operator is not supported')
    if name in ('addition', 'multiplication') and len(children) > 1:
        raise refused('arithmetic is not supported')
    if name == 'member_dot':
        _check_path(field_path(node), fields)
        return
    if name == 'ident':
        _check_path([str(node.children[0])], fields)
    if name in ('member_dot_arg', 'ident_arg'):
        function = str(node.children[1] if name == 'member_dot_arg' else node.children[0])
        if function in SUBSTRING:
            raise refused('`%s` is not supported yet (substring checks are coming soon)' % function)
        if function == 'matches':
            raise refused('regular expressions are not supported')
        if function not in (METHODS if name == 'member_dot_arg' else FUNCTIONS):
            raise refused('the function `%s` is not supported' % function)
    for child in children:
        check_subset(child, fields)


def _check_path(path, fields):
    if path is None:
        raise refused('field selection is only supported on obj')
    if path == ['time', 'now']:
        return
    dotted = '.'.join(path[1:])
    if path[0] != 'obj':
        raise refused('undeclared reference to `%s`' % path[0])
    if not dotted:
        raise refused('obj is only usable through its fields (obj.id, obj.description, ...)')
    if dotted not in fields:
        raise refused('unsupported field: obj.%s (must be %s)' % (dotted, ', '.join('obj.' + field for field in fields)))


# -- narrowing: the equalities an object must satisfy, read from the parse tree ------------------------------------

def _unwrap(node):
    while _name(node) in PASS_THROUGH and len(node.children) == 1 and hasattr(node.children[0], 'data'):
        node = node.children[0]
    return node


def _flatten(node, name):
    """The operands of a chain of || (conditionalor) or && (conditionaland)."""
    if _name(node) == name and len(_trees(node)) == 2:
        left, right = _trees(node)
        return _flatten(left, name) + [right]
    return [node]


def _string(node):
    """The value of a plain string literal (no escapes, not raw or triple-quoted), else None."""
    node = _unwrap(node)
    if _name(node) != 'literal' or node.children[0].type != 'STRING_LIT':
        return None
    text = str(node.children[0])
    if len(text) < 2 or text[0] not in '"\'' or text[-1] != text[0] or '\\' in text or text[:3] in ('"""', "'''"):
        return None
    return text[1:-1]


def _constraint(relation, stored):
    """(field, allowed values) when the relation is obj.F == "x", "x" == obj.F or obj.F in ["x", ...]."""
    trees = _trees(relation)
    if _name(relation) != 'relation' or len(trees) != 2:
        return None
    operator, right = trees
    left = _trees(operator)[0] if _trees(operator) else None
    if left is None:
        return None
    if _name(operator) == 'relation_eq':
        for field_side, value_side in ((left, right), (right, left)):
            path = field_path(_unwrap(field_side))
            value = _string(value_side)
            if path and len(path) == 2 and path[0] == 'obj' and path[1] in stored and value is not None:
                return path[1], frozenset([value])
    if _name(operator) == 'relation_in':
        path = field_path(_unwrap(left))
        values = _unwrap(right)
        if path and len(path) == 2 and path[0] == 'obj' and path[1] in stored and _name(values) == 'list_lit':
            items = [_string(expr) for expr in (_trees(_trees(values)[0]) if _trees(values) else [])]
            if items and None not in items:
                return path[1], frozenset(items)
    return None


def narrowing(tree, stored):
    """A predicate on the stored object that every match satisfies, or None when the expression has no
    usable equality in one of its || branches."""
    branches = []
    for branch in _flatten(_unwrap(tree), 'conditionalor'):
        constraints = [_constraint(_unwrap(term), stored) for term in _flatten(_unwrap(branch), 'conditionaland')]
        constraints = [constraint for constraint in constraints if constraint]
        if not constraints:
            return None
        branches.append(constraints)

    def possible(item):
        return any(all(item.get(field, '') in values for field, values in branch) for branch in branches)
    return possible
