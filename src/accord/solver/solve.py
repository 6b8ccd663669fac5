"""Solve a scenario: triage, frontier, fair points, compromise, recommendation, explanation.

This is the one entry point of the engine; everything it returns is in SolveResult.
"""

from __future__ import annotations

from collections.abc import Mapping
from fractions import Fraction
from functools import reduce
from operator import mul

from accord.domain.scenario import Scenario
from accord.domain.triage import triage
from accord.errors import SolverError
from accord.explain.words import calibrated_questions, explain_recommendation
from accord.solver.compromise import compromise_package
from accord.solver.conflict import find_conflict
from accord.solver.frontier import DEFAULT_BUDGET, Frontier, pareto_frontier
from accord.solver.result import Recommendation, Solution, SolveResult
from accord.solver.rules import (
    RULES,
    Point,
    best,
    choose,
    dominates,
    feasible,
    frontier_points,
    nash_score,
)
from accord.solver.space import OutcomeSpace, build_space

# Packages listed in the result's frontier; points beyond it are counted, not listed.
FRONTIER_LIST_LIMIT = 5000


def solve(
    scenario: Scenario, *, budget: int = DEFAULT_BUDGET, list_limit: int = FRONTIER_LIST_LIMIT
) -> SolveResult:
    """Everything Accord can say about ``scenario``.

    ``budget`` bounds the exact search for three or more parties (see solver.frontier);
    ``list_limit`` bounds how many frontier packages are listed.
    """
    foundations, temperaments = triage(scenario)
    foundation_ok = all(f.compatible for f in foundations)
    space = build_space(scenario)
    names = tuple(t.name for t in space.topics)
    if not names:
        return SolveResult(
            status="ok" if foundation_ok else "foundation_incompatible",
            title=scenario.title,
            parties=scenario.parties,
            negotiable=(),
            foundations=foundations,
            temperaments=temperaments,
            frontier=(),
            frontier_points=0,
            frontier_truncated=False,
            solutions={},
            recommended=None,
            conflict=None,
            questions=(),
            exact=True,
            epsilon=Fraction(0),
            nash_upper_bound=None,
            notes=("There is no negotiable topic in this scenario.",),
        )

    frontier = pareto_frontier(space, budget=budget)
    points = frontier_points(frontier)
    candidates = feasible(frontier, points)
    compromise = compromise_package(scenario, space)
    solutions: dict[str, Solution | None] = {
        "compromise": _solution(space, compromise) if compromise is not None else None
    }
    notes: list[str] = []
    if not frontier.exact:
        notes.append(
            f"Approximate: every feasible package is within {float(frontier.epsilon):.3g} "
            "points, for every party at once, of a package on this frontier."
        )

    if not candidates:
        return SolveResult(
            status="incompatible",
            title=scenario.title,
            parties=scenario.parties,
            negotiable=names,
            foundations=foundations,
            temperaments=temperaments,
            frontier=(),
            frontier_points=0,
            frontier_truncated=False,
            solutions={**dict.fromkeys(RULES), **solutions},
            recommended=None,
            conflict=find_conflict(space),
            questions=(),
            exact=frontier.exact,
            epsilon=frontier.epsilon,
            nash_upper_bound=None,
            notes=tuple(notes),
        )

    counts = frontier.counts()
    for rule in RULES:
        chosen = choose(frontier, candidates, rule)
        solutions[rule] = _point_solution(frontier, chosen, counts) if chosen else None
    recommended = _recommend(scenario, frontier, candidates, points, compromise, counts)
    listed, truncated = _list_frontier(frontier, candidates, counts, list_limit)
    if compromise is not None and not all(
        t >= f for t, f in zip(space.totals(compromise), space.floor, strict=True)
    ):
        notes.append("Meeting in the middle falls below someone's walk-away point.")
    return SolveResult(
        status="ok" if foundation_ok else "foundation_incompatible",
        title=scenario.title,
        parties=scenario.parties,
        negotiable=names,
        foundations=foundations,
        temperaments=temperaments,
        frontier=listed,
        frontier_points=len(candidates),
        frontier_truncated=truncated,
        solutions=solutions,
        recommended=recommended,
        conflict=None,
        questions=calibrated_questions(scenario, recommended.solution.package),
        exact=frontier.exact,
        epsilon=frontier.epsilon,
        nash_upper_bound=None if frontier.exact else _nash_upper_bound(frontier, points),
        notes=tuple(notes),
        engine=frontier,
    )


