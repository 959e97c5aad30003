# -*- coding: utf-8 -*-
# Copyright (c) 2026, community.ngrok contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""The two ways a task fails: an error of the API (NgrokAPIError) or a failure explained to the user (ModuleFailure).

module.run_and_exit turns either into the task's ``msg`` plus structured keys (``api_error``, ``invalid``...).
"""

from __future__ import absolute_import, division, print_function
__metaclass__ = type

# What output shows in place of a secret (and of the API key, wherever an answer quotes it back).
MASK = '********'
# ngrok auth error codes (missing, malformed, invalid credential, API key id instead of key, ...).
# Their messages can quote the credential back, so they are never shown.
AUTH_ERROR_CODES = frozenset('ERR_NGROK_%d' % code for code in (200, 201, 202, 203, 206, 207, 208))
REJECTED_KEY = 'ngrok rejected the API key; check the api_key option or NGROK_API_KEY'
# What api_error.msg says in place of the message of an auth error.
REJECTED_KEY_HIDDEN = ('ngrok rejected the API key (its own message is not shown: it can quote the key); '
                       'check the api_key option or NGROK_API_KEY')


class ModuleFailure(Exception):
    """A failure explained to the user: ``msg`` plus extra result keys."""

    def __init__(self, msg, **extra):
        super(ModuleFailure, self).__init__(msg)
        self.msg = msg
        self.extra = extra


class NgrokAPIError(Exception):
    """A failed request: an HTTP error answer from ngrok, or no usable answer at all (status_code None).

    ``answer``            the error answer's JSON object (None when it was not JSON): only read to decide
                          ``not_found``, never shown (an auth error's answer can quote the credential)
    ``url``               the URL the request went to (base URL included, query left out)
    ``ambiguous``         the request may have been processed although no answer says so (connection
                          lost after it was sent, gateway 502/503/504)
    ``late``              no answer within the timeout: the server may still be working on it
    ``after_lost_answer`` an earlier attempt of the same request was ambiguous, so this answer may
                          describe what that attempt did (a retried DELETE answered 404: it deleted it)
    """

    def __init__(self, method, path, status_code=None, error_code=None, msg=None, operation_id=None,
                 ambiguous=False, retry_after=None, late=False, answer=None, url=None):
        self.method = method
        self.path = path
        self.url = url or path
        self.answer = answer if isinstance(answer, dict) else None
        self.status_code = status_code
        self.error_code = error_code
        self.msg = msg or ''
        self.operation_id = operation_id
        self.ambiguous = ambiguous
        self.retry_after = retry_after
        self.late = late
        self.after_lost_answer = False  # set by the client, which knows the earlier attempts
        super(NgrokAPIError, self).__init__(self.describe())

    @property
    def is_auth_error(self):
        return self.status_code == 401 or self.error_code in AUTH_ERROR_CODES

    @property
    def not_found(self):
        """The API says the object does not exist. Every "absent means None" decision reads this
        (through NgrokClient.get_if_exists and delete_if_exists), so what counts as ngrok's
        "resource not found" - rather than a 404 for a wrong URL - is decided here alone.

        That is a 404 whose answer is ngrok's error object (its own ``status_code`` 404, as the Go SDK's
        IsNotFound reads it) and not the one ngrok gives for a path it does not have, whose ``details``
        hold that ``path`` instead of an operation id. A 404 in HTML or any other JSON did not come from
        the API: a wrong api_url must never read as "absent"."""
        if self.status_code != 404 or self.answer is None or self.answer.get('status_code') != 404:
            return False
        details = self.answer.get('details')
        return not (isinstance(details, dict) and 'path' in details)

    @property
    def wrong_address(self):
        """A 404 that says nothing about the object: the request did not reach the API's object."""
        return self.status_code == 404 and not self.not_found

    def describe(self):
        where = '%s %s' % (self.method, self.url if self.wrong_address else self.path)
        if self.status_code is None:
            return '%s failed: %s' % (where, self.msg)
        text = 'HTTP %s' % self.status_code
        if self.error_code:
            text += ' %s' % self.error_code
        if self.is_auth_error:
            text += ': ' + REJECTED_KEY
        elif self.msg:
            text += ': %s' % self.msg
        if self.operation_id:
            text += ' (operation id %s)' % self.operation_id
        if self.wrong_address:
            text += ' (not an object of the ngrok API: check api_url)'
        return '%s failed: %s' % (where, text)

    def to_dict(self):
        return {
            'method': self.method,
            'path': self.path,
            'url': self.url,
            'status_code': self.status_code,
            'error_code': self.error_code,
            'msg': REJECTED_KEY_HIDDEN if self.is_auth_error else self.msg,
            'operation_id': self.operation_id,
        }
