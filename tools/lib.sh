# shellcheck shell=bash disable=SC2034  # the variables below are used by the scripts that source this file
# Copyright (c) 2026, community.ngrok contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later
# Helpers shared by the tools/*.sh scripts (sourced, not run).
#
# Supported ansible-core versions and the Python each one runs on here. Every
# version gets its own virtualenv .venvs/ansible-<core> with ansible-core pinned
# to that minor release.

SUPPORTED_CORES="2.19 2.20 2.21"

REPO_ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
VENVS_DIR="$REPO_ROOT/.venvs"
# A .venvs that links elsewhere (shared by several checkouts) is used by its real path: a virtualenv's
# scripts name the path it was made at.
[[ ! -L $VENVS_DIR ]] || VENVS_DIR=$(readlink -f "$VENVS_DIR")
CACHE_DIR="$REPO_ROOT/.cache"
# Project-wide reference material (OpenAPI spec, get-pip stand-in) lives beside the checkout.
SHARED_DIR=''
if [[ -d ${NGROK_SHARED_DIR:-$REPO_ROOT/../shared} ]]; then
    SHARED_DIR=$(cd "${NGROK_SHARED_DIR:-$REPO_ROOT/../shared}" && pwd)
fi
TOOLS_PYTHON_VERSION=3.11

log() { printf '==> %s\n' "$*" >&2; }
warn() { printf 'WARNING: %s\n' "$*" >&2; }
die() {
    printf 'ERROR: %s\n' "$*" >&2
    exit 1
}

# core_python CORE -> the Python X.Y that ansible-core CORE runs on.
core_python() {
    case $1 in
        2.19) echo 3.11 ;;
        2.20) echo 3.12 ;;
        2.21) echo 3.13 ;;
        *) die "unsupported ansible-core version '$1' (supported: $SUPPORTED_CORES)" ;;
    esac
}

