# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Energy, water and emissions from the quantities on vendor bills.

A bill line counts when its product (or the product's category) is mapped to
a CSR activity. Quantities are summed per product and unit with one grouped
query for bills and one for refunds, converted to the activity's unit, then
turned into MWh or tCO2e with the activity's energy content and the emission
factor valid for the period and the company's country.
"""

from odoo.tools import SQL

from ..engine import emissions
from .fetchers import Figure

METHODS = ("activity_quantity", "activity_energy", "activity_emissions")
# Grid factors change with each year's generation mix; fuel factors (IPCC
# 2006 defaults) do not, and serve every year.
YEARLY_SCOPES = ("2_location", "2_market")


def _bill_line_domain(company, period):
    return [
        ("company_id", "=", company.id),
        ("parent_state", "=", "posted"),
        ("date", ">=", period.date_from),
        ("date", "<=", period.date_to),
        ("display_type", "=", "product"),
        ("product_id", "!=", False),
    ]


def _activity_of(product):
    return product.product_tmpl_id.csr_activity_id or product.categ_id.csr_activity_id


def _billed_quantities(env, company, period):
    """(product, unit, quantity) of posted vendor bills minus refunds: one query."""
    env.flush_all()
    rows = env.execute_query(
        SQL(
            """
            SELECT line.product_id, line.product_uom_id,
                   SUM(CASE WHEN move.move_type = 'in_refund'
                            THEN -line.quantity ELSE line.quantity END)
              FROM account_move_line line
              JOIN account_move move ON move.id = line.move_id
             WHERE line.company_id = %(company)s
               AND line.parent_state = 'posted'
               AND line.date BETWEEN %(date_from)s AND %(date_to)s
               AND line.display_type = 'product'
               AND line.product_id IS NOT NULL
               AND move.move_type IN ('in_invoice', 'in_refund')
          GROUP BY line.product_id, line.product_uom_id
            """,
            company=company.id,
            date_from=period.date_from,
            date_to=period.date_to,
        )
    )
    # Records taken from whole recordsets share one prefetch: few queries.
    products = {p.id: p for p in env["product.product"].browse({r[0] for r in rows})}
    units = {u.id: u for u in env["uom.uom"].browse({r[1] for r in rows if r[1]})}
    no_unit = env["uom.uom"]
    return [
        (products[product_id], units.get(uom_id, no_unit), float(quantity or 0.0))
        for product_id, uom_id, quantity in rows
    ]


def activity_quantities(env, company, period):
    """{activity: quantity in its unit}, {activity: product ids} and
    {activity: unit problems}, so that each figure reports its own."""
    totals, products, problems = {}, {}, {}
    for product, uom, quantity in _billed_quantities(env, company, period):
        activity = _activity_of(product)
        if not activity:
            continue
        if uom and uom.category_id != activity.uom_id.category_id:
            problems.setdefault(activity, []).append(
                env._(
                    "%(product)s is billed in %(unit)s, which cannot be converted "
                    "to %(target)s.",
                    product=product.display_name,
                    unit=uom.name,
                    target=activity.uom_id.name,
                )
            )
            continue
        if uom:
            quantity = uom._compute_quantity(quantity, activity.uom_id, round=False)
        totals[activity] = totals.get(activity, 0.0) + quantity
        products.setdefault(activity, set()).add(product.id)
    return totals, products, problems


def _factors(env):
    """{factor id: record} and the plain factors the engine chooses among."""
    records = env["csr.emission.factor"].search([])
    plain = [
        emissions.Factor(
            factor.id,
            factor.activity_id.id,
            factor.scope,
            factor.country_id.id or None,
            factor.date_from,
            factor.date_to or None,
            factor.kgco2e_per_unit,
            factor.company_id.id or None,
        )
        for factor in records
    ]
    return {factor.id: factor for factor in records}, plain


def _factor_activity(activity, scope):
    """Certified green electricity still comes through the grid: location-based
    figures use the grid's factors for it."""
    if scope == "2_location" and activity.grid_activity_id:
        return activity.grid_activity_id
    return activity


def _mapped_activity_ids(env, company, activities):
    """Activities that some product or product category of the company stands
    for: for them a zero is a measurement; for the others it is no data."""
    templates = (
        env["product.template"]
        .with_context(active_test=False)
        ._read_group(
            [
                ("csr_activity_id", "in", activities.ids),
                ("company_id", "in", [False, company.id]),
            ],
            ["csr_activity_id"],
        )
    )
    categories = env["product.category"]._read_group(
        [("csr_activity_id", "in", activities.ids)], ["csr_activity_id"]
    )
    return {activity.id for (activity,) in templates + categories}


def _unmapped_by_activity(env, company, activities):
    """{activity id: product names} bought but not mapped, whose names say
    they are that activity (the Unmapped Purchases worklist)."""
    rows = env["csr.unmapped.purchase"].search_read(
        [("company_id", "=", company.id), ("activity_id", "in", activities.ids)],
        ["product_id", "activity_id"],
    )
    found = {}
    for row in rows:
        found.setdefault(row["activity_id"][0], []).append(row["product_id"][1])
    return found


def _unmapped_warning(env, names):
    return env._(
        "%(count)s product(s) bought look like energy, fuel or water but are not "
        "mapped to an activity, so they are not counted: %(names)s. Map them in "
        "Configuration › Unmapped Purchases.",
        count=len(names),
        names=", ".join(sorted(names)),
    )


def _factor_warnings(company, period, factor, is_fallback, substituted=False):
    """A factor from an earlier year, or a regional stand-in, is not the
    period's own: say which one was used."""
    _ = company.env._
    found = []
    if substituted:
        found.append(
            _(
                "No supplier or certificate factor: the grid average %(factor)s "
                "stands in for the market-based figure, as the GHG Protocol's "
                "Scope 2 Guidance allows. Add your supplier's factor if it has one.",
                factor=factor.display_name,
            )
        )
    elif is_fallback:
        found.append(
            _(
                "No emission factor of %(country)s: the regional factor %(factor)s "
                "(%(year)s) stands in. Add your country's factor.",
                country=company.country_id.name or "?",
                factor=factor.display_name,
                year=factor.date_from.year,
            )
        )
    elif (
        factor.scope in YEARLY_SCOPES
        and factor.date_from.year < period.date_from.year
        and not factor.date_to
    ):
        found.append(
            _(
                "The latest emission factor available, %(factor)s, is from "
                "%(year)s, not from %(period_year)s: the figure uses it as it is.",
                factor=factor.display_name,
                year=factor.date_from.year,
                period_year=period.date_from.year,
            )
        )
    return found


def _fallback_label(company, is_fallback, substituted):
    if substituted:
        return company.env._("no market-based factor, grid average used: ")
    if is_fallback:
        return company.env._(
            "fallback, no factor for %(country)s: ",
            country=company.country_id.name or "?",
        )
    return ""


def _emissions(factors, company, period, source, quantities):
    records, plain_factors = factors
    total, notes, fallback, missing, used = 0.0, [], False, [], []
    warnings = []
    for activity in source.activity_ids:
        quantity = quantities.get(activity, 0.0)
        if not quantity:
            continue
        plain, is_fallback, scope = emissions.choose_factor_or_substitute(
            plain_factors,
            _factor_activity(activity, source.scope).id,
            source.scope,
            company.country_id.id,
            period.date_from,
            company.id,
        )
        if not plain:
            missing.append(activity.name)
            continue
        factor = records[plain.id]
        used.append(factor.id)
        substituted = scope != source.scope
        for warning in _factor_warnings(
            company, period, factor, is_fallback and not substituted, substituted
        ):
            if warning not in warnings:
                warnings.append(warning)
        total += emissions.tonnes_co2e(quantity, plain.kgco2e_per_unit)
        fallback = fallback or is_fallback
        label = _fallback_label(company, is_fallback, scope != source.scope)
        notes.append(
            f"{activity.name}: {quantity:g} {activity.uom_id.name} × "
            f"{plain.kgco2e_per_unit:g} kgCO2e ({label}{factor.citation()})"
        )
    if missing:
        warnings.append(
            company.env._(
                "No emission factor for: %(names)s. Add one in Configuration › "
                "Emission Factors.",
                names=", ".join(missing),
            )
        )
        return None, notes, fallback, (), warnings
    return total, notes, fallback, tuple(sorted(set(used))), warnings


def fetch_environment(env, period, sources):
    company = period.company_id
    quantities, products, problems = activity_quantities(env, company, period)
    every_activity = env["csr.activity"].union(*(s.activity_ids for s in sources))
    mapped = _mapped_activity_ids(env, company, env["csr.activity"].search([]))
    unmapped = _unmapped_by_activity(env, company, every_activity)
    factors = None  # read once, and only when an emission source asks
    figures = {}
    for source in sources:
        activities = source.activity_ids
        product_ids = sorted(set().union(*(products.get(a, set()) for a in activities)))
        domain = _bill_line_domain(company, period) + [
            ("product_id", "in", product_ids)
        ]
        notes = []
        warnings = [problem for a in activities for problem in problems.get(a, [])]
        names = [name for a in activities for name in unmapped.get(a.id, [])]
        if names:
            warnings.append(_unmapped_warning(env, names))
        fallback, factor_ids = False, ()
        if not any(a.id in mapped for a in activities) and (names or not mapped):
            # Nothing bought is known to be this, and some purchase looks like
            # it (or nothing at all is mapped yet): no data, not a zero.
            value = None
        elif source.method == "activity_quantity":
            value = sum(quantities.get(a, 0.0) for a in activities) * source.multiplier
        elif source.method == "activity_energy":
            value = sum(
                emissions.energy_mwh(quantities.get(a, 0.0), a.ncv_mj)
                for a in activities
            )
        else:
            factors = factors or _factors(env)
            value, factor_notes, fallback, factor_ids, factor_warnings = _emissions(
                factors, company, period, source, quantities
            )
            notes += factor_notes
            warnings += factor_warnings
        figures[source] = Figure(
            value,
            "account.move.line",
            domain,
            "\n".join(notes),
            fallback,
            factor_ids=factor_ids,
            warnings=tuple(warnings),
        )
    return figures
