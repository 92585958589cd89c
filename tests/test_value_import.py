# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Importing manual values from .xlsx files built in the tests.

Catalogue (the shipped one is archived): TST-WATER (m³), TST-SHARE (%, a
share), TST-POLICY (yes/no), TST-EMIS (tCO2e), all manual, and TST-CALC,
computed. Periods of the company: 2025-01 and 2025 (open), 2025-02 (locked);
2025-03 exists only in another company. Already stored: a draft TST-SHARE of
2025-01 at 30 and a validated TST-EMIS of 2025-01 at 7.

The good file (Spanish headers, columns shuffled, an extra column and a blank
row) creates TST-WATER 2025-01 = 12.5 (unit "m3", period turned into a date
by the spreadsheet), TST-POLICY 2025 = 1 ("sí") and TST-EMIS 2025 = 3 (unit
"t CO₂e"), and updates the draft TST-SHARE 2025-01 from 30 to 45.5 ("45,5"):
3 created, 1 updated.

The bad file has one error of each kind on rows 2-11, 13 and 14; row 12 is
right but its twin on row 13 repeats the same indicator and period.
"""

import base64
import io
from datetime import date, datetime

import openpyxl

from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from odoo.addons.csr_management.engine import value_import as sheet
from odoo.addons.csr_management.services.value_import import ValueImport

from .common import MANAGER_GROUPS, CsrCase, xlsx

ENGLISH = ["Indicator code", "Period", "Value", "Unit", "Comment"]


@tagged("csr_values")
class TestValueImport(CsrCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        Indicator = cls.env["csr.indicator"]
        Indicator.search([("code", "not like", "TST-%")]).active = False
        cls.policy = cls._indicator("TST-POLICY", "yes/no", value_type="boolean")
        cls.emissions = cls._indicator("TST-EMIS", "tCO2e")
        cls._indicator("TST-CALC", "h", source_type="computed")
        cls.february = cls._make_period("month", date(2025, 2, 1), date(2025, 2, 28))
        cls.february.action_lock()
        cls.other = cls.env["res.company"].create({"name": "Muebles del Bajío SA"})
        cls._make_period("month", date(2025, 3, 1), date(2025, 3, 31), cls.other)
        cls.share_draft = cls.env["csr.indicator.value"].create(
            {
                "indicator_id": cls.share.id,
                "period_id": cls.january.id,
                "value": 30.0,
                "comment": "first estimate",
            }
        )
        cls.emissions_validated = cls.env["csr.indicator.value"].create(
            {
                "indicator_id": cls.emissions.id,
                "period_id": cls.january.id,
                "value": 7.0,
            }
        )
        cls.emissions_validated.action_validate()

    @classmethod
    def _indicator(cls, code, unit, **vals):
        return cls.env["csr.indicator"].create(
            {
                "code": code,
                "name": f"Test {code.lower()}",
                "pillar": "environmental",
                "unit": unit,
                "source_type": "manual",
                **vals,
            }
        )

    def _values(self):
        return self.env["csr.indicator.value"].search(
            [("indicator_id.code", "like", "TST-%")]
        )

    def _wizard(self, content, user=None):
        return (
            self.env["csr.value.import"]
            .with_user(user or self.user)
            .create({"file": base64.b64encode(content), "filename": "values.xlsx"})
        )

    def test_good_file_creates_and_updates_draft_values(self):
        content = xlsx(
            [
                ["Unidad", "Código del indicador", "Nombre", "Comentario", "Período"]
                + ["Valor"],
                ["m3", "tst-water", "agua", "meter", datetime(2025, 1, 1), 12.5],
                [],
                ["%", "TST-SHARE", None, None, "2025-01", "45,5"],
                ["yes/no", "TST-POLICY", None, None, 2025, "sí"],
                ["t CO₂e", "TST-EMIS", None, None, "2025", 3],
            ]
        )
        before = self._values()
        action = self._wizard(content).action_import()
        self.assertEqual(action["params"]["message"], "3 value(s) created, 1 updated.")
        new = self._values() - before
        self.assertEqual(
            {(v.code, v.period_id.name, v.value, v.state) for v in new},
            {
                ("TST-WATER", "2025-01", 12.5, "draft"),
                ("TST-POLICY", "2025", 1.0, "draft"),
                ("TST-EMIS", "2025", 3.0, "draft"),
            },
        )
        self.assertEqual(set(new.mapped("source")), {"manual"})
        self.assertEqual(set(new.mapped("entered_by_id")), {self.user})
        water = new.filtered(lambda value: value.code == "TST-WATER")
        self.assertEqual(water.comment, "meter")
        self.assertEqual(self.share_draft.value, 45.5)
        self.assertEqual(self.share_draft.comment, "first estimate", "no comment given")
        self.assertEqual(
            set(action["params"]["next"]["domain"][0][2]),
            set((new | self.share_draft).ids),
        )

    def test_columns_by_position_and_percent_cells(self):
        content = xlsx(
            [
                ["ind", "per", "val", "u", "c"],
                ["TST-SHARE", "2025", 0.455, "%", "from a % cell"],
            ],
            formats={"C2": "0.0%"},
        )
        result = ValueImport(self.company.with_user(self.user)).run(content)
        self.assertEqual(len(result.created), 1)
        self.assertAlmostEqual(result.created.value, 45.5)
        self.assertEqual(result.created.comment, "from a % cell")

    def test_bad_file_lists_every_row_and_saves_nothing(self):
        content = xlsx(
            [
                ENGLISH,
                ["ENV-99", "2025-01", 1, "m3"],
                ["TST-CALC", "2025-01", 1, "h"],
                ["TST-WATER", "2025-13", 1, "m3"],
                ["TST-WATER", "2025-03", 1, "m3"],
                ["TST-WATER", "2025-02", 1, "m3"],
                ["TST-POLICY", "2025-01", 1, "kg"],
                ["TST-WATER", "2025", "twelve", "m3"],
                ["TST-POLICY", "2025", "maybe", "yes/no"],
                ["TST-SHARE", "2025", 120, "%"],
                ["TST-EMIS", "2025-01", 4, "tCO2e"],
                ["TST-SHARE", "2025-01", 50, "%"],
                ["TST-SHARE", "2025-01", 60, "%"],
                ["TST-WATER", None, 5, None],
            ]
        )
        before = self._values()
        wizard = self._wizard(content)
        # No savepoint: anything written before the refusal would remain.
        with self.assertRaises(UserError) as refused:
            wizard.action_import()
        message = str(refused.exception)
        expected = [
            "12 row(s) have problems",
            "Row 2: unknown indicator code 'ENV-99'.",
            "Row 3: TST-CALC is computed by the system, it cannot be imported.",
            "Row 4: no period '2025-13' in Tostadora Andina SAS",
            "Row 5: no period '2025-03' in Tostadora Andina SAS",
            "Row 6: period 2025-02 is locked.",
            "Row 7: unit 'kg' is not the unit of TST-POLICY, 'yes/no'.",
            "Row 8: 'twelve' is not a number.",
            "Row 9: 'maybe' is neither a number nor yes/no.",
            "Row 10: TST-SHARE = 120.0 refused, a share cannot exceed 100 %.",
            "Row 11: the TST-EMIS value of 2025-01 is Validated",
            "Row 13: TST-SHARE for 2025-01 already appears in row 12.",
            "Row 14: empty cell(s): period, unit.",
        ]
        for line in expected:
            self.assertIn(line, message)
        self.assertNotIn("Row 12:", message)
        self.assertEqual(self._values(), before)
        self.assertEqual(self.share_draft.value, 30.0)
        self.assertEqual(self.emissions_validated.value, 7.0)

    def test_not_a_workbook(self):
        csv = b"code;period;value;unit\nTST-WATER;2025-01;1;m3\n"
        with self.assertRefused(UserError, r"not an Excel workbook \(.xlsx\)"):
            self._wizard(csv).action_import()
        with self.assertRefused(UserError, r"not an Excel workbook \(.xlsx\)"):
            ValueImport(self.company).run(b"\x00\x01")
        with self.assertRefused(UserError, "Choose the .xlsx file"):
            self.env["csr.value.import"].create({}).action_import()
        with self.assertRefused(UserError, "lacks the column.*period, unit"):
            self._wizard(xlsx([["Code", "Value"], ["TST-WATER", 1]])).action_import()

    def test_template_round_trip(self):
        wizard = (
            self.env["csr.value.import"]
            .with_user(self.user)
            .create({"period_id": self.january.id})
        )
        action = wizard.action_download_template()
        self.assertIn(f"id={wizard.id}&field=template_file", action["url"])
        self.assertEqual(wizard.template_filename, "csr-values-2025-01.xlsx")
        template = base64.b64decode(wizard.template_file)
        book = openpyxl.load_workbook(io.BytesIO(template))
        sheet_ = book.active
        self.assertEqual(
            [cell.value for cell in sheet_[1]][:5], list(sheet.HEADERS["en"])
        )
        self.assertIn("not imported", sheet_["F1"].value)
        rows = {row[0]: row for row in sheet_.iter_rows(min_row=2, values_only=True)}
        # TST-EMIS is validated for January, TST-CALC is computed: left out.
        self.assertEqual(set(rows), {"TST-WATER", "TST-SHARE", "TST-POLICY"})
        self.assertEqual(
            rows["TST-WATER"],
            ("TST-WATER", "2025-01", None, "m³", None, "Test water withdrawal"),
        )
        figures = {"TST-WATER": 80, "TST-SHARE": 55.5, "TST-POLICY": "no"}
        for row in sheet_.iter_rows(min_row=2):
            row[2].value = figures[row[0].value]
        filled = io.BytesIO()
        book.save(filled)
        action = self._wizard(filled.getvalue()).action_import()
        self.assertEqual(action["params"]["message"], "2 value(s) created, 1 updated.")
        stored = {
            value.code: value.value
            for value in self._values().filtered(lambda v: v.period_id == self.january)
        }
        self.assertEqual(
            stored,
            {"TST-WATER": 80.0, "TST-SHARE": 55.5, "TST-POLICY": 0.0, "TST-EMIS": 7.0},
        )

    def test_template_refuses_a_locked_period(self):
        wizard = self.env["csr.value.import"].create({"period_id": self.february.id})
        with self.assertRefused(UserError, "2025-02 is locked"):
            wizard.action_download_template()

    def test_spanish_template_reads_back(self):
        self.env["res.lang"]._activate_lang("es_419")
        self.user.lang = "es_419"
        content = ValueImport(
            self.company.with_user(self.user).with_context(lang="es_419")
        ).template(self.january)
        header = [
            cell.value for cell in openpyxl.load_workbook(io.BytesIO(content)).active[1]
        ]
        self.assertEqual(header[:5], list(sheet.HEADERS["es"]))
        self.assertEqual(
            sheet.column_positions(header),
            {"code": 0, "period": 1, "value": 2, "unit": 3, "comment": 4},
        )

    def test_other_company_imports_only_into_its_own_periods(self):
        manager_b = self._make_user("csr_test_manager_b", MANAGER_GROUPS, self.other)
        Wizard = (
            self.env["csr.value.import"]
            .with_user(manager_b)
            .with_context(allowed_company_ids=[self.other.id])
        )
        with self.assertRefused(AccessError, "Import CSR Indicator Values"):
            Wizard.create({"company_id": self.company.id})
        mine = self._wizard(xlsx([ENGLISH, ["TST-WATER", "2025-01", 1, "m3"]]))
        with self.assertRaises(AccessError):
            mine.with_user(manager_b).read(["company_id"])
        wizard = Wizard.create(
            {
                "file": base64.b64encode(
                    xlsx([ENGLISH, ["TST-WATER", "2025-01", 1, "m3"]])
                )
            }
        )
        self.assertEqual(wizard.company_id, self.other)
        before = self._values()
        with self.assertRefused(
            UserError, "Row 2: no period '2025-01' in Muebles del Bajío SA"
        ):
            wizard.action_import()
        self.assertEqual(self._values(), before)
