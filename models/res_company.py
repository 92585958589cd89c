# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import ValidationError

from ..engine.vocabulary import DEFAULT_MATERIAL_WEIGHT, DEFAULT_MIN_COMPLETENESS

CSR_COMPANY_SIZES = [
    ("micro", "Micro (fewer than 10 employees)"),
    ("small", "Small (10 to 49 employees)"),
    ("medium", "Medium or larger (50 employees or more)"),
]


class ResCompany(models.Model):
    _name = "res.company"
    _inherit = ["res.company", "csr.number.guard"]
    _csr_guarded_numbers = ("csr_score_min_completeness", "csr_material_weight")

    csr_sector_id = fields.Many2one(
        "csr.sector",
        string="CSR sector",
        help="Indicators restricted to other sectors are left out of this "
        "company's input campaigns and templates. Empty: no indicator is left "
        "out for its sector.",
    )
    csr_company_size = fields.Selection(
        CSR_COMPANY_SIZES,
        string="CSR company size",
        help="Indicators meant for larger companies are left out of this "
        "company's input campaigns and templates. Empty: no indicator is left "
        "out for its size.",
    )
    csr_base_year = fields.Integer(
        string="CSR base year",
        help="The year reductions are measured against (e.g. GHG emissions): "
        "formulas read it with [CODE@base]. Choose a year whose figures are "
        "complete and representative.",
    )
    csr_gwp_set = fields.Selection(
        [("ar5", "IPCC AR5 (100 years)"), ("ar6", "IPCC AR6 (100 years)")],
        string="GWP set for emissions",
        default="ar5",
        required=True,
        help="The global warming potentials that turn CH4, N2O and refrigerants "
        "into CO2e. AR5 is what national programmes such as Mexico's RENE and "
        "the UNFCCC inventories use; choose AR6 if your customers or a "
        "framework ask for it. Recompute the periods after a change.",
    )

    csr_score_min_completeness = fields.Float(
        string="Minimum completeness for a score (%)",
        digits=(5, 2),
        default=DEFAULT_MIN_COMPLETENESS,
        help="A scorecard pillar whose indicators have values for less than this "
        "share shows 'insufficient data' instead of a score.",
    )
    csr_material_weight = fields.Float(
        string="Material topic weight",
        digits=(5, 2),
        default=DEFAULT_MATERIAL_WEIGHT,
        help="The indicators of the material topics of the latest done "
        "materiality assessment weigh this many times their own weight in "
        "their pillar's score.",
    )

    @api.constrains("csr_base_year")
    def _check_csr_base_year(self):
        for company in self:
            if company.csr_base_year and not 1990 <= company.csr_base_year <= 2100:
                raise ValidationError(
                    self.env._(
                        "The CSR base year %(year)s is not a plausible year.",
                        year=company.csr_base_year,
                    )
                )

    @api.constrains("csr_score_min_completeness")
    def _check_csr_score_min_completeness(self):
        for company in self:
            if not 0.0 <= company.csr_score_min_completeness <= 100.0:
                raise ValidationError(
                    self.env._(
                        "The minimum completeness for a score is a percentage "
                        "between 0 and 100, not %(value)s.",
                        value=company.csr_score_min_completeness,
                    )
                )

    @api.constrains("csr_material_weight")
    def _check_csr_material_weight(self):
        for company in self:
            if company.csr_material_weight < 1.0:
                raise ValidationError(
                    self.env._(
                        "The material topic weight multiplies the weight of "
                        "material indicators: it is 1 or more, not %(value)s.",
                        value=company.csr_material_weight,
                    )
                )
