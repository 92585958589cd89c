# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models

from ..engine.vocabulary import PILLARS
from .csr_assessment import STAGE_RESULTS


class CsrAssessmentPillar(models.Model):
    """A pillar's stage in one self-assessment (rewritten by its evaluation)."""

    _name = "csr.assessment.pillar"
    _description = "CSR Self-Assessment Pillar Result"
    _inherit = ["csr.company.guard"]
    _order = "assessment_id, sequence"

    assessment_id = fields.Many2one(
        "csr.assessment", required=True, index=True, ondelete="cascade"
    )
    company_id = fields.Many2one(
        related="assessment_id.company_id", store=True, index=True
    )
    date = fields.Date(related="assessment_id.date", store=True)
    assessment_state = fields.Selection(
        related="assessment_id.state", store=True, string="Assessment status"
    )
    sequence = fields.Integer()
    pillar = fields.Selection(PILLARS, required=True)
    stage = fields.Selection(STAGE_RESULTS, required=True)
    stage_number = fields.Integer(
        compute="_compute_stage_number",
        store=True,
        aggregator="avg",
        string="Stage number",
    )
    answered_stage = fields.Selection(
        STAGE_RESULTS,
        help="Stage the answers alone reach, before the data gate.",
    )
    gated = fields.Boolean(
        string="Held by missing data",
        help="The answers reach past stage 2 but fewer than 80 % of the "
        "pillar's core indicators have a value for the assessed period.",
    )
    progress = fields.Float(
        string="Next stage met (%)",
        digits=(5, 1),
        help="Share of the next stage's questions already met.",
    )
    met_count = fields.Integer(string="Questions met")
    applicable_count = fields.Integer(string="Questions applicable")
    core_total = fields.Integer(string="Core indicators")
    core_measured = fields.Integer(string="Core indicators measured")
    has_previous = fields.Boolean()
    previous_stage = fields.Selection(STAGE_RESULTS, string="Compared stage")
    stage_change = fields.Integer(string="Change (stages)")

    @api.depends("stage")
    def _compute_stage_number(self):
        for line in self:
            line.stage_number = int(line.stage or 0)
