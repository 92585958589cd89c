# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models, tools
from odoo.tools import SQL

from ..services import unmapped_purchases


class CsrUnmappedPurchase(models.Model):
    """Worklist: products bought on vendor bills that look like energy, fuel
    or water but feed no CSR figure, with the activity to map them to."""

    _name = "csr.unmapped.purchase"
    _description = "CSR Unmapped Purchase"
    _auto = False
    _rec_name = "product_id"
    _order = "company_id, amount desc, id"

    company_id = fields.Many2one("res.company", readonly=True)
    product_id = fields.Many2one("product.product", readonly=True)
    product_tmpl_id = fields.Many2one(
        "product.template", string="Product template", readonly=True
    )
    categ_id = fields.Many2one(
        "product.category", string="Product category", readonly=True
    )
    activity_id = fields.Many2one(
        "csr.activity",
        string="Suggested activity",
        readonly=True,
        help="Recognised from the keywords of the activity in the product's "
        "name, else in its category.",
    )
    line_count = fields.Integer(string="Bill lines", readonly=True)
    quantity = fields.Float(
        digits="Product Unit of Measure",
        readonly=True,
        help="Billed minus refunded, in the product's unit.",
    )
    uom_id = fields.Many2one("uom.uom", string="Unit", readonly=True)
    currency_id = fields.Many2one("res.currency", readonly=True)
    amount = fields.Monetary(
        string="Untaxed amount",
        readonly=True,
        help="Billed minus refunded, in the company's currency.",
    )
    last_date = fields.Date(string="Last bill", readonly=True)

    def init(self):
        tools.drop_view_if_exists(self.env.cr, self._table)
        self.env.cr.execute(
            SQL(
                "CREATE VIEW %s AS (%s)",
                SQL.identifier(self._table),
                unmapped_purchases.query(),
            )
        )

    def action_map_suggested(self):
        """Map each product to the activity suggested for it (every row has
        one: the view lists only recognised products)."""
        for activity in self.activity_id:
            rows = self.filtered(lambda row, a=activity: row.activity_id == a)
            rows.product_tmpl_id._csr_map_to_activity(activity)
        return self._mapped_notification(self.product_tmpl_id)

    def _mapped_notification(self, templates):
        return {
            "type": "ir.actions.client",
            "tag": "display_notification",
            "params": {
                "title": self.env._("Products mapped"),
                "message": self.env._(
                    "%(count)s product(s) now feed CSR figures: %(names)s.",
                    count=len(templates),
                    names=", ".join(templates.mapped("display_name")),
                ),
                "type": "success",
                "next": {"type": "ir.actions.client", "tag": "soft_reload"},
            },
        }
