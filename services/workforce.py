# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Workforce sources: contracts, departures and hires of one company.

``employments_on`` is the one place that reads employment contracts: Odoo
18.0 keeps them in hr.contract, Odoo 19 moves them to hr.version.
"""

from odoo.tools import SQL

from ..engine import workforce
from .fetchers import Figure

EMPLOYEE_TYPES = ("employee", "worker")
LIVE_STATES = ("open", "close")  # running now, or ran and has expired


def employments_on(env, company, day):
    """The contract running on ``day`` for each employee of the company."""
    env.flush_all()  # raw SQL: pending ORM writes must reach the database
    rows = env.execute_query_dict(
        SQL(
            """
            SELECT DISTINCT ON (contract.employee_id)
                   contract.id AS contract_id,
                   contract.employee_id,
                   COALESCE(employee.gender, '') AS gender,
                   contract.wage,
                   COALESCE(hours.weekly, 0) AS weekly_hours,
                   contract.date_end IS NULL AS permanent,
                   EXISTS (
                       SELECT 1
                         FROM hr_employee report
                         JOIN hr_contract report_contract
                           ON report_contract.employee_id = report.id
                        WHERE report.parent_id = employee.id
                          AND report.company_id = %(company)s
                          AND report.employee_type IN %(types)s
                          AND report_contract.state IN %(states)s
                          AND report_contract.date_start <= %(day)s
                          AND (report_contract.date_end IS NULL
                               OR report_contract.date_end >= %(day)s)
                   ) AS manager
              FROM hr_contract contract
              JOIN hr_employee employee ON employee.id = contract.employee_id
              LEFT JOIN LATERAL (
                    SELECT SUM(att.hour_to - att.hour_from)
                           / CASE WHEN calendar.two_weeks_calendar THEN 2 ELSE 1 END
                           AS weekly
                      FROM resource_calendar calendar
                      JOIN resource_calendar_attendance att
                        ON att.calendar_id = calendar.id
                     WHERE calendar.id = contract.resource_calendar_id
                       AND att.display_type IS NULL
                       AND att.day_period != 'lunch'
                  GROUP BY calendar.two_weeks_calendar
                   ) hours ON TRUE
             WHERE contract.company_id = %(company)s
               AND contract.state IN %(states)s
               AND contract.date_start <= %(day)s
               AND (contract.date_end IS NULL OR contract.date_end >= %(day)s)
               AND employee.employee_type IN %(types)s
          ORDER BY contract.employee_id, contract.date_start DESC
            """,
            company=company.id,
            day=day,
            states=LIVE_STATES,
            types=EMPLOYEE_TYPES,
        )
    )
    return [
        workforce.Employment(
            row["contract_id"],
            row["employee_id"],
            row["gender"],
            float(row["wage"] or 0.0),
            float(row["weekly_hours"]),
            row["permanent"],
            row["manager"],
        )
        for row in rows
    ]


def _leavers(env, company, period):
    return (
        env["hr.employee"]
        .with_context(active_test=False)
        .search(
            [
                ("company_id", "=", company.id),
                ("employee_type", "in", EMPLOYEE_TYPES),
                ("departure_date", ">=", period.date_from),
                ("departure_date", "<=", period.date_to),
            ]
        )
    )


def _hires(env, company, period):
    """Employees whose first signed contract starts in the period."""
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
            having=[
                ("date_start:min", ">=", period.date_from),
                ("date_start:min", "<=", period.date_to),
            ],
        )
    )
    return env["hr.employee"].union(*(employee for (employee,) in groups))


ROW_FIGURES = {
    "hr_headcount": workforce.headcount,
    "hr_permanent_share": workforce.permanent_share,
    "hr_women_share": workforce.women_share,
    "hr_women_in_management": workforce.women_in_management,
    "hr_pay_gap": workforce.pay_gap,
}


def fetch_workforce(env, period, sources):
    company = period.company_id
    rows = employments_on(env, company, period.date_to)
    contracts = [("id", "in", sorted(row.contract_id for row in rows))]
    figures = {}
    for source in sources:
        if source.method in ROW_FIGURES:
            value = ROW_FIGURES[source.method](rows)
            figures[source] = Figure(value, "hr.contract", contracts)
        elif source.method == "hr_turnover":
            leavers = _leavers(env, company, period)
            start = employments_on(env, company, period.date_from)
            value = workforce.turnover_rate(len(leavers), len(start), len(rows))
            figures[source] = Figure(value, "hr.employee", [("id", "in", leavers.ids)])
        elif source.method == "hr_new_hire_rate":
            hires = _hires(env, company, period)
            value = workforce.new_hire_rate(len(hires), len(rows))
            figures[source] = Figure(value, "hr.employee", [("id", "in", hires.ids)])
    return figures
