# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The accountants' workbook: the report data of one or more companies as an
XLSX file, built from ``ReportData.build`` only (no query of its own).

``build_workbook`` is a plain function: give it the reports and the labels
of ``workbook_labels(env)`` and it returns the file's bytes. Every figure is
a number cell (a yes/no indicator stays 1 / 0 shown as Yes / No, a share of
40 % is the number 0.4 shown as 40.00 %), so an accountant can sum, filter
and pivot it. Several companies share one sheet per pillar, with a company
column; their comparison periods are lined up by date.

Rows are written in order, sheet by sheet, so that the workbook can use
xlsxwriter's constant-memory mode.
"""

import math
import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime
from io import BytesIO

import pytz
import xlsxwriter

from ..services.ghg_inventory import GAS_COLUMNS

SHEET_NAME_MAX = 31
FORBIDDEN_IN_SHEET_NAME = re.compile(r"[\[\]:*?/\\]")
URL_MAX = 255  # Excel refuses longer hyperlinks
WORKBOOK_OPTIONS = {
    "constant_memory": True,
    # A name or comment typed as "=..." stays text, never a formula.
    "strings_to_formulas": False,
    "strings_to_urls": False,
}
QUANTITY_FORMAT = "#,##0.00"
RATIO_FORMAT = "#,##0.00##"
PERCENT_FORMAT = "0.00%"
TONNES_FORMAT = "#,##0.000"  # tonnes of CO2e to the kilogram
SCORE_FORMAT = "0.00"
DATE_FORMAT = "yyyy-mm-dd"
DATETIME_FORMAT = "yyyy-mm-dd hh:mm"


# -- sheet names ----------------------------------------------------------------


def sheet_name(name, taken, fallback="Sheet"):
    """An Excel-safe sheet name for ``name``, unique among ``taken`` (a set of
    lower-case names, updated): at most 31 characters, none of []:*?/\\, no
    apostrophe at either end; a clash gets a " (2)", " (3)"... suffix.

    >>> taken = set()
    >>> sheet_name("Energy: [scope 1/2]?", taken)
    'Energy scope 12'
    >>> sheet_name("x" * 40, taken) == "x" * 31
    True
    >>> sheet_name("X" * 35, taken) == "X" * 27 + " (2)"
    True
    >>> sheet_name("'*'", taken)
    'Sheet'
    """
    base = FORBIDDEN_IN_SHEET_NAME.sub("", name or "").strip().strip("'").strip()
    base = base or fallback
    candidate = base[:SHEET_NAME_MAX].rstrip()
    number = 1
    while candidate.lower() in taken:
        number += 1
        suffix = f" ({number})"
        candidate = base[: SHEET_NAME_MAX - len(suffix)].rstrip() + suffix
    taken.add(candidate.lower())
    return candidate


# -- labels -----------------------------------------------------------------------


def workbook_labels(env):
    """Every text of the workbook, in the language of ``env``."""
    _ = env._
    return {
        # sheets
        "about_sheet": _("About"),
        "sources_sheet": _("Sources"),
        "manual_sheet": _("Manual inputs"),
        "actions_sheet": _("Actions"),
        "factors_sheet": _("Emission factors"),
        # about
        "title": _("CSR report"),
        "generated_on": _("Generated on"),
        "times_in_zone": _("Dates and times are in the time zone %(zones)s."),
        "percent_note": _(
            "Shares are Excel percentages: 40 % is stored as 0.4. Yes / no "
            "figures are stored as 1 / 0."
        ),
        "company": _("Company"),
        "period": _("Period"),
        "start": _("Start"),
        "end": _("End"),
        "currency": _("Currency"),
        "index": _("CSR index"),
        "previous_index": _("Previous index"),
        "index_change": _("Change (points)"),
        "completeness": _("Completeness"),
        "scored_on": _("Scored on"),
        "revision": _("Scorecard revision"),
        "scored_now": _(
            "Scored at export, from the current values (the period is open)"
        ),
        # indicators
        "code": _("Code"),
        "indicator": _("Indicator"),
        "unit": _("Unit"),
        "target": _("Target"),
        "status": _("Status"),
        "source": _("Source"),
        "state": _("Validation state"),
        "frameworks": _("Frameworks"),
        "warning": _("To check"),
        # sources
        "method": _("Method"),
        "definition": _("Definition"),
        "detail": _("Detail"),
        "own_source": _("Company's own source"),
        # manual inputs
        "value": _("Value"),
        "entered_by": _("Entered by"),
        "entered_on": _("Entered on"),
        "validated_by": _("Validated by"),
        "validated_on": _("Validated on"),
        "evidence": _("Evidence"),
        "comment": _("Comment"),
        # actions
        "action": _("Action"),
        "pillar": _("Pillar"),
        "responsible": _("Responsible"),
        "deadline": _("Deadline"),
        "action_state": _("State"),
        "overdue": _("Overdue"),
        "days_overdue": _("Days overdue"),
        "baseline": _("Baseline"),
        "priority": _("Priority"),
        # emission factors
        "activity": _("Activity"),
        "scope": _("GHG scope"),
        "where": _("Country or region"),
        "factor": _("kgCO2e per unit"),
        "per_unit": _("Per"),
        "citation": _("Citation"),
        "url": _("URL"),
        "indicators": _("Indicators"),
        # greenhouse-gas inventory
        "ghg_sheet": _("GHG inventory"),
        "ghg_category": _("Scope 3 category"),
        "ghg_tier": _("Method"),
        "ghg_source": _("Source"),
        "ghg_total": _("Total tCO2e"),
        "ghg_biogenic": _("Biogenic tCO2"),
        "ghg_outside": _("Outside the scopes, tCO2e"),
        "ghg_scope_1": _("Scope 1"),
        "ghg_scope_2_location": _("Scope 2, location-based"),
        "ghg_scope_2_market": _("Scope 2, market-based"),
        "ghg_scope_1_2": _("Scope 1 and 2 (location-based)"),
        "ghg_scope_3": _("Scope 3, screened categories (not added to Scope 1 and 2)"),
        "ghg_biogenic_total": _("Biogenic CO2, outside the scopes"),
        "ghg_outside_total": _(
            "HCFC leaks (Montreal Protocol gases), outside the scopes"
        ),
        "ghg_gwp": _("Warming potentials: %(set)s"),
        "ghg_base_year": _(
            "Base year %(year)s, Scope 1 and 2 (location-based), same months"
        ),
        "ghg_caveats": _("Boundaries and caveats"),
        # cell texts
        "yes": _("Yes"),
        "no": _("No"),
    }


# -- formats and cells -------------------------------------------------------------


def _quoted(text):
    """A literal for an Excel number format (which cannot hold a double quote)."""
    return '"{}"'.format(text.replace('"', "'"))


class Formats:
    """The workbook's cell formats, each made once and reused."""

    def __init__(self, workbook, labels):
        self.workbook = workbook

        def add(properties):
            # Every cell at the top of its row: a row made tall by a wrapped
            # text keeps its figures level with its name.
            return workbook.add_format({"valign": "top", **properties})

        self.add = add
        self.title = add({"bold": True, "font_size": 14})
        self.bold = add({"bold": True})
        self.header = add(
            {
                "bold": True,
                "bg_color": "#DCE6F1",
                "bottom": 1,
                "text_wrap": True,
                "valign": "top",
            }
        )
        self.section = add({"bold": True, "bg_color": "#F2F2F2"})
        self.text = add({"valign": "top"})
        self.wrap = add({"text_wrap": True, "valign": "top"})
        self.date = add({"num_format": DATE_FORMAT})
        self.datetime = add({"num_format": DATETIME_FORMAT})
        self.integer = add({"num_format": "0"})
        self.score = add({"num_format": SCORE_FORMAT})
        self.percent = add({"num_format": PERCENT_FORMAT})
        self.ratio = add({"num_format": RATIO_FORMAT})
        self.tonnes = add({"num_format": TONNES_FORMAT})
        yes, no = _quoted(labels["yes"]), _quoted(labels["no"])
        self.yes_no = add({"num_format": f"{yes};{yes};{no}"})
        # A count shown as "Yes (2)" or "No": evidence attached or not.
        self.yes_count = add({"num_format": f'{yes[:-1]} ("0")";;{no}'})
        self._by_value_type = {
            "quantity": add({"num_format": QUANTITY_FORMAT}),
            "ratio": self.ratio,
            "percentage": self.percent,
            "boolean": self.yes_no,
        }
        self._money = {}

    def for_value(self, value_type, currency="", decimals=2):
        """The format of an indicator figure of this value type."""
        if value_type != "monetary":
            return self._by_value_type.get(value_type, self.ratio)
        key = (currency, decimals)
        if key not in self._money:
            number = "#,##0" + ("." + "0" * decimals if decimals > 0 else "")
            if currency:
                number = f"{number} {_quoted(currency)}"
            self._money[key] = self.add({"num_format": number})
        return self._money[key]

    def figure(self, report, value_type, unit):
        """The cell maker of one indicator's figures in ``report``: each
        number becomes the (Excel number, format) pair of its kind."""
        kind = excel_type(value_type, unit)
        number_format = self.for_value(
            kind, report.currency_name, report.currency_decimals
        )
        return lambda value: (excel_number(kind, value), number_format)


