# -*- coding: utf-8 -*-
# Copyright (c) 2026, community.ngrok contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""KSUID-style ids: <prefix>_<27 base62 chars>, a 4-byte timestamp (KSUID epoch) + 16 payload bytes.

The payload grows monotonically within one second, so ids sort exactly in creation order and
"newest first" is exact even for objects created in the same second.
"""

import os
import threading
import time

KSUID_EPOCH = 1400000000
BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz'
ENCODED_LENGTH = 27
_state = {'second': None, 'payload': 0}
_lock = threading.Lock()


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
    with _lock:
        second = int(time.time())
        if second == _state['second']:
            _state['payload'] += 1
        else:
            _state['second'] = second
            # Leave room below the top so the monotonic increments never overflow 16 bytes.
            _state['payload'] = int.from_bytes(os.urandom(15), 'big')
        number = ((second - KSUID_EPOCH) << 128) | _state['payload']
    return '%s_%s' % (prefix, _base62(number)), second


def operation_id():
    return new_id('op')[0]


def rfc3339(seconds):
    return time.strftime('%Y-%m-%dT%H:%M:%SZ', time.gmtime(seconds))


def looks_like(object_id, prefix):
    body = object_id[len(prefix) + 1:]
    return object_id.startswith(prefix + '_') and len(body) == ENCODED_LENGTH and all(c in BASE62 for c in body)
