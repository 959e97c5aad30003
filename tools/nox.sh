#!/usr/bin/env bash
# Copyright (c) 2026, community.ngrok contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later
# Run antsibull-nox sessions (antsibull-nox.toml) with the pinned nox of .venvs/nox.
#
# usage: tools/nox.sh [SESSION...]   (default: every session of antsibull-nox.toml: license-check,
#                                     extra-checks, docs-check, ansible-lint)
#
# The sessions' virtualenvs in .nox/ are kept between runs (nox --reuse-existing-virtualenvs): pip only
# checks that their pinned packages are there. `nox -l` in .venvs/nox lists the sessions.
set -euo pipefail
# shellcheck source=tools/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

venv=$(ensure_nox_venv)
sessions=("$@")
[[ ${#sessions[@]} -gt 0 ]] || sessions=(license-check extra-checks docs-check ansible-lint)
log "nox -e ${sessions[*]} (antsibull-nox $("$venv/bin/python" -c 'from importlib.metadata import version; print(version("antsibull-nox"))'))"
cd "$REPO_ROOT"
# antsibull-nox finds the installed collections with ansible-galaxy from .venvs/nox; pip's noise about this
# machine's extra index directories is dropped.
NO_COLOR=1 PATH=$venv/bin:$PATH "$venv/bin/nox" --reuse-existing-virtualenvs --no-color -e "${sessions[@]}" 2>&1 | filter_pip_noise
