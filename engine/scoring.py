# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Scorecard arithmetic: indicator scores, pillar scores and the overall index.

Indicator score, 0 to 100, with a traffic light
------------------------------------------------
*Against a target* (basis ``target``), for "higher is better" (mirrored for
"lower is better"); the band width is the distance target - amber limit:

- at or beyond the target: 100, green;
- between the amber limit and the target: linear from 50 (at the amber
  limit) to 100, amber;
- beyond the amber limit: linear from 50 down to 0, reached one band width
  beyond the amber limit, then 0 (clamped), red;
- a target whose amber limit equals it (no tolerance): 100 when met, else 0.

*Yes/no indicators* are judged on the answer itself (basis ``target``, the
implied target being the good answer): the good answer (yes when higher is
better, no when lower is better) scores 100 green, the other 0 red.

*Without a target* (basis ``trend``), against the **same period a year
earlier** (the same month, quarter or year: never this month against last
month, which colours seasons and the number of working days, not
performance). The change is counted positive when the indicator got better,
in one of three ways (``trend_kind``):

- ``relative``: in % of the earlier value (from an earlier value of zero, any
  change counts as +/-100 %);
- ``points``: for shares and other percentages, in percentage points, never
  a relative change of a share (40 % to 42 % is +2 points, not +5 %; a share
  crossing zero, 0.5 % to -7.9 %, is -8.4 points, not -1,680 %);
- ``intensity``: for absolute environmental quantities (energy, water,
  emissions, waste, materials), the relative change of the quantity per unit
  of revenue (ECO-01), so that a business that sells 13 % more and uses 12 %
  more energy is judged better, not worse. Without revenue in both periods
  the quantity itself is compared, and the line says so.

It is scored as if the target were an improvement of ``TREND_BAND`` (% or
points) with an amber limit at a worsening of ``TREND_BAND``:

- improved by 5 or more: 100, green;
- within +/-5 (stable): amber, 75 when unchanged, 50 at -5;
- worsened by more than 5: red, 0 at -15 and beyond.

A period that has not ended yet is compared with the **same months** of the
year before: a year at its eleventh month is set against January to November
of the earlier year, not its twelve months. An **estimate is never judged
against a measurement** (or the other way round): the line is not scored and
says why, rather than turn a change of method into a red light.

Why 5: SME figures are noisy (one person more or less in a team of 20
moves a per-employee figure by 5 % and a share of the staff by 5 points, a
bill that falls a few days earlier moves a month's energy by as much), so a
smaller band would colour noise; and 5 % a year is about the pace of a
1.5 °C-aligned absolute reduction (4.2 % a year), so a green trend on yearly
periods means a credible pace of improvement, not a lucky month.

A trend that holds the best value an indicator can take (0 for a "lower is
better" figure that cannot be negative, such as fatalities or fines; 100 %
for a "higher is better" share) is green 100: it cannot improve any further,
and zero accidents twice in a row is no "stable" amber.

*Not scored* (basis ``none``): no value; a context figure (direction
neutral); no target and no value a year earlier; an estimate set against a
measurement. They still count for completeness.

Pillars and the overall index
-----------------------------
Per pillar, over the indicators that apply to the company: completeness =
share with a value; validated and estimated shares are taken over the values
present. A pillar whose completeness is under the company's minimum is
"insufficient data" and has no score. Otherwise its score is the weighted
mean of its scored indicators' scores (weights are an input: the indicator's
score weight, multiplied for the indicators of material topics; see
``materiality``).

