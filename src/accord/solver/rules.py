"""Fair choices on the frontier: Nash, Kalai-Smorodinsky, egalitarian, utilitarian.

Each rule is monotone in every party's utility, so, with ties broken by the larger sum of
utilities, its choice is always a Pareto-optimal package; choosing among frontier points is
therefore the same as choosing among all feasible packages. With d_p the reservation of p:

- Nash:               maximise  prod_p (u_p - d_p)
- Kalai-Smorodinsky:  maximise  min_p (u_p - d_p) / (ideal_p - d_p), ideal_p = max feasible u_p
                      (a party with ideal_p = d_p gets the same in every feasible package; its
                      ratio counts as 1)
- egalitarian:        maximise  min_p (u_p - d_p)
- utilitarian:        maximise  sum_p u_p

Ties: larger sum of utilities, then the package that comes first in file order.

Scores are first computed in floating point over all candidates at once; every candidate within
a relative 1e-9 of the best is then re-scored exactly with fractions, so the choice is exact
(floating-point error on these few operations is below 1e-13 relative) and fast.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from fractions import Fraction
from functools import reduce
from operator import mul

import numpy as np
import numpy.typing as npt

from accord.solver.frontier import Frontier
from accord.solver.pareto import IndexArray
from accord.solver.space import IntArray

RULES = ("nash", "kalai_smorodinsky", "egalitarian", "utilitarian")
FloatArray = npt.NDArray[np.float64]
_TOLERANCE = 1e-9


@dataclass(frozen=True, slots=True)
class Candidates:
    """A set of frontier points (by index), with their integer and float utilities."""

    frontier: Frontier
    index: IndexArray
    totals: IntArray
    approx: FloatArray

    def __len__(self) -> int:
        return len(self.index)

    def subset(self, mask: npt.NDArray[np.bool_]) -> Candidates:
        return Candidates(self.frontier, self.index[mask], self.totals[mask], self.approx[mask])

    def utility(self, row: int) -> tuple[Fraction, ...]:
        space = self.frontier.space
        return tuple(space.utility(p, int(t)) for p, t in enumerate(self.totals[row]))


def all_points(frontier: Frontier) -> Candidates:
    """Every point of the frontier, feasible or not."""
    scale = np.array([float(s) for s in frontier.space.scale])
    approx = frontier.points.astype(np.float64) * scale
    return Candidates(frontier, np.arange(len(frontier), dtype=np.intp), frontier.points, approx)


def feasible(points: Candidates) -> Candidates:
    """The points that give every party at least its reservation."""
    if len(points) == 0:
        return points
    floor = np.array(points.frontier.space.floor, dtype=object)
    return points.subset(np.all(points.totals >= floor, axis=1).astype(bool))


def dominating(points: Candidates, totals: Sequence[int]) -> Candidates:
    """The points at least as good as ``totals`` for every party and better for one."""
    if len(points) == 0:
        return points
    base = np.array(list(totals), dtype=object)
    ge = np.all(points.totals >= base, axis=1).astype(bool)
    gt = np.any(points.totals > base, axis=1).astype(bool)
    return points.subset(ge & gt)


def _reservation(points: Candidates) -> tuple[Fraction, ...]:
    return points.frontier.space.reservation


def _float_scores(points: Candidates, rule: str, ideal: tuple[Fraction, ...]) -> FloatArray:
    d = np.array([float(x) for x in _reservation(points)])
    gain = points.approx - d
    if rule == "nash":
        return np.asarray(np.prod(gain, axis=1))
    if rule == "egalitarian":
        return np.asarray(np.min(gain, axis=1))
    if rule == "utilitarian":
        return np.asarray(np.sum(points.approx, axis=1))
    span = np.array([float(i) for i in ideal]) - d
    safe = np.where(span > 0, span, 1.0)
    ratios = np.where(span > 0, gain / safe, 1.0)
    return np.asarray(np.min(ratios, axis=1))


def exact_score(
    rule: str,
    utility: tuple[Fraction, ...],
    reservation: tuple[Fraction, ...],
    ideal: tuple[Fraction, ...],
) -> Fraction:
    """One rule's score for one utility vector, exactly."""
    gains = [u - d for u, d in zip(utility, reservation, strict=True)]
    if rule == "nash":
        return reduce(mul, gains, Fraction(1))
    if rule == "egalitarian":
        return min(gains)
    if rule == "utilitarian":
        return sum(utility, Fraction(0))
    return min(
        g / (i - d) if i > d else Fraction(1)
        for g, i, d in zip(gains, ideal, reservation, strict=True)
    )


def ideal_point(points: Candidates) -> tuple[Fraction, ...]:
    """Each party's best utility among the candidates."""
    space = points.frontier.space
    return tuple(space.utility(p, max(int(t) for t in points.totals[:, p])) for p in range(space.k))


def choose(points: Candidates, rule: str, ideal: tuple[Fraction, ...] | None = None) -> int | None:
    """The frontier index of the candidate that ``rule`` picks, or None if there is none.

    ``ideal`` (for Kalai-Smorodinsky) defaults to the best utilities among ``points``; pass the
    ideal of all feasible packages when ``points`` is a subset.
    """
    if len(points) == 0:
        return None
    ideal = ideal if ideal is not None else ideal_point(points)
    scores = _float_scores(points, rule, ideal)
    top = float(scores.max())
    near = np.flatnonzero(scores >= top - _TOLERANCE * max(1.0, abs(top)))
    reservation = _reservation(points)
    return _best_exact(
        points, [int(r) for r in near], lambda u: exact_score(rule, u, reservation, ideal)
    )


def _best_exact(
    points: Candidates, rows: list[int], score: Callable[[tuple[Fraction, ...]], Fraction]
) -> int:
    utilities = {r: points.utility(r) for r in rows}
    scored = {r: score(u) for r, u in utilities.items()}
    top = max(scored.values())
    tied = [r for r in rows if scored[r] == top]
    sums = {r: sum(utilities[r], Fraction(0)) for r in tied}
    top_sum = max(sums.values())
    finalists = [int(points.index[r]) for r in tied if sums[r] == top_sum]
    return min(finalists, key=points.frontier.first_package)
