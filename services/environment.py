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
        total += emissions.tonnes_co2e(quantity, plain.kgco2e_per_unit)
        fallback = fallback or is_fallback
        label = _fallback_label(company, is_fallback, scope != source.scope)
        notes.append(
            f"{activity.name}: {quantity:g} {activity.uom_id.name} × "
            f"{plain.kgco2e_per_unit:g} kgCO2e ({label}{factor.citation()})"
        )
    if missing:
        notes.append(
            company.env._(
                "No emission factor for: %(names)s.", names=", ".join(missing)
            )
        )
        return None, notes, fallback, ()
    return total, notes, fallback, tuple(sorted(set(used)))


def fetch_environment(env, period, sources):
    company = period.company_id
    quantities, products, problems = activity_quantities(env, company, period)
    factors = None  # read once, and only when an emission source asks
    figures = {}
    for source in sources:
        activities = source.activity_ids
        product_ids = sorted(set().union(*(products.get(a, set()) for a in activities)))
        domain = _bill_line_domain(company, period) + [
            ("product_id", "in", product_ids)
        ]
        notes = [note for a in activities for note in problems.get(a, [])]
        fallback, factor_ids = False, ()
        if source.method == "activity_quantity":
            value = sum(quantities.get(a, 0.0) for a in activities) * source.multiplier
        elif source.method == "activity_energy":
            value = sum(
                emissions.energy_mwh(quantities.get(a, 0.0), a.ncv_mj)
                for a in activities
            )
        else:
            factors = factors or _factors(env)
            value, factor_notes, fallback, factor_ids = _emissions(
                factors, company, period, source, quantities
            )
            notes += factor_notes
        figures[source] = Figure(
            value,
            "account.move.line",
            domain,
            "\n".join(notes),
            fallback,
            factor_ids=factor_ids,
        )
    return figures
