# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""A CSR user turns a suggestion into an improvement action and plans it on
the kanban, in a browser (static/tests/tours/csr_suggestion_to_action_tour.js).

January 2025's water withdrawal (lower is better) is 130 m³ against a target
of 100 m³, amber up to 110 m³: red. Scoring the month proposes the water
recommendation "Fix the water leaks" with 130 as baseline and 100 as target.
The user opens CSR > Improvement > Suggestions, accepts it, gives the draft
action a deadline (31 December 2025), then drags its card on the All Actions
kanban from Draft to Planned: planning needs a person in charge (the user, by
default) and a deadline, and a target better than the baseline (100 < 130)."""

from datetime import date

from odoo.tests import HttpCase, tagged

from .common import CsrCase

TITLE = "Fix the water leaks"


@tagged("post_install", "-at_install", "csr_maturity")
class TestSuggestionToActionTour(HttpCase, CsrCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        Indicator = cls.env["csr.indicator"]
        Indicator.search([("code", "not like", "TST-%")]).active = False
        cls.advice = cls.env["csr.recommendation"].create(
            {
                "name": TITLE,
                "description": "Walk the pipes at night.\nRepair every drip.",
                "indicator_id": cls.water.id,
                "action_type": "corrective",
            }
        )
        cls.env["csr.target"].create(
            {
                "indicator_id": cls.water.id,
                "company_id": cls.company.id,
                "period_id": cls.january.id,
                "target_value": 100.0,
                "amber_limit": 110.0,
            }
        )
        cls.env["csr.indicator.value"].create(
            {"indicator_id": cls.water.id, "period_id": cls.january.id, "value": 130.0}
        )
        cls.env["csr.scorecard"]._refresh_for(cls.january)
        cls.card = cls.january.scorecard_ids
        cls.suggestion = cls.env["csr.action.suggestion"].search(
            [("company_id", "=", cls.company.id)]
        )

    def test_user_accepts_a_suggestion_and_plans_the_action_on_the_kanban(self):
        self.assertEqual(
            (self.suggestion.recommendation_id, self.suggestion.state),
            (self.advice, "open"),
        )
        self.assertFalse(self.env["csr.action"].search([("name", "=", TITLE)]))
        self.start_tour(
            "/odoo",
            "csr_suggestion_to_action_tour",
            login=self.user.login,
            # The first page load builds the asset bundles: slow on a busy
            # 2-core machine, so more than the default minute.
            timeout=180,
        )
        self.env.invalidate_all()
        suggestion = self.suggestion
        self.assertEqual(
            (suggestion.state, suggestion.decided_by_id), ("accepted", self.user)
        )
        action = suggestion.action_id
        self.assertEqual(self.env["csr.action"].search([]), action)
        self.assertEqual(
            (action.name, action.action_type, action.origin, action.origin_ref),
            (TITLE, "corrective", "indicator", self.card),
        )
        self.assertEqual(
            (action.indicator_id, action.baseline_period_id, action.pillar),
            (self.water, self.january, "environmental"),
        )
        self.assertEqual((action.baseline_value, action.target_value), (130.0, 100.0))
        self.assertEqual(
            (action.responsible_id, action.deadline), (self.user, date(2025, 12, 31))
        )
        self.assertEqual(action.state, "planned")
