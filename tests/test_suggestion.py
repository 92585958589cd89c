# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Suggestions: unmet questions of the next stage and red indicators propose
recommendations once per company; accepting makes the draft action.

Social questions: one at stage 1, two at stage 2, one at stage 3, each with
its own recommendation. Answering stage 1 yes and stage 2 one yes, one no
gives stage 1 (50 % of stage 2), so the next stage is 2: only soc-2-2's
recommendation is proposed, not soc-3-1's (two stages up).

Water (lower is better) has a 2025 target of 100 m³, amber up to 110 m³; a
value of 130 m³ is red, and its recommendation is proposed with that value
as baseline and the target as target.
"""

from datetime import date

from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from .common import AssessmentCase


@tagged("csr_maturity")
class TestSuggestions(AssessmentCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        questions = cls._questions("social", {1: 1, 2: 2, 3: 1})
        cls.recommendations = cls.env["csr.recommendation"].create(
            [
                {
                    "name": f"Fix {question.code}",
                    "description": "Step one.\nStep two.",
                    "question_id": question.id,
                    "action_type": "improvement",
                    "track_indicator_id": cls.water.id,
                }
                for question in questions
            ]
        )
        cls.by_code = {r.question_id.code: r for r in cls.recommendations}
        cls.water_advice = cls.env["csr.recommendation"].create(
            {
                "name": "Fix the leaks",
                "indicator_id": cls.water.id,
                "action_type": "corrective",
            }
        )

    def _suggestions(self):
        return self.env["csr.action.suggestion"].search(
            [("company_id", "=", self.company.id)]
        )

    def _closed_assessment(self, **extra):
        assessment = self._assess(**extra)
        self._answer(
            assessment,
            {"soc-1-1": "yes", "soc-2-1": "yes", "soc-2-2": "no", "soc-3-1": "no"},
        )
        assessment.action_close()
        return assessment

    def test_next_stage_unmet_questions_are_proposed_once(self):
        self._make_value(self.water, self.year, 130.0)
        assessment = self._closed_assessment()
        suggestion = self._suggestions()
        self.assertEqual(suggestion.recommendation_id, self.by_code["soc-2-2"])
        self.assertEqual(
            (suggestion.origin, suggestion.answer_id.code, suggestion.pillar),
            ("question", "soc-2-2", "social"),
        )
        self.assertEqual(
            (suggestion.has_baseline, suggestion.baseline_value), (True, 130.0)
        )
        self.assertEqual(assessment.suggestion_count, 1)

        opened = assessment.action_suggest()
        self.assertEqual(self._suggestions(), suggestion)
        Suggestion = self.env["csr.action.suggestion"]
        self.assertEqual(Suggestion.search(opened["domain"]), suggestion)

        suggestion.action_decline()
        later = self._closed_assessment(date=date(2026, 9, 1))
        self.assertEqual(self._suggestions(), suggestion)
        self.assertEqual(suggestion.state, "declined")
        self.assertEqual(later.suggestion_count, 0)

    def test_open_suggestion_follows_the_latest_assessment(self):
        first = self._closed_assessment()
        suggestion = self._suggestions()
        self.assertEqual(suggestion.assessment_id, first)
        later = self._closed_assessment(date=date(2026, 9, 1))
        self.assertEqual(self._suggestions(), suggestion)
        self.assertEqual(suggestion.assessment_id, later)
        self.assertEqual((first.suggestion_count, later.suggestion_count), (0, 1))

    def test_cancelled_action_lets_the_need_be_proposed_again(self):
        self._closed_assessment()
        first = self._suggestions()
        first.action_accept()
        self._closed_assessment(date=date(2026, 9, 1))
        self.assertEqual(self._suggestions(), first)

        first.action_id.action_cancel()
        later = self._closed_assessment(date=date(2026, 10, 1))
        again = self._suggestions() - first
        self.assertEqual(again.recommendation_id, self.by_code["soc-2-2"])
        self.assertEqual((again.state, again.assessment_id), ("open", later))

    def test_decisions_only_through_the_buttons(self):
        self._closed_assessment()
        suggestion = self._suggestions().with_user(self.user)
        with self.assertRefused(UserError, "only the reason for declining"):
            suggestion.write({"state": "accepted"})
        suggestion.write({"decline_reason": "Done last year already."})
        suggestion.action_decline()
        self.assertEqual(suggestion.state, "declined")
        suggestion.action_reconsider()
        self.assertEqual(suggestion.state, "open")

    def test_companies_do_not_see_each_other(self):
        other = self.env["res.company"].create({"name": "Muebles del Norte SA"})
        theirs = self.env["csr.action.suggestion"].create(
            {
                "recommendation_id": self.water_advice.id,
                "company_id": other.id,
                "origin": "indicator",
                "pillar": "environmental",
            }
        )
        self._closed_assessment()
        visible = self.env["csr.action.suggestion"].with_user(self.user).search([])
        self.assertEqual(visible.recommendation_id, self.by_code["soc-2-2"])
        self.assertNotIn(theirs, visible)

    def test_accepting_creates_the_draft_action(self):
        self._make_value(self.water, self.year, 130.0)
        self._closed_assessment()
        suggestion = self._suggestions().with_user(self.user)
        result = suggestion.action_accept()

        action = suggestion.action_id
        self.assertEqual(result["res_id"], action.id)
        self.assertEqual(
            (action.name, action.state, action.origin, action.pillar),
            ("Fix soc-2-2", "draft", "question", "social"),
        )
        self.assertEqual(action.question_id.code, "soc-2-2")
        self.assertEqual(action.origin_ref, suggestion.answer_id)
        self.assertEqual(
            (action.indicator_id, action.baseline_period_id), (self.water, self.year)
        )
        self.assertEqual(action.baseline_value, 130.0)
        self.assertIn("<p>Step one.<br>Step two.</p>", action.description)
        self.assertEqual(action.company_id, self.company)
        self.assertEqual(
            (suggestion.state, suggestion.decided_by_id), ("accepted", self.user)
        )
        with self.assertRefused(UserError, "already decided"):
            suggestion.action_decline()

    def test_red_indicator_is_proposed_with_baseline_and_target(self):
        self.env["csr.target"].create(
            {
                "indicator_id": self.water.id,
                "year": 2025,
                "target_value": 100.0,
                "amber_limit": 110.0,
            }
        )
        self._make_value(self.water, self.year, 130.0)
        self.env["csr.scorecard"]._refresh_for(self.year)
        card = self.year.scorecard_ids
        self.assertEqual(
            card.line_ids.filtered(lambda line: line.indicator_id == self.water).light,
            "red",
        )
        suggestion = self._suggestions()
        self.assertEqual(suggestion.recommendation_id, self.water_advice)
        self.assertEqual(
            (suggestion.origin, suggestion.scorecard_id, suggestion.period_id),
            ("indicator", card, self.year),
        )
        self.assertEqual(
            (suggestion.baseline_value, suggestion.target_value), (130.0, 100.0)
        )

        self.env["csr.scorecard"]._refresh_for(self.year)
        self.assertEqual(self._suggestions(), suggestion)

        suggestion.action_accept()
        action = suggestion.action_id
        self.assertEqual(
            (action.origin, action.action_type, action.origin_ref),
            ("indicator", "corrective", card),
        )
        self.assertEqual((action.baseline_value, action.target_value), (130.0, 100.0))

    def test_green_indicator_proposes_nothing(self):
        self.env["csr.target"].create(
            {
                "indicator_id": self.water.id,
                "year": 2025,
                "target_value": 100.0,
                "amber_limit": 110.0,
            }
        )
        self._make_value(self.water, self.year, 95.0)
        self.env["csr.scorecard"]._refresh_for(self.year)
        self.assertFalse(self._suggestions())

    def test_auditor_cannot_decide(self):
        self._closed_assessment()
        suggestion = self._suggestions().with_user(self.auditor)
        self.assertEqual(suggestion.state, "open")
        for decide in (suggestion.action_accept, suggestion.action_decline):
            with self.assertRefused(AccessError, "Only CSR users decide"):
                decide()
        self.assertEqual(suggestion.state, "open")
        self.assertFalse(self.env["csr.action"].search([]))
