#!/usr/bin/env python3
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Time the full compute of one year on a synthetic company, and print it.

Run through scripts/benchmark.sh, which prepares the database. The data are
generated set-based in SQL (not timed): posted journal entries spread over
the year, a tenth of them vendor bills of electricity with their payable
line, employees with contracts and their validated time off (sick leave,
work accidents, parental leave), and done stock moves (receipts of weighed
materials, a few returns) and scraps. Then it prints the wall time and SQL
query count of the compute, and the time of a bare SQL aggregate over the
same journal items (the floor no compute can beat).
"""

# Printing its figures is what this script is for.
# pylint: disable=print-used

import argparse
import time
from datetime import date, datetime

import odoo
from odoo import SUPERUSER_ID, Command, api
from odoo.modules.registry import Registry
from odoo.tools import SQL

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
        )
    }


def generate_books(env, company, lines):
    """``lines`` posted journal items: pairs of lines, one move per pair."""
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
            SELECT 'BENCH/' || g,
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
             WHERE left(move.name, 6) = 'BENCH/'
            """,
            **params,
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


def measure(env, company):
    # Importable only once the registry has set up the addons path.
    from odoo.addons.csr_management.services.period_compute import PeriodCompute

    period = env["csr.period"].create(
        {
            "company_id": company.id,
            "kind": "year",
            "date_from": date(YEAR, 1, 1),
            "date_to": date(YEAR, 12, 31),
        }
    )
    # Planner statistics, as autovacuum keeps them on a live database.
    env.cr.execute("ANALYZE")
    env.invalidate_all()
    PeriodCompute(period).run()  # warm the caches once, like a running server
    period.value_ids.unlink()
    env.invalidate_all()
    queries = env.cr.sql_log_count
    start = time.perf_counter()
    report = PeriodCompute(period).run()
    wall = time.perf_counter() - start
    queries = env.cr.sql_log_count - queries
    start = time.perf_counter()
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
    env.cr.fetchall()
    floor = time.perf_counter() - start
    return wall, queries, floor, report, period


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
    from odoo.addons.csr_management.services.report_data import ReportData
    from odoo.addons.csr_management.services.report_xlsx import (
        build_workbook,
        workbook_labels,
    )

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


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--database", required=True)
    parser.add_argument("--addons-path", required=True)
    parser.add_argument("--lines", type=int, default=1_000_000)
    parser.add_argument("--employees", type=int, default=1_000)
    parser.add_argument("--stock-moves", type=int, default=200_000)
    parser.add_argument("--scraps", type=int, default=2_000)
    parser.add_argument("--leaves-per-employee", type=int, default=10)
    args = parser.parse_args()
    odoo.tools.config.parse_config(
        ["-d", args.database, f"--addons-path={args.addons_path}", "--log-level=warn"]
    )
    registry = Registry(args.database)
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
    with registry.cursor() as cr:
        env = api.Environment(cr, SUPERUSER_ID, {})
        company = env.ref("base.main_company")
        lines = env["account.move.line"].search_count([("company_id", "=", company.id)])
        wall, queries, floor, report, period = measure(env, company)
        card, created, answered, questions = measure_judgement(env, company, period)
        data, workbook, size, rows = measure_reports(env, period)
        kit_export, kit_import, kit_rows = measure_kit(env, company)
        cr.rollback()
    print(f"journal items            {lines:>12,}")
    print(f"employees with contracts {args.employees:>12,}")
    print(
        f"done stock moves         {args.stock_moves:>12,}  (+ {args.scraps:,} scraps)"
    )
    print(f"validated leaves         {leaves:>12,}")
    print(f"data generation          {setup:>11.1f} s  (not part of the measure)")
    print(f"full compute of {YEAR}     {wall:>11.3f} s  ({len(report.created)} values)")
    print(f"SQL queries              {queries:>12,}")
    print(f"bare SQL aggregate       {floor:>11.3f} s  (floor)")
    print(f"scorecard refresh        {card[0]:>11.3f} s  ({card[1]} queries)")
    print(
        f"self-assessment created  {created[0]:>11.3f} s  "
        f"({questions} questions pre-answered, {created[1]} queries)"
    )
    print(f"all answers saved        {answered[0]:>11.3f} s  ({answered[1]} queries)")
    print(
        f"report data              {data[0]:>11.3f} s  "
        f"({rows} indicators, {data[1]} queries)"
    )
    print(f"XLSX workbook            {workbook:>11.3f} s  ({size:,} bytes)")
    print(
        f"CSR kit export           {kit_export[0]:>11.3f} s  "
        f"({len(kit_export[2]):,} bytes, {kit_export[1]} queries)"
    )
    print(
        f"CSR kit import           {kit_import[0]:>11.3f} s  "
        f"({kit_rows} rows compared, {kit_import[1]} queries)"
    )
    print(f"compute / floor          {wall / floor:>12.2f} x")


if __name__ == "__main__":
    main()
