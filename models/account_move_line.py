# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import models

from ..services.query import create_covering_index

PRODUCT_LINES_INDEX = "account_move_line_csr_product_lines_idx"


class AccountMoveLine(models.Model):
    """An index for the product lines the environmental and Scope 3 figures
    read (services/environment.py, services/scope3.py)."""

    _inherit = "account.move.line"

    def init(self):
        result = super().init()
        # Product lines by company and date, carrying the columns those
        # figures read: PostgreSQL answers from the index alone instead of
        # scanning every journal item (0.07 s against 0.14 s for the
        # benchmark's 50,000 bill lines among a million items). Only product
        # lines are indexed, a small share of the journal items.
        create_covering_index(
            self.env.cr,
            PRODUCT_LINES_INDEX,
            self._table,
            ["company_id", "date"],
            [
                "product_id",
                "product_uom_id",
                "quantity",
                "balance",
                "move_id",
                "parent_state",
            ],
            "display_type = 'product' AND product_id IS NOT NULL",
        )
        return result
