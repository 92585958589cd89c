# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import ValidationError


class CsrAssessmentTemplate(models.Model):
    """Fits the question bank to a sector: adds its sector-specific questions
    and removes those that do not apply (no fleet in a consultancy...)."""

    _name = "csr.assessment.template"
    _description = "CSR Sector Assessment Template"
    _inherit = ["csr.catalogue.guard", "csr.company.guard"]
    _order = "sector_id, company_id, id"
    _check_company_auto = True

    name = fields.Char(required=True, translate=True)
    sector_id = fields.Many2one("csr.sector", required=True, index=True)
    bank_id = fields.Many2one(
        "csr.question.bank", required=True, index=True, ondelete="cascade"
    )
    company_id = fields.Many2one(
        "res.company",
        index=True,
        help="Leave empty for a template shared by every company of the sector; "
        "a company's own template takes precedence.",
    )
    active = fields.Boolean(default=True)
    added_question_ids = fields.Many2many(
        "csr.question",
        "csr_assessment_template_added_rel",
        "template_id",
        "question_id",
        string="Added questions",
        domain="[('bank_id', '=', bank_id), ('sector_only', '=', True)]",
    )
    removed_question_ids = fields.Many2many(
        "csr.question",
        "csr_assessment_template_removed_rel",
        "template_id",
        "question_id",
        string="Removed questions",
        domain="[('bank_id', '=', bank_id), ('sector_only', '=', False)]",
    )
    note = fields.Text(translate=True, help="Why questions were added or removed.")

    @api.constrains("bank_id", "added_question_ids", "removed_question_ids")
    def _check_questions_in_bank(self):
        for template in self:
            questions = template.added_question_ids | template.removed_question_ids
            if questions.bank_id - template.bank_id:
                raise ValidationError(
                    self.env._(
                        "The template %(name)s may only add or remove questions "
                        "of its own question bank.",
                        name=template.name,
                    )
                )

    def _questions(self):
        """The questions an assessment with this template asks (self may be
        empty: then the bank's general set, read by the caller)."""
        self.ensure_one()
        general = self.bank_id.question_ids.filtered(lambda q: not q.sector_only)
        return (general - self.removed_question_ids) | self.added_question_ids
