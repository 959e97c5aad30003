#!/usr/bin/env bash
# Copyright (c) 2026, community.ngrok contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later
# Reliability runs against fresh emulators (tests/reliability/README.md): rate limit, concurrency, a create
# race, check mode of every example, secrets in -vvvv --diff output of every example. Prints a table.
#
# environment: RELIABILITY_CORE (default 2.19) picks the ansible-core the playbooks run with.
set -euo pipefail
# shellcheck source=tools/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

core=${RELIABILITY_CORE:-2.19}
venv=$(ensure_playbook_venv "$core")
dir=$REPO_ROOT/tests/reliability
work=$CACHE_DIR/reliability
mkdir -p "$work"
export ANSIBLE_COLLECTIONS_PATH ANSIBLE_NOCOLOR=1 ANSIBLE_RETRY_FILES_ENABLED=0 ANSIBLE_LOCALHOST_WARNING=0 PATH="$venv/bin:$PATH"
ANSIBLE_COLLECTIONS_PATH=$(collections_path)
export EMULATOR_STATE_DIR=$work/emulator
stop_emulator() { "$REPO_ROOT/tools/emulator.sh" stop >/dev/null 2>&1 || true; }
trap stop_emulator EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

start_emulator() {
    stop_emulator
    NGROK_API_KEY=$(new_api_key)
    NGROK_API_URL=$(EMULATOR_ARGS=${1:-} "$REPO_ROOT/tools/emulator.sh" start "$NGROK_API_KEY" 2>/dev/null)
    export NGROK_API_KEY NGROK_API_URL
}

count_backends() {  # count_backends PREFIX -> backends whose description starts with PREFIX
    "$venv/bin/python" - "$NGROK_API_URL" "$NGROK_API_KEY" "$1" <<'PY'
import json, sys, urllib.request
url, key, prefix = sys.argv[1:]
path, found = '/backends/http_response?limit=100', 0
while path:
    request = urllib.request.Request(url + path, headers={'Authorization': 'Bearer ' + key, 'Ngrok-Version': '2'})
    with urllib.request.urlopen(request) as answer:
        page = json.load(answer)
    found += sum(1 for item in page['backends'] if item.get('description', '').startswith(prefix))
    path = page['next_page_uri'][len(url):] if page['next_page_uri'] else None
print(found)
PY
}

recap_changed() {  # recap_changed LOG -> sum of changed= over the PLAY RECAP
    sed -n '/^PLAY RECAP/,$p' "$1" | grep -o 'changed=[0-9]*' | awk -F= '{ sum += $2 } END { print sum + 0 }'
}

rows=()
row() { rows+=("$(printf '%-52s %s' "$1" "$2")"); }

# --- rate limit: 300 tasks, 120 requests a minute ---------------------------------------------------
start_emulator "--rate-limit 120"
log "rate limit: 300 tasks (10 hosts, 10 forks) against --rate-limit 120 (this takes a few minutes)"
started=$SECONDS
ansible-playbook -i "$dir/inventory.ini" -f 10 "$dir/rate_limit.yml" >"$work/rate_limit.log" 2>&1 \
    || { tail -n 40 "$work/rate_limit.log"; die "the 300-task playbook did not survive the rate limit"; }
