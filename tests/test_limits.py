# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Resource limits, and clear messages instead of technical errors.

Each input below once gave the server a raw error (RecursionError,
OverflowError, ParseError, binascii.Error, NumericValueOutOfRange,
NotImplementedError...) or tied it up; each is now refused with a message
that says what to fix, and nothing is saved:

- formulas: at most 2,000 characters, 100 terms, 50 levels of nesting and
  numbers of 30 digits and up to 1e15;
- value import: files up to 5 MB (20 MB unzipped), 10,000 rows of values,
  100,000 rows read, the first 100 problems listed;
- kit import: files up to 10 MB, 20,000 rows, 10 levels of nesting, numbers
  a database column holds, the first 100 problems listed.
"""

import base64
import io
import json
import zipfile

from odoo import Command
from odoo.exceptions import UserError, ValidationError
from odoo.tests import tagged

from odoo.addons.csr_management.engine import formula
from odoo.addons.csr_management.engine import kit as kit_engine
from odoo.addons.csr_management.engine import value_import as sheet
from odoo.addons.csr_management.services.csr_kit import KitImport
from odoo.addons.csr_management.services.value_import import ValueImport

from .common import MaterialityCase

HEADER = (
    '<row r="1"><c r="A1" t="inlineStr"><is><t>Indicator code</t></is></c>'
    '<c r="B1" t="inlineStr"><is><t>Period</t></is></c>'
    '<c r="C1" t="inlineStr"><is><t>Value</t></is></c>'
    '<c r="D1" t="inlineStr"><is><t>Unit</t></is></c>'
    '<c r="E1" t="inlineStr"><is><t>Comment</t></is></c></row>'
)


def hand_made_xlsx(rows_xml, header=HEADER, dimension=""):
    """An .xlsx written by hand: unless given one (e.g. "A1:E3"), its sheet
    has no <dimension> element, so a reader cannot know in advance how many
    rows it holds."""
    dimension = f'<dimension ref="{dimension}"/>' if dimension else ""
    parts = {
        "[Content_Types].xml": (
            '<?xml version="1.0" encoding="UTF-8"?>'
            '<Types xmlns="http://schemas.openxmlformats.org/package/2006/'
            'content-types"><Default Extension="rels" ContentType="application/'
            'vnd.openxmlformats-package.relationships+xml"/><Default Extension='
            '"xml" ContentType="application/xml"/><Override PartName="/xl/'
            'workbook.xml" ContentType="application/vnd.openxmlformats-'
            'officedocument.spreadsheetml.sheet.main+xml"/><Override PartName='
            '"/xl/worksheets/sheet1.xml" ContentType="application/vnd.'
            'openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>'
        ),
        "_rels/.rels": (
            '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://'
            'schemas.openxmlformats.org/package/2006/relationships"><Relationship'
            ' Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/'
            '2006/relationships/officeDocument" Target="xl/workbook.xml"/>'
            "</Relationships>"
        ),
        "xl/workbook.xml": (
            '<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://'
            'schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http:'
            '//schemas.openxmlformats.org/officeDocument/2006/relationships">'
            '<sheets><sheet name="Values" sheetId="1" r:id="rId1"/></sheets>'
            "</workbook>"
        ),
        "xl/_rels/workbook.xml.rels": (
            '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://'
            'schemas.openxmlformats.org/package/2006/relationships"><Relationship'
            ' Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/'
            '2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>'
            "</Relationships>"
        ),
        "xl/worksheets/sheet1.xml": (
            '<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://'
            f'schemas.openxmlformats.org/spreadsheetml/2006/main">{dimension}'
            f"<sheetData>{header}{rows_xml}</sheetData></worksheet>"
        ),
    }
    output = io.BytesIO()
    with zipfile.ZipFile(output, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, text in parts.items():
            archive.writestr(name, text)
    return output.getvalue()


def value_row(number, code="TST-WATER", value="<v>12</v>", kind=""):
    cell_type = f' t="{kind}"' if kind else ""
    return (
        f'<row r="{number}"><c r="A{number}" t="inlineStr"><is><t>{code}</t></is>'
        f'</c><c r="B{number}" t="inlineStr"><is><t>2025-01</t></is></c>'
        f'<c r="C{number}"{cell_type}>{value}</c><c r="D{number}" t="inlineStr">'
        f"<is><t>m3</t></is></c></row>"
    )


def comment_rows(first, count):
    return "".join(
        f'<row r="{n}"><c r="E{n}" t="inlineStr"><is><t>x</t></is></c></row>'
        for n in range(first, first + count)
    )


@tagged("csr_values")
class TestFormulaLimits(MaterialityCase):
    def _formula_indicator(self, expression):
        return self.env["csr.indicator"].create(
            {
                "code": "TST-CALC",
                "name": "Test computed",
                "pillar": "environmental",
                "unit": "m³",
                "value_type": "quantity",
                "direction": "lower",
                "aggregation": "sum",
                "source_type": "formula",
                "formula": expression,
            }
        )

    def test_oversized_formulas_are_refused_on_save(self):
        water = "[TST-WATER]"
        for expression, message in (
            ("+".join([water] * 3000), "35999 characters long; at most 2000"),
            ("-" * 2000 + water, "2011 characters long; at most 2000"),
            ("9" * 4000, "4000 characters long; at most 2000"),
            (
                "+".join([water] * 101),
                "101 numbers and indicator references; at " "most 100",
            ),
            ("-" * 51 + water, "nests 51 levels .* at most 50"),
            (water + " * " + "1" * 31, "has 31 digits; at most 30"),
            (
                water + " * 1e16",
                r"number 1e\+16 in the formula is too large; " r"numbers up to 1e\+15",
            ),
            (water + " * 1e400", r"number inf in the formula is too large"),
        ):
            with self.subTest(expression=expression[:30]):
                with self.assertRefused(ValidationError, f"TST-CALC: .*{message}"):
                    self._formula_indicator(expression)
        self.assertFalse(self.env["csr.indicator"].search([("code", "=", "TST-CALC")]))

    def test_formulas_at_the_limits_are_accepted(self):
        water = "[TST-WATER]"
        at_limits = "-" * 48 + "(" + "+".join([water] * 99) + ") * 999999999999999"
        indicator = self._formula_indicator(at_limits)
        self.assertEqual(indicator.formula, at_limits)
        self.assertEqual(
            formula.evaluate(at_limits, {"TST-WATER": 2.0}), 2.0 * 99 * 999999999999999
        )

    def test_evaluation_raises_only_formula_errors_and_gives_finite_values(self):
        # A formula stored before the limits existed no longer blows the stack.
        with self.assertRaises(formula.FormulaError):
            formula.evaluate("-" * 2000 + "[A-1]", {"A-1": 1.0})
        with self.assertRaises(formula.FormulaError):
            formula.evaluate("9" * 4000 + " + [A-1]", {"A-1": 1.0})
        self.assertIsNone(formula.evaluate("[A-1] * [A-1]", {"A-1": 1e300}))
        self.assertIsNone(formula.evaluate("[A-1] + 1", {"A-1": 10**400}))
        self.assertEqual(formula.evaluate("[A-1] * [A-1]", {"A-1": 1e7}), 1e14)


@tagged("csr_values")
class TestValueImportLimits(MaterialityCase):
    def _run(self, content):
        return ValueImport(self.company).run(content)

    def test_a_million_comment_rows_without_dimension_are_refused(self):
        content = hand_made_xlsx(comment_rows(2, 1_000_000))
        self.assertLess(len(content), sheet.MAX_FILE_BYTES)
        with self.assertRefused(UserError, "more than 20 MB of data once unpacked"):
            self._run(content)

    def test_more_than_10000_rows_of_values_are_refused(self):
        content = hand_made_xlsx(comment_rows(2, 10_001))
        with self.assertRefused(
            UserError, "more than 10000 rows of values: nothing was imported"
        ):
            self._run(content)
        self.assertFalse(self.env["csr.indicator.value"].search([]))

    def test_a_row_far_below_the_values_is_refused(self):
        far = value_row(150_000)
        with self.assertRefused(
            UserError, "more than 100000 rows, blank ones included"
        ):
            self._run(hand_made_xlsx(value_row(2) + far))

    def test_files_over_5_mb_are_refused(self):
        with self.assertRefused(UserError, "larger than 5 MB"):
            self._run(b"PK" + b"x" * sheet.MAX_FILE_BYTES)

    def test_damaged_cells_and_xml_give_a_clear_message(self):
        for rows, after in (
            (value_row(2) + value_row(3, value="<v>12abc</v>"), 2),
            (value_row(2, value="<v>NaN</v>"), 1),
            (value_row(2) + value_row(3) + '<row r="4"><c r="A4"></x></row>', 3),
        ):
            with self.subTest(after=after):
                with self.assertRefused(
                    UserError, f"could not be read after row {after}: a cell"
                ):
                    self._run(hand_made_xlsx(rows, dimension="A1:E4"))
        self.assertFalse(self.env["csr.indicator.value"].search([]))

    def test_only_the_first_100_problems_are_listed(self):
        rows = "".join(value_row(n, code=f"NOPE-{n}") for n in range(2, 152))
        with self.assertRaises(UserError) as refused:
            self._run(hand_made_xlsx(rows))
        message = str(refused.exception)
        self.assertIn("150 row(s) have problems", message)
        self.assertIn("Row 101: unknown indicator code 'NOPE-101'", message)
        self.assertNotIn("NOPE-102'", message)
        self.assertIn("… and 50 more problem(s).", message)

    def test_an_undecodable_upload_is_refused(self):
        wizard = self.env["csr.value.import"].create({"file": "abc"})
        with self.assertRefused(UserError, "damaged: it did not arrive"):
            wizard.action_import()


@tagged("csr_values")
class TestKitLimits(MaterialityCase):
    def _kit(self, sections):
        document = {"format": kit_engine.KIT_FORMAT, "version": 1}
        document["sections"] = sections
        return json.dumps(document).encode()

    def _run(self, raw):
        return KitImport(self.env, self.company).run(raw)

    def test_deep_nesting_is_refused(self):
        topics = self.env["csr.material.topic"].search_count([])
        deep_document = b"[" * 100_000 + b"]" * 100_000
        deep_value = self._kit({"topics": [{"code": "T", "name": "x"}]}).replace(
            b'"x"', b"[" * 50_000 + b"]" * 50_000
        )
        shallow_but_too_deep = self._kit({"topics": [{"code": [[[[[[[["T"]]]]]]]]}]})
        for raw in (deep_document, deep_value, shallow_but_too_deep):
            with self.assertRefused(UserError, "nest more than 10 levels deep"):
                self._run(raw)
        self.assertEqual(self.env["csr.material.topic"].search_count([]), topics)

    def test_too_many_rows_or_items_are_refused(self):
        rows = [{"code": f"T{n}"} for n in range(20_001)]
        with self.assertRefused(UserError, "20001 records; at most 20000"):
            self._run(self._kit({"topics": rows}))
        many = {"code": "T1", "indicator_ids": ["TST-WATER"] * 1001}
        with self.assertRefused(UserError, "more than 1000 items in one record"):
            self._run(self._kit({"topics": [many]}))

    def test_files_over_10_mb_are_refused(self):
        raw = self._kit({"topics": []}) + b" " * kit_engine.MAX_KIT_BYTES
        with self.assertRefused(UserError, "larger than 10 MB"):
            self._run(raw)
        with self.assertRefused(UserError, "larger than 10 MB"):
            self.env["csr.kit.import"].create({"file_data": base64.b64encode(raw)})

    def test_numbers_out_of_range_name_the_row_and_field(self):
        topic = {
            "code": "TST-BIG",
            "name": {"en_US": "Big"},
            "pillar": "environmental",
            "sequence": 10**20,
        }
        target = {
            "indicator_id": "TST-WATER",
            "period_id": None,
            "year": 2026,
            "target_value": float("inf"),
            "amber_limit": 2.0,
        }
        with self.assertRaises(UserError) as refused:
            self._run(self._kit({"topics": [topic], "targets": [target]}))
        message = str(refused.exception)
        self.assertIn("2 problem(s)", message)
        self.assertIn(
            "TST-BIG: sequence = 100000000000000000000 is out of range: write a "
            "number between -2147483647 and 2147483647.",
            message,
        )
        self.assertIn("TST-WATER / 2026: target_value = inf is out of range", message)
        self.assertFalse(
            self.env["csr.material.topic"].search([("code", "=", "TST-BIG")])
        )

    def test_only_the_first_100_problems_are_listed(self):
        targets = [
            {"indicator_id": f"NOPE-{n}", "period_id": None, "year": 2000 + n}
            for n in range(150)
        ]
        with self.assertRaises(UserError) as refused:
            self._run(self._kit({"targets": targets}))
        message = str(refused.exception)
        self.assertIn("Fix these 150 problem(s)", message)
        self.assertIn("NOPE-99", message)
        self.assertNotIn("NOPE-100 ", message)
        self.assertIn("... and 50 more.", message)

    def test_invalid_base64_is_refused_on_upload(self):
        with self.assertRefused(UserError, "kit file is damaged"):
            self.env["csr.kit.import"].create({"file_data": "abc"})


@tagged("csr_values")
class TestNumbersAndInputs(MaterialityCase):
    def test_materiality_scores_must_be_finite_numbers(self):
        assessment = self._assessment(scores=[(self.water_topic, 3.0, 3.0)])
        line = assessment.line_ids
        for name in ("impact_score", "financial_score"):
            for wrong, reason in (
                (float("nan"), "not a finite number"),
                (float("inf"), "not a finite number"),
                (float("-inf"), "not a finite number"),
                (1e308, "implausibly large"),
                (-1e308, "implausibly large"),
            ):
                with self.subTest(field=name, value=wrong):
                    with self.assertRefused(
                        ValidationError, f"refused: it is {reason}"
                    ):
                        line.write({name: wrong})
        self.assertEqual((line.impact_score, line.financial_score), (3.0, 3.0))
        with self.assertRefused(ValidationError, "not a finite number"):
            self._assessment(year=2024, scores=[(self.climate, float("nan"), 2.0)])

    def test_dialogue_importance_must_be_a_finite_number(self):
        dialogue = self._dialogue()
        for wrong in (float("nan"), float("inf"), float("-inf"), "NaN"):
            with self.subTest(value=wrong):
                with self.assertRefused(
                    ValidationError, "Importance = .* refused: it is not a finite"
                ):
                    dialogue.write(
                        {
                            "rating_ids": [
                                Command.create(
                                    {
                                        "topic_id": self.water_topic.id,
                                        "group_id": self.community.id,
                                        "importance": wrong,
                                    }
                                )
                            ]
                        }
                    )
        self.assertFalse(dialogue.rating_ids)

    def test_company_settings_must_be_finite_numbers(self):
        for name in ("csr_material_weight", "csr_score_min_completeness"):
            for wrong in (float("nan"), float("inf"), float("-inf"), 1e308):
                with self.subTest(field=name, value=wrong):
                    with self.assertRefused(ValidationError, "refused: it is"):
                        self.company.write({name: wrong})
        self.assertEqual(self.company.csr_material_weight, 2.0)
        self.assertEqual(self.company.csr_score_min_completeness, 50.0)

    def test_overview_takes_a_period_id(self):
        dashboard = self.env["csr.dashboard"].with_user(self.user)
        with self.assertRefused(UserError, "given by its id, a whole number"):
            dashboard.get_overview(period_id="24 OR 1=1")
        overview = dashboard.get_overview(period_id=self.january.id)
        self.assertEqual(overview["period_id"], self.january.id)

    def test_language_filter_takes_in_and_not_in(self):
        Resource = self.env["csr.resource"].with_context(lang="en_US")
        english = Resource.create({"name": "Glossary EN", "lang": "en"})
        spanish = Resource.create({"name": "Glosario ES", "lang": "es"})
        both = english | spanish
        for domain, expected in (
            ([("in_my_language", "in", [True])], english),
            ([("in_my_language", "in", [False])], spanish),
            ([("in_my_language", "not in", [True])], spanish),
            ([("in_my_language", "in", [True, False])], both),
            ([("in_my_language", "!=", True)], spanish),
        ):
            with self.subTest(domain=domain):
                found = Resource.search(domain + [("id", "in", both.ids)])
                self.assertEqual(found, expected)
        with self.assertRefused(UserError, "takes yes or no, not like 'en'"):
            Resource.search([("in_my_language", "like", "en")])
