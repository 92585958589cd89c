# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tools import format_date, formatLang

# Aliased: "efficacy" is also a field of the model.
from ..engine import efficacy as efficacy_engine
from ..engine.vocabulary import ACTION_STATES, OPEN_ACTION_STATES, PILLARS
from ..services.labels import selection_label
from ..services.reminders import remind_once
from .csr_recommendation import ACTION_TYPES

ORIGINS = [
    ("question", "Unmet assessment question"),
    ("indicator", "Indicator below threshold"),
    ("dialogue", "Stakeholder dialogue"),
    ("audit", "Audit finding"),
    ("other", "Other"),
]
PRIORITIES = [
    ("0", "Normal"),
    ("1", "Medium"),
    ("2", "High"),
    ("3", "Urgent"),
]
EFFICACIES = [
    ("effective", "Effective"),
    ("not_effective", "Not effective"),
    ("not_measured", "Not measured"),
]
# Someone is committed to a date: a responsible, a deadline and, when an
# indicator is tracked, a target worth reaching are needed.
COMMITTED_STATES = ("planned", "in_progress")
# Measured on an indicator: "not measured" is a verification by note only.
MEASURED = ("effective", "not_effective")
# What the verification measured: written by action_verify only.
RESULT_FIELDS = {
    "verification_period_id",
    "verified_value",
    "value_change",
    "efficacy",
    "verified_on",
    "verified_by_id",
}
# What the result was measured from: frozen once the action is verified.
MEASURE_FIELDS = {
    "indicator_id",
    "baseline_period_id",
    "baseline_value",
    "target_value",
    "deadline",
    "company_id",
    "verification_note",
}