# core_requirement CORE -> pip requirement pinning ansible-core to that minor release.
core_requirement() {
    local minor=${1#2.}
    echo "ansible-core>=$1,<2.$((10#$minor + 1))"
}

# pyenv_bin_dirs -> the real bin directories of every pyenv-installed CPython 3,
# newest patch release first within a minor version. Never the shims: a shim for a
# version that is not pyenv-global exits 127, which breaks ansible-test.
pyenv_bin_dirs() {
    local root='' candidate pyenv_bin
    pyenv_bin=$(command -v pyenv 2>/dev/null || true)
    for candidate in "${PYENV_ROOT:-}" \
        "$([[ -z $pyenv_bin ]] || "$pyenv_bin" root 2>/dev/null || true)" \
        "$([[ -z $pyenv_bin ]] || dirname "$(dirname "$(readlink -f "$pyenv_bin")")")" \
        "$HOME/.pyenv"; do
        if [[ -n $candidate && -d $candidate/versions ]]; then
            root=$candidate
            break
        fi
    done
    [[ -n $root ]] || return 0
    find "$root/versions" -mindepth 1 -maxdepth 1 -name '3.*' -printf '%f\n' \
        | grep -E '^3\.[0-9]+\.[0-9]+$' | sort -t. -k2,2nr -k3,3nr \
        | while read -r version; do
            [[ -x $root/versions/$version/bin/python3 ]] && echo "$root/versions/$version/bin"
        done
    return 0
}

# find_python X.Y -> absolute path of a working pythonX.Y (pyenv real paths first,
# then PATH, skipping pyenv shims); returns 1 if there is none.
find_python() {
    local version=$1 dir candidate
    while read -r dir; do
        candidate=$dir/python$version
        if [[ -x $candidate ]] && "$candidate" -c 'import venv' >/dev/null 2>&1; then
            echo "$candidate"
            return 0
        fi
    done < <(pyenv_bin_dirs)
    candidate=$(command -v "python$version" 2>/dev/null || true)
    if [[ -n $candidate && $candidate != */shims/* ]] && "$candidate" -c 'import venv' >/dev/null 2>&1; then
        echo "$candidate"
        return 0
    fi
    return 1
}

# python_path [X.Y] -> a PATH whose python3.X commands are all real interpreters (for ansible-test);
# X.Y's directory comes first, so that plain `python3` is that version too.
python_path() {
    local dirs
    dirs=$(pyenv_bin_dirs | awk -v v="/${1:-none}." 'index($0, v) { print; next } { rest = rest $0 "\n" } END { printf "%s", rest }' | paste -sd: -)
    if [[ -n $dirs ]]; then echo "$dirs:$PATH"; else echo "$PATH"; fi
}

# available_cores -> the supported cores whose Python exists, one a line; explains
# every skipped core on stderr.
available_cores() {
    local core version
    for core in $SUPPORTED_CORES; do
        version=$(core_python "$core")
        if find_python "$version" >/dev/null; then
            echo "$core"
        else
            warn "skipping ansible-core $core: no working python$version found (looked in \$(pyenv root)/versions/$version.*/bin and PATH)"
        fi
    done
}

# resolve_core -> $CORE if set (and checked), else the first available core.
resolve_core() {
    local core=${CORE:-}
    if [[ -n $core ]]; then
        find_python "$(core_python "$core")" >/dev/null \
            || die "ansible-core $core needs python$(core_python "$core"), which was not found (looked in \$(pyenv root)/versions and PATH)"
        echo "$core"
        return 0
    fi
    core=$(available_cores 2>/dev/null | head -n 1)
    [[ -n $core ]] || die "no Python for any supported ansible-core ($SUPPORTED_CORES) was found"
    echo "$core"
}

# filter_pip_noise: this machine's pip.conf names extra index directories that may not exist; drop those lines.
filter_pip_noise() {
    grep -v "is ignored: it is neither a file nor a directory" || true
}

# ensure_venv DIR PYTHON PIP_ARGS... -> create DIR with PYTHON and pip-install PIP_ARGS,
# unless DIR already holds exactly that (a stamp keyed on the interpreter, the
# arguments and the text of every requirements file they name). Serialised with
# flock so that concurrent make runs in one tree do not build the same venv twice.
ensure_venv() {
    local venv=$1 python=$2
    shift 2
    local key arg prev='' stamp="$venv/.toolchain-stamp"
    key=$(
        "$python" -VV
        printf '%s\n' "$@"
        for arg in "$@"; do
            if [[ $prev == -r || $prev == -c ]]; then cat "$arg"; fi
            prev=$arg
        done
    )
    key=$(printf '%s' "$key" | sha256sum | cut -d' ' -f1)
    mkdir -p "$(dirname "$venv")"
    (
        flock 9
        if [[ -x $venv/bin/python && -f $stamp && $(cat "$stamp") == "$key" ]]; then
            exit 0
        fi
        log "creating virtualenv $venv ($("$python" -V 2>&1); pip install $*)"
        rm -rf "$venv"
        "$python" -m venv "$venv"
        if ! "$venv/bin/python" -m pip install --disable-pip-version-check -q "$@" 2>&1 | filter_pip_noise >&2; then
            die "pip install into $venv failed"
        fi
        echo "$key" >"$stamp"
    ) 9>"$venv.lock"
}

# ensure_core_venv CORE -> path of .venvs/ansible-CORE (created if needed).
ensure_core_venv() {
    local core=$1 python
    python=$(find_python "$(core_python "$core")") || die "python$(core_python "$core") not found for ansible-core $core"
    ensure_venv "$VENVS_DIR/ansible-$core" "$python" "$(core_requirement "$core")"
    echo "$VENVS_DIR/ansible-$core"
}

# ensure_tools_venv -> path of .venvs/tools: the emulator's own requirements and test requirements.
ensure_tools_venv() {
    local python args=() file
    python=$(find_python "$TOOLS_PYTHON_VERSION") || die "python$TOOLS_PYTHON_VERSION not found (needed for .venvs/tools)"
    for file in tests/emulator/requirements.txt tests/emulator/requirements-test.txt; do
        [[ -f $REPO_ROOT/$file ]] && args+=(-r "$REPO_ROOT/$file")
    done
    [[ ${#args[@]} -gt 0 ]] || args=(pytest requests)
    ensure_venv "$VENVS_DIR/tools" "$python" "${args[@]}"
    echo "$VENVS_DIR/tools"
}

# new_api_key -> a random API key for one emulator run (tests can grep output for it).
new_api_key() {
    echo "emu_$(od -An -N16 -tx1 /dev/urandom | tr -d ' \n')"
}

# ensure_release_venv -> path of .venvs/release: the release tooling (galaxy-importer, ansible-lint,
# antsibull-docs + Sphinx, antsibull-changelog, ansible-builder) with ansible-core 2.19 and the
# collection's own requirements, pinned by tools/requirements-release.txt and tools/constraints-release.txt.
ensure_release_venv() {
    local python
    python=$(find_python "$TOOLS_PYTHON_VERSION") || die "python$TOOLS_PYTHON_VERSION not found (needed for .venvs/release)"
    ensure_venv "$VENVS_DIR/release" "$python" \
        -r "$REPO_ROOT/tools/requirements-release.txt" -c "$REPO_ROOT/tools/constraints-release.txt" \
        -r "$REPO_ROOT/requirements.txt"
    echo "$VENVS_DIR/release"
}

# ensure_nox_venv -> path of .venvs/nox: nox and antsibull-nox (tools/requirements-nox.txt, pinned by
# tools/constraints-nox.txt), which run the sessions of antsibull-nox.toml.
ensure_nox_venv() {
    local python
    python=$(find_python "$TOOLS_PYTHON_VERSION") || die "python$TOOLS_PYTHON_VERSION not found (needed for .venvs/nox)"
    ensure_venv "$VENVS_DIR/nox" "$python" \
        -r "$REPO_ROOT/tools/requirements-nox.txt" -c "$REPO_ROOT/tools/constraints-nox.txt"
    echo "$VENVS_DIR/nox"
}

# ensure_playbook_venv CORE -> path of .venvs/playbooks-CORE: ansible-core CORE and the collection's requirements,
# for running playbooks against the emulator (reliability runs, benchmarks).
ensure_playbook_venv() {
    local core=$1 python
    python=$(find_python "$(core_python "$core")") || die "python$(core_python "$core") (for ansible-core $core) not found"
    ensure_venv "$VENVS_DIR/playbooks-$core" "$python" "$(core_requirement "$core")" -r "$REPO_ROOT/requirements.txt"
    echo "$VENVS_DIR/playbooks-$core"
}

# tree_files -> NUL-separated paths of the files a fresh clone of the tree has, plus files not yet
# committed (neither ignored by .gitignore nor deleted): what the collection consists of.
tree_files() {
    local file
    git -C "$REPO_ROOT" rev-parse --git-dir >/dev/null 2>&1 || die "$REPO_ROOT is not a git checkout"
    git -C "$REPO_ROOT" ls-files -z --cached --others --exclude-standard | while IFS= read -r -d '' file; do
        [[ -e $REPO_ROOT/$file || -L $REPO_ROOT/$file ]] && printf '%s\0' "$file"
    done
    return 0
}

# collections_path -> a collections path in which community.ngrok is this tree (a symlink).
collections_path() {
    mkdir -p "$CACHE_DIR/collections/ansible_collections/community"
    ln -sfn "$REPO_ROOT" "$CACHE_DIR/collections/ansible_collections/community/ngrok"
    echo "$CACHE_DIR/collections"
}

# emulator_writes URL -> number of POST/PATCH/PUT/DELETE requests in the emulator's log.
emulator_writes() {
    curl -sf "$1/_emulator/requests" | python3 -c '
import json, sys
print(sum(1 for r in json.load(sys.stdin)["requests"] if r["method"] in ("POST", "PATCH", "PUT", "DELETE")))'
}

# emulator_reset URL: forget every object and the request log.
emulator_reset() {
    curl -sf -X POST "$1/_emulator/reset" >/dev/null
}

# ansible-test sanity runs shellcheck on *.sh only when it is installed; install it where we can.
ensure_shellcheck() {
    command -v shellcheck >/dev/null 2>&1 && return 0
    if [[ -n ${NO_SYSTEM_PACKAGES:-} || $(id -u) != 0 ]] || ! command -v apt-get >/dev/null 2>&1; then
        warn "shellcheck is not installed: sanity's shellcheck test will be skipped"
        return 0
    fi
    log "installing shellcheck (apt-get) for sanity's shellcheck test"
    if ! DEBIAN_FRONTEND=noninteractive apt-get install -y -qq shellcheck >/dev/null 2>&1; then
        DEBIAN_FRONTEND=noninteractive apt-get update -qq >/dev/null 2>&1 || true
        DEBIAN_FRONTEND=noninteractive apt-get install -y -qq shellcheck >/dev/null 2>&1 \
            || warn "could not install shellcheck: sanity's shellcheck test will be skipped"
    fi
}
