# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class HrContract(models.Model):
    _inherit = "hr.contract"

    csr_collective_agreement = fields.Boolean(
        string="Covered by a collective agreement",
        help="The employee's pay and working conditions are set by a collective "
        "bargaining agreement (counted in the collective bargaining coverage).",
    )
