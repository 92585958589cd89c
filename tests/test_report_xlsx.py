# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The accountants' workbook, read back with openpyxl, on the hand-computed
scorecard dataset of ``test_scorecard`` (its docstring has every figure).

Expected cells, by hand:
- Environmental sheet, January reported with December as comparison:
  TST-WATER (quantity, m³) 130 | 110, target 100, Amber, validated, tagged
  VSME B3; TST-SHARE (a share) December empty, January 40 % stored as the
  number 0.4 in a percent format, target 30 % = 0.3; TST-ENERGY has no month
  target, so its target cell is empty.
- Social sheet: TST-WAGE is yes/no: December 0, January 1, numbers shown as
  No / Yes by their format.
- Manual inputs: the 10 January values (all typed by hand); TST-WATER was
  entered and validated by the test's user; TST-SHARE gets one evidence file.
- Actions: one open action due 2025-02-28, reported on 2025-03-10: overdue by
  10 days, baseline 130 (December's water), target 100.
- An amount of 1,500,000.5 is a number formatted with the company currency
  and its decimals: 2 for USD, none for CLP.
- Two companies: the second has November 2024 and January 2025 periods, the
  first December 2024 and January 2025: one sheet per pillar lists both, with
  the columns 2024-11, 2024-12, 2025-01, each figure under its own month.
"""

import dataclasses
from datetime import date, datetime
from io import BytesIO

import openpyxl

from odoo import Command
from odoo.tests import tagged

from ..report import report_xlsx
from ..report.report_xlsx import build_workbook, sheet_name, workbook_labels
from ..services.report_data import ReportData
from .common import ScorecardCase, assert_doctests_pass

TODAY = date(2025, 3, 10)
SHEETS = [
    "About",
    "Economic",
    "Environmental",
    "Social",
    "Governance",
    "Sources",
    "Manual inputs",
    "Actions",
    "Emission factors",
]
YES_NO = '"Yes";"Yes";"No"'


@tagged("csr_report")
class TestReportXlsx(ScorecardCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env["csr.framework.tag"].search([("code", "=", "VSME B3")]).write(
            {"indicator_ids": [Command.link(cls.water.id)]}
        )

    def _reports(self, periods=None, env=None):
        env = env or self.env
        periods = (periods or self.january).with_env(env)
        return ReportData(env, today=TODAY).build(periods)

    def _workbook(self, reports=None):
        content = build_workbook(reports or self._reports(), workbook_labels(self.env))
        return openpyxl.load_workbook(BytesIO(content))

    @staticmethod
    def _table(sheet, key_column="Code"):
        """{key: {header: cell}} of a sheet whose first row is the header."""
        rows = sheet.iter_rows()
        header = [cell.value for cell in next(rows)]
        table = {}
        for row in rows:
            cells = dict(zip(header, row, strict=True))
            table.setdefault(cells[key_column].value, cells)
        return header, table

    def test_sheets_in_order(self):
        self.assertEqual(self._workbook().sheetnames, SHEETS)

    def test_about_sheet(self):
        self._compute(self.december, self.january)
        sheet = self._workbook()["About"]
        self.assertEqual(sheet["A1"].value, "CSR report")
        self.assertEqual(sheet["B2"].value, datetime(2025, 3, 10))
        self.assertEqual(sheet["B2"].number_format, "yyyy-mm-dd")
        header = [cell.value for cell in sheet[6]]
        self.assertEqual(
            header[:6], ["Company", "Period", "Start", "End", "Currency", "CSR index"]
        )
        company, period, start, _end, _currency, index, previous, change = (
            cell.value for cell in sheet[7][:8]
        )
        self.assertEqual(
            (company, period, start),
            ("Tostadora Andina SAS", "2025-01", datetime(2025, 1, 1)),
        )
        self.assertEqual((index, previous, change), (50.28, 12.5, 37.78))
        # 10 of 13 applicable indicators have a value.
        self.assertAlmostEqual(sheet["I7"].value, 10 / 13)
        self.assertEqual(sheet["I7"].number_format, "0.00%")

    def test_pillar_sheet_figures_are_numbers(self):
        self._compute(self.december, self.january)
        header, rows = self._table(self._workbook()["Environmental"])
        self.assertEqual(
            header,
            [
                "Code",
                "Indicator",
                "Unit",
                "2024-01",
                "2024-12",
                "2025-01",
                "Target",
                "Status",
                "Source",
                "Validation state",
                "Frameworks",
                "To check",
            ],
        )
        self.assertEqual(
            sorted(rows), ["TST-ENERGY", "TST-SHARE", "TST-WASTE", "TST-WATER"]
        )
        self.assertIsNone(rows["TST-WATER"]["To check"].value)
        water = rows["TST-WATER"]
        self.assertEqual(
            [
                water[column].value
                for column in ("Unit", "2024-12", "2025-01", "Target")
            ],
            ["m³", 130, 110, 100],
        )
        for column in ("2024-12", "2025-01", "Target"):
            self.assertEqual(water[column].data_type, "n")
            self.assertEqual(water[column].number_format, "#,##0.00")
        self.assertEqual(
            [
                water[column].value
                for column in ("Status", "Source", "Validation state", "Frameworks")
            ],
            ["Amber", "Manual input", "Validated", "VSME B3"],
        )
        share = rows["TST-SHARE"]
        self.assertIsNone(share["2024-12"].value)
        self.assertEqual((share["2025-01"].value, share["Target"].value), (0.4, 0.3))
        self.assertEqual(share["2025-01"].number_format, "0.00%")
        self.assertEqual(share["Validation state"].value, "Draft")
        self.assertIsNone(rows["TST-ENERGY"]["Target"].value)
        self.assertEqual(rows["TST-WASTE"]["Status"].value, "No value")

    def test_yes_no_figures_stay_numbers(self):
        _header, rows = self._table(self._workbook()["Social"])
        wage = rows["TST-WAGE"]
        self.assertEqual((wage["2024-12"].value, wage["2025-01"].value), (0, 1))
        self.assertEqual(wage["2025-01"].data_type, "n")
        self.assertEqual(wage["2025-01"].number_format, YES_NO)

    def test_amounts_carry_the_currency_and_its_decimals(self):
        revenue = self._make_indicator("TST-REVENUE", "economic", "higher", "monetary")
        self._make_value(revenue, value=1500000.5)
        _header, rows = self._table(self._workbook()["Economic"])
        cell = rows["TST-REVENUE"]["2025-01"]
        self.assertEqual((cell.value, cell.data_type), (1500000.5, "n"))
        self.assertEqual(cell.number_format, '#,##0.00 "USD"')
        self.company.currency_id = self.env.ref("base.CLP")
        _header, rows = self._table(self._workbook()["Economic"])
        self.assertEqual(rows["TST-REVENUE"]["2025-01"].number_format, '#,##0 "CLP"')

    def test_columns_are_wide_enough_for_every_number(self):
        """1,500,000,000.5 USD shows as "1,500,000,000.50 USD": 20 characters,
        so its column is at least 20 wide (LibreOffice and Excel show ###
        in a narrower one); every number cell of every sheet likewise."""
        revenue = self._make_indicator("TST-REVENUE", "economic", "higher", "monetary")
        self._make_value(revenue, value=1500000000.5)
        book = self._workbook()
        economic = book["Economic"]
        header = [cell.value for cell in economic[1]]
        letter = openpyxl.utils.get_column_letter(header.index("2025-01") + 1)
        self.assertGreaterEqual(economic.column_dimensions[letter].width, 20)
        for sheet in book.worksheets:
            for row in sheet.iter_rows():
                for cell in row:
                    if cell.data_type != "n" or cell.value is None:
                        continue
                    needed = report_xlsx.shown_width(cell.value, cell.number_format)
                    width = sheet.column_dimensions[cell.column_letter].width
                    self.assertGreaterEqual(width, needed, (sheet.title, cell))

    def test_print_setup_fits_the_page_width(self):
        """Every sheet prints one page wide (two for a pillar sheet wider
        than 200 characters, code and indicator repeated), its header row on
        each page; the wide pillar sheets print landscape; a wrapped text
        gets a row tall enough for its lines."""
        book = self._workbook()
        for sheet in book.worksheets:
            # An absent fitToWidth means 1 (OOXML's default); a sheet too
            # wide for one page prints two wide, its key columns repeated.
            wide = sheet.page_setup.fitToWidth or 1
            self.assertIn(wide, (1, 2), sheet.title)
            if wide == 2:
                self.assertTrue(sheet.print_title_cols, sheet.title)
            self.assertEqual(sheet.page_setup.fitToHeight, 0, sheet.title)
            self.assertTrue(sheet.sheet_properties.pageSetUpPr.fitToPage)
        environmental = book["Environmental"]
        self.assertEqual(environmental.page_setup.orientation, "landscape")
        self.assertEqual(environmental.print_title_rows, "$1:$1")
        self.assertEqual(book["About"].page_setup.orientation, "landscape")
        self.assertEqual(environmental.page_setup.fitToWidth, 2)
        self.assertEqual(environmental.print_title_cols, "$A:$B")

    def test_times_are_in_the_company_time_zone(self):
        """Entered at 03:00 UTC on 1 February = 22:00 on 31 January in
        Bogotá (UTC-5): the workbook says so, and names the zone."""
        self.company.partner_id.tz = "America/Bogota"
        water = self.values[self.january, self.water]
        water.entered_on = datetime(2025, 2, 1, 3, 0)
        book = self._workbook()
        _header, rows = self._table(book["Manual inputs"])
        self.assertEqual(
            rows["TST-WATER"]["Entered on"].value, datetime(2025, 1, 31, 22)
        )
        self.assertEqual(
            book["About"]["A3"].value,
            "Dates and times are in the time zone America/Bogota.",
        )

    def test_manual_inputs_say_who_entered_and_validated(self):
        share = self.values[self.january, self.share]
        evidence = self.env["ir.attachment"].create(
            {"name": "meter.pdf", "raw": b"%PDF"}
        )
        share.evidence_ids = [Command.link(evidence.id)]
        share.comment = "=1+1 read on the invoice"
        _header, rows = self._table(self._workbook()["Manual inputs"])
        self.assertEqual(len(rows), 10)
        water = rows["TST-WATER"]
        self.assertEqual(
            [
                water[c].value
                for c in (
                    "Value",
                    "Unit",
                    "Entered by",
                    "Validated by",
                    "Validation state",
                )
            ],
            [110, "m³", self.env.user.name, self.env.user.name, "Validated"],
        )
        self.assertTrue(water["Entered on"].is_date)
        self.assertTrue(water["Validated on"].is_date)
        self.assertEqual(water["Evidence"].value, 0)
        self.assertEqual(water["Evidence"].number_format, '"Yes ("0")";;"No"')
        share_row = rows["TST-SHARE"]
        self.assertEqual(
            (share_row["Value"].value, share_row["Evidence"].value), (0.4, 1)
        )
        self.assertIsNone(share_row["Validated by"].value)
        # Typed text that looks like a formula stays text.
        self.assertEqual(share_row["Comment"].data_type, "s")
        self.assertEqual(share_row["Comment"].value, "=1+1 read on the invoice")

    def test_actions_deadline_is_a_date(self):
        self.env["csr.action"].create(
            {
                "name": "Fix the leaking tank",
                "company_id": self.company.id,
                "indicator_id": self.water.id,
                "baseline_period_id": self.december.id,
                "target_value": 100.0,
                "deadline": date(2025, 2, 28),
                "responsible_id": self.manager.id,
            }
        )
        _header, rows = self._table(self._workbook()["Actions"], "Action")
        action = rows["Fix the leaking tank"]
        self.assertEqual(action["Deadline"].value, datetime(2025, 2, 28))
        self.assertTrue(action["Deadline"].is_date)
        self.assertEqual(action["Deadline"].number_format, "yyyy-mm-dd")
        self.assertEqual(
            [
                action[c].value
                for c in (
                    "Pillar",
                    "Responsible",
                    "Overdue",
                    "Days overdue",
                    "Indicator",
                    "Baseline",
                    "Target",
                )
            ],
            ["Environmental", self.manager.name, 1, 10, "TST-WATER", 130, 100],
        )
        self.assertEqual(action["Overdue"].number_format, YES_NO)

    def test_action_figures_are_written_like_their_indicator(self):
        # TST-SHARE is a 0-100 share: an action from 40 % to 50 % is written
        # 0.4 and 0.5 in percent format, as on the Environmental sheet.
        self.env["csr.action"].create(
            {
                "name": "Buy green power",
                "company_id": self.company.id,
                "indicator_id": self.share.id,
                "baseline_period_id": self.january.id,
                "target_value": 50.0,
            }
        )
        _header, rows = self._table(self._workbook()["Actions"], "Action")
        action = rows["Buy green power"]
        self.assertEqual((action["Baseline"].value, action["Target"].value), (0.4, 0.5))
        self.assertEqual(action["Target"].number_format, "0.00%")

    def test_rates_in_percent_are_percentages(self):
        # A staff turnover of 12.5 %: a ratio (it may pass 100) with unit "%".
        self.training.write({"unit": "%", "value_type": "ratio"})
        _header, rows = self._table(self._workbook()["Social"])
        cell = rows["TST-TRAINING"]["2025-01"]
        self.assertAlmostEqual(cell.value, 0.098)
        self.assertEqual(cell.number_format, "0.00%")

    def test_sources_and_emission_factors(self):
        self.env["csr.indicator"].create(
            {
                "code": "TST-INTENSITY",
                "name": "Water per employee",
                "pillar": "environmental",
                "unit": "m³/employee",
                "source_type": "formula",
                "formula": "[TST-WATER] / [TST-HEADCOUNT]",
            }
        )
        activity = self.env["csr.activity"].create(
            {
                "code": "tst_diesel",
                "name": "Test diesel",
                "kind": "fuel",
                "uom_id": self.env.ref("uom.product_uom_litre").id,
            }
        )
        factor = self.env["csr.emission.factor"].create(
            {
                "activity_id": activity.id,
                "scope": "1",
                "date_from": date(2020, 1, 1),
                "kgco2e_per_unit": 2.68,
                "source_publisher": "UPME",
                "source_document": "Factores de emisión",
                "source_year": 2024,
                "source_url": "https://example.org/factors",
            }
        )
        self.values[self.january, self.energy].sudo().emission_factor_ids = factor
        workbook = self._workbook()
        _header, sources = self._table(workbook["Sources"])
        intensity = sources["TST-INTENSITY"]
        self.assertEqual(
            [intensity[c].value for c in ("Method", "Definition", "Detail")],
            [
                "Formula over other indicators",
                "Formula",
                "[TST-WATER] / [TST-HEADCOUNT]",
            ],
        )
        _header, factors = self._table(workbook["Emission factors"], "Activity")
        diesel = factors["Test diesel"]
        self.assertEqual(
            (diesel["kgCO2e per unit"].value, diesel["kgCO2e per unit"].data_type),
            (2.68, "n"),
        )
        self.assertEqual(diesel["Citation"].value, "UPME, Factores de emisión (2024)")
        self.assertEqual(diesel["URL"].value, "https://example.org/factors")
        self.assertEqual(diesel["Indicators"].value, "TST-ENERGY")

    def test_several_companies_share_the_pillar_sheets(self):
        other = self.env["res.company"].create({"name": "Cacao del Sur SRL"})
        november = self._make_period(
            "month", date(2024, 11, 1), date(2024, 11, 30), company=other
        )
        twin = self._make_period(
            "month", date(2025, 1, 1), date(2025, 1, 31), company=other
        )
        Value = self.env["csr.indicator.value"]
        Value.create(
            {"indicator_id": self.water.id, "period_id": november.id, "value": 70.0}
        )
        Value.create(
            {"indicator_id": self.water.id, "period_id": twin.id, "value": 60.0}
        )
        env = self.env(
            context=dict(
                self.env.context, allowed_company_ids=(self.company | other).ids
            )
        )
        workbook = self._workbook(self._reports(self.january | twin, env))
        self.assertEqual(workbook.sheetnames, SHEETS)
        sheet = workbook["Environmental"]
        header = [cell.value for cell in sheet[1]]
        self.assertEqual(
            header[:8],
            [
                "Company",
                "Code",
                "Indicator",
                "Unit",
                "2024-01",
                "2024-11",
                "2024-12",
                "2025-01",
            ],
        )
        water = {
            row[0].value: [cell.value for cell in row[5:8]]
            for row in sheet.iter_rows(min_row=2)
            if row[1].value == "TST-WATER"
        }
        self.assertEqual(
            water,
            {
                "Tostadora Andina SAS": [None, 130, 110],
                "Cacao del Sur SRL": [70, None, 60],
            },
        )
        about = workbook["About"]
        self.assertEqual(
            [about["A7"].value, about["A8"].value],
            ["Tostadora Andina SAS", "Cacao del Sur SRL"],
        )

    def test_long_sheet_names_are_trimmed_and_unique(self):
        # 40 characters each, the same first 31: "Environmental and climate perfo";
        # the second keeps 27 of them and " (2)".
        first, second = (
            "Environmental and climate performance 01",
            "Environmental and climate performance 02",
        )
        self.assertEqual(len(first), 40)
        report = self._reports()[0]
        pillars = list(report.pillars)
        pillars[0] = dataclasses.replace(pillars[0], label=first)
        pillars[1] = dataclasses.replace(pillars[1], label=second)
        pillars[2] = dataclasses.replace(pillars[2], label="Social: [people]/*?")
        report = dataclasses.replace(report, pillars=tuple(pillars))
        names = self._workbook([report]).sheetnames
        self.assertEqual(
            names[1:4],
            [
                "Environmental and climate perfo",
                "Environmental and climate p (2)",
                "Social people",
            ],
        )
        self.assertTrue(all(len(name) <= 31 for name in names))

    def test_sheet_name_helper(self):
        taken = set()
        self.assertEqual(sheet_name("About", taken), "About")
        self.assertEqual(sheet_name("about", taken), "about (2)")
        self.assertEqual(sheet_name("[]:*?/\\", taken, fallback="Company"), "Company")
        self.assertEqual(sheet_name("'Quoted'", taken), "Quoted")
        self.assertEqual(taken, {"about", "about (2)", "company", "quoted"})

    def test_builder_reads_only_the_report_data(self):
        reports, labels = self._reports(), workbook_labels(self.env)
        with self.assertQueryCount(0):
            build_workbook(reports, labels)

    def test_doctests_pass(self):
        self.assertGreater(assert_doctests_pass(self, report_xlsx), 0)
