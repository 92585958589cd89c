# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import date

from odoo.exceptions import AccessError
from odoo.tests import tagged

from .common import CsrCase


@tagged("csr_security")
class TestAccessRights(CsrCase):
    def test_user_enters_values_but_configures_nothing(self):
        Value = self.env["csr.indicator.value"].with_user(self.user)
        value = Value.create(
            {"indicator_id": self.water.id, "period_id": self.january.id, "value": 7.0}
        )
        value.action_submit()
        with self.assertRaises(AccessError):
            value.action_validate()
        with self.assertRaises(AccessError):
            self.env["csr.period"].with_user(self.user).create(
                {
                    "kind": "month",
                    "date_from": date(2025, 2, 1),
                    "date_to": date(2025, 2, 28),
                }
            )
        with self.assertRaises(AccessError):
            self.water.with_user(self.user).write({"unit": "L"})
        with self.assertRaises(AccessError):
            self.january.with_user(self.user).action_lock()
        with self.assertRaises(AccessError):
            self.env["csr.target"].with_user(self.user).create(
                {
                    "indicator_id": self.water.id,
                    "year": 2026,
                    "target_value": 1.0,
                    "amber_limit": 2.0,
                }
            )
        self.assertEqual(value.state, "submitted")
        self.assertEqual(self.water.unit, "m³")

    def test_auditor_reads_everything_writes_nothing(self):
        value = self._make_value(value=42.0)
        as_auditor = value.with_user(self.auditor)
        # Read from the database, not from the creation's cache: a cached
        # field is returned without any access check.
        self.env.invalidate_all()
        as_auditor.check_access("read")
        self.assertEqual(as_auditor.value, 42.0)
        self.assertEqual(self.january.with_user(self.auditor).name, "2025-01")
        shipped = self.env.ref("csr_management.indicator_env_05")
        self.assertIn("What it measures", str(shipped.with_user(self.auditor).guidance))
        with self.assertRaises(AccessError):
            as_auditor.write({"value": 43.0})
        with self.assertRaises(AccessError):
            as_auditor.action_submit()
        with self.assertRaises(AccessError):
            as_auditor.unlink()
        with self.assertRaises(AccessError):
            self.env["csr.indicator.value"].with_user(self.auditor).create(
                {
                    "indicator_id": self.share.id,
                    "period_id": self.january.id,
                    "value": 1.0,
                }
            )
        with self.assertRaises(AccessError):
            self.january.with_user(self.auditor).action_lock()
        self.assertEqual(value.value, 42.0)
        self.assertEqual(value.state, "draft")

    def test_manager_configures_and_validates(self):
        indicator = (
            self.env["csr.indicator"]
            .with_user(self.manager)
            .create(
                {
                    "code": "TST-MGR",
                    "name": "Manager-made indicator",
                    "pillar": "social",
                    "unit": "h",
                    # The company's own: the shared catalogue is the
                    # administrators'.
                    "company_id": self.company.id,
                }
            )
        )
        period = (
            self.env["csr.period"]
            .with_user(self.manager)
            .create(
                {
                    "kind": "month",
                    "date_from": date(2025, 2, 1),
                    "date_to": date(2025, 2, 28),
                }
            )
        )
        value = self._make_value(indicator=indicator, period=period, value=3.0)
        value.with_user(self.manager).action_validate()
        period.with_user(self.manager).action_lock()
        self.assertEqual((value.state, period.state), ("validated", "locked"))

    def test_wizard_is_for_managers(self):
        with self.assertRaises(AccessError):
            self.env["csr.period.generate"].with_user(self.user).create(
                {"fiscal_year_start": date(2030, 1, 1)}
            )

    def test_non_csr_employee_sees_nothing(self):
        employee = self._make_user("csr_test_plain", "base.group_user")
        with self.assertRaises(AccessError):
            self.env["csr.indicator.value"].with_user(employee).search([])
        with self.assertRaises(AccessError):
            self.env["csr.period"].with_user(employee).search([])
