# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import json

from markupsafe import Markup, escape

from odoo import Command, api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError

from ..engine import values
from ..engine.vocabulary import VALUE_STATES
from ..services import plausibility
from ..services.indicator_history import history_chart
from ..services.labels import selection_label
from .csr_indicator import SOURCE_TYPES

DATA_QUALITIES = [("measured", "Measured"), ("estimated", "Estimated")]
# Fields that make up the reported figure: frozen once a value leaves draft.
FIGURE_FIELDS = {
    "indicator_id",
    "period_id",
    "company_id",
    "value",
    "source",
    "data_quality",
    "evidence_ids",
}


# Audit and computation fields: written by the system, never by a caller.
SYSTEM_FIELDS = {
    "source",
    "entered_by_id",
    "entered_on",
    "validated_by_id",
    "validated_on",
    "source_model",
    "source_domain",
    "computed_on",
    "calculation_note",
    "uses_fallback_factor",
    "emission_factor_ids",
    "emission_line_ids",
    "warning",
}
# Stored copies of the indicator's and the period's fields: {field: (link, field
# of the linked record)}. ``create`` fills them from the linked records,
# whatever a caller sent, so the ORM need not recompute them row by row.
COPIED_FIELDS = {
    "code": ("indicator_id", "code"),
    "pillar": ("indicator_id", "pillar"),
    "pillar_sequence": ("indicator_id", "pillar_sequence"),
    "indicator_sequence": ("indicator_id", "sequence"),
    "date_from": ("period_id", "date_from"),
    "date_to": ("period_id", "date_to"),
    "period_kind": ("period_id", "kind"),
}
# The addon's own code paths put this object in the context to write the
# system fields. A client's context arrives as JSON, which cannot carry it,
# so a client-sent key never passes the identity check.
_SYSTEM_WRITE = object()


