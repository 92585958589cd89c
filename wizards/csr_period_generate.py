# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import UserError
from odoo.tools import date_utils

from ..engine import periods


class CsrPeriodGenerate(models.TransientModel):
    """Create the months, quarters and year of one fiscal year in one go."""

    _name = "csr.period.generate"
    _description = "Create CSR Periods of a Fiscal Year"
    _check_company_auto = True

    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company
    )
    fiscal_year_start = fields.Date(
        required=True,
        # The default serves a user without multi-company rights, whose form
        # has no company field to recompute the start from.
        default=lambda self: self._fiscal_year_start_of(self.env.company),
        compute="_compute_fiscal_year_start",
        store=True,
        readonly=False,
        precompute=True,
        help="First day of the fiscal year; defaults to the company's current "
        "fiscal year (Accounting settings).",
    )
    create_months = fields.Boolean(string="Months", default=True)
    create_quarters = fields.Boolean(string="Quarters", default=True)
    create_year = fields.Boolean(string="Year", default=True)

    @api.depends("company_id")
    def _compute_fiscal_year_start(self):
        for wizard in self:
            wizard.fiscal_year_start = self._fiscal_year_start_of(
                wizard.company_id or self.env.company
            )

    def _fiscal_year_start_of(self, company):
        start, _end = date_utils.get_fiscal_year(
            fields.Date.context_today(self),
            day=company.fiscalyear_last_day,
            month=int(company.fiscalyear_last_month),
        )
        return start

    def _selected_kinds(self):
        flags = [
            ("month", self.create_months),
            ("quarter", self.create_quarters),
            ("year", self.create_year),
        ]
        return [kind for kind, wanted in flags if wanted]

    def action_generate(self):
        self.ensure_one()
        kinds = self._selected_kinds()
        if not kinds:
            raise UserError(self.env._("Tick at least one kind of period to create."))
        if self.fiscal_year_start.day != 1:
            raise UserError(
                self.env._("A fiscal year must start on the first day of a month.")
            )
        spans = periods.fiscal_year_spans(self.fiscal_year_start, kinds)
        Period = self.env["csr.period"]
        existing = Period.search(
            [
                ("company_id", "=", self.company_id.id),
                ("date_from", ">=", self.fiscal_year_start),
                ("date_to", "<=", periods.end_for("year", self.fiscal_year_start)),
            ]
        )
        known = {(p.kind, p.date_from, p.date_to) for p in existing}
        to_create = [
            {
                "company_id": self.company_id.id,
                "kind": span.kind,
                "date_from": span.date_from,
                "date_to": span.date_to,
            }
            for span in spans
            if (span.kind, span.date_from, span.date_to) not in known
        ]
        created = Period.create(to_create)
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "csr_management.csr_period_action"
        )
        action["domain"] = [("id", "in", (created | existing).ids)]
        return action
