# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Compute the ERP-sourced and formula indicators of one period.

1. Fetch the raw figure of every computed indicator, batched per fetcher.
2. Derive, in dependency order, "divide by" figures and formulas; inputs are
   the period's values as they stand (manual and validated ones included)
   overlaid with what step 1 produced.
3. Write the results into draft computed values, creating missing ones;
   manual, submitted, validated and locked values are left alone and reported.

A broken definition (an account source whose tags were deleted, a formula
naming an indicator that no longer exists…) or a fetcher that fails fails
only its own indicators: they, and the formulas that read them, are reported
with the reason and keep their current value; everything else is computed.
"""

import copy
import json
import logging
from dataclasses import dataclass, field, replace

from odoo import Command, fields
from odoo.tools import SQL, float_compare

from ..engine import formula as formulas
from ..engine import values as plausibility
from .figure import Figure
from .sources import FETCHERS

_logger = logging.getLogger(__name__)

# What a pathological formula or figure can raise while being worked out.
UNCOMPUTABLE = (RecursionError, MemoryError, ArithmeticError, ValueError)


def serialize_domain(domain):
    """JSON text of a domain; dates become ISO strings, which domains accept."""
    return json.dumps(domain, default=str)


def _data_quality(figure):
    """A proxy (scrap for waste…) is stored as an estimate, the rest as measured:
    the system owns the quality of the figures it computes."""
    return "estimated" if figure.estimated else "measured"


QUIET_COMPUTE = {
    "tracking_disable": True,
    "mail_create_nolog": True,
    "mail_create_nosubscribe": True,
    "mail_notrack": True,
}


def _line_vals(line, indicator, period):
    return {
        "indicator_id": indicator.id,
        "period_id": period.id,
        "company_id": period.company_id.id,
        "scope": line.scope,
        "category": line.category or False,
        "activity_id": line.activity_id,
        "gas": line.gas,
        "month": line.month,
        "quantity": line.quantity,
        "tco2e": line.tco2e,
        "biogenic_tco2": line.biogenic_tco2,
        "in_scopes": line.in_scopes,
        "factor_id": line.factor_id,
        "tier": line.tier,
    }


def _figure_line_keys(figure):
    return sorted(
        (
            line.scope,
            line.activity_id or 0,
            line.gas,
            line.month,
            round(line.tco2e, 6),
            round(line.biogenic_tco2, 6),
        )
        for line in figure.emission_lines
    )


def _line_keys(lines):
    return sorted(
        (
            line.scope,
            line.activity_id.id or 0,
            line.gas,
            line.month,
            round(line.tco2e, 6),
            round(line.biogenic_tco2, 6),
        )
        for line in lines
    )


def _inherited_warnings(figures, codes):
    """A figure worked out from doubtful ones is doubtful for the same reasons."""
    found = []
    for code in codes:
        figure = figures.get(code)
        if figure is None or figure.warnings_on_note:
            continue
        for warning in figure.warnings:
            if warning not in found:
                found.append(warning)
    return tuple(found)


def _warning_text(figure):
    return "\n".join(figure.warnings)


def _fetch_failure(env, periods, fetcher, batch, error):
    """Log a fetcher that failed for ``periods`` and say why, for the report
    of each indicator of its ``batch``."""
    _logger.warning(
        "CSR periods %s: fetcher %s failed for %s",
        periods.ids,
        fetcher.__name__,
        ", ".join(batch.mapped("code")),
        exc_info=True,
    )
    first_line = str(error).strip().splitlines()[:1]
    return env._(
        "its figures could not be read: %(error)s",
        error=first_line[0] if first_line else type(error).__name__,
    )


def _stamp(periods):
    """Update the periods' rows even when the time reads the same as the
    last compute's (the ORM would skip an unchanged value): see
    csr.period._lock_for_compute."""
    periods.env.execute_query(
        SQL(
            "UPDATE csr_period SET computed_on = %s WHERE id IN %s",
            fields.Datetime.now(),
            tuple(periods.ids),
        )
    )
    periods.invalidate_recordset(["computed_on"])


@dataclass
class ComputeReport:
    created: list = field(default_factory=list)
    updated: list = field(default_factory=list)
    unchanged: list = field(default_factory=list)
    removed: list = field(default_factory=list)
    skipped_manual: list = field(default_factory=list)
    skipped_not_draft: list = field(default_factory=list)
    no_source: list = field(default_factory=list)
    no_data: list = field(default_factory=list)
    implausible: list = field(default_factory=list)
    stale_kept: list = field(default_factory=list)
    failed: dict = field(default_factory=dict)  # code → reason
    warnings: dict = field(default_factory=dict)  # code → why it is doubtful
    locked: bool = False


class PeriodCompute:
    """The compute of one period. ``shared`` holds what several periods of a
    company computed together read once (see ``PeriodsCompute``)."""

    def __init__(self, period, shared=None):
        period.ensure_one()
        self.period = period
        self.company = period.company_id
        self.env = period.env
        self.sudo_env = period.sudo().with_company(self.company).env
        self._base_values = None  # None: the base period is this one, or none
        self.shared = {} if shared is None else shared

    def _memo(self, key, compute):
        """``compute()``, once for every period sharing ``self.shared``."""
        if key not in self.shared:
            self.shared[key] = compute()
        return self.shared[key]

    def run(self):
        report = ComputeReport()
        if self.period.state == "locked":
            report.locked = True
            return report
        self._stamp()
        indicators = self._indicators()
        sources = self._sources(indicators)
        report.no_source = sorted(
            i.code
            for i in indicators
            if i.source_type == "computed" and i.code not in sources
        )
        raw = self._fetch(sources, report.failed)
        existing = {v.indicator_id.code: v for v in self.period.value_ids}
        figures = self._derive(indicators, sources, raw, existing, report.failed)
        to_create = self._store(indicators, figures, existing, report)
        self._values().create(to_create)
        return report

    def _values(self):
        return self.env["csr.indicator.value"]._system().with_context(**QUIET_COMPUTE)

    def _stamp(self):
        _stamp(self.period)

    # -- gathering --------------------------------------------------------

    def _indicators(self):
        return self.env["csr.indicator"].search(
            [
                ("source_type", "in", ("computed", "formula")),
                ("company_id", "in", [False, self.company.id]),
            ]
        )

    def _sources(self, indicators):
        """Code → source; a company's own source wins over the default."""
        records = self.env["csr.indicator.source"].search(
            [
                ("indicator_id", "in", indicators.ids),
                ("company_id", "in", [False, self.company.id]),
            ],
            order="company_id desc",  # NULLs (defaults) first, then overridden
        )
        chosen = {}
        for source in records:
            code = source.indicator_id.code
            if code not in chosen or source.company_id:
                chosen[code] = source
        return chosen

    def _fetch(self, sources, failed):
        by_fetcher = {}
        for code, source in sources.items():
            problem = self._definition_problem(source)
            if problem:
                failed[code] = problem
                continue
            fetcher = FETCHERS[source.method]
            by_fetcher.setdefault(fetcher, self.env["csr.indicator.source"])
            by_fetcher[fetcher] |= source
        raw = {}
        for fetcher, batch in by_fetcher.items():
            for source, figure in self._run_fetcher(fetcher, batch, failed).items():
                raw[source.indicator_id.code] = figure
        return raw

    def _definition_problem(self, source):
        """Why a source cannot be read as it stands, or "" when it can."""
        if source.method not in FETCHERS:
            return self.env._("its method %(method)s is unknown", method=source.method)
        return source._definition_problem()

    def _run_fetcher(self, fetcher, batch, failed):
        """The fetcher's figures; if it fails, its indicators are reported and
        its queries rolled back, and the compute goes on with the others."""
        try:
            with self.env.cr.savepoint():
                return fetcher(self.sudo_env, self.period, batch)
        except Exception as error:  # noqa: BLE001 - any fault stays in its batch
            reason = _fetch_failure(self.env, self.period, fetcher, batch, error)
            for source in batch:
                failed[source.indicator_id.code] = reason
            return {}

    # -- deriving ---------------------------------------------------------

    def _derive(self, indicators, sources, raw, existing, failed):
        by_code = {i.code: i for i in indicators}
        known = {code: value.value for code, value in existing.items()}
        for code in failed:
            # A failed figure is unknown, unless someone stands by its value.
            known[code] = self._input_value(
                by_code[code], existing, Figure(None, "", [])
            )
        for code, figure in raw.items():
            known[code] = self._input_value(by_code[code], existing, figure)
        figures = dict(raw)
        base_period = self._base_inputs(indicators)
        catalogue = self._known_codes(indicators)
        for code in self._dependency_order(failed):
            indicator = by_code.get(code)
            if not indicator or code in failed:
                continue
            try:
                problem = self._derivation_problem(
                    indicator, sources, catalogue, failed
                )
                figure = None
                if not problem:
                    figure = self._derived(
                        indicator, sources, raw, (known, figures), base_period
                    )
            except UNCOMPUTABLE as error:
                # A formula saved before its size was bounded, an overflowing
                # figure…: this indicator fails, the rest is computed.
                problem = self.env._(
                    "its figure could not be worked out (%(error)s)",
                    error=type(error).__name__,
                )
            if problem:
                failed[code] = problem
                known[code] = self._input_value(
                    indicator, existing, Figure(None, "", [])
                )
                continue
            if figure is None:
                continue
            figures[code] = figure
            known[code] = self._input_value(indicator, existing, figure)
        return figures

    def _derived(self, indicator, sources, raw, so_far, base_period):
        """The formula's or the division's figure, or None for neither;
        ``so_far`` holds the inputs known and the figures worked out."""
        code = indicator.code
        known, figures = so_far
        if indicator.source_type == "formula":
            return Figure(
                formulas.evaluate(indicator.formula, self._with_base(known)),
                "csr.indicator.value",
                self._inputs_domain(indicator.formula, base_period),
                self._base_note(indicator.formula, base_period),
                warnings=_inherited_warnings(
                    figures, formulas.references(indicator.formula)
                ),
            )
        if code in raw and sources[code].divide_by_id:
            return self._divided(sources[code], raw[code], known, figures)
        return None

    def _dependency_order(self, failed):
        """Codes in dependency order; the codes of a cycle (saved before the
        cycle check existed, or through another company's source) fail."""
        graph = copy.deepcopy(
            self._memo(
                "graph",
                lambda: self.env["csr.indicator"]._dependency_graph(self.company),
            )
        )
        while True:
            try:
                return formulas.dependency_order(graph)
            except formulas.FormulaCycle as cycle:
                circle = cycle.args[0]
                reason = self.env._(
                    "its formula depends on itself: %(cycle)s",
                    cycle=" → ".join(circle),
                )
                for code in circle:
                    failed.setdefault(code, reason)
                    graph.pop(code, None)

    def _known_codes(self, indicators):
        """The catalogue's codes among those the formulas read: one query."""
        return self._memo("catalogue", lambda: self._read_known_codes(indicators))

    def _read_known_codes(self, indicators):
        read = {
            code
            for indicator in indicators
            if indicator.source_type == "formula"
            for code in formulas.all_codes(indicator.formula)
        }
        found = (
            self.env["csr.indicator"]
            .with_context(active_test=False)
            .search_fetch([("code", "in", list(read))], ["code"])
        )
        return set(found.mapped("code"))

    def _derivation_problem(self, indicator, sources, catalogue, failed):
        """Why a formula or a division cannot be worked out, or ""."""
        _ = self.env._
        if indicator.source_type == "formula":
            try:
                formulas.check(indicator.formula or "")
            except formulas.FormulaError:
                return _(
                    "its formula %(formula)s is not valid", formula=indicator.formula
                )
            reads = formulas.all_codes(indicator.formula)
            unknown = [code for code in reads if code not in catalogue]
            if unknown:
                return _(
                    "its formula refers to unknown indicator(s) %(codes)s",
                    codes=", ".join(unknown),
                )
        else:
            source = sources.get(indicator.code)
            divisor = source.divide_by_id if source else None
            reads = [divisor.code] if divisor else []
        broken = [code for code in reads if code in failed]
        if broken:
            return _(
                "it reads %(codes)s, which could not be computed",
                codes=", ".join(broken),
            )
        return ""

    @staticmethod
    def _input_value(indicator, existing, figure):
        """What later formulas read for this indicator.

        A kept value (manual, submitted, validated) gives its own figure; a new
        figure counts only if it will be stored, i.e. if it is plausible.
        """
        value = existing.get(indicator.code)
        if value and (value.source == "manual" or value.state != "draft"):
            return value.value
        if figure.value is None or plausibility.value_error(
            indicator.value_type, indicator.allow_negative, figure.value
        ):
            return None
        return figure.value

    def _divided(self, source, figure, known, figures=None):
        divisor = known.get(source.divide_by_id.code)
        value = None
        if figure.value is not None and divisor:
            value = figure.value / divisor * source.multiplier
        warnings = figure.warnings + _inherited_warnings(
            figures or {}, [source.divide_by_id.code]
        )
        return replace(figure, value=value, warnings=tuple(dict.fromkeys(warnings)))

    def _base_inputs(self, indicators):
        """The base period, when a formula reads ``CODE@base`` (else empty),
        with its stored values kept for the formulas."""
        base = self.env["csr.period"]
        if any(
            formulas.references(i.formula, "base")
            for i in indicators
            if i.source_type == "formula"
        ):
            bases = self.shared.get("base_periods")
            if bases is None:
                base = self.period._base_period()
            else:
                base = bases.get((self.period.kind, self.period.date_from), base)
        if base != self.period:
            self._base_values = {v.indicator_id.code: v.value for v in base.value_ids}
        return base

    def _with_base(self, known):
        """Formula inputs: this period's, plus the base year's as ``CODE@base``
        (the base period itself reads its own fresh figures)."""
        base = known if self._base_values is None else self._base_values
        return {**known, **{f"{code}@base": value for code, value in base.items()}}

    def _inputs_domain(self, formula, base_period):
        domain = [
            ("period_id", "=", self.period.id),
            ("code", "in", formulas.references(formula)),
        ]
        base_codes = formulas.references(formula, "base")
        if base_codes:
            domain = [
                "|",
                "&",
                *domain,
                "&",
                ("period_id", "=", base_period.id),
                ("code", "in", base_codes),
            ]
        return domain

    def _base_note(self, formula, base_period):
        if not formulas.references(formula, "base"):
            return ""
        if not self.company.csr_base_year:
            return self.env._(
                "No base year is set for %(company)s.", company=self.company.name
            )
        if not base_period:
            return self.env._(
                "No period of this kind in the base year %(year)s.",
                year=self.company.csr_base_year,
            )
        return self.env._("Base period: %(period)s.", period=base_period.name)

    # -- storing ----------------------------------------------------------

    def _store(self, indicators, figures, existing, report):
        """Write the figures; the values to create are returned, created
        when the caller asks for it (once for several periods)."""
        # Quiet: the period's chatter gets one summary of the compute; a
        # message and a follower per computed value would bury it (566 per
        # year-end run). Hand edits keep their tracked history.
        now = fields.Datetime.now()
        to_create = []
        for indicator in indicators:
            figure = figures.get(indicator.code)
            if figure is None or indicator.code in report.failed:
                continue
            if figure.warnings:
                report.warnings[indicator.code] = list(figure.warnings)
            current = existing.get(indicator.code)
            if current and current.source == "manual":
                report.skipped_manual.append(indicator.code)
            elif current and current.state != "draft":
                report.skipped_not_draft.append(indicator.code)
            elif figure.value is None:
                report.no_data.append(indicator.code)
                self._drop_stale(current, report)
            elif plausibility.value_error(
                indicator.value_type, indicator.allow_negative, figure.value
            ):
                # Reported, not stored: one odd figure must not stop the rest.
                report.implausible.append(f"{indicator.code} ({figure.value:.2f})")
                self._drop_stale(current, report)
            elif not current:
                to_create.append(self._value_vals(indicator, figure, now))
                report.created.append(indicator.code)
            elif self._changed(current, figure):
                current._system().with_context(**QUIET_COMPUTE).write(
                    self._figure_vals(indicator, figure, now)
                )
                report.updated.append(indicator.code)
            else:
                report.unchanged.append(indicator.code)
        return to_create

    @staticmethod
    def _drop_stale(value, report):
        """A computed value that can no longer be computed goes, unless someone
        has commented on it or attached evidence: then it stays, reported."""
        if not value:
            return
        if value.comment or value.evidence_ids:
            report.stale_kept.append(value.code)
        else:
            report.removed.append(value.code)
            value.unlink()

    @staticmethod
    def _changed(value, figure):
        digits = value._fields["value"].get_digits(value.env)[1]
        return (
            float_compare(value.value, figure.value, precision_digits=digits) != 0
            or value.source_model != figure.model
            or value.source_domain != serialize_domain(figure.domain)
            or (value.calculation_note or "") != figure.note
            or value.data_quality != _data_quality(figure)
            or set(value.with_context(active_test=False).emission_factor_ids.ids)
            != set(figure.factor_ids)
            or (value.warning or "") != _warning_text(figure)
            or _line_keys(value.emission_line_ids) != _figure_line_keys(figure)
        )

    def _figure_vals(self, indicator, figure, now):
        return {
            "value": figure.value,
            "source_model": figure.model,
            "source_domain": serialize_domain(figure.domain),
            "calculation_note": figure.note,
            "uses_fallback_factor": figure.fallback,
            "emission_factor_ids": [Command.set(figure.factor_ids)],
            "emission_line_ids": [Command.clear()]
            + [
                Command.create(_line_vals(line, indicator, self.period))
                for line in figure.emission_lines
            ],
            "data_quality": _data_quality(figure),
            "warning": _warning_text(figure),
            "computed_on": now,
        }

    def _value_vals(self, indicator, figure, now):
        vals = {
            "indicator_id": indicator.id,
            "period_id": self.period.id,
            # Given, so that nothing is left to work out before the insert:
            # Odoo would otherwise build a draft record for each value.
            "company_id": self.company.id,
            "source": indicator.source_type,
            **self._figure_vals(indicator, figure, now),
        }
        # A new value has no factors or lines to clear: without them the ORM
        # skips reading every new value's links (most values have none).
        if not figure.factor_ids:
            del vals["emission_factor_ids"]
        if not figure.emission_lines:
            del vals["emission_line_ids"]
        return vals


