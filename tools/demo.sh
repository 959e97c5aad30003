#!/usr/bin/env bash
# Copyright (c) 2026, community.ngrok contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later
# Run every playbook in examples/*.yml against a freshly started emulator, three times each:
# --check --diff, apply, apply again; the last run must report changed=0 (and no failure) for every host.
#
# environment: DEMO_CORE (default 2.19) picks the ansible-core the playbooks run with.
set -euo pipefail
# shellcheck source=tools/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

shopt -s nullglob
playbooks=("$REPO_ROOT"/examples/*.yml)
if [[ ${#playbooks[@]} == 0 ]]; then
    log "examples/ has no playbooks (*.yml): nothing to demonstrate"
    exit 0
fi

core=${DEMO_CORE:-2.19}
python=$(find_python "$(core_python "$core")") || die "python$(core_python "$core") (for ansible-core $core) not found"
venv=$VENVS_DIR/demo-$core
ensure_venv "$venv" "$python" "$(core_requirement "$core")" -r "$REPO_ROOT/requirements.txt"

# The collection is importable as community.ngrok through a symlink to this tree.
demo_dir=$CACHE_DIR/demo
mkdir -p "$demo_dir/collections/ansible_collections/community"
ln -sfn "$REPO_ROOT" "$demo_dir/collections/ansible_collections/community/ngrok"
printf '%s\n' 'localhost ansible_connection=local ansible_python_interpreter="{{ ansible_playbook_python }}"' >"$demo_dir/inventory"

export EMULATOR_STATE_DIR=$demo_dir/emulator
stop_emulator() { "$REPO_ROOT/tools/emulator.sh" stop || true; }
# An emulator left by an interrupted demo is stopped; when there is none, nothing is said.
if "$REPO_ROOT/tools/emulator.sh" status >/dev/null; then stop_emulator; fi
trap stop_emulator EXIT
trap 'exit 130' INT
trap 'exit 143' TERM
NGROK_API_KEY=$(new_api_key)
NGROK_API_URL=$("$REPO_ROOT/tools/emulator.sh" start "$NGROK_API_KEY")
export NGROK_API_URL NGROK_API_KEY
export ANSIBLE_COLLECTIONS_PATH=$demo_dir/collections ANSIBLE_INVENTORY=$demo_dir/inventory \
    ANSIBLE_NOCOLOR=1 ANSIBLE_RETRY_FILES_ENABLED=0 PATH="$venv/bin:$PATH"

# check_recap OUTPUT_FILE -> fail unless every PLAY RECAP host line says changed=0 failed=0 unreachable=0.
check_recap() {
    local file=$1 hosts bad
    hosts=$(sed -n '/^PLAY RECAP/,$p' "$file" | grep -E '^[^ ].* : ok=' || true)
    [[ -n $hosts ]] || die "no PLAY RECAP found in the output"
    bad=$(grep -Ev ' changed=0 .* unreachable=0 .* failed=0 ' <<<"$hosts" || true)
    [[ -z $bad ]] || die "the second apply was not idempotent:"$'\n'"$bad"
}

out=$demo_dir/run.log
for playbook in "${playbooks[@]}"; do
    name=examples/$(basename "$playbook")
    # Every example starts from an empty emulator.
    "$venv/bin/python" -c 'import sys, urllib.request; urllib.request.urlopen(urllib.request.Request(sys.argv[1], method="POST"), timeout=10)' \
        "$NGROK_API_URL/_emulator/reset"
    for mode in check apply apply-again; do
        extra=()
        [[ $mode != check ]] || extra=(--check --diff)
        log "$name: ansible-playbook ${extra[*]:-(apply)} [$mode]"
        if ! ansible-playbook "${extra[@]}" "$playbook" 2>&1 | tee "$out"; then
            die "$name failed in the $mode run"
        fi
    done
    check_recap "$out"
    log "$name: idempotent (changed=0 on the second apply)"
done
log "demo passed: ${#playbooks[@]} playbook(s), each --check --diff, apply, apply again"
stop_emulator
trap - EXIT

# The next step: the same setup for the user's own playbooks.
# shellcheck disable=SC2016  # the eval line is printed for the user to run, not expanded here
printf '%s\n' '' 'Next, your own playbook against the emulator:' \
    "  cd $REPO_ROOT" \
    "  make emulator-start               # an emulator in the background, until 'make emulator-stop'" \
    '  eval "$(tools/emulator.sh env)"   # sets NGROK_API_URL and NGROK_API_KEY, which the modules read' \
    "  export ANSIBLE_COLLECTIONS_PATH=$demo_dir/collections   # this checkout as community.ngrok" \
    "  $venv/bin/ansible-playbook --check --diff your-playbook.yml   # ansible-core $core, with requests" \
    'Then without --check to apply it, and once more to see changed=0 (docs/docsite/rst/testing_offline.rst).'
