# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The minimum-wage table and the wage indicators, checked by hand.

Mexico's general minimum wage in 2025 is 278.80 MXN a day; the Federal Labour
Law counts 30 days in a month: 8,364.00 MXN a month.

A Mexican company paying in MXN, January 2025 (schedules call 40 h full time):
  Ana (f)   40 h, 9,000                      -> 9,000
  Beto (m)  20 h, 4,200, scaled to full time -> 8,400 (4,200 alone is below)
  Caro (f)  40 h, 8,364, exactly the minimum -> 8,364
  Dani (m)  40 h, 8,000                      -> 8,000, below
  another company's employee paid 100: not counted.
SOC-13: 3 of 4 at or above, so 0 (not compliant). SOC-14: lowest 8,000 /
8,364 = 0.9565 (values keep 4 decimals); women min(9,000, 8,364) / 8,364 = 1.00, men
min(8,400, 8,000) / 8,364 = 0.96.

A Mexican company paying in USD, with 20 MXN to the dollar on 1 January 2025:
the minimum is 8,364 / 20 = 418.20 USD; its one employee earns 420: SOC-13 = 1,
SOC-14 = 420 / 418.20 = 1.0043.

An Ecuadorian company: no entry in the table, so no SOC-13 or SOC-14 figure.
"""

from datetime import date

from odoo.exceptions import AccessError, ValidationError
from odoo.tests import tagged

from odoo.addons.csr_management.services.period_compute import PeriodCompute

from .common import CsrCase, HrCase

NBSP = "\N{NO-BREAK SPACE}"


class WageCase(HrCase):
    @classmethod
    def _staff(cls, people):
        """Employees with a contract since 2024: (name, gender, calendar, wage)."""
        for name, gender, calendar, wage in people:
            employee = cls._employee(name, calendar, gender=gender)
            cls._contract(employee, date(2024, 1, 1), wage=wage)

    @classmethod
    def _schedules(cls):
        full = cls._calendar("CSR 40 h", [(False, "01234", 8.0, 16.0)])
        half = cls._calendar("CSR 20 h", [(False, "01234", 8.0, 12.0)])
        return full, half

    @classmethod
    def _compute(cls):
        report = PeriodCompute(cls.january).run()
        values = {value.code: value for value in cls.january.value_ids}
        return report, values


@tagged("csr_compute")
class TestMinimumWageCompliance(WageCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        peso = cls.env.ref("base.MXN")
        peso.active = True
        cls.company.write(
            {"country_id": cls.env.ref("base.mx").id, "currency_id": peso.id}
        )
        full, half = cls._schedules()
        cls._staff(
            [
                ("Ana", "female", full, 9000.0),
                ("Beto", "male", half, 4200.0),
                ("Caro", "female", full, 8364.0),
                ("Dani", "male", full, 8000.0),
            ]
        )
        other = cls.env["res.company"].create(
            {"name": "Otra SA de CV", "country_id": cls.env.ref("base.mx").id}
        )
        stranger = cls.env["hr.employee"].create(
            {"name": "Ajeno", "company_id": other.id}
        )
        cls.env["hr.contract"].create(
            {
                "name": "Ajeno",
                "employee_id": stranger.id,
                "company_id": other.id,
                "wage": 100.0,
                "date_start": date(2024, 1, 1),
                "state": "open",
            }
        )
        cls.report, cls.values = cls._compute()

    def test_one_employee_below_the_minimum_fails_compliance(self):
        value = self.values["SOC-13"]
        self.assertEqual(value.value, 0.0)
        self.assertEqual(
            value.calculation_note,
            f"3 of 4 employees at or above the minimum wage of ${NBSP}8,364.00 a "
            "month (Mexico, from 01/01/2025)",
        )
        self.assertEqual(
            sorted(self._source_records(value).employee_id.mapped("name")),
            ["Ana", "Beto", "Caro", "Dani"],
        )

    def test_entry_level_wage_by_gender(self):
        value = self.values["SOC-14"]
        self.assertAlmostEqual(value.value, 8000.0 / 8364.0, 4)  # 0.9565
        self.assertEqual(value.calculation_note, "women 1.00, men 0.96")


@tagged("csr_compute")
class TestMinimumWageInAnotherCurrency(WageCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company.write(
            {
                "country_id": cls.env.ref("base.mx").id,
                "currency_id": cls.env.ref("base.USD").id,
            }
        )
        cls.env["res.currency.rate"].create(
            {
                "currency_id": cls.env.ref("base.MXN").id,
                "company_id": cls.company.id,
                "name": date(2025, 1, 1),
                "rate": 20.0,
            }
        )
        full, _half = cls._schedules()
        cls._staff([("Eva", "female", full, 420.0)])
        cls.report, cls.values = cls._compute()

    def test_minimum_converted_into_the_company_currency(self):
        self.assertEqual(self.values["SOC-13"].value, 1.0)
        self.assertIn(
            f"minimum wage of ${NBSP}418.20 a month",
            self.values["SOC-13"].calculation_note,
        )
        self.assertAlmostEqual(self.values["SOC-14"].value, 420.0 / 418.2, 4)


@tagged("csr_compute")
class TestNoMinimumWageForTheCountry(WageCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company.country_id = cls.env.ref("base.ec")
        full, _half = cls._schedules()
        cls._staff([("Fausto", "male", full, 500.0)])
        cls.report, cls.values = cls._compute()

    def test_no_figure_without_a_table_entry(self):
        self.assertNotIn("SOC-13", self.values)
        self.assertNotIn("SOC-14", self.values)
        self.assertIn("SOC-13", self.report.no_data)
        self.assertIn("SOC-14", self.report.no_data)


@tagged("csr_compute")
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

    def test_only_administrators_change_the_table(self):
        wage = self.env.ref("csr_management.minimum_wage_co_20250101")
        for user in (self.user, self.auditor, self.manager):
            with self.subTest(user=user.login):
                self.assertEqual(wage.with_user(user).amount, 1423500.0)
                with self.assertRaises(AccessError):
                    wage.with_user(user).write({"amount": 1.0})
        wage.with_user(self.env.ref("base.user_admin")).write({"note": "Revisado"})
        self.assertEqual(wage.note, "Revisado")
        self.assertEqual(wage.amount, 1423500.0)
