# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Time-off figures of one company: days lost to work accidents, absenteeism
and the return to work after parental leave.

Validated time off counts when its type has a CSR leave kind, for the
employees and workers of the company.

Proration: a leave that straddles a boundary of the period counts only for its
part inside, in proportion to calendar days. Its duration in days (as Time Off
computed it) is multiplied by the share of its calendar days, from its first
to its last requested day, that lie in the period. A leave from Wednesday 29
January to Tuesday 4 February (7 calendar days, 3 in January) that lasted 5
working days counts 5 x 3/7 = 2.14 days in January and 5 x 4/7 = 2.86 days in
February, so the months add up to the leave.

Scheduled working days: for each employee, the days of the period within a
running contract on which the contract's working schedule has attendance
(two-week schedules follow Odoo's week parity: the number of whole weeks since
1 January of year 1, even or odd), less the public holidays of that schedule
or of all the company's schedules (time off without a resource), read in the
schedule's time zone. Each figure is one query.
"""

from functools import cached_property

from odoo.tools import SQL

from ..engine import months, vsme_xbrl, workforce
from .figure import Figure
from .workforce import (
    EMPLOYEE_TYPES,
    contract_running,
    contracts_sql,
    gender_labels,
    reference_full_time,
)


def _working_day(company):
    """SQL condition on ``schedule`` and ``day.day``: the schedule (or the
    resource's own attendances) has a working attendance on that weekday, of
    the right week for two-week schedules, and no public holiday of the
    schedule or of all the company's schedules covers it, read in the
    schedule's time zone."""
    return SQL(
        """
    EXISTS (
        SELECT 1
          FROM resource_calendar_attendance att
         WHERE att.calendar_id = schedule.calendar_id
           AND att.display_type IS NULL
           AND att.day_period != 'lunch'
           AND (att.resource_id IS NULL
                OR att.resource_id = schedule.resource_key)
           AND att.dayofweek = (EXTRACT(ISODOW FROM day.day)::int - 1)::varchar
           AND (NOT schedule.two_weeks
                OR att.week_type
                   = MOD((day.day::date - DATE '0001-01-01') / 7, 2)::varchar)
           AND (att.date_from IS NULL OR att.date_from <= day.day)
           AND (att.date_to IS NULL OR att.date_to >= day.day))
    AND NOT EXISTS (
        SELECT 1
          FROM resource_calendar_leaves holiday
         WHERE holiday.resource_id IS NULL
           AND (holiday.calendar_id = schedule.calendar_id
                OR (holiday.calendar_id IS NULL
                    AND holiday.company_id = %(company)s))
           AND holiday.date_from AT TIME ZONE 'UTC' AT TIME ZONE schedule.tz
               < day.day + interval '1 day'
           AND holiday.date_to AT TIME ZONE 'UTC' AT TIME ZONE schedule.tz
               > day.day)
        """,
        company=company.id,
    )


def _leave_domain(company, period, kind):
    """The validated leaves of ``kind`` overlapping the period, as counted."""
    return [
        ("employee_company_id", "=", company.id),
        ("state", "=", "validate"),
        ("holiday_status_id.csr_leave_kind", "=", kind),
        ("employee_id.employee_type", "in", list(EMPLOYEE_TYPES)),
        ("request_date_from", "<=", period.date_to),
        ("request_date_to", ">=", period.date_from),
    ]


def _kinds_in_use(env, company):
    """The CSR leave kinds some time-off type of the company is marked with:
    without one, a figure is unknown rather than zero."""
    groups = (
        env["hr.leave.type"]
        .with_context(active_test=False)
        ._read_group(
            [
                ("csr_leave_kind", "!=", False),
                ("company_id", "in", [company.id, False]),
            ],
            ["csr_leave_kind"],
        )
    )
    return {kind for (kind,) in groups}


def _periods_sql(periods):
    """The periods as an SQL row source ``period(id, date_from, date_to)``."""
    return SQL(
        "unnest(%s::int[], %s::date[], %s::date[]) AS period(id, date_from, date_to)",
        [p.id for p in periods],
        [p.date_from for p in periods],
        [p.date_to for p in periods],
    )


def days_by_kind(env, company, periods):
    """{period id: {kind: days of the period}} of validated sick and accident
    leaves, for one or several periods in one query."""
    env.flush_all()
    rows = env.execute_query(
        SQL(
            """
            SELECT period.id, kind.csr_leave_kind,
                   SUM(leave.number_of_days
                       * (LEAST(leave.request_date_to, period.date_to)
                          - GREATEST(leave.request_date_from, period.date_from) + 1)
                       / (leave.request_date_to - leave.request_date_from + 1)::float)
              FROM %(periods)s
              JOIN hr_leave leave
                ON leave.request_date_from <= period.date_to
               AND leave.request_date_to >= period.date_from
              JOIN hr_leave_type kind ON kind.id = leave.holiday_status_id
              JOIN hr_employee employee ON employee.id = leave.employee_id
             WHERE leave.employee_company_id = %(company)s
               AND leave.state = 'validate'
               AND kind.csr_leave_kind IN ('sick', 'accident')
               AND employee.employee_type IN %(types)s
          GROUP BY period.id, kind.csr_leave_kind
            """,
            periods=_periods_sql(periods),
            company=company.id,
            types=EMPLOYEE_TYPES,
        )
    )
    found = {period.id: {} for period in periods}
    for period_id, kind, days in rows:
        found[period_id][kind] = float(days or 0.0)
    return found


def running_workdays(company, date_from, date_to):
    """The CTEs ``schedules`` and ``running`` following a CTE ``spans``
    (calendar_id, resource_key): each schedule's days from ``date_from`` to
    ``date_to`` with a running count of its working days, so that the days
    worked between two dates are the difference of two counts (used by the
    scheduled days here and by commuting in ``services/scope3``)."""
    return SQL(
        """
            schedules AS (
                SELECT DISTINCT span.calendar_id, span.resource_key, calendar.tz,
                       COALESCE(calendar.two_weeks_calendar, FALSE) AS two_weeks
                  FROM spans span
                  JOIN resource_calendar calendar ON calendar.id = span.calendar_id
            ),
            running AS (
                SELECT schedule.calendar_id, schedule.resource_key,
                       day.day::date AS day,
                       COUNT(*) FILTER (WHERE %(works)s) OVER (
                           PARTITION BY schedule.calendar_id, schedule.resource_key
                           ORDER BY day.day) AS worked
                  FROM schedules schedule
                 CROSS JOIN generate_series(%(date_from)s::timestamp,
                                            %(date_to)s::timestamp,
                                            interval '1 day') AS day(day)
            )""",
        works=_working_day(company),
        date_from=date_from,
        date_to=date_to,
    )


def scheduled_days(env, company, periods):
    """{period id: working days the employees' schedules planned in it} (see
    the module's docstring), for one or several periods in one query whose
    cost follows the number of schedules × days, not employees × days: each
    schedule's working days over the periods' whole span are listed once
    with a running count, and a contract's days in a period are the
    difference of that count between its last day and the day before its
    first. Odoo allows one running contract per employee at a time, so
    contracts never count a day twice."""
    env.flush_all()
    first, last = months.span(periods)
    rows = env.execute_query(
        SQL(
            """
            WITH spans AS (
                SELECT period.id AS period_id,
                       calendar.id AS calendar_id,
                       -- Attendances of one resource only make its own
                       -- schedule: key it apart from the shared one.
                       CASE WHEN EXISTS (
                                SELECT 1
                                  FROM resource_calendar_attendance own
                                 WHERE own.calendar_id = calendar.id
                                   AND own.resource_id = employee.resource_id)
                            THEN employee.resource_id ELSE 0 END AS resource_key,
                       GREATEST(contract.date_start, period.date_from) AS first_day,
                       LEAST(COALESCE(contract.date_end, period.date_to),
                             period.date_to) AS last_day
                  FROM %(periods)s
                  JOIN %(contracts)s contract ON %(contract_runs)s
                  JOIN hr_employee employee ON employee.id = contract.employee_id
                  JOIN resource_calendar calendar
                    ON calendar.id = contract.calendar_id
            ),
            %(running)s
            SELECT span.period_id,
                   SUM(upto_last.worked - COALESCE(before_first.worked, 0))
              FROM spans span
              JOIN running upto_last
                ON upto_last.calendar_id = span.calendar_id
               AND upto_last.resource_key = span.resource_key
               AND upto_last.day = span.last_day
              LEFT JOIN running before_first
                ON before_first.calendar_id = span.calendar_id
               AND before_first.resource_key = span.resource_key
               AND before_first.day = span.first_day - 1
          GROUP BY span.period_id
            """,
            periods=_periods_sql(periods),
            contracts=contracts_sql(company),
            contract_runs=contract_running(
                "contract", SQL("period.date_from"), SQL("period.date_to")
            ),
            running=running_workdays(company, first, last),
        )
    )
    found = {period.id: 0 for period in periods}
    found.update({period_id: int(days or 0) for period_id, days in rows})
    return found


def parental_returns(env, company, periods):
    """{period id: ({gender: (due, returned)}, leave ids)}: the employees
    whose validated parental leave ended in the period (their last one), and
    whether a contract of theirs runs the day after it ended; one query for
    one or several periods."""
    env.flush_all()
    rows = env.execute_query(
        SQL(
            """
            SELECT due.period_id, due.gender, COUNT(*),
                   COUNT(*) FILTER (WHERE due.returned), ARRAY_AGG(due.leave_id)
              FROM (
                    SELECT DISTINCT ON (period.id, leave.employee_id)
                           period.id AS period_id,
                           leave.id AS leave_id,
                           COALESCE(employee.gender, '') AS gender,
                           EXISTS (
                               SELECT 1
                                 FROM %(contracts)s contract
                                WHERE contract.employee_id = leave.employee_id
                                  AND %(runs_day_after)s
                           ) AS returned
                      FROM %(periods)s
                      JOIN hr_leave leave
                        ON leave.request_date_to
                           BETWEEN period.date_from AND period.date_to
                      JOIN hr_leave_type kind ON kind.id = leave.holiday_status_id
                      JOIN hr_employee employee ON employee.id = leave.employee_id
                     WHERE leave.employee_company_id = %(company)s
                       AND leave.state = 'validate'
                       AND kind.csr_leave_kind = 'parental'
                       AND employee.employee_type IN %(types)s
                  ORDER BY period.id, leave.employee_id, leave.request_date_to DESC
                   ) due
          GROUP BY due.period_id, due.gender
            """,
            periods=_periods_sql(periods),
            contracts=contracts_sql(company),
            runs_day_after=contract_running(
                "contract", SQL("leave.request_date_to + 1")
            ),
            company=company.id,
            types=EMPLOYEE_TYPES,
        )
    )
    found = {period.id: ({}, []) for period in periods}
    for period_id, gender, due, returned, ids in rows:
        by_gender, leave_ids = found[period_id]
        by_gender[gender] = (due, returned)
        leave_ids.extend(ids)
    for _by_gender, leave_ids in found.values():
        leave_ids.sort()
    return found


class LeaveInputs:
    """What the time-off figures of one or several periods of a company read,
    each read once for all of them."""

    def __init__(self, env, company, periods):
        self.env = env
        self.company = company
        self.periods = periods

    @cached_property
    def kinds_in_use(self):
        return _kinds_in_use(self.env, self.company)

    @cached_property
    def days(self):
        return days_by_kind(self.env, self.company, self.periods)

    @cached_property
    def scheduled(self):
        return scheduled_days(self.env, self.company, self.periods)

    @cached_property
    def parental(self):
        return parental_returns(self.env, self.company, self.periods)


class LeaveFigures:
    """The time-off figures of one period; each input is read once, when a
    figure first needs it."""

    def __init__(self, env, period, inputs=None):
        self.env = env
        self.period = period
        self.company = period.company_id
        self.inputs = inputs or LeaveInputs(env, self.company, period)

    @property
    def kinds_in_use(self):
        return self.inputs.kinds_in_use

    @property
    def days(self):
        return self.inputs.days[self.period.id]

    def _days_of(self, kind):
        """Days of ``kind`` in the period; unknown if no type is marked so."""
        if kind not in self.kinds_in_use:
            return None
        return self.days.get(kind, 0.0)

    def _leaves_figure(self, kind, value, note=""):
        domain = _leave_domain(self.company, self.period, kind)
        return Figure(value, "hr.leave", domain, note)

    def injury_days(self):
        return self._leaves_figure("accident", self._days_of("accident"))

    def absenteeism(self):
        sick = self._days_of("sick")
        scheduled = self.inputs.scheduled[self.period.id]
        if sick is None or not scheduled:
            return self._leaves_figure("sick", None)
        days = f"{round(sick, 2):g}"
        note = self.env._(
            "%(sick)s sick days over %(scheduled)s scheduled days",
            sick=days,
            scheduled=scheduled,
        )
        value = workforce.absenteeism_rate(sick, scheduled)
        return self._leaves_figure("sick", value, note)

    def hours_worked(self):
        """SOC-22: the schedules' working days less sick and accident leave,
        times the hours of a working day of the company's schedule."""
        weekly, calendar = reference_full_time(self.company)
        attendances = calendar.attendance_ids.filtered(
            lambda a: not a.display_type and a.day_period != "lunch"
        )
        days_a_week = len(set(attendances.mapped("dayofweek")))
        scheduled = self.inputs.scheduled[self.period.id]
        absent = sum(self.days.values())
        value = vsme_xbrl.hours_worked(scheduled, absent, weekly, days_a_week)
        note = ""
        if value is not None:
            # No expression among a translated call's arguments: the term
            # extractor would fail on the whole file.
            absent_days = f"{round(absent, 2):g}"
            daily_hours = f"{round(weekly / days_a_week, 2):g}"
            note = self.env._(
                "%(scheduled)s scheduled days less %(absent)s days of sick and "
                "accident leave, times %(hours)s h a day",
                scheduled=scheduled,
                absent=absent_days,
                hours=daily_hours,
            )
        period = self.period
        domain = [
            ("company_id", "=", self.company.id),
            ("date_start", "<=", period.date_to),
            "|",
            ("date_end", "=", False),
            ("date_end", ">=", period.date_from),
        ]
        return Figure(value, "hr.contract", domain, note)

    def parental_return(self):
        by_gender, leave_ids = self.inputs.parental[self.period.id]
        due = sum(counts[0] for counts in by_gender.values())
        returned = sum(counts[1] for counts in by_gender.values())
        labels = gender_labels(self.env)
        note = ", ".join(
            f"{labels.get(gender, labels[None])} "
            f"{workforce.return_rate(back, owed):.0f}%"
            for gender, (owed, back) in sorted(by_gender.items())
        )
        return Figure(
            workforce.return_rate(returned, due),
            "hr.leave",
            [("id", "in", leave_ids)],
            note,
        )


METHODS = {
    "hr_injury_days": LeaveFigures.injury_days,
    "hr_absenteeism": LeaveFigures.absenteeism,
    "hr_parental_return": LeaveFigures.parental_return,
    "hr_hours_worked": LeaveFigures.hours_worked,
}


def fetch_leaves(env, period, sources):
    figures = LeaveFigures(env, period)
    return {source: METHODS[source.method](figures) for source in sources}


def fetch_leaves_for_periods(env, company, periods, sources):
    """The time-off figures of several periods, their inputs read once."""
    inputs = LeaveInputs(env, company, periods)
    found = {}
    for period in periods:
        figures = LeaveFigures(env, period, inputs)
        found[period] = {source: METHODS[source.method](figures) for source in sources}
    return found


fetch_leaves.for_periods = fetch_leaves_for_periods
