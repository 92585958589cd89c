# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models

from ..engine import values
from ..engine.vocabulary import LIGHTS, PILLARS, VALUE_STATES
from .csr_indicator_value import DATA_QUALITIES

BASES = [
    ("target", "Target"),
    ("trend", "Trend"),
    ("none", "Not scored"),
]
NOT_SCORED_REASONS = [
    ("no_value", "No value"),
    ("neutral", "Context figure"),
    ("no_reference", "No target and no value a year earlier"),
    ("mixed_quality", "An estimate is not judged against a measurement"),
]
TREND_KINDS = [
    ("relative", "Relative change (%)"),
    ("points", "Change in points"),
    ("intensity", "Change per unit of revenue (%)"),
]


class CsrScorecardLine(models.Model):
    """The score of one indicator in a scorecard, with what it was judged by."""

    _name = "csr.scorecard.line"
    _description = "CSR Scorecard Line"
    _inherit = ["csr.company.guard"]
    _order = "scorecard_id, sequence"
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
    sequence = fields.Integer(readonly=True)
    indicator_id = fields.Many2one(
        "csr.indicator",
        required=True,
        readonly=True,
        index=True,
        ondelete="cascade",
        check_company=True,
    )
    code = fields.Char(related="indicator_id.code")
    direction = fields.Selection(related="indicator_id.direction")
    unit = fields.Char(compute="_compute_unit")
    pillar = fields.Selection(PILLARS, required=True, readonly=True)
    value_id = fields.Many2one(
        "csr.indicator.value",
        string="Indicator value",
        readonly=True,
        ondelete="set null",
        check_company=True,
        index="btree_not_null",  # each value deleted looks its lines up
    )
    has_value = fields.Boolean(readonly=True)
    warning = fields.Text(related="value_id.warning")
    value = fields.Float(
        aggregator=None,
        digits=(16, 4),
        readonly=True,
    )
    value_state = fields.Selection(VALUE_STATES, string="Value status", readonly=True)
    data_quality = fields.Selection(DATA_QUALITIES, readonly=True)
    has_target = fields.Boolean(readonly=True)
    target_id = fields.Many2one(
        "csr.target",
        readonly=True,
        ondelete="set null",
        check_company=True,
        index="btree_not_null",
    )
    target_value = fields.Float(
        aggregator=None,
        string="Target used",
        digits=(16, 4),
        readonly=True,
        help="For a yes/no indicator, the good answer (1 yes, 0 no).",
    )
    amber_limit = fields.Float(
        aggregator=None,
        digits=(16, 4),
        readonly=True,
    )
    has_previous = fields.Boolean(readonly=True)
    previous_value = fields.Float(
        aggregator=None,
        digits=(16, 4),
        readonly=True,
        help="What the value is judged by without a target: the same period a "
        "year earlier (for a period not over yet, the same months of the year "
        "before).",
    )
    improvement = fields.Float(
        aggregator=None,
        string="Improvement (%)",
        digits=(16, 2),
        readonly=True,
        help="Change against the value a year earlier, positive when the "
        "indicator got better (a fall, for lower-is-better indicators): in % of "
        "that value, in points for percentages, per unit of revenue for "
        "energy, water, emissions, waste and materials. From zero, any relative "
        "change counts as 100 %.",
    )
    trend_kind = fields.Selection(
        TREND_KINDS, string="Change measured as", readonly=True
    )
    basis = fields.Selection(BASES, required=True, readonly=True)
    not_scored_reason = fields.Selection(NOT_SCORED_REASONS, readonly=True)
    score = fields.Float(digits=(5, 2), readonly=True, aggregator="avg")
    light = fields.Selection(LIGHTS, readonly=True)
    weight = fields.Float(digits=(16, 2), readonly=True, aggregator="avg")

    @api.depends("indicator_id.unit", "indicator_id.value_type", "company_id")
    def _compute_unit(self):
        for line in self:
            line.unit = values.display_unit(
                line.indicator_id.unit,
                line.indicator_id.value_type,
                line.company_id.currency_id.name,
            )
