# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Plausibility of an indicator value given the indicator's value type."""

import math

# Beyond this, a figure is a typing accident, not an SME's measurement.
MAX_MAGNITUDE = 1e15

VALUE_NOT_A_NUMBER = "not_a_number"
VALUE_NOT_FINITE = "not_finite"
VALUE_TOO_LARGE = "too_large"
VALUE_NEGATIVE = "negative"
VALUE_OVER_100 = "over_100"
VALUE_NOT_BOOLEAN = "not_boolean"


def value_error(value_type, allow_negative, value):
    """Return None for a plausible value, else an error code.

    >>> value_error("percentage", False, 101.0)
    'over_100'
    >>> value_error("percentage", True, -35.0) is None
    True
    >>> value_error("quantity", False, -1.0)
    'negative'
    >>> value_error("boolean", False, 0.5)
    'not_boolean'
    """
    if not math.isfinite(value):
        return VALUE_NOT_FINITE
    if abs(value) > MAX_MAGNITUDE:
        return VALUE_TOO_LARGE
    if value_type == "boolean":
        return None if value in (0.0, 1.0) else VALUE_NOT_BOOLEAN
    if value < 0 and not allow_negative:
        return VALUE_NEGATIVE
    if value_type == "percentage" and value > 100.0:
        return VALUE_OVER_100
    return None


def number_error(raw):
    """Check a number typed into a figure other than an indicator value (a
    factor, a target, a cost…): a finite number of a plausible size.

    >>> number_error("1e20"), number_error(float("nan")), number_error("x")
    ('too_large', 'not_finite', 'not_a_number')
    >>> number_error(-3.5) is None, number_error(None) is None
    (True, True)
    """
    error = raw_value_error(raw)
    if error or raw is None or raw is False:
        return error
    return VALUE_TOO_LARGE if abs(float(raw)) > MAX_MAGNITUDE else None


def raw_value_error(raw):
    """Check what a user or an import typed before the ORM rounds it.

    The ORM cannot even round NaN or text, so this runs ahead of it.

    >>> raw_value_error("12.5") is None, raw_value_error(False) is None
    (True, True)
    >>> raw_value_error("twelve"), raw_value_error(float("inf"))
    ('not_a_number', 'not_finite')
    """
    if raw is None or raw is False:
        return None
    try:
        number = float(raw)
    except (TypeError, ValueError):
        return VALUE_NOT_A_NUMBER
    return None if math.isfinite(number) else VALUE_NOT_FINITE


def display_unit(unit, value_type, currency_code):
    """The unit a person reads: a monetary indicator's unit names the
    company's currency instead of the word "currency" (in any language: the
    first word of the unit stands for it).

    >>> display_unit("currency", "monetary", "COP")
    'COP'
    >>> display_unit("moneda por empleado", "monetary", "COP")
    'COP por empleado'
    >>> display_unit("m³", "quantity", "COP")
    'm³'
    """
    if value_type != "monetary" or not currency_code or not unit:
        return unit
    _first, _space, rest = unit.partition(" ")
    return f"{currency_code} {rest}" if rest else currency_code
