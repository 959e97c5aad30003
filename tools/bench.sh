#!/usr/bin/env bash
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
