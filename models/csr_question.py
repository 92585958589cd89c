# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import ValidationError

from ..engine.policies import POLICY_AREAS
from ..engine.vocabulary import PILLARS

STAGES = [
    ("1", "1 Compliance"),
    ("2", "2 Initiatives"),
    ("3", "3 Managed"),
    ("4", "4 Efficient and integrated"),
    ("5", "5 Leadership"),
]
ISO_SUBJECTS = [
    ("governance", "Organisational governance"),
    ("human_rights", "Human rights"),
    ("labour", "Labour practices"),
    ("environment", "The environment"),
    ("fair_operating", "Fair operating practices"),
    ("consumer", "Consumer issues"),
    ("community", "Community involvement and development"),
]
AUTO_KINDS = [
    ("none", "Answered by the respondent"),
    ("indicator", "From an indicator value"),
    ("targets", "From targets set on the pillar's indicators"),
    ("actions", "From planned improvement actions of the pillar"),
    ("policy", "From an approved policy communicated to staff"),
]
AUTO_CONDITIONS = [
    ("has_value", "Has a value"),
    ("at_least", "Value at least the threshold"),
    ("at_most", "Value at most the threshold"),
    ("improving", "Better than the previous period"),
]


class CsrQuestion(models.Model):
    """A yes/no criterion of the maturity self-assessment: one pillar, one
    stage of the CSR learning curve, one ISO 26000 core subject."""

    _name = "csr.question"
    _inherit = [
        "csr.pillar.mixin",
        "csr.number.guard",
        "csr.catalogue.guard",
        "csr.library.mixin",
    ]
    _csr_guarded_numbers = ("auto_threshold",)
    _description = "CSR Maturity Question"
    _order = "bank_id, pillar_sequence, stage, sequence, code"
    _rec_names_search = ["code", "name"]

    bank_id = fields.Many2one(
        "csr.question.bank", required=True, index=True, ondelete="cascade"
    )
    code = fields.Char(required=True, index=True)
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)
    name = fields.Text(string="Question", required=True, translate=True)
    guidance = fields.Text(
        translate=True,
        help="What a 'yes' requires and which evidence shows it.",
    )
    pillar = fields.Selection(PILLARS, required=True, index=True)
    stage = fields.Selection(STAGES, required=True, index=True)
    iso_subject = fields.Selection(
        ISO_SUBJECTS, string="ISO 26000 core subject", required=True
    )
    critical = fields.Boolean(
        help="A legal obligation: a stage is never reached while a critical "
        "question of it is unmet, whatever the share of the others."
    )
    sector_only = fields.Boolean(
        string="Sector-specific",
        help="Asked only where a sector template adds it, not in the general set.",
    )
    auto_kind = fields.Selection(
        AUTO_KINDS, string="Pre-answer", required=True, default="none"
    )
    auto_indicator_id = fields.Many2one(
        "csr.indicator", string="Indicator", ondelete="restrict"
    )
    auto_condition = fields.Selection(AUTO_CONDITIONS, string="Condition")
    auto_threshold = fields.Float(string="Threshold", digits=(16, 4))
    auto_policy_area = fields.Selection(
        POLICY_AREAS,
        string="Policy area",
        help="A 'yes' needs a policy of this area in force at the end of the "
        "assessed period (today without a period) and communicated to "
        "employees by then.",
    )
    recommendation_ids = fields.One2many(
        "csr.recommendation", "question_id", "Recommendations"
    )

    _sql_constraints = [
        (
            "code_bank_unique",
            "unique(bank_id, code)",
            "A question code must be unique within its question bank.",
        ),
        (
            "auto_threshold_positive",
            "CHECK(auto_threshold >= 0)",
            "A pre-answer threshold cannot be negative.",
        ),
    ]

    @api.constrains("auto_kind", "auto_indicator_id", "auto_condition")
    def _check_auto_rule(self):
        for question in self.filtered(lambda q: q.auto_kind == "indicator"):
            if not (question.auto_indicator_id and question.auto_condition):
                raise ValidationError(
                    self.env._(
                        "Question %(code)s is pre-answered from an indicator: "
                        "choose the indicator and the condition.",
                        code=question.code,
                    )
                )

    @api.constrains("auto_kind", "auto_policy_area")
    def _check_auto_policy(self):
        for question in self.filtered(lambda q: q.auto_kind == "policy"):
            if not question.auto_policy_area:
                raise ValidationError(
                    self.env._(
                        "Question %(code)s is pre-answered from the policies: "
                        "choose the policy area.",
                        code=question.code,
                    )
                )

    def _library_scope(self):
        # A question pre-answered from an indicator is improved through it.
        return self.env.company, self.auto_indicator_id._origin, self._origin
