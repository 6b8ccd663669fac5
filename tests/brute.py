"""A deliberately naive reference: enumerate every package and apply the definitions literally.

Shares no code with the solver beyond Scenario.utility, so agreement between the two is
evidence, not tautology.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from fractions import Fraction
from functools import reduce
from itertools import product
from operator import mul

from accord.domain.scenario import Scenario

Package = tuple[tuple[str, str], ...]


def packages(scenario: Scenario) -> Iterator[Package]:
    topics = scenario.negotiable
    for choice in product(*(t.options for t in topics)):
        yield tuple((t.name, o) for t, o in zip(topics, choice, strict=True))


def utilities(scenario: Scenario, package: Package) -> tuple[Fraction, ...]:
    named = dict(package)
    return tuple(scenario.utility(p, named) for p in scenario.parties)


def allowed(scenario: Scenario, package: Package) -> bool:
    return not any(prefs.forbids(t, o) for prefs in scenario.preferences for t, o in package)


def feasible_packages(scenario: Scenario) -> dict[Package, tuple[Fraction, ...]]:
    out = {}
    for package in packages(scenario):
        if not allowed(scenario, package):
            continue
        u = utilities(scenario, package)
        if all(x >= p.reservation for x, p in zip(u, scenario.preferences, strict=True)):
            out[package] = u
    return out


def dominates(a: tuple[Fraction, ...], b: tuple[Fraction, ...]) -> bool:
    return all(x >= y for x, y in zip(a, b, strict=True)) and a != b


def frontier(scenario: Scenario) -> dict[Package, tuple[Fraction, ...]]:
    feas = feasible_packages(scenario)
    return {pkg: u for pkg, u in feas.items() if not any(dominates(v, u) for v in feas.values())}


def rule_scores(scenario: Scenario) -> dict[str, Callable[[tuple[Fraction, ...]], Fraction]]:
    d = [p.reservation for p in scenario.preferences]
    feas = feasible_packages(scenario)
    ideal = [max(u[i] for u in feas.values()) for i in range(len(d))] if feas else d

    def ks(u: tuple[Fraction, ...]) -> Fraction:
        return min(
            (x - di) / (ii - di) if ii > di else Fraction(1)
            for x, di, ii in zip(u, d, ideal, strict=True)
        )

    return {
        "nash": lambda u: reduce(mul, (x - di for x, di in zip(u, d, strict=True)), Fraction(1)),
        "kalai_smorodinsky": ks,
        "egalitarian": lambda u: min(x - di for x, di in zip(u, d, strict=True)),
        "utilitarian": lambda u: sum(u, Fraction(0)),
    }


def best_value(scenario: Scenario, rule: str) -> Fraction | None:
    feas = feasible_packages(scenario)
    if not feas:
        return None
    score = rule_scores(scenario)[rule]
    return max(score(u) for u in feas.values())


def compromise_utilities(scenario: Scenario, package: dict[str, str]) -> tuple[Fraction, ...]:
    return tuple(scenario.utility(p, package) for p in scenario.parties)
