# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The digital VSME report: xBRL-JSON and Inline XBRL built from plain facts,
and the checks every fact must pass against EFRAG's VSME taxonomy.

The taxonomy is EFRAG's own extraction of the VSME XBRL taxonomy 2026-05-01
(``data/vsme/vsme-2026-05-01.json.gz``, MIT licence, © 2025 EFRAG: see
``data/vsme/LICENSE``): every concept with its data type, period type,
labels, enumeration members, and the hypercubes with their dimensions. The
builder never invents a concept, unit or member: ``check_facts`` refuses a
fact the taxonomy does not allow, and the tests run it on every report.

A fact names its period by key (``"current"`` or ``"previous"``); the
context takes the period's dates as a duration, or its last day as an
instant, as the concept's period type says. Percent facts carry ratios
(0.25 for 25 %), as the XBRL data type registry defines ``percentItemType``.

xBRL-JSON follows the Open Information Model: a date-only period end becomes
the next midnight.

>>> tax = Taxonomy(SAMPLE_TAXONOMY)
>>> periods = {"current": (date(2025, 1, 1), date(2025, 12, 31))}
>>> entity = Entity("http://standards.iso.org/iso/17442", "5493001KJTIIGC8Y1R12")
>>> facts = [Fact("vsme:Turnover", 1250000, "current", "iso4217:COP", 0)]
>>> check_facts(facts, tax)
[]
>>> oim = build_oim(facts, tax, entity, periods)
>>> oim["facts"]["f1"]["dimensions"]["period"]
'2025-01-01T00:00:00/2026-01-01T00:00:00'
>>> oim["facts"]["f1"]["value"], oim["facts"]["f1"]["decimals"]
('1250000', 0)
>>> check_facts([Fact("vsme:Turnover", 5, "current", "xbrli:pure", 0)], tax)
['vsme:Turnover: a monetary fact needs an ISO 4217 currency unit, not xbrli:pure']
"""

import gzip
import json
import math
import re
from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import Decimal
from xml.sax.saxutils import escape, quoteattr

ENTRY_POINT = "https://xbrl.efrag.org/taxonomy/vsme/2026-05-01/vsme-all.xsd"
LEI_SCHEME = "http://standards.iso.org/iso/17442"
OIM_DOCUMENT_TYPE = "https://xbrl.org/2021/xbrl-json"
IX_NS = "http://www.xbrl.org/2013/inlineXBRL"
IXT_NS = "http://www.xbrl.org/inlineXBRL/transformation/2020-02-12"
LABEL_ROLE = "http://www.xbrl.org/2003/role/label"

# Units by data type, as EFRAG's converter assigns them
# (``src/mireport/data/disclosures/vsme.json``, "dataTypesToUnits", MIT).
UNIT_BY_TYPE = {
    "dtr-types:areaItemType": "utr:ha",
    "dtr-types:energyItemType": "utr:MWh",
    "dtr-types:ghgEmissionsItemType": "utr:tCO2e",
    "dtr-types:massItemType": "utr:t",
    "dtr-types:percentItemType": "xbrli:pure",
    "dtr-types:volumeItemType": "utr:m3",
    "xbrli:decimalItemType": "xbrli:pure",
}
ENUM_TYPES = ("enum2:enumerationItemType", "enum2:enumerationSetItemType")
EXTRA_NAMESPACES = {
    "iso4217": "http://www.xbrl.org/2003/iso4217",
    "xbrldi": "http://xbrl.org/2006/xbrldi",
}

SAMPLE_TAXONOMY = {
    "concepts": {
        "vsme:Turnover": {
            "dataType": "xbrli:monetaryItemType",
            "baseDataType": "xbrli:monetaryItemType",
            "periodType": "duration",
            "numeric": True,
            "labels": {"en": {LABEL_ROLE: "Turnover"}},
        },
    },
    "dimensions": {"_defaults": {}},
    "namespaces": {
        "vsme": "https://xbrl.efrag.org/taxonomy/vsme/2026-05-01/vsme",
        "utr": "http://www.xbrl.org/2009/utr",
        "xbrli": "http://www.xbrl.org/2003/instance",
    },
    "entryPoint": ENTRY_POINT,
}


def load_taxonomy(path):
    """The taxonomy extraction at ``path`` (gzip-compressed JSON)."""
    with gzip.open(path, "rt", encoding="utf-8") as handle:
        return Taxonomy(json.load(handle))


class Taxonomy:
    """Read access to EFRAG's taxonomy extraction."""

    def __init__(self, data):
        self.data = data
        self.concepts = data["concepts"]
        self.namespaces = dict(data["namespaces"])
        self.defaults = data["dimensions"].get("_defaults", {})
        self.entry_point = data.get("entryPoint", ENTRY_POINT)
        self._tables = self._read_tables(data["dimensions"])

    @staticmethod
    def _read_tables(dimensions):
        """{primary item: [(explicit {axis: members}, typed axes)]}."""
        tables = {}
        for role, cubes in dimensions.items():
            if role == "_defaults":
                continue
            for cube in cubes.values():
                explicit = {
                    axis: frozenset(members)
                    for axis, members in cube.get("explicitDimensions", {}).items()
                }
                typed = frozenset(cube.get("typedDimensions", ()))
                for _level, item in cube.get("primaryItems", ()):
                    tables.setdefault(item, []).append((explicit, typed))
        return tables

    def concept(self, name):
        return self.concepts.get(name)

    def label(self, name, lang="en"):
        """The concept's standard label in ``lang`` ("es_CO" reads "es"),
        else in English, else its name.

        >>> Taxonomy(SAMPLE_TAXONOMY).label("vsme:Turnover", "es_CO")
        'Turnover'
        """
        labels = (self.concept(name) or {}).get("labels", {})
        for code in (lang, (lang or "").split("_")[0], "en"):
            text = labels.get(code, {}).get(LABEL_ROLE)
            if text:
                return text
        return name

    def members(self, name):
        """The enumeration members allowed for the concept."""
        other = (self.concept(name) or {}).get("other", {})
        return other.get("ee20DomainMembers", ())

    def tables(self, name):
        return self._tables.get(name, ())

    def expand(self, qname):
        """'vsme:XMember' -> 'https://…/vsme#XMember' (enumeration values)."""
        prefix, local = qname.split(":", 1)
        return f"{self.namespaces[prefix]}#{local}"

    def default_unit(self, name, currency):
        concept = self.concept(name)
        data_type = concept["dataType"]
        if data_type == "xbrli:monetaryItemType":
            return f"iso4217:{currency}"
        if data_type == "dtr-types:ghgEmissionsPerMonetaryItemType":
            return f"utr:tCO2e/iso4217:{currency}"
        return UNIT_BY_TYPE.get(data_type, UNIT_BY_TYPE.get(concept["baseDataType"]))


