# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

from .csr_campaign import LINE_STATUSES


class CsrCampaignLine(models.Model):
    """One manual indicator of a campaign, the person in charge and its figure."""

    _name = "csr.campaign.line"
    _description = "CSR Input Campaign Line"
    _inherit = ["csr.company.guard"]
    _order = "campaign_id, pillar_sequence, indicator_sequence, code"
    _check_company_auto = True

    campaign_id = fields.Many2one(
        "csr.campaign", required=True, index=True, ondelete="cascade"
    )
    company_id = fields.Many2one(
        related="campaign_id.company_id", store=True, index=True, precompute=True
    )
    period_id = fields.Many2one(related="campaign_id.period_id")
    campaign_state = fields.Selection(
        related="campaign_id.state", string="Campaign status"
    )
    indicator_id = fields.Many2one(
        "csr.indicator",
        required=True,
        index=True,
        ondelete="restrict",
        check_company=True,
        domain=[("source_type", "=", "manual")],
    )
    code = fields.Char(related="indicator_id.code", store=True)
    pillar = fields.Selection(related="indicator_id.pillar", store=True)
    pillar_sequence = fields.Integer(related="indicator_id.pillar_sequence", store=True)
    indicator_sequence = fields.Integer(related="indicator_id.sequence", store=True)
    unit = fields.Char(related="indicator_id.unit")
    user_id = fields.Many2one(
        "res.users",
        string="Responsible",
        required=True,
        index=True,
        check_company=True,
        domain=lambda self: self.env["csr.campaign"]._responsible_domain(),
    )
    value_id = fields.Many2one(
        "csr.indicator.value",
        string="Indicator value",
        readonly=True,
        index=True,
        ondelete="set null",
        check_company=True,
        copy=False,
    )
    value = fields.Float(related="value_id.value", digits=(16, 4))
    status = fields.Selection(
        LINE_STATUSES,
        compute="_compute_status",
        store=True,
        index=True,
        help="To enter: nobody typed a figure yet. Entered: a draft figure was "
        "typed. Submitted: waiting for a CSR manager. Validated: final.",
    )
    activity_id = fields.Many2one(
        "mail.activity",
        string="To-do",
        readonly=True,
        ondelete="set null",
        copy=False,
    )
    date_deadline = fields.Date(related="campaign_id.date_deadline")

    _sql_constraints = [
        (
            "campaign_indicator_unique",
            "unique(campaign_id, indicator_id)",
            "An indicator appears only once in a campaign.",
        ),
    ]

    @api.depends("value_id.state", "value_id.entered_by_id")
    def _compute_status(self):
        for line in self:
            value = line.value_id
            if value.state in ("submitted", "validated"):
                line.status = value.state
            elif value.entered_by_id:
                # Values the launch creates carry no author until someone types.
                line.status = "entered"
            else:
                line.status = "to_enter"

    @api.constrains("user_id", "campaign_id")
    def _check_responsible(self):
        for line in self:
            problem = line.campaign_id._responsible_problem(line.user_id)
            if problem:
                raise ValidationError(
                    self.env._("%(code)s: %(problem)s", code=line.code, problem=problem)
                )

    @api.constrains("indicator_id")
    def _check_indicator_manual(self):
        computed = self.filtered(lambda line: line.indicator_id.source_type != "manual")
        if computed:
            raise ValidationError(
                self.env._(
                    "%(codes)s: a campaign collects manual indicators only; computed "
                    "and formula indicators come from Compute on the period.",
                    codes=", ".join(computed.mapped("indicator_id.code")),
                )
            )

    @api.model_create_multi
    def create(self, vals_list):
        campaigns = self.env["csr.campaign"].browse(
            [vals["campaign_id"] for vals in vals_list if vals.get("campaign_id")]
        )
        self._check_campaign_draft(campaigns)
        return super().create(vals_list)

    def write(self, vals):
        if {"campaign_id", "indicator_id"} & vals.keys():
            self._check_campaign_draft(self.campaign_id)
        result = super().write(vals)
        if vals.get("user_id"):
            # A running campaign's to-do follows the new responsible.
            self.activity_id.sudo().write({"user_id": vals["user_id"]})
        return result

    @api.ondelete(at_uninstall=False)
    def _unlink_except_launched(self):
        self._check_campaign_draft(self.campaign_id)

    def _check_campaign_draft(self, campaigns):
        launched = campaigns.filtered(lambda campaign: campaign.state != "draft")
        if launched:
            raise UserError(
                self.env._(
                    "Campaign %(names)s is launched: its indicators can no longer "
                    "be added, removed or swapped (the person in charge can still "
                    "change).",
                    names=", ".join(launched.mapped("display_name")),
                )
            )

    # -- launch -----------------------------------------------------------

    def _link_values(self):
        """Point each line at its value, creating the missing draft ones.

        Created values carry no author: the line reads "to enter" until a
        person types the figure. Returns how many values were created.
        """
        Value = self.env["csr.indicator.value"]
        created_count = 0
        for period in self.campaign_id.period_id:
            lines = self.filtered(lambda line, p=period: line.period_id == p)
            existing = Value.search(
                [
                    ("period_id", "=", period.id),
                    ("indicator_id", "in", lines.indicator_id.ids),
                ]
            )
            by_indicator = {value.indicator_id: value for value in existing}
            missing = [line for line in lines if line.indicator_id not in by_indicator]
            created = Value._system().create(
                [
                    {
                        "indicator_id": line.indicator_id.id,
                        "period_id": period.id,
                        "entered_by_id": False,
                        "entered_on": False,
                    }
                    for line in missing
                ]
            )
            by_indicator.update({value.indicator_id: value for value in created})
            created_count += len(created)
            for line in lines:
                line.value_id = by_indicator[line.indicator_id]
        return created_count

    def _schedule_activities(self):
        """One to-do per line whose value still awaits its figure."""
        lines = self.filtered(
            lambda line: line.value_id.state == "draft" and not line.activity_id
        )
        todo = self.env.ref("mail.mail_activity_data_todo")
        model_id = self.env["ir.model"]._get_id("csr.indicator.value")
        activities = self.env["mail.activity"].create(
            [line._activity_values(todo, model_id) for line in lines]
        )
        for line, activity in zip(lines, activities, strict=True):
            line.activity_id = activity
        return activities

    def _activity_values(self, activity_type, model_id):
        # Summary and note in the responsible's language, not the launcher's.
        line = self.with_context(lang=self.user_id.lang or self.env.lang)
        indicator = line.indicator_id
        return {
            "activity_type_id": activity_type.id,
            "automated": True,
            "res_model_id": model_id,
            "res_id": line.value_id.id,
            "user_id": line.user_id.id,
            "date_deadline": line.campaign_id.date_deadline,
            "summary": line.env._(
                "Enter %(code)s %(indicator)s for %(period)s",
                code=indicator.code,
                indicator=indicator.name,
                period=line.period_id.name,
            ),
            "note": line.env._(
                "Type the figure in %(unit)s, attach the evidence, then submit "
                "the value.",
                unit=indicator.unit,
            ),
        }

    def action_open_value(self):
        self.ensure_one()
        if not self.value_id:
            raise UserError(
                self.env._(
                    "%(code)s has no value yet: launch the campaign to create it.",
                    code=self.code,
                )
            )
        return {
            "type": "ir.actions.act_window",
            "res_model": "csr.indicator.value",
            "views": [(False, "form")],
            "res_id": self.value_id.id,
        }
