# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Energy, water and the greenhouse-gas inventory from what the company
bought and what it recorded.

Quantities come month by month from two places, added together: posted
vendor bills and receipts (minus refunds) of products mapped to a CSR
activity, and the activity data entered or imported by hand (meter readings,
fuel cards, refrigerant recharged, own generation). Each is converted to the
activity's unit, split by the country's biofuel blend where the fuel is sold
blended, and turned into MWh, or into inventory lines per gas and month with
the factor valid then and the company's GWP set. Emission figures are the
sum of their in-scope lines; the biogenic CO2 and gases outside the scopes
are reported apart.
"""

from collections import defaultdict
from dataclasses import dataclass, field, replace

from odoo.tools import SQL

from ..engine import emissions, ghg
from ..engine.months import on_month_bounds
from .figure import Figure

METHODS = (
    "activity_quantity",
    "activity_energy",
    "activity_renewable_energy",
    "activity_emissions",
    "activity_biogenic",
)
EMISSION_METHODS = ("activity_emissions", "activity_biogenic")
# Grid factors change with each year's generation mix; fuel factors (IPCC
# 2006 defaults) do not, and serve every year.
YEARLY_SCOPES = ("2_location", "2_market")
BILL_TYPES = ("in_invoice", "in_refund", "in_receipt")


def _bill_line_domain(company, period):
    return [
        ("company_id", "=", company.id),
        ("parent_state", "=", "posted"),
        ("date", ">=", period.date_from),
        ("date", "<=", period.date_to),
        ("display_type", "=", "product"),
        ("product_id", "!=", False),
        ("move_id.move_type", "in", BILL_TYPES),
    ]


def _activity_of(product):
    return product.product_tmpl_id.csr_activity_id or product.categ_id.csr_activity_id


# -- quantities, month by month ----------------------------------------------


@dataclass
class Quantities:
    """What the company used of each activity, month by month, with the
    products and problems of each month, so that several periods can share
    one read."""

    by_month: dict = field(default_factory=lambda: defaultdict(dict))
    product_months: dict = field(default_factory=dict)  # activity → {month: ids}
    problem_months: dict = field(default_factory=dict)  # activity → {month: texts}
    entered_months: dict = field(default_factory=dict)  # activity → months

    def add(self, activity, month, quantity):
        months = self.by_month[activity]
        months[month] = months.get(month, 0.0) + quantity

    def total(self, activity):
        return sum(self.by_month.get(activity, {}).values())

    @property
    def products(self):
        return {
            activity: set().union(*months.values())
            for activity, months in self.product_months.items()
        }

    @property
    def problems(self):
        found = {}
        for activity, months in self.problem_months.items():
            for texts in months.values():
                for text in texts:
                    if text not in found.setdefault(activity, []):
                        found[activity].append(text)
        return found

    @property
    def entered(self):
        return {activity for activity, months in self.entered_months.items() if months}

    def within(self, date_from, date_to):
        """The months of one period (which starts and ends on month bounds)."""

        def keep(months):
            return {m: v for m, v in months.items() if date_from <= m <= date_to}

        part = Quantities()
        for activity, months in self.by_month.items():
            part.by_month[activity] = keep(months)
        part.product_months = {a: keep(m) for a, m in self.product_months.items()}
        part.problem_months = {a: keep(m) for a, m in self.problem_months.items()}
        part.entered_months = {
            a: {m for m in months if date_from <= m <= date_to}
            for a, months in self.entered_months.items()
        }
        return part


def _billed_rows(env, company, date_from, date_to):
    """(product, unit, month, quantity) of posted vendor bills and receipts
    minus refunds: one grouped query."""
    env.flush_all()
    return env.execute_query(
        SQL(
            """
            SELECT line.product_id, line.product_uom_id,
                   date_trunc('month', line.date)::date,
                   SUM(CASE WHEN move.move_type = 'in_refund'
                            THEN -line.quantity ELSE line.quantity END)
              FROM account_move_line line
              JOIN account_move move ON move.id = line.move_id
             WHERE line.company_id = %(company)s
               AND line.parent_state = 'posted'
               AND line.date BETWEEN %(date_from)s AND %(date_to)s
               AND line.display_type = 'product'
               AND line.product_id IS NOT NULL
               -- The line's company, said of the bill too: PostgreSQL then
               -- reads the bills from their own index.
               AND move.company_id = %(company)s
               AND move.move_type IN %(types)s
          GROUP BY 1, 2, 3
            """,
            company=company.id,
            date_from=date_from,
            date_to=date_to,
            types=BILL_TYPES,
        )
    )


def _unit_problem(env, product, uom, activity):
    return env._(
        "%(product)s is billed in %(unit)s, which cannot be converted to "
        "%(target)s.",
        product=product.display_name,
        unit=uom.name,
        target=activity.uom_id.name,
    )


def activity_quantities(env, company, date_from, date_to):
    """The quantities of every activity between two days, bills and entries
    added, month by month."""
    found = Quantities()
    rows = _billed_rows(env, company, date_from, date_to)
    # Records taken from whole recordsets share one prefetch: few queries.
    products = {p.id: p for p in env["product.product"].browse({r[0] for r in rows})}
    units = {u.id: u for u in env["uom.uom"].browse({r[1] for r in rows if r[1]})}
    for product_id, uom_id, month, quantity in rows:
        product, uom = products[product_id], units.get(uom_id)
        activity = _activity_of(product)
        if not activity:
            continue
        if uom and uom.category_id != activity.uom_id.category_id:
            problem = _unit_problem(env, product, uom, activity)
            texts = found.problem_months.setdefault(activity, {}).setdefault(month, [])
            if problem not in texts:
                texts.append(problem)
            continue
        quantity = float(quantity or 0.0)
        if uom:
            quantity = uom._compute_quantity(quantity, activity.uom_id, round=False)
        found.add(activity, month, quantity)
        months = found.product_months.setdefault(activity, {})
        months.setdefault(month, set()).add(product.id)
    _add_entries(env, company, date_from, date_to, found)
    return found


def _add_entries(env, company, date_from, date_to, found):
    """Activity data entered by hand or imported, added to the bills."""
    groups = env["csr.activity.entry"]._read_group(
        [
            ("company_id", "=", company.id),
            ("date", ">=", date_from),
            ("date", "<=", date_to),
        ],
        ["activity_id", "date:month"],
        ["quantity:sum"],
    )
    for activity, month, quantity in groups:
        month = month.date() if hasattr(month, "date") else month
        found.add(activity, month, quantity)
        found.entered_months.setdefault(activity, set()).add(month)


# -- blends --------------------------------------------------------------------


def _blends(env, company):
    """{fuel family: [(from, share %, biofuel activity, blend)]}, latest first."""
    if not company.country_id:
        return {}
    found = defaultdict(list)
    for blend in env["csr.fuel.blend"].search(
        [("country_id", "=", company.country_id.id)], order="date_from desc"
    ):
        found[blend.family].append(
            (blend.date_from, blend.bio_share, blend.bio_activity_id, blend)
        )
    return found


def _blend_on(blends, activity, month):
    """The blend in force on the month's first day, if the fuel is blended."""
    for date_from, share, bio_activity, blend in blends.get(activity.blend_family, ()):
        if date_from <= month:
            return share, bio_activity, blend
    return 0.0, None, None


