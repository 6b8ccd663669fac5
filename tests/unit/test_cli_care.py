"""The session commands' small languages, their help, and the ECR-R scoring contract."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
import typer
from typer.testing import CliRunner

from accord.cli.app import app
from accord.cli.care_common import Choice, pick
from accord.cli.care_parse import RatingSpec, rating_spec, temperament_specs, term_spec
from accord.errors import InputError, NotFoundError
from tests.command import accord

SESSION_GROUPS = (
    "person",
    "relationship",
    "prepare",
    "assess",
    "topic",
    "negotiate",
    "pause",
    "agreement",
    "ledger",
    "account",
)
# Reverse-keyed ECR-R items, as METHOD.md lists them (Fraley, Waller and Brennan 2000).
REVERSED = {9, 11, 20, 22, 26, 27, 28, 29, 30, 31, 33, 34, 35, 36}


# Ratings --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("spec", "expected"),
    [
        ("Headphones=quiet:4", RatingSpec("Headphones", "quiet", 4)),
        ("ab12=3", RatingSpec("ab12", None, 3)),
        ("TV off at 9 = rest : 0", RatingSpec("TV off at 9", "rest", 0)),
        ("Headphones=quiet: not now:2", RatingSpec("Headphones", "quiet: not now", 2)),
    ],
)
def test_a_rating_names_an_option_a_need_and_a_score(spec: str, expected: RatingSpec) -> None:
    assert rating_spec(spec) == expected


@pytest.mark.parametrize(
    ("spec", "says"),
    [
        ("Headphones", "is not a rating"),
        ("=quiet:4", "is not a rating"),
        ("Headphones=quiet:lots", "'lots' is not a whole number"),
        ("Headphones=:4", "names no need"),
        ("Headphones=3.5", "'3.5' is not a whole number"),
    ],
)
def test_a_rating_that_cannot_be_read_quotes_itself_and_shows_the_form(
    spec: str, says: str
) -> None:
    with pytest.raises(InputError) as caught:
        rating_spec(spec)
    assert says in str(caught.value)
    assert "OPTION=NEED:SCORE" in str(caught.value) or "0 (does not meet" in str(caught.value)


# Terms ----------------------------------------------------------------------------------------


def test_a_term_may_end_with_the_day_it_is_due() -> None:
    term = term_spec("Alex: buys headphones by 2030-05-01")
    assert (term.person, term.what, term.by) == ("Alex", "buys headphones", date(2030, 5, 1))


def test_a_term_without_a_day_has_none_and_keeps_inner_colons() -> None:
    term = term_spec("Sam: says when it is too loud: kindly")
    assert (term.person, term.what, term.by) == ("Sam", "says when it is too loud: kindly", None)


@pytest.mark.parametrize(
    ("spec", "says"),
    [
        ("Alex buys headphones", "is not a term"),
        ("Alex:", "is not a term"),
        ("Alex: buys headphones by 2030-13-01", "'2030-13-01' is not a date"),
    ],
)
def test_a_term_that_cannot_be_read_is_refused(spec: str, says: str) -> None:
    with pytest.raises(InputError, match=says):
        term_spec(spec)


def test_a_temperament_dimension_given_twice_is_refused_not_silently_overwritten() -> None:
    with pytest.raises(InputError, match="'planning' is given twice"):
        temperament_specs(["planning=2", "planning=4"])


def test_a_temperament_position_that_is_not_a_number_is_kept_for_the_profile_to_name() -> None:
    assert temperament_specs(["planning=two", "pace=3"]) == {"planning": "two", "pace": 3}


# Resolving names and id prefixes ---------------------------------------------------------------

OPTIONS = [
    Choice("ab12cd34" + "0" * 24, "Headphones"),
    Choice("ab12ef56" + "0" * 24, "TV off at 9"),
    Choice("9f00aa11" + "0" * 24, "TV in the spare room", ("spare",)),
]


@pytest.mark.parametrize(
    ("ref", "label"),
    [
        ("headphones", "Headphones"),
        ("  TV   off at 9 ", "TV off at 9"),
        ("ab12c", "Headphones"),
        ("9F00", "TV in the spare room"),
        ("spare", "TV in the spare room"),
        ("ab12ef56" + "0" * 24, "TV off at 9"),
    ],
)
def test_a_thing_is_found_by_its_words_its_alias_or_a_unique_id_prefix(
    ref: str, label: str
) -> None:
    assert pick(ref, OPTIONS, "option").label == label


def test_a_prefix_shared_by_two_things_is_a_question_naming_both_ids() -> None:
    with pytest.raises(InputError) as caught:
        pick("ab12", OPTIONS, "option")
    assert "ab12cd34 (Headphones)" in str(caught.value)
    assert "ab12ef56 (TV off at 9)" in str(caught.value)


def test_two_people_with_one_name_are_told_apart_by_id() -> None:
    people = [Choice("aaaa1111" + "0" * 24, "Sam"), Choice("bbbb2222" + "0" * 24, "Sam")]
    with pytest.raises(InputError, match=r"aaaa1111 \(Sam\), bbbb2222 \(Sam\)"):
        pick("sam", people, "person")
    assert pick("bbbb", people, "person").id.startswith("bbbb2222")


def test_fewer_than_four_characters_of_an_id_are_not_taken_as_an_id() -> None:
    with pytest.raises(NotFoundError, match="at least 4 characters"):
        pick("9f0", OPTIONS, "option")


def test_nothing_matching_suggests_close_words_and_lists_what_there_is() -> None:
    with pytest.raises(NotFoundError) as caught:
        pick("Headphone", OPTIONS, "option")
    message = str(caught.value)
    assert "Did you mean 'Headphones'?" in message and "9f00aa11 (TV in the spare room)" in message


def test_an_empty_reference_is_refused() -> None:
    with pytest.raises(InputError, match="is empty"):
        pick("  ", OPTIONS, "option")


# Help -----------------------------------------------------------------------------------------


def _session_commands() -> Iterator[tuple[str, ...]]:
    root = typer.main.get_command(app)
    assert isinstance(root, typer.core.TyperGroup)
    for name in SESSION_GROUPS:
        command = root.commands[name]
        if isinstance(command, typer.core.TyperGroup):
            for sub in command.commands:
                yield (name, sub)
        else:
            yield (name,)


def test_the_session_commands_are_all_there() -> None:
    paths = {" ".join(p) for p in _session_commands()}
    assert {
        "person add",
        "relationship create",
        "prepare boundary",
        "assess ecr-r",
        "topic open",
        "negotiate rate",
        "pause",
        "agreement record",
        "ledger cross",
        "account export",
    } <= paths
    assert len(paths) >= 40


@pytest.mark.parametrize("path", list(_session_commands()), ids=" ".join)
def test_every_session_command_has_help_with_an_example(path: tuple[str, ...]) -> None:
    done = CliRunner().invoke(app, [*path, "--help"])
    assert done.exit_code == 0, done.output
    assert "Example" in done.output


# The ECR-R contract -------------------------------------------------------------------------------


def _means(answers: list[int]) -> tuple[float, float]:
    keyed = [8 - a if n in REVERSED else a for n, a in enumerate(answers, start=1)]
    return sum(keyed[:18]) / 18, sum(keyed[18:]) / 18


def _answers_file(tmp_path: Path, answers: object) -> str:
    path = tmp_path / "answers.json"
    path.write_text(json.dumps(answers))
    return str(path)


def test_ecr_r_json_gives_the_subscale_means_without_any_database(tmp_path: Path) -> None:
    answers = [(n * 5) % 7 + 1 for n in range(36)]
    database = tmp_path / "never.db"
    done = accord(
        "assess",
        "ecr-r",
        "--answers",
        _answers_file(tmp_path, answers),
        "--json",
        "--database-url",
        f"sqlite:///{database}",
    )
    assert done.returncode == 0, done.stderr
    result = json.loads(done.stdout)
    anxiety, avoidance = _means(answers)
    assert result["anxiety"] == pytest.approx(anxiety)
    assert result["avoidance"] == pytest.approx(avoidance)
    assert result["pattern"] in {"secure", "anxious", "avoidant", "fearful-avoidant"}
    assert result["reading"]
    assert not database.exists()


def test_ecr_r_refuses_the_wrong_number_of_answers_and_says_how_many(tmp_path: Path) -> None:
    done = accord("assess", "ecr-r", "--answers", _answers_file(tmp_path, [4] * 35), "--json")
    message = " ".join(done.stderr.split())
    assert done.returncode != 0 and not done.stdout
    assert "36 items" in message and "35 answers" in message


def test_ecr_r_refuses_an_answer_off_the_scale_naming_the_item_and_value(tmp_path: Path) -> None:
    answers = [4] * 36
    answers[6] = 8
    done = accord("assess", "ecr-r", "--answers", _answers_file(tmp_path, answers), "--json")
    message = " ".join(done.stderr.split())
    assert done.returncode != 0 and not done.stdout
    assert "Item 7: 8 is outside the scale" in message


@pytest.mark.parametrize(
    ("bad", "says"), [(4.5, "4.5 is not a whole number"), ("4", "'4' is text, not a number")]
)
def test_ecr_r_refuses_answers_that_are_not_whole_numbers(
    tmp_path: Path, bad: object, says: str
) -> None:
    answers: list[object] = [4] * 36
    answers[0] = bad
    done = accord("assess", "ecr-r", "--answers", _answers_file(tmp_path, answers), "--json")
    assert done.returncode != 0 and not done.stdout
    assert says in " ".join(done.stderr.split())


def test_ecr_r_refuses_a_file_that_is_not_a_list(tmp_path: Path) -> None:
    done = accord("assess", "ecr-r", "--answers", _answers_file(tmp_path, {"1": 4}))
    assert done.returncode == 2
    assert "not a list" in " ".join(done.stderr.split())
