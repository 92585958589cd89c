# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

from ..engine.vocabulary import PILLARS
from .csr_question import ISO_SUBJECTS, STAGES

AUTO_ANSWERS = [("yes", "Yes"), ("no", "No"), ("unknown", "Not known")]
ANSWERS = [("yes", "Yes"), ("no", "No"), ("na", "Not applicable")]
MOVEMENTS = [
    ("gained", "Now met"),
    ("lost", "No longer met"),
    ("excluded", "Now not applicable"),
    ("included", "Applicable again, not met"),
    ("unchanged", "Unchanged"),
    ("new", "New question"),
]
# What respondents may change; the rest is the snapshot of the question and
# what the system read or concluded.
RESPONDENT_FIELDS = {"manual_answer", "comment"}


class CsrAssessmentAnswer(models.Model):
    """One question of a self-assessment, as asked on that date: the pillar,
    stage and critical flag are copied so later bank edits leave history
    alone."""

    _name = "csr.assessment.answer"
    _inherit = ["csr.pillar.mixin", "csr.company.guard"]
    _description = "CSR Self-Assessment Answer"
    _order = "assessment_id, pillar_sequence, stage, sequence, id"

    assessment_id = fields.Many2one(
        "csr.assessment", required=True, index=True, ondelete="cascade"
    )
    company_id = fields.Many2one(
        related="assessment_id.company_id", store=True, index=True
    )
    assessment_state = fields.Selection(related="assessment_id.state")
    question_id = fields.Many2one(
        "csr.question", required=True, index=True, ondelete="restrict"
    )
    name = fields.Text(related="question_id.name", string="Question text")
    guidance = fields.Text(related="question_id.guidance")
    sequence = fields.Integer(readonly=True)
    code = fields.Char(required=True, readonly=True)
    pillar = fields.Selection(PILLARS, required=True, readonly=True)
    stage = fields.Selection(STAGES, required=True, readonly=True)
    iso_subject = fields.Selection(
        ISO_SUBJECTS, string="ISO 26000 core subject", readonly=True
    )
    critical = fields.Boolean(readonly=True)
    auto_kind = fields.Selection(related="question_id.auto_kind")
    auto_answer = fields.Selection(AUTO_ANSWERS, string="ERP says", readonly=True)
    evidence = fields.Text(readonly=True)
    manual_answer = fields.Selection(
        ANSWERS,
        string="Your answer",
        help="Leave empty to follow what the ERP says; an answer that differs "
        "from it needs a comment.",
    )
    answer = fields.Selection(
        ANSWERS,
        compute="_compute_answer",
        store=True,
        help="Your answer, else the ERP's where it knows.",
    )
    is_override = fields.Boolean(
        compute="_compute_answer", store=True, string="Overridden"
    )
    comment = fields.Text()
    movement = fields.Selection(MOVEMENTS, readonly=True)

    _sql_constraints = [
        (
            "question_unique",
            "unique(assessment_id, question_id)",
            "A question is asked once per self-assessment.",
        ),
    ]

    @api.depends("manual_answer", "auto_answer")
    def _compute_answer(self):
        for answer in self:
            known = answer.auto_answer in ("yes", "no")
            answer.answer = answer.manual_answer or (known and answer.auto_answer)
            answer.is_override = bool(
                answer.manual_answer
                and known
                and answer.manual_answer != answer.auto_answer
            )

    @api.constrains("manual_answer", "comment", "auto_answer")
    def _check_answer(self):
        for answer in self:
            if answer.critical and answer.manual_answer == "na":
                raise ValidationError(
                    self.env._(
                        "%(code)s is a legal obligation: it cannot be marked not "
                        "applicable.",
                        code=answer.code,
                    )
                )
            needs_comment = answer.is_override or answer.manual_answer == "na"
            if needs_comment and not (answer.comment or "").strip():
                raise ValidationError(
                    self.env._(
                        "%(code)s: explain in a comment why your answer differs "
                        "from what the ERP says or why the question does not "
                        "apply.",
                        code=answer.code,
                    )
                )

    @api.model_create_multi
    def create(self, vals_list):
        if not self.env.su:
            raise UserError(
                self.env._(
                    "The questions of a self-assessment are loaded when it is "
                    "created; they cannot be added by hand."
                )
            )
        return super().create(vals_list)

    def write(self, vals):
        if not self.env.su and set(vals) - RESPONDENT_FIELDS:
            raise UserError(
                self.env._(
                    "Only your answer and comment can change; the question and "
                    "what the ERP read stay as they were asked."
                )
            )
        answering = bool(RESPONDENT_FIELDS & set(vals))
        if answering and self.filtered(lambda a: a.assessment_state == "done"):
            raise UserError(
                self.env._(
                    "The self-assessment is closed: reopen it to change answers."
                )
            )
        result = super().write(vals)
        if answering and not self.env.context.get("csr_skip_evaluate"):
            self.assessment_id._evaluate()
        return result
