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
from accord.solver.listing import FrontierListing, point_solution, solution_of
from accord.solver.result import Recommendation, Solution, SolveResult
from accord.solver.rules import (
    RULES,
    Candidates,
    all_points,
    choose,
    dominating,
    feasible,
    ideal_point,
)
from accord.solver.space import build_space

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
    points = all_points(frontier)
    candidates = feasible(points)
    compromise = compromise_package(scenario, space)
    solutions: dict[str, Solution | None] = {
        "compromise": solution_of(space, compromise) if compromise is not None else None
    }
    notes: list[str] = []
    if not frontier.exact:
        notes.append(_approximation_note(frontier.epsilon))

    if len(candidates) == 0:
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
    ideal = ideal_point(candidates)
    for rule in RULES:
        chosen = choose(candidates, rule, ideal)
        solutions[rule] = point_solution(frontier, chosen, counts) if chosen is not None else None
    recommended = _recommend(scenario, frontier, points, candidates, compromise, counts)
    listing = FrontierListing(frontier, candidates, counts, list_limit)
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
        frontier=listing,
        frontier_points=len(candidates),
        frontier_truncated=listing.truncated,
        solutions=solutions,
        recommended=recommended,
        conflict=None,
        questions=calibrated_questions(scenario, recommended.solution.package),
        exact=frontier.exact,
        epsilon=frontier.epsilon,
        nash_upper_bound=None if frontier.exact else _nash_upper_bound(points),
        notes=tuple(notes),
        engine=frontier,
    )


def _approximation_note(epsilon: Fraction) -> str:
    if epsilon < 100:
        return (
            f"Approximate: every feasible package is within {float(epsilon):.3g} points, for "
            "every party at once, of a package on this frontier."
        )
    return (
        "Very rough approximation: this problem is too large for a useful guarantee (the bound "
        f"is {float(epsilon):.3g} points on a 0-100 scale). Fewer topics or options will help."
    )


def _recommend(
    scenario: Scenario,
    frontier: Frontier,
    points: Candidates,
    candidates: Candidates,
    compromise: tuple[int, ...] | None,
    counts: list[int],
) -> Recommendation:
    space = frontier.space
    if compromise is None:  # pragma: no cover - an empty topic leaves no candidates
        raise SolverError("no compromise exists although feasible packages do.")
    base = space.totals(compromise)
    better = dominating(candidates, base)
    chosen = choose(better if len(better) else candidates, "nash")
    assert chosen is not None
    solution = point_solution(frontier, chosen, counts)
    base_utility = {
        p: space.utility(i, t) for i, (p, t) in enumerate(zip(space.parties, base, strict=True))
    }
    gain = {p: solution.utility[p] - base_utility[p] for p in space.parties}
    improves = len(better) > 0
    return Recommendation(
        solution=solution,
        rule="nash_over_compromise" if improves else "nash",
        gain=gain,
        improves_on_compromise=improves,
        compromise_efficient=len(dominating(points, base)) == 0,
        explanation=explain_recommendation(
            scenario, solution.package, space.package_names(compromise), improves=improves
        ),
    )


def _nash_upper_bound(points: Candidates) -> Fraction:
    """For an epsilon-frontier: no feasible package has a larger Nash product than this.

    Every feasible package x is within epsilon of some returned point y for every party, so
    prod(u(x) - d) <= prod(u(y) + epsilon - d) <= the maximum of the latter over all points.
    """
    eps = points.frontier.epsilon
    reservation = points.frontier.space.reservation
    bound = Fraction(0)
    for row in range(len(points)):
        factors = [u - d + eps for u, d in zip(points.utility(row), reservation, strict=True)]
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
    better = dominating(feasible(all_points(frontier)), base)
    reservation = space.reservation
    order = sorted(
        range(len(better)),
        key=lambda r: (
            -reduce(mul, (u - d for u, d in zip(better.utility(r), reservation, strict=True))),
            -sum(better.utility(r), Fraction(0)),
            int(better.index[r]),
        ),
    )
    return [point_solution(frontier, int(better.index[r]), counts) for r in order]
