# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import doctest
import io
from contextlib import contextmanager
from datetime import date, datetime

import openpyxl
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


def run_monthly_job(env, **kwargs):
    """The monthly compute as the scheduler runs it. With OCA queue_job
    installed it enqueues one job per company: those run at once here
    (``queue_job__no_delay``), so that a test sees their outcome either way."""
    env["csr.period"].with_context(queue_job__no_delay=True)._cron_compute_open_periods(
        **kwargs
    )


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


def assert_doctests_pass(case, module):
    """Run ``module``'s doctests, one sub-test per docstring that holds
    examples, so that a failure names the function and shows the runner's
    report (expected against got). Returns how many examples ran."""
    runner = doctest.DocTestRunner()
    attempted = 0
    for test in doctest.DocTestFinder().find(module):
        if not test.examples:
            continue
        report = io.StringIO()
        with case.subTest(doctest=test.name):
            result = runner.run(test, out=report.write)
            attempted += result.attempted
            case.assertFalse(result.failed, f"{test.name}\n{report.getvalue()}")
    return attempted


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

    def _make_value(self, indicator=None, period=None, value=100.0, user=None, **extra):
        """A value entered as ``user`` (superuser when not given)."""
        vals = {
            "indicator_id": (indicator or self.water).id,
            "period_id": (period or self.january).id,
            "value": value,
            **extra,
        }
        Value = self.env["csr.indicator.value"]
        return (Value.with_user(user) if user else Value).create(vals)

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
        """``attendances``: (week, days, hour_from, hour_to[, day_period]),
        e.g. (False, "01234", 8.0, 12.0) for Monday to Friday mornings."""
        lines = []
        for week, days, hour_from, hour_to, *day_period in attendances:
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
                        **({"day_period": day_period[0]} if day_period else {}),
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
    def _contract(cls, employee, start, end=None, state="open", wage=2000.0, **extra):
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
                **extra,
            }
        )

    def _source_records(self, value):
        """The records a computed value says it was computed from."""
        action = value.action_open_source_records()
        model = self.env[action["res_model"]].with_context(**action["context"])
        return model.search(action["domain"])


