# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models

CSR_COMPANY_SIZES = [
    ("micro", "Micro (fewer than 10 employees)"),
    ("small", "Small (10 to 49 employees)"),
    ("medium", "Medium or larger (50 employees or more)"),
]


class ResCompany(models.Model):
    _inherit = "res.company"

    csr_sector_id = fields.Many2one(
        "csr.sector",
        string="CSR sector",
        help="Indicators restricted to other sectors are left out of this "
        "company's input campaigns and templates. Empty: no indicator is left "
        "out for its sector.",
    )
    csr_company_size = fields.Selection(
        CSR_COMPANY_SIZES,
        string="CSR company size",
        help="Indicators meant for larger companies are left out of this "
        "company's input campaigns and templates. Empty: no indicator is left "
        "out for its size.",
    )