def _no_blend_warning(company, activity, month):
    return company.env._(
        "No biofuel blend of %(country)s is known for %(month)s: %(fuel)s of "
        "that month is counted as fully fossil. Add the blend in force then "
        "(Configuration › Biofuel Blends).",
        country=company.country_id.name,
        month=month.strftime("%Y-%m"),
        fuel=activity.name,
    )


def _parts(blends, activity, month, quantity):
    """[(activity whose energy and carbon count, quantity, is the bio part)]."""
    share, bio_activity, _blend = _blend_on(blends, activity, month)
    if not bio_activity:
        return [(activity, quantity, False)]
    fossil, bio = ghg.blend_parts(quantity, share)
    return [(activity, fossil, False), (bio_activity, bio, True)]


def _energy(blends, activity, months, renewable_only=False):
    """MWh of an activity over the months, or of its renewable part only."""
    total = 0.0
    for month, quantity in months.items():
        for part, part_quantity, is_bio in _parts(blends, activity, month, quantity):
            if renewable_only and not (is_bio or activity.renewable):
                continue
            total += emissions.energy_mwh(part_quantity, part.ncv_mj)
    return total


# -- factors -------------------------------------------------------------------


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


def _gases(factor):
    return ghg.Gases(
        co2=factor.co2_per_unit,
        ch4=factor.ch4_per_unit,
        n2o=factor.n2o_per_unit,
        co2e=factor.kgco2e_per_unit,
        biogenic_co2=factor.biogenic_co2_per_unit,
    )


