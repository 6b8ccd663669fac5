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

Ties: larger sum of utilities, then the package that comes first in file order. All arithmetic
is exact (integers and fractions).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from fractions import Fraction
from functools import reduce
from operator import mul

from accord.solver.frontier import Frontier

RULES = ("nash", "kalai_smorodinsky", "egalitarian", "utilitarian")


@dataclass(frozen=True, slots=True)
class Point:
    """One frontier point with exact utilities, and its index in the frontier."""

    index: int
    totals: tuple[int, ...]
    utility: tuple[Fraction, ...]

    @property
    def total_utility(self) -> Fraction:
        return sum(self.utility, Fraction(0))


def frontier_points(frontier: Frontier) -> list[Point]:
    space = frontier.space
    out = []
    for i, row in enumerate(frontier.points):
        totals = tuple(int(x) for x in row)
        out.append(Point(i, totals, tuple(space.utility(p, t) for p, t in enumerate(totals))))
    return out


def feasible(frontier: Frontier, points: Sequence[Point]) -> list[Point]:
    """Points that give every party at least its reservation."""
    floor = frontier.space.floor
    return [pt for pt in points if all(t >= f for t, f in zip(pt.totals, floor, strict=True))]


def gains(frontier: Frontier, pt: Point) -> tuple[Fraction, ...]:
    """u_p - d_p for every party."""
    return tuple(u - d for u, d in zip(pt.utility, frontier.space.reservation, strict=True))


def nash_score(frontier: Frontier, pt: Point) -> Fraction:
    return reduce(mul, gains(frontier, pt), Fraction(1))


def egalitarian_score(frontier: Frontier, pt: Point) -> Fraction:
    return min(gains(frontier, pt))


def utilitarian_score(frontier: Frontier, pt: Point) -> Fraction:
    return pt.total_utility


def ks_scorer(frontier: Frontier, candidates: Sequence[Point]) -> Callable[[Point], Fraction]:
    reservation = frontier.space.reservation
    ideal = [max(pt.utility[p] for pt in candidates) for p in range(frontier.space.k)]

    def score(pt: Point) -> Fraction:
        ratios = []
        for p, (u, d) in enumerate(zip(pt.utility, reservation, strict=True)):
            span = ideal[p] - d
            ratios.append((u - d) / span if span > 0 else Fraction(1))
        return min(ratios)

    return score


def best(
    frontier: Frontier, candidates: Sequence[Point], score: Callable[[Point], Fraction]
) -> Point | None:
    """The candidate with the highest score; ties by larger sum, then first in file order."""
    if not candidates:
        return None
    scored = [(score(pt), pt.total_utility, pt) for pt in candidates]
    top = max(s for s, _, _ in scored)
    tied = [(total, pt) for s, total, pt in scored if s == top]
    top_total = max(total for total, _ in tied)
    finalists = [pt for total, pt in tied if total == top_total]
    return min(finalists, key=lambda pt: frontier.first_package(pt.index))


def choose(frontier: Frontier, candidates: Sequence[Point], rule: str) -> Point | None:
    """Apply one of ``RULES`` to ``candidates`` (feasible frontier points)."""
    scorers: dict[str, Callable[[Point], Fraction]] = {
        "nash": lambda pt: nash_score(frontier, pt),
        "egalitarian": lambda pt: egalitarian_score(frontier, pt),
        "utilitarian": lambda pt: utilitarian_score(frontier, pt),
    }
    if rule == "kalai_smorodinsky":
        if not candidates:
            return None
        return best(frontier, candidates, ks_scorer(frontier, candidates))
    return best(frontier, candidates, scorers[rule])


def dominates(a: Sequence[int], b: Sequence[int]) -> bool:
    """a >= b everywhere and a != b (on integer totals of the same space)."""
    return all(x >= y for x, y in zip(a, b, strict=True)) and tuple(a) != tuple(b)
