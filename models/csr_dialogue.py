# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

ENGAGEMENT_TYPES = [
    ("meeting", "Meeting"),
    ("survey", "Survey"),
    ("consultation", "Consultation"),
    ("workshop", "Workshop"),
    ("other", "Other"),
]
DIALOGUE_STATES = [
    ("planned", "Scheduled"),
    ("held", "Held"),
    ("cancelled", "Called off"),
]


class CsrDialogue(models.Model):
    """A dated engagement with stakeholders: who took part, which topics were
    discussed, what they raised, what the company promised and how important
    each topic is to each group (the input of the materiality assessment)."""

    _name = "csr.dialogue"
    _description = "CSR Stakeholder Dialogue"
    _inherit = ["mail.thread", "mail.activity.mixin", "csr.company.guard"]
    _order = "date_start desc, id desc"
    _check_company_auto = True

    name = fields.Char(string="Subject", required=True, tracking=True)
    engagement_type = fields.Selection(
        ENGAGEMENT_TYPES, string="Type", required=True, default="meeting"
    )
    date_start = fields.Datetime(
        string="Start", required=True, default=fields.Datetime.now, tracking=True
    )
    date_end = fields.Datetime(string="End")
    company_id = fields.Many2one(
        "res.company",
        required=True,
        index=True,
        default=lambda self: self.env.company,
    )
    organiser_id = fields.Many2one(
        "res.users",
        default=lambda self: self.env.user,
        check_company=True,
        tracking=True,
    )
    partner_ids = fields.Many2many(
        "res.partner",
        "csr_dialogue_partner_rel",
        "dialogue_id",
        "partner_id",
        string="Contacts",
        check_company=True,
    )
    employee_ids = fields.Many2many(
        "hr.employee",
        "csr_dialogue_employee_rel",
        "dialogue_id",
        "employee_id",
        string="Employees",
        check_company=True,
    )
    stakeholder_group_ids = fields.Many2many(
        "csr.stakeholder.group",
        "csr_dialogue_stakeholder_group_rel",
        "dialogue_id",
        "group_id",
        string="Stakeholder groups",
    )
    topic_ids = fields.Many2many(
        "csr.material.topic",
        "csr_dialogue_topic_rel",
        "dialogue_id",
        "topic_id",
        string="Topics discussed",
    )
    summary = fields.Html()
    concerns = fields.Html(string="Concerns raised")
    state = fields.Selection(
        DIALOGUE_STATES,
        string="Status",
        required=True,
        default="planned",
        index=True,
        tracking=True,
        copy=False,
    )
    commitment_ids = fields.One2many(
        "csr.dialogue.commitment", "dialogue_id", string="Commitments"
    )
    rating_ids = fields.One2many(
        "csr.dialogue.rating", "dialogue_id", string="Topic ratings"
    )
    action_count = fields.Integer(compute="_compute_action_count")

    @api.depends("commitment_ids.action_id")
    def _compute_action_count(self):
        for dialogue in self:
            dialogue.action_count = len(dialogue.commitment_ids.action_id)

    @api.constrains("date_start", "date_end")
    def _check_dates(self):
        for dialogue in self:
            if dialogue.date_end and dialogue.date_end < dialogue.date_start:
                raise ValidationError(
                    self.env._(
                        "Dialogue %(name)s cannot end before it starts.",
                        name=dialogue.name,
                    )
                )

    def _check_state(self, allowed, message):
        """``message(names)`` is the full translated refusal."""
        wrong = self.filtered(lambda d: d.state not in allowed)
        if wrong:
            raise UserError(message(", ".join(wrong.mapped("name"))))

    def action_held(self):
        self._check_state(
            {"planned"},
            lambda names: self.env._(
                "Only a scheduled dialogue can be marked as held: %(names)s.",
                names=names,
            ),
        )
        self.write({"state": "held"})
        return True

    def action_cancel(self):
        self._check_state(
            {"planned", "held"},
            lambda names: self.env._("%(names)s is called off already.", names=names),
        )
        self.write({"state": "cancelled"})
        return True

    def action_reset_to_planned(self):
        self._check_state(
            {"held", "cancelled"},
            lambda names: self.env._("%(names)s is scheduled already.", names=names),
        )
        self.write({"state": "planned"})
        return True

    def action_open_actions(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "csr_management.csr_action_action"
        )
        action["domain"] = [("id", "in", self.commitment_ids.action_id.ids)]
        action["context"] = {}
        return action
