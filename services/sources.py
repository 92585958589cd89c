# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Every figure source, by the method a ``csr.indicator.source`` names: the
one list a new source is added to (DEVELOP.md, "Add a computed indicator").

Each source module reads ERP records set-based and returns
``{source: Figure}`` (``services/figure.py``); a fetcher may also offer
``for_periods`` to read several periods of a company at once
(``services/period_compute.PeriodsCompute``). The modules import nothing
from here, so there is no import circle.
"""

from . import (
    environment,
    fetchers,
    inventory,
    leaves,
    ledger,
    policies,
    scope3,
    workforce,
)


def _each(methods, fetcher):
    return dict.fromkeys(methods, fetcher)


FETCHERS = {
    **fetchers.FETCHERS,  # journal items, suppliers
    "economic_value": ledger.fetch_economic_value,
    "taxes_paid": ledger.fetch_taxes_paid,
    **_each(workforce.METHODS, workforce.fetch_workforce),
    **_each(leaves.METHODS, leaves.fetch_leaves),
    **_each(environment.METHODS, environment.fetch_environment),
    **inventory.FETCHERS,
    **policies.FETCHERS,
    **scope3.FETCHERS,
}
