# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models

LEAVE_KINDS = [
    ("sick", "Sick leave"),
    ("accident", "Work accident"),
    ("parental", "Parental leave"),
]


class HrLeaveType(models.Model):
    _inherit = "hr.leave.type"

    csr_leave_kind = fields.Selection(
        LEAVE_KINDS,
        string="CSR leave kind",
        help="What validated time off of this type counts as in CSR figures: "
        "sick leave (absenteeism), work accident (days lost to injuries) or "
        "parental leave (return to work). Leave empty for time off that is "
        "not counted.",
    )