class CsrIndicatorValue(models.Model):
    """The figure of one indicator for one period of one company."""

    _name = "csr.indicator.value"
    _description = "CSR Indicator Value"
    _inherit = ["csr.review.note", "mail.activity.mixin", "csr.company.guard"]
    _order = "date_from desc, pillar_sequence, indicator_sequence, code"
    _check_company_auto = True

    indicator_id = fields.Many2one(
        "csr.indicator",
        required=True,
        index=True,
        ondelete="restrict",
        check_company=True,
        tracking=True,
    )
    period_id = fields.Many2one(
        "csr.period",
        required=True,
        index=True,
        ondelete="cascade",
        check_company=True,
        tracking=True,
    )
    company_id = fields.Many2one(
        "res.company",
        compute="_compute_company_id",
        store=True,
        readonly=False,
        precompute=True,
        required=True,
        index=True,
    )
    currency_id = fields.Many2one(related="company_id.currency_id")
    code = fields.Char(related="indicator_id.code", store=True)
    pillar = fields.Selection(related="indicator_id.pillar", store=True)
    pillar_sequence = fields.Integer(related="indicator_id.pillar_sequence", store=True)
    indicator_sequence = fields.Integer(related="indicator_id.sequence", store=True)
    unit = fields.Char(compute="_compute_unit")
    history_svg = fields.Html(
        string="History",
        compute="_compute_history_svg",
        sanitize=False,
        help="This indicator's values over the company's latest periods of the "
        "same kind, with the target and amber limit each was judged against.",
    )
    value_type = fields.Selection(related="indicator_id.value_type")
    date_from = fields.Date(related="period_id.date_from", store=True)
    date_to = fields.Date(related="period_id.date_to", store=True)
    period_kind = fields.Selection(related="period_id.kind", store=True)
    period_state = fields.Selection(related="period_id.state", string="Period status")
    value = fields.Float(
        aggregator=None,
        digits=(16, 4),
        tracking=True,
    )
    source = fields.Selection(
        SOURCE_TYPES,
        compute="_compute_source",
        store=True,
        readonly=False,
        precompute=True,
        required=True,
        tracking=True,
    )
    state = fields.Selection(
        VALUE_STATES,
        string="Status",
        required=True,
        default="draft",
        readonly=True,
        index=True,
        tracking=True,
        copy=False,
    )
    data_quality = fields.Selection(
        DATA_QUALITIES, required=True, default="measured", tracking=True
    )
    comment = fields.Text(tracking=True)
    evidence_ids = fields.Many2many(
        "ir.attachment",
        "csr_indicator_value_evidence_rel",
        "value_id",
        "attachment_id",
        help="Invoices, meter photos, manifests or registers backing the figure.",
    )
    evidence_count = fields.Integer(compute="_compute_evidence_count")
    entered_by_id = fields.Many2one("res.users", readonly=True, copy=False)
    entered_on = fields.Datetime(readonly=True, copy=False)
    source_model = fields.Char(
        readonly=True,
        copy=False,
        help="Model of the records the value was computed from.",
    )
    source_domain = fields.Text(
        readonly=True, copy=False, help="Filter selecting those records (JSON)."
    )
    computed_on = fields.Datetime(readonly=True, copy=False)
    calculation_note = fields.Text(
        readonly=True, copy=False, help="Factors and conversions the figure used."
    )
    uses_fallback_factor = fields.Boolean(
        readonly=True,
        copy=False,
        help="A regional default factor stood in for a missing national one.",
    )
    emission_factor_ids = fields.Many2many(
        "csr.emission.factor",
        string="Emission factors used",
        readonly=True,
        copy=False,
        ondelete="restrict",  # a factor that was used stays citable
        help="The factors the computation multiplied the quantities by.",
    )
    emission_line_ids = fields.One2many(
        "csr.emission.line",
        "value_id",
        string="Inventory lines",
        readonly=True,
        copy=False,
        help="What the figure adds up: each source, gas and month.",
    )
    validated_by_id = fields.Many2one("res.users", readonly=True, copy=False)
    validated_on = fields.Datetime(readonly=True, copy=False)
    warning = fields.Text(
        readonly=True,
        copy=False,
        help="Why the computed figure may not be right, and how to fix it.",
    )
    has_warning = fields.Boolean(
        string="With warning", compute="_compute_has_warning", store=True
    )
    plausibility_note = fields.Text(
        string="Plausibility",
        compute="_compute_plausibility_note",
        help="Why a typed figure looks implausible against its own history or the "
        "related figures of its period; it is submitted only with a comment.",
    )

    _sql_constraints = [
        (
            "indicator_period_company_unique",
            "unique(indicator_id, period_id, company_id)",
            "An indicator has only one value per period and company.",
        ),
    ]

    @api.depends("period_id")
    def _compute_company_id(self):
        for record in self:
            if record.period_id:
                record.company_id = record.period_id.company_id
            elif not record.company_id:
                record.company_id = self.env.company

    @api.depends("indicator_id")
    def _compute_source(self):
        for record in self:
            record.source = record.indicator_id.source_type or "manual"

    @api.depends("value", "indicator_id", "period_id", "source")
    def _compute_plausibility_note(self):
        saved = self.filtered(
            lambda value: value._origin.id and value.source == "manual"
        )
        flagged = plausibility.flags_of(
            saved._origin, {value._origin: value.value for value in saved}
        )
        for value in self:
            value.plausibility_note = "\n".join(flagged.get(value._origin, []))

    @api.depends("indicator_id.unit", "indicator_id.value_type", "company_id")
    def _compute_history_svg(self):
        for record in self:
            if not (record.indicator_id and record.period_id):
                record.history_svg = False
                continue
            # Built from escaped text only (see engine.history.history_svg).
            record.history_svg = Markup(
                history_chart(
                    self.env,
                    record.indicator_id,
                    record.period_id.company_id,
                    record.period_id.kind,
                    record.period_id.date_to,
                    record.unit or "",
                )
            )

    def _compute_unit(self):
        for record in self:
            record.unit = values.display_unit(
                record.indicator_id.unit,
                record.indicator_id.value_type,
                record.company_id.currency_id.name,
            )

    @api.depends("warning")
    def _compute_has_warning(self):
        for record in self:
            record.has_warning = bool(record.warning)

    @api.depends("evidence_ids")
    def _compute_evidence_count(self):
        for record in self:
            record.evidence_count = len(record.evidence_ids)

    @api.depends("code", "period_id.name")
    def _compute_display_name(self):
        for record in self:
            record.display_name = f"{record.code or ''} · {record.period_id.name or ''}"

    @api.model
    def _plausibility_reason(self, error):
        """The words for an error code of ``engine.values.value_error``."""
        return {
            values.VALUE_NOT_FINITE: self.env._("the value is not a finite number"),
            values.VALUE_TOO_LARGE: self.env._("the value is implausibly large"),
            values.VALUE_NEGATIVE: self.env._("this indicator cannot be negative"),
            values.VALUE_OVER_100: self.env._("a share cannot exceed 100 %"),
            values.VALUE_NOT_BOOLEAN: self.env._(
                "a yes/no indicator takes 1 (yes) or 0 (no)"
            ),
        }[error]

    @api.constrains("value", "indicator_id")
    def _check_value(self):
        for record in self:
            indicator = record.indicator_id
            error = values.value_error(
                indicator.value_type, indicator.allow_negative, record.value
            )
            if error:
                raise ValidationError(
                    self.env._(
                        "%(code)s = %(value)s refused: %(reason)s.",
                        code=indicator.code,
                        value=record.value,
                        reason=self._plausibility_reason(error),
                    )
                )

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            self._check_raw_value(vals)
            self._check_system_fields(vals)
        periods = self.env["csr.period"].browse(
            [vals["period_id"] for vals in vals_list if vals.get("period_id")]
        )
        periods._hold_unlocked()
        stamp = self._entry_stamp()
        for vals in vals_list:
            if vals.get("state", "draft") != "draft":
                self._check_can_set_state(vals["state"])
            for key, val in stamp.items():
                vals.setdefault(key, val)
        self._fill_copied_fields(vals_list)
        records = super().create(vals_list)
        self._skip_copied_recompute(records, vals_list)
        return records

    def _fill_copied_fields(self, vals_list):
        """Set the stored copies of the indicator's and the period's fields,
        and ``has_warning``, in the create values, from the linked records (as
        their compute would, under superuser)."""
        linked = {}
        for link in ("indicator_id", "period_id"):
            records = (
                self.env[self._fields[link].comodel_name]
                .sudo()
                .browse({vals[link] for vals in vals_list if vals.get(link)})
            )
            linked[link] = {record.id: record for record in records}
        for vals in vals_list:
            for name, (link, source) in COPIED_FIELDS.items():
                record = linked[link].get(vals.get(link))
                if record is not None:
                    vals[name] = record[source]
            vals["has_warning"] = bool(vals.get("warning"))

    def _skip_copied_recompute(self, records, vals_list):
        """The copies were inserted with the values their compute would give:
        spare the flush a recompute and an UPDATE of every row (over 800 rows
        for a year-end compute). A field not filled for every record is left
        to the ORM."""
        for name in (*COPIED_FIELDS, "has_warning"):
            if all(name in vals for vals in vals_list):
                self.env.remove_to_compute(self._fields[name], records)

    def write(self, vals):
        self._check_raw_value(vals)
        self._check_system_fields(vals)
        periods = self.period_id
        if vals.get("period_id"):
            periods |= self.env["csr.period"].browse(vals["period_id"])
        periods._hold_unlocked()
        if "state" in vals:
            self._check_can_set_state(vals["state"])
        computed_links = {}
        if FIGURE_FIELDS & vals.keys():
            self._check_draft()
            vals = {**self._entry_stamp(), **vals}
            if "value" in vals and self._typed_over_computed():
                # A figure typed over a computed one is the typist's, not the
                # ERP's: it is kept by hand, as after "Enter by hand".
                by_hand = self._by_hand_vals()
                computed_links = {
                    name: by_hand.pop(name)
                    for name in ("emission_factor_ids", "emission_line_ids")
                }
                vals.update(by_hand)
        result = super().write(vals)
        if computed_links:
            # The factors and inventory lines the compute wrote go with it,
            # archived factors included; the typist may not touch them.
            self._system().with_context(active_test=False).write(computed_links)
        if vals.get("state") in ("submitted", "validated"):
            self._close_campaign_todos(vals["state"])
        return result

    @api.ondelete(at_uninstall=False)
    def _unlink_except_locked_or_reported(self):
        self.period_id._hold_unlocked()
        if any(record.state == "validated" for record in self):
            raise UserError(
                self.env._(
                    "A validated value cannot be deleted. Reset it to draft first."
                )
            )
        others = self.filtered(
            lambda record: record.entered_by_id
            and record.entered_by_id != self.env.user
        )
        if others and not self.env.su and not self._is_csr_manager():
            # Resetting a colleague's submitted figure and then deleting it
            # would bypass the rule below: a figure goes with its author's or
            # a manager's hand only.
            raise AccessError(
                self.env._(
                    "%(names)s was entered by %(authors)s: only they or a CSR "
                    "manager can delete it.",
                    names=", ".join(others.mapped("display_name")),
                    authors=", ".join(others.entered_by_id.mapped("name")),
                )
            )
        submitted = self.filtered(lambda record: record.state == "submitted")
        if not submitted:
            return
        if not self._is_csr_manager():
            raise AccessError(
                self.env._(
                    "%(names)s was submitted for validation: only a CSR manager "
                    "can delete it.",
                    names=", ".join(submitted.mapped("display_name")),
                )
            )
        submitted._log_deletion()

    def _log_deletion(self):
        """A reported figure leaves a trace on its period when it goes."""
        for record in self:
            record.period_id._message_log(
                body=escape(
                    self.env._(
                        "Submitted value %(name)s = %(value)s %(unit)s, entered by "
                        "%(author)s, deleted by %(user)s.",
                        name=record.display_name,
                        value=record.value,
                        unit=record.unit or "",
                        author=record.entered_by_id.name or "-",
                        user=self.env.user.name,
                    )
                )
            )

    def _check_raw_value(self, vals):
        """Refuse what the ORM cannot even round (text, NaN, 1e308) before it
        tries to, with the figure in the message."""
        if "value" not in vals:
            return
        error = values.number_error(vals["value"])
        if error == values.VALUE_TOO_LARGE:
            raise ValidationError(
                self.env._(
                    "%(value)s is implausibly large for an indicator value: check "
                    "the figure and its unit.",
                    value=vals["value"],
                )
            )
        if error:
            raise ValidationError(
                self.env._(
                    "%(value)s is not a finite number: type the figure in digits.",
                    value=vals["value"],
                )
            )

    def _is_system_call(self):
        return self.env.su or self.env.context.get("csr_system_write") is _SYSTEM_WRITE

    def _check_system_fields(self, vals):
        forged = SYSTEM_FIELDS & vals.keys()
        if forged and not self._is_system_call():
            raise AccessError(
                self.env._(
                    "%(fields)s are recorded by the system and cannot be set by hand.",
                    fields=", ".join(sorted(forged)),
                )
            )

    def _typed_over_computed(self):
        return not self._is_system_call() and any(
            record.source != "manual" for record in self
        )

    @staticmethod
    def _by_hand_vals():
        """A figure taken over by hand: manual, with no computation left."""
        return {
            "source": "manual",
            "source_model": False,
            "source_domain": False,
            "calculation_note": False,
            "computed_on": False,
            "uses_fallback_factor": False,
            "emission_factor_ids": [Command.clear()],
            "emission_line_ids": [Command.clear()],
            "warning": False,
        }

    def _close_campaign_todos(self, state):
        """A campaign's to-do is done once its value leaves draft."""
        lines = (
            self.env["csr.campaign.line"]
            .sudo()
            .search([("value_id", "in", self.ids), ("activity_id", "!=", False)])
        )
        if state == "validated":
            feedback = self.env._("The value was validated.")
        else:
            feedback = self.env._("The value was submitted for validation.")
        lines.activity_id.action_feedback(feedback=feedback)

    def _system(self):
        """These records, writable by the addon's own code paths only."""
        return self.with_context(csr_system_write=_SYSTEM_WRITE)

    def _entry_stamp(self):
        return {"entered_by_id": self.env.uid, "entered_on": fields.Datetime.now()}

    def _check_draft(self):
        frozen = self.filtered(lambda record: record.state != "draft")
        if frozen:
            raise UserError(
                self.env._(
                    "Value %(names)s is %(state)s: reset it to draft before "
                    "changing the figure or its evidence.",
                    names=", ".join(frozen.mapped("display_name")),
                    state=selection_label(frozen[0], "state"),
                )
            )

    def _is_csr_manager(self):
        return self.env.user._is_csr_manager()

    def _check_can_set_state(self, new_state):
        if new_state == "validated" and not self._is_csr_manager():
            raise AccessError(
                self.env._("Only a CSR manager can validate indicator values.")
            )
        leaving_validated = self.filtered(lambda record: record.state == "validated")
        if (
            leaving_validated
            and new_state != "validated"
            and not self._is_csr_manager()
        ):
            raise AccessError(
                self.env._("Only a CSR manager can reopen a validated indicator value.")
            )

    def _check_state(self, allowed, action):
        wrong = self.filtered(lambda record: record.state not in allowed)
        if wrong:
            raise UserError(
                self.env._(
                    "Cannot %(action)s %(names)s in its current state.",
                    action=action,
                    names=", ".join(wrong.mapped("display_name")),
                )
            )

    def action_submit(self):
        self._check_state({"draft"}, self.env._("submit"))
        self._check_plausible()
        self.write({"state": "submitted"})
        return True

    def _check_plausible(self):
        """A typed figure far from its own history, or at odds with the
        related figures of its period, is submitted only with a comment that
        confirms it (a real jump, not a slip of the hand)."""
        manual = self.filtered(lambda value: value.source == "manual")
        flagged = plausibility.flags_of(manual)
        unconfirmed = [value for value in flagged if not value.comment]
        if not unconfirmed:
            return
        lines = [
            self.env._(
                "%(code)s %(period)s: %(reasons)s.",
                code=value.code,
                period=value.period_id.name,
                reasons="; ".join(flagged[value]),
            )
            for value in unconfirmed
        ]
        raise UserError(
            self.env._(
                "These figures look implausible:\n%(lines)s\nIf they are right, "
                "say why in their comment, then submit again.",
                lines="\n".join(lines),
            )
        )

    def action_validate(self):
        self._check_state({"draft", "submitted"}, self.env._("validate"))
        self._system().write(
            {
                "state": "validated",
                "validated_by_id": self.env.uid,
                "validated_on": fields.Datetime.now(),
            }
        )
        return True

    def action_reset_to_draft(self):
        self._check_state({"submitted", "validated"}, self.env._("reset to draft"))
        self._system().write(
            {"state": "draft", "validated_by_id": False, "validated_on": False}
        )
        return True

    def action_enter_by_hand(self):
        """Take a computed figure over by hand (waste from carriers' manifests
        rather than the scrap estimate…): computing leaves manual values alone."""
        self._check_state({"draft"}, self.env._("enter by hand"))
        # Archived factors too: clearing only the active ones would leave a
        # superseded factor cited by a figure typed by hand.
        self._system().with_context(active_test=False).write(self._by_hand_vals())
        return True

    def action_open_source_records(self):
        """The records a computed value was computed from, in a list."""
        self.ensure_one()
        if not self.source_model:
            raise UserError(
                self.env._(
                    "%(name)s was not computed from ERP records.",
                    name=self.display_name,
                )
            )
        domain = self._source_domain()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Source records of %(name)s", name=self.display_name),
            "res_model": self.source_model,
            "views": [(False, "list"), (False, "form")],
            "domain": domain,
            "context": {"create": False, "active_test": False},
            "help": self.env[self.source_model]._description,
        }

    def _source_domain(self):
        """The stored filter of the source records, checked against their
        model: a broken one is refused with a message, not a traceback."""
        unreadable = UserError(
            self.env._(
                "The source records of %(name)s cannot be shown: the stored "
                "filter no longer matches the ERP. Compute the period again.",
                name=self.display_name,
            )
        )
        if self.source_model not in self.env:
            raise unreadable
        try:
            domain = json.loads(self.source_domain or "[]")
            if not isinstance(domain, list):
                raise ValueError(domain)
            self.env[self.source_model].sudo()._search(domain)
        except (ValueError, TypeError, KeyError, IndexError):
            raise unreadable from None
        return domain
