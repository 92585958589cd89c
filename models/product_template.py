# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models
from odoo.exceptions import AccessError, UserError


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
            raise AccessError(
                self.env._("Only a CSR manager can map products to activities.")
            )
        self.check_access("read")
        self._csr_check_unit(activity)
        self.sudo().write({"csr_activity_id": activity.id})

    def _csr_check_unit(self, activity):
        """A product bought in a unit that cannot become the activity's unit
        would drop out of energy and emissions without a word: refuse it and
        say which units would do."""
        target = activity.uom_id.category_id
        wrong = self.filtered(
            lambda t: t.uom_po_id.category_id != target
            and t.uom_id.category_id != target
        )
        if wrong:
            raise UserError(
                self.env._(
                    "%(products)s cannot be mapped to %(activity)s: they are bought "
                    "in %(units)s, which cannot be converted to %(target)s. Set the "
                    "product's purchase unit to one of the %(category)s units (e.g. "
                    "%(target)s) first, or choose another activity.",
                    products=", ".join(wrong.mapped("display_name")),
                    activity=activity.name,
                    units=", ".join(sorted(set(wrong.uom_po_id.mapped("name")))),
                    target=activity.uom_id.name,
                    category=target.name,
                )
            )
