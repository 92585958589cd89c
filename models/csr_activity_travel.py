# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class CsrActivity(models.Model):
    """Travel (passenger·km, vehicle·km, hotel nights) as an activity kind,
    for the Scope 3 screening of business travel and commuting."""

    _inherit = "csr.activity"

    kind = fields.Selection(
        selection_add=[("travel", "Travel")], ondelete={"travel": "cascade"}
    )
