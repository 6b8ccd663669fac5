"""Temperament is the Middle layer: two profiles side by side, strengths and blind spots, never a
problem to fix."""

from __future__ import annotations

import dataclasses
import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from accord.assessment import (
    FRAMING,
    Dimension,
    SideBySide,
    TemperamentProfile,
    dimensions,
    side_by_side,
)
from accord.errors import InputError

IDS = ("planning", "pace", "social_energy", "conflict", "order", "novelty")


def profile(default: int = 3, **positions: int) -> TemperamentProfile:
    return TemperamentProfile.from_answers({i: positions.get(i, default) for i in IDS})


def compare(a: TemperamentProfile, b: TemperamentProfile) -> SideBySide:
    return side_by_side(a, b, ("Alex", "Sam"))


# --- the dimensions -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("ident", "name", "low", "high"),
    [
        ("planning", "Planning", "planner", "spontaneous"),
        ("pace", "Processing pace", "quick to decide", "needs time to think"),
        ("social_energy", "Social energy", "recharges alone", "recharges with people"),
        ("conflict", "Conflict style", "wants to talk it out now", "needs to step back first"),
        ("order", "Order", "tidy", "relaxed about mess"),
        ("novelty", "Novelty", "likes routine", "likes change"),
    ],
)
def test_each_dimension_runs_between_two_named_poles(
    ident: str, name: str, low: str, high: str
) -> None:
    dimension = {d.id: d for d in dimensions()}[ident]
    assert (dimension.name, dimension.low.label, dimension.high.label) == (name, low, high)


def test_the_dimensions_come_in_a_fixed_order() -> None:
    assert tuple(d.id for d in dimensions()) == IDS


@pytest.mark.parametrize("dimension", dimensions(), ids=lambda d: d.id)
def test_every_pole_has_a_short_description_a_strength_a_blind_spot_and_a_question(
    dimension: Dimension,
) -> None:
    for pole in (dimension.low, dimension.middle, dimension.high):
        for text in dataclasses.astuple(pole):
            assert text.strip()
        assert len(pole.description) <= 100
        assert pole.prompt.endswith("?")


# --- a profile ------------------------------------------------------------------------------


def test_a_profile_keeps_every_position_in_dimension_order() -> None:
    answers = {"novelty": 5, "order": 4, "conflict": 3, "social_energy": 2, "pace": 1}
    made = TemperamentProfile.from_answers({**answers, "planning": 2})
    assert [i for i, _ in made.positions] == list(IDS)
    assert made.position("novelty") == 5
    assert made.position("planning") == 2


def test_a_profile_cannot_be_changed_after_it_is_made() -> None:
    with pytest.raises(dataclasses.FrozenInstanceError):
        profile().positions = ()  # type: ignore[misc]


@pytest.mark.parametrize(
    ("change", "message"),
    [
        pytest.param({"order": 0}, "'order' is 0, outside 1-5", id="below the scale"),
        pytest.param({"order": 6}, "'order' is 6, outside 1-5", id="above the scale"),
        pytest.param({"order": 2.5}, "'order' is 2.5, not a whole number", id="a fraction"),
        pytest.param({"order": 3.0}, "'order' is 3.0, not a whole number", id="a float"),
        pytest.param({"order": "3"}, "'order' is '3', not a whole number", id="text"),
        pytest.param({"order": None}, "'order' is None, not a whole number", id="nothing"),
        pytest.param({"order": True}, "'order' is True, not a whole number", id="a yes/no value"),
        pytest.param({"tidiness": 3}, "Unknown dimension 'tidiness'", id="an unknown dimension"),
        pytest.param(
            {"planing": 3}, "Unknown dimension 'planing' (did you mean 'planning'?)", id="a typo"
        ),
        pytest.param(
            {"tidiness": 3, "mood": 2}, "Unknown dimensions 'tidiness', 'mood'", id="two unknown"
        ),
    ],
)
def test_a_bad_answer_is_refused_naming_the_dimension(
    change: dict[str, object], message: str
) -> None:
    answers: dict[str, object] = dict.fromkeys(IDS, 3) | change
    with pytest.raises(InputError, match=re.escape(message)) as refused:
        TemperamentProfile.from_answers(answers)
    assert refused.value.field == "temperament"
    assert "a whole number from 1 to 5" in refused.value.fix


def test_every_unanswered_dimension_is_named() -> None:
    with pytest.raises(InputError, match="No answer for 'conflict', 'novelty'"):
        TemperamentProfile.from_answers({i: 3 for i in IDS if i not in ("conflict", "novelty")})


def test_every_problem_is_named_at_once() -> None:
    answers = {i: 3 for i in IDS if i != "pace"} | {"mood": 1, "order": 9}
    with pytest.raises(InputError) as refused:
        TemperamentProfile.from_answers(answers)
    assert "'mood'" in refused.value.problem
    assert "'pace'" in refused.value.problem
    assert "'order' is 9" in refused.value.problem


