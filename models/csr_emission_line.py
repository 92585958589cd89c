# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models

from ..engine.emissions import METHOD_TIERS
from .csr_emission_factor import SCOPES
from .csr_indicator_value import _SYSTEM_WRITE

GASES = [
    ("co2", "CO2"),
    ("ch4", "CH4"),
    ("n2o", "N2O"),
    ("hfc", "HFCs"),
    ("hcfc", "HCFCs (outside the scopes)"),
    ("natural", "Natural refrigerants"),
    ("co2e", "CO2e as published (gases not given apart)"),
]
TIER_LABELS = {
    "supplier": "Supplier-specific",
    "activity": "Activity-based",
    "spend": "Spend-based",
}


class CsrEmissionLine(models.Model):
    """One line of a period's greenhouse-gas inventory: what one activity
    emitted of one gas in one month, in one scope. Written by the compute
    beside the value it adds up to; read-only for everyone."""

    _name = "csr.emission.line"
    _description = "CSR Greenhouse-Gas Inventory Line"
    _order = "period_id, scope, month, activity_id, gas"

    value_id = fields.Many2one(
        "csr.indicator.value", required=True, index=True, ondelete="cascade"
    )
    # Copied from the value when written, not related: a line never moves.
    indicator_id = fields.Many2one("csr.indicator", required=True, index=True)
    period_id = fields.Many2one(
        "csr.period", required=True, index=True, ondelete="cascade"
    )
    company_id = fields.Many2one("res.company", required=True, index=True)
    scope = fields.Selection(SCOPES, string="GHG scope", required=True)
    category = fields.Char(
        string="Scope 3 category", help="GHG Protocol Scope 3 category number."
    )
    activity_id = fields.Many2one("csr.activity", string="Source", index=True)
    gas = fields.Selection(GASES, required=True)
    month = fields.Date(required=True)
    quantity = fields.Float(
        digits=(16, 4),
        aggregator=None,
        help="Activity data, in the source's unit.",
    )
    uom_id = fields.Many2one(related="activity_id.uom_id", string="Unit")
    tco2e = fields.Float(string="tCO2e", digits=(16, 6), aggregator="sum")
    biogenic_tco2 = fields.Float(
        string="Biogenic tCO2 (outside the scopes)",
        digits=(16, 6),
        aggregator="sum",
    )
    in_scopes = fields.Boolean(
        string="Counts in the scopes",
        help="Off for gases outside the Kyoto basket (HCFC-22…), reported apart.",
    )
    factor_id = fields.Many2one("csr.emission.factor")
    tier = fields.Selection(
        [(tier, TIER_LABELS[tier]) for tier in METHOD_TIERS],
        string="Method",
        help="Scope 3 method tier (GHG Protocol Scope 3 Standard, ch. 7).",
    )

    # -- written by the compute only --------------------------------------

    def _by_system(self):
        return self.env.context.get("csr_system_write") is _SYSTEM_WRITE

    @api.model_create_multi
    def create(self, vals_list):
        if self._by_system():
            return super(CsrEmissionLine, self.sudo()).create(vals_list).sudo(False)
        return super().create(vals_list)

    def unlink(self):
        if self._by_system():
            return super(CsrEmissionLine, self.sudo()).unlink()
        return super().unlink()
