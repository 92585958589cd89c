# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Scorecard arithmetic, tested without the ORM; every figure by hand.

Target basis, higher is better, target 80, amber limit 60 (band width 20):
  95 and 80 -> 100 green; 70 -> 50 + 50 x 10/20 = 75 amber; 60 -> 50 amber;
  50 -> 50 x (1 - 10/20) = 25 red; 40 (one band width beyond) and 10 -> 0 red.
Lower is better, target 1,000, amber limit 1,200 (band width 200):
  900 -> 100 green; 1,050 -> 50 + 50 x 150/200 = 87.5 amber; 1,200 -> 50;
  1,300 -> 25 red; 1,400 and 2,000 -> 0 red.
Trend basis (no target), band 5 %, scored as a target of +5 % with -5 % as
amber limit (band width 10): +6 % -> 100 green; +3 % -> 50 + 50 x 8/10 = 90
amber; 0 % -> 75 amber; -2 % -> 65 amber; -10 % -> 25 red; -20 % -> 0 red.
For lower is better, 200 -> 180 is a 10 % improvement (green), 200 -> 220 a
10 % worsening (25, red).
"""

import unittest

from odoo.addons.csr_management.engine import scoring, vocabulary

from .common import assert_doctests_pass


class TestIndicatorScore(unittest.TestCase):
    def assertScore(self, result, score, light, basis):
        self.assertEqual(
            (result.score, result.light, result.basis), (score, light, basis)
        )

    def test_higher_is_better_against_target(self):
        cases = [
            (95.0, 100.0, "green"),
            (80.0, 100.0, "green"),
            (70.0, 75.0, "amber"),
            (60.0, 50.0, "amber"),
            (50.0, 25.0, "red"),
            (40.0, 0.0, "red"),
            (10.0, 0.0, "red"),
        ]
        for value, score, light in cases:
            with self.subTest(value=value):
                result = scoring.score_indicator(
                    "higher", value, target=80.0, amber_limit=60.0
                )
                self.assertScore(result, score, light, "target")

    def test_lower_is_better_against_target(self):
        cases = [
            (900.0, 100.0, "green"),
            (1050.0, 87.5, "amber"),
            (1200.0, 50.0, "amber"),
            (1300.0, 25.0, "red"),
            (1400.0, 0.0, "red"),
            (2000.0, 0.0, "red"),
        ]
        for value, score, light in cases:
            with self.subTest(value=value):
                result = scoring.score_indicator(
                    "lower", value, target=1000.0, amber_limit=1200.0
                )
                self.assertScore(result, score, light, "target")

    def test_target_without_tolerance_is_met_or_missed(self):
        met = scoring.score_indicator("lower", 0.0, target=0.0, amber_limit=0.0)
        missed = scoring.score_indicator("lower", 1.0, target=0.0, amber_limit=0.0)
        self.assertScore(met, 100.0, "green", "target")
        self.assertScore(missed, 0.0, "red", "target")

    def test_yes_no_is_judged_on_the_answer(self):
        yes, no = 1.0, 0.0
        self.assertScore(
            scoring.score_indicator("higher", yes, is_boolean=True),
            100.0,
            "green",
            "target",
        )
        self.assertScore(
            scoring.score_indicator("higher", no, is_boolean=True, previous=yes),
            0.0,
            "red",
            "target",
        )
        self.assertScore(
            scoring.score_indicator("lower", yes, is_boolean=True), 0.0, "red", "target"
        )

    def test_trend_when_no_target(self):
        cases = [
            (106.0, 100.0, "green"),
            (103.0, 90.0, "amber"),
            (100.0, 75.0, "amber"),
            (98.0, 65.0, "amber"),
            (90.0, 25.0, "red"),
            (80.0, 0.0, "red"),
        ]
        for value, score, light in cases:
            with self.subTest(value=value):
                result = scoring.score_indicator("higher", value, previous=100.0)
                self.assertScore(result, score, light, "trend")
        better = scoring.score_indicator("lower", 180.0, previous=200.0)
        worse = scoring.score_indicator("lower", 220.0, previous=200.0)
        self.assertScore(better, 100.0, "green", "trend")
        self.assertEqual(better.improvement, 10.0)
        self.assertScore(worse, 25.0, "red", "trend")
        self.assertEqual(worse.improvement, -10.0)

    def test_holding_the_best_possible_value_is_green(self):
        best = scoring.best_possible("lower", "quantity", False)
        none_again = scoring.score_indicator("lower", 0.0, previous=0.0, best=best)
        none_now = scoring.score_indicator("lower", 0.0, previous=2.0, best=best)
        one_again = scoring.score_indicator("lower", 1.0, previous=1.0, best=best)
        self.assertScore(none_again, 100.0, "green", "trend")
        self.assertScore(none_now, 100.0, "green", "trend")
        self.assertScore(one_again, 75.0, "amber", "trend")
        full = scoring.best_possible("higher", "percentage", False)
        self.assertScore(
            scoring.score_indicator("higher", 100.0, previous=100.0, best=full),
            100.0,
            "green",
            "trend",
        )
        # Without a previous value there is still no reference to judge by.
        self.assertEqual(scoring.score_indicator("lower", 0.0, best=best).basis, "none")

    def test_target_wins_over_trend(self):
        result = scoring.score_indicator(
            "higher", 70.0, target=80.0, amber_limit=60.0, previous=50.0
        )
        self.assertScore(result, 75.0, "amber", "target")
        self.assertEqual(result.improvement, 40.0)  # shown, not used

    def test_not_scored(self):
        cases = [
            (scoring.score_indicator("neutral", 12.0, previous=10.0), "neutral"),
            (scoring.score_indicator("higher", None, target=1.0), "no_value"),
            (scoring.score_indicator("higher", 12.0), "no_reference"),
        ]
        for result, reason in cases:
            with self.subTest(reason=reason):
                self.assertScore(result, None, None, "none")
                self.assertEqual(result.reason, reason)


class TestRollUp(unittest.TestCase):
    @staticmethod
    def _entry(key, pillar, score, has_value=True, validated=False, estimated=False):
        if score is None:
            result = scoring.IndicatorScore(None, None, "none", "no_value")
        else:
            result = scoring.IndicatorScore(score, None, "target")
        return scoring.IndicatorEntry(
            key, pillar, has_value, validated, estimated, result
        )

    def test_weighted_pillar_score(self):
        # (100 x 2 + 40 x 1) / 3 = 80; equal weights would give 70.
        entries = [
            self._entry("A", "environmental", 100.0),
            self._entry("B", "environmental", 40.0),
        ]
        weighted = scoring.pillar_summary("environmental", entries, {"A": 2.0}, 50.0)
        equal = scoring.pillar_summary("environmental", entries, {}, 50.0)
        self.assertEqual((weighted.score, weighted.light), (80.0, "green"))
        self.assertEqual((equal.score, equal.light), (70.0, "amber"))

    def test_completeness_gate_and_shares(self):
        # 4 applicable, 2 with a value (one validated, one estimated), one of
        # them scored: completeness 50 %, validated 50 %, estimated 50 %.
        entries = [
            self._entry("A", "social", 30.0, validated=True),
            scoring.IndicatorEntry(
                "B",
                "social",
                True,
                False,
                True,
                scoring.IndicatorScore(None, None, "none", "neutral"),
            ),
            self._entry("C", "social", None, has_value=False),
            self._entry("D", "social", None, has_value=False),
        ]
        at_gate = scoring.pillar_summary("social", entries, {}, 50.0)
        self.assertEqual(
            (
                at_gate.applicable,
                at_gate.valued,
                at_gate.scored,
                at_gate.completeness,
                at_gate.validated_share,
                at_gate.estimated_share,
            ),
            (4, 2, 1, 50.0, 50.0, 50.0),
        )
        self.assertTrue(at_gate.sufficient)
        self.assertEqual((at_gate.score, at_gate.light), (30.0, "red"))
        above = scoring.pillar_summary("social", entries, {}, 60.0)
        self.assertFalse(above.sufficient)
        self.assertIsNone(above.score)
        self.assertIsNone(above.light)

    def test_pillar_without_indicators_has_no_score(self):
        summary = scoring.pillar_summary("governance", [], {}, 0.0)
        self.assertEqual((summary.applicable, summary.sufficient), (0, False))
        self.assertIsNone(summary.score)

    def test_overall_index_leaves_insufficient_pillars_out(self):
        entries = [
            self._entry("E1", "economic", 90.0),
            self._entry("S1", "social", 60.0),
            self._entry("G1", "governance", 40.0),
            self._entry("G2", "governance", None, has_value=False),
            self._entry("G3", "governance", None, has_value=False),
        ]
        summaries = [
            scoring.pillar_summary(pillar, entries, {}, 50.0)
            for pillar in vocabulary.PILLAR_KEYS
        ]
        # Governance is 1/3 complete, environmental has nothing: (90 + 60) / 2.
        self.assertEqual(scoring.overall_index(summaries), 75.0)
        self.assertEqual(scoring.index_change(75.0, 80.0), -5.0)


class TestYearTargets(unittest.TestCase):
    def test_year_target_judges_totals_only_over_a_year(self):
        self.assertTrue(scoring.year_target_applies("year", "sum"))
        self.assertFalse(scoring.year_target_applies("quarter", "sum"))
        self.assertTrue(scoring.year_target_applies("month", "last"))


class TestScoringDoctests(unittest.TestCase):
    def test_doctests_pass(self):
        self.assertGreater(assert_doctests_pass(self, scoring), 0)