def test_a_dimension_answered_twice_is_refused() -> None:
    positions = (*((i, 3) for i in IDS), ("order", 4))
    with pytest.raises(InputError, match="'order' answered more than once"):
        TemperamentProfile(positions)


def test_a_profile_must_be_a_mapping_of_answers() -> None:
    with pytest.raises(InputError, match="expected a mapping"):
        TemperamentProfile.from_answers([3, 3, 3, 3, 3, 3])  # type: ignore[arg-type]


# --- side by side ---------------------------------------------------------------------------


def test_far_apart_positions_read_as_complementary_strengths_blind_spots_and_questions() -> None:
    planning = compare(profile(planning=1), profile(planning=5)).comparisons[0]
    assert planning.kind == "complementary"
    assert [(p.name, p.value, p.label) for p in planning.positions] == [
        ("Alex", 1, "planner"),
        ("Sam", 5, "spontaneous"),
    ]
    assert planning.gap == 4
    assert planning.strengths[0] == "Alex brings foresight, so what matters is ready on time."
    assert planning.strengths[1].startswith("Sam brings openness to what turns up")
    assert planning.strengths[2].startswith("Together, one of you makes sure things happen")
    assert planning.blind_spots[0].startswith("Alex: a change of plan can feel like a loss")
    assert planning.blind_spots[1].startswith("Sam: things that need booking")
    assert planning.way


def test_each_asks_the_other_the_question_that_fits_the_others_position() -> None:
    planning = compare(profile(planning=1), profile(planning=5)).comparisons[0]
    to_alex, to_sam = planning.prompts
    assert (to_alex.asker, to_alex.answerer) == ("Sam", "Alex")
    assert to_alex.text == 'Sam, ask Alex: "What\'s it like being you when plans change?"'
    assert (to_sam.asker, to_sam.answerer) == ("Alex", "Sam")


@pytest.mark.parametrize(
    ("a", "b", "kind"),
    [
        (1, 3, "complementary"),
        (2, 4, "complementary"),
        (5, 3, "complementary"),
        (1, 2, "shared"),
        (3, 4, "shared"),
        (5, 5, "shared"),
    ],
)
def test_a_difference_of_two_or_more_is_complementary_and_closer_is_shared(
    a: int, b: int, kind: str
) -> None:
    order = compare(profile(order=a), profile(order=b)).comparisons[4]
    assert order.dimension.id == "order"
    assert order.kind == kind
    assert order.gap == abs(a - b)


def test_someone_in_the_middle_brings_the_middle_strength() -> None:
    pace = compare(profile(pace=3), profile(pace=1)).comparisons[1]
    assert pace.positions[0].label == "in between"
    assert pace.strengths[0] == "Alex brings a sense of which choices need time and which don't."


@pytest.mark.parametrize(
    ("a", "b", "strength", "blind_spot"),
    [
        (1, 2, "You both bring the courage to raise things", "with no one calling a pause"),
        (3, 3, "You both bring a sense of when to talk now", "whether now is the moment"),
        (4, 5, "You both bring calm", "quietly never come back"),
    ],
)
def test_close_positions_share_one_strength_and_one_blind_spot(
    a: int, b: int, strength: str, blind_spot: str
) -> None:
    conflict = compare(profile(conflict=a), profile(conflict=b)).comparisons[3]
    assert conflict.kind == "shared"
    assert len(conflict.strengths) == len(conflict.blind_spots) == 1
    assert conflict.strengths[0].startswith(strength)
    assert conflict.blind_spots[0].startswith("Something neither of you may notice")
    assert blind_spot in conflict.blind_spots[0]
    assert conflict.prompts == ()


def test_the_framing_says_nothing_here_is_a_problem_to_fix() -> None:
    shown = compare(profile(1), profile(5))
    assert shown.framing == FRAMING
    assert "nothing here is a problem to fix" in shown.framing
    assert "not how to change it" in shown.framing


BLAMING = re.compile(r"\b(fix|wrong|should|must|problem|fault|bad)\b", re.IGNORECASE)


@given(st.integers(1, 5), st.integers(1, 5))
def test_no_reading_of_any_pair_of_positions_speaks_of_fixing_anyone(a: int, b: int) -> None:
    shown = compare(profile(a), profile(b))
    for comparison in shown.comparisons:
        texts = comparison.strengths + comparison.blind_spots + (comparison.way,)
        texts += tuple(p.question for p in comparison.prompts)
        assert not [t for t in texts if BLAMING.search(t)]
        assert (comparison.kind == "complementary") == (abs(a - b) >= 2)


@pytest.mark.parametrize("names", [("Alex", "Alex"), ("", "Sam"), ("Alex", " ")])
def test_side_by_side_needs_two_names_that_tell_them_apart(names: tuple[str, str]) -> None:
    with pytest.raises(InputError, match="two different names"):
        side_by_side(profile(), profile(), names)
