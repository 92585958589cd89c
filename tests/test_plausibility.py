# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Plausibility at entry and import, with figures worked by hand.

Water withdrawal (TST-WATER, m³) in October, November and December 2024:
18.0, 19.5 and 18.9. In January 2025, "21,5" typed in an English screen
arrives as 215: about 11.4 times December's 18.9, within 15 % of ten times,
so it is flagged as a decimal-separator slip, and refused at submission until
a comment confirms it; 21.5 passes. 60 (3.2 times the median 18.9) is flagged
as too high; 5.0 (a 3.8-th of it) as too low.
Water consumed (ENV-13) of 21.5 m³ above water withdrawn (ENV-11) of 18.9 m³
in the same month is flagged on both.
"""

import base64
from datetime import date

from odoo.exceptions import UserError
from odoo.tests import tagged

from .common import CsrCase, xlsx


@tagged("csr_values")
class TestPlausibility(CsrCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        for month, figure in ((10, 18.0), (11, 19.5), (12, 18.9)):
            period = cls._make_period(
                "month",
                date(2024, month, 1),
                date(2024 + month // 12, month % 12 + 1, 1) - date.resolution,
            )
            cls.env["csr.indicator.value"].create(
                {"indicator_id": cls.water.id, "period_id": period.id, "value": figure}
            )

    def _entered(self, figure, indicator=None):
        return self._make_value(indicator, value=figure, user=self.user)

    def test_a_ten_fold_slip_needs_a_confirming_comment(self):
        value = self._entered(215.0)
        self.assertIn("check the decimal separator", value.plausibility_note)
        with self.assertRaisesRegex(UserError, "TST-WATER 2025-01: about 10 times"):
            with self.env.cr.savepoint():
                value.action_submit()
        self.assertEqual(value.state, "draft")
        value.comment = "New irrigation line since January: meter checked."
        value.action_submit()
        self.assertEqual(value.state, "submitted")

    def test_a_plausible_figure_goes_through(self):
        value = self._entered(21.5)
        self.assertFalse(value.plausibility_note)
        value.action_submit()
        self.assertEqual(value.state, "submitted")

    def test_far_from_its_history_either_way(self):
        self.assertIn(
            "over three times the median", self._entered(60.0).plausibility_note
        )
        self.env["csr.indicator.value"].search(
            [("period_id", "=", self.january.id)]
        ).unlink()
        self.assertIn(
            "under a third of the median", self._entered(5.0).plausibility_note
        )

    def test_consumption_above_withdrawal(self):
        withdrawal = self.env.ref("csr_management.indicator_env_11")
        consumption = self.env.ref("csr_management.indicator_env_13")
        self.env["csr.indicator.value"].create(
            {"indicator_id": withdrawal.id, "period_id": self.january.id, "value": 18.9}
        )
        value = self._entered(21.5, consumption)
        self.assertIn("ENV-13 (21.5) is above ENV-11 (18.9)", value.plausibility_note)
        with self.assertRaisesRegex(UserError, "look implausible"):
            with self.env.cr.savepoint():
                value.action_submit()

    def test_the_import_refuses_the_same_slip(self):
        content = xlsx(
            [
                ["Indicator code", "Period", "Value", "Unit", "Comment"],
                ["TST-WATER", "2025-01", 215, "m³", None],
            ]
        )
        wizard = (
            self.env["csr.value.import"]
            .with_user(self.user)
            .create({"file": base64.b64encode(content), "filename": "values.xlsx"})
        )
        with self.assertRaisesRegex(UserError, r"Row 2 \(TST-WATER\): about 10 times"):
            with self.env.cr.savepoint():
                wizard.action_import()
        self.assertFalse(
            self.env["csr.indicator.value"].search(
                [
                    ("period_id", "=", self.january.id),
                    ("indicator_id", "=", self.water.id),
                ]
            )
        )
        content = xlsx(
            [
                ["Indicator code", "Period", "Value", "Unit", "Comment"],
                ["TST-WATER", "2025-01", 215, "m³", "New irrigation line"],
            ]
        )
        self.env["csr.value.import"].with_user(self.user).create(
            {"file": base64.b64encode(content), "filename": "values.xlsx"}
        ).action_import()
        imported = self.env["csr.indicator.value"].search(
            [("period_id", "=", self.january.id), ("indicator_id", "=", self.water.id)]
        )
        self.assertEqual(imported.value, 215.0)