def excel_type(value_type, unit):
    """How a figure is shown in Excel: rates in % that may pass 100 (staff
    turnover) are still percentages there, whatever their value type.

    >>> excel_type("ratio", " % "), excel_type("ratio", "days")
    ('percentage', 'ratio')
    """
    return "percentage" if (unit or "").strip() == "%" else value_type


def excel_number(value_type, value):
    """The number an indicator figure is stored as: shares (0-100) become
    Excel fractions so that the percent format shows them right. Pass the
    type ``excel_type`` gives.

    >>> excel_number("percentage", 40.0), excel_number("quantity", 40.0)
    (0.4, 40.0)
    >>> excel_number("percentage", None) is None
    True
    """
    if value is None:
        return None
    return value / 100.0 if value_type == "percentage" else value


def shown_width(value, num_format):
    """How many characters Excel or LibreOffice needs to show the number
    ``value`` in ``num_format`` (a format of this workbook): a column at
    least that wide (plus a margin) never shows ``###``.

    >>> shown_width(3556131834.0, '#,##0.00 "COP"')
    20
    >>> shown_width(-0.4, "0.00%")
    7
    >>> shown_width(1, '"Yes";"Yes";"No"')
    3
    >>> shown_width(12, '"Sí ("0")";;"No"')
    7
    >>> shown_width(12.5, "#,##0.00##")
    5
    """
    if ";" in num_format:  # sections: yes / no texts, a count in brackets
        number = str(int(value))
        return max(
            sum(
                len(piece) if index % 2 else len(piece.replace("0", number))
                for index, piece in enumerate(part.split('"'))
            )
            for part in num_format.split(";")
        )
    literal = "".join(re.findall(r'"([^"]*)"', num_format))
    pattern = re.sub(r'"[^"]*"', "", num_format)
    spaces = pattern.count(" ")
    pattern = pattern.strip()
    percent = pattern.endswith("%")
    number = value * 100 if percent else value
    _whole, _dot, fraction = pattern.rstrip("%").partition(".")
    least, most = len(fraction.rstrip("#")), len(fraction)
    group = "," if "," in pattern else ""
    shown = f"{number:{group}.{most}f}"
    while most > least and shown.endswith("0"):  # optional decimals
        shown, most = shown[:-1], most - 1
    shown = shown.rstrip(".")
    return len(shown) + (1 if percent else 0) + len(literal) + spaces