class PeriodsCompute:
    """Compute several periods together, company by company.

    For one company, the indicators, their sources and the formulas'
    dependencies are read once, and each fetcher reads its records once for
    all the periods when it can: a fetcher ``f`` that has an attribute
    ``f.for_periods(env, company, periods, sources)`` returns
    ``{period: {source: Figure}}`` for every period, typically from one read
    grouped by month rolled up into each period by the figure's nature (see
    ``engine.months``); a fetcher without it is called period by period, as
    ``PeriodCompute`` does. Either way each period gets the figures it would
    get alone. The values created for all the periods are created at once.
    """

    def __init__(self, periods):
        self.periods = periods

    def run(self):
        """{period: ComputeReport}."""
        reports = {}
        for company in self.periods.company_id:
            group = self.periods.filtered(lambda p, c=company: p.company_id == c)
            reports.update(self._run_company(group))
        return reports

    def _run_company(self, periods):
        reports = {period: ComputeReport() for period in periods}
        open_periods = periods.filtered(lambda p: p.state != "locked")
        for period in periods - open_periods:
            reports[period].locked = True
        if not open_periods:
            return reports
        _stamp(open_periods)
        bases = self._base_periods(open_periods)
        # Base-year periods first: the later periods' formulas read their
        # fresh values, as when the periods are computed in date order.
        first = open_periods & open_periods.browse(
            {p.id for p in bases.values()}
        ).filtered(lambda p: bases.get((p.kind, p.date_from)) != p)
        for chunk in (first, open_periods - first):
            if chunk:
                self._run_chunk(chunk, bases, reports)
                chunk.invalidate_recordset(["value_ids"])
        return reports

    def _run_chunk(self, open_periods, bases, reports):
        shared = {"base_periods": bases}
        lead = PeriodCompute(open_periods[0], shared)
        indicators = lead._indicators()
        sources = lead._sources(indicators)
        no_source = sorted(
            i.code
            for i in indicators
            if i.source_type == "computed" and i.code not in sources
        )
        failed = {period: {} for period in open_periods}
        raw = self._fetch(lead, open_periods, sources, failed)
        to_create = []
        for period in open_periods:
            report = reports[period]
            report.no_source = list(no_source)
            report.failed = failed[period]
            compute = PeriodCompute(period, shared)
            existing = {v.indicator_id.code: v for v in period.value_ids}
            figures = compute._derive(
                indicators, sources, raw[period], existing, report.failed
            )
            to_create += compute._store(indicators, figures, existing, report)
        lead._values().create(to_create)

    def _fetch(self, lead, periods, sources, failed):
        """{period: {code: Figure}}, each fetcher run once for all periods
        when it can, else once per period."""
        by_fetcher, broken = {}, {}
        for code, source in sources.items():
            problem = lead._definition_problem(source)
            if problem:
                broken[code] = problem
                continue
            fetcher = FETCHERS[source.method]
            by_fetcher.setdefault(fetcher, lead.env["csr.indicator.source"])
            by_fetcher[fetcher] |= source
        raw = {period: {} for period in periods}
        for period in periods:
            failed[period].update(broken)
        for fetcher, batch in by_fetcher.items():
            for period, figures in self._run_fetcher(
                lead, fetcher, batch, periods, failed
            ).items():
                for source, figure in figures.items():
                    raw[period][source.indicator_id.code] = figure
        return raw

    @staticmethod
    def _run_fetcher(lead, fetcher, batch, periods, failed):
        several = getattr(fetcher, "for_periods", None)
        if several is None:
            return {
                period: PeriodCompute(period)._run_fetcher(
                    fetcher, batch, failed[period]
                )
                for period in periods
            }
        try:
            with lead.env.cr.savepoint():
                return several(lead.sudo_env, lead.company, periods, batch)
        except Exception as error:  # noqa: BLE001 - any fault stays in its batch
            reason = _fetch_failure(lead.env, periods, fetcher, batch, error)
            for period in periods:
                for source in batch:
                    failed[period][source.indicator_id.code] = reason
            return {}

    @staticmethod
    def _base_periods(periods):
        """{(kind, start): base period} of the periods, in one query; the
        base period is the one of the same kind in the company's base year."""
        company = periods.company_id
        year = company.csr_base_year
        if not year:
            return {}
        wanted = {
            (p.kind, p.date_from): p.date_from.replace(year=year) for p in periods
        }
        found = periods.search(
            [
                ("company_id", "=", company.id),
                ("kind", "in", list({kind for kind, _start in wanted})),
                ("date_from", "in", list(set(wanted.values()))),
            ]
        )
        by_key = {(p.kind, p.date_from): p for p in found}
        return {
            key: by_key[(key[0], start)]
            for key, start in wanted.items()
            if (key[0], start) in by_key
        }
