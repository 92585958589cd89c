# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Activity quantities to energy and greenhouse-gas figures.

Quantities are in each activity's reference unit (kWh, L, m³, kg). Energy
uses the activity's net calorific value in MJ per unit (1 MWh = 3,600 MJ);
emissions use the emission factor in kgCO2e per unit valid for the period
and the company's country, else the regional default, flagged as such.
"""

from dataclasses import dataclass
from datetime import date

MJ_PER_MWH = 3600.0
KG_PER_TONNE = 1000.0


@dataclass(frozen=True)
class Factor:
    id: int
    activity_id: int
    scope: str
    country_id: int | None  # None: regional or global default
    date_from: date
    date_to: date | None
    kgco2e_per_unit: float


def choose_factor(factors, activity_id, scope, country_id, date_from, date_to):
    """The factor for an activity and scope, and whether it is a fallback.

    Among factors valid on the period's start (from on or before it, not ended
    before it), the country's own wins over the default; among several, the
    most recent. Returns (None, False) when there is none.

    >>> def grid(id_, country, year, kg):
    ...     return Factor(id_, 1, "2_location", country, date(year, 1, 1), None, kg)
    >>> mx, pe = 52, 173
    >>> table = [grid(1, mx, 2020, 0.494), grid(2, mx, 2021, 0.423)]
    >>> table.append(grid(3, None, 2021, 0.262))
    >>> def pick(country, day):
    ...     chosen, fallback = choose_factor(table, 1, "2_location", country, day, day)
    ...     return chosen.id, fallback
    >>> pick(mx, date(2021, 3, 1)), pick(mx, date(2020, 6, 1))
    ((2, False), (1, False))
    >>> pick(pe, date(2022, 1, 1))  # no Peruvian factor: the regional one
    (3, True)
    """
    valid = [
        f
        for f in factors
        if f.activity_id == activity_id
        and f.scope == scope
        and f.date_from <= date_from
        and (f.date_to is None or f.date_to >= date_from)
    ]
    own = [f for f in valid if f.country_id == country_id and country_id]
    default = [f for f in valid if f.country_id is None]
    for candidates, fallback in ((own, False), (default, True)):
        if candidates:
            return max(candidates, key=lambda f: f.date_from), fallback
    return None, False


def energy_mwh(quantity, ncv_mj_per_unit):
    """Energy of a quantity of fuel or electricity, in MWh.

    >>> round(energy_mwh(100.0, 36.1), 5)  # 100 L of diesel
    1.00278
    >>> energy_mwh(1500.0, 3.6)  # 1,500 kWh
    1.5
    """
    return quantity * ncv_mj_per_unit / MJ_PER_MWH


def tonnes_co2e(quantity, kgco2e_per_unit):
    """
    >>> tonnes_co2e(1500.0, 0.112)
    0.168
    """
    return quantity * kgco2e_per_unit / KG_PER_TONNE
