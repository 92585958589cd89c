#!/usr/bin/env python3
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Time the compute of one year and of its 17 periods on a synthetic company,
and print a table of the figures.

Run through scripts/benchmark.sh, which prepares the database. The data are
generated set-based in SQL (not timed): an opening bank balance the year
before, posted journal entries spread over the year, a tenth of them vendor
bills of electricity with their payable line, employees with contracts and
their validated time off (sick leave, work accidents, parental leave), and
done stock moves (receipts of weighed materials, a few returns) and scraps.
The data are committed and VACUUM ANALYZEd (as autovacuum keeps a live database)
before anything is measured. Then it prints the wall time and SQL query
count of the year's compute, of its 12 months, 4 quarters and year computed
together (one read per source) and one by one, the time of a bare SQL
aggregate over the year's journal items (the floor no compute can beat) and,
when OCA mis_builder is installed, its compute of the same accounting KPIs in
1 and 17 columns.

``--companies N`` is the consultant's database instead: N companies of
``--lines`` journal items each, the monthly job over all of them in one
process, then split between two worker processes (as two queue_job workers
or cron threads share it).
"""

# Printing its figures is what this script is for.
# pylint: disable=print-used

import argparse
import io
import logging
import re
import socket
import statistics
import subprocess
import sys
import time
from datetime import date, datetime

import psycopg2
from dateutil.relativedelta import relativedelta

import odoo
from odoo import SUPERUSER_ID, Command, api, sql_db
from odoo.modules.registry import Registry
from odoo.tools import SQL
from odoo.tools.pdf import PdfReader

YEAR = 2025


def _accounts(env, company):
    Account = env["account.account"].with_company(company)

    def one(account_type):
        return Account.search(
            [("account_type", "=", account_type), ("company_ids", "in", company.id)],
            limit=1,
        ).id

    return {
        kind: one(kind)
        for kind in (
            "income",
            "asset_receivable",
            "expense",
            "asset_cash",
            "liability_payable",
            "equity",
        )
    }


def books_setup(env, company):
    """The accounts, journal, supplier and product the generated books use;
    the expense account is tagged "training", so that both tools have a
    tagged figure to read (SOC-19's numerator)."""
    accounts = _accounts(env, company)
    journal = env["account.journal"].search(
        [("company_id", "=", company.id), ("type", "=", "general")], limit=1
    )
    partner = env["res.partner"].create(
        {"name": "Electricaribe SA", "country_id": company.country_id.id}
    )
    electricity = env["product.product"].create(
        {
            "name": "Electricity (kWh)",
            "csr_activity_id": env.ref("csr_management.activity_electricity_grid").id,
            "uom_id": env.ref("csr_management.uom_kwh").id,
            "uom_po_id": env.ref("csr_management.uom_kwh").id,
        }
    )
    training = env.ref("csr_management.account_tag_csr_training")
    env["account.account"].browse(accounts["expense"]).tag_ids |= training
    return accounts, journal, partner, electricity


def generate_books(env, company, lines, setup=None):
    """``lines`` posted journal items: pairs of lines, one move per pair,
    and an opening entry the year before (the bank's balance, from capital)
    so that closing balances have history to read."""
    accounts, journal, partner, electricity = setup or books_setup(env, company)
    params = dict(
        moves=lines // 2,
        year_start=date(YEAR, 1, 1),
        journal=journal.id,
        company=company.id,
        currency=company.currency_id.id,
        partner=partner.id,
        product=electricity.id,
        uom=electricity.uom_id.id,
        **accounts,
    )
    env.cr.execute(
        SQL(
            """
            INSERT INTO account_move (name, date, invoice_date, journal_id, company_id,
                   currency_id, move_type, state, auto_post, partner_id,
                   commercial_partner_id, amount_untaxed_signed,
                   create_uid, create_date, write_uid, write_date)
            SELECT 'BENCH/' || %(company)s || '/' || g,
                   %(year_start)s::date + mod(g, 365),
                   %(year_start)s::date + mod(g, 365),
                   %(journal)s, %(company)s, %(currency)s,
                   CASE WHEN mod(g, 10) = 0 THEN 'in_invoice' ELSE 'entry' END,
                   'posted', 'no',
                   CASE WHEN mod(g, 10) = 0 THEN %(partner)s END,
                   CASE WHEN mod(g, 10) = 0 THEN %(partner)s END,
                   CASE WHEN mod(g, 10) = 0 THEN -(mod(g, 1000) + 1) ELSE 0 END,
                   1, now(), 1, now()
              FROM generate_series(1, %(moves)s) g
            """,
            **params,
        )
    )
    env.flush_all()
    env.cr.execute(
        SQL(
            """
            INSERT INTO account_move_line (move_id, date, journal_id, company_id,
                   account_id, currency_id, company_currency_id, display_type,
                   parent_state, partner_id, product_id, product_uom_id, quantity,
                   balance, debit, credit, amount_currency, amount_residual,
                   reconciled, create_uid, create_date, write_uid, write_date)
            SELECT move.id, move.date, move.journal_id, move.company_id,
                   side.account, move.currency_id, move.currency_id, side.display,
                   'posted', move.partner_id, side.product, side.uom, side.quantity,
                   side.sign * amount.value, GREATEST(side.sign * amount.value, 0),
                   GREATEST(-side.sign * amount.value, 0), side.sign * amount.value,
                   0, FALSE, 1, now(), 1, now()
              FROM account_move move
              CROSS JOIN LATERAL (SELECT mod(move.id, 1000) + 1.0 AS value) amount
              CROSS JOIN LATERAL (
                    SELECT * FROM (VALUES
                        (CASE WHEN move.move_type = 'in_invoice' THEN %(expense)s
                              WHEN mod(move.id, 2) = 0 THEN %(income)s
                              ELSE %(expense)s END,
                         CASE WHEN move.move_type = 'in_invoice' OR mod(move.id, 2) = 1
                              THEN 1 ELSE -1 END,
                         'product',
                         CASE WHEN move.move_type = 'in_invoice' THEN %(product)s END,
                         CASE WHEN move.move_type = 'in_invoice' THEN %(uom)s END,
                         CASE WHEN move.move_type = 'in_invoice' THEN 100.0 ELSE 0 END),
                        (CASE WHEN move.move_type = 'in_invoice'
                              THEN %(liability_payable)s
                              WHEN mod(move.id, 2) = 0 THEN %(asset_receivable)s
                              ELSE %(asset_cash)s END,
                         CASE WHEN move.move_type = 'in_invoice' OR mod(move.id, 2) = 1
                              THEN -1 ELSE 1 END,
                         CASE WHEN move.move_type = 'in_invoice' THEN 'payment_term'
                              ELSE 'product' END,
                         NULL::int, NULL::int, 0.0)
                    ) AS s(account, sign, display, product, uom, quantity)
                   ) side
             WHERE left(move.name, 6) = 'BENCH/' AND move.company_id = %(company)s
            """,
            **params,
        )
    )
    opening = (lines // 2) * 1000.0
    env.cr.execute(
        SQL(
            """
            WITH move AS (
                INSERT INTO account_move (name, date, journal_id, company_id,
                       currency_id, move_type, state, auto_post,
                       create_uid, create_date, write_uid, write_date)
                VALUES ('BENCH/OPENING/' || %(company)s, %(day)s, %(journal)s,
                        %(company)s, %(currency)s, 'entry', 'posted', 'no',
                        1, now(), 1, now())
             RETURNING id
            )
            INSERT INTO account_move_line (move_id, date, journal_id, company_id,
                   account_id, currency_id, company_currency_id, display_type,
                   parent_state, balance, debit, credit, amount_currency,
                   amount_residual, reconciled, create_uid, create_date,
                   write_uid, write_date)
            SELECT move.id, %(day)s, %(journal)s, %(company)s, side.account,
                   %(currency)s, %(currency)s, 'product', 'posted', side.amount,
                   GREATEST(side.amount, 0), GREATEST(-side.amount, 0),
                   side.amount, 0, FALSE, 1, now(), 1, now()
              FROM move, (VALUES (%(asset_cash)s, %(opening)s::numeric),
                                 (%(equity)s, -%(opening)s::numeric))
                         AS side(account, amount)
            """,
            day=date(YEAR - 1, 12, 31),
            opening=opening,
            **{k: v for k, v in params.items() if k != "moves"},
        )
    )


def generate_workforce(env, company, employees):
    calendar = company.resource_calendar_id
    people = env["hr.employee"].create(
        [
            {
                "name": f"Employee {n}",
                "gender": "female" if n % 2 else "male",
                "company_id": company.id,
                "resource_calendar_id": calendar.id,
            }
            for n in range(employees)
        ]
    )
    env["hr.contract"].create(
        [
            {
                "name": f"Contract {employee.name}",
                "employee_id": employee.id,
                "company_id": company.id,
                "wage": 1000.0 + (n % 50) * 40.0,
                "date_start": date(YEAR - 1 - n % 3, 1, 1),
                "date_end": date(YEAR + 1, 6, 30) if n % 4 == 0 else False,
                "resource_calendar_id": calendar.id,
                "state": "open",
            }
            for n, employee in enumerate(people)
        ]
    )


def _material_products(env, count):
    """Products mapped to "Purchased materials" through their category,
    counted in units with a weight or in kg; one in units has no weight."""
    category = env["product.category"].create(
        {
            "name": "Bench materials",
            "csr_activity_id": env.ref("csr_management.activity_materials").id,
        }
    )
    unit, kg = env.ref("uom.product_uom_unit"), env.ref("uom.product_uom_kgm")
    return env["product.product"].create(
        [
            {
                "name": f"Material {n}",
                "categ_id": category.id,
                "is_storable": True,
                "uom_id": (kg if n % 2 else unit).id,
                "uom_po_id": (kg if n % 2 else unit).id,
                "weight": 0.0 if n % 2 or n == count - 2 else 0.5 + n,
            }
            for n in range(count)
        ]
    )


def generate_stock(env, company, moves, scraps):
    """``moves`` done moves of 50 materials from the supplier into stock (one
    in 50 the other way: a return), and ``scraps`` done scraps with their
    moves, spread over the year's days and hours."""
    products = _material_products(env, 50)
    stock = (
        env["stock.warehouse"]
        .search([("company_id", "=", company.id)], limit=1)
        .lot_stock_id
    )
    scrap_location = env["stock.location"].search(
        [("scrap_location", "=", True), ("company_id", "in", [company.id, False])],
        limit=1,
    )
    params = dict(
        moves=moves,
        scraps=scraps,
        company=company.id,
        products=products.ids,
        uoms=[product.uom_id.id for product in products],
        supplier=env.ref("stock.stock_location_suppliers").id,
        stock=stock.id,
        scrap_location=scrap_location.id,
        year_start=datetime(YEAR, 1, 1),
    )
    env.cr.execute(
        SQL(
            """
            INSERT INTO stock_move (name, company_id, product_id, product_uom,
                   location_id, location_dest_id, procure_method, product_uom_qty,
                   product_qty, quantity, state, picked, date,
                   create_uid, create_date, write_uid, write_date)
            SELECT 'BENCH/MOVE/' || g, %(company)s,
                   (%(products)s::int[])[1 + mod(g, 50)],
                   (%(uoms)s::int[])[1 + mod(g, 50)],
                   CASE WHEN mod(g, 50) = 7 THEN %(stock)s ELSE %(supplier)s END,
                   CASE WHEN mod(g, 50) = 7 THEN %(supplier)s ELSE %(stock)s END,
                   'make_to_stock', 1 + mod(g, 20), 1 + mod(g, 20), 1 + mod(g, 20),
                   'done', TRUE,
                   %(year_start)s + make_interval(days => mod(g, 365),
                                                  hours => mod(g, 24)),
                   1, now(), 1, now()
              FROM generate_series(1, %(moves)s) g
            """,
            **params,
        )
    )
    env.cr.execute(
        SQL(
            """
            WITH scrap AS (
                INSERT INTO stock_scrap (name, company_id, product_id,
                       product_uom_id, location_id, scrap_location_id, scrap_qty,
                       state, date_done, create_uid, create_date, write_uid,
                       write_date)
                SELECT 'BENCH/SCRAP/' || g, %(company)s,
                       (%(products)s::int[])[1 + mod(g, 50)],
                       (%(uoms)s::int[])[1 + mod(g, 50)],
                       %(stock)s, %(scrap_location)s, 1 + mod(g, 3), 'done',
                       %(year_start)s + make_interval(days => mod(g * 7, 365)),
                       1, now(), 1, now()
                  FROM generate_series(1, %(scraps)s) g
             RETURNING *
            )
            INSERT INTO stock_move (name, company_id, product_id, product_uom,
                   location_id, location_dest_id, procure_method, product_uom_qty,
                   product_qty, quantity, state, picked, scrapped, scrap_id, date,
                   create_uid, create_date, write_uid, write_date)
            SELECT name, company_id, product_id, product_uom_id, location_id,
                   scrap_location_id, 'make_to_stock', scrap_qty, scrap_qty,
                   scrap_qty, 'done', TRUE, TRUE, id, date_done,
                   1, now(), 1, now()
              FROM scrap
            """,
            **params,
        )
    )


def generate_leaves(env, company, per_employee):
    """``per_employee`` validated leaves for each benchmark employee, spread
    over the year without overlapping: of each ten, seven sick leaves of one
    to three days, two work accidents and one parental leave of two weeks."""
    kinds = {
        kind: env["hr.leave.type"]
        .create(
            {
                "name": f"Benchmark {kind}",
                "company_id": company.id,
                "csr_leave_kind": kind,
                "requires_allocation": "no",
                "leave_validation_type": "no_validation",
            }
        )
        .id
        for kind in ("sick", "accident", "parental")
    }
    env.flush_all()
    env.cr.execute(
        SQL(
            """
            INSERT INTO hr_leave (employee_id, employee_company_id, company_id,
                   holiday_status_id, state, request_date_from, request_date_to,
                   date_from, date_to, number_of_days, number_of_hours,
                   resource_calendar_id, create_uid, create_date, write_uid,
                   write_date)
            SELECT employee.id, employee.company_id, employee.company_id,
                   CASE WHEN mod(g, 10) BETWEEN 1 AND 7 THEN %(sick)s
                        WHEN mod(g, 10) IN (8, 9) THEN %(accident)s
                        ELSE %(parental)s END,
                   'validate', span.first_day, span.first_day + span.days - 1,
                   span.first_day + time '13:00',
                   span.first_day + span.days - 1 + time '22:00',
                   span.days, span.days * 8, employee.resource_calendar_id,
                   1, now(), 1, now()
              FROM hr_employee employee
             CROSS JOIN generate_series(1, %(per_employee)s) g
             CROSS JOIN LATERAL (
                    SELECT %(year_start)s::date
                           + (g - 1) * (360 / %(per_employee)s)
                           + mod(employee.id, 20) AS first_day,
                           CASE WHEN mod(g, 10) = 0 THEN 14
                                ELSE 1 + mod(employee.id + g, 3) END AS days
                   ) span
             WHERE employee.company_id = %(company)s
               AND left(employee.name, 9) = 'Employee '
            """,
            company=company.id,
            per_employee=per_employee,
            year_start=date(YEAR, 1, 1),
            **kinds,
        )
    )
    return env.cr.rowcount


def year_periods(env, company):
    """The year, its 4 quarters and its 12 months, the year first."""
    vals = [("year", date(YEAR, 1, 1), 12)]
    vals += [("quarter", date(YEAR, 1 + 3 * q, 1), 3) for q in range(4)]
    vals += [("month", date(YEAR, m, 1), 1) for m in range(1, 13)]
    return env["csr.period"].create(
        [
            {
                "company_id": company.id,
                "kind": kind,
                "date_from": start,
                "date_to": start + relativedelta(months=months, days=-1),
            }
            for kind, start, months in vals
        ]
    )


def floor_query(env, company):
    """The floor: one bare aggregate of the year's journal items."""
    env.cr.execute(
        SQL(
            """
            SELECT account_id, SUM(balance), SUM(debit), SUM(credit), SUM(quantity)
              FROM account_move_line
             WHERE company_id = %s AND parent_state = 'posted'
               AND date BETWEEN %s AND %s
          GROUP BY account_id
            """,
            company.id,
            date(YEAR, 1, 1),
            date(YEAR, 12, 31),
        )
    )
    return env.cr.fetchall()


def repeated(env, action, reps, before=None):
    """(min s, median s, queries, result) of ``reps`` timed runs after one
    warm-up; ``before()`` runs untimed ahead of each (fresh values)."""
    runs = []
    for rep in range(reps + 1):
        if before:
            before()
        run = timed(env, action)
        if rep:  # the first run warms the caches, like a running server
            runs.append(run)
    times = [run[0] for run in runs]
    return min(times), statistics.median(times), runs[-1][1], runs[-1][2]


def measure(env, company, reps, with_mis):
    """The compute's figures: {name: (min, median, queries, note)}."""
    # Importable only once the registry has set up the addons path.
    from odoo.addons.csr_management.services.period_compute import (
        PeriodCompute,
        PeriodsCompute,
    )

    periods = year_periods(env, company)
    year = periods[0]

    def fresh(records=periods):
        def clear():
            records.value_ids.unlink()
            env.flush_all()

        return clear

    figures = {}
    floor = repeated(env, lambda: floor_query(env, company), reps)
    figures["floor"] = (*floor[:3], "bare SQL aggregate of the year's items")
    run = repeated(env, lambda: PeriodCompute(year).run(), reps, fresh(year))
    figures["year"] = (*run[:3], f"{len(run[3].created)} values")
    together = repeated(env, lambda: PeriodsCompute(periods).run(), reps, fresh())
    created = sum(len(report.created) for report in together[3].values())
    figures["periods"] = (*together[:3], f"{created} values, one read per source")
    alone = repeated(
        env,
        lambda: [PeriodCompute(period).run() for period in periods],
        1,
        fresh(),
    )
    figures["periods_alone"] = (*alone[:3], "17 computes one after the other")
    Period = env["csr.period"]
    job = repeated(
        env,
        lambda: Period._compute_company_periods(company.id, date(YEAR + 1, 1, 5)),
        1,
        fresh(),
    )
    figures["job"] = (*job[:3], "with chatter, warnings and 17 scorecards")
    if with_mis and "mis.report" in env:
        mis_one, mis_all = mis_instances(env, company)
        one = repeated(env, mis_one.compute, reps)
        figures["mis_year"] = (*one[:3], "OCA mis_builder, 1 column, 9 KPIs")
        every = repeated(env, mis_all.compute, reps)
        figures["mis_periods"] = (*every[:3], "OCA mis_builder, 17 columns")
    return figures, periods


def mis_instances(env, company):
    """An OCA mis_builder report of the accounting KPIs the addon computes
    (ECO-01 to 07 and SOC-19's numerator), and two instances: the year
    alone, and its 17 periods as columns."""
    assets = (
        "asset_receivable",
        "asset_cash",
        "asset_current",
        "asset_non_current",
        "asset_prepayments",
        "asset_fixed",
    )
    training = env.ref("csr_management.account_tag_csr_training").id
    country = company.country_id.id
    kpis = [
        ("eco01", '-balp[("account_type", "=", "income")]'),
        ("eco02", f"bale[('account_type', 'in', {assets!r})]"),
        ("eco03", "-balp[('account_type', 'in', ('income', 'income_other'))]"),
        ("eco04", "balp[('account_type', 'in', ('expense', 'expense_direct_cost'))]"),
        ("eco05", "eco03 - eco04"),
        (
            "netres",
            "-balp[('account_type', 'in', ('income', 'income_other', 'expense', "
            "'expense_direct_cost', 'expense_depreciation'))]",
        ),
        ("eco06", "netres / eco01 * 100"),
        (
            "eco07",
            "local.amount_untaxed_signed / bills.amount_untaxed_signed * 100",
        ),
        ("soc19", f"balp[('tag_ids', '=', {training})]"),
    ]
    move = env["ir.model"]._get("account.move")
    field = env["ir.model.fields"]._get
    bill = [("move_type", "in", ("in_invoice", "in_refund")), ("state", "=", "posted")]
    report = env["mis.report"].create(
        {
            "name": "CSR benchmark",
            "kpi_ids": [
                Command.create({"name": name, "description": name, "expression": expr})
                for name, expr in kpis
            ],
            "query_ids": [
                Command.create(
                    {
                        "name": name,
                        "model_id": move.id,
                        "field_ids": [
                            Command.set(
                                [field("account.move", "amount_untaxed_signed").id]
                            )
                        ],
                        "aggregate": "sum",
                        "date_field": field("account.move", "invoice_date").id,
                        "company_field_id": field("account.move", "company_id").id,
                        "domain": repr(bill + extra),
                    }
                )
                for name, extra in (
                    ("bills", [("commercial_partner_id.country_id", "!=", False)]),
                    ("local", [("commercial_partner_id.country_id", "=", country)]),
                )
            ],
        }
    )
    spans = [(p.name, p.date_from, p.date_to) for p in year_periods_spans()]

    def instance(columns):
        return env["mis.report.instance"].create(
            {
                "name": "CSR benchmark",
                "report_id": report.id,
                "company_id": company.id,
                "period_ids": [
                    Command.create(
                        {
                            "name": name,
                            "mode": "fix",
                            "manual_date_from": start,
                            "manual_date_to": end,
                        }
                    )
                    for name, start, end in columns
                ],
            }
        )

    return instance(spans[:1]), instance(spans)


def year_periods_spans():
    from types import SimpleNamespace

    spans = [SimpleNamespace(name=str(YEAR), date_from=date(YEAR, 1, 1), months=12)]
    spans += [
        SimpleNamespace(name=f"Q{q + 1}", date_from=date(YEAR, 1 + 3 * q, 1), months=3)
        for q in range(4)
    ]
    spans += [
        SimpleNamespace(name=f"{YEAR}-{m:02d}", date_from=date(YEAR, m, 1), months=1)
        for m in range(1, 13)
    ]
    for span in spans:
        span.date_to = span.date_from + relativedelta(months=span.months, days=-1)
    return spans


def timed(env, action):
    """Seconds and SQL queries of ``action()``, caches cold."""
    env.flush_all()
    env.invalidate_all()
    queries = env.cr.sql_log_count
    start = time.perf_counter()
    result = action()
    env.flush_all()
    return time.perf_counter() - start, env.cr.sql_log_count - queries, result


def measure_judgement(env, company, period):
    """The scorecard refresh (with its suggestions) and a self-assessment on
    the shipped question bank: creation with pre-answers, then every
    question answered in one save."""
    card = timed(env, lambda: env["csr.scorecard"]._refresh_for(period))
    created = timed(
        env,
        lambda: env["csr.assessment"].create(
            {"company_id": company.id, "date": date(YEAR + 1, 2, 1)}
        ),
    )
    assessment = created[2]
    answers = [
        Command.update(answer.id, {"manual_answer": "yes", "comment": "Checked."})
        for answer in assessment.answer_ids
    ]
    answered = timed(env, lambda: assessment.write({"answer_ids": answers}))
    return card, created, answered, len(answers)


def measure_reports(env, period):
    """The report data of the year (scored now: it is open) and the
    accountants' workbook built from it."""
    # Imported here: the addon is importable only once Odoo knows its path.
    from odoo.addons.csr_management.report.report_xlsx import (
        build_workbook,
        workbook_labels,
    )
    from odoo.addons.csr_management.services.report_data import ReportData

    data = timed(env, lambda: ReportData(env).build(period))
    start = time.perf_counter()
    content = build_workbook(data[2], workbook_labels(env))
    workbook = time.perf_counter() - start
    return data, workbook, len(content), len(data[2][0].rows)


def measure_kit(env, company):
    """A CSR kit of the whole setup (the shipped catalogue, topics, question
    bank, recommendations, templates, library) exported, then imported into
    a second company: the rows all exist, so each is compared."""
    from odoo.addons.csr_management.services.csr_kit import KitExport, KitImport

    exported = timed(env, lambda: KitExport(env, company).build())
    other = env["res.company"].create({"name": "Benchmark client"})
    imported = timed(env, lambda: KitImport(env, other).run(exported[2]))
    rows = sum(report.total for report in imported[2].values())
    return exported, imported, rows


def print_table(rows):
    """A Markdown table: figure, min / median, queries, ratio, note."""
    print("| Figure | min / median | Queries | Ratio | Note |")
    print("|---|---|---|---|---|")
    for name, low, median, queries, ratio, note in rows:
        times = f"{low:.3f} / {median:.3f} s" if low is not None else ""
        print(f"| {name} | {times} | {queries} | {ratio} | {note} |")


def company_rows(figures):
    floor, year = figures["floor"], figures["year"]
    periods, alone = figures["periods"], figures["periods_alone"]
    rows = [
        ("bare SQL floor", *floor[:3], "1", floor[3]),
        (
            f"compute of {YEAR}",
            *year[:3],
            f"{year[1] / floor[1]:.2f}x floor (target <= 2)",
            year[3],
        ),
        (
            "17 periods together",
            *periods[:3],
            f"{periods[1] / year[1]:.2f}x year (target <= 1.5)",
            periods[3],
        ),
        (
            "17 periods one by one",
            *alone[:3],
            f"{alone[1] / periods[1]:.1f}x together",
            alone[3],
        ),
        (
            "monthly job, this company",
            *figures["job"][:3],
            f"{figures['job'][1] / year[1]:.2f}x year",
            figures["job"][3],
        ),
    ]
    if "mis_year" in figures:
        mis_year, mis_periods = figures["mis_year"], figures["mis_periods"]
        rows += [
            (
                "mis_builder, year",
                *mis_year[:3],
                f"addon year {year[1] / mis_year[1]:.2f}x",
                mis_year[3],
            ),
            (
                "mis_builder, 17 columns",
                *mis_periods[:3],
                f"addon 17 periods {periods[1] / mis_periods[1]:.2f}x (target <= 1)",
                mis_periods[3],
            ),
        ]
    return rows


def single_company(registry, args):
    from odoo.addons.csr_management.services.period_compute import PeriodCompute

    with registry.cursor() as cr:
        env = api.Environment(cr, SUPERUSER_ID, {})
        company = env.ref("base.main_company")
        company.country_id = env.ref("base.co")
        started = time.perf_counter()
        generate_books(env, company, args.lines)
        generate_workforce(env, company, args.employees)
        generate_stock(env, company, args.stock_moves, args.scraps)
        leaves = generate_leaves(env, company, args.leaves_per_employee)
        cr.commit()  # pylint: disable=invalid-commit  (the data must outlive this cursor)
        setup = time.perf_counter() - started
    analyze(registry)
    with registry.cursor() as cr:
        env = api.Environment(cr, SUPERUSER_ID, {})
        company = env.ref("base.main_company")
        lines = env["account.move.line"].search_count([("company_id", "=", company.id)])
        figures, periods = measure(env, company, args.repeat, args.mis_builder)
        period = periods[0]
        period.value_ids.unlink()
        PeriodCompute(period).run()
        card, created, answered, questions = measure_judgement(env, company, period)
        data, workbook, size, indicators = measure_reports(env, period)
        kit_export, kit_import, kit_rows = measure_kit(env, company)
        cr.rollback()
    print(f"journal items            {lines:>12,}")
    print(f"employees with contracts {args.employees:>12,}")
    print(
        f"done stock moves         {args.stock_moves:>12,}  (+ {args.scraps:,} scraps)"
    )
    print(f"validated leaves         {leaves:>12,}")
    print(f"data generation          {setup:>11.1f} s  (not part of the measure)")
    print(f"load average             {load():>12}")
    print()
    rows = company_rows(figures)
    rows += [
        ("scorecard refresh", card[0], card[0], card[1], "", ""),
        (
            "self-assessment created",
            created[0],
            created[0],
            created[1],
            "",
            f"{questions} questions pre-answered",
        ),
        ("all answers saved", answered[0], answered[0], answered[1], "", ""),
        ("report data", data[0], data[0], data[1], "", f"{indicators} indicators"),
        ("XLSX workbook", workbook, workbook, 0, "", f"{size:,} bytes"),
        (
            "CSR kit export",
            kit_export[0],
            kit_export[0],
            kit_export[1],
            "",
            f"{len(kit_export[2]):,} bytes",
        ),
        (
            "CSR kit import",
            kit_import[0],
            kit_import[0],
            kit_import[1],
            "",
            f"{kit_rows} rows compared",
        ),
    ]
    print_table(rows)


def analyze(registry):
    """Planner statistics and the visibility map, committed, as autovacuum
    keeps them on a live database (inside a rolled-back transaction the
    statistics would vanish; without the visibility map no index-only scan
    is possible). VACUUM runs outside any transaction."""
    _name, params = sql_db.connection_info_for(registry.db_name)
    connection = psycopg2.connect(**params)
    try:
        connection.autocommit = True
        with connection.cursor() as cursor:
            cursor.execute("VACUUM ANALYZE")
    finally:
        connection.close()


def load():
    with open("/proc/loadavg", encoding="ascii") as stat:
        return " ".join(stat.read().split()[:3])


# -- consultant mode -----------------------------------------------------------


def generate_companies(env, count, lines, employees):
    """``count`` companies, branches of the main one so that they share its
    chart of accounts (as Odoo 18 branches do), each with its own journal,
    ``lines`` journal items, ``employees`` employees and the 17 periods of
    the year."""
    main = env.ref("base.main_company")
    main.country_id = env.ref("base.co")
    stamp = datetime.now().strftime("%H%M%S")
    companies = env["res.company"].create(
        [
            {
                "name": f"Client {n:04d} ({stamp})",
                "parent_id": main.id,
                "country_id": main.country_id.id,
                "currency_id": main.currency_id.id,
            }
            for n in range(count)
        ]
    )
    env.flush_all()
    accounts, _journal, partner, electricity = books_setup(env, main)
    for company in companies:
        journal = env["account.journal"].create(
            {
                "name": "Bench",
                "code": "BNCH",
                "type": "general",
                "company_id": company.id,
            }
        )
        generate_books(env, company, lines, (accounts, journal, partner, electricity))
        generate_workforce(env, company, employees)
        year_periods(env, company)
    return companies


def consultant(registry, args):
    with registry.cursor() as cr:
        env = api.Environment(cr, SUPERUSER_ID, {})
        started = time.perf_counter()
        companies = generate_companies(env, args.companies, args.lines, args.employees)
        ids = companies.ids
        cr.commit()  # pylint: disable=invalid-commit
        setup = time.perf_counter() - started
    analyze(registry)
    today = date(YEAR + 1, 1, 5)
    # One process: the monthly job over every company (commits per company).
    with registry.cursor() as cr:
        env = api.Environment(cr, SUPERUSER_ID, {})
        due = len(env["csr.period"]._companies_due(today))
        start = time.perf_counter()
        env["csr.period"]._cron_compute_open_periods(today=today)
        one = time.perf_counter() - start
        values = env["csr.indicator.value"].search_count([])
        cr.commit()  # pylint: disable=invalid-commit
    clear_results(registry)
    # Two workers, each a process computing its share of the companies; the
    # span from the first start to the last end of their computes (not the
    # loading of their registries).
    workers = [
        subprocess.Popen(
            [
                sys.executable,
                __file__,
                "--database",
                args.database,
                "--addons-path",
                args.addons_path,
                "--worker",
                ",".join(map(str, ids[n :: args.workers])),
            ],
            stdout=subprocess.PIPE,
            text=True,
        )
        for n in range(args.workers)
    ]
    spans = [worker.communicate()[0].split() for worker in workers]
    failed = [worker.returncode for worker in workers]
    two = max(float(span[1]) for span in spans) - min(float(span[0]) for span in spans)
    compile_report_styles(registry)
    with registry.cursor() as cr:
        env = api.Environment(cr, SUPERUSER_ID, {})
        values_two = env["csr.indicator.value"].search_count([])
        queue = "queue.job" in env
        printed = measure_reports_of(env, ids[:50])
        cr.rollback()
    print(f"companies                {args.companies:>12,}")
    print(f"journal items each       {args.lines:>12,}")
    print(f"employees each           {args.employees:>12,}")
    print(f"data generation          {setup:>11.1f} s  (not part of the measure)")
    print(f"load average             {load():>12}")
    print()
    print_table(
        [
            (
                "monthly job, 1 process",
                one,
                one,
                "",
                "",
                f"{values:,} values, 17 periods per company",
            ),
            (
                "per company",
                one / due,
                one / due,
                "",
                "",
                f"{due} companies due",
            ),
            *printed,
            (
                f"{args.workers} workers",
                two,
                two,
                "",
                f"speed-up {one / two:.2f}x",
                f"{values_two:,} values; exit codes {failed}; queue_job "
                + ("installed" if queue else "not installed (processes)"),
            ),
        ]
    )


def measure_reports_of(env, company_ids):
    """The reports of the companies' year at once: their data, the printed
    report's HTML, the workbook and the VSME export (rows of the table)."""
    from odoo.addons.csr_management.report.report_xlsx import (
        build_workbook,
        workbook_labels,
    )
    from odoo.addons.csr_management.report.vsme_export import (
        build_vsme_workbook,
        vsme_labels,
    )
    from odoo.addons.csr_management.services.report_data import ReportData

    periods = env["csr.period"].search(
        [("company_id", "in", company_ids), ("kind", "=", "year")]
    )
    count = len(periods)
    data = timed(env, lambda: ReportData(env).build(periods))
    reports = data[2]
    workbook = timed(env, lambda: build_workbook(reports, workbook_labels(env)))
    vsme = timed(env, lambda: build_vsme_workbook(reports, vsme_labels(env)))
    action = env.ref("csr_management.action_report_triple_bottom_line")
    html = timed(env, lambda: action._render_qweb_html(action.report_name, periods.ids))
    env["ir.config_parameter"].set_param("report.url", serve_http(env.cr.dbname))
    logging.getLogger("odoo.addons.base.models.ir_actions_report").addFilter(SslNoise())
    pdf = timed(env, lambda: action._render_qweb_pdf(action.report_name, periods.ids))
    pages = len(PdfReader(io.BytesIO(pdf[2][0])).pages)
    return [
        (
            f"report data, {count} companies",
            data[0],
            data[0],
            data[1],
            f"{data[1] / count:.1f} queries per company",
            f"{sum(len(r.rows) for r in reports):,} indicator rows",
        ),
        (
            f"printed report HTML, {count} companies",
            html[0],
            html[0],
            html[1],
            f"{html[1] / count:.1f} queries per company",
            f"{len(html[2][0]):,} bytes (PDF: + wkhtmltopdf)",
        ),
        (
            f"PDF report, {count} companies",
            pdf[0],
            pdf[0],
            pdf[1],
            f"{pdf[0] / count:.2f} s per company",
            f"{pages:,} pages, {len(pdf[2][0]):,} bytes; {wkhtmltopdf_build()}",
        ),
        (
            f"XLSX workbook, {count} companies",
            workbook[0],
            workbook[0],
            workbook[1],
            "",
            f"{len(workbook[2]):,} bytes",
        ),
        (
            f"VSME export, {count} companies",
            vsme[0],
            vsme[0],
            vsme[1],
            "",
            f"{len(vsme[2]):,} bytes",
        ),
    ]


def compile_report_styles(registry):
    """Compile Odoo's report stylesheets and commit them, as a live database
    has done since its first print after install: the PDF row times the
    printing, not the SCSS compiler (a fresh database compiles them in the
    first print, ~10 s)."""
    with registry.cursor() as cr:
        env = api.Environment(cr, SUPERUSER_ID, {})
        for bundle in ("web.report_assets_common", "web.report_assets_pdf"):
            env["ir.qweb"]._get_asset_bundle(bundle, js=False).css()


class SslNoise(logging.Filter):
    """Drop the warnings the static wkhtmltopdf 0.12.4 build writes on
    every run about the OpenSSL it cannot load (the report is served over
    plain HTTP here); any other line it writes is kept."""

    def filter(self, record):
        lines = record.getMessage().removeprefix("wkhtmltopdf:").splitlines()
        return not all(
            line.strip().startswith("QSslSocket") for line in lines if line.strip()
        )


def serve_http(database):
    """Start Odoo's HTTP server in this process on a free local port and
    return its address: wkhtmltopdf fetches the printed report's styles from
    it (the report.url parameter), as from a running Odoo."""
    from odoo import http
    from odoo.service import server

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    odoo.tools.config["http_interface"] = "127.0.0.1"
    odoo.tools.config["http_port"] = port
    odoo.tools.config["dbfilter"] = f"^{re.escape(database)}$"
    server.ThreadedServer(http.root).http_spawn()
    return f"http://127.0.0.1:{port}"


def wkhtmltopdf_build():
    """The wkhtmltopdf Odoo prints with, as it names itself."""
    from odoo.addons.base.models.ir_actions_report import _get_wkhtmltopdf_bin
    from odoo.addons.csr_management.models.ir_actions_report import (
        wkhtmltopdf_version,
    )

    return wkhtmltopdf_version(_get_wkhtmltopdf_bin()) or "wkhtmltopdf: no version"


def clear_results(registry):
    with registry.cursor() as cr:
        for table in ("csr_action_suggestion", "csr_scorecard", "csr_indicator_value"):
            cr.execute(SQL("DELETE FROM %s", SQL.identifier(table)))
        cr.commit()  # pylint: disable=invalid-commit


def worker(registry, company_ids):
    """A worker: compute its companies' periods, committing each; prints
    when it started and ended (wall-clock seconds)."""
    with registry.cursor() as cr:
        env = api.Environment(cr, SUPERUSER_ID, {})
        env["csr.period"].search([], limit=1)  # warm the registry's caches
        start = time.time()
        for company_id in company_ids:
            env["csr.period"]._compute_company_periods(company_id, date(YEAR + 1, 1, 5))
            cr.commit()  # pylint: disable=invalid-commit
        print(start, time.time())


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--database", required=True)
    parser.add_argument("--addons-path", required=True)
    parser.add_argument("--lines", type=int, default=None)
    parser.add_argument("--employees", type=int, default=None)
    parser.add_argument("--stock-moves", type=int, default=200_000)
    parser.add_argument("--scraps", type=int, default=2_000)
    parser.add_argument("--leaves-per-employee", type=int, default=10)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--mis-builder", action="store_true")
    parser.add_argument("--companies", type=int, default=0)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--worker", help=argparse.SUPPRESS)
    args = parser.parse_args()
    consultant_mode = args.companies > 0
    if args.lines is None:
        args.lines = 20_000 if consultant_mode else 1_000_000
    if args.employees is None:
        args.employees = 20 if consultant_mode else 1_000
    odoo.tools.config.parse_config(
        ["-d", args.database, f"--addons-path={args.addons_path}", "--log-level=warn"]
    )
    registry = Registry(args.database)
    if args.worker:
        worker(registry, [int(i) for i in args.worker.split(",") if i])
    elif consultant_mode:
        consultant(registry, args)
    else:
        single_company(registry, args)


if __name__ == "__main__":
    main()