def _recommend(
    scenario: Scenario,
    frontier: Frontier,
    candidates: list[Point],
    points: list[Point],
    compromise: tuple[int, ...] | None,
    counts: list[int],
) -> Recommendation:
    space = frontier.space
    nash = best(frontier, candidates, lambda pt: nash_score(frontier, pt))
    assert nash is not None
    if compromise is None:  # pragma: no cover - an empty topic leaves no candidates
        raise SolverError("no compromise exists although feasible packages do.")
    base = space.totals(compromise)
    better = [pt for pt in candidates if dominates(pt.totals, base)]
    chosen = best(frontier, better, lambda pt: nash_score(frontier, pt)) if better else nash
    assert chosen is not None
    solution = _point_solution(frontier, chosen, counts)
    base_utility = {
        p: space.utility(i, t) for i, (p, t) in enumerate(zip(space.parties, base, strict=True))
    }
    gain = {p: solution.utility[p] - base_utility[p] for p in space.parties}
    efficient = not any(dominates(pt.totals, base) for pt in points)
    return Recommendation(
        solution=solution,
        rule="nash_over_compromise" if better else "nash",
        gain=gain,
        improves_on_compromise=bool(better),
        compromise_efficient=efficient,
        explanation=explain_recommendation(
            scenario, solution.package, space.package_names(compromise), improves=bool(better)
        ),
    )


def _solution(space: OutcomeSpace, package: tuple[int, ...], ties: int = 1) -> Solution:
    totals = space.totals(package)
    return Solution(
        package=space.package_names(package),
        utility={
            p: space.utility(i, t)
            for i, (p, t) in enumerate(zip(space.parties, totals, strict=True))
        },
        ties=ties,
    )


def _point_solution(frontier: Frontier, pt: Point, counts: list[int]) -> Solution:
    return _solution(frontier.space, frontier.first_package(pt.index), counts[pt.index])


def _list_frontier(
    frontier: Frontier, candidates: list[Point], counts: list[int], limit: int
) -> tuple[tuple[Solution, ...], bool]:
    """Every feasible Pareto-optimal package (ties included), best for the first party first."""
    ordered = sorted(candidates, key=lambda pt: (tuple(-u for u in pt.utility), pt.index))
    listed: list[Solution] = []
    for pt in ordered:
        for package in frontier.packages(pt.index):
            if len(listed) >= limit:
                return tuple(listed), True
            listed.append(_solution(frontier.space, package, counts[pt.index]))
    return tuple(listed), False


def _nash_upper_bound(frontier: Frontier, points: list[Point]) -> Fraction:
    """For an epsilon-frontier: no feasible package has a larger Nash product than this."""
    eps = frontier.epsilon
    reservation = frontier.space.reservation
    bound = Fraction(0)
    for pt in points:
        factors = [u - d + eps for u, d in zip(pt.utility, reservation, strict=True)]
        if all(f >= 0 for f in factors):
            bound = max(bound, reduce(mul, factors, Fraction(1)))
    return bound


def improvements(scenario: Scenario, agreed: Mapping[str, str]) -> list[Solution]:
    """Post-settlement check: Pareto-optimal feasible packages at least as good as ``agreed`` for
    every party and better for one, best Nash product first. Empty when the agreement is
    already efficient. Any other improving package is dominated by (or equal to) one of these.
    """
    space = build_space(scenario)
    names = {t.name: t for t in space.topics}
    for topic, option in agreed.items():
        if topic not in names:
            known = ", ".join(names) or "none"
            raise SolverError(f"'{topic}' is not a negotiable topic here (known: {known}).")
        if option not in names[topic].options:
            known = ", ".join(names[topic].options)
            raise SolverError(f"'{option}' is not an option of '{topic}' (options: {known}).")
    missing = [t.name for t in space.topics if t.name not in agreed]
    if missing:
        raise SolverError(f"the agreed package has no option for {', '.join(missing)}.")
    package = space.package_from_names(dict(agreed))
    if package is None:
        raise SolverError("the agreed package contains an option someone forbids.")
    base = space.totals(package)
    frontier = pareto_frontier(space)
    counts = frontier.counts()
    better = [
        pt for pt in feasible(frontier, frontier_points(frontier)) if dominates(pt.totals, base)
    ]
    better.sort(key=lambda pt: (-nash_score(frontier, pt), -pt.total_utility, pt.index))
    return [_point_solution(frontier, pt, counts) for pt in better]
