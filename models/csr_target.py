# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import ValidationError

from ..engine import thresholds, values
from ..services.labels import selection_label

MIN_YEAR, MAX_YEAR = 1990, 2100


class CsrTarget(models.Model):
    """What a company aims for on one indicator, for a period or a whole year."""

    _name = "csr.target"
    _description = "CSR Indicator Target"
    _inherit = ["mail.thread", "csr.number.guard", "csr.company.guard"]
    _csr_guarded_numbers = ("target_value", "amber_limit", "baseline_value")
    _order = "year desc, indicator_id"
    _check_company_auto = True

    indicator_id = fields.Many2one(
        "csr.indicator",
        required=True,
        index=True,
        ondelete="cascade",
        check_company=True,
        tracking=True,
    )
    company_id = fields.Many2one(
        "res.company",
        required=True,
        index=True,
        default=lambda self: self.env.company,
    )
    period_id = fields.Many2one(
        "csr.period",
        index=True,
        ondelete="cascade",
        check_company=True,
        help="Leave empty for a target over a whole calendar year.",
    )
    year = fields.Integer(
        aggregator=None,
        compute="_compute_year",
        store=True,
        readonly=False,
        precompute=True,
        help="Calendar year of the target; taken from the period when one is set.",
    )
    pillar = fields.Selection(related="indicator_id.pillar", store=True)
    unit = fields.Char(related="indicator_id.unit")
    direction = fields.Selection(related="indicator_id.direction")
    target_value = fields.Float(
        aggregator=None,
        string="Target (green)",
        digits=(16, 4),
        required=True,
        tracking=True,
    )
    amber_limit = fields.Float(
        aggregator=None,
        digits=(16, 4),
        required=True,
        tracking=True,
        help="Values between the target and this limit are amber; beyond it red. "
        "Below the target for 'higher is better', above it for 'lower is better'.",
    )
    baseline_value = fields.Float(
        aggregator=None,
        digits=(16, 4),
        tracking=True,
    )
    baseline_year = fields.Integer(
        aggregator=None,
        tracking=True,
    )
    note = fields.Text()

    # One target per indicator and company for a given period, or for a given
    # year when no period is set (a plain UNIQUE lets NULL periods through).
    _sql_constraints = [
        (
            "period_unique",
            "EXCLUDE USING btree (indicator_id WITH =, company_id WITH =, "
            "period_id WITH =) WHERE (period_id IS NOT NULL)",
            "This indicator already has a target for this period.",
        ),
        (
            "year_unique",
            "EXCLUDE USING btree (indicator_id WITH =, company_id WITH =, "
            "year WITH =) WHERE (period_id IS NULL)",
            "This indicator already has a target for this year.",
        ),
    ]

    @api.depends("period_id")
    def _compute_year(self):
        for target in self:
            if target.period_id:
                target.year = target.period_id.date_from.year

    @api.depends("indicator_id.code", "year", "period_id.name")
    def _compute_display_name(self):
        for target in self:
            scope = target.period_id.name or target.year or ""
            target.display_name = f"{target.indicator_id.code or ''} · {scope}"

    @api.constrains("year", "period_id", "baseline_year")
    def _check_years(self):
        for target in self:
            for year in (target.year, target.baseline_year or target.year):
                if not MIN_YEAR <= (year or 0) <= MAX_YEAR:
                    raise ValidationError(
                        self.env._(
                            "Target %(name)s: the year must lie between %(min)s "
                            "and %(max)s.",
                            name=target.display_name,
                            min=MIN_YEAR,
                            max=MAX_YEAR,
                        )
                    )

    @api.constrains("indicator_id", "target_value", "amber_limit")
    def _check_thresholds(self):
        for target in self:
            direction = target.indicator_id.direction
            if direction == "neutral":
                raise ValidationError(
                    self.env._(
                        "%(code)s is a context figure, not judged better or worse: "
                        "it takes no target.",
                        code=target.indicator_id.code,
                    )
                )
            if not thresholds.thresholds_consistent(
                direction, target.target_value, target.amber_limit
            ):
                side = (
                    self.env._("below")
                    if direction == "higher"
                    else self.env._("above")
                )
                raise ValidationError(
                    self.env._(
                        "%(code)s: the amber limit must lie %(side)s the target "
                        "(%(target)s), since %(direction)s.",
                        code=target.indicator_id.code,
                        side=side,
                        target=target.target_value,
                        direction=selection_label(
                            target.indicator_id, "direction", direction
                        ).lower(),
                    )
                )

    @api.constrains("indicator_id", "target_value", "amber_limit", "baseline_value")
    def _check_reachable(self):
        """A figure the indicator's values could never take is a typing error:
        a share above 100 %, a negative count or quantity."""
        Value = self.env["csr.indicator.value"]
        for target in self:
            indicator = target.indicator_id
            for name in ("target_value", "amber_limit", "baseline_value"):
                error = values.value_error(
                    indicator.value_type, indicator.allow_negative, target[name]
                )
                if error:
                    raise ValidationError(
                        self.env._(
                            "%(code)s: %(field)s %(value)s refused, %(reason)s.",
                            code=indicator.code,
                            field=self._fields[name]._description_string(self.env),
                            value=target[name],
                            reason=Value._plausibility_reason(error),
                        )
                    )

    def status_of(self, value):
        """Traffic light (green/amber/red) of ``value`` against this target."""
        self.ensure_one()
        return thresholds.traffic_light(
            self.indicator_id.direction, value, self.target_value, self.amber_limit
        )
