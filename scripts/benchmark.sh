#!/usr/bin/env bash
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
# Benchmark: a throwaway database with the addon, 1,000,000 journal items and
# 1,000 employees (override: scripts/benchmark.sh --lines 100000), then the
# timed compute of one year and of its 17 periods. Prints a table of its
# figures, the bare SQL floor and the ratios; changes nothing else.
#   --mis-builder     also install OCA mis_builder 18.0 (from PyPI, --no-deps,
#                     into a temporary addons folder) and time it beside
#   --companies N     consultant mode: N companies of --lines items each (say
#                     --companies 300 --lines 20000); prints the monthly job's
#                     total, its time per company and the speed-up of 2 workers,
#                     and the reports of 50 companies at once (the PDF with
#                     wkhtmltopdf on patched Qt where PyPI has it for this machine)
#   CSR_BENCH_DB=name choose the database's name (default csr_bench_<time>_<pid>)
#   CSR_KEEP_DB=1     keep the database afterwards, to study it (planner
#                     statistics included: VACUUM ANALYZE runs after the data commit)
source "$(dirname "$0")/lib.sh"

require_odoo
ensure_postgres
ADDONS="$(addons_path)"
DB="${CSR_BENCH_DB:-csr_bench_$(date +%Y%m%d%H%M%S)_$$}"
db_exists "$DB" && die "Database '$DB' exists already: choose another CSR_BENCH_DB."
trap 'drop_unless_kept "$DB"; [ -n "${PEERS:-}" ] && rm -rf "$PEERS"' EXIT

MODULES="$ADDON_NAME"
for arg in "$@"; do
    case "$arg" in
        --mis-builder)
            PEERS="$(mktemp -d)"
            say "Installing OCA mis_builder 18.0 from PyPI (--no-deps) into $PEERS"
            install_pypi_addons "$PEERS" "odoo-addon-mis_builder>=18.0,<18.1" \
                "odoo-addon-date_range>=18.0,<18.1" "odoo-addon-report_xlsx>=18.0,<18.1" \
                openupgradelib \
                || die "Could not install mis_builder from PyPI."
            use_pypi_addons "$PEERS"
            MODULES="$MODULES,mis_builder"
            ;;
        --companies|--companies=*)
            ensure_wkhtmltopdf
            PATCHED="$(patched_wkhtmltopdf_dir)"
            [ -n "$PATCHED" ] && export PATH="$PATCHED:$PATH"
            ;;
    esac
done

say "Installing $MODULES into '$DB'"
odoo_bin -d "$DB" --addons-path="$ADDONS" -i "$MODULES" --without-demo=all \
    --stop-after-init --log-level=warn
say "Generating data and measuring"
"$PY" "$REPO_DIR/scripts/benchmark.py" --database "$DB" --addons-path "$ADDONS" "$@"
