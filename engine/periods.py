# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Reporting-period arithmetic: shapes, names and the periods of a fiscal year.

A period is a run of whole calendar months: one (month), three (quarter) or
twelve (year). Keeping periods on month boundaries is what makes periods of
different companies and years comparable, and lets sub-periods roll up.
"""

from dataclasses import dataclass
from datetime import date, timedelta

from dateutil.relativedelta import relativedelta

MONTHS_PER_KIND = {"month": 1, "quarter": 3, "year": 12}

# Error codes returned by check_shape(); the model turns them into messages.
SHAPE_INVERTED = "inverted"
SHAPE_NOT_MONTH_START = "not_month_start"
SHAPE_WRONG_LENGTH = "wrong_length"


@dataclass(frozen=True)
class PeriodSpan:
    kind: str
    date_from: date
    date_to: date

    @property
    def name(self):
        return period_name(self.kind, self.date_from, self.date_to)


def end_for(kind, date_from):
    """Last day of the period of ``kind`` starting on ``date_from``."""
    months = MONTHS_PER_KIND[kind]
    return date_from + relativedelta(months=months) - timedelta(days=1)


def check_shape(kind, date_from, date_to):
    """Return None when the dates form a valid period of ``kind``, else a code."""
    if date_to < date_from:
        return SHAPE_INVERTED
    if date_from.day != 1:
        return SHAPE_NOT_MONTH_START
    if date_to != end_for(kind, date_from):
        return SHAPE_WRONG_LENGTH
    return None


def period_name(kind, date_from, date_to):
    """Short, sortable, language-neutral name: 2025-03, 2025-Q1, 2025, 2025/2026."""
    if kind == "month":
        return date_from.strftime("%Y-%m")
    if kind == "quarter" and date_from.month in (1, 4, 7, 10):
        return f"{date_from.year}-Q{(date_from.month - 1) // 3 + 1}"
    if kind == "year" and date_from.month == 1:
        return str(date_from.year)
    if kind == "year":
        return f"{date_from.year}/{date_to.year}"
    return f"{date_from:%Y-%m}/{date_to:%Y-%m}"


def fiscal_year_spans(fiscal_year_start, kinds):
    """Every period of the requested kinds inside the fiscal year starting then.

    >>> [s.name for s in fiscal_year_spans(date(2025, 1, 1), ["quarter", "year"])]
    ['2025-Q1', '2025-Q2', '2025-Q3', '2025-Q4', '2025']
    >>> spans = fiscal_year_spans(date(2025, 4, 1), ["month"])
    >>> len(spans), spans[0].name, spans[-1].date_to
    (12, '2025-04', datetime.date(2026, 3, 31))
    """
    spans = []
    for kind in kinds:
        step = MONTHS_PER_KIND[kind]
        for offset in range(0, 12, step):
            start = fiscal_year_start + relativedelta(months=offset)
            spans.append(PeriodSpan(kind, start, end_for(kind, start)))
    return spans


# Days the people in charge get to enter the figures of a period already over.
CAMPAIGN_LEAD_DAYS = 10


def campaign_deadline(date_to, today, lead_days=CAMPAIGN_LEAD_DAYS):
    """The due date an input campaign proposes: the period's last day, or,
    for a period already over, ``lead_days`` from today, so that nobody is
    handed a to-do overdue at birth.

    >>> campaign_deadline(date(2026, 12, 31), date(2026, 12, 7))
    datetime.date(2026, 12, 31)
    >>> campaign_deadline(date(2026, 11, 30), date(2026, 12, 7))
    datetime.date(2026, 12, 17)
    >>> campaign_deadline(date(2026, 12, 10), date(2026, 12, 7))
    datetime.date(2026, 12, 10)
    """
    if date_to >= today:
        return date_to
    return today + timedelta(days=lead_days)
