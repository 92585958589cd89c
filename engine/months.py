# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Rolling months up into the periods that contain them.

Several periods of one company (the twelve months, four quarters and the year
of the year-end job) are computed from one read of each source grouped by
month. Each figure then rolls up by its nature:

- a flow (revenue, days of sick leave, tonnes received) is the sum of its
  months: ``flows``;
- a stock (a closing balance) is the opening figure before the first month
  plus every month up to the period's end: ``closing``;
- a ratio is worked out again from the rolled-up parts, never averaged;
- a head-count is read on the period's end date, which is a month's end.

Sums are kept as they come from the database (``Decimal`` for its
``numeric`` columns) so that a period's total is exactly the one a query over
the period alone returns.
"""

from datetime import date, timedelta  # noqa: F401 - date: the doctests use it
from decimal import Decimal

from dateutil.relativedelta import relativedelta


def month_start(day):
    """First day of the month of ``day``.

    >>> month_start(date(2025, 2, 28))
    datetime.date(2025, 2, 1)
    """
    return day.replace(day=1)


def month_starts(date_from, date_to):
    """The first day of every month from ``date_from``'s to ``date_to``'s.

    >>> month_starts(date(2025, 11, 1), date(2026, 1, 31))
    [datetime.date(2025, 11, 1), datetime.date(2025, 12, 1), datetime.date(2026, 1, 1)]
    """
    months, month = [], month_start(date_from)
    while month <= date_to:
        months.append(month)
        month += relativedelta(months=1)
    return months


def on_month_bounds(period):
    """Whether ``period`` (with ``date_from`` and ``date_to``) starts on a
    month's first day and ends on a month's last: then it is made of whole
    months, and its figures are those of its months.

    >>> from types import SimpleNamespace as P
    >>> on_month_bounds(P(date_from=date(2025, 1, 1), date_to=date(2025, 3, 31)))
    True
    >>> on_month_bounds(P(date_from=date(2025, 1, 1), date_to=date(2025, 3, 30)))
    False
    """
    return period.date_from.day == 1 and (period.date_to + timedelta(days=1)).day == 1


def span(periods):
    """(first day, last day) covering ``periods``, each with ``date_from``
    and ``date_to``.

    >>> from types import SimpleNamespace as P
    >>> span([P(date_from=date(2025, 4, 1), date_to=date(2025, 6, 30)),
    ...       P(date_from=date(2025, 1, 1), date_to=date(2025, 1, 31))])
    (datetime.date(2025, 1, 1), datetime.date(2025, 6, 30))
    """
    return min(p.date_from for p in periods), max(p.date_to for p in periods)


def _add(into, amounts):
    for measure, amount in amounts.items():
        into[measure] = (into.get(measure) or 0) + (amount or 0)


def added(amounts, more):
    """The measures of ``amounts`` and ``more`` added, exactly.

    >>> added({"balance": Decimal("1.10")}, {"balance": Decimal("2.20"), "debit": None})
    {'balance': Decimal('3.30'), 'debit': 0}
    """
    total = dict(amounts)
    _add(total, more)
    return total


def flows(monthly, date_from, date_to):
    """{key: {measure: total}} of the months within ``date_from``…``date_to``;
    ``monthly`` is {month start: {key: {measure: amount}}}.

    >>> jan, feb, mar = date(2025, 1, 1), date(2025, 2, 1), date(2025, 3, 1)
    >>> monthly = {jan: {7: {"balance": Decimal("1.10")}},
    ...            feb: {7: {"balance": Decimal("2.20")}, 8: {"balance": 5}},
    ...            mar: {8: {"balance": 1}}}
    >>> flows(monthly, jan, date(2025, 2, 28))
    {7: {'balance': Decimal('3.30')}, 8: {'balance': 5}}
    """
    total = {}
    for month, by_key in sorted(monthly.items()):
        if date_from <= month <= date_to:
            for key, amounts in by_key.items():
                _add(total.setdefault(key, {}), amounts)
    return total


def closing(opening, monthly, date_to):
    """{key: {measure: balance}} at ``date_to``: the opening figures plus
    every month up to it.

    >>> jan, feb = date(2025, 1, 1), date(2025, 2, 1)
    >>> closing({7: {"balance": 100, "quantity": None}},
    ...         {jan: {7: {"balance": 5, "quantity": 2}}, feb: {8: {"balance": 2}}},
    ...         date(2025, 1, 31))
    {7: {'balance': 105, 'quantity': 2}}
    """
    total = {key: dict(amounts) for key, amounts in opening.items()}
    for month, by_key in sorted(monthly.items()):
        if month <= date_to:
            for key, amounts in by_key.items():
                _add(total.setdefault(key, {}), amounts)
    return total


def as_floats(totals):
    """The same totals as floats, as the per-period readers give them.

    >>> as_floats({7: {"balance": Decimal("3.30"), "debit": None}})
    {7: {'balance': 3.3, 'debit': 0.0}}
    """
    return {
        key: {measure: float(amount or 0.0) for measure, amount in amounts.items()}
        for key, amounts in totals.items()
    }


def in_period(by_month, date_from, date_to):
    """The values of the months within the period, in month order.

    >>> in_period({date(2025, 2, 1): "b", date(2025, 1, 1): "a",
    ...            date(2025, 4, 1): "d"}, date(2025, 1, 1), date(2025, 3, 31))
    ['a', 'b']
    """
    return [
        value
        for month, value in sorted(by_month.items())
        if date_from <= month <= date_to
    ]


def decimal_sum(values):
    """Exact sum of database amounts (``Decimal`` or None).

    >>> decimal_sum([Decimal("0.1"), None, Decimal("0.2")])
    Decimal('0.3')
    """
    return sum((Decimal(value) for value in values if value is not None), Decimal(0))
