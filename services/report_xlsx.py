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

import re
from datetime import date, datetime
from io import BytesIO

import xlsxwriter

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
        "times_in_utc": _("Dates and times are in UTC."),
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
        "scope": _("Scope"),
        "where": _("Country or region"),
        "factor": _("kgCO2e per unit"),
        "per_unit": _("Per"),
        "citation": _("Citation"),
        "url": _("URL"),
        "indicators": _("Indicators"),
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
        add = workbook.add_format
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
            self._money[key] = self.workbook.add_format({"num_format": number})
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


class Sheet:
    """One worksheet written row after row (constant-memory mode wants it)."""

    def __init__(self, workbook, name, widths=()):
        self.worksheet = workbook.add_worksheet(name)
        self.row = 0
        self.width = 0
        for column, width in enumerate(widths):
            self.worksheet.set_column(column, column, width)

    def write_row(self, cells, cell_format=None):
        """Write ``cells`` (values, or (value, format) pairs) on the next row."""
        for column, cell in enumerate(cells):
            value, own_format = cell if isinstance(cell, tuple) else (cell, None)
            self._write(column, value, own_format or cell_format)
        self.width = max(self.width, len(cells))
        self.row += 1

    def skip_row(self):
        self.row += 1

    def _write(self, column, value, cell_format):
        sheet, row = self.worksheet, self.row
        if value is None or value == "":
            if cell_format is not None:
                sheet.write_blank(row, column, None, cell_format)
        elif isinstance(value, bool):  # bool is an int: keep it a 1 / 0 number
            sheet.write_number(row, column, int(value), cell_format)
        elif isinstance(value, int | float):
            sheet.write_number(row, column, value, cell_format)
        elif isinstance(value, date | datetime):
            sheet.write_datetime(row, column, value, cell_format)
        else:
            sheet.write_string(row, column, str(value), cell_format)

    def write_url(self, column, url):
        """A link when it is one Excel accepts, else the plain text."""
        if url.startswith(("http://", "https://")) and len(url) <= URL_MAX:
            self.worksheet.write_url(self.row, column, url, string=url)
        elif url:
            self.worksheet.write_string(self.row, column, url)

    def table(self, header_rows=1, frozen_columns=0):
        """Freeze the header (and first columns) and filter the rows below."""
        self.worksheet.freeze_panes(header_rows, frozen_columns)
        if self.width:
            last_row = max(self.row - 1, header_rows - 1)
            self.worksheet.autofilter(header_rows - 1, 0, last_row, self.width - 1)


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