class CsrAction(models.Model):
    """An improvement action: what a company does about an unmet question, a
    red indicator or a finding, and whether it worked."""

    _name = "csr.action"
    _description = "CSR Improvement Action"
    _inherit = [
        "csr.review.note",
        "mail.activity.mixin",
        "csr.number.guard",
        "csr.company.guard",
        "csr.library.mixin",
    ]
    # Auditors read these records; they leave their notes on the figures.
    _csr_review_notes = False
    _csr_guarded_numbers = (
        "baseline_value",
        "target_value",
        "saving_amount",
        "saving_co2_kg",
        "cost",
    )
    _order = "priority desc, deadline, id desc"
    _check_company_auto = True
    # Colleagues comment on actions they may not edit.

    name = fields.Char(string="Title", required=True, tracking=True)
    description = fields.Html()
    action_type = fields.Selection(
        ACTION_TYPES, string="Type", required=True, default="improvement"
    )
    origin = fields.Selection(ORIGINS, required=True, default="other")
    origin_ref = fields.Reference(
        selection="_selection_origin_models",
        string="Origin record",
        help="The record the action answers, e.g. an unmet self-assessment "
        "answer or the scorecard where its indicator was red.",
    )
    question_id = fields.Many2one("csr.question", index=True, ondelete="set null")
    recommendation_id = fields.Many2one("csr.recommendation", ondelete="set null")
    pillar = fields.Selection(
        PILLARS,
        required=True,
        compute="_compute_pillar",
        store=True,
        readonly=False,
        precompute=True,
        index=True,
        help="Taken from the question or the indicator when one is set.",
    )
    company_id = fields.Many2one(
        "res.company",
        required=True,
        index=True,
        default=lambda self: self.env.company,
    )
    responsible_id = fields.Many2one(
        "res.users",
        index=True,
        default=lambda self: self.env.user,
        check_company=True,
        tracking=True,
    )
    deadline = fields.Date(index=True, tracking=True)
    state = fields.Selection(
        ACTION_STATES,
        string="Status",
        required=True,
        default="draft",
        index=True,
        tracking=True,
        copy=False,
        group_expand=True,
    )
    priority = fields.Selection(PRIORITIES, default="0")
    # Expected effect.
    indicator_id = fields.Many2one(
        "csr.indicator",
        string="Indicator to track",
        index=True,
        ondelete="restrict",
        check_company=True,
        tracking=True,
        help="Indicator whose value shows whether the action worked.",
    )
    indicator_unit = fields.Char(related="indicator_id.unit", string="Unit")
    indicator_direction = fields.Selection(related="indicator_id.direction")
    baseline_period_id = fields.Many2one(
        "csr.period",
        string="Baseline period",
        check_company=True,
        ondelete="restrict",
        help="Period the baseline is read from. The effect is read in the first "
        "period of the same kind that starts after the deadline (a year when "
        "no baseline period is set).",
    )
    baseline_value = fields.Float(
        string="Baseline",
        digits=(16, 4),
        compute="_compute_baseline_value",
        store=True,
        readonly=False,
        precompute=True,
        tracking=True,
        help="Value of the indicator before the action; taken from the baseline "
        "period when the indicator has a value there.",
    )
    target_value = fields.Float(
        string="Target",
        digits=(16, 4),
        compute="_compute_target_value",
        store=True,
        readonly=False,
        precompute=True,
        tracking=True,
        help="Value the indicator should reach thanks to the action. For a "
        "yes/no indicator, the good answer (1 yes, 0 no).",
    )
    currency_id = fields.Many2one(related="company_id.currency_id")
    saving_amount = fields.Monetary(
        string="Expected saving",
        currency_field="currency_id",
        help="Money the action is expected to save per year.",
    )
    saving_co2_kg = fields.Float(
        string="Expected emissions avoided (kgCO2e)",
        digits=(16, 2),
        help="Greenhouse-gas emissions the action is expected to avoid per year.",
    )
    cost = fields.Monetary(currency_field="currency_id")
    # Efficacy, measured by the verification.
    verification_period_id = fields.Many2one(
        "csr.period",
        readonly=True,
        copy=False,
        index=True,
        check_company=True,
        ondelete="restrict",
        help="First period after the deadline, in which the effect was read.",
    )
    verified_value = fields.Float(
        string="Value after the action", digits=(16, 4), readonly=True, copy=False
    )
    value_change = fields.Float(
        string="Improvement",
        digits=(16, 4),
        readonly=True,
        copy=False,
        help="Change against the baseline, positive when the indicator got "
        "better (a fall for lower-is-better indicators).",
    )
    efficacy = fields.Selection(EFFICACIES, readonly=True, copy=False, tracking=True)
    verified_on = fields.Datetime(readonly=True, copy=False)
    verified_by_id = fields.Many2one("res.users", readonly=True, copy=False)
    verification_note = fields.Text(
        copy=False,
        help="What was checked; required to verify an action without indicator.",
    )

    @api.model
    def _selection_origin_models(self):
        # Scorecard lines are rewritten on each refresh: refer to the scorecard.
        return [
            ("csr.assessment.answer", self.env._("Self-assessment answer")),
            ("csr.scorecard", self.env._("Scorecard")),
            ("csr.question", self.env._("Question")),
            ("csr.dialogue", self.env._("Stakeholder dialogue")),
        ]

    @api.depends("question_id", "indicator_id")
    def _compute_pillar(self):
        for action in self:
            source = action.question_id or action.indicator_id
            action.pillar = source.pillar or action.pillar

    @api.depends("indicator_id", "baseline_period_id")
    def _compute_baseline_value(self):
        found = {}
        measured = self.filtered(lambda a: a.indicator_id and a.baseline_period_id)
        if measured:
            values = self.env["csr.indicator.value"].search_fetch(
                [
                    ("indicator_id", "in", measured.indicator_id._origin.ids),
                    ("period_id", "in", measured.baseline_period_id._origin.ids),
                ],
                ["indicator_id", "period_id", "value"],
            )
            found = {(v.indicator_id.id, v.period_id.id): v.value for v in values}
        for action in self:
            key = (action.indicator_id._origin.id, action.baseline_period_id._origin.id)
            action.baseline_value = found.get(key, action.baseline_value)

    @api.depends("indicator_id")
    def _compute_target_value(self):
        for action in self:
            indicator = action.indicator_id
            if indicator.value_type == "boolean" and indicator.direction != "neutral":
                action.target_value = efficacy_engine.good_answer(indicator.direction)
            else:
                action.target_value = action.target_value

    @api.constrains("cost", "saving_amount", "saving_co2_kg")
    def _check_amounts(self):
        for action in self:
            negative = [
                self._fields[name]._description_string(self.env)
                for name in ("cost", "saving_amount", "saving_co2_kg")
                if action[name] < 0
            ]
            if negative:
                raise ValidationError(
                    self.env._(
                        "Action %(name)s: %(fields)s cannot be negative.",
                        name=action.name,
                        fields=", ".join(negative),
                    )
                )

    @api.constrains("indicator_id")
    def _check_indicator_judged(self):
        for action in self.filtered("indicator_id"):
            if action.indicator_id.direction not in efficacy_engine.JUDGED_DIRECTIONS:
                raise ValidationError(
                    self.env._(
                        "%(code)s is a context figure, not judged better or worse: "
                        "action %(name)s cannot be measured on it. Choose an "
                        "indicator with a direction, or none.",
                        code=action.indicator_id.code,
                        name=action.name,
                    )
                )

    @api.constrains(
        "state",
        "responsible_id",
        "deadline",
        "indicator_id",
        "baseline_value",
        "target_value",
    )
    def _check_committed(self):
        self.filtered(lambda a: a.state in COMMITTED_STATES)._check_ready_to_plan()

    def _check_ready_to_plan(self):
        """What planning or starting needs, by button or by drag on the kanban."""
        for action in self:
            if not (action.responsible_id and action.deadline):
                raise ValidationError(
                    self.env._(
                        "Action %(name)s needs a person in charge and a deadline "
                        "before it is planned or started.",
                        name=action.name,
                    )
                )
            action._check_target()

    def _check_target(self):
        """With an indicator, the target must be better than the baseline:
        otherwise no value could ever show an effect."""
        self.ensure_one()
        indicator = self.indicator_id
        if not indicator:
            return
        self._check_indicator_judged()
        if not efficacy_engine.target_improves(
            indicator.direction, self.baseline_value, self._judged_target()
        ):
            raise ValidationError(
                self.env._(
                    "Action %(name)s tracks %(code)s: set a target better than "
                    "the baseline %(baseline)s (%(direction)s).",
                    name=self.name,
                    code=indicator.code,
                    baseline=self._format_number(self.baseline_value),
                    direction=selection_label(indicator, "direction").lower(),
                )
            )

    def _judged_target(self):
        """The target as the engine judges it: a yes/no indicator's good answer."""
        indicator = self.indicator_id
        if indicator.value_type == "boolean":
            return efficacy_engine.good_answer(indicator.direction)
        return self.target_value

    @api.model_create_multi
    def create(self, vals_list):
        if not self.env.su:
            for vals in vals_list:
                self._check_no_result(vals, self.browse())
        return super().create(vals_list)

    def write(self, vals):
        if not self.env.su:
            self._check_no_result(vals, self)
        return super().write(vals)

    def _write_result(self, vals):
        """Write what only the Verify and Reset buttons may write, after
        checking that the user may change these actions at all."""
        self.check_access("write")
        return super(CsrAction, self.sudo()).write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_except_verified(self):
        """A measured result is evidence: only a CSR manager discards it."""
        verified = self.filtered(lambda a: a.state == "verified")
        if verified and not self.env.user._is_csr_manager():
            raise AccessError(
                self.env._(
                    "Only a CSR manager can delete a verified improvement action "
                    "(%(names)s).",
                    names=", ".join(verified.mapped("name")),
                )
            )

    @api.model
    def _check_no_result(self, vals, actions):
        """The efficacy is measured, never typed: a drag to Verified on the
        kanban or an import would skip the measurement."""
        if vals.get("state") == "verified":
            raise UserError(
                self.env._(
                    "An action becomes verified through its Verify button, which "
                    "measures its effect; it cannot be set to Verified directly."
                )
            )
        forged = RESULT_FIELDS & vals.keys()
        if forged:
            raise UserError(
                self.env._(
                    "%(fields)s are recorded when the action is verified and "
                    "cannot be set by hand.",
                    fields=", ".join(
                        self._fields[name]._description_string(self.env)
                        for name in sorted(forged)
                    ),
                )
            )
        verified = actions.filtered(lambda a: a.state == "verified")
        if verified and ("state" in vals or MEASURE_FIELDS & vals.keys()):
            raise UserError(
                self.env._(
                    "Action %(names)s is verified: its status and what its result "
                    "was measured from stay as they are; only Reset to Draft (by a "
                    "CSR manager) reopens it.",
                    names=", ".join(verified.mapped("name")),
                )
            )

    # Buttons.

    def _check_state(self, allowed, message):
        """``message(names, state)`` is the full translated refusal: verbs
        cannot be slotted into one sentence in every language."""
        wrong = self.filtered(lambda a: a.state not in allowed)
        if wrong:
            raise UserError(
                message(
                    ", ".join(wrong.mapped("name")),
                    selection_label(wrong[0], "state").lower(),
                )
            )

    def action_plan(self):
        self._check_state(
            {"draft"},
            lambda names, state: self.env._(
                "Only a draft action can be planned; %(names)s is %(state)s.",
                names=names,
                state=state,
            ),
        )
        self._check_ready_to_plan()
        self.write({"state": "planned"})
        return True

    def action_start(self):
        self._check_state(
            {"draft", "planned"},
            lambda names, state: self.env._(
                "Only a draft or planned action can be started; %(names)s is "
                "%(state)s.",
                names=names,
                state=state,
            ),
        )
        self._check_ready_to_plan()
        self.write({"state": "in_progress"})
        return True

    def action_done(self):
        self._check_state(
            {"in_progress"},
            lambda names, state: self.env._(
                "Only an action in progress can be marked as done; %(names)s is "
                "%(state)s.",
                names=names,
                state=state,
            ),
        )
        self.write({"state": "done"})
        return True

    def action_cancel(self):
        self._check_state(
            set(OPEN_ACTION_STATES) | {"done"},
            lambda names, state: self.env._(
                "%(names)s is %(state)s and can no longer be cancelled.",
                names=names,
                state=state,
            ),
        )
        self.write({"state": "cancelled"})
        return True

    def action_reset_to_draft(self):
        """Back to draft; a verified action loses its measured result, which
        only a CSR manager may discard."""
        self._check_state(
            {"planned", "in_progress", "done", "verified", "cancelled"},
            lambda names, state: self.env._(
                "%(names)s is %(state)s already.",
                names=names,
                state=state,
            ),
        )
        if (
            any(a.state == "verified" for a in self)
            and not self.env.user._is_csr_manager()
        ):
            raise AccessError(
                self.env._(
                    "Only a CSR manager can reopen a verified improvement action."
                )
            )
        self._write_result(
            {
                "state": "draft",
                "verification_period_id": False,
                "verified_value": 0.0,
                "value_change": 0.0,
                "efficacy": False,
                "verified_on": False,
                "verified_by_id": False,
            }
        )
        return True

    def action_verify(self):
        """Measure the effect of done actions; nothing changes when one of them
        cannot be measured yet."""
        self._check_state(
            {"done"},
            lambda names, state: self.env._(
                "Only a done action can be verified; %(names)s is %(state)s.",
                names=names,
                state=state,
            ),
        )
        for action in self:
            if action.indicator_id:
                vals, body = action._measure()
            else:
                vals, body = action._verify_by_note()
            vals.update(
                {
                    "state": "verified",
                    "verified_on": fields.Datetime.now(),
                    "verified_by_id": self.env.uid,
                }
            )
            action._write_result(vals)
            action.message_post(body=body)
        return True

    def _verify_by_note(self):
        if not (self.verification_note or "").strip():
            raise UserError(
                self.env._(
                    "Action %(name)s tracks no indicator: write in the verification "
                    "note what was checked, then verify it.",
                    name=self.name,
                )
            )
        body = self.env._(
            "Verified without an indicator (effect not measured): %(note)s",
            note=self.verification_note,
        )
        return {"efficacy": "not_measured"}, body

    def _measure(self):
        """Read the tracked indicator in the first period after the deadline
        and judge it against the target."""
        self._check_target()
        indicator = self.indicator_id
        if not self.deadline:
            raise UserError(
                self.env._(
                    "Action %(name)s has no deadline: set it, the effect is read "
                    "in the first period that starts after it.",
                    name=self.name,
                )
            )
        period = self._verification_period()
        value = self.env["csr.indicator.value"].search(
            [
                ("indicator_id", "=", indicator.id),
                ("period_id", "=", period.id),
                ("company_id", "=", self.company_id.id),
            ],
            limit=1,
        )
        if not value:
            raise UserError(
                self.env._(
                    "There is no value yet for %(indicator)s in %(period)s: compute "
                    "or enter it first, then verify action %(name)s again.",
                    indicator=indicator.display_name,
                    period=period.name,
                    name=self.name,
                )
            )
        met = efficacy_engine.meets_target(
            indicator.direction,
            value.value,
            self.target_value,
            is_boolean=indicator.value_type == "boolean",
        )
        change = efficacy_engine.improvement(
            indicator.direction, self.baseline_value, value.value
        )
        vals = {
            "verification_period_id": period.id,
            "verified_value": value.value,
            "value_change": change,
            "efficacy": "effective" if met else "not_effective",
        }
        return vals, self._measure_message(period, value, change, met)

    def _verification_period(self):
        """The first period of the baseline's kind (a year by default) that
        starts after the deadline: the first full measure of the effect."""
        kind = self.baseline_period_id.kind or "year"
        period = self.env["csr.period"].search(
            [
                ("company_id", "=", self.company_id.id),
                ("kind", "=", kind),
                ("date_from", ">", self.deadline),
            ],
            order="date_from",
            limit=1,
        )
        if not period:
            raise UserError(
                self.env._(
                    "No %(kind)s period of %(company)s starts after %(deadline)s, "
                    "the deadline of action %(name)s: create it, then compute or "
                    "enter %(indicator)s there.",
                    kind=selection_label(self.env["csr.period"], "kind", kind).lower(),
                    company=self.company_id.name,
                    deadline=format_date(self.env, self.deadline),
                    name=self.name,
                    indicator=self.indicator_id.display_name,
                )
            )
        return period

    def _measure_message(self, period, value, change, met):
        params = {
            "indicator": self.indicator_id.display_name,
            "period": period.name,
            "value": self._format_number(value.value),
            "unit": self.indicator_id.unit,
            "baseline": self._format_number(self.baseline_value),
            "target": self._format_number(self._judged_target()),
            "change": self._format_number(change),
        }
        if met:
            body = self.env._(
                "Effective: %(indicator)s is %(value)s %(unit)s in %(period)s "
                "(baseline %(baseline)s, target %(target)s), an improvement of "
                "%(change)s %(unit)s.",
                **params,
            )
        else:
            body = self.env._(
                "Not effective: %(indicator)s is %(value)s %(unit)s in %(period)s, "
                "short of the target %(target)s (baseline %(baseline)s, "
                "improvement %(change)s %(unit)s).",
                **params,
            )
        if value.state != "validated":
            body += " " + self.env._("The value is not validated yet.")
        return body

    def _format_number(self, number):
        return formatLang(self.env, number, digits=2)

    # Overdue actions.

    @api.model
    def _cron_flag_overdue(self):
        """Daily: an 'overdue' to-do for the responsible of each open action
        past its deadline, once per action while one is open."""
        activity_type = self.env.ref(
            "csr_management.mail_activity_type_csr_action_overdue"
        )
        today = fields.Date.context_today(self)
        # A system job: it flags the actions of every company.
        overdue = self.sudo().search_fetch(
            [
                ("state", "in", OPEN_ACTION_STATES),
                ("deadline", "<", today),
                ("responsible_id", "!=", False),
            ],
            ["name", "deadline", "responsible_id"],
        )
        remind_once(
            overdue,
            activity_type,
            "responsible_id",
            "deadline",
            lambda env, action: env._(
                "Overdue since %(deadline)s",
                deadline=format_date(env, action.deadline),
            ),
        )

    # The knowledge library: what an action looks its resources up from, and
    # the sharing of a verified action as a case study.

    def _library_scope(self):
        return (
            self.company_id._origin or self.env.company,
            self.indicator_id._origin,
            self.question_id._origin,
        )

    def _check_shareable(self):
        """A case study shares a practice whose effect was verified and
        measured as an improvement on its indicator."""
        for action in self:
            if action.state != "verified":
                raise UserError(
                    self.env._(
                        "Action %(name)s is not verified: only a verified action, "
                        "whose effect was measured, is shared as a case study.",
                        name=action.name,
                    )
                )
            if action.efficacy not in MEASURED or action.value_change <= 0:
                raise UserError(
                    self.env._(
                        "Action %(name)s has no measured improvement on an "
                        "indicator: a case study shares a practice whose effect "
                        "an indicator showed.",
                        name=action.name,
                    )
                )

    def action_share_case_study(self):
        self.ensure_one()
        self._check_shareable()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Share as Case Study"),
            "res_model": "csr.case.study.share",
            "view_mode": "form",
            "target": "new",
            "context": {"default_action_id": self.id},
        }