@dataclass(frozen=True)
class Entity:
    scheme: str  # a URI: the LEI scheme, or the national tax identifier's
    identifier: str


@dataclass(frozen=True)
class Fact:
    """One reported value. ``value`` is a number, a bool, a string, or for an
    enumeration the member qname(s) (a tuple for a set)."""

    concept: str
    value: object
    period: str  # key of the report's periods
    unit: str = ""
    decimals: int | None = None
    dims: tuple = ()  # ((explicit axis, member qname), ...)
    typed: tuple = ()  # ((typed axis, value), ...)
    scale: int = 0  # Inline XBRL display: 2 shows a ratio as a percentage

    @property
    def aspects(self):
        """What makes two facts the same fact: equal aspects, one value."""
        return (self.concept, self.period, self.unit, self.dims, self.typed)


# -- checks ----------------------------------------------------------------


def check_facts(facts, taxonomy):
    """The problems of ``facts`` against the taxonomy, one string each; an
    empty list when every fact is allowed."""
    problems = []
    seen = {}
    for fact in facts:
        problems.extend(_check_fact(fact, taxonomy))
        other = seen.setdefault(fact.aspects, fact)
        if other is not fact and other.value != fact.value:
            problems.append(
                f"{fact.concept}: two values for the same aspects "
                f"({other.value!r} and {fact.value!r})"
            )
    return problems


