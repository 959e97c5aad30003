# -*- coding: utf-8 -*-
# Copyright (c) 2026, community.ngrok contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""Request body checks driven by field tables: unknown fields (214) and wrong types (215).

A table maps a field name to a type: 'str', 'int', 'number', 'bool', 'str_map', 'int_map',
'str_list', or a nested table (dict) for an object. JSON null counts as "not sent".
"""

from .errors import invalid


def _type_ok(kind, value):
    if kind == 'str':
        return isinstance(value, str)
    if kind == 'bool':
        return isinstance(value, bool)
    if kind == 'int':
        return isinstance(value, int) and not isinstance(value, bool)
    if kind == 'number':
        return isinstance(value, (int, float)) and not isinstance(value, bool)
    if kind == 'str_map':
        return isinstance(value, dict) and all(isinstance(v, str) for v in value.values())
    if kind == 'int_map':
        return isinstance(value, dict) and all(isinstance(v, int) and not isinstance(v, bool) for v in value.values())
    if kind == 'str_list':
        return isinstance(value, list) and all(isinstance(v, str) for v in value)
    raise ValueError(kind)


def check(table, body, path=''):
    """Return body without null members, or raise 214/215."""
    if not isinstance(body, dict):
        raise invalid(215, 'The value provided for the request parameter `%s` is invalid: expected an object.' % (path or 'body'))
    result = {}
    for name, value in body.items():
        where = path + name
        if name not in table:
            raise invalid(214, 'The request parameter `%s` is unknown and not expected. The supported fields are: %s.'
                          % (where, ', '.join('`%s`' % key for key in sorted(table))))
        if value is None:
            continue
        kind = table[name]
        if isinstance(kind, dict):
            result[name] = check(kind, value, where + '.')
        elif not _type_ok(kind, value):
            raise invalid(215, 'The value provided for the request parameter `%s` is invalid.' % where)
        else:
            result[name] = value
    return result


def byte_length(text):
    return len(text.encode('utf-8'))


DESCRIPTION_MAX, METADATA_MAX = 255, 4096


def description_and_metadata(body, codes):
    """Shared limits, counted in characters (Unicode code points) as the texts of 6503/6504 and 7073/7074 say;
    the OpenAPI field descriptions say bytes (README: evidence)."""
    for name, limit, code in (('description', DESCRIPTION_MAX, codes[0]), ('metadata', METADATA_MAX, codes[1])):
        length = len(body.get(name, ''))
        if length > limit:
            raise invalid(code, '%s is limited to %d characters; you have entered %d characters.' % (name.capitalize(), limit, length))
