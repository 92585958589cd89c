# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import tagged

from .common import CsrCase


@tagged("csr_values")
class TestIndicatorValue(CsrCase):
    def test_company_and_source_follow_period_and_indicator(self):
        value = self._make_value(value=1234.5)
        self.assertEqual(value.company_id, self.company)
        self.assertEqual(value.source, "manual")
        self.assertEqual(value.pillar, "environmental")
        self.assertEqual(value.display_name, "TST-WATER · 2025-01")

    def test_one_value_per_indicator_period_company(self):
        self._make_value(value=10.0)
        with self.assertRefusedByDatabase("only one value per period and company"):
            self._make_value(value=20.0)
        self.assertEqual(
            self.env["csr.indicator.value"].search([]).mapped("value"), [10.0]
        )

    def test_workflow_user_submits_manager_validates(self):
        value = self._make_value(value=1840.0).with_user(self.user)
        self.assertEqual(value.entered_by_id, self.env.user)
        value.write({"value": 1850.0})
        self.assertEqual(value.entered_by_id, self.user)
        value.action_submit()
        self.assertEqual(value.state, "submitted")
        with self.assertRaises(AccessError):
            value.action_validate()
        self.assertEqual(value.state, "submitted")
        value.with_user(self.manager).action_validate()
        self.assertEqual(value.state, "validated")
        self.assertEqual(value.validated_by_id, self.manager)
        self.assertTrue(value.validated_on)

    def test_validated_figure_is_frozen_until_reset(self):
        value = self._make_value(value=1840.0)
        value.with_user(self.manager).action_validate()
        with self.assertRaisesRegex(UserError, "reset it to draft"):
            value.with_user(self.manager).write({"value": 1.0})
        self.assertEqual(value.value, 1840.0)
        with self.assertRaises(AccessError):
            value.with_user(self.user).action_reset_to_draft()
        value.with_user(self.manager).action_reset_to_draft()
        self.assertEqual(value.state, "draft")
        self.assertFalse(value.validated_by_id)
        value.write({"value": 1.0})
        self.assertEqual(value.value, 1.0)

    def test_user_cannot_force_state_by_write(self):
        value = self._make_value().with_user(self.user)
        with self.assertRaises(AccessError):
            value.write({"state": "validated"})
        with self.assertRaises(AccessError):
            self.env["csr.indicator.value"].with_user(self.user).create(
                {
                    "indicator_id": self.share.id,
                    "period_id": self.january.id,
                    "value": 5.0,
                    "state": "validated",
                }
            )
        self.assertEqual(value.state, "draft")

    def test_wrong_transitions_are_refused(self):
        value = self._make_value()
        with self.assertRaisesRegex(UserError, "reset to draft"):
            value.action_reset_to_draft()
        value.action_submit()
        with self.assertRaisesRegex(UserError, "Cannot submit"):
            value.action_submit()

    def test_validated_value_cannot_be_deleted(self):
        value = self._make_value()
        value.with_user(self.manager).action_validate()
        with self.assertRaisesRegex(UserError, "cannot be deleted"):
            value.unlink()
        self.assertTrue(value.exists())

    def test_implausible_values_are_refused_and_nothing_saved(self):
        Value = self.env["csr.indicator.value"]
        before = Value.search_count([])
        cases = [
            (self.share, 120.0, "cannot exceed 100"),
            (self.water, -5.0, "cannot be negative"),
            (self.water, float("nan"), "not a finite number"),
            (self.water, float("inf"), "not a finite number"),
            (self.water, "twelve", "not a finite number"),
            (self.water, 5e15, "implausibly large"),
        ]
        for indicator, figure, message in cases:
            with (
                self.subTest(figure=figure),
                self.assertRefused(ValidationError, message),
            ):
                self._make_value(indicator=indicator, value=figure)
        self.assertEqual(Value.search_count([]), before)

    def test_yes_no_indicator_takes_one_or_zero(self):
        flag = self.env["csr.indicator"].create(
            {
                "code": "TST-FLAG",
                "name": "Test policy adopted",
                "pillar": "governance",
                "unit": "yes/no",
                "value_type": "boolean",
                "aggregation": "last",
            }
        )
        self.assertEqual(self._make_value(indicator=flag, value=1.0).value, 1.0)
        with self.assertRefused(ValidationError, "takes 1 \\(yes\\) or 0"):
            self._make_value(indicator=flag, period=self.year, value=0.5)

    def test_changes_are_tracked_in_the_chatter(self):
        tracking_env = self.env(
            context=dict(
                self.env.context,
                tracking_disable=False,
                mail_notrack=False,
                mail_create_nolog=False,
            )
        )
        value = tracking_env["csr.indicator.value"].create(
            {"indicator_id": self.water.id, "period_id": self.january.id, "value": 10.0}
        )
        # Entered in one request, corrected in the next: end the first one.
        self.env.flush_all()
        self.env.cr.precommit.run()
        value.write({"value": 12.5})
        value.action_submit()
        self.env.flush_all()
        self.env.cr.precommit.run()  # tracking values are written at commit
        tracked = value.message_ids.tracking_value_ids
        changes = {
            (t.old_value_float, t.new_value_float)
            for t in tracked
            if t.field_id.name == "value"
        }
        self.assertEqual(changes, {(10.0, 12.5)})
        states = {
            (t.old_value_char, t.new_value_char)
            for t in tracked
            if t.field_id.name == "state"
        }
        self.assertEqual(states, {("Draft", "Submitted")})

    def test_audit_fields_cannot_be_forged(self):
        value = self._make_value(value=5.0).with_user(self.user)
        for vals in (
            {"validated_by_id": self.manager.id},
            {"entered_by_id": self.manager.id},
            {"source_model": "account.move.line"},
            {"computed_on": "2025-01-31 00:00:00"},
        ):
            with self.subTest(vals=vals), self.assertRaises(AccessError):
                value.write(vals)
        self.assertFalse(value.validated_by_id)
        self.assertEqual(value.entered_by_id, self.env.user)

    def test_evidence_is_frozen_with_its_value(self):
        # Uploaded by the user, who may delete her own file otherwise: only
        # the evidence rule can refuse her.
        evidence = (
            self.env["ir.attachment"]
            .with_user(self.user)
            .create({"name": "water-bill-january.pdf", "raw": b"%PDF-1.4 bill"})
            .with_env(self.env)
        )
        value = self._make_value(value=5.0, evidence_ids=[(6, 0, evidence.ids)])
        evidence.write({"name": "water-bill-jan.pdf"})  # a draft: still editable
        value.with_user(self.manager).action_validate()
        with self.assertRaisesRegex(UserError, "cannot be changed or removed"):
            evidence.with_user(self.user).unlink()
        with self.assertRaisesRegex(UserError, "cannot be changed or removed"):
            evidence.write({"raw": b"%PDF-1.4 another bill"})
        self.assertEqual(evidence.raw, b"%PDF-1.4 bill")
        value.with_user(self.manager).action_reset_to_draft()
        self.january.with_user(self.manager).action_lock()
        with self.assertRaisesRegex(UserError, "cannot be changed or removed"):
            evidence.unlink()
        self.assertTrue(evidence.exists())
