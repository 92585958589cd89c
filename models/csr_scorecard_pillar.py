# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models

from ..engine.vocabulary import LIGHTS, PILLARS


class CsrScorecardPillar(models.Model):
    """One pillar of a scorecard: its score and how complete its data is.

    The natural model for trends: a graph of pillar scores by period.
    """

    _name = "csr.scorecard.pillar"
    _description = "CSR Scorecard Pillar"
    _inherit = ["csr.company.guard"]
    _order = "date_from desc, scorecard_id, sequence"
    _check_company_auto = True

    scorecard_id = fields.Many2one(
        "csr.scorecard",
        required=True,
        readonly=True,
        index=True,
        ondelete="cascade",
        check_company=True,
    )
    company_id = fields.Many2one(
        related="scorecard_id.company_id", store=True, index=True
    )
    period_id = fields.Many2one(related="scorecard_id.period_id", store=True)
    date_from = fields.Date(related="scorecard_id.date_from", store=True)
    period_kind = fields.Selection(related="scorecard_id.period_kind", store=True)
    sequence = fields.Integer(readonly=True)
    pillar = fields.Selection(PILLARS, required=True, readonly=True)
    has_score = fields.Boolean(
        readonly=True,
        help="False when the data is insufficient or no indicator could be scored.",
    )
    score = fields.Float(
        digits=(5, 2),
        readonly=True,
        aggregator="avg",
        help="Weighted mean of the scores (0-100) of the pillar's scored indicators.",
    )
    light = fields.Selection(LIGHTS, readonly=True)
    sufficient = fields.Boolean(
        string="Enough data",
        readonly=True,
        help="Completeness reaches the company's minimum; below it the pillar "
        "shows 'insufficient data' instead of a misleading score.",
    )
    completeness = fields.Float(
        string="Completeness (%)",
        digits=(5, 2),
        readonly=True,
        aggregator="avg",
        help="Share of the indicators applying to the company that have a value.",
    )
    validated_share = fields.Float(
        string="Validated (%)",
        digits=(5, 2),
        readonly=True,
        aggregator="avg",
        help="Share of the values present that are validated.",
    )
    estimated_share = fields.Float(
        string="Estimated (%)",
        digits=(5, 2),
        readonly=True,
        aggregator="avg",
        help="Share of the values present that are estimates.",
    )
    applicable_count = fields.Integer(string="Applicable indicators", readonly=True)
    valued_count = fields.Integer(string="With a value", readonly=True)
    validated_count = fields.Integer(string="Validated", readonly=True)
    estimated_count = fields.Integer(string="Estimated", readonly=True)
    scored_count = fields.Integer(string="Scored", readonly=True)
    warning_count = fields.Integer(
        string="To check",
        readonly=True,
        help="Values of the pillar whose computation carries a warning: they may "
        "not be right until its cause is fixed.",
    )
