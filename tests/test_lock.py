# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import date

from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from .common import CsrCase


@tagged("csr_values")
class TestLockedPeriod(CsrCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        Value = cls.env["csr.indicator.value"]
        cls.value = Value.create(
            {"indicator_id": cls.water.id, "period_id": cls.january.id, "value": 90.0}
        )
        cls.open_value = Value.create(
            {"indicator_id": cls.water.id, "period_id": cls.year.id, "value": 1000.0}
        )
        cls.january.with_user(cls.manager).action_lock()

    def test_lock_records_who_and_when(self):
        self.assertEqual(self.january.state, "locked")
        self.assertEqual(self.january.locked_by_id, self.manager)
        self.assertTrue(self.january.locked_on)

    def test_no_create_on_locked_period(self):
        with self.assertRaisesRegex(UserError, "is locked"):
            self._make_value(indicator=self.share, value=40.0)
        self.assertFalse(
            self.env["csr.indicator.value"].search(
                [
                    ("indicator_id", "=", self.share.id),
                    ("period_id", "=", self.january.id),
                ]
            )
        )

    def test_no_write_on_locked_period(self):
        for vals in (
            {"value": 1.0},
            {"comment": "late note"},
            {"data_quality": "estimated"},
        ):
            with (
                self.subTest(vals=vals),
                self.assertRaisesRegex(UserError, "is locked"),
            ):
                self.value.write(vals)
        self.assertEqual(self.value.value, 90.0)
        self.assertFalse(self.value.comment)

    def test_no_workflow_on_locked_period(self):
        with self.assertRaisesRegex(UserError, "is locked"):
            self.value.action_submit()
        with self.assertRaisesRegex(UserError, "is locked"):
            self.value.with_user(self.manager).action_validate()
        self.assertEqual(self.value.state, "draft")

    def test_no_unlink_on_locked_period(self):
        with self.assertRaisesRegex(UserError, "is locked"):
            self.value.unlink()
        self.assertTrue(self.value.exists())

    def test_no_moving_values_in_or_out(self):
        with self.assertRaisesRegex(UserError, "is locked"):
            self.value.write({"period_id": self.year.id})
        with self.assertRaisesRegex(UserError, "is locked"):
            self.open_value.write({"period_id": self.january.id})
        self.assertEqual(self.value.period_id, self.january)
        self.assertEqual(self.open_value.period_id, self.year)

    def test_locked_period_itself_is_frozen(self):
        with self.assertRaisesRegex(UserError, "is locked"):
            self.january.write({"date_to": date(2025, 2, 28)})
        with self.assertRaisesRegex(UserError, "is locked"):
            self.january.unlink()
        self.assertEqual(self.january.date_to, date(2025, 1, 31))

    def test_only_a_manager_locks_and_unlocks(self):
        with self.assertRaises(AccessError):
            self.january.with_user(self.user).action_unlock()
        with self.assertRaises(AccessError):
            self.year.with_user(self.user).action_lock()
        self.assertEqual(self.year.state, "open")

    def test_unlock_is_logged_and_reopens(self):
        self.january.with_user(self.manager).action_unlock()
        self.assertEqual(self.january.state, "open")
        note = self.january.message_ids.filtered(
            lambda m: "unlocked by" in (m.body or "")
        )
        self.assertEqual(len(note), 1)
        self.assertIn(self.manager.name, note.body)
        self.assertEqual(note.author_id, self.manager.partner_id)
        self.value.write({"value": 95.0})
        self.assertEqual(self.value.value, 95.0)
