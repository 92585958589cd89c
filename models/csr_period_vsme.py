# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import _, api, fields, models
from odoo.exceptions import ValidationError

VSME_PERIOD_INPUTS = (
    "csr_vsme_fines_amount",
    "csr_vsme_training_hours_male",
    "csr_vsme_training_hours_female",
)


class CsrPeriod(models.Model):
    """The VSME Basic Module inputs of a period no indicator holds: the second
    measures VSME asks beside an indicator (B10 training by gender, B11
    fines)."""

    _inherit = "csr.period"

    currency_id = fields.Many2one(related="company_id.currency_id")
    csr_vsme_fines_amount = fields.Monetary(
        string="Fines for corruption or bribery",
        currency_field="currency_id",
        help="VSME B11: total amount of the fines paid or due in the period "
        "for breaking anti-corruption or anti-bribery laws; zero if none.",
    )
    csr_vsme_training_hours_male = fields.Float(
        string="Training hours per male employee",
        digits=(8, 2),
        help="VSME B10: average training hours of the period per male employee.",
    )
    csr_vsme_training_hours_female = fields.Float(
        string="Training hours per female employee",
        digits=(8, 2),
        help="VSME B10: average training hours of the period per female employee.",
    )

    def write(self, vals):
        if set(VSME_PERIOD_INPUTS) & vals.keys():
            self._check_unlocked()  # a locked period reports what it reported
        return super().write(vals)

    @api.constrains(*VSME_PERIOD_INPUTS)
    def _check_vsme_inputs(self):
        for period in self:
            for name in VSME_PERIOD_INPUTS:
                if period[name] < 0:
                    raise ValidationError(
                        _(
                            "%(field)s of period %(period)s cannot be negative.",
                            field=period._fields[name].get_description(self.env)[
                                "string"
                            ],
                            period=period.name,
                        )
                    )