@dataclass
class _Choice:
    factor: object  # csr.emission.factor
    fallback: bool
    substituted: bool
    other_gwp_set: bool = False


def _choose(factors, company, activity, scope, day):
    """The factor of an activity for a day; for a refrigerant, the one of the
    company's GWP set (else the other set, said so)."""
    records, plain = factors
    candidates = plain
    other_set = False
    if activity.kind == "refrigerant":
        own = [f for f in plain if records[f.id].gwp_set == company.csr_gwp_set]
        other_set = not any(f.activity_id == activity.id for f in own)
        candidates = plain if other_set else own
    chosen, fallback, used_scope = emissions.choose_factor_or_substitute(
        candidates,
        _factor_activity(activity, scope).id,
        scope,
        company.country_id.id,
        day,
        company.id,
    )
    if not chosen:
        return None
    return _Choice(records[chosen.id], fallback, used_scope != scope, other_set)


def _basis_label(factor):
    labels = dict(factor._fields["basis"]._description_selection(factor.env))
    return labels.get(factor.basis, factor.basis or "")


def _factor_warnings(company, period, choice):
    """A factor from an earlier year, a regional or lifecycle stand-in, or a
    refrigerant's other GWP set is not the period's own: say which one."""
    _ = company.env._
    factor = choice.factor
    year = factor.data_year or factor.date_from.year
    found = []
    if choice.substituted:
        found.append(
            _(
                "No supplier or certificate factor: the grid average %(factor)s "
                "stands in for the market-based figure, as the GHG Protocol's "
                "Scope 2 Guidance allows. Add your supplier's factor if it has one.",
                factor=factor.display_name,
            )
        )
    elif choice.fallback:
        found.append(
            _(
                "No emission factor of %(country)s: the regional factor %(factor)s "
                "(%(year)s, basis: %(basis)s) stands in. Add your country's factor.",
                country=company.country_id.name or "?",
                factor=factor.display_name,
                year=year,
                basis=_basis_label(factor),
            )
        )
    elif (
        factor.scope in YEARLY_SCOPES
        and year < period.date_from.year
        and not factor.date_to
    ):
        found.append(
            _(
                "The latest emission factor available, %(factor)s, describes "
                "%(year)s (basis: %(basis)s), not %(period_year)s: the figure "
                "uses it as it is. Add the factor of %(period_year)s when its "
                "publisher issues it.",
                factor=factor.display_name,
                year=year,
                basis=_basis_label(factor),
                period_year=period.date_from.year,
            )
        )
    if choice.other_gwp_set:
        found.append(
            _(
                "%(factor)s uses the warming potentials of %(set)s, not the "
                "company's: add the factor of the company's GWP set.",
                factor=factor.display_name,
                set=factor.gwp_set or "?",
            )
        )
    return found


def _fallback_label(company, choice):
    if choice.substituted:
        return company.env._("no market-based factor, grid average used: ")
    if choice.fallback:
        return company.env._(
            "fallback, no factor for %(country)s: ",
            country=company.country_id.name or "?",
        )
    return ""


# -- the inventory ---------------------------------------------------------------


@dataclass
class Inventory:
    """The lines of one emission source and what to say about them."""

    lines: list = field(default_factory=list)
    notes: list = field(default_factory=list)
    warnings: list = field(default_factory=list)
    factor_ids: set = field(default_factory=set)
    missing: list = field(default_factory=list)
    fallback: bool = False

    def warn(self, messages):
        for message in messages:
            if message not in self.warnings:
                self.warnings.append(message)

    @property
    def tco2e(self):
        return sum(line.tco2e for line in self.lines if line.in_scopes)

    @property
    def biogenic_tco2(self):
        return sum(line.biogenic_tco2 for line in self.lines)


def _gas_of(activity, gas):
    if activity.kind == "refrigerant":
        return activity.gas_group or "hfc"
    return gas


