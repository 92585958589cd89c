# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import _, api, fields, models
from odoo.exceptions import ValidationError

SCOPES = [
    ("1", "Scope 1 (direct: fuels burnt)"),
    ("2_location", "Scope 2, location-based (grid average)"),
    ("2_market", "Scope 2, market-based (supplier or certificate)"),
    ("3", "Scope 3 (value chain)"),
]
GWP_SETS = [("ar5", "IPCC AR5 (100 years)"), ("ar6", "IPCC AR6 (100 years)")]


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
        digits=(16, 6),
    )
    n2o_per_unit = fields.Float(
        aggregator=None,
        string="kgN2O per unit",
        digits=(16, 6),
    )
    gwp_set = fields.Selection(GWP_SETS, string="GWP set")
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
            where = factor.country_id.code or factor.region or _("default")
            year = factor.date_from.year if factor.date_from else ""
            factor.display_name = f"{factor.activity_id.name} · {where} · {year}"

    @api.constrains("kgco2e_per_unit", "date_from", "date_to")
    def _check_factor(self):
        for factor in self:
            if factor.kgco2e_per_unit < 0:
                raise ValidationError(
                    _(
                        "%(name)s: a factor cannot be negative.",
                        name=factor.display_name,
                    )
                )
            if factor.date_to and factor.date_to < factor.date_from:
                raise ValidationError(
                    _(
                        "%(name)s: the validity cannot end before it starts.",
                        name=factor.display_name,
                    )
                )

    def citation(self):
        self.ensure_one()
        return f"{self.source_publisher}, {self.source_document} ({self.source_year})"
