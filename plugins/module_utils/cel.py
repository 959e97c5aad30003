# -*- coding: utf-8 -*-
# Copyright (c) 2026, community.ngrok contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""CEL literals for the expressions of a traffic policy: a value taken from an API object (a route's path, a
user agent regular expression, an email domain) goes into an expression only through these, so no quote or
backslash in it can change the expression's meaning.
"""

from __future__ import absolute_import, division, print_function
__metaclass__ = type

# CEL string escapes (the CEL language definition, "String and Bytes Literals"): the two that a double-quoted
# literal needs, and the usual names of control characters; any other control character becomes \\uXXXX.
_ESCAPES = {'\\': '\\\\', '"': '\\"', '\n': '\\n', '\r': '\\r', '\t': '\\t'}


def cel_string(text):
    """``text`` as a double-quoted CEL string literal."""
    out = []
    for char in text:
        if char in _ESCAPES:
            out.append(_ESCAPES[char])
        elif ord(char) < 0x20 or ord(char) == 0x7f:
            out.append('\\u%04x' % ord(char))
        else:
            out.append(char)
    return '"%s"' % ''.join(out)


def cel_list(texts):
    """A CEL list literal of strings."""
    return '[%s]' % ', '.join(cel_string(text) for text in texts)


def cel_double(number):
    """A CEL double literal. CEL never mixes int and double in arithmetic or comparisons, so a double
    expression is compared with ``30.0``, never ``30``."""
    return repr(float(number))
