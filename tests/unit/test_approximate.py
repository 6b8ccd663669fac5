"""Past its budget the solver answers approximately, says so, and its bound holds."""

from __future__ import annotations

from fractions import Fraction

from hypothesis import HealthCheck, given, settings

from accord.domain.scenario import Scenario
from accord.solver.solve import solve
from tests import brute
from tests.unit.strategies import scenarios


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(scenarios(parties=(3, 4), topics=(2, 4), options=(2, 4), forbid=False, reserve=False))
def test_every_package_is_within_epsilon_of_the_approximate_frontier(scenario: Scenario) -> None:
    result = solve(scenario, budget=4)
    truth = brute.frontier(scenario)
    if result.exact:
        assert {tuple(s.package.items()) for s in result.frontier} == set(truth)
        return
    assert result.epsilon > 0
    assert any("pproximat" in n for n in result.notes)
    listed = [tuple(s.utility[p] for p in scenario.parties) for s in result.frontier]
    for utility in truth.values():
        assert any(
            all(v >= u - result.epsilon for u, v in zip(utility, near, strict=True))
            for near in listed
        )
    nash = brute.rule_scores(scenario)["nash"]
    best = max(nash(u) for u in brute.feasible_packages(scenario).values())
    chosen = result.solutions["nash"]
    assert chosen is not None
    got = nash(tuple(chosen.utility[p] for p in scenario.parties))
    assert result.nash_upper_bound is not None
    assert got <= best <= result.nash_upper_bound


def test_two_parties_are_always_exact() -> None:
    from accord import load_scenario_text

    text = (
        "parties: [a, b]\ntopics:\n"
        + "".join(f"  - {{name: t{i}, options: [x, y, z]}}\n" for i in range(8))
        + "preferences:\n"
        + "".join(
            f"  {p}:\n    values:\n"
            + "".join(
                f"      t{i}: {{x: {(i * 37 + s) % 101}, y: {(i * 53 + s) % 101}, "
                f"z: {(i * 71 + s) % 101}}}\n"
                for i in range(8)
            )
            for p, s in (("a", 3), ("b", 50))
        )
    )
    result = solve(load_scenario_text(text), budget=1)
    assert result.exact and result.epsilon == Fraction(0)
