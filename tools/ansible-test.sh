#!/usr/bin/env bash
# Copyright (c) 2026, community.ngrok contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later
# Run one ansible-test command with one ansible-core version.
#
# usage: tools/ansible-test.sh sanity|units|integration|integration-live [more ansible-test arguments]
#
# environment:
#   CORE               2.19, 2.20 or 2.21 (default: the first whose Python is found)
#   TARGET             targets (integration targets, unit test files or sanity paths) to run alone, split on blanks
#   ANSIBLE_TEST_ARGS  extra ansible-test arguments, split on blanks (e.g. "-v --test pylint")
#   SECRET_SCAN=1      integration only: run at -vvvv (module results and their diffs printed whole) and
#                      fail if the API key or any secret value of the targets appears in the output
# integration-live only:
#   NGROK_API_KEY      the API key of the ngrok account to run against (required)
#   NGROK_API_URL      the API (default https://api.ngrok.com)
#   NGROK_LIVE_DOMAIN  a domain (or a wildcard, *.name) the account has reserved: edge hostports use it, and the
#                      targets reserve and release names under it; never changed or released. Without it the
#                      targets with the needs/reserved-domain alias are skipped
#   LIVE_EMULATOR=1    run against a fresh emulator started with --no-control instead (what make test does),
#                      and fail if it holds any object afterwards
#   EMULATOR_ARGS      more serve.py arguments for the emulator of a run (e.g. --verbose: every request on its
#                      stderr.log, in .cache/ansible-test/<core>[-live]/emulator/)
#
# ansible-test runs from a copy of the tree at .cache/ansible-test/<core>/ansible_collections/community/ngrok
# (<core>-live for integration-live, so that it can run beside the other commands; re-synced on every run;
# its tests/output/.tmp/delegation keeps the units/integration virtualenv warm), with `--venv --python X.Y`
# and the real pyenv interpreters on PATH. Integration runs get a freshly started emulator and an
# integration_config.yml pointing at it, with its control endpoints (request log, faults, reset).
#
# integration-live runs the integration targets against a real account: every target but those with the
# needs/emulator-control alias (they need the emulator's request log, faults or reset), and those with
# needs/reserved-domain only when NGROK_LIVE_DOMAIN is set. Each run has its own id, carried by the
# description of every object it makes; each target deletes its objects at its end, even when it fails.
set -euo pipefail
# shellcheck source=tools/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

command=${1:-}
case $command in
    sanity | units | integration | integration-live) shift ;;
    *) die "usage: $0 sanity|units|integration|integration-live [ansible-test arguments]" ;;
esac

core=$(resolve_core)
python_version=$(core_python "$core")
work=$CACHE_DIR/ansible-test/$core
[[ $command != integration-live ]] || work+=-live
copy=$work/ansible_collections/community/ngrok

