#!/usr/bin/env bash
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
# The main command: create (or update) the demo database, write the reports of
# its latest month to a folder, and serve Odoo on it.
#   CSR_DEMO_DB       database name (default csr_demo)
#   CSR_PORT          HTTP port (default 8069)
#   CSR_DEMO_FRESH=1  drop the demo database first and build it from nothing
#   CSR_DEMO_REPORTS  folder of the reports (default demo-reports/ in the project)
source "$(dirname "$0")/lib.sh"

DB="${CSR_DEMO_DB:-csr_demo}"
PORT="${CSR_PORT:-8069}"
REPORTS="${CSR_DEMO_REPORTS:-$REPO_DIR/demo-reports}"

require_odoo
ensure_postgres
ensure_wkhtmltopdf
install_requirements requirements.txt
ADDONS="$(addons_path)"

if [ "${CSR_DEMO_FRESH:-0}" = 1 ] && db_exists "$DB"; then
    say "Dropping database '$DB' to build it from nothing"
    dropdb "$DB" || die "Could not drop '$DB': is a server still using it?"
fi
if db_exists "$DB" && addon_installed "$DB"; then
    say "Updating $ADDON_NAME in database '$DB'"
    odoo_bin -d "$DB" --addons-path="$ADDONS" -u "$ADDON_NAME" --stop-after-init --log-level=warn
    # Demo data load once, at install: an older database keeps what it had.
    if ! psql -d "$DB" -tAc "SELECT 1 FROM ir_model_data WHERE module = '$ADDON_NAME' AND name = 'demo_company'" | grep -q 1; then
        say "'$DB' was made before the demo company: run 'CSR_DEMO_FRESH=1 make demo' to get it."
    fi
else
    say "Creating database '$DB' with $ADDON_NAME and its demo company (a few minutes)"
    # Odoo 18 loads demo data into a new database unless told not to; an
    # empty --without-demo overrides a configuration file that says so.
    odoo_bin -d "$DB" --addons-path="$ADDONS" -i "$ADDON_NAME" --without-demo= \
        --stop-after-init --log-level=warn
fi

# The monthly compute runs now, before the server's scheduler would run it
# behind the reports' back: reports and overview then show the same scores.
say "Running the monthly compute once before the server starts"
"$PY" "$REPO_DIR/scripts/demo_reports.py" --database "$DB" --addons-path "$ADDONS" \
    --output "$REPORTS" --settle

# The server starts first: wkhtmltopdf fetches the report's styles from it.
# Its log goes to a file, so that the banner below stays on screen.
LOG="${CSR_DEMO_LOG:-$REPO_DIR/demo-reports/odoo-server.log}"
mkdir -p "$(dirname "$LOG")"
"$PY" -m odoo -d "$DB" --addons-path="$ADDONS" --http-port="$PORT" --db-filter="^$DB\$" \
    --log-level=info --logfile="$LOG" &
SERVER=$!
trap 'kill "$SERVER" 2>/dev/null; wait "$SERVER"' INT TERM
URL="http://localhost:$PORT"
for _ in $(seq 120); do
    curl -fs "$URL/web/health" >/dev/null 2>&1 && break
    kill -0 "$SERVER" 2>/dev/null || die "Odoo stopped while starting (see $LOG)."
    sleep 1
done

say "Writing the reports of the demo company's latest month to $REPORTS"
"$PY" "$REPO_DIR/scripts/demo_reports.py" --database "$DB" --addons-path "$ADDONS" \
    --url "$URL" --output "$REPORTS" \
    || say "The reports could not be written (see above); the server runs anyway."

cat <<MSG

  CSR Management is ready on database '$DB'.
  URL:    $URL/odoo/csr-overview   (every demo login lands on the CSR Overview)
  Logins: admin / admin                 (administrator, CSR manager)
          csr_manager / csr_manager     (CSR manager, the consultant of both clients)
          csr_user / csr_user           (CSR user)
          csr_auditor / csr_auditor     (CSR auditor, read-only)
  Companies: Tostadora Andina SAS (Colombia, COP) and Dulces Típicos del Bajío
          SA de CV (Mexico, MXN): tick both in the company switcher, then
          CSR > Reporting > Compare Companies.
  First:  the overview, then a period's ⚙ Actions menu > Triple Bottom Line Report.
  Reports of the latest month (PDF, workbook, VSME): $REPORTS
  Server log: $LOG
  Stop the server with Ctrl+C.

MSG
wait "$SERVER"
