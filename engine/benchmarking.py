# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Cross-company comparison arithmetic: medians and positioning.

A consultant compares the same period of several client companies. Each
figure is set next to the median of all compared companies and the median of
those of the same sector, and placed against an indicative reference range
(low - high) of its sector.
"""

BELOW = "below"
WITHIN = "within"
ABOVE = "above"

BETTER = "better"
TYPICAL = "typical"
WORSE = "worse"


def median(values):
    """Median of the known values (None left out); None when none is known.

    >>> median([110.0, 90.0, 130.0])
    110.0
    >>> median([87.5, 50.0])
    68.75
    >>> median([4.0, None, 2.0, 1.0, 3.0])
    2.5
    >>> median([None]) is None
    True
    """
    known = sorted(value for value in values if value is not None)
    if not known:
        return None
    middle = len(known) // 2
    if len(known) % 2:
        return known[middle]
    return (known[middle - 1] + known[middle]) / 2


def group_medians(values, groups):
    """Median of each group of keys: ``values`` maps a key (a company) to its
    figure or None, ``groups`` maps the same key to its group (a sector) or
    None; keys without a group form no group.

    >>> values = {"a": 110.0, "b": 90.0, "c": 130.0}
    >>> sorted(group_medians(values, {"a": "mfg", "b": "mfg", "c": "shop"}).items())
    [('mfg', 100.0), ('shop', 130.0)]
    >>> group_medians({"a": 1.0, "b": None}, {"a": None, "b": "mfg"})
    {'mfg': None}
    """
    members = {}
    for key, group in groups.items():
        if group is not None:
            members.setdefault(group, []).append(values.get(key))
    return {group: median(figures) for group, figures in members.items()}


def check_range(low, middle, high):
    """True when a reference range is ordered: low <= median <= high.

    >>> check_range(10.0, 30.0, 60.0)
    True
    >>> check_range(10.0, 5.0, 60.0)
    False
    """
    return low <= middle <= high


def position(value, low, high):
    """Where a value stands against a range, bounds included in the range;
    None without a value.

    >>> position(5.0, 10.0, 60.0)
    'below'
    >>> position(10.0, 10.0, 60.0)
    'within'
    >>> position(61.0, 10.0, 60.0)
    'above'
    >>> position(None, 10.0, 60.0) is None
    True
    """
    if value is None:
        return None
    if value < low:
        return BELOW
    if value > high:
        return ABOVE
    return WITHIN


def standing(where, direction):
    """What a position means for an indicator of this direction: better or
    worse than the range, or typical; None for a context figure or without
    a position.

    >>> standing("below", "lower")
    'better'
    >>> standing("below", "higher")
    'worse'
    >>> standing("within", "higher")
    'typical'
    >>> standing("above", "neutral") is None
    True
    """
    if where is None or direction not in ("higher", "lower"):
        return None
    if where == WITHIN:
        return TYPICAL
    good_side = ABOVE if direction == "higher" else BELOW
    return BETTER if where == good_side else WORSE


def best_range(candidates, sector):
    """The reference range that fits a company of ``sector`` best, among
    ``candidates`` (sector or None for every sector, own to the company,
    year, range) tuples: its sector's over the all-sector one, the
    company's own over a shared one, then the latest year. None without a
    fitting candidate.

    >>> ranges = [(None, False, 2023, "all"), ("mfg", False, 2022, "mfg 22"),
    ...           ("mfg", False, 2023, "mfg 23"), ("shop", True, 2024, "shop")]
    >>> best_range(ranges, "mfg")
    'mfg 23'
    >>> best_range(ranges, "farm")
    'all'
    >>> best_range([(None, False, 2023, "shared"), (None, True, 2020, "own")], None)
    'own'
    >>> best_range([("shop", False, 2023, "shop")], None) is None
    True
    """
    fitting = [
        (range_sector is not None, own, year, index)
        for index, (range_sector, own, year, _range) in enumerate(candidates)
        if range_sector is None or range_sector == sector
    ]
    if not fitting:
        return None
    return candidates[max(fitting)[-1]][-1]
