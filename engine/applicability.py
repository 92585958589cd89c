# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Which catalogue entries concern a company, given its size.

An indicator states the smallest company it applies to (``micro`` means every
size). A company whose size is not set is asked for everything: leaving an
indicator out is a decision the company takes by setting its size.

The scorecard also expects the indicators of the company's material topics,
whatever its size or sector: see ``materiality``.
"""

# From smallest to largest; the keys of the indicator's "Applies to" field.
SIZE_ORDER = ("micro", "small", "medium")


def sizes_applying(company_size):
    """The indicator minimum sizes that a company of ``company_size`` meets.

    >>> sizes_applying("micro")
    ['micro']
    >>> sizes_applying("small")
    ['micro', 'small']
    >>> sizes_applying(False)
    ['micro', 'small', 'medium']
    """
    if company_size not in SIZE_ORDER:
        return list(SIZE_ORDER)
    return list(SIZE_ORDER[: SIZE_ORDER.index(company_size) + 1])
