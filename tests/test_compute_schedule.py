# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The monthly job on a consultant's database: companies in batches with
Odoo's cron progress, resumed after the last company done, a failure kept to
its company and period; with OCA queue_job, one job per company.

Three client companies, each with an open January 2025 and one journal entry
of sales (1,000, 2,000 and 3,000): ECO-01 of each is its own sale.
"""

import unittest
from datetime import date
from unittest.mock import patch

from odoo.tools import mute_logger

from odoo.addons.csr_management.services import period_compute

from .common import CsrCase, journal_entry

TODAY = date(2025, 2, 3)


class ClientsCase(CsrCase):
    """Three client companies, each with a January 2025 period and revenue of
    1,000, 2,000 and 3,000; every other company's periods are locked, so
    only the three clients are due on TODAY."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.clients = cls.env["res.company"]
        for n, amount in enumerate((1000.0, 2000.0, 3000.0), start=1):
            company = cls.env["res.company"].create({"name": f"Cliente {n} SAS"})
            cls.env["account.chart.template"].try_loading(
                "generic_coa", company, install_demo=False
            )
            income = cls.env["account.account"].search(
                [("company_ids", "in", company.id), ("account_type", "=", "income")],
                limit=1,
            )
            cash = cls.env["account.account"].search(
                [
                    ("company_ids", "in", company.id),
                    ("account_type", "=", "asset_cash"),
                ],
                limit=1,
            )
            journal_entry(
                cls.env,
                company,
                date(2025, 1, 15),
                [(cash, amount), (income, -amount)],
            )
            cls._make_period("month", date(2025, 1, 1), date(2025, 1, 31), company)
            cls.clients |= company
        cls.periods = cls.env["csr.period"].search(
            [("company_id", "in", cls.clients.ids)]
        )
        cls.env.flush_all()
        cls.env.cr.execute(
            "UPDATE csr_period SET state = 'locked' WHERE company_id NOT IN %s",
            [tuple(cls.clients.ids)],
        )
        cls.env.invalidate_all()

    def _revenue(self, company):
        period = self.periods.filtered(lambda p: p.company_id == company)
        return period.value_ids.filtered(lambda v: v.code == "ECO-01").value


