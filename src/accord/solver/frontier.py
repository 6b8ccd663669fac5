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
        """Every package behind point i, in file order (depth-first over the back-pointers,
        with an explicit stack: hundreds of topics would be hundreds of nested generators)."""
        depth_total = len(self.stages)
        if depth_total == 0:
            yield ()
            return
        # stack entries: (depth into the walk, node, next entry to try at this node)
        choice: list[int] = []
        stack: list[tuple[int, int, int]] = [(0, i, -1)]
        while stack:
            depth, node, at = stack.pop()
            stage = self.stages[depth_total - 1 - depth]
            at = int(stage.start[node]) if at < 0 else at
            del choice[depth:]
            if at >= int(stage.start[node + 1]):
                continue
            stack.append((depth, node, at + 1))
            choice.append(int(stage.option[at]))
            if depth + 1 == depth_total:
                yield tuple(choice)
            else:
                stack.append((depth + 1, int(stage.prev[at]), -1))

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
    fast = _fits_one_key(space) if cell is None else 0
    for table in reversed(space.tables):
        f, m = points.shape[0], table.shape[0]
        if budget is not None and f * m > budget:
            return None
        if fast:
            points, stage = _step_2d(points, table, fast)
            stages.append(stage)
            continue
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


def _fits_one_key(space: OutcomeSpace) -> int:
    """For two parties with int64 totals: the multiplier that packs (a, b) into one sortable
    integer a * span + b, or 0 when that could overflow. Contributions are never negative
    (values and weights are not), so partial sums lie in [0, sum of maxima]."""
    if space.k != 2 or not space.exact_int64:
        return 0
    hi = [sum(int(t[:, p].max()) for t in space.tables) for p in range(2)]
    span = hi[1] + 1
    return span if (hi[0] + 1) * span < 2**62 else 0


def _step_2d(points: IntArray, table: IntArray, span: int) -> tuple[IntArray, Stage]:
    """One two-party step in a single sort and scan.

    Candidates are laid out option-major, so each option's shifted frontier is one sorted run
    and the stable sort merges them; equal vectors come out in (option, previous point)
    order, which is the order the back-pointers need.
    """
    f = points.shape[0]
    a = (table[:, 0:1] + points[None, :, 0]).ravel()
    b = (table[:, 1:2] + points[None, :, 1]).ravel()
    key = a * span + b
    order = np.argsort(-key, kind="stable")
    sorted_key, sorted_b = key[order], b[order]
    before = np.empty_like(sorted_b)
    before[0] = -1
    np.maximum.accumulate(sorted_b[:-1], out=before[1:])
    same = sorted_key[1:] == sorted_key[:-1]
    if not same.any():
        rows = order[sorted_b > before]
        start = np.arange(len(rows) + 1, dtype=np.intp)
    else:
        # Copies of one vector survive or fall together, decided at the first copy.
        first = np.ones(len(sorted_key), dtype=bool)
        first[1:] = ~same
        group = np.cumsum(first) - 1
        keep = (sorted_b > before)[first][group]
        rows = order[keep]
        kept = group[keep]
        boundary = np.ones(len(kept) + 1, dtype=bool)
        boundary[1:-1] = kept[1:] != kept[:-1]
        start = np.flatnonzero(boundary).astype(np.intp)
    heads = rows[start[:-1]]
    new_points = np.stack([a[heads], b[heads]], axis=1)
    stage = Stage(prev=(rows % f).astype(np.intp), option=(rows // f).astype(np.intp), start=start)
    return new_points, stage


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
