# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Workforce figures from the employment contracts running on a given day.

Each contract is a plain ``Employment`` row; the ORM side reads them with one
query. Hourly pay divides the monthly wage by the contract schedule's monthly
hours (weekly hours x 52 / 12), as VSME B10 asks for the pay gap.

Full-time equivalents compare the schedule's weekly hours with the hours the
schedule itself calls full time.
"""

from collections import Counter
from dataclasses import dataclass

WEEKS_PER_MONTH = 52.0 / 12.0
BASES = ("monthly", "daily", "hourly")


@dataclass(frozen=True)
class Employment:
    contract_id: int
    employee_id: int
    gender: str
    wage: float
    weekly_hours: float
    permanent: bool
    manager: bool
    full_time_hours: float = 0.0  # the schedule's full-time hours a week
    country_id: int | None = None  # where the employee works
    collective: bool = False  # covered by a collective agreement

    @property
    def hourly_wage(self):
        if not self.weekly_hours:
            return None
        return self.wage / (self.weekly_hours * WEEKS_PER_MONTH)

    @property
    def fte(self):
        """Share of a full-time job, at most 1. A schedule that does not say
        its full-time hours, or has no hours (flexible), counts as full time.

        >>> Employment(1, 1, "", 1000.0, 20.0, True, False, 40.0).fte
        0.5
        >>> Employment(1, 1, "", 1000.0, 48.0, True, False, 40.0).fte
        1.0
        >>> Employment(1, 1, "", 1000.0, 20.0, True, False).fte
        1.0
        """
        if not self.weekly_hours or not self.full_time_hours:
            return 1.0
        return min(self.weekly_hours / self.full_time_hours, 1.0)


def _share(part, whole):
    return part / whole * 100.0 if whole else None


def headcount(rows):
    return float(len(rows))


def permanent_share(rows):
    return _share(sum(1 for row in rows if row.permanent), len(rows))


def women_share(rows):
    return _share(sum(1 for row in rows if row.gender == "female"), len(rows))


def women_in_management(rows):
    managers = [row for row in rows if row.manager]
    return _share(sum(1 for row in managers if row.gender == "female"), len(managers))


def _mean(numbers):
    return sum(numbers) / len(numbers) if numbers else None


def pay_gap(rows):
    """Unadjusted gap: (mean male hourly - mean female hourly) / male x 100.

    >>> men = [Employment(1, 1, "male", 4000.0, 40.0, True, True)]
    >>> women = [Employment(2, 2, "female", 1500.0, 20.0, False, False)]
    >>> round(pay_gap(men + women), 2)
    25.0
    """
    by_gender = {"male": [], "female": []}
    for row in rows:
        if row.gender in by_gender and row.hourly_wage is not None:
            by_gender[row.gender].append(row.hourly_wage)
    men, women = _mean(by_gender["male"]), _mean(by_gender["female"])
    if not men or women is None:
        return None
    return (men - women) / men * 100.0


def turnover_rate(leavers, headcount_start, headcount_end):
    """Leavers over the average of the opening and closing headcounts, in %."""
    return _share(leavers, (headcount_start + headcount_end) / 2.0)


def new_hire_rate(hires, headcount_end):
    return _share(hires, headcount_end)


def fte_total(rows):
    """Full-time equivalents: each contract counts for its share of full time.

    >>> rows = [Employment(1, 1, "", 1.0, 40.0, True, False, 40.0),
    ...         Employment(2, 2, "", 1.0, 20.0, True, False, 40.0)]
    >>> fte_total(rows)
    1.5
    """
    return sum(row.fte for row in rows)


def headcount_by_country(rows):
    """{country id (None when unknown): employees}, largest first.

    >>> rows = [Employment(n, n, "", 1.0, 40.0, True, False, 40.0, country)
    ...         for n, country in enumerate([49, 49, 156])]
    >>> headcount_by_country(rows)
    {49: 2, 156: 1}
    """
    return dict(Counter(row.country_id for row in rows).most_common())


def collective_share(rows):
    return _share(sum(1 for row in rows if row.collective), len(rows))


def to_monthly(amount, basis, units_per_month=0.0):
    """A minimum wage as a monthly figure. ``units_per_month`` is the number
    of days (daily basis) or hours (hourly basis) the law counts in a month.

    >>> to_monthly(278.80, "daily", 30.0)
    8364.0
    >>> to_monthly(1423500.0, "monthly")
    1423500.0
    """
    if basis not in BASES:
        raise ValueError(basis)
    return amount if basis == "monthly" else round(amount * units_per_month, 2)