def _check_fact(fact, tax):
    name = fact.concept
    concept = tax.concept(name)
    if concept is None:
        return [f"{name}: not a concept of the taxonomy"]
    if concept.get("abstract"):
        return [f"{name}: an abstract concept holds no fact"]
    problems = _check_value(fact, concept, tax)
    problems += _check_dimensions(fact, tax)
    return problems


def _check_value(fact, concept, tax):
    name, data_type = fact.concept, concept["dataType"]
    if concept.get("numeric"):
        return _check_number(fact, data_type, tax)
    if fact.unit or fact.decimals is not None:
        return [f"{name}: a non-numeric fact has no unit or decimals"]
    if data_type in ENUM_TYPES:
        values = fact.value if isinstance(fact.value, tuple) else (fact.value,)
        if data_type == "enum2:enumerationItemType" and len(values) != 1:
            return [f"{name}: one member expected, not {len(values)}"]
        allowed = set(tax.members(name))
        return [
            f"{name}: {value} is not an allowed member"
            for value in values
            if value not in allowed
        ]
    if concept["baseDataType"] == "xbrli:booleanItemType":
        if not isinstance(fact.value, bool):
            return [f"{name}: a boolean fact needs true or false"]
        return []
    if concept["baseDataType"] == "xbrli:dateItemType":
        if not isinstance(fact.value, date):
            return [f"{name}: a date fact needs a date"]
        return []
    if not isinstance(fact.value, str) or not fact.value.strip():
        return [f"{name}: a text fact needs a non-empty text"]
    return []


def _check_number(fact, data_type, tax):
    name = fact.concept
    if isinstance(fact.value, bool) or not isinstance(
        fact.value, int | float | Decimal
    ):
        return [f"{name}: a numeric fact needs a number, not {fact.value!r}"]
    if fact.decimals is None:
        return [f"{name}: a numeric fact needs decimals"]
    unit = fact.unit
    if data_type == "xbrli:monetaryItemType":
        if not _is_currency(unit):
            return [
                f"{name}: a monetary fact needs an ISO 4217 currency unit, not {unit}"
            ]
        return []
    if data_type == "dtr-types:ghgEmissionsPerMonetaryItemType":
        numerator, _slash, denominator = unit.partition("/")
        if numerator != "utr:tCO2e" or not _is_currency(denominator):
            return [f"{name}: an intensity needs tCO2e per currency, not {unit}"]
        return []
    expected = UNIT_BY_TYPE.get(data_type) or UNIT_BY_TYPE.get(
        tax.concept(name)["baseDataType"]
    )
    if unit != expected:
        return [f"{name}: unit {expected} expected, not {unit}"]
    return []


def _is_currency(unit):
    prefix, _colon, code = unit.partition(":")
    return prefix == "iso4217" and len(code) == 3 and code.isalpha() and code.isupper()


def _check_dimensions(fact, tax):
    name = fact.concept
    axes = {axis for axis, _member in fact.dims} | {axis for axis, _v in fact.typed}
    if len(axes) != len(fact.dims) + len(fact.typed):
        return [f"{name}: an axis is given twice"]
    tables = tax.tables(name)
    if not tables:
        if axes:
            return [f"{name}: the concept takes no dimension"]
        return []
    for explicit, typed in tables:
        if _fits(fact, explicit, typed, tax.defaults):
            return []
    return [f"{name}: dimensions {sorted(axes)} fit none of its tables"]


def _fits(fact, explicit, typed, defaults):
    given = dict(fact.dims)
    typed_given = {axis for axis, _value in fact.typed}
    if typed_given != set(typed):  # typed axes have no default
        return False
    for axis, member in given.items():
        if axis not in explicit or member not in explicit[axis]:
            return False
        if defaults.get(axis) == member:  # the default is never stated
            return False
    return all(axis in given or axis in defaults for axis in explicit)


# -- contexts and units ------------------------------------------------------


def _period_of(fact, tax, periods):
    """(start, end) of a duration fact, (None, day) of an instant one."""
    start, end = periods[fact.period]
    if tax.concept(fact.concept)["periodType"] == "instant":
        return None, end
    return start, end


