# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Several periods computed together: the year-end job's 12 months, 4
quarters and the year of a company read each source once, grouped by month,
and every period gets exactly the values it gets when computed alone.

The books are the Colombian year of ``books.py`` (chart l10n_co, scale 4,000),
plus time off and stock that cross month boundaries:

  sick leave   Ana 29 Jan – 4 Feb (5 working days: 3 calendar days in January
               of 7, so 5 x 3/7 = 2.14 days count in January, 2.86 in February,
               all 5 in Q1 and in the year)
  accident     Carlos 30 Jun – 2 Jul (3 days, across Q2 and Q3)
  parental     Diana 1 Sep – 14 Oct, back on 15 Oct (SOC-21: October, Q4, year)
  receipts     cement 1 t on 31 Jan at 9 pm in Bogotá (2 am UTC on 1 Feb: a
               January receipt), 2 t on 15 Feb; 500 kg returned on 20 Feb
  scrap        100 kg of cement on 28 Mar
  commuting    Ana 12 km by petrol car, Carlos 8 km by bus: each month's
               scheduled days less time off, so Ana's sick leave lowers
               January and February (ENV-19)
  travel       a bus ticket of 300 km on 10 Mar and a hotel night on 2 Apr,
               bought from a Colombian agency (ENV-18: Q1 and Q2 apart)

