# -*- coding: utf-8 -*-
# Copyright (c) 2026, community.ngrok contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""The ``filter`` query of ngrok's list endpoints: a CEL expression over ``obj`` that makes the API return only
the objects a lookup wants, so finding one object costs one request whatever the number of objects.

Only equalities are used (``obj.domain == "a.example.com"``, ``obj.metadata in ["...", "..."]``, joined by
``&&``): ngrok documents them, and nothing here relies on substring or regex functions. Matches are still
compared field by field afterwards (TaskContext.find), so a filter only has to keep every object that can
match, never to be exact.
"""

from __future__ import absolute_import, division, print_function
__metaclass__ = type

from ansible_collections.community.ngrok.plugins.module_utils.cel import cel_string


def equality(api_name, texts):
    """``obj.<api_name> == "…"``, or ``obj.<api_name> in ["…", …]`` for several texts."""
    if len(texts) == 1:
        return 'obj.%s == %s' % (api_name, cel_string(texts[0]))
    return 'obj.%s in [%s]' % (api_name, ', '.join(cel_string(text) for text in texts))


def filter_for(resource, keys):
    """(expression, exact) of the filter that finds the objects of ``resource`` whose fields equal ``keys``
    ((field, canonical value) pairs), or (None, False) when the list takes no filter on them.

    exact: every object that matches ``keys`` passes the filter, so an empty answer means there is none.
    A field that the API stores in one form only (a description, a domain) gives an exact equality;
    JSON metadata does not (the same data can be written in many layouts, and ``filter`` compares text):
    when an exact equality is available the JSON field is left to the comparison after the answer,
    else the filter tries the usual layouts and is not exact.

    The resource's scope (``obj.type == "cloud"``) comes first in every filter, also one without keys (a
    listing of every object of the type); it never counts as the exact equality that narrows a lookup."""
    scope = [equality(field.api_name, [value]) for field, value in resource.scope]
    clauses = []
    for field, value in keys:
        if field.filter_name not in resource.filterable:
            continue
        texts, exact = field.filter_values(value)
        try:
            clauses.append((equality(field.filter_name, texts), exact))
        except ValueError:
            continue
    if not clauses:
        return (' && '.join(scope), True) if scope and not keys else (None, False)
    exact = [text for text, is_exact in clauses if is_exact]
    if exact:
        return ' && '.join(scope + exact), True
    return ' && '.join(scope + [text for text, dummy in clauses]), False


def refused(error):
    """Whether an error answer to a filtered list means the API does not take that filter (an unknown query
    parameter, ERR_NGROK_231, or an expression it cannot evaluate, ERR_NGROK_250, or any other 400): the
    lookup then reads the whole list instead. Auth errors, rate limits and outages are not refusals."""
    return error.status_code == 400
