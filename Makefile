# Copyright (c) 2026, community.ngrok contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later
# community.ngrok: build and test entry points. The logic lives in tools/*.sh.
#
# Everything is created on demand: virtualenvs in .venvs/, ansible-test copies of the tree and
# emulator state in .cache/. Where ../shared/tools/get_pip_offline.py exists (offline machines), it is put
# into ~/.ansible/test/cache/ for ansible-test; elsewhere ansible-test downloads get-pip itself. Python
# interpreters come from $(pyenv root)/versions/<X.Y.Z>/bin or PATH; a core without its Python is skipped.
#
# ansible-core 2.19 runs on Python 3.11, 2.20 on 3.12, 2.21 on 3.13.
#
# Variables:
#   CORE=2.19|2.20|2.21   ansible-core for sanity/units/integration (default: the first one found)
#   TARGET=name           run one integration target (or one unit test file / sanity path); several, blank-separated
#   ANSIBLE_TEST_ARGS=..  extra ansible-test arguments, e.g. ANSIBLE_TEST_ARGS="-v --test pylint"
#   SESSIONS=..           nox-checks: the antsibull-nox sessions to run (default: all of antsibull-nox.toml)

SHELL := /bin/bash
CORES := 2.19 2.20 2.21

export CORE TARGET ANSIBLE_TEST_ARGS

.DEFAULT_GOAL := help
.PHONY: help test sanity units integration integration-live integration-live-emulator emulator-tests demo emulator-start emulator-stop lint-tools tooling-tests clean \
	docs docs-lint lint nox-checks licence-check ee galaxy-check changelog-lint release-notes release-checks bench reliability \
	$(foreach c,$(CORES),sanity-$(c) units-$(c) integration-$(c))

# help: list the targets.
help:
	@sed -n 's/^# \([a-z%-]*\): /  make \1: /p' $(MAKEFILE_LIST)

# test: what CI runs. For each ansible-core whose Python exists: sanity, units, integration; emulator-tests, lint-tools, tooling-tests, two targets of integration-live-emulator, reliability and the release checks.
test:
	tools/test.sh

# sanity: ansible-test sanity (one core; tests/sanity/ignore-*.txt must stay empty).
sanity:
	tools/ansible-test.sh sanity

# units: ansible-test units (one core).
units:
	tools/ansible-test.sh units

# integration: ansible-test integration against a freshly started emulator (one core).
integration:
	tools/ansible-test.sh integration

# integration-live: the integration targets against a real ngrok account (NGROK_API_KEY; NGROK_API_URL, NGROK_LIVE_DOMAIN optional).
integration-live:
	tools/ansible-test.sh integration-live

# integration-live-emulator: the same against a fresh emulator without its control endpoints (part of make test).
integration-live-emulator:
	LIVE_EMULATOR=1 tools/ansible-test.sh integration-live

# sanity-%: (and units-%, integration-%) the same for one core, e.g. make sanity-2.20.
$(addprefix sanity-,$(CORES)): sanity-%:
	CORE=$* tools/ansible-test.sh sanity

$(addprefix units-,$(CORES)): units-%:
	CORE=$* tools/ansible-test.sh units

$(addprefix integration-,$(CORES)): integration-%:
	CORE=$* tools/ansible-test.sh integration

# emulator-tests: the emulator's own pytest suite (tests/emulator/tests) in .venvs/tools.
emulator-tests:
	tools/emulator-tests.sh

# demo: every examples/*.yml against the emulator: --check --diff, apply, apply again (must be changed=0).
demo:
	tools/demo.sh

# emulator-start: start an emulator in the background for manual work; `eval "$(tools/emulator.sh env)"`.
emulator-start:
	tools/emulator.sh start

# emulator-stop: stop the emulator started by emulator-start.
emulator-stop:
	tools/emulator.sh stop

# lint-tools: shellcheck the toolchain's own scripts.
lint-tools:
	shellcheck -x tools/*.sh tools/tests/*.sh .ci/run

# tooling-tests: the toolchain on a contributor's machine: no ../shared (no offline get-pip, no OpenAPI spec), no pyenv.
tooling-tests:
	tools/tests/contributor-machine.sh

# bench: requests per task, task cost against a bare uri task, scale to 10,000 objects (reports, never fails on time).
bench:
	tools/bench.sh

# reliability: rate limit, 20 forks at once, two racing runs, check mode of every example, secret scan of -vvvv output.
reliability:
	tools/reliability.sh

# The release checks run in .venvs/release (tools/requirements-release.txt, made on first use); see tools/release-checks.sh.

# docs: build the HTML docsite (antsibull-docs + Sphinx, offline, warnings are errors) into docs/build/html.
docs:
	tools/docs.sh

# docs-lint: antsibull-docs lint-collection-docs --plugin-docs (module docs and the guides in docs/docsite/).
docs-lint:
	tools/release-checks.sh docs-lint

# lint: ansible-lint, production profile, offline, strict, on the whole collection (antsibull-nox's ansible-lint session).
lint:
	tools/release-checks.sh lint

# nox-checks: antsibull-nox's sessions of antsibull-nox.toml (SESSIONS="license-check extra-checks docs-check ansible-lint").
nox-checks:
	tools/nox.sh $(SESSIONS)

# licence-check: REUSE licensing of every file (reuse lint, antsibull-nox's license-check session).
licence-check:
	tools/nox.sh license-check

# ee: ansible-builder create from meta/execution-environment.yml, and introspection of the collection's requirements.
ee:
	tools/release-checks.sh ee

# galaxy-check: build the tarball, check its content and licence text, galaxy-importer (no warnings), install it and run an example.
galaxy-check:
	tools/release-checks.sh galaxy

# changelog-lint: antsibull-changelog lint of changelogs/fragments.
changelog-lint:
	tools/release-checks.sh changelog-lint

# release-notes: render CHANGELOG.rst for galaxy.yml's version into .cache/release/ (the fragments stay).
release-notes:
	tools/release-checks.sh release-notes

# release-checks: all of the above but docs: changelog-lint docs-lint nox-checks ee galaxy-check release-notes.
release-checks:
	tools/release-checks.sh all

# clean: remove the virtualenvs and caches of this tree (not ~/.cache/pip or ~/.ansible).
clean:
	-tools/emulator.sh stop
	rm -rf .venvs .cache .nox tests/output docs/build