def _lexical(fact, tax):
    """The fact's value as the taxonomy's data type writes it."""
    value = fact.value
    if isinstance(value, bool):
        return "true" if value else "false"
    if tax.concept(fact.concept)["dataType"] in ENUM_TYPES:
        values = value if isinstance(value, tuple) else (value,)
        return " ".join(sorted(tax.expand(member) for member in values))
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, int | float | Decimal):
        return _number(value, fact.decimals)
    return value


def _number(value, decimals):
    """A number as XBRL writes it, rounded to ``decimals``.

    >>> _number(1234.5678, 2), _number(3, 0), _number(-0.0, 0)
    ('1234.57', '3', '0')
    """
    rounded = round(Decimal(str(value)), decimals or 0)
    if rounded == 0:
        rounded = abs(rounded)
    text = format(rounded, "f")
    return text


def significant_decimals(value, digits=4):
    """The decimals that keep ``digits`` significant digits of ``value``
    (at least 0): an intensity in tCO2e per peso is a tiny number.

    >>> significant_decimals(0.0000000064), significant_decimals(1234.5)
    (12, 0)
    >>> significant_decimals(0)
    0
    """
    if not value:
        return 0
    return max(digits - 1 - math.floor(math.log10(abs(value))), 0)


def _oim_period(start, end):
    midnight = (end + timedelta(days=1)).isoformat() + "T00:00:00"
    if start is None:
        return midnight
    return f"{start.isoformat()}T00:00:00/{midnight}"


# -- xBRL-JSON -------------------------------------------------------------------


def build_oim(facts, tax, entity, periods):
    """The xBRL-JSON report (a dict, for ``json.dumps``)."""
    namespaces = dict(tax.namespaces, **EXTRA_NAMESPACES)
    namespaces["scheme"] = entity.scheme
    out = {}
    for number, fact in enumerate(facts, start=1):
        dimensions = {
            "concept": fact.concept,
            "entity": f"scheme:{entity.identifier}",
            "period": _oim_period(*_period_of(fact, tax, periods)),
        }
        if fact.unit:
            dimensions["unit"] = fact.unit
        dimensions.update(fact.dims)
        dimensions.update(fact.typed)
        entry = {"value": _lexical(fact, tax), "dimensions": dimensions}
        if fact.decimals is not None:
            entry["decimals"] = fact.decimals
        out[f"f{number}"] = entry
    return {
        "documentInfo": {
            "documentType": OIM_DOCUMENT_TYPE,
            "namespaces": namespaces,
            "taxonomy": [tax.entry_point],
        },
        "facts": out,
    }


# -- Inline XBRL -------------------------------------------------------------


@dataclass
class Section:
    """A disclosure of the readable report: a title and its rows."""

    title: str
    rows: list = field(default_factory=list)  # of Row


@dataclass(frozen=True)
class Row:
    """A line of the readable report: a label, then per period key a fact
    (tagged) or a plain text (an omission, its reason)."""

    label: str
    cells: dict  # period key -> Fact | str
    shown: dict = field(default_factory=dict)  # period key -> text shown


@dataclass(frozen=True)
class Page:
    """What the readable report says around the facts, in its language."""

    lang: str
    title: str
    subtitle: str
    column_titles: tuple  # (label column, one per period key)
    period_keys: tuple  # order of the columns, e.g. ("current", "previous")
    notes: tuple = ()  # paragraphs printed after the tables
    decimal_comma: bool = False  # 1.234,5 rather than 1,234.5


