# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Stakeholder dialogues: their states, their commitments turned into
improvement actions in one click, the topic ratings, access and companies.

A workshop with the neighbours (community group) on 10 March 2025 promises
"Publish the water use every quarter" on the water topic (environmental),
for the CSR user, by 30 June 2025. Its action must carry the title, the
origin "dialogue" pointing back to the workshop, the company, the
environmental pillar, the deadline and the responsible.
"""

from datetime import date, datetime

from odoo import Command
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import tagged

from .common import USER_GROUPS, DialogueCase


@tagged("csr_materiality")
class TestDialogue(DialogueCase):
    def setUp(self):
        super().setUp()
        self.dialogue = self._dialogue(
            stakeholder_group_ids=[Command.link(self.community.id)],
            topic_ids=[Command.link(self.water_topic.id)],
            commitment_ids=[
                Command.create(
                    {
                        "name": "Publish the water use every quarter",
                        "topic_id": self.water_topic.id,
                        "responsible_id": self.user.id,
                        "deadline": date(2025, 6, 30),
                    }
                )
            ],
        )
        self.commitment = self.dialogue.commitment_ids

    def test_commitment_becomes_an_action_in_one_click(self):
        commitment = self.commitment.with_user(self.user)
        opened = commitment.action_create_action()
        action = self.commitment.action_id
        self.assertTrue(action)
        self.assertEqual(
            (opened["res_model"], opened["res_id"]), ("csr.action", action.id)
        )
        self.assertEqual(action.name, "Publish the water use every quarter")
        self.assertEqual(action.origin, "dialogue")
        self.assertEqual(action.origin_ref, self.dialogue)
        self.assertEqual(action.company_id, self.company)
        self.assertEqual(action.pillar, "environmental")
        self.assertEqual(action.deadline, date(2025, 6, 30))
        self.assertEqual(action.responsible_id, self.user)
        self.assertIn("Neighbours workshop", action.description)
        self.assertEqual(self.commitment.action_state, "draft")
        self.assertEqual(self.dialogue.action_count, 1)
        action.action_plan()
        self.assertEqual(self.commitment.action_state, "planned")

    def test_second_click_is_refused(self):
        self.commitment.action_create_action()
        with self.assertRefused(UserError, "already has its improvement action"):
            self.commitment.action_create_action()
        self.assertEqual(
            self.env["csr.action"].search_count(
                [("origin_ref", "=", f"csr.dialogue,{self.dialogue.id}")]
            ),
            1,
        )

    def test_pillar_without_topic(self):
        promise = self.env["csr.dialogue.commitment"].create(
            {"dialogue_id": self.dialogue.id, "name": "Hire locally"}
        )
        with self.assertRefused(UserError, "Choose a topic or a pillar"):
            promise.action_create_action()
        self.assertFalse(promise.action_id)
        promise.pillar = "social"
        promise.action_create_action()
        self.assertEqual(promise.action_id.pillar, "social")
        # Nobody named: the organiser answers for it.
        self.assertEqual(promise.action_id.responsible_id, self.env.user)

    def test_batch_creates_all_or_nothing(self):
        second = self.env["csr.dialogue.commitment"].create(
            {
                "dialogue_id": self.dialogue.id,
                "name": "Plant trees by the river",
                "topic_id": self.climate.id,
            }
        )
        both = self.commitment | second
        opened = both.action_create_action()
        self.assertEqual(len(both.action_id), 2)
        self.assertEqual(opened["domain"], [("id", "in", both.action_id.ids)])
        third = self.env["csr.dialogue.commitment"].create(
            {"dialogue_id": self.dialogue.id, "name": "Open day", "pillar": "social"}
        )
        with self.assertRefused(UserError, "Plant trees by the river"):
            (both | third).action_create_action()
        self.assertFalse(third.action_id)

    def test_states(self):
        dialogue = self.dialogue.with_user(self.user)
        dialogue.action_held()
        self.assertEqual(dialogue.state, "held")
        with self.assertRefused(UserError, "Only a scheduled dialogue"):
            dialogue.action_held()
        dialogue.action_cancel()
        with self.assertRefused(UserError, "called off already"):
            dialogue.action_cancel()
        dialogue.action_reset_to_planned()
        self.assertEqual(dialogue.state, "planned")

    def test_end_before_start_is_refused(self):
        with self.assertRefused(ValidationError, "cannot end before it starts"):
            self._dialogue(name="Backwards", date_end=datetime(2025, 3, 9, 12, 0))

    def test_importance_must_be_1_to_5(self):
        for wrong in (0, 6):
            with self.subTest(importance=wrong):
                with self.assertRefused(ValidationError, "must be between 1 and 5"):
                    self.env["csr.dialogue.rating"].create(
                        {
                            "dialogue_id": self.dialogue.id,
                            "group_id": self.community.id,
                            "topic_id": self.water_topic.id,
                            "importance": wrong,
                        }
                    )
        rating = self.env["csr.dialogue.rating"].create(
            {
                "dialogue_id": self.dialogue.id,
                "group_id": self.community.id,
                "topic_id": self.water_topic.id,
                "importance": 5,
            }
        )
        self.assertEqual((rating.company_id, rating.year), (self.company, 2025))

    def test_auditor_reads_but_changes_nothing(self):
        env = self.env(user=self.auditor)
        self.assertEqual(env["csr.dialogue"].search([]), self.dialogue)
        self.assertTrue(env["csr.dialogue.commitment"].search([]))
        with self.assertRaises(AccessError):
            env["csr.dialogue"].browse(self.dialogue.id).write({"name": "x"})
        with self.assertRaises(AccessError):
            env["csr.dialogue.commitment"].browse(
                self.commitment.id
            ).action_create_action()
        with self.assertRaises(AccessError):
            self._dialogue(name="Audit").with_user(self.auditor).unlink()


@tagged("csr_materiality")
class TestDialogueCompanies(DialogueCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company_b = cls.env["res.company"].create({"name": "Muebles del Bajío SA"})
        cls.user_b = cls._make_user("csr_test_dialogue_b", USER_GROUPS, cls.company_b)
        cls.dialogue_a = cls._dialogue(
            commitment_ids=[Command.create({"name": "Promise", "pillar": "social"})],
            rating_ids=[
                Command.create(
                    {
                        "group_id": cls.community.id,
                        "topic_id": cls.climate.id,
                        "importance": 4,
                    }
                )
            ],
        )

    def test_other_company_sees_nothing(self):
        env_b = self.env(
            user=self.user_b, context={"allowed_company_ids": [self.company_b.id]}
        )
        for model in ("csr.dialogue", "csr.dialogue.commitment", "csr.dialogue.rating"):
            with self.subTest(model=model):
                self.assertFalse(env_b[model].search([]))
        with self.assertRaises(AccessError):
            env_b["csr.dialogue"].browse(self.dialogue_a.id).read(["name"])

    def test_participants_of_another_company_are_refused(self):
        employee_b = self.env["hr.employee"].create(
            {"name": "Rosa B", "company_id": self.company_b.id}
        )
        with self.assertRefused(UserError, "(?i)compan"):
            self._dialogue(name="Mixed", employee_ids=[Command.link(employee_b.id)])
