# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class ProductTemplate(models.Model):
    _inherit = "product.template"

    csr_activity_id = fields.Many2one(
        "csr.activity",
        string="CSR activity",
        help="What buying this product means for CSR figures (electricity, diesel, "
        "water…). Leave empty to use the product category's activity.",
    )
