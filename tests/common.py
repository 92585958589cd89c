# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from contextlib import contextmanager
from datetime import date

from psycopg2 import IntegrityError

from odoo.service.model import _as_validation_error
from odoo.tests import TransactionCase, new_test_user
from odoo.tools import mute_logger

DISABLED_MAIL = {
    "tracking_disable": True,
    "mail_create_nolog": True,
    "mail_create_nosubscribe": True,
    "mail_notrack": True,
    "no_reset_password": True,
}
USER_GROUPS = "base.group_user,csr_management.group_csr_user"
MANAGER_GROUPS = "base.group_user,csr_management.group_csr_manager"
AUDITOR_GROUPS = "base.group_user,csr_management.group_csr_auditor"


class CsrCase(TransactionCase):
    """Fixtures shared by the CSR tests: roles, two periods, two indicators."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env = cls.env(context=dict(cls.env.context, **DISABLED_MAIL))
        cls.company = cls.env["res.company"].create({"name": "Tostadora Andina SAS"})
        cls.env = cls.env(
            context=dict(cls.env.context, allowed_company_ids=[cls.company.id])
        )
        cls.user = cls._make_user("csr_test_user", USER_GROUPS)
        cls.manager = cls._make_user("csr_test_manager", MANAGER_GROUPS)
        cls.auditor = cls._make_user("csr_test_auditor", AUDITOR_GROUPS)
        cls.water = cls.env["csr.indicator"].create(
            {
                "code": "TST-WATER",
                "name": "Test water withdrawal",
                "pillar": "environmental",
                "unit": "m³",
                "value_type": "quantity",
                "direction": "lower",
                "aggregation": "sum",
                "source_type": "manual",
            }
        )
        cls.share = cls.env["csr.indicator"].create(
            {
                "code": "TST-SHARE",
                "name": "Test renewable share",
                "pillar": "environmental",
                "unit": "%",
                "value_type": "percentage",
                "direction": "higher",
                "aggregation": "average",
                "source_type": "manual",
            }
        )
        cls.january = cls._make_period("month", date(2025, 1, 1), date(2025, 1, 31))
        cls.year = cls._make_period("year", date(2025, 1, 1), date(2025, 12, 31))

    @classmethod
    def _make_user(cls, login, groups, company=None):
        company = company or cls.company
        return new_test_user(
            cls.env,
            login=login,
            groups=groups,
            company_id=company.id,
            company_ids=[company.id],
            context=DISABLED_MAIL,
        )

    @classmethod
    def _make_period(cls, kind, date_from, date_to, company=None):
        return cls.env["csr.period"].create(
            {
                "company_id": (company or cls.company).id,
                "kind": kind,
                "date_from": date_from,
                "date_to": date_to,
            }
        )

    def _make_value(self, indicator=None, period=None, value=100.0, **extra):
        vals = {
            "indicator_id": (indicator or self.water).id,
            "period_id": (period or self.january).id,
            "value": value,
            **extra,
        }
        return self.env["csr.indicator.value"].create(vals)

    @contextmanager
    def assertRefused(self, exception, regex):
        """Refused with a clear message, leaving nothing behind.

        The savepoint plays the part of the request's transaction, which the
        server rolls back when a call raises.
        """
        with self.assertRaisesRegex(exception, regex), self.env.cr.savepoint():
            yield
        self.env.invalidate_all()

    @contextmanager
    def assertRefusedByDatabase(self, regex):
        """A database constraint refuses the change; check what the user reads."""
        with self.assertRaises(IntegrityError) as caught, mute_logger("odoo.sql_db"):
            with self.env.cr.savepoint():
                yield
                self.env.flush_all()
        self.env.invalidate_all()
        self.assertRegex(str(_as_validation_error(self.env, caught.exception)), regex)