class ScorecardCase(CsrCase):
    """The scorecard of January 2025 built by hand: 13 test indicators, their
    targets and their values; every score is derived in the docstring of
    ``test_scorecard.py``."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        Indicator = cls.env["csr.indicator"]
        Indicator.search([("code", "not in", ("TST-WATER", "TST-SHARE"))]).write(
            {"active": False}
        )
        cls.water.score_weight = 2.0
        make = cls._make_indicator
        cls.energy = make("TST-ENERGY", "environmental", "lower")
        cls.waste = make("TST-WASTE", "environmental", "lower")
        cls.accidents = make("TST-ACCIDENTS", "social", "lower")
        cls.wage = make("TST-WAGE", "social", "higher", value_type="boolean")
        cls.headcount = make("TST-HEADCOUNT", "social", "neutral")
        cls.training = make("TST-TRAINING", "social", "higher")
        cls.local = make("TST-LOCAL", "economic", "higher")
        cls.margin = make("TST-MARGIN", "economic", "higher")
        cls.code_adopted = make(
            "TST-CODE", "governance", "higher", value_type="boolean"
        )
        make("TST-BOARD", "governance", "higher")
        make("TST-CHANNEL", "governance", "higher")
        cls.december = cls._make_period("month", date(2024, 12, 1), date(2024, 12, 31))
        # Without a target, January 2025 is judged against January 2024.
        cls.year_before = cls._make_period("month", date(2024, 1, 1), date(2024, 1, 31))
        cls._targets()
        cls._values()

    @classmethod
    def _make_indicator(cls, code, pillar, direction, value_type="quantity"):
        return cls.env["csr.indicator"].create(
            {
                "code": code,
                "name": code,
                "pillar": pillar,
                "unit": "u",
                "direction": direction,
                "value_type": value_type,
                "aggregation": "last" if value_type == "boolean" else "sum",
            }
        )

    @classmethod
    def _make_target(cls, indicator, target, amber, **scope):
        return cls.env["csr.target"].create(
            {
                "indicator_id": indicator.id,
                "company_id": cls.company.id,
                "target_value": target,
                "amber_limit": amber,
                **scope,
            }
        )

    @classmethod
    def _targets(cls):
        cls._make_target(cls.water, 100.0, 120.0, period_id=cls.january.id)
        cls._make_target(cls.water, 100.0, 120.0, period_id=cls.december.id)
        cls.share_target = cls._make_target(cls.share, 30.0, 20.0, year=2025)
        cls._make_target(cls.energy, 1000.0, 1200.0, year=2025)
        cls._make_target(cls.accidents, 0.0, 2.0, period_id=cls.january.id)

    @classmethod
    def _values(cls):
        Value = cls.env["csr.indicator.value"]
        january = {
            cls.water: 110.0,
            cls.share: 40.0,
            cls.energy: 45.0,
            cls.accidents: 3.0,
            cls.wage: 1.0,
            cls.headcount: 12.0,
            cls.training: 9.8,
            cls.local: 30.0,
            cls.margin: 5.0,
            cls.code_adopted: 1.0,
        }
        december = {
            cls.water: 130.0,
            cls.energy: 50.0,
            cls.accidents: 1.0,
            cls.wage: 0.0,
            cls.headcount: 11.0,
            cls.training: 10.0,
            cls.local: 40.0,
        }
        cls.values = {}
        for period, figures in (
            (cls.january, january),
            (cls.december, december),
            (cls.year_before, december),
        ):
            for indicator, figure in figures.items():
                cls.values[period, indicator] = Value.create(
                    {
                        "indicator_id": indicator.id,
                        "period_id": period.id,
                        "value": figure,
                    }
                )
        cls.values[cls.january, cls.share].data_quality = "estimated"
        cls.values[cls.january, cls.water].action_validate()

    def _scorecard(self, period):
        return self.env["csr.scorecard"].search([("period_id", "=", period.id)])

    def _compute(self, *periods):
        for period in periods:
            period.with_user(self.manager).action_compute()
        return self._scorecard(periods[-1])

    @staticmethod
    def _pillars(card):
        return {pillar.pillar: pillar for pillar in card.pillar_ids}

    @staticmethod
    def _lines(card):
        return {line.indicator_id.code: line for line in card.line_ids}


class AssessmentCase(CsrCase):
    """A maturity self-assessment on a question bank each test fills itself
    (``test_assessment.py`` counts the stages by hand)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env["csr.indicator"].search([]).write({"is_core": False})
        cls.bank = cls.env["csr.question.bank"].create(
            {"name": "Test bank", "version": "TEST.1"}
        )
        cls.year_2024 = cls._make_period("year", date(2024, 1, 1), date(2024, 12, 31))

    @classmethod
    def _questions(cls, pillar, stages, critical=(), **auto):
        """``stages``: count of questions per stage, e.g. {1: 5, 2: 5}; codes
        are PILLAR-STAGE-N, e.g. soc-2-3."""
        vals = []
        for stage, count in stages.items():
            for number in range(1, count + 1):
                code = f"{pillar[:3]}-{stage}-{number}"
                vals.append(
                    {
                        "bank_id": cls.bank.id,
                        "code": code,
                        "name": f"Question {code}",
                        "pillar": pillar,
                        "stage": str(stage),
                        "iso_subject": "labour",
                        "critical": code in critical,
                        **auto.get(code, {}),
                    }
                )
        return cls.env["csr.question"].create(vals)

    def _assess(self, **extra):
        return self.env["csr.assessment"].create(
            {"bank_id": self.bank.id, "date": date(2026, 3, 1), **extra}
        )

    @staticmethod
    def _answer(assessment, answers, comment=False):
        """Answer by code: ``{"soc-1-1": "yes", ...}``, in one write."""
        by_code = {a.code: a for a in assessment.answer_ids}
        assessment.write(
            {
                "answer_ids": [
                    Command.update(
                        by_code[code].id, {"manual_answer": answer, "comment": comment}
                    )
                    for code, answer in answers.items()
                ]
            }
        )

    @staticmethod
    def _yes(*codes):
        return dict.fromkeys(codes, "yes")

    @staticmethod
    def _pillar(assessment, pillar):
        return assessment.pillar_ids.filtered(lambda p: p.pillar == pillar)