ROW_HEIGHT = 15  # points per line of text
MAX_LINES = 10  # a longer text is cut in print; the cell keeps it all


def wrapped_lines(text, width):
    r"""Lines a text takes in a wrapped cell ``width`` characters wide.

    >>> wrapped_lines("Value distributed: payments to providers of capital", 36)
    2
    >>> wrapped_lines("one\ntwo", 36), wrapped_lines("", 10)
    (2, 1)
    """
    usable = max(int(width) - 2, 1)
    return max(
        1,
        sum(max(1, math.ceil(len(line) / usable)) for line in text.split("\n")),
    )


DATE_WIDTH = {DATE_FORMAT: len("2026-12-31"), DATETIME_FORMAT: len("2026-12-31 23:59")}
MARGIN = 2  # characters left around a number, so that it never shows ###
TEXT_WIDTH_MAX = 30  # a one-line text widens its column up to this
LANDSCAPE_FROM = 100  # a sheet wider than this (in characters) prints landscape
# A sheet wider than this prints two pages wide, its key columns repeated:
# one page would shrink its text below reading size.
TWO_PAGES_FROM = 200


class Sheet:
    """One worksheet written row after row (constant-memory mode wants it).

    Each column is as wide as its declared width, widened to show every
    number, date and one-line text written in it; the sheet prints fitted
    to the page width, landscape when wide, its header on every page."""

    def __init__(self, workbook, name, widths=(), default_format=None):
        self.worksheet = workbook.add_worksheet(name)
        self.default_format = default_format
        self.row = 0
        self.width = 0
        self.widths = list(widths)
        self.header_rows = 0

    def write_row(self, cells, cell_format=None):
        """Write ``cells`` (values, or (value, format) pairs) on the next row,
        tall enough for its wrapped texts (no spreadsheet grows a row by
        itself when it opens the file)."""
        lines = 1
        for column, cell in enumerate(cells):
            value, own_format = cell if isinstance(cell, tuple) else (cell, None)
            if isinstance(value, str) and getattr(
                own_format or cell_format, "text_wrap", 0
            ):
                width = self.widths[column] if column < len(self.widths) else 10
                lines = max(lines, wrapped_lines(value, width))
        if lines > 1:
            self.worksheet.set_row(self.row, ROW_HEIGHT * min(lines, MAX_LINES))
        for column, cell in enumerate(cells):
            value, own_format = cell if isinstance(cell, tuple) else (cell, None)
            self._write(column, value, own_format or cell_format or self.default_format)
        self.width = max(self.width, len(cells))
        self.row += 1

    def skip_row(self):
        self.row += 1

    def _needs(self, column, characters):
        while len(self.widths) <= column:
            self.widths.append(10)
        self.widths[column] = max(self.widths[column], characters)

    def _write(self, column, value, cell_format):
        sheet, row = self.worksheet, self.row
        num_format = getattr(cell_format, "num_format", 0) or ""
        if value is None or value == "":
            if cell_format is not None:
                sheet.write_blank(row, column, None, cell_format)
        elif isinstance(value, bool):  # bool is an int: keep it a 1 / 0 number
            sheet.write_number(row, column, int(value), cell_format)
            self._needs(column, shown_width(int(value), num_format) + MARGIN)
        elif isinstance(value, int | float):
            sheet.write_number(row, column, value, cell_format)
            self._needs(column, shown_width(value, num_format or "0.##") + MARGIN)
        elif isinstance(value, date | datetime):
            sheet.write_datetime(row, column, value, cell_format)
            self._needs(column, DATE_WIDTH.get(num_format, 16) + MARGIN)
        else:
            sheet.write_string(row, column, str(value), cell_format)
            if not getattr(cell_format, "text_wrap", 0) and "\n" not in str(value):
                self._needs(column, min(len(str(value)) + MARGIN, TEXT_WIDTH_MAX))

    def write_url(self, column, url):
        """A link when it is one Excel accepts, else the plain text."""
        if url.startswith(("http://", "https://")) and len(url) <= URL_MAX:
            self.worksheet.write_url(self.row, column, url, string=url)
        elif url:
            self.worksheet.write_string(self.row, column, url)

    def table(self, header_rows=1, frozen_columns=0):
        """Freeze the header (and first columns) and filter the rows below."""
        self.header_rows = header_rows
        self.worksheet.freeze_panes(header_rows, frozen_columns)
        if self.width:
            last_row = max(self.row - 1, header_rows - 1)
            self.worksheet.autofilter(header_rows - 1, 0, last_row, self.width - 1)

    def finish(self, footer="", key_columns=0):
        """Set the column widths and the print setup, once every row is in:
        one page wide (two for a very wide sheet, its ``key_columns``
        repeated on each), as many pages long as needed."""
        sheet = self.worksheet
        for column, width in enumerate(self.widths):
            sheet.set_column(column, column, width)
        sheet.set_paper(9)  # A4
        total = sum(self.widths)
        if total > LANDSCAPE_FROM:
            sheet.set_landscape()
        wide = total > TWO_PAGES_FROM and key_columns
        sheet.fit_to_pages(2 if wide else 1, 0)
        if wide:
            sheet.repeat_columns(0, key_columns - 1)
        sheet.set_margins(left=0.4, right=0.4, top=0.6, bottom=0.6)
        if self.header_rows:
            sheet.repeat_rows(0, self.header_rows - 1)
        sheet.set_footer(f"&L{_footer_text(footer)}&R&P / &N")


