# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Maturity self-assessment: stages, data gate, index, pre-answers, history.

Each test builds its own small question bank, so the figures below are counted
by hand from the questions it creates. The shipped catalogue's core flags are
cleared so that only the test's own core indicators feed the data gate.

Index = sum over the four pillars of (stage + share of the next stage met)
/ 5 x 25; a pillar without questions is at stage 0 with no progress.
"""

from datetime import date

from odoo import Command
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import tagged

from .common import AssessmentCase, CsrCase


@tagged("csr_maturity")
class TestStages(AssessmentCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # Social: 5 questions at stage 1 (soc-1-1 critical), 5 at 2, 2 at 3.
        cls._questions("social", {1: 5, 2: 5, 3: 2}, critical={"soc-1-1"})

    def test_eighty_percent_rule_and_progress(self):
        """Stage 1 all met, stage 2 four of five (80 %), stage 3 one of two:
        stage 2, progress 50 %. Index: (2 + 0.5) / 5 x 25 = 12.5."""
        assessment = self._assess()
        answers = self._yes(*(f"soc-1-{n}" for n in range(1, 6)))
        answers.update(self._yes("soc-2-1", "soc-2-2", "soc-2-3", "soc-2-4"))
        answers.update({"soc-2-5": "no", "soc-3-1": "yes", "soc-3-2": "no"})
        self._answer(assessment, answers)

        social = self._pillar(assessment, "social")
        self.assertEqual(social.stage, "2")
        self.assertEqual(social.progress, 50.0)
        self.assertEqual((social.met_count, social.applicable_count), (10, 12))
        self.assertEqual(assessment.maturity_index, 12.5)
        # The pillars without questions are at stage 0: so is the whole firm.
        self.assertEqual(self._pillar(assessment, "economic").stage, "0")
        self.assertEqual(assessment.overall_stage, "0")

    def test_unmet_critical_question_blocks_the_stage(self):
        """Four of five at stage 1 is 80 %, but the unmet one is critical:
        stage 0, progress 80 %, index 0.8 / 5 x 25 = 4."""
        assessment = self._assess()
        answers = self._yes("soc-1-2", "soc-1-3", "soc-1-4", "soc-1-5")
        answers.update(self._yes(*(f"soc-2-{n}" for n in range(1, 6))))
        answers["soc-1-1"] = "no"
        self._answer(assessment, answers)

        social = self._pillar(assessment, "social")
        self.assertEqual(social.stage, "0")
        self.assertEqual(social.progress, 80.0)
        self.assertEqual(assessment.maturity_index, 4.0)

    def test_not_applicable_leaves_the_count_but_needs_a_reason(self):
        """soc-2-5 not applicable: stage 2 is four of four; a critical question
        cannot be marked not applicable at all."""
        assessment = self._assess()
        answers = self._yes(*(f"soc-1-{n}" for n in range(1, 6)))
        answers.update(self._yes("soc-2-1", "soc-2-2", "soc-2-3", "soc-2-4"))
        self._answer(assessment, answers)
        with self.assertRefused(ValidationError, "soc-2-5: explain in a comment"):
            self._answer(assessment, {"soc-2-5": "na"})
        self._answer(assessment, {"soc-2-5": "na"}, comment="We have no night shift.")
        social = self._pillar(assessment, "social")
        self.assertEqual((social.stage, social.applicable_count), ("2", 11))

        with self.assertRefused(ValidationError, "soc-1-1 is a legal obligation"):
            self._answer(assessment, {"soc-1-1": "na"}, comment="Not for us.")
        self.assertEqual(
            assessment.answer_ids.filtered(lambda a: a.code == "soc-1-1").answer, "yes"
        )


@tagged("csr_maturity")
class TestOverallAndGate(AssessmentCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        for pillar in ("economic", "environmental", "social", "governance"):
            cls._questions(pillar, {1: 1, 2: 1, 3: 1, 4: 2})
        # Two core governance indicators; the gate needs both (80 % of 2).
        cls.core_a, cls.core_b = cls.env["csr.indicator"].create(
            [
                {
                    "code": f"TST-GOV-{letter}",
                    "name": f"Test governance {letter}",
                    "pillar": "governance",
                    "unit": "yes/no",
                    "value_type": "boolean",
                    "source_type": "manual",
                    "is_core": True,
                }
                for letter in "AB"
            ]
        )

    def _climb(self, assessment, pillar, stage, next_met=0):
        """Answer the pillar's questions: stages up to ``stage`` met, then
        ``next_met`` of the two stage-4 questions met."""
        prefix = pillar[:3]
        answers = {f"{prefix}-{s}-1": "yes" if s <= stage else "no" for s in (1, 2, 3)}
        for number in (1, 2):
            answers[f"{prefix}-4-{number}"] = "yes" if number <= next_met else "no"
        self._answer(assessment, answers)

    def test_overall_is_the_lowest_pillar_and_index_adds_progress(self):
        """Economic 3 (one of two at stage 4 met: +0.5), environmental 2
        (stage 3 unmet: +0), social 1, governance gated. Governance answers
        reach 3 but no core value: held at 2, no progress.
        Index = (3.5 + 2 + 1 + 2) / 5 x 25 = 42.5; overall = 1."""
        assessment = self._assess()
        self._climb(assessment, "economic", 3, next_met=1)
        self._climb(assessment, "environmental", 2)
        self._climb(assessment, "social", 1)
        self._climb(assessment, "governance", 3, next_met=1)

        governance = self._pillar(assessment, "governance")
        self.assertEqual(
            (governance.stage, governance.answered_stage, governance.gated),
            ("2", "3", True),
        )
        self.assertEqual((governance.core_total, governance.core_measured), (2, 0))
        self.assertEqual(governance.progress, 0.0)
        self.assertEqual(self._pillar(assessment, "economic").progress, 50.0)
        self.assertEqual(assessment.overall_stage, "1")
        self.assertEqual(assessment.maturity_index, 42.5)

    def test_gate_opens_when_core_indicators_are_measured(self):
        """One of two core values is 50 %: still held. Both: stage 3 and
        half of stage 4, governance adds (3 + 0.5) / 5 x 25 = 17.5."""
        assessment = self._assess()
        self._climb(assessment, "governance", 3, next_met=1)
        self._make_value(self.core_a, self.year, 1.0)
        assessment.action_refresh()
        self.assertTrue(self._pillar(assessment, "governance").gated)

        self._make_value(self.core_b, self.year, 0.0)
        assessment.action_refresh()
        governance = self._pillar(assessment, "governance")
        self.assertEqual((governance.stage, governance.gated), ("3", False))
        self.assertEqual(assessment.maturity_index, 17.5)


@tagged("csr_maturity")
class TestPreAnswers(AssessmentCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.minimum_wage = cls.env.ref("csr_management.indicator_soc_13")
        auto = {
            "soc-1-1": {
                "auto_kind": "indicator",
                "auto_indicator_id": cls.minimum_wage.id,
                "auto_condition": "at_least",
                "auto_threshold": 1.0,
            },
            "soc-1-2": {
                "auto_kind": "indicator",
                "auto_indicator_id": cls.water.id,
                "auto_condition": "has_value",
            },
            "soc-2-1": {
                "auto_kind": "indicator",
                "auto_indicator_id": cls.water.id,
                "auto_condition": "improving",
            },
            "soc-2-2": {
                "auto_kind": "indicator",
                "auto_indicator_id": cls.share.id,
                "auto_condition": "at_most",
                "auto_threshold": 40.0,
            },
            "soc-3-1": {"auto_kind": "targets", "auto_threshold": 1.0},
        }
        cls._questions("social", {1: 2, 2: 2, 3: 1}, **auto)

    def _by_code(self, assessment, code):
        return assessment.answer_ids.filtered(lambda a: a.code == code)

    def test_answers_read_from_the_period(self):
        """2025: minimum wage met (1), water 100 m³ against 120 m³ in 2024
        (lower is better: improving), no renewable share (unknown), no target
        on a social indicator (0 < 1: no)."""
        self._make_value(self.minimum_wage, self.year, 1.0)
        self._make_value(self.water, self.year, 100.0)
        self._make_value(self.water, self.year_2024, 120.0)
        assessment = self._assess()
        self.assertEqual(assessment.period_id, self.year)

        wage = self._by_code(assessment, "soc-1-1")
        self.assertEqual((wage.auto_answer, wage.answer), ("yes", "yes"))
        self.assertIn("SOC-13 = yes in", wage.evidence)
        self.assertIn("at least yes", wage.evidence)
        self.assertEqual(self._by_code(assessment, "soc-1-2").answer, "yes")
        improving = self._by_code(assessment, "soc-2-1")
        self.assertEqual(improving.answer, "yes")
        self.assertIn("120.00 m³", improving.evidence)
        self.assertIn("100.00 m³", improving.evidence)
        unknown = self._by_code(assessment, "soc-2-2")
        self.assertEqual((unknown.auto_answer, unknown.answer), ("unknown", False))
        targets = self._by_code(assessment, "soc-3-1")
        self.assertEqual(targets.answer, "no")
        self.assertIn(
            "0 indicator(s) of the pillar have a target for 2025", targets.evidence
        )
        # Stage 1 both met, stage 2 one of two answered yes: stage 1.
        self.assertEqual(self._pillar(assessment, "social").stage, "1")

    def test_refresh_reads_new_values_and_keeps_overrides(self):
        """No values: water not measured (no). The respondent overrides the
        targets question with a comment; a new value and a social target
        turn the ERP's answers to yes, the override stays."""
        assessment = self._assess()
        self.assertEqual(self._by_code(assessment, "soc-1-2").answer, "no")
        with self.assertRefused(ValidationError, "soc-3-1: explain in a comment"):
            self._answer(assessment, {"soc-3-1": "yes"})
        self._answer(
            assessment, {"soc-3-1": "yes"}, comment="Targets in the board minutes."
        )
        self.assertTrue(self._by_code(assessment, "soc-3-1").is_override)

        self._make_value(self.water, self.year, 80.0)
        self.env["csr.target"].create(
            {
                "indicator_id": self.env.ref("csr_management.indicator_soc_09").id,
                "year": 2025,
                "target_value": 0.0,
                "amber_limit": 1.0,
            }
        )
        assessment.action_refresh()
        self.assertEqual(self._by_code(assessment, "soc-1-2").answer, "yes")
        targets = self._by_code(assessment, "soc-3-1")
        self.assertEqual((targets.auto_answer, targets.answer), ("yes", "yes"))
        self.assertFalse(targets.is_override)
        self.assertEqual(targets.manual_answer, "yes")

    def test_without_period_indicator_questions_are_unknown(self):
        assessment = self._assess(date=date(2024, 6, 1))
        self.assertFalse(assessment.period_id)
        wage = self._by_code(assessment, "soc-1-1")
        self.assertEqual((wage.auto_answer, wage.answer), ("unknown", False))
        self.assertIn("Choose the assessed period", wage.evidence)


