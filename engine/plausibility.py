# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Is a figure plausible? Checks against its own history and against the
related figures of the same period, run when a value is entered, submitted
or imported. A flag is not a refusal: the person who entered the figure
confirms it with a comment, and then it goes on.

Each check returns ``Flag`` objects: a reason code and the numbers that
explain it, worded by the caller in the user's language.
"""

from dataclasses import dataclass, field
from statistics import median

# How far from its own history a figure may go before it is questioned: more
# than 3x or under a third of the median of its last 12 values (a season
# rarely swings a month's figure that much, a slip of the hand does).
HISTORY_FACTOR = 3.0
HISTORY_LENGTH = 12
# A figure about 10 times (or a tenth of) the previous one looks like a
# misplaced decimal separator: "21,5" read as 215 in an English screen.
SLIP_RATIOS = (10.0, 100.0, 1000.0)
SLIP_TOLERANCE = 0.15

TOO_HIGH = "too_high"
TOO_LOW = "too_low"
DECIMAL_SLIP = "decimal_slip"
ABOVE_RELATED = "above_related"
WITHOUT_RELATED = "without_related"


@dataclass(frozen=True)
class Flag:
    reason: str
    params: dict = field(default_factory=dict)


def history_flags(value, history):
    """Flags of ``value`` against its earlier values, most recent last.

    >>> history_flags(215.0, [18.0, 19.5, 18.2, 18.9])[0].reason
    'decimal_slip'
    >>> [f.reason for f in history_flags(60.0, [18.0, 19.5, 18.2, 18.9])]
    ['too_high']
    >>> history_flags(21.5, [18.0, 19.5, 18.2, 18.9])
    []
    >>> history_flags(5.0, [])
    []

    A zero history gives no scale to compare with:

    >>> history_flags(3.0, [0.0, 0.0])
    []
    """
    recent = [v for v in history[-HISTORY_LENGTH:] if v is not None]
    if not recent or value is None:
        return []
    slip = decimal_slip(value, recent[-1])
    if slip:
        return [Flag(DECIMAL_SLIP, {"previous": recent[-1], "factor": slip})]
    middle = median(recent)
    if middle <= 0 or value < 0:
        return []
    if value > middle * HISTORY_FACTOR:
        return [Flag(TOO_HIGH, {"median": middle, "factor": value / middle})]
    if value < middle / HISTORY_FACTOR:
        return [Flag(TOO_LOW, {"median": middle, "factor": middle / max(value, 1e-12)})]
    return []


def decimal_slip(value, previous):
    """The power of ten by which ``value`` looks mistyped from ``previous``
    (10, 100, 1000, or their inverse), else None.

    >>> decimal_slip(215.0, 18.9), decimal_slip(1.89, 18.9), decimal_slip(21.5, 18.9)
    (10.0, 0.1, None)
    >>> decimal_slip(0.0, 18.9), decimal_slip(5.0, 0.0)
    (None, None)
    """
    if not value or not previous or (value > 0) != (previous > 0):
        return None
    ratio = value / previous
    for factor in SLIP_RATIOS:
        for candidate in (factor, 1.0 / factor):
            if abs(ratio / candidate - 1.0) <= SLIP_TOLERANCE:
                return candidate
    return None


# Related figures of one period: (part, whole) where the part cannot exceed
# the whole, and (effect, cause) where the effect needs the cause.
PARTS = (
    ("ENV-13", "ENV-11"),  # water consumed cannot exceed water withdrawn
    ("ENV-12", "ENV-11"),  # withdrawal in stressed areas is part of all of it
    ("ENV-02", "ENV-01"),  # electricity is part of all the energy
    ("SOC-10", "SOC-09"),  # fatalities are recordable accidents too
)
CAUSES = (
    ("SOC-11", "SOC-09"),  # days lost to injuries need an accident
)


def related_flags(code, figures):
    """Flags of one figure against the related figures of its period
    (``figures`` maps a code to its value; the figure itself included).

    >>> [f.reason for f in related_flags("ENV-13", {"ENV-13": 21.5, "ENV-11": 18.9})]
    ['above_related']
    >>> related_flags("ENV-11", {"ENV-13": 21.5, "ENV-11": 18.9})[0].params["other"]
    'ENV-13'
    >>> [f.reason for f in related_flags("SOC-11", {"SOC-11": 12.0, "SOC-09": 0.0})]
    ['without_related']
    >>> related_flags("SOC-11", {"SOC-11": 12.0})
    []
    """
    flags = []
    value = figures.get(code)
    if value is None:
        return flags
    for part, whole in PARTS:
        if code in (part, whole) and figures.get(part) is not None:
            if figures.get(whole) is not None and figures[part] > figures[whole]:
                other = whole if code == part else part
                flags.append(
                    Flag(
                        ABOVE_RELATED,
                        {
                            "part": part,
                            "whole": whole,
                            "other": other,
                            "part_value": figures[part],
                            "whole_value": figures[whole],
                        },
                    )
                )
    for effect, cause in CAUSES:
        if code in (effect, cause) and figures.get(effect) and figures.get(cause) == 0:
            flags.append(
                Flag(
                    WITHOUT_RELATED,
                    {"effect": effect, "cause": cause, "other": cause},
                )
            )
    return flags
