# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Direction-aware target thresholds and traffic lights.

A target has a green threshold (the target value itself) and an amber limit:
for "higher is better" indicators the amber limit lies below the target, for
"lower is better" indicators above it. Values beyond the amber limit are red.
"""

from .vocabulary import AMBER, GREEN, RED


def thresholds_consistent(direction, target, amber_limit):
    """True when the amber limit lies on the "worse" side of the target.

    >>> thresholds_consistent("higher", 80.0, 60.0)
    True
    >>> thresholds_consistent("lower", 10.0, 12.0)
    True
    >>> thresholds_consistent("lower", 10.0, 8.0)
    False
    """
    if direction == "higher":
        return amber_limit <= target
    if direction == "lower":
        return amber_limit >= target
    return False


def traffic_light(direction, value, target, amber_limit):
    """Classify ``value`` against a target; None for undirected indicators.

    >>> traffic_light("higher", 85.0, 80.0, 60.0)
    'green'
    >>> traffic_light("higher", 60.0, 80.0, 60.0)
    'amber'
    >>> traffic_light("lower", 12.5, 10.0, 12.0)
    'red'
    """
    if direction == "higher":
        if value >= target:
            return GREEN
        return AMBER if value >= amber_limit else RED
    if direction == "lower":
        if value <= target:
            return GREEN
        return AMBER if value <= amber_limit else RED
    return None
