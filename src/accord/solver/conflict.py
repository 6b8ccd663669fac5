"""When nothing is acceptable to everyone: the smallest set of topics that cannot all be met.

A set S of topics is in conflict when, even if every other topic went each party's way at once
(each party counting its best value there, constraints dropped), no choice of allowed options
on S meets every party's reservation. This relaxation only ever removes constraints, so a set
in conflict stays in conflict when topics are added; the whole scenario is in conflict exactly
when no feasible package exists. The empty set is in conflict when some party's reservation is
above anything any package could give them.

Sets are tried by size, smallest first, so the answer is a smallest one; past a budget of
checks the search falls back to dropping topics one at a time, which gives a set from which no
topic can be removed (minimal, perhaps not smallest), and says so.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from fractions import Fraction
from itertools import combinations

import numpy as np

from accord.domain.words import person, pretty
from accord.solver.pareto import nondominated
from accord.solver.space import IntArray, OutcomeSpace

DEFAULT_CHECKS = 4000


@dataclass(frozen=True, slots=True)
class Conflict:
    topics: tuple[str, ...]
    parties: tuple[str, ...]
    smallest: bool  # False: minimal (no topic can be dropped) but perhaps not smallest
    summary: str


def find_conflict(space: OutcomeSpace, *, max_checks: int = DEFAULT_CHECKS) -> Conflict:
    """Explain an infeasible space by a smallest conflicting set of topics."""
    names = [t.name for t in space.topics]
    floor = space.floor
    if not _feasible(space, (), floor):
        short = tuple(
            party for p, party in enumerate(space.parties) if sum(space.best_relaxed[p]) < floor[p]
        )
        return Conflict(
            topics=(),
            parties=short,
            smallest=True,
            summary=" ".join(
                f"{person(party)}'s walk-away point "
                f"({_fmt(space.reservation[space.parties.index(party)])}) "
                "is above what any package could give them."
                for party in short
            ),
        )
    for i, allowed in enumerate(space.allowed):
        if not allowed:
            return Conflict(
                topics=(names[i],),
                parties=space.parties,
                smallest=True,
                summary=f"Every option of {pretty(names[i])} is forbidden by someone, so no "
                "package can honour everyone's foundation there.",
            )
    checks = 0
    for size in range(1, len(names) + 1):
        for subset in combinations(range(len(names)), size):
            checks += 1
            if checks > max_checks:
                return _describe(space, _deletion_filter(space), smallest=False)
            if not _feasible(space, subset, floor):
                return _describe(space, subset, smallest=True)
    return _describe(space, tuple(range(len(names))), smallest=True)


def _deletion_filter(space: OutcomeSpace) -> tuple[int, ...]:
    kept = list(range(len(space.topics)))
    for t in range(len(space.topics)):
        trial = [x for x in kept if x != t]
        if not _feasible(space, trial, space.floor):
            kept = trial
    return tuple(kept)


def _feasible(space: OutcomeSpace, subset: Sequence[int], floor: Sequence[int]) -> bool:
    """Can every party reach its floor on ``subset`` with all other topics relaxed?"""
    k = space.k
    offset = [
        sum(space.best_relaxed[p][t] for t in range(len(space.topics)) if t not in subset)
        for p in range(k)
    ]
    points: IntArray = np.array([offset], dtype=object)
    for t in subset:
        table = space.tables[t].astype(object)
        f, m = points.shape[0], table.shape[0]
        candidates = (points[:, None, :] + table[None, :, :]).reshape(f * m, k)
        rows, group = nondominated(candidates)
        _, first = np.unique(group, return_index=True)
        points = candidates[rows[first]]
    return any(all(int(x) >= f for x, f in zip(row, floor, strict=True)) for row in points)


def _describe(space: OutcomeSpace, subset: Sequence[int], *, smallest: bool) -> Conflict:
    names = tuple(space.topics[t].name for t in subset)
    involved = []
    for p, party in enumerate(space.parties):
        relaxed = [0 if q == p else f for q, f in enumerate(space.floor)]
        if _feasible(space, subset, relaxed):
            involved.append(party)
    walkaways = ", ".join(
        f"{person(party)} {_fmt(space.reservation[space.parties.index(party)])}"
        for party in involved
    )
    topics = " and ".join(pretty(n) for n in names)
    summary = (
        f"On {topics}, no package meets everyone's walk-away point ({walkaways}) while "
        "honouring what each party forbids. An agreement needs a lower walk-away point or a "
        f"new option on {topics}."
    )
    return Conflict(names, tuple(involved), smallest, summary)


def _fmt(value: Fraction) -> str:
    return f"{float(value):.4g}"