@tagged("csr_maturity")
class TestHistory(AssessmentCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._questions("social", {1: 1, 2: 1})

    def test_close_compare_and_reopen(self):
        first = self._assess(date=date(2025, 3, 1))
        self._answer(first, {"soc-1-1": "yes"})
        with self.assertRefused(UserError, "1 question.*soc-2-1"):
            first.action_close()
        self._answer(first, {"soc-2-1": "no"})
        first.action_close()
        self.assertEqual(
            (first.state, self._pillar(first, "social").stage), ("done", "1")
        )
        with self.assertRefused(UserError, "closed"):
            self._answer(first, {"soc-2-1": "yes"})

        second = self._assess()
        self.assertEqual(second.compare_id, first)
        self._answer(second, {"soc-1-1": "no", "soc-2-1": "yes"})
        moved = {a.code: a.movement for a in second.moved_answer_ids}
        self.assertEqual(moved, {"soc-1-1": "lost", "soc-2-1": "gained"})
        social = self._pillar(second, "social")
        self.assertEqual(
            (social.previous_stage, social.stage, social.stage_change), ("1", "0", -1)
        )
        # Social stage 1 with stage 2 not met was 5 points; now stage 0 with
        # nothing of stage 1 met is 0.
        self.assertEqual((first.maturity_index, second.index_change), (5.0, -5.0))

        # Comparing a closed assessment with another moves nothing but the
        # comparison: its own stages stay as closed.
        second.compare_id = False
        first.compare_id = second
        self.assertEqual(
            (self._pillar(first, "social").stage, first.maturity_index), ("1", 5.0)
        )
        self.assertEqual(self._pillar(first, "social").stage_change, 1)
        self.assertEqual(
            {a.code: a.movement for a in first.answer_ids},
            {"soc-1-1": "gained", "soc-2-1": "lost"},
        )

        with self.assertRefused(AccessError, "Only a CSR manager"):
            first.with_user(self.user).action_reopen()
        first.with_user(self.manager).action_reopen()
        self.assertEqual(first.state, "draft")


@tagged("csr_maturity")
class TestSectorTemplate(AssessmentCase):
    def test_template_narrows_and_extends_the_bank(self):
        """General: soc-1-1, soc-1-2; sector-only: soc-2-1. The services
        template removes soc-1-2 and adds soc-2-1."""
        general_keep, general_drop, _sector = self._questions("social", {1: 2, 2: 1})
        _sector.sector_only = True
        services = self.env.ref("csr_management.sector_services")
        template = self.env["csr.assessment.template"].create(
            {
                "name": "Services",
                "sector_id": services.id,
                "bank_id": self.bank.id,
                "added_question_ids": [Command.link(_sector.id)],
                "removed_question_ids": [Command.link(general_drop.id)],
            }
        )
        self.assertEqual(
            self._assess().answer_ids.question_id, general_keep | general_drop
        )

        self.company.csr_sector_id = services
        assessment = self._assess()
        self.assertEqual(assessment.template_id, template)
        self.assertEqual(assessment.answer_ids.question_id, general_keep | _sector)


@tagged("csr_maturity")
class TestAssessmentAccess(AssessmentCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._questions("social", {1: 1})

    def test_roles(self):
        """A CSR User runs and answers an assessment; an Auditor reads it and
        changes nothing; nobody writes results by hand."""
        assessment = self._assess().with_user(self.user)
        self._answer(assessment, {"soc-1-1": "yes"})
        self.assertEqual(assessment.overall_stage, "0")
        self.assertEqual(self._pillar(assessment, "social").stage, "1")
        with self.assertRaises(AccessError):
            self._pillar(assessment, "social").write({"stage": "5"})

        audited = assessment.with_user(self.auditor)
        self.assertEqual(audited.answer_ids.answer, "yes")
        with self.assertRaises(AccessError):
            audited.answer_ids.write({"manual_answer": "no"})
        with self.assertRaises(AccessError):
            self.env["csr.assessment"].with_user(self.auditor).create(
                {"bank_id": self.bank.id}
            )

    def test_only_answers_and_comments_are_typed(self):
        """Snapshot fields, the ERP's reading and the status are the system's."""
        assessment = self._assess().with_user(self.user)
        answer = assessment.answer_ids
        for vals in ({"auto_answer": "yes"}, {"critical": True}, {"stage": "3"}):
            with self.subTest(vals=vals):
                with self.assertRefused(UserError, "Only your answer and comment"):
                    answer.write(vals)
        with self.assertRefused(UserError, "cannot be added by hand"):
            self.env["csr.assessment.answer"].with_user(self.manager).create(
                {
                    "assessment_id": assessment.id,
                    "question_id": answer.question_id.id,
                    "code": "x",
                    "pillar": "social",
                    "stage": "1",
                }
            )
        with self.assertRefused(UserError, "closed and reopened with its buttons"):
            assessment.write({"state": "done"})
        self.assertEqual(assessment.state, "draft")

    def test_not_applicable_is_its_own_movement(self):
        first = self._assess(date=date(2025, 3, 1))
        self._answer(first, {"soc-1-1": "yes"})
        first.action_close()
        second = self._assess()
        self._answer(second, {"soc-1-1": "na"}, comment="Sold the plant.")
        self.assertEqual(second.answer_ids.movement, "excluded")
        self.assertEqual(second.moved_answer_ids, second.answer_ids)

    def test_companies_do_not_see_each_other(self):
        other = self.env["res.company"].create({"name": "Muebles del Norte SA"})
        theirs = self._assess(company_id=other.id)
        self.assertEqual(theirs.company_id, other)
        ours = self._assess()
        for model in (
            "csr.assessment",
            "csr.assessment.answer",
            "csr.assessment.pillar",
        ):
            visible = self.env[model].with_user(self.user).search([])
            self.assertTrue(visible, model)
            self.assertEqual(visible.company_id, self.company, model)
        self.assertEqual(
            self.env["csr.assessment"].with_user(self.user).search([]), ours
        )

    def test_company_templates_stay_apart(self):
        """A company's own template is invisible to the others; shared ones
        (no company) are seen by all."""
        other = self.env["res.company"].create({"name": "Muebles del Norte SA"})
        Template = self.env["csr.assessment.template"]
        services = self.env.ref("csr_management.sector_services")
        theirs = Template.create(
            {
                "name": "Their services",
                "sector_id": services.id,
                "bank_id": self.bank.id,
                "company_id": other.id,
            }
        )
        shared = Template.create(
            {"name": "Services", "sector_id": services.id, "bank_id": self.bank.id}
        )
        visible = Template.with_user(self.user).search([("bank_id", "=", self.bank.id)])
        self.assertEqual(visible, shared)
        self.assertNotIn(theirs, visible)


@tagged("csr_maturity")
class TestShippedBank(CsrCase):
    """The shipped bank 2026.1 as a services company meets it."""

    def test_services_company_is_asked_its_template(self):
        """Services template: 111 general questions - 2 removed + 3 added."""
        self.company.csr_sector_id = self.env.ref("csr_management.sector_services")
        wage = self.env.ref("csr_management.indicator_soc_13")
        self._make_value(wage, self.year, 1.0)
        assessment = self.env["csr.assessment"].create({"date": date(2026, 3, 1)})
        self.assertEqual(
            assessment.bank_id, self.env.ref("csr_management.question_bank_2026")
        )
        self.assertEqual(
            assessment.template_id,
            self.env.ref("csr_management.assessment_template_services"),
        )
        self.assertEqual(len(assessment.answer_ids), 112)
        answer = assessment.answer_ids.filtered(lambda a: a.code == "SOC-1-02")
        self.assertEqual((answer.auto_answer, answer.answer), ("yes", "yes"))
        self.assertEqual(
            answer.evidence, "SOC-13 = yes in 2025 (needed: at least yes)."
        )
        self.assertEqual(assessment.overall_stage, "0")
