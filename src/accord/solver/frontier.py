"""The Pareto frontier of the negotiable topics, by dynamic programming over topics.

Why this is exact: utilities are additive over topics, so if a partial package on some topics
is dominated by another partial package on the same topics, swapping it in dominates every
completion. Hence every Pareto-optimal package is built from Pareto-optimal partial packages,
and it is enough to carry, topic by topic, the non-dominated utility vectors of the topics seen
so far (keeping every tie). For two parties each step is a merge of sorted lists followed by a
running-maximum scan, so the work grows with the frontier's size, never with the number of
packages (5^100 for 100 topics of 5 options). docs/solver.md has the full argument.

Back-pointers remember, for each frontier point, every (previous point, option) pair that
reaches it, so every package behind a point can be listed, and the first one in file order is
found greedily. Topics are processed last to first so that greedy choice from the final point
walks the topics in file order.

For three or more parties the frontier can grow quickly; past a budget of candidate vectors the
solver switches to an epsilon-frontier (utilities rounded to a grid of cells, one survivor per
cell) and reports the proven bound: every feasible package is within ``epsilon`` points, for
every party at once, of a package on the returned frontier.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from fractions import Fraction

import numpy as np

from accord.errors import SolverError
from accord.solver.pareto import IndexArray, nondominated
from accord.solver.space import IntArray, OutcomeSpace

# Largest number of candidate vectors one exact step may examine for three or more parties.
DEFAULT_BUDGET = 400_000


@dataclass(frozen=True, slots=True)
class Stage:
    """Back-pointers for one topic: point g of this stage is reached from ``prev`` via ``option``
    for the entries ``start[g]:start[g + 1]``, sorted by option."""

    prev: IndexArray
    option: IndexArray
    start: IndexArray


@dataclass(frozen=True, slots=True)
class Frontier:
    """Non-dominated integer utility vectors of all allowed packages, and how to reach them.

    ``points[i]`` are the integer utilities (see OutcomeSpace); ``exact`` says whether this is
    the true frontier, and ``epsilon`` (utility points) bounds the distance otherwise.
    """

    space: OutcomeSpace
    points: IntArray
    stages: tuple[Stage, ...]  # stages[s] handles topic n-1-s
    exact: bool
    epsilon: Fraction

    def __len__(self) -> int:
        return int(self.points.shape[0])

    def first_package(self, i: int) -> tuple[int, ...]:
        """The package behind point i that comes first in file order (allowed-option indices)."""
        choice: list[int] = []
        node = i
        for stage in reversed(self.stages):
            at = int(stage.start[node])
            choice.append(int(stage.option[at]))
            node = int(stage.prev[at])
        return tuple(choice)

    def first_packages(self, indices: IndexArray) -> IndexArray:
        """``first_package`` for many points at once: one row of option indices per point."""
        out = np.empty((len(indices), len(self.stages)), dtype=np.intp)
        node = np.asarray(indices, dtype=np.intp)
        for depth, stage in enumerate(reversed(self.stages)):
            at = stage.start[node]
            out[:, depth] = stage.option[at]
            node = stage.prev[at]
        return out

    def packages(self, i: int) -> Iterator[tuple[int, ...]]:
        """Every package behind point i, in file order."""

        def walk(depth: int, node: int) -> Iterator[tuple[int, ...]]:
            if depth < 0:
                yield ()
                return
            stage = self.stages[depth]
            for at in range(int(stage.start[node]), int(stage.start[node + 1])):
                for rest in walk(depth - 1, int(stage.prev[at])):
                    yield (int(stage.option[at]), *rest)

        yield from walk(len(self.stages) - 1, i)

    def counts(self) -> list[int]:
        """How many packages reach each point (astronomically many when options tie, hence
        Python integers)."""
        counts = np.ones(1, dtype=object)
        for stage in self.stages:
            counts = np.add.reduceat(counts[stage.prev], stage.start[:-1])
        return [int(c) for c in counts]


def pareto_frontier(space: OutcomeSpace, *, budget: int = DEFAULT_BUDGET) -> Frontier:
    """The exact frontier; for three or more parties, an epsilon-frontier past ``budget``."""
    if any(len(a) == 0 for a in space.allowed):
        empty = np.empty((0, space.k), dtype=np.int64)
        return Frontier(space, empty, (), exact=True, epsilon=Fraction(0))
    if space.k == 2:
        frontier = _dp(space, cell=None, budget=None)
        assert frontier is not None
        return frontier
    # A budget below the widest topic could never finish a single step.
    budget = max(budget, *(len(a) for a in space.allowed))
    exact = _dp(space, cell=None, budget=budget)
    if exact is not None:
        return exact
    # Partial utilities never exceed 100, so once a cell is 100 wide every step keeps one
    # point and the loop ends.
    epsilon = Fraction(1, 2)
    while epsilon < 200 * len(space.tables):
        approx = _dp(space, cell=epsilon, budget=budget)
        if approx is not None:
            return approx
        epsilon *= 2
    raise SolverError("the frontier is too large to compute even approximately.")


def _dp(space: OutcomeSpace, *, cell: Fraction | None, budget: int | None) -> Frontier | None:
    n = len(space.tables)
    dtype = space.tables[0].dtype if n else np.dtype(np.int64)
    points: IntArray = np.zeros((1, space.k), dtype=dtype)
    stages: list[Stage] = []
    widths: list[int] = []
    if cell is not None:
        # Per-stage cell width in each party's integer units: epsilon spread over the topics.
        widths = [max(1, int((cell / n) / s)) if s else 1 for s in space.scale]
    for table in reversed(space.tables):
        f, m = points.shape[0], table.shape[0]
        if budget is not None and f * m > budget:
            return None
        # Option-major order: each option's shifted frontier is one sorted run, which the
        # two-party filter's stable sort merges in near-linear time.
        candidates = (table[:, None, :] + points[None, :, :]).reshape(m * f, space.k)
        if cell is not None:
            candidates, prev_of, option_of = _one_per_cell(candidates, widths, f)
        else:
            prev_of = np.tile(np.arange(f, dtype=np.intp), m)
            option_of = np.repeat(np.arange(m, dtype=np.intp), f)
        rows, group = nondominated(candidates)
        groups = int(group.max()) + 1 if len(group) else 0
        # Within each point, order entries by option (file order), then previous point.
        order = np.lexsort((prev_of[rows], option_of[rows], group))
        rows, group = rows[order], group[order]
        start = np.searchsorted(group, np.arange(groups + 1)).astype(np.intp)
        stages.append(Stage(prev=prev_of[rows], option=option_of[rows], start=start))
        points = candidates[rows[start[:-1]]]
    epsilon = Fraction(0)
    if cell is not None:
        epsilon = max(n * w * s for w, s in zip(widths, space.scale, strict=True))
    return Frontier(space, points, tuple(stages), exact=cell is None, epsilon=epsilon)


def _one_per_cell(
    candidates: IntArray, widths: list[int], f: int
) -> tuple[IntArray, IndexArray, IndexArray]:
    """Keep one candidate per grid cell: the one with the largest sum (first on ties)."""
    cells = np.stack([candidates[:, p] // w for p, w in enumerate(widths)], axis=1).astype(np.int64)
    sums = candidates.sum(axis=1).astype(np.float64)
    order = np.lexsort((np.arange(len(sums)), -sums))
    _, first = np.unique(cells[order], axis=0, return_index=True)
    keep = np.sort(order[first])
    prev_of = (keep % f).astype(np.intp)
    option_of = (keep // f).astype(np.intp)
    return candidates[keep], prev_of, option_of
