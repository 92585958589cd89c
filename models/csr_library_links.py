# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The knowledge library seen from indicators, questions and actions: what
each record looks its resources up from, and the sharing of a verified
action as a case study."""

from odoo import _, models
from odoo.exceptions import UserError

# Measured on an indicator: "not measured" is a verification by note only.
MEASURED = ("effective", "not_effective")


class CsrIndicator(models.Model):
    _name = "csr.indicator"
    _inherit = ["csr.indicator", "csr.library.mixin"]

    def _library_scope(self):
        # A catalogue indicator is shared: read it for the current company.
        return self.env.company, self._origin, self.env["csr.question"]


class CsrQuestion(models.Model):
    _name = "csr.question"
    _inherit = ["csr.question", "csr.library.mixin"]

    def _library_scope(self):
        # A question pre-answered from an indicator is improved through it.
        return self.env.company, self.auto_indicator_id._origin, self._origin


class CsrAction(models.Model):
    _name = "csr.action"
    _inherit = ["csr.action", "csr.library.mixin"]

    def _library_scope(self):
        return (
            self.company_id._origin or self.env.company,
            self.indicator_id._origin,
            self.question_id._origin,
        )

    def _check_shareable(self):
        """A case study shares a practice whose effect was verified and
        measured as an improvement on its indicator."""
        for action in self:
            if action.state != "verified":
                raise UserError(
                    _(
                        "Action %(name)s is not verified: only a verified action, "
                        "whose effect was measured, is shared as a case study.",
                        name=action.name,
                    )
                )
            if action.efficacy not in MEASURED or action.value_change <= 0:
                raise UserError(
                    _(
                        "Action %(name)s has no measured improvement on an "
                        "indicator: a case study shares a practice whose effect "
                        "an indicator showed.",
                        name=action.name,
                    )
                )

    def action_share_case_study(self):
        self.ensure_one()
        self._check_shareable()
        return {
            "type": "ir.actions.act_window",
            "name": _("Share as Case Study"),
            "res_model": "csr.case.study.share",
            "view_mode": "form",
            "target": "new",
            "context": {"default_action_id": self.id},
        }
