# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Policies: approval, review reminders, GOV-05 / GOV-02, pre-answers, access.

Policies of Tostadora Andina built by hand (topics are the shipped ones, with
their VSME matter in brackets):

  P1 Environmental policy   environmental, topics climate [climate] and water
                            [water]; approved 1 Mar 2024
  P2 Ethics code            anti-corruption, no topic [business conduct by its
                            area]; approved 1 Feb 2025, communicated 1 Mar 2025
  P3 Old labour policy      labour and human rights [own workforce by its area];
                            approved 1 Jan 2023, retired 30 Jun 2025
  P4 Community policy       community [communities]; approved 15 Jan 2026
  P5 Supplier code          suppliers, topics fair payment [business conduct]
                            and human rights [value-chain workers]; approved
                            31 Dec 2025
  P6 Circular economy       other, topic circular [circular]; still a draft
  P7 Pollution prevention   other, topic pollution [pollution]; approved 1 Jan
                            2024, retired 31 Dec 2025
  plus a policy of another company on biodiversity, approved in 2024.

Year 2025 (ends 31 Dec 2025): in force P1, P2, P5 (approved that very day) and
P7 (retired that day, not before); P3 retired before, P4 approved after, P6 a
draft. Matters: climate, pollution, water, value-chain workers, business
conduct = GOV-05 5; P2 was communicated by then: GOV-02 yes.
January 2025: P1, P3, P7 in force (P2 not approved yet): climate, pollution,
water, own workforce = 4; no ethics code yet: GOV-02 no.

