# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The scorecard of January 2025, built by hand (the shipped catalogue is
archived, so only these 13 test indicators apply; minimum completeness 50 %).
Without a target a value is judged against the same month a year earlier:
January 2024 holds the same figures as December 2024 below ("December" in the
trends reads "January 2024"); December 2024 is the previous scorecard, whose
index the change of the index is measured from.

Environmental (4 applicable, 3 with a value: completeness 75 %)
  WATER   lower, weight 2, January target 100 / amber 120, value 110 (validated)
          -> 50 + 50 x (120 - 110) / 20 = 75 amber; December 130, so the
          improvement shown is (130 - 110) / 130 = 15.38 %
  SHARE   higher, 2025 target 30 / amber 20 (a share: the year target judges
          a month), value 40 (estimated) -> 100 green
  ENERGY  lower, summed: the 2025 target does not judge a month -> trend,
          December 50, January 45: 10 % better -> 100 green
  WASTE   no value -> not scored
  pillar = (75 x 2 + 100 + 100) / 4 = 87.5 green (equal weights: 91.67);
  validated 1/3 = 33.33 %, estimated 1/3 = 33.33 %
Social (4 applicable, all with a value: 100 %)
  ACCIDENTS  lower, January target 0 / amber 2, value 3: one half band
             beyond the amber limit -> 50 x (1 - 1/2) = 25 red
  WAGE       yes/no, yes -> 100 green
  HEADCOUNT  context figure -> not scored
  TRAINING   higher, no target, December 10, January 9.8: -2 % (stable)
             -> 50 + 50 x (5 - 2) / 10 = 65 amber
  pillar = (25 + 100 + 65) / 3 = 63.33 amber
Economic (2 applicable, 2 with a value: 100 %)
  LOCAL   higher, no target, December 40, January 30: -25 % -> 0 red
  MARGIN  higher, no target, no December value -> not scored
  pillar = 0 red
Governance (3 applicable, 1 with a value: 33.33 % < 50 %) -> insufficient
Index = (0 + 87.5 + 63.33) / 3 = 50.28 amber.

