"""Bad scenario input gets an error that names the file, the place and what to do."""

from __future__ import annotations

from pathlib import Path

import pytest

from accord import ScenarioError, load_scenario, load_scenario_text

GOOD = """\
parties: [alex, sam]
topics:
  - name: evenings
    options: [tv_loud, tv_headphones, quiet_house]
  - name: dishes
    options: [alex, sam, alternate]
preferences:
  alex:
    weights: {evenings: 3, dishes: 1}
    values:
      evenings: {tv_loud: 100, tv_headphones: 80, quiet_house: 0}
      dishes: {alex: 0, sam: 100, alternate: 50}
  sam:
    values:
      evenings: {tv_loud: 0, tv_headphones: 70, quiet_house: 100}
      dishes: {alex: 100, sam: 0, alternate: 60}
"""


def test_the_reference_scenario_loads() -> None:
    scenario = load_scenario_text(GOOD)
    assert scenario.parties == ("alex", "sam")
    assert scenario.normalised_weights("alex") == {"evenings": 0.75, "dishes": 0.25}


@pytest.mark.parametrize(
    ("old", "new", "where", "says"),
    [
        (
            "  sam:\n    values",
            "  sal:\n    values",
            "preferences.sal",
            "'sal' is not a known party",
        ),
        (
            "weights: {evenings: 3",
            "weights: {evenigs: 3",
            "preferences.alex.weights.evenigs",
            "Did you mean 'evenings'?",
        ),
        (
            "tv_loud: 100, tv_headphones: 80",
            "tv_lod: 100, tv_headphones: 80",
            "preferences.alex.values.evenings.tv_lod",
            "'tv_lod' is not a known option",
        ),
        (
            "tv_loud: 100, tv_headphones: 80",
            "tv_loud: 140, tv_headphones: 80",
            "preferences.alex.values.evenings.tv_loud",
            "Use a number from 0 to 100",
        ),
        (
            "tv_loud: 100, tv_headphones: 80",
            "tv_loud: -5, tv_headphones: 80",
            "preferences.alex.values.evenings.tv_loud",
            "out of range",
        ),
        (
            "weights: {evenings: 3, dishes: 1}",
            "weights: {evenings: 0, dishes: 0}",
            "preferences.alex.weights",
            "every negotiable topic has weight 0",
        ),
        (
            "tv_loud: 100, tv_headphones: 80, ",
            "tv_loud: 100, ",
            "preferences.alex.values.evenings",
            "no value for the option 'tv_headphones'",
        ),
        (
            "      dishes: {alex: 100, sam: 0, alternate: 60}\n",
            "",
            "preferences.sam.values",
            "no values for the topic 'dishes'",
        ),
        ("parties: [alex, sam]", "parties: [alex]", "parties", "too short"),
        ("parties: [alex, sam]", "parties: [alex, sam, sam]", "parties", "listed twice"),
        (
            "    options: [alex, sam, alternate]",
            "    options: [alex, sam, alternate]\n    layer: middle",
            "topics.1.layer",
            "Use one of: negotiable, temperament, foundation",
        ),
        ("  - name: dishes\n", "  - name: evenings\n", "topics.1.name", "listed twice"),
        (
            "    weights: {evenings: 3, dishes: 1}\n",
            "    weigths: {evenings: 3, dishes: 1}\n",
            "preferences.alex",
            "Did you mean 'weights'?",
        ),
        (
            "options: [alex, sam, alternate]",
            "options: [alex, yes, alternate]",
            "topics.1.options.1",
            "quotes",
        ),
        (
            "    weights: {evenings: 3, dishes: 1}\n",
            "    weights: {evenings: 3, dishes: 1}\n    weights: {evenings: 1}\n",
            "preferences.alex",
            "appears twice",
        ),
        (
            "  sam:\n    values",
            "  sam:\n    reservation: 20\n    valuez",
            "preferences.sam",
            "'values' is missing",
        ),
    ],
)
def test_bad_input_names_the_place_and_the_fix(old: str, new: str, where: str, says: str) -> None:
    assert old in GOOD
    with pytest.raises(ScenarioError) as caught:
        load_scenario_text(GOOD.replace(old, new, 1), source="home.yaml")
    message = str(caught.value)
    assert message.startswith("home.yaml, line ")
    assert where in message
    assert says in message


def test_malformed_yaml_names_the_line() -> None:
    with pytest.raises(ScenarioError) as caught:
        load_scenario_text("parties: [a, b\ntopics: []\n", source="x.yaml")
    assert "not valid YAML" in str(caught.value)
    assert caught.value.line is not None


def test_malformed_json_names_line_and_column(tmp_path: Path) -> None:
    path = tmp_path / "s.json"
    path.write_text('{"parties": ["a", "b"],\n "topics": [,]}')
    with pytest.raises(ScenarioError) as caught:
        load_scenario(path)
    assert caught.value.line == 2
    assert str(path) in str(caught.value)


def test_json_scenarios_load_like_yaml(tmp_path: Path) -> None:
    import json

    import yaml

    path = tmp_path / "s.json"
    path.write_text(json.dumps(yaml.safe_load(GOOD)))
    assert load_scenario(path).parties == load_scenario_text(GOOD).parties


def test_a_missing_file_is_named() -> None:
    with pytest.raises(ScenarioError, match="no such file"):
        load_scenario("/nonexistent/scenario.yaml")


def test_an_empty_file_says_what_to_write() -> None:
    with pytest.raises(ScenarioError, match="empty"):
        load_scenario_text("")


def test_a_party_without_preferences_is_named() -> None:
    text = GOOD.replace("parties: [alex, sam]", "parties: [alex, sam, kim]")
    with pytest.raises(ScenarioError, match="party 'kim' has no preferences"):
        load_scenario_text(text)


def test_a_forbidden_option_needs_no_value() -> None:
    text = GOOD.replace(
        "tv_loud: 100, tv_headphones: 80, quiet_house: 0}", "tv_loud: 100, tv_headphones: 80}"
    ).replace("  sam:\n", "    forbidden: {evenings: [quiet_house]}\n  sam:\n")
    scenario = load_scenario_text(text)
    assert scenario.prefs("alex").forbids("evenings", "quiet_house")


def test_decimals_are_kept_exactly() -> None:
    text = GOOD.replace("tv_headphones: 80,", "tv_headphones: 80.1,", 1)
    scenario = load_scenario_text(text)
    from fractions import Fraction

    assert scenario.value("alex", "evenings", "tv_headphones") == Fraction(801, 10)


def test_the_published_schema_is_valid_json_schema() -> None:
    from jsonschema import Draft202012Validator

    from accord.scenario.schema import scenario_schema

    Draft202012Validator.check_schema(scenario_schema())


def test_every_example_scenario_is_valid() -> None:
    examples = sorted((Path(__file__).parents[2] / "examples").glob("*.yaml"))
    assert len(examples) >= 3
    for path in examples:
        load_scenario(path)
