# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class CsrQuestionBank(models.Model):
    """One version of the maturity question bank. Assessments keep the
    version they were answered with, so a new version never rewrites history."""

    _name = "csr.question.bank"
    _description = "CSR Maturity Question Bank"
    _inherit = ["csr.catalogue.guard"]
    _order = "date desc, id desc"

    name = fields.Char(required=True, translate=True)
    version = fields.Char(required=True)
    date = fields.Date(
        required=True,
        default=fields.Date.context_today,
        help="Date this version was published; new assessments use the most "
        "recent active version.",
    )
    active = fields.Boolean(default=True)
    description = fields.Text(translate=True)
    question_ids = fields.One2many("csr.question", "bank_id", "Questions")
    question_count = fields.Integer(compute="_compute_question_count")

    _sql_constraints = [
        (
            "version_unique",
            "unique(version)",
            "A question bank version must be unique.",
        ),
    ]

    def _compute_question_count(self):
        counts = dict(
            self.env["csr.question"]._read_group(
                [("bank_id", "in", self.ids)], ["bank_id"], ["__count"]
            )
        )
        for bank in self:
            bank.question_count = counts.get(bank, 0)

    def _latest(self):
        return self.search([], limit=1)
