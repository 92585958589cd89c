# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The EFRAG VSME Basic Module (disclosures B1 to B11) as an XLSX file, one
sheet per company, built from ``ReportData.build`` only.

``VSME_BASIC`` lists the data points of the VSME Standard (EFRAG, 17 December
2024; § are its paragraphs) with the catalogue indicator that answers each one
(codes of ``data/csr_indicator_data.xml``, which tags the same indicators with
``VSME B1``…``VSME B11``; ``test_vsme_export`` keeps both in step). A data
point no indicator answers, or whose indicator has no value for the period,
reads "Not reported": the report shows what is missing rather than hiding it.
Each figure sits next to the previous period's (the comparatives VSME asks
for from the second year). B1's basis for preparation comes from the company
(name, country, size class, sector) and the period. A company's own
indicators tagged with a VSME Basic disclosure are listed under it too.
"""

from io import BytesIO

import xlsxwriter

from ..services.vsme_basic import (  # noqa: F401  (re-exported)
    FACT_BASIS,
    FACT_COUNTRY,
    FACT_NAME,
    FACT_OPTION,
    FACT_PERIOD,
    FACT_SECTOR,
    FACT_SIZE,
    VSME_BASIC,
    DataPoint,
    Disclosure,
    mapped_codes,
)
from .report_xlsx import (
    WORKBOOK_OPTIONS,
    Formats,
    Sheet,
    sheet_name,
)


def vsme_labels(env):
    """Every text of the VSME workbook, in the language of ``env``."""
    _ = env._
    return {
        # Placeholders filled by the translation call itself, which falls
        # back to the source when a translation breaks them.
        "title": lambda company: _("VSME Basic Module: %(company)s", company=company),
        "disclosure": _("Disclosure"),
        "paragraph": _("Paragraph"),
        "data_point": _("Data point"),
        "indicator": _("Indicator"),
        "value": _("Value"),
        "previous": _("Previous period"),
        "unit": _("Unit"),
        "state": _("Validation state"),
        "not_reported": _("Not reported"),
        "option": _("Option A: Basic Module only"),
        "basis": _("Individual: the figures of this company alone"),
        "period": lambda period, start, end: _(
            "%(period)s, %(start)s to %(end)s", period=period, start=start, end=end
        ),
        "yes": _("Yes"),
        "no": _("No"),
        # the standard's words, translated from the lazy terms above
        "titles": {
            key: env._(term)
            for disclosure in VSME_BASIC
            for key, term in _terms(disclosure)
        },
    }


def _terms(disclosure):
    """(key, lazy term) of a disclosure's title and of its data points'."""
    yield disclosure.key, disclosure.title
    for index, point in enumerate(disclosure.points):
        yield (disclosure.key, index), point.title


def build_vsme_workbook(reports, labels, digital=None):
    """The XLSX bytes of the VSME Basic Module of each report's company;
    ``digital`` holds per company id what ``VsmeDigital`` derived:
    ({concept: {period key: (value, unit)}}, {omission key: reason})."""
    digital = digital or {}
    output = BytesIO()
    workbook = xlsxwriter.Workbook(output, WORKBOOK_OPTIONS)
    formats = Formats(workbook, labels)
    not_reported = workbook.add_format({"italic": True, "font_color": "#7F7F7F"})
    taken = set()
    for report in reports:
        sheet = Sheet(
            workbook,
            sheet_name(report.company_name, taken, fallback="VSME"),
            (11, 12, 52, 11, 16, 16, 18, 16),
        )
        datapoints, omissions = digital.get(report.company_id, ({}, {}))
        _CompanySheet(
            sheet, formats, not_reported, labels, report, datapoints, omissions
        ).render()
    workbook.close()
    return output.getvalue()


class _CompanySheet:
    HEADER_ROWS = 4  # title, period, blank line, column titles

    def __init__(  # noqa: PLR0913
        self, sheet, formats, not_reported, labels, report, datapoints, omissions
    ):
        self.datapoints = datapoints
        self.omissions = omissions
        self.sheet = sheet
        self.formats = formats
        self.not_reported = not_reported
        self.labels = labels
        self.report = report

    def _title(self, key):
        return self.labels["titles"][key]

    def render(self):
        labels, formats, report = self.labels, self.formats, self.report
        sheet = self.sheet
        sheet.write_row([(labels["title"](report.company_name), formats.title)])
        sheet.write_row([self._period_text()])
        sheet.skip_row()
        sheet.write_row(
            [
                labels["disclosure"],
                labels["paragraph"],
                labels["data_point"],
                labels["indicator"],
                labels["value"],
                labels["previous"],
                labels["unit"],
                labels["state"],
            ],
            formats.header,
        )
        for disclosure in VSME_BASIC:
            self._disclosure(disclosure)
        sheet.worksheet.freeze_panes(self.HEADER_ROWS, 0)

    def _period_text(self):
        period = self.report.period
        return self.labels["period"](
            period=period.name,
            start=period.date_from.isoformat(),
            end=period.date_to.isoformat(),
        )

    def _disclosure(self, disclosure):
        section = self.formats.section
        self.sheet.write_row(
            [
                (disclosure.key, section),
                ("", section),
                (self._title(disclosure.key), section),
                *(("", section) for _index in range(5)),
            ]
        )
        for index, point in enumerate(disclosure.points):
            title = self._title((disclosure.key, index))
            if point.fact:
                self._fact_row(disclosure, point, title)
            for code in point.codes:
                self._indicator_row(disclosure.key, point.paragraph, title, code)
            if point.concept or point.omission:
                self._digital_row(disclosure.key, point, title)
            elif not point.fact and not point.codes:
                self._missing_row(disclosure.key, point.paragraph, title, "")
        mapped = mapped_codes()[disclosure.key]
        for row in self.report.rows:
            if disclosure.tag in row.frameworks and row.code not in mapped:
                self._indicator_row(disclosure.key, "", row.name, row.code)

    def _fact_row(self, disclosure, point, title):
        text = self._fact(point.fact)
        if not text:
            self._missing_row(disclosure.key, point.paragraph, title, "")
            return
        self.sheet.write_row([disclosure.key, point.paragraph, title, "", text])

    def _fact(self, fact):
        report, labels = self.report, self.labels
        return {
            FACT_OPTION: labels["option"],
            FACT_BASIS: labels["basis"],
            FACT_NAME: report.company_name,
            FACT_PERIOD: self._period_text(),
            FACT_SECTOR: report.sector,
            FACT_SIZE: report.size_label,
            FACT_COUNTRY: report.country,
        }.get(fact, "")

    def _digital_row(self, key, point, title):
        """A datapoint the digital report answers, or explains away."""
        key_of = (point.concept, point.member) if point.member else point.concept
        cells = self.datapoints.get(key_of)
        if not cells:
            reason = self.omissions.get(point.omission)
            if reason:
                self.sheet.write_row(
                    [key, point.paragraph, title, "", (reason, self.not_reported)]
                )
            else:
                self._missing_row(key, point.paragraph, title, "")
            return
        current = cells.get("current", ("", ""))
        previous = cells.get("previous", ("", ""))
        self.sheet.write_row(
            [
                key,
                point.paragraph,
                title,
                "",
                current[0],
                previous[0],
                current[1] or previous[1],
            ]
        )

    def _indicator_row(self, key, paragraph, title, code):
        report = self.report
        row = report.value_of(code)
        if row is None:  # archived, or not applicable to the company
            self._missing_row(key, paragraph, title, code)
            return
        cell = self.formats.figure(report, row.value_type, row.unit)
        if row.value is None:
            value = (self.labels["not_reported"], self.not_reported)
        else:
            value = cell(row.value)
        unit = report.currency_name if row.value_type == "monetary" else row.unit
        self.sheet.write_row(
            [
                key,
                paragraph,
                title,
                code,
                value,
                cell(row.previous),
                unit,
                row.state_label,
            ]
        )

    def _missing_row(self, key, paragraph, title, code):
        self.sheet.write_row(
            [
                key,
                paragraph,
                title,
                code,
                (self.labels["not_reported"], self.not_reported),
            ]
        )
