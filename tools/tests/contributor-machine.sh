#!/usr/bin/env bash
# Copyright (c) 2026, community.ngrok contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later
# The toolchain on a contributor's machine: a clone with no ../shared beside it, no pyenv, only some of the
# Pythons. Nothing there may stop the tools; what is missing is skipped with a clear line or fetched the
# usual way.
#
#   1. ansible-test.sh without the offline get-pip stand-in, twice: NGROK_SHARED_DIR naming an empty
#      directory, and a copy of the tree with nothing beside it. It must not stop for the stand-in; with
#      an empty ~/.ansible/test/cache, ansible-test must reach its own get-pip download. Where that host is
#      reachable the unit tests then run and pass; on this project's offline machines the download fails,
#      and the test checks that it was ansible-test's own download that failed, after our tooling let it
#      run (what cannot be proved offline: that the download itself succeeds).
#   2. emulator-tests.sh without ngrok's OpenAPI description: the conformance tests are left out with a
#      WARNING line, the others are collected.
#   3. Interpreter discovery: a pyenv with 3.11 only, and no pyenv at all: the cores whose Python is missing
#      are skipped with a line naming them.
#
# usage: tools/tests/contributor-machine.sh   (part of `make test`; `make tooling-tests` runs it alone)
set -euo pipefail
# shellcheck source=tools/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/../lib.sh"