limited=$(curl -sf "$NGROK_API_URL/_emulator/requests" | python3 -c '
import json, sys; log = json.load(sys.stdin)["requests"]; print(sum(1 for r in log if r["status"] == 429), len(log))')
[[ ${limited% *} -gt 0 ]] || die "the rate limit was never reached: the run proves nothing"
row "rate limit (300 tasks, 10 forks, 120 req/min)" "all succeeded in $((SECONDS - started))s; ${limited% *} of ${limited#* } requests answered 429 and retried"

# --- concurrency: 20 forks, 200 distinct backends --------------------------------------------------
start_emulator
log "concurrency: 20 forks manage 200 backends"
started=$SECONDS
ansible-playbook -i "$dir/inventory.ini" -f 20 "$dir/concurrency.yml" >"$work/concurrency.log" 2>&1 \
    || { tail -n 40 "$work/concurrency.log"; die "the concurrent run failed"; }
first=$((SECONDS - started))
objects=$(count_backends "concurrency ")
[[ $objects == 200 ]] || die "20 forks made $objects backends instead of 200"
ansible-playbook -i "$dir/inventory.ini" -f 20 "$dir/concurrency.yml" >"$work/concurrency-again.log" 2>&1 \
    || { tail -n 40 "$work/concurrency-again.log"; die "the second concurrent run failed"; }
again=$(recap_changed "$work/concurrency-again.log")
[[ $again == 0 ]] || die "the second concurrent run changed $again tasks"
row "concurrency (20 forks, 200 backends)" "$objects objects (${first}s); second run: $again changed"

# --- a race: two runs create the same ten descriptions at once -------------------------------------
emulator_reset "$NGROK_API_URL"
log "race: two runs create the same ten descriptions at once"
ansible-playbook -i "$dir/inventory.ini" "$dir/race.yml" >"$work/race-1.log" 2>&1 &
one=$!
ansible-playbook -i "$dir/inventory.ini" "$dir/race.yml" >"$work/race-2.log" 2>&1 &
two=$!
wait "$one" || true
wait "$two" || true
raced=$(count_backends "race ")
third=0
ansible-playbook -i "$dir/inventory.ini" "$dir/race.yml" >"$work/race-3.log" 2>&1 || third=$?
if [[ $raced -gt 10 ]]; then
    if [[ $third == 0 ]] || ! grep -q 'give id to choose one' "$work/race-3.log"; then
        die "after the race made $raced backends, the next run did not fail listing the duplicates"
    fi
    outcome="$raced backends: $((raced - 10)) duplicated; the next run fails listing their ids"
else
    [[ $third == 0 && $(recap_changed "$work/race-3.log") == 0 ]] || die "after a race without duplicates, the next run was not a no-op"
    outcome="10 backends, no duplicate this time; the next run changes nothing"
fi
row "race (2 runs, same 10 descriptions, at once)" "$outcome"

# --- check mode writes nothing; secrets never shown ------------------------------------------------
shopt -s nullglob
checks=0
for playbook in "$REPO_ROOT"/examples/*.yml; do
    name=examples/$(basename "$playbook")
    emulator_reset "$NGROK_API_URL"
    for state in empty converged; do
        if [[ $state == converged ]]; then
            ansible-playbook -i "$dir/inventory.ini" "$playbook" >"$work/apply.log" 2>&1 || { tail -n 40 "$work/apply.log"; die "$name failed"; }
        fi
        before=$(emulator_writes "$NGROK_API_URL")
        ansible-playbook -i "$dir/inventory.ini" -vvvv --diff --check "$playbook" >"$work/check-$(basename "$playbook" .yml)-$state.log" 2>&1 \
            || { tail -n 40 "$work/check-$(basename "$playbook" .yml)-$state.log"; die "$name failed in check mode ($state)"; }
        writes=$(($(emulator_writes "$NGROK_API_URL") - before))
        [[ $writes == 0 ]] || die "$name made $writes writes in check mode ($state emulator)"
        checks=$((checks + 1))
    done
    ansible-playbook -i "$dir/inventory.ini" -vvvv --diff "$playbook" >"$work/vvvv-$(basename "$playbook" .yml).log" 2>&1 \
        || die "$name failed with -vvvv --diff"
done
row "check mode (every example, empty and converged)" "$checks runs, 0 writes"
scan=$("$venv/bin/python" "$REPO_ROOT/tools/secret_scan.py" --yaml-dir "$REPO_ROOT/examples" --value "$NGROK_API_KEY" \
    "$work"/check-*.log "$work"/vvvv-*.log) || { echo "$scan"; die "a secret appears in the -vvvv --diff output of the examples"; }
row "secrets (examples, -vvvv --diff)" "${scan#secret scan: }"

printf '\n%s\n' "${rows[@]}"
