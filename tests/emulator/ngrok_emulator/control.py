# -*- coding: utf-8 -*-
# Copyright (c) 2026, community.ngrok contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""What the control endpoints drive: the request log, queued faults and the rate limit."""

import fnmatch
import time
from collections import deque


class RequestLog:
    def __init__(self):
        self.entries = []

    def add(self, method, path, query, status, connection):
        self.entries.append({'method': method, 'path': path, 'query': query, 'status': status, 'connection': connection})


class Fault:
    FIELDS = ('method', 'path', 'status', 'times', 'retry_after', 'delay', 'drop', 'phase')

    def __init__(self, spec):
        unknown = set(spec) - set(self.FIELDS)
        if unknown:
            raise ValueError('unknown fault fields: %s' % ', '.join(sorted(unknown)))
        self.method = (spec.get('method') or '*').upper()
        self.path = spec.get('path') or '*'
        self.status = spec.get('status')
        self.times = int(spec.get('times', 1))
        self.retry_after = spec.get('retry_after')
        self.delay = float(spec.get('delay') or 0)
        self.drop = bool(spec.get('drop'))
        self.phase = spec.get('phase') or 'before'
        if self.phase not in ('before', 'after'):
            raise ValueError('phase must be before or after')
        if self.phase == 'after' and not (self.status or self.drop):
            raise ValueError('a fault in phase after needs status or drop')

    def matches(self, method, path):
        if self.method not in ('*', method):
            return False
        return fnmatch.fnmatchcase(path, self.path) if '*' in self.path else path == self.path

    @property
    def breaks(self):
        """True when the fault replaces the answer (not just a delay)."""
        return bool(self.status or self.drop)


class Faults:
    def __init__(self):
        self.queue = []

    def take(self, method, path):
        """The first queued fault for this request, consumed once."""
        for fault in self.queue:
            if fault.times > 0 and fault.matches(method, path):
                fault.times -= 1
                if fault.times == 0:
                    self.queue.remove(fault)
                return fault
        return None


class RateLimit:
    """At most limit accepted API requests in any rolling 60 s window (None: no limit)."""

    WINDOW = 60.0

    def __init__(self, limit=None):
        self.limit = limit
        self.accepted = deque()

    def allow(self):
        if not self.limit:
            return True
        now = time.monotonic()
        while self.accepted and now - self.accepted[0] >= self.WINDOW:
            self.accepted.popleft()
        if len(self.accepted) >= self.limit:
            return False
        self.accepted.append(now)
        return True

    def reset(self):
        self.accepted.clear()
