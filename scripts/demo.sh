#!/usr/bin/env bash
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
# The main command: create (or update) the demo database and serve Odoo on it.
#   CSR_DEMO_DB  database name (default csr_demo)
#   CSR_PORT     HTTP port (default 8069)
source "$(dirname "$0")/lib.sh"

DB="${CSR_DEMO_DB:-csr_demo}"
PORT="${CSR_PORT:-8069}"

require_odoo
ensure_postgres
install_requirements requirements.txt
ADDONS="$(addons_path)"

if db_exists "$DB" && addon_installed "$DB"; then
    say "Updating $ADDON_NAME in database '$DB'"
    odoo_bin -d "$DB" --addons-path="$ADDONS" -u "$ADDON_NAME" --stop-after-init --log-level=warn
    # Demo data load once, at install: an older database keeps what it had.
    if ! psql -d "$DB" -tAc "SELECT 1 FROM ir_model_data WHERE module = '$ADDON_NAME' AND name = 'demo_company'" | grep -q 1; then
        say "'$DB' was made before the demo company: run 'dropdb $DB' and this command again to get it."
    fi
else
    say "Creating database '$DB' with $ADDON_NAME and its demo company (a few minutes)"
    # Odoo 18 loads demo data into a new database unless told not to; an
    # empty --without-demo overrides a configuration file that says so.
    odoo_bin -d "$DB" --addons-path="$ADDONS" -i "$ADDON_NAME" --without-demo= \
        --stop-after-init --log-level=warn
fi

cat <<MSG

  CSR Management is ready on database '$DB'.
  URL:    http://localhost:$PORT/odoo/csr-values
  Logins: admin / admin                 (administrator, CSR manager)
          csr_manager / csr_manager     (CSR manager)
          csr_user / csr_user           (CSR user)
          csr_auditor / csr_auditor     (CSR auditor, read-only)
  Stop the server with Ctrl+C.

MSG
exec "$PY" -m odoo -d "$DB" --addons-path="$ADDONS" --http-port="$PORT" --db-filter="^$DB\$" --log-level=info
