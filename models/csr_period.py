# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import logging
import threading

from markupsafe import Markup, escape
from psycopg2.errors import LockNotAvailable, SerializationFailure

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tools import SQL

from ..engine import periods
from ..engine.vocabulary import PERIOD_KINDS
from ..services.period_compute import PeriodCompute, PeriodsCompute

PERIOD_STATES = [("open", "Open"), ("locked", "Locked")]
_logger = logging.getLogger(__name__)

# Fields whose change would alter what a locked period reports.
LOCKED_FIELDS = {"company_id", "kind", "date_from", "date_to"}
# Results of the period's own logic: the name follows the dates, the lock's
# author and time are stamped by action_lock.
SYSTEM_FIELDS = {"name", "state", "locked_by_id", "locked_on", "computed_on"}
# Years a reporting period may fall in: beyond them a date is a typing slip
# (and year 9999 has no day after its last one).
FIRST_YEAR, LAST_YEAR = 1900, 2200
# Only the addon's own code paths can hand this object to the context: a
# client's context arrives as JSON, which cannot carry it.
_SYSTEM_WRITE = object()


class CsrPeriod(models.Model):
    """A reporting period of one company: a month, a quarter or a year."""

    _name = "csr.period"
    _description = "CSR Reporting Period"
    _inherit = ["csr.review.note", "mail.activity.mixin", "csr.company.guard"]
    _order = "date_from desc, kind desc"
    _check_company_auto = True

    name = fields.Char(compute="_compute_name", store=True)
    company_id = fields.Many2one(
        "res.company",
        required=True,
        index=True,
        default=lambda self: self.env.company,
        tracking=True,
    )
    kind = fields.Selection(PERIOD_KINDS, required=True, default="month", tracking=True)
    date_from = fields.Date(string="Start", required=True, tracking=True)
    date_to = fields.Date(string="End", required=True, tracking=True)
    state = fields.Selection(
        PERIOD_STATES, required=True, default="open", readonly=True, tracking=True
    )
    locked_by_id = fields.Many2one("res.users", readonly=True, copy=False)
    locked_on = fields.Datetime(readonly=True, copy=False)
    compute_warnings = fields.Text(
        string="Warnings of the last compute",
        readonly=True,
        copy=False,
        help="Figures of the last compute that may not be right, and why.",
    )
    computed_on = fields.Datetime(
        string="Last computed",
        readonly=True,
        copy=False,
        help="When the computed and formula indicators were last computed.",
    )
    value_ids = fields.One2many("csr.indicator.value", "period_id", "Values")
    value_count = fields.Integer(compute="_compute_value_counts")
    validated_count = fields.Integer(compute="_compute_value_counts")
    scorecard_ids = fields.One2many("csr.scorecard", "period_id", "Scorecards")
    scorecard_index = fields.Float(
        string="Scorecard index", compute="_compute_scorecard_index", digits=(5, 1)
    )
    scorecard_has_index = fields.Boolean(compute="_compute_scorecard_index")

    _sql_constraints = [
        (
            "dates_ordered",
            "CHECK(date_to >= date_from)",
            "A period cannot end before it starts.",
        ),
    ]

    @api.depends("kind", "date_from", "date_to")
    def _compute_name(self):
        for period in self:
            if period.kind and period.date_from and period.date_to:
                period.name = periods.period_name(
                    period.kind, period.date_from, period.date_to
                )
            else:
                period.name = False

    def _compute_value_counts(self):
        groups = self.env["csr.indicator.value"]._read_group(
            [("period_id", "in", self.ids)], ["period_id", "state"], ["__count"]
        )
        total, validated = {}, {}
        for period, state, count in groups:
            total[period] = total.get(period, 0) + count
            if state == "validated":
                validated[period] = validated.get(period, 0) + count
        for period in self:
            period.value_count = total.get(period, 0)
            period.validated_count = validated.get(period, 0)

    @api.depends("scorecard_ids.overall_index", "scorecard_ids.has_index")
    def _compute_scorecard_index(self):
        for period in self:
            card = period.scorecard_ids[:1]
            period.scorecard_index = card.overall_index
            period.scorecard_has_index = card.has_index

    @api.constrains("kind", "date_from", "date_to")
    def _check_shape(self):
        messages = {
            periods.SHAPE_INVERTED: self.env._("A period cannot end before it starts."),
            periods.SHAPE_NOT_MONTH_START: self.env._(
                "A period must start on the first day of a month."
            ),
            periods.SHAPE_WRONG_LENGTH: self.env._(
                "A period of this kind must cover exactly %(months)s whole month(s)."
            ),
        }
        for period in self:
            error = periods.check_shape(period.kind, period.date_from, period.date_to)
            if error:
                months = periods.MONTHS_PER_KIND[period.kind]
                raise ValidationError(
                    self.env._(
                        "Period %(start)s to %(end)s: %(reason)s",
                        start=period.date_from,
                        end=period.date_to,
                        reason=messages[error] % {"months": months},
                    )
                )

    @api.constrains("company_id", "kind", "date_from", "date_to")
    def _check_overlap(self):
        for period in self:
            clash = self.sudo().search(
                [
                    ("id", "!=", period.id),
                    ("company_id", "=", period.company_id.id),
                    ("kind", "=", period.kind),
                    ("date_from", "<=", period.date_to),
                    ("date_to", ">=", period.date_from),
                ],
                limit=1,
            )
            if clash:
                raise ValidationError(
                    self.env._(
                        "Period %(name)s overlaps period %(other)s of the same "
                        "kind for %(company)s.",
                        name=period.name,
                        other=clash.name,
                        company=period.company_id.name,
                    )
                )

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            # A copy carries the default state along: only that one is let in.
            self._check_system_fields(
                {
                    key: val
                    for key, val in vals.items()
                    if (key, val) != ("state", "open")
                }
            )
            self._check_years(vals)
        return super().create(vals_list)

    def write(self, vals):
        self._check_system_fields(vals)
        self._check_years(vals)
        if LOCKED_FIELDS & vals.keys():
            self._check_unlocked()
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_except_locked_or_validated(self):
        self._check_unlocked()
        if self.value_ids.filtered(lambda value: value.state == "validated"):
            raise UserError(
                self.env._(
                    "A period holding validated values cannot be deleted. "
                    "Reset its values to draft first."
                )
            )

    def _system(self):
        """These periods, writable by the addon's own code paths only."""
        return self.with_context(csr_system_write=_SYSTEM_WRITE)

    def _check_system_fields(self, vals):
        forged = SYSTEM_FIELDS & vals.keys()
        if forged and self.env.context.get("csr_system_write") is not _SYSTEM_WRITE:
            raise AccessError(
                self.env._(
                    "%(fields)s of a period are set by the system (its name follows "
                    "its dates; lock and unlock with the buttons) and cannot be "
                    "written by hand.",
                    fields=", ".join(sorted(forged)),
                )
            )

    def _check_years(self, vals):
        for key in ("date_from", "date_to"):
            day = fields.Date.to_date(vals.get(key))
            if day and not FIRST_YEAR <= day.year <= LAST_YEAR:
                raise ValidationError(
                    self.env._(
                        "A reporting period must fall between the years %(first)s "
                        "and %(last)s: %(day)s is out of range.",
                        first=FIRST_YEAR,
                        last=LAST_YEAR,
                        day=day,
                    )
                )

    def _check_unlocked(self):
        locked = self.filtered(lambda period: period.state == "locked")
        if locked:
            raise UserError(
                self.env._(
                    "Period %(names)s is locked: its data cannot be changed. "
                    "A CSR manager must unlock it first.",
                    names=", ".join(locked.mapped("display_name")),
                )
            )

    def _hold_unlocked(self):
        """Refuse a change to the periods' data if one is locked, and hold
        their rows until this transaction ends.

        FOR SHARE conflicts with the lock's UPDATE: a lock waits for the
        changes under way, and a change whose transaction began before a lock
        committed fails with a serialization error (the server retries it,
        then sees the period locked). So once a lock has committed, no value
        of its period changes.
        """
        self._hold_rows()
        self._check_unlocked()

    def _hold_rows(self):
        """Share-lock the periods' rows until this transaction ends (see
        _hold_unlocked), reading their state as it stands."""
        if not self:
            return
        self.flush_recordset(["state"])
        self.env.execute_query(
            SQL(
                "SELECT id FROM csr_period WHERE id IN %s FOR SHARE",
                tuple(self.ids),
            )
        )

    def _check_manager(self, action):
        if not self.env.user._is_csr_manager():
            raise AccessError(
                self.env._("Only a CSR manager can %(action)s a period.", action=action)
            )

    def action_lock(self):
        self._check_manager(self.env._("lock"))
        self.filtered(lambda period: period.state == "open")._system().write(
            {
                "state": "locked",
                "locked_by_id": self.env.uid,
                "locked_on": fields.Datetime.now(),
            }
        )
        return True

    def action_unlock(self):
        self._check_manager(self.env._("unlock"))
        for period in self.filtered(lambda period: period.state == "locked"):
            period._system().write(
                {"state": "open", "locked_by_id": False, "locked_on": False}
            )
            # Logged, not sent: a manager without an e-mail address unlocks too.
            period._message_log(
                body=escape(
                    self.env._(
                        "Period unlocked by %(user)s: its values can be changed "
                        "again.",
                        user=self.env.user.name,
                    )
                )
            )
        return True

    def _base_period(self):
        """The period of the same kind and months in the company's base year."""
        self.ensure_one()
        year = self.company_id.csr_base_year
        if not year:
            return self.browse()
        return self.search(
            [
                ("company_id", "=", self.company_id.id),
                ("kind", "=", self.kind),
                ("date_from", "=", self.date_from.replace(year=year)),
            ],
            limit=1,
        )

    def action_open_values(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "csr_management.csr_indicator_value_action"
        )
        action["domain"] = [("period_id", "=", self.id)]
        action["context"] = {
            "default_period_id": self.id,
            "search_default_group_pillar": 1,
        }
        return action

    def action_open_campaign(self):
        """The period's input campaign; a new one for a manager if none yet."""
        self.ensure_one()
        campaign = self.env["csr.campaign"].search(
            [("period_id", "=", self.id)], limit=1
        )
        if not campaign and not self.env.user._is_csr_manager():
            raise UserError(
                self.env._(
                    "Period %(name)s has no input campaign yet: ask a CSR manager "
                    "to create one.",
                    name=self.name,
                )
            )
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Input campaign"),
            "res_model": "csr.campaign",
            "views": [(False, "form")],
            "res_id": campaign.id,
            "context": {"default_period_id": self.id},
        }

    def _lock_for_compute(self):
        """Hold the periods for this transaction's compute, or refuse at once.

        A second compute of a period while one runs is refused with a clear
        message rather than left waiting or left to create duplicate values.
        The compute then stamps ``computed_on``: that update makes a compute
        whose transaction began before another one committed fail on this
        lock with a serialization error, which the server retries on fresh
        data (Odoo retries such errors), so stale values are never written.
        """
        if not self:
            return
        try:
            with self.env.cr.savepoint(flush=False):
                self.env.execute_query(
                    SQL(
                        "SELECT id FROM csr_period WHERE id IN %s "
                        "FOR NO KEY UPDATE NOWAIT",
                        tuple(self.ids),
                    )
                )
        except LockNotAvailable:
            raise UserError(
                self.env._(
                    "%(names)s: this period is already being computed. Try again "
                    "in a moment.",
                    names=", ".join(self.mapped("display_name")),
                )
            ) from None

    def action_compute(self):
        """Fill the computed and formula indicators of the periods."""
        self._check_manager(self.env._("compute"))
        self._lock_for_compute()
        messages, failed, bodies = [], False, {}
        # Several periods of a company read each source once (see
        # PeriodsCompute); each period gets the values it would get alone.
        reports = PeriodsCompute(self).run()
        for period in self:
            report = reports[period]
            lines = period._compute_message(report)
            if not report.locked:
                period._store_compute_warnings(report)
                bodies[period.id] = Markup("<br/>").join(lines)
            messages.extend(lines)
            failed = failed or bool(report.failed)
        # One summary per period, logged in one go.
        self.browse(list(bodies))._message_log_batch(bodies=bodies)
        self._refresh_scorecards()
        return {
            "type": "ir.actions.client",
            "tag": "display_notification",
            "params": {
                "title": self.env._("CSR indicators computed"),
                "message": "\n".join(messages),
                "sticky": failed,
                "type": "warning" if failed else "success",
                "next": {"type": "ir.actions.client", "tag": "soft_reload"},
            },
        }

    def _store_compute_warnings(self, report):
        """Every warning of the last compute, also of figures that gave no
        data and so have no value to carry it."""
        self.sudo().compute_warnings = "\n".join(
            f"{code}: {warning}"
            for code, warnings in sorted(report.warnings.items())
            for warning in warnings
        )

    def _post_compute_message(self, lines):
        """Logged, not sent: a manager without an e-mail address computes too,
        and so does the scheduled job."""
        for period in self:
            period._message_log(body=Markup("<br/>").join(lines))

    def _compute_message(self, report):
        if report.locked:
            return [
                self.env._("%(name)s is locked: nothing was computed.", name=self.name)
            ]
        lines = [
            self.env._(
                "%(name)s: %(created)s value(s) created, %(updated)s updated, "
                "%(unchanged)s unchanged.",
                name=self.name,
                created=len(report.created),
                updated=len(report.updated),
                unchanged=len(report.unchanged),
            )
        ]
        skipped = [
            (report.skipped_manual, self.env._("kept as entered by hand")),
            (
                report.skipped_not_draft,
                self.env._("kept because submitted or validated"),
            ),
            (report.no_source, self.env._("no source configured")),
            (report.no_data, self.env._("no data (missing input or division by zero)")),
            (
                report.implausible,
                self.env._("implausible figure, check the books or the source"),
            ),
            (
                report.stale_kept,
                self.env._(
                    "no longer computable, old value kept for its comment or evidence"
                ),
            ),
        ]
        for codes, reason in skipped:
            if codes:
                lines.append(
                    self.env._(
                        "Skipped, %(reason)s: %(codes)s.",
                        reason=reason,
                        codes=", ".join(codes),
                    )
                )
        for code, warnings in sorted(report.warnings.items()):
            for warning in warnings:
                lines.append(
                    self.env._(
                        "Check %(code)s: %(warning)s", code=code, warning=warning
                    )
                )
        for code, reason in sorted(report.failed.items()):
            lines.append(
                self.env._(
                    "Not computed, %(code)s: %(reason)s. Its current value, if "
                    "any, is kept.",
                    code=code,
                    reason=reason,
                )
            )
        return lines

    # Companies the scheduled compute handles in one call: the cron runs it
    # again at once while some remain (Odoo's cron progress), committing
    # after each company, so a long run resumes where it stopped.
    CRON_BATCH = 10
    CRON_CURSOR = "csr_management.compute_cursor"
    QUEUE_CHANNEL = "root.csr"

    @api.model
    def _cron_compute_open_periods(self, batch_size=None, today=None):
        """Monthly: compute every open period that has started, company by
        company.

        With OCA queue_job installed, each company's compute becomes a job on
        the ``root.csr`` channel, so that several workers or servers share
        them. Without it, companies are computed here in batches: each
        company's periods together (each source read once), committed on
        their own, and the job reports its progress so that Odoo runs it
        again for the next batch, resuming after the last company done even
        if the server stopped. A company whose compute fails is computed
        period by period, so that one broken period never stops the others.
        """
        today = today or fields.Date.context_today(self)
        companies = self._companies_due(today)
        if self._queue_job_installed():
            for company in companies:
                self.with_delay(
                    channel=self.QUEUE_CHANNEL,
                    description=self.env._(
                        "CSR: compute the open periods of %(company)s",
                        company=company.name,
                    ),
                    identity_key=f"csr_compute_{company.id}_{today}",
                )._compute_company_periods(company.id, today)
            return
        params = self.env["ir.config_parameter"].sudo()
        # "<day>:<last company done>" of a run in progress.
        run, _sep, after = (params.get_param(self.CRON_CURSOR) or "").partition(":")
        after = int(after) if run == str(today) and after else 0
        todo = companies.filtered(lambda c: c.id > after)
        if not batch_size:
            # Run by the scheduler: a batch, and again; called directly: all.
            in_cron = self.env.context.get("ir_cron_progress_id")
            batch_size = self.CRON_BATCH if in_cron else len(todo)
        batch = todo[:batch_size]
        for company in batch:
            try:
                with self.env.cr.savepoint():
                    self._compute_company_periods(company.id, today)
            except Exception:  # noqa: BLE001 - one company never stops the rest
                _logger.exception(
                    "CSR company %s: scheduled compute failed.", company.id
                )
            params.set_param(self.CRON_CURSOR, f"{today}:{company.id}")
            self._commit_progress()
        remaining = len(todo) - len(batch)
        if not remaining:
            params.set_param(self.CRON_CURSOR, False)
        self.env["ir.cron"]._notify_progress(
            done=len(companies) - remaining, remaining=remaining
        )

    def _companies_due(self, today):
        """The companies with an open period that has started, by id."""
        groups = (
            self.sudo()
            .with_context(active_test=False)
            ._read_group(
                [("state", "=", "open"), ("date_from", "<=", today)],
                ["company_id"],
            )
        )
        return self.env["res.company"].union(*(c for (c,) in groups)).sorted("id")

    def _commit_progress(self):
        """Commit a company's compute: a scheduled run resumes after it. Not
        under tests, whose transaction must stay open."""
        if not getattr(threading.current_thread(), "testing", False):
            self.env.cr.commit()  # pylint: disable=invalid-commit

    def _queue_job_installed(self):
        return "queue.job" in self.env and hasattr(self, "with_delay")

    @api.model
    def _compute_company_periods(self, company_id, today=None):
        """Compute the open periods of one company that have started: all
        together, or, if that fails, one by one, each on its own."""
        today = today or fields.Date.context_today(self)
        # A system job: it computes for every company.
        periods = self.sudo().search(
            [
                ("company_id", "=", company_id),
                ("state", "=", "open"),
                ("date_from", "<=", today),
            ],
            order="date_from, id",  # each scorecard finds the previous one fresh
        )
        held = self.browse()
        for period in periods:
            try:
                period._lock_for_compute()
            except (UserError, SerializationFailure):
                # Someone is computing it right now, or has just done so since
                # this job began: that compute will do, the others go on.
                _logger.info("CSR period %s skipped: being computed.", period.id)
                continue
            held |= period
        if not held:
            return
        held = held.with_company(held.company_id)
        try:
            with self.env.cr.savepoint():
                reports = PeriodsCompute(held).run()
                held._after_scheduled_compute(reports)
        except Exception:  # noqa: BLE001 - one company never stops the rest
            _logger.exception(
                "CSR company %s: scheduled compute failed; computing its "
                "periods one by one.",
                company_id,
            )
            for period in held:
                period._compute_on_schedule()

    def _after_scheduled_compute(self, reports):
        """Store each period's warnings, then score again, in one pass, the
        periods whose scorecard the compute made stale."""
        stale = self.browse()
        for period in self:
            period._store_compute_warnings(reports[period])
            if period._scorecard_is_stale(reports[period]):
                stale |= period
        stale._refresh_scorecards()
        for period in self:
            if reports[period].failed:
                # Nobody watches a scheduled compute: say what failed.
                period._post_compute_message(period._compute_message(reports[period]))

    def _compute_on_schedule(self):
        self.ensure_one()
        try:
            with self.env.cr.savepoint():
                report = PeriodCompute(self.with_company(self.company_id)).run()
                self._store_compute_warnings(report)
                if self._scorecard_is_stale(report):
                    self._refresh_scorecards()
        except Exception as error:  # noqa: BLE001 - one period never stops the rest
            _logger.exception("CSR period %s: scheduled compute failed.", self.id)
            self._message_log(
                body=escape(
                    self.env._(
                        "The scheduled compute of %(name)s failed, nothing was "
                        "changed: %(error)s. Fix the cause and compute the period "
                        "again.",
                        name=self.name,
                        error=str(error).strip().splitlines()[0]
                        if str(error).strip()
                        else type(error).__name__,
                    )
                )
            )
            return
        if report.failed:
            # Nobody watches a scheduled compute: say what failed.
            self._post_compute_message(self._compute_message(report))

    def _scorecard_is_stale(self, report):
        """Whether the scheduled compute must score the period again: it has
        no scorecard, the compute changed a value, or a value or target of the
        company changed since it was scored. An unchanged period keeps its
        scorecard, so that a report printed before the job still shows what
        the screens show after it."""
        card = self.scorecard_ids[:1]
        if not card or report.created or report.updated or report.removed:
            return True
        since = [
            ("company_id", "=", self.company_id.id),
            ("write_date", ">", card.computed_on),
        ]
        return bool(
            self.env["csr.indicator.value"].sudo().search_count(since, limit=1)
            or self.env["csr.target"].sudo().search_count(since, limit=1)
        )

    def _refresh_scorecards(self):
        """Score the periods again after a compute (a locked period keeps its
        scorecard). Callers check that the user is a CSR manager."""
        self.env["csr.scorecard"]._refresh_for(self)

    def action_open_scorecard(self):
        """The period's scorecard; a CSR manager gets it made when missing."""
        self.ensure_one()
        if not self.scorecard_ids:
            self._check_manager(self.env._("score"))
            self._refresh_scorecards()
            self.invalidate_recordset(["scorecard_ids"])
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "csr_management.csr_scorecard_action"
        )
        action.update(
            {
                "res_id": self.scorecard_ids[:1].id,
                "views": [(False, "form")],
                "view_mode": "form",
            }
        )
        return action
