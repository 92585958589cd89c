#!/usr/bin/env bash
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
# The lint command: ruff (format + lint), pylint-odoo, and translation
# completeness. Tools live in a cached virtualenv; Odoo is not needed.
#   CSR_LINT_FIX=1  let ruff rewrite the files instead of only checking
source "$(dirname "$0")/lib.sh"

LINT_PY="${LINT_PYTHON:-python3}"
hash="$(sha256sum "$REPO_DIR/requirements-lint.txt" | cut -c1-12)"
VENV="$CACHE_DIR/lint-venv-$hash"
if [ ! -x "$VENV/bin/pylint" ]; then
    say "Preparing lint tools in $VENV"
    "$LINT_PY" -m venv "$VENV"
    "$VENV/bin/pip" install --quiet --disable-pip-version-check -r "$REPO_DIR/requirements-lint.txt" \
        || die "Could not install the lint tools (requirements-lint.txt)."
fi

cd "$REPO_DIR"
status=0
if [ "${CSR_LINT_FIX:-0}" = 1 ]; then
    "$VENV/bin/ruff" format . && "$VENV/bin/ruff" check --fix . || status=1
else
    say "ruff format --check"
    "$VENV/bin/ruff" format --check . || status=1
    say "ruff check"
    "$VENV/bin/ruff" check . || status=1
fi

# pylint-odoo reads the addon under its own name, as Odoo does.
link_dir="$(link_dir_for lint-addons)"
mkdir -p "$link_dir"
ln -sfn "$REPO_DIR" "$link_dir/$ADDON_NAME"
say "pylint-odoo"
(cd "$link_dir" && "$VENV/bin/pylint" --rcfile="$REPO_DIR/.pylintrc" "$ADDON_NAME") || status=1

say "translations complete"
"$LINT_PY" "$REPO_DIR/scripts/check_translations.py" "$REPO_DIR/i18n" || status=1

if [ "$status" = 0 ]; then say "lint clean"; else say "lint found problems"; fi
exit "$status"