GOV-08 (matters whose policy has a target), year 2025: P1 is measured by
ENV-01, which has a target for 2025 (climate, water); P5 by ECO-07, with a
target on the year period itself (value-chain workers, business conduct);
P7 by ENV-14, whose only 2025 target is another company's, and P3 by SOC-09
with a 2024 target (retired anyway): 4 matters, policies P1 and P5.
"""

import base64
from datetime import date

from odoo import Command
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import tagged

from ..report.vsme_template import VsmeTemplate
from ..services.policies import fetch_policies
from ..services.vsme_digital import VsmeDigital
from .common import MANAGER_GROUPS, USER_GROUPS, CsrCase

REVIEW_TYPE = "csr_management.mail_activity_type_csr_policy_review"


class PolicyCase(CsrCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.topics = {
            code: cls.env["csr.material.topic"].search([("code", "=", code)])
            for code in (
                "ENV-CLIMATE",
                "ENV-WATER",
                "ENV-POLLUTION",
                "ENV-CIRCULAR",
                "ENV-BIODIV",
                "ECO-PAY",
                "SOC-HUMAN",
            )
        }

    @classmethod
    def _policy(cls, name, area, approved=None, topics=(), company=None, **vals):
        """A policy with a text; approved by a manager on ``approved``."""
        policy = cls.env["csr.policy"].create(
            {
                "name": name,
                "policy_area": area,
                "company_id": (company or cls.company).id,
                "owner_id": cls.user.id if not company else False,
                "body": f"<p>{name}: our commitments.</p>",
                "topic_ids": [Command.set([cls.topics[t].id for t in topics])],
                **vals,
            }
        )
        if approved:
            policy.approval_date = approved
            if company:
                policy.owner_id = cls.env.user
            policy.action_approve()
        return policy

    @classmethod
    def _retire(cls, policy, on):
        policy.action_retire()
        policy.end_date = on


@tagged("csr_maturity")
class TestPolicyLifecycle(PolicyCase):
    def test_approve_records_who_and_schedules_the_review(self):
        policy = self._policy("Environmental policy", "environmental")
        policy.with_user(self.manager).write({"approval_date": date(2025, 3, 15)})
        policy.with_user(self.manager).action_approve()
        self.assertEqual(policy.state, "approved")
        self.assertEqual(policy.approved_by_id, self.manager)
        # Twelve months by default, company-independent.
        self.assertEqual(policy.next_review_date, date(2026, 3, 15))
        policy.review_interval_months = 6
        self.assertEqual(policy.next_review_date, date(2025, 9, 15))

    def test_approval_needs_owner_date_and_the_policy_itself(self):
        policy = self._policy("Empty", "environmental", body=False)
        policy.owner_id = False
        with self.assertRefused(
            UserError,
            "needs an owner, the approval date, the policy itself",
        ):
            policy.action_approve()
        self.assertEqual(policy.state, "draft")
        # A signed document is enough, without a written text.
        policy.write(
            {
                "owner_id": self.user.id,
                "approval_date": date(2025, 1, 10),
                "document_ids": [
                    Command.create(
                        {
                            "name": "policy.pdf",
                            "datas": base64.b64encode(b"%PDF-1.4 signed"),
                        }
                    )
                ],
            }
        )
        policy.action_approve()
        self.assertEqual(policy.state, "approved")

    def test_dates_are_checked(self):
        policy = self._policy("Ethics code", "anti_corruption")
        with self.assertRefused(ValidationError, "enter the date it was commun"):
            policy.write({"communicated": True})
        with self.assertRefused(ValidationError, "communication date cannot be in"):
            policy.write({"communicated": True, "communication_date": date(2999, 1, 1)})
        with self.assertRefused(ValidationError, "approval date cannot be in the fut"):
            policy.write({"approval_date": date(2999, 1, 1)})
        self.assertFalse(policy.communicated)
        policy.write({"communicated": True, "communication_date": date(2025, 3, 1)})
        self.assertEqual(policy.communication_date, date(2025, 3, 1))

    def test_retire_and_replace(self):
        old = self._policy("Code 2023", "anti_corruption", approved=date(2023, 1, 1))
        new = self._policy(
            "Code 2025",
            "anti_corruption",
            approved=date(2025, 6, 1),
            replaced_policy_id=old.id,
        )
        self.assertEqual((old.state, old.end_date), ("superseded", date(2025, 6, 1)))
        with self.assertRefused(UserError, "only approved policies can"):
            old.action_retire()
        new.action_retire()
        self.assertEqual(new.state, "retired")
        self.assertTrue(new.end_date)
        with self.assertRefused(UserError, "Only draft policies can be deleted"):
            new.unlink()
        with self.assertRefused(ValidationError, "give the date it ended"):
            new.end_date = False
        with self.assertRefused(ValidationError, "cannot replace itself"):
            new.replaced_policy_id = new


@tagged("csr_maturity")
class TestPolicyReviews(PolicyCase):
    """Today is 10 January 2026; reminders 30 days ahead, i.e. up to 9 Feb."""

    TODAY = date(2026, 1, 10)

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # Due 20 Jan 2026 (within the notice) and 1 Jun 2025 (overdue).
        cls.soon = cls._policy("Soon", "environmental", approved=date(2025, 1, 20))
        cls.late = cls._policy("Late", "suppliers", approved=date(2024, 6, 1))
        # Due 1 Mar 2026, later than the notice; a draft and a retired policy.
        cls.later = cls._policy("Later", "community", approved=date(2025, 3, 1))
        cls._policy("Draft", "other")
        cls._retire(
            cls._policy("Retired", "other", approved=date(2023, 1, 1)),
            date(2024, 1, 1),
        )

    def _reminders(self):
        return self.env["mail.activity"].search(
            [
                ("res_model", "=", "csr.policy"),
                ("activity_type_id", "=", self.env.ref(REVIEW_TYPE).id),
            ]
        )

    def test_due_reviews_get_one_reminder_each(self):
        Policy = self.env["csr.policy"]
        Policy._cron_schedule_reviews(today=self.TODAY)
        reminders = self._reminders()
        self.assertEqual(set(reminders.mapped("res_id")), {self.soon.id, self.late.id})
        self.assertEqual(reminders.user_id, self.user)
        soon = reminders.filtered(lambda a: a.res_id == self.soon.id)
        self.assertEqual(soon.date_deadline, date(2026, 1, 20))
        # Run again: still one per policy.
        Policy._cron_schedule_reviews(today=self.TODAY)
        self.assertEqual(self._reminders(), reminders)

    def test_notice_is_a_system_setting(self):
        self.env["ir.config_parameter"].set_param(
            "csr_management.policy_review_notice_days", "60"
        )
        self.env["csr.policy"]._cron_schedule_reviews(today=self.TODAY)
        self.assertIn(self.later.id, self._reminders().mapped("res_id"))

    def test_mark_reviewed_moves_the_date_and_closes_the_reminder(self):
        Policy = self.env["csr.policy"]
        Policy._cron_schedule_reviews(today=self.TODAY)
        self.soon.with_user(self.user).action_mark_reviewed(today=date(2026, 1, 12))
        self.assertEqual(self.soon.last_review_date, date(2026, 1, 12))
        self.assertEqual(self.soon.next_review_date, date(2027, 1, 12))
        self.assertEqual(self._reminders().mapped("res_id"), [self.late.id])
        self.assertIn("Reviewed on", self.soon.message_ids[0].body)
        Policy._cron_schedule_reviews(today=self.TODAY)
        self.assertEqual(self._reminders().mapped("res_id"), [self.late.id])
        # Someone else than the owner or a manager may not.
        other = self._make_user("csr_test_user_2", USER_GROUPS)
        with self.assertRefused(AccessError, "Only the owner of a policy"):
            self.late.with_user(other).action_mark_reviewed(today=self.TODAY)

    def test_retiring_drops_the_reminder(self):
        self.env["csr.policy"]._cron_schedule_reviews(today=self.TODAY)
        self.late.action_retire()
        self.assertEqual(self._reminders().mapped("res_id"), [self.soon.id])


@tagged("csr_maturity")
class TestPolicyIndicators(PolicyCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env["csr.policy"].search([]).unlink()  # none shipped, but be sure
        cls.p1 = cls._policy(
            "Environmental policy",
            "environmental",
            date(2024, 3, 1),
            topics=("ENV-CLIMATE", "ENV-WATER"),
        )
        cls.p2 = cls._policy("Ethics code", "anti_corruption", date(2025, 2, 1))
        cls.p2.write({"communicated": True, "communication_date": date(2025, 3, 1)})
        cls.p3 = cls._policy(
            "Old labour policy", "labour_human_rights", date(2023, 1, 1)
        )
        cls._retire(cls.p3, date(2025, 6, 30))
        cls.p4 = cls._policy("Community policy", "community", date(2026, 1, 15))
        cls.p5 = cls._policy(
            "Supplier code",
            "suppliers",
            date(2025, 12, 31),
            topics=("ECO-PAY", "SOC-HUMAN"),
        )
        cls.p6 = cls._policy("Circular economy", "other", topics=("ENV-CIRCULAR",))
        cls.p7 = cls._policy(
            "Pollution prevention", "other", date(2024, 1, 1), topics=("ENV-POLLUTION",)
        )
        cls._retire(cls.p7, date(2025, 12, 31))
        cls.company_b = cls.env["res.company"].create({"name": "Muebles del Bajío SA"})
        cls.policy_b = cls._policy(
            "Biodiversity policy of B",
            "environmental",
            date(2024, 1, 1),
            topics=("ENV-BIODIV",),
            company=cls.company_b,
        )

    def _values(self, period):
        period.action_compute()
        return {value.code: value for value in period.value_ids}

    def _source_records(self, value):
        action = value.action_open_source_records()
        return self.env[action["res_model"]].search(action["domain"])

    def test_year_counts_the_policies_in_force_at_its_end(self):
        values = self._values(self.year)
        coverage = values["GOV-05"]
        self.assertEqual(coverage.value, 5.0)
        self.assertEqual(coverage.source, "computed")
        self.assertEqual(
            self._source_records(coverage), self.p1 | self.p2 | self.p5 | self.p7
        )
        self.assertIn(
            "5 of 10 matters: Climate change, Pollution, Water and marine "
            "resources, Workers in the value chain, Business conduct.",
            coverage.calculation_note,
        )
        self.assertIn("Anti-corruption and ethics code 1", coverage.calculation_note)
        ethics = values["GOV-02"]
        self.assertEqual(ethics.value, 1.0)
        self.assertEqual(self._source_records(ethics), self.p2)

    def test_january_before_the_ethics_code(self):
        values = self._values(self.january)
        self.assertEqual(values["GOV-05"].value, 4.0)
        self.assertEqual(
            self._source_records(values["GOV-05"]), self.p1 | self.p3 | self.p7
        )
        self.assertEqual(values["GOV-02"].value, 0.0)
        self.assertFalse(self._source_records(values["GOV-02"]))

    def test_matters_with_a_policy_target(self):
        indicators = {
            code: self.env["csr.indicator"].search(
                [("code", "=", code), ("company_id", "=", False)]
            )
            for code in ("ENV-01", "ECO-07", "ENV-14", "SOC-09")
        }
        for policy, code in (
            (self.p1, "ENV-01"),
            (self.p5, "ECO-07"),
            (self.p7, "ENV-14"),
            (self.p3, "SOC-09"),
        ):
            policy.indicator_ids = indicators[code]
        Target = self.env["csr.target"]
        limits = {"target_value": 10.0, "amber_limit": 20.0}
        Target.create({"indicator_id": indicators["ENV-01"].id, "year": 2025, **limits})
        Target.create(  # ECO-07, local purchasing: higher is better
            {
                "indicator_id": indicators["ECO-07"].id,
                "period_id": self.year.id,
                "target_value": 60.0,
                "amber_limit": 40.0,
            }
        )
        Target.create(
            {
                "indicator_id": indicators["ENV-14"].id,
                "company_id": self.company_b.id,
                "year": 2025,
                **limits,
            }
        )
        Target.create({"indicator_id": indicators["SOC-09"].id, "year": 2024, **limits})
        targeted = self._values(self.year)["GOV-08"]
        self.assertEqual(targeted.value, 4.0)
        self.assertEqual(self._source_records(targeted), self.p1 | self.p5)
        self.assertIn(
            "4 of 10 matters have a policy with a target: Climate change, Water "
            "and marine resources, Workers in the value chain, Business conduct.",
            targeted.calculation_note,
        )
        self.assertEqual(self._values(self.january)["GOV-08"].value, 2.0)
        # VSME B2: "a target related to a policy" follows GOV-08, in the
        # digital report and in EFRAG's template (row 512: the matters, then
        # public, then target)
        self.assertFalse(self.company.csr_policies_targets)
        digital = VsmeDigital(self.env, self.year).build()
        target_fact = [
            f.value
            for f in digital.facts
            if f.concept == "vsme:UndertakingHasSetATargetWhichIsRelatedToAPolicy"
            and f.period == "current"
        ]
        self.assertEqual(target_fact, [True])
        cells = VsmeTemplate(digital).build().cells
        row = {
            ref: cells.get(("General Information", f"{ref}512"))
            for ref in "CDEFGHIJKLMO"
        }
        self.assertEqual(
            row,
            {
                "C": True,
                "D": True,  # climate
                "E": True,  # pollution
                "F": True,  # water
                "G": None,
                "H": None,
                "I": None,
                "J": True,  # value-chain workers
                "K": None,
                "L": None,
                "M": True,  # business conduct
                "O": True,
            },
        )

    def test_a_code_communicated_after_the_period_end_is_no(self):
        self.p2.communication_date = date(2026, 1, 5)
        self.assertEqual(self._values(self.year)["GOV-02"].value, 0.0)

    def test_queries_do_not_grow_with_policies(self):
        sources = self.env["csr.indicator.source"].search(
            [("method", "in", ("policy_matters", "policy_ethics_code"))]
        )
        self.assertEqual(len(sources), 2)

        def queries():
            self.env.flush_all()
            self.env.invalidate_all()
            before = self.env.cr.sql_log_count
            figures = fetch_policies(self.env, self.year, sources)
            return self.env.cr.sql_log_count - before, figures

        queries()  # warms the caches
        first, _figures = queries()
        for n in range(4):
            self._policy(f"More {n}", "other", date(2024, 5, 1), topics=("ENV-WATER",))
        count, figures = queries()
        self.assertEqual(count, first)
        matters = sources.filtered(lambda s: s.method == "policy_matters")
        self.assertIn("Other 5", figures[matters].note)

    def test_a_company_without_policies_gets_no_figure(self):
        period_b = self._make_period(
            "year", date(2025, 1, 1), date(2025, 12, 31), company=self.company_b
        )
        self.policy_b.action_retire()
        self.policy_b.end_date = date(2024, 6, 1)
        self.assertEqual(self._values(period_b)["GOV-05"].value, 0.0)
        empty = self.env["res.company"].create({"name": "Sin Políticas SAS"})
        period = self._make_period(
            "year", date(2025, 1, 1), date(2025, 12, 31), company=empty
        )
        values = self._values(period)
        self.assertNotIn("GOV-05", values)
        self.assertNotIn("GOV-02", values)


@tagged("csr_maturity")
class TestPolicyPreAnswers(PolicyCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.bank = cls.env["csr.question.bank"].create(
            {"name": "Policy bank", "version": "TEST.P"}
        )
        cls.question = cls.env["csr.question"].create(
            {
                "bank_id": cls.bank.id,
                "code": "env-3-1",
                "name": "A written environmental policy is known by the staff.",
                "pillar": "environmental",
                "stage": "3",
                "iso_subject": "environment",
                "auto_kind": "policy",
                "auto_policy_area": "environmental",
            }
        )

    def _answer(self):
        assessment = self.env["csr.assessment"].create(
            {
                "bank_id": self.bank.id,
                "date": date(2026, 3, 1),
                "period_id": self.year.id,
            }
        )
        return assessment.answer_ids.filtered(lambda a: a.code == "env-3-1")

    def test_an_approved_policy_communicated_by_the_period_end_is_yes(self):
        policy = self._policy("Environmental policy", "environmental", date(2025, 2, 1))
        answer = self._answer()
        self.assertEqual(answer.auto_answer, "no")
        self.assertIn("No approved environmental policy", answer.evidence)
        policy.write({"communicated": True, "communication_date": date(2025, 4, 1)})
        answer = self._answer()
        self.assertEqual((answer.auto_answer, answer.answer), ("yes", "yes"))
        self.assertIn("Environmental policy", answer.evidence)
        # Communicated only after the period: not yet known by the staff then.
        policy.communication_date = date(2026, 2, 1)
        self.assertEqual(self._answer().auto_answer, "no")

    def test_the_area_is_required_and_the_bank_uses_it(self):
        with self.assertRefused(ValidationError, "choose the policy area"):
            self.question.auto_policy_area = False
        shipped = self.env.ref("csr_management.question_env_3_03")
        self.assertEqual(
            (shipped.auto_kind, shipped.auto_policy_area), ("policy", "environmental")
        )


@tagged("csr_maturity")
class TestPolicyAccess(PolicyCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company_b = cls.env["res.company"].create({"name": "Muebles del Bajío SA"})
        cls.manager_b = cls._make_user(
            "csr_test_manager_b", MANAGER_GROUPS, cls.company_b
        )
        cls.policy_a = cls._policy("Code A", "anti_corruption", date(2025, 1, 1))
        cls.policy_b = (
            cls.env["csr.policy"]
            .with_user(cls.manager_b)
            .with_context(allowed_company_ids=[cls.company_b.id])
            .create({"name": "Code B", "policy_area": "anti_corruption"})
        )

    def test_users_draft_managers_approve(self):
        Policy = self.env["csr.policy"].with_user(self.user)
        draft = Policy.create(
            {
                "name": "Supplier code",
                "policy_area": "suppliers",
                "state": "draft",
                "body": "<p>Fair terms.</p>",
                "approval_date": date(2025, 5, 1),
            }
        )
        self.assertEqual(draft.owner_id, self.user)
        with self.assertRefused(AccessError, "Only a CSR manager can approve"):
            draft.action_approve()
        with self.assertRefused(AccessError, "Only a CSR manager"):
            draft.write({"state": "approved"})
        with self.assertRefused(AccessError, "Only a CSR manager"):
            Policy.create(
                {"name": "Sneaky", "policy_area": "other", "state": "approved"}
            )
        with self.assertRefused(AccessError, "Only a CSR manager can retire"):
            self.policy_a.with_user(self.user).action_retire()
        draft.with_user(self.manager).action_approve()
        self.assertEqual(draft.state, "approved")
        self.assertEqual(draft.approved_by_id, self.manager)
        # Once approved, when and where it applies is the manager's to change:
        # a backdated approval would count it in past periods.
        for change in (
            {"approval_date": date(2020, 1, 1)},
            {"end_date": date(2026, 1, 1)},
            {"communicated": True, "communication_date": date(2025, 5, 2)},
        ):
            with self.assertRefused(AccessError, "change when or where"):
                draft.write(change)
        # Its name and text are what management approved.
        with self.assertRefused(UserError, "New Version"):
            draft.write({"name": "Supplier code of conduct"})
        draft.with_user(self.manager).write({"approval_date": date(2025, 4, 1)})
        self.assertEqual(draft.approval_date, date(2025, 4, 1))

    def test_auditor_reads_only(self):
        env = self.env(user=self.auditor)
        self.assertEqual(env["csr.policy"].search([]), self.policy_a)
        with self.assertRefused(AccessError, "not allowed to create"):
            env["csr.policy"].create({"name": "Audit", "policy_area": "other"})
        with self.assertRefused(AccessError, "not allowed to modify"):
            self.policy_a.with_env(env).write({"name": "Changed"})

    def test_companies_stay_apart(self):
        env_a = self.env(user=self.user)
        self.assertEqual(env_a["csr.policy"].search([]), self.policy_a)
        with self.assertRaises(AccessError):
            self.policy_b.with_env(env_a).read(["name"])
        env_b = self.env(
            user=self.manager_b, context={"allowed_company_ids": [self.company_b.id]}
        )
        self.assertEqual(env_b["csr.policy"].search([]), self.policy_b)
        self.assertEqual(self.policy_b.company_id, self.company_b)
        # An owner of company A cannot own B's policy.
        with self.assertRefused(UserError, "ncompatible compan"):
            self.policy_b.owner_id = self.user
