# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import ValidationError

ACTIVITY_KINDS = [
    ("electricity", "Electricity"),
    ("fuel", "Fuel"),
    ("water", "Water"),
    ("material", "Material"),
    ("refrigerant", "Refrigerant"),
    ("travel", "Travel"),
]
COMBUSTION_KINDS = [
    ("stationary", "Stationary (boilers, ovens, generators)"),
    ("mobile", "Mobile (vehicles, machinery on the move)"),
]
BLEND_FAMILIES = [("gasoline", "Petrol"), ("diesel", "Diesel")]
GAS_GROUPS = [
    ("hfc", "HFC (Kyoto basket, in Scope 1)"),
    ("hcfc", "HCFC (Montreal Protocol, reported outside the scopes)"),
    ("natural", "Natural refrigerant (CO2, hydrocarbons, ammonia)"),
]


class CsrActivity(models.Model):
    """What a purchased product stands for: grid electricity, diesel, water…"""

    _name = "csr.activity"
    _inherit = ["csr.number.guard", "csr.catalogue.guard"]
    _csr_guarded_numbers = ("ncv_mj",)
    _description = "CSR Activity"
    _order = "kind, sequence, id"

    code = fields.Char(required=True, index=True)
    name = fields.Char(required=True, translate=True)
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)
    kind = fields.Selection(ACTIVITY_KINDS, required=True)
    uom_id = fields.Many2one(
        "uom.uom",
        string="Unit",
        required=True,
        help="Unit the quantities are counted in; bill lines in another unit of "
        "the same category are converted.",
    )
    ncv_mj = fields.Float(
        aggregator=None,
        string="Energy content (MJ per unit)",
        digits=(16, 4),
        help="Net calorific value, e.g. 3.6 for a kWh, 36.1 for a litre of diesel. "
        "Zero for what is not energy (water, materials).",
    )
    keywords = fields.Char(
        help="Words that recognise this activity in the names of products (or "
        "their categories) bought without a CSR activity, in any language, "
        "separated by commas: they feed the Unmapped Purchases worklist. Case "
        "and accents do not matter; whole words only.",
    )
    renewable = fields.Boolean(
        help="Renewable energy (certified green electricity, on-site solar, biomass)."
    )
    grid_activity_id = fields.Many2one(
        "csr.activity",
        string="Grid electricity it comes through",
        domain="[('kind', '=', 'electricity'), ('id', '!=', id)]",
        help="For electricity bought on a green tariff or backed by certificates: "
        "its location-based emissions use this grid's factors, its market-based "
        "emissions its own.",
    )
    combustion = fields.Selection(
        COMBUSTION_KINDS,
        help="How a fuel is burnt: the CH4 and N2O of an engine on the road "
        "differ from those of a boiler or generator (IPCC 2006 vol. 2, ch. 2 "
        "and 3).",
    )
    blend_family = fields.Selection(
        BLEND_FAMILIES,
        string="Sold blended as",
        help="Fossil petrol or diesel that the law blends with ethanol or "
        "biodiesel at the pump: the country's blend splits each litre into a "
        "fossil part (Scope 1) and a bio part (biogenic CO2, reported apart).",
    )
    gas_group = fields.Selection(
        GAS_GROUPS,
        help="For refrigerants: HFC leaks count in Scope 1; HCFC-22 and other "
        "Montreal Protocol gases are reported apart, outside the scopes, as "
        "the GHG Protocol Corporate Standard (ch. 4) asks.",
    )
    factor_ids = fields.One2many(
        "csr.emission.factor", "activity_id", "Emission factors"
    )

    _sql_constraints = [
        ("code_unique", "unique(code)", "An activity code must be unique."),
    ]

    @api.constrains("ncv_mj")
    def _check_ncv(self):
        for activity in self:
            if activity.ncv_mj < 0:
                raise ValidationError(
                    self.env._(
                        "%(name)s: the energy content cannot be negative.",
                        name=activity.name,
                    )
                )