class DialogueCase(CsrCase):
    """Stakeholder dialogues with the shipped groups and topics
    (``test_dialogue.py``)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.community = cls.env.ref("csr_management.stakeholder_group_community")
        cls.employees_group = cls.env.ref("csr_management.stakeholder_group_employees")
        cls.water_topic = cls.env.ref("csr_management.material_topic_env_water")
        cls.climate = cls.env.ref("csr_management.material_topic_env_climate")

    @classmethod
    def _dialogue(cls, name="Neighbours workshop", start=None, company=None, **vals):
        return cls.env["csr.dialogue"].create(
            {
                "name": name,
                "engagement_type": "workshop",
                "date_start": start or datetime(2025, 3, 10, 15, 0),
                "company_id": (company or cls.company).id,
                **vals,
            }
        )


class MaterialityCase(DialogueCase):
    """Rated dialogues and materiality assessments of two companies
    (``test_materiality.py`` derives the scores)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.community_topic = cls.env.ref("csr_management.material_topic_soc_community")
        cls.company_b = cls.env["res.company"].create({"name": "Muebles del Bajío SA"})

    @classmethod
    def _rated_dialogue(cls, start, ratings, state="held", company=None):
        dialogue = cls._dialogue(
            name=f"Dialogue {start:%Y-%m-%d}",
            start=start,
            company=company,
            rating_ids=[
                Command.create(
                    {"topic_id": topic.id, "group_id": group.id, "importance": value}
                )
                for topic, group, value in ratings
            ],
        )
        if state == "held":
            dialogue.action_held()
        return dialogue

    @classmethod
    def _assessment(cls, year=2025, company=None, scores=(), **vals):
        return cls.env["csr.materiality.assessment"].create(
            {
                "year": year,
                "company_id": (company or cls.company).id,
                "line_ids": [
                    Command.create(
                        {
                            "topic_id": topic.id,
                            "impact_score": impact,
                            "financial_score": financial,
                        }
                    )
                    for topic, impact, financial in scores
                ],
                **vals,
            }
        )


def xlsx(rows, formats=None):
    """An .xlsx whose first sheet holds ``rows``; ``formats`` maps a cell
    (e.g. "C2") to a number format."""
    workbook = openpyxl.Workbook()
    worksheet = workbook.active
    for row in rows:
        worksheet.append(row)
    for cell, number_format in (formats or {}).items():
        worksheet[cell].number_format = number_format
    output = io.BytesIO()
    workbook.save(output)
    return output.getvalue()


def activity_product(env, name, activity, uom):
    """A product bought in ``uom`` (an xmlid) and mapped to the CSR activity
    ``activity`` (an xmlid of csr_management, e.g. "activity_diesel")."""
    unit = env.ref(uom)
    return env["product.product"].create(
        {
            "name": name,
            "uom_id": unit.id,
            "uom_po_id": unit.id,
            "csr_activity_id": env.ref(f"csr_management.{activity}").id,
        }
    )


def vendor_bill(env, partner, when, lines, move_type="in_invoice", post=True):
    """A vendor bill (or refund) of ``partner`` dated ``when``, untaxed, at 1
    per unit: ``lines`` are (product, quantity) or (product, quantity, unit)
    pairs, the unit defaulting to the product's. Posted unless told not."""
    move = env["account.move"].create(
        {
            "move_type": move_type,
            "partner_id": partner.id,
            "invoice_date": when,
            "date": when,
            "invoice_line_ids": [
                Command.create(
                    {
                        "product_id": product.id,
                        "quantity": quantity,
                        "product_uom_id": (extra[0] or product.uom_id).id
                        if extra
                        else product.uom_id.id,
                        "price_unit": 1.0,
                        "tax_ids": [Command.clear()],
                    }
                )
                for product, quantity, *extra in lines
            ],
        }
    )
    if post:
        move.action_post()
    return move
