# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Integrity of values and periods against hostile or careless callers.

Each test names the finding of the security review it closes (V1…V14). The
last class commits a period of its own (April 1998 of the main company) to
play the lock against changes made through other database connections.
"""

from contextlib import contextmanager
from datetime import date
from unittest.mock import patch

from psycopg2.errors import LockNotAvailable, SerializationFailure

from odoo import SUPERUSER_ID, Command, api
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import TransactionCase, tagged
from odoo.tools import SQL, mute_logger

from odoo.addons.csr_management.services import period_compute
from odoo.addons.csr_management.services.period_compute import PeriodCompute

from .common import DISABLED_MAIL, USER_GROUPS, CsrCase, run_monthly_job


@tagged("csr_values")
class TestValueIntegrity(CsrCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.doubled = cls.env["csr.indicator"].create(
            {
                "code": "TST-DOUBLE",
                "name": "Test doubled water",
                "pillar": "environmental",
                "unit": "m³",
                "value_type": "quantity",
                "source_type": "formula",
                "formula": "[TST-WATER] * 2",
            }
        )
        cls.colleague = cls._make_user("csr_test_colleague", USER_GROUPS)
        cls.env["csr.indicator.value"].create(
            {"indicator_id": cls.water.id, "period_id": cls.january.id, "value": 50}
        )

    def _computed(self):
        self.january.with_user(self.manager).action_compute()
        value = self.january.value_ids.filtered(
            lambda v: v.indicator_id == self.doubled
        )
        self.assertEqual((value.value, value.source), (100.0, "formula"))
        return value

    # -- V1: the audit trail cannot be forged ---------------------------------

    def test_client_context_key_no_longer_forges_the_audit_trail(self):
        value = self._make_value(indicator=self.share, value=40.0)
        value.with_user(self.user).action_submit()
        value.with_user(self.manager).action_validate()
        forged = value.with_user(self.user).with_context(csr_system_write=True)
        for vals in (
            {"validated_by_id": self.user.id},
            {"validated_on": "2020-01-01 00:00:00"},
            {"entered_by_id": self.manager.id},
            {"calculation_note": "fake"},
            {"source_model": "res.users"},
            {"source": "computed"},
        ):
            with (
                self.subTest(vals=vals),
                self.assertRefused(AccessError, "recorded by the system"),
            ):
                forged.write(vals)
        self.assertEqual(value.validated_by_id, self.manager)
        self.assertEqual(value.entered_by_id, self.env.user)
        self.assertFalse(value.calculation_note)
        self.assertEqual(value.source, "manual")

    def test_broken_source_records_give_a_message(self):
        value = self._computed()
        action = value.action_open_source_records()
        self.assertEqual(action["res_model"], "csr.indicator.value")
        for vals in (
            {"source_model": "no.such.model"},
            {"source_domain": "not json"},
            {"source_domain": '"a string"'},
            {"source_domain": '[["no_such_field", "=", 1]]'},
        ):
            with self.subTest(vals=vals), self.env.cr.savepoint():
                value._system().write(vals)
                with self.assertRaisesRegex(UserError, "cannot be shown"):
                    value.with_user(self.user).action_open_source_records()

    # -- V3: a typed figure is never passed off as computed --------------------

    def test_figure_typed_over_a_computed_one_is_kept_by_hand(self):
        value = self._computed()
        value.with_user(self.user).write({"value": 777.0})
        self.assertEqual(value.source, "manual")
        self.assertFalse(value.source_model)
        self.assertFalse(value.source_domain)
        self.assertFalse(value.computed_on)
        self.assertEqual(value.entered_by_id, self.user)
        action = self.january.with_user(self.manager).action_compute()
        self.assertIn(
            "kept as entered by hand: TST-DOUBLE", action["params"]["message"]
        )
        self.assertEqual((value.value, value.source), (777.0, "manual"))

    # -- V10: a submitted value goes only by a manager's hand -----------------

    def test_submitted_value_is_deleted_only_by_a_manager(self):
        value = self._make_value(indicator=self.share, value=40.0)
        value.with_user(self.user).action_submit()
        for user in (self.user, self.colleague):
            with (
                self.subTest(user=user.login),
                self.assertRefused(AccessError, "CSR manager can delete"),
            ):
                value.with_user(user).unlink()
        self.assertTrue(value.exists())
        value.with_user(self.manager).unlink()
        self.assertFalse(value.exists())
        note = self.january.message_ids[:1]
        self.assertIn("Submitted value TST-SHARE · 2025-01 = 40.0", note.body)
        self.assertIn(f"deleted by {self.manager.name}", note.body)

    def test_validated_value_is_never_deleted(self):
        value = self._make_value(indicator=self.share, value=40.0)
        value.with_user(self.manager).action_validate()
        with self.assertRefused(UserError, "validated value cannot be deleted"):
            value.with_user(self.manager).unlink()
        self.assertTrue(value.exists())

    # -- V14: absurd numbers and years get a message --------------------------

    def test_overflowing_figures_are_refused_with_a_message(self):
        value = self.january.value_ids
        for figure in (1e308, -1e308, float("nan")):
            with (
                self.subTest(figure=figure),
                self.assertRefused(ValidationError, "implausibly large|not a finite"),
            ):
                value.with_user(self.user).write({"value": figure})
            with (
                self.subTest(figure=figure, create=True),
                self.assertRefused(ValidationError, "implausibly large|not a finite"),
            ):
                self._make_value(indicator=self.share, value=figure)
        self.assertEqual(value.value, 50.0)

    def test_period_years_are_bounded(self):
        for start, end in (
            (date(9999, 12, 1), date(9999, 12, 31)),
            (date(1000, 1, 1), date(1000, 1, 31)),
        ):
            with (
                self.subTest(start=start),
                self.assertRefused(ValidationError, "between the years 1900 and 2200"),
            ):
                self._make_period("month", start, end)
        with self.assertRefused(ValidationError, "between the years 1900 and 2200"):
            self.january.with_user(self.manager).write(
                {"date_from": date(9999, 1, 1), "date_to": date(9999, 1, 31)}
            )
        self.assertEqual(self.january.date_from, date(2025, 1, 1))

    # -- V2: periods and values stay in their company -------------------------

    def test_company_of_a_period_and_of_its_values_is_fixed(self):
        other = self.env["res.company"].create({"name": "Beta Corp"})
        self.manager.company_ids |= other
        for period in (self.january.with_user(self.manager), self.year.sudo()):
            with (
                self.subTest(period=period.name),
                self.assertRefused(UserError, "stays in the company"),
            ):
                period.write({"company_id": other.id})
        self.assertEqual(self.january.company_id, self.company)
        value = self.january.value_ids
        with self.assertRefused(UserError, "stays in the company"):
            value.with_user(self.manager).write({"company_id": other.id})
        self.assertEqual(value.company_id, self.company)
        # Writing the company it already has stays harmless.
        self.january.with_user(self.manager).write({"company_id": self.company.id})

    def test_copied_fields_follow_the_indicator_and_period_not_the_caller(self):
        """The code, pillar, sequences, dates and kind a value stores are
        copies of its indicator's and period's, filled at creation without
        a recompute: a caller's own copies are ignored, whoever creates it,
        and a later change of the indicator or period still reaches them."""
        self.january.value_ids.unlink()
        forged = {
            "code": "ENV-01",
            "pillar": "social",
            "pillar_sequence": 99,
            "indicator_sequence": 99,
            "date_from": "2031-01-01",
            "date_to": "2031-12-31",
            "period_kind": "year",
            "has_warning": True,
        }
        value = self._make_value(value=7.0, user=self.user, **forged)
        self.env.flush_all()
        stored = self.env.execute_query_dict(
            SQL(
                "SELECT code, pillar, pillar_sequence, indicator_sequence, "
                "date_from, date_to, period_kind, has_warning "
                "FROM csr_indicator_value WHERE id = %s",
                value.id,
            )
        )[0]
        self.assertEqual(
            stored,
            {
                "code": "TST-WATER",
                "pillar": "environmental",
                "pillar_sequence": 1,
                "indicator_sequence": 10,
                "date_from": date(2025, 1, 1),
                "date_to": date(2025, 1, 31),
                "period_kind": "month",
                "has_warning": False,
            },
        )
        self.water.sequence = 3
        self.env.flush_all()
        value.invalidate_recordset()
        self.assertEqual(value.indicator_sequence, 3)

    # -- V12: a period's results are the system's -----------------------------

    def test_period_name_and_lock_stamp_are_not_written_by_hand(self):
        manager_january = self.january.with_user(self.manager)
        for vals in (
            {"name": "2099-01"},
            {"locked_by_id": self.user.id, "locked_on": "2020-01-01 00:00:00"},
            {"state": "locked"},
        ):
            with (
                self.subTest(vals=vals),
                self.assertRefused(AccessError, "set by the system"),
            ):
                manager_january.write(vals)
        self.assertEqual(self.january.name, "2025-01")
        self.assertEqual(self.january.state, "open")
        self.assertFalse(self.january.locked_by_id)
        manager_january.action_lock()
        self.assertEqual(self.january.locked_by_id, self.manager)

    # -- V13: no e-mail address needed to compute or unlock -------------------

    def test_manager_without_email_computes_and_unlocks(self):
        self.manager.email = False
        manager_january = self.january.with_user(self.manager)
        self.assertEqual(self._computed().value, 100.0)
        manager_january.action_lock()
        manager_january.action_unlock()
        self.assertEqual(self.january.state, "open")
        notes = self.january.message_ids.filtered(
            lambda m: m.author_id == self.manager.partner_id
        )
        self.assertTrue(any("unlocked by" in n.body for n in notes))
        self.assertTrue(any("value(s) created" in n.body for n in notes))

    # -- V6: one broken formula or company never stops the others -------------

    def test_formula_that_blows_up_fails_only_its_indicator(self):
        steady = self.env["csr.indicator"].create(
            {
                "code": "TST-HALF",
                "name": "Test half water",
                "pillar": "environmental",
                "unit": "m³",
                "value_type": "quantity",
                "source_type": "formula",
                "formula": "[TST-WATER] / 2",
            }
        )
        evaluate = period_compute.formulas.evaluate

        def blow_up(formula, values):
            if formula == self.doubled.formula:
                raise RecursionError("maximum recursion depth exceeded")
            return evaluate(formula, values)

        with patch.object(period_compute.formulas, "evaluate", blow_up):
            report = PeriodCompute(self.january).run()
        self.assertIn("could not be worked out", report.failed["TST-DOUBLE"])
        by_indicator = {v.indicator_id: v.value for v in self.january.value_ids}
        self.assertEqual(by_indicator[steady], 25.0)
        self.assertNotIn(self.doubled, by_indicator)

    def test_scheduled_compute_isolates_each_company(self):
        other = self.env["res.company"].create({"name": "Beta Corp"})
        beta_january = self._make_period(
            "month", date(2025, 1, 1), date(2025, 1, 31), company=other
        )
        self.env["csr.indicator.value"].create(
            {"indicator_id": self.water.id, "period_id": beta_january.id, "value": 7}
        )
        run = PeriodCompute.run
        run_company = period_compute.PeriodsCompute._run_company

        def broken_for_ours(compute):
            if compute.company == self.company:
                raise KeyError("a broken definition")
            return run(compute)

        def broken_company(compute, periods):
            # The company's periods computed together fail, and so does each
            # period computed alone, the job's fallback.
            if periods.company_id == self.company:
                raise KeyError("a broken definition")
            return run_company(compute, periods)

        with (
            patch.object(PeriodCompute, "run", broken_for_ours),
            patch.object(period_compute.PeriodsCompute, "_run_company", broken_company),
            mute_logger("odoo.addons.csr_management.models.csr_period"),
        ):
            run_monthly_job(self.env)
        beta = {v.indicator_id: v.value for v in beta_january.value_ids}
        self.assertEqual(beta[self.doubled], 14.0)
        self.assertFalse(
            self.january.value_ids.filtered(lambda v: v.indicator_id == self.doubled)
        )
        self.assertIn(
            "scheduled compute of 2025-01 failed", self.january.message_ids[:1].body
        )
        self.assertIn("a broken definition", self.january.message_ids[:1].body)


@contextmanager
def connection(registry, uid=SUPERUSER_ID, commit=False):
    """An environment on a database connection of its own, as another user's
    request would have; rolled back at the end unless told to commit."""
    if commit:
        with registry.cursor() as cr:  # commits on leaving, as a request does
            yield api.Environment(cr, uid, dict(DISABLED_MAIL))
        return
    cr = registry.cursor()
    try:
        yield api.Environment(cr, uid, dict(DISABLED_MAIL))
    finally:
        cr.rollback()
        cr.close()


@tagged("csr_values")
class TestLockUnderConcurrency(TransactionCase):
    """V4: once a lock has committed, no value of its period changes."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        with connection(cls.registry, commit=True) as env:
            cls.admin_id = env.ref("base.user_admin").id
            period = env["csr.period"].create(
                {
                    "company_id": env.ref("base.main_company").id,
                    "kind": "month",
                    "date_from": date(1998, 4, 1),
                    "date_to": date(1998, 4, 30),
                }
            )
            cls.indicator_ids = (
                env["csr.indicator"]
                .search(
                    [("source_type", "=", "manual"), ("value_type", "=", "quantity")],
                    limit=2,
                )
                .ids
            )
            cls.evidence_id = (
                env["ir.attachment"].create({"name": "bill.pdf", "raw": b"%PDF"}).id
            )
            cls.value_id = (
                env["csr.indicator.value"]
                .create(
                    {
                        "indicator_id": cls.indicator_ids[0],
                        "period_id": period.id,
                        "value": 1.0,
                        "evidence_ids": [Command.set([cls.evidence_id])],
                    }
                )
                .id
            )
            cls.period_id = period.id
        cls.addClassCleanup(cls._delete_committed)

    @classmethod
    def _delete_committed(cls):
        with connection(cls.registry, commit=True) as env:
            env.cr.execute(
                "DELETE FROM mail_message WHERE (model, res_id) IN "
                "(('csr.period', %s), ('csr.indicator.value', %s))",
                [cls.period_id, cls.value_id],
            )
            env.cr.execute("DELETE FROM csr_period WHERE id = %s", [cls.period_id])
            env.cr.execute("DELETE FROM ir_attachment WHERE id = %s", [cls.evidence_id])

    def _changes(self):
        """Every way of changing the period's data, given an environment."""
        return {
            "create": lambda env: env["csr.indicator.value"].create(
                {
                    "indicator_id": self.indicator_ids[1],
                    "period_id": self.period_id,
                    "value": 2.0,
                }
            ),
            "write": lambda env: env["csr.indicator.value"]
            .browse(self.value_id)
            .write({"value": 2.0}),
            "unlink": lambda env: env["csr.indicator.value"]
            .browse(self.value_id)
            .unlink(),
            "evidence": lambda env: env["ir.attachment"]
            .browse(self.evidence_id)
            .write({"name": "other-bill.pdf"}),
        }

    def _lock(self, env):
        env["csr.period"].browse(self.period_id).action_lock()
        env.flush_all()

    def test_lock_waits_for_the_changes_under_way(self):
        for name, change in self._changes().items():
            with (
                self.subTest(change=name),
                connection(self.registry) as writer,
                connection(self.registry, self.admin_id) as locker,
            ):
                change(writer)
                locker.cr.execute("SET LOCAL lock_timeout = '300ms'")
                with self.assertRaises(LockNotAvailable), mute_logger("odoo.sql_db"):
                    self._lock(locker)

    def test_change_begun_before_the_lock_committed_fails_for_a_retry(self):
        for name, change in self._changes().items():
            with self.subTest(change=name), connection(self.registry) as writer:
                # The writer's transaction reads before the lock commits.
                writer["csr.period"].browse(self.period_id).state  # noqa: B018
                with connection(self.registry, self.admin_id, commit=True) as locker:
                    self._lock(locker)
                try:
                    with (
                        self.assertRaises(SerializationFailure),
                        mute_logger("odoo.sql_db"),
                    ):
                        change(writer)
                        writer.flush_all()
                    # The server's retry sees the period locked.
                    with (
                        connection(self.registry) as retry,
                        self.assertRaisesRegex(
                            UserError, "is locked|cannot be changed"
                        ),
                    ):
                        change(retry)
                finally:
                    with connection(self.registry, self.admin_id, commit=True) as env:
                        env["csr.period"].browse(self.period_id).action_unlock()


@tagged("csr_values")
class TestDeleteByAuthor(CsrCase):
    def test_a_colleague_cannot_reset_and_delete_a_submitted_figure(self):
        """A user submits a figure; a colleague may reset it to draft (tracked)
        but not delete it; its author and a manager may."""
        colleague = self._make_user("csr_colleague", USER_GROUPS)
        value = self._make_value(value=42.0, user=self.user)
        self.assertEqual(value.entered_by_id, self.user)
        value.action_submit()
        value.with_user(colleague).action_reset_to_draft()
        with self.assertRefused(AccessError, "only they or a CSR manager"):
            value.with_user(colleague).unlink()
        self.assertTrue(value.exists())
        value.unlink()  # its author
        self.assertFalse(value.exists())
