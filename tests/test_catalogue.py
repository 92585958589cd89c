# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import re

from odoo.exceptions import ValidationError
from odoo.tests import tagged

from .common import CsrCase

CORE_CODES = (
    [f"ECO-{n:02d}" for n in range(1, 15)]
    + [f"ENV-{n:02d}" for n in range(1, 24)]
    + [f"SOC-{n:02d}" for n in range(1, 32) if n != 16]
    + [f"GOV-{n:02d}" for n in range(1, 9)]
)
FORMULA_REF = re.compile(r"\[([A-Z]+-\d+)\]")


@tagged("csr_catalogue")
class TestCatalogue(CsrCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.catalogue = cls.env["csr.indicator"].search(
            [("code", "in", CORE_CODES), ("company_id", "=", False)]
        )

    def test_the_75_core_indicators_are_shipped(self):
        self.assertEqual(len(CORE_CODES), 75)
        self.assertEqual(sorted(self.catalogue.mapped("code")), sorted(CORE_CODES))
        for code in CORE_CODES:
            xmlid = "csr_management.indicator_" + code.lower().replace("-", "_")
            self.assertEqual(self.env.ref(xmlid).code, code)

    def test_pillars_match_the_code_prefixes(self):
        prefix_pillar = {
            "ECO": "economic",
            "ENV": "environmental",
            "SOC": "social",
            "GOV": "governance",
        }
        counts = {}
        for indicator in self.catalogue:
            pillar = prefix_pillar[indicator.code[:3]]
            self.assertEqual(indicator.pillar, pillar, indicator.code)
            counts[pillar] = counts.get(pillar, 0) + 1
        self.assertEqual(
            counts, {"economic": 14, "environmental": 23, "social": 30, "governance": 8}
        )

    def test_every_indicator_is_documented_and_referenced(self):
        for indicator in self.catalogue:
            with self.subTest(code=indicator.code):
                self.assertTrue(indicator.unit)
                guidance = str(indicator.guidance)
                for section in (
                    "What it measures",
                    "How it is obtained",
                    "How to improve it",
                ):
                    self.assertIn(section, guidance)
                frameworks = indicator.framework_tag_ids.mapped("framework")
                # Every indicator sits under an ISO 26000 core subject and at
                # least one other framework (ECO-08 and SOC-12 have no GRI/VSME).
                self.assertIn("iso26000", frameworks)
                self.assertGreaterEqual(len(set(frameworks)), 2)

    def test_key_vsme_mappings(self):
        expectations = {
            "ENV-05": ("VSME B3", "GRI 305-1", "lower", "tCO2e"),
            "ENV-06": ("VSME B3", "GRI 305-2", "lower", "tCO2e"),
            "SOC-15": ("VSME B10", "GRI 405-2", "lower", "%"),
            "GOV-01": ("VSME B11", "GRI 205-3", "lower", None),
        }
        by_code = {i.code: i for i in self.catalogue}
        for code, (vsme, gri, direction, unit) in expectations.items():
            with self.subTest(code=code):
                indicator = by_code[code]
                tags = indicator.framework_tag_ids.mapped("code")
                self.assertIn(vsme, tags)
                self.assertIn(gri, tags)
                self.assertEqual(indicator.direction, direction)
                if unit:
                    self.assertEqual(indicator.unit, unit)

    def test_formulas_reference_known_codes_without_cycles(self):
        graph = {
            i.code: FORMULA_REF.findall(i.formula or "")
            for i in self.catalogue
            if i.source_type == "formula"
        }
        self.assertTrue(graph, "the catalogue ships formula indicators")
        for code, refs in graph.items():
            self.assertTrue(refs, code)
            self.assertLessEqual(set(refs), set(CORE_CODES), code)

        def reaches(start, node, seen):
            for ref in graph.get(node, []):
                if ref == start or (
                    ref not in seen and reaches(start, ref, seen | {ref})
                ):
                    return True
            return False

        for code in graph:
            self.assertFalse(reaches(code, code, set()), f"cycle through {code}")

    def test_codes_are_unique(self):
        with self.assertRefusedByDatabase("An indicator code must be unique"):
            self.env["csr.indicator"].create(
                {
                    "code": "ENV-05",
                    "name": "Duplicate",
                    "pillar": "environmental",
                    "unit": "t",
                }
            )

    def test_bad_codes_and_missing_formulas_are_refused(self):
        with self.assertRefused(ValidationError, "cannot contain spaces"):
            self.env["csr.indicator"].create(
                {
                    "code": "ENV 99",
                    "name": "Spaced",
                    "pillar": "environmental",
                    "unit": "t",
                }
            )
        with self.assertRefused(ValidationError, "has no formula"):
            self.env["csr.indicator"].create(
                {
                    "code": "TST-F",
                    "name": "Formula without formula",
                    "pillar": "environmental",
                    "unit": "t",
                    "source_type": "formula",
                }
            )
