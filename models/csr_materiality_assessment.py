# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from markupsafe import Markup

from odoo import Command, api, fields, models
from odoo.exceptions import UserError, ValidationError

from ..engine import materiality

ASSESSMENT_STATES = [
    ("draft", "Draft"),
    ("done", "Done"),
]
# What the scorecard reads: a done assessment keeps it as it was decided.
FROZEN_WHEN_DONE = {"company_id", "year", "threshold", "line_ids"}


class CsrMaterialityAssessment(models.Model):
    """A company's double-materiality assessment of a year: each topic's
    impact and financial scores, informed by what stakeholders said in the
    year's dialogues. The latest done one weights the scorecard."""

    _name = "csr.materiality.assessment"
    _description = "CSR Materiality Assessment"
    _inherit = ["mail.thread", "mail.activity.mixin", "csr.company.guard"]
    _order = "year desc, id desc"
    _check_company_auto = True

    name = fields.Char(compute="_compute_name", store=True)
    company_id = fields.Many2one(
        "res.company",
        required=True,
        index=True,
        default=lambda self: self.env.company,
    )
    year = fields.Integer(
        required=True,
        default=lambda self: fields.Date.context_today(self).year,
        tracking=True,
    )
    state = fields.Selection(
        ASSESSMENT_STATES,
        string="Status",
        required=True,
        default="draft",
        index=True,
        tracking=True,
        copy=False,
    )
    threshold = fields.Float(
        digits=(3, 2),
        default=materiality.DEFAULT_THRESHOLD,
        tracking=True,
        help="A topic whose impact score or financial score (1 to 5) reaches "
        "this threshold is material.",
    )
    note = fields.Html()
    line_ids = fields.One2many(
        "csr.materiality.line", "assessment_id", string="Topics", copy=True
    )
    material_count = fields.Integer(
        string="Material topics", compute="_compute_material_count"
    )
    matrix_svg = fields.Html(
        string="Materiality matrix",
        compute="_compute_matrix_svg",
        sanitize=False,
        help="x: financial materiality, y: impact materiality; the shaded area "
        "is material.",
    )

    _sql_constraints = [
        (
            "company_year_unique",
            "unique(company_id, year)",
            "A company has one materiality assessment per year.",
        ),
    ]

    @api.depends("year")
    def _compute_name(self):
        for assessment in self:
            assessment.name = self.env._("Materiality %(year)s", year=assessment.year)

    @api.depends("line_ids.is_material")
    def _compute_material_count(self):
        for assessment in self:
            assessment.material_count = len(assessment.line_ids.filtered("is_material"))

    @api.depends(
        "threshold",
        "line_ids.impact_score",
        "line_ids.financial_score",
        "line_ids.is_material",
        "line_ids.topic_id",
    )
    def _compute_matrix_svg(self):
        x_label = self.env._("Financial materiality")
        y_label = self.env._("Impact materiality")
        for assessment in self:
            points = [line._matrix_point() for line in assessment.line_ids]
            # Built from escaped text only (see engine.materiality.matrix_svg).
            assessment.matrix_svg = Markup(
                materiality.matrix_svg(
                    points,
                    assessment.threshold,
                    x_label,
                    y_label,
                    title=assessment.name or "",
                )
            )

    @api.constrains("threshold")
    def _check_threshold(self):
        for assessment in self:
            if not materiality.is_valid_score(assessment.threshold):
                raise ValidationError(
                    self.env._(
                        "The materiality threshold is a score between 1 and 5, "
                        "not %(value)s.",
                        value=assessment.threshold,
                    )
                )

    @api.constrains("year")
    def _check_year(self):
        for assessment in self:
            if not 1990 <= assessment.year <= 2100:
                raise ValidationError(
                    self.env._(
                        "%(year)s is not a plausible year for a materiality "
                        "assessment.",
                        year=assessment.year,
                    )
                )

    @api.model_create_multi
    def create(self, vals_list):
        if not self.env.su and any(
            vals.get("state", "draft") != "draft" for vals in vals_list
        ):
            raise UserError(self._state_message())
        return super().create(vals_list)

    def write(self, vals):
        if "state" in vals and not self.env.su:
            raise UserError(self._state_message())
        if FROZEN_WHEN_DONE & vals.keys():
            self._check_draft()
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_except_done(self):
        self._check_draft()

    def _state_message(self):
        return self.env._(
            "A materiality assessment is marked done or set back to draft with "
            "its buttons, which check that every topic is rated."
        )

    def _set_state(self, state):
        """The buttons' way past ``write``, which refuses a typed status."""
        return super().write({"state": state})

    def _check_draft(self):
        done = self.filtered(lambda a: a.state == "done")
        if done:
            raise UserError(
                self.env._(
                    "%(names)s is done: set it back to draft to change it.",
                    names=", ".join(done.mapped("name")),
                )
            )

    def action_fill_topics(self):
        """A line per active topic not listed yet; scores are left to rate."""
        self._check_draft()
        topics = self.env["csr.material.topic"].search([("active", "=", True)])
        for assessment in self:
            missing = topics - assessment.line_ids.topic_id
            assessment.line_ids = [
                Command.create({"topic_id": topic.id}) for topic in missing
            ]
        return True

    def action_done(self):
        self._check_draft()
        for assessment in self:
            if not assessment.line_ids:
                raise UserError(
                    self.env._(
                        "%(name)s has no topic: add the topics (Fill topics) and "
                        "rate them before marking it done.",
                        name=assessment.name,
                    )
                )
            unrated = assessment.line_ids.filtered(lambda line: not line.is_rated)
            if unrated:
                raise UserError(
                    self.env._(
                        "Rate the impact and financial materiality (1 to 5) of "
                        "%(topics)s, or remove them, before marking %(name)s done.",
                        topics=", ".join(unrated.topic_id.mapped("display_name")),
                        name=assessment.name,
                    )
                )
        self._set_state("done")
        return True

    def action_draft(self):
        not_done = self.filtered(lambda a: a.state != "done")
        if not_done:
            raise UserError(
                self.env._(
                    "%(names)s is a draft already.",
                    names=", ".join(not_done.mapped("name")),
                )
            )
        self._set_state("draft")
        return True

    def action_open_lines(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "csr_management.csr_materiality_line_action"
        )
        action["domain"] = [("assessment_id", "=", self.id)]
        action["context"] = {"search_default_material": 1}
        return action

    @api.model
    def _latest_done(self, company, year):
        """The assessment that decides what is material in ``year``: the
        company's latest done one of that year or before."""
        return self.search(
            [
                ("company_id", "=", company.id),
                ("state", "=", "done"),
                ("year", "<=", year),
            ],
            order="year desc",
            limit=1,
        )
