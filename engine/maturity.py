# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Stage on the CSR learning curve, from yes/no criteria.

Stage of a pillar
-----------------
Stages are cumulative (Ethos): stage *s* is reached when every stage 1..*s*
passes. A stage passes when all its applicable criteria are met, or at least
80 % of them with no critical one (a legal obligation) unmet. Criteria
answered "not applicable" leave the count; a stage left with no applicable
criterion does not pass, so narrowing the bank never hands a stage out.

Data gate
---------
Judging a management system needs data: a pillar stays at stage 2 at most
while fewer than 80 % of its core indicators (the VSME Basic ones that apply
to the company) have a value for the assessed period. A pillar without core
indicators has nothing to measure and is not gated.

Overall stage and index
-----------------------
The overall stage is the lowest pillar stage: a firm is as far along as its
weakest pillar (B Lab's "meet the bar in every topic"). The 0-100 index,
for trends, gives each pillar a quarter: (stage + progress) / 5 x 25, where
progress is the share of the next stage's criteria already met; a gated
pillar shows no progress, since its next stage is blocked by missing data.
"""

from dataclasses import dataclass

from .vocabulary import PILLAR_KEYS

PASS_SHARE = 0.8
GATE_SHARE = 0.8
GATE_STAGE = 2
TOP_STAGE = 5


@dataclass(frozen=True)
class Criterion:
    """One answered question: ``met`` is None when not applicable."""

    stage: int
    met: bool | None
    critical: bool = False


@dataclass(frozen=True)
class PillarResult:
    pillar: str
    stage: int
    answered_stage: int
    gated: bool
    progress: float
    met: int
    applicable: int


def stage_passes(criteria):
    """
    >>> stage_passes([Criterion(1, True), Criterion(1, True)])
    True

    Four of five met is 80 %: it passes unless the unmet one is critical.

    >>> four_of_five = [Criterion(1, True)] * 4
    >>> stage_passes(four_of_five + [Criterion(1, False)])
    True
    >>> stage_passes(four_of_five + [Criterion(1, False, critical=True)])
    False

    Three of four is 75 %; not applicable ones leave the count.

    >>> stage_passes([Criterion(1, True)] * 3 + [Criterion(1, False)])
    False
    >>> stage_passes([Criterion(1, True), Criterion(1, None)])
    True
    >>> stage_passes([Criterion(1, None)])
    False
    """
    applicable = [c for c in criteria if c.met is not None]
    if not applicable:
        return False
    met = sum(1 for c in applicable if c.met)
    if met == len(applicable):
        return True
    if any(c.critical and not c.met for c in applicable):
        return False
    return met / len(applicable) >= PASS_SHARE


def gate_open(core_total, core_measured):
    """Whether a pillar may pass stage 2 (enough core indicators measured).

    >>> gate_open(5, 4), gate_open(5, 3), gate_open(0, 0)
    (True, False, True)
    """
    return core_total == 0 or core_measured / core_total >= GATE_SHARE


def _share_met(criteria):
    applicable = [c for c in criteria if c.met is not None]
    if not applicable:
        return 0.0
    return sum(1 for c in applicable if c.met) / len(applicable)


def pillar_result(pillar, criteria, gate_is_open=True):
    """
    All of stages 1 and 2 met, 4 of 5 at stage 3, half of stage 4:

    >>> criteria = (
    ...     [Criterion(1, True)] * 3
    ...     + [Criterion(2, True)] * 2
    ...     + [Criterion(3, True)] * 4
    ...     + [Criterion(3, False)]
    ...     + [Criterion(4, True), Criterion(4, False)]
    ... )
    >>> result = pillar_result("social", criteria)
    >>> result.stage, result.progress, result.met, result.applicable
    (3, 0.5, 10, 12)

    The same answers with too few core indicators measured stop at stage 2,
    with no progress shown towards the blocked stage 3:

    >>> gated = pillar_result("social", criteria, gate_is_open=False)
    >>> gated.stage, gated.answered_stage, gated.gated, gated.progress
    (2, 3, True, 0.0)

    Cumulative: stage 2 failing stops the climb even with stage 3 all met.

    >>> broken = [Criterion(1, True), Criterion(2, False), Criterion(3, True)]
    >>> pillar_result("economic", broken).stage
    1
    """
    by_stage = {stage: [] for stage in range(1, TOP_STAGE + 1)}
    for criterion in criteria:
        by_stage[criterion.stage].append(criterion)
    answered_stage = 0
    for stage in range(1, TOP_STAGE + 1):
        if not stage_passes(by_stage[stage]):
            break
        answered_stage = stage
    gated = not gate_is_open and answered_stage > GATE_STAGE
    stage = GATE_STAGE if gated else answered_stage
    next_blocked = not gate_is_open and stage >= GATE_STAGE
    progress = 0.0
    if stage < TOP_STAGE and not next_blocked:
        progress = _share_met(by_stage[stage + 1])
    applicable = [c for c in criteria if c.met is not None]
    return PillarResult(
        pillar=pillar,
        stage=stage,
        answered_stage=answered_stage,
        gated=gated,
        progress=round(progress, 4),
        met=sum(1 for c in applicable if c.met),
        applicable=len(applicable),
    )


def overall_stage(results):
    """The weakest pillar's stage.

    >>> overall_stage([PillarResult("economic", 3, 3, False, 0, 0, 0),
    ...                PillarResult("social", 1, 1, False, 0, 0, 0)])
    1
    >>> overall_stage([])
    0
    """
    return min((result.stage for result in results), default=0)


def maturity_index(results):
    """0-100: each of the four pillars weighs a quarter, missing ones count 0.

    Economic at stage 3 with half of stage 4 met, the others at stage 5, 1 and
    0: (3.5 + 5 + 1 + 0) / 5 x 25 = 47.5.

    >>> maturity_index([
    ...     PillarResult("economic", 3, 3, False, 0.5, 0, 0),
    ...     PillarResult("environmental", 5, 5, False, 0.0, 0, 0),
    ...     PillarResult("social", 1, 1, False, 0.0, 0, 0),
    ...     PillarResult("governance", 0, 0, False, 0.0, 0, 0),
    ... ])
    47.5
    """
    total = sum(
        (result.stage + result.progress) / TOP_STAGE * (100 / len(PILLAR_KEYS))
        for result in results
    )
    return round(total, 2)


def movement(previous, current):
    """How one answer ("yes", "no", "na"; None when the question was not
    asked; unanswered counts as "no") moved against a compared assessment.

    >>> movement("no", "yes"), movement("yes", "no"), movement("yes", "yes")
    ('gained', 'lost', 'unchanged')
    >>> movement(None, "yes"), movement("na", "yes"), movement(False, "no")
    ('new', 'gained', 'unchanged')

    Not applicable is neither met nor unmet: leaving or entering the count is
    its own movement.

    >>> movement("yes", "na"), movement("na", "no")
    ('excluded', 'included')
    """
    if previous is None:
        return "new"
    previous, current = previous or "no", current or "no"
    if previous == current:
        return "unchanged"
    if current == "yes":
        return "gained"
    if current == "na":
        return "excluded"
    if previous == "na":
        return "included"
    return "lost"