def _part_lines(company, scope, activity, month, quantity, choice, part):
    """Inventory lines of one part (fossil or bio) of an activity's month."""
    part_activity, part_quantity, is_bio = part
    factor = choice.factor
    if is_bio:
        fossil = _gases(factor)
        gases = ghg.scale_gases_to_energy(fossil, activity.ncv_mj, part_activity.ncv_mj)
        bio_factor = part_activity.factor_ids.filtered(lambda f: f.scope == "1")[:1]
        gases = ghg.Gases(
            ch4=gases.ch4,
            n2o=gases.n2o,
            biogenic_co2=bio_factor.biogenic_co2_per_unit,
        )
    else:
        gases = _gases(factor)
    by_gas, biogenic = ghg.inventory_tonnes(part_quantity, gases, company.csr_gwp_set)
    if biogenic:
        by_gas.setdefault("co2", 0.0)
    in_scopes = not (activity.kind == "refrigerant" and activity.gas_group == "hcfc")
    return [
        emissions.EmissionLine(
            scope=scope,
            activity_id=activity.id,
            gas=_gas_of(activity, gas),
            month=month,
            quantity=quantity,
            tco2e=tco2e,
            biogenic_tco2=biogenic if gas == "co2" else 0.0,
            factor_id=factor.id,
            tier="activity",
            in_scopes=in_scopes,
        )
        for gas, tco2e in by_gas.items()
    ]


def _merge_lines(lines):
    """Fossil and bio parts of one activity, month and gas on one line."""
    merged = {}
    for line in lines:
        key = (line.scope, line.activity_id, line.gas, line.month)
        if key in merged:
            old = merged[key]
            line = replace(
                old,
                tco2e=old.tco2e + line.tco2e,
                biogenic_tco2=old.biogenic_tco2 + line.biogenic_tco2,
            )
        merged[key] = line
    return list(merged.values())


def _activity_note(company, activity, quantity, choice, blends_used):
    gases = choice.factor.gases or ""
    note = (
        f"{activity.name}: {quantity:g} {activity.uom_id.name} × "
        f"{choice.factor.kgco2e_per_unit:g} kgCO2e [{gases}] "
        f"({_fallback_label(company, choice)}{choice.factor.citation()})"
    )
    for blend in blends_used:
        note += company.env._(
            "; blend %(blend)s (%(citation)s)",
            blend=blend.display_name,
            citation=blend.citation(),
        )
    return note


def inventory(env, factors, blends, company, period, scope, activities, quantities):
    """The inventory lines of some activities in one scope."""
    found = Inventory()
    for activity in activities:
        months = quantities.by_month.get(activity, {})
        if not any(months.values()):
            continue
        lines, used_blends, first_choice = [], [], None
        for month in sorted(months):
            quantity = months[month]
            if not quantity:
                continue
            choice = _choose(factors, company, activity, scope, month)
            if not choice:
                found.missing.append(activity.name)
                break
            first_choice = first_choice or choice
            found.factor_ids.add(choice.factor.id)
            found.fallback = found.fallback or choice.fallback
            found.warn(_factor_warnings(company, period, choice))
            blend = _blend_on(blends, activity, month)[2] if scope == "1" else None
            if blend and blend not in used_blends:
                used_blends.append(blend)
            elif scope == "1" and not blend and blends.get(activity.blend_family):
                found.warn([_no_blend_warning(company, activity, month)])
            parts = (
                _parts(blends, activity, month, quantity)
                if scope == "1"
                else [(activity, quantity, False)]
            )
            for part in parts:
                lines += _part_lines(
                    company, scope, activity, month, quantity, choice, part
                )
        else:
            found.lines += _merge_lines(lines)
            if first_choice:
                found.notes.append(
                    _activity_note(
                        company,
                        activity,
                        quantities.total(activity),
                        first_choice,
                        used_blends,
                    )
                )
    if found.missing:
        found.warn(
            [
                env._(
                    "No emission factor for: %(names)s. Add one in Configuration › "
                    "Emission Factors.",
                    names=", ".join(sorted(set(found.missing))),
                )
            ]
        )
    return found


# -- what is known to be zero --------------------------------------------------


def _mapped_activity_ids(env, company, activities):
    """Activities that some product or product category of the company stands
    for, or that the company records by hand: for them a zero is a
    measurement; for the others it is no data."""
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
    entries = env["csr.activity.entry"]._read_group(
        [("company_id", "=", company.id), ("activity_id", "in", activities.ids)],
        ["activity_id"],
    )
    return {activity.id for (activity,) in templates + categories + entries}


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


def _entries_note(env, activities, quantities):
    names = [a.name for a in activities if a in quantities.entered]
    if not names:
        return ""
    return env._(
        "Includes activity data entered by hand for: %(names)s.",
        names=", ".join(names),
    )


# -- the figures -----------------------------------------------------------------


