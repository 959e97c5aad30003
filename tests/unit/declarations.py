# -*- coding: utf-8 -*-
# Copyright (c) 2026, community.ngrok contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""What the collection declares, for tests that must cover every type: each Resource in module_utils."""

from __future__ import absolute_import, division, print_function
__metaclass__ = type

import importlib
import pkgutil

from ansible_collections.community.ngrok.plugins import module_utils
from ansible_collections.community.ngrok.plugins.module_utils.resource import Resource


def declared_resources():
    """Every Resource declared anywhere in module_utils."""
    found = []
    for info in pkgutil.iter_modules(module_utils.__path__):
        namespace = vars(importlib.import_module(module_utils.__name__ + '.' + info.name))
        found.extend(value for value in namespace.values() if isinstance(value, Resource) and value not in found)
    return found
