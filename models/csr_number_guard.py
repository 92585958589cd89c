# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, models
from odoo.exceptions import ValidationError

from ..engine import values


class CsrNumberGuard(models.AbstractModel):
    """Refuses text, NaN, infinities and absurd magnitudes in the numbers a
    user types or imports into the fields listed in ``_csr_guarded_numbers``.

    The check runs before the ORM rounds the value: it cannot round NaN or an
    infinity and would fail with a technical error, and a float column would
    silently store them.
    """

    _name = "csr.number.guard"
    _description = "CSR check of typed numbers"
    _csr_guarded_numbers = ()

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            self._check_typed_numbers(vals)
        return super().create(vals_list)

    def write(self, vals):
        self._check_typed_numbers(vals)
        return super().write(vals)

    @api.model
    def _check_typed_numbers(self, vals):
        # No expression among a translated call's arguments: the term
        # extractor would fail on the whole file.
        limit = format(values.MAX_MAGNITUDE, "g")
        reasons = {
            values.VALUE_NOT_A_NUMBER: self.env._("it is not a number"),
            values.VALUE_NOT_FINITE: self.env._("it is not a finite number"),
            values.VALUE_TOO_LARGE: self.env._(
                "it is implausibly large (more than %(max)s)",
                max=limit,
            ),
        }
        for name in self._csr_guarded_numbers:
            error = values.number_error(vals.get(name))
            if error:
                raise ValidationError(
                    self.env._(
                        "%(field)s = %(value)s refused: %(reason)s. Type the figure "
                        "in digits.",
                        field=self._fields[name]._description_string(self.env),
                        value=vals[name],
                        reason=reasons[error],
                    )
                )
