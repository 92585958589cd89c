# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import Command, api, fields, models
from odoo.exceptions import AccessError, UserError

from ..engine import maturity
from ..engine.vocabulary import PILLAR_KEYS
from ..services.maturity_evidence import MaturityEvidence

STAGE_RESULTS = [
    ("0", "0 Not yet compliant"),
    ("1", "1 Compliance"),
    ("2", "2 Initiatives"),
    ("3", "3 Managed"),
    ("4", "4 Efficient and integrated"),
    ("5", "5 Leadership"),
]
ASSESSMENT_STATES = [("draft", "In progress"), ("done", "Closed")]
# What may still change on a closed assessment: neither answers nor results.
EDITABLE_WHEN_CLOSED = {"compare_id", "note"}
# Computed from the answers by the system, never typed.
RESULT_FIELDS = {"overall_stage", "maturity_index", "pillar_ids"}


class CsrAssessment(models.Model):
    """A dated maturity self-assessment: where the company stands on the CSR
    learning curve, per pillar and overall. Closed assessments are history."""

    _name = "csr.assessment"
    _description = "CSR Maturity Self-Assessment"
    _inherit = ["mail.thread", "csr.company.guard"]
    _order = "date desc, id desc"
    _check_company_auto = True

    name = fields.Char(
        compute="_compute_name", store=True, readonly=False, precompute=True
    )
    company_id = fields.Many2one(
        "res.company", required=True, index=True, default=lambda self: self.env.company
    )
    date = fields.Date(required=True, default=fields.Date.context_today, tracking=True)
    state = fields.Selection(
        ASSESSMENT_STATES,
        string="Status",
        required=True,
        default="draft",
        readonly=True,
        tracking=True,
        copy=False,
    )
    bank_id = fields.Many2one(
        "csr.question.bank",
        string="Question bank",
        required=True,
        default=lambda self: self.env["csr.question.bank"]._latest(),
        ondelete="restrict",
    )
    template_id = fields.Many2one(
        "csr.assessment.template",
        string="Sector template",
        compute="_compute_template_id",
        store=True,
        readonly=False,
        precompute=True,
        check_company=True,
        domain="[('bank_id', '=', bank_id)]",
        help="Fits the questions to the company's sector; empty asks the "
        "general set of the bank.",
    )
    period_id = fields.Many2one(
        "csr.period",
        string="Assessed period",
        compute="_compute_period_id",
        store=True,
        readonly=False,
        precompute=True,
        check_company=True,
        help="Period whose indicator values pre-answer questions and count for "
        "the data gate. Defaults to the last year ended by the assessment date.",
    )
    respondent_id = fields.Many2one(
        "res.users", default=lambda self: self.env.user, tracking=True
    )
    note = fields.Text()
    answer_ids = fields.One2many("csr.assessment.answer", "assessment_id", "Answers")
    # One list per pillar, for the form's pages.
    economic_answer_ids = fields.One2many(
        "csr.assessment.answer",
        "assessment_id",
        string="Economic questions",
        domain=[("pillar", "=", "economic")],
    )
    environmental_answer_ids = fields.One2many(
        "csr.assessment.answer",
        "assessment_id",
        string="Environmental questions",
        domain=[("pillar", "=", "environmental")],
    )
    social_answer_ids = fields.One2many(
        "csr.assessment.answer",
        "assessment_id",
        string="Social questions",
        domain=[("pillar", "=", "social")],
    )
    governance_answer_ids = fields.One2many(
        "csr.assessment.answer",
        "assessment_id",
        string="Governance questions",
        domain=[("pillar", "=", "governance")],
    )
    pillar_ids = fields.One2many(
        "csr.assessment.pillar", "assessment_id", "Pillars", readonly=True
    )
    moved_answer_ids = fields.One2many(
        "csr.assessment.answer",
        "assessment_id",
        string="What moved",
        domain=[("movement", "in", ("gained", "lost", "excluded", "included"))],
        readonly=True,
    )
    overall_stage = fields.Selection(
        STAGE_RESULTS, readonly=True, default="0", tracking=True
    )
    maturity_index = fields.Float(
        digits=(5, 2),
        readonly=True,
        aggregator="avg",
        tracking=True,
        help="0-100 for trends: each pillar weighs a quarter, counting its stage "
        "plus the share of the next stage's questions already met.",
    )
    compare_id = fields.Many2one(
        "csr.assessment",
        string="Compared with",
        check_company=True,
        domain="[('id', '!=', id), ('company_id', '=', company_id)]",
        help="Earlier assessment the answers and stages are compared with; "
        "defaults to the last closed one before this date.",
    )
    previous_index = fields.Float(
        related="compare_id.maturity_index", string="Compared index"
    )
    index_change = fields.Float(
        digits=(5, 2), compute="_compute_index_change", string="Change (points)"
    )
    suggestion_count = fields.Integer(compute="_compute_suggestion_count")
    question_count = fields.Integer(compute="_compute_answer_counts")
    answered_count = fields.Integer(compute="_compute_answer_counts")
    override_count = fields.Integer(compute="_compute_answer_counts")

    @api.depends("date")
    def _compute_name(self):
        for assessment in self:
            assessment.name = self.env._(
                "Self-assessment of %(date)s",
                date=fields.Date.to_string(assessment.date or fields.Date.today()),
            )

    @api.depends("company_id", "bank_id")
    def _compute_template_id(self):
        for assessment in self:
            assessment.template_id = assessment._default_template()

    @api.depends("company_id", "date")
    def _compute_period_id(self):
        for assessment in self:
            assessment.period_id = assessment._default_period()

    @api.depends("maturity_index", "compare_id.maturity_index")
    def _compute_index_change(self):
        for assessment in self:
            compared = assessment.compare_id
            assessment.index_change = (
                assessment.maturity_index - compared.maturity_index if compared else 0.0
            )

    @api.depends("answer_ids.answer", "answer_ids.is_override")
    def _compute_answer_counts(self):
        for assessment in self:
            answers = assessment.answer_ids
            assessment.question_count = len(answers)
            assessment.answered_count = len(answers.filtered("answer"))
            assessment.override_count = len(answers.filtered("is_override"))

    def _compute_suggestion_count(self):
        counts = dict(
            self.env["csr.action.suggestion"]._read_group(
                [("assessment_id", "in", self.ids)], ["assessment_id"], ["__count"]
            )
        )
        for assessment in self:
            assessment.suggestion_count = counts.get(assessment, 0)

    def _default_template(self):
        sector = self.company_id.csr_sector_id
        if not (sector and self.bank_id):
            return self.env["csr.assessment.template"]
        templates = self.env["csr.assessment.template"].search(
            [
                ("bank_id", "=", self.bank_id.id),
                ("sector_id", "=", sector.id),
                ("company_id", "in", (self.company_id.id, False)),
            ]
        )
        own = templates.filtered("company_id")
        return (own or templates)[:1]

    def _default_period(self):
        """The last period ended by the assessment date, a year if any."""
        if not (self.company_id and self.date):
            return self.env["csr.period"]
        ended = [
            ("company_id", "=", self.company_id.id),
            ("date_to", "<=", self.date),
        ]
        Period = self.env["csr.period"]
        return Period.search(
            ended + [("kind", "=", "year")], order="date_to desc", limit=1
        ) or Period.search(ended, order="date_to desc, date_from", limit=1)

    # -- creation ---------------------------------------------------------

    @api.model_create_multi
    def create(self, vals_list):
        if not self.env.su and any(
            RESULT_FIELDS & vals.keys() or vals.get("state", "draft") != "draft"
            for vals in vals_list
        ):
            raise UserError(self._results_message())
        assessments = super().create(vals_list)
        for assessment in assessments:
            if not assessment.compare_id:
                assessment.compare_id = assessment._last_closed()
            assessment._load_questions()
        return assessments

    def _last_closed(self):
        return self.search(
            [
                ("company_id", "=", self.company_id.id),
                ("state", "=", "done"),
                ("date", "<=", self.date),
                ("id", "!=", self.id),
            ],
            limit=1,
        )

    def _questions(self):
        if self.template_id:
            return self.template_id._questions()
        return self.bank_id.question_ids.filtered(lambda q: not q.sector_only)

    def _load_questions(self):
        """Snapshot the questions asked, then read what the ERP knows."""
        questions = self._questions()
        if not questions:
            raise UserError(
                self.env._(
                    "The question bank %(bank)s has no question to ask.",
                    bank=self.bank_id.display_name,
                )
            )
        self.env["csr.assessment.answer"].sudo().with_context(
            csr_skip_evaluate=True
        ).create(
            [
                {
                    "assessment_id": self.id,
                    "question_id": question.id,
                    "code": question.code,
                    "pillar": question.pillar,
                    "stage": question.stage,
                    "critical": question.critical,
                    "iso_subject": question.iso_subject,
                    "sequence": index,
                }
                for index, question in enumerate(questions)
            ]
        )
        self._read_evidence()

    # -- edition ----------------------------------------------------------

    def write(self, vals):
        if "state" in vals and not self.env.su:
            raise UserError(
                self.env._(
                    "A self-assessment is closed and reopened with its buttons, "
                    "which check its answers."
                )
            )
        if RESULT_FIELDS & vals.keys() and not self.env.su:
            raise UserError(self._results_message())
        closed = self.filtered(lambda a: a.state == "done")
        if closed and set(vals) - EDITABLE_WHEN_CLOSED:
            raise UserError(
                self.env._(
                    "The self-assessment %(name)s is closed: reopen it to change "
                    "its answers.",
                    name=closed[0].display_name,
                )
            )
        if {"bank_id", "template_id"} & set(vals) and self.answer_ids:
            raise UserError(
                self.env._(
                    "The questions of a self-assessment are set when it is "
                    "created; start a new one to use another bank or template."
                )
            )
        result = super(CsrAssessment, self.with_context(csr_skip_evaluate=True)).write(
            vals
        )
        if "period_id" in vals:
            self._read_evidence()
        elif any(name.endswith("answer_ids") for name in vals):
            self._evaluate()
        elif "compare_id" in vals:
            # A closed assessment keeps its stages; only the comparison moves.
            self._compare()
        return result

    # -- buttons ----------------------------------------------------------

    def action_refresh(self):
        """Read the indicator values, targets and actions again."""
        self.check_access("write")
        if self.filtered(lambda a: a.state == "done"):
            raise UserError(self.env._("A closed self-assessment keeps what it read."))
        self._read_evidence()
        return True

    def action_close(self):
        for assessment in self:
            missing = assessment.answer_ids.filtered(lambda a: not a.answer)
            if missing:
                raise UserError(
                    self.env._(
                        "%(count)s question(s) of %(name)s have no answer yet, e.g. "
                        "%(code)s. Answer them (or mark them not applicable) "
                        "before closing.",
                        count=len(missing),
                        name=assessment.display_name,
                        code=missing[0].code,
                    )
                )
        self.check_access("write")
        self._evaluate()
        self._store_results({"state": "done"})
        self._suggest_actions()
        return True

    def action_suggest(self):
        """Propose the recommendations of the next stage's unmet questions."""
        self.env["csr.action.suggestion"]._check_can_decide()
        self._suggest_actions()
        return self.action_open_suggestions()

    def action_open_suggestions(self):
        self.ensure_one()
        return self.env["csr.action.suggestion"]._open_all(
            [("assessment_id", "=", self.id)]
        )

    def _suggest_actions(self):
        Suggestion = self.env["csr.action.suggestion"]
        for assessment in self:
            Suggestion._propose(
                assessment.company_id, assessment._suggestion_candidates()
            )

    def _suggestion_candidates(self):
        """Recommendation → suggestion values, for every unmet question of
        each pillar's next stage."""
        next_stages = {
            line.pillar: str(int(line.stage) + 1)
            for line in self.pillar_ids
            if int(line.stage) < maturity.TOP_STAGE
        }
        unmet = self.answer_ids.filtered(
            lambda a: next_stages.get(a.pillar) == a.stage and a.answer in (False, "no")
        )
        recommendations = unmet.question_id.recommendation_ids
        tracked = self._values_of(recommendations.track_indicator_id)
        candidates = {}
        for answer in unmet:
            for recommendation in answer.question_id.recommendation_ids:
                indicator = recommendation.track_indicator_id
                candidates[recommendation] = {
                    "origin": "question",
                    "answer_id": answer.id,
                    "assessment_id": self.id,
                    "indicator_id": indicator.id,
                    "period_id": self.period_id.id,
                    "has_baseline": indicator in tracked,
                    "baseline_value": tracked.get(indicator, 0.0),
                }
        return candidates

    def _values_of(self, indicators):
        if not (indicators and self.period_id):
            return {}
        values = self.env["csr.indicator.value"].search_fetch(
            [
                ("period_id", "=", self.period_id.id),
                ("indicator_id", "in", indicators.ids),
            ],
            ["indicator_id", "value"],
        )
        return {value.indicator_id: value.value for value in values}

    def action_reopen(self):
        self._check_can_reopen()
        self.check_access("write")
        self._store_results({"state": "draft"})
        return True

    def _check_can_reopen(self):
        if not self.env.user._is_csr_manager():
            raise AccessError(
                self.env._("Only a CSR manager can reopen a self-assessment.")
            )

    # -- results ----------------------------------------------------------

    def _read_evidence(self):
        for assessment in self:
            evidence = MaturityEvidence(assessment.sudo())
            answers = assessment.answer_ids
            pre_answers = evidence.pre_answers(answers.question_id)
            for answer in answers:
                auto, text = pre_answers.get(answer.question_id, (False, False))
                answer.sudo().with_context(csr_skip_evaluate=True).write(
                    {"auto_answer": auto, "evidence": text}
                )
            assessment._evaluate_one(evidence)

    def _evaluate(self):
        """Stage per pillar, overall stage, index and movements."""
        for assessment in self:
            assessment._evaluate_one(MaturityEvidence(assessment.sudo()))

    def _evaluate_one(self, evidence):
        self.ensure_one()
        coverage = evidence.core_coverage()
        results = [
            maturity.pillar_result(
                pillar,
                self._criteria(pillar),
                maturity.gate_open(*coverage.get(pillar, (0, 0))),
            )
            for pillar in PILLAR_KEYS
        ]
        compared = self._compared_stages()
        self._store_results(
            {
                "overall_stage": str(maturity.overall_stage(results)),
                "maturity_index": maturity.maturity_index(results),
                "pillar_ids": [Command.clear()]
                + [
                    Command.create(
                        {
                            **self._pillar_vals(index, result, coverage),
                            **self._comparison_vals(
                                result.stage, compared.get(result.pillar)
                            ),
                        }
                    )
                    for index, result in enumerate(results)
                ],
            }
        )
        self._mark_movements()

    def _compare(self):
        """Against another assessment, leaving the stages as they are (a
        closed assessment keeps what it concluded)."""
        for assessment in self:
            compared = assessment._compared_stages()
            for line in assessment.pillar_ids:
                line.sudo().write(
                    self._comparison_vals(int(line.stage), compared.get(line.pillar))
                )
            assessment._mark_movements()

    def _compared_stages(self):
        return {p.pillar: int(p.stage) for p in self.compare_id.pillar_ids}

    @staticmethod
    def _comparison_vals(stage, compared_stage):
        if compared_stage is None:
            return {"has_previous": False, "previous_stage": False, "stage_change": 0}
        return {
            "has_previous": True,
            "previous_stage": str(compared_stage),
            "stage_change": stage - compared_stage,
        }

    def _results_message(self):
        return self.env._(
            "The stages and the maturity index of a self-assessment are computed "
            "from its answers: answer the questions instead of typing them."
        )

    def _store_results(self, vals):
        """Results bypass the closed-assessment guard of ``write``: they are
        the system's, and closing itself stores them."""
        return super(CsrAssessment, self.sudo()).write(vals)

    def _criteria(self, pillar):
        return [
            maturity.Criterion(
                stage=int(answer.stage),
                met=None if answer.answer == "na" else answer.answer == "yes",
                critical=answer.critical,
            )
            for answer in self.answer_ids
            if answer.pillar == pillar
        ]

    @staticmethod
    def _pillar_vals(sequence, result, coverage):
        total, measured = coverage.get(result.pillar, (0, 0))
        return {
            "sequence": sequence,
            "pillar": result.pillar,
            "stage": str(result.stage),
            "answered_stage": str(result.answered_stage),
            "gated": result.gated,
            "progress": result.progress * 100,
            "met_count": result.met,
            "applicable_count": result.applicable,
            "core_total": total,
            "core_measured": measured,
        }

    def _mark_movements(self):
        previous = {a.code: a.answer for a in self.compare_id.answer_ids}
        for answer in self.answer_ids:
            move = (
                maturity.movement(previous.get(answer.code), answer.answer)
                if self.compare_id
                else False
            )
            if answer.movement != move:
                answer.sudo().write({"movement": move})
