# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models


class CsrStakeholderGroup(models.Model):
    """A kind of stakeholder (employees, suppliers, community...) that contacts
    belong to and that dialogues and materiality ratings speak for."""

    _name = "csr.stakeholder.group"
    _description = "CSR Stakeholder Group"
    _order = "sequence, id"

    code = fields.Char(required=True, index=True)
    name = fields.Char(required=True, translate=True)
    description = fields.Text(translate=True)
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)
    color = fields.Integer()
    partner_ids = fields.Many2many(
        "res.partner",
        "csr_stakeholder_group_partner_rel",
        "group_id",
        "partner_id",
        string="Contacts",
    )
    partner_count = fields.Integer(compute="_compute_partner_count")

    _sql_constraints = [
        ("code_unique", "unique(code)", "A stakeholder group code must be unique."),
    ]

    @api.depends("partner_ids")
    def _compute_partner_count(self):
        for group in self:
            group.partner_count = len(group.partner_ids)

    def action_open_register(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "csr_management.csr_stakeholder_register_action"
        )
        action["domain"] = [("csr_stakeholder_group_ids", "in", self.ids)]
        action["context"] = {"default_csr_stakeholder_group_ids": self.ids}
        return action
