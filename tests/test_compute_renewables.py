# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Renewable share, market-based Scope 2 and the reduction against the base
year, from the vendor bills of a Mexican company (no taxes), by hand.
Mexico's latest shipped grid factor is SEMARNAT's for 2024, 0.444 kg/kWh,
used for 2024 and (flagged) 2025; Mexico has no blend mandate shipped.

January 2024: grid electricity 2,000 kWh.
  ENV-06 = 2,000 x 0.444 / 1,000 = 0.888 t; ENV-05 = 0 t (no fuel).
January 2025: grid 1,000 kWh, certified renewable 3,000 kWh, diesel 100 L
(generator), firewood 500 kg.
  ENV-02 = 4,000 kWh = 4.0 MWh
  ENV-01 = 4.0 + 100 x 36.12 / 3,600 + 500 x 15.6 / 3,600
         = 4.0 + 1.003333 + 2.166667 = 7.17 MWh
  ENV-03 = (3.0 + 2.166667) / 7.17 x 100 = 72.0595 %
  ENV-21 renewable energy = 3.0 + 2.166667 = 5.166667 MWh; ENV-22 renewable
         electricity = 3.0 MWh; ENV-23 self-generated = 0 (no own
         generation recorded, other purchases mapped).
  VSME B3 table: electricity bought 4.0 - 0 = 4.0 MWh, renewable 3.0,
         non-renewable 1.0; fuels 7.17 - 4.0 = 3.17 MWh, renewable
         5.166667 - 3.0 = 2.166667 (wood), non-renewable 1.003333 (diesel).
  ENV-05 (AR5: CH4 28, N2O 265) = diesel 100 x (2.6765 + 0.0003612 x 28
         + 0.00002167 x 265) = 269.2357 kg, plus wood 500 x (0.00468 x 28
         + 0.0000624 x 265) = 73.788 kg (its CO2 is biogenic, apart)
         = 0.3430237 t, stored to 4 places: 0.3430 t
  ENV-06 = 4,000 x 0.444 / 1,000 = 1.776 t (green kWh come through the grid)
  ENV-07 = 1,000 x 0.444 / 1,000 + 3,000 x 0 = 0.444 t (no supplier factor:
           grid average, flagged); with the company's own supplier factor of
           0.3 kg/kWh: 0.3 t, not flagged.
  ENV-10 with base year 2024 (formulas read the figures before rounding)
         = (0.888 - (0.3430236 + 1.776)) / 0.888 x 100
         = -1.2310236 / 0.888 x 100 = -138.6288 % (emissions went up).
