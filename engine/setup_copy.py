# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Plan the copy of a company's CSR setup (its targets) to another company.

Each item is keyed by what makes it unique in the receiving company (for a
target: indicator and year, or indicator and period start). The plan says
what to create, what to overwrite and what to leave alone, before anything
is written, so that the copy is all or nothing.
"""

from dataclasses import dataclass, field

SKIP = "skip"
OVERWRITE = "overwrite"
POLICIES = (SKIP, OVERWRITE)


@dataclass
class CopyPlan:
    create: list = field(default_factory=list)  # keys to create
    overwrite: list = field(default_factory=list)  # (key, existing id) pairs
    skip: list = field(default_factory=list)  # (key, existing id) pairs

    @property
    def counts(self):
        return len(self.create), len(self.overwrite), len(self.skip)


def plan_copy(source_keys, existing, policy):
    """What to do with each source key, given the receiver's ``existing``
    {key: record id} and the conflict policy (skip or overwrite).

    >>> plan = plan_copy(["W-2025", "S-2025"], {"S-2025": 7}, "skip")
    >>> plan.create, plan.skip, plan.overwrite
    (['W-2025'], [('S-2025', 7)], [])
    >>> plan_copy(["W-2025", "S-2025"], {"S-2025": 7}, "overwrite").overwrite
    [('S-2025', 7)]
    >>> plan_copy([], {}, "merge")
    Traceback (most recent call last):
    ...
    ValueError: unknown conflict policy 'merge'
    """
    if policy not in POLICIES:
        raise ValueError(f"unknown conflict policy {policy!r}")
    plan = CopyPlan()
    for key in source_keys:
        if key not in existing:
            plan.create.append(key)
        elif policy == OVERWRITE:
            plan.overwrite.append((key, existing[key]))
        else:
            plan.skip.append((key, existing[key]))
    return plan
