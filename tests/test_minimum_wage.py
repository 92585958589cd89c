# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The minimum-wage table: shipped entries, the entry in force on a day, and
who may change it.

Mexico's general minimum wage in 2025 is 278.80 MXN a day; the Federal Labour
Law counts 30 days in a month: 8,364.00 MXN a month.
"""

from datetime import date

from odoo.exceptions import AccessError, ValidationError

from .common import CsrCase


class TestMinimumWageTable(CsrCase):
    def test_shipped_mexican_wage_is_daily_times_thirty(self):
        wage = self.env.ref("csr_management.minimum_wage_mx_20250101")
        self.assertEqual((wage.amount, wage.basis), (278.80, "daily"))
        self.assertEqual(wage.monthly_amount, 8364.0)
        self.assertEqual(wage.currency_id, self.env.ref("base.MXN"))

    def test_the_entry_in_force_follows_each_step(self):
        Wage = self.env["csr.minimum.wage"]
        argentina, peru = self.env.ref("base.ar"), self.env.ref("base.pe")
        cases = [
            (argentina, date(2024, 1, 31), 156000.0),
            (argentina, date(2024, 6, 15), 234315.12),
            (argentina, date(2024, 11, 30), 271571.22),
            (argentina, date(2025, 9, 30), 322200.0),
            (peru, date(2024, 12, 31), 1025.0),
            (peru, date(2025, 1, 1), 1130.0),
        ]
        for country, day, amount in cases:
            with self.subTest(country=country.code, day=day):
                self.assertEqual(Wage._in_force(country, day).amount, amount)
        self.assertFalse(Wage._in_force(self.env.ref("base.ec"), date(2025, 1, 1)))

    def test_every_shipped_entry_cites_its_act(self):
        shipped = self.env["csr.minimum.wage"].search([])
        self.assertEqual(
            set(shipped.country_id.mapped("code")),
            {"AR", "BR", "CL", "CO", "MX", "PE"},
        )
        for wage in shipped:
            with self.subTest(wage=wage.display_name):
                self.assertTrue(wage.source_document and wage.source_publisher)
                self.assertGreater(wage.monthly_amount, 0.0)

    def test_bad_entries_are_refused(self):
        Wage = self.env["csr.minimum.wage"]
        vals = {
            "country_id": self.env.ref("base.ec").id,
            "date_from": date(2025, 1, 1),
            "amount": 470.0,
            "currency_id": self.env.ref("base.USD").id,
            "source_publisher": "Ministerio del Trabajo",
            "source_document": "Acuerdo",
            "source_year": 2024,
        }
        with self.assertRefused(ValidationError, "more than zero"):
            Wage.create(dict(vals, amount=0.0))
        with self.assertRefused(ValidationError, "days or hours"):
            Wage.create(dict(vals, basis="daily"))
        Wage.create(vals)
        with self.assertRefusedByDatabase("already has a minimum wage"):
            Wage.create(vals)
        self.assertEqual(
            Wage.search_count([("country_id", "=", self.env.ref("base.ec").id)]), 1
        )

    def test_only_managers_change_the_table(self):
        wage = self.env.ref("csr_management.minimum_wage_co_20250101")
        for user in (self.user, self.auditor):
            with self.subTest(user=user.login):
                self.assertEqual(wage.with_user(user).amount, 1423500.0)
                with self.assertRaises(AccessError):
                    wage.with_user(user).write({"amount": 1.0})
        wage.with_user(self.manager).write({"note": "Revisado"})
        self.assertEqual(wage.note, "Revisado")
        self.assertEqual(wage.amount, 1423500.0)
