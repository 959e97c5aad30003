#!/usr/bin/env bash
# Copyright (c) 2026, community.ngrok contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later
# Run the emulator's own test suite (tests/emulator/tests) with pytest in .venvs/tools.
#
# usage: tools/emulator-tests.sh [pytest arguments]
# The OpenAPI conformance tests (test_conformance.py) read ngrok's OpenAPI description named by
# NGROK_OPENAPI_SPEC, set here to ../shared/api/ngrok-openapi.yaml where that exists. Without it they are
# left out with a WARNING line (REQUIRE_OPENAPI_SPEC=1 fails instead); the other tests need nothing beside
# the checkout.
set -euo pipefail
# shellcheck source=tools/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

[[ -d $REPO_ROOT/tests/emulator/tests ]] || die "tests/emulator/tests does not exist: no emulator tests to run"
[[ -f $REPO_ROOT/tests/emulator/requirements-test.txt ]] \
    || warn "tests/emulator/requirements-test.txt is missing: installing only pytest and requests"
venv=$(ensure_tools_venv)
if [[ -n $SHARED_DIR ]]; then
    export NGROK_SHARED_DIR=$SHARED_DIR
    if [[ -f $SHARED_DIR/api/ngrok-openapi.yaml ]]; then
        export NGROK_OPENAPI_SPEC=${NGROK_OPENAPI_SPEC:-$SHARED_DIR/api/ngrok-openapi.yaml}
    fi
fi
skip=()
if [[ -z ${NGROK_OPENAPI_SPEC:-} || ! -f ${NGROK_OPENAPI_SPEC:-} ]]; then
    message="no OpenAPI description of the ngrok API (../shared/api/ngrok-openapi.yaml, or set NGROK_OPENAPI_SPEC / NGROK_SHARED_DIR)"
    [[ -z ${REQUIRE_OPENAPI_SPEC:-} ]] || die "$message; REQUIRE_OPENAPI_SPEC is set"
    warn "$message: SKIPPING the emulator's OpenAPI conformance tests (tests/emulator/tests/test_conformance.py)"
    skip=(--ignore=tests/emulator/tests/test_conformance.py)
fi

log "pytest tests/emulator/tests (Python $("$venv/bin/python" -c 'import sys; print(sys.version.split()[0])'))"
cd "$REPO_ROOT"
exec "$venv/bin/python" -m pytest -p no:cacheprovider "${skip[@]}" tests/emulator/tests "$@"
