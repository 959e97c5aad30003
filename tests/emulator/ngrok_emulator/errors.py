# -*- coding: utf-8 -*-
# Copyright (c) 2026, community.ngrok contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""ngrok error bodies: {error_code, status_code, msg, details: {operation_id}}."""

from .ids import operation_id


class ApiError(Exception):
    """An error answer. error_code None gives the code-less body real 404s have."""

    def __init__(self, status, error_code, msg, details=None):
        super().__init__(msg)
        self.status = status
        self.error_code = error_code
        self.msg = msg
        self.details = details

    def body(self):
        body = {'status_code': self.status, 'msg': self.msg,
                'details': self.details if self.details is not None else {'operation_id': operation_id()}}
        if self.error_code:
            body['error_code'] = 'ERR_NGROK_%d' % self.error_code
        return body


def invalid(code, msg):
    """A validation error (the API documents no status for these; 400 is what clients see)."""
    return ApiError(400, code, msg)


def not_found():
    """The recorded form of a missing object: HTTP 404, no error_code."""
    return ApiError(404, None, 'Resource not found')
