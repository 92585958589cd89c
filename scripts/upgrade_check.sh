#!/usr/bin/env bash
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
# Upgrade, uninstall and reinstall safety, on a throwaway database:
#   1. install the addon with its demo company; a user edits one indicator's
#      name and one emission factor;
#   2. update the addon twice: the user data of every csr_* table, our
#      columns on host tables and the host records our data created must not
#      change, and the two edits must survive (noupdate);
#   3. uninstall it: no error, and nothing of ours left (external ids, models,
#      fields, views, menus, actions, rules, groups, crons, activity types,
#      account tags, units, tables, columns on host tables);
#   4. install it again: it must install cleanly.
# Prints a report; exits non-zero on any difference, leftover or error.
# Not part of .ci/run: it takes several minutes (see the README).
#   CSR_KEEP_DB=1  keep the database afterwards (its name is printed)
#   CSR_UPGRADE_FROM=name  start from a copy of this database, which already
#                  has the addon installed (skips step 1's install)
source "$(dirname "$0")/lib.sh"

require_odoo
ensure_postgres
install_requirements requirements.txt
ADDONS="$(addons_path)"
DB="csr_upgrade_$(date +%Y%m%d%H%M%S)_$$"
WORK="$(mktemp -d -t csr_upgrade_XXXXXX)"
trap 'drop_unless_kept "$DB"; rm -rf "$WORK"' EXIT
start=$(date +%s)
failures=()

step() { "$PY" "$REPO_DIR/scripts/upgrade_check.py" "$@" --database "$DB" --addons-path "$ADDONS"; }

# Runs Odoo; fails the step when Odoo fails or logs an error.
odoo_step() {
    local label="$1" log="$WORK/$1.log"
    shift
    if ! odoo_bin -d "$DB" --addons-path="$ADDONS" --stop-after-init --log-level=warn "$@" >"$log" 2>&1 \
        || grep -Eq '^[0-9-]+ [0-9:,]+ [0-9]+ (ERROR|CRITICAL) ' "$log"; then
        grep -E ' (ERROR|CRITICAL) ' -A5 "$log" | head -n 40 >&2 || true
        failures+=("$label: Odoo failed or logged an error (see above)")
    fi
}

check() {
    local label="$1"
    shift
    step "$@" || failures+=("$label")
}

if [ -n "${CSR_UPGRADE_FROM:-}" ]; then
    say "Copying '$CSR_UPGRADE_FROM' into '$DB'"
    createdb -T "$CSR_UPGRADE_FROM" "$DB"
else
    say "Installing $ADDON_NAME with its demo company into '$DB' (a few minutes)"
    odoo_step install -i "$ADDON_NAME" --without-demo=
fi
say "Took $(( $(date +%s) - start )) s so far"

say "Editing records as a user would, then taking a snapshot"
check "edit" edit
check "snapshot" snapshot "$WORK/before.json"
for round in 1 2; do
    say "Updating $ADDON_NAME ($round/2)"
    odoo_step "update $round" -u "$ADDON_NAME"
    check "snapshot $round" snapshot "$WORK/after$round.json"
    check "update $round changed user data" compare "$WORK/before.json" "$WORK/after$round.json"
done

say "Uninstalling $ADDON_NAME"
check "owned records" owned "$WORK/owned.json"
check "uninstall" uninstall
check "leftovers after uninstall" leftovers "$WORK/owned.json"

say "Installing $ADDON_NAME again"
odoo_step reinstall -i "$ADDON_NAME"
check "reinstall" installed

say "Took $(( $(date +%s) - start )) s"
if [ "${#failures[@]}" -gt 0 ]; then
    printf '\nUPGRADE CHECK: FAIL\n'
    printf '  - %s\n' "${failures[@]}"
    exit 1
fi
printf '\nUPGRADE CHECK: PASS\n'
