# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import Command, api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError

from ..engine.periods import campaign_deadline

CAMPAIGN_STATES = [
    ("draft", "Draft"),
    ("running", "Running"),
    ("closed", "Closed"),
]
# Line statuses, in the order a figure goes through them.
LINE_STATUSES = [
    ("to_enter", "To enter"),
    ("entered", "Entered"),
    ("submitted", "Submitted"),
    ("validated", "Validated"),
]


class CsrCampaign(models.Model):
    """Who enters which manual indicator of a period, by when."""

    _name = "csr.campaign"
    _description = "CSR Input Campaign"
    _inherit = ["mail.thread", "mail.activity.mixin", "csr.company.guard"]
    _order = "date_from desc, id desc"
    _check_company_auto = True

    name = fields.Char(related="period_id.name", store=True)
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
    date_from = fields.Date(related="period_id.date_from", store=True)
    user_id = fields.Many2one(
        "res.users",
        string="Responsible",
        required=True,
        default=lambda self: self.env.user,
        check_company=True,
        domain=lambda self: self._responsible_domain(),
        tracking=True,
        help="Follows the campaign up; indicators nobody else is in charge of "
        "are assigned to this person.",
    )
    date_deadline = fields.Date(
        string="Deadline",
        compute="_compute_date_deadline",
        store=True,
        readonly=False,
        precompute=True,
        required=True,
        tracking=True,
        help="Due date of the to-dos: the period's last day, or ten days from "
        "today for a period already over, unless changed.",
    )
    state = fields.Selection(
        CAMPAIGN_STATES,
        string="Status",
        required=True,
        default="draft",
        readonly=True,
        copy=False,
        tracking=True,
    )
    line_ids = fields.One2many("csr.campaign.line", "campaign_id", "Indicators")
    line_count = fields.Integer(string="Indicator count", compute="_compute_progress")
    to_enter_count = fields.Integer(string="To enter", compute="_compute_progress")
    entered_count = fields.Integer(string="Entered", compute="_compute_progress")
    submitted_count = fields.Integer(string="Submitted", compute="_compute_progress")
    validated_count = fields.Integer(string="Validated", compute="_compute_progress")
    to_enter_percent = fields.Float(string="To enter (%)", compute="_compute_progress")
    entered_percent = fields.Float(string="Entered (%)", compute="_compute_progress")
    submitted_percent = fields.Float(
        string="Submitted (%)", compute="_compute_progress"
    )
    validated_percent = fields.Float(
        string="Validated (%)", compute="_compute_progress"
    )
    value_count = fields.Integer(compute="_compute_progress")

    _sql_constraints = [
        (
            "period_unique",
            "unique(period_id)",
            "A period has only one input campaign.",
        ),
    ]

    @api.model
    def _responsible_domain(self):
        return [
            ("share", "=", False),
            ("groups_id", "in", self.env.ref("csr_management.group_csr_user").ids),
        ]

    @api.depends("period_id")
    def _compute_company_id(self):
        for campaign in self:
            if campaign.period_id:
                campaign.company_id = campaign.period_id.company_id
            elif not campaign.company_id:
                campaign.company_id = self.env.company

    @api.depends("period_id")
    def _compute_date_deadline(self):
        today = fields.Date.context_today(self)
        for campaign in self:
            if campaign.period_id:
                campaign.date_deadline = campaign_deadline(
                    campaign.period_id.date_to, today
                )

    def _compute_progress(self):
        groups = self.env["csr.campaign.line"]._read_group(
            [("campaign_id", "in", self.ids)],
            ["campaign_id", "status"],
            ["__count", "value_id:count"],
        )
        counts = {}
        for campaign, status, count, value_count in groups:
            per_status = counts.setdefault(campaign, {"values": 0})
            per_status[status] = count
            per_status["values"] += value_count
        for campaign in self:
            per_status = counts.get(campaign, {"values": 0})
            total = sum(per_status.get(key, 0) for key, _label in LINE_STATUSES)
            campaign.line_count = total
            campaign.value_count = per_status["values"]
            for key, _label in LINE_STATUSES:
                count = per_status.get(key, 0)
                campaign[f"{key}_count"] = count
                campaign[f"{key}_percent"] = 100.0 * count / total if total else 0.0

    @api.constrains("user_id", "company_id")
    def _check_responsible(self):
        for campaign in self:
            problem = campaign._responsible_problem(campaign.user_id)
            if problem:
                raise ValidationError(problem)

    @api.constrains("date_deadline", "period_id")
    def _check_deadline(self):
        for campaign in self:
            if campaign.date_deadline < campaign.period_id.date_from:
                raise ValidationError(
                    self.env._(
                        "The deadline %(deadline)s falls before period %(period)s "
                        "starts: its figures cannot be known by then.",
                        deadline=campaign.date_deadline,
                        period=campaign.period_id.name,
                    )
                )

    @api.model_create_multi
    def create(self, vals_list):
        periods = self.env["csr.period"].browse(
            [vals["period_id"] for vals in vals_list if vals.get("period_id")]
        )
        self._check_periods_free(periods)
        return super().create(vals_list)

    def write(self, vals):
        if vals.get("period_id"):
            if self.filtered(lambda campaign: campaign.state != "draft"):
                raise UserError(
                    self.env._("The period of a launched campaign cannot be changed.")
                )
            self._check_periods_free(self.env["csr.period"].browse(vals["period_id"]))
        result = super().write(vals)
        if "date_deadline" in vals:
            self._sync_activity_deadlines()
        return result

    @api.ondelete(at_uninstall=False)
    def _unlink_except_launched(self):
        launched = self.filtered(lambda campaign: campaign.state != "draft")
        if launched:
            raise UserError(
                self.env._(
                    "Campaign %(names)s was launched: keep it as the record of who "
                    "was asked for what.",
                    names=", ".join(launched.mapped("display_name")),
                )
            )

    def _check_periods_free(self, periods):
        """Refuse a second campaign for a period, naming the period.

        Searched with the user's rights: the message must never name the
        period of a company the user cannot read (the access rules refuse
        that campaign anyway, and the unique constraint stays the backstop).
        """
        if len(set(periods.ids)) != len(periods.ids):
            raise UserError(
                self.env._("The same period cannot get two input campaigns.")
            )
        periods.check_access("read")
        taken = self.search(
            [("period_id", "in", periods.ids), ("id", "not in", self.ids)]
        ).period_id
        if taken:
            raise UserError(
                self.env._(
                    "Period %(names)s already has an input campaign: open it from "
                    "the period instead of creating another one.",
                    names=", ".join(taken.mapped("display_name")),
                )
            )

    def _responsible_problem(self, user):
        """Why ``user`` cannot be in charge of indicators here, or None."""
        self.ensure_one()
        user = user.sudo()
        if not user.active or not user._is_internal():
            return self.env._(
                "%(user)s is not an active internal user: only internal users can "
                "be in charge of CSR indicators.",
                user=user.display_name,
            )
        if not user._is_csr_user():
            return self.env._(
                "%(user)s has no CSR access: give the CSR User or Manager role "
                "before putting them in charge of indicators.",
                user=user.display_name,
            )
        if self.company_id not in user.company_ids:
            return self.env._(
                "%(user)s is not allowed in company %(company)s, whose indicators "
                "this campaign collects.",
                user=user.display_name,
                company=self.company_id.display_name,
            )
        return None

    def _check_manager(self, action):
        if not self.env.user._is_csr_manager():
            raise AccessError(
                self.env._(
                    "Only a CSR manager can %(action)s a campaign.", action=action
                )
            )

    def _check_state(self, state, action):
        wrong = self.filtered(lambda campaign: campaign.state != state)
        if wrong:
            raise UserError(
                self.env._(
                    "Cannot %(action)s campaign %(names)s in its current status.",
                    action=action,
                    names=", ".join(wrong.mapped("display_name")),
                )
            )

    # -- actions ------------------------------------------------------------

    def action_prepare(self):
        """Add a line for every manual indicator of the company not yet listed."""
        self._check_state("draft", self.env._("prepare"))
        Indicator = self.env["csr.indicator"]
        for campaign in self:
            listed = campaign.line_ids.indicator_id
            missing = Indicator._manual_applicable_to(campaign.company_id) - listed
            previous = campaign._previous_responsibles()
            campaign.write(
                {
                    "line_ids": [
                        Command.create(
                            {
                                "indicator_id": indicator.id,
                                "user_id": previous.get(indicator, campaign.user_id).id,
                            }
                        )
                        for indicator in missing
                    ]
                }
            )
        return True

    def _previous_responsibles(self):
        """Indicator → user in charge of it in the company's previous campaign,
        kept only if that user may still be in charge."""
        self.ensure_one()
        previous = self.search(
            [
                ("company_id", "=", self.company_id.id),
                ("date_from", "<", self.date_from),
            ],
            order="date_from desc, id desc",
            limit=1,
        )
        return {
            line.indicator_id: line.user_id
            for line in previous.line_ids
            if not self._responsible_problem(line.user_id)
        }

    def action_launch(self):
        """Create the missing draft values and give each person in charge a to-do."""
        self._check_manager(self.env._("launch"))
        self._check_state("draft", self.env._("launch"))
        for campaign in self:
            if not campaign.line_ids:
                raise UserError(
                    self.env._(
                        "Campaign %(name)s has no indicators: use Prepare or add "
                        "lines before launching it.",
                        name=campaign.display_name,
                    )
                )
            campaign.period_id._check_unlocked()
            created = campaign.line_ids._link_values()
            activities = campaign.line_ids._schedule_activities()
            campaign.state = "running"
            campaign.message_post(
                body=self.env._(
                    "Campaign launched: %(created)s value(s) created, %(todo)s "
                    "to-do(s) scheduled for %(deadline)s.",
                    created=created,
                    todo=len(activities),
                    deadline=campaign.date_deadline,
                ),
                subtype_xmlid="mail.mt_note",
            )
        return True

    def action_close(self):
        self._check_manager(self.env._("close"))
        self._check_state("running", self.env._("close"))
        for campaign in self:
            pending = campaign.line_ids.filtered(
                lambda line: line.status != "validated"
            )
            if pending:
                raise UserError(
                    self.env._(
                        "Campaign %(name)s cannot be closed: %(codes)s not "
                        "validated yet.",
                        name=campaign.display_name,
                        codes=", ".join(pending.mapped("indicator_id.code")),
                    )
                )
        self.state = "closed"
        return True

    def _sync_activity_deadlines(self):
        for campaign in self.filtered(lambda c: c.state == "running"):
            campaign.line_ids.activity_id.sudo().date_deadline = campaign.date_deadline

    def action_open_values(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "csr_management.csr_indicator_value_action"
        )
        action["domain"] = [("id", "in", self.line_ids.value_id.ids)]
        action["context"] = {"search_default_group_pillar": 1}
        return action

    def action_open_import(self):
        """The import wizard, set on this campaign's period."""
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "csr_management.csr_value_import_action"
        )
        action["context"] = {
            "default_company_id": self.company_id.id,
            "default_period_id": self.period_id.id,
        }
        return action
