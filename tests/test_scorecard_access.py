# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Who may read and refresh scorecards, and how companies stay apart.

Company A (the fixture company) has its own indicator TST-A-ONLY and a
January target on TST-WATER (100 / 120) with a value of 110, so its water
line scores 75 (amber). Company B has the same month, a water value of 110 and
no target or previous month, so the same figure is not scored there: nothing
of A's leaks into B's scorecard.
"""

from datetime import date

from odoo.exceptions import AccessError
from odoo.tests import tagged

from .common import MANAGER_GROUPS, USER_GROUPS, CsrCase


@tagged("csr_scorecard")
class TestScorecardAccess(CsrCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env["csr.indicator"].search(
            [("code", "not in", ("TST-WATER", "TST-SHARE"))]
        ).write({"active": False})
        cls.own_indicator = cls.env["csr.indicator"].create(
            {
                "code": "TST-A-ONLY",
                "name": "Company A's own indicator",
                "pillar": "social",
                "unit": "h",
                "company_id": cls.company.id,
            }
        )
        cls.env["csr.target"].create(
            {
                "indicator_id": cls.water.id,
                "company_id": cls.company.id,
                "period_id": cls.january.id,
                "target_value": 100.0,
                "amber_limit": 120.0,
            }
        )
        cls._make_water(cls.january, 110.0)
        cls.january.with_user(cls.manager).action_compute()
        cls.card = cls.env["csr.scorecard"].search([("period_id", "=", cls.january.id)])

        cls.company_b = cls.env["res.company"].create({"name": "Muebles del Bajío SA"})
        cls.manager_b = cls._make_user(
            "csr_test_manager_b", MANAGER_GROUPS, cls.company_b
        )
        cls.user_b = cls._make_user("csr_test_user_b", USER_GROUPS, cls.company_b)
        cls.january_b = cls._make_period(
            "month", date(2025, 1, 1), date(2025, 1, 31), company=cls.company_b
        )
        cls._make_water(cls.january_b, 110.0)

    @classmethod
    def _make_water(cls, period, value):
        return cls.env["csr.indicator.value"].create(
            {"indicator_id": cls.water.id, "period_id": period.id, "value": value}
        )

    def _env_b(self, user):
        return self.env(user=user, context={"allowed_company_ids": [self.company_b.id]})

    def test_roles(self):
        for user in (self.user, self.auditor, self.manager):
            with self.subTest(user=user.login):
                card = self.card.with_user(user)
                self.assertEqual(card.overall_index, 75.0)
                self.assertEqual(len(card.line_ids), 3)
                self.assertEqual(len(card.pillar_ids), 4)
        for user in (self.user, self.auditor):
            with self.subTest(user=user.login):
                with self.assertRefused(AccessError, "Only a CSR manager"):
                    self.card.with_user(user).action_refresh()
        # Nobody edits a score by hand, managers included: a refresh writes it.
        for user in (self.user, self.auditor, self.manager):
            with self.subTest(user=user.login):
                with self.assertRefused(AccessError, "not allowed to modify"):
                    self.card.with_user(user).write({"overall_index": 99.0})
                with self.assertRefused(AccessError, "not allowed to modify"):
                    self.card.line_ids[:1].with_user(user).write({"score": 99.0})
                with self.assertRefused(AccessError, "not allowed to create"):
                    self.env["csr.scorecard"].with_user(user).create(
                        {"period_id": self.year.id, "company_id": self.company.id}
                    )
        self.card.with_user(self.manager).action_refresh()
        self.assertEqual(self.card.overall_index, 75.0)
        # The auditor logs review notes on it.
        self.card.with_user(self.auditor).message_post(
            body="Checked against bills.",
            message_type="comment",
            subtype_xmlid="mail.mt_note",
        )

    def test_companies_stay_apart(self):
        env_b = self._env_b(self.manager_b)
        self.january_b.with_env(env_b).action_compute()
        card_b = env_b["csr.scorecard"].search([])
        self.assertEqual(card_b.period_id, self.january_b)
        lines_b = {line.indicator_id.code: line for line in card_b.line_ids}
        self.assertNotIn("TST-A-ONLY", lines_b)  # A's own indicator
        self.assertEqual(lines_b["TST-WATER"].basis, "none")  # A's target unused
        self.assertIn(
            "TST-A-ONLY",
            self.card.line_ids.mapped("indicator_id.code"),
        )
        for model in ("csr.scorecard", "csr.scorecard.pillar", "csr.scorecard.line"):
            with self.subTest(model=model):
                self.assertFalse(
                    env_b[model].search([("company_id", "=", self.company.id)])
                )
                self.assertTrue(
                    self._env_b(self.user_b)[model].search(
                        [("company_id", "=", self.company_b.id)]
                    )
                )
        with self.assertRaises(AccessError):
            env_b["csr.scorecard"].browse(self.card.id).read(["overall_index"])
        with self.assertRaises(AccessError):
            env_b["csr.scorecard.line"].browse(self.card.line_ids.ids).read(["score"])
        with self.assertRaises(AccessError):
            self.card.with_user(self.manager_b).with_context(
                allowed_company_ids=[self.company_b.id]
            ).action_refresh()
