# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""GOV-05 (sustainability matters with a policy), GOV-08 (matters whose
policy has a target) and GOV-02 (ethics code adopted and communicated) from
the policy register.

A policy is in force at the period end when it was approved on or before
that day and not retired or replaced before it. One grouped query for one
period or several (each read on its last day), whatever the number of
policies. A company that has never recorded
a policy gets no figure: its values stay to be entered by hand.
"""

from odoo.tools import SQL

from ..engine import policies
from .figure import Figure
from .labels import selection_labels

MATTERS_METHOD = "policy_matters"
ETHICS_METHOD = "policy_ethics_code"
TARGETS_METHOD = "policy_matters_targets"


def _standing_domain(company):
    """The company's policies that were ever in force."""
    return [
        ("company_id", "=", company.id),
        ("state", "in", ("approved", "retired", "superseded")),
    ]


def in_force_domain(company, day):
    """The company's policies in force on ``day``."""
    return _standing_domain(company) + [
        ("approval_date", "<=", day),
        "|",
        ("end_date", "=", False),
        ("end_date", ">=", day),
    ]


def rows_on(env, company, day):
    """The policies in force on one day, as ``_rows_on_days`` gives them, and
    whether the company has recorded any policy."""
    by_day, recorded = _rows_on_days(env, company, [day])
    return by_day[day], recorded


def _rows_on_days(env, company, days):
    """{day: rows as ``_rows`` gives them} for several days, and whether the
    company has recorded any policy: two queries."""
    env.flush_all()
    # The WHERE clause is the ORM's own rendering of the standing part of
    # in_force_domain, and its dates the same comparisons, so the figure and
    # its "Source records" can never disagree on what is in force.
    query = env["csr.policy"]._where_calc(_standing_domain(company))
    days = sorted(set(days))
    rows = env.execute_query(
        SQL(
            """
            SELECT at.day, csr_policy.policy_area, topic.vsme_matter,
                   ARRAY_AGG(DISTINCT csr_policy.id),
                   ARRAY_AGG(DISTINCT csr_policy.id) FILTER (
                       WHERE csr_policy.communicated
                         AND csr_policy.communication_date <= at.day)
              FROM unnest(%(days)s::date[]) AS at(day)
              JOIN %(tables)s
                ON csr_policy.approval_date <= at.day
               AND (csr_policy.end_date IS NULL OR csr_policy.end_date >= at.day)
         LEFT JOIN csr_policy_material_topic_rel rel
                ON rel.policy_id = csr_policy.id
         LEFT JOIN csr_material_topic topic ON topic.id = rel.topic_id
             WHERE %(standing)s
          GROUP BY at.day, csr_policy.policy_area, topic.vsme_matter
            """,
            days=days,
            tables=query.from_clause,
            standing=query.where_clause,
        )
    )
    recorded = env.execute_query(
        SQL(
            "SELECT EXISTS(SELECT 1 FROM csr_policy WHERE company_id = %s)",
            company.id,
        )
    )[0][0]
    by_day = {day: [] for day in days}
    for day, *row in rows:
        by_day[day].append(tuple(row))
    return by_day, recorded


def _matters_figure(env, company, day, rows):
    matters = policies.covered_matters((area, matter) for area, matter, *_ids in rows)
    matter_labels = selection_labels(env["csr.material.topic"], "vsme_matter")
    area_labels = selection_labels(env["csr.policy"], "policy_area")
    by_area = {}
    for area, _matter, ids, _communicated in rows:
        by_area.setdefault(area, set()).update(ids)
    areas = ", ".join(
        f"{area_labels[area]} {len(ids)}" for area, ids in sorted(by_area.items())
    )
    note = env._(
        "%(count)s of 10 matters: %(matters)s. Policies in force by area: %(areas)s.",
        count=len(matters),
        matters=", ".join(matter_labels[m] for m in matters) or env._("none"),
        areas=areas or env._("none"),
    )
    domain = in_force_domain(company, day) + [
        "|",
        ("topic_ids.vsme_matter", "!=", False),
        ("policy_area", "in", sorted(policies.AREA_MATTERS)),
    ]
    return Figure(float(len(matters)), "csr.policy", domain, note)


