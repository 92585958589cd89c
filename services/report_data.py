# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The one data provider of the CSR reports: PDF, XLSX workbook, VSME export
and the owner's dashboard all read what ``ReportData.build`` returns, so they
cannot disagree.

It returns plain data (frozen dataclasses of numbers, strings and dates) and
leaves formatting to each output. A locked period's judgement is the
scorecard it was locked with; an open period is scored on the fly, without
storing, so that its figures and their judgement come from the same values.
Reads go through the user's access rights and record rules, set-based: a
fixed number of queries per company, whatever the size of the catalogue.
"""

from dataclasses import dataclass
from datetime import date

from odoo import fields

from ..engine.values import display_unit
from ..engine.vocabulary import OPEN_ACTION_STATES, PILLARS
from . import ghg_inventory
from .labels import selection_labels
from .period_compute import PeriodCompute
from .scorecard_compute import ScorecardCompute

DEFAULT_HISTORY = 4


@dataclass(frozen=True)
class Column:
    """A period shown in the report: the reported one or a comparison."""

    period_id: int
    name: str
    kind: str
    date_from: date
    date_to: date
    is_reported: bool = False


@dataclass(frozen=True)
class IndicatorRow:
    indicator_id: int
    code: str
    name: str
    pillar: str
    unit: str
    value_type: str
    direction: str
    is_core: bool
    has_value: bool
    value: float | None
    previous: float | None
    target: float | None
    light: str  # green, amber, red or "" when not scored
    status: str  # the light's label, or why the indicator is not scored
    score: float | None
    source_type: str  # manual, computed, formula
    source_label: str
    value_state: str  # draft, submitted, validated or "" without a value
    state_label: str
    validated: bool
    estimated: bool
    frameworks: tuple  # framework references, e.g. ("GRI 302-1", "VSME B3")
    history: tuple  # one value (or None) per column, oldest first
    entered_by: str = ""
    entered_on: object = None
    validated_by: str = ""
    validated_on: object = None
    evidence_count: int = 0
    comment: str = ""
    calculation_note: str = ""
    warning: str = ""  # why the computed figure may not be right
    value_id: int | None = None  # the period's value record, to open it


@dataclass(frozen=True)
class PillarBlock:
    key: str
    label: str
    has_score: bool
    score: float | None
    light: str
    previous_score: float | None
    change: float | None
    sufficient: bool
    completeness: float
    validated_share: float
    applicable_count: int
    valued_count: int
    stage: int | None  # maturity stage 0-5 of the last closed assessment
    stage_label: str
    stage_change: int | None
    indicators: tuple
    light_label: str = ""  # the light's label, "" when not scored

    @property
    def warning_count(self):
        """Figures of the pillar whose computation carries a warning."""
        return sum(1 for row in self.indicators if row.warning)


@dataclass(frozen=True)
class ActionRow:
    action_id: int
    name: str
    pillar_label: str
    responsible: str
    deadline: date | None
    state: str
    state_label: str
    overdue: bool
    days_overdue: int
    indicator_code: str
    baseline: float | None
    target: float | None
    priority: str
    value_type: str = ""  # of the tracked indicator, "" without one
    unit: str = ""


@dataclass(frozen=True)
class FactorRow:
    factor_id: int
    activity: str
    scope_label: str
    where: str
    kgco2e_per_unit: float
    per_unit: str
    citation: str
    url: str
    indicator_codes: tuple
    gases: str = ""
    basis_label: str = ""
    data_year: int | None = None


@dataclass(frozen=True)
class SourceRow:
    """How a computed or formula indicator gets its figure."""

    code: str
    name: str
    method: str
    definition: tuple  # (label, text) pairs
    own_to_company: bool


@dataclass(frozen=True)
class TrendPoint:
    period_name: str
    date_from: date
    index: float | None
    pillar_scores: dict  # pillar key → score or None


@dataclass(frozen=True)
class Maturity:
    assessment_name: str
    date: date
    overall_stage: int
    overall_label: str
    index: float


@dataclass(frozen=True)
class CompanyReport:
    company_id: int
    company_name: str
    currency_name: str
    period: Column
    columns: tuple  # comparison periods oldest first, then the reported one
    scored_on: object  # datetime of the scorecard, None when scored now
    has_index: bool
    index: float | None
    light: str
    previous_index: float | None
    index_change: float | None
    pillars: tuple
    maturity: Maturity | None
    actions: tuple
    factors: tuple
    sources: tuple
    trend: tuple
    today: date
    # What the VSME basis for preparation (B1) tells about the company.
    country: str = ""
    size_label: str = ""
    sector: str = ""
    currency_decimals: int = 2
    light_label: str = ""  # the index light's label, "" when not scored
    revision: int | None = None  # of the stored scorecard, None when scored now
    ghg: object = None  # ghg_inventory.GhgInventory of the period
    tz: str = "UTC"  # the company's time zone, for its dates and times

    @property
    def rows(self):
        return [row for pillar in self.pillars for row in pillar.indicators]

    @property
    def red_rows(self):
        return [row for row in self.rows if row.light == "red"]

    @property
    def manual_rows(self):
        return [
            row for row in self.rows if row.source_type == "manual" and row.has_value
        ]

    @property
    def overdue_actions(self):
        return [action for action in self.actions if action.overdue]

    @property
    def applicable_count(self):
        return sum(pillar.applicable_count for pillar in self.pillars)

    @property
    def valued_count(self):
        return sum(pillar.valued_count for pillar in self.pillars)

    @property
    def completeness(self):
        """Share (%) of the applicable indicators that have a value."""
        applicable = self.applicable_count
        return 100.0 * self.valued_count / applicable if applicable else 0.0

    def value_of(self, code):
        """The reported row of an indicator code, or None."""
        return next((row for row in self.rows if row.code == code), None)


def _optional(flag, number):
    return number if flag else None


class ReportData:
    """Build the report of one or more periods (one per company)."""

    def __init__(self, env, history=DEFAULT_HISTORY, today=None):
        self.env = env
        self.history = history
        self.today = today or fields.Date.context_today(env.user)

    def build(self, periods):
        # The periods decide which companies are shown: the caller's rights
        # on them are checked here, the rest is read within their companies.
        periods.check_access("read")
        return [self._company_report(period) for period in periods]

    @classmethod
    def periods_for(cls, companies, kind, date_from):
        """The period of each company with this kind and start: how a
        consultant reports the same months for several client companies."""
        env = companies.env
        return env["csr.period"].search(
            [
                ("company_id", "in", companies.ids),
                ("kind", "=", kind),
                ("date_from", "=", date_from),
            ]
        )

    # -- one company --------------------------------------------------------

    def _company_report(self, period):
        company = period.company_id
        columns = self._columns(period)
        card, lines, pillars = self._judgement(period)
        history = self._history(columns)
        maturity, stages = self._maturity(period)
        rows = self._rows(lines, columns, history, company.currency_id.name)
        previous_pillars = self._previous_pillar_scores(card)
        labels = selection_labels(self.env["csr.scorecard.pillar"], "pillar")
        light_labels = selection_labels(self.env["csr.scorecard"], "light")
        blocks = tuple(
            self._pillar_block(
                key,
                labels[key],
                pillars.get(key, {}),
                previous_pillars.get(key),
                stages.get(key),
                tuple(row for row in rows if row.pillar == key),
                light_labels,
            )
            for key, _label in PILLARS
        )
        return CompanyReport(
            company_id=company.id,
            company_name=company.name,
            currency_name=company.currency_id.name,
            period=columns[-1],
            columns=columns,
            scored_on=card.get("computed_on") if card.get("stored") else None,
            revision=card.get("revision") if card.get("stored") else None,
            has_index=card["has_index"],
            index=_optional(card["has_index"], card["overall_index"]),
            light=card["light"] or "",
            previous_index=_optional(
                card["has_previous_index"], card["previous_index"]
            ),
            index_change=_optional(card["has_change"], card["index_change"]),
            pillars=blocks,
            maturity=maturity,
            actions=self._actions(company),
            factors=self._factors(period),
            ghg=ghg_inventory.build(self.env, period),
            sources=self._sources(period),
            trend=self._trend(columns, card, pillars),
            today=self.today,
            **self._profile(company),
            light_label=light_labels.get(card["light"], ""),
        )

    @staticmethod
    def _profile(company):
        sizes = selection_labels(company, "csr_company_size")
        return {
            "country": company.country_id.name or "",
            "size_label": sizes.get(company.csr_company_size, ""),
            "sector": company.csr_sector_id.name or "",
            "currency_decimals": company.currency_id.decimal_places,
            "tz": company.partner_id.tz or "UTC",
        }

    def _columns(self, period):
        if not self.history:  # a limit of 0 would mean "no limit"
            return (self._column(period, reported=True),)
        earlier = self.env["csr.period"].search(
            [
                ("company_id", "=", period.company_id.id),
                ("kind", "=", period.kind),
                ("date_to", "<", period.date_from),
            ],
            order="date_from desc",
            limit=self.history,
        )
        columns = [self._column(p) for p in reversed(earlier)]
        return tuple(columns + [self._column(period, reported=True)])

    @staticmethod
    def _column(period, reported=False):
        return Column(
            period.id,
            period.name,
            period.kind,
            period.date_from,
            period.date_to,
            reported,
        )

    # -- the judgement: stored scorecard, or scored now -----------------------

    def _judgement(self, period):
        """(scorecard, lines, pillars) as plain dicts.

        A locked period reports the scorecard it was locked with. An open one
        is scored now: its values may have changed since the last refresh,
        and every figure of the report must come from the same records.
        """
        if period.state == "locked":
            card = self.env["csr.scorecard"].search([("period_id", "=", period.id)])
            if card:
                return self._stored_judgement(card)
        return self._fresh_judgement(period)

    @staticmethod
    def _stored_judgement(card):
        card_fields = [
            "has_index",
            "overall_index",
            "light",
            "has_previous_index",
            "previous_index",
            "has_change",
            "index_change",
            "computed_on",
            "revision",
            "previous_scorecard_id",
        ]
        head = card.read(card_fields, load=None)[0]
        head["stored"] = True
        lines = card.line_ids.read(list(LINE_FIELDS), load=None)
        pillars = {
            vals["pillar"]: vals
            for vals in card.pillar_ids.read(list(PILLAR_FIELDS), load=None)
        }
        return head, lines, pillars

    def _fresh_judgement(self, period):
        # Scoring reads as superuser, filtered on the period's company; the
        # period itself was read with the user's rights.
        vals = ScorecardCompute(period.sudo()).vals()
        lines = [command[2] for command in vals.pop("line_ids") if command[0] == 0]
        pillars = {
            command[2]["pillar"]: command[2]
            for command in vals.pop("pillar_ids")
            if command[0] == 0
        }
        vals["stored"] = False
        return vals, lines, pillars

    def _previous_pillar_scores(self, card):
        previous = self.env["csr.scorecard.pillar"].search_fetch(
            [("scorecard_id", "=", card.get("previous_scorecard_id") or False)],
            ["pillar", "has_score", "score"],
        )
        return {p.pillar: p.score for p in previous if p.has_score}

    # -- indicators ---------------------------------------------------------

    def _history(self, columns):
        """{(indicator id, period id): value record} over every column."""
        values = self.env["csr.indicator.value"].search(
            [("period_id", "in", [c.period_id for c in columns])]
        )
        return {(v.indicator_id.id, v.period_id.id): v for v in values}

    def _rows(self, lines, columns, history, currency_code=""):
        indicators = self.env["csr.indicator"].browse(
            [line["indicator_id"] for line in lines]
        )
        indicators.fetch(
            ["code", "name", "unit", "value_type", "source_type", "direction"]
            + ["is_core", "framework_tag_ids"]
        )
        by_id = {indicator.id: indicator for indicator in indicators}
        frameworks = self._framework_refs(indicators)
        Line = self.env["csr.scorecard.line"]
        labels = {
            "light": selection_labels(Line, "light"),
            "reason": selection_labels(Line, "not_scored_reason"),
            "state": selection_labels(Line, "value_state"),
            "source": selection_labels(self.env["csr.indicator"], "source_type"),
        }
        reported = columns[-1].period_id
        rows = []
        for line in lines:
            indicator = by_id[line["indicator_id"]]
            value = history.get((indicator.id, reported))
            rows.append(
                self._row(
                    indicator,
                    line,
                    value,
                    (columns, history, frameworks, labels),
                    currency_code,
                )
            )
        return rows

    @staticmethod
    def _framework_refs(indicators):
        return {
            indicator.id: tuple(indicator.framework_tag_ids.mapped("code"))
            for indicator in indicators
        }

    def _row(self, indicator, line, value, context, currency_code):
        """One indicator's row; ``context`` is what every row of the report
        shares: (columns, history, framework references, labels)."""
        columns, history, frameworks, labels = context
        has_value = bool(line["has_value"])
        light = line["light"] or ""
        if light:
            status = labels["light"][light]
        else:
            status = labels["reason"].get(line["not_scored_reason"], "")
        state = line["value_state"] or ""
        past = tuple(
            history[(indicator.id, c.period_id)].value
            if (indicator.id, c.period_id) in history
            else None
            for c in columns
        )
        audit = self._audit(value)
        source = value.source if value else indicator.source_type
        return IndicatorRow(
            indicator_id=indicator.id,
            code=indicator.code,
            name=indicator.name,
            pillar=line["pillar"],
            unit=display_unit(indicator.unit, indicator.value_type, currency_code),
            value_type=indicator.value_type,
            direction=indicator.direction,
            is_core=indicator.is_core,
            has_value=has_value,
            value=_optional(has_value, line["value"]),
            previous=_optional(line["has_previous"], line["previous_value"]),
            target=_optional(line["has_target"], line["target_value"]),
            light=light,
            status=status,
            score=_optional(bool(light), line["score"]),
            source_type=source,
            source_label=labels["source"][source],
            value_state=state,
            state_label=labels["state"].get(state, ""),
            validated=state == "validated",
            estimated=line["data_quality"] == "estimated",
            frameworks=frameworks[indicator.id],
            history=past,
            value_id=value.id if value else None,
            **audit,
        )

    @staticmethod
    def _audit(value):
        if not value:
            return {}
        return {
            "entered_by": value.entered_by_id.name or "",
            "entered_on": value.entered_on or None,
            "validated_by": value.validated_by_id.name or "",
            "validated_on": value.validated_on or None,
            "evidence_count": len(value.evidence_ids),
            "comment": value.comment or "",
            "calculation_note": value.calculation_note or "",
            "warning": value.warning or "",
        }

    # -- pillars ------------------------------------------------------------

    @staticmethod
    def _pillar_block(key, label, vals, previous_score, stage, rows, light_labels):
        light = vals.get("light") or ""
        has_score = bool(vals.get("has_score"))
        score = _optional(has_score, vals.get("score", 0.0))
        change = None
        if score is not None and previous_score is not None:
            change = round(score - previous_score, 2)
        stage_number, stage_label, stage_change = stage or (None, "", None)
        return PillarBlock(
            key=key,
            label=label,
            has_score=has_score,
            score=score,
            light=light,
            previous_score=previous_score,
            change=change,
            sufficient=bool(vals.get("sufficient")),
            completeness=vals.get("completeness", 0.0),
            validated_share=vals.get("validated_share", 0.0),
            applicable_count=vals.get("applicable_count", 0),
            valued_count=vals.get("valued_count", 0),
            stage=stage_number,
            stage_label=stage_label,
            stage_change=stage_change,
            indicators=rows,
            light_label=light_labels.get(light, ""),
        )

    def _maturity(self, period):
        """The last closed self-assessment up to the period's end."""
        assessment = self.env["csr.assessment"].search(
            [
                ("company_id", "=", period.company_id.id),
                ("state", "=", "done"),
                ("date", "<=", period.date_to),
            ],
            order="date desc, id desc",
            limit=1,
        )
        if not assessment:
            return None, {}
        labels = selection_labels(assessment, "overall_stage")
        stages = {
            pillar.pillar: (
                int(pillar.stage),
                labels[pillar.stage],
                pillar.stage_change if pillar.has_previous else None,
            )
            for pillar in assessment.pillar_ids
        }
        maturity = Maturity(
            assessment.name,
            assessment.date,
            int(assessment.overall_stage),
            labels[assessment.overall_stage],
            assessment.maturity_index,
        )
        return maturity, stages

    def _trend(self, columns, judgement, pillars):
        """Index and pillar scores of each earlier column that has a
        scorecard, then of the reported period as the report judged it: the
        trend ends on the figures the report shows."""
        cards = self.env["csr.scorecard"].search(
            [("period_id", "in", [c.period_id for c in columns])]
        )
        by_period = {card.period_id.id: card for card in cards}
        points = []
        for column in columns:
            card = by_period.get(column.period_id)
            if column.is_reported and not judgement["stored"]:
                continue  # scored now: its stored scorecard may be stale
            if not card:
                continue
            points.append(
                TrendPoint(
                    column.name,
                    column.date_from,
                    _optional(card.has_index, card.overall_index),
                    {
                        p.pillar: _optional(p.has_score, p.score)
                        for p in card.pillar_ids
                    },
                )
            )
        if not judgement["stored"]:
            points.append(self._fresh_point(columns[-1], judgement, pillars))
        return tuple(points)

    @staticmethod
    def _fresh_point(column, card, pillars):
        return TrendPoint(
            column.name,
            column.date_from,
            _optional(card["has_index"], card["overall_index"]),
            {
                key: _optional(bool(vals.get("has_score")), vals.get("score"))
                for key, vals in pillars.items()
            },
        )

    # -- actions, factors, sources ------------------------------------------

    def _actions(self, company):
        """The open improvement actions, overdue first, then by deadline."""
        actions = self.env["csr.action"].search(
            [
                ("company_id", "=", company.id),
                ("state", "in", OPEN_ACTION_STATES),
            ],
            order="deadline asc, priority desc, id",
        )
        Action = self.env["csr.action"]
        pillar_labels = selection_labels(Action, "pillar")
        state_labels = selection_labels(Action, "state")
        priority_labels = selection_labels(Action, "priority")
        rows = [
            self._action_row(action, pillar_labels, state_labels, priority_labels)
            for action in actions
        ]
        return tuple(sorted(rows, key=lambda row: not row.overdue))

    def _action_row(self, action, pillar_labels, state_labels, priority_labels):
        deadline = action.deadline or None
        days = (self.today - deadline).days if deadline else 0
        tracked = bool(action.indicator_id)
        return ActionRow(
            action_id=action.id,
            name=action.name,
            pillar_label=pillar_labels.get(action.pillar, ""),
            responsible=action.responsible_id.name or "",
            deadline=deadline,
            state=action.state,
            state_label=state_labels[action.state],
            overdue=days > 0,
            days_overdue=max(days, 0),
            indicator_code=action.indicator_id.code or "",
            baseline=_optional(tracked, action.baseline_value),
            target=_optional(tracked, action.target_value),
            priority=priority_labels.get(action.priority, ""),
            value_type=action.indicator_id.value_type or "",
            unit=action.indicator_id.unit or "",
        )

    def _factors(self, period):
        """The emission factors the period's computed values used."""
        values = (
            self.env["csr.indicator.value"]
            .search(
                [("period_id", "=", period.id), ("emission_factor_ids", "!=", False)]
            )
            .with_context(active_test=False)
        )  # an archived factor was still used
        codes = {}
        for value in values:
            for factor in value.emission_factor_ids:
                codes.setdefault(factor, []).append(value.code)
        scope_labels = selection_labels(self.env["csr.emission.factor"], "scope")
        basis_labels = selection_labels(self.env["csr.emission.factor"], "basis")
        rows = [
            FactorRow(
                factor_id=factor.id,
                activity=factor.activity_id.name,
                scope_label=scope_labels.get(factor.scope, ""),
                where=factor.country_id.name or factor.region or "",
                kgco2e_per_unit=factor.kgco2e_per_unit,
                per_unit=factor.uom_id.name or "",
                citation=factor.citation(),
                url=factor.source_url or "",
                indicator_codes=tuple(sorted(set(used))),
                gases=factor.gases or "",
                basis_label=basis_labels.get(factor.basis, ""),
                data_year=factor.data_year or None,
            )
            for factor, used in codes.items()
        ]
        return tuple(sorted(rows, key=lambda row: (row.activity, row.scope_label)))

    def _sources(self, period):
        """The source definition of each computed indicator, and the formula
        of each formula indicator, as the period's computation reads them."""
        compute = PeriodCompute(period)
        Indicator = self.env["csr.indicator"]
        indicators = Indicator.search(
            Indicator._applicable_domain(period.company_id)
            + [("id", "in", compute._indicators().ids)]
        )
        chosen = compute._sources(indicators)
        rows = []
        for indicator in indicators:
            if indicator.source_type == "formula":
                rows.append(self._formula_row(indicator))
            elif indicator.code in chosen:
                rows.append(self._source_row(indicator, chosen[indicator.code]))
        return tuple(rows)

    def _formula_row(self, indicator):
        label = selection_labels(self.env["csr.indicator"], "source_type")["formula"]
        return SourceRow(
            code=indicator.code,
            name=indicator.name,
            method=label,
            definition=((self.env._("Formula"), indicator.formula or ""),),
            own_to_company=bool(indicator.company_id),
        )

    def _source_row(self, indicator, source):
        Source = self.env["csr.indicator.source"]
        labels = {
            name: selection_labels(Source, name)
            for name in ("method", "measure", "sign", "scope")
        }
        _ = self.env._
        parts = [
            (_("Account types"), source.account_types or ""),
            (
                _("Account tags"),
                ", ".join(source.account_tag_ids.mapped("name")),
            ),
            (_("Account code prefixes"), source.account_prefixes or ""),
            (_("Activities"), ", ".join(source.activity_ids.mapped("name"))),
            (_("Emission scope"), labels["scope"].get(source.scope, "")),
            (_("Divide by"), source.divide_by_id.code or ""),
        ]
        if source.method in ("account", "account_closing"):
            parts += [
                (_("Measure"), labels["measure"][source.measure]),
                (_("Sign"), labels["sign"][source.sign]),
            ]
        if source.multiplier != 1.0:
            parts.append((_("Multiplier"), f"{source.multiplier:g}"))
        if source.note:
            parts.append((_("Note"), source.note))
        return SourceRow(
            code=indicator.code,
            name=indicator.name,
            method=labels["method"][source.method],
            definition=tuple((label, text) for label, text in parts if text),
            own_to_company=bool(source.company_id),
        )


LINE_FIELDS = (
    "indicator_id",
    "pillar",
    "has_value",
    "value",
    "value_state",
    "data_quality",
    "has_target",
    "target_value",
    "has_previous",
    "previous_value",
    "score",
    "light",
    "not_scored_reason",
)
PILLAR_FIELDS = (
    "pillar",
    "has_score",
    "score",
    "light",
    "sufficient",
    "completeness",
    "validated_share",
    "applicable_count",
    "valued_count",
)
