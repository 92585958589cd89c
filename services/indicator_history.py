# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The history of one indicator in one company: its values over the latest
periods of one kind, with the target and amber limit its stored scorecards
judged each of them against (two reads, whatever the number of periods)."""

from ..engine.history import HistoryPoint, history_svg

HISTORY_PERIODS = 12


def history_points(env, indicator, company, kind, date_to, limit=HISTORY_PERIODS):
    """HistoryPoint per period of ``kind`` ending on or before ``date_to``,
    oldest first, at most ``limit``."""
    periods = env["csr.period"].search(
        [
            ("company_id", "=", company.id),
            ("kind", "=", kind),
            ("date_to", "<=", date_to),
        ],
        order="date_from desc",
        limit=limit,
    )
    values = {
        value.period_id.id: value.value
        for value in env["csr.indicator.value"].search(
            [("indicator_id", "=", indicator.id), ("period_id", "in", periods.ids)]
        )
    }
    judged = {}
    for line in env["csr.scorecard.line"].search(
        [
            ("indicator_id", "=", indicator.id),
            ("period_id", "in", periods.ids),
            ("has_target", "=", True),
        ]
    ):
        judged[line.period_id.id] = (line.target_value, line.amber_limit)
    return [
        HistoryPoint(
            period.name,
            values.get(period.id),
            *judged.get(period.id, (None, None)),
        )
        for period in reversed(periods)
    ]


def history_chart(env, indicator, company, kind, date_to, unit=""):
    """The SVG of ``history_points``, its legend in the user's language."""
    _ = env._
    labels = {
        "value": _("Value"),
        "target": _("Target"),
        "amber": _("Amber limit"),
        "empty": _("No value yet in the periods of this kind."),
    }
    points = history_points(env, indicator, company, kind, date_to)
    return history_svg(points, labels, unit)
