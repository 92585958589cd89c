# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Quantities of goods (received, returned, scrapped) to tonnes of material.

A quantity is in the unit it moved in. When that unit is a weight (g, kg, t,
lb) its mass is known; otherwise it is counted in the product's unit times
the product's weight. A product with neither cannot be weighed: it is left
out and named, never guessed.
"""

from dataclasses import dataclass

KG_PER_TONNE = 1000.0


@dataclass(frozen=True)
class Flow:
    """A net quantity of one product in one unit, and the mass of that unit."""

    product_id: int
    quantity: float
    kg_per_unit: float | None  # None: the product cannot be weighed


def kg_per_unit(unit_kg, product_units, weight_kg):
    """Mass of one unit of a move, in kg, or None when it cannot be known.

    ``unit_kg``: kg in one unit when the unit is a weight, else None;
    ``product_units``: product units in one unit (None if not convertible);
    ``weight_kg``: the product's weight per product unit, in kg (0: unknown).

    >>> kg_per_unit(1000.0, None, 0.0)  # bought by the tonne
    1000.0
    >>> kg_per_unit(None, 12.0, 2.5)  # a box of 12 bricks of 2.5 kg
    30.0
    >>> kg_per_unit(None, 1.0, 0.0) is None  # no weight on the product
    True
    """
    if unit_kg is not None:
        return unit_kg
    if product_units is not None and weight_kg > 0:
        return product_units * weight_kg
    return None


def tonnes(flows):
    """Total tonnes of the flows that can be weighed, and the ids of the
    products left out (sorted), for the note.

    >>> cement = Flow(1, 2.0, 1000.0)  # 2 t
    >>> returned = Flow(1, -500.0, 1.0)  # 500 kg sent back
    >>> bricks = Flow(2, 40.0, 2.5)  # 40 units of 2.5 kg
    >>> paint = Flow(3, 10.0, None)  # no weight
    >>> tonnes([cement, returned, bricks, paint])
    (1.6, [3])
    >>> tonnes([])
    (0.0, [])
    """
    total_kg = sum(
        f.quantity * f.kg_per_unit for f in flows if f.kg_per_unit is not None
    )
    left_out = sorted({f.product_id for f in flows if f.kg_per_unit is None})
    return total_kg / KG_PER_TONNE, left_out