Rolled up by nature: Q1's revenue (ECO-01) is the sum of January, February
and March; the year's headcount (SOC-01) is December's; the year's total
assets (ECO-02) are December's closing balance; Q1's received materials
(ENV-17) are 1 + 2 - 0.5 = 2.5 t, of which January's 1 t.
"""

from datetime import date, datetime

from dateutil.relativedelta import relativedelta

from odoo.tests import TransactionCase, tagged
from odoo.tools import float_compare

from odoo.addons.csr_management.services.period_compute import (
    PeriodCompute,
    PeriodsCompute,
)

from . import books
from .common import activity_product, vendor_bill

YEAR = 2025


def _year_periods(env, company):
    """The 12 months and 4 quarters of 2025 (the year exists already)."""
    vals = []
    for month in range(1, 13):
        start = date(YEAR, month, 1)
        end = start + relativedelta(months=1, days=-1)
        vals.append(
            {
                "company_id": company.id,
                "kind": "month",
                "date_from": start,
                "date_to": end,
            }
        )
    for quarter in range(4):
        start = date(YEAR, 1 + 3 * quarter, 1)
        vals.append(
            {
                "company_id": company.id,
                "kind": "quarter",
                "date_from": start,
                "date_to": start + relativedelta(months=3, days=-1),
            }
        )
    return env["csr.period"].create(vals)


class TestPeriodsTogetherOnRealBooks(books.RealBooksCase):
    CHART = "co"

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        env = cls.env
        cls.company.partner_id.tz = "America/Bogota"
        employees = env["hr.employee"].search([("company_id", "=", cls.company.id)])
        by_name = {e.name: e for e in employees}
        kinds = {
            kind: env["hr.leave.type"].create(
                {
                    "name": f"CSR {kind}",
                    "csr_leave_kind": kind,
                    "requires_allocation": "no",
                    "leave_validation_type": "no_validation",
                    "company_id": cls.company.id,
                }
            )
            for kind in ("sick", "accident", "parental")
        }
        for name, kind, first, last in (
            ("Ana Gómez", "sick", date(YEAR, 1, 29), date(YEAR, 2, 4)),
            ("Carlos Pérez", "accident", date(YEAR, 6, 30), date(YEAR, 7, 2)),
            ("Diana Ruiz", "parental", date(YEAR, 9, 1), date(YEAR, 10, 14)),
        ):
            env["hr.leave"].create(
                {
                    "employee_id": by_name[name].id,
                    "holiday_status_id": kinds[kind].id,
                    "request_date_from": first,
                    "request_date_to": last,
                }
            )
        for name, km, mode in (
            ("Ana Gómez", 12, "car_petrol"),
            ("Carlos Pérez", 8, "bus"),
        ):
            by_name[name].write(
                {
                    "distance_home_work": km,
                    "distance_home_work_unit": "kilometers",
                    "csr_commute_mode": mode,
                }
            )
        agency = env["res.partner"].create(
            {"name": "Agencia de viajes", "country_id": env.ref("base.co").id}
        )
        bus = activity_product(
            env, "Bus BOG-MDE", "activity_travel_bus", "uom.product_uom_km"
        )
        hotel = activity_product(
            env, "Noche de hotel", "activity_travel_hotel_night", "uom.product_uom_unit"
        )
        vendor_bill(env, agency, date(YEAR, 3, 10), [(bus, 300)])
        vendor_bill(env, agency, date(YEAR, 4, 2), [(hotel, 1)])
        materials = env.ref("csr_management.activity_materials")
        kg = env.ref("uom.product_uom_kgm")
        cement = env["product.product"].create(
            {
                "name": "Cemento gris",
                "is_storable": True,
                "uom_id": kg.id,
                "uom_po_id": kg.id,
                "csr_activity_id": materials.id,
            }
        )
        supplier = env.ref("stock.stock_location_suppliers")
        stock = (
            env["stock.warehouse"]
            .search([("company_id", "=", cls.company.id)], limit=1)
            .lot_stock_id
        )
        for qty, when, returned in (
            (1000.0, datetime(YEAR, 2, 1, 2, 0), False),
            (2000.0, datetime(YEAR, 2, 15, 12, 0), False),
            (500.0, datetime(YEAR, 2, 20, 12, 0), True),
        ):
            source, target = (stock, supplier) if returned else (supplier, stock)
            move = env["stock.move"].create(
                {
                    "name": cement.name,
                    "company_id": cls.company.id,
                    "product_id": cement.id,
                    "product_uom": kg.id,
                    "product_uom_qty": qty,
                    "location_id": source.id,
                    "location_dest_id": target.id,
                }
            )
            move._action_confirm()
            move.write({"quantity": qty, "picked": True})
            move._action_done()
            move.date = when
        scrap = env["stock.scrap"].create(
            {
                "company_id": cls.company.id,
                "product_id": cement.id,
                "product_uom_id": kg.id,
                "scrap_qty": 100.0,
                "location_id": stock.id,
            }
        )
        scrap.do_scrap()
        scrap.date_done = datetime(YEAR, 3, 28, 15, 0)
        cls.periods = cls.period | _year_periods(env, cls.company)

    def _snapshot(self):
        """Every computed value of the periods, as stored."""
        self.env.invalidate_all()
        return {
            (value.period_id.name, value.code): (
                value.value,
                value.source_model,
                value.source_domain,
                value.calculation_note or "",
                value.warning or "",
                value.data_quality,
            )
            for value in self.periods.value_ids
            if value.source != "manual"
        }

    def _value(self, name, code):
        period = self.periods.filtered(lambda p: p.name == name)
        return period.value_ids.filtered(lambda v: v.code == code).value

    def test_periods_together_equal_each_computed_alone(self):
        self.periods.value_ids.unlink()
        reports = PeriodsCompute(self.periods).run()
        together = self._snapshot()

        self.periods.value_ids.unlink()
        alone_reports = {period: PeriodCompute(period).run() for period in self.periods}
        alone = self._snapshot()

        self.assertEqual(sorted(together), sorted(alone))
        for key, (value, *rest) in alone.items():
            other_value, *other_rest = together[key]
            self.assertEqual(
                float_compare(value, other_value, precision_digits=4), 0, key
            )
            self.assertEqual(rest, other_rest, key)
        for period in self.periods:
            for field in ("created", "no_data", "implausible", "no_source", "failed"):
                self.assertEqual(
                    getattr(reports[period], field),
                    getattr(alone_reports[period], field),
                    (period.name, field),
                )
        # Every kind of source took part: accounts, bills, payments, taxes,
        # contracts, staff records, time off and stock.
        codes = {code for _name, code in together}
        for code in ("ECO-01", "ECO-02", "ECO-07", "ECO-08", "ECO-09", "SOC-01"):
            self.assertIn(code, codes)
        for code in ("SOC-06", "SOC-11", "SOC-12", "SOC-21", "ENV-14", "ENV-17"):
            self.assertIn(code, codes)
        self.assertIn("ENV-19", codes)  # commuting, Scope 3
        self.assertIn("ENV-18", codes)  # business travel, Scope 3
        self.assertGreater(len(together), 17 * 20)

    def test_months_roll_up_by_the_nature_of_each_figure(self):
        self.periods.value_ids.unlink()
        PeriodsCompute(self.periods).run()
        self.env.invalidate_all()
        months = [f"{YEAR}-{m:02d}" for m in (1, 2, 3)]
        # A flow: Q1's revenue is its months' revenue.
        self.assertAlmostEqual(
            self._value(f"{YEAR}-Q1", "ECO-01"),
            sum(self._value(name, "ECO-01") for name in months),
            places=2,
        )
        # A stock: the year's assets are December's closing balance, and
        # March's are Q1's.
        self.assertEqual(
            self._value(str(YEAR), "ECO-02"), self._value(f"{YEAR}-12", "ECO-02")
        )
        self.assertEqual(
            self._value(f"{YEAR}-Q1", "ECO-02"), self._value(f"{YEAR}-03", "ECO-02")
        )
        # A head-count: on the end date (Felipe left on 31 August).
        self.assertEqual(self._value(str(YEAR), "SOC-01"), 4)
        self.assertEqual(self._value(f"{YEAR}-08", "SOC-01"), 5)
        # Tonnes received: a flow, in the company's local months.
        self.assertAlmostEqual(self._value(f"{YEAR}-Q1", "ENV-17"), 2.5, places=4)
        self.assertAlmostEqual(self._value(f"{YEAR}-01", "ENV-17"), 1.0, places=4)
        self.assertAlmostEqual(self._value(f"{YEAR}-Q1", "ENV-14"), 0.1, places=4)
        # Business travel, Scope 3: Q1 is the bus, 300 km x 0.10385 kgCO2e
        # = 31.155 kg; Q2 the hotel night in Colombia, 14.7 kg; the year both.
        self.assertAlmostEqual(self._value(f"{YEAR}-Q1", "ENV-18"), 0.031155, places=4)
        self.assertAlmostEqual(self._value(f"{YEAR}-Q2", "ENV-18"), 0.0147, places=4)
        self.assertAlmostEqual(self._value(str(YEAR), "ENV-18"), 0.045855, places=4)

    def test_query_count_follows_neither_periods_nor_data(self):
        """Three periods or seventeen, a little data or twice as much: the
        same number of queries, for the sources that read several periods at
        once (the environment's included: it reads its bills and activity
        data by month). The one
        allowance: Odoo inserts new values 100 rows per query, and then
        updates their stored related fields as many times."""
        from odoo.addons.csr_management.services import sources

        batch_only = {
            method: fetcher
            for method, fetcher in sources.FETCHERS.items()
            if hasattr(fetcher, "for_periods")
        }
        three = self.periods.filtered(
            lambda p: p.name in (f"{YEAR}-01", f"{YEAR}-Q1", str(YEAR))
        )

        def queries(periods):
            periods.value_ids.unlink()
            self.env.flush_all()
            self.env.invalidate_all()
            before = self.env.cr.sql_log_count
            with self._only(sources, batch_only):
                PeriodsCompute(periods).run()
                self.env.flush_all()
            return self.env.cr.sql_log_count - before

        queries(self.periods)  # warm the registry's caches once
        few = queries(three)
        created_few = len(three.value_ids)
        many = queries(self.periods)
        created = len(self.periods.value_ids)
        self.assertGreater(created, 300)
        self.assertLessEqual(few, many)
        # Only the inserts' batches of 100 (and their related-field updates)
        # may add queries: nothing per period.
        batches = -(-created // 100) - -(-created_few // 100)
        self.assertLessEqual(many, few + 2 * batches)
        # Twice the sales and bills: the same queries.
        moves = self.env["account.move"].search(
            [
                ("company_id", "=", self.company.id),
                ("move_type", "in", ("out_invoice", "in_invoice")),
                ("state", "=", "posted"),
            ]
        )
        for move in moves:
            copy = move.copy({"invoice_date": move.invoice_date, "date": move.date})
            if move.move_type == "in_invoice":
                copy.ref = f"{move.ref or move.name}-2"
            copy.action_post()
        self.assertEqual(queries(self.periods), many)

    @staticmethod
    def _only(sources, kept):
        """Compute only the sources whose fetchers are ``kept``."""
        from contextlib import contextmanager
        from unittest.mock import patch

        @contextmanager
        def patched():
            with patch.dict(sources.FETCHERS, kept, clear=True):
                yield

        return patched()


@tagged("csr_compute")
class TestSourceRegistry(TransactionCase):
    def test_every_source_method_has_its_fetcher_and_no_other(self):
        """The methods a source may name are exactly those the registry in
        services/sources.py computes: a method without a fetcher would fail
        at compute time, a fetcher without a method is dead code."""
        from odoo.addons.csr_management.services import sources

        methods = dict(
            self.env["csr.indicator.source"]
            ._fields["method"]
            ._description_selection(self.env)
        )
        self.assertEqual(sorted(sources.FETCHERS), sorted(methods))