def _footer_text(text):
    """Text safe in an Excel header or footer (``&`` starts a code there)."""
    return (text or "").replace("&", "&&")[:200]


# -- columns ----------------------------------------------------------------------


@dataclass(frozen=True)
class Col:
    """One column of a table sheet, declared once: the key of its title in
    ``workbook_labels`` (or the title itself), its least width in characters,
    how a row gives its cell, and the format of that cell when the getter
    gives a bare value (a name of ``Formats``)."""

    key: str
    width: float
    get: Callable
    format: str = ""
    title: str = ""

    def header(self, labels):
        return self.title or labels[self.key]

    def cell(self, builder, report, row):
        value = self.get(builder, report, row)
        if self.format and not isinstance(value, tuple):
            return (value, getattr(builder.formats, self.format))
        return value


def _attr(name):
    return lambda _builder, _report, row: getattr(row, name)


def _figure(name):
    """A figure of the row, written like its indicator (currency, percent)."""
    return lambda builder, report, row: builder.formats.figure(
        report, row.value_type, row.unit
    )(getattr(row, name))


def _local(name):
    """A date and time of the row, in the company's time zone."""
    return lambda _builder, report, row: local_time(getattr(row, name), report.tz)


def local_time(moment, tz):
    """A UTC datetime (as Odoo stores it) in the time zone ``tz``, naive.

    >>> local_time(datetime(2026, 12, 1, 3, 0), "America/Bogota")
    datetime.datetime(2026, 11, 30, 22, 0)
    >>> local_time(None, "America/Bogota") is None
    True
    """
    if not isinstance(moment, datetime):
        return moment
    zone = pytz.timezone(tz or "UTC")
    return pytz.utc.localize(moment).astimezone(zone).replace(tzinfo=None)


