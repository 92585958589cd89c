#!/usr/bin/env python3
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Write the reports of the demo company's latest ended month to a folder.

Run through scripts/demo.sh once the demo database is ready: the Triple
Bottom Line PDF, the accountants' workbook and the VSME Basic Module (workbook,
Inline XBRL and xBRL-JSON), as the
administrator would download them, so that a reviewer can read them without
clicking. Prints the path of each file.
"""

# Printing the paths is what this script is for.
# pylint: disable=print-used

import argparse
from datetime import datetime, time, timedelta
from pathlib import Path

import odoo
from odoo import api, fields
from odoo.modules.registry import Registry

REPORT = "csr_management.action_report_triple_bottom_line"


def latest_ended_month(env, company):
    today = fields.Date.context_today(env.user)
    return env["csr.period"].search(
        [
            ("company_id", "=", company.id),
            ("kind", "=", "month"),
            ("date_to", "<", today),
        ],
        order="date_from desc",
        limit=1,
    )


def write_reports(env, period, folder):
    # Imported here: the addon is importable only once Odoo knows its path.
    from odoo.addons.csr_management.report.report_xlsx import (
        build_workbook,
        workbook_labels,
    )
    from odoo.addons.csr_management.report.vsme_export import (
        build_vsme_workbook,
        vsme_labels,
    )
    from odoo.addons.csr_management.services.report_data import ReportData
    from odoo.addons.csr_management.services.vsme_digital import VsmeDigital

    reports = ReportData(env).build(period)
    digital = VsmeDigital(env, period).build()
    vsme = build_vsme_workbook(
        reports, vsme_labels(env), {period.company_id.id: digital.workbook_data()}
    )
    stem = f"{period.company_id.name} {period.name}".replace("/", "-")
    pdf, _kind = env["ir.actions.report"]._render_qweb_pdf(REPORT, period.ids)
    files = {
        f"Triple Bottom Line - {stem}.pdf": pdf,
        f"CSR workbook - {stem}.xlsx": build_workbook(reports, workbook_labels(env)),
        f"VSME - {stem}.xlsx": vsme,
        f"VSME - {stem}.xhtml": digital.ixbrl().encode(),
        f"VSME - {stem}.json": digital.xbrl_json().encode(),
    }
    folder.mkdir(parents=True, exist_ok=True)
    for name, content in files.items():
        path = folder / name
        path.write_bytes(content)
        print(f"  {path}")


def settle(env):
    """Run the monthly compute now, as the server's scheduler would at its
    first start, and schedule the next run for the first of next month: the
    reports then show the figures the overview shows, and the scheduler does
    not rescore the demo behind them."""
    from odoo.addons.csr_management.demo.vsme import apply_vsme_demo

    company = env.ref("csr_management.demo_company", raise_if_not_found=False)
    if company and not company.csr_legal_form:  # the VSME profile, once
        apply_vsme_demo(company)
    cron = env.ref("csr_management.csr_period_cron_compute", raise_if_not_found=False)
    if not cron:
        return
    env["csr.period"]._cron_compute_open_periods()
    today = fields.Date.context_today(env.user)
    next_month = (today.replace(day=1) + timedelta(days=32)).replace(day=1)
    cron.write({"nextcall": datetime.combine(next_month, time(2, 0))})
    print("  Monthly compute run; next run on", next_month)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--database", required=True)
    parser.add_argument("--addons-path", required=True)
    parser.add_argument("--output", required=True)
    parser.add_argument(
        "--url", help="the running server wkhtmltopdf fetches the styles from"
    )
    parser.add_argument(
        "--settle",
        action="store_true",
        help="run the monthly compute once and commit, instead of writing reports",
    )
    args = parser.parse_args()
    odoo.tools.config.parse_config(
        ["-d", args.database, f"--addons-path={args.addons_path}", "--log-level=warn"]
    )
    registry = Registry(args.database)
    with registry.cursor() as cr:
        env = api.Environment(cr, odoo.SUPERUSER_ID, {})
        if args.settle:
            settle(env)
            return  # the cursor commits on leaving the block
        company = env.ref("csr_management.demo_company", raise_if_not_found=False)
        admin = env.ref("base.user_admin")
        if not company:
            print("  No demo company in this database: no reports written.")
            return
        # As the administrator, in his language and company: what he downloads.
        env = env(user=admin, context={"lang": admin.lang, "tz": admin.tz})
        env = env(context=dict(env.context, allowed_company_ids=[company.id]))
        if args.url:  # for this transaction only: rolled back below
            env["ir.config_parameter"].sudo().set_param("report.url", args.url)
        period = latest_ended_month(env, company)
        if not period:
            print("  The demo company has no ended month yet: no reports written.")
            return
        write_reports(env, period, Path(args.output))
        cr.rollback()  # a scorecard computed for the print is not kept


if __name__ == "__main__":
    main()
