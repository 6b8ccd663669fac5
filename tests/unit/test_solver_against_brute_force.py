"""The solver agrees with literal enumeration on every small scenario hypothesis can find."""

from __future__ import annotations

from fractions import Fraction
from itertools import combinations, product

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from accord.domain.scenario import Scenario
from accord.solver.result import SolveResult
from accord.solver.solve import improvements, solve
from tests import brute
from tests.unit.strategies import scenarios

SETTINGS = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def as_key(package: dict[str, str]) -> tuple[tuple[str, str], ...]:
    return tuple(package.items())


def utilities_of(scenario: Scenario, package: dict[str, str]) -> tuple[Fraction, ...]:
    return tuple(scenario.utility(p, package) for p in scenario.parties)


def option_order(scenario: Scenario, package: dict[str, str]) -> tuple[int, ...]:
    return tuple(t.option_index(package[t.name]) for t in scenario.negotiable)


@SETTINGS
@given(scenarios())
def test_frontier_is_exactly_the_pareto_optimal_feasible_packages(scenario: Scenario) -> None:
    result = solve(scenario)
    expected = brute.frontier(scenario)
    got = {
        as_key(s.package): tuple(s.utility[p] for p in scenario.parties) for s in result.frontier
    }
    assert got == expected
    assert result.frontier_points == len(set(expected.values()))


@SETTINGS
@given(scenarios(parties=(3, 3), topics=(1, 3), options=(1, 3)))
def test_three_party_frontier_is_exact_on_small_scenarios(scenario: Scenario) -> None:
    result = solve(scenario)
    assert result.exact
    got = {as_key(s.package) for s in result.frontier}
    assert got == set(brute.frontier(scenario))


@SETTINGS
@given(scenarios(parties=(2, 3)))
def test_every_fair_rule_picks_an_optimal_feasible_package(scenario: Scenario) -> None:
    result = solve(scenario)
    feas = brute.feasible_packages(scenario)
    for rule, score in brute.rule_scores(scenario).items():
        solution = result.solutions.get(rule)
        if not feas:
            assert solution is None
            continue
        assert solution is not None
        key = as_key(dict(solution.package))
        assert key in feas, f"{rule} chose an infeasible package"
        best = max(score(u) for u in feas.values())
        assert score(feas[key]) == best
        # Ties: larger sum of utilities, then the package listed first in file order.
        tied = [p for p, u in feas.items() if score(u) == best]
        top_sum = max(sum(feas[p]) for p in tied)
        first = min(
            (p for p in tied if sum(feas[p]) == top_sum),
            key=lambda p: option_order(scenario, dict(p)),
        )
        assert key == first, f"{rule} broke a tie differently"


def brute_compromise(scenario: Scenario) -> dict[str, str] | None:
    chosen = {}
    received = dict.fromkeys(scenario.parties, Fraction(0))
    for topic in scenario.negotiable:
        allowed = [
            o
            for o in topic.options
            if not any(p.forbids(topic.name, o) for p in scenario.preferences)
        ]
        if not allowed:
            return None
        scaled: dict[str, dict[str, Fraction]] = {}
        for o in allowed:
            scaled[o] = {}
            for party in scenario.parties:
                vals = [scenario.value(party, topic.name, a) for a in allowed]
                lo, hi = min(vals), max(vals)  # type: ignore[type-var]
                v = scenario.value(party, topic.name, o)
                scaled[o][party] = (v - lo) / (hi - lo) if hi > lo else Fraction(1)  # type: ignore[operator]

        def key(
            o: str,
            scaled: dict[str, dict[str, Fraction]] = scaled,
            allowed: list[str] = allowed,
        ) -> tuple[Fraction, Fraction, Fraction, int]:
            row = scaled[o]
            return (
                min(row.values()),
                sum(row.values(), Fraction(0)),
                min(received[p] + row[p] for p in scenario.parties),
                -allowed.index(o),
            )

        best = max(allowed, key=key)
        for p in scenario.parties:
            received[p] += scaled[best][p]
        chosen[topic.name] = best
    return chosen


def test_an_indivisible_split_alternates_who_the_middle_leans_towards() -> None:
    from accord import load_scenario_text

    topics = "".join(f"  - {{name: t{i}, options: ['1', '2']}}\n" for i in range(3))
    a = "".join(f"      t{i}: {{'1': 33, '2': 67}}\n" for i in range(3))
    b = "".join(f"      t{i}: {{'1': 67, '2': 33}}\n" for i in range(3))
    scenario = load_scenario_text(
        f"parties: [a, b]\ntopics:\n{topics}preferences:\n"
        f"  a:\n    values:\n{a}  b:\n    values:\n{b}"
    )
    compromise = solve(scenario).solutions["compromise"]
    assert compromise is not None
    assert list(compromise.package.values()) == ["1", "2", "1"]


@SETTINGS
@given(scenarios(parties=(2, 3)))
def test_compromise_meets_in_the_middle_topic_by_topic(scenario: Scenario) -> None:
    result = solve(scenario)
    expected = brute_compromise(scenario)
    got = result.solutions.get("compromise")
    if expected is None:
        assert got is None
    else:
        assert got is not None and dict(got.package) == expected


