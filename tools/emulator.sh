#!/usr/bin/env bash
# Copyright (c) 2026, community.ngrok contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later
# Start, stop and locate the ngrok API emulator (tests/emulator/serve.py) in the background.
#
# usage: tools/emulator.sh start [API_KEY]   start it, wait until it is ready, print its URL
#        tools/emulator.sh stop              SIGTERM it and wait for it to exit
#        tools/emulator.sh url | key         print the running emulator's base URL / API key
#        tools/emulator.sh env               print `export NGROK_API_URL=...` lines for eval
#        tools/emulator.sh status            exit 0 if it is running
#
# environment:
#   EMULATOR_STATE_DIR      where pid, url, api key and logs are kept (default .cache/emulator);
#                           give each concurrent run its own
#   EMULATOR_PYTHON         interpreter for serve.py (default .venvs/tools/bin/python, made if needed)
#   EMULATOR_START_TIMEOUT  seconds to wait for the ready line (default 30)
#   EMULATOR_ARGS           more serve.py arguments, e.g. "--rate-limit 120"
set -euo pipefail
# shellcheck source=tools/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

READY='ngrok API emulator listening on '
state_dir=${EMULATOR_STATE_DIR:-$CACHE_DIR/emulator}

# running PID -> 0 if PID is a live process (not a zombie).
running() {
    local stat
    stat=$(cat "/proc/$1/stat" 2>/dev/null) || return 1
    stat=${stat##*) }
    [[ ${stat%% *} != Z ]]
}

# alive PID -> 0 if PID is a live process running serve.py (not some later process that reused the pid).
alive() {
    running "$1" && tr '\0' ' ' <"/proc/$1/cmdline" 2>/dev/null | grep -q 'serve\.py'
}

recorded_pid() {
    [[ -f $state_dir/pid ]] && cat "$state_dir/pid"
}

is_running() {
    local pid
    pid=$(recorded_pid) || return 1
    alive "$pid"
}

show_logs() {
    local file
    for file in stdout.log stderr.log; do
        if [[ -s $state_dir/$file ]]; then
            printf -- '--- emulator %s (last 30 lines) ---\n' "$file" >&2
            tail -n 30 "$state_dir/$file" >&2
        fi
    done
}

start() {
    local api_key=${1:-} serve=$REPO_ROOT/tests/emulator/serve.py python pid line url deadline
    local timeout=${EMULATOR_START_TIMEOUT:-30}
    [[ -n $api_key ]] || api_key=$(new_api_key)
    if is_running; then
        die "an emulator is already running (pid $(recorded_pid), $(cat "$state_dir/url")); run 'tools/emulator.sh stop' or use another EMULATOR_STATE_DIR"
    fi
    [[ -f $serve ]] || die "$serve does not exist: the emulator is not in this tree"
    if [[ -n ${EMULATOR_PYTHON:-} ]]; then
        python=$EMULATOR_PYTHON
    else
        python=$(ensure_tools_venv)/bin/python
    fi
    mkdir -p "$state_dir"
    rm -f "$state_dir/pid" "$state_dir/url" "$state_dir/api_key" "$state_dir/stdout.log" "$state_dir/stderr.log"

    # shellcheck disable=SC2086  # EMULATOR_ARGS is a list of arguments
    "$python" "$serve" --port 0 --api-key "$api_key" ${EMULATOR_ARGS:-} \
        </dev/null >"$state_dir/stdout.log" 2>"$state_dir/stderr.log" &
    pid=$!
    echo "$pid" >"$state_dir/pid"

    deadline=$((SECONDS + timeout))
    while :; do
        line=$(grep -m 1 -F "$READY" "$state_dir/stdout.log" || true)
        if [[ $line == "$READY"* ]]; then
            url=${line#"$READY"}
            url=${url%/}
            break
        fi
        if ! running "$pid"; then
            local status=0
            wait "$pid" || status=$?
            show_logs
            rm -f "$state_dir/pid"
            die "the emulator exited with status $status before printing '${READY}http://HOST:PORT'"
        fi
        if ((SECONDS >= deadline)); then
            kill -TERM "$pid" 2>/dev/null || true
            show_logs
            rm -f "$state_dir/pid"
            die "the emulator did not print '${READY}http://HOST:PORT' within ${timeout}s (EMULATOR_START_TIMEOUT)"
        fi
        sleep 0.1
    done
    echo "$url" >"$state_dir/url"
    (umask 077 && echo "$api_key" >"$state_dir/api_key")
    log "emulator running at $url (pid $pid, logs in $state_dir)"
    echo "$url"
}

stop() {
    local pid i
    if ! pid=$(recorded_pid); then
        log "nothing to stop: no emulator is running (state dir $state_dir)"
        return 0
    fi
    if alive "$pid"; then
        kill -TERM "$pid" 2>/dev/null || true
        for ((i = 0; i < 100; i++)); do
            alive "$pid" || break
            sleep 0.1
        done
        if alive "$pid"; then
            warn "the emulator (pid $pid) ignored SIGTERM for 10s: killing it"
            kill -KILL "$pid" 2>/dev/null || true
        fi
        log "emulator stopped (pid $pid)"
    fi
    rm -f "$state_dir/pid" "$state_dir/url" "$state_dir/api_key"
}

require_running() {
    is_running || die "no emulator is running (state dir $state_dir): run 'tools/emulator.sh start'"
}

case ${1:-} in
    start)
        shift
        start "$@"
        ;;
    stop) stop ;;
    url)
        require_running
        cat "$state_dir/url"
        ;;
    key)
        require_running
        cat "$state_dir/api_key"
        ;;
    env)
        require_running
        url=$(cat "$state_dir/url")
        printf 'export NGROK_API_URL=%q\n' "$url"
        printf 'export NGROK_API_KEY=%q\n' "$(cat "$state_dir/api_key")"
        printf 'export NGROK_EMULATOR_URL=%q\n' "$url"
        ;;
    status)
        if is_running; then
            echo "running: pid $(recorded_pid), $(cat "$state_dir/url")"
        else
            echo "not running"
            exit 1
        fi
        ;;
    *)
        die "usage: $0 start [API_KEY] | stop | url | key | env | status"
        ;;
esac
