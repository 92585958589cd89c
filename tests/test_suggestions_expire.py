# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Suggestions stay relevant: water (lower is better) has monthly targets of
100 m³, amber up to 110 m³. January at 130 m³ is red and proposes "Fix the
leaks"; February at 95 m³ is green, so the open suggestion is no longer
needed; recomputing January afterwards proposes nothing again, since
February is the latest month."""

from datetime import date

from odoo.tests import tagged

from .common import CsrCase


@tagged("csr_maturity")
class TestSuggestionsExpire(CsrCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.advice = cls.env["csr.recommendation"].create(
            {
                "name": "Fix the leaks",
                "indicator_id": cls.water.id,
                "action_type": "corrective",
            }
        )
        cls.february = cls._make_period("month", date(2025, 2, 1), date(2025, 2, 28))
        for period in (cls.january, cls.february):
            cls.env["csr.target"].create(
                {
                    "indicator_id": cls.water.id,
                    "period_id": period.id,
                    "target_value": 100.0,
                    "amber_limit": 110.0,
                }
            )

    def _suggestions(self):
        return self.env["csr.action.suggestion"].search(
            [
                ("company_id", "=", self.company.id),
                ("recommendation_id", "=", self.advice.id),
            ]
        )

    def test_a_suggestion_expires_when_its_indicator_leaves_red(self):
        Scorecard = self.env["csr.scorecard"]
        self._make_value(self.water, self.january, 130.0)
        Scorecard._refresh_for(self.january)
        suggestion = self._suggestions()
        self.assertEqual(suggestion.state, "open")
        self._make_value(self.water, self.february, 95.0)
        Scorecard._refresh_for(self.february)
        self.assertEqual(suggestion.state, "expired")
        self.assertIn("2025-02", suggestion.decline_reason)
        Scorecard._refresh_for(self.january)
        self.assertEqual(self._suggestions(), suggestion, "proposed again")

    def test_a_suggestion_stays_while_its_indicator_is_red(self):
        Scorecard = self.env["csr.scorecard"]
        self._make_value(self.water, self.january, 130.0)
        self._make_value(self.water, self.february, 125.0)
        Scorecard._refresh_for(self.january | self.february)
        suggestion = self._suggestions()
        self.assertEqual(len(suggestion), 1)
        self.assertEqual(
            (suggestion.state, suggestion.period_id), ("open", self.february)
        )
