#!/usr/bin/env bash
# Copyright (c) 2026, community.ngrok contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later
# Release checks: the collection as Galaxy, the docsite, AWX / Automation Platform and its users see it.
#
# usage: tools/release-checks.sh CHECK...
#
#   changelog-lint  antsibull-changelog lint: the fragments in changelogs/fragments/ (and changelog.yaml)
#   docs-lint       antsibull-docs lint-collection-docs --plugin-docs: every module's documentation and the
#                   guides of docs/docsite/ (references included)
#   lint            ansible-lint, production profile, offline, strict (warnings fail too), on the whole
#                   collection: examples/, the integration targets, galaxy.yml, meta/ (see .ansible-lint);
#                   run by antsibull-nox's ansible-lint session (tools/nox.sh)
#   nox             antsibull-nox's sessions (antsibull-nox.toml, tools/nox.sh): license-check (reuse lint),
#                   extra-checks (action groups, unwanted files, trailing whitespace), docs-check (code blocks
#                   of the guides), ansible-lint (the roles/ guard of `lint` first)
#   ee              ansible-builder create from meta/execution-environment.yml (the build context must hold a
#                   Containerfile and requirements.txt's requirements); ansible-builder introspect must find
#                   them as the collection's Python dependencies
#   galaxy          build the tarball from the working tree and check that it holds no venvs, caches, build
#                   output or toolchain files and does hold the licence text (COPYING, LICENSES/); build the release tarball (changelog rendered) from a copy of
#                   the tree, run galaxy-importer on it (no ERROR, no WARNING), install it into an empty
#                   collections path and run examples/http_response_backends.yml by FQCN against the emulator
#                   and the playbooks shown in README.md (each: --check --diff, apply, apply again with
#                   changed=0)
#   release-notes   render CHANGELOG.rst for galaxy.yml's version in a copy of the tree (the fragments in the
#                   tree stay) into .cache/release/CHANGELOG.rst, check it and print it
#   all             all of the above but lint (part of nox), in that order
#
# environment:
#   GALAXY_CHECK_EXAMPLE     the example the galaxy check runs (default examples/http_response_backends.yml)
#   GALAXY_IMPORTER_RUN_FLAKE8=1 and the other GALAXY_IMPORTER_* variables override tools/galaxy-importer.cfg
#
# Everything runs in .venvs/release (tools/requirements-release.txt); scratch files go to .cache/release/.
set -euo pipefail
# shellcheck source=tools/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

CHECKS="changelog-lint docs-lint nox lint ee galaxy release-notes"
ALL_CHECKS="changelog-lint docs-lint nox ee galaxy release-notes"  # lint is part of nox
WORK=$CACHE_DIR/release

usage() { die "usage: $0 CHECK... (CHECK: $CHECKS all)"; }

# galaxy_field KEY -> a top-level value of galaxy.yml.
galaxy_field() {
    "$VENV/bin/python" -c 'import sys, yaml; print(yaml.safe_load(open(sys.argv[1]))[sys.argv[2]])' \
        "$REPO_ROOT/galaxy.yml" "$1"
}

