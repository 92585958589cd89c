# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import ValidationError

SCOPES = [
    ("1", "Scope 1 (direct: fuels burnt, refrigerant leaks)"),
    ("2_location", "Scope 2, location-based (grid average)"),
    ("2_market", "Scope 2, market-based (supplier or certificate)"),
    ("3", "Scope 3 (value chain)"),
]
GWP_SETS = [("ar5", "IPCC AR5 (100 years)"), ("ar6", "IPCC AR6 (100 years)")]
BASES = [
    ("combustion", "Combustion (direct emissions at the point of use)"),
    ("lifecycle", "Lifecycle (includes upstream extraction and supply chain)"),
    ("gwp", "Warming potential of the gas itself (refrigerants)"),
]


class CsrEmissionFactor(models.Model):
    """kgCO2e per unit of an activity, for a country (or as a default) and
    from a date, with the source it was taken from."""

    _name = "csr.emission.factor"
    _inherit = ["csr.number.guard", "csr.catalogue.guard", "csr.company.guard"]
    _csr_guarded_numbers = (
        "kgco2e_per_unit",
        "co2_per_unit",
        "ch4_per_unit",
        "n2o_per_unit",
        "biogenic_co2_per_unit",
    )
    _description = "CSR Emission Factor"
    _order = "activity_id, scope, country_id, date_from desc"

    activity_id = fields.Many2one("csr.activity", required=True, ondelete="cascade")
    uom_id = fields.Many2one(related="activity_id.uom_id", string="Per")
    scope = fields.Selection(SCOPES, string="GHG scope", required=True)
    country_id = fields.Many2one(
        "res.country",
        help="Leave empty for the default used where a country has no factor "
        "of its own (shown as a fallback on the figures).",
    )
    company_id = fields.Many2one(
        "res.company",
        index=True,
        help="A factor of one company only, e.g. the one its electricity "
        "supplier discloses: it wins over the country's and the default.",
    )
    region = fields.Char(
        translate=True, help="What an empty country stands for, e.g. Latin America."
    )
    date_from = fields.Date(string="Valid from", required=True)
    date_to = fields.Date(string="Valid until")
    kgco2e_per_unit = fields.Float(
        aggregator=None,
        string="kgCO2e per unit",
        digits=(16, 6),
        required=True,
    )
    co2_per_unit = fields.Float(
        aggregator=None,
        string="kgCO2 per unit",
        digits=(16, 6),
    )
    ch4_per_unit = fields.Float(
        aggregator=None,
        string="kgCH4 per unit",
        digits=(16, 12),
    )
    n2o_per_unit = fields.Float(
        aggregator=None,
        string="kgN2O per unit",
        digits=(16, 12),
    )
    biogenic_co2_per_unit = fields.Float(
        aggregator=None,
        string="kg biogenic CO2 per unit",
        digits=(16, 6),
        help="CO2 from biomass: reported apart from the scopes (GRI 305-1 c).",
    )
    gwp_set = fields.Selection(
        GWP_SETS,
        string="GWP set",
        help="The warming potentials a CO2e figure was computed with. A factor "
        "that gives its gases apart is converted with the company's own set; "
        "a refrigerant's factor serves the companies using its set.",
    )
    basis = fields.Selection(
        BASES,
        required=True,
        default="combustion",
        help="Location-based Scope 2 and Scope 1 use combustion factors; a "
        "lifecycle factor (e.g. a regional average including upstream "
        "emissions) is a stand-in, flagged on the figures it serves.",
    )
    gases = fields.Char(compute="_compute_gases", help="The gases the factor covers.")
    data_year = fields.Integer(
        aggregator=None,
        help="The year the factor's data describe (a grid's generation mix), "
        "which can differ from the year it was published.",
    )
    source_publisher = fields.Char(required=True)
    source_document = fields.Char(required=True)
    source_year = fields.Integer(
        aggregator=None,
        required=True,
    )
    source_url = fields.Char(string="Source URL")
    note = fields.Text()
    active = fields.Boolean(default=True)

    @api.depends("activity_id.name", "country_id.code", "region", "date_from")
    def _compute_display_name(self):
        for factor in self:
            where = factor.country_id.code or factor.region or self.env._("default")
            year = factor.date_from.year if factor.date_from else ""
            factor.display_name = f"{factor.activity_id.name} · {where} · {year}"

    @api.depends("co2_per_unit", "ch4_per_unit", "n2o_per_unit", "scope", "basis")
    def _compute_gases(self):
        for factor in self:
            names = [
                name
                for name, amount in (
                    ("CO2", factor.co2_per_unit),
                    ("CH4", factor.ch4_per_unit),
                    ("N2O", factor.n2o_per_unit),
                )
                if amount
            ]
            if factor.basis == "gwp":
                factor.gases = factor.activity_id.name or ""
            elif names:
                factor.gases = ", ".join(names)
            else:
                factor.gases = self.env._("CO2e as published")

    @api.constrains(
        "kgco2e_per_unit",
        "co2_per_unit",
        "ch4_per_unit",
        "n2o_per_unit",
        "biogenic_co2_per_unit",
        "date_from",
        "date_to",
    )
    def _check_factor(self):
        for factor in self:
            amounts = (
                factor.kgco2e_per_unit,
                factor.co2_per_unit,
                factor.ch4_per_unit,
                factor.n2o_per_unit,
                factor.biogenic_co2_per_unit,
            )
            if min(amounts) < 0:
                raise ValidationError(
                    self.env._(
                        "%(name)s: a factor cannot be negative.",
                        name=factor.display_name,
                    )
                )
            if factor.date_to and factor.date_to < factor.date_from:
                raise ValidationError(
                    self.env._(
                        "%(name)s: the validity cannot end before it starts.",
                        name=factor.display_name,
                    )
                )

    def citation(self):
        self.ensure_one()
        return f"{self.source_publisher}, {self.source_document} ({self.source_year})"
