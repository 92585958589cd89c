# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Integrity of the shipped maturity question bank 2026.1.

Counted by hand in data/csr_question_bank_data.xml:
  general questions per stage 1..5
    economic       4, 5, 5, 5, 4  = 23
    environmental  5, 7, 7, 7, 6  = 32
    social         5, 6, 7, 6, 5  = 29
    governance     5, 5, 6, 6, 5  = 27
                                    111 general
  sector-only: 3 for each of the 6 sectors = 18 (129 questions in all).
  critical: ECO-1-01, ENV-1-01, ENV-1-02, SOC-1-01, SOC-1-02, SOC-1-03,
  SOC-1-04, GOV-1-01 and the sector questions AGR-1-01, MAN-1-01, CON-1-01.

Templates (data/csr_assessment_template_data.xml):
  services  removes ENV-3-07 (fleet fuel) and ENV-4-07 (production losses),
            adds SRV-2-01, SRV-2-02, SRV-3-01: 111 - 2 + 3 = 112 questions.
  commerce  removes ENV-4-07, adds COM-2-01, COM-2-02, COM-3-01:
            111 - 1 + 3 = 113 questions.
  tourism removes ENV-4-07 too; agriculture, manufacturing and construction
  remove nothing.
"""

import re

from odoo.exceptions import ValidationError
from odoo.tests import TransactionCase, tagged

from ..models.csr_question import ISO_SUBJECTS, STAGES

PILLAR_PREFIXES = {
    "ECO": "economic",
    "ENV": "environmental",
    "SOC": "social",
    "GOV": "governance",
}
SECTOR_PREFIXES = {
    "agriculture": "AGR",
    "manufacturing": "MAN",
    "commerce": "COM",
    "tourism": "TOU",
    "services": "SRV",
    "construction": "CON",
}
CODE = re.compile(r"^([A-Z]{3})-([1-5])-(\d{2})$")


@tagged("csr_maturity")
class TestQuestionBank(TransactionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.bank = cls.env.ref("csr_management.question_bank_2026")
        cls.questions = cls.bank.question_ids
        cls.general = cls.questions.filtered(lambda q: not q.sector_only)
        cls.sector_only = cls.questions - cls.general

    def _question(self, code):
        question = self.questions.filtered(lambda q: q.code == code)
        self.assertEqual(len(question), 1, code)
        return question

    def test_bank_ships_the_counted_questions(self):
        self.assertEqual(self.bank.version, "2026.1")
        self.assertEqual(self.bank._latest(), self.bank)
        self.assertGreaterEqual(len(self.general), 60)
        self.assertEqual(len(self.general), 111)
        self.assertEqual(len(self.sector_only), 18)
        self.assertEqual(self.bank.question_count, 129)

    def test_each_pillar_and_stage_has_at_least_four_general_questions(self):
        counts = {
            (pillar, stage): count
            for pillar, stage, count in self.env["csr.question"]._read_group(
                [("bank_id", "=", self.bank.id), ("sector_only", "=", False)],
                ["pillar", "stage"],
                ["__count"],
            )
        }
        for pillar in PILLAR_PREFIXES.values():
            for stage, _label in STAGES:
                with self.subTest(pillar=pillar, stage=stage):
                    self.assertGreaterEqual(counts.get((pillar, stage), 0), 4)
        by_pillar = {
            pillar: [counts[(pillar, stage)] for stage, _label in STAGES]
            for pillar in PILLAR_PREFIXES.values()
        }
        self.assertEqual(
            by_pillar,
            {
                "economic": [4, 5, 5, 5, 4],
                "environmental": [5, 7, 7, 7, 6],
                "social": [5, 6, 7, 6, 5],
                "governance": [5, 5, 6, 6, 5],
            },
        )

    def test_every_question_has_guidance_and_a_recommendation(self):
        for question in self.questions:
            with self.subTest(code=question.code):
                self.assertTrue((question.guidance or "").strip())
                self.assertTrue(question.recommendation_ids)
                for recommendation in question.recommendation_ids:
                    self.assertTrue((recommendation.description or "").strip())
                    self.assertEqual(recommendation.pillar, question.pillar)
        xmlid = "csr_management.recommendation_q_soc_1_01"
        recommendation = self.env.ref(xmlid)
        self.assertEqual(recommendation.question_id, self._question("SOC-1-01"))
        self.assertEqual(recommendation.action_type, "corrective")
        self.assertEqual(recommendation.track_indicator_id.code, "SOC-05")

    def test_all_seven_iso_26000_core_subjects_are_used(self):
        used = set(self.questions.mapped("iso_subject"))
        self.assertEqual(used, {key for key, _label in ISO_SUBJECTS})
        self.assertEqual(len(used), 7)

    def test_critical_questions_are_early_legal_obligations(self):
        critical = self.questions.filtered("critical")
        self.assertEqual(
            sorted(critical.mapped("code")),
            sorted(
                [
                    "ECO-1-01",
                    "ENV-1-01",
                    "ENV-1-02",
                    "SOC-1-01",
                    "SOC-1-02",
                    "SOC-1-03",
                    "SOC-1-04",
                    "GOV-1-01",
                    "AGR-1-01",
                    "MAN-1-01",
                    "CON-1-01",
                ]
            ),
        )
        self.assertEqual(set(critical.mapped("stage")) - {"1", "2"}, set())

    def test_indicator_pre_answers_are_complete_and_fit_the_value_type(self):
        by_indicator = self.questions.filtered(lambda q: q.auto_kind == "indicator")
        self.assertGreaterEqual(len(by_indicator), 30)
        for question in by_indicator:
            indicator = question.auto_indicator_id
            threshold = question.auto_threshold
            with self.subTest(code=question.code, indicator=indicator.code):
                self.assertTrue(indicator)
                self.assertTrue(question.auto_condition)
                if question.auto_condition in ("has_value", "improving"):
                    self.assertEqual(threshold, 0)
                if indicator.value_type == "percentage":
                    self.assertLessEqual(threshold, 100)
                if indicator.value_type == "boolean":
                    self.assertIn(threshold, (0, 1))
                if indicator.direction == "neutral":
                    # "better than before" means nothing for a context figure
                    self.assertNotEqual(question.auto_condition, "improving")
        minimum_wage = self._question("SOC-1-02")
        self.assertEqual(minimum_wage.auto_indicator_id.code, "SOC-13")
        self.assertEqual(
            (minimum_wage.auto_condition, minimum_wage.auto_threshold), ("at_least", 1)
        )
        with self.assertRaises(ValidationError):
            minimum_wage.auto_indicator_id = False

    def test_target_and_action_pre_answers_need_a_count_and_no_indicator(self):
        counted = self.questions.filtered(
            lambda q: q.auto_kind in ("targets", "actions")
        )
        # Stage 3 "measurable targets" and "actions with owners" in every pillar.
        self.assertEqual(len(counted), 8)
        for question in counted:
            with self.subTest(code=question.code):
                self.assertEqual(question.stage, "3")
                self.assertGreaterEqual(question.auto_threshold, 1)
                self.assertFalse(question.auto_indicator_id)
        manual = self.questions.filtered(lambda q: q.auto_kind == "none")
        self.assertFalse(manual.auto_indicator_id)

    def test_codes_are_unique_and_tell_pillar_and_stage(self):
        codes = self.questions.mapped("code")
        self.assertEqual(len(codes), len(set(codes)))
        data = self.env["ir.model.data"].search(
            [("module", "=", "csr_management"), ("model", "=", "csr.question")]
        )
        xmlids = {row.res_id: row.name for row in data}
        for question in self.questions:
            with self.subTest(code=question.code):
                match = CODE.match(question.code)
                self.assertTrue(match)
                prefix, stage, _number = match.groups()
                self.assertEqual(question.stage, stage)
                if question.sector_only:
                    self.assertIn(prefix, SECTOR_PREFIXES.values())
                else:
                    self.assertEqual(PILLAR_PREFIXES[prefix], question.pillar)
                expected = "question_" + question.code.lower().replace("-", "_")
                self.assertEqual(xmlids[question.id], expected)

    def test_every_sector_has_a_shared_template_with_its_own_questions(self):
        Template = self.env["csr.assessment.template"]
        removing = 0
        for sector_key, prefix in SECTOR_PREFIXES.items():
            sector = self.env.ref(f"csr_management.sector_{sector_key}")
            with self.subTest(sector=sector_key):
                template = Template.search(
                    [
                        ("sector_id", "=", sector.id),
                        ("company_id", "=", False),
                        ("bank_id", "=", self.bank.id),
                    ]
                )
                self.assertEqual(len(template), 1)
                self.assertTrue(template.note)
                added = template.added_question_ids
                self.assertEqual(len(added), 3)
                self.assertEqual({code[:3] for code in added.mapped("code")}, {prefix})
                self.assertEqual(
                    self.sector_only.filtered(lambda q, p=prefix: q.code[:3] == p),
                    added,
                )
                self.assertFalse(template.removed_question_ids.filtered("sector_only"))
                removing += bool(template.removed_question_ids)
        self.assertGreaterEqual(removing, 3)

    def test_services_template_asks_general_minus_removed_plus_added(self):
        template = self.env.ref("csr_management.assessment_template_services")
        self.assertEqual(
            sorted(template.removed_question_ids.mapped("code")),
            ["ENV-3-07", "ENV-4-07"],
        )
        asked = template._questions()
        self.assertEqual(len(asked), 112)  # 111 - 2 + 3
        self.assertEqual(
            asked,
            (self.general - template.removed_question_ids)
            | template.added_question_ids,
        )
        self.assertNotIn(self._question("ENV-3-07"), asked)
        self.assertIn(self._question("ENV-2-03"), asked)  # refrigerants stay
        self.assertEqual(
            sorted(asked.filtered("sector_only").mapped("code")),
            ["SRV-2-01", "SRV-2-02", "SRV-3-01"],
        )

    def test_commerce_template_drops_only_the_production_question(self):
        template = self.env.ref("csr_management.assessment_template_commerce")
        asked = template._questions()
        self.assertEqual(len(asked), 113)  # 111 - 1 + 3
        self.assertEqual(self.general - asked, self._question("ENV-4-07"))
        self.assertIn(self._question("ENV-3-07"), asked)  # delivery fleets stay
