# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import ValidationError

from ..engine import benchmarking
from .csr_target import MAX_YEAR, MIN_YEAR

RELIABILITIES = [
    ("indicative", "Indicative order of magnitude"),
    ("statistic", "Published statistic"),
]


class CsrBenchmarkRange(models.Model):
    """A reference range of an indicator for a sector, to position a company:
    where most comparable companies lie, not a target nor a norm."""

    _name = "csr.benchmark.range"
    _description = "CSR Benchmark Reference Range"
    _inherit = ["csr.number.guard", "csr.catalogue.guard", "csr.company.guard"]
    _csr_guarded_numbers = ("low", "median", "high")
    _order = "indicator_id, sector_id, year desc, id"
    _check_company_auto = True

    indicator_id = fields.Many2one(
        "csr.indicator",
        required=True,
        index=True,
        ondelete="cascade",
        check_company=True,
    )
    sector_id = fields.Many2one(
        "csr.sector",
        index=True,
        ondelete="cascade",
        help="Sector the range describes; empty for companies of every sector.",
    )
    company_id = fields.Many2one(
        "res.company",
        index=True,
        help="Leave empty for a range shared by every company; a company's own "
        "range (e.g. from its chamber of commerce) is preferred over a shared one.",
    )
    active = fields.Boolean(default=True)
    pillar = fields.Selection(related="indicator_id.pillar", store=True)
    unit = fields.Char(related="indicator_id.unit")
    low = fields.Float(
        string="Low end",
        aggregator=None,
        digits=(16, 4),
        required=True,
        help="Lower end of the range.",
    )
    median = fields.Float(
        aggregator=None,
        digits=(16, 4),
        required=True,
        help="Typical value within the range.",
    )
    high = fields.Float(
        string="High end",
        aggregator=None,
        digits=(16, 4),
        required=True,
        help="Upper end of the range.",
    )
    year = fields.Integer(
        aggregator=None,
        required=True,
        help="Year the figures describe (or were published).",
    )
    annual_only = fields.Boolean(
        string="Yearly figures only",
        help="The range describes a whole year (e.g. a yearly turnover rate): "
        "months and quarters are not positioned against it.",
    )
    reliability = fields.Selection(
        RELIABILITIES,
        required=True,
        default="indicative",
        help="Indicative: an order of magnitude drawn from public sources, to "
        "situate a company, never a precise statistic.",
    )
    source = fields.Char(
        required=True,
        help="Where the figures come from: publisher, title, year.",
    )
    source_url = fields.Char(string="Source URL")
    note = fields.Text(help="How the range was derived from the source.")

    @api.depends("indicator_id.code", "sector_id.name", "year")
    def _compute_display_name(self):
        for record in self:
            sector = record.sector_id.name or self.env._("All sectors")
            record.display_name = (
                f"{record.indicator_id.code or ''} · {sector} · {record.year or ''}"
            )

    @api.constrains("low", "median", "high")
    def _check_order(self):
        for record in self:
            if not benchmarking.check_range(record.low, record.median, record.high):
                raise ValidationError(
                    self.env._(
                        "Reference range %(name)s: the low end (%(low)s), the "
                        "median (%(median)s) and the high end (%(high)s) must be "
                        "in increasing order.",
                        name=record.display_name,
                        low=record.low,
                        median=record.median,
                        high=record.high,
                    )
                )

    @api.constrains("year")
    def _check_year(self):
        for record in self:
            if not MIN_YEAR <= record.year <= MAX_YEAR:
                raise ValidationError(
                    self.env._(
                        "Reference range %(name)s: the year must lie between "
                        "%(min)s and %(max)s.",
                        name=record.display_name,
                        min=MIN_YEAR,
                        max=MAX_YEAR,
                    )
                )
