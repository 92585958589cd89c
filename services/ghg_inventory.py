# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""A period's greenhouse-gas inventory as the GHG Protocol asks it to be
reported: per scope and source, gas by gas, with the biogenic CO2 and the
gases outside the scopes apart, the GWP set, the base year, what is left out
and how each Scope 3 figure was obtained. Read set-based from the inventory
lines the compute stored; one provider for the PDF, the workbook and the
screen."""

from dataclasses import dataclass

from .labels import selection_labels

# The columns of the inventory table, in the GHG Protocol's order.
GAS_COLUMNS = ("co2", "ch4", "n2o", "hfc", "natural", "co2e")
SCOPE_ORDER = ("1", "2_location", "2_market", "3")


@dataclass(frozen=True)
class GhgRow:
    """One source of one scope: tCO2e per gas, biogenic CO2 apart."""

    scope: str
    scope_label: str
    category: str
    source: str
    by_gas: dict  # gas → tCO2e
    tco2e: float
    biogenic_tco2: float
    outside_scopes_tco2e: float
    tier_label: str


@dataclass(frozen=True)
class GhgInventory:
    rows: tuple
    gas_labels: dict  # gas → label, for the gas columns present
    totals: dict  # scope → tCO2e in the scopes
    biogenic_tco2: float
    outside_scopes_tco2e: float
    gwp_label: str
    base_year: int | None
    base_year_tco2e: float | None  # Scope 1 + location-based Scope 2
    exclusions: tuple

    @property
    def gases(self):
        return tuple(self.gas_labels)

    @property
    def scope_1_and_2(self):
        return self.totals.get("1", 0.0) + self.totals.get("2_location", 0.0)

    def rows_of(self, scope):
        return tuple(row for row in self.rows if row.scope == scope)


def _grouped_lines(env, period):
    return env["csr.emission.line"]._read_group(
        [("period_id", "=", period.id)],
        ["scope", "category", "activity_id", "gas", "in_scopes", "tier"],
        ["tco2e:sum", "biogenic_tco2:sum"],
    )


def _rows(env, groups):
    scope_labels = selection_labels(env["csr.emission.line"], "scope")
    tier_labels = selection_labels(env["csr.emission.line"], "tier")
    found = {}
    for scope, category, activity, gas, in_scopes, tier, tco2e, biogenic in groups:
        key = (scope, category or "", activity.id)
        row = found.setdefault(
            key,
            {
                "scope": scope,
                "scope_label": scope_labels.get(scope, scope),
                "category": category or "",
                "source": activity.name or "",
                "by_gas": {},
                "tco2e": 0.0,
                "biogenic_tco2": 0.0,
                "outside_scopes_tco2e": 0.0,
                "tier_label": tier_labels.get(tier, "") if scope == "3" else "",
            },
        )
        row["biogenic_tco2"] += biogenic
        if in_scopes:
            row["by_gas"][gas] = row["by_gas"].get(gas, 0.0) + tco2e
            row["tco2e"] += tco2e
        else:
            row["outside_scopes_tco2e"] += tco2e
    order = {scope: index for index, scope in enumerate(SCOPE_ORDER)}
    return tuple(
        GhgRow(**row)
        for row in sorted(
            found.values(),
            key=lambda r: (order.get(r["scope"], 9), r["category"], r["source"]),
        )
    )


def _base_year(env, period):
    """Scope 1 + location-based Scope 2 of the same months of the base year."""
    company = period.company_id
    year = company.csr_base_year
    if not year or year == period.date_from.year:
        return year or None, None
    base = env["csr.period"].search(
        [
            ("company_id", "=", company.id),
            ("kind", "=", period.kind),
            ("date_from", "=", period.date_from.replace(year=year)),
        ],
        limit=1,
    )
    if not base:
        return year, None
    groups = env["csr.emission.line"]._read_group(
        [
            ("period_id", "=", base.id),
            ("scope", "in", ("1", "2_location")),
            ("in_scopes", "=", True),
        ],
        [],
        ["tco2e:sum"],
    )
    return year, groups[0][0] if groups else 0.0


def _exclusions(env, period, rows):
    _ = env._
    found = [
        _(
            "Process emissions and fugitive emissions other than refrigerant "
            "leaks are not covered."
        ),
    ]
    categories = sorted({row.category for row in rows if row.scope == "3"})
    if categories:
        found.append(
            _(
                "Scope 3 covers only categories %(categories)s, computed here; "
                "other categories are screened by hand (ENV-08). Scope 3 is "
                "never added to Scope 1 and 2.",
                categories=", ".join(categories),
            )
        )
    else:
        found.append(
            _(
                "Scope 3 is not computed here; screened categories are "
                "entered by hand (ENV-08)."
            )
        )
    warned = env["csr.indicator.value"].search(
        [
            ("period_id", "=", period.id),
            ("code", "in", ("ENV-05", "ENV-06", "ENV-07", "ENV-18", "ENV-19")),
            ("warning", "!=", False),
        ]
    )
    for value in warned.filtered(lambda v: (v.warning or "").strip()):
        found.append(f"{value.code}: {value.warning}")
    return tuple(found)


def build(env, period):
    """The inventory of one period, from its stored lines."""
    rows = _rows(env, _grouped_lines(env, period))
    gas_labels_all = selection_labels(env["csr.emission.line"], "gas")
    present = {gas for row in rows for gas in row.by_gas}
    totals = {}
    for row in rows:
        totals[row.scope] = totals.get(row.scope, 0.0) + row.tco2e
    company = period.company_id
    gwp_labels = selection_labels(company, "csr_gwp_set")
    base_year, base_tco2e = _base_year(env, period)
    return GhgInventory(
        rows=rows,
        gas_labels={gas: gas_labels_all[gas] for gas in GAS_COLUMNS if gas in present},
        totals=totals,
        biogenic_tco2=sum(row.biogenic_tco2 for row in rows),
        outside_scopes_tco2e=sum(row.outside_scopes_tco2e for row in rows),
        gwp_label=gwp_labels.get(company.csr_gwp_set, ""),
        base_year=base_year,
        base_year_tco2e=base_tco2e,
        exclusions=_exclusions(env, period, rows),
    )


def monthly(env, period):
    """tCO2e in the scopes per month and scope (location-based Scope 2), for
    the overview's chart: {"months": [date], "series": {scope: [t]}}."""
    groups = env["csr.emission.line"]._read_group(
        [
            ("period_id", "=", period.id),
            ("in_scopes", "=", True),
            ("scope", "in", ("1", "2_location", "3")),
        ],
        ["month:month", "scope"],
        ["tco2e:sum"],
    )
    months = sorted({month for month, _scope, _t in groups})
    series = {scope: [0.0] * len(months) for scope in ("1", "2_location", "3")}
    position = {month: index for index, month in enumerate(months)}
    for month, scope, tco2e in groups:
        series[scope][position[month]] += tco2e
    return {
        "months": [
            month.date() if hasattr(month, "date") else month for month in months
        ],
        "series": {scope: values for scope, values in series.items() if any(values)},
    }
