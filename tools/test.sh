#!/usr/bin/env bash
# Everything CI runs (`make test`): for every supported ansible-core whose Python is found, in order
# ansible-test sanity, units and integration; then the emulator's own tests once. Stops at the first failure.
#
# environment: REQUIRE_ALL_CORES=1 fails instead of skipping a core whose Python is missing.
set -euo pipefail
# shellcheck source=tools/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

skipped=$(for core in $SUPPORTED_CORES; do find_python "$(core_python "$core")" >/dev/null || echo "$core"; done)
cores=$(available_cores)
[[ -n $cores ]] || die "no Python for any supported ansible-core ($SUPPORTED_CORES) was found"
if [[ -n $skipped && -n ${REQUIRE_ALL_CORES:-} ]]; then
    die "REQUIRE_ALL_CORES is set and ansible-core $(echo "$skipped" | paste -sd' ' -) cannot run here"
fi
log "testing ansible-core $(echo "$cores" | paste -sd' ' -)${skipped:+; SKIPPED (no Python): $(echo "$skipped" | paste -sd' ' -)}"

summary=()
step() {
    local name=$1 start=$SECONDS
    shift
    log "=== $name ==="
    "$@" || die "$name failed; stopping (earlier steps passed: ${summary[*]:-none})"
    summary+=("$name:$((SECONDS - start))s")
    log "=== $name passed in $((SECONDS - start))s ==="
}

for core in $cores; do
    for command in sanity units integration; do
        step "$command-$core" env CORE="$core" TARGET= ANSIBLE_TEST_ARGS= "$REPO_ROOT/tools/ansible-test.sh" "$command"
    done
done
step emulator-tests "$REPO_ROOT/tools/emulator-tests.sh"

log "all passed in ${SECONDS}s: ${summary[*]}"
[[ -z $skipped ]] || warn "ansible-core $(echo "$skipped" | paste -sd' ' -) SKIPPED: no Python interpreter for it was found"
