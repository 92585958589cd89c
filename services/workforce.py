# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Workforce sources: contracts, departures, hires, wages and staff records of
one company.

``contracts_sql`` is the one piece of SQL that reads employment contracts, and
``employments_on`` the accessor built on it: Odoo 18.0 keeps contracts in
hr.contract, Odoo 19 moves them to hr.version.
"""

import copy
from functools import cached_property

from odoo.tools import SQL, format_amount, format_date

from ..engine import months, workforce
from .figure import Figure
from .labels import selection_labels
from .query import rows_without_jit

EMPLOYEE_TYPES = ("employee", "worker")
NON_EMPLOYEE_TYPES = ("contractor", "freelance")
LIVE_STATES = ("open", "close")  # running now, or ran and has expired


def contracts_sql(company):
    """The live contracts of the company's employees and workers, as an SQL
    subquery: id, employee_id, date_start, date_end, wage, calendar_id and
    collective (covered by a collective agreement), one row per contract."""
    return SQL(
        """
        (SELECT contract.id, contract.employee_id, contract.date_start,
                contract.date_end, contract.wage,
                contract.resource_calendar_id AS calendar_id,
                COALESCE(contract.csr_collective_agreement, FALSE) AS collective
           FROM hr_contract contract
           JOIN hr_employee staff ON staff.id = contract.employee_id
          WHERE contract.company_id = %(company)s
            AND contract.state IN %(states)s
            AND staff.employee_type IN %(types)s)
        """,
        company=company.id,
        states=LIVE_STATES,
        types=EMPLOYEE_TYPES,
    )


def contract_running(alias, first_day, last_day=None):
    """SQL: the contract ``alias`` runs on ``first_day`` or, given
    ``last_day``, on some day from ``first_day`` to ``last_day``: it started
    by the last day and had not ended before the first. The days are SQL
    expressions or dates."""
    contract = SQL.identifier(alias)
    return SQL(
        "(%(contract)s.date_start <= %(last)s"
        " AND (%(contract)s.date_end IS NULL OR %(contract)s.date_end >= %(first)s))",
        contract=contract,
        first=first_day,
        last=first_day if last_day is None else last_day,
    )


def employments_on(env, company, day):
    """The contract running on ``day`` for each employee of the company, with
    where the employee works (work address country, else the company's)."""
    return employments_on_days(env, company, [day])[day]


def employments_on_days(env, company, days):
    """{day: employments_on(day)} for several days, in one query."""
    env.flush_all()  # raw SQL: pending ORM writes must reach the database
    days = sorted(set(days))
    contracts = contracts_sql(company)
    # The contracts, their schedules' hours and the managers are worked out
    # once, then matched with the days: a year-end asks for 12 days, and
    # joining everything again for each day cost 3 times as much.
    rows = rows_without_jit(
        env,
        SQL(
            """
            WITH contract AS MATERIALIZED (SELECT * FROM %(contracts)s live),
            at AS (SELECT day FROM unnest(%(days)s::date[]) AS day),
            running AS (
                SELECT DISTINCT ON (at.day, contract.employee_id)
                       at.day, contract.*
                  FROM at
                  JOIN contract ON %(contract_runs)s
              ORDER BY at.day, contract.employee_id, contract.date_start DESC,
                       contract.id DESC
            ),
            managing AS (
                -- whoever has a report with a contract running that day
                SELECT DISTINCT at.day, report.parent_id AS employee_id
                  FROM at
                  JOIN contract report_contract ON %(report_contract_runs)s
                  JOIN hr_employee report
                    ON report.id = report_contract.employee_id
                 WHERE report.parent_id IS NOT NULL
            ),
            hours AS (
                SELECT att.calendar_id, SUM(att.hour_to - att.hour_from) AS weekly
                  FROM resource_calendar_attendance att
                 WHERE att.calendar_id IN (SELECT calendar_id FROM contract)
                   AND att.display_type IS NULL
                   AND att.day_period != 'lunch'
              GROUP BY att.calendar_id
            )
            SELECT running.day,
                   running.id AS contract_id,
                   running.employee_id,
                   COALESCE(employee.gender, '') AS gender,
                   COALESCE(running.wage, 0)::float8 AS wage,
                   COALESCE(
                       hours.weekly
                       / CASE WHEN calendar.two_weeks_calendar THEN 2 ELSE 1 END,
                       0
                   )::float8 AS weekly_hours,
                   running.date_end IS NULL AS permanent,
                   managing.employee_id IS NOT NULL AS manager,
                   COALESCE(calendar.full_time_required_hours, 0)::float8
                       AS full_time_hours,
                   COALESCE(address.country_id, %(country)s) AS country_id,
                   running.collective,
                   running.calendar_id
              FROM running
              JOIN hr_employee employee ON employee.id = running.employee_id
              LEFT JOIN res_partner address ON address.id = employee.address_id
              LEFT JOIN resource_calendar calendar
                ON calendar.id = running.calendar_id
              LEFT JOIN hours ON hours.calendar_id = running.calendar_id
              LEFT JOIN managing
                ON managing.day = running.day
               AND managing.employee_id = running.employee_id
          ORDER BY running.day, running.employee_id
            """,
            contracts=contracts,
            days=days,
            country=company.country_id.id or None,
            contract_runs=contract_running("contract", SQL("at.day")),
            report_contract_runs=contract_running("report_contract", SQL("at.day")),
        ),
    )
    # The columns come in Employment's order, as floats where it has
    # floats: tens of thousands of rows for a year-end, built directly.
    # A contract running on several of the days gives the same row each
    # time (unless a report came or went): built once, shared.
    found = {day: [] for day in days}
    built = {}
    for day, *employment in rows:
        key = tuple(employment)
        row = built.get(key)
        if row is None:
            row = built[key] = workforce.Employment(*employment)
        found[day].append(row)
    return found


def running_headcounts(env, company, days):
    """{day: employees with a contract running on it} (those
    ``employments_on_days`` lists), in one grouped query."""
    env.flush_all()
    days = sorted(set(days))
    rows = env.execute_query(
        SQL(
            """
            SELECT at.day, COUNT(DISTINCT contract.employee_id)
              FROM unnest(%(days)s::date[]) AS at(day)
              JOIN %(contracts)s contract ON %(contract_runs)s
          GROUP BY at.day
            """,
            days=days,
            contracts=contracts_sql(company),
            contract_runs=contract_running("contract", SQL("at.day")),
        )
    )
    found = dict.fromkeys(days, 0)
    found.update(rows)
    return found


def reference_full_time(company):
    """The company's full-time week: its reference schedule's "Company Full
    Time", else that schedule's own weekly hours; (0, empty) without one."""
    calendar = company.resource_calendar_id
    if not calendar:
        return 0.0, calendar
    if calendar.full_time_required_hours:
        return calendar.full_time_required_hours, calendar
    attendances = calendar.attendance_ids.filtered(
        lambda a: not a.display_type and a.day_period != "lunch"
    )
    hours = sum(a.hour_to - a.hour_from for a in attendances)
    if calendar.two_weeks_calendar:
        hours /= 2
    return hours, calendar


def leavers(env, company, period):
    """The employees and workers who left the company during the period."""
    return _leavers(env, company, period.date_from, period.date_to)


def _leavers(env, company, date_from, date_to):
    return (
        env["hr.employee"]
        .with_context(active_test=False)
        .search(
            [
                ("company_id", "=", company.id),
                ("employee_type", "in", EMPLOYEE_TYPES),
                ("departure_date", ">=", date_from),
                ("departure_date", "<=", date_to),
            ]
        )
    )


def _first_starts(env, company, date_from, date_to):
    """{employee: start of their first signed contract}, for the employees
    whose first contract starts within the dates."""
    groups = (
        env["hr.contract"]
        .with_context(active_test=False)
        ._read_group(
            [
                ("company_id", "=", company.id),
                ("state", "!=", "cancel"),
                ("employee_id.employee_type", "in", EMPLOYEE_TYPES),
            ],
            ["employee_id"],
            ["date_start:min"],
            having=[
                ("date_start:min", ">=", date_from),
                ("date_start:min", "<=", date_to),
            ],
        )
    )
    return dict(groups)


def _staff_on_days(env, company, days):
    """{day: {employee type: (people, formal)}} of the people on the books at
    the end of each day: not departed before it (archived without a departure
    date means gone), and not hired after it (someone whose contracts all
    start later was not there yet, which matters when a past period is
    computed again). Formal: a running contract and a social-security
    number. One grouped query."""
    env.flush_all()
    days = sorted(set(days))
    rows = rows_without_jit(
        env,
        SQL(
            """
            SELECT at.day, employee.employee_type, COUNT(*),
                   COUNT(*) FILTER (
                       WHERE COALESCE(employee.ssnid, '') <> ''
                         AND EXISTS (
                             SELECT 1 FROM %(contracts)s running
                              WHERE running.employee_id = employee.id
                                AND %(contract_runs)s))
              FROM unnest(%(days)s::date[]) AS at(day)
              JOIN hr_employee employee
                ON ((employee.active AND employee.departure_date IS NULL)
                    OR employee.departure_date >= at.day)
             WHERE employee.company_id = %(company)s
               AND employee.employee_type IN %(types)s
               AND (NOT EXISTS (
                        SELECT 1 FROM hr_contract contract
                         WHERE contract.employee_id = employee.id
                           AND contract.state != 'cancel')
                    OR EXISTS (
                        SELECT 1 FROM hr_contract contract
                         WHERE contract.employee_id = employee.id
                           AND contract.state != 'cancel'
                           AND contract.date_start <= at.day))
          GROUP BY at.day, employee.employee_type
            """,
            contracts=contracts_sql(company),
            company=company.id,
            types=EMPLOYEE_TYPES + NON_EMPLOYEE_TYPES,
            days=days,
            contract_runs=contract_running("running", SQL("at.day")),
        ),
    )
    found = {day: {} for day in days}
    for day, kind, people, formal in rows:
        found[day][kind] = (people, formal)
    return found


class WorkforceInputs:
    """What the workforce figures of one or several periods of a company read,
    each read once for all of them: the contracts running on every start and
    end day, the staff on every end day, the leavers, the first contracts and
    the minimum wages over the whole span."""

    def __init__(self, env, company, periods):
        self.env = env
        self.company = company
        self.periods = periods
        self.first, self.last = months.span(periods)
        self._rows_on = {}

    @cached_property
    def employments(self):
        days = {p.date_to for p in self.periods}
        return employments_on_days(self.env, self.company, days)

    def rows_and_lacking(self, day):
        """The contracts running on ``day`` with the reference full-time
        hours filled in, and the schedules that lacked them; shared by the
        periods ending that day (a month, its quarter, the year)."""
        if day not in self._rows_on:
            self._rows_on[day] = workforce.with_reference_full_time(
                self.employments[day], self.reference[0]
            )
        return self._rows_on[day]

    @cached_property
    def headcounts_at_start(self):
        """{first day: people with a running contract}; only counted, as
        turnover needs no more of them."""
        days = {p.date_from for p in self.periods}
        return running_headcounts(self.env, self.company, days)

    @cached_property
    def reference(self):
        return reference_full_time(self.company)

    @cached_property
    def staff(self):
        return _staff_on_days(self.env, self.company, [p.date_to for p in self.periods])

    @cached_property
    def leavers(self):
        return _leavers(self.env, self.company, self.first, self.last)

    @cached_property
    def first_starts(self):
        return _first_starts(self.env, self.company, self.first, self.last)

    @cached_property
    def minimum_wages(self):
        """The minimum-wage entries of the company's country up to the last
        day, latest first: the one in force on a day is the first not after
        it (as ``csr.minimum.wage._in_force`` finds it)."""
        country = self.company.country_id
        if not country:
            return self.env["csr.minimum.wage"]
        return self.env["csr.minimum.wage"].search(
            [("country_id", "=", country.id), ("date_from", "<=", self.last)],
            order="date_from desc",
        )


def gender_labels(env):
    """How genders read in a note ("women 1.12, men 1.05"); others: ``None``."""
    return {"female": env._("women"), "male": env._("men"), None: env._("others")}


def _number(value):
    return f"{round(value, 2):g}"


class WorkforceFigures:
    """The workforce figures of one period; each input is read once, when a
    figure first needs it."""

    def __init__(self, env, period, inputs=None):
        self.env = env
        self.period = period
        self.company = period.company_id
        self.inputs = inputs or WorkforceInputs(env, self.company, period)

    # -- inputs -----------------------------------------------------------

    @cached_property
    def _rows_and_lacking(self):
        self.reference_calendar = self.inputs.reference[1]
        return self.inputs.rows_and_lacking(self.period.date_to)

    @cached_property
    def rows(self):
        return self._rows_and_lacking[0]

    def _schedule_warnings(self):
        """Schedules that do not say their full-time hours, and what stood in."""
        lacking = self._rows_and_lacking[1]
        if not lacking:
            return ()
        names = ", ".join(
            self.env["resource.calendar"]
            .browse([i for i in lacking if i])
            .mapped("name")
        ) or self.env._("no schedule")
        if self.reference_calendar:
            return (
                self.env._(
                    "The working schedules %(names)s do not say their full-time "
                    'hours ("Company Full Time" is 0): the %(hours)s hours a week '
                    "of the company's schedule %(reference)s are used instead. Set "
                    "the field on each schedule to be sure.",
                    names=names,
                    hours=_number(reference_full_time(self.company)[0]),
                    reference=self.reference_calendar.name,
                ),
            )
        return (
            self.env._(
                "The working schedules %(names)s do not say their full-time hours "
                '("Company Full Time" is 0) and the company has no reference '
                "schedule: part-time contracts count as full time. Set the field on "
                "each schedule.",
                names=names,
            ),
        )

    @cached_property
    def _contract_ids(self):
        return sorted(row.contract_id for row in self.rows)

    def _contracts_figure(self, value, note="", full_time=False):
        """A figure over the running contracts; ``full_time`` when it leans on
        the schedules' full-time hours (FTE, scaled wages)."""
        domain = [("id", "in", self._contract_ids)]
        warnings = self._schedule_warnings() if full_time else ()
        return Figure(value, "hr.contract", domain, note, warnings=warnings)

    @cached_property
    def minimum_wage(self):
        """(monthly minimum in company currency, table entry) in force at the
        end of the period in the company's country; (None, empty) if none."""
        day = self.period.date_to
        entry = next(
            (e for e in self.inputs.minimum_wages if e.date_from <= day),
            self.env["csr.minimum.wage"],
        )
        if not entry:
            return None, entry
        amount = entry.currency_id._convert(
            entry.monthly_amount, self.company.currency_id, self.company, day, False
        )
        return amount, entry

    @cached_property
    def staff(self):
        """{employee type: (people, formal)} on the period's last day."""
        return self.inputs.staff[self.period.date_to]

    def _staff_domain(self, types):
        """The people of ``types`` counted by ``staff``, as a domain."""
        return [
            ("company_id", "=", self.company.id),
            ("employee_type", "in", list(types)),
            "|",
            "&",
            ("active", "=", True),
            ("departure_date", "=", False),
            ("departure_date", ">=", self.period.date_to),
            "|",
            ("contract_ids", "not any", [("state", "!=", "cancel")]),
            (
                "contract_ids",
                "any",
                [("state", "!=", "cancel"), ("date_start", "<=", self.period.date_to)],
            ),
        ]

    # -- figures ----------------------------------------------------------

    def headcount(self):
        fte = workforce.fte_total(self.rows)
        figure = self._contracts_figure(
            workforce.headcount(self.rows),
            self.env._("FTE %(fte)s", fte=_number(fte)),
            full_time=True,
        )
        figure.warnings_on_note = True  # the headcount itself is right
        return figure

    def permanent_share(self):
        return self._contracts_figure(workforce.permanent_share(self.rows))

    def women_share(self):
        return self._contracts_figure(workforce.women_share(self.rows))

    def women_in_management(self):
        return self._contracts_figure(workforce.women_in_management(self.rows))

    def _count_figure(self, count):
        return self._contracts_figure(float(count))

    def permanent_count(self):
        return self._count_figure(workforce.permanent_count(self.rows))

    def temporary_count(self):
        return self._count_figure(workforce.temporary_count(self.rows))

    def female_count(self):
        return self._count_figure(workforce.gender_count(self.rows, "female"))

    def male_count(self):
        return self._count_figure(workforce.gender_count(self.rows, "male"))

    def other_gender_count(self):
        return self._count_figure(workforce.gender_count(self.rows, "other"))

    def unreported_gender_count(self):
        return self._count_figure(workforce.gender_count(self.rows, ""))

    def management_gender_ratio(self):
        women, men = workforce.management_genders(self.rows)
        note = self.env._(
            "Managers: %(women)s female, %(men)s male", women=women, men=men
        )
        return self._contracts_figure(
            workforce.management_gender_ratio(self.rows), note
        )

    def pay_gap(self):
        return self._contracts_figure(workforce.pay_gap(self.rows))

    def turnover(self):
        period = self.period
        leavers = self.inputs.leavers.filtered(
            lambda e: period.date_from <= e.departure_date <= period.date_to
        )
        start = self.inputs.headcounts_at_start[period.date_from]
        value = workforce.turnover_rate(len(leavers), start, len(self.rows))
        return Figure(value, "hr.employee", [("id", "in", leavers.ids)])

    def new_hire_rate(self):
        period = self.period
        hires = self.env["hr.employee"].union(
            *(
                employee
                for employee, start in self.inputs.first_starts.items()
                if period.date_from <= start <= period.date_to
            )
        )
        value = workforce.new_hire_rate(len(hires), len(self.rows))
        return Figure(value, "hr.employee", [("id", "in", hires.ids)])

    def employees_by_country(self):
        """Headcount in the company's own country; every country in the note."""
        counts = workforce.headcount_by_country(self.rows)
        countries = self.env["res.country"].browse([key for key in counts if key])
        names = {country.id: country.name for country in countries}
        unknown = self.env._("country not set")
        note = ", ".join(
            f"{names.get(key) or unknown} {count}" for key, count in counts.items()
        )
        home = self.company.country_id.id or None
        return self._contracts_figure(float(counts.get(home, 0)), note)

    def collective_bargaining(self):
        covered = sum(1 for row in self.rows if row.collective)
        note = self.env._(
            "%(covered)s of %(total)s covered", covered=covered, total=len(self.rows)
        )
        return self._contracts_figure(workforce.collective_share(self.rows), note)

    def minimum_wage_compliance(self):
        minimum, entry = self.minimum_wage
        if minimum is None:
            return self._no_minimum_wage()
        value, meeting, total = workforce.minimum_wage_compliance(self.rows, minimum)
        if value is None:
            return self._contracts_figure(None)
        note = self.env._(
            "%(meeting)s of %(total)s employees at or above the minimum wage of "
            "%(amount)s a month (%(country)s, from %(date)s)",
            meeting=meeting,
            total=total,
            amount=format_amount(self.env, minimum, self.company.currency_id),
            country=entry.country_id.name,
            date=format_date(self.env, entry.date_from),
        )
        return self._contracts_figure(value, note, full_time=True)

    def entry_wage_ratio(self):
        minimum, _entry = self.minimum_wage
        if minimum is None:
            return self._no_minimum_wage()
        ratios = workforce.entry_wage_ratios(self.rows, minimum)
        labels = gender_labels(self.env)
        note = ", ".join(
            f"{labels.get(gender, labels[None])} {ratio:.2f}"
            for gender, ratio in ratios.items()
            if gender
        )
        return self._contracts_figure(ratios.get(None), note, full_time=True)

    def _no_minimum_wage(self):
        """No figure without the legal minimum, and the reason why."""
        figure = self._contracts_figure(None)
        figure.warnings = (
            self.env._(
                "No minimum wage of %(country)s is in force on %(date)s: add it "
                "in Configuration › Minimum Wages, with the decree that sets it.",
                country=self.company.country_id.name or self.env._("the company"),
                date=format_date(self.env, self.period.date_to),
            ),
        )
        return figure

    def formal_employment(self):
        people = formal = 0
        for kind in EMPLOYEE_TYPES:
            kind_people, kind_formal = self.staff.get(kind, (0, 0))
            people, formal = people + kind_people, formal + kind_formal
        value = formal / people * 100.0 if people else None
        note = self.env._(
            "%(formal)s of %(people)s with a running contract and a social-security "
            "number",
            formal=formal,
            people=people,
        )
        return Figure(value, "hr.employee", self._staff_domain(EMPLOYEE_TYPES), note)

    def non_employees(self):
        labels = selection_labels(self.env["hr.employee"], "employee_type")
        counts = {kind: self.staff.get(kind, (0, 0))[0] for kind in NON_EMPLOYEE_TYPES}
        note = ", ".join(
            f"{labels[kind]} {count}" for kind, count in counts.items() if count
        )
        return Figure(
            float(sum(counts.values())),
            "hr.employee",
            self._staff_domain(NON_EMPLOYEE_TYPES),
            note,
        )


METHODS = {
    "hr_headcount": WorkforceFigures.headcount,
    "hr_permanent_share": WorkforceFigures.permanent_share,
    "hr_women_share": WorkforceFigures.women_share,
    "hr_women_in_management": WorkforceFigures.women_in_management,
    "hr_permanent_count": WorkforceFigures.permanent_count,
    "hr_temporary_count": WorkforceFigures.temporary_count,
    "hr_female_count": WorkforceFigures.female_count,
    "hr_male_count": WorkforceFigures.male_count,
    "hr_other_gender_count": WorkforceFigures.other_gender_count,
    "hr_unreported_gender_count": WorkforceFigures.unreported_gender_count,
    "hr_management_gender_ratio": WorkforceFigures.management_gender_ratio,
    "hr_pay_gap": WorkforceFigures.pay_gap,
    "hr_turnover": WorkforceFigures.turnover,
    "hr_new_hire_rate": WorkforceFigures.new_hire_rate,
    "hr_employees_by_country": WorkforceFigures.employees_by_country,
    "hr_collective_bargaining": WorkforceFigures.collective_bargaining,
    "hr_minimum_wage_compliance": WorkforceFigures.minimum_wage_compliance,
    "hr_entry_wage_ratio": WorkforceFigures.entry_wage_ratio,
    "hr_formal_employment": WorkforceFigures.formal_employment,
    "hr_non_employees": WorkforceFigures.non_employees,
}


def fetch_workforce(env, period, sources):
    figures = WorkforceFigures(env, period)
    return {source: METHODS[source.method](figures) for source in sources}


# The figures that need the period's end only: the staff and contracts on its
# last day, the minimum wage then in force. Turnover and hires also need its
# start.
LAST_DAY_METHODS = set(METHODS) - {"hr_turnover", "hr_new_hire_rate"}


def fetch_workforce_for_periods(env, company, periods, sources):
    """The workforce figures of several periods, their inputs read once; a
    figure of the last day is worked out once for the periods ending that
    day (a month, its quarter, the year) and each gets its own copy."""
    inputs = WorkforceInputs(env, company, periods)
    found, on_last_day = {}, {}
    for period in periods:
        figures = WorkforceFigures(env, period, inputs)
        found[period] = {}
        for source in sources:
            if source.method not in LAST_DAY_METHODS:
                found[period][source] = METHODS[source.method](figures)
                continue
            key = (period.date_to, source.method)
            if key not in on_last_day:
                on_last_day[key] = METHODS[source.method](figures)
            found[period][source] = copy.copy(on_last_day[key])
    return found


fetch_workforce.for_periods = fetch_workforce_for_periods
