# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Numbers typed or imported into figures other than indicator values.

Indicator values and the value import have their own tests (negative, over
100 %, NaN, infinity, text, 5e15, wrong unit, a bad row saving nothing:
test_indicator_value.py, test_value_import.py); formula cycles are in
test_formula_catalogue.py. Here: every other number a user types (factors,
energy contents, wages, multipliers, weights, thresholds, costs, targets)
refuses text, NaN, infinities and 1e20 with a clear message, before the ORM
would fail on rounding them, and keeps the figure it had; and a target must
be a figure its indicator can take, and a campaign's deadline cannot fall
before its period starts.
"""

from datetime import date

from odoo.exceptions import ValidationError
from odoo.tests import tagged

from .common import CsrCase

BAD_NUMBERS = [
    (1e20, "is implausibly large"),
    (-1e20, "is implausibly large"),
    (float("nan"), "is not a finite number"),
    (float("inf"), "is not a finite number"),
    ("twelve", "is not a number"),
]


@tagged("csr_values")
class TestBadNumbers(CsrCase):
    def _target(self, indicator, target, amber, **extra):
        return self.env["csr.target"].create(
            {
                "indicator_id": indicator.id,
                "target_value": target,
                "amber_limit": amber,
                "year": 2026,
                **extra,
            }
        )

    def _assert_refused_everywhere(self, record, name):
        before = record[name]
        for number, message in BAD_NUMBERS:
            with (
                self.subTest(model=record._name, field=name, number=number),
                self.assertRefused(ValidationError, f"refused: it {message}"),
            ):
                record.write({name: number})
            self.assertEqual(record[name], before)

    def test_typed_numbers_are_checked_before_they_are_saved(self):
        action = self.env["csr.action"].create(
            {"name": "Fix the leaks", "pillar": "social"}
        )
        target = self._target(self.water, 1650.0, 1800.0)
        guarded = [
            (self.env.ref("csr_management.factor_diesel_ipcc"), "kgco2e_per_unit"),
            (self.env.ref("csr_management.activity_electricity_grid"), "ncv_mj"),
            (self.env.ref("csr_management.minimum_wage_mx_20240101"), "amount"),
            (self.env.ref("csr_management.source_eco_01"), "multiplier"),
            (self.env.ref("csr_management.question_eco_1_01"), "auto_threshold"),
            (self.water, "score_weight"),
            (action, "cost"),
            (action, "saving_co2_kg"),
            (target, "target_value"),
            (self.env.ref("csr_management.benchmark_range_soc_03_all"), "high"),
        ]
        for record, name in guarded:
            self._assert_refused_everywhere(record, name)

    def test_a_refused_number_creates_nothing(self):
        Indicator = self.env["csr.indicator"]
        before = Indicator.search_count([])
        with self.assertRefused(ValidationError, "Score Weight = 1e\\+20 refused"):
            Indicator.create(
                {
                    "code": "TST-HUGE",
                    "name": "Huge weight",
                    "pillar": "social",
                    "unit": "n",
                    "score_weight": 1e20,
                }
            )
        self.assertEqual(Indicator.search_count([]), before)

    def test_plausible_numbers_still_pass(self):
        factor = self.env.ref("csr_management.factor_diesel_ipcc")
        factor.kgco2e_per_unit = "2.68"  # text in digits is a number
        self.assertEqual(factor.kgco2e_per_unit, 2.68)
        self.water.score_weight = 1e6
        self.assertEqual(self.water.score_weight, 1e6)


@tagged("csr_values")
class TestTargetsWithinReach(CsrCase):
    def test_share_target_cannot_exceed_100(self):
        with self.assertRefused(ValidationError, "a share cannot exceed 100 %"):
            self.env["csr.target"].create(
                {
                    "indicator_id": self.share.id,
                    "target_value": 120.0,
                    "amber_limit": 80.0,
                    "year": 2026,
                }
            )
        self.assertFalse(
            self.env["csr.target"].search([("indicator_id", "=", self.share.id)])
        )

    def test_quantity_target_cannot_be_negative(self):
        target = self.env["csr.target"].create(
            {
                "indicator_id": self.water.id,
                "target_value": 1650.0,
                "amber_limit": 1800.0,
                "year": 2026,
            }
        )
        with self.assertRefused(ValidationError, "this indicator cannot be negative"):
            target.write({"target_value": -10.0, "baseline_value": -5.0})
        self.assertEqual(target.target_value, 1650.0)


@tagged("csr_values")
class TestDatesWithinReach(CsrCase):
    def test_campaign_deadline_cannot_precede_its_period(self):
        manager = self.manager
        Campaign = self.env["csr.campaign"]
        with self.assertRefused(ValidationError, "falls before period"):
            Campaign.create(
                {
                    "period_id": self.january.id,
                    "user_id": manager.id,
                    "date_deadline": date(2024, 12, 31),
                }
            )
        self.assertFalse(Campaign.search([("period_id", "=", self.january.id)]))
        campaign = Campaign.create(
            {"period_id": self.january.id, "user_id": manager.id}
        )
        # January 2025 is over: the default deadline is ten days from today.
        deadline = campaign.date_deadline
        self.assertGreater(deadline, date(2025, 1, 31))
        with self.assertRefused(ValidationError, "falls before period"):
            campaign.date_deadline = date(2024, 12, 1)
        self.assertEqual(campaign.date_deadline, deadline)