December 2024: WATER 130 against its December target 100 / 120 -> 25 red
(environmental 2 of 4 with a value: 50 %, sufficient, score 25); WAGE no -> 0
(social 4 of 4, the only scored one: 0); economic 1 of 2 valued but nothing
scored (no previous value): no score. Index (25 + 0) / 2 = 12.5, so January
changes by 50.28 - 12.5 = +37.78 points.
"""

from datetime import date, timedelta

from freezegun import freeze_time
from lxml import etree

from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from .common import ScorecardCase, run_monthly_job


@tagged("csr_scorecard")
class TestScorecard(ScorecardCase):
    def test_indicator_lines(self):
        card = self._compute(self.december, self.january)
        lines = self._lines(card)
        self.assertEqual(len(lines), 13)
        expected = {
            "TST-WATER": ("target", 75.0, "amber"),
            "TST-SHARE": ("target", 100.0, "green"),
            "TST-ENERGY": ("trend", 100.0, "green"),
            "TST-ACCIDENTS": ("target", 25.0, "red"),
            "TST-WAGE": ("target", 100.0, "green"),
            "TST-TRAINING": ("trend", 65.0, "amber"),
            "TST-LOCAL": ("trend", 0.0, "red"),
            "TST-CODE": ("target", 100.0, "green"),
        }
        for code, judgement in expected.items():
            with self.subTest(code=code):
                line = lines[code]
                self.assertEqual((line.basis, line.score, line.light), judgement)
        not_scored = {
            "TST-WASTE": "no_value",
            "TST-HEADCOUNT": "neutral",
            "TST-MARGIN": "no_reference",
            "TST-BOARD": "no_value",
        }
        for code, reason in not_scored.items():
            with self.subTest(code=code):
                self.assertEqual(lines[code].basis, "none")
                self.assertEqual(lines[code].not_scored_reason, reason)
                self.assertFalse(lines[code].light)

    def test_what_each_line_was_judged_by(self):
        lines = self._lines(self._compute(self.december, self.january))
        water = lines["TST-WATER"]
        self.assertEqual(water.value_id, self.values[self.january, self.water])
        self.assertEqual(
            (water.value, water.target_value, water.amber_limit), (110, 100, 120)
        )
        self.assertEqual((water.previous_value, water.improvement), (130.0, 15.38))
        self.assertEqual((water.weight, water.value_state), (2.0, "validated"))
        share = lines["TST-SHARE"]
        self.assertEqual(share.target_id, self.share_target)
        self.assertEqual(share.data_quality, "estimated")
        self.assertFalse(share.has_previous)
        energy = lines["TST-ENERGY"]
        self.assertFalse(energy.has_target)  # the 2025 total does not judge a month
        self.assertEqual((energy.previous_value, energy.improvement), (50.0, 10.0))
        wage = lines["TST-WAGE"]
        self.assertEqual((wage.target_value, wage.improvement), (1.0, 100.0))
        self.assertFalse(lines["TST-WASTE"].has_value)

    def test_year_target_judges_the_year_period(self):
        self._make_target(self.water, 1000.0, 1500.0, year=2025)
        self.env["csr.indicator.value"].create(
            {"indicator_id": self.water.id, "period_id": self.year.id, "value": 1250.0}
        )
        card = self._compute(self.year)
        water = self._lines(card)["TST-WATER"]
        # (1500 - 1250) / 500 of the amber band: 50 + 25 = 75.
        self.assertEqual(
            (water.basis, water.score, water.light), ("target", 75.0, "amber")
        )

    def test_pillars(self):
        pillars = self._pillars(self._compute(self.december, self.january))
        environmental = pillars["environmental"]
        self.assertEqual(
            (environmental.score, environmental.light, environmental.completeness),
            (87.5, "green", 75.0),
        )
        self.assertEqual(
            (environmental.validated_share, environmental.estimated_share),
            (33.33, 33.33),
        )
        self.assertEqual(
            (
                environmental.applicable_count,
                environmental.valued_count,
                environmental.scored_count,
            ),
            (4, 3, 3),
        )
        social = pillars["social"]
        self.assertEqual(
            (social.score, social.light, social.completeness), (63.33, "amber", 100.0)
        )
        self.assertEqual(
            (pillars["economic"].score, pillars["economic"].light), (0.0, "red")
        )
        self.assertTrue(pillars["economic"].has_score)

    def test_weights_change_the_pillar_score(self):
        self.water.score_weight = 1.0
        environmental = self._pillars(self._compute(self.december, self.january))[
            "environmental"
        ]
        # (75 + 100 + 100) / 3
        self.assertEqual(environmental.score, 91.67)

    def test_insufficient_pillar_is_left_out_of_the_index(self):
        card = self._compute(self.december, self.january)
        governance = self._pillars(card)["governance"]
        self.assertFalse(governance.sufficient)
        self.assertFalse(governance.has_score)
        self.assertFalse(governance.light)
        self.assertEqual(governance.completeness, 33.33)
        self.assertTrue(card.has_index)
        self.assertEqual((card.overall_index, card.light), (50.28, "amber"))
        # Lowering the company's minimum lets governance in: its one scored
        # indicator (yes, 100) joins: (0 + 87.5 + 63.33 + 100) / 4 = 62.71.
        self.company.csr_score_min_completeness = 30.0
        self.january.with_user(self.manager).action_compute()
        self.assertTrue(self._pillars(card)["governance"].sufficient)
        self.assertEqual(card.overall_index, 62.71)

    def test_change_against_the_previous_period(self):
        december = self._compute(self.december)
        self.assertEqual((december.overall_index, december.light), (12.5, "red"))
        self.assertFalse(december.has_change)  # no November scorecard
        december_pillars = self._pillars(december)
        self.assertTrue(december_pillars["economic"].sufficient)
        self.assertFalse(december_pillars["economic"].has_score)
        january = self._compute(self.january)
        self.assertEqual(january.previous_scorecard_id, december)
        self.assertEqual(january.previous_index, 12.5)
        self.assertTrue(january.has_change)
        self.assertEqual(january.index_change, 37.78)

    def test_zero_held_is_green(self):
        # No energy used in December nor in January: the best there is.
        self.values[self.december, self.energy].value = 0.0
        self.values[self.january, self.energy].value = 0.0
        energy = self._lines(self._compute(self.january))["TST-ENERGY"]
        self.assertEqual(
            (energy.basis, energy.score, energy.light), ("trend", 100.0, "green")
        )

    def test_without_previous_value_a_trend_cannot_be_scored(self):
        self.assertEqual(
            self._lines(self._compute(self.january))["TST-ENERGY"].basis, "trend"
        )
        # The month just before does not count: only January 2024 does.
        self.values[self.year_before, self.energy].unlink()
        energy = self._lines(self._compute(self.january))["TST-ENERGY"]
        self.assertEqual(
            (energy.basis, energy.not_scored_reason), ("none", "no_reference")
        )

    def test_a_month_is_judged_against_the_same_month_a_year_earlier(self):
        """Training 9.8 in January 2025: against December 2024 (10) it would
        be -2 % amber; against January 2024, set to 9.0, it is +8.89 %: green
        100. The line shows the value a year earlier and the change."""
        self.values[self.year_before, self.training].value = 9.0
        training = self._lines(self._compute(self.january))["TST-TRAINING"]
        self.assertEqual((training.basis, training.light), ("trend", "green"))
        self.assertEqual(
            (training.previous_value, training.improvement, training.trend_kind),
            (9.0, 8.89, "relative"),
        )

    def test_an_estimate_is_not_judged_against_a_measurement(self):
        """Energy 45 estimated in January 2025 against 50 measured a year
        earlier: not scored, and not red or green, whatever the numbers."""
        self.values[self.january, self.energy].data_quality = "estimated"
        energy = self._lines(self._compute(self.january))["TST-ENERGY"]
        self.assertEqual(
            (energy.basis, energy.not_scored_reason, energy.light),
            ("none", "mixed_quality", False),
        )
        self.values[self.year_before, self.energy].data_quality = "estimated"
        energy = self._lines(self._compute(self.january))["TST-ENERGY"]
        self.assertEqual((energy.basis, energy.light), ("trend", "green"))


@tagged("csr_scorecard")
class TestScorecardRefresh(ScorecardCase):
    def test_compute_again_updates_the_same_scorecard(self):
        card = self._compute(self.december, self.january)
        line_ids = set(card.line_ids.ids)
        pillar_ids = set(card.pillar_ids.ids)
        training = self._lines(card)["TST-TRAINING"]
        self.values[self.january, self.training].value = 10.6  # +6 %: green
        self.january.with_user(self.manager).action_compute()
        self.assertEqual(self._scorecard(self.january), card)
        # Updated in place, not added to or replaced.
        self.assertEqual(set(card.line_ids.ids), line_ids)
        self.assertEqual(set(card.pillar_ids.ids), pillar_ids)
        self.assertEqual(len(line_ids), 13)
        self.assertEqual(len(pillar_ids), 4)
        self.assertEqual(self._lines(card)["TST-TRAINING"], training)
        self.assertEqual((training.value, training.score), (10.6, 100.0))
        # (25 + 100 + 100) / 3
        self.assertEqual(self._pillars(card)["social"].score, 75.0)

    def test_refresh_button(self):
        card = self._compute(self.january)
        self.share_target.write({"target_value": 50.0, "amber_limit": 30.0})
        card.with_user(self.manager).action_refresh()
        # 40 against 50 / 30: 50 + 50 x 10 / 20 = 75.
        self.assertEqual(self._lines(card)["TST-SHARE"].score, 75.0)

    def test_locked_period_keeps_its_scorecard(self):
        card = self._compute(self.december, self.january)
        stamp, index = card.computed_on, card.overall_index
        self.january.with_user(self.manager).action_lock()
        self.share_target.write({"target_value": 50.0, "amber_limit": 30.0})
        self.january.with_user(self.manager).action_compute()
        with self.assertRefused(UserError, "is locked"):
            card.with_user(self.manager).action_refresh()
        self.assertEqual((card.computed_on, card.overall_index), (stamp, index))
        self.assertEqual(self._lines(card)["TST-SHARE"].score, 100.0)
        # Unlocked, the same refresh does change it.
        self.january.with_user(self.manager).action_unlock()
        card.with_user(self.manager).action_refresh()
        self.assertEqual(self._lines(card)["TST-SHARE"].score, 75.0)

    def test_locked_period_without_scorecard_gets_its_first(self):
        self.january.with_user(self.manager).action_lock()
        action = self.january.with_user(self.manager).action_open_scorecard()
        card = self._scorecard(self.january)
        self.assertEqual(action["res_id"], card.id)
        self.assertEqual(len(card.line_ids), 13)
        with self.assertRefused(AccessError, "Only a CSR manager"):
            self.year.with_user(self.user).action_open_scorecard()
        self.assertFalse(self._scorecard(self.year))

    def test_monthly_job_scores_the_open_periods(self):
        run_monthly_job(self.env)
        december, january = (
            self._scorecard(self.december),
            self._scorecard(self.january),
        )
        self.assertTrue(december and january)
        # Oldest first, so January found December's fresh scorecard.
        self.assertEqual(january.previous_scorecard_id, december)
        self.assertEqual(january.index_change, 37.78)

    def _queries_to_refresh(self):
        self.env.flush_all()
        self.env.invalidate_all()
        before = self.env.cr.sql_log_count
        self.january.with_user(self.manager)._refresh_scorecards()
        self.env.flush_all()
        return self.env.cr.sql_log_count - before

    def _add_valued_indicators(self, count, start=0):
        for index in range(start, start + count):
            indicator = self._make_indicator(f"TST-MORE-{index}", "social", "lower")
            self.env["csr.indicator.value"].create(
                {
                    "indicator_id": indicator.id,
                    "period_id": self.january.id,
                    "value": 1.0,
                }
            )
            self._make_target(indicator, 1.0, 2.0, period_id=self.january.id)

    def test_refresh_queries_do_not_grow_with_the_catalogue(self):
        """A refresh that changes nothing, one that adds 2 lines and one that
        adds 6: the queries depend on what changes, not on how much."""
        self._compute(self.december, self.january)
        self._queries_to_refresh()
        unchanged = self._queries_to_refresh()
        self._add_valued_indicators(2)
        two_more = self._queries_to_refresh()
        self._add_valued_indicators(6, start=2)
        six_more = self._queries_to_refresh()
        self.assertEqual(six_more, two_more)
        self.assertLess(unchanged, two_more)
        self.assertEqual(len(self._scorecard(self.january).line_ids), 21)

    def _replace_values(self):
        """January's draft values deleted and entered again: their lines
        now point at new values."""
        Value = self.env["csr.indicator.value"]
        drafts = self.january.value_ids.filtered(lambda v: v.state == "draft")
        vals = [
            {
                "indicator_id": v.indicator_id.id,
                "period_id": v.period_id.id,
                "value": v.value,
            }
            for v in drafts
        ]
        drafts.unlink()
        Value.create(vals)

    def _queries_to_repoint(self):
        """Queries of a refresh after the values were entered again (the
        second time: the first also settles what the catalogue changed)."""
        self._replace_values()
        self._queries_to_refresh()
        self._replace_values()
        return self._queries_to_refresh()

    def test_repointing_lines_costs_no_query_per_line(self):
        """Lines pointed at new values (deleted and entered again) are
        updated with the same queries for 13 lines as for 21 (8 more lines
        pointed at new values)."""
        self._compute(self.december, self.january)
        thirteen = self._queries_to_repoint()
        self._add_valued_indicators(8)
        self._queries_to_refresh()
        twenty_one = self._queries_to_repoint()
        self.assertEqual(len(self._scorecard(self.january).line_ids), 21)
        self.assertEqual(twenty_one, thirteen)


@tagged("csr_scorecard")
class TestScoringFollowsPerformance(ScorecardCase):
    """The rules of the scoring method (README, Scorecard), each with a case
    worked by hand."""

    def _line(self, period, indicator):
        """Score the period as it stands (no compute: these figures are typed)."""
        period._refresh_scorecards()
        return self._lines(self._scorecard(period))[indicator.code]

    def _set(self, period, indicator, value, **extra):
        return self.env["csr.indicator.value"].create(
            {
                "indicator_id": indicator.id,
                "period_id": period.id,
                "value": value,
                **extra,
            }
        )

    def test_seasonal_energy_of_a_growing_business_is_not_red(self):
        """January 2024: 100 MWh for a revenue of 1,000; January 2025: 112 MWh
        for 1,130. The quantity grew 12 % (red as a plain trend), but per unit
        of revenue it fell from 0.1 to 0.0991: +0.885 %, stable amber
        50 + 50 x (0.885 + 5) / 10 = 79.42."""
        revenue = self.env.ref("csr_management.indicator_eco_01")
        revenue.active = True
        energy = self._make_indicator("TST-KWH", "environmental", "lower")
        for period, kwh, sales in (
            (self.year_before, 100.0, 1000.0),
            (self.january, 112.0, 1130.0),
        ):
            self._set(period, energy, kwh)
            self._set(period, revenue, sales)
        line = self._line(self.january, energy)
        self.assertEqual((line.trend_kind, line.light), ("intensity", "amber"))
        self.assertAlmostEqual(line.improvement, 0.885, delta=0.006)
        self.assertAlmostEqual(line.score, 79.42, delta=0.01)

    def test_a_share_changes_in_points(self):
        """A percentage that crosses zero, 0.5 % to -7.9 %, changed by -8.4
        points (not -1,680 %): red, 50 + 50 x (-8.4 + 5) / 10 = 33."""
        share = self.env["csr.indicator"].create(
            {
                "code": "TST-CUT",
                "name": "Reduction",
                "pillar": "environmental",
                "unit": "%",
                "value_type": "percentage",
                "allow_negative": True,
                "direction": "higher",
                "aggregation": "average",
            }
        )
        self._set(self.year_before, share, 0.5)
        self._set(self.january, share, -7.9)
        line = self._line(self.january, share)
        self.assertEqual((line.trend_kind, line.improvement), ("points", -8.4))
        self.assertEqual((line.light, line.score), ("red", 33.0))

    @freeze_time("2026-12-07")
    def test_an_unfinished_year_is_compared_with_the_same_months(self):
        """On 7 December 2026 the year 2026 holds January to November: 1,100.
        The whole of 2025 was 1,300 (+15 % better: green), but its January to
        November were 11 x 100 = 1,100: unchanged, amber 75."""
        energy = self._make_indicator("TST-GAS", "social", "lower")
        year_2025 = self.year
        year_2026 = self._make_period("year", date(2026, 1, 1), date(2026, 12, 31))
        self._set(year_2025, energy, 1300.0)
        self._set(year_2026, energy, 1100.0)
        for month in range(1, 12):
            period = (
                self.january
                if month == 1
                else self._make_period(
                    "month",
                    date(2025, month, 1),
                    date(2025, month + 1, 1) - timedelta(1),
                )
            )
            self._set(period, energy, 100.0)
        line = self._line(year_2026, energy)
        self.assertEqual((line.previous_value, line.improvement), (1100.0, 0.0))
        self.assertEqual((line.light, line.score), ("amber", 75.0))
        # One month of the span missing: no comparison rather than a wrong one.
        self.env["csr.indicator.value"].search(
            [("indicator_id", "=", energy.id), ("date_from", "=", date(2025, 3, 1))]
        ).unlink()
        line = self._line(year_2026, energy)
        self.assertEqual(line.not_scored_reason, "no_reference")


@tagged("csr_scorecard")
class TestPillarTrend(ScorecardCase):
    def test_the_trend_never_averages_kinds_of_period(self):
        """January 2025 as a month, and 2025 as a year, start the same day:
        the Pillar Trend shows months by default, and asking for years as well
        gives no point rather than their average (each kind is a filter group
        of its own, and groups are combined with AND)."""
        action = self.env.ref("csr_management.csr_scorecard_pillar_action")
        self.assertIn("'search_default_month': 1", action.context)
        Pillar = self.env["csr.scorecard.pillar"]
        arch = Pillar.get_views([(False, "search")])["views"]["search"]["arch"]
        groups, current = [], []
        for node in etree.fromstring(arch):
            if node.tag == "separator":
                groups.append(current)
                current = []
            elif node.tag == "filter":
                current.append(node.get("name"))
        kinds = [g for g in groups + [current] if {"month", "quarter", "year"} & set(g)]
        self.assertEqual(kinds, [["month"], ["quarter"], ["year"]])
