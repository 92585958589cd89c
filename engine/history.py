# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The history of one indicator as an SVG line chart: its values across the
periods of one kind, with the target and the amber limit each period was
judged against, drawn as dashed and dotted steps. Plain Python; texts are
escaped and the picture holds no script.
"""

from dataclasses import dataclass
from html import escape

WIDTH = 760
HEIGHT = 280
LEFT = 72
RIGHT = 16
TOP = 28
BOTTOM = 48
VALUE_COLOUR = "#714b67"
TARGET_COLOUR = "#1f6f43"
AMBER_COLOUR = "#c88a00"
GRID = "#e5e5e5"


@dataclass(frozen=True)
class HistoryPoint:
    period: str
    value: float | None
    target: float | None = None
    amber: float | None = None


def nice_bounds(numbers):
    """A y-axis range holding every number, from 0 when all are positive,
    with a little room on top.

    >>> nice_bounds([12.0, 30.0])
    (0.0, 33.0)
    >>> nice_bounds([-5.0, 5.0])
    (-6.0, 6.0)
    >>> nice_bounds([])
    (0.0, 1.0)
    """
    numbers = [n for n in numbers if n is not None]
    if not numbers:
        return 0.0, 1.0
    low, high = min(numbers), max(numbers)
    low = min(low, 0.0)
    if high == low:
        high = low + 1.0
    room = (high - low) * 0.1
    return round(low - (room if low < 0 else 0.0), 6), round(high + room, 6)


def short_number(value):
    """An axis label: at most three significant figures, with k / M / B.

    >>> short_number(935152000.0), short_number(1250.0), short_number(0.0342)
    ('935M', '1.25k', '0.0342')
    >>> short_number(-20.0), short_number(0.0)
    ('-20', '0')
    """
    size = abs(value)
    for limit, suffix in ((1e9, "B"), (1e6, "M"), (1e3, "k")):
        if size >= limit:
            return f"{value / limit:.3g}{suffix}"
    return f"{value:.3g}"


def history_svg(points, labels, unit=""):
    """The chart of ``points`` (oldest first). ``labels`` gives the legend's
    texts: ``value``, ``target``, ``amber`` and ``empty`` (shown when no
    period has a value).

    >>> svg = history_svg(
    ...     [HistoryPoint("2026-01", 10.0, 8.0, 12.0),
    ...      HistoryPoint("2026-02", None, 8.0, 12.0),
    ...      HistoryPoint("2026-03", 14.0, 8.0, 12.0)],
    ...     {"value": "Value", "target": "Target", "amber": "Amber limit",
    ...      "empty": "No value"}, unit="m³")
    >>> svg.count('class="value-dot"'), svg.count('class="target"')
    (2, 1)
    >>> "2026-02" in svg, "m³" in svg
    (True, True)
    >>> "No value" in history_svg([], {"empty": "No value"})
    True
    """
    if not any(point.value is not None for point in points):
        return f'<p class="text-muted">{escape(labels.get("empty", ""))}</p>'
    low, high = nice_bounds([n for p in points for n in (p.value, p.target, p.amber)])
    plot_w, plot_h = WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM
    step = plot_w / max(len(points) - 1, 1)

    def x_of(index):
        return round(LEFT + (index * step if len(points) > 1 else plot_w / 2), 2)

    def y_of(number):
        return round(TOP + (high - number) / (high - low) * plot_h, 2)

    parts = []
    for tick in range(5):
        number = low + (high - low) * tick / 4
        y = y_of(number)
        parts.append(
            f'<line x1="{LEFT}" y1="{y}" x2="{WIDTH - RIGHT}" y2="{y}" '
            f'stroke="{GRID}"/><text x="{LEFT - 6}" y="{y + 4}" font-size="11" '
            f'text-anchor="end">{escape(short_number(number))}</text>'
        )
    every = max(1, round(len(points) / 12))
    for index, point in enumerate(points):
        if index % every == 0 or index == len(points) - 1:
            parts.append(
                f'<text x="{x_of(index)}" y="{HEIGHT - BOTTOM + 16}" '
                f'font-size="11" text-anchor="middle">{escape(point.period)}</text>'
            )
    parts += _steps(points, "amber", AMBER_COLOUR, "2 3", x_of, y_of, step)
    parts += _steps(points, "target", TARGET_COLOUR, "6 4", x_of, y_of, step)
    line = [
        f"{x_of(i)},{y_of(p.value)}"
        for i, p in enumerate(points)
        if p.value is not None
    ]
    parts.append(
        f'<polyline class="values" points="{" ".join(line)}" fill="none" '
        f'stroke="{VALUE_COLOUR}" stroke-width="2.5"/>'
    )
    for index, point in enumerate(points):
        if point.value is None:
            continue
        parts.append(
            f'<circle class="value-dot" cx="{x_of(index)}" cy="{y_of(point.value)}" '
            f'r="4" fill="{VALUE_COLOUR}"><title>{escape(point.period)}: '
            f"{escape(short_number(point.value))} {escape(unit)}</title></circle>"
        )
    parts.append(_legend(labels, unit))
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{WIDTH}" height="{HEIGHT}" '
        f'viewBox="0 0 {WIDTH} {HEIGHT}" role="img" font-family="sans-serif" '
        f'style="max-width: 100%; height: auto;">{"".join(parts)}</svg>'
    )


def _steps(points, attribute, colour, dash, x_of, y_of, step):
    """The target (or amber limit) of each period, as a horizontal step
    centred on the period; one path element per chart."""
    segments = []
    half = step / 2 if len(points) > 1 else 40
    for index, point in enumerate(points):
        number = getattr(point, attribute)
        if number is None:
            continue
        x, y = x_of(index), y_of(number)
        segments.append(f"M{round(x - half, 2)},{y} H{round(x + half, 2)}")
    if not segments:
        return []
    return [
        f'<path class="{attribute}" d="{" ".join(segments)}" fill="none" '
        f'stroke="{colour}" stroke-width="2" stroke-dasharray="{dash}"/>'
    ]


def _legend(labels, unit):
    items = (
        (labels.get("value", ""), VALUE_COLOUR, ""),
        (labels.get("target", ""), TARGET_COLOUR, "6 4"),
        (labels.get("amber", ""), AMBER_COLOUR, "2 3"),
    )
    parts = []
    x = LEFT
    for text, colour, dash in items:
        parts.append(
            f'<line x1="{x}" y1="12" x2="{x + 22}" y2="12" stroke="{colour}" '
            f'stroke-width="2.5" stroke-dasharray="{dash}"/><text x="{x + 28}" '
            f'y="16" font-size="12">{escape(text)}</text>'
        )
        x += 40 + 7 * len(text)
    if unit:
        parts.append(
            f'<text x="{WIDTH - RIGHT}" y="16" font-size="12" text-anchor="end">'
            f"{escape(unit)}</text>"
        )
    return "".join(parts)
