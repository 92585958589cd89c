#!/usr/bin/env bash
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
# The test command: a fresh throwaway database, the addon installed (no demo
# data), the whole suite run by pytest-odoo. Extra arguments go to pytest.
#   CSR_KEEP_DB=1  keep the database afterwards (its name is printed)
source "$(dirname "$0")/lib.sh"

require_odoo
ensure_postgres
ensure_chromium
ensure_wkhtmltopdf
install_requirements requirements.txt requirements-test.txt
# The suite prints with the system's wkhtmltopdf; the test that cuts the
# header's styles (tests/test_report_pdf.py) also prints with the build on
# patched Qt Odoo asks for, where PyPI has it for this machine.
PATCHED="$(patched_wkhtmltopdf_dir)"
if [ -n "$PATCHED" ]; then
    export CSR_PATCHED_WKHTMLTOPDF="$PATCHED/wkhtmltopdf"
fi
ADDONS="$(addons_path)"

# Arelle, which checks the digital VSME report (tests/test_vsme_digital.py),
# lives in its own cached virtualenv, never in Odoo's interpreter; its test is
# skipped with a message where it cannot be installed.
ARELLE_PY="${ARELLE_PYTHON:-python3}"
arelle_hash="$(sha256sum "$REPO_DIR/requirements-arelle.txt" | cut -c1-12)"
ARELLE_VENV="$CACHE_DIR/arelle-venv-$arelle_hash"
if [ ! -x "$ARELLE_VENV/bin/arelleCmdLine" ]; then
    say "Installing Arelle into $ARELLE_VENV"
    if ! { "$ARELLE_PY" -m venv "$ARELLE_VENV" \
        && "$ARELLE_VENV/bin/pip" install --quiet --disable-pip-version-check \
            -r "$REPO_DIR/requirements-arelle.txt"; }; then
        say "Arelle could not be installed: its test will be skipped."
    fi
fi
if [ -x "$ARELLE_VENV/bin/arelleCmdLine" ]; then
    export CSR_ARELLE="$ARELLE_VENV/bin/arelleCmdLine"
fi
DB="csr_test_$(date +%Y%m%d%H%M%S)_$$"

trap 'drop_unless_kept "$DB"' EXIT

# The Latin-American charts of accounts the real-books tests post a year on
# (tests/test_real_books.py); installed, not loaded: each test company loads
# its own chart.
CHARTS="l10n_co,l10n_mx,l10n_br,l10n_cl,l10n_pe,l10n_ar,l10n_ec,l10n_uy"
# Expenses, which business travel reads (tests/test_scope3.py), and OCA
# queue_job, with which the monthly run enqueues a job per company
# (tests/test_compute_schedule.py), are installed too, as an SME may have
# them. queue_job comes from PyPI (--no-deps) into the cache: 18.0.1.7.0 is
# its last release that runs on an Odoo 18.0 older than api.private, as the
# reference tree is; without it its test is skipped.
MODULES="$ADDON_NAME,$CHARTS,hr_expense"
QUEUE_JOB="$CACHE_DIR/peers-queue_job-18.0.1.7.0"
if [ ! -d "$QUEUE_JOB/odoo/addons/queue_job" ]; then
    install_pypi_addons "$QUEUE_JOB" "odoo-addon-queue_job==18.0.1.7.0" \
        || { say "OCA queue_job could not be installed: its test will be skipped."; rm -rf "$QUEUE_JOB"; }
fi
if [ -d "$QUEUE_JOB/odoo/addons/queue_job" ]; then
    use_pypi_addons "$QUEUE_JOB"
    MODULES="$MODULES,queue_job"
fi
say "Installing $MODULES into a fresh database '$DB'"
odoo_bin -d "$DB" --addons-path="$ADDONS" -i "$MODULES" --without-demo=all \
    --stop-after-init --log-level=warn

say "Running the test suite"
# pytest-odoo imports odoo.tests before Odoo's test mode is on, which logs a
# spurious "Importing test framework" error; --test-enable would avoid it but
# makes the registry load take minutes, so that one logger is quietened.
# --odoo-http starts Odoo's HTTP server on a free port, without which
# pytest-odoo skips the HttpCase (browser tour) tests.
LINKS="$(link_dir_for addons)"
cd "$LINKS"
set +e
# scripts/pytest_csr_tags.py turns the tests' Odoo tags into markers: pass
# "-m csr_compute csr_management/tests" to run one concern (DEVELOP.md).
PYTHONPATH="$REPO_DIR/scripts${PYTHONPATH:+:$PYTHONPATH}" \
"$PY" -m pytest -p no:cacheprovider -p pytest_csr_tags --rootdir="$LINKS" -c /dev/null \
    --odoo-database="$DB" --odoo-addons-path="$ADDONS" --odoo-log-level=warn \
    --odoo-extra=log-handler=odoo.tests.common:CRITICAL --odoo-http \
    "${@:-$ADDON_NAME/tests}"
status=$?
set -e
exit "$status"
