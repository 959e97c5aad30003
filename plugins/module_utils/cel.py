# -*- coding: utf-8 -*-
# Copyright (c) 2026, community.ngrok contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""CEL literals: a value taken from a user or an API object goes into a CEL expression only through these, so
no quote or backslash in it can change the expression's meaning. Two users: the ``filter`` query of list
endpoints (server_filter.py) and the expressions of traffic policies (the edge migration).
"""

from __future__ import absolute_import, division, print_function
__metaclass__ = type

# Control characters are escaped (a raw newline ends a CEL string literal), C1 ones too; quotes and
# backslashes get a backslash; everything else is written as is (CEL strings are Unicode).
_CONTROL = frozenset(range(0x20)) | frozenset(range(0x7f, 0xa0))


def cel_string(text):
    """``text`` as a double-quoted CEL string literal. ValueError for a text no literal can hold (a lone
    UTF-16 surrogate, which a JSON module argument can carry but UTF-8 cannot)."""
    quoted = ['"']
    for char in text:
        code = ord(char)
        if 0xd800 <= code <= 0xdfff:
            raise ValueError('a lone surrogate cannot be written in CEL')
        if char in '\\"':
            quoted.append('\\' + char)
        elif code in _CONTROL:
            quoted.append('\\u%04x' % code)
        else:
            quoted.append(char)
    quoted.append('"')
    return ''.join(quoted)


def cel_list(texts):
    """A CEL list literal of strings."""
    return '[%s]' % ', '.join(cel_string(text) for text in texts)


def cel_double(number):
    """A CEL double literal. CEL never mixes int and double in arithmetic or comparisons, so a double
    expression is compared with ``30.0``, never ``30``."""
    return repr(float(number))