def targeted_policy_ids(env, period, policy_ids):
    """The policies among ``policy_ids`` with a measurable target: one of
    the indicators that show whether the policy is applied has a target for
    the period, or for its calendar year."""
    policies = env["csr.policy"].browse(policy_ids)
    indicators = policies.indicator_ids
    if not indicators:
        return set()
    targets = env["csr.target"]._read_group(
        [
            ("company_id", "=", period.company_id.id),
            ("indicator_id", "in", indicators.ids),
            "|",
            ("period_id", "=", period.id),
            "&",
            ("period_id", "=", False),
            ("year", "=", period.date_from.year),
        ],
        ["indicator_id"],
    )
    targeted = {indicator.id for (indicator,) in targets}
    return {
        policy.id
        for policy in policies
        if targeted.intersection(policy.indicator_ids.ids)
    }


def _targets_figure(env, period, rows):
    in_force = sorted({policy_id for _a, _m, ids, _c in rows for policy_id in ids})
    targeted = targeted_policy_ids(env, period, in_force)
    matters = policies.covered_matters(
        (area, matter) for area, matter, ids, _c in rows if targeted.intersection(ids)
    )
    matter_labels = selection_labels(env["csr.material.topic"], "vsme_matter")
    note = env._(
        "%(count)s of 10 matters have a policy with a target: %(matters)s. A "
        "policy has a target when one of its indicators has a target for the "
        "period or its year.",
        count=len(matters),
        matters=", ".join(matter_labels[m] for m in matters) or env._("none"),
    )
    domain = in_force_domain(period.company_id, period.date_to) + [
        ("id", "in", sorted(targeted))
    ]
    return Figure(float(len(matters)), "csr.policy", domain, note)


def _ethics_figure(env, company, day, rows):
    communicated = {
        policy_id
        for area, _matter, _ids, ids in rows
        if area == "anti_corruption"
        for policy_id in ids or ()
    }
    domain = in_force_domain(company, day) + [
        ("policy_area", "=", "anti_corruption"),
        ("communicated", "=", True),
        ("communication_date", "<=", day),
    ]
    if communicated:
        note = env._(
            "%(count)s approved ethics code(s) communicated to employees.",
            count=len(communicated),
        )
    else:
        note = env._(
            "No approved ethics or anti-corruption policy communicated to "
            "employees by the end of the period."
        )
    return Figure(1.0 if communicated else 0.0, "csr.policy", domain, note)


def fetch_policies(env, period, sources):
    return fetch_policies_for_periods(env, period.company_id, period, sources)[period]


def fetch_policies_for_periods(env, company, periods, sources):
    """The policy figures of one or several periods, each on its last day."""
    rows, recorded = _rows_on_days(env, company, [p.date_to for p in periods])
    found = {}
    for period in periods:
        day = period.date_to
        figures = {}
        for source in sources:
            if not recorded:
                figures[source] = Figure(
                    None,
                    "csr.policy",
                    [("company_id", "=", company.id)],
                    env._("No policy is recorded for the company: enter it by hand."),
                )
            elif source.method == MATTERS_METHOD:
                figures[source] = _matters_figure(env, company, day, rows[day])
            elif source.method == TARGETS_METHOD:
                figures[source] = _targets_figure(env, period, rows[day])
            else:
                figures[source] = _ethics_figure(env, company, day, rows[day])
        found[period] = figures
    return found


fetch_policies.for_periods = fetch_policies_for_periods

FETCHERS = {
    MATTERS_METHOD: fetch_policies,
    ETHICS_METHOD: fetch_policies,
    TARGETS_METHOD: fetch_policies,
}
