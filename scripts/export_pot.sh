#!/usr/bin/env bash
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
# Regenerate i18n/csr_management.pot from a fresh database with the addon.
source "$(dirname "$0")/lib.sh"

require_odoo
ensure_postgres
ADDONS="$(addons_path)"
DB="csr_pot_$(date +%Y%m%d%H%M%S)_$$"
trap 'dropdb --if-exists "$DB" >/dev/null 2>&1 || true' EXIT

odoo_bin -d "$DB" --addons-path="$ADDONS" -i "$ADDON_NAME" --without-demo=all \
    --stop-after-init --log-level=warn
LOG="$(mktemp)"
odoo_bin -d "$DB" --addons-path="$ADDONS" --modules="$ADDON_NAME" \
    --i18n-export="$REPO_DIR/i18n/$ADDON_NAME.pot" --log-level=warn 2>&1 | tee "$LOG"
# The term extractor skips a whole file it cannot parse (an expression among
# a translated call's arguments) and only logs it: make that an error.
if grep -q "Failed to extract terms" "$LOG"; then
    grep "Failed to extract terms" "$LOG" >&2
    rm -f "$LOG"
    die "Some files' terms could not be extracted: see above."
fi
rm -f "$LOG"
say "Wrote i18n/$ADDON_NAME.pot ($(grep -c '^msgid ' "$REPO_DIR/i18n/$ADDON_NAME.pot") entries)"

# Carry the new template into each translation: new terms arrive empty (the
# lint then lists them), vanished ones are dropped.
if command -v msgmerge >/dev/null 2>&1; then
    for po in "$REPO_DIR"/i18n/*.po; do
        msgmerge --quiet --update --no-fuzzy-matching --backup=none "$po" "$REPO_DIR/i18n/$ADDON_NAME.pot"
        msgattrib --no-obsolete --output-file="$po" "$po"
    done
    say "Merged the template into $(ls "$REPO_DIR"/i18n/*.po | wc -l) translation file(s)"
else
    say "msgmerge (gettext) not found: merge the template into i18n/*.po by hand"
fi
