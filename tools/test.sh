#!/usr/bin/env bash
# Copyright (c) 2026, community.ngrok contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later
# Everything CI runs (`make test`):
#   - for every supported ansible-core whose Python is found: ansible-test sanity, units and integration
#     (the first core's integration at -vvvv, searched for the API key and every secret of the targets);
#   - the emulator's own tests; the reliability runs (tools/reliability.sh); shellcheck of the toolchain and
#     its own test (tools/tests/contributor-machine.sh: no ../shared, no pyenv); the live subset of the
#     integration targets (make integration-live) on two targets, against an emulator without its control
#     endpoints;
#   - the release checks, one after the other in one job: changelog, collection docs, antsibull-nox's
#     checks (REUSE licensing, action groups, unwanted files, docs code blocks, ansible-lint), docsite
#     build, execution environment, Galaxy build + licence + importer + install, release notes.
# An ansible-playbook run keeps about one CPU busy, so the jobs run TEST_JOBS at a time (default 2), each
# core's sanity, units and integration in order in one job. No new job starts after a failure; the output
# of every job is in .cache/test-logs/, and the end prints each job's and each step's time.
#
# environment: REQUIRE_ALL_CORES=1 fails instead of skipping a core whose Python is missing;
#              TEST_JOBS=N runs N jobs at a time (1: one after the other).
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
jobs_at_once=${TEST_JOBS:-2}
[[ $jobs_at_once =~ ^[1-9][0-9]*$ ]] || die "TEST_JOBS must be a positive integer, not '$jobs_at_once'"
logs=$CACHE_DIR/test-logs
rm -rf "$logs"
mkdir -p "$logs"
ensure_shellcheck  # before the jobs: two sanity runs must not both run apt-get

summary=()

# --- the jobs -------------------------------------------------------------------------------------
# core_job CORE SCAN: sanity, units, integration of one ansible-core, stopping at the first failure.
core_job() {
    local core=$1 scan=$2 command start
    for command in sanity units integration; do
        start=$SECONDS
        log "=== $command-$core ==="
        env CORE="$core" TARGET= ANSIBLE_TEST_ARGS= SECRET_SCAN="$scan" "$REPO_ROOT/tools/ansible-test.sh" "$command" \
            || die "$command-$core failed"
        log "=== $command-$core passed in $((SECONDS - start))s ==="
    done
}

lint_tools() {  # The toolchain's scripts are build_ignored, so sanity's shellcheck never sees them.
    if ! command -v shellcheck >/dev/null 2>&1; then
        warn "shellcheck is not installed: tools/*.sh and .ci/run not checked"
        return 0
    fi
    shellcheck -x "$REPO_ROOT"/tools/*.sh "$REPO_ROOT"/tools/tests/*.sh "$REPO_ROOT/.ci/run"
}

# make integration-live as against the real API, against an emulator started with --no-control: two targets
# that use between them every part of setup_ngrok a live run uses (the matrix, the failure cases, the cleanup
# of backends that use each other, a playbook target). tests/unit/test_integration_targets.py reads all the
# targets for uses of the control endpoints; the tool fails if the emulator holds anything afterwards.
live_subset() {
    env CORE="$first" TARGET="ngrok_weighted_backend ngrok_secrets" ANSIBLE_TEST_ARGS= SECRET_SCAN= NGROK_LIVE_DOMAIN= \
        LIVE_EMULATOR=1 "$REPO_ROOT/tools/ansible-test.sh" integration-live
}

small_checks() {
    step emulator-tests "$REPO_ROOT/tools/emulator-tests.sh"
    step lint-tools lint_tools
    step tooling-tests "$REPO_ROOT/tools/tests/contributor-machine.sh"
    step live-subset live_subset
}

# --- a pool of background jobs --------------------------------------------------------------------
declare -A job_name=() job_start=()
failed=()

finish_one() {
    local pid status=0 name
    wait -n -p pid || status=$?
    name=${job_name[$pid]}
    unset "job_name[$pid]"
    if [[ $status == 0 ]]; then
        summary+=("$name:$((SECONDS - ${job_start[$name]}))s")
        log "=== job $name passed in $((SECONDS - ${job_start[$name]}))s ($logs/$name.log) ==="
    else
        failed+=("$name")
        log "=== job $name FAILED (exit $status); the end of $logs/$name.log: ==="
        tail -n 80 "$logs/$name.log" >&2
    fi
}

start_job() {  # start_job NAME COMMAND...: run it in the background once a slot is free
    local name=$1
    shift
    while [[ ${#job_name[@]} -ge $jobs_at_once ]]; do finish_one; done
    [[ ${#failed[@]} == 0 ]] || return 0
    log "=== job $name started ==="
    job_start[$name]=$SECONDS
    "$@" >"$logs/$name.log" 2>&1 &
    job_name[$!]=$name
}

# The release checks, one after the other (a failure stops them).
step() {
    local name=$1 start=$SECONDS
    shift
    log "=== $name ==="
    "$@" || die "$name failed"
    log "=== $name passed in $((SECONDS - start))s ==="
}
release_checks() {
    step changelog-lint "$REPO_ROOT/tools/release-checks.sh" changelog-lint
    step docs-lint "$REPO_ROOT/tools/release-checks.sh" docs-lint
    # REUSE, action groups, unwanted files, trailing whitespace, code blocks of the guides, ansible-lint.
    step nox-checks "$REPO_ROOT/tools/release-checks.sh" nox
    step docs "$REPO_ROOT/tools/docs.sh"
    step ee "$REPO_ROOT/tools/release-checks.sh" ee
    step galaxy "$REPO_ROOT/tools/release-checks.sh" galaxy
    step release-notes "$REPO_ROOT/tools/release-checks.sh" release-notes
}

# Longest first, the short ones last, so that both slots stay busy to the end. The release checks no longer
# wait for the tests: they use their own copies, emulators and virtualenvs.
first=$(echo "$cores" | head -n 1)
start_job "core-$first" core_job "$first" 1
# Rate limit, concurrency, a create race, check mode and -vvvv --diff secrets of every example. Early: it
# spends minutes waiting out the rate limit.
start_job reliability env RELIABILITY_CORE="$first" "$REPO_ROOT/tools/reliability.sh"
for core in $cores; do
    [[ $core == "$first" ]] || start_job "core-$core" core_job "$core" ""
done
start_job release-checks release_checks
start_job emulator-tests-lint-tooling-tests-and-live-subset small_checks
while [[ ${#job_name[@]} -gt 0 ]]; do finish_one; done

# Every step's time, from the jobs' logs.
steps=$(sed -n 's/^==> === \(.*\) passed in \([0-9]*s\) ===$/\1:\2/p' "$logs"/*.log | paste -sd' ' -)
[[ ${#failed[@]} == 0 ]] || die "failed: ${failed[*]} (passed: ${summary[*]:-none}; steps: ${steps:-none})"
log "all passed in ${SECONDS}s: ${summary[*]}"
log "steps: $steps"
[[ -z $skipped ]] || warn "ansible-core $(echo "$skipped" | paste -sd' ' -) SKIPPED: no Python interpreter for it was found"
