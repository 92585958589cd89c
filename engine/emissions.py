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
    company_id: int | None = None  # a company's own (e.g. its supplier's) factor


# Where no factor of a scope exists, the one to use instead: the GHG Protocol
# Scope 2 Guidance lets market-based figures use the grid average when no
# supplier factor or residual mix is known.
SCOPE_FALLBACKS = {"2_market": "2_location"}

# How a Scope 3 figure was obtained, from the most to the least specific
# (GHG Protocol Scope 3 Standard, ch. 7): a supplier's own data, activity data
# (distances, nights) times an average factor, or money spent times a factor.
METHOD_TIERS = ("supplier", "activity", "spend")


@dataclass(frozen=True)
class EmissionLine:
    """One line of the greenhouse-gas inventory: what one activity emitted of
    one gas in one month, in one scope.

    `tco2e` counts in its scope; `biogenic_tco2` (CO2 from biomass and the
    bio share of blended fuels) is reported apart, outside the scopes, as
    GRI 305-1 c and the GHG Protocol ask; so are gases outside the Kyoto
    basket (e.g. HCFC-22), with `in_scopes` False.
    """

    scope: str  # "1", "2_location", "2_market", "3"
    activity_id: int | None
    gas: str  # "co2", "ch4", "n2o", "hfc", "hcfc", "co2e" (published as CO2e)
    month: date  # first day of the month
    quantity: float  # of the activity, in its unit
    tco2e: float
    biogenic_tco2: float = 0.0
    factor_id: int | None = None
    tier: str = "activity"  # one of METHOD_TIERS
    category: str = ""  # Scope 3 category number, e.g. "6", "7"
    in_scopes: bool = True


def choose_factor(factors, activity_id, scope, country_id, date_from, company_id=None):
    """The factor for an activity and scope, and whether it is a fallback.

    Among factors valid on the period's start (from on or before it, not ended
    before it), the company's own wins over its country's, which wins over the
    default; among several, the most recent. Another company's factors never
    count. A default is a fallback only where national factors exist for the
    activity (grid electricity), not where the default is the reference
    (IPCC fuel factors). Returns (None, False) when there is none.

    >>> def grid(id_, country, year, kg):
    ...     return Factor(id_, 1, "2_location", country, date(year, 1, 1), None, kg)
    >>> mx, pe = 52, 173
    >>> table = [grid(1, mx, 2020, 0.494), grid(2, mx, 2021, 0.423)]
    >>> table.append(grid(3, None, 2021, 0.262))
    >>> table.append(Factor(4, 1, "2_location", mx, date(2021, 1, 1), None, 0.2, 7))
    >>> def pick(country, day, company=None):
    ...     chosen, fallback = choose_factor(
    ...         table, 1, "2_location", country, day, company
    ...     )
    ...     return chosen.id, fallback
    >>> pick(mx, date(2021, 3, 1)), pick(mx, date(2020, 6, 1))
    ((2, False), (1, False))
    >>> pick(pe, date(2022, 1, 1))  # no Peruvian factor: the regional one
    (3, True)
    >>> diesel = Factor(5, 2, "1", None, date(2006, 1, 1), None, 2.6765)
    >>> chosen, fallback = choose_factor([diesel], 2, "1", pe, date(2025, 1, 1))
    >>> chosen.id, fallback
    (5, False)
    >>> pick(mx, date(2022, 1, 1), company=7), pick(mx, date(2022, 1, 1), company=8)
    ((4, False), (2, False))
    """
    relevant = [
        f
        for f in factors
        if f.activity_id == activity_id
        and f.scope == scope
        and f.company_id in (None, company_id)
    ]
    valid = [
        f
        for f in relevant
        if f.date_from <= date_from and (f.date_to is None or f.date_to >= date_from)
    ]
    national = any(f.country_id for f in relevant if f.company_id is None)
    tiers = (
        ([f for f in valid if f.company_id is not None], False),
        ([f for f in valid if f.country_id == country_id and country_id], False),
        ([f for f in valid if f.country_id is None], national),
    )
    for candidates, fallback in tiers:
        if candidates:
            return max(candidates, key=lambda f: f.date_from), fallback
    return None, False


def choose_factor_or_substitute(
    factors, activity_id, scope, country_id, date_from, company_id=None
):
    """Like choose_factor, falling back to the substitute scope when the scope
    has no factor at all; returns (factor, fallback, scope used).

    >>> grid = Factor(1, 1, "2_location", 52, date(2021, 1, 1), None, 0.423)
    >>> green = Factor(2, 2, "2_market", None, date(2015, 1, 1), None, 0.0)
    >>> def pick(activity):
    ...     chosen, fallback, scope = choose_factor_or_substitute(
    ...         [grid, green], activity, "2_market", 52, date(2024, 1, 1)
    ...     )
    ...     return chosen.id, fallback, scope
    >>> pick(1), pick(2)  # grid kWh without a supplier factor; certified kWh
    ((1, True, '2_location'), (2, False, '2_market'))
    """
    chosen, fallback = choose_factor(
        factors, activity_id, scope, country_id, date_from, company_id
    )
    substitute = SCOPE_FALLBACKS.get(scope)
    if chosen or not substitute:
        return chosen, fallback, scope
    chosen, _fallback = choose_factor(
        factors, activity_id, substitute, country_id, date_from, company_id
    )
    return chosen, True, substitute


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