# module_names -> the name of every module in plugins/modules/, one a line.
module_names() {
    local file
    for file in "$REPO_ROOT"/plugins/modules/*.py; do
        [[ -f $file ]] || continue
        file=$(basename "$file" .py)
        [[ $file == __init__ ]] || echo "$file"
    done
}

# stage DIR -> copy the collection's files to DIR/ansible_collections/<namespace>/<name> and print that path.
stage() {
    local root=$1 dest
    dest=$root/ansible_collections/$(galaxy_field namespace)/$(galaxy_field name)
    rm -rf "$root"
    mkdir -p "$dest"
    tree_files | tar -C "$REPO_ROOT" --null -T - -cf - | tar -C "$dest" -xf -
    # Its own git repository: the copy lies in the tree's .gitignore'd .cache/, and antsibull-changelog
    # documents only the files git does not ignore.
    git -C "$dest" init -q
    echo "$dest"
}

# release_copy DIR -> stage DIR and run antsibull-changelog release there (fragments become CHANGELOG.rst
# and changelogs/changelog.yaml); print the copy's path.
release_copy() {
    local copy version
    copy=$(stage "$1")
    version=$(galaxy_field version)
    log "antsibull-changelog release --version $version (in a copy: $copy)"
    (cd "$copy" && antsibull-changelog release --version "$version" >&2) || die "antsibull-changelog release failed"
    echo "$copy"
}

# ---------------------------------------------------------------------------------------------------------

check_changelog_lint() {
    log "antsibull-changelog lint"
    (cd "$REPO_ROOT" && antsibull-changelog lint) || die "antsibull-changelog lint found problems (above)"
    if [[ -f $REPO_ROOT/changelogs/changelog.yaml ]]; then
        antsibull-changelog lint-changelog-yaml "$REPO_ROOT/changelogs/changelog.yaml" \
            || die "changelogs/changelog.yaml is not valid (above)"
    fi
    log "changelog fragments: OK ($(find "$REPO_ROOT/changelogs/fragments" -type f -name '*.yml' | wc -l) fragment(s))"
}

check_docs_lint() {
    log "antsibull-docs lint-collection-docs --plugin-docs"
    antsibull-docs lint-collection-docs --plugin-docs --check-extra-docs-refs \
        --validate-collection-refs all --disallow-unknown-collection-refs "$REPO_ROOT" \
        || die "antsibull-docs lint-collection-docs found problems (above)"
    log "collection docs: OK"
}

check_lint_guard() {
    # The integration targets are roles to ansible-lint; .ansible-lint lets their variables skip the role
    # prefix. That is only right while the collection ships no roles of its own.
    [[ ! -d $REPO_ROOT/roles ]] \
        || die "the collection now has roles/: remove var-naming[no-role-prefix] from .ansible-lint's skip_list or limit it to tests/integration/targets"
}

check_lint() {
    check_lint_guard
    # antsibull-nox's ansible-lint session: ansible-lint --offline --strict, the production profile of
    # .ansible-lint, the collection installed where ansible-lint finds it.
    "$REPO_ROOT/tools/nox.sh" ansible-lint || die "ansible-lint failed (above)"
}

check_nox() {
    check_lint_guard
    "$REPO_ROOT/tools/nox.sh" || die "antsibull-nox's checks failed (above)"
}

check_ee() {
    local copy context=$WORK/ee/context reqs missing=() line introspected
    copy=$(stage "$WORK/ee/collections")
    [[ -f $copy/meta/execution-environment.yml ]] || die "meta/execution-environment.yml is missing"
    "$VENV/bin/python" - "$copy/meta/execution-environment.yml" <<'EOF' || die "meta/execution-environment.yml: see above"
import sys
import yaml
ee = yaml.safe_load(open(sys.argv[1]))
assert ee.get('version') == 3, 'version must be 3, not %r' % ee.get('version')
python = (ee.get('dependencies') or {}).get('python')
assert python == 'requirements.txt', 'dependencies.python must be requirements.txt (relative to the collection root), not %r' % python
EOF
    # Paths in the file are relative to the collection root (that is how introspection reads them when
    # the collection is installed in an execution environment): ansible-builder gets a copy placed there.
    cp "$copy/meta/execution-environment.yml" "$copy/execution-environment.yml"
    rm -rf "$context"
    log "ansible-builder create -f execution-environment.yml (collection root) -c $context"
    ansible-builder create -f "$copy/execution-environment.yml" -c "$context" --output-filename Containerfile >&2 \
        || die "ansible-builder create failed"
    [[ -s $context/Containerfile ]] || die "ansible-builder made no Containerfile"
    reqs=$context/_build/requirements.txt
    [[ -f $reqs ]] || die "the build context has no _build/requirements.txt"
    while read -r line; do
        line=${line%%#*}
        line=${line//[[:space:]]/}
        [[ -z $line ]] && continue
        grep -qxF "$line" <(sed -e 's/#.*//' -e 's/[[:space:]]//g' "$reqs") || missing+=("$line")
    done <"$REPO_ROOT/requirements.txt"
    [[ ${#missing[@]} == 0 ]] || die "the build context's requirements.txt lacks: ${missing[*]}"
    log "ansible-builder introspect: the Python dependencies an execution environment gets from the collection"
    introspected=$(ansible-builder introspect --sanitize "$WORK/ee/collections") || die "ansible-builder introspect failed"
    printf '%s\n' "$introspected" >&2
    while read -r line; do
        line=${line%%#*}
        line=${line//[[:space:]]/}
        [[ -z $line ]] && continue
        grep -qF "$line  # from collection community.ngrok" <<<"$introspected" || missing+=("$line")
    done <"$REPO_ROOT/requirements.txt"
    [[ ${#missing[@]} == 0 ]] || die "introspection does not find these requirements of community.ngrok: ${missing[*]}"
    log "execution environment: OK (build context in $context)"
}

# check_tarball TARBALL -> fail if it holds anything that is not part of the collection.
check_tarball() {
    local tarball=$1 bad
    bad=$(tar -tzf "$tarball" | grep -E \
        -e '(^|/)\.venvs?(/|$)' -e '(^|/)\.cache(/|$)' -e '(^|/)__pycache__(/|$)' -e '\.py[co]$' \
        -e '(^|/)\.(pytest|ruff|mypy)_cache(/|$)' -e '(^|/)\.hypothesis(/|$)' -e '(^|/)\.(tox|nox|ansible|git|ci)(/|$)' \
        -e '^tests/output(/|$)' -e '^tools(/|$)' -e '^Makefile$' -e '^docs/build(/|$)' \
        -e '^(build|dist)(/|$)' -e '\.tar\.gz$' -e '^tests/integration/(inventory|integration_config\.yml)$' \
        || true)
    [[ -z $bad ]] || die "$(basename "$tarball") holds files that are no part of the collection (extend build_ignore in galaxy.yml):"$'\n'"$bad"
}

# check_licence TARBALL -> fail unless the tarball holds, as in the tree, COPYING at its root and the full text
# of every licence galaxy.yml declares at LICENSES/<SPDX id>.txt (where every file's header points).
check_licence() {
    local tarball=$1 dir=$WORK/licence-check ids=() problems=() file
    mapfile -t ids < <("$VENV/bin/python" -c 'import sys, yaml; print("\n".join(yaml.safe_load(open(sys.argv[1]))["license"]))' \
        "$REPO_ROOT/galaxy.yml")
    [[ ${#ids[@]} -gt 0 ]] || die "galaxy.yml declares no license"
    # The GPL's own closing words: a truncated or placeholder text fails too.
    grep -q 'END OF TERMS AND CONDITIONS' "$REPO_ROOT/COPYING" 2>/dev/null \
        || die "COPYING in the tree is not a full licence text"
    rm -rf "$dir"
    mkdir -p "$dir"
    tar -xzf "$tarball" -C "$dir"
    for file in COPYING "${ids[@]/#/LICENSES/}"; do
        [[ $file == COPYING ]] || file=$file.txt
        if [[ ! -f $dir/$file ]]; then
            problems+=("$file is missing")
        elif ! cmp -s "$dir/$file" "$REPO_ROOT/$file"; then
            problems+=("$file differs from the tree's")
        fi
    done
    [[ ${#problems[@]} == 0 ]] || die "$(basename "$tarball") lacks its licence text: $(printf '%s; ' "${problems[@]}")(galaxy.yml build_ignore?)"
    log "licence: COPYING and LICENSES/${ids[*]/%/.txt} in $(basename "$tarball")"
}

# run_playbook LABEL PLAYBOOK URL KEY -> on an emptied emulator: --check --diff, apply, apply again; the
# first apply must change something and the second nothing.
run_playbook() {
    local label=$1 playbook=$2 url=$3 key=$4 out mode args
    out=$WORK/install/run.log
    "$VENV/bin/python" -c 'import sys, urllib.request; urllib.request.urlopen(urllib.request.Request(sys.argv[1], method="POST"), timeout=10)' \
        "$url/_emulator/reset"
    for mode in check apply apply-again; do
        args=()
        [[ $mode != check ]] || args=(--check --diff)
        log "$label: ansible-playbook ${args[*]:-(apply)} [$mode]"
        (cd "$(dirname "$playbook")" && NGROK_API_URL=$url NGROK_API_KEY=$key ansible-playbook "${args[@]}" "$playbook") >"$out" 2>&1 \
            || { cat "$out" >&2; die "$label failed in the $mode run"; }
        grep -E '^[^ ].* : ok=' "$out" >&2 || die "$label: no PLAY RECAP in the $mode run"
        case $mode in
            apply) grep -qE ' changed=[1-9]' "$out" || die "$label: the first apply changed nothing" ;;
            apply-again) ! grep -E ' : ok=' "$out" | grep -vE ' changed=0 .* failed=0 ' >/dev/null \
                || die "$label: the second apply was not idempotent" ;;
        esac
    done
}

check_galaxy() {
    local namespace name version tarball copy dist=$WORK/dist listed extra importer_log importer_dir
    local errors warnings status=0 install=$WORK/install collections example installed url key modules playbook
    namespace=$(galaxy_field namespace)
    name=$(galaxy_field name)
    version=$(galaxy_field version)

    # 1. The working tree, with its venvs and caches, builds a clean tarball.
    rm -rf "$WORK/tree-build"
    mkdir -p "$WORK/tree-build"
    log "ansible-galaxy collection build (working tree)"
    ansible-galaxy collection build --force --output-path "$WORK/tree-build" "$REPO_ROOT" >&2 \
        || die "ansible-galaxy collection build failed"
    tarball=$WORK/tree-build/$namespace-$name-$version.tar.gz
    check_tarball "$tarball"
    check_licence "$tarball"
    # Nothing in it that git does not know about (an ignored file that build_ignore misses).
    listed=$WORK/tree-files.txt
    tree_files | tr '\0' '\n' | sort >"$listed"
    extra=$(tar -tzf "$tarball" | grep -v '/$' | grep -vxE 'MANIFEST\.json|FILES\.json' | sort | comm -23 - "$listed")
    [[ -z $extra ]] || die "the tarball holds files git ignores (add them to build_ignore in galaxy.yml):"$'\n'"$extra"
    log "working-tree tarball: $(tar -tzf "$tarball" | grep -vc '/$') files, no venvs, caches or build output"

    # 2. The release tarball: the changelog rendered from the fragments, as at release time.
    copy=$(release_copy "$WORK/galaxy")
    rm -rf "$dist"
    mkdir -p "$dist"
    ansible-galaxy collection build --output-path "$dist" "$copy" >&2 || die "ansible-galaxy collection build failed (release copy)"
    tarball=$dist/$namespace-$name-$version.tar.gz
    check_tarball "$tarball"
    check_licence "$tarball"
    grep -qx CHANGELOG.rst <(tar -tzf "$tarball") || die "the release tarball has no CHANGELOG.rst"

    # 3. galaxy-importer, as Galaxy runs it on upload (minus ansible-test, which needs a container engine).
    importer_dir=$WORK/importer
    importer_log=$importer_dir/importer.log
    rm -rf "$importer_dir"
    mkdir -p "$importer_dir"
    log "galaxy-importer $(basename "$tarball") (GALAXY_IMPORTER_CONFIG=tools/galaxy-importer.cfg)"
    (cd "$importer_dir" && GALAXY_IMPORTER_CONFIG=$REPO_ROOT/tools/galaxy-importer.cfg \
        python -m galaxy_importer.main "$tarball") >"$importer_log" 2>&1 || status=$?
    grep -vE '^\s' "$importer_log" >&2 || true
    errors=$(grep -cE '(^|[^A-Z])ERROR' "$importer_log" || true)
    warnings=$(grep -cE '(^|[^A-Z])WARNING' "$importer_log" || true)
    log "galaxy-importer: exit $status, $errors error(s), $warnings warning(s) (log: $importer_log)"
    [[ $status == 0 && $errors == 0 && $warnings == 0 ]] || die "galaxy-importer reported problems (above)"
    mapfile -t modules < <(module_names)
    "$VENV/bin/python" - "$importer_dir/importer_result.json" "${modules[@]}" <<'EOF' || die "galaxy-importer's result misses modules (above)"
import json
import sys
result = json.load(open(sys.argv[1]))
found = dict((c['name'], c) for c in result['contents'] if c['content_type'] == 'module')
missing = sorted(set(sys.argv[2:]) - set(found))
undocumented = sorted(name for name in sys.argv[2:] if name in found and not found[name].get('description'))
assert not missing, 'galaxy-importer found no module %s' % ', '.join(missing)
assert not undocumented, 'galaxy-importer found no short_description for %s' % ', '.join(undocumented)
print('galaxy-importer found %d module(s), every one documented' % len(found), file=sys.stderr)
EOF

    # 4. Install it into an empty collections path and run an example by FQCN against the emulator.
    rm -rf "$install"
    collections=$install/collections
    mkdir -p "$collections"
    export ANSIBLE_COLLECTIONS_PATH=$collections ANSIBLE_COLLECTIONS_SCAN_SYS_PATH=false ANSIBLE_NOCOLOR=1 \
        ANSIBLE_RETRY_FILES_ENABLED=0 ANSIBLE_LOCALHOST_WARNING=false ANSIBLE_INVENTORY_UNPARSED_WARNING=false
    log "ansible-galaxy collection install $(basename "$tarball") -p $collections"
    ansible-galaxy collection install --offline -p "$collections" "$tarball" >&2 || die "ansible-galaxy collection install failed"
    installed=$collections/ansible_collections/$namespace/$name
    example=${GALAXY_CHECK_EXAMPLE:-examples/http_response_backends.yml}
    [[ -f $installed/$example ]] || die "the installed collection has no $example"
    # Outside of any collection tree, so that only ANSIBLE_COLLECTIONS_PATH can provide community.ngrok.
    cp "$installed/$example" "$install/playbook.yml"

    grep -qF "$collections/ansible_collections" <(cd "$install" && ansible-galaxy collection list "$namespace.$name") \
        || die "community.ngrok does not resolve to the installed tarball"

    export EMULATOR_STATE_DIR=$WORK/emulator
    "$REPO_ROOT/tools/emulator.sh" stop >/dev/null 2>&1 || true
    trap '"$REPO_ROOT/tools/emulator.sh" stop >/dev/null 2>&1 || true' EXIT
    trap 'exit 130' INT
    trap 'exit 143' TERM
    key=$(new_api_key)
    url=$("$REPO_ROOT/tools/emulator.sh" start "$key")
    run_playbook "$example (installed from the tarball)" "$install/playbook.yml" "$url" "$key"
    # The objects really exist in the emulator.
    "$VENV/bin/python" - "$url" "$key" <<'EOF' || die "the example left no backend in the emulator"
import json
import sys
import urllib.request
request = urllib.request.Request(sys.argv[1] + '/backends/http_response',
                                 headers={'Authorization': 'Bearer ' + sys.argv[2], 'Ngrok-Version': '2'})
backends = json.load(urllib.request.urlopen(request, timeout=10))['backends']
assert backends, 'no backend'
print('the emulator holds %d HTTP response backend(s)' % len(backends), file=sys.stderr)
EOF
    # The playbooks shown in README.md work as they are.
    mkdir -p "$install/readme"
    "$VENV/bin/python" - "$REPO_ROOT/README.md" "$install/readme" <<'EOF' || die "could not read the playbooks of README.md"
import os
import re
import sys
import yaml
text = open(sys.argv[1]).read()
count = 0
for block in re.findall(r'^```ya?ml\n(.*?)^```', text, re.M | re.S):
    data = yaml.safe_load(block)
    if isinstance(data, list) and data and isinstance(data[0], dict) and 'hosts' in data[0]:
        count += 1
        with open(os.path.join(sys.argv[2], 'readme-%d.yml' % count), 'w') as handle:
            handle.write(block)
print('README.md shows %d playbook(s)' % count, file=sys.stderr)
EOF
    for playbook in "$install"/readme/readme-*.yml; do
        [[ -f $playbook ]] || continue
        run_playbook "README.md playbook $(basename "$playbook" .yml | tr -dc 0-9)" "$playbook" "$url" "$key"
    done
    "$REPO_ROOT/tools/emulator.sh" stop >/dev/null 2>&1 || true
    log "galaxy: OK ($tarball)"
}

check_release_notes() {
    local copy target=$WORK/CHANGELOG.rst version missing=() file module added
    version=$(galaxy_field version)
    copy=$(release_copy "$WORK/notes")
    antsibull-changelog lint-changelog-yaml "$copy/changelogs/changelog.yaml" || die "the rendered changelog.yaml is not valid"
    [[ -s $copy/CHANGELOG.rst ]] || die "antsibull-changelog rendered no CHANGELOG.rst"
    grep -qx "v$version" "$copy/CHANGELOG.rst" || die "CHANGELOG.rst has no section v$version"
    # Every module whose version_added is this version is announced under New Modules.
    for file in "$REPO_ROOT"/plugins/modules/*.py; do
        module=$(basename "$file" .py)
        [[ $module == __init__ ]] && continue
        added=$(sed -n "s/^version_added:[[:space:]]*['\"]\{0,1\}\([^'\"]*\)['\"]\{0,1\}[[:space:]]*$/\1/p" "$file" | head -n 1)
        [[ $added == "$version" ]] || continue
        grep -qF "community.ngrok.$module - " "$copy/CHANGELOG.rst" || missing+=("$module")
    done
    [[ ${#missing[@]} == 0 ]] || die "CHANGELOG.rst does not announce these modules of $version: ${missing[*]}"
    cp "$copy/CHANGELOG.rst" "$target"
    cat "$target"
    log "release notes for $version: $target (the tree's fragments are untouched)"
}

# ---------------------------------------------------------------------------------------------------------

[[ $# -gt 0 ]] || usage
checks=()
for arg in "$@"; do
    case " $CHECKS all " in
        *" $arg "*) ;;
        *) usage ;;
    esac
    if [[ $arg == all ]]; then
        read -r -a more <<<"$ALL_CHECKS"
        checks+=("${more[@]}")
    else
        checks+=("$arg")
    fi
done

VENV=$(ensure_release_venv)
export PATH="$VENV/bin:$PATH"
mkdir -p "$WORK"
for check in "${checks[@]}"; do
    # Each check in a subshell: its environment variables and traps stay its own.
    ("check_${check//-/_}")
done