class _Contexts:
    """The contexts and units a set of facts needs, with stable ids."""

    def __init__(self, tax, entity, periods):
        self.tax, self.entity, self.periods = tax, entity, periods
        self.contexts = {}  # key -> id
        self.units = {}

    def context_id(self, fact):
        start, end = _period_of(fact, self.tax, self.periods)
        key = (start, end, fact.dims, fact.typed)
        if key not in self.contexts:
            self.contexts[key] = f"c{len(self.contexts) + 1}"
        return self.contexts[key]

    def unit_id(self, fact):
        if not fact.unit:
            return None
        if fact.unit not in self.units:
            self.units[fact.unit] = f"u{len(self.units) + 1}"
        return self.units[fact.unit]

    def xml(self):
        parts = []
        identifier = (
            f"<xbrli:identifier scheme={quoteattr(self.entity.scheme)}>"
            f"{escape(self.entity.identifier)}</xbrli:identifier>"
        )
        for (start, end, dims, typed), cid in self.contexts.items():
            if start is None:
                period = f"<xbrli:instant>{end.isoformat()}</xbrli:instant>"
            else:
                period = (
                    f"<xbrli:startDate>{start.isoformat()}</xbrli:startDate>"
                    f"<xbrli:endDate>{end.isoformat()}</xbrli:endDate>"
                )
            scenario = "".join(
                f'<xbrldi:explicitMember dimension="{axis}">{member}'
                "</xbrldi:explicitMember>"
                for axis, member in dims
            )
            for axis, value in typed:
                element = self.tax.concept(axis)["other"]["typedElement"]
                scenario += (
                    f'<xbrldi:typedMember dimension="{axis}"><{element}>'
                    f"{escape(value)}</{element}></xbrldi:typedMember>"
                )
            if scenario:
                scenario = f"<xbrli:scenario>{scenario}</xbrli:scenario>"
            parts.append(
                f'<xbrli:context id="{cid}"><xbrli:entity>{identifier}'
                f"</xbrli:entity><xbrli:period>{period}</xbrli:period>"
                f"{scenario}</xbrli:context>"
            )
        for unit, uid in self.units.items():
            numerator, _slash, denominator = unit.partition("/")
            if denominator:
                measure = (
                    f"<xbrli:divide><xbrli:unitNumerator><xbrli:measure>{numerator}"
                    "</xbrli:measure></xbrli:unitNumerator><xbrli:unitDenominator>"
                    f"<xbrli:measure>{denominator}</xbrli:measure>"
                    "</xbrli:unitDenominator></xbrli:divide>"
                )
            else:
                measure = f"<xbrli:measure>{numerator}</xbrli:measure>"
            parts.append(f'<xbrli:unit id="{uid}">{measure}</xbrli:unit>')
        return "".join(parts)


def build_ixbrl(sections, tax, entity, periods, page):
    """The Inline XBRL report (XHTML text): one table per section, a column
    per period; every fact of the sections is tagged once."""
    contexts = _Contexts(tax, entity, periods)
    hidden = []
    body = [
        f"<h1>{escape(page.title)}</h1>",
        f'<p class="subtitle">{escape(page.subtitle)}</p>',
    ]
    counter = iter(range(1, 1_000_000))
    for section in sections:
        body.append(f"<h2>{escape(section.title)}</h2>")
        head = "".join(f"<th>{escape(title)}</th>" for title in page.column_titles)
        body.append(f"<table><thead><tr>{head}</tr></thead><tbody>")
        for row in section.rows:
            cells = [f'<td class="label">{escape(row.label)}</td>']
            for key in page.period_keys:
                cell = row.cells.get(key, "")
                if isinstance(cell, Fact):
                    fid = f"f{next(counter)}"
                    html = _tag(cell, fid, row.shown.get(key), contexts, page, hidden)
                    numeric = tax.concept(cell.concept).get("numeric")
                    kind = "number" if numeric else "text"
                    cells.append(f'<td class="{kind}">{html}</td>')
                else:
                    cells.append(f'<td class="note">{escape(cell)}</td>')
            body.append(f"<tr>{''.join(cells)}</tr>")
        body.append("</tbody></table>")
    body.extend(f'<p class="note">{escape(note)}</p>' for note in page.notes)
    namespaces = dict(tax.namespaces, **EXTRA_NAMESPACES)
    namespaces.update(ix=IX_NS, ixt=IXT_NS)
    xmlns = " ".join(
        f"xmlns:{prefix}={quoteattr(uri)}" for prefix, uri in sorted(namespaces.items())
    )
    header = (
        '<div style="display:none"><ix:header>'
        + (f"<ix:hidden>{''.join(hidden)}</ix:hidden>" if hidden else "")
        + "<ix:references>"
        + f'<link:schemaRef xlink:type="simple" xlink:href="{tax.entry_point}"/>'
        + "</ix:references><ix:resources>"
        + contexts.xml()
        + "</ix:resources></ix:header></div>"
    )
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        f'<html xmlns="http://www.w3.org/1999/xhtml" {xmlns} '
        f'xml:lang="{page.lang}">'
        '<head><meta http-equiv="Content-Type" content="text/html; charset=UTF-8"/>'
        f'<title>{escape(page.title)}</title><style type="text/css">{STYLE}</style>'
        "</head>"
        f"<body>{header}{''.join(body)}</body></html>"
    )