class TestScheduledCompute(ClientsCase):
    def setUp(self):
        super().setUp()
        self.progress = []
        Cron = type(self.env["ir.cron"])
        patcher = patch.object(
            Cron,
            "_notify_progress",
            lambda cron, done, remaining, deactivate=False: self.progress.append(
                (done, remaining)
            ),
            create=True,
        )
        patcher.start()
        self.addCleanup(patcher.stop)
        self.Period = self.env["csr.period"].with_context(ir_cron_progress_id=1)

    def _run(self, **kwargs):
        with patch.object(
            type(self.env["csr.period"]), "_queue_job_installed", lambda self: False
        ):
            self.Period._cron_compute_open_periods(today=TODAY, **kwargs)
        self.env.invalidate_all()

    def _cursor(self):
        return (
            self.env["ir.config_parameter"]
            .sudo()
            .get_param("csr_management.compute_cursor")
        )

    def test_companies_are_computed_in_batches_with_progress(self):
        first, second, third = self.clients.sorted("id")
        self._run(batch_size=2)
        self.assertEqual(self._revenue(first), 1000.0)
        self.assertEqual(self._revenue(second), 2000.0)
        self.assertFalse(self._revenue(third))
        self.assertEqual(self.progress, [(2, 1)])
        self.assertEqual(self._cursor(), f"{TODAY}:{second.id}")
        # Odoo runs the job again at once: it goes on with the third.
        self._run(batch_size=2)
        self.assertEqual(self._revenue(third), 3000.0)
        self.assertEqual(self.progress, [(2, 1), (3, 0)])
        self.assertFalse(self._cursor())

    def test_a_run_resumes_after_the_last_company_done(self):
        first, second, third = self.clients.sorted("id")
        # The server stopped after committing the first company.
        self.env["ir.config_parameter"].sudo().set_param(
            "csr_management.compute_cursor", f"{TODAY}:{first.id}"
        )
        self._run(batch_size=10)
        self.assertFalse(self._revenue(first))
        self.assertEqual(self._revenue(second), 2000.0)
        self.assertEqual(self._revenue(third), 3000.0)
        # A cursor of an earlier run is not a resume: everyone is computed.
        self.env["ir.config_parameter"].sudo().set_param(
            "csr_management.compute_cursor", f"2025-01-03:{third.id}"
        )
        self._run(batch_size=10)
        self.assertEqual(self._revenue(first), 1000.0)

    def test_a_failing_company_falls_back_to_its_periods_and_stops_nobody(self):
        first, second, third = self.clients.sorted("id")
        together = period_compute.PeriodsCompute._run_company
        alone = period_compute.PeriodCompute.run

        def broken_together(compute, periods):
            if periods.company_id == second:
                raise ValueError("broken batch")
            return together(compute, periods)

        def broken_alone(compute):
            if compute.company == second:
                raise ValueError("broken period")
            return alone(compute)

        with (
            patch.object(
                period_compute.PeriodsCompute, "_run_company", broken_together
            ),
            patch.object(period_compute.PeriodCompute, "run", broken_alone),
            mute_logger(
                "odoo.addons.csr_management.models.csr_period",
                "odoo.addons.csr_management.services.period_compute",
            ),
        ):
            self._run()
        self.assertEqual(self._revenue(first), 1000.0)
        self.assertFalse(self._revenue(second))
        self.assertEqual(self._revenue(third), 3000.0)
        failed = self.periods.filtered(lambda p: p.company_id == second)
        self.assertIn("broken period", failed.message_ids[:1].body)
        self.assertEqual(self.progress, [(3, 0)])

    def test_a_company_whose_batch_fails_is_computed_period_by_period(self):
        second = self.clients.sorted("id")[1]

        def broken_together(compute, periods):
            raise ValueError("broken batch")

        with (
            patch.object(
                period_compute.PeriodsCompute, "_run_company", broken_together
            ),
            mute_logger("odoo.addons.csr_management.models.csr_period"),
        ):
            self._run()
        self.assertEqual(self._revenue(second), 2000.0)

    def test_several_periods_log_one_summary_each_and_nothing_per_value(self):
        """Chatter as a user has it (tracking on): computing the three
        clients' periods together logs one note on each period; the values
        get no message and no follower (hand edits keep their tracking: see
        test_indicator_value)."""
        loud = dict.fromkeys(
            (
                "tracking_disable",
                "mail_create_nolog",
                "mail_create_nosubscribe",
                "mail_notrack",
            ),
            False,
        )
        self.manager.company_ids |= self.clients
        periods = self.periods.with_user(self.manager).with_context(
            allowed_company_ids=self.clients.ids, **loud
        )
        before = {period: len(period.message_ids) for period in periods}
        periods.action_compute()
        for period in periods:
            self.assertEqual(len(period.message_ids), before[period] + 1)
            self.assertIn(f"{period.name}: ", period.message_ids[:1].body)
        values = periods.value_ids
        self.assertGreaterEqual(len(values), 3)
        self.assertFalse(values.message_ids)
        self.assertFalse(values.message_follower_ids)


class TestScheduledComputeAsJobs(ClientsCase):
    """With OCA queue_job installed the monthly run computes nothing itself:
    it enqueues one job per due company (the three clients) on the
    ``root.csr`` channel, once a day (run again, it adds none); a job
    computes its own company's periods (Cliente 2: revenue 2,000), and
    only those."""

    def test_one_job_per_company_on_the_csr_channel(self):
        if "queue.job" not in self.env:
            raise unittest.SkipTest("OCA queue_job is not installed")
        from odoo.addons.queue_job.job import Job

        Jobs = self.env["queue.job"]
        before = Jobs.search([])
        self.env["csr.period"]._cron_compute_open_periods(today=TODAY)
        jobs = Jobs.search([]) - before
        self.assertEqual(sorted(job.args[0] for job in jobs), sorted(self.clients.ids))
        self.assertEqual(set(jobs.mapped("channel")), {"root.csr"})
        self.assertEqual(set(jobs.mapped("method_name")), {"_compute_company_periods"})
        self.assertEqual(set(jobs.mapped("state")), {"pending"})
        second, third = self.clients[1], self.clients[2]
        self.assertFalse(self._revenue(second))
        self.env["csr.period"]._cron_compute_open_periods(today=TODAY)
        self.assertEqual(Jobs.search([]) - before, jobs)
        job = jobs.filtered(lambda job: job.args[0] == second.id)
        Job.load(self.env, job.uuid).perform()
        self.env.invalidate_all()
        self.assertEqual(self._revenue(second), 2000.0)
        self.assertFalse(self._revenue(third))
