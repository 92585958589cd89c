# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import date

from odoo.exceptions import UserError, ValidationError
from odoo.tests import tagged

from .common import CsrCase


@tagged("csr_values")
class TestPeriod(CsrCase):
    def test_name_follows_kind_and_dates(self):
        self.assertEqual(self.january.name, "2025-01")
        self.assertEqual(self.year.name, "2025")
        quarter = self._make_period("quarter", date(2025, 4, 1), date(2025, 6, 30))
        self.assertEqual(quarter.name, "2025-Q2")

    def test_end_before_start_is_refused(self):
        count = self.env["csr.period"].search_count([])
        with self.assertRefusedByDatabase("A period cannot end before it starts"):
            self._make_period("month", date(2025, 3, 31), date(2025, 3, 1))
        self.assertEqual(self.env["csr.period"].search_count([]), count)
        with self.assertRefusedByDatabase("A period cannot end before it starts"):
            self.january.write({"date_to": date(2024, 12, 31)})
        self.assertEqual(self.january.date_to, date(2025, 1, 31))

    def test_shape_must_match_kind(self):
        with self.assertRefused(ValidationError, "first day of a month"):
            self._make_period("month", date(2025, 2, 15), date(2025, 3, 14))
        with self.assertRefused(ValidationError, "exactly 3 whole month"):
            self._make_period("quarter", date(2025, 4, 1), date(2025, 5, 31))

    def test_periods_of_a_kind_do_not_overlap(self):
        with self.assertRefused(ValidationError, "overlaps period 2025"):
            self._make_period("year", date(2025, 7, 1), date(2026, 6, 30))
        # A quarter inside the year is another kind: allowed.
        quarter = self._make_period("quarter", date(2025, 1, 1), date(2025, 3, 31))
        self.assertEqual(quarter.kind, "quarter")

    def test_other_company_may_use_the_same_dates(self):
        other = self.env["res.company"].create({"name": "Muebles del Bajío SA"})
        period = self._make_period("month", date(2025, 1, 1), date(2025, 1, 31), other)
        self.assertEqual(period.company_id, other)

    def test_generate_fiscal_year(self):
        self.company.write({"fiscalyear_last_month": "3", "fiscalyear_last_day": 31})
        wizard = self.env["csr.period.generate"].create(
            {"company_id": self.company.id, "fiscal_year_start": date(2026, 4, 1)}
        )
        action = wizard.action_generate()
        created = self.env["csr.period"].search(action["domain"])
        self.assertEqual(len(created), 17)
        by_kind = {
            kind: created.filtered(lambda p, k=kind: p.kind == k).sorted("date_from")
            for kind in ("month", "quarter", "year")
        }
        self.assertEqual(len(by_kind["month"]), 12)
        self.assertEqual(by_kind["month"][0].name, "2026-04")
        self.assertEqual(by_kind["month"][-1].date_to, date(2027, 3, 31))
        self.assertEqual(
            by_kind["quarter"].mapped("name"),
            ["2026-Q2", "2026-Q3", "2026-Q4", "2027-Q1"],
        )
        self.assertEqual(by_kind["year"].name, "2026/2027")
        # Running it again keeps what exists and creates nothing more.
        again = self.env["csr.period.generate"].create(
            {"company_id": self.company.id, "fiscal_year_start": date(2026, 4, 1)}
        )
        again_ids = self.env["csr.period"].search(again.action_generate()["domain"])
        self.assertEqual(again_ids, created)
        self.assertEqual(
            self.env["csr.period"].search_count([("company_id", "=", self.company.id)]),
            17 + 2,
        )

    def test_generate_defaults_to_current_fiscal_year(self):
        self.company.write({"fiscalyear_last_month": "12", "fiscalyear_last_day": 31})
        wizard = self.env["csr.period.generate"].create({"company_id": self.company.id})
        today = date.today()
        self.assertEqual(wizard.fiscal_year_start, date(today.year, 1, 1))

    def test_generate_refuses_nothing_ticked_and_mid_month_start(self):
        wizard = self.env["csr.period.generate"].create(
            {
                "company_id": self.company.id,
                "fiscal_year_start": date(2027, 1, 1),
                "create_months": False,
                "create_quarters": False,
                "create_year": False,
            }
        )
        with self.assertRaisesRegex(UserError, "at least one kind"):
            wizard.action_generate()
        wizard.write({"create_year": True, "fiscal_year_start": date(2027, 1, 15)})
        with self.assertRaisesRegex(UserError, "first day of a month"):
            wizard.action_generate()

    def test_generate_clashing_year_creates_nothing(self):
        # 2025 already has a calendar year: an April-March year overlaps it.
        wizard = self.env["csr.period.generate"].create(
            {"company_id": self.company.id, "fiscal_year_start": date(2025, 4, 1)}
        )
        before = self.env["csr.period"].search_count([])
        with self.assertRefused(ValidationError, "overlaps"):
            wizard.action_generate()
        self.assertEqual(self.env["csr.period"].search_count([]), before)