class _Shared:
    """What the periods of one company share, read once."""

    def __init__(self, env, company, sources):
        self.env = env
        self.company = company
        every_activity = env["csr.activity"].union(*(s.activity_ids for s in sources))
        # Travel products are Scope 3's: mapping only them says nothing
        # about energy or Scope 1 and 2.
        self.mapped = _mapped_activity_ids(
            env, company, env["csr.activity"].search([("kind", "!=", "travel")])
        )
        self.unmapped = _unmapped_by_activity(env, company, every_activity)
        self.blends = _blends(env, company)
        self._factors = None

    @property
    def factors(self):
        self._factors = self._factors or _factors(self.env)
        return self._factors


class _Context:
    """One period's quantities and what the company's periods share."""

    def __init__(self, shared, period, quantities):
        self.shared = shared
        self.env = shared.env
        self.company = shared.company
        self.period = period
        self.quantities = quantities
        self.mapped = shared.mapped
        self.unmapped = shared.unmapped
        self.blends = shared.blends

    @property
    def factors(self):
        return self.shared.factors


def _figure(ctx, source):
    env, quantities = ctx.env, ctx.quantities
    activities = source.activity_ids
    product_ids = sorted(
        set().union(*(quantities.products.get(a, set()) for a in activities))
    )
    domain = _bill_line_domain(ctx.company, ctx.period) + [
        ("product_id", "in", product_ids)
    ]
    notes = [_entries_note(env, activities, quantities)]
    warnings = [p for a in activities for p in quantities.problems.get(a, [])]
    names = [name for a in activities for name in ctx.unmapped.get(a.id, [])]
    if names:
        warnings.append(_unmapped_warning(env, names))
    fallback, factor_ids, lines = False, (), ()
    if not any(a.id in ctx.mapped for a in activities) and (names or not ctx.mapped):
        # Nothing bought or recorded is known to be this, and some purchase
        # looks like it (or nothing at all is mapped yet): no data, not a zero.
        value = None
    elif source.method == "activity_quantity":
        value = sum(quantities.total(a) for a in activities) * source.multiplier
    elif source.method in ("activity_energy", "activity_renewable_energy"):
        renewable_only = source.method == "activity_renewable_energy"
        value = sum(
            _energy(ctx.blends, a, quantities.by_month.get(a, {}), renewable_only)
            for a in activities
        )
    else:
        scope = source.scope or "1"
        found = inventory(
            env,
            ctx.factors,
            ctx.blends,
            ctx.company,
            ctx.period,
            scope,
            activities,
            quantities,
        )
        notes += found.notes
        warnings += found.warnings
        fallback, factor_ids = found.fallback, tuple(sorted(found.factor_ids))
        if found.missing:
            value = None
        elif source.method == "activity_biogenic":
            value = found.biogenic_tco2
        else:
            value, lines = found.tco2e, tuple(found.lines)
        if value is not None:
            notes.append(_gwp_note(ctx.company))
    return Figure(
        value,
        "account.move.line",
        domain,
        "\n".join(note for note in notes if note),
        fallback,
        factor_ids=factor_ids,
        warnings=tuple(dict.fromkeys(warnings)),
        emission_lines=lines,
    )


def _gwp_note(company):
    labels = dict(company._fields["csr_gwp_set"]._description_selection(company.env))
    return company.env._(
        "Warming potentials: %(set)s.", set=labels.get(company.csr_gwp_set, "")
    )


def fetch_environment(env, period, sources):
    shared = _Shared(env, period.company_id, sources)
    quantities = activity_quantities(
        env, period.company_id, period.date_from, period.date_to
    )
    ctx = _Context(shared, period, quantities)
    return {source: _figure(ctx, source) for source in sources}


def fetch_environment_periods(env, company, periods, sources):
    """{period: {source: Figure}} of several periods of one company, from one
    read of the bills and entries grouped by month. A period that does not
    start and end on month bounds is read on its own."""
    shared = _Shared(env, company, sources)
    aligned = periods.filtered(on_month_bounds)
    found = {}
    if aligned:
        quantities = activity_quantities(
            env,
            company,
            min(aligned.mapped("date_from")),
            max(aligned.mapped("date_to")),
        )
        for period in aligned:
            part = quantities.within(period.date_from, period.date_to)
            ctx = _Context(shared, period, part)
            found[period] = {source: _figure(ctx, source) for source in sources}
    for period in periods - aligned:
        quantities = activity_quantities(env, company, period.date_from, period.date_to)
        ctx = _Context(shared, period, quantities)
        found[period] = {source: _figure(ctx, source) for source in sources}
    return found


# The compute of several periods reads every period of a company at once
# through this (services/period_compute.PeriodsCompute).
fetch_environment.for_periods = fetch_environment_periods
