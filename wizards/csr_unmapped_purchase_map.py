# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models


class CsrUnmappedPurchaseMap(models.TransientModel):
    """Map the products of the selected worklist rows to one chosen activity."""

    _name = "csr.unmapped.purchase.map"
    _description = "Map Purchased Products to a CSR Activity"

    product_tmpl_ids = fields.Many2many(
        "product.template",
        string="Products",
        required=True,
        default=lambda self: self._selected_rows().product_tmpl_id,
    )
    activity_id = fields.Many2one(
        "csr.activity",
        required=True,
        default=lambda self: self._common_suggestion(),
    )

    @api.model
    def _selected_rows(self):
        if self.env.context.get("active_model") != "csr.unmapped.purchase":
            return self.env["csr.unmapped.purchase"]
        return self.env["csr.unmapped.purchase"].browse(
            self.env.context.get("active_ids", [])
        )

    @api.model
    def _common_suggestion(self):
        suggested = self._selected_rows().activity_id
        return suggested if len(suggested) == 1 else False

    def action_map(self):
        self.ensure_one()
        self.product_tmpl_ids._csr_map_to_activity(self.activity_id)
        return self.env["csr.unmapped.purchase"]._mapped_notification(
            self.product_tmpl_ids
        )