STYLE = (
    "body{font-family:sans-serif;max-width:60em;margin:2em auto;color:#222}"
    "h1{font-size:1.6em}h2{font-size:1.15em;margin-top:1.6em;"
    "border-bottom:1px solid #999}table{border-collapse:collapse;width:100%;"
    "table-layout:fixed}th,td{padding:.25em .5em;border-bottom:1px solid #ddd;"
    "vertical-align:top;overflow-wrap:break-word}th{text-align:left;"
    "background:#f2f2f2}th:first-child,td.label{width:50%}"
    "td.number{text-align:right;white-space:nowrap}"
    "td.note{color:#777;font-style:italic}p.subtitle{color:#555}"
    "p.note{color:#555;font-size:.9em}"
)


def _tag(fact, fid, shown, contexts, page, hidden):
    """The Inline XBRL markup of one fact in a table cell."""
    tax = contexts.tax
    cid = contexts.context_id(fact)
    name = fact.concept
    if tax.concept(name).get("numeric"):
        return _non_fraction(fact, fid, cid, contexts.unit_id(fact), page)
    value = _lexical(fact, tax)
    if shown is None or shown == value:  # the value reads as it is
        return (
            f'<ix:nonNumeric name="{name}" contextRef="{cid}" id="{fid}">'
            f"{escape(value)}</ix:nonNumeric>"
        )
    # Enumerations and booleans read as words: the fact itself is hidden and
    # the words shown point at it.
    hidden.append(
        f'<ix:nonNumeric name="{name}" contextRef="{cid}" id="{fid}">'
        f"{escape(value)}</ix:nonNumeric>"
    )
    return f'<span style="-ix-hidden:{fid}">{escape(shown)}</span>'


def _non_fraction(fact, fid, cid, uid, page):
    """A number shown with grouping, its sign apart (``sign="-"``), and a
    ratio shown as a percentage through ``scale``."""
    value = Decimal(str(fact.value))
    decimals = fact.decimals or 0
    shown_value = value.scaleb(fact.scale)
    shown_decimals = max(decimals - fact.scale, 0)
    text = _grouped(abs(round(shown_value, shown_decimals)), shown_decimals, page)
    sign = ' sign="-"' if round(value, decimals) < 0 else ""
    fmt = "ixt:num-comma-decimal" if page.decimal_comma else "ixt:num-dot-decimal"
    suffix = " %" if fact.scale == 2 else ""
    return (
        f'<ix:nonFraction name="{fact.concept}" contextRef="{cid}" unitRef="{uid}"'
        f' id="{fid}" decimals="{decimals}" scale="{-fact.scale}"'
        f' format="{fmt}"{sign}>{text}</ix:nonFraction>{suffix}'
    )


def _grouped(value, decimals, page):
    """``value`` with thousands grouped, in the page's convention.

    >>> page = Page("es", "", "", (), (), decimal_comma=True)
    >>> _grouped(Decimal("1234567.891"), 2, page)
    '1.234.567,89'
    >>> _grouped(Decimal("1234567.891"), 0, Page("en", "", "", (), ()))
    '1,234,568'
    """
    text = f"{value:,.{decimals}f}"
    if page.decimal_comma:
        text = text.replace(",", "\x00").replace(".", ",").replace("\x00", ".")
    return text


# -- the arithmetic the datapoints need -------------------------------------------

ACCIDENT_RATE_BASE = 200_000  # hours: 100 employees x 40 h x 50 weeks


def accident_rate(accidents, hours_worked):
    """Recordable work-related accidents per 200,000 hours worked, as the
    taxonomy documents ``RateOfRecordableWorkRelatedAccidentsInThe
    ReportingPeriod``; None without hours.

    Two accidents over 80,000 hours: 2 / 80,000 x 200,000 = 5.

    >>> accident_rate(2, 80_000)
    5.0
    >>> accident_rate(1, 0) is None
    True
    """
    if not hours_worked:
        return None
    return accidents / hours_worked * ACCIDENT_RATE_BASE