"""

from datetime import date

from odoo.exceptions import ValidationError
from odoo.tests import tagged

from odoo.addons.account.tests.common import AccountTestInvoicingCommon

from ..engine.vsme_xbrl import energy_breakdown
from .common import activity_product, vendor_bill


@tagged("post_install", "-at_install", "csr_compute")
class TestComputeRenewables(AccountTestInvoicingCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env.user.groups_id |= cls.env.ref("csr_management.group_csr_manager")
        cls.company = cls.company_data["company"]
        cls.company.country_id = cls.env.ref("base.mx")
        grid = cls._product(
            "CFE", "activity_electricity_grid", "csr_management.uom_kwh"
        )
        green = cls._product(
            "Energía verde I-REC",
            "activity_electricity_renewable",
            "csr_management.uom_kwh",
        )
        diesel = cls._product("Diésel", "activity_diesel", "uom.product_uom_litre")
        wood = cls._product("Leña", "activity_wood", "uom.product_uom_kgm")
        cls._bill(date(2024, 1, 15), [(grid, 2000.0)])
        cls._bill(
            date(2025, 1, 15),
            [(grid, 1000.0), (green, 3000.0), (diesel, 100.0), (wood, 500.0)],
        )

    @classmethod
    def _product(cls, name, activity, uom):
        return activity_product(cls.env, name, activity, uom)

    @classmethod
    def _bill(cls, when, lines):
        vendor_bill(cls.env, cls.partner_a, when, lines)

    def _period(self, year):
        return self.env["csr.period"].create(
            {
                "company_id": self.company.id,
                "kind": "month",
                "date_from": date(year, 1, 1),
                "date_to": date(year, 1, 31),
            }
        )

    @staticmethod
    def _values(period):
        period.action_compute()
        return {value.code: value for value in period.value_ids}

    def test_renewable_share_and_both_scope_2_methods(self):
        values = self._values(self._period(2025))
        self.assertAlmostEqual(values["ENV-02"].value, 4.0, places=4)
        self.assertAlmostEqual(values["ENV-01"].value, 7.17, places=4)
        self.assertAlmostEqual(values["ENV-03"].value, 72.0595, places=3)
        self.assertAlmostEqual(values["ENV-21"].value, 5.166667, places=4)
        self.assertAlmostEqual(values["ENV-22"].value, 3.0, places=4)
        self.assertEqual(values["ENV-23"].value, 0.0)
        table = energy_breakdown(
            *(
                values[c].value
                for c in ("ENV-01", "ENV-02", "ENV-21", "ENV-22", "ENV-23")
            )
        )
        expected = {
            "vsme:EnergyConsumptionFromElectricity": (3.0, 1.0),
            "vsme:EnergyConsumptionFromSelfGeneratedElectricity": (0.0, 0.0),
            "vsme:EnergyConsumptionFromFuels": (2.166667, 1.003333),
        }
        for concept, (renewable, fossil) in expected.items():
            self.assertAlmostEqual(table[concept][0], renewable, places=4)
            self.assertAlmostEqual(table[concept][1], fossil, places=4)
        self.assertAlmostEqual(values["ENV-05"].value, 0.3430, places=4)
        self.assertAlmostEqual(values["ENV-06"].value, 1.776, places=4)
        self.assertAlmostEqual(values["ENV-07"].value, 0.444, places=4)
        self.assertTrue(values["ENV-07"].uses_fallback_factor)
        self.assertIn(
            "no market-based factor, grid average used",
            values["ENV-07"].calculation_note,
        )
        self.assertFalse(values["ENV-06"].uses_fallback_factor)

    def test_company_supplier_factor_wins_and_stays_its_own(self):
        self.env["csr.emission.factor"].create(
            {
                "activity_id": self.env.ref(
                    "csr_management.activity_electricity_grid"
                ).id,
                "scope": "2_market",
                "company_id": self.company.id,
                "date_from": date(2024, 1, 1),
                "kgco2e_per_unit": 0.3,
                "source_publisher": "Iberdrola México",
                "source_document": "Supplier disclosure 2024",
                "source_year": 2024,
            }
        )
        values = self._values(self._period(2025))
        self.assertAlmostEqual(values["ENV-07"].value, 0.3, places=4)
        self.assertFalse(values["ENV-07"].uses_fallback_factor)
        self.assertIn("Iberdrola", values["ENV-07"].calculation_note)

    def test_reduction_against_base_year(self):
        base = self._period(2024)
        self._values(base)
        self.company.csr_base_year = 2024
        current = self._period(2025)
        values = self._values(current)
        self.assertAlmostEqual(values["ENV-10"].value, -138.6288, places=3)
        self.assertIn(base.name, values["ENV-10"].calculation_note)
        # The source records are the four values the formula read.
        sources = values["ENV-10"].action_open_source_records()
        inputs = self.env["csr.indicator.value"].search(sources["domain"])
        self.assertEqual(
            sorted((v.period_id.date_from.year, v.code) for v in inputs),
            [(2024, "ENV-05"), (2024, "ENV-06"), (2025, "ENV-05"), (2025, "ENV-06")],
        )
        # The base period measured against itself: no change.
        self.assertEqual(self._values(base)["ENV-10"].value, 0.0)

    def test_no_base_year_no_reduction(self):
        values = self._values(self._period(2025))
        self.assertNotIn("ENV-10", values)

    def test_unknown_period_qualifier_is_refused(self):
        with self.assertRaisesRegex(ValidationError, "@last"):
            self.env["csr.indicator"].create(
                {
                    "code": "TST-DELTA",
                    "name": "Change against last year",
                    "pillar": "environmental",
                    "unit": "tCO2e",
                    "source_type": "formula",
                    "formula": "[ENV-05] - [ENV-05@last]",
                }
            )
