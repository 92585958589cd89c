# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The materiality assessment of 2025, built by hand (threshold 3).

Ratings of the company's dialogues:
  Neighbours workshop, held 10 March 2025: water 5 (community),
      water 4 (employees), climate 2 (community)
  Staff survey, held 20 September 2025: water 3 (community),
      climate 4 (employees)
  Left out: a planned (not held) 2025 dialogue rating water 1, a held 2024
      dialogue rating water 1, and company B's held 2025 dialogue rating
      water 1.
Stakeholder importance: water (5 + 4 + 3) / 3 = 4.0 from 3 ratings; climate
(2 + 4) / 2 = 3.0 from 2; community involvement nothing (0, 0 ratings).

Scores (impact, financial) and materiality at threshold 3:
  water      (4, 2)    impact 4 >= 3            -> material, impact only
  climate    (2.5, 3)  financial 3 >= 3         -> material, financial only
  community  (2, 2.9)  both below 3             -> not material
At threshold 3.5 only water stays material (4 >= 3.5; climate 2.5 and 3 < 3.5).
"""

import math
import re
from datetime import datetime
from html import escape

from odoo import Command
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import tagged

from .common import USER_GROUPS, MaterialityCase


@tagged("csr_materiality")
class TestMateriality(MaterialityCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        community, staff = cls.community, cls.employees_group
        water, climate = cls.water_topic, cls.climate
        cls._rated_dialogue(
            datetime(2025, 3, 10, 15, 0),
            [(water, community, 5), (water, staff, 4), (climate, community, 2)],
        )
        cls._rated_dialogue(
            datetime(2025, 9, 20, 9, 0), [(water, community, 3), (climate, staff, 4)]
        )
        cls._rated_dialogue(
            datetime(2025, 11, 5, 9, 0), [(water, community, 1)], state="planned"
        )
        cls._rated_dialogue(datetime(2024, 6, 1, 9, 0), [(water, community, 1)])
        cls._rated_dialogue(
            datetime(2025, 5, 1, 9, 0), [(water, community, 1)], company=cls.company_b
        )
        cls.assessment = cls._assessment(
            scores=[
                (water, 4.0, 2.0),
                (climate, 2.5, 3.0),
                (cls.community_topic, 2.0, 2.9),
            ]
        )

    def _lines(self, assessment=None):
        lines = (assessment or self.assessment).line_ids
        return {line.topic_id: line for line in lines}

    def test_stakeholder_score_is_the_mean_of_held_dialogues(self):
        lines = self._lines()
        water, climate = lines[self.water_topic], lines[self.climate]
        community = lines[self.community_topic]
        self.assertEqual(
            (water.stakeholder_score, water.stakeholder_rating_count), (4.0, 3)
        )
        self.assertEqual(
            (climate.stakeholder_score, climate.stakeholder_rating_count), (3.0, 2)
        )
        self.assertEqual(
            (community.stakeholder_score, community.stakeholder_rating_count),
            (0.0, 0),
        )

    def test_stakeholder_scores_in_one_query(self):
        self.env.invalidate_all()
        lines = self.assessment.line_ids
        lines.mapped("topic_id")
        with self.assertQueryCount(1):
            lines.mapped("stakeholder_score")

    def test_double_materiality(self):
        lines = self._lines()
        self.assertEqual(
            {
                topic.code: (line.is_material, line.quadrant)
                for topic, line in lines.items()
            },
            {
                self.water_topic.code: (True, "impact"),
                self.climate.code: (True, "financial"),
                self.community_topic.code: (False, "none"),
            },
        )
        self.assertEqual(self.assessment.material_count, 2)
        self.assessment.threshold = 3.5
        self.assertEqual(
            self.assessment.line_ids.filtered("is_material").topic_id, self.water_topic
        )

    def test_matrix(self):
        svg = str(self.assessment.matrix_svg)
        self.assertTrue(svg.startswith("<svg"))
        self.assertEqual(svg.count('class="topic material"'), 2)
        self.assertEqual(svg.count('class="topic"'), 1)
        # The legend names each topic in full, material topics first.
        self.assertIn(f">{self.water_topic.name}</text>", svg)
        # Water: x = financial 2, y = impact 4 on the 348-point plot from
        # (56, 16), 87 points per step: x = 56 + 87, y = 16 + 87.
        self.assertIn('cx="143.0" cy="103.0"', svg)

    def test_matrix_stays_readable_with_every_topic(self):
        """18 topics, five of them on the same position (2, 2): 18 numbered
        dots, none on top of another, and 18 legend lines with the names."""
        topics = self.env["csr.material.topic"].search([], limit=18)
        self.assertEqual(len(topics), 18)
        assessment = self._assessment(year=2027)
        scores = [(2, 2)] * 5 + [(1 + i % 5, 1 + (i * 2) % 5) for i in range(13)]
        assessment.line_ids = [
            Command.create(
                {"topic_id": topic.id, "impact_score": i, "financial_score": f}
            )
            for topic, (i, f) in zip(topics, scores, strict=True)
        ]
        svg = str(assessment.matrix_svg)
        self.assertEqual(svg.count('class="legend"'), 18)
        centres = re.findall(r'<circle cx="([\d.]+)" cy="([\d.]+)" r="9"', svg)
        self.assertEqual(len(centres), 18)
        self.assertEqual(len(set(centres)), 18)
        # No dot touches another: centres at least two radii (18) apart.
        dots = [(float(x), float(y)) for x, y in centres]
        closest = min(
            math.dist(a, b) for i, a in enumerate(dots) for b in dots[i + 1 :]
        )
        self.assertGreaterEqual(closest, 18)
        for topic in topics:
            self.assertIn(escape(topic.name[:20]), svg)

    def test_fill_adds_every_active_topic_once_unrated(self):
        self.env.ref("csr_management.material_topic_env_biodiv").active = False
        assessment = self._assessment(year=2026)
        assessment.with_user(self.user).action_fill_topics()
        self.assertEqual(len(assessment.line_ids), 17)
        self.assertEqual(set(assessment.line_ids.mapped("impact_score")), {0.0})
        self.assertFalse(assessment.line_ids.filtered("is_material"))
        assessment.action_fill_topics()
        self.assertEqual(len(assessment.line_ids), 17)
        with self.assertRefused(UserError, "Rate the impact and financial"):
            assessment.action_done()

    def test_done_freezes_the_assessment(self):
        self.assessment.with_user(self.user).action_done()
        line = self._lines()[self.water_topic]
        with self.assertRefused(UserError, "is done"):
            line.impact_score = 1.0
        with self.assertRefused(UserError, "is done"):
            self.assessment.threshold = 4.0
        with self.assertRefused(UserError, "is done"):
            self.assessment.unlink()
        self.assessment.action_draft()
        line.impact_score = 1.0
        self.assertEqual(line.quadrant, "none")

    def test_bad_input_is_refused(self):
        line = self.assessment.line_ids[0]
        for wrong in (6.0, 0.5, -1.0):
            with self.subTest(score=wrong):
                with self.assertRefused(ValidationError, "must be between 1 and 5"):
                    line.financial_score = wrong
        with self.assertRefused(ValidationError, "threshold is a score between 1"):
            self.assessment.threshold = 0.0
        with self.assertRefusedByDatabase("one materiality assessment per year"):
            self._assessment()
        with self.assertRefusedByDatabase("once in a materiality assessment"):
            self.assessment.line_ids = [Command.create({"topic_id": self.climate.id})]

    def test_access(self):
        with self.assertRaises(AccessError):
            self.assessment.with_user(self.auditor).write({"threshold": 4.0})
        self.assertEqual(
            self.env["csr.materiality.line"]
            .with_user(self.auditor)
            .search_count([("is_material", "=", True)]),
            2,
        )

    def test_other_company_sees_nothing(self):
        user_b = self._make_user("csr_test_materiality_b", USER_GROUPS, self.company_b)
        env_b = self.env(
            user=user_b, context={"allowed_company_ids": [self.company_b.id]}
        )
        for model in ("csr.materiality.assessment", "csr.materiality.line"):
            with self.subTest(model=model):
                self.assertFalse(env_b[model].search([]))
        with self.assertRaises(AccessError):
            env_b["csr.materiality.assessment"].browse(self.assessment.id).read(
                ["year"]
            )
        # Company B's own assessment of 2025 is its own, not a duplicate.
        own = self._assessment(company=self.company_b)
        self.assertEqual(own.with_user(user_b).company_id, self.company_b)
