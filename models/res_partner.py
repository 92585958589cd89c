# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class ResPartner(models.Model):
    _inherit = "res.partner"

    csr_stakeholder_group_ids = fields.Many2many(
        "csr.stakeholder.group",
        "csr_stakeholder_group_partner_rel",
        "partner_id",
        "group_id",
        string="Stakeholder groups",
        help="The CSR stakeholder groups this contact belongs to; "
        "the contact then appears in the stakeholder register.",
    )
    # It moves ECO-09: only CSR managers and accounting managers set it.
    csr_tax_authority = fields.Boolean(
        string="Tax authority",
        groups="csr_management.group_csr_manager,account.group_account_manager",
        help="Payments to this contact (a tax office, a municipality, a "
        "social-security fund) count as taxes and contributions paid (ECO-09).",
    )
