# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import _, fields, models
from odoo.exceptions import AccessError


class ProductTemplate(models.Model):
    _inherit = "product.template"

    csr_activity_id = fields.Many2one(
        "csr.activity",
        string="CSR activity",
        help="What buying this product means for CSR figures (electricity, diesel, "
        "water…). Leave empty to use the product category's activity.",
    )

    def _csr_map_to_activity(self, activity):
        """Set the CSR activity of these products from the CSR worklist.

        A CSR manager may do it without the rights to edit products otherwise:
        only this field is written, and only on products the user can read.
        """
        if not self.env.user._is_csr_manager():
            raise AccessError(_("Only a CSR manager can map products to activities."))
        self.check_access("read")
        self.sudo().write({"csr_activity_id": activity.id})
