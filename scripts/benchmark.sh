#!/usr/bin/env bash
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
# Benchmark: a throwaway database with the addon, 1,000,000 journal items and
# 1,000 employees (override: scripts/benchmark.sh --lines 100000), then the
# timed compute of one year. Prints its figures; changes nothing else.
#   CSR_KEEP_DB=1  keep the database afterwards, to study it (its name is printed)
source "$(dirname "$0")/lib.sh"

require_odoo
ensure_postgres
ADDONS="$(addons_path)"
DB="csr_bench_$(date +%Y%m%d%H%M%S)_$$"
trap 'drop_unless_kept "$DB"' EXIT

say "Installing $ADDON_NAME into '$DB'"
odoo_bin -d "$DB" --addons-path="$ADDONS" -i "$ADDON_NAME" --without-demo=all \
    --stop-after-init --log-level=warn
say "Generating data and measuring"
"$PY" "$REPO_DIR/scripts/benchmark.py" --database "$DB" --addons-path "$ADDONS" "$@"
