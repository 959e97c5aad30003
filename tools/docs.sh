#!/usr/bin/env bash
# Copyright (c) 2026, community.ngrok contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later
# Build the HTML docsite of the collection (`make docs`), offline: antsibull-docs renders every module's
# documentation and the guides of docs/docsite/ (extra-docs.yml, rst/*.rst) to RST, Sphinx turns it into
# HTML with warnings as errors. Then every module and every guide must have its page.
#
# Output: docs/build/html/index.html (git-ignored; the Sphinx project is in docs/build/sphinx).
# The site's own additions (CSS) are in docs/sphinx/.
set -euo pipefail
# shellcheck source=tools/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

venv=$(ensure_release_venv)
export PATH="$venv/bin:$PATH"

out=$REPO_ROOT/docs/build
project=$out/sphinx
html=$out/html

# antsibull-docs documents collections it finds through ansible-doc: the tree itself, via a symlink.
collections=$CACHE_DIR/docs/collections
mkdir -p "$collections/ansible_collections/community"
ln -sfn "$REPO_ROOT" "$collections/ansible_collections/community/ngrok"
export ANSIBLE_COLLECTIONS_PATH=$collections ANSIBLE_COLLECTIONS_SCAN_SYS_PATH=false ANSIBLE_NOCOLOR=1

# sphinx-init wants its destination to exist and be writable by its owner only.
rm -rf "$project" "$html"
mkdir -p "$out"
mkdir -m 700 "$project"
log "antsibull-docs sphinx-init ($project)"
antsibull-docs sphinx-init --use-current --squash-hierarchy --fail-on-error \
    --project community.ngrok --copyright 'community.ngrok contributors' \
    --title 'community.ngrok' --html-short-title 'community.ngrok' \
    --dest-dir "$project" community.ngrok >/dev/null

# Offline and strict: no intersphinx inventories to download; references into the Ansible docs that only
# intersphinx could resolve (ansible.builtin, the Ansible docs' own labels) stay plain text instead of
# failing the -W build. No top bar links to other sites, no ads.
cat >>"$project/conf.py" <<'EOF'

# --- community.ngrok (tools/docs.sh) ---
intersphinx_mapping = {}
suppress_warnings = ['ref.ref']
html_static_path = ['_static']
html_css_files = ['community-ngrok.css']
html_theme_options = {
    'topbar_links': {
        'ngrok API': 'https://ngrok.com/docs/api/',
        'Source': 'https://github.com/ansible-collections/community.ngrok',
        'Issues': 'https://github.com/ansible-collections/community.ngrok/issues',
    },
    'show_rtd_ethical_ads': False,
    'show_extranav': False,
    'documentation_home_url': 'index.html',
}
EOF
mkdir -p "$project/_static"
cp "$REPO_ROOT"/docs/sphinx/_static/* "$project/_static/"

log "antsibull-docs collection: RST of every module and guide"
chmod og-w "$project/rst"  # antsibull-docs wants it writable by its owner only
antsibull-docs --config-file "$project/antsibull-docs.cfg" collection \
    --use-current --squash-hierarchy --fail-on-error --cleanup everything \
    --dest-dir "$project/rst" community.ngrok >/dev/null

log "sphinx-build -W (warnings are errors)"
sphinx-build -q -W --keep-going -b html -c "$project" "$project/rst" "$html"

# Every module and every guide has its page.
missing=()
shopt -s nullglob
for module in "$REPO_ROOT"/plugins/modules/*.py; do
    name=$(basename "$module" .py)
    [[ $name == __init__ ]] && continue
    [[ -f $html/${name}_module.html ]] || missing+=("${name}_module.html")
done
for guide in "$REPO_ROOT"/docs/docsite/rst/*.rst; do
    name=$(basename "$guide" .rst)
    [[ -f $html/docsite/$name.html ]] || missing+=("docsite/$name.html")
done
[[ -f $html/index.html ]] || missing+=(index.html)
[[ ${#missing[@]} == 0 ]] || die "the docsite lacks: ${missing[*]}"

modules=("$html"/*_module.html)
guides=("$html"/docsite/*.html)
log "docsite built: ${#modules[@]} module page(s), ${#guides[@]} guide(s): file://$html/index.html"
