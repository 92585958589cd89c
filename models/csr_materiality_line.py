# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import ValidationError

from ..engine import materiality

QUADRANTS = [
    (materiality.DOUBLE, "Impact and financial"),
    (materiality.IMPACT, "Impact only"),
    (materiality.FINANCIAL, "Financial only"),
    (materiality.NOT_MATERIAL, "Not material"),
]
SCORE_HELP = " 1 hardly, 5 critical; 0 while not rated."


class CsrMaterialityLine(models.Model):
    """One topic of a materiality assessment, scored on both sides."""

    _name = "csr.materiality.line"
    _inherit = ["csr.number.guard", "csr.company.guard"]
    _description = "CSR Materiality Assessment Topic"
    _order = "assessment_id, pillar_sequence, topic_id"
    _check_company_auto = True
    _csr_guarded_numbers = ("impact_score", "financial_score")

    assessment_id = fields.Many2one(
        "csr.materiality.assessment", required=True, index=True, ondelete="cascade"
    )
    company_id = fields.Many2one(
        related="assessment_id.company_id", store=True, index=True, precompute=True
    )
    year = fields.Integer(related="assessment_id.year", store=True)
    assessment_state = fields.Selection(
        related="assessment_id.state", string="Assessment status"
    )
    topic_id = fields.Many2one("csr.material.topic", required=True, index=True)
    pillar = fields.Selection(related="topic_id.pillar", store=True)
    pillar_sequence = fields.Integer(related="topic_id.pillar_sequence", store=True)
    impact_score = fields.Float(
        string="Impact materiality",
        digits=(3, 1),
        aggregator="avg",
        help="How severe and likely the company's impact on people and the "
        "environment through this topic is." + SCORE_HELP,
    )
    financial_score = fields.Float(
        string="Financial materiality",
        digits=(3, 1),
        aggregator="avg",
        help="How much the topic can affect the company's results, cash or "
        "access to finance." + SCORE_HELP,
    )
    stakeholder_score = fields.Float(
        string="Stakeholder importance",
        digits=(3, 2),
        compute="_compute_stakeholder_score",
        help="Mean importance stakeholder groups gave the topic in the ratings "
        "of the company's dialogues held in the year (0 without rating).",
    )
    stakeholder_rating_count = fields.Integer(
        string="Ratings", compute="_compute_stakeholder_score"
    )
    is_rated = fields.Boolean(compute="_compute_materiality", store=True)
    is_material = fields.Boolean(
        string="Material topic", compute="_compute_materiality", store=True
    )
    quadrant = fields.Selection(QUADRANTS, compute="_compute_materiality", store=True)

    _sql_constraints = [
        (
            "topic_unique",
            "unique(assessment_id, topic_id)",
            "A topic appears once in a materiality assessment.",
        ),
    ]

    @api.depends("company_id", "year", "topic_id")
    def _compute_stakeholder_score(self):
        """One grouped query for all lines: sum and count of the ratings of
        held dialogues per company, year and topic."""
        groups = self.env["csr.dialogue.rating"]._read_group(
            [
                ("company_id", "in", self.company_id.ids),
                ("year", "in", list(set(self.mapped("year")))),
                ("topic_id", "in", self.topic_id.ids),
                ("dialogue_state", "=", "held"),
            ],
            ["company_id", "year", "topic_id"],
            ["importance:sum", "__count"],
        )
        found = {
            (company.id, year, topic.id): (total, count)
            for company, year, topic, total, count in groups
        }
        for line in self:
            total, count = found.get(
                (line.company_id.id, line.year, line.topic_id.id), (0, 0)
            )
            line.stakeholder_score = materiality.mean_importance(total, count) or 0.0
            line.stakeholder_rating_count = count

    @api.depends("impact_score", "financial_score", "assessment_id.threshold")
    def _compute_materiality(self):
        for line in self:
            impact, financial = line.impact_score, line.financial_score
            line.is_rated = materiality.is_valid_score(
                impact
            ) and materiality.is_valid_score(financial)
            line.quadrant = materiality.quadrant(
                impact, financial, line.assessment_id.threshold
            )
            line.is_material = line.quadrant != materiality.NOT_MATERIAL

    @api.constrains("impact_score", "financial_score")
    def _check_scores(self):
        for line in self:
            for name in ("impact_score", "financial_score"):
                if not materiality.is_valid_line_score(line[name]):
                    raise ValidationError(
                        self.env._(
                            "%(score)s of %(topic)s must be between 1 and 5 "
                            "(0 while not rated), not %(value)s.",
                            score=self._fields[name]._description_string(self.env),
                            topic=line.topic_id.display_name,
                            value=line[name],
                        )
                    )

    @api.model_create_multi
    def create(self, vals_list):
        lines = super().create(vals_list)
        lines.assessment_id._check_draft()
        return lines

    def write(self, vals):
        self.assessment_id._check_draft()
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_except_done(self):
        self.assessment_id._check_draft()

    def _matrix_point(self):
        return materiality.MatrixPoint(
            label=self.topic_id.name or self.topic_id.code or "",
            financial=self.financial_score,
            impact=self.impact_score,
            material=self.is_material,
            tooltip=self.env._(
                "%(topic)s: impact %(impact)s, financial %(financial)s, "
                "stakeholders %(stakeholders)s (%(count)s ratings)",
                topic=self.topic_id.display_name,
                impact=self.impact_score,
                financial=self.financial_score,
                stakeholders=self.stakeholder_score,
                count=self.stakeholder_rating_count,
            ),
        )
