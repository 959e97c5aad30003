# -*- coding: utf-8 -*-
# Copyright (c) 2026, community.ngrok contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""Search ansible-playbook output for secrets.

The secret values are every string under a YAML key containing "secret" in the given playbooks and task
files (examples/, integration targets), plus values given with --value (the API key of the run). Traffic
policies hold secrets under other keys too (basic-auth ``credentials``, the password after ``user:``;
terminate-tls ``server_private_key``), and may be given as JSON or YAML text: a string that reads as a mapping
is searched like the YAML around it.

usage: python3 tools/secret_scan.py --yaml-dir examples --yaml-dir tests/integration/targets [--value KEY] LOG...
Prints one line of figures; exits 1 when a value appears in a log.
"""

import argparse
import os
import sys

import yaml

MIN_LENGTH = 8  # shorter values would match ordinary words
MASK = '********'  # what the modules show instead of a secret: tests expect it under secret keys
VAULT_REFERENCE = '${secrets.get('  # names an ngrok vault secret without holding it: output shows it
SECRET_KEYS = ('secret', 'private_key')  # a key containing one of these holds secrets
CREDENTIAL_KEYS = ('credentials',)  # user:password, the user name is no secret


def secret_values(node, inside_secret=False):
    if isinstance(node, dict):
        for key, value in node.items():
            key = str(key).lower()
            if key in CREDENTIAL_KEYS:
                yield from (item.split(':', 1)[1] for item in (value if isinstance(value, list) else [value])
                            if isinstance(item, str) and ':' in item and len(item.split(':', 1)[1]) >= MIN_LENGTH
                            and '{' not in item)
                continue
            yield from secret_values(value, inside_secret or any(word in key for word in SECRET_KEYS))
    elif isinstance(node, list):
        for item in node:
            yield from secret_values(item, inside_secret)
    elif inside_secret and isinstance(node, str) and len(node) >= MIN_LENGTH and '{{' not in node and not node.startswith((MASK, VAULT_REFERENCE)):
        yield node
    elif isinstance(node, str) and ('\n' in node.strip() or node.lstrip().startswith('{')):
        yield from secret_values(as_document(node))


def as_document(text):
    """A string holding JSON or YAML (a traffic policy given as text), as data; None when it is neither."""
    try:
        return yaml.safe_load(text)
    except yaml.YAMLError:
        return None


def yaml_files(directory):
    for root, dummy, files in os.walk(directory):
        for name in files:
            if name.endswith(('.yml', '.yaml')):
                yield os.path.join(root, name)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument('--yaml-dir', action='append', default=[])
    parser.add_argument('--value', action='append', default=[])
    parser.add_argument('logs', nargs='+')
    args = parser.parse_args()

    values = set(value for value in args.value if value)
    for directory in args.yaml_dir:
        for path in yaml_files(directory):
            with open(path) as handle:
                for document in yaml.safe_load_all(handle):
                    values.update(secret_values(document))
    leaks, lines = [], 0
    for log in args.logs:
        with open(log, errors='replace') as handle:
            text = handle.read()
        lines += text.count('\n')
        leaks.extend((log, value[:4] + '...') for value in sorted(values) if value in text)
    print('secret scan: %d secret values searched in %d lines of output: %d leak(s)%s'
          % (len(values), lines, len(leaks), ''.join('\n  LEAK in %s: %s' % leak for leak in leaks)))
    return 1 if leaks or not values else 0


if __name__ == '__main__':
    sys.exit(main())
