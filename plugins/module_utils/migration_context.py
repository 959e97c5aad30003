# -*- coding: utf-8 -*-
# Copyright (c) 2026, community.ngrok contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""What one translation of an edge collects as it goes: what cannot be carried over (``unsupported``), what
the user should know (``notes``), the secrets it moves to a vault, the internal endpoint URL of each tunnel
group, and the names of the variables it sets."""

from __future__ import absolute_import, division, print_function
__metaclass__ = type

import re

from ansible_collections.community.ngrok.plugins.module_utils.traffic_policy import vault_reference

# A DNS label: what a URL derived from tunnel group labels must be made of.
DNS_LABEL_MAX = 63
_NOT_IN_DNS_LABEL = re.compile(r'[^a-z0-9-]+')


def derived_internal_url(labels):
    """The internal endpoint URL a tunnel group's labels map to when the user maps nothing: ngrok's
    edges-to-endpoints guide turns ``service=app`` into ``service-app.internal``; several labels are joined
    the same way in key order (``env=prod,service=app`` -> ``env-prod-service-app.internal``), lower case,
    anything but letters, digits and dashes made a dash. None when that makes no valid DNS label."""
    words = '-'.join('%s-%s' % (key, labels[key]) for key in sorted(labels))
    name = _NOT_IN_DNS_LABEL.sub('-', words.lower()).strip('-')
    name = re.sub('-{2,}', '-', name)
    if not name or len(name) > DNS_LABEL_MAX:
        return None
    return 'https://%s.internal' % name


class MigrationContext:
    """options  the plan's options, checked (see migration.check_options)"""

    def __init__(self, options):
        self.options = options
        self.unsupported = []
        self.notes = []
        self.vault_secrets = []
        self._variables = 0
        self._internal_urls = {}  # URL -> labels it was derived from, to catch two label sets on one URL

    # -- findings ------------------------------------------------------------------------------------
    def lost(self, route, what, why):
        """Something of ``route`` (None: the edge itself) that the policy does not carry as it was."""
        self.unsupported.append({
            'route': route.get('id') if route else None,
            'match': route.get('match') if route else None,
            'what': what,
            'why': why,
        })

    def note(self, text):
        if text not in self.notes:
            self.notes.append(text)

    # -- secrets -------------------------------------------------------------------------------------
    def secret(self, route, what, value):
        """The text a secret takes in the policy: the value itself, or with the ``vault`` option a
        ``secrets.get`` reference to a secret named after the route, listed in ``vault_secrets`` for the
        user (or a later task) to store."""
        vault = self.options.get('vault')
        if not vault or value in (None, ''):
            return value
        name = '%s-%s' % (route.get('id') or 'route', what)
        self.vault_secrets.append({'vault': vault, 'name': name, 'value': value, 'route': route.get('id'),
                                   'match': route.get('match')})
        return vault_reference(vault, name)

    # -- names the policy needs ------------------------------------------------------------------------
    def variable(self, prefix):
        """A variable name no other part of the policy uses."""
        self._variables += 1
        return '%s_%d' % (prefix, self._variables)

    def internal_url(self, route, backend_id, labels):
        """The internal endpoint URL that replaces a tunnel group: the user's mapping for exactly these
        labels, else the derived one. None (with the reason in ``unsupported``) when there is none."""
        key = tuple(sorted((labels or {}).items()))
        mapped = self.options.get('internal_urls', {}).get(key)
        if mapped:
            return mapped
        described = ', '.join('%s=%s' % item for item in key) or 'no labels'
        url = derived_internal_url(labels) if labels else None
        if url is None:
            self.lost(route, 'backend %s' % backend_id,
                      'its labels (%s) make no internal endpoint name; map them to a URL in internal_urls' % described)
            return None
        earlier = self._internal_urls.setdefault(url, key)
        if earlier != key:
            self.lost(route, 'backend %s' % backend_id,
                      'its labels (%s) and other labels (%s) both make %s; map one of them in internal_urls'
                      % (described, ', '.join('%s=%s' % item for item in earlier), url))
            return None
        self.note('tunnel group labels %s -> %s (derived: map them in internal_urls to choose another URL); '
                  'the agents of that group start an internal endpoint there, e.g. ngrok http 80 --url %s'
                  % (described, url, url))
        return url
