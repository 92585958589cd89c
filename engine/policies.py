# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Which sustainability matters written policies cover, and when a policy is
due for review. Plain Python: the ORM reads, this decides.

GOV-05 counts the ten VSME sustainability matters (B2) covered by a policy in
force. A policy covers the matters of the topics it names; an ethics code, a
labour policy and a community policy cover their own matter even when no
topic is named, since that is what they are about.
"""

from datetime import timedelta

from dateutil.relativedelta import relativedelta

# The ten VSME sustainability matters (B2), in the standard's order.
VSME_MATTERS = [
    ("climate", "Climate change"),
    ("pollution", "Pollution"),
    ("water", "Water and marine resources"),
    ("biodiversity", "Biodiversity and ecosystems"),
    ("circular", "Resource use and circular economy"),
    ("own_workforce", "Own workforce"),
    ("value_chain_workers", "Workers in the value chain"),
    ("communities", "Affected communities"),
    ("consumers", "Consumers and end-users"),
    ("business_conduct", "Business conduct"),
]
POLICY_AREAS = [
    ("environmental", "Environmental"),
    ("labour_human_rights", "Labour and human rights"),
    ("anti_corruption", "Anti-corruption and ethics code"),
    ("suppliers", "Suppliers"),
    ("community", "Community"),
    ("other", "Other"),
]
# The matter a policy of an area covers by its very subject. Environmental
# and supplier policies vary too much: their topics say what they cover.
AREA_MATTERS = {
    "anti_corruption": "business_conduct",
    "labour_human_rights": "own_workforce",
    "community": "communities",
}


def covered_matters(rows):
    """The VSME matters covered, in the standard's order, from rows of
    (policy area, matter of one of its topics or None).

    >>> covered_matters([("environmental", "water"), ("environmental", None),
    ...                  ("anti_corruption", None), ("other", "climate")])
    ['climate', 'water', 'business_conduct']
    >>> covered_matters([("environmental", None), ("suppliers", None)])
    []
    """
    found = set()
    for area, matter in rows:
        found.update(m for m in (matter, AREA_MATTERS.get(area)) if m)
    return [key for key, _label in VSME_MATTERS if key in found]


def next_review(reviewed_on, interval_months):
    """The date a policy approved or reviewed on ``reviewed_on`` is due for
    its next review (None without a date).

    >>> from datetime import date
    >>> next_review(date(2025, 1, 31), 1)
    datetime.date(2025, 2, 28)
    >>> next_review(date(2025, 3, 15), 12)
    datetime.date(2026, 3, 15)
    >>> next_review(None, 12) is None
    True
    """
    if not reviewed_on:
        return None
    return reviewed_on + relativedelta(months=max(interval_months, 1))


def review_horizon(today, notice_days):
    """The last next-review date that is reminded of on ``today``: reviews
    due within the notice, and overdue ones, get a reminder.

    >>> from datetime import date
    >>> review_horizon(date(2025, 6, 1), 30)
    datetime.date(2025, 7, 1)
    """
    return today + timedelta(days=max(notice_days, 0))
