# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Workforce figures from the employment contracts running on a given day.

Each contract is a plain ``Employment`` row; the ORM side reads them with one
query. Hourly pay divides the monthly wage by the contract schedule's monthly
hours (weekly hours x 52 / 12), as VSME B10 asks for the pay gap.
"""

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

    @property
    def hourly_wage(self):
        if not self.weekly_hours:
            return None
        return self.wage / (self.weekly_hours * WEEKS_PER_MONTH)


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
