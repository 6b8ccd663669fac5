"""The interest form compiles to utilities that read as 'how well my needs are met', and the
non-negotiable layers are never traded."""

from __future__ import annotations

from fractions import Fraction

import pytest

from accord import ScenarioError, load_scenario_text, solve

NEEDS = """\
parties: [alex, sam]
topics:
  - name: evenings
    options: [tv_loud, tv_headphones, quiet_house]
  - name: dishes
    options: [alex, sam]
interests:
  alex:
    needs: {unwind: 3, rest: 1}
    ratings:
      evenings:
        tv_loud: {unwind: 4}
        tv_headphones: {unwind: 3}
        quiet_house: {unwind: 0}
      dishes:
        alex: {rest: 0, unwind: 0}
        sam: {rest: 4, unwind: 4}
  sam:
    needs: {quiet: 1}
    ratings:
      evenings:
        tv_loud: {quiet: 0}
        tv_headphones: {quiet: 3}
        quiet_house: {quiet: 4}
"""


def test_utility_is_the_weighted_mean_of_how_well_each_need_is_met() -> None:
    scenario = load_scenario_text(NEEDS)
    # unwind (weight 3) is rated on two topics: mean of 3/4 and 4/4; rest (weight 1): 4/4.
    expected = 100 * (3 * Fraction(7, 8) + 1 * Fraction(1)) / 4
    assert scenario.utility("alex", {"evenings": "tv_headphones", "dishes": "sam"}) == expected


def test_a_topic_none_of_my_needs_touch_does_not_matter_to_me() -> None:
    scenario = load_scenario_text(NEEDS)
    a = scenario.utility("sam", {"evenings": "quiet_house", "dishes": "alex"})
    b = scenario.utility("sam", {"evenings": "quiet_house", "dishes": "sam"})
    assert a == b == 100


def test_explanations_speak_in_needs() -> None:
    result = solve(load_scenario_text(NEEDS))
    assert result.recommended is not None
    text = " ".join(result.recommended.explanation)
    assert "a way to unwind" in text or "quiet" in text


def test_a_missing_rating_is_an_error_not_a_zero() -> None:
    text = NEEDS.replace("        tv_headphones: {unwind: 3}\n", "        tv_headphones: {}\n")
    with pytest.raises(ScenarioError, match="but not for the option 'tv_headphones'"):
        load_scenario_text(text)


def test_a_rating_outside_zero_to_four_is_refused() -> None:
    with pytest.raises(ScenarioError, match="out of range"):
        load_scenario_text(NEEDS.replace("tv_loud: {unwind: 4}", "tv_loud: {unwind: 5}"))


def test_an_unknown_need_in_ratings_is_named() -> None:
    with pytest.raises(ScenarioError, match="'unwnd' is not a known need"):
        load_scenario_text(NEEDS.replace("tv_loud: {unwind: 4}", "tv_loud: {unwnd: 4}"))


def test_unmet_needs_get_a_calibrated_question() -> None:
    result = solve(
        load_scenario_text(NEEDS.replace("needs: {quiet: 1}", "needs: {quiet: 1, order: 1}"))
    )
    # Sam's need for order is rated nowhere: nothing on the table meets it.
    assert any(
        "Sam's need for order" in q and q.startswith("What would need to be true")
        for q in result.questions
    )


FOUNDATION = """\
parties: [jo, ravi]
topics:
  - name: debts
    layer: foundation
    options: [secret_allowed, always_disclosed]
  - name: religion
    layer: foundation
    options: [raise_in_faith, raise_secular]
  - name: planning
    layer: temperament
    options: [ahead, late]
  - name: holiday
    options: [beach, family]
preferences:
  jo:
    values: {holiday: {beach: 100, family: 20}}
    forbidden: {debts: [secret_allowed], religion: [raise_secular]}
    reasons: {religion: values}
  ravi:
    values: {holiday: {beach: 30, family: 100}}
    forbidden: {religion: [raise_in_faith]}
    reasons: {religion: autonomy}
"""


def test_foundation_topics_are_fixed_when_compatible_and_named_when_not() -> None:
    result = solve(load_scenario_text(FOUNDATION))
    by_topic = {f.topic: f for f in result.foundations}
    assert by_topic["debts"].compatible and by_topic["debts"].fixed == "always_disclosed"
    religion = by_topic["religion"]
    assert not religion.compatible
    assert "keeping their values" in religion.summary and "autonomy" in religion.summary
    assert "Jo cannot accept raise secular" in religion.summary
    # The rest of the scenario is still solved.
    assert result.status == "foundation_incompatible"
    assert result.recommended is not None
    assert set(result.recommended.solution.package) == {"holiday"}


def test_foundation_and_temperament_topics_never_enter_a_package() -> None:
    result = solve(load_scenario_text(FOUNDATION))
    for solution in result.frontier:
        assert set(solution.package) == {"holiday"}
    assert [t.topic for t in result.temperaments] == ["planning"]
    assert all("?" in p for p in result.temperaments[0].prompts)


def test_no_acceptable_package_names_the_smallest_conflict() -> None:
    text = FOUNDATION.replace(
        "    forbidden: {religion: [raise_in_faith]}",
        "    forbidden: {religion: [raise_in_faith]}\n    reservation: 90",
    ).replace(
        "    reasons: {religion: values}", "    reasons: {religion: values}\n    reservation: 90"
    )
    result = solve(load_scenario_text(text))
    assert result.status == "incompatible"
    assert result.conflict is not None
    assert result.conflict.topics == ("holiday",)
    assert set(result.conflict.parties) == {"jo", "ravi"}
    assert result.recommended is None and result.frontier == ()


def test_an_option_forbidden_by_everyone_on_a_negotiable_topic_is_the_conflict() -> None:
    text = FOUNDATION.replace(
        "forbidden: {debts: [secret_allowed], religion: [raise_secular]}",
        "forbidden: {debts: [secret_allowed], religion: [raise_secular], holiday: [beach]}",
    ).replace(
        "forbidden: {religion: [raise_in_faith]}",
        "forbidden: {religion: [raise_in_faith], holiday: [family]}",
    )
    result = solve(load_scenario_text(text))
    assert result.status == "incompatible"
    assert result.conflict is not None and result.conflict.topics == ("holiday",)
    assert "forbidden" in result.conflict.summary
