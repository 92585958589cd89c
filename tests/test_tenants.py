# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""No tenant crossing: a CSR record stays in the company it was created in."""

from odoo import Command
from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from .common import MANAGER_GROUPS, USER_GROUPS, CsrCase

# AccessError and ValidationError are UserErrors too.
REFUSED = UserError
KEPT = "stays in the company it was created in"


class Moved(Exception):
    """Rolls back a move that was accepted."""


@tagged("csr_security")
class TestTenants(CsrCase):
    """Every role of two companies tries to re-home company A's records into B."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.beta = cls.env["res.company"].create({"name": "Beta Corp"})
        both = [cls.company.id, cls.beta.id]
        cls.env = cls.env(context=dict(cls.env.context, allowed_company_ids=both))
        for user in (cls.user, cls.manager):
            user.company_ids = [Command.set(both)]
        cls.admin = cls.env.ref("base.user_admin")
        cls.admin.company_ids = [
            Command.link(cls.company.id),
            Command.link(cls.beta.id),
        ]
        cls.roles = {"user": cls.user, "manager": cls.manager, "admin": cls.admin}
        cls._make_records()

    @classmethod
    def _make_records(cls):
        """One record of company A in every company-scoped CSR model."""
        env, company = cls.env, cls.company
        own = env["csr.indicator"].create(
            {
                "code": "A-OWN-1",
                "name": "Own indicator",
                "pillar": "social",
                "unit": "h",
                "value_type": "quantity",
                "direction": "higher",
                "aggregation": "sum",
                "source_type": "manual",
                "company_id": company.id,
            }
        )
        env["csr.indicator.source"].create(
            {"indicator_id": own.id, "company_id": company.id, "method": "hr_headcount"}
        )
        for model in (
            "csr.assessment.template",
            "csr.benchmark.range",
            "csr.emission.factor",
        ):
            env[model].search([("company_id", "=", False)], limit=1).copy(
                {"company_id": company.id}
            )
        env["csr.account.rule"].search([], limit=1).copy(
            {"company_id": company.id, "chart_template": False}
        )
        env["csr.action"].create({"name": "Fix the leaks", "pillar": "environmental"})
        env["csr.action.suggestion"].create(
            {
                "recommendation_id": env["csr.recommendation"].search([], limit=1).id,
                "origin": "indicator",
                "pillar": "environmental",
                "company_id": company.id,
            }
        )
        env["csr.assessment"].create({})
        campaign = env["csr.campaign"].create(
            {"period_id": cls.january.id, "user_id": cls.manager.id}
        )
        env["csr.campaign.line"].create(
            {
                "campaign_id": campaign.id,
                "indicator_id": cls.water.id,
                "user_id": cls.user.id,
            }
        )
        topic = env["csr.material.topic"].search([], limit=1)
        dialogue = env["csr.dialogue"].create({"name": "Neighbours"})
        env["csr.dialogue.commitment"].create(
            {"dialogue_id": dialogue.id, "name": "Plant trees"}
        )
        env["csr.dialogue.rating"].create(
            {
                "dialogue_id": dialogue.id,
                "group_id": env["csr.stakeholder.group"].search([], limit=1).id,
                "topic_id": topic.id,
            }
        )
        materiality = env["csr.materiality.assessment"].create({"year": 2025})
        env["csr.materiality.line"].create(
            {"assessment_id": materiality.id, "topic_id": topic.id}
        )
        env["csr.policy"].create({"name": "Ethics code"})
        env["csr.resource"].create({"name": "Our guide", "company_id": company.id})
        env["csr.target"].create(
            {
                "indicator_id": cls.water.id,
                "period_id": cls.year.id,
                "target_value": 100.0,
                "amber_limit": 120.0,
            }
        )
        cls._make_value(cls, period=cls.january)
        scorecard = (
            env["csr.scorecard"]
            .sudo()
            .create({"period_id": cls.january.id, "company_id": company.id})
        )
        env["csr.scorecard.line"].sudo().create(
            {
                "scorecard_id": scorecard.id,
                "indicator_id": cls.water.id,
                "pillar": "environmental",
                "basis": "none",
            }
        )
        env["csr.scorecard.pillar"].sudo().create(
            {"scorecard_id": scorecard.id, "pillar": "environmental"}
        )
        env["csr.site"].create({"name": "Roastery", "company_id": company.id})
        env["csr.activity.entry"].create(
            {
                "company_id": company.id,
                "activity_id": env.ref("csr_management.activity_diesel").id,
                "date": cls.january.date_from,
                "quantity": 10.0,
            }
        )
        value = cls._make_value(cls, period=cls.year)
        env["csr.emission.line"].sudo().create(
            {
                "value_id": value.id,
                "indicator_id": value.indicator_id.id,
                "period_id": cls.year.id,
                "company_id": company.id,
                "scope": "1",
                "gas": "co2",
                "month": cls.january.date_from,
                "tco2e": 1.0,
            }
        )

    def _company_models(self):
        return sorted(
            name
            for name, model in self.env.items()
            if name.startswith("csr.")
            and not model._abstract
            and not model._transient
            and model._auto
            and "company_id" in model._fields
            and model._fields["company_id"].store
        )

    def test_every_company_model_has_a_record_to_move(self):
        missing = [
            name
            for name in self._company_models()
            if not self.env[name].search_count([("company_id", "=", self.company.id)])
        ]
        self.assertEqual(missing, [])
        self.assertIn("csr.action", self._company_models())
        self.assertGreaterEqual(len(self._company_models()), 25)

    def test_no_role_moves_a_record_to_another_company(self):
        moved = []
        for name in self._company_models():
            record = self.env[name].search(
                [("company_id", "=", self.company.id)], limit=1
            )
            for role, user in self.roles.items():
                try:
                    with self.env.cr.savepoint():
                        record.with_user(user).write({"company_id": self.beta.id})
                        record.env.flush_all()
                        raise Moved
                except Moved:
                    moved.append((name, role))
                except UserError as refused:
                    self.assertTrue(str(refused))  # refused in words
                self.env.invalidate_all()
                self.assertEqual(record.company_id, self.company)
        self.assertEqual(moved, [])

    def test_refusal_says_why_and_names_no_other_record(self):
        action = self.env["csr.action"].search([], limit=1)
        with self.assertRaises(UserError) as caught, self.env.cr.savepoint():
            action.with_user(self.admin).write({"company_id": self.beta.id})
        message = caught.exception.args[0]
        self.assertIn(KEPT, message)
        self.assertNotIn("Beta Corp", message)

    def test_rewriting_the_same_company_is_allowed(self):
        policy = self.env["csr.policy"].search([], limit=1)
        policy.with_user(self.user).write(
            {"company_id": self.company.id, "name": "Ethics code v2"}
        )
        self.assertEqual(policy.name, "Ethics code v2")

    def test_approved_policy_and_target_stay_for_the_manager(self):
        target = self.env["csr.target"].search([], limit=1)
        with self.assertRefused(UserError, KEPT):
            target.with_user(self.manager).write({"company_id": self.beta.id})
        self.assertEqual(target.company_id, self.company)

    def test_done_materiality_cannot_be_moved_nor_forced_done(self):
        materiality = self.env["csr.materiality.assessment"].search([], limit=1)
        with self.assertRefused(UserError, f"{KEPT}|with its buttons"):
            materiality.with_user(self.user).write(
                {"company_id": self.beta.id, "state": "done"}
            )
        self.assertEqual(materiality.state, "draft")
        self.assertEqual(materiality.company_id, self.company)

    def test_no_creation_outside_the_session_companies(self):
        alpha_only = self.env(
            user=self.user, context={"allowed_company_ids": [self.company.id]}
        )
        with self.assertRefused(AccessError, "create"):
            alpha_only["csr.dialogue"].create(
                {"name": "Pushed", "company_id": self.beta.id}
            )
        self.assertFalse(self.env["csr.dialogue"].search([("name", "=", "Pushed")]))

    def test_campaign_refusal_names_no_period_of_another_company(self):
        beta_manager = self._make_user(
            "beta_manager", MANAGER_GROUPS, company=self.beta
        )
        env = self.env(
            user=beta_manager, context={"allowed_company_ids": [self.beta.id]}
        )
        with self.assertRaises(AccessError) as caught, self.env.cr.savepoint():
            env["csr.campaign"].create({"period_id": self.january.id})
        self.assertNotIn(self.january.name, caught.exception.args[0])
        self.assertNotIn("already has an input campaign", caught.exception.args[0])

    def test_beta_user_cannot_push_into_alpha(self):
        beta_user = self._make_user("beta_user", USER_GROUPS, company=self.beta)
        env = self.env(user=beta_user, context={"allowed_company_ids": [self.beta.id]})
        dialogue = env["csr.dialogue"].create(
            {"name": "Beta's own", "company_id": self.beta.id}
        )
        with self.assertRaises(REFUSED), self.env.cr.savepoint():
            dialogue.write({"company_id": self.company.id})
        self.assertEqual(dialogue.sudo().company_id, self.beta)
