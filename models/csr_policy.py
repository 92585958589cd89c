# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from markupsafe import Markup

from odoo import Command, api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tools import format_date, is_html_empty

from ..engine import policies as policy_engine
from ..services.labels import selection_label
from ..services.reminders import remind_once

POLICY_STATES = [
    ("draft", "Draft"),
    ("approved", "Approved"),
    ("retired", "Retired"),
    ("superseded", "Superseded"),
]
NOTICE_PARAM = "csr_management.policy_review_notice_days"
DEFAULT_NOTICE_DAYS = 30
REVIEW_ACTIVITY_TYPE = "csr_management.mail_activity_type_csr_policy_review"


# Fields that decide whether (and for which company and matter) a policy is in
# force at a date.
IN_FORCE_FIELDS = {
    "approval_date",
    "end_date",
    "company_id",
    "policy_area",
    "topic_ids",
    "replaced_policy_id",
    "communicated",
    "communication_date",
}
# What management approved: changed only through a new version.
APPROVED_CONTENT_FIELDS = {"name", "body", "document_ids"}
# A policy is reviewed at least every ten years.
MAX_REVIEW_INTERVAL = 120


class CsrPolicy(models.Model):
    """A written policy or commitment of the company (environmental, ethics
    code, suppliers...): approved by management, communicated to staff,
    reviewed on a schedule. Policies in force feed GOV-05 and GOV-02."""

    _name = "csr.policy"
    _description = "CSR Policy"
    _inherit = ["csr.review.note", "mail.activity.mixin", "csr.company.guard"]
    # Auditors read these records; they leave their notes on the figures.
    _csr_review_notes = False
    _order = "policy_area, name, id"
    _check_company_auto = True

    name = fields.Char(required=True, tracking=True)
    policy_area = fields.Selection(
        policy_engine.POLICY_AREAS,
        string="Area",
        required=True,
        default="environmental",
        index=True,
        tracking=True,
    )
    company_id = fields.Many2one(
        "res.company",
        required=True,
        index=True,
        default=lambda self: self.env.company,
    )
    owner_id = fields.Many2one(
        "res.users",
        index=True,
        default=lambda self: self.env.user,
        check_company=True,
        tracking=True,
        help="Keeps the policy up to date and is reminded of its reviews.",
    )
    state = fields.Selection(
        POLICY_STATES,
        string="Status",
        required=True,
        default="draft",
        index=True,
        tracking=True,
        copy=False,
    )
    approval_date = fields.Date(
        copy=False,
        tracking=True,
        help="The day management approved the policy: it is in force from then.",
    )
    approved_by_id = fields.Many2one(
        "res.users",
        string="Approved by",
        readonly=True,
        copy=False,
        help="Who recorded the approval in Odoo.",
    )
    end_date = fields.Date(
        string="Retired on",
        copy=False,
        tracking=True,
        help="The day the policy was retired or replaced. It still counts for a "
        "period that ends on that day.",
    )
    replaced_policy_id = fields.Many2one(
        "csr.policy",
        string="Replaces",
        check_company=True,
        copy=False,
        domain="[('state', '=', 'approved'), ('id', '!=', id)]",
        help="An approved policy this one replaces: approving this one marks "
        "it superseded from this one's approval date.",
    )
    review_interval_months = fields.Integer(
        string="Review every (months)",
        default=12,
        required=True,
        help="From 1 to 120 months.",
    )
    last_review_date = fields.Date(readonly=True, copy=False, tracking=True)
    next_review_date = fields.Date(
        compute="_compute_next_review_date",
        store=True,
        readonly=False,
        copy=False,
        index=True,
        tracking=True,
        help="Set from the approval or the last review and the interval; can be "
        "changed by hand. The owner is reminded before it.",
    )
    document_ids = fields.Many2many(
        "ir.attachment",
        "csr_policy_attachment_rel",
        "policy_id",
        "attachment_id",
        string="Documents",
        tracking=True,
        help="The signed policy. A policy can be approved with a document, a "
        "written text, or both.",
    )
    body = fields.Html(string="Text")
    topic_ids = fields.Many2many(
        "csr.material.topic",
        "csr_policy_material_topic_rel",
        "policy_id",
        "topic_id",
        string="Topics",
        help="The sustainability topics the policy covers: their VSME matters "
        "count in GOV-05.",
    )
    indicator_ids = fields.Many2many(
        "csr.indicator",
        "csr_policy_indicator_rel",
        "policy_id",
        "indicator_id",
        string="Indicators",
        check_company=True,
        help="Indicators that show whether the policy is applied.",
    )
    communicated = fields.Boolean(
        string="Communicated to employees", tracking=True, copy=False
    )
    communication_date = fields.Date(tracking=True, copy=False)

    _sql_constraints = [
        (
            "review_interval_positive",
            "CHECK(review_interval_months > 0)",
            "The review interval must be at least one month.",
        ),
    ]

    @api.depends("approval_date", "last_review_date", "review_interval_months")
    def _compute_next_review_date(self):
        for policy in self:
            policy.next_review_date = policy_engine.next_review(
                policy.last_review_date or policy.approval_date,
                policy.review_interval_months,
            )

    @api.constrains("communicated", "communication_date")
    def _check_communication(self):
        today = fields.Date.context_today(self)
        for policy in self.filtered("communicated"):
            if not policy.communication_date:
                raise ValidationError(
                    self.env._(
                        "Policy %(name)s: enter the date it was communicated to "
                        "employees.",
                        name=policy.name,
                    )
                )
            if policy.communication_date > today:
                raise ValidationError(
                    self.env._(
                        "Policy %(name)s: the communication date cannot be in the "
                        "future.",
                        name=policy.name,
                    )
                )

    @api.constrains("approval_date", "end_date")
    def _check_dates(self):
        today = fields.Date.context_today(self)
        for policy in self:
            if policy.approval_date and policy.approval_date > today:
                raise ValidationError(
                    self.env._(
                        "Policy %(name)s: the approval date cannot be in the future.",
                        name=policy.name,
                    )
                )
            if (
                policy.end_date
                and policy.approval_date
                and policy.end_date < policy.approval_date
            ):
                raise ValidationError(
                    self.env._(
                        "Policy %(name)s cannot be retired before it was approved.",
                        name=policy.name,
                    )
                )

    @api.onchange("communicated")
    def _onchange_communicated(self):
        if self.communicated and not self.communication_date:
            self.communication_date = fields.Date.context_today(self)
        elif not self.communicated:
            self.communication_date = False

    @api.model_create_multi
    def create(self, vals_list):
        if any(
            vals.get("state", "draft") != "draft" or vals.get("approved_by_id")
            for vals in vals_list
        ):
            self._check_manager(self.env._("record an approval"))
        for vals in vals_list:
            self._check_review_vals(vals)
        return super().create(vals_list)

    def write(self, vals):
        if not self.env.su:
            self.check_access("write")
        # CSR users draft policies; only managers approve, retire or replace.
        changes_state = "state" in vals and any(p.state != vals["state"] for p in self)
        if changes_state or "approved_by_id" in vals:
            self._check_manager(self.env._("approve, retire or replace a policy"))
        # What decides whether a policy is in force (GOV-05, GOV-02, maturity
        # pre-answers) is settled by its approval: only a manager changes it.
        if IN_FORCE_FIELDS & vals.keys() and any(p.state != "draft" for p in self):
            self._check_manager(
                self.env._("change when or where an approved policy applies")
            )
        self._check_review_vals(vals)
        self._check_content_kept(vals)
        old_bodies = {policy: policy.body for policy in self} if "body" in vals else {}
        result = super().write(vals)
        self._log_body_changes(old_bodies)
        return result

    @api.constrains("state", "end_date", "replaced_policy_id")
    def _check_end(self):
        for policy in self:
            if policy.state in ("retired", "superseded") and not policy.end_date:
                raise ValidationError(
                    self.env._(
                        "Policy %(name)s is no longer in force: give the date "
                        "it ended.",
                        name=policy.name,
                    )
                )
            if policy.replaced_policy_id == policy:
                raise ValidationError(
                    self.env._(
                        "Policy %(name)s cannot replace itself.", name=policy.name
                    )
                )

    @api.ondelete(at_uninstall=False)
    def _unlink_except_approved(self):
        if any(policy.state != "draft" for policy in self):
            raise UserError(
                self.env._(
                    "Only draft policies can be deleted; retire an approved "
                    "policy instead, so past periods keep counting it."
                )
            )

    # -- actions ----------------------------------------------------------

    def action_approve(self):
        self._check_manager(self.env._("approve a policy"))
        for policy in self:
            policy._check_approvable()
        for policy in self:
            policy.write({"state": "approved", "approved_by_id": self.env.user.id})
            replaced = policy.replaced_policy_id
            if replaced.state == "approved":
                replaced._end("superseded", policy.approval_date)
        return True

    def action_retire(self):
        self._check_manager(self.env._("retire a policy"))
        self._check_state("approved", self.env._("retire"))
        self._end("retired", fields.Date.context_today(self))
        return True

    def action_mark_reviewed(self, today=None):
        """The owner (or a manager) has checked the policy is still right:
        the next review moves forward and the reminder is closed."""
        self._check_state("approved", self.env._("mark as reviewed"))
        is_manager = self.env.user._is_csr_manager()
        if not is_manager and any(p.owner_id != self.env.user for p in self):
            raise AccessError(
                self.env._(
                    "Only the owner of a policy or a CSR manager can mark it reviewed."
                )
            )
        today = today or fields.Date.context_today(self)
        # Past ``write``, which refuses a review date typed by hand.
        super().write({"last_review_date": today})
        self._review_activities().action_feedback(
            feedback=self.env._(
                "Reviewed on %(date)s.", date=format_date(self.env, today)
            )
        )
        return True

    def action_new_version(self):
        """Draft the next version of an approved policy: approving it
        supersedes this one, which keeps the text management approved."""
        self.ensure_one()
        self._check_state("approved", self.env._("draft a new version of"))
        new = self.copy(
            {
                "replaced_policy_id": self.id,
                "document_ids": [
                    Command.set(self.document_ids.copy({"res_id": False}).ids)
                ],
            }
        )
        new.document_ids.write({"res_model": self._name, "res_id": new.id})
        return {
            "type": "ir.actions.act_window",
            "res_model": self._name,
            "res_id": new.id,
            "view_mode": "form",
            "views": [(False, "form")],
        }

    # -- business methods -------------------------------------------------

    def _check_review_vals(self, vals):
        if "last_review_date" in vals and not self.env.su:
            raise UserError(
                self.env._(
                    "The last review of a policy is recorded with the button Mark "
                    "Reviewed, by its owner or a CSR manager."
                )
            )
        months = vals.get("review_interval_months")
        if months is not None and not 1 <= months <= MAX_REVIEW_INTERVAL:
            raise ValidationError(
                self.env._(
                    "A policy is reviewed every 1 to %(max)s months, not every "
                    "%(months)s.",
                    max=MAX_REVIEW_INTERVAL,
                    months=months,
                )
            )

    def _check_content_kept(self, vals):
        changed = APPROVED_CONTENT_FIELDS & vals.keys()
        if not changed or self.env.su:
            return
        approved = self.filtered(lambda p: p.state != "draft")
        if approved:
            raise UserError(
                self.env._(
                    "Policy %(names)s was approved with its name, text and "
                    "documents: they stay as approved. Use New Version to draft "
                    "the change and have it approved.",
                    names=", ".join(approved.mapped("name")),
                )
            )

    def _log_body_changes(self, old_bodies):
        if self.env.context.get("mail_notrack"):
            return
        for policy, before in old_bodies.items():
            if (before or "") != (policy.body or ""):
                policy._message_log(
                    body=Markup("<p>%s</p>%s")
                    % (self.env._("Text changed. Previous text:"), before or "")
                )

    def _check_manager(self, what):
        if self.env.su or self.env.user._is_csr_manager():
            return
        raise AccessError(
            self.env._("Only a CSR manager can %(what)s.", what=what),
        )

    def _check_state(self, state, what):
        wrong = self.filtered(lambda p: p.state != state)
        if wrong:
            raise UserError(
                self.env._(
                    "Cannot %(what)s %(names)s: only %(state)s policies can.",
                    what=what,
                    names=", ".join(wrong.mapped("name")),
                    state=selection_label(self, "state", state).lower(),
                )
            )

    def _check_approvable(self):
        self.ensure_one()
        self._check_state("draft", self.env._("approve"))
        missing = []
        if not self.owner_id:
            missing.append(self.env._("an owner"))
        if not self.approval_date:
            missing.append(self.env._("the approval date"))
        if not self.document_ids and is_html_empty(self.body):
            missing.append(
                self.env._("the policy itself (attach the document or write its text)")
            )
        if missing:
            raise UserError(
                self.env._(
                    "Policy %(name)s cannot be approved yet: it needs %(missing)s.",
                    name=self.name,
                    missing=", ".join(missing),
                )
            )

    def _end(self, state, end_date):
        for policy in self:
            policy.write({"state": state, "end_date": policy.end_date or end_date})
        self._review_activities().unlink()

    def _review_activities(self):
        activity_type = self.env.ref(REVIEW_ACTIVITY_TYPE)
        return (
            self.env["mail.activity"]
            .sudo()
            .search(
                [
                    ("res_model", "=", self._name),
                    ("res_id", "in", self.ids),
                    ("activity_type_id", "=", activity_type.id),
                ]
            )
        )

    @api.model
    def _notice_days(self):
        value = self.env["ir.config_parameter"].sudo().get_param(NOTICE_PARAM)
        try:
            return int(value) if value else DEFAULT_NOTICE_DAYS
        except ValueError:
            return DEFAULT_NOTICE_DAYS

    @api.model
    def _cron_schedule_reviews(self, today=None):
        """Daily: a to-do for the owner of each approved policy whose review is
        due within the notice (system parameter
        ``csr_management.policy_review_notice_days``, 30 days by default) or
        overdue; at most one open reminder per policy."""
        today = today or fields.Date.context_today(self)
        horizon = policy_engine.review_horizon(today, self._notice_days())
        # A system job: it reminds the owners of every company.
        due = self.sudo().search_fetch(
            [
                ("state", "=", "approved"),
                ("next_review_date", "<=", horizon),
                ("owner_id", "!=", False),
            ],
            ["name", "next_review_date", "owner_id"],
        )
        remind_once(
            due,
            self.env.ref(REVIEW_ACTIVITY_TYPE),
            "owner_id",
            "next_review_date",
            lambda env, policy: env._(
                "Review the policy by %(date)s",
                date=format_date(env, policy.next_review_date),
            ),
        )
