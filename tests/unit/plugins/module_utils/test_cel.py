# -*- coding: utf-8 -*-
# Copyright (c) 2026, community.ngrok contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""CEL literals: whatever a value holds, the literal evaluates back to it (checked with a CEL evaluator)."""

from __future__ import absolute_import, division, print_function
__metaclass__ = type

import celpy
import pytest

from ansible_collections.community.ngrok.plugins.module_utils.cel import cel_double, cel_list, cel_string

AWKWARD = ['/plain', '/with "quotes"', "/it's", 'back\\slash', '(?i)google\\d+', 'tab\there', 'new\nline',
           'bell\x07', 'del\x7f', 'ünïcødé/路径', '${not.interpolated}', '']


def evaluate(expression):
    env = celpy.Environment()
    return env.program(env.compile(expression)).evaluate({})


@pytest.mark.parametrize('text', AWKWARD)
def test_a_string_literal_evaluates_back_to_the_text(text):
    assert evaluate(cel_string(text)) == text


def test_a_list_literal_evaluates_back_to_the_texts():
    assert list(evaluate(cel_list(AWKWARD))) == AWKWARD
    assert cel_list([]) == '[]'


def test_doubles_are_written_as_doubles_so_cel_compares_them_with_doubles():
    assert cel_double(30) == '30.0'
    assert evaluate('0.5 * %s < %s' % (cel_double(4), cel_double(3))) is not None
    assert bool(evaluate('0.5 * %s < %s' % (cel_double(4), cel_double(3))))


def test_strings_are_quoted_for_cel():
    assert cel_string('plain') == '"plain"'
    assert cel_string('say "hi"') == r'"say \"hi\""'
    assert cel_string('back\\slash') == r'"back\\slash"'
    assert cel_string('two\nlines\r\t\x00\x7f\x85') == r'"two\u000alines\u000d\u0009\u0000\u007f\u0085"'
    assert cel_string('caf\u00e9 \u2603 \U0001F600 \u2028') == '"caf\u00e9 \u2603 \U0001F600 \u2028"'


def test_a_lone_surrogate_cannot_be_quoted():
    with pytest.raises(ValueError):
        cel_string('broken \udc80')
