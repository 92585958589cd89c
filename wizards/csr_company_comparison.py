# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models
from odoo.tools.misc import formatLang

from ..models.csr_period import PERIOD_KINDS
from ..services.company_comparison import CompanyComparison
from ..services.labels import selection_labels

TABLE_TEMPLATE = "csr_management.csr_company_comparison_table"
# An amount from a million up reads "8,581.7 M": the table's columns are narrow.
COMPACT_FROM = 1e6


class CsrCompanyComparison(models.TransientModel):
    """Indicators and scores of the same period of several companies side by
    side, with their medians and the sector reference ranges."""

    _name = "csr.company.comparison"
    _description = "Compare CSR Companies"

    company_ids = fields.Many2many(
        "res.company",
        string="Companies",
        required=True,
        default=lambda self: self.env.companies,
        domain="[('id', 'in', allowed_company_ids)]",
        help="Companies compared side by side; only those selected in the "
        "company switcher can be chosen.",
    )
    period_kind = fields.Selection(
        PERIOD_KINDS, string="Period kind", required=True, default="year"
    )
    date_from = fields.Date(
        string="Period start",
        required=True,
        default=lambda self: self._default_date_from(),
        help="First day of the compared period: each company needs a period of "
        "this kind starting that day.",
    )
    result_html = fields.Html(
        string="Comparison", readonly=True, sanitize=False, translate=False
    )

    def _default_date_from(self):
        """The start of last year: the last complete year of every company
        whose fiscal year is the calendar year."""
        today = fields.Date.context_today(self)
        return today.replace(year=today.year - 1, month=1, day=1)

    def action_compare(self):
        self.ensure_one()
        comparison = CompanyComparison(self.env).build(
            self.company_ids, self.period_kind, self.date_from
        )
        self.result_html = self.env["ir.qweb"]._render(
            TABLE_TEMPLATE, self._table_values(comparison)
        )
        return {
            "type": "ir.actions.act_window",
            "res_model": self._name,
            "res_id": self.id,
            "view_mode": "form",
            "target": "new",
            "name": self.env._("Compare Companies"),
            "context": {"dialog_size": "extra-large"},
        }

    def _table_values(self, comparison):
        """What the table prints, formatted here: the template only lays out."""
        _ = self.env._
        pillars = selection_labels(self.env["csr.scorecard.pillar"], "pillar")
        positions = {
            "below": _("below"),
            "within": _("within"),
            "above": _("above"),
        }
        sectors = comparison.sectors
        rows = []
        for row in comparison.rows:
            rows.append(
                {
                    "kind": row.kind,
                    "pillar": pillars.get(row.pillar, ""),
                    "label": row.label,
                    "unit": " / ".join(row.currencies)
                    if row.mixed_currencies
                    else row.unit,
                    "cells": [
                        self._cell(row, column, positions)
                        for column in comparison.columns
                    ],
                    "median": self._number(row.median),
                    "sector_medians": [
                        self._number(row.sector_medians.get(sector_id))
                        for sector_id, _name in sectors
                    ],
                }
            )
        currencies = sorted({column.currency for column in comparison.columns})
        mixed = any(row.mixed_currencies for row in comparison.rows)
        return {
            "columns": comparison.columns,
            "sectors": sectors,
            "rows": rows,
            "currency_note": _(
                "Amounts are in each company's own currency (%(currencies)s): no "
                "median is taken across different currencies.",
                currencies=", ".join(currencies),
            )
            if mixed
            else "",
        }

    def _cell(self, row, column, positions):
        found = row.ranges.get(column.company_id)
        where = row.positions.get(column.company_id)
        cell = {
            "value": self._figure(row, column),
            "standing": row.standings.get(column.company_id) or "",
            "position": "",
            "range": "",
            "source": "",
        }
        if found and where:
            cell.update(
                position=positions[where],
                range=f"{self._number(found.low)} – {self._number(found.high)}",
                source=found.source,
            )
        return cell

    def _figure(self, row, column):
        """A company's figure: Yes / No for a yes/no indicator, an amount
        with its own currency when the companies' currencies differ."""
        value = row.values.get(column.company_id)
        if value is None:
            return "–"
        if row.value_type == "boolean":
            return self.env._("Yes") if value else self.env._("No")
        if row.value_type == "monetary" and abs(value) >= COMPACT_FROM:
            text = self.env._(
                "%(millions)s M", millions=formatLang(self.env, value / 1e6, digits=1)
            )
        else:
            text = self._number(value)
        if row.mixed_currencies and column.currency:
            return f"{text} {column.currency}"
        return text

    def _number(self, value):
        if value is None:
            return "–"
        return formatLang(self.env, value, digits=2)
