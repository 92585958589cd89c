# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The history chart of an indicator, on the dataset of ``test_scorecard``:
TST-WATER's months are January 2024 (130), December 2024 (130) and January
2025 (110), judged against the month targets 100 / amber 120 of December
and January (January 2024 has no target). The chart of the January value
shows these three months, oldest first, two of them with a target; the
indicator form shows the company's months up to today, the same three."""

from datetime import date

from ..services.indicator_history import history_points
from .test_scorecard import ScorecardCase


class TestIndicatorHistory(ScorecardCase):
    def test_points_of_the_months_with_their_targets(self):
        self._compute(self.year_before, self.december, self.january)
        points = history_points(
            self.env, self.water, self.company, "month", date(2025, 1, 31)
        )
        self.assertEqual(
            [(p.period, p.value, p.target, p.amber) for p in points],
            [
                ("2024-01", 130.0, None, None),
                ("2024-12", 130.0, 100.0, 120.0),
                ("2025-01", 110.0, 100.0, 120.0),
            ],
        )
        # A month before January 2025 stops there.
        earlier = history_points(
            self.env, self.water, self.company, "month", date(2024, 12, 31)
        )
        self.assertEqual([p.period for p in earlier], ["2024-01", "2024-12"])

    def test_value_and_indicator_forms_show_the_chart(self):
        self._compute(self.year_before, self.december, self.january)
        value = self.values[self.january, self.water]
        svg = str(value.history_svg)
        self.assertTrue(svg.startswith("<svg"))
        self.assertEqual(svg.count('class="value-dot"'), 3)
        self.assertEqual(svg.count('class="target"'), 1)
        self.assertIn("2025-01", svg)
        indicator_svg = str(self.water.with_company(self.company).history_svg)
        self.assertEqual(indicator_svg.count('class="value-dot"'), 3)
