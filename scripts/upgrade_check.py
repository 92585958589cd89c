#!/usr/bin/env python3
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Steps of the upgrade / uninstall / reinstall check, one per command.

Run through scripts/upgrade_check.sh, which installs, updates, uninstalls and
reinstalls the addon between these steps:
  edit       change one indicator name and one emission factor, as a user would
  snapshot   write the user data of the addon to a JSON file
  compare    compare two snapshots; the edits must still be there
  owned      write the records our module owns (its external ids) to a file
  uninstall  uninstall the addon
  leftovers  after the uninstall: list what of ours is still in the database
  installed  after the reinstall: the addon is installed with its catalogue
Each command prints what it found and exits non-zero on a problem.
"""

# Printing its findings is what this script is for.
# pylint: disable=print-used

import argparse
import json
import logging
import sys

import odoo
from odoo import SUPERUSER_ID, api
from odoo.modules.registry import Registry
from odoo.tools import SQL

MODULE = "csr_management"
EDITED_NAME = "Net revenue (edited by the user)"
EDITED_FACTOR = 2.5
# Models whose records an update rewrites by design (not user data).
META_MODELS = ("ir.", "res.groups")

# What of ours may be left in Odoo's own tables, by kind. Each query lists
# the rows that should be gone.
LEFTOVER_QUERIES = [
    ("ir.model", "SELECT model FROM ir_model WHERE model LIKE 'csr.%%'"),
    (
        "ir.model.fields",
        "SELECT model, name FROM ir_model_fields WHERE model LIKE 'csr.%%'"
        " OR name LIKE 'csr\\_%%' OR relation LIKE 'csr.%%'",
    ),
    (
        "ir.model.fields.selection",
        "SELECT s.value FROM ir_model_fields_selection s"
        " JOIN ir_model_fields f ON f.id = s.field_id WHERE f.name LIKE 'csr\\_%%'",
    ),
    ("ir.model.relation", "SELECT name FROM ir_model_relation WHERE name LIKE 'csr%%'"),
    (
        "ir.model.constraint",
        "SELECT name FROM ir_model_constraint WHERE name LIKE 'csr%%'",
    ),
    ("ir.ui.view", "SELECT id, name FROM ir_ui_view WHERE model LIKE 'csr.%%'"),
    (
        "ir.ui.view (by name)",
        "SELECT id, name FROM ir_ui_view"
        " WHERE name ILIKE '%%csr%%' OR key LIKE 'csr%%'",
    ),
    (
        "ir.actions.act_window",
        "SELECT id, res_model FROM ir_act_window WHERE res_model LIKE 'csr.%%'",
    ),
    (
        "ir.actions.report",
        "SELECT id, model FROM ir_act_report_xml WHERE model LIKE 'csr.%%'",
    ),
    ("ir.actions.server", "SELECT id FROM ir_act_server WHERE code LIKE '%%csr%%'"),
    (
        "ir.ui.menu",
        "SELECT id, name FROM ir_ui_menu WHERE name->>'en_US' ILIKE 'CSR%%'",
    ),
    (
        "res.groups",
        "SELECT id, name FROM res_groups WHERE name->>'en_US' ILIKE '%%CSR%%'",
    ),
    (
        # The manifest's category is base's (module_category_productivity_csr).
        "ir.module.category",
        "SELECT c.id, c.name FROM ir_module_category c"
        " WHERE c.name->>'en_US' ILIKE '%%CSR%%' AND NOT EXISTS (SELECT 1"
        " FROM ir_model_data d WHERE d.model = 'ir.module.category'"
        " AND d.res_id = c.id AND d.module = 'base')",
    ),
    (
        "mail.activity.type",
        "SELECT id, name FROM mail_activity_type WHERE res_model LIKE 'csr.%%'",
    ),
    ("mail.activity", "SELECT id FROM mail_activity WHERE res_model LIKE 'csr.%%'"),
    ("mail.message", "SELECT id FROM mail_message WHERE model LIKE 'csr.%%'"),
    (
        "mail.followers",
        "SELECT id FROM mail_followers WHERE res_model LIKE 'csr.%%'",
    ),
    ("ir.attachment", "SELECT id FROM ir_attachment WHERE res_model LIKE 'csr.%%'"),
    (
        "ir.default",
        "SELECT d.id FROM ir_default d JOIN ir_model_fields f ON f.id = d.field_id"
        " WHERE f.model LIKE 'csr.%%'",
    ),
    (
        "ir.config_parameter",
        "SELECT key FROM ir_config_parameter WHERE key LIKE 'csr%%'",
    ),
    (
        "tables and views",
        "SELECT table_name FROM information_schema.tables"
        " WHERE table_schema = 'public' AND table_name LIKE 'csr\\_%%'",
    ),
    (
        "columns on host tables",
        "SELECT table_name, column_name FROM information_schema.columns"
        " WHERE table_schema = 'public' AND column_name LIKE 'csr\\_%%'",
    ),
]


def _rows(cr, query):
    cr.execute(query)
    return cr.fetchall()


def _columns(cr, table):
    return [
        name
        for (name,) in _rows(
            cr,
            SQL(
                "SELECT column_name FROM information_schema.columns"
                " WHERE table_schema = 'public' AND table_name = %s"
                " ORDER BY column_name",
                table,
            ),
        )
    ]


def _column_sums(cr, table, columns, where=None):
    """Row count and one checksum per column, rows in a stable order."""
    order = SQL("id") if "id" in columns else SQL("t::text")
    where = where or SQL("TRUE")
    sums = SQL(", ").join(
        SQL(
            "md5(coalesce(string_agg(coalesce(t.%s::text, '-'), '|' ORDER BY %s), ''))",
            SQL.identifier(column),
            order,
        )
        for column in columns
    )
    row = _rows(
        cr,
        SQL(
            "SELECT count(*), %s FROM %s t WHERE %s", sums, SQL.identifier(table), where
        ),
    )[0]
    return {"count": row[0], **dict(zip(columns, row[1:], strict=True))}


def _owned_host_records(env):
    """Records of host models created by our data files, by table."""
    tables = {}
    for model, res_id in _rows(
        env.cr,
        SQL("SELECT model, res_id FROM ir_model_data WHERE module = %s", MODULE),
    ):
        if model.startswith(("csr.", *META_MODELS)) or model not in env:
            continue
        tables.setdefault(env[model]._table, set()).add(res_id)
    return tables


def snapshot(env):
    """Every csr_* table, the csr_* columns of host tables, and the host
    records our data created: count and per-column checksums."""
    cr = env.cr
    data = {}
    for (table,) in _rows(
        cr,
        SQL(
            "SELECT table_name FROM information_schema.tables"
            " WHERE table_schema = 'public' AND table_type = 'BASE TABLE'"
            " AND table_name LIKE 'csr\\_%%'"
        ),
    ):
        data[table] = _column_sums(cr, table, _columns(cr, table))
    for table, column in _rows(
        cr,
        SQL(
            "SELECT table_name, column_name FROM information_schema.columns"
            " WHERE table_schema = 'public' AND column_name LIKE 'csr\\_%%'"
            " AND table_name NOT LIKE 'csr\\_%%'"
        ),
    ):
        columns = _columns(cr, table)
        # A many2many table of ours on a host table has no id: take all of it.
        columns = ["id", column] if "id" in columns else columns
        data[f"{table}.{column}"] = _column_sums(cr, table, columns)
    for table, ids in _owned_host_records(env).items():
        columns = [
            c for c in _columns(cr, table) if c not in ("write_date", "write_uid")
        ]
        where = SQL("t.id IN %s", tuple(sorted(ids)))
        data[f"{table} (our data)"] = _column_sums(cr, table, columns, where)
    return data


def edit(env):
    indicator = env.ref(f"{MODULE}.indicator_eco_01")
    indicator.name = EDITED_NAME
    factor = env.ref(f"{MODULE}.factor_diesel_ipcc")
    factor.kgco2e_per_unit = EDITED_FACTOR
    print(f"Edited {indicator.code} name and the diesel factor ({EDITED_FACTOR})")
    return 0


def check_edits(env):
    indicator = env.ref(f"{MODULE}.indicator_eco_01")
    factor = env.ref(f"{MODULE}.factor_diesel_ipcc")
    problems = []
    if indicator.name != EDITED_NAME:
        problems.append(f"the indicator's edited name became {indicator.name!r}")
    if factor.kgco2e_per_unit != EDITED_FACTOR:
        problems.append(f"the edited factor became {factor.kgco2e_per_unit}")
    return problems


def compare(before, after):
    problems = []
    for key in sorted(set(before) | set(after)):
        old, new = before.get(key), after.get(key)
        if old is None or new is None:
            problems.append(f"{key}: {'appeared' if old is None else 'disappeared'}")
            continue
        changed = [c for c in sorted(set(old) | set(new)) if old.get(c) != new.get(c)]
        if changed:
            problems.append(f"{key}: changed {', '.join(changed)}")
    return problems


def owned(env):
    """Our external ids with their table, to find them after the uninstall;
    records that another module names too (the host models we extend) are
    left out: Odoo keeps those by design."""
    rows = []
    for xmlid, model, res_id in _rows(
        env.cr,
        SQL(
            "SELECT d.name, d.model, d.res_id FROM ir_model_data d WHERE d.module = %s"
            " AND NOT EXISTS (SELECT 1 FROM ir_model_data o WHERE o.model = d.model"
            " AND o.res_id = d.res_id AND o.module != d.module)",
            MODULE,
        ),
    ):
        table = env[model]._table if model in env else None
        rows.append([xmlid, model, res_id, table])
    return rows


def _references(cr, table, res_id):
    """Columns of other rows that still point at this row (foreign keys)."""
    found = []
    for source, column in _rows(
        cr,
        SQL(
            "SELECT c.conrelid::regclass::text, a.attname FROM pg_constraint c"
            " JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = c.conkey[1]"
            " WHERE c.contype = 'f' AND c.confrelid = %s::regclass"
            " AND a.attname NOT IN ('create_uid', 'write_uid')",
            table,
        ),
    ):
        query = SQL(
            "SELECT 1 FROM %s WHERE %s = %s LIMIT 1",
            SQL.identifier(source.strip('"')),
            SQL.identifier(column),
            res_id,
        )
        if _rows(cr, query):
            found.append(f"{source}.{column}")
    return found


def uninstall(env):
    # Odoo tries to delete each record of ours and logs every refusal (a
    # record still in use) as a bad query before going on: not our error.
    logging.getLogger("odoo.sql_db").setLevel(logging.CRITICAL)
    module = env["ir.module.module"].search([("name", "=", MODULE)])
    module.button_immediate_uninstall()
    print(f"Uninstalled: state {module.state}")
    return 0 if module.state == "uninstalled" else 1


def leftovers(env, owned_rows):
    cr = env.cr
    found = []

    def check(label, query):
        rows = _rows(cr, query)
        if rows:
            found.append(f"{label}: {len(rows)} {rows[:5]}")

    # A record of ours that user records still point at stays, as Odoo keeps
    # it (e.g. the kWh unit of a product, a tag on an account): not an orphan.
    kept = set()
    tables = {t for (t,) in _rows(cr, SQL("SELECT tablename FROM pg_tables"))}
    for xmlid, model, res_id, table in owned_rows:
        if model.startswith("csr.") or table not in tables:
            continue  # its table went with the model
        if not _rows(
            cr, SQL("SELECT 1 FROM %s WHERE id = %s", SQL.identifier(table), res_id)
        ):
            continue
        users = _references(cr, table, res_id)
        if users:
            kept.add((model, res_id))
            more = f" and {len(users) - 3} more" if len(users) > 3 else ""
            where = ", ".join(users[:3]) + more
            print(f"  KEPT (in use by {where}): {xmlid} ({model} {res_id})")
        else:
            found.append(f"record of {xmlid} ({model} {res_id}) still in {table}")
    data = [
        row
        for row in _rows(
            cr,
            SQL(
                "SELECT name, model, res_id FROM ir_model_data WHERE module = %s",
                MODULE,
            ),
        )
        if (row[1], row[2]) not in kept
    ]
    if data:
        found.append(f"ir.model.data of the module: {len(data)} {data[:5]}")
    for label, query in LEFTOVER_QUERIES:
        check(label, SQL(query))
    for line in found:
        print("  LEFT: " + line)
    print(f"Leftovers: {len(found)}")
    return 1 if found else 0


def installed(env):
    module = env["ir.module.module"].search([("name", "=", MODULE)])
    indicators = env["csr.indicator"].search_count([]) if "csr.indicator" in env else 0
    print(f"Reinstalled: state {module.state}, {indicators} indicators")
    return 0 if module.state == "installed" and indicators else 1


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("command")
    parser.add_argument("files", nargs="*")
    parser.add_argument("--database", required=True)
    parser.add_argument("--addons-path", required=True)
    args = parser.parse_args()
    if args.command == "compare":
        before, after = (json.load(open(name, encoding="utf-8")) for name in args.files)
        problems = compare(before, after)
    odoo.tools.config.parse_config(
        ["-d", args.database, f"--addons-path={args.addons_path}", "--log-level=warn"]
    )
    registry = Registry(args.database)
    with registry.cursor() as cr:
        env = api.Environment(cr, SUPERUSER_ID, {})
        if args.command == "compare":
            problems += check_edits(env)
            for problem in problems:
                print("  CHANGED: " + problem)
            print(f"{len(before)} sets compared: {len(problems)} difference(s)")
            return 1 if problems else 0
        if args.command in ("snapshot", "owned"):
            result = snapshot(env) if args.command == "snapshot" else owned(env)
            with open(args.files[0], "w", encoding="utf-8") as handle:
                json.dump(result, handle, indent=1, sort_keys=True)
            print(f"{args.command}: {len(result)} entries written to {args.files[0]}")
            return 0
        if args.command == "leftovers":
            with open(args.files[0], encoding="utf-8") as handle:
                return leftovers(env, json.load(handle))
        return {"edit": edit, "uninstall": uninstall, "installed": installed}[
            args.command
        ](env)


if __name__ == "__main__":
    sys.exit(main())
