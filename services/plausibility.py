# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Plausibility of entered figures, read set-based: each figure's history
(the last 12 values of the same indicator, company and kind of period before
its period) and the related figures of its period, two queries for any number
of figures. The checks themselves are ``engine.plausibility``."""

from bisect import bisect_left

from ..engine import plausibility


def _number(value):
    return f"{value:,.2f}".rstrip("0").rstrip(".")


def describe(env, flag):
    """The words of one flag, in the user's language."""
    _ = env._
    params = flag.params
    if flag.reason == plausibility.DECIMAL_SLIP:
        return _(
            "about %(factor)s times the previous value (%(previous)s): check the "
            "decimal separator",
            factor=_number(params["factor"]),
            previous=_number(params["previous"]),
        )
    if flag.reason == plausibility.TOO_HIGH:
        return _(
            "over three times the median of its last values (%(median)s)",
            median=_number(params["median"]),
        )
    if flag.reason == plausibility.TOO_LOW:
        return _(
            "under a third of the median of its last values (%(median)s)",
            median=_number(params["median"]),
        )
    if flag.reason == plausibility.ABOVE_RELATED:
        return _(
            "%(part)s (%(part_value)s) is above %(whole)s (%(whole_value)s), which "
            "includes it",
            part=params["part"],
            whole=params["whole"],
            part_value=_number(params["part_value"]),
            whole_value=_number(params["whole_value"]),
        )
    return _(
        "%(effect)s has a figure while %(cause)s is zero",
        effect=params["effect"],
        cause=params["cause"],
    )


def flags_of(values, figures=None):
    """{value record: [flag words]} for each value that looks implausible.

    ``figures`` overrides what a value holds (an import checks figures before
    writing them): {value record or (indicator id, period id): number}.
    """
    env = values.env
    figures = figures or {}
    histories = _histories(values)
    related = _related(values)
    found = {}
    for value in values:
        number = figures.get(value, value.value)
        flags = plausibility.history_flags(number, histories.get(value.id, []))
        period_figures = dict(related.get(value.period_id.id, {}))
        period_figures[value.code] = number
        flags += plausibility.related_flags(value.code, period_figures)
        if flags:
            found[value] = [describe(env, flag) for flag in flags]
    return found


def _histories(values):
    """{value id: earlier values, oldest first}: one query."""
    if not values:
        return {}
    Value = values.env["csr.indicator.value"].sudo()
    earlier = Value.search_read(
        [
            ("company_id", "in", values.company_id.ids),
            ("indicator_id", "in", values.indicator_id.ids),
            ("period_kind", "in", list(set(values.mapped("period_kind")))),
            ("date_from", "<", max(values.mapped("date_from"))),
            ("id", "not in", values.ids),
        ],
        ["company_id", "indicator_id", "period_kind", "date_from", "value"],
        order="date_from",
    )
    series = {}  # (company, indicator, kind) → (dates, values), by date
    for row in earlier:
        key = (row["company_id"][0], row["indicator_id"][0], row["period_kind"])
        dates, numbers = series.setdefault(key, ([], []))
        dates.append(row["date_from"])
        numbers.append(row["value"])
    found = {}
    for value in values:
        key = (value.company_id.id, value.indicator_id.id, value.period_kind)
        dates, numbers = series.get(key, ([], []))
        end = bisect_left(dates, value.date_from)
        found[value.id] = numbers[max(0, end - plausibility.HISTORY_LENGTH) : end]
    return found


def _related(values):
    """{period id: {code: value}} of the codes the related checks read: one
    query."""
    codes = {code for pair in plausibility.PARTS + plausibility.CAUSES for code in pair}
    rows = (
        values.env["csr.indicator.value"]
        .sudo()
        .search_read(
            [("period_id", "in", values.period_id.ids), ("code", "in", list(codes))],
            ["period_id", "code", "value"],
        )
    )
    found = {}
    for row in rows:
        found.setdefault(row["period_id"][0], {})[row["code"]] = row["value"]
    return found