class _WorkbookBuilder:
    def __init__(self, workbook, formats, labels, reports):
        self.workbook = workbook
        self.formats = formats
        self.labels = labels
        self.reports = list(reports)
        self.several = len({report.company_id for report in self.reports}) > 1
        self.lead = 1 if self.several else 0  # the company column
        self.taken = set()

    def build(self):
        self._about()
        for key, label in self._pillars():
            self._pillar(key, label)
        self._sources()
        self._manual_inputs()
        self._actions()
        self._factors()

    def _sheet(self, name, widths):
        if self.several:
            widths = (28, *widths)
        return Sheet(self.workbook, sheet_name(name, self.taken), widths)

    def _lead(self, report):
        """The company cell opening each row, when there are several."""
        return [report.company_name] if self.several else []

    def _header(self, sheet, titles):
        lead = [self.labels["company"]] if self.several else []
        sheet.write_row(lead + list(titles), self.formats.header)

    def _pillars(self):
        """The pillars in the order of the first report (all share them)."""
        pillars = {}
        for report in self.reports:
            for pillar in report.pillars:
                pillars.setdefault(pillar.key, pillar.label)
        return list(pillars.items())

    # -- About ------------------------------------------------------------------

    def _about(self):
        labels, formats = self.labels, self.formats
        sheet = Sheet(
            self.workbook,
            sheet_name(labels["about_sheet"], self.taken),
            (34, 14, 12, 12, 10, 12, 14, 16, 14, 22, 16),
        )
        sheet.write_row([(labels["title"], formats.title)])
        today = self.reports[0].today if self.reports else date.today()
        sheet.write_row([(labels["generated_on"], formats.bold), (today, formats.date)])
        sheet.write_row([labels["times_in_utc"]])
        sheet.write_row([labels["percent_note"]])
        sheet.skip_row()
        titles = [
            "company",
            "period",
            "start",
            "end",
            "currency",
            "index",
            "previous_index",
            "index_change",
            "completeness",
            "scored_on",
            "revision",
        ]
        sheet.write_row([labels[title] for title in titles], formats.header)
        for report in self.reports:
            sheet.write_row(self._about_row(report))

    def _about_row(self, report):
        formats = self.formats
        scored_on = report.scored_on or self.labels["scored_now"]
        return [
            report.company_name,
            report.period.name,
            (report.period.date_from, formats.date),
            (report.period.date_to, formats.date),
            report.currency_name,
            (report.index, formats.score),
            (report.previous_index, formats.score),
            (report.index_change, formats.score),
            (report.completeness / 100.0, formats.percent),
            (scored_on, formats.datetime),
            report.revision or self.labels["scored_now"],
        ]

    # -- pillar sheets ------------------------------------------------------------

    def _period_keys(self):
        """Every column of every report, lined up by date, oldest first."""
        names = {}
        for report in self.reports:
            for column in report.columns:
                names.setdefault(_column_key(column), column.name)
        return sorted(names.items())

    def _pillar(self, key, label):
        labels = self.labels
        periods = self._period_keys()
        sheet = self._sheet(
            label, (12, 44, 12, *(14 for _ in periods), 14, 16, 22, 16, 28, 60)
        )
        self._header(
            sheet,
            [labels["code"], labels["indicator"], labels["unit"]]
            + [name for _key, name in periods]
            + [
                labels["target"],
                labels["status"],
                labels["source"],
                labels["state"],
                labels["frameworks"],
                labels["warning"],
            ],
        )
        for report in self.reports:
            block = next((p for p in report.pillars if p.key == key), None)
            for row in block.indicators if block else ():
                sheet.write_row(self._indicator_cells(report, row, periods))
        sheet.table(frozen_columns=self.lead + 2)

    def _indicator_cells(self, report, row, periods):
        cell = self.formats.figure(report, row.value_type, row.unit)
        values = dict(
            zip(
                (_column_key(column) for column in report.columns),
                row.history,
                strict=True,
            )
        )
        figures = [cell(values.get(key)) for key, _name in periods]
        return [
            *self._lead(report),
            row.code,
            row.name,
            row.unit,
            *figures,
            cell(row.target),
            row.status,
            row.source_label,
            row.state_label,
            ", ".join(row.frameworks),
            (row.warning, self.formats.wrap),
        ]

    # -- Sources ------------------------------------------------------------------

    def _sources(self):
        labels = self.labels
        sheet = self._sheet(labels["sources_sheet"], (12, 40, 26, 22, 50, 12))
        self._header(
            sheet,
            [
                labels["code"],
                labels["indicator"],
                labels["method"],
                labels["definition"],
                labels["detail"],
                labels["own_source"],
            ],
        )
        for report in self.reports:
            for source in report.sources:
                own = (source.own_to_company, self.formats.yes_no)
                for label, text in source.definition or (("", ""),):
                    sheet.write_row(
                        [
                            *self._lead(report),
                            source.code,
                            source.name,
                            source.method,
                            label,
                            (text, self.formats.wrap),
                            own,
                        ]
                    )
        sheet.table(frozen_columns=self.lead + 1)

    # -- Manual inputs ----------------------------------------------------------

    def _manual_inputs(self):
        labels = self.labels
        sheet = self._sheet(
            labels["manual_sheet"], (12, 40, 14, 12, 22, 17, 22, 17, 14, 10, 40)
        )
        self._header(
            sheet,
            [
                labels["code"],
                labels["indicator"],
                labels["value"],
                labels["unit"],
                labels["entered_by"],
                labels["entered_on"],
                labels["validated_by"],
                labels["validated_on"],
                labels["state"],
                labels["evidence"],
                labels["comment"],
            ],
        )
        formats = self.formats
        for report in self.reports:
            for row in report.manual_rows:
                cell = formats.figure(report, row.value_type, row.unit)
                sheet.write_row(
                    [
                        *self._lead(report),
                        row.code,
                        row.name,
                        cell(row.value),
                        row.unit,
                        row.entered_by,
                        (row.entered_on, formats.datetime),
                        row.validated_by,
                        (row.validated_on, formats.datetime),
                        row.state_label,
                        (row.evidence_count, formats.yes_count),
                        (row.comment, formats.wrap),
                    ]
                )
        sheet.table(frozen_columns=self.lead + 1)

    # -- Actions --------------------------------------------------------------------

    def _actions(self):
        labels = self.labels
        sheet = self._sheet(
            labels["actions_sheet"], (40, 16, 22, 12, 14, 10, 10, 12, 12, 12, 12)
        )
        self._header(
            sheet,
            [
                labels["action"],
                labels["pillar"],
                labels["responsible"],
                labels["deadline"],
                labels["action_state"],
                labels["overdue"],
                labels["days_overdue"],
                labels["indicator"],
                labels["baseline"],
                labels["target"],
                labels["priority"],
            ],
        )
        formats = self.formats
        for report in self.reports:
            for action in report.actions:
                sheet.write_row(
                    [
                        *self._lead(report),
                        (action.name, formats.wrap),
                        action.pillar_label,
                        action.responsible,
                        (action.deadline, formats.date),
                        action.state_label,
                        (action.overdue, formats.yes_no),
                        (action.days_overdue, formats.integer),
                        action.indicator_code,
                        *self._action_figures(report, action),
                        action.priority,
                    ]
                )
        sheet.table(frozen_columns=self.lead + 1)

    def _action_figures(self, report, action):
        """Baseline and target, written like the indicator they track."""
        cell = self.formats.figure(report, action.value_type, action.unit)
        return [cell(action.baseline), cell(action.target)]

    # -- Emission factors -----------------------------------------------------------

    def _factors(self):
        labels = self.labels
        sheet = self._sheet(labels["factors_sheet"], (30, 16, 18, 14, 10, 50, 40, 18))
        titles = [
            labels["activity"],
            labels["scope"],
            labels["where"],
            labels["factor"],
            labels["per_unit"],
            labels["citation"],
            labels["url"],
            labels["indicators"],
        ]
        self._header(sheet, titles)
        url_column = self.lead + titles.index(labels["url"])
        for report in self.reports:
            for factor in report.factors:
                sheet.write_url(url_column, factor.url)
                sheet.write_row(
                    [
                        *self._lead(report),
                        factor.activity,
                        factor.scope_label,
                        factor.where,
                        (factor.kgco2e_per_unit, self.formats.ratio),
                        factor.per_unit,
                        (factor.citation, self.formats.wrap),
                        None,  # the URL, written as a link above
                        ", ".join(factor.indicator_codes),
                    ]
                )
        sheet.table(frozen_columns=self.lead + 1)


def _column_key(column):
    return (column.date_from, column.date_to, column.kind)