@SETTINGS
@given(scenarios(parties=(2, 3)))
def test_recommendation_dominates_the_compromise_whenever_any_package_does(
    scenario: Scenario,
) -> None:
    result = solve(scenario)
    feas = brute.feasible_packages(scenario)
    if not feas:
        assert result.status == "incompatible"
        assert result.recommended is None
        return
    rec = result.recommended
    assert rec is not None
    compromise = brute_compromise(scenario)
    assert compromise is not None
    base = utilities_of(scenario, compromise)
    better = {p: u for p, u in feas.items() if brute.dominates(u, base)}
    chosen = utilities_of(scenario, dict(rec.solution.package))
    assert as_key(dict(rec.solution.package)) in brute.frontier(scenario)
    nash = brute.rule_scores(scenario)["nash"]
    if better:
        assert rec.rule == "nash_over_compromise" and rec.improves_on_compromise
        assert brute.dominates(chosen, base)
        assert nash(chosen) == max(nash(u) for u in better.values())
        assert all(g >= 0 for g in rec.gain.values()) and any(g > 0 for g in rec.gain.values())
    else:
        assert rec.rule == "nash" and not rec.improves_on_compromise
        assert nash(chosen) == max(nash(u) for u in feas.values())
    for party, u in zip(scenario.parties, chosen, strict=True):
        assert rec.gain[party] == u - base[scenario.parties.index(party)]


@SETTINGS
@given(scenarios(parties=(2, 3)))
def test_no_solution_crosses_a_foundation_or_falls_below_a_walk_away_point(
    scenario: Scenario,
) -> None:
    result = solve(scenario)
    chosen = [
        s
        for s in result.solutions.values()
        if s is not None and s is not result.solutions.get("compromise")
    ]
    chosen += list(result.frontier)
    if result.recommended:
        chosen.append(result.recommended.solution)
    for solution in chosen:
        for topic, option in solution.package.items():
            assert not any(p.forbids(topic, option) for p in scenario.preferences)
        for prefs in scenario.preferences:
            assert solution.utility[prefs.party] >= prefs.reservation


def relaxed_feasible(scenario: Scenario, subset: tuple[str, ...]) -> bool:
    """Brute force of the conflict definition: other topics give each party its best value."""
    topics = [t for t in scenario.negotiable if t.name in subset]
    choices = [
        [o for o in t.options if not any(p.forbids(t.name, o) for p in scenario.preferences)]
        for t in topics
    ]
    for combo in product(*choices):
        ok = True
        for party in scenario.parties:
            prefs = scenario.prefs(party)
            weights = scenario.normalised_weights(party)
            total = Fraction(0)
            for t in scenario.negotiable:
                if t.name in subset:
                    option = combo[[x.name for x in topics].index(t.name)]
                    total += weights[t.name] * scenario.value(party, t.name, option)  # type: ignore[operator]
                else:
                    known = [v for v in prefs.values[scenario.topic_index(t.name)] if v is not None]
                    total += weights[t.name] * max(known)
            if total < prefs.reservation:
                ok = False
                break
        if ok:
            return True
    return False


@SETTINGS
@given(scenarios(parties=(2, 3), topics=(1, 4)))
def test_conflict_names_a_smallest_set_of_topics_that_cannot_all_be_met(scenario: Scenario) -> None:
    result = solve(scenario)
    if result.status != "incompatible":
        assert result.conflict is None
        return
    conflict = result.conflict
    assert conflict is not None and conflict.smallest
    names = [t.name for t in scenario.negotiable]
    assert not relaxed_feasible(scenario, conflict.topics)
    for size in range(len(conflict.topics)):
        for subset in combinations(names, size):
            assert relaxed_feasible(scenario, subset), f"{subset} is a smaller conflict"


@SETTINGS
@given(scenarios(parties=(2, 3)), st.data())
def test_post_settlement_check_finds_every_better_package(
    scenario: Scenario, data: st.DataObject
) -> None:
    feas = brute.feasible_packages(scenario)
    if not feas:
        return
    agreed = data.draw(st.sampled_from(sorted(feas)))
    found = improvements(scenario, dict(agreed))
    front = brute.frontier(scenario)
    expected = {p for p, u in front.items() if brute.dominates(u, feas[agreed])}
    # One package per utility point is listed; every expected point must be covered.
    got_points = {tuple(s.utility[p] for p in scenario.parties) for s in found}
    assert got_points == {front[p] for p in expected}
    assert all(as_key(dict(s.package)) in expected for s in found)


def test_result_json_has_the_documented_shape() -> None:
    from accord import load_scenario_text

    result: SolveResult = solve(
        load_scenario_text(
            "parties: [a, b]\n"
            "topics: [{name: t, options: [x, m, y]}, {name: u, options: [x, m, y]}]\n"
            "preferences:\n"
            "  a: {weights: {t: 3, u: 1},\n"
            "      values: {t: {x: 100, m: 50, y: 0}, u: {x: 100, m: 50, y: 0}}}\n"
            "  b: {weights: {t: 1, u: 3},\n"
            "      values: {t: {x: 0, m: 50, y: 100}, u: {x: 0, m: 50, y: 100}}}\n"
        )
    )
    data = result.to_dict()
    for key in (
        "status",
        "parties",
        "frontier",
        "nash",
        "kalai_smorodinsky",
        "egalitarian",
        "utilitarian",
        "compromise",
        "recommended",
    ):
        assert key in data
    assert data["recommended"]["package"] == {"t": "x", "u": "y"}
    assert data["recommended"]["utility"] == {"a": 75, "b": 75}
    assert data["recommended"]["rule"] == "nash_over_compromise"
    assert data["recommended"]["gain"] == {"a": 25, "b": 25}
    assert data["compromise"]["package"] == {"t": "m", "u": "m"}
    assert data["compromise"]["utility"] == {"a": 50, "b": 50}
