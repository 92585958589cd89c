# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from markupsafe import Markup

from odoo import api, fields, models
from odoo.exceptions import ValidationError

from ..engine import applicability, materiality, values
from ..engine import formula as formulas
from ..engine.vocabulary import PILLARS
from ..services.indicator_history import history_chart

DIRECTIONS = [
    ("higher", "Higher is better"),
    ("lower", "Lower is better"),
    ("neutral", "Context figure (not judged)"),
]
AGGREGATIONS = [
    ("sum", "Sum of sub-periods"),
    ("average", "Average of sub-periods"),
    ("last", "Last sub-period"),
]
SOURCE_TYPES = [
    ("manual", "Manual input"),
    ("computed", "Computed from ERP records"),
    ("formula", "Formula over other indicators"),
]
VALUE_TYPES = [
    ("quantity", "Quantity"),
    ("percentage", "Share (0-100 %)"),
    ("monetary", "Amount in company currency"),
    ("ratio", "Ratio or rate"),
    ("boolean", "Yes / no (1 / 0)"),
]
COMPANY_SIZES = [
    ("micro", "All sizes"),
    ("small", "Small and medium (10+ employees)"),
    ("medium", "Medium (50+ employees)"),
]


class CsrIndicator(models.Model):
    """An entry of the CSR indicator catalogue (e.g. ENV-05, Scope 1 GHG)."""

    _name = "csr.indicator"
    _description = "CSR Indicator"
    _inherit = [
        "mail.thread",
        "csr.pillar.mixin",
        "csr.number.guard",
        "csr.catalogue.guard",
        "csr.company.guard",
        "csr.library.mixin",
    ]
    _csr_guarded_numbers = ("score_weight",)
    _order = "pillar_sequence, sequence, code"
    _rec_names_search = ["code", "name"]
    _check_company_auto = True

    code = fields.Char(required=True, index=True, tracking=True)
    name = fields.Char(required=True, translate=True, tracking=True)
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True, tracking=True)
    company_id = fields.Many2one(
        "res.company",
        index=True,
        help="Leave empty for an indicator shared by every company.",
    )
    pillar = fields.Selection(PILLARS, required=True, index=True, tracking=True)
    unit = fields.Char(required=True, translate=True)
    history_svg = fields.Html(
        string="History",
        compute="_compute_history_svg",
        sanitize=False,
        help="The current company's monthly values of this indicator over the "
        "last twelve months, with their targets and amber limits.",
    )
    value_type = fields.Selection(VALUE_TYPES, required=True, default="quantity")
    allow_negative = fields.Boolean(
        help="Allow values below zero (e.g. a margin or a change against a base "
        "year). Shares never exceed 100 %."
    )
    direction = fields.Selection(DIRECTIONS, required=True, default="higher")
    aggregation = fields.Selection(
        AGGREGATIONS,
        string="Roll-up",
        required=True,
        default="sum",
        help="How the values of sub-periods combine into a longer period.",
    )
    source_type = fields.Selection(
        SOURCE_TYPES, string="Source", required=True, default="manual", tracking=True
    )
    formula = fields.Char(
        help="Expression over other indicator codes in brackets, "
        "e.g. [ENV-01] / [ECO-01] * 1000000.",
    )
    guidance = fields.Html(
        translate=True,
        sanitize_attributes=False,
        help="What the indicator measures and how to improve it.",
    )
    framework_tag_ids = fields.Many2many(
        "csr.framework.tag",
        "csr_indicator_framework_tag_rel",
        "indicator_id",
        "framework_tag_id",
        string="Framework references",
    )
    material_topic_ids = fields.Many2many(
        "csr.material.topic",
        "csr_material_topic_indicator_rel",
        "indicator_id",
        "topic_id",
        string="Sustainability topics",
    )
    is_core = fields.Boolean(
        string="Core indicator",
        compute="_compute_is_core",
        store=True,
        readonly=False,
        help="Counts for the maturity data gate: a pillar cannot pass stage 2 "
        "while fewer than 80 % of its core indicators have a value. Defaults to "
        "the indicators of the VSME Basic Module (B1-B11).",
    )
    sector_ids = fields.Many2many(
        "csr.sector",
        string="Sectors",
        help="Sectors the indicator applies to; empty means every sector.",
    )
    min_company_size = fields.Selection(
        COMPANY_SIZES,
        string="Applies to",
        required=True,
        default="micro",
    )
    score_weight = fields.Float(
        digits=(16, 2),
        default=1.0,
        help="Weight of the indicator in its pillar's score on the scorecard; "
        "0 leaves it out of the score (it still counts for completeness).",
    )
    value_ids = fields.One2many("csr.indicator.value", "indicator_id", "Values")
    value_count = fields.Integer(compute="_compute_value_count")
    target_ids = fields.One2many("csr.target", "indicator_id", "Targets")
    source_ids = fields.One2many("csr.indicator.source", "indicator_id", "Sources")

    _sql_constraints = [
        ("code_unique", "unique(code)", "An indicator code must be unique."),
        (
            "score_weight_positive",
            "CHECK(score_weight >= 0)",
            "A score weight cannot be negative.",
        ),
    ]

    @api.depends("framework_tag_ids.framework", "framework_tag_ids.code")
    def _compute_history_svg(self):
        company = self.env.company
        today = fields.Date.context_today(self)
        for indicator in self:
            if not indicator.id:
                indicator.history_svg = False
                continue
            unit = values.display_unit(
                indicator.unit, indicator.value_type, company.currency_id.name
            )
            # Built from escaped text only (see engine.history.history_svg).
            indicator.history_svg = Markup(
                history_chart(self.env, indicator, company, "month", today, unit)
            )

    def _compute_is_core(self):
        for indicator in self:
            indicator.is_core = any(
                tag.framework == "vsme" and (tag.code or "").startswith("VSME B")
                for tag in indicator.framework_tag_ids
            )

    @api.depends("code", "name")
    def _compute_display_name(self):
        for indicator in self:
            indicator.display_name = f"{indicator.code} {indicator.name or ''}".strip()

    def _compute_value_count(self):
        counts = dict(
            self.env["csr.indicator.value"]._read_group(
                [("indicator_id", "in", self.ids)], ["indicator_id"], ["__count"]
            )
        )
        for indicator in self:
            indicator.value_count = counts.get(indicator, 0)

    @api.constrains("source_type", "formula")
    def _check_formula(self):
        for indicator in self.filtered(lambda i: i.source_type == "formula"):
            expression = (indicator.formula or "").strip()
            if not expression:
                raise ValidationError(
                    self.env._(
                        "Indicator %(code)s is computed by formula but has no formula.",
                        code=indicator.code,
                    )
                )
            try:
                formulas.check(expression)
            except formulas.FormulaTooLarge as error:
                raise ValidationError(
                    indicator._formula_too_large_message(error)
                ) from None
            except formulas.FormulaError:
                raise ValidationError(
                    self.env._(
                        "%(code)s: the formula %(formula)s is not valid. Use indicator "
                        "codes in brackets, numbers, + - * / and parentheses.",
                        code=indicator.code,
                        formula=expression,
                    )
                ) from None
            qualifiers = formulas.unknown_qualifiers(expression)
            if qualifiers:
                raise ValidationError(
                    self.env._(
                        "%(code)s: unknown period qualifier(s) %(qualifiers)s. Write "
                        "[CODE] for this period or [CODE@base] for the base year.",
                        code=indicator.code,
                        qualifiers=", ".join(f"@{q}" for q in qualifiers),
                    )
                )
            codes = formulas.all_codes(expression)
            known = set(
                self.with_context(active_test=False)
                .search([("code", "in", codes)])
                .mapped("code")
            )
            unknown = [c for c in codes if c not in known]
            if unknown:
                raise ValidationError(
                    self.env._(
                        "%(code)s: the formula refers to unknown indicator(s) "
                        "%(codes)s.",
                        code=indicator.code,
                        codes=", ".join(unknown),
                    )
                )
        self._check_formula_cycles()

    def _formula_too_large_message(self, error):
        _ = self.env._
        code, found, limit = self.code, error.found, error.limit
        split = _("Split it into intermediate indicators computed by formula.")
        if error.what == formulas.LENGTH:
            problem = _(
                "%(code)s: the formula is %(found)s characters long; at most "
                "%(limit)s are allowed.",
                code=code,
                found=found,
                limit=limit,
            )
        elif error.what == formulas.TERMS:
            problem = _(
                "%(code)s: the formula has %(found)s numbers and indicator "
                "references; at most %(limit)s are allowed.",
                code=code,
                found=found,
                limit=limit,
            )
        elif error.what == formulas.NESTING:
            problem = _(
                "%(code)s: the formula nests %(found)s levels of brackets, signs "
                "and operations; at most %(limit)s are allowed.",
                code=code,
                found=found,
                limit=limit,
            )
        elif error.what == formulas.DIGITS:
            problem = _(
                "%(code)s: a number in the formula has %(found)s digits; at most "
                "%(limit)s are allowed.",
                code=code,
                found=found,
                limit=limit,
            )
        else:
            limit = format(limit, "g")
            split = _("Use a unit that keeps the figures smaller.")
            problem = _(
                "%(code)s: the number %(found)s in the formula is too large; "
                "numbers up to %(limit)s are allowed.",
                code=code,
                found=found,
                limit=limit,
            )
        return f"{problem} {split}"

    def _check_formula_cycles(self):
        try:
            formulas.dependency_order(self.sudo()._dependency_graph())
        except formulas.FormulaCycle as cycle:
            raise ValidationError(
                self.env._(
                    "These indicators depend on each other in a circle: %(cycle)s. "
                    "Change one of their formulas.",
                    cycle=" → ".join(cycle.args[0]),
                )
            ) from None

    @api.model
    def _dependency_graph(self, company=None):
        """Code → codes it reads, through formulas and "divide by" sources."""
        catalogue = self.with_context(active_test=False).search(
            [("source_type", "=", "formula")]
        )
        graph = {i.code: formulas.references(i.formula) for i in catalogue}
        sources = self.env["csr.indicator.source"].search(
            [("divide_by_id", "!=", False)]
            + ([("company_id", "in", [False, company.id])] if company else [])
        )
        for source in sources:
            graph.setdefault(source.indicator_id.code, []).append(
                source.divide_by_id.code
            )
        return graph

    @api.constrains("code")
    def _check_code(self):
        for indicator in self:
            code = indicator.code or ""
            if code != code.strip() or " " in code:
                raise ValidationError(
                    self.env._(
                        "An indicator code cannot contain spaces: %(code)r.", code=code
                    )
                )

    @api.model
    def _applicable_domain(self, company):
        """Active indicators that concern ``company``: shared or its own, of
        its sector (or of every sector), meant for its size or smaller."""
        domain = [
            ("company_id", "in", [False, company.id]),
            (
                "min_company_size",
                "in",
                applicability.sizes_applying(company.csr_company_size),
            ),
        ]
        if company.csr_sector_id:
            domain += [
                "|",
                ("sector_ids", "=", False),
                ("sector_ids", "in", company.csr_sector_id.ids),
            ]
        return domain

    @api.model
    def _manual_applicable_to(self, company):
        return self.search(
            self._applicable_domain(company) + [("source_type", "=", "manual")]
        )

    def _score_weights(self, company, date=None):
        """Indicator id → weight in its pillar's score for ``company`` in a
        period starting on ``date`` (today by default): the indicators of
        material topics weigh the company's material topic weight times more
        (see ``engine/materiality.py``)."""
        weights = {indicator.id: indicator.score_weight for indicator in self}
        material = self._material_for(company, date)
        return materiality.indicator_weights(
            weights, set(material.ids), company.csr_material_weight
        )

    @api.model
    def _material_for(self, company, date=None):
        """Active indicators of ``company``'s catalogue that measure a material
        topic of its latest done materiality assessment of ``date``'s year or
        before; none without such an assessment."""
        year = (date or fields.Date.context_today(self)).year
        assessment = (
            self.env["csr.materiality.assessment"].sudo()._latest_done(company, year)
        )
        topics = assessment.line_ids.filtered("is_material").topic_id
        return topics.indicator_ids.filtered(
            lambda indicator: indicator.company_id in (company, company.browse())
        ).with_env(self.env)

    def action_open_values(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "csr_management.csr_indicator_value_action"
        )
        action["domain"] = [("indicator_id", "=", self.id)]
        action["context"] = {"default_indicator_id": self.id}
        return action

    def _library_scope(self):
        # A catalogue indicator is shared: read it for the current company.
        return self.env.company, self._origin, self.env["csr.question"]
