#!/usr/bin/env bash
# Run the emulator's own test suite (tests/emulator/tests) with pytest in .venvs/tools.
#
# usage: tools/emulator-tests.sh [pytest arguments]
# The OpenAPI conformance tests read the spec named by NGROK_OPENAPI_SPEC (set here to ../shared's copy).
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
[[ -n ${NGROK_OPENAPI_SPEC:-} ]] || warn "../shared/api/ngrok-openapi.yaml not found (set NGROK_SHARED_DIR or NGROK_OPENAPI_SPEC)"

log "pytest tests/emulator/tests (Python $("$venv/bin/python" -c 'import sys; print(sys.version.split()[0])'))"
cd "$REPO_ROOT"
exec "$venv/bin/python" -m pytest -p no:cacheprovider tests/emulator/tests "$@"
