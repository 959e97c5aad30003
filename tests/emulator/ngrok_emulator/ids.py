# -*- coding: utf-8 -*-
# Copyright (c) 2026, community.ngrok contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""KSUID-style ids: <prefix>_<27 base62 chars>, a 4-byte timestamp (KSUID epoch) + 16 random payload bytes.

As with real KSUIDs, ids of the same second come in no particular order; lists do not sort them byte-wise
either (store.list_order), so nothing can rely on "newest first".
"""

import os
import time

KSUID_EPOCH = 1400000000
BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz'
ENCODED_LENGTH = 27


def _base62(number):
    digits = []
    while number:
        number, digit = divmod(number, 62)
        digits.append(BASE62[digit])
    return ''.join(reversed(digits)).rjust(ENCODED_LENGTH, '0')


def decode_timestamp(object_id):
    """Unix time encoded in an id (used by tests)."""
    number = 0
    for char in object_id.split('_', 1)[1]:
        number = number * 62 + BASE62.index(char)
    return (number >> 128) + KSUID_EPOCH


def new_id(prefix):
    """(id, unix seconds) of a new object."""
    second = int(time.time())
    number = ((second - KSUID_EPOCH) << 128) | int.from_bytes(os.urandom(16), 'big')
    return '%s_%s' % (prefix, _base62(number)), second


def operation_id():
    return new_id('op')[0]


def rfc3339(seconds):
    return time.strftime('%Y-%m-%dT%H:%M:%SZ', time.gmtime(seconds))


def looks_like(object_id, prefix):
    body = object_id[len(prefix) + 1:]
    return object_id.startswith(prefix + '_') and len(body) == ENCODED_LENGTH and all(c in BASE62 for c in body)