PILLAR_HEAD = (
    Col("code", 12, _attr("code")),
    Col("indicator", 36, _attr("name"), "wrap"),
    Col("unit", 12, _attr("unit")),
)
PILLAR_TAIL = (
    Col("target", 14, _figure("target")),
    Col("status", 12, _attr("status")),
    Col("source", 18, _attr("source_label"), "wrap"),
    Col("state", 14, _attr("state_label")),
    Col("frameworks", 22, lambda _b, _r, row: ", ".join(row.frameworks), "wrap"),
    Col("warning", 40, _attr("warning"), "wrap"),
)
MANUAL_COLUMNS = (
    Col("code", 12, _attr("code")),
    Col("indicator", 40, _attr("name")),
    Col("value", 14, _figure("value")),
    Col("unit", 12, _attr("unit")),
    Col("entered_by", 22, _attr("entered_by")),
    Col("entered_on", 17, _local("entered_on"), "datetime"),
    Col("validated_by", 22, _attr("validated_by")),
    Col("validated_on", 17, _local("validated_on"), "datetime"),
    Col("state", 14, _attr("state_label")),
    Col("evidence", 10, _attr("evidence_count"), "yes_count"),
    Col("comment", 40, _attr("comment"), "wrap"),
)
ACTION_COLUMNS = (
    Col("action", 40, _attr("name"), "wrap"),
    Col("pillar", 16, _attr("pillar_label")),
    Col("responsible", 22, _attr("responsible")),
    Col("deadline", 12, _attr("deadline"), "date"),
    Col("action_state", 14, _attr("state_label")),
    Col("overdue", 10, _attr("overdue"), "yes_no"),
    Col("days_overdue", 10, _attr("days_overdue"), "integer"),
    Col("indicator", 12, _attr("indicator_code")),
    Col("baseline", 12, _figure("baseline")),
    Col("target", 12, _figure("target")),
    Col("priority", 12, _attr("priority")),
)
FACTOR_COLUMNS = (
    Col("activity", 30, _attr("activity")),
    Col("scope", 16, _attr("scope_label")),
    Col("where", 18, _attr("where")),
    Col("factor", 14, _attr("kgco2e_per_unit"), "ratio"),
    Col("per_unit", 10, _attr("per_unit")),
    Col("citation", 50, _attr("citation"), "wrap"),
    Col("url", 40, lambda _b, _r, _row: None),  # written as a link
    Col("indicators", 18, lambda _b, _r, row: ", ".join(row.indicator_codes)),
)
SOURCE_COLUMNS = (
    Col("code", 12, lambda _b, _r, line: line[0].code),
    Col("indicator", 40, lambda _b, _r, line: line[0].name),
    Col("method", 26, lambda _b, _r, line: line[0].method),
    Col("definition", 22, lambda _b, _r, line: line[1]),
    Col("detail", 50, lambda _b, _r, line: line[2], "wrap"),
    Col("own_source", 12, lambda _b, _r, line: line[0].own_to_company, "yes_no"),
)
ABOUT_COLUMNS = (
    Col("company", 34, lambda _b, report, _row: report.company_name),
    Col("period", 14, lambda _b, report, _row: report.period.name),
    Col("start", 12, lambda _b, report, _row: report.period.date_from, "date"),
    Col("end", 12, lambda _b, report, _row: report.period.date_to, "date"),
    Col("currency", 10, lambda _b, report, _row: report.currency_name),
    Col("index", 12, lambda _b, report, _row: report.index, "score"),
    Col("previous_index", 14, lambda _b, report, _row: report.previous_index, "score"),
    Col("index_change", 16, lambda _b, report, _row: report.index_change, "score"),
    Col(
        "completeness",
        14,
        lambda _b, report, _row: report.completeness / 100.0,
        "percent",
    ),
    Col(
        "scored_on",
        22,
        lambda b, report, _row: (
            local_time(report.scored_on, report.tz)
            if report.scored_on
            else (b.labels["scored_now"], b.formats.wrap)
        ),
        "datetime",
    ),
    Col("revision", 16, lambda _b, report, _row: report.revision or None, "integer"),
)


