# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Build the scorecard of one period: read what it needs set-based, score in
the engine (``engine/scoring.py``), return the values the model stores.

A fixed handful of queries per period, whatever the size of the catalogue:
the material indicators (``csr.indicator._material_for``), the applicable
indicators, this period's values, the previous comparable
period and its values, the targets, the previous scorecard. Run it as
superuser: every read filters on the period's company explicitly.
"""

from collections import Counter
from dataclasses import replace
from datetime import timedelta

from odoo import Command, fields
from odoo.osv import expression

from ..engine import scoring, vocabulary


def child_commands(current, new_vals, key):
    """One2many commands that turn the ``current`` lines (None: a new
    scorecard) into ``new_vals``, lines matched on ``key``: a matched line
    is written only the fields that changed, the others are created or
    deleted. A refresh usually changes a few figures of a few lines, and
    deleting and creating some eighty lines a scorecard cost more than the
    scoring itself."""
    if current is None:
        return [Command.create(vals) for vals in new_vals]
    by_key = {}
    commands = []
    key_field = current._fields[key]
    for line in current:
        keyed = key_field.convert_to_cache(line[key], line)  # an id for a link
        if keyed in by_key:
            commands.append(Command.delete(line.id))  # a duplicate
        else:
            by_key[keyed] = line
    for vals in new_vals:
        line = by_key.pop(vals[key], None)
        if line is None:
            commands.append(Command.create(vals))
            continue
        changed = {
            name: value for name, value in vals.items() if _differs(line, name, value)
        }
        if changed:
            commands.append(Command.update(line.id, changed))
    commands += [Command.delete(line.id) for line in by_key.values()]
    return commands


def _differs(record, name, value):
    """Whether writing ``value`` would change ``record``'s field (both sides
    as the cache holds them: ids for links, floats rounded to their digits)."""
    field = record._fields[name]
    return field.convert_to_cache(value, record) != field.convert_to_cache(
        record[name], record
    )


class ScorecardCompute:
    def __init__(self, period):
        period.ensure_one()
        self.period = period
        self.company = period.company_id
        self.env = period.env

    def vals(self, card=None):
        """Values of the period's ``csr.scorecard``, lines and pillars included;
        for an existing ``card``, its lines and pillars are updated in place
        (only what changed is written)."""
        indicators = self._applicable_indicators()
        values = self._values()
        previous_period = self._previous_period()
        references = self._references(indicators)
        targets = self._targets(indicators)
        weights = indicators._score_weights(self.company, self.period.date_from)
        revenue = self._revenue(values)
        entries, lines = [], []
        for sequence, indicator in enumerate(indicators):
            value = values.get(indicator)
            target = targets.get(indicator)
            reference = references.get(indicator)
            result = scoring.score_indicator(
                indicator.direction,
                value.value if value else None,
                is_boolean=indicator.value_type == "boolean",
                target=target.target_value if target else None,
                amber_limit=target.amber_limit if target else None,
                best=scoring.best_possible(
                    indicator.direction,
                    indicator.value_type,
                    indicator.allow_negative,
                ),
                reference=reference,
                kind=scoring.trend_kind(
                    indicator.pillar, indicator.value_type, indicator.direction
                ),
                estimated=bool(value) and value.data_quality == "estimated",
                revenue=revenue,
            )
            previous = reference.value if reference else None
            entries.append(
                scoring.IndicatorEntry(
                    indicator.id,
                    indicator.pillar,
                    has_value=bool(value),
                    validated=bool(value) and value.state == "validated",
                    estimated=bool(value) and value.data_quality == "estimated",
                    result=result,
                )
            )
            lines.append(
                self._line_vals(
                    sequence, indicator, value, target, previous, result, weights
                )
            )
        summaries = [
            scoring.pillar_summary(
                pillar, entries, weights, self.company.csr_score_min_completeness
            )
            for pillar in vocabulary.PILLAR_KEYS
        ]
        warned = Counter(
            indicator.pillar
            for indicator in indicators
            if values.get(indicator) and values[indicator].has_warning
        )
        return {
            **self._index_vals(summaries, previous_period),
            "computed_on": fields.Datetime.now(),
            "pillar_ids": child_commands(
                card.pillar_ids if card else None,
                [
                    {
                        **self._pillar_vals(sequence, summary),
                        "warning_count": warned[summary.pillar],
                    }
                    for sequence, summary in enumerate(summaries)
                ],
                "pillar",
            ),
            "line_ids": child_commands(
                card.line_ids if card else None, lines, "indicator_id"
            ),
        }

    # -- gathering --------------------------------------------------------

    def _applicable_indicators(self):
        """Those of the company's size and sector, and those of its material
        topics, which are expected whatever its size or sector."""
        Indicator = self.env["csr.indicator"]
        material = Indicator._material_for(self.company, self.period.date_from)
        return Indicator.search(
            expression.OR(
                [
                    Indicator._applicable_domain(self.company),
                    [("id", "in", material.ids)],
                ]
            )
        )

    def _values(self):
        records = self.env["csr.indicator.value"].search_fetch(
            [("period_id", "=", self.period.id)],
            # With the company the lines' company check reads: a line pointed
            # at a new value would otherwise fetch the values one by one.
            [
                "indicator_id",
                "value",
                "state",
                "data_quality",
                "has_warning",
                "company_id",
            ],
        )
        return {value.indicator_id: value for value in records}

    def _previous_period(self):
        """The period of the same kind that ends the day before this one starts."""
        return self.env["csr.period"].search(
            [
                ("company_id", "=", self.company.id),
                ("kind", "=", self.period.kind),
                ("date_to", "=", self.period.date_from - timedelta(days=1)),
            ],
            limit=1,
        )

    def _references(self, indicators):
        """{indicator: Reference}: what each value is judged by without a
        target. The same period a year earlier; for a period not over yet, the
        same months of the year before, the summed indicators adding up those
        months' values. Three queries, whatever the catalogue."""
        span = scoring.same_months_a_year_earlier(
            self.period.date_from,
            self.period.date_to,
            fields.Date.context_today(self.period),
        )
        ref_from, ref_to = span or (self.period.date_from, self.period.date_from)
        Value = self.env["csr.indicator.value"]
        fetched = ["indicator_id", "value", "data_quality", "date_to"]
        earlier = Value.search_fetch(
            [
                ("company_id", "=", self.company.id),
                ("period_kind", "=", self.period.kind),
                ("date_from", "=", ref_from),
            ],
            fetched,
        )
        months = Value.search_fetch(
            [
                ("company_id", "=", self.company.id),
                ("period_kind", "=", "month"),
                ("date_from", ">=", ref_from),
                ("date_to", "<=", ref_to),
            ],
            fetched,
        )
        if not span:
            return {}
        whole = {v.indicator_id: v for v in earlier if v.date_to == ref_to}
        by_month = {}
        for value in months:
            by_month.setdefault(value.indicator_id, []).append(value)
        month_count = (
            (ref_to.year - ref_from.year) * 12 + ref_to.month - ref_from.month + 1
        )
        found = {}
        for indicator in indicators:
            found[indicator] = self._reference(
                indicator,
                whole.get(indicator),
                by_month.get(indicator, []),
                month_count,
            )
        revenue = next((i for i in found if i.code == "ECO-01"), None)
        revenue = found.get(revenue) if revenue else None
        return {
            indicator: replace(reference, revenue=revenue.value if revenue else None)
            for indicator, reference in found.items()
            if reference
        }

    @staticmethod
    def _reference(indicator, whole, months, month_count):
        """The earlier period's own value when it covers the same span, else
        the months of that span: added up for a summed indicator (all of them
        needed), the last one for a stock, their mean for an average."""
        if whole:
            return scoring.Reference(whole.value, whole.data_quality == "estimated")
        if not months:
            return None
        estimated = any(m.data_quality == "estimated" for m in months)
        if indicator.aggregation == "sum":
            if len(months) != month_count:
                return None
            return scoring.Reference(sum(m.value for m in months), estimated)
        if indicator.aggregation == "last":
            last = max(months, key=lambda m: m.date_to)
            return scoring.Reference(last.value, last.data_quality == "estimated")
        return scoring.Reference(sum(m.value for m in months) / len(months), estimated)

    @staticmethod
    def _revenue(values):
        revenue = next(
            (
                value
                for indicator, value in values.items()
                if indicator.code == "ECO-01"
            ),
            None,
        )
        return revenue.value if revenue else None

    def _targets(self, indicators):
        """Indicator → target judging this period: its own period target, else
        the target of the calendar year when a year target fits the period."""
        records = self.env["csr.target"].search_fetch(
            [
                ("company_id", "=", self.company.id),
                ("indicator_id", "in", indicators.ids),
                "|",
                ("period_id", "=", self.period.id),
                "&",
                ("period_id", "=", False),
                ("year", "=", self.period.date_from.year),
            ],
            ["indicator_id", "period_id", "target_value", "amber_limit"],
        )
        chosen = {}
        for target in records:
            indicator = target.indicator_id
            if target.period_id:
                chosen[indicator] = target
            elif indicator not in chosen and scoring.year_target_applies(
                self.period.kind, indicator.aggregation
            ):
                chosen[indicator] = target
        return chosen

    # -- values to store --------------------------------------------------

    @staticmethod
    def _line_vals(sequence, indicator, value, target, previous, result, weights):
        is_boolean = indicator.value_type == "boolean"
        judged = result.basis == scoring.BASIS_TARGET
        if judged and is_boolean:
            # The implied target of a yes/no indicator is its good answer.
            good = 1.0 if indicator.direction == "higher" else 0.0
            target_value = amber_limit = good
        else:
            target_value = target.target_value if judged else 0.0
            amber_limit = target.amber_limit if judged else 0.0
        return {
            "sequence": sequence,
            "indicator_id": indicator.id,
            "pillar": indicator.pillar,
            "value_id": value.id if value else False,
            "has_value": bool(value),
            "value": value.value if value else 0.0,
            "value_state": value.state if value else False,
            "data_quality": value.data_quality if value else False,
            "has_target": judged,
            "target_id": target.id if judged and target and not is_boolean else False,
            "target_value": target_value,
            "amber_limit": amber_limit,
            "has_previous": previous is not None,
            "previous_value": previous or 0.0,
            "improvement": result.improvement or 0.0,
            "trend_kind": result.trend_kind or False,
            "basis": result.basis,
            "not_scored_reason": result.reason or False,
            "score": result.score or 0.0,
            "light": result.light or False,
            "weight": weights.get(indicator.id, scoring.DEFAULT_WEIGHT),
        }

    @staticmethod
    def _pillar_vals(sequence, summary):
        return {
            "sequence": sequence,
            "pillar": summary.pillar,
            "applicable_count": summary.applicable,
            "valued_count": summary.valued,
            "validated_count": summary.validated,
            "estimated_count": summary.estimated,
            "scored_count": summary.scored,
            "completeness": summary.completeness,
            "validated_share": summary.validated_share,
            "estimated_share": summary.estimated_share,
            "sufficient": summary.sufficient,
            "has_score": summary.score is not None,
            "score": summary.score or 0.0,
            "light": summary.light or False,
        }

    def _index_vals(self, summaries, previous_period):
        index = scoring.overall_index(summaries)
        previous_card = self.env["csr.scorecard"].search_fetch(
            [("period_id", "=", previous_period.id)],
            ["has_index", "overall_index"],
            limit=1,
        )
        previous_index = None
        if previous_card.has_index:
            previous_index = previous_card.overall_index
        change = scoring.index_change(index, previous_index)
        return {
            "has_index": index is not None,
            "overall_index": index or 0.0,
            "light": scoring.score_light(index) or False,
            "previous_scorecard_id": previous_card.id,
            "has_previous_index": previous_index is not None,
            "previous_index": previous_index or 0.0,
            "has_change": change is not None,
            "index_change": change or 0.0,
        }