The overall triple-bottom-line index is the plain mean of the pillars that
have a score. Governance counts as a fourth pillar of equal weight, as in
ISO 26000 (organisational governance is a core subject) and the VSME basic
module (B11). Pillars and the index take a light from their score: 75 or
more green (on average at least halfway between the amber limits and the
targets), 50 or more amber, below 50 red (on average beyond tolerance).
"""

from dataclasses import dataclass
from datetime import timedelta

from .thresholds import AMBER, GREEN, RED, traffic_light

BASIS_TARGET = "target"
BASIS_TREND = "trend"
BASIS_NONE = "none"

# Why an indicator is not scored.
NO_VALUE = "no_value"
NOT_JUDGED = "neutral"
NO_REFERENCE = "no_reference"
MIXED_QUALITY = "mixed_quality"

# How a trend is measured.
TREND_RELATIVE = "relative"
TREND_POINTS = "points"
TREND_INTENSITY = "intensity"

TREND_BAND = 5.0
DEFAULT_WEIGHT = 1.0
GREEN_FROM = 75.0
AMBER_FROM = 50.0


@dataclass(frozen=True)
class IndicatorScore:
    score: float | None
    light: str | None
    basis: str
    reason: str | None = None
    improvement: float | None = None
    trend_kind: str | None = None


@dataclass(frozen=True)
class Reference:
    """What a value is compared with when it has no target: the same period a
    year earlier (or its same months, for a period not over yet)."""

    value: float
    estimated: bool = False
    revenue: float | None = None  # ECO-01 of the reference, for intensities


@dataclass(frozen=True)
class IndicatorEntry:
    """What the pillar roll-up needs to know about one applicable indicator."""

    key: object
    pillar: str
    has_value: bool
    validated: bool
    estimated: bool
    result: IndicatorScore


@dataclass(frozen=True)
class PillarSummary:
    pillar: str
    applicable: int
    valued: int
    validated: int
    estimated: int
    scored: int
    completeness: float
    validated_share: float
    estimated_share: float
    sufficient: bool
    score: float | None
    light: str | None


def _clamp(score):
    return round(min(100.0, max(0.0, score)), 2)


def target_score(direction, value, target, amber_limit):
    """Score of ``value`` against a target and its amber limit.

    >>> target_score("higher", 90.0, 80.0, 60.0)
    100.0
    >>> target_score("higher", 70.0, 80.0, 60.0)
    75.0
    >>> target_score("higher", 50.0, 80.0, 60.0), target_score("higher", 0, 80, 60)
    (25.0, 0.0)
    >>> target_score("lower", 11.0, 10.0, 12.0), target_score("lower", 13.0, 10, 12)
    (75.0, 25.0)
    >>> target_score("lower", 10.5, 10.0, 10.0)
    0.0
    """
    sign = 1.0 if direction == "higher" else -1.0
    # Distances counted positive on the good side, so one formula serves both.
    above_amber = sign * (value - amber_limit)
    width = sign * (target - amber_limit)
    if sign * (value - target) >= 0:
        return 100.0
    if width <= 0:
        return 0.0
    return _clamp(50.0 + 50.0 * above_amber / width)


def boolean_score(direction, value):
    """Yes/no: the good answer scores 100, the other 0.

    >>> boolean_score("higher", 1.0), boolean_score("higher", 0.0)
    (100.0, 0.0)
    >>> boolean_score("lower", 0.0)
    100.0
    """
    good = 1.0 if direction == "higher" else 0.0
    return 100.0 if value == good else 0.0


def improvement(direction, value, previous):
    """Relative change in %, positive when better; +/-100 % from zero.

    >>> improvement("higher", 110.0, 100.0), improvement("lower", 110.0, 100.0)
    (10.0, -10.0)
    >>> improvement("higher", -5.0, -10.0)
    50.0
    >>> improvement("lower", 3.0, 0.0), improvement("lower", 0.0, 0.0)
    (-100.0, 0.0)
    """
    sign = 1.0 if direction == "higher" else -1.0
    if previous == 0:
        if value == previous:
            return 0.0
        return 100.0 if sign * value > 0 else -100.0
    return round(sign * (value - previous) / abs(previous) * 100.0, 4)


def trend_kind(pillar, value_type, direction):
    """How the change of an indicator without a target is measured.

    >>> trend_kind("social", "percentage", "higher")
    'points'
    >>> trend_kind("environmental", "quantity", "lower")
    'intensity'
    >>> trend_kind("environmental", "ratio", "lower")
    'relative'
    >>> trend_kind("social", "quantity", "lower")
    'relative'
    """
    if value_type == "percentage":
        return TREND_POINTS
    if pillar == "environmental" and value_type == "quantity" and direction == "lower":
        return TREND_INTENSITY
    return TREND_RELATIVE


def points_change(direction, value, previous):
    """Change of a percentage in points, positive when better.

    >>> points_change("higher", 42.0, 40.0), points_change("lower", 42.0, 40.0)
    (2.0, -2.0)
    >>> points_change("higher", -7.9, 0.5)
    -8.4
    """
    sign = 1.0 if direction == "higher" else -1.0
    return round(sign * (value - previous), 4)


def trend_change(kind, direction, value, reference, revenue=None):
    """(change, kind used) of a value against its reference.

    Seasonal energy of a growing business: 12 % more kWh for 13 % more sales
    is a better intensity, not a worse figure:

    >>> earlier = Reference(100.0, revenue=1000.0)
    >>> trend_change("intensity", "lower", 112.0, earlier, 1130.0)
    (0.885, 'intensity')

    Without revenue on either side, the quantity itself is compared:

    >>> trend_change("intensity", "lower", 112.0, Reference(100.0), 1130.0)
    (-12.0, 'relative')
    >>> trend_change("points", "higher", 42.0, Reference(40.0))
    (2.0, 'points')
    """
    if kind == TREND_POINTS:
        return points_change(direction, value, reference.value), kind
    if kind == TREND_INTENSITY and revenue and reference.revenue:
        now, then = value / revenue, reference.value / reference.revenue
        return improvement(direction, now, then), kind
    return improvement(direction, value, reference.value), TREND_RELATIVE


def score_indicator(
    direction,
    value,
    *,
    is_boolean=False,
    target=None,
    amber_limit=None,
    previous=None,
    best=None,
    reference=None,
    kind=TREND_RELATIVE,
    estimated=False,
    revenue=None,
):
    """Score, light and basis of one indicator; ``None`` means missing.

    ``reference`` (a ``Reference``) is what the value is judged by without a
    target; ``previous`` is the older shorthand for a plain relative one.

    ``best`` is the best value the indicator can take, if it has one (see
    ``best_possible``): a trend that holds it is green, not "stable".

    >>> result = score_indicator("lower", 1100.0, target=1000.0, amber_limit=1200.0)
    >>> result.score, result.light, result.basis
    (75.0, 'amber', 'target')
    >>> score_indicator("higher", 96.0, previous=100.0).light
    'amber'
    >>> score_indicator("neutral", 7.0, previous=5.0).reason
    'neutral'
    >>> score_indicator("lower", 0.0, previous=0.0, best=0.0).light
    'green'

    An estimate (waste from scrapped stock) is not judged against last year's
    measurement (carriers' manifests), whatever the numbers:

    >>> measured = Reference(6.93)
    >>> result = score_indicator("lower", 0.65, reference=measured, estimated=True)
    >>> result.score, result.light, result.reason
    (None, None, 'mixed_quality')
    """
    if value is None:
        return IndicatorScore(None, None, BASIS_NONE, NO_VALUE)
    if direction not in ("higher", "lower"):
        return IndicatorScore(None, None, BASIS_NONE, NOT_JUDGED)
    if reference is None and previous is not None:
        reference = Reference(previous)
    change, used = None, None
    if reference is not None:
        change, used = trend_change(kind, direction, value, reference, revenue)
    if is_boolean:
        score = boolean_score(direction, value)
        light = GREEN if score == 100.0 else RED
        return IndicatorScore(score, light, BASIS_TARGET, improvement=change)
    if target is not None:
        return IndicatorScore(
            target_score(direction, value, target, amber_limit),
            traffic_light(direction, value, target, amber_limit),
            BASIS_TARGET,
            improvement=change,
            trend_kind=used,
        )
    if change is None:
        return IndicatorScore(None, None, BASIS_NONE, NO_REFERENCE)
    if reference.estimated != estimated:
        return IndicatorScore(
            None, None, BASIS_NONE, MIXED_QUALITY, improvement=change, trend_kind=used
        )
    if best is not None and value == best:
        return IndicatorScore(
            100.0, GREEN, BASIS_TREND, improvement=change, trend_kind=used
        )
    return IndicatorScore(
        target_score("higher", change, TREND_BAND, -TREND_BAND),
        traffic_light("higher", change, TREND_BAND, -TREND_BAND),
        BASIS_TREND,
        improvement=change,
        trend_kind=used,
    )


def same_months_a_year_earlier(date_from, date_to, today):
    """The months of the year before that a period is compared with: all of
    them once the period is over, else only those already complete in it.
    Returns (first day, last day) a year earlier, or None when not a single
    month of the period is complete yet. Plain dates in, plain dates out.

    >>> from datetime import date
    >>> today = date(2026, 12, 7)
    >>> same_months_a_year_earlier(date(2026, 1, 1), date(2026, 12, 31), today)
    (datetime.date(2025, 1, 1), datetime.date(2025, 11, 30))
    >>> same_months_a_year_earlier(date(2025, 1, 1), date(2025, 12, 31), today)
    (datetime.date(2024, 1, 1), datetime.date(2024, 12, 31))
    >>> same_months_a_year_earlier(date(2026, 12, 1), date(2026, 12, 31), today)
    """
    if date_to < today:
        end = date_to
    else:
        end = today.replace(day=1) - timedelta(days=1)  # last complete month
        if end < date_from:
            return None
    return _year_earlier(date_from), _year_earlier(end)


def _year_earlier(day):
    """The same day a year earlier; 29 February becomes the 28th, and a month
    end stays a month end.

    >>> from datetime import date
    >>> _year_earlier(date(2024, 2, 29)), _year_earlier(date(2025, 2, 28))
    (datetime.date(2023, 2, 28), datetime.date(2024, 2, 29))
    """
    if (day + timedelta(days=1)).day != 1:
        return day.replace(year=day.year - 1)  # not a month end: never 29 Feb
    first = day.replace(year=day.year - 1, day=1)
    following = (first + timedelta(days=31)).replace(day=1)
    return following - timedelta(days=1)


def best_possible(direction, value_type, allow_negative):
    """The best value an indicator can reach, or None when it has no bound:
    0 for a "lower is better" figure that cannot be negative (fatalities,
    fines), 100 for a "higher is better" share.

    >>> best_possible("lower", "quantity", False), best_possible("lower", "ratio", True)
    (0.0, None)
    >>> best_possible("higher", "percentage", False)
    100.0
    >>> best_possible("higher", "ratio", False) is None
    True
    """
    if direction == "lower" and not allow_negative:
        return 0.0
    if direction == "higher" and value_type == "percentage":
        return 100.0
    return None


def year_target_applies(period_kind, aggregation):
    """Whether a target set for a whole year judges a period of ``period_kind``.

    A yearly total (a summed indicator) cannot judge a month or a quarter:
    prorating would ignore seasons. Shares, rates, averages and yes/no
    answers (roll-up average or last) are judged the same in any period.

    >>> year_target_applies("year", "sum"), year_target_applies("month", "sum")
    (True, False)
    >>> year_target_applies("quarter", "average")
    True
    """
    return period_kind == "year" or aggregation != "sum"


def weighted_mean(pairs):
    """Mean of ``(score, weight)`` pairs; None when the weights sum to zero.

    >>> weighted_mean([(100.0, 2.0), (25.0, 1.0)])
    75.0
    >>> weighted_mean([(80.0, 0.0)]) is None
    True
    """
    total = sum(weight for _score, weight in pairs)
    if total <= 0:
        return None
    return round(sum(score * weight for score, weight in pairs) / total, 2)


def score_light(score):
    """Light of a pillar score or of the overall index.

    >>> score_light(75.0), score_light(50.0), score_light(49.99), score_light(None)
    ('green', 'amber', 'red', None)
    """
    if score is None:
        return None
    if score >= GREEN_FROM:
        return GREEN
    return AMBER if score >= AMBER_FROM else RED


def _share(part, whole):
    return round(part / whole * 100.0, 2) if whole else 0.0


def pillar_summary(pillar, entries, weights, min_completeness):
    """Roll the entries of one pillar up; ``weights`` maps key → weight.

    >>> done = IndicatorScore(100.0, GREEN, BASIS_TARGET)
    >>> half = IndicatorScore(25.0, RED, BASIS_TARGET)
    >>> missing = IndicatorScore(None, None, BASIS_NONE, NO_VALUE)
    >>> entries = [
    ...     IndicatorEntry("A", "social", True, True, False, done),
    ...     IndicatorEntry("B", "social", True, False, True, half),
    ...     IndicatorEntry("C", "social", False, False, False, missing),
    ... ]
    >>> summary = pillar_summary("social", entries, {"A": 2.0}, 50.0)
    >>> summary.score, summary.light, summary.completeness, summary.validated_share
    (75.0, 'green', 66.67, 50.0)
    >>> pillar_summary("social", entries, {}, 70.0).score is None
    True
    """
    mine = [entry for entry in entries if entry.pillar == pillar]
    valued = [entry for entry in mine if entry.has_value]
    scored = [entry for entry in mine if entry.result.score is not None]
    completeness = _share(len(valued), len(mine))
    sufficient = bool(mine) and completeness >= min_completeness
    score = None
    if sufficient:
        score = weighted_mean(
            [
                (entry.result.score, weights.get(entry.key, DEFAULT_WEIGHT))
                for entry in scored
            ]
        )
    validated = sum(1 for entry in valued if entry.validated)
    estimated = sum(1 for entry in valued if entry.estimated)
    return PillarSummary(
        pillar=pillar,
        applicable=len(mine),
        valued=len(valued),
        validated=validated,
        estimated=estimated,
        scored=len(scored),
        completeness=completeness,
        validated_share=_share(validated, len(valued)),
        estimated_share=_share(estimated, len(valued)),
        sufficient=sufficient,
        score=score,
        light=score_light(score),
    )


def overall_index(summaries, pillar_weights=None):
    """Mean of the pillar scores; insufficient or unscored pillars are left out.

    ``pillar_weights`` (pillar → weight, default equal) is the hook for a
    materiality-weighted index.

    >>> def pillar(name, score):
    ...     return PillarSummary(name, 1, 1, 0, 0, 1, 100.0, 0.0, 0.0,
    ...                          score is not None, score, score_light(score))
    >>> overall_index([pillar("economic", 80.0), pillar("social", 60.0),
    ...                pillar("governance", None)])
    70.0
    >>> overall_index([pillar("economic", None)]) is None
    True
    """
    weights = pillar_weights or {}
    return weighted_mean(
        [
            (summary.score, weights.get(summary.pillar, DEFAULT_WEIGHT))
            for summary in summaries
            if summary.score is not None
        ]
    )


def index_change(current, previous):
    """Change of the index in points; None when either is missing.

    >>> index_change(72.5, 70.0), index_change(72.5, None)
    (2.5, None)
    """
    if current is None or previous is None:
        return None
    return round(current - previous, 2)
