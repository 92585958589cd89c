# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Improvement actions: planning, verification of their effect, overdue
reminders, scorecard counts, access and companies.

Yearly periods 2024 to 2027 (2027 created before 2026, so that an id order
would pick the wrong one); the fixture's January 2025 and a February 2025.

TST-WATER (lower is better): 2024 = 120, 2026 = 95, 2027 = 130, January 2025
= 80, February 2025 = 70.
- "Fix the leaks": baseline period 2024 (baseline 120 read from it), target
  100, deadline 30 June 2025. The first yearly period starting after the
  deadline is 2026 (2025 started before it): 95 <= 100, effective; the
  improvement is 120 - 95 = 25. Reading 2027 instead would give 130, not
  effective and -10.
- Monthly baseline January 2025 (80), target 75, deadline 20 January 2025:
  the first month after it is February (70), effective, improvement 10.

TST-SHARE (higher is better): baseline typed as 40, no baseline period, so
periods of a year; target 50, deadline 31 December 2025: 2026 = 45 < 50, not
effective, improvement 45 - 40 = +5. Deadline 30 June 2026: 2027 has no share
value, so verifying is refused and the action stays done.

Scorecard of 2026: "Fix the leaks" (effective) and the share action (not
effective) were verified against 2026: 2 verified, 1 effective; an action
verified against February 2025 does not count.
"""

from datetime import date, timedelta

from odoo import fields
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import Form, tagged
from odoo.tools import format_date

from .common import MANAGER_GROUPS, USER_GROUPS, CsrCase


@tagged("csr_maturity")
class TestAction(CsrCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.y2024 = cls._make_period("year", date(2024, 1, 1), date(2024, 12, 31))
        cls.y2027 = cls._make_period("year", date(2027, 1, 1), date(2027, 12, 31))
        cls.y2026 = cls._make_period("year", date(2026, 1, 1), date(2026, 12, 31))
        cls.february = cls._make_period("month", date(2025, 2, 1), date(2025, 2, 28))
        Value = cls.env["csr.indicator.value"]
        for indicator, period, value in (
            (cls.water, cls.y2024, 120.0),
            (cls.water, cls.y2026, 95.0),
            (cls.water, cls.y2027, 130.0),
            (cls.water, cls.january, 80.0),
            (cls.water, cls.february, 70.0),
            (cls.share, cls.y2026, 45.0),
        ):
            Value.create(
                {"indicator_id": indicator.id, "period_id": period.id, "value": value}
            )

    def _action(self, **vals):
        if "indicator_id" not in vals:
            vals.setdefault("pillar", "social")
        # As a manager: the superuser of the test environment may write
        # results directly, like any sudo in the code.
        return (
            self.env["csr.action"]
            .with_user(self.manager)
            .create({"name": "Fix the leaks", "responsible_id": self.user.id, **vals})
        )

    def _leaks(self, **vals):
        return self._action(
            indicator_id=self.water.id,
            baseline_period_id=self.y2024.id,
            target_value=100.0,
            deadline=date(2025, 6, 30),
            **vals,
        )

    def _share(self, deadline=date(2025, 12, 31)):
        return self._action(
            name="Install solar panels",
            indicator_id=self.share.id,
            baseline_value=40.0,
            target_value=50.0,
            deadline=deadline,
        )

    @staticmethod
    def _done(action):
        action.action_plan()
        action.action_start()
        action.action_done()
        return action

    def test_plan_needs_a_responsible_a_deadline_and_a_target(self):
        action = self._action()
        with self.assertRefused(
            ValidationError, "needs a person in charge and a deadline"
        ):
            action.action_plan()
        self.assertEqual(action.state, "draft")
        action.deadline = date(2025, 6, 30)
        action.responsible_id = False
        with self.assertRefused(
            ValidationError, "needs a person in charge and a deadline"
        ):
            action.action_start()
        action.responsible_id = self.user
        # Lower is better: a target above the baseline 120 could never show.
        action.write({"indicator_id": self.water.id, "baseline_value": 120.0})
        action.target_value = 130.0
        with self.assertRefused(ValidationError, "target better than the baseline"):
            action.action_plan()
        action.target_value = 100.0
        action.action_plan()
        self.assertEqual(action.state, "planned")
        # Once planned, the deadline cannot be dropped.
        with self.assertRefused(
            ValidationError, "needs a person in charge and a deadline"
        ):
            action.deadline = False

    def test_kanban_drag_checks_what_the_buttons_check(self):
        action = self._action()
        for state in ("planned", "in_progress"):
            with self.subTest(state=state):
                with self.assertRefused(ValidationError, "needs a person in charge"):
                    action.write({"state": state})
        action.write({"deadline": date(2025, 6, 30), "state": "in_progress"})
        self.assertEqual(action.state, "in_progress")
        action.write({"state": "done", "verification_note": "Checked on site."})
        with self.assertRefused(UserError, "through its Verify button"):
            action.write({"state": "verified"})
        with self.assertRefused(UserError, "recorded when the action is verified"):
            action.write({"efficacy": "effective"})
        with self.assertRefused(UserError, "through its Verify button"):
            self._action(state="verified")
        self.assertEqual(action.state, "done")

    def test_amounts_cannot_be_negative_and_context_figures_not_tracked(self):
        with self.assertRefused(ValidationError, "Cost cannot be negative"):
            self._action(cost=-1.0)
        with self.assertRefused(ValidationError, "cannot be negative"):
            self._action(saving_co2_kg=-5.0)
        context = self.env["csr.indicator"].create(
            {
                "code": "TST-CONTEXT",
                "name": "Test headcount",
                "pillar": "social",
                "unit": "people",
                "direction": "neutral",
            }
        )
        with self.assertRefused(ValidationError, "TST-CONTEXT is a context figure"):
            self._action(indicator_id=context.id)

    def test_pillar_and_baseline_come_from_the_indicator(self):
        action = self._leaks()
        self.assertEqual(action.pillar, "environmental")
        self.assertEqual(action.baseline_value, 120.0)
        action.pillar = "economic"  # editable
        self.assertEqual(action.pillar, "economic")
        with self.assertRefusedByDatabase("Pillar"):
            self._action(pillar=False)  # no indicator, no question, no pillar

    def test_form_fills_pillar_baseline_and_yes_no_target(self):
        form = Form(self.env["csr.action"])
        form.name = "Fix the leaks"
        form.indicator_id = self.water
        form.baseline_period_id = self.y2024
        self.assertEqual(form.pillar, "environmental")
        self.assertEqual(form.baseline_value, 120.0)
        policy = self.env["csr.indicator"].create(
            {
                "code": "TST-POLICY",
                "name": "Test written policy",
                "pillar": "governance",
                "unit": "yes/no",
                "value_type": "boolean",
                "direction": "higher",
            }
        )
        form.indicator_id = policy
        self.assertEqual(form.pillar, "governance")
        self.assertEqual(form.target_value, 1.0)  # the good answer
        action = form.save()
        self.assertEqual(action.responsible_id, self.env.user)
        self.assertEqual(action.company_id, self.company)

    def test_verify_lower_is_better_reads_the_first_period_after_deadline(self):
        action = self._done(self._leaks())
        action.action_verify()
        self.assertEqual(action.state, "verified")
        self.assertEqual(action.verification_period_id, self.y2026)
        self.assertEqual(action.verified_value, 95.0)
        self.assertEqual(action.value_change, 25.0)
        self.assertEqual(action.efficacy, "effective")
        self.assertEqual(action.verified_by_id, self.manager)
        self.assertTrue(action.verified_on)
        self.assertIn("Effective", action.message_ids[0].body)
        self.assertIn("2026", action.message_ids[0].body)
        # Measured from what it was measured from: frozen now.
        with self.assertRefused(UserError, "is verified"):
            action.target_value = 90.0
        with self.assertRefused(UserError, "is verified"):
            action.write({"state": "done"})

    def test_verify_in_periods_of_the_baseline_kind(self):
        action = self._done(
            self._action(
                indicator_id=self.water.id,
                baseline_period_id=self.january.id,
                target_value=75.0,
                deadline=date(2025, 1, 20),
            )
        )
        self.assertEqual(action.baseline_value, 80.0)
        action.action_verify()
        self.assertEqual(action.verification_period_id, self.february)
        self.assertEqual(action.value_change, 10.0)
        self.assertEqual(action.efficacy, "effective")

    def test_verify_higher_is_better_not_met(self):
        action = self._done(self._share())
        action.action_verify()
        self.assertEqual(action.verification_period_id, self.y2026)
        self.assertEqual(action.verified_value, 45.0)
        self.assertEqual(action.value_change, 5.0)
        self.assertEqual(action.efficacy, "not_effective")
        self.assertIn("Not effective", action.message_ids[0].body)

    def test_verify_without_a_value_changes_nothing(self):
        action = self._done(self._share(deadline=date(2026, 6, 30)))
        with self.assertRefused(UserError, r"no value yet for TST-SHARE .* in 2027"):
            action.action_verify()
        self.assertEqual(action.state, "done")
        self.assertFalse(action.efficacy)
        self.assertFalse(action.verification_period_id)
        action.deadline = date(2027, 6, 30)
        with self.assertRefused(UserError, "No year period .* starts after"):
            action.action_verify()
        self.assertEqual(action.state, "done")

    def test_verify_without_indicator_needs_a_note(self):
        action = self._done(self._action(deadline=date(2025, 3, 1)))
        with self.assertRefused(UserError, "write in the verification note"):
            action.action_verify()
        self.assertEqual(action.state, "done")
        action.verification_note = "Training attendance sheets signed by all 12."
        action.action_verify()
        self.assertEqual(action.state, "verified")
        self.assertEqual(action.efficacy, "not_measured")
        self.assertFalse(action.verification_period_id)

    def test_verify_only_done_actions_and_reset(self):
        action = self._leaks()
        with self.assertRefused(
            UserError, "Only a done action can be verified; Fix the leaks is"
        ):
            action.action_verify()
        self._done(action).action_verify()
        # The context key the buttons once used opens no back door.
        forged = action.with_user(self.user).with_context(csr_action_verify=True)
        with self.assertRefused(UserError, "recorded when the action is verified"):
            forged.write({"efficacy": "not_effective"})
        with self.assertRefused(AccessError, "Only a CSR manager can delete"):
            action.with_user(self.user).unlink()
        with self.assertRefused(AccessError, "Only a CSR manager"):
            action.with_user(self.user).action_reset_to_draft()
        action.with_user(self.manager).action_reset_to_draft()
        self.assertEqual(action.state, "draft")
        self.assertFalse(action.efficacy)
        self.assertFalse(action.verification_period_id)
        self.assertEqual(action.value_change, 0.0)

    def test_overdue_cron_flags_each_open_action_once(self):
        today = fields.Date.context_today(self.env["csr.action"])
        past = today - timedelta(days=3)
        overdue = self._action(deadline=past)
        overdue.action_plan()
        done = self._done(self._action(name="Done late", deadline=past))
        self._action(name="Not yet due", deadline=today + timedelta(days=3))
        self._action(name="Nobody's", deadline=past, responsible_id=False)
        Action = self.env["csr.action"]
        activity_type = self.env.ref(
            "csr_management.mail_activity_type_csr_action_overdue"
        )

        def flags():
            return self.env["mail.activity"].search(
                [
                    ("res_model", "=", "csr.action"),
                    ("activity_type_id", "=", activity_type.id),
                ]
            )

        Action._cron_flag_overdue()
        activity = flags()
        self.assertEqual(activity.res_id, overdue.id)
        self.assertEqual(activity.user_id, self.user)
        self.assertEqual(activity.date_deadline, past)
        self.assertEqual(
            activity.summary, f"Overdue since {format_date(self.env, past)}"
        )
        Action._cron_flag_overdue()
        self.assertEqual(flags(), activity)
        self.assertFalse(done.activity_ids)
        # Once the reminder is dealt with, a still-overdue action gets a new one.
        activity.action_feedback(feedback="Postponed with the supplier.")
        Action._cron_flag_overdue()
        self.assertEqual(len(flags()), 1)
        self.assertNotEqual(flags(), activity)

    def test_overdue_cron_queries_do_not_grow_with_actions(self):
        past = fields.Date.context_today(self.env["csr.action"]) - timedelta(days=1)
        Action = self.env["csr.action"]

        def queries_to_flag(count):
            Action.create(
                [
                    {
                        "name": f"Late {i}",
                        "pillar": "social",
                        "deadline": past,
                        "responsible_id": self.user.id,
                    }
                    for i in range(count)
                ]
            )
            self.env.flush_all()
            self.env.invalidate_all()
            before = self.env.cr.sql_log_count
            Action._cron_flag_overdue()
            self.env.flush_all()
            return self.env.cr.sql_log_count - before

        queries_to_flag(1)  # warms the caches (model ids, xml ids)
        self.assertEqual(queries_to_flag(1), queries_to_flag(4))

    def test_scorecard_counts_verified_and_effective_actions(self):
        self._done(self._leaks()).action_verify()
        self._done(self._share()).action_verify()
        self._done(
            self._action(
                name="Monthly leak round",
                indicator_id=self.water.id,
                baseline_period_id=self.january.id,
                target_value=75.0,
                deadline=date(2025, 1, 20),
            )
        ).action_verify()
        Scorecard = self.env["csr.scorecard"]
        Scorecard._refresh_for(self.y2026)
        card = Scorecard.search([("period_id", "=", self.y2026.id)])
        self.assertEqual(card.action_verified_count, 2)
        self.assertEqual(card.action_effective_count, 1)
        opened = card.action_open_actions()
        self.assertEqual(
            sorted(self.env["csr.action"].search(opened["domain"]).mapped("name")),
            ["Fix the leaks", "Install solar panels"],
        )


@tagged("csr_maturity")
class TestActionAccess(CsrCase):
    """A CSR user changes the actions they answer for or created, reads the
    others; an auditor reads only; companies stay apart."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        Action = cls.env["csr.action"]
        cls.own = Action.with_user(cls.user).create(
            {"name": "Own action", "pillar": "social"}
        )
        cls.assigned = Action.with_user(cls.manager).create(
            {
                "name": "Assigned action",
                "pillar": "social",
                "responsible_id": cls.user.id,
            }
        )
        cls.other = Action.with_user(cls.manager).create(
            {"name": "Manager's action", "pillar": "social"}
        )
        cls.company_b = cls.env["res.company"].create({"name": "Muebles del Bajío SA"})
        cls.user_b = cls._make_user("csr_test_user_b", USER_GROUPS, cls.company_b)
        cls.manager_b = cls._make_user(
            "csr_test_manager_b", MANAGER_GROUPS, cls.company_b
        )
        cls.action_b = (
            cls.env["csr.action"]
            .with_user(cls.user_b)
            .with_context(allowed_company_ids=[cls.company_b.id])
            .create({"name": "Action of B", "pillar": "governance"})
        )

    def test_user_changes_own_and_assigned_actions_only(self):
        env = self.env(user=self.user)
        self.assertEqual(self.own.responsible_id, self.user)
        for action in (self.own, self.assigned):
            with self.subTest(action=action.name):
                action.with_env(env).write({"priority": "2"})
                self.assertEqual(action.priority, "2")
        other = self.other.with_env(env)
        self.assertEqual(other.name, "Manager's action")  # read
        with self.assertRefused(AccessError, "doesn't have 'write' access"):
            other.write({"priority": "3"})
        with self.assertRefused(AccessError, "doesn't have 'unlink' access"):
            other.unlink()
        # Commenting needs reading only.
        other.message_post(body="Shall I help with the supplier?")
        self.other.with_user(self.manager).write({"priority": "1"})
        self.own.with_user(self.manager).write({"priority": "1"})
        self.assertEqual(self.own.priority, "1")

    def test_auditor_reads_only(self):
        env = self.env(user=self.auditor)
        self.assertEqual(env["csr.action"].search_count([]), 3)
        with self.assertRefused(AccessError, "not allowed to create"):
            env["csr.action"].create({"name": "Audit", "pillar": "social"})
        with self.assertRefused(AccessError, "not allowed to modify"):
            self.own.with_env(env).write({"priority": "3"})

    def test_companies_stay_apart(self):
        env_a = self.env(user=self.user)
        self.assertEqual(
            env_a["csr.action"].search([]), self.own | self.assigned | self.other
        )
        with self.assertRaises(AccessError):
            self.action_b.with_env(env_a).read(["name"])
        env_b = self.env(
            user=self.manager_b, context={"allowed_company_ids": [self.company_b.id]}
        )
        self.assertEqual(env_b["csr.action"].search([]), self.action_b)
        self.assertEqual(self.action_b.company_id, self.company_b)
