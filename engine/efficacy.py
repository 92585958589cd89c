# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Did an improvement action work? Judged on the indicator it tracks.

An action aims at moving an indicator from its baseline to a target. Once it
is done, the value of the indicator in the first comparable period after the
deadline is read:

- the action is *effective* when that value meets the target: at least the
  target for "higher is better" indicators, at most the target for "lower is
  better" ones; a yes/no indicator meets it with the good answer (yes when
  higher is better, no when lower is better), whatever number was typed;
- the *change* is counted positive when the indicator got better than the
  baseline: value - baseline when higher is better, baseline - value when
  lower is better, in the indicator's unit.

Context figures (direction "neutral") are not judged better or worse, so an
action cannot be measured on them.
"""

HIGHER = "higher"
LOWER = "lower"
JUDGED_DIRECTIONS = (HIGHER, LOWER)


def good_answer(direction):
    """The value a yes/no indicator should take (1 yes, 0 no).

    >>> good_answer("higher"), good_answer("lower")
    (1.0, 0.0)
    """
    return 1.0 if direction == HIGHER else 0.0


def _sign(direction):
    """+1 when a rise is an improvement, -1 when a fall is."""
    if direction not in JUDGED_DIRECTIONS:
        raise ValueError(f"direction {direction!r} is not judged")
    return 1.0 if direction == HIGHER else -1.0


def meets_target(direction, value, target, is_boolean=False):
    """Whether ``value`` reaches ``target`` in the good direction.

    >>> meets_target("higher", 80.0, 80.0), meets_target("higher", 79.9, 80.0)
    (True, False)
    >>> meets_target("lower", 95.0, 100.0), meets_target("lower", 101.0, 100.0)
    (True, False)
    >>> meets_target("higher", 1.0, 0.0, is_boolean=True)
    True
    >>> meets_target("lower", 1.0, 1.0, is_boolean=True)
    False
    >>> meets_target("neutral", 1.0, 1.0)
    Traceback (most recent call last):
    ...
    ValueError: direction 'neutral' is not judged
    """
    sign = _sign(direction)
    if is_boolean:
        return round(value) == good_answer(direction)
    return sign * (value - target) >= 0


def improvement(direction, baseline, value):
    """Change from ``baseline`` to ``value``, positive when it got better.

    >>> improvement("lower", 120.0, 95.0)
    25.0
    >>> improvement("higher", 40.0, 35.0)
    -5.0
    >>> improvement("higher", 0.0, 1.0)
    1.0
    """
    return round(_sign(direction) * (value - baseline), 6)


def target_improves(direction, baseline, target):
    """Whether ``target`` is better than ``baseline``: an action aiming at the
    baseline itself (or worse) could never show an effect.

    >>> target_improves("lower", 120.0, 100.0), target_improves("lower", 0.0, 0.0)
    (True, False)
    >>> target_improves("higher", 40.0, 50.0), target_improves("higher", 40.0, 40.0)
    (True, False)
    """
    return improvement(direction, baseline, target) > 0
