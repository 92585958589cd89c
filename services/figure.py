# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The figure every source returns: what the compute stores on a value."""

from dataclasses import dataclass


@dataclass
class Figure:
    """A raw figure and the records it was computed from (for drill-down),
    with how it was obtained (factors used) when that needs saying, and
    whether it is an estimate (a proxy) rather than a measurement."""

    value: float | None
    model: str
    domain: list
    note: str = ""
    fallback: bool = False
    estimated: bool = False
    factor_ids: tuple = ()
    # Why the figure may be doubtful, each with how to fix it.
    warnings: tuple = ()
    # The warnings concern the note only (the FTE beside a headcount), not the
    # value: figures worked out from this one do not inherit them.
    warnings_on_note: bool = False
    # Greenhouse-gas inventory lines (engine.emissions.EmissionLine) the
    # figure is the sum of: stored for the breakdown by scope, gas and month.
    emission_lines: tuple = ()
