# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The maturity ladder drawn as a small SVG staircase, for printed reports.

One bar per stage 1-5, each taller than the last; the stages reached are
filled dark, the others left as outlines, so the ladder reads in black and
white too. Plain markup, no script: wkhtmltopdf draws it as it is.
"""

from html import escape

STEPS = 5
BAR_WIDTH = 10
GAP = 3
STEP_HEIGHT = 5
FILLED = "#1f6f43"
EMPTY = "#ffffff"
OUTLINE = "#555555"
MARGIN = 1  # room for the outline's outer half


def ladder_svg(stage, title="", steps=STEPS):
    """An inline SVG of ``steps`` bars with the first ``stage`` filled.

    ``title`` becomes the SVG's tooltip and accessible name; it is escaped.

    >>> svg = ladder_svg(2, title="2 Initiatives")
    >>> svg.count('class="reached"'), svg.count('class="ahead"')
    (2, 3)
    >>> svg.startswith('<svg xmlns="http://www.w3.org/2000/svg" width="64"')
    True
    >>> "<title>2 Initiatives</title>" in svg
    True
    >>> ladder_svg(0).count('class="reached"'), ladder_svg(9).count('"reached"')
    (0, 5)
    >>> "&lt;b&gt;" in ladder_svg(1, title="<b>")
    True
    """
    reached = max(0, min(int(stage or 0), steps))
    width = steps * BAR_WIDTH + (steps - 1) * GAP + 2 * MARGIN
    height = steps * STEP_HEIGHT + 2 * MARGIN
    bars = [_bar(number, height, number <= reached) for number in range(1, steps + 1)]
    heading = f"<title>{escape(title)}</title>" if title else ""
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" '
        f'height="{height}" viewBox="0 0 {width} {height}" role="img">'
        f"{heading}{''.join(bars)}</svg>"
    )


def _bar(number, height, reached):
    """The bar of stage ``number`` (1-based), standing on the baseline.

    >>> _bar(1, 27, True)
    '<rect class="reached" x="1" y="21" width="10" height="5" \
fill="#1f6f43" stroke="#555555" stroke-width="1"/>'
    """
    bar_height = number * STEP_HEIGHT
    x = MARGIN + (number - 1) * (BAR_WIDTH + GAP)
    return (
        f'<rect class="{"reached" if reached else "ahead"}" x="{x}" '
        f'y="{height - MARGIN - bar_height}" width="{BAR_WIDTH}" height="{bar_height}" '
        f'fill="{FILLED if reached else EMPTY}" stroke="{OUTLINE}" '
        f'stroke-width="1"/>'
    )
