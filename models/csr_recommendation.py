# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import ValidationError

from ..engine.vocabulary import PILLARS

ACTION_TYPES = [
    ("corrective", "Corrective"),
    ("preventive", "Preventive"),
    ("improvement", "Improvement"),
]


class CsrRecommendation(models.Model):
    """A proven next step, proposed as a draft improvement action when its
    question is unmet or its indicator turns red."""

    _name = "csr.recommendation"
    _description = "CSR Recommendation"
    _inherit = ["csr.catalogue.guard"]
    _order = "sequence, id"

    name = fields.Char(string="Title", required=True, translate=True)
    description = fields.Text(translate=True)
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)
    question_id = fields.Many2one(
        "csr.question", index=True, ondelete="cascade", string="Unmet question"
    )
    indicator_id = fields.Many2one(
        "csr.indicator",
        index=True,
        ondelete="cascade",
        string="Red indicator",
        help="Proposed when this indicator is red on a scorecard.",
    )
    action_type = fields.Selection(
        ACTION_TYPES, string="Type", required=True, default="improvement"
    )
    track_indicator_id = fields.Many2one(
        "csr.indicator",
        string="Indicator to track",
        ondelete="set null",
        help="Indicator whose change shows whether the action worked.",
    )
    pillar = fields.Selection(
        PILLARS, compute="_compute_pillar", store=True, readonly=False, precompute=True
    )

    @api.depends("question_id", "indicator_id")
    def _compute_pillar(self):
        for recommendation in self:
            origin = recommendation.question_id or recommendation.indicator_id
            recommendation.pillar = origin.pillar or recommendation.pillar

    # Odoo runs a constraint only when one of its fields is in the values
    # written: the title, always given at creation, makes the rule also refuse
    # a recommendation created with neither origin.
    @api.constrains("question_id", "indicator_id", "name")
    def _check_origin(self):
        for recommendation in self:
            if bool(recommendation.question_id) == bool(recommendation.indicator_id):
                raise ValidationError(
                    self.env._(
                        "The recommendation %(name)s answers either an unmet "
                        "question or a red indicator, exactly one of them.",
                        name=recommendation.name,
                    )
                )
