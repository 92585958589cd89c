# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models
from odoo.tools.misc import formatLang

from ..engine.vocabulary import PERIOD_KINDS
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
        self_currencies = {column.currency for column in comparison.columns}
        several = len(self_currencies) > 1
        rows = []
        for row in comparison.rows:
            amount = row.value_type == "monetary"
            rows.append(
                {
                    "kind": row.kind,
                    "pillar": pillars.get(row.pillar, ""),
                    "label": row.label,
                    "unit": self._unit(row),
                    "cells": [
                        self._cell(row, column, positions, several)
                        for column in comparison.columns
                    ],
                    "median": self._median(row, row.median, amount),
                    "sector_medians": [
                        self._median(row, row.sector_medians.get(sector_id), amount)
                        for sector_id, _name in sectors
                    ],
                }
            )
        currencies = sorted(self_currencies)
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

    @staticmethod
    def _unit(row):
        """The row's unit: for amounts, that of the companies with a value
        (their currencies when they differ), never another company's."""
        if row.mixed_currencies:
            return " / ".join(row.currencies)
        valued = [key for key, value in row.values.items() if value is not None]
        if row.value_type == "monetary" and valued:
            return (row.units or {}).get(valued[0], row.unit)
        return row.unit

    def _median(self, row, value, amount):
        if value is None or not amount:
            return self._number(value)
        text = self._amount(value)
        return f"{text} {row.currencies[0]}" if row.currencies else text

    def _amount(self, value):
        """An amount as narrow columns show it: 8,581.7 M from a million up."""
        if abs(value) >= COMPACT_FROM:
            return self.env._(
                "%(millions)s M", millions=formatLang(self.env, value / 1e6, digits=1)
            )
        return self._number(value)

    def _cell(self, row, column, positions, several=False):
        found = row.ranges.get(column.company_id)
        where = row.positions.get(column.company_id)
        cell = {
            "value": self._figure(row, column, several),
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

    def _figure(self, row, column, several=False):
        """A company's figure: Yes / No for a yes/no indicator; an amount
        compact from a million up, with its company's currency when the
        compared companies keep their books in different currencies."""
        value = row.values.get(column.company_id)
        if value is None:
            return "–"
        if row.value_type == "boolean":
            return self.env._("Yes") if value else self.env._("No")
        if row.value_type != "monetary":
            return self._number(value)
        text = self._amount(value)
        return f"{text} {column.currency}" if several and column.currency else text

    def _number(self, value):
        if value is None:
            return "–"
        return formatLang(self.env, value, digits=2)
