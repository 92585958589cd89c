# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Energy, water and emissions from vendor bills, checked by hand.

January 2025 bills of a Colombian company (no taxes):
  electricity 1,200 kWh + 0.5 MWh (converted: 500 kWh), refund 200 kWh
  diesel 100 L; water 3 m³ + 500 L (converted: 0.5 m³); a draft bill of
  9,999 kWh and an unmapped product (ignored).
Electricity 1,500 kWh = 1.5 MWh. Colombian diesel is B10 since March 2022
(Resolución 40421 de 2021): 100 L = 90 L fossil (36.12 MJ/L) + 10 L
biodiesel (33 MJ/L) = 3,250.8 + 330 = 3,580.8 MJ; energy 1.5 + 3,580.8 /
3,600 = 2.494667 MWh. Scope 1 (generator, AR5): fossil CO2 90 x 2.6765 =
240.885 kg; CH4 10 kg/TJ x 3.5808 GJ... = 0.035808 kg x 28 = 1.002624 kg;
N2O 0.6 kg/TJ = 0.00214848 kg x 265 = 0.569347 kg; total 242.456971 kg =
0.242457 t; the biodiesel's CO2, 10 x 2.3364 = 23.364 kg, is biogenic
(ENV-20 = 0.023364 t). Scope 2 = 1,500 x 0.22 / 1,000 = 0.33 t (UPME's
2024 factor, the latest, flagged for 2025); water 3.5 m³.
"""

from datetime import date

from psycopg2 import IntegrityError

from odoo.tests import tagged
from odoo.tools import mute_logger

from odoo.addons.account.tests.common import AccountTestInvoicingCommon

from ..services.report_data import ReportData
from .common import activity_product, vendor_bill


@tagged("post_install", "-at_install", "csr_compute")
class TestComputeEnvironment(AccountTestInvoicingCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env.user.groups_id |= cls.env.ref("csr_management.group_csr_manager")
        cls.company = cls.company_data["company"]
        cls.company.country_id = cls.env.ref("base.co")
        ref = cls.env.ref
        cls.electricity = cls._product(
            "Energía eléctrica",
            "csr_management.activity_electricity_grid",
            "csr_management.uom_kwh",
        )
        cls.diesel = cls._product(
            "ACPM", "csr_management.activity_diesel", "uom.product_uom_litre"
        )
        cls.water = cls._product(
            "Acueducto", "csr_management.activity_water", "uom.product_uom_cubic_meter"
        )
        cls.coffee = cls.env["product.product"].create({"name": "Café verde"})
        jan = date(2025, 1, 10)
        cls._bill(jan, [(cls.electricity, 1200.0, None), (cls.diesel, 100.0, None)])
        cls._bill(jan, [(cls.electricity, 0.5, ref("csr_management.uom_mwh"))])
        cls._bill(jan, [(cls.electricity, 200.0, None)], move_type="in_refund")
        cls._bill(
            jan,
            [(cls.water, 3.0, None), (cls.water, 500.0, ref("uom.product_uom_litre"))],
        )
        cls._bill(jan, [(cls.coffee, 50.0, None)])
        cls._bill(jan, [(cls.electricity, 9999.0, None)], post=False)

    @classmethod
    def _product(cls, name, activity, uom):
        return activity_product(cls.env, name, activity.split(".", 1)[1], uom)

    @classmethod
    def _bill(cls, when, lines, move_type="in_invoice", post=True):
        return vendor_bill(cls.env, cls.partner_a, when, lines, move_type, post)

    def _values(self, date_from, date_to):
        period = self.env["csr.period"].create(
            {
                "company_id": self.company.id,
                "kind": "month",
                "date_from": date_from,
                "date_to": date_to,
            }
        )
        period.action_compute()
        return {value.code: value for value in period.value_ids}

    def test_energy_water_and_emissions(self):
        values = self._values(date(2025, 1, 1), date(2025, 1, 31))
        self.assertAlmostEqual(values["ENV-02"].value, 1.5, places=4)
        self.assertAlmostEqual(values["ENV-01"].value, 2.494667, places=4)
        self.assertAlmostEqual(values["ENV-05"].value, 0.242457, places=4)
        self.assertAlmostEqual(values["ENV-20"].value, 0.023364, places=4)
        self.assertAlmostEqual(values["ENV-06"].value, 0.33, places=4)
        self.assertAlmostEqual(values["ENV-11"].value, 3.5, places=4)
        self.assertFalse(values["ENV-06"].uses_fallback_factor)
        self.assertIn("UPME", values["ENV-06"].calculation_note)
        self.assertIn("1500 kWh", values["ENV-06"].calculation_note)

    def test_intensities_follow_from_revenue(self):
        # No sales in this company: no revenue, so no intensity (division by 0).
        values = self._values(date(2025, 1, 1), date(2025, 1, 31))
        self.assertNotIn("ENV-04", values)
        self.assertNotIn("ENV-09", values)

    def test_right_factor_year_and_visible_fallback(self):
        """Mexico 2025 takes SEMARNAT's 2024 factor (0.444): 1,500 kWh x
        0.444 = 0.666 t. Argentina has no national factor shipped: Ember's
        2022 regional average (0.238, lifecycle) stands in, flagged:
        1,500 x 0.238 = 0.357 t."""
        mexico, argentina = self.env.ref("base.mx"), self.env.ref("base.ar")
        self.company.country_id = mexico
        values = self._values(date(2025, 1, 1), date(2025, 1, 31))
        self.assertAlmostEqual(values["ENV-06"].value, 1500 * 0.444 / 1000, places=4)
        self.assertIn("2024", values["ENV-06"].calculation_note)
        used = values["ENV-06"].emission_factor_ids
        self.assertEqual(used.mapped("country_id"), mexico)
        self.assertEqual(used.mapped("kgco2e_per_unit"), [0.444])
        self.company.country_id = argentina
        self.env["csr.period"].search([("company_id", "=", self.company.id)]).unlink()
        values = self._values(date(2025, 1, 1), date(2025, 1, 31))
        self.assertAlmostEqual(values["ENV-06"].value, 1500 * 0.238 / 1000, places=4)
        self.assertTrue(values["ENV-06"].uses_fallback_factor)
        self.assertIn(
            "fallback, no factor for Argentina", values["ENV-06"].calculation_note
        )
        self.assertIn("No emission factor of Argentina", values["ENV-06"].warning)
        self.assertIn("Lifecycle", values["ENV-06"].warning)
        # Diesel's IPCC factor is the reference everywhere: not a fallback.
        self.assertFalse(values["ENV-05"].uses_fallback_factor)

    def test_unconvertible_unit_is_reported_on_its_own_figure(self):
        lamp_oil = self._product(
            "Kerosene",
            "csr_management.activity_electricity_grid",
            "uom.product_uom_litre",
        )
        self._bill(date(2025, 1, 11), [(lamp_oil, 40.0, None)])
        values = self._values(date(2025, 1, 1), date(2025, 1, 31))
        # Litres cannot become kWh: left out of electricity, and said so there.
        self.assertAlmostEqual(values["ENV-02"].value, 1.5, places=4)
        self.assertIn("Kerosene is billed in L", values["ENV-02"].warning)
        self.assertNotIn("Kerosene", values["ENV-11"].warning or "")

    def test_source_records_are_the_mapped_bill_lines(self):
        values = self._values(date(2025, 1, 1), date(2025, 1, 31))
        lines = self.env["account.move.line"].search(
            values["ENV-02"].action_open_source_records()["domain"]
        )
        self.assertEqual(lines.product_id, self.electricity)
        self.assertEqual(len(lines), 3)  # two bills and the refund, not the draft

    def test_report_lists_the_factors_and_sources_used(self):
        values = self._values(date(2025, 1, 1), date(2025, 1, 31))
        period = values["ENV-06"].period_id
        report = ReportData(self.env, today=date(2025, 2, 1)).build(period)[0]
        by_factor = {row.factor_id: row for row in report.factors}
        grid = by_factor[values["ENV-06"].emission_factor_ids.id]
        self.assertEqual(grid.kgco2e_per_unit, 0.22)
        self.assertIn("ENV-06", grid.indicator_codes)
        self.assertIn("UPME", grid.citation)
        self.assertEqual(grid.where, "Colombia")
        diesel = by_factor[values["ENV-05"].emission_factor_ids.id]
        self.assertEqual(
            (diesel.kgco2e_per_unit, diesel.indicator_codes),
            (2.692357, ("ENV-05", "ENV-20")),
        )
        sources = {row.code: row for row in report.sources}
        definition = dict(sources["ENV-06"].definition)
        self.assertEqual(
            sources["ENV-06"].method,
            "Emissions of what was bought or recorded, in tCO2e",
        )
        self.assertEqual(
            definition["Activities"],
            "Grid electricity, Certified renewable electricity (green tariff, I-REC)",
        )
        self.assertEqual(
            definition["Emission scope"], "Scope 2, location-based (grid average)"
        )
        self.assertEqual(
            dict(sources["ENV-04"].definition)["Formula"],
            "[ENV-01] / [ECO-01] * 1000000",
        )

    def test_factors_stay_cited_when_archived_and_go_when_typed_by_hand(self):
        values = self._values(date(2025, 1, 1), date(2025, 1, 31))
        period = values["ENV-06"].period_id
        grid = values["ENV-06"].emission_factor_ids
        # An administrator replaces the shared factor: the old one was used.
        grid.sudo().active = False

        def cited():
            report = ReportData(self.env, today=date(2025, 2, 1)).build(period)[0]
            return {row.factor_id: row.indicator_codes for row in report.factors}

        self.assertIn("ENV-06", cited()[grid.id])
        values["ENV-06"].action_enter_by_hand()
        self.assertFalse(values["ENV-06"].emission_factor_ids)
        self.assertNotIn("ENV-06", cited().get(grid.id, ()))
        with self.assertRaises(IntegrityError), mute_logger("odoo.sql_db"):
            with self.env.cr.savepoint():
                values["ENV-05"].emission_factor_ids.sudo().unlink()

    def test_a_factor_of_an_earlier_year_warns_until_the_year_has_its_own(self):
        """Colombia's latest shipped grid factor is UPME's for 2024 (0.22):
        a 2025 month uses it and says so, with its year and basis; the
        diesel factor (IPCC 2006 defaults, not tied to a year) does not warn.
        Once a factor for 2025 exists (here the company's own, 0.150), it is
        used and the warning goes: 1,500 kWh x 0.150 = 0.225 t."""
        values = self._values(date(2025, 1, 1), date(2025, 1, 31))
        self.assertIn("describes 2024 (basis: Combustion", values["ENV-06"].warning)
        self.assertIn("not 2025", values["ENV-06"].warning)
        self.assertFalse(values["ENV-05"].warning)
        grid = self.env.ref("csr_management.factor_grid_co_2024")
        self.env["csr.emission.factor"].create(
            {
                "activity_id": grid.activity_id.id,
                "scope": grid.scope,
                "country_id": grid.country_id.id,
                "company_id": self.company.id,
                "date_from": date(2025, 1, 1),
                "kgco2e_per_unit": 0.150,
                "source_publisher": "Empresa de Energía de Pereira",
                "source_document": "Supplier emission factor disclosure",
                "source_year": 2025,
            }
        )
        self.env["csr.period"].search([("company_id", "=", self.company.id)]).unlink()
        values = self._values(date(2025, 1, 1), date(2025, 1, 31))
        self.assertAlmostEqual(values["ENV-06"].value, 0.225, places=4)
        self.assertFalse(values["ENV-06"].warning)
