# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Double materiality: which topics matter, and what that does to the scorecard.

Scores
------
Every score is on a 1-5 scale (1 hardly, 5 critical). A line of an
assessment not rated yet holds 0 ("not rated"), never a score outside 1-5.

A topic is **material** when its *impact* score (the company's impact on
people and the environment) OR its *financial* score (the topic's effect on
the company's results) reaches the threshold (3 by default): double
materiality as in ESRS 1 §3.3, where either side alone is enough. The
stakeholder score, the mean importance stakeholder groups gave the topic in
the year's dialogues, informs both scores but does not decide by itself.

The matrix plots each topic at x = financial score, y = impact score; the
threshold lines cut it into four quadrants, three of which are material.

Effect on the scorecard
-----------------------
The material topics are those of the company's latest *done* assessment of
a year not after the scored period's year. The indicators measuring them:

- weigh more: their weight in the pillar score is their own score weight
  times the company's "material topic weight" (2 by default). Multiplying
  keeps an indicator weighted 0 (left out of the score) left out.
- are **expected**: the scorecard adds them to the indicators that apply
  to the company, so they count in the completeness of their pillar (a
  missing value lowers it) and are scored, even when the company's size or
  sector would leave them out (``applicability.sizes_applying``): a topic
  the company declared material must be measured, whatever its size.
  Archived indicators and indicators of another company stay out:
  "expected" widens the applicable set, it does not reach beyond the
  company's catalogue. Input campaigns and import templates still follow
  size and sector only.
"""

from dataclasses import dataclass
from html import escape

SCORE_MIN = 1
SCORE_MAX = 5
NOT_RATED = 0
DEFAULT_THRESHOLD = 3.0

DOUBLE = "double"
IMPACT = "impact"
FINANCIAL = "financial"
NOT_MATERIAL = "none"


def is_valid_score(score):
    """Whether ``score`` is on the 1-5 scale.

    >>> is_valid_score(1), is_valid_score(5), is_valid_score(3.5)
    (True, True, True)
    >>> is_valid_score(0), is_valid_score(6), is_valid_score(None)
    (False, False, False)
    """
    return score is not None and SCORE_MIN <= score <= SCORE_MAX


def is_valid_line_score(score):
    """A line score is on the 1-5 scale, or 0 while not rated yet.

    >>> is_valid_line_score(0), is_valid_line_score(4), is_valid_line_score(0.5)
    (True, True, False)
    """
    return score == NOT_RATED or is_valid_score(score)


def mean_importance(total, count):
    """Mean of ``count`` importances summing to ``total``; None without any.

    >>> mean_importance(11, 3)
    3.67
    >>> mean_importance(0, 0) is None
    True
    """
    if not count:
        return None
    return round(total / count, 2)


def is_material(impact, financial, threshold=DEFAULT_THRESHOLD):
    """Double materiality: either score reaching the threshold is enough.

    >>> is_material(3, 1), is_material(1, 3), is_material(2.9, 2.9)
    (True, True, False)
    >>> is_material(0, 0, threshold=1)
    False
    """
    return quadrant(impact, financial, threshold) != NOT_MATERIAL


def quadrant(impact, financial, threshold=DEFAULT_THRESHOLD):
    """The quadrant of the matrix a topic falls in; unrated scores (0) never
    reach a threshold.

    >>> quadrant(4, 5), quadrant(4, 2), quadrant(2, 4), quadrant(2, 2)
    ('double', 'impact', 'financial', 'none')
    """
    by_impact = is_valid_score(impact) and impact >= threshold
    by_finance = is_valid_score(financial) and financial >= threshold
    if by_impact and by_finance:
        return DOUBLE
    if by_impact:
        return IMPACT
    return FINANCIAL if by_finance else NOT_MATERIAL


def indicator_weights(base_weights, material_keys, material_weight):
    """Key → weight: the indicators of material topics weigh
    ``material_weight`` times their own weight.

    >>> indicator_weights({"A": 1.0, "B": 2.0, "C": 0.0}, {"B", "C"}, 2.0)
    {'A': 1.0, 'B': 4.0, 'C': 0.0}
    """
    return {
        key: weight * material_weight if key in material_keys else weight
        for key, weight in base_weights.items()
    }


# -- the matrix, as an SVG ----------------------------------------------------

SIZE = 420
MARGIN_LEFT = 56
MARGIN_TOP = 16
MARGIN_RIGHT = 16
PLOT = SIZE - MARGIN_LEFT - MARGIN_RIGHT  # square plot area
MATERIAL_FILL = "#e3f1e8"
MATERIAL_DOT = "#1f6f43"
OTHER_DOT = "#8a8a8a"
LINE = "#555555"


@dataclass(frozen=True)
class MatrixPoint:
    label: str
    financial: float
    impact: float
    material: bool
    tooltip: str = ""


def to_canvas(financial, impact):
    """SVG coordinates of scores (x right for financial, y up for impact).

    >>> to_canvas(1, 1), to_canvas(5, 5), to_canvas(3, 3)
    ((56.0, 364.0), (404.0, 16.0), (230.0, 190.0))
    """
    step = PLOT / (SCORE_MAX - SCORE_MIN)
    x = MARGIN_LEFT + (financial - SCORE_MIN) * step
    y = MARGIN_TOP + (SCORE_MAX - impact) * step
    return round(x, 2), round(y, 2)


def matrix_svg(points, threshold, x_label, y_label, title=""):
    """The materiality matrix: the material area shaded (everything but the
    lower-left rectangle under both thresholds), the threshold lines, one
    labelled dot per rated topic. Texts are escaped; no script.

    >>> svg = matrix_svg(
    ...     [MatrixPoint("CLIMATE", 4, 5, True), MatrixPoint("<b>", 2, 1, False),
    ...      MatrixPoint("UNRATED", 0, 0, False)],
    ...     3.0, "Financial", "Impact", title="2025")
    >>> svg.count('class="topic material"'), svg.count('class="topic"')
    (1, 1)
    >>> "UNRATED" in svg, "&lt;b&gt;" in svg, "<b>" in svg
    (False, True, False)
    >>> svg.count('class="threshold"')
    2
    """
    left, top = MARGIN_LEFT, MARGIN_TOP
    bottom, right = top + PLOT, left + PLOT
    cut_x, cut_y = to_canvas(threshold, threshold)
    parts = [
        f'<rect class="material-area" x="{left}" y="{top}" width="{PLOT}" '
        f'height="{PLOT}" fill="{MATERIAL_FILL}" stroke="{LINE}"/>',
        f'<rect class="not-material-area" x="{left}" y="{cut_y}" '
        f'width="{round(cut_x - left, 2)}" height="{round(bottom - cut_y, 2)}" '
        f'fill="#ffffff" stroke="none"/>',
        f'<line class="threshold" x1="{cut_x}" y1="{top}" x2="{cut_x}" '
        f'y2="{bottom}" stroke="{LINE}" stroke-dasharray="4 3"/>',
        f'<line class="threshold" x1="{left}" y1="{cut_y}" x2="{right}" '
        f'y2="{cut_y}" stroke="{LINE}" stroke-dasharray="4 3"/>',
        f'<rect x="{left}" y="{top}" width="{PLOT}" height="{PLOT}" '
        f'fill="none" stroke="{LINE}"/>',
        *_ticks(bottom),
        f'<text x="{left + PLOT / 2}" y="{SIZE - 8}" text-anchor="middle" '
        f'font-size="13">{escape(x_label)}</text>',
        f'<text x="14" y="{top + PLOT / 2}" text-anchor="middle" font-size="13" '
        f'transform="rotate(-90 14 {top + PLOT / 2})">{escape(y_label)}</text>',
    ]
    parts += [
        _dot(point)
        for point in points
        if is_valid_score(point.financial) and is_valid_score(point.impact)
    ]
    heading = f"<title>{escape(title)}</title>" if title else ""
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{SIZE}" height="{SIZE}" '
        f'viewBox="0 0 {SIZE} {SIZE}" role="img" font-family="sans-serif">'
        f"{heading}{''.join(parts)}</svg>"
    )


def _ticks(bottom):
    ticks = []
    for score in range(SCORE_MIN, SCORE_MAX + 1):
        x, y = to_canvas(score, score)
        ticks.append(
            f'<text x="{x}" y="{bottom + 16}" text-anchor="middle" '
            f'font-size="11">{score}</text>'
        )
        ticks.append(
            f'<text x="{MARGIN_LEFT - 8}" y="{y + 4}" text-anchor="end" '
            f'font-size="11">{score}</text>'
        )
    return ticks


def _dot(point):
    """One topic: a dot, its label to the right, its tooltip.

    >>> _dot(MatrixPoint("WATER", 3, 3, True, "Water 3/3"))
    '<g class="topic material"><title>Water 3/3</title><circle cx="230.0" \
cy="190.0" r="5" fill="#1f6f43"/><text x="238.0" y="194.0" font-size="11">\
WATER</text></g>'
    """
    x, y = to_canvas(point.financial, point.impact)
    css = "topic material" if point.material else "topic"
    colour = MATERIAL_DOT if point.material else OTHER_DOT
    tooltip = f"<title>{escape(point.tooltip)}</title>" if point.tooltip else ""
    return (
        f'<g class="{css}">{tooltip}<circle cx="{x}" cy="{y}" r="5" '
        f'fill="{colour}"/><text x="{round(x + 8, 2)}" y="{round(y + 4, 2)}" '
        f'font-size="11">{escape(point.label)}</text></g>'
    )
