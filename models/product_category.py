# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class ProductCategory(models.Model):
    _inherit = "product.category"

    csr_activity_id = fields.Many2one(
        "csr.activity",
        string="CSR activity",
        help="Activity of the products of this category that set none themselves.",
    )
