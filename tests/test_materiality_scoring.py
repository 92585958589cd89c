# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Material topics weigh more in the scorecard and are expected.

The January 2025 scorecard of ``test_scorecard`` (see its docstring), for a
micro company: TRAINING (social, valued, score 65) and BOARD (governance, no
value) are set to apply from small companies, so they are left out.

Without a materiality assessment:
  Environmental  (75 x 2 + 100 + 100) / 4 = 87.5, completeness 3/4 = 75 %
  Social         ACCIDENTS 25, WAGE 100 (HEADCOUNT not judged):
                 (25 + 100) / 2 = 62.5, completeness 3/3
  Economic       LOCAL 0 -> 0
  Governance     CODE (yes, valued) and CHANNEL (no value): 1/2 = 50 %,
                 sufficient, score 100
  Index          (87.5 + 62.5 + 0 + 100) / 4 = 62.5

The 2025 assessment, done, threshold 3, material topic weight 2:
  RESOURCES (impact 4, financial 2)  material: WATER, WASTE
  SKILLS    (impact 1, financial 4)  material: TRAINING
  BOARDS    (impact 3, financial 3)  material: BOARD
  LOCALITY  (impact 2, financial 2)  not material: LOCAL
gives
  Environmental  WATER weighs 2 x 2 = 4: (75 x 4 + 100 + 100) / 6 = 83.33,
                 completeness still 3/4 (WASTE, weight 2, has no value)
  Social         TRAINING expected although the company is micro, weight 2:
                 (25 + 100 + 65 x 2) / 4 = 63.75, completeness 4/4
  Economic       LOCAL weight 1 -> 0
  Governance     BOARD expected: 1 of 3 valued = 33.33 % < 50 % -> no score
  Index          (83.33 + 63.75 + 0) / 3 = 49.03
With a material topic weight of 3, WATER weighs 6:
  (75 x 6 + 100 + 100) / 8 = 81.25.
"""

from datetime import date

from odoo import Command
from odoo.exceptions import ValidationError
from odoo.tests import tagged

from .common import ScorecardCase


@tagged("csr_scorecard")
class TestMaterialityScoring(ScorecardCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company.csr_company_size = "micro"
        cls.board = cls.env["csr.indicator"].search([("code", "=", "TST-BOARD")])
        (cls.training | cls.board).min_company_size = "small"
        cls.topics = {
            "resources": cls._topic(
                "RESOURCES", "environmental", cls.water | cls.waste
            ),
            "skills": cls._topic("SKILLS", "social", cls.training),
            "boards": cls._topic("BOARDS", "governance", cls.board),
            "locality": cls._topic("LOCALITY", "economic", cls.local),
        }

    @classmethod
    def _topic(cls, code, pillar, indicators):
        return cls.env["csr.material.topic"].create(
            {
                "code": f"TST-{code}",
                "name": code.title(),
                "pillar": pillar,
                "indicator_ids": [Command.set(indicators.ids)],
            }
        )

    def _assessment(self, year=2025, done=True, company=None, scores=None):
        scores = scores or {
            "resources": (4, 2),
            "skills": (1, 4),
            "boards": (3, 3),
            "locality": (2, 2),
        }
        assessment = self.env["csr.materiality.assessment"].create(
            {
                "year": year,
                "company_id": (company or self.company).id,
                "line_ids": [
                    Command.create(
                        {
                            "topic_id": self.topics[key].id,
                            "impact_score": impact,
                            "financial_score": financial,
                        }
                    )
                    for key, (impact, financial) in scores.items()
                ],
            }
        )
        if done:
            assessment.action_done()
        return assessment

    def _scores(self):
        card = self._compute(self.january)
        pillars = self._pillars(card)
        return card, {
            name: (pillar.has_score and pillar.score, pillar.completeness)
            for name, pillar in pillars.items()
        }

    def test_without_assessment(self):
        card, scores = self._scores()
        self.assertEqual(
            scores,
            {
                "environmental": (87.5, 75.0),
                "social": (62.5, 100.0),
                "economic": (0.0, 100.0),
                "governance": (100.0, 50.0),
            },
        )
        self.assertEqual(card.overall_index, 62.5)
        self.assertNotIn("TST-TRAINING", self._lines(card))

    def test_material_topics_weigh_more_and_are_expected(self):
        self._assessment()
        card, scores = self._scores()
        self.assertEqual(
            scores,
            {
                "environmental": (83.33, 75.0),
                "social": (63.75, 100.0),
                "economic": (0.0, 100.0),
                "governance": (False, 33.33),
            },
        )
        self.assertEqual(card.overall_index, 49.03)
        lines = self._lines(card)
        self.assertEqual(
            {
                code: lines[code].weight
                for code in (
                    "TST-WATER",
                    "TST-WASTE",
                    "TST-SHARE",
                    "TST-TRAINING",
                    "TST-BOARD",
                    "TST-LOCAL",
                )
            },
            {
                "TST-WATER": 4.0,
                "TST-WASTE": 2.0,
                "TST-SHARE": 1.0,
                "TST-TRAINING": 2.0,
                "TST-BOARD": 2.0,
                "TST-LOCAL": 1.0,
            },
        )
        self.assertEqual(self._pillars(card)["governance"].applicable_count, 3)

    def test_material_topic_weight_setting(self):
        self._assessment()
        self.company.csr_material_weight = 3.0
        _card, scores = self._scores()
        self.assertEqual(scores["environmental"], (81.25, 75.0))
        with self.assertRefused(ValidationError, "1 or more"):
            self.company.csr_material_weight = 0.5

    def test_only_the_latest_done_assessment_up_to_the_year_counts(self):
        # A draft, a later year and another company's assessment change nothing.
        self._assessment(done=False)
        self._assessment(year=2026)
        company_b = self.env["res.company"].create({"name": "Muebles del Bajío SA"})
        self._assessment(company=company_b)
        card, _scores = self._scores()
        self.assertEqual(card.overall_index, 62.5)
        # A done 2024 assessment counts for 2025 while 2025 has none done.
        self._assessment(year=2024, scores={"skills": (1, 4)})
        weights = (self.water | self.training)._score_weights(
            self.company, date(2025, 1, 1)
        )
        self.assertEqual(weights, {self.water.id: 2.0, self.training.id: 2.0})
        # Once 2025 is done it replaces 2024, where RESOURCES was not material.
        self.env["csr.materiality.assessment"].search(
            [("company_id", "=", self.company.id), ("year", "=", 2025)]
        ).action_done()
        weights = (self.water | self.training)._score_weights(
            self.company, date(2025, 1, 1)
        )
        self.assertEqual(weights, {self.water.id: 4.0, self.training.id: 2.0})
