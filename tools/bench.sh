#!/usr/bin/env bash
# Copyright (c) 2026, community.ngrok contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later
# make bench: requests per task, task cost against a bare uri task, and scale to 10,000 objects, measured
# against a fresh emulator (tools/bench.py). Prints Markdown tables; writes them to .cache/bench/results.md.
#
# environment: BENCH_CORE (default 2.19) picks the ansible-core the playbooks run with.
set -euo pipefail
# shellcheck source=tools/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

venv=$(ensure_playbook_venv "${BENCH_CORE:-2.19}")
# The emulator answers `filter` with cel-python: it runs on .venvs/tools, which has it.
EMULATOR_PYTHON=$(ensure_tools_venv)/bin/python
export EMULATOR_PYTHON
PATH="$venv/bin:$PATH" exec "$venv/bin/python" "$REPO_ROOT/tools/bench.py" "$(collections_path)"
