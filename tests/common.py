# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from contextlib import contextmanager
from datetime import date

from psycopg2 import IntegrityError

from odoo import Command
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
TZ = "America/Bogota"


def journal_entry(env, company, when, lines, journal_type="general", post=True):
    """A journal entry of ``company`` in its first journal of ``journal_type``,
    posted unless told otherwise. ``lines`` are (account, amount) pairs,
    debit positive, optionally with extra line values: (account, amount,
    {"partner_id": ...})."""
    journal = env["account.journal"].search(
        [("company_id", "=", company.id), ("type", "=", journal_type)], limit=1
    )
    move = (
        env["account.move"]
        .with_company(company)
        .create(
            {
                "journal_id": journal.id,
                "date": when,
                "line_ids": [
                    Command.create(
                        {
                            "account_id": account.id,
                            "debit": max(amount, 0.0),
                            "credit": max(-amount, 0.0),
                            **(extra[0] if extra else {}),
                        }
                    )
                    for account, amount, *extra in lines
                ],
            }
        )
    )
    if post:
        move.action_post()
    return move


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


class HrCase(CsrCase):
    """CsrCase with working schedules, employees and contracts made to measure,
    all in one time zone."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # Time Off shifts a schedule's holidays from the user's time zone to
        # the schedule's: enter them as a user of the schedule's time zone.
        cls.env.user.tz = TZ

    @classmethod
    def _calendar(cls, name, attendances, two_weeks=False):
        lines = []
        for week, days, hour_from, hour_to in attendances:
            if two_weeks:
                lines.append(
                    Command.create(
                        {
                            "name": f"Week {week}",
                            "display_type": "line_section",
                            "week_type": week,
                            "dayofweek": "0",
                            "hour_from": 0.0,
                            "hour_to": 0.0,
                        }
                    )
                )
            lines += [
                Command.create(
                    {
                        "name": f"{day} {hour_from}",
                        "dayofweek": day,
                        "hour_from": hour_from,
                        "hour_to": hour_to,
                        "week_type": week if two_weeks else False,
                    }
                )
                for day in days
            ]
        vals = {
            "name": name,
            "tz": TZ,
            "company_id": cls.company.id,
            "full_time_required_hours": 40.0,
            "attendance_ids": [Command.clear(), *lines],
        }
        if two_weeks:  # else left unset, as Odoo's own schedules leave it
            vals["two_weeks_calendar"] = True
        return cls.env["resource.calendar"].create(vals)

    @classmethod
    def _employee(cls, name, calendar, gender="female", **extra):
        return cls.env["hr.employee"].create(
            {
                "name": name,
                "gender": gender,
                "tz": TZ,
                "company_id": cls.company.id,
                "resource_calendar_id": calendar.id,
                **extra,
            }
        )

    @classmethod
    def _contract(cls, employee, start, end=None, state="open", wage=2000.0):
        return cls.env["hr.contract"].create(
            {
                "name": f"{employee.name} {start}",
                "employee_id": employee.id,
                "company_id": employee.company_id.id,
                "wage": wage,
                "date_start": start,
                "date_end": end,
                "resource_calendar_id": employee.resource_calendar_id.id,
                "state": state,
            }
        )

    def _source_records(self, value):
        """The records a computed value says it was computed from."""
        action = value.action_open_source_records()
        model = self.env[action["res_model"]].with_context(**action["context"])
        return model.search(action["domain"])
