# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Compare the same period of several companies: a consultant's view of
his clients side by side, with the median of all of them, the median of each
sector, and each figure placed against its sector's reference range.

Figures come from ``ReportData`` (same values, same judgement as the
reports), read with the user's rights: only the companies selected in the
company switcher can be compared, the record rules refuse the others.
"""

from dataclasses import dataclass, replace
from datetime import date

from odoo.exceptions import UserError
from odoo.tools.misc import format_date

from ..engine import benchmarking
from ..engine.vocabulary import PILLARS
from .labels import selection_labels
from .report_data import ReportData

INDEX_KEY = "index"
PILLAR_KEY = "pillar:%s"


@dataclass(frozen=True)
class CompanyColumn:
    company_id: int
    name: str
    sector_id: int | None
    sector: str
    period_name: str
    currency: str = ""


@dataclass(frozen=True)
class Range:
    """A reference range as the comparison shows it."""

    range_id: int
    low: float
    median: float
    high: float
    year: int
    indicative: bool
    source: str
    url: str


@dataclass(frozen=True)
class ComparisonRow:
    key: str  # the indicator code, "index" or "pillar:<key>"
    kind: str  # index, pillar or indicator
    pillar: str  # "" for the index
    label: str
    unit: str
    value_type: str
    direction: str
    values: dict  # company id -> value or None
    median: float | None  # over every compared company
    sector_medians: dict  # sector id -> median over its companies
    ranges: dict  # company id -> Range of its sector, when one applies
    positions: dict  # company id -> below / within / above (or None)
    standings: dict  # company id -> better / typical / worse (or None)
    units: dict = None  # company id -> its unit (an amount: its own currency)
    currencies: tuple = ()  # the currencies of an amount row, sorted

    @property
    def mixed_currencies(self):
        """Amounts in different currencies: no median is taken over them."""
        return len(self.currencies) > 1


@dataclass(frozen=True)
class Comparison:
    kind: str
    date_from: date
    columns: tuple
    rows: tuple
    sectors: tuple  # (sector id, name) of the sectors of two companies or more

    def row(self, key):
        return next((row for row in self.rows if row.key == key), None)

    def value(self, key, company_id):
        row = self.row(key)
        return row.values.get(company_id) if row else None


class CompanyComparison:
    def __init__(self, env):
        self.env = env

    def build(self, companies, kind, date_from):
        self._check_companies(companies)
        periods = self._periods(companies, kind, date_from)
        reports = ReportData(self.env, history=0).build(periods)
        columns = tuple(
            self._column(period, report)
            for period, report in zip(periods, reports, strict=True)
        )
        rows = self._score_rows(reports) + self._indicator_rows(reports)
        rows = self._with_medians(rows, columns)
        rows = self._with_ranges(rows, columns, kind)
        return Comparison(
            kind=kind,
            date_from=date_from,
            columns=columns,
            rows=tuple(rows),
            sectors=self._shared_sectors(columns),
        )

    # -- which companies ----------------------------------------------------

    def _check_companies(self, companies):
        _ = self.env._
        if not companies:
            raise UserError(_("Choose at least one company to compare."))
        # As superuser: the user may not even read a company outside his.
        if companies.sudo() - self.env.companies.sudo():
            raise UserError(
                _(
                    "Select every company to compare in the company switcher "
                    "first: only the companies you are allowed to see can be "
                    "compared."
                )
            )

    def _periods(self, companies, kind, date_from):
        periods = ReportData.periods_for(companies, kind, date_from)
        missing = companies - periods.company_id
        if missing:
            kinds = selection_labels(self.env["csr.period"], "kind")
            raise UserError(
                self.env._(
                    "%(companies)s: no period of kind %(kind)s starting on "
                    "%(start)s. Create it, choose another start, or leave "
                    "these companies out of the comparison.",
                    companies=", ".join(missing.mapped("name")),
                    kind=kinds[kind],
                    start=format_date(self.env, date_from),
                )
            )
        return periods.sorted(lambda p: (p.company_id.sequence, p.company_id.name))

    @staticmethod
    def _column(period, report):
        sector = period.company_id.csr_sector_id
        return CompanyColumn(
            company_id=report.company_id,
            name=report.company_name,
            sector_id=sector.id or None,
            sector=sector.name or "",
            period_name=report.period.name,
            currency=report.currency_name,
        )

    # -- rows ---------------------------------------------------------------

    def _score_rows(self, reports):
        _ = self.env._
        rows = [
            self._row(
                INDEX_KEY,
                "index",
                "",
                _("CSR index"),
                {report.company_id: report.index for report in reports},
            )
        ]
        labels = selection_labels(self.env["csr.scorecard.pillar"], "pillar")
        for key, _label in PILLARS:
            scores = {
                report.company_id: next(
                    block.score for block in report.pillars if block.key == key
                )
                for report in reports
            }
            rows.append(
                self._row(
                    PILLAR_KEY % key,
                    "pillar",
                    key,
                    _("%(pillar)s score", pillar=labels[key]),
                    scores,
                )
            )
        return rows

    def _indicator_rows(self, reports):
        """One row per indicator of any compared company, grouped by pillar
        in the catalogue's order; a company the indicator does not apply to
        has no value."""
        first = {}
        values = {}
        units = {}
        currencies = {}
        for report in reports:
            for row in report.rows:
                first.setdefault(row.code, row)
                values.setdefault(row.code, {})[report.company_id] = row.value
                units.setdefault(row.code, {})[report.company_id] = row.unit
                if row.value_type == "monetary" and row.value is not None:
                    currencies.setdefault(row.code, set()).add(report.currency_name)
        pillar_order = [key for key, _label in PILLARS]
        ordered = sorted(
            first.values(),
            key=lambda row: pillar_order.index(row.pillar),
        )  # stable: keeps the catalogue order within a pillar
        return [
            self._row(
                row.code,
                "indicator",
                row.pillar,
                f"{row.code} {row.name}",
                {report.company_id: None for report in reports} | values[row.code],
                unit=row.unit,
                value_type=row.value_type,
                direction=row.direction,
                units=units[row.code],
                currencies=tuple(sorted(currencies.get(row.code, ()))),
            )
            for row in ordered
        ]

    @staticmethod
    def _row(key, kind, pillar, label, values, **extra):
        vals = {
            "unit": "",
            "value_type": "",
            "direction": "higher",
            "median": None,
            "sector_medians": {},
            "ranges": {},
            "positions": {},
            "standings": {},
            "units": {},
        }
        vals.update(extra)
        return ComparisonRow(
            key=key, kind=kind, pillar=pillar, label=label, values=values, **vals
        )

    # -- medians and reference ranges ---------------------------------------

    def _with_medians(self, rows, columns):
        """The median of each row, and of each sector's companies. Amounts in
        different currencies are not converted at some rate behind the
        reader's back: they get no median, except within a sector whose
        companies share one currency."""
        sectors = {column.company_id: column.sector_id for column in columns}
        currency = {column.company_id: column.currency for column in columns}
        result = []
        for row in rows:
            if not row.mixed_currencies:
                result.append(
                    replace(
                        row,
                        median=benchmarking.median(row.values.values()),
                        sector_medians=benchmarking.group_medians(row.values, sectors),
                    )
                )
                continue
            groups = {}
            for company_id, value in row.values.items():
                if value is not None:
                    groups.setdefault(sectors[company_id], set()).add(
                        currency[company_id]
                    )
            medians = benchmarking.group_medians(row.values, sectors)
            result.append(
                replace(
                    row,
                    median=None,
                    sector_medians={
                        sector: median
                        for sector, median in medians.items()
                        if len(groups.get(sector, ())) == 1
                    },
                )
            )
        return result

    def _with_ranges(self, rows, columns, kind):
        candidates = self._range_candidates(rows, kind)
        result = []
        for row in rows:
            ranges, positions, standings = {}, {}, {}
            for column in columns:
                found = self._range_of(candidates.get(row.key, []), column)
                if not found:
                    continue
                where = benchmarking.position(
                    row.values.get(column.company_id), found.low, found.high
                )
                ranges[column.company_id] = found
                positions[column.company_id] = where
                standings[column.company_id] = benchmarking.standing(
                    where, row.direction
                )
            result.append(
                replace(row, ranges=ranges, positions=positions, standings=standings)
            )
        return result

    @staticmethod
    def _range_of(candidates, column):
        """The range that fits the column's company best: its own ranges
        and the shared ones compete, other companies' ranges do not."""
        company = column.company_id
        return benchmarking.best_range(
            [
                (sector, owner == company, year, range_)
                for sector, owner, year, range_ in candidates
                if owner in (None, company)
            ],
            column.sector_id,
        )

    def _range_candidates(self, rows, kind):
        """{indicator code: [(sector id, company id, year, Range)]}, read in
        one query; yearly ranges only position yearly periods."""
        codes = [row.key for row in rows if row.kind == "indicator"]
        domain = [("indicator_id.code", "in", codes)]
        if kind != "year":
            domain.append(("annual_only", "=", False))
        records = self.env["csr.benchmark.range"].search(domain)
        candidates = {}
        for record in records:
            candidates.setdefault(record.indicator_id.code, []).append(
                (
                    record.sector_id.id or None,
                    record.company_id.id or None,
                    record.year,
                    Range(
                        range_id=record.id,
                        low=record.low,
                        median=record.median,
                        high=record.high,
                        year=record.year,
                        indicative=record.reliability == "indicative",
                        source=record.source,
                        url=record.source_url or "",
                    ),
                )
            )
        return candidates

    @staticmethod
    def _shared_sectors(columns):
        counts = {}
        for column in columns:
            if column.sector_id:
                counts.setdefault((column.sector_id, column.sector), 0)
                counts[column.sector_id, column.sector] += 1
        return tuple(sector for sector, count in counts.items() if count > 1)