# -- the workbook ----------------------------------------------------------------


def build_workbook(reports, labels):
    """The XLSX bytes of ``reports`` (``CompanyReport`` of ``ReportData``).

    Sheets: About, one per pillar, Sources, Manual inputs, Actions, Emission
    factors. A company column opens each table when there are several
    companies.
    """
    output = BytesIO()
    workbook = xlsxwriter.Workbook(output, WORKBOOK_OPTIONS)
    formats = Formats(workbook, labels)
    builder = _WorkbookBuilder(workbook, formats, labels, reports)
    builder.build()
    workbook.close()
    return output.getvalue()


COMPANY_COLUMN = Col("company", 28, lambda _b, report, _row: report.company_name)


class _WorkbookBuilder:
    def __init__(self, workbook, formats, labels, reports):
        self.workbook = workbook
        self.formats = formats
        self.labels = labels
        self.reports = list(reports)
        self.several = len({report.company_id for report in self.reports}) > 1
        self.lead = 1 if self.several else 0  # the company column
        self.taken = set()
        self.footer = ", ".join(dict.fromkeys(r.company_name for r in self.reports))

    def build(self):
        self._about()
        for key, label in self._pillars():
            self._pillar(key, label)
        self._table(self.labels["sources_sheet"], SOURCE_COLUMNS, self._source_lines)
        self._table(
            self.labels["manual_sheet"],
            MANUAL_COLUMNS,
            lambda report: report.manual_rows,
        )
        self._table(
            self.labels["actions_sheet"], ACTION_COLUMNS, lambda report: report.actions
        )
        self._ghg()
        self._factors()

    def _pillars(self):
        """The pillars in the order of the first report (all share them)."""
        pillars = {}
        for report in self.reports:
            for pillar in report.pillars:
                pillars.setdefault(pillar.key, pillar.label)
        return list(pillars.items())

    def _table(self, name, columns, rows_of, frozen=1, before_row=None):
        """A sheet of one row per item of ``rows_of(report)``, in the
        declared columns (the company's first when there are several)."""
        if self.several:
            columns = (COMPANY_COLUMN, *columns)
        sheet = Sheet(
            self.workbook,
            sheet_name(name, self.taken),
            [column.width for column in columns],
            default_format=self.formats.text,
        )
        sheet.write_row(
            [column.header(self.labels) for column in columns], self.formats.header
        )
        for report in self.reports:
            for row in rows_of(report):
                if before_row:
                    before_row(sheet, row)
                sheet.write_row([c.cell(self, report, row) for c in columns])
        sheet.table(frozen_columns=self.lead + frozen)
        sheet.finish(self.footer, key_columns=self.lead + frozen)
        return sheet

    # -- About ------------------------------------------------------------------

    def _about(self):
        labels, formats = self.labels, self.formats
        sheet = Sheet(
            self.workbook,
            sheet_name(labels["about_sheet"], self.taken),
            [column.width for column in ABOUT_COLUMNS],
        )
        sheet.write_row([(labels["title"], formats.title)])
        today = self.reports[0].today if self.reports else date.today()
        sheet.write_row([(labels["generated_on"], formats.bold), (today, formats.date)])
        zones = ", ".join(dict.fromkeys(report.tz for report in self.reports))
        sheet.write_row([(labels["times_in_zone"] % {"zones": zones or "UTC"}, None)])
        sheet.write_row([labels["percent_note"]])
        sheet.skip_row()
        sheet.write_row(
            [column.header(labels) for column in ABOUT_COLUMNS], formats.header
        )
        for report in self.reports:
            sheet.write_row([c.cell(self, report, None) for c in ABOUT_COLUMNS])
        # The notes of the first rows must not widen the table's first column.
        sheet.widths[0] = ABOUT_COLUMNS[0].width
        sheet.finish(self.footer)

    # -- pillar sheets ------------------------------------------------------------

    def _period_keys(self):
        """Every column of every report, lined up by date, oldest first."""
        names = {}
        for report in self.reports:
            for column in report.columns:
                names.setdefault(_column_key(column), column.name)
        return sorted(names.items())

    def _pillar(self, key, label):
        periods = [
            Col("", 14, _history_figure(period_key), title=name)
            for period_key, name in self._period_keys()
        ]

        def rows_of(report):
            block = next((p for p in report.pillars if p.key == key), None)
            return block.indicators if block else ()

        self._table(label, (*PILLAR_HEAD, *periods, *PILLAR_TAIL), rows_of, frozen=2)

    # -- Sources ------------------------------------------------------------------

    @staticmethod
    def _source_lines(report):
        """One line per (source, definition label, text)."""
        return [
            (source, label, text)
            for source in report.sources
            for label, text in source.definition or (("", ""),)
        ]

    # -- Emission factors -----------------------------------------------------------

    def _factors(self):
        url_column = self.lead + [c.key for c in FACTOR_COLUMNS].index("url")
        self._table(
            self.labels["factors_sheet"],
            FACTOR_COLUMNS,
            lambda report: report.factors,
            before_row=lambda sheet, factor: sheet.write_url(url_column, factor.url),
        )

    # -- GHG inventory -----------------------------------------------------------

    def _ghg(self):
        """The greenhouse-gas inventory as the GHG Protocol lays it out: a
        row per scope and source, gas by gas, then the totals, what is
        reported apart, the GWP set, the base year and the caveats."""
        reports = [r for r in self.reports if r.ghg and r.ghg.rows]
        if not reports:
            return
        labels, formats = self.labels, self.formats
        gas_labels = {}
        for report in reports:
            gas_labels.update(report.ghg.gas_labels)
        gases = [gas for gas in GAS_COLUMNS if gas in gas_labels]
        columns = (
            Col("scope", 30, _attr("scope_label"), "wrap"),
            Col("ghg_category", 10, _attr("category")),
            Col("ghg_tier", 16, _attr("tier_label")),
            Col("ghg_source", 30, _attr("source")),
            *(Col("", 12, _gas(gas), "tonnes", title=gas_labels[gas]) for gas in gases),
            Col("ghg_total", 14, _in_scopes_total, "tonnes"),
            Col("ghg_biogenic", 14, _attr("biogenic_tco2"), "tonnes"),
            Col("ghg_outside", 14, _attr("outside_scopes_tco2e"), "tonnes"),
        )
        if self.several:
            columns = (COMPANY_COLUMN, *columns)
        sheet = Sheet(
            self.workbook,
            sheet_name(labels["ghg_sheet"], self.taken),
            [column.width for column in columns],
        )
        sheet.write_row([c.header(labels) for c in columns], formats.header)
        for report in reports:
            for row in report.ghg.rows:
                sheet.write_row([c.cell(self, report, row) for c in columns])
        sheet.table(frozen_columns=self.lead)
        source_column = self.lead + 3
        total_column = len(columns) - 3
        for report in reports:
            sheet.skip_row()
            for text, value, style in _ghg_summary(report, labels):
                cells = [None] * (total_column + 1)
                if self.several:
                    cells[0] = report.company_name
                cells[source_column] = (text, formats.bold if style else None)
                if value is not None:
                    cells[total_column] = (value, formats.tonnes)
                sheet.write_row(cells)
            sheet.write_row([(labels["ghg_caveats"], formats.bold)])
            for text in report.ghg.exclusions:
                sheet.write_row([(text, None)])
        sheet.finish(self.footer)


