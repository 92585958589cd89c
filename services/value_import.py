# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Import manual indicator values from a spreadsheet, and build its template.

The engine reads and checks the rows; this adapter looks up what they refer
to (a bounded number of queries whatever the number of rows), words the
errors and stores the values. A file with any error stores nothing.
"""

from dataclasses import dataclass

from odoo.exceptions import UserError

from ..engine import value_import as sheet
from . import plausibility
from .labels import selection_label

# Problems listed in the message of a refused file; the rest are counted.
MAX_LISTED_ERRORS = 100


@dataclass
class ImportResult:
    created: object  # csr.indicator.value recordsets
    updated: object


class ValueImport:
    def __init__(self, company):
        company.ensure_one()
        self.company = company
        self.env = company.env
        self._ = self.env._

    # -- import -------------------------------------------------------------

    def run(self, content):
        rows = self._read(content)
        indicators = self._indicators()
        periods = self.env["csr.period"].search(
            [
                ("company_id", "=", self.company.id),
                ("name", "in", sorted({row.period for row in rows if row.period})),
            ]
        )
        existing = self._existing_values(rows, indicators, periods)
        accepted, errors = sheet.check_rows(
            rows,
            self._indicator_specs(indicators),
            {period.name: period.state == "locked" for period in periods},
            {key: value.state for key, value in existing.items()},
        )
        if errors:
            raise UserError(self._error_report(errors))
        result = self._store(accepted, indicators, periods, existing)
        self._check_plausible(accepted, result.created | result.updated)
        return result

    def _check_plausible(self, accepted, values):
        """The checks of a typed figure, on every imported one: a flagged row
        without a comment that confirms it stops the import (nothing is kept,
        the transaction is rolled back)."""
        flagged = plausibility.flags_of(values.filtered(lambda v: v.source == "manual"))
        row_of = {
            (line.code.upper(), line.period): line.row.number for line in accepted
        }
        problems = sorted(
            (
                row_of.get((value.code.upper(), value.period_id.name), 0),
                value.code,
                "; ".join(reasons),
            )
            for value, reasons in flagged.items()
            if not value.comment
        )
        if not problems:
            return
        _ = self._
        lines = [
            _(
                "Nothing was imported: %(count)s figure(s) look implausible. If "
                "they are right, say why in their comment column; else correct "
                "them, and import the file again.",
                count=len(problems),
            )
        ]
        for row, code, reasons in problems[:MAX_LISTED_ERRORS]:
            lines.append(
                _(
                    "Row %(row)s (%(code)s): %(reasons)s.",
                    row=row,
                    code=code,
                    reasons=reasons,
                )
            )
        hidden = len(problems) - MAX_LISTED_ERRORS
        if hidden > 0:
            lines.append(_("… and %(count)s more problem(s).", count=hidden))
        raise UserError("\n".join(lines))

    def _read(self, content):
        _ = self._
        try:
            rows = sheet.read_rows(content)
        except sheet.BrokenSheet as broken:
            raise UserError(
                _(
                    "The sheet could not be read after row %(row)s: a cell of the "
                    "next row is damaged (for instance a number cell holding "
                    "text). Open the file in Excel or LibreOffice, retype that "
                    "row and save it again as .xlsx.",
                    row=broken.row,
                )
            ) from None
        except sheet.FileTooLarge as too_large:
            raise UserError(self._too_large_message(too_large)) from None
        except sheet.TooManyRows as too_many:
            raise UserError(self._too_many_rows_message(too_many)) from None
        except sheet.NotXlsx:
            raise UserError(
                _(
                    "The file is not an Excel workbook (.xlsx). Save it as "
                    "\u201cExcel Workbook (.xlsx)\u201d, or start from the template."
                )
            ) from None
        except sheet.MissingColumns as missing:
            raise UserError(
                _(
                    "The header row lacks the column(s) %(columns)s. Name them as "
                    "in the template, or remove the header names to read the "
                    "columns by position (code, period, value, unit, comment).",
                    columns=", ".join(self._column_label(c) for c in missing.columns),
                )
            ) from None
        if not rows:
            raise UserError(_("The file holds no values to import."))
        return rows

    def _too_large_message(self, error):
        _ = self._
        size = f"{error.limit // (1024 * 1024)} MB"
        if error.unpacked:
            return _(
                "The workbook holds more than %(size)s of data once unpacked. "
                "Copy only the values to a new workbook (no images or other "
                "sheets) and import that one.",
                size=size,
            )
        return _(
            "The file is larger than %(size)s. Split the values into several "
            "files and import them one by one.",
            size=size,
        )

    def _too_many_rows_message(self, error):
        _ = self._
        if error.blank_included:
            return _(
                "The sheet has more than %(count)s rows, blank ones included. "
                "Delete the empty rows below the values, or copy the values to a "
                "new workbook, and import it again.",
                count=error.limit,
            )
        return _(
            "The file has more than %(count)s rows of values: nothing was "
            "imported. Split it into files of at most %(count)s rows and import "
            "them one by one.",
            count=error.limit,
        )

    def _indicators(self):
        """Upper-case code → indicator, among those the company may use."""
        indicators = self.env["csr.indicator"].search(
            [("company_id", "in", [False, self.company.id])]
        )
        return {indicator.code.upper(): indicator for indicator in indicators}

    def _indicator_specs(self, indicators):
        # A unit is accepted as spelled in any installed language.
        units = {code: set() for code in indicators}
        records = self.env["csr.indicator"].browse(
            [indicator.id for indicator in indicators.values()]
        )
        for lang, _name in self.env["res.lang"].get_installed():
            for indicator in records.with_context(lang=lang):
                units[indicator.code.upper()].add(sheet.normalise_unit(indicator.unit))
        return {
            code: sheet.IndicatorSpec(
                code=indicator.code,
                manual=indicator.source_type == "manual",
                value_type=indicator.value_type,
                allow_negative=indicator.allow_negative,
                units=frozenset(units[code]),
                unit=indicator.unit,
            )
            for code, indicator in indicators.items()
        }

    def _existing_values(self, rows, indicators, periods):
        """(upper-case code, period name) → the value already there."""
        wanted = {indicators[row.code].id for row in rows if row.code in indicators}
        values = self.env["csr.indicator.value"].search(
            [
                ("company_id", "=", self.company.id),
                ("period_id", "in", periods.ids),
                ("indicator_id", "in", list(wanted)),
            ]
        )
        return {
            (value.indicator_id.code.upper(), value.period_id.name): value
            for value in values
        }

    def _store(self, accepted, indicators, periods, existing):
        Value = self.env["csr.indicator.value"]
        period_by_name = {period.name: period for period in periods}
        to_create, updated = [], Value
        for line in accepted:
            vals = {"value": line.value}
            if line.row.comment:
                vals["comment"] = line.row.comment
            value = existing.get((line.row.code, line.period))
            if value:
                value.write(vals)
                updated |= value
            else:
                vals["indicator_id"] = indicators[line.row.code].id
                vals["period_id"] = period_by_name[line.period].id
                to_create.append(vals)
        return ImportResult(created=Value.create(to_create), updated=updated)

    # -- wording --------------------------------------------------------------

    def _error_report(self, errors):
        _ = self._
        rows = sorted({error.row for error in errors})
        lines = [
            _(
                "Nothing was imported: %(count)s row(s) have problems. Fix them "
                "and import the file again.",
                count=len(rows),
            )
        ]
        ordered = sorted(errors, key=lambda error: error.row)
        for error in ordered[:MAX_LISTED_ERRORS]:
            lines.append(
                _(
                    "Row %(row)s: %(problem)s.",
                    row=error.row,
                    problem=self._problem(error),
                )
            )
        hidden = len(ordered) - MAX_LISTED_ERRORS
        if hidden > 0:
            lines.append(_("… and %(count)s more problem(s).", count=hidden))
        return "\n".join(lines)

    def _problem(self, error):
        _ = self._
        label = self._column_label
        words = {
            sheet.EMPTY_CELLS: lambda p: _(
                "empty cell(s): %(columns)s",
                columns=", ".join(label(column) for column in p["columns"]),
            ),
            sheet.UNKNOWN_INDICATOR: lambda p: _(
                "unknown indicator code '%(code)s'", code=p["code"]
            ),
            sheet.NOT_MANUAL: lambda p: _(
                "%(code)s is computed by the system, it cannot be imported",
                code=p["code"],
            ),
            sheet.UNKNOWN_PERIOD: lambda p: _(
                "no period '%(period)s' in %(company)s (write the period's name, "
                "e.g. 2025-03, 2025-Q1 or 2025)",
                period=p["period"],
                company=self.company.name,
            ),
            sheet.PERIOD_LOCKED: lambda p: _(
                "period %(period)s is locked", period=p["period"]
            ),
            sheet.UNIT_MISMATCH: lambda p: _(
                "unit '%(unit)s' is not the unit of %(code)s, '%(expected)s'",
                unit=p["unit"],
                code=p["code"],
                expected=p["expected"],
            ),
            sheet.NOT_A_NUMBER: lambda p: (
                _("'%(value)s' is neither a number nor yes/no", value=p["value"])
                if p["yes_no"]
                else _("'%(value)s' is not a number", value=p["value"])
            ),
            sheet.IMPLAUSIBLE: lambda p: _(
                "%(code)s = %(value)s refused, %(reason)s",
                code=p["code"],
                value=p["value"],
                reason=self.env["csr.indicator.value"]._plausibility_reason(
                    p["reason"]
                ),
            ),
            sheet.NOT_DRAFT: lambda p: _(
                "the %(code)s value of %(period)s is %(state)s: a CSR manager must "
                "reset it to draft before it can be replaced",
                code=p["code"],
                period=p["period"],
                state=self._state_label(p["state"]),
            ),
            sheet.DUPLICATE: lambda p: _(
                "%(code)s for %(period)s already appears in row %(first)s",
                code=p["code"],
                period=p["period"],
                first=p["first"],
            ),
        }
        return words[error.kind](error.params)

    def _column_label(self, column):
        _ = self._
        return {
            "code": _("indicator code"),
            "period": _("period"),
            "value": _("value"),
            "unit": _("unit"),
            "comment": _("comment"),
        }[column]

    def _state_label(self, state):
        return selection_label(self.env["csr.indicator.value"], "state", state)

    # -- template -------------------------------------------------------------

    def template(self, period):
        """An .xlsx listing the manual indicators of the company still to
        fill for ``period``: code, period and unit filled in, value empty."""
        _ = self._
        if period.company_id != self.company:
            raise UserError(
                _(
                    "Period %(period)s belongs to another company.",
                    period=period.display_name,
                )
            )
        period._check_unlocked()
        indicators = self.env["csr.indicator"]._manual_applicable_to(self.company)
        # Submitted and validated values cannot be imported over: leave them out.
        frozen = (
            self.env["csr.indicator.value"]
            .search(
                [
                    ("period_id", "=", period.id),
                    ("indicator_id", "in", indicators.ids),
                    ("state", "!=", "draft"),
                ]
            )
            .indicator_id
        )
        lines = [
            (indicator.code, period.name, indicator.unit, indicator.name)
            for indicator in indicators - frozen
        ]
        return sheet.build_template(
            sheet.template_headers(self.env.lang),
            _("Indicator (for reading only, not imported)"),
            lines,
            notes={
                2: _(
                    "Type the figure in the unit of column D: a dot or a comma as "
                    "decimal mark, no thousands separator. Yes/no indicators: 1 "
                    "or 0, yes or no."
                ),
                5: _(
                    "Shown to help you fill in the file; this column is ignored "
                    "on import. Delete the rows you do not fill in: a row without "
                    "a value is refused."
                ),
            },
        )
