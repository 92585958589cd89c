# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The VSME Basic Module export on the shipped catalogue, with January 2025
values typed by hand (no scorecard needed: the provider scores on the fly).

Values entered, and where they must appear (by hand):
- ECO-01 turnover 250,000.00 USD: B1 §24(e)(iv) and B3 §31 (denominator),
  a number formatted with the currency, unit "USD".
- SOC-01 headcount 12: B1 §24(e)(v) and B8 §39.
- SOC-03 women 41.67 %: B8 §39(b), the number 0.4167 in a percent format.
- ENV-01 energy 12.5 MWh: B3 §29, next to December 2024's 10 MWh;
  ENV-05 Scope 1 3.2 tCO2e: B3 §30(a), no previous value.
- SOC-13 minimum wage paid: B10 §42(a), 1 shown as Yes.
- ENV-06 (Scope 2) has no value, B4 has no indicator, Odoo has no legal
  form: all three read "Not reported".
- TST-WATER, the company's own indicator tagged VSME B6, 80 m³: listed under
  B6 after the standard's data points.
B1 also states the company: Colombia, small, agriculture, period 2025-01.
"""

from datetime import date
from io import BytesIO

import openpyxl

from odoo import Command
from odoo.tests import tagged

from ..report.vsme_export import VSME_BASIC, build_vsme_workbook, vsme_labels
from ..services.report_data import ReportData
from .common import CsrCase

TODAY = date(2025, 3, 10)
HEADER_ROW = 4


@tagged("csr_report")
class TestVsmeExport(CsrCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company.write(
            {
                "country_id": cls.env.ref("base.co").id,
                "csr_company_size": "small",
                "csr_sector_id": cls.env.ref("csr_management.sector_agriculture").id,
                "currency_id": cls.env.ref("base.USD").id,
            }
        )
        cls.env["csr.framework.tag"].search([("code", "=", "VSME B6")]).write(
            {"indicator_ids": [Command.link(cls.water.id)]}
        )
        figures = {
            "ECO-01": 250000.0,
            "SOC-01": 12.0,
            "SOC-03": 41.67,
            "ENV-01": 12.5,
            "ENV-05": 3.2,
            "SOC-13": 1.0,
            "TST-WATER": 80.0,
        }
        indicators = cls.env["csr.indicator"].search([("code", "in", list(figures))])
        cls.december = cls._make_period("month", date(2024, 12, 1), date(2024, 12, 31))
        # The comparative of a period is the same period a year earlier.
        cls.year_before = cls._make_period("month", date(2024, 1, 1), date(2024, 1, 31))
        cls.env["csr.indicator.value"].create(
            {
                "indicator_id": indicators.filtered(lambda i: i.code == "ENV-01").id,
                "period_id": cls.year_before.id,
                "value": 10.0,
            }
        )
        cls.env["csr.indicator.value"].create(
            [
                {
                    "indicator_id": indicator.id,
                    "period_id": cls.january.id,
                    "value": figures[indicator.code],
                }
                for indicator in indicators
            ]
        )

    def _workbook(self, periods=None, env=None):
        env = env or self.env
        periods = (periods or self.january).with_env(env)
        reports = ReportData(env, today=TODAY).build(periods)
        content = build_vsme_workbook(reports, vsme_labels(env))
        return openpyxl.load_workbook(BytesIO(content))

    @staticmethod
    def _rows(sheet):
        """{(disclosure, paragraph, indicator or data point): row cells}."""
        rows = {}
        for row in sheet.iter_rows(min_row=HEADER_ROW + 1):
            disclosure, paragraph, point, code = (cell.value for cell in row[:4])
            rows[disclosure, paragraph, code or point] = row
        return rows

    def test_values_in_their_disclosures(self):
        sheet = self._workbook()["Tostadora Andina SAS"]
        self.assertEqual(
            [cell.value for cell in sheet[HEADER_ROW]],
            [
                "Disclosure",
                "Paragraph",
                "Data point",
                "Indicator",
                "Value",
                "Previous period",
                "Unit",
                "Validation state",
            ],
        )
        rows = self._rows(sheet)
        expected = {
            ("B1", "§24(e)(iv)", "ECO-01"): (250000, "USD", '#,##0.00 "USD"'),
            ("B3", "§31", "ECO-01"): (250000, "USD", '#,##0.00 "USD"'),
            ("B1", "§24(e)(v)", "SOC-01"): (12, "employees", "#,##0.00"),
            ("B8", "§39", "SOC-01"): (12, "employees", "#,##0.00"),
            ("B8", "§39(b)", "SOC-03"): (0.4167, "%", "0.00%"),
            ("B3", "§29", "ENV-01"): (12.5, "MWh", "#,##0.00"),
            ("B3", "§30(a)", "ENV-05"): (3.2, "tCO2e", "#,##0.00"),
            ("B10", "§42(a)", "SOC-13"): (1, "yes/no", '"Yes";"Yes";"No"'),
            ("B6", None, "TST-WATER"): (80, "m³", "#,##0.00"),
        }
        for key, (value, unit, number_format) in expected.items():
            with self.subTest(key=key):
                cells = rows[key]
                self.assertAlmostEqual(cells[4].value, value)
                self.assertEqual(cells[4].data_type, "n")
                self.assertEqual(cells[4].number_format, number_format)
                self.assertEqual((cells[6].value, cells[7].value), (unit, "Draft"))
        self.assertEqual(rows["B1", "§24(e)(iv)", "ECO-01"][2].value, "Turnover")
        energy, scope_1 = rows["B3", "§29", "ENV-01"], rows["B3", "§30(a)", "ENV-05"]
        self.assertEqual((energy[5].value, energy[5].data_type), (10, "n"))
        self.assertIsNone(scope_1[5].value)

    def test_not_reported_without_value_or_indicator(self):
        rows = self._rows(self._workbook()["Tostadora Andina SAS"])
        for key in (
            ("B3", "§30(b)", "ENV-06"),
            ("B4", "§32", "Pollutants emitted to air, water and soil"),
            ("B1", "§24(e)(i)", "Legal form"),
            ("B11", "§43", "GOV-01"),
        ):
            with self.subTest(key=key):
                self.assertEqual(rows[key][4].value, "Not reported")

    def test_sections_in_order_and_basis_for_preparation(self):
        sheet = self._workbook()["Tostadora Andina SAS"]
        self.assertEqual(sheet["A1"].value, "VSME Basic Module: Tostadora Andina SAS")
        self.assertEqual(sheet["A2"].value, "2025-01, 2025-01-01 to 2025-01-31")
        sections = [
            row[0].value
            for row in sheet.iter_rows(min_row=HEADER_ROW + 1)
            if row[1].value is None and row[3].value is None
        ]
        self.assertEqual(sections, [f"B{number}" for number in range(1, 12)])
        basis = {
            row[2].value: row[4].value
            for row in sheet.iter_rows(min_row=HEADER_ROW + 1)
            if row[0].value == "B1" and row[1].value
        }
        self.assertEqual(basis["Name of the undertaking"], "Tostadora Andina SAS")
        self.assertEqual(basis["Country of primary operations"], "Colombia")
        self.assertEqual(basis["Size class"], "Small (10 to 49 employees)")
        self.assertEqual(basis["Sector of activity"], "Agriculture and agro-industry")
        self.assertEqual(basis["Reporting period"], "2025-01, 2025-01-01 to 2025-01-31")
        self.assertEqual(basis["Reporting option"], "Option A: Basic Module only")

    def test_mapping_matches_the_catalogue_tags(self):
        """Each disclosure lists exactly the catalogue indicators tagged with it."""
        Indicator = self.env["csr.indicator"].with_context(active_test=False)
        for disclosure in VSME_BASIC:
            with self.subTest(disclosure=disclosure.key):
                tagged = Indicator.search(
                    [
                        ("framework_tag_ids.code", "=", disclosure.tag),
                        ("company_id", "=", False),
                        ("code", "not like", "TST-"),
                    ]
                )
                mapped = {code for point in disclosure.points for code in point.codes}
                self.assertEqual(mapped, set(tagged.mapped("code")))

    def test_one_sheet_per_company_with_safe_names(self):
        # 40 characters, the same first 31: "Cooperativa Agroindustrial del ".
        names = (
            "Cooperativa Agroindustrial del Norte 001",
            "Cooperativa Agroindustrial del Norte 002",
        )
        companies = self.env["res.company"].create([{"name": name} for name in names])
        periods = self.january
        for company in companies:
            periods |= self._make_period(
                "month", date(2025, 1, 1), date(2025, 1, 31), company=company
            )
        env = self.env(
            context=dict(
                self.env.context,
                allowed_company_ids=(self.company | companies).ids,
            )
        )
        workbook = self._workbook(periods.sorted("id"), env)
        self.assertEqual(
            workbook.sheetnames,
            [
                "Tostadora Andina SAS",
                "Cooperativa Agroindustrial del",
                "Cooperativa Agroindustrial (2)",
            ],
        )
        rows = self._rows(workbook["Cooperativa Agroindustrial (2)"])
        self.assertEqual(rows["B3", "§29", "ENV-01"][4].value, "Not reported")

    def test_builder_reads_only_the_report_data(self):
        reports = ReportData(self.env, today=TODAY).build(self.january)
        labels = vsme_labels(self.env)
        with self.assertQueryCount(0):
            build_vsme_workbook(reports, labels)