tmp=$(mktemp -d "${TMPDIR:-/tmp}/ngrok-contributor.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
passed=0
failed=0
ok() {
    log "PASS: $*"
    passed=$((passed + 1))
}
not_ok() {
    printf 'FAIL: %s\n' "$*" >&2
    failed=$((failed + 1))
}

# A copy of the tree as a fresh clone has it (tracked and new files), with nothing beside it; it shares
# this tree's virtualenvs, so that nothing is installed twice.
clone=$tmp/clone/community.ngrok
mkdir -p "$clone"
tree_files | tar -C "$REPO_ROOT" --null -T - -cf - | tar -C "$clone" -xf -
git -C "$clone" init -q
mkdir -p "$VENVS_DIR"
ln -s "$VENVS_DIR" "$clone/.venvs"
[[ ! -e $tmp/clone/shared ]] || die "$tmp/clone/shared exists"

# The contributor's home: ansible-test's cache is empty (so get-pip would be downloaded), pip keeps this
# machine's configuration and cache.
real_home=$HOME
pip_cache=$(python3 -m pip cache dir 2>/dev/null || echo "$real_home/.cache/pip")
pyenv_root=$(pyenv_bin_dirs | sed -n 1p)
pyenv_root=${pyenv_root%/versions/*}
contributor() {
    env -u NGROK_SHARED_DIR -u NGROK_OPENAPI_SPEC -u REQUIRE_OPENAPI_SPEC -u CORE -u TARGET -u ANSIBLE_TEST_ARGS -u SECRET_SCAN \
        HOME="$tmp/home" XDG_CONFIG_HOME="$real_home/.config" PIP_CACHE_DIR="$pip_cache" "$@"
}
mkdir -p "$tmp/home" "$tmp/empty-shared"

# --- 1. ansible-test without the offline get-pip ------------------------------------------------------
core=$(available_cores 2>/dev/null | sed -n 1p)
[[ -n $core ]] || die "no Python for any supported ansible-core: nothing to run ansible-test with"
target=$(cd "$clone" && find tests/unit -name 'test_*.py' -size -8k | sort | sed -n 1p)
[[ -n $target ]] || target=tests/unit
check_get_pip() {  # check_get_pip LABEL ENV...: run one unit test file the way a contributor would
    local label=$1 out=$tmp/ansible-test-$1.log status=0 cache=$tmp/home/.ansible/test/cache
    shift
    rm -rf "$tmp/home/.ansible" "$clone/.cache/ansible-test"
    log "[$label] ansible-test units $target with ansible-core $core (no ../shared; empty ~/.ansible/test/cache)"
    contributor "$@" CORE="$core" TARGET="$target" "$clone/tools/ansible-test.sh" units >"$out" 2>&1 || status=$?
    if grep -q 'get_pip_offline.py not found' "$out"; then
        not_ok "[$label] ansible-test.sh stopped for the missing offline get-pip"
    elif ! grep -q 'no offline get-pip stand-in' "$out"; then
        not_ok "[$label] ansible-test.sh did not say that it runs without the offline get-pip"
    elif grep -qs 'Stand-in for the get-pip' "$cache"/get_pip_*.py; then
        not_ok "[$label] the offline stand-in was installed although there is none"
    elif [[ $status == 0 ]]; then
        grep -qE 'Downloading pip .* bootstrap script' "$out" \
            || not_ok "[$label] the units passed, but not after ansible-test's own get-pip download"
        ok "[$label] ansible-test downloaded get-pip itself and the unit tests passed"
    elif grep -qE 'Downloading pip .* bootstrap script' "$out" && grep -q 'Download failed' "$out"; then
        ok "[$label] the tooling ran ansible-test, which went for its own get-pip download ($(grep -oE 'https://[^ ]*get-pip[^ ]*' "$out" | sed -n 1p)); that host is unreachable here"
    else
        not_ok "[$label] ansible-test failed (exit $status) before reaching its get-pip download"
    fi
    if [[ $failed != 0 ]]; then
        tail -n 40 "$out" >&2
    fi
}
check_get_pip "empty-NGROK_SHARED_DIR" NGROK_SHARED_DIR="$tmp/empty-shared"
check_get_pip "nothing-beside-the-clone"

# --- 2. the emulator's tests without ngrok's OpenAPI description ------------------------------------
out=$tmp/emulator-tests.log
if contributor "$clone/tools/emulator-tests.sh" --collect-only -q >"$out" 2>&1 \
    && grep -q 'WARNING: .*SKIPPING the emulator.s OpenAPI conformance tests' "$out" \
    && ! grep -q 'test_conformance.py' <(grep -v WARNING "$out") \
    && grep -qE '^tests/emulator/tests/test_[a-z_]+\.py::' "$out"; then
    ok "emulator-tests.sh without the OpenAPI description: conformance tests left out with a WARNING, $(grep -cE '::' "$out") others collected"
else
    not_ok "emulator-tests.sh without the OpenAPI description"
    tail -n 20 "$out" >&2
fi

# --- 3. interpreter discovery ---------------------------------------------------------------------------
cores_with() {  # cores_with PYENV_ROOT PATH -> available_cores' output and its warnings, in a clean environment
    # shellcheck disable=SC2016  # $1 is expanded by the inner bash
    env -i HOME="$tmp/home" PATH="$2" ${1:+PYENV_ROOT="$1"} bash -c 'source "$1/tools/lib.sh"; available_cores 2>&1' _ "$clone"
}
python311=$(find_python 3.11 || true)
if [[ -n $pyenv_root && -d $pyenv_root/versions && -n $python311 ]]; then
    mkdir -p "$tmp/pyenv/versions"
    ln -s "$(dirname "$(dirname "$python311")")" "$tmp/pyenv/versions/3.11.99"
    out=$(cores_with "$tmp/pyenv" /usr/bin:/bin)
    if grep -qx '2.19' <<<"$out" && grep -q 'skipping ansible-core 2.20: no working python3.12' <<<"$out" \
        && grep -q 'skipping ansible-core 2.21: no working python3.13' <<<"$out"; then
        ok "a pyenv with Python 3.11 only: ansible-core 2.19 runs, 2.20 and 2.21 are skipped with a line each"
    else
        not_ok "a pyenv with Python 3.11 only: $out"
    fi
fi
mkdir -p "$tmp/bin"
for version in 3.11 3.12 3.13; do
    python=$(find_python "$version" || true)
    [[ -z $python ]] || ln -sf "$python" "$tmp/bin/python$version"
done
out=$(cores_with '' "$tmp/bin:/usr/bin:/bin")
expected=$(available_cores 2>/dev/null)
if [[ $(grep -v '^WARNING' <<<"$out") == "$expected" ]]; then
    ok "no pyenv, the interpreters on PATH: the same cores ($(paste -sd' ' - <<<"$expected"))"
else
    not_ok "no pyenv, the interpreters on PATH: '$out' instead of '$expected'"
fi

echo "$passed passed, $failed failed"
[[ $failed == 0 ]]