# ansible-test bootstraps pip in each new virtualenv with a get-pip script that it downloads once into
# ~/.ansible/test/cache. Where that host is unreachable (this project's offline machines), an offline
# stand-in beside the checkout (../shared/tools/get_pip_offline.py, or $NGROK_SHARED_DIR/tools/...) is put
# into that cache under every name this ansible-test asks for. It is an aid, never a requirement: without
# it, ansible-test downloads get-pip as usual.
install_get_pip() {
    local venv=$1 source=${SHARED_DIR:+$SHARED_DIR/tools/get_pip_offline.py} versions version target
    if [[ -z $source || ! -f $source ]]; then
        log "no offline get-pip stand-in (../shared/tools/get_pip_offline.py): ansible-test downloads get-pip itself if it needs it"
        return 0
    fi
    versions=$("$venv/bin/python" -c '
import types
from ansible_test._internal.constants import SUPPORTED_PYTHON_VERSIONS
from ansible_test._internal.python_requirements import get_venv_packages
print(" ".join(sorted({get_venv_packages(types.SimpleNamespace(version=v))["pip"] for v in SUPPORTED_PYTHON_VERSIONS})))
' 2>/dev/null) || {
        # An ansible-test whose internals moved: it then downloads get-pip itself, as on any other machine.
        warn "could not read the pip version ansible-test $core bootstraps: the offline get-pip stand-in is not installed"
        return 0
    }
    mkdir -p "$HOME/.ansible/test/cache"
    for version in $versions; do
        target=$HOME/.ansible/test/cache/get_pip_${version//./_}.py
        # Copied then renamed: concurrent runs for other cores may read it meanwhile.
        cmp -s "$source" "$target" || { cp "$source" "$target.$$" && mv -f "$target.$$" "$target"; }
    done
    log "offline get-pip stand-in $source installed as ~/.ansible/test/cache/get_pip_{${versions// /,}}.py"
}

# Refresh the copy: everything but its .git and ansible-test's own tests/output/.tmp/delegation goes.
sync_copy() {
    mkdir -p "$copy"
    find "$copy" -mindepth 1 -maxdepth 1 ! -name .git ! -name tests -exec rm -rf {} +
    if [[ -d $copy/tests ]]; then
        find "$copy/tests" -mindepth 1 -maxdepth 1 ! -name output -exec rm -rf {} +
    fi
    if [[ -d $copy/tests/output ]]; then
        find "$copy/tests/output" -mindepth 1 -maxdepth 1 ! -name .tmp -exec rm -rf {} +
    fi
    if [[ -d $copy/tests/output/.tmp ]]; then
        find "$copy/tests/output/.tmp" -mindepth 1 -maxdepth 1 ! -name delegation -exec rm -rf {} +
    fi
    tar -C "$REPO_ROOT" \
        --exclude=./.git --exclude=./.venv --exclude=./.venvs --exclude=./.cache --exclude=./.nox \
        --exclude=./docs/build \
        --exclude=./tests/output --exclude=./tests/integration/inventory \
        --exclude=./tests/integration/integration_config.yml \
        --exclude=__pycache__ --exclude=.pytest_cache --exclude='*.pyc' \
        -cf - . | tar -C "$copy" -xf -
    # ansible-test lists a collection's files with git (tracked + untracked, minus .gitignore'd).
    [[ -d $copy/.git ]] || git -C "$copy" init -q
    # <repo root>/../shared, as seen from the copy (the unit tests do not get our environment variables).
    if [[ -n $SHARED_DIR ]]; then
        ln -sfn "$SHARED_DIR" "$work/ansible_collections/community/shared"
    else
        rm -f "$work/ansible_collections/community/shared"
    fi
}

check_sanity_ignores() {
    local file entries
    for file in "$REPO_ROOT"/tests/sanity/ignore-*.txt; do
        [[ -f $file ]] || continue
        entries=$(grep -Ev '^[[:space:]]*(#|$)' "$file" || true)
        [[ -z $entries ]] || die "$file has entries; fix the code instead of ignoring sanity tests:"$'\n'"$entries"
    done
}

emulator_state=$work/emulator
stop_emulator() {
    EMULATOR_STATE_DIR=$emulator_state "$REPO_ROOT/tools/emulator.sh" stop || true
}

# start_emulator KEY [serve.py arguments]: start a fresh emulator, stopped at exit; its URL in emulator_url.
emulator_url=''
start_emulator() {
    local api_key=$1
    shift
    stop_emulator
    trap stop_emulator EXIT
    trap 'exit 130' INT
    trap 'exit 143' TERM
    emulator_url=$(EMULATOR_STATE_DIR=$emulator_state EMULATOR_ARGS="${EMULATOR_ARGS:-} $*" "$REPO_ROOT/tools/emulator.sh" start "$api_key")
}

# write_config API_URL API_KEY EMULATOR_URL LIVE_DOMAIN: the integration_config.yml of this run, from the
# template (its values are double-quoted YAML strings: no '"' or '\' in them; '&' and '|' are escaped for sed).
write_config() {
    local template=$REPO_ROOT/tests/integration/integration_config.yml.template value args=() name
    local run_id
    run_id=$(date -u +%Y%m%d%H%M%S)-$(od -An -N2 -tx1 /dev/urandom | tr -d ' \n')
    [[ -f $template ]] || die "$template is missing"
    for name in NGROK_API_URL:"$1" NGROK_API_KEY:"$2" NGROK_EMULATOR_URL:"$3" NGROK_LIVE_DOMAIN:"$4" NGROK_RUN_ID:"$run_id"; do
        value=${name#*:}
        [[ $value != *[\"\\]* ]] || die "${name%%:*} must not contain '\"' or '\\'"
        value=${value//&/\\&}
        value=${value//|/\\|}
        args+=(-e "s|@${name%%:*}@|$value|g")
    done
    sed "${args[@]}" "$template" >"$copy/tests/integration/integration_config.yml"
    log "integration_config.yml: ngrok_api_url=$1 ngrok_emulator_url=${3:-(none: no control endpoints)} ngrok_run_id=$run_id${4:+ ngrok_live_domain=$4} (ngrok_api_key not shown)"
}

# The targets integration-live leaves out, and why; their aliases become --exclude arguments.
live_excludes=()
exclude_targets() {  # exclude_targets ALIAS REASON
    local names
    names=$(grep -lx -- "$1" "$REPO_ROOT"/tests/integration/targets/*/aliases | xargs -r -n1 dirname | xargs -r -n1 basename | paste -sd' ' -)
    [[ -n $names ]] || return 0  # ansible-test refuses an --exclude that matches no target
    live_excludes+=(--exclude "$1/")
    log "skipped: $names ($2)"
}

# emulator_api METHOD PATH [JSON_BODY]: a request to the emulator of this run (LIVE_EMULATOR); the answer on stdout.
emulator_api() {
    local args=(-sf -X "$1" -H "Authorization: Bearer $live_key" -H 'Ngrok-Version: 2')
    [[ -z ${3:-} ]] || args+=(-H 'Content-Type: application/json' --data "$3")
    curl "${args[@]}" "$emulator_url$2"
}

# After a run against an emulator without control endpoints: every target must have deleted what it made.
check_nothing_left() {
    local path left=0 count
    for path in /edges/https /endpoints /backends/http_response /backends/tunnel_group /backends/weighted /backends/failover \
        /ip_policies /ip_policy_rules /reserved_domains; do
        count=$(emulator_api GET "$path?limit=100" \
            | python3 -c 'import json, sys; print(sum(len(v) for v in json.load(sys.stdin).values() if isinstance(v, list)))') \
            || die "could not list $path after the run"
        [[ $count == 0 ]] || { warn "$count object(s) left in $path"; left=$((left + count)); }
    done
    [[ $left == 0 ]] || die "the live targets left $left object(s) behind: their cleanup missed them"
    log "the live targets deleted everything they made"
}

[[ $command != sanity ]] || check_sanity_ignores
venv=$(ensure_core_venv "$core")
install_get_pip "$venv"
[[ $command != sanity ]] || ensure_shellcheck

# One run at a time per core copy: other people may run make in this tree concurrently.
mkdir -p "$work"
exec 8>"$work.lock"
if ! flock -n 8; then
    log "waiting for another ansible-test run on ansible-core $core in this tree ..."
    flock 8
fi

sync_copy
live_key='' live_domain='' live_domain_id=''
case $command in
    integration)
        api_key=$(new_api_key)
        start_emulator "$api_key"
        write_config "$emulator_url" "$api_key" "$emulator_url" ""
        ;;
    integration-live)
        if [[ -n ${LIVE_EMULATOR:-} ]]; then
            live_key=$(new_api_key)
            start_emulator "$live_key" --no-control
            log "LIVE_EMULATOR: against an emulator without its control endpoints ($emulator_url), as against the real API"
            if [[ -n ${NGROK_LIVE_DOMAIN:-} ]]; then
                # What a maintainer does once: reserve NGROK_LIVE_DOMAIN. The run must leave it as it is.
                live_domain=$(emulator_api POST /reserved_domains "{\"domain\": \"$NGROK_LIVE_DOMAIN\"}") \
                    || die "could not reserve $NGROK_LIVE_DOMAIN in the emulator"
                live_domain_id=$(python3 -c 'import json, sys; print(json.loads(sys.argv[1])["id"])' "$live_domain")
            fi
            write_config "$emulator_url" "$live_key" "" "${NGROK_LIVE_DOMAIN:-}"
        else
            [[ -n ${NGROK_API_KEY:-} ]] || die "integration-live runs against a real ngrok account: set NGROK_API_KEY (and NGROK_LIVE_DOMAIN, a domain it reserved, for the targets that need one)"
            write_config "${NGROK_API_URL:-https://api.ngrok.com}" "$NGROK_API_KEY" "" "${NGROK_LIVE_DOMAIN:-}"
        fi
        exclude_targets needs/emulator-control "they need the emulator's request log, faults or reset"
        [[ -n ${NGROK_LIVE_DOMAIN:-} ]] || exclude_targets needs/reserved-domain "they need NGROK_LIVE_DOMAIN, a domain the account reserved"
        ;;
esac

args=("${command%-live}" --venv --python "$python_version")
[[ $command != integration-live ]] || args+=("${live_excludes[@]}")
# shellcheck disable=SC2206  # word splitting of ANSIBLE_TEST_ARGS and TARGET is intended
[[ -z ${ANSIBLE_TEST_ARGS:-} ]] || args+=(${ANSIBLE_TEST_ARGS})
args+=("$@")
# shellcheck disable=SC2206
[[ -z ${TARGET:-} ]] || args+=(${TARGET})

log "ansible-core $("$venv/bin/python" -c 'import ansible.release; print(ansible.release.__version__)') on Python $python_version: ansible-test ${args[*]}"
scan=
if [[ $command == integration && -n ${SECRET_SCAN:-} ]]; then
    scan=$work/integration-vvvv.log
    args+=(-vvvv)
fi
log "in $copy"
status=0
if [[ -n $scan ]]; then
    (cd "$copy" && PATH=$(python_path "$python_version") "$venv/bin/ansible-test" "${args[@]}") >"$scan" 2>&1 || status=$?
    tail -n 5 "$scan"
else
    (cd "$copy" && PATH=$(python_path "$python_version") "$venv/bin/ansible-test" "${args[@]}") || status=$?
fi
if [[ $status != 0 ]]; then
    [[ -z $scan ]] || grep -E -B2 -A20 'FAILED!|Task failed' "$scan" | tail -n 60
    die "ansible-test $command failed on ansible-core $core (exit $status); its output is in $copy/tests/output${scan:+ and $scan}"
fi
if [[ -n $live_key ]]; then
    if [[ -n $live_domain_id ]]; then
        after=$(emulator_api GET "/reserved_domains/$live_domain_id") || die "the live targets released $NGROK_LIVE_DOMAIN"
        python3 -c 'import json, sys; sys.exit(json.loads(sys.argv[1]) != json.loads(sys.argv[2]))' "$live_domain" "$after" \
            || die "the live targets changed $NGROK_LIVE_DOMAIN: $live_domain -> $after"
        emulator_api DELETE "/reserved_domains/$live_domain_id" >/dev/null \
            || die "$NGROK_LIVE_DOMAIN could not be released after the run: something still uses it"
    fi
    check_nothing_left
fi
if [[ -n $scan ]]; then
    "$venv/bin/python" "$REPO_ROOT/tools/secret_scan.py" --yaml-dir "$REPO_ROOT/tests/integration/targets" \
        --value "$(sed -n 's/^ngrok_api_key: "\(.*\)".*/\1/p' "$copy/tests/integration/integration_config.yml")" "$scan" \
        || die "a secret appears in the -vvvv output of the integration targets ($scan)"
fi
