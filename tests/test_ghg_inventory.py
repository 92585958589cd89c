# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The greenhouse-gas inventory, checked by hand.

Factors used (see data/csr_emission_factor_data.xml and csr_ghg_data.xml):
- petrol 69,300 kg CO2/TJ x 32.78 MJ/L = 2.2717 kg/L; vehicles with an
  oxidation catalyst CH4 25 and N2O 8.0 kg/TJ (IPCC 2006 vol. 2 table 3.2.2);
- diesel 74,100 kg CO2/TJ x 36.12 MJ/L = 2.6765 kg/L; boilers and generators
  CH4 10 and N2O 0.6 kg/TJ (table 2.4); vehicles CH4 3.9 and N2O 3.9 kg/TJ;
- blended ethanol 21 MJ/L and biodiesel 33 MJ/L (EU RED annex III), both
  70,800 kg biogenic CO2/TJ: 1.4868 and 2.3364 kg/L;
- GWP AR5 CH4 28, N2O 265; AR6 CH4 27.0, N2O 273; R-404A 3,942.8 (AR5) and
  4,728.0 (AR6); HCFC-22 1,760 (AR5).
"""

import io
from datetime import date

import openpyxl

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import new_test_user, tagged

from odoo.addons.account.tests.common import AccountTestInvoicingCommon

from ..report.report_xlsx import build_workbook, workbook_labels
from ..services import ghg_inventory
from ..services.report_data import ReportData
from .common import DISABLED_MAIL, activity_product, vendor_bill


@tagged("post_install", "-at_install")
class TestGhgInventory(AccountTestInvoicingCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env.user.groups_id |= cls.env.ref("csr_management.group_csr_manager")
        cls.company = cls.company_data["company"]
        cls.company.country_id = cls.env.ref("base.mx")
        cls.petrol = cls._product(
            "Gasolina", "activity_gasoline", "uom.product_uom_litre"
        )
        cls.generator_diesel = cls._product(
            "Diésel planta", "activity_diesel", "uom.product_uom_litre"
        )
        cls.truck_diesel = cls._product(
            "Diésel camión", "activity_diesel_vehicles", "uom.product_uom_litre"
        )
        cls.grid = cls._product(
            "Energía eléctrica", "activity_electricity_grid", "csr_management.uom_kwh"
        )

    @classmethod
    def _product(cls, name, activity, uom):
        return activity_product(cls.env, name, activity, uom)

    def _bill(self, when, lines):
        return vendor_bill(self.env, self.partner_a, when, lines)

    def _entry(self, activity, when, quantity, origin="meter"):
        return self.env["csr.activity.entry"].create(
            {
                "company_id": self.company.id,
                "activity_id": self.env.ref(f"csr_management.{activity}").id,
                "date": when,
                "quantity": quantity,
                "origin": origin,
            }
        )

    def _values(self, date_from, date_to, kind="month"):
        period = self.env["csr.period"].create(
            {
                "company_id": self.company.id,
                "kind": kind,
                "date_from": date_from,
                "date_to": date_to,
            }
        )
        period.action_compute()
        return {value.code: value for value in period.value_ids}

    def _lines(self, value, **where):
        return value.emission_line_ids.filtered(
            lambda line: all(line[key] == wanted for key, wanted in where.items())
        )

    def test_brazil_petrol_before_and_after_e30(self):
        """1,000 L of petrol in July 2025 (E27) and again in August (E30).

        July: 730 L fossil, 270 L ethanol. Fossil CO2 730 x 2.2717 =
        1,658.341 kg. Energy 730 x 32.78 + 270 x 21 = 29,599.4 MJ: CH4
        25 x 0.0295994 = 0.739985 kg x 28 = 20.71958 kg; N2O 8 x 0.0295994
        = 0.2367952 kg x 265 = 62.750728 kg. Scope 1 = 1,741.811308 kg.
        Biogenic 270 x 1.4868 = 401.436 kg. ENV-01 = 29,599.4 / 3,600 =
        8.222056 MWh; ENV-03 = 270 x 21 / 29,599.4 = 19.1558 %.

        August: 700 L fossil, 300 L ethanol. CO2 700 x 2.2717 = 1,590.19
        kg; energy 22,946 + 6,300 = 29,246 MJ; CH4 0.73115 kg x 28 =
        20.4722; N2O 0.233968 kg x 265 = 62.00152; Scope 1 = 1,672.66372 kg.
        Biogenic 300 x 1.4868 = 446.04 kg.

        The quarter adds both: 3,414.475028 kg and 847.476 kg biogenic. A
        pure-fossil reading would have said 2,000 x 2.2717 = 4,543.4 kg CO2.
        """
        self.company.country_id = self.env.ref("base.br")
        self._bill(date(2025, 7, 10), [(self.petrol, 1000.0)])
        self._bill(date(2025, 8, 10), [(self.petrol, 1000.0)])
        july = self._values(date(2025, 7, 1), date(2025, 7, 31))
        self.assertAlmostEqual(july["ENV-05"].value, 1.741811, places=4)
        self.assertAlmostEqual(july["ENV-20"].value, 0.401436, places=4)
        self.assertAlmostEqual(july["ENV-01"].value, 8.222056, places=4)
        self.assertAlmostEqual(july["ENV-03"].value, 19.1558, places=3)
        self.assertIn("27 %", july["ENV-05"].calculation_note)
        august = self._values(date(2025, 8, 1), date(2025, 8, 31))
        self.assertAlmostEqual(august["ENV-05"].value, 1.672664, places=4)
        self.assertAlmostEqual(august["ENV-20"].value, 0.44604, places=4)
        quarter = self._values(date(2025, 7, 1), date(2025, 9, 30), kind="quarter")
        self.assertAlmostEqual(quarter["ENV-05"].value, 3.414475, places=4)
        self.assertAlmostEqual(quarter["ENV-20"].value, 0.847476, places=4)
        # The inventory: per month and gas, adding up to the value.
        lines = quarter["ENV-05"].emission_line_ids
        self.assertEqual(
            set(lines.mapped("month")), {date(2025, 7, 1), date(2025, 8, 1)}
        )
        co2 = self._lines(quarter["ENV-05"], gas="co2", month=date(2025, 8, 1))
        self.assertAlmostEqual(co2.tco2e, 1.59019, places=5)
        self.assertAlmostEqual(co2.biogenic_tco2, 0.44604, places=5)
        self.assertAlmostEqual(sum(lines.mapped("tco2e")), quarter["ENV-05"].value, 4)
        self.assertAlmostEqual(
            sum(lines.mapped("biogenic_tco2")), quarter["ENV-20"].value, places=4
        )

    def test_brazil_vehicle_diesel_before_and_after_b15(self):
        """1,000 L of truck diesel in July 2025 (B14) and August (B15).

        July: 860 L fossil x 2.6765 = 2,301.79 kg CO2; energy 860 x 36.12 +
        140 x 33 = 35,683.2 MJ; CH4 = N2O = 3.9 x 0.0356832 = 0.13916448 kg:
        x 28 = 3.89660544, x 265 = 36.8785872; Scope 1 = 2,342.56519 kg.
        Biogenic 140 x 2.3364 = 327.096 kg.
        August: 850 L x 2.6765 = 2,275.025 kg; energy 30,702 + 4,950 =
        35,652 MJ; CH4 = N2O = 0.1390428 kg: 3.8931984 + 36.846342;
        Scope 1 = 2,315.76454 kg. Biogenic 150 x 2.3364 = 350.46 kg.
        """
        self.company.country_id = self.env.ref("base.br")
        self._bill(date(2025, 7, 10), [(self.truck_diesel, 1000.0)])
        self._bill(date(2025, 8, 10), [(self.truck_diesel, 1000.0)])
        july = self._values(date(2025, 7, 1), date(2025, 7, 31))
        self.assertAlmostEqual(july["ENV-05"].value, 2.342565, places=4)
        self.assertAlmostEqual(july["ENV-20"].value, 0.327096, places=4)
        august = self._values(date(2025, 8, 1), date(2025, 8, 31))
        self.assertAlmostEqual(august["ENV-05"].value, 2.315765, places=4)
        self.assertAlmostEqual(august["ENV-20"].value, 0.35046, places=4)

    def test_mobile_and_stationary_diesel_under_ar5_and_ar6(self):
        """1,000 L of generator diesel and 1,000 L of truck diesel, Mexico
        (no blend), January 2025.

        AR5: generator 2,676.5 + 0.3612 x 28 + 0.02167 x 265 = 2,676.5 +
        10.1136 + 5.74255 = 2,692.35615 kg; truck 2,676.5 + 0.140868 x 28
        + 0.140868 x 265 = 2,676.5 + 3.944304 + 37.33002 = 2,717.774324 kg;
        together 5,410.130474 kg.
        AR6: generator 2,676.5 + 0.3612 x 27 + 0.02167 x 273 = 2,692.16831;
        truck 2,676.5 + 3.803436 + 38.456964 = 2,718.7604; together
        5,410.92871 kg.
        """
        self._bill(
            date(2025, 1, 15),
            [(self.generator_diesel, 1000.0), (self.truck_diesel, 1000.0)],
        )
        values = self._values(date(2025, 1, 1), date(2025, 1, 31))
        scope_1 = values["ENV-05"]
        self.assertAlmostEqual(scope_1.value, 5.41013, places=4)
        generator = self.env.ref("csr_management.activity_diesel")
        truck = self.env.ref("csr_management.activity_diesel_vehicles")
        expected = {
            (generator, "ch4"): 0.0101136,
            (generator, "n2o"): 0.00574255,
            (truck, "ch4"): 0.003944304,
            (truck, "n2o"): 0.03733002,
            (truck, "co2"): 2.6765,
        }
        for (activity, gas), tonnes in expected.items():
            with self.subTest(activity=activity.code, gas=gas):
                line = self._lines(scope_1, activity_id=activity, gas=gas)
                self.assertAlmostEqual(line.tco2e, tonnes, places=6)
        self.assertIn("IPCC AR5", scope_1.calculation_note)
        self.company.csr_gwp_set = "ar6"
        values["ENV-05"].period_id.action_compute()
        self.assertAlmostEqual(scope_1.value, 5.410929, places=4)
        self.assertIn("IPCC AR6", scope_1.calculation_note)

    def test_refrigerant_recharge_and_fuel_card_are_added_to_the_bills(self):
        """January 2025, Mexico: a bill of 100 L of generator diesel, a fuel
        card statement of 50 L more, 2 kg of R-404A recharged into a cold
        room and 1 kg of R-22 into an old air conditioner.

        AR5: diesel 150 x 2.69235615 = 403.853423 kg; R-404A 2 x 3,942.8 =
        7,885.6 kg; Scope 1 = 8,289.453423 kg. R-22 (HCFC) 1 x 1,760 kg is
        reported outside the scopes, not in ENV-05.
        AR6: diesel 150 x 2.69216831 = 403.825247 kg; R-404A 2 x 4,728 =
        9,456 kg; Scope 1 = 9,859.825247 kg.
        """
        self._bill(date(2025, 1, 15), [(self.generator_diesel, 100.0)])
        self._entry("activity_diesel", date(2025, 1, 31), 50.0, "fuel_card")
        self._entry(
            "activity_refrigerant_r404a", date(2025, 1, 20), 2.0, "refrigerant_log"
        )
        self._entry(
            "activity_refrigerant_r22", date(2025, 1, 21), 1.0, "refrigerant_log"
        )
        values = self._values(date(2025, 1, 1), date(2025, 1, 31))
        scope_1 = values["ENV-05"]
        self.assertAlmostEqual(scope_1.value, 8.289453, places=4)
        hfc = self._lines(scope_1, gas="hfc")
        self.assertAlmostEqual(hfc.tco2e, 7.8856, places=6)
        self.assertTrue(hfc.in_scopes)
        hcfc = self._lines(scope_1, gas="hcfc")
        self.assertAlmostEqual(hcfc.tco2e, 1.76, places=6)
        self.assertFalse(hcfc.in_scopes)
        self.assertIn("entered by hand", scope_1.calculation_note)
        # Energy counts the fuel card too: 150 x 36.12 / 3,600 = 1.505 MWh.
        self.assertAlmostEqual(values["ENV-01"].value, 1.505, places=4)
        self.company.csr_gwp_set = "ar6"
        scope_1.period_id.action_compute()
        self.assertAlmostEqual(scope_1.value, 9.859825, places=4)

    def test_the_inventory_adds_up_to_the_values_and_keeps_apart_what_is_apart(self):
        """Brazil, August 2025: 1,000 L of E30 petrol (Scope 1 1.67266372 t,
        biogenic 0.44604 t, see above), 2 kg of R-410A (AR5 2 x 1,923.5 =
        3.847 t), 1 kg of R-22 (1.76 t, outside the scopes) and 10,000 kWh
        of grid electricity (MCTI 2025, 0.0461: 0.461 t).
        Scope 1 = 1.67266372 + 3.847 = 5.51966372 t; Scope 1 and 2 =
        5.98066372 t."""
        self.company.country_id = self.env.ref("base.br")
        self._bill(date(2025, 8, 10), [(self.petrol, 1000.0), (self.grid, 10000.0)])
        self._entry("activity_refrigerant_r410a", date(2025, 8, 11), 2.0)
        self._entry("activity_refrigerant_r22", date(2025, 8, 12), 1.0)
        values = self._values(date(2025, 8, 1), date(2025, 8, 31))
        inventory = ghg_inventory.build(self.env, values["ENV-05"].period_id)
        self.assertAlmostEqual(inventory.totals["1"], values["ENV-05"].value, places=4)
        self.assertAlmostEqual(inventory.totals["1"], 5.519664, places=5)
        self.assertAlmostEqual(inventory.totals["2_location"], 0.461, places=6)
        self.assertAlmostEqual(inventory.scope_1_and_2, 5.980664, places=5)
        self.assertAlmostEqual(inventory.biogenic_tco2, values["ENV-20"].value, 4)
        self.assertAlmostEqual(inventory.outside_scopes_tco2e, 1.76, places=6)
        self.assertEqual(inventory.gwp_label, "IPCC AR5 (100 years)")
        petrol = next(
            row
            for row in inventory.rows
            if row.source == self.petrol.csr_activity_id.name
        )
        self.assertEqual(set(petrol.by_gas), {"co2", "ch4", "n2o"})
        self.assertAlmostEqual(petrol.by_gas["co2"], 1.59019, places=6)
        self.assertIn("hfc", inventory.gases)
        self.assertTrue(
            any("Process emissions" in text for text in inventory.exclusions)
        )
        period = values["ENV-05"].period_id
        overview = self.env["csr.dashboard"].get_overview(period.id)["overview"]
        self.assertAlmostEqual(overview["ghg"]["scope_1_and_2"], 5.980664, places=5)
        self.assertEqual(
            [serie["scope"] for serie in overview["ghg"]["series"]], ["1", "2_location"]
        )
        # The PDF's inventory section: a row per source, totals, caveats.
        html, _kind = self.env["ir.actions.report"]._render_qweb_html(
            "csr_management.action_report_triple_bottom_line", period.ids
        )
        html = html.decode()
        self.assertIn("Greenhouse-gas inventory", html)
        self.assertIn("Biogenic CO2, outside the scopes", html)
        self.assertIn("HCFC leaks (Montreal Protocol gases), outside the scopes", html)
        self.assertIn("5.98", html)
        # The workbook's sheet: the rows, then Scope 1 and 2 under "Total".
        report = ReportData(self.env).build(period)
        content = build_workbook(report, workbook_labels(self.env))
        sheet = openpyxl.load_workbook(io.BytesIO(content))["GHG inventory"]
        rows = [[cell.value for cell in row] for row in sheet.iter_rows()]
        header = rows[0]
        total = header.index("Total tCO2e")
        scopes_1_2 = next(r for r in rows if "Scope 1 and 2 (location-based)" in r)
        self.assertAlmostEqual(scopes_1_2[total], 5.980664, places=5)
        r22 = next(
            r for r in rows if r[header.index("Source")] == "Refrigerant R-22 (HCFC-22)"
        )
        self.assertIsNone(r22[total])
        self.assertAlmostEqual(r22[header.index("Outside the scopes, tCO2e")], 1.76, 6)

    def test_each_country_takes_its_own_year_and_says_when_it_cannot(self):
        """1,000 kWh of grid electricity each January: t = kg/kWh (values are
        stored to 4 places, the inventory lines to 6 each).

        Peru's factor is given by gas (MINAM 2023: CO2 0.213031882, CH4
        0.0000104, N2O 0.000001298 kg/kWh): AR5 0.213031882 + 0.0002912 +
        0.00034397 = 0.213667052.
        """
        cases = [
            ("mx", 2020, 0.494, ""),
            ("mx", 2021, 0.423, ""),
            ("mx", 2023, 0.423, "describes 2021"),
            ("mx", 2024, 0.444, ""),
            ("co", 2022, 0.112, ""),
            ("co", 2023, 0.112, "describes 2022"),
            ("co", 2024, 0.22, ""),
            ("br", 2021, 0.1263, ""),
            ("br", 2022, 0.0426, ""),
            ("br", 2025, 0.0461, ""),
            ("cl", 2019, 0.4056, ""),
            ("cl", 2024, 0.21314, ""),
            ("pe", 2023, 0.213667052, ""),
            (
                "pe",
                2025,
                0.170232636 + 0.0000095198 * 28 + 0.00000117053 * 265,
                "describes 2024",
            ),
            ("ar", 2024, 0.238, "Lifecycle"),
        ]
        for year in {year for _country, year, _kg, _warn in cases}:
            self._bill(date(year, 1, 15), [(self.grid, 1000.0)])
        Period = self.env["csr.period"]
        for country, year, kg, warning in cases:
            with self.subTest(country=country, year=year):
                Period.search([("company_id", "=", self.company.id)]).unlink()
                self.company.country_id = self.env.ref(f"base.{country}")
                values = self._values(date(year, 1, 1), date(year, 1, 31))
                self.assertAlmostEqual(values["ENV-06"].value, kg, places=4)
                lines = values["ENV-06"].emission_line_ids
                self.assertAlmostEqual(sum(lines.mapped("tco2e")), kg, places=5)
                if warning:
                    self.assertIn(warning, values["ENV-06"].warning)
                else:
                    self.assertFalse(values["ENV-06"].warning)

    def test_several_periods_read_once_give_what_each_gives_alone(self):
        """July, August and the third quarter of 2025 in Brazil, with an
        entry in August: the figures of one read grouped by month equal
        those of each period read alone."""
        from ..services import environment

        self.company.country_id = self.env.ref("base.br")
        self._bill(date(2025, 7, 10), [(self.petrol, 1000.0), (self.grid, 500.0)])
        self._bill(date(2025, 8, 10), [(self.truck_diesel, 300.0)])
        self._entry("activity_refrigerant_r404a", date(2025, 8, 20), 1.5)
        Period = self.env["csr.period"]
        periods = Period.create(
            [
                {
                    "company_id": self.company.id,
                    "kind": kind,
                    "date_from": start,
                    "date_to": end,
                }
                for kind, start, end in (
                    ("month", date(2025, 7, 1), date(2025, 7, 31)),
                    ("month", date(2025, 8, 1), date(2025, 8, 31)),
                    ("quarter", date(2025, 7, 1), date(2025, 9, 30)),
                )
            ]
        )
        sources = self.env["csr.indicator.source"].search(
            [("method", "in", environment.METHODS), ("company_id", "=", False)]
        )
        together = environment.fetch_environment.for_periods(
            self.env, self.company, periods, sources
        )
        for period in periods:
            alone = environment.fetch_environment(self.env, period, sources)
            for source in sources:
                with self.subTest(period=period.name, code=source.indicator_id.code):
                    self.assertEqual(together[period][source], alone[source])
        quarter = together[periods[2]]
        scope_1 = next(s for s in sources if s.indicator_id.code == "ENV-05")
        self.assertEqual(
            {line.month for line in quarter[scope_1].emission_lines},
            {date(2025, 7, 1), date(2025, 8, 1)},
        )

    def test_a_blend_unknown_for_the_month_is_counted_fossil(self):
        """Brazilian diesel is listed from November 2021 (B10): an October
        2021 litre counts as fossil, 2.6765 kg CO2 + CH4/N2O, none biogenic."""
        self.company.country_id = self.env.ref("base.br")
        self._bill(date(2021, 10, 5), [(self.truck_diesel, 100.0)])
        values = self._values(date(2021, 10, 1), date(2021, 10, 31))
        self.assertAlmostEqual(values["ENV-05"].value, 0.271777, places=4)
        self.assertFalse(values["ENV-20"].value)
        self.assertIn(
            "No biofuel blend of Brazil is known for 2021-10", values["ENV-05"].warning
        )


@tagged("post_install", "-at_install")
class TestActivityEntryAccess(AccountTestInvoicingCommon):
    """Who may record activity data, where, and when."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env.user.groups_id |= cls.env.ref("csr_management.group_csr_manager")
        cls.company_a = cls.company_data["company"]
        cls.company_b = cls.setup_other_company()["company"]
        cls.diesel = cls.env.ref("csr_management.activity_diesel")

        def user(login, groups, company):
            return new_test_user(
                cls.env,
                login=login,
                groups=groups,
                company_id=company.id,
                company_ids=[company.id],
                context=DISABLED_MAIL,
            )

        base = "base.group_user,"
        cls.user_a = user(
            "ghg_user_a", base + "csr_management.group_csr_user", cls.company_a
        )
        cls.user_b = user(
            "ghg_user_b", base + "csr_management.group_csr_user", cls.company_b
        )
        cls.auditor_a = user(
            "ghg_auditor_a", base + "csr_management.group_csr_auditor", cls.company_a
        )
        cls.employee_a = user("ghg_plain_a", "base.group_user", cls.company_a)
        cls.entry = (
            cls.env["csr.activity.entry"]
            .with_user(cls.user_a)
            .create(
                {
                    "activity_id": cls.diesel.id,
                    "date": date(2025, 3, 4),
                    "quantity": 40.0,
                    "origin": "fuel_card",
                }
            )
        )

    def test_each_role_sees_and_changes_what_it_may(self):
        self.assertEqual(self.entry.company_id, self.company_a)
        Entry = self.env["csr.activity.entry"]
        self.assertFalse(Entry.with_user(self.user_b).search([]))
        self.assertEqual(Entry.with_user(self.auditor_a).search([]), self.entry)
        with self.assertRaises(AccessError):
            self.entry.with_user(self.auditor_a).write({"quantity": 4.0})
        with self.assertRaises(AccessError):
            Entry.with_user(self.employee_a).search([])
        with self.assertRaises(AccessError):
            self.entry.with_user(self.user_b).read(["quantity"])
        # A user cannot create an entry in a company he is not working in.
        with self.assertRaises(AccessError):
            Entry.with_user(self.user_a).create(
                {
                    "company_id": self.company_b.id,
                    "activity_id": self.diesel.id,
                    "date": date(2025, 3, 4),
                    "quantity": 1.0,
                }
            )

    def test_bad_quantities_are_refused(self):
        Entry = self.env["csr.activity.entry"].with_user(self.user_a)
        for bad in (-5.0, float("nan"), float("inf"), "ten"):
            with self.subTest(quantity=bad), self.assertRaises(Exception) as caught:
                with self.env.cr.savepoint():
                    Entry.create(
                        {
                            "activity_id": self.diesel.id,
                            "date": date(2025, 3, 5),
                            "quantity": bad,
                        }
                    )
            self.assertIn(
                type(caught.exception).__name__, ("ValidationError", "UserError")
            )

    def test_only_energy_refrigerants_and_water_are_recorded(self):
        materials = self.env.ref("csr_management.activity_materials")
        with self.assertRaisesRegex(ValidationError, "not recorded as activity data"):
            self.env["csr.activity.entry"].with_user(self.user_a).create(
                {"activity_id": materials.id, "date": date(2025, 3, 5), "quantity": 1.0}
            )

    def test_a_locked_period_freezes_its_entries(self):
        period = self.env["csr.period"].create(
            {
                "company_id": self.company_a.id,
                "kind": "month",
                "date_from": date(2025, 3, 1),
                "date_to": date(2025, 3, 31),
            }
        )
        period.action_lock()
        Entry = self.env["csr.activity.entry"].with_user(self.user_a)
        with self.assertRaisesRegex(UserError, "locked"):
            Entry.create(
                {
                    "activity_id": self.diesel.id,
                    "date": date(2025, 3, 9),
                    "quantity": 1.0,
                }
            )
        with self.assertRaisesRegex(UserError, "locked"):
            self.entry.with_user(self.user_a).write({"quantity": 41.0})
        with self.assertRaisesRegex(UserError, "locked"):
            self.entry.with_user(self.user_a).unlink()
        # Moving an entry into a locked month is refused too.
        april = Entry.create(
            {"activity_id": self.diesel.id, "date": date(2025, 4, 2), "quantity": 1.0}
        )
        with self.assertRaisesRegex(UserError, "locked"):
            april.write({"date": date(2025, 3, 30)})

    def test_inventory_lines_are_read_only_for_everyone(self):
        value_model = self.env["csr.emission.line"]
        for user in (self.user_a, self.auditor_a):
            with self.subTest(user=user.login), self.assertRaises(AccessError):
                value_model.with_user(user).create(
                    {
                        "indicator_id": self.env.ref(
                            "csr_management.indicator_env_05"
                        ).id,
                        "period_id": False,
                        "company_id": self.company_a.id,
                        "scope": "1",
                        "gas": "co2",
                        "month": date(2025, 1, 1),
                        "value_id": False,
                    }
                )
