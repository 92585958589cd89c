# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import ValidationError

from ..engine import materiality


class CsrDialogueRating(models.Model):
    """How important a topic is to a stakeholder group, as said at a
    dialogue: the materiality assessment averages these per topic."""

    _name = "csr.dialogue.rating"
    _inherit = ["csr.number.guard", "csr.company.guard"]
    _description = "CSR Stakeholder Topic Rating"
    _order = "dialogue_id, topic_id, group_id"
    _csr_guarded_numbers = ("importance",)

    dialogue_id = fields.Many2one(
        "csr.dialogue", required=True, index=True, ondelete="cascade"
    )
    company_id = fields.Many2one(
        related="dialogue_id.company_id", store=True, index=True, precompute=True
    )
    dialogue_state = fields.Selection(
        related="dialogue_id.state", store=True, string="Dialogue status"
    )
    year = fields.Integer(
        compute="_compute_year",
        store=True,
        index=True,
        help="Year the dialogue started: the materiality assessment of that "
        "year reads the rating.",
    )
    group_id = fields.Many2one(
        "csr.stakeholder.group", string="Stakeholder group", required=True
    )
    topic_id = fields.Many2one("csr.material.topic", required=True, index=True)
    importance = fields.Integer(
        required=True,
        default=3,
        aggregator="avg",
        help="How important the topic is to the group, from 1 (hardly) to "
        "5 (critical).",
    )
    concern = fields.Text()

    @api.depends("dialogue_id.date_start")
    def _compute_year(self):
        for rating in self:
            rating.year = (
                rating.dialogue_id.date_start.year
                if rating.dialogue_id.date_start
                else 0
            )

    @api.constrains("importance")
    def _check_importance(self):
        for rating in self:
            if not materiality.is_valid_score(rating.importance):
                raise ValidationError(
                    self.env._(
                        "The importance of %(topic)s to %(group)s must be between "
                        "1 and 5, not %(value)s.",
                        topic=rating.topic_id.display_name,
                        group=rating.group_id.display_name,
                        value=rating.importance,
                    )
                )
