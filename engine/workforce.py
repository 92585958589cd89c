# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Workforce figures from the employment contracts running on a given day.

Each contract is a plain ``Employment`` row; the ORM side reads them with one
query. Hourly pay divides the monthly wage by the contract schedule's monthly
hours (weekly hours x 52 / 12), as VSME B10 asks for the pay gap.

Full-time equivalents compare the schedule's weekly hours with the hours the
schedule itself calls full time; wages of part-time schedules are scaled up to
full time before they are compared with a monthly minimum wage.
"""

from collections import Counter
from dataclasses import dataclass, field, replace

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
    calendar_id: int | None = None  # the contract's working schedule

    # Worked out once per row (a year-end reads each row in 17 periods):
    hourly_wage: float | None = field(init=False, repr=False, compare=False)
    fte: float = field(init=False, repr=False, compare=False)
    full_time_wage: float = field(init=False, repr=False, compare=False)

    def __post_init__(self):
        # A frozen dataclass sets its derived fields through object.
        set_ = object.__setattr__
        set_(self, "hourly_wage", self._hourly_wage())
        set_(self, "fte", self._fte())
        set_(self, "full_time_wage", self.wage / self.fte)

    def _hourly_wage(self):
        """The monthly wage over the schedule's monthly hours.

        >>> round(Employment(1, 1, "", 1300.0, 40.0, True, False).hourly_wage, 2)
        7.5
        >>> Employment(1, 1, "", 1300.0, 0.0, True, False).hourly_wage is None
        True
        """
        if not self.weekly_hours:
            return None
        return self.wage / (self.weekly_hours * WEEKS_PER_MONTH)

    def _fte(self):
        """Share of a full-time job, at most 1. A schedule that does not say
        its full-time hours, or has no hours (flexible), counts as full time.

        >>> Employment(1, 1, "", 1000.0, 20.0, True, False, 40.0).fte
        0.5
        >>> Employment(1, 1, "", 1000.0, 48.0, True, False, 40.0).fte
        1.0
        >>> Employment(1, 1, "", 1000.0, 20.0, True, False).fte
        1.0

        The full-time wage is the monthly wage scaled up to full time:

        >>> Employment(1, 1, "", 1000.0, 20.0, True, False, 40.0).full_time_wage
        2000.0
        """
        if not self.weekly_hours or not self.full_time_hours:
            return 1.0
        return min(self.weekly_hours / self.full_time_hours, 1.0)


def with_reference_full_time(rows, reference_hours):
    """Rows whose schedule does not say its full-time hours take the
    company's reference (Odoo leaves "Company Full Time" at 0 on every
    schedule a user creates, which would make every part-timer full time).

    >>> rows = [Employment(1, 1, "", 600.0, 20.0, True, False, 0.0, calendar_id=7),
    ...         Employment(2, 2, "", 900.0, 40.0, True, False, 48.0, calendar_id=8)]
    >>> fixed, lacking = with_reference_full_time(rows, 40.0)
    >>> [row.fte for row in fixed], lacking
    ([0.5, 0.8333333333333334], [7])
    >>> with_reference_full_time(rows, 0.0)[0][0].fte
    1.0
    """
    if not reference_hours:
        return list(rows), sorted(
            {r.calendar_id for r in rows if not r.full_time_hours and r.weekly_hours}
        )
    fixed, lacking = [], set()
    for row in rows:
        if not row.full_time_hours and row.weekly_hours:
            lacking.add(row.calendar_id)
            row = replace(row, full_time_hours=reference_hours)
        fixed.append(row)
    return fixed, sorted(lacking)


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


# The genders VSME B8 counts; any other value (none) is "not reported".
GENDERS = ("female", "male", "other")


def permanent_count(rows):
    """Employees on a permanent contract (VSME B8 §39(a)); the rest of the
    headcount is on temporary ones.

    >>> rows = [Employment(1, 1, "female", 1.0, 40.0, True, False),
    ...         Employment(2, 2, "male", 1.0, 40.0, False, False),
    ...         Employment(3, 3, "", 1.0, 40.0, True, False)]
    >>> permanent_count(rows), temporary_count(rows)
    (2, 1)
    """
    return sum(1 for row in rows if row.permanent)


def temporary_count(rows):
    return len(rows) - permanent_count(rows)


def gender_count(rows, gender):
    """Employees of ``gender`` (VSME B8 §39(b)); "" counts those whose
    gender is not reported.

    >>> rows = [Employment(1, 1, "female", 1.0, 40.0, True, False),
    ...         Employment(2, 2, "other", 1.0, 40.0, True, False),
    ...         Employment(3, 3, "", 1.0, 40.0, True, False)]
    >>> [gender_count(rows, g) for g in ("female", "male", "other", "")]
    [1, 0, 1, 1]
    """
    if gender in GENDERS:
        return sum(1 for row in rows if row.gender == gender)
    return sum(1 for row in rows if row.gender not in GENDERS)


def management_genders(rows):
    """(female managers, male managers) among the rows."""
    managers = [row for row in rows if row.manager]
    return gender_count(managers, "female"), gender_count(managers, "male")


def management_gender_ratio(rows):
    """Female-to-male ratio among managers (VSME C5): women managers per man
    manager; None without a male manager.

    >>> rows = [Employment(1, 1, "female", 1.0, 40.0, True, True),
    ...         Employment(2, 2, "male", 1.0, 40.0, True, True),
    ...         Employment(3, 3, "male", 1.0, 40.0, True, True),
    ...         Employment(4, 4, "female", 1.0, 40.0, True, False)]
    >>> management_gender_ratio(rows)
    0.5
    >>> management_gender_ratio(rows[:1]) is None
    True
    """
    women, men = management_genders(rows)
    return women / men if men else None


def _mean(numbers):
    return sum(numbers) / len(numbers) if numbers else None


def mean_hourly_wages(rows):
    """(mean hourly wage of men, of women); None for a gender with none.

    >>> men = [Employment(1, 1, "male", 4000.0, 40.0, True, True)]
    >>> women = [Employment(2, 2, "female", 1500.0, 20.0, False, False)]
    >>> [round(wage, 2) for wage in mean_hourly_wages(men + women)]
    [23.08, 17.31]
    """
    by_gender = {"male": [], "female": []}
    for row in rows:
        if row.gender in by_gender and row.hourly_wage is not None:
            by_gender[row.gender].append(row.hourly_wage)
    return _mean(by_gender["male"]), _mean(by_gender["female"])


def pay_gap(rows):
    """Unadjusted gap: (mean male hourly - mean female hourly) / male x 100.

    >>> men = [Employment(1, 1, "male", 4000.0, 40.0, True, True)]
    >>> women = [Employment(2, 2, "female", 1500.0, 20.0, False, False)]
    >>> round(pay_gap(men + women), 2)
    25.0
    """
    men, women = mean_hourly_wages(rows)
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


def _meets(wage, minimum):
    # Wages and minimums are amounts in cents: compare them rounded, so that
    # 278.80 x 30 is not "below" 8,364.00 by a floating-point hair.
    return round(wage, 2) >= round(minimum, 2)


def minimum_wage_compliance(rows, minimum):
    """(1.0 if every full-time-equivalent wage reaches the monthly minimum
    else 0.0, employees at or above it, employees); (None, 0, n) without a
    minimum or without employees.

    >>> rows = [Employment(1, 1, "f", 1000.0, 20.0, True, False, 40.0),
    ...         Employment(2, 2, "m", 1900.0, 40.0, True, False, 40.0)]
    >>> minimum_wage_compliance(rows, 2000.0)
    (0.0, 1, 2)
    >>> minimum_wage_compliance(rows, 1900.0)
    (1.0, 2, 2)
    """
    if not minimum or not rows:
        return None, 0, len(rows)
    meeting = sum(1 for row in rows if _meets(row.full_time_wage, minimum))
    return (1.0 if meeting == len(rows) else 0.0), meeting, len(rows)


def entry_wage_ratios(rows, minimum):
    """Lowest full-time-equivalent monthly wage over the monthly minimum,
    for everyone (key None) and per gender present.

    >>> rows = [Employment(1, 1, "female", 1120.0, 40.0, True, False, 40.0),
    ...         Employment(2, 2, "male", 525.0, 20.0, True, False, 40.0),
    ...         Employment(3, 3, "male", 1300.0, 40.0, True, False, 40.0)]
    >>> entry_wage_ratios(rows, 1000.0)
    {None: 1.05, 'female': 1.12, 'male': 1.05}
    """
    if not minimum or not rows:
        return {}
    lowest = {None: min(row.full_time_wage for row in rows)}
    for row in sorted(rows, key=lambda row: row.gender):
        if row.gender:
            current = lowest.get(row.gender, row.full_time_wage)
            lowest[row.gender] = min(current, row.full_time_wage)
    return {key: wage / minimum for key, wage in lowest.items()}


def absenteeism_rate(sick_days, scheduled_days):
    """Sick-leave days over scheduled working days, in %.

    >>> round(absenteeism_rate(12.0, 440), 4)
    2.7273
    """
    return _share(sick_days, scheduled_days)


def return_rate(returned, due):
    """Employees back at work after parental leave over those due back, in %."""
    return _share(returned, due)
