#!/usr/bin/env bash
# Copyright (c) 2026, community.ngrok contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later
# Secrets never appear in ansible-playbook -vvvv --diff output: run playbooks that create, change and
# delete routes and a cloud endpoint's traffic policy with every kind of secret (check mode and for
# real), then grep the output for each secret value and for the API key.
set -euo pipefail
# The playbook includes setup_ngrok (the run's name, the cleanup), a sibling target.
export ANSIBLE_ROLES_PATH=..

config=../../integration_config.yml
inventory=${INVENTORY_PATH:-../../inventory}
output=$(mktemp)
trap 'rm -f "$output"' EXIT

api_key=$(sed -n 's/^ngrok_api_key: "\(.*\)".*/\1/p' "$config")
[[ -n $api_key ]] || { echo "no ngrok_api_key in $config"; exit 1; }
mapfile -t secrets < <(sed -n 's/^  [a-z_]*: \(secret-value-[a-z-]*\)$/\1/p' secrets.yml)
[[ ${#secrets[@]} -ge 8 ]] || { echo "expected the secret values in secrets.yml, found ${#secrets[@]}"; exit 1; }

for mode in --check ""; do
    # shellcheck disable=SC2086  # $mode is empty or one flag
    if ! ANSIBLE_NOCOLOR=1 ansible-playbook -i "$inventory" -e "@$config" -e @secrets.yml -vvvv --diff $mode playbook.yml >>"$output" 2>&1; then
        tail -n 80 "$output"
        exit 1
    fi
done

leaks=0
for secret in "${secrets[@]}" "$api_key"; do
    if grep -qF -- "$secret" "$output"; then
        echo "LEAK: a secret value appears $(grep -cF -- "$secret" "$output") time(s) in the -vvvv --diff output"
        leaks=$((leaks + 1))
    fi
done
echo "checked ${#secrets[@]} secret values and the API key in $(wc -l <"$output") lines of -vvvv --diff output: $leaks leak(s)"
[[ $leaks == 0 ]]

# The output must be the real thing: module results and diffs, secrets masked, a change marked.
for expected in '"webhook_verification"' '"traffic_policy"' '"client_secret": "******** (changed)"' '"before":' '******** (changed)'; do
    grep -qF -- "$expected" "$output" || { echo "the output lacks $expected: the check proves nothing"; exit 1; }
done
