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

import math
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
# The legend beside the plot: one numbered line per topic, its full name.
LEGEND_LEFT = SIZE + 12
LEGEND_WIDTH = 420
LEGEND_ROW = 20
LEGEND_CHARS = 58  # a longer name is cut with an ellipsis (hover shows it all)
DOT_RADIUS = 9
SPREAD = 12  # topics sharing a position sit this far around it


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


def spread(count, index):
    """Offset of the ``index``-th of ``count`` dots sharing one position:
    around a circle, so that no number hides another.

    >>> spread(1, 0)
    (0.0, 0.0)
    >>> spread(2, 0), spread(2, 1)
    ((0.0, -12.0), (0.0, 12.0))
    """
    if count < 2:
        return 0.0, 0.0
    # Far enough that neighbouring dots do not touch: a chord of the circle
    # between two of them is 2 r sin(pi / count).
    radius = max(SPREAD, 1.1 * DOT_RADIUS / math.sin(math.pi / count))
    angle = 2 * math.pi * index / count - math.pi / 2
    return round(radius * math.cos(angle), 2) + 0.0, round(radius * math.sin(angle), 2)


def matrix_svg(points, threshold, x_label, y_label, title=""):
    """The materiality matrix: the material area shaded (everything but the
    lower-left rectangle under both thresholds), the threshold lines, one
    numbered dot per rated topic (topics at the same position spread around
    it), and the legend of the numbers with the topics' names beside the
    plot, material topics first. Texts are escaped; no script.

    >>> svg = matrix_svg(
    ...     [MatrixPoint("Climate", 4, 5, True), MatrixPoint("<b>", 2, 1, False),
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
    rated = sorted(
        (
            point
            for point in points
            if is_valid_score(point.financial) and is_valid_score(point.impact)
        ),
        key=lambda p: (not p.material, -(p.impact + p.financial), p.label),
    )
    shared = {}
    for point in rated:
        shared.setdefault((point.financial, point.impact), []).append(point)
    for number, point in enumerate(rated, start=1):
        group = shared[point.financial, point.impact]
        offset = spread(len(group), group.index(point))
        parts.append(_dot(point, number, offset))
        parts.append(_legend(point, number))
    height = max(SIZE, MARGIN_TOP + LEGEND_ROW * (len(rated) + 1))
    width = LEGEND_LEFT + LEGEND_WIDTH
    heading = f"<title>{escape(title)}</title>" if title else ""
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" '
        f'height="{height}" viewBox="0 0 {width} {height}" role="img" '
        f'style="max-width: 100%; height: auto;" font-family="sans-serif">'
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


def _dot(point, number, offset=(0.0, 0.0)):
    """One topic: a numbered dot, its tooltip.

    >>> _dot(MatrixPoint("Water", 3, 3, True, "Water 3/3"), 4)
    '<g class="topic material"><title>Water 3/3</title><circle cx="230.0" \
cy="190.0" r="9" fill="#1f6f43" stroke="#ffffff"/><text x="230.0" y="194.0" \
font-size="10" text-anchor="middle" fill="#ffffff">4</text></g>'
    """
    x, y = to_canvas(point.financial, point.impact)
    x, y = round(x + offset[0], 2), round(y + offset[1], 2)
    css = "topic material" if point.material else "topic"
    colour = MATERIAL_DOT if point.material else OTHER_DOT
    tooltip = escape(point.tooltip or point.label)
    return (
        f'<g class="{css}"><title>{tooltip}</title><circle cx="{x}" cy="{y}" '
        f'r="{DOT_RADIUS}" fill="{colour}" stroke="#ffffff"/><text x="{x}" '
        f'y="{round(y + 4, 2)}" font-size="10" text-anchor="middle" '
        f'fill="#ffffff">{number}</text></g>'
    )


def _legend(point, number):
    """The legend line of a numbered topic: its number and its name.

    >>> _legend(MatrixPoint("Water", 3, 3, False), 2)
    '<g class="legend"><circle cx="441" cy="52" r="8" fill="#8a8a8a"/><text \
x="441" y="56" font-size="10" text-anchor="middle" fill="#ffffff">2</text>\
<text x="456" y="56" font-size="12">Water</text></g>'
    """
    y = MARGIN_TOP + LEGEND_ROW * number
    colour = MATERIAL_DOT if point.material else OTHER_DOT
    name = point.label
    if len(name) > LEGEND_CHARS:
        name = name[: LEGEND_CHARS - 1].rstrip() + "…"
    return (
        f'<g class="legend"><circle cx="{LEGEND_LEFT + 9}" cy="{y - 4}" r="8" '
        f'fill="{colour}"/><text x="{LEGEND_LEFT + 9}" y="{y}" font-size="10" '
        f'text-anchor="middle" fill="#ffffff">{number}</text><text '
        f'x="{LEGEND_LEFT + 24}" y="{y}" font-size="12">{escape(name)}</text></g>'
    )
