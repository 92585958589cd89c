# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError


class ProductTemplate(models.Model):
    _inherit = "product.template"

    csr_activity_id = fields.Many2one(
        "csr.activity",
        string="CSR activity",
        help="What buying this product means for CSR figures (electricity, diesel, "
        "water…). Leave empty to use the product category's activity.",
    )
    csr_km_per_unit = fields.Float(
        string="Kilometres per unit",
        digits=(16, 1),
        aggregator=None,
        help="For travel bought by the unit (a ticket): the passenger-kilometres "
        "one unit stands for, e.g. 1,880 for a one-way Bogotá–Lima flight. "
        "Without it, tickets bought by the unit count as money only and the "
        "business-travel figure says so.",
    )

    @api.constrains("csr_km_per_unit")
    def _check_csr_km_per_unit(self):
        for template in self:
            if template.csr_km_per_unit < 0:
                raise ValidationError(
                    self.env._(
                        "%(product)s: the kilometres per unit cannot be negative.",
                        product=template.display_name,
                    )
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
        say which units would do. Tickets bought by the unit may stand for a
        travel activity counted in km: their kilometres per unit convert them,
        and the business-travel figure names those without."""
        target = activity.uom_id.category_id
        if activity.kind == "travel" and target == self.env.ref("uom.uom_categ_length"):
            return
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