def hours_worked(scheduled_days, absent_days, weekly_hours, days_a_week):
    """Hours worked: the working days the schedules planned, less the days of
    sick and accident leave, times the hours of a working day of the
    company's reference schedule.

    10 employees x 21 days = 210 days, less 10 days off = 200 days;
    a 48 h week over 6 days is 8 h a day: 200 x 8 = 1,600 h.

    >>> hours_worked(210, 10, 48.0, 6)
    1600.0
    >>> hours_worked(210, 10, 48.0, 0) is None
    True
    """
    if not days_a_week or not weekly_hours:
        return None
    return max(scheduled_days - absent_days, 0) * weekly_hours / days_a_week


def workforce_counts(rows):
    """B8 counts of the contracts running on a day (``Employment`` rows):
    permanent and temporary, by gender ("" when not stated) and by country
    id (None when unknown).

    >>> from types import SimpleNamespace as Row
    >>> counts = workforce_counts([
    ...     Row(permanent=True, gender="female", country_id=1),
    ...     Row(permanent=False, gender="male", country_id=1),
    ...     Row(permanent=True, gender="", country_id=2),
    ... ])
    >>> counts["permanent"], counts["temporary"], counts["gender"], counts["country"]
    (2, 1, {'female': 1, 'male': 1, '': 1}, {1: 2, 2: 1})
    """
    gender, country = {}, {}
    permanent = 0
    for row in rows:
        permanent += bool(row.permanent)
        key = row.gender if row.gender in ("male", "female", "other") else ""
        gender[key] = gender.get(key, 0) + 1
        country[row.country_id] = country.get(row.country_id, 0) + 1
    return {
        "permanent": permanent,
        "temporary": len(rows) - permanent,
        "gender": gender,
        "country": country,
    }


def energy_breakdown(total, electricity, renewable, renewable_electricity, own):
    """The VSME B3 table, {concept: (renewable MWh, non-renewable MWh)}, from
    the stored figures: total energy (ENV-01), electricity bought and
    self-generated (ENV-02), renewable energy (ENV-21), renewable electricity
    (ENV-22) and self-generated electricity (ENV-23, own solar: renewable).
    Electricity is the billed part; grid electricity bought without a
    certificate is non-renewable. Rounding never makes a part negative.

    >>> table = energy_breakdown(100.0, 60.0, 25.0, 15.0, 5.0)
    >>> table["vsme:EnergyConsumptionFromElectricity"]
    (10.0, 45.0)
    >>> table["vsme:EnergyConsumptionFromSelfGeneratedElectricity"]
    (5.0, 0.0)
    >>> table["vsme:EnergyConsumptionFromFuels"]
    (10.0, 30.0)
    """
    bought = max(electricity - own, 0.0)
    bought_renewable = min(max(renewable_electricity - own, 0.0), bought)
    fuels = max(total - electricity, 0.0)
    fuels_renewable = min(max(renewable - renewable_electricity, 0.0), fuels)
    return {
        "vsme:EnergyConsumptionFromElectricity": (
            bought_renewable,
            bought - bought_renewable,
        ),
        "vsme:EnergyConsumptionFromSelfGeneratedElectricity": (own, 0.0),
        "vsme:EnergyConsumptionFromFuels": (fuels_renewable, fuels - fuels_renewable),
    }


LEI_PATTERN = re.compile(r"^[0-9A-Z]{18}[0-9]{2}$")


def lei_is_valid(lei):
    """ISO 17442: 18 letters or digits, then two check digits that make the
    whole code, letters read as 10 to 35, equal 1 modulo 97 (ISO 7064).

    >>> lei_is_valid("5493001KJTIIGC8Y1R12")
    True
    >>> lei_is_valid("5493001KJTIIGC8Y1R13")
    False
    """
    if not LEI_PATTERN.match(lei or ""):
        return False
    digits = "".join(str(int(char, 36)) for char in lei)
    return int(digits) % 97 == 1
