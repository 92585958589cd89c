# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The auditor reads and leaves review notes; he changes nothing."""

from datetime import date

from odoo import Command
from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from .common import CsrCase

NOTES_ONLY = "internal notes only"


@tagged("csr_security")
class TestAuditor(CsrCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.value = cls._make_value(cls, period=cls.january)
        cls.action = cls.env["csr.action"].create(
            {"name": "Fix the leaks", "pillar": "environmental"}
        )
        cls.policy = cls.env["csr.policy"].create({"name": "Ethics code"})
        cls.scorecard = (
            cls.env["csr.scorecard"]
            .sudo()
            .create({"period_id": cls.january.id, "company_id": cls.company.id})
        )
        cls.assessment = cls.env["csr.assessment"].create({})

    def _notes(self, record):
        return self.env["mail.message"].search(
            [("model", "=", record._name), ("res_id", "=", record.id)]
        )

    def test_auditor_logs_review_notes_on_figures(self):
        for record in (self.value, self.january, self.scorecard):
            before = self._notes(record)
            record.with_user(self.auditor).message_post(
                body="Checked against the invoices.",
                message_type="comment",
                subtype_xmlid="mail.mt_note",
            )
            note = self._notes(record) - before
            self.assertEqual(len(note), 1, record._name)
            self.assertTrue(note.subtype_id.internal)
            self.assertEqual(note.author_id, self.auditor.partner_id)

    def test_auditor_sends_no_message_and_no_attachment(self):
        partner = self.manager.partner_id
        attempts = [
            {"message_type": "comment", "subtype_xmlid": "mail.mt_comment"},
            {
                "message_type": "comment",
                "subtype_xmlid": "mail.mt_note",
                "partner_ids": [partner.id],
            },
            {
                "message_type": "comment",
                "subtype_xmlid": "mail.mt_note",
                "attachments": [("a.txt", b"x")],
            },
            {"message_type": "notification"},
        ]
        for kwargs in attempts:
            with self.assertRefused(AccessError, NOTES_ONLY):
                self.january.with_user(self.auditor).message_post(body="Hi", **kwargs)
        self.assertFalse(
            self._notes(self.january).filtered(
                lambda m: m.author_id == self.auditor.partner_id
            )
        )

    def test_auditor_cannot_post_on_actions_policies_suggestions(self):
        for record in (self.action, self.policy):
            with self.assertRefused(AccessError, "not write on them"):
                record.with_user(self.auditor).message_post(
                    body="Note",
                    message_type="comment",
                    subtype_xmlid="mail.mt_note",
                )

    def test_auditor_schedules_no_activity(self):
        for record in (self.action, self.policy, self.january, self.value):
            with self.assertRaises(AccessError), self.env.cr.savepoint():
                self.env["mail.activity"].with_user(self.auditor).create(
                    {
                        "res_model_id": self.env["ir.model"]._get_id(record._name),
                        "res_id": record.id,
                        "user_id": self.user.id,
                        "summary": "Do this",
                        "activity_type_id": self.env.ref(
                            "mail.mail_activity_data_todo"
                        ).id,
                    }
                )
        self.assertFalse(
            self.env["mail.activity"].search([("summary", "=", "Do this")])
        )

    def test_auditor_follows_no_one_else(self):
        with self.assertRaises(AccessError), self.env.cr.savepoint():
            self.january.with_user(self.auditor).message_subscribe(
                partner_ids=[self.user.partner_id.id]
            )

    def test_auditor_cannot_refresh_an_assessment(self):
        with self.assertRaises(AccessError), self.env.cr.savepoint():
            self.assessment.with_user(self.auditor).action_refresh()

    def test_user_still_talks_on_a_colleagues_action(self):
        message = self.action.with_user(self.user).message_post(
            body="I can help", message_type="comment", subtype_xmlid="mail.mt_comment"
        )
        self.assertEqual(message.author_id, self.user.partner_id)

    def test_assessment_results_are_not_typed(self):
        with self.assertRefused(UserError, "computed from its answers"):
            self.assessment.with_user(self.user).write(
                {"overall_stage": "5", "maturity_index": 100.0}
            )
        self.assertNotEqual(self.assessment.maturity_index, 100.0)

    def test_materiality_state_only_through_its_buttons(self):
        materiality = self.env["csr.materiality.assessment"].create({"year": 2025})
        with self.assertRefused(UserError, "with its buttons"):
            materiality.with_user(self.user).write({"state": "done"})
        self.assertEqual(materiality.state, "draft")
        with self.assertRefused(UserError, "has no topic"):
            materiality.with_user(self.user).action_done()
        self.assertEqual(materiality.state, "draft")

    def test_commitment_action_link_is_not_typed(self):
        dialogue = self.env["csr.dialogue"].create({"name": "Neighbours"})
        commitment = self.env["csr.dialogue.commitment"].create(
            {"dialogue_id": dialogue.id, "name": "Plant trees", "pillar": "social"}
        )
        with self.assertRefused(UserError, "Create action only"):
            commitment.with_user(self.user).write({"action_id": self.action.id})
        self.assertFalse(commitment.action_id)
        commitment.with_user(self.user).action_create_action()
        self.assertTrue(commitment.action_id)
        self.assertNotEqual(commitment.action_id, self.action)


@tagged("csr_security")
class TestApprovedPolicy(CsrCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.policy = cls.env["csr.policy"].create(
            {
                "name": "Suppliers code",
                "body": "<p>Suppliers must pay the minimum wage.</p>",
                "owner_id": cls.manager.id,
                "approval_date": date(2025, 1, 10),
            }
        )
        cls.document = cls.env["ir.attachment"].create(
            {
                "name": "signed.pdf",
                "raw": b"%PDF",
                "res_model": "csr.policy",
                "res_id": cls.policy.id,
            }
        )
        cls.policy.document_ids = [Command.link(cls.document.id)]
        cls.policy.with_user(cls.manager).action_approve()

    def test_approved_text_name_and_documents_are_kept(self):
        attempts = [
            {"body": "<p>Suppliers are encouraged to consider wages.</p>"},
            {"name": "Renamed"},
            {"document_ids": [Command.clear()]},
        ]
        for vals in attempts:
            for user in (self.user, self.manager):
                with self.assertRefused(UserError, "New Version"):
                    self.policy.with_user(user).write(vals)
        self.assertEqual(self.policy.name, "Suppliers code")
        self.assertIn("minimum wage", self.policy.body)
        self.assertEqual(self.policy.document_ids, self.document)

    def test_the_signed_document_itself_cannot_be_removed(self):
        """Deleting or rewriting the attachment record of an approved policy's
        document, rather than unlinking it from the policy, is refused too."""
        for user in (self.user, self.manager):
            with self.assertRefused(UserError, "document of an approved policy"):
                self.document.with_user(user).unlink()
            with self.assertRefused(UserError, "document of an approved policy"):
                self.document.with_user(user).write({"raw": b"%PDF forged"})
        self.assertTrue(self.document.exists())
        self.assertEqual(self.document.raw, b"%PDF")

    def test_review_date_only_through_the_button(self):
        with self.assertRefused(UserError, "Mark Reviewed"):
            self.policy.with_user(self.manager).write(
                {"last_review_date": date(2025, 6, 1)}
            )
        self.assertFalse(self.policy.last_review_date)
        self.policy.with_user(self.manager).action_mark_reviewed(today=date(2025, 6, 1))
        self.assertEqual(self.policy.last_review_date, date(2025, 6, 1))

    def test_review_interval_is_bounded(self):
        for months in (10**12, 0, 121):
            with self.assertRefused(UserError, "every 1 to 120 months"):
                self.policy.with_user(self.manager).write(
                    {"review_interval_months": months}
                )
        self.policy.with_user(self.manager).write({"review_interval_months": 24})
        self.assertEqual(self.policy.review_interval_months, 24)

    def test_new_version_supersedes_the_approved_one(self):
        action = self.policy.with_user(self.user).action_new_version()
        new = self.env["csr.policy"].browse(action["res_id"])
        self.assertEqual(new.state, "draft")
        self.assertEqual(new.replaced_policy_id, self.policy)
        self.assertEqual(new.name, self.policy.name)
        self.assertEqual(new.document_ids.raw, b"%PDF")
        self.assertNotEqual(new.document_ids, self.document)
        new.with_user(self.user).write(
            {"body": "<p>Suppliers must pay a living wage.</p>"}
        )
        new.with_user(self.manager).write({"approval_date": date(2025, 7, 1)})
        new.with_user(self.manager).action_approve()
        self.assertEqual(self.policy.state, "superseded")
        self.assertIn("minimum wage", self.policy.body)
        self.assertEqual(self.policy.document_ids, self.document)

    def test_draft_text_changes_are_logged(self):
        draft = (
            self.env["csr.policy"]
            .with_context(mail_notrack=False, tracking_disable=False)
            .create({"name": "Draft", "body": "<p>First text.</p>"})
        )
        draft.write({"body": "<p>Second text.</p>"})
        logged = self.env["mail.message"].search(
            [("model", "=", "csr.policy"), ("res_id", "=", draft.id)]
        )
        self.assertTrue(any("First text." in (m.body or "") for m in logged))
