# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Scope 3 screening of one company and period: business travel (category 6)
from purchases and expenses, and employee commuting (category 7) from the
employees' home–work distance and working schedules. Activity-based figures
(GHG Protocol Scope 3 Standard, ch. 7), never added to Scope 1 and 2.

Business travel: posted vendor bills, refunds and receipts (and, when the
Expenses app is installed, the expenses the company paid) of products mapped
to a travel activity, summed per product, unit, month and supplier country in
one query. Tickets count in passenger·km: bought by the kilometre, or by the
unit with the product's kilometres per unit. A hotel night takes the factor
of its supplier's country (else the company's).

Commuting: for each employee with a running contract, the working days its
schedule plans in each month (public holidays removed, as for absenteeism:
see services.leaves), less validated time off prorated over calendar days,
in one query; then 2 × distance × days with the factor of the employee's
commute mode (engine.scope3).
"""

from functools import cached_property

from odoo.tools import SQL, format_amount

from ..engine import emissions, months, scope3
from .figure import Figure
from .leaves import running_workdays
from .query import rows_without_jit
from .workforce import contract_running, contracts_sql

SCOPE = "3"
PURCHASE_TYPES = ("in_invoice", "in_refund", "in_receipt")


def _factors(env):
    """{factor id: record} and the plain Scope 3 factors to choose among."""
    records = env["csr.emission.factor"].search([("scope", "=", SCOPE)])
    plain = [
        emissions.Factor(
            id=factor.id,
            activity_id=factor.activity_id.id,
            scope=factor.scope,
            country_id=factor.country_id.id or None,
            date_from=factor.date_from,
            date_to=factor.date_to or None,
            kgco2e_per_unit=factor.kgco2e_per_unit,
            company_id=factor.company_id.id or None,
        )
        for factor in records
    ]
    return {factor.id: factor for factor in records}, plain


class _Inventory:
    """Inventory lines of one figure, with the notes and warnings that go
    with them."""

    def __init__(self, env, period, category, factors):
        self.env = env
        self.period = period
        self.company = period.company_id
        self.category = category
        self.records, self.plain = factors
        self.plain_by_id = {factor.id: factor for factor in self.plain}
        self.lines, self.warnings, self.missing = [], [], []
        self.quantities = {}  # activity → quantity, for the note
        self.used = {}  # activity → factor records
        self.fallback = False

    def warn(self, message):
        if message not in self.warnings:
            self.warnings.append(message)

    def _pick(self, activity, month, country):
        chosen, fallback = emissions.choose_factor(
            self.plain,
            activity.id,
            SCOPE,
            country.id or None,
            month,
            self.company.id,
        )
        return (self.records[chosen.id], fallback) if chosen else (None, False)

    def choose(self, activity, month, country=None):
        """The factor of ``activity`` for ``month`` in ``country`` (a hotel's),
        else in the company's country, flagged; None, named, if there is none."""
        home = self.company.country_id
        factor, fallback = self._pick(activity, month, country or home)
        if not factor and country and country != home:
            factor, fallback = self._pick(activity, month, home)
            if factor:
                fallback = True
                self.warn(
                    self.env._(
                        "No factor for %(activity)s in %(country)s: the one of "
                        "%(home)s stands in.",
                        activity=activity.name,
                        country=country.name,
                        home=home.name,
                    )
                )
        if not factor and activity.name not in self.missing:
            self.missing.append(activity.name)
        self.fallback = self.fallback or fallback
        return factor

    def add(self, activity, month, quantity, country=None):
        if not quantity:
            return
        factor = self.choose(activity, month, country)
        if not factor:
            return
        self.lines.append(
            scope3.emission_line(
                activity.id, month, quantity, self.plain_by_id[factor.id], self.category
            )
        )
        self.quantities[activity] = self.quantities.get(activity, 0.0) + quantity
        self.used.setdefault(activity, self.env["csr.emission.factor"])
        self.used[activity] |= factor

    def notes(self, method):
        found = [method]
        for activity, quantity in self.quantities.items():
            factors = self.used[activity]
            kg = " / ".join(f"{f.kgco2e_per_unit:g}" for f in factors)
            citations = "; ".join(sorted(set(f.citation() for f in factors)))
            found.append(
                f"{activity.name}: {quantity:,.1f} {activity.uom_id.name} × {kg} "
                f"kgCO2e ({citations})"
            )
        return found

    def finish(self):
        """Warnings about factors: missing ones, and ones of another year."""
        if self.missing:
            self.warn(
                self.env._(
                    "No Scope 3 emission factor for: %(names)s; not counted. Add "
                    "one in Configuration › Emission Factors.",
                    names=", ".join(self.missing),
                )
            )
        year = self.period.date_from.year
        other_years = sorted(
            {
                f.source_year
                for factors in self.used.values()
                for f in factors
                if f.source_year != year
            }
        )
        if other_years:
            self.warn(
                self.env._(
                    "The Scope 3 factors used were published for %(years)s, not "
                    "for %(year)s: the figure uses them as they are.",
                    years=", ".join(str(y) for y in other_years),
                    year=year,
                )
            )

    @property
    def merged_lines(self):
        return tuple(scope3.merge_lines(self.lines))

    @property
    def factor_ids(self):
        return tuple(sorted({line.factor_id for line in self.lines}))


# -- commuting ---------------------------------------------------------------


def commutes(env, company, date_from, date_to):
    """One engine.scope3.Commute per employee and month from ``date_from`` to
    ``date_to`` with a running contract: working days planned, less
    validated time off. Each month is worked out within its own bounds, so
    a month's rows are the same whatever span is read."""
    env.flush_all()
    rows = rows_without_jit(
        env,
        SQL(
            """
            WITH spans AS (
                SELECT contract.employee_id, calendar.id AS calendar_id,
                       CASE WHEN EXISTS (
                                SELECT 1
                                  FROM resource_calendar_attendance own
                                 WHERE own.calendar_id = calendar.id
                                   AND own.resource_id = employee.resource_id)
                            THEN employee.resource_id ELSE 0 END AS resource_key,
                       GREATEST(contract.date_start, %(date_from)s) AS first_day,
                       LEAST(COALESCE(contract.date_end, %(date_to)s), %(date_to)s)
                           AS last_day,
                       employee.distance_home_work AS distance,
                       employee.distance_home_work_unit AS unit,
                       employee.csr_commute_mode AS mode,
                       COALESCE(location.location_type = 'home', FALSE) AS remote
                  FROM %(contracts)s contract
                  JOIN hr_employee employee ON employee.id = contract.employee_id
                  JOIN resource_calendar calendar
                    ON calendar.id = contract.calendar_id
                  LEFT JOIN hr_work_location location
                    ON location.id = employee.work_location_id
                 WHERE %(contract_runs)s
            ),
            %(running)s,
            months AS (
                -- A constant list: the planner knows how many months.
                SELECT month.first_day,
                       (month.first_day + interval '1 month - 1 day')::date
                           AS last_day
                  FROM unnest(%(months)s::date[]) AS month(first_day)
            ),
            -- Each employee-month's first and last scheduled day as plain
            -- columns, so that the running counts are looked up by a hash
            -- join (an expression in the join made the planner loop over
            -- every pair: 0.75 s at 1,000 employees).
            span_months AS MATERIALIZED (
                SELECT span.employee_id, month.first_day AS month,
                       span.calendar_id, span.resource_key, span.distance,
                       span.unit, span.mode, span.remote,
                       LEAST(span.last_day, month.last_day) AS last_key,
                       (GREATEST(span.first_day, month.first_day) - 1)::date
                           AS first_key
                  FROM spans span
                  JOIN months month
                    ON month.first_day <= span.last_day
                   AND month.last_day >= span.first_day
            ),
            -- The employee's commute rides along with the days: joined to
            -- them afterwards, the planner (expecting a handful of rows)
            -- looked each of the 12,000 employee-months up one by one.
            worked AS (
                SELECT part.employee_id, part.month, part.distance, part.unit,
                       part.mode, part.remote,
                       SUM(upto_last.worked - COALESCE(before_first.worked, 0))
                           AS days
                  FROM span_months part
                  JOIN running upto_last
                    ON upto_last.calendar_id = part.calendar_id
                   AND upto_last.resource_key = part.resource_key
                   AND upto_last.day = part.last_key
                  LEFT JOIN running before_first
                    ON before_first.calendar_id = part.calendar_id
                   AND before_first.resource_key = part.resource_key
                   AND before_first.day = part.first_key
              GROUP BY part.employee_id, part.month, part.distance, part.unit,
                       part.mode, part.remote
            ),
            away AS (
                SELECT leave.employee_id, month.first_day AS month,
                       SUM(leave.number_of_days
                           * (LEAST(leave.request_date_to, month.last_day,
                                    %(date_to)s)
                              - GREATEST(leave.request_date_from, month.first_day,
                                         %(date_from)s) + 1)
                           / (leave.request_date_to - leave.request_date_from + 1)
                             ::float) AS days
                  FROM hr_leave leave
                  JOIN months month
                    ON leave.request_date_from <= month.last_day
                   AND leave.request_date_to >= month.first_day
                 WHERE leave.employee_company_id = %(company)s
                   AND leave.state = 'validate'
                   AND leave.request_date_from <= %(date_to)s
                   AND leave.request_date_to >= %(date_from)s
              GROUP BY leave.employee_id, month.first_day
            )
            SELECT worked.employee_id, worked.month,
                   GREATEST(worked.days - COALESCE(away.days, 0), 0),
                   worked.distance, worked.unit, worked.mode, worked.remote
              FROM worked
              LEFT JOIN away
                ON away.employee_id = worked.employee_id
               AND away.month = worked.month
          ORDER BY worked.employee_id, worked.month
            """,
            contracts=contracts_sql(company),
            contract_runs=contract_running("contract", date_from, date_to),
            running=running_workdays(company, date_from, date_to),
            company=company.id,
            months=months.month_starts(date_from, date_to),
            date_from=date_from,
            date_to=date_to,
        ),
    )
    return [
        scope3.Commute(
            employee_id,
            month,
            float(days or 0.0),
            scope3.distance_km(distance, unit),
            mode or None,
            remote,
        )
        for employee_id, month, days, distance, unit, mode, remote in rows
    ]


def _months_of(period):
    """The bounds of the months (rows keyed by their first day) that belong
    to ``period``: a period read on its own may start within its first
    month."""
    return months.month_start(period.date_from), period.date_to


def _commute_warnings(env, summary):
    total = len(summary.counted | summary.no_distance | summary.no_mode)
    found = []
    if summary.no_distance:
        found.append(
            env._(
                "%(count)s of %(total)s employees have no home–work distance and "
                "are not counted; the figure is not guessed for them. Fill it in "
                "on the employee's Private Information tab.",
                count=len(summary.no_distance),
                total=total,
            )
        )
    if summary.no_mode:
        found.append(
            env._(
                "%(count)s of %(total)s employees have a home–work distance but no "
                "commute mode and are not counted. Set their commute mode on the "
                "Private Information tab.",
                count=len(summary.no_mode),
                total=total,
            )
        )
    return found


def commuting_figure(env, period, shared=None):
    """The period's commuting, from ``shared``'s commutes of its months (read
    for the period alone without it)."""
    if shared is None:
        shared = _Shared.of_period(env, period, commuting=True)
    first, last = _months_of(period)
    summary = scope3.summarise_commutes(
        commute for commute in shared.commutes if first <= commute.month <= last
    )
    inventory = _Inventory(env, period, scope3.CATEGORY_COMMUTING, shared.factors)
    activities = shared.commute_activities
    for (code, month), km in sorted(summary.km.items()):
        activity = activities.get(code)
        if activity:
            inventory.add(activity, month, km)
        elif code not in inventory.missing:
            inventory.missing.append(code)
    inventory.finish()
    warnings = _commute_warnings(env, summary) + inventory.warnings
    notes = inventory.notes(
        env._(
            "Activity-based: distance × average factor (GHG Protocol Scope 3, "
            "category 7). Round trip = 2 × home–work distance × scheduled working "
            "days less time off; a driver commutes alone."
        )
    )
    if summary.counted:
        notes.append(
            env._(
                "%(count)s employees counted, %(zero)s of them without emissions "
                "(walking, cycling, working from home, company transport).",
                count=len(summary.counted),
                zero=len(summary.zero),
            )
        )
    value = scope3.total_tco2e(inventory.lines)
    if not summary.counted or (inventory.missing and not inventory.lines):
        value = None  # nobody's commute is known, or no factor serves it
    employees = sorted(summary.counted | summary.no_distance | summary.no_mode)
    return Figure(
        value,
        "hr.employee",
        [("id", "in", employees)],
        "\n".join(notes),
        inventory.fallback,
        estimated=True,
        factor_ids=inventory.factor_ids,
        warnings=tuple(warnings),
        emission_lines=inventory.merged_lines,
    )


# -- business travel -----------------------------------------------------------


def _with_expenses(env):
    """Expenses paid by the company post journal entries whose lines carry
    the product but not the quantity: read it from the expense. Only when
    the Expenses app is installed (it is not a dependency)."""
    return "expense_id" in env["account.move.line"]._fields


def travel_rows(env, company, date_from, date_to, activity_ids):
    """(product, unit, month, supplier country, quantity, amount) of the
    posted purchases of travel products from ``date_from`` to ``date_to``,
    refunds subtracted, by month."""
    if not activity_ids:
        return []
    env.flush_all()
    expenses = _with_expenses(env)
    entry = SQL("move.move_type = 'entry'")
    quantity = (
        SQL(
            "CASE WHEN %s THEN COALESCE(expense.quantity, line.quantity) "
            "ELSE line.quantity END",
            entry,
        )
        if expenses
        else SQL("line.quantity")
    )
    unit = (
        SQL(
            "CASE WHEN %s THEN COALESCE(expense.product_uom_id, "
            "line.product_uom_id) ELSE line.product_uom_id END",
            entry,
        )
        if expenses
        else SQL("line.product_uom_id")
    )
    rows = env.execute_query(
        SQL(
            """
            SELECT line.product_id, %(unit)s,
                   date_trunc('month', line.date)::date, partner.country_id,
                   SUM(%(quantity)s
                       * CASE WHEN move.move_type = 'in_refund'
                                OR (%(entry)s AND line.balance < 0)
                              THEN -1 ELSE 1 END),
                   SUM(line.balance)
              FROM account_move_line line
              JOIN account_move move ON move.id = line.move_id
              JOIN product_product product ON product.id = line.product_id
              JOIN product_template tmpl ON tmpl.id = product.product_tmpl_id
              LEFT JOIN product_category categ ON categ.id = tmpl.categ_id
              LEFT JOIN res_partner partner
                ON partner.id = move.commercial_partner_id
              %(expense_join)s
             WHERE line.company_id = %(company)s
               AND line.parent_state = 'posted'
               AND line.date BETWEEN %(date_from)s AND %(date_to)s
               AND line.display_type = 'product'
               AND COALESCE(tmpl.csr_activity_id, categ.csr_activity_id)
                   IN %(activities)s
               AND (move.move_type IN %(purchase_types)s %(expense_lines)s)
          GROUP BY 1, 2, 3, 4
            """,
            unit=unit,
            quantity=quantity,
            entry=entry,
            expense_join=SQL(
                "LEFT JOIN hr_expense expense ON expense.id = line.expense_id"
            )
            if expenses
            else SQL(""),
            expense_lines=SQL("OR line.expense_id IS NOT NULL")
            if expenses
            else SQL(""),
            company=company.id,
            purchase_types=PURCHASE_TYPES,
            activities=tuple(activity_ids),
            date_from=date_from,
            date_to=date_to,
        )
    )
    products = env["product.product"].browse({r[0] for r in rows})
    products = {p.id: p for p in products.with_context(active_test=False)}
    units = {u.id: u for u in env["uom.uom"].browse({r[1] for r in rows if r[1]})}
    countries = {
        c.id: c for c in env["res.country"].browse({r[3] for r in rows if r[3]})
    }
    return [
        (
            products[product_id],
            units.get(uom_id, env["uom.uom"]),
            month,
            countries.get(country_id, env["res.country"]),
            float(qty or 0.0),
            float(amount or 0.0),
        )
        for product_id, uom_id, month, country_id, qty, amount in rows
    ]


def _activity_of(product):
    return product.product_tmpl_id.csr_activity_id or product.categ_id.csr_activity_id


def _is_distance(activity):
    return activity.uom_id.category_id == activity.env.ref("uom.uom_categ_length")


def _in_activity_unit(product, uom, quantity, activity):
    """The quantity in the activity's unit, or None if it has no distance
    (a ticket bought by the unit without kilometres per unit)."""
    target = activity.uom_id
    if not uom or uom.category_id == target.category_id:
        return uom._compute_quantity(quantity, target, round=False) if uom else quantity
    km = product.product_tmpl_id.csr_km_per_unit
    if km and _is_distance(activity):
        if uom.category_id == product.uom_id.category_id:
            quantity = uom._compute_quantity(quantity, product.uom_id, round=False)
        km_quantity = scope3.passenger_km(quantity, km)
        kilometre = product.env.ref("uom.product_uom_km")
        return kilometre._compute_quantity(km_quantity, target, round=False)
    return None


def _money_only_warning(env, company, spent):
    amount = format_amount(env, sum(spent.values()), company.currency_id)
    return env._(
        "%(amount)s of travel was bought as money only, with no distance, and is "
        "not counted: %(products)s. Buy tickets by the kilometre, or set the "
        "product's kilometres per unit (no spend-based factor is applied).",
        amount=amount,
        products=", ".join(sorted(p.display_name for p in spent)),
    )


def _mapped(env, company, activities):
    """Whether any product or category of the company stands for one of the
    activities: without one, the figure is unknown, not zero."""
    templates = env["product.template"].with_context(active_test=False)
    return bool(
        templates.search_count(
            [
                ("csr_activity_id", "in", activities.ids),
                ("company_id", "in", [False, company.id]),
            ],
            limit=1,
        )
        or env["product.category"].search_count(
            [("csr_activity_id", "in", activities.ids)], limit=1
        )
    )


def business_travel_figure(env, period, source, shared=None):
    """The period's business travel, from ``shared``'s purchases of its
    months (read for the period alone without it)."""
    if shared is None:
        shared = _Shared.of_period(env, period, commuting=False)
    company = period.company_id
    activities, rows = shared.travel(source)
    inventory = _Inventory(env, period, scope3.CATEGORY_TRAVEL, shared.factors)
    spent, product_ids = {}, set()
    first, last = _months_of(period)
    for product, uom, month, country, quantity, amount in rows:
        if not first <= month <= last:
            continue
        activity = _activity_of(product)
        product_ids.add(product.id)
        converted = _in_activity_unit(product, uom, quantity, activity)
        if converted is None and _is_distance(activity):
            spent[product] = spent.get(product, 0.0) + amount
            continue
        if converted is None:
            inventory.warn(
                env._(
                    "%(product)s is bought in %(unit)s, which cannot be converted "
                    "to %(target)s; not counted.",
                    product=product.display_name,
                    unit=uom.name,
                    target=activity.uom_id.name,
                )
            )
            continue
        inventory.add(activity, month, converted, country or None)
    inventory.finish()
    warnings = list(inventory.warnings)
    if spent:
        warnings.insert(0, _money_only_warning(env, company, spent))
    notes = inventory.notes(
        env._(
            "Activity-based: passenger-km and hotel nights × average factor (GHG "
            "Protocol Scope 3, category 6); not added to Scope 1 and 2."
        )
    )
    if inventory.lines:
        value = scope3.total_tco2e(inventory.lines)
    elif spent or inventory.missing or not shared.mapped(activities):
        # Only money, no factor, or nothing known to be travel: no data.
        value = None
    else:
        value = 0.0
    domain = [
        ("company_id", "=", company.id),
        ("parent_state", "=", "posted"),
        ("date", ">=", period.date_from),
        ("date", "<=", period.date_to),
        ("display_type", "=", "product"),
        ("product_id", "in", sorted(product_ids)),
    ]
    purchases = [("move_id.move_type", "in", PURCHASE_TYPES)]
    if _with_expenses(env):
        purchases = ["|", *purchases, ("expense_id", "!=", False)]
    domain += purchases
    return Figure(
        value,
        "account.move.line",
        domain,
        "\n".join(notes),
        inventory.fallback,
        factor_ids=inventory.factor_ids,
        warnings=tuple(warnings),
        emission_lines=inventory.merged_lines,
    )


class _Shared:
    """What the periods of one company read once: the factors, the commutes
    and travel purchases of every month from ``date_from`` to ``date_to``
    (each period keeps its own months)."""

    def __init__(self, env, company, span, commuting):
        self.env = env
        self.company = company
        self.date_from, self.date_to = span
        self.factors = _factors(env)
        self.commutes = []
        self.commute_activities = {}
        if commuting:
            date_from, date_to = span
            self.commutes = commutes(env, company, date_from, date_to)
            codes = sorted(set(filter(None, scope3.COMMUTE_ACTIVITIES.values())))
            self.commute_activities = {
                activity.code: activity
                for activity in env["csr.activity"].search([("code", "in", codes)])
            }
        self._travel = {}
        self._mapped = {}

    @classmethod
    def of_period(cls, env, period, commuting):
        span = (period.date_from, period.date_to)
        return cls(env, period.company_id, span, commuting)

    @classmethod
    def of_sources(cls, env, company, span, sources):
        commuting = any(s.method == "scope3_commuting" for s in sources)
        return cls(env, company, span, commuting)

    def travel(self, source):
        """(activities, rows) of a business travel source, read once."""
        activities = source.activity_ids or self._travel_activities
        key = tuple(sorted(activities.ids))
        if key not in self._travel:
            self._travel[key] = travel_rows(
                self.env, self.company, self.date_from, self.date_to, activities.ids
            )
        return activities, self._travel[key]

    @cached_property
    def _travel_activities(self):
        """Every travel activity: a source that names none reads them all."""
        return self.env["csr.activity"].search([("kind", "=", "travel")])

    def mapped(self, activities):
        key = tuple(sorted(activities.ids))
        if key not in self._mapped:
            self._mapped[key] = _mapped(self.env, self.company, activities)
        return self._mapped[key]


def _figures(env, period, sources, shared):
    figures = {}
    for source in sources:
        if source.method == "scope3_commuting":
            figures[source] = commuting_figure(env, period, shared)
        else:
            figures[source] = business_travel_figure(env, period, source, shared)
    return figures


def fetch_scope3(env, period, sources):
    span = (period.date_from, period.date_to)
    shared = _Shared.of_sources(env, period.company_id, span, sources)
    return _figures(env, period, sources, shared)


def fetch_scope3_for_periods(env, company, periods, sources):
    """{period: {source: Figure}} of several periods of one company, from one
    read of the commutes and travel purchases grouped by month. A period
    that does not start and end on month bounds is read on its own."""
    aligned = periods.filtered(months.on_month_bounds)
    found = {}
    if aligned:
        shared = _Shared.of_sources(env, company, months.span(aligned), sources)
        for period in aligned:
            found[period] = _figures(env, period, sources, shared)
    for period in periods - aligned:
        found[period] = fetch_scope3(env, period, sources)
    return found


# The compute of several periods reads every period of a company at once
# through this (services/period_compute.PeriodsCompute).
fetch_scope3.for_periods = fetch_scope3_for_periods

FETCHERS = {
    "scope3_business_travel": fetch_scope3,
    "scope3_commuting": fetch_scope3,
}