def _gas(gas):
    return lambda _builder, _report, row: row.by_gas.get(gas)


def _in_scopes_total(_builder, _report, row):
    return row.tco2e if row.by_gas else None


def _ghg_summary(report, labels):
    """(label, tonnes, style) lines under the inventory of one company."""
    ghg = report.ghg
    lines = [
        (labels["ghg_scope_1"], ghg.totals.get("1", 0.0), ""),
        (labels["ghg_scope_2_location"], ghg.totals.get("2_location", 0.0), ""),
        (labels["ghg_scope_2_market"], ghg.totals.get("2_market", 0.0), ""),
        (labels["ghg_scope_1_2"], ghg.scope_1_and_2, "bold"),
    ]
    if "3" in ghg.totals:
        lines.append((labels["ghg_scope_3"], ghg.totals["3"], ""))
    lines.append((labels["ghg_biogenic_total"], ghg.biogenic_tco2, ""))
    if ghg.outside_scopes_tco2e:
        lines.append((labels["ghg_outside_total"], ghg.outside_scopes_tco2e, ""))
    lines.append((labels["ghg_gwp"] % {"set": ghg.gwp_label}, None, ""))
    if ghg.base_year:
        lines.append(
            (labels["ghg_base_year"] % {"year": ghg.base_year}, ghg.base_year_tco2e, "")
        )
    return lines


def _history_figure(period_key):
    """The row's figure of one comparison period, by the period's dates."""

    def get(builder, report, row):
        values = dict(
            zip(
                (_column_key(column) for column in report.columns),
                row.history,
                strict=True,
            )
        )
        return builder.formats.figure(report, row.value_type, row.unit)(
            values.get(period_key)
        )

    return get


def _column_key(column):
    return (column.date_from, column.date_to, column.kind)
