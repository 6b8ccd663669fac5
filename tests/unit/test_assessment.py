"""Questionnaires are data scored by one scorer; the ECR-R scores as published and reads kindly.

Every expected number here is worked out by hand from the published key (Fraley, Waller and
Brennan 2000), not read back from the package's own data.
"""

from __future__ import annotations

import copy
import dataclasses
from collections.abc import Callable
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from accord.assessment import (
    AttachmentResult,
    Pattern,
    Questionnaire,
    QuestionnaireError,
    Scores,
    available,
    load_questionnaire,
    pair_dynamic,
    pattern_for,
    pause_script,
    score,
)
from accord.errors import AnswersError, InputError

# The published key, typed in from the source rather than taken from ecr-r.yaml.
REVERSED = frozenset({9, 11, 20, 22, 26, 27, 28, 29, 30, 31, 33, 34, 35, 36})
ANXIETY = range(1, 19)
AVOIDANCE = range(19, 37)


@pytest.fixture(scope="module")
def ecr() -> Questionnaire:
    return load_questionnaire("ecr-r")


def keyed_to(anxiety: int, avoidance: int) -> list[int]:
    """Raw answers whose keyed values are ``anxiety`` on items 1-18 and ``avoidance`` after."""
    wanted = {n: anxiety if n in ANXIETY else avoidance for n in range(1, 37)}
    return [8 - wanted[n] if n in REVERSED else wanted[n] for n in range(1, 37)]


# --- the ECR-R as shipped -------------------------------------------------------------------


def test_the_ecr_r_is_packaged_and_listed() -> None:
    assert "ecr-r" in available()


def test_the_ecr_r_has_36_items_numbered_in_order_on_a_one_to_seven_scale(
    ecr: Questionnaire,
) -> None:
    assert [item.number for item in ecr.items] == list(range(1, 37))
    assert (ecr.scale.minimum, ecr.scale.maximum) == (1, 7)


def test_the_ecr_r_reverse_keys_exactly_the_published_items(ecr: Questionnaire) -> None:
    assert {item.number for item in ecr.items if item.reverse} == REVERSED


def test_anxiety_is_items_1_to_18_and_avoidance_is_items_19_to_36(ecr: Questionnaire) -> None:
    assert {s.id: s.items for s in ecr.subscales} == {
        "anxiety": tuple(ANXIETY),
        "avoidance": tuple(AVOIDANCE),
    }


@pytest.mark.parametrize(
    ("number", "text"),
    [
        (1, "I'm afraid that I will lose my partner's love."),
        (9, "I rarely worry about my partner leaving me."),
        (11, "I do not often worry about being abandoned."),
        (12, "I find that my partner(s) don't want to get as close as I would like."),
        (18, "My partner only seems to notice me when I'm angry."),
        (19, "I prefer not to show a partner how I feel deep down."),
        (27, "It's not difficult for me to get close to my partner."),
        (32, "I am nervous when partners get too close to me."),
        (36, "My partner really understands me and my needs."),
    ],
)
def test_the_ecr_r_items_read_as_published(ecr: Questionnaire, number: int, text: str) -> None:
    assert ecr.items[number - 1].text == text


def test_the_ecr_r_cites_fraley_waller_and_brennan_2000(ecr: Questionnaire) -> None:
    assert "Fraley, R. C., Waller, N. G., & Brennan, K. A. (2000)" in ecr.citation
    assert "78(2), 350-365" in ecr.citation
    assert ecr.name == "ECR-R"


def test_the_answer_scale_runs_from_strongly_disagree_through_neutral_to_strongly_agree(
    ecr: Questionnaire,
) -> None:
    labels = [ecr.scale.label(v) for v in (1, 4, 7)]
    assert labels == ["strongly disagree", "neutral/mixed", "strongly agree"]
    assert ecr.scale.label(2) == ""


def test_an_unknown_questionnaire_is_refused_with_the_ones_there_are() -> None:
    with pytest.raises(InputError, match=r"no questionnaire called 'ecr'.*ecr-r"):
        load_questionnaire("ecr")


def test_a_questionnaire_name_cannot_reach_outside_the_package() -> None:
    with pytest.raises(InputError, match="no questionnaire called"):
        load_questionnaire("../temperament")


# --- scoring the ECR-R by hand --------------------------------------------------------------

# The mixed case, keyed by hand (reverse-keyed items become 8 - answer):
#   anxiety   5 4 3 6 5 6 3 5 [9: 3->5] 2 [11: 2->6] 4 3 4 5 3 6 1          sum 76, mean 76/18
#   avoidance 3 [20: 6->2] 2 [22: 6->2] 2 1 2 [26: 5->3] [27: 6->2] [28: 7->1] [29: 6->2]
#             [30: 5->3] [31: 7->1] 2 [33: 5->3] [34: 4->4] [35: 7->1] [36: 5->3]  sum 39
MIXED = [5, 4, 3, 6, 5, 6, 3, 5, 3, 2, 2, 4, 3, 4, 5, 3, 6, 1]
MIXED += [3, 6, 2, 6, 2, 1, 2, 5, 6, 7, 6, 5, 7, 2, 5, 4, 7, 5]


@pytest.mark.parametrize(
    ("answers", "anxiety", "avoidance"),
    [
        # 16 plain items at 1, 2 reversed items at 7: (16 + 14) / 18.
        pytest.param([1] * 36, 30 / 18, 90 / 18, id="all ones"),
        # anxiety: 16 x 7 + 2 x 1 = 114; avoidance: 6 x 7 + 12 x 1 = 54.
        pytest.param([7] * 36, 114 / 18, 54 / 18, id="all sevens"),
        pytest.param([4] * 36, 4.0, 4.0, id="all neutral"),
        pytest.param(MIXED, 76 / 18, 39 / 18, id="a mixed, real-looking pattern"),
    ],
)
def test_the_ecr_r_scores_as_worked_out_by_hand(
    ecr: Questionnaire, answers: list[int], anxiety: float, avoidance: float
) -> None:
    scores = score(ecr, answers)
    assert scores.questionnaire == "ecr-r"
    assert scores.mean("anxiety") == anxiety
    assert scores.mean("avoidance") == avoidance
    assert scores.as_dict() == {"anxiety": anxiety, "avoidance": avoidance}


@pytest.mark.parametrize("item", range(1, 37))
def test_one_answer_of_one_moves_only_its_own_subscale_by_its_keyed_value(
    ecr: Questionnaire, item: int
) -> None:
    answers = [4] * 36
    answers[item - 1] = 1
    keyed = 7 if item in REVERSED else 1
    own, other = ("anxiety", "avoidance") if item in ANXIETY else ("avoidance", "anxiety")
    scores = score(ecr, answers)
    assert scores.keyed[item - 1] == keyed
    assert scores.mean(own) == (17 * 4 + keyed) / 18
    assert scores.mean(other) == 4.0


@pytest.mark.parametrize("item", sorted(REVERSED))
def test_a_reverse_keyed_item_counts_as_eight_minus_the_answer(
    ecr: Questionnaire, item: int
) -> None:
    answers = [4] * 36
    answers[item - 1] = 2
    own = "anxiety" if item in ANXIETY else "avoidance"
    scores = score(ecr, answers)
    assert scores.keyed[item - 1] == 6
    assert scores.mean(own) == (17 * 4 + 6) / 18


def test_the_keyed_values_are_the_answers_with_reverse_items_mirrored(ecr: Questionnaire) -> None:
    scores = score(ecr, list(range(1, 8)) * 5 + [1])
    raw = list(range(1, 8)) * 5 + [1]
    assert scores.keyed == tuple(8 - a if n in REVERSED else a for n, a in enumerate(raw, 1))


@given(st.lists(st.integers(1, 7), min_size=36, max_size=36))
def test_mirroring_every_answer_mirrors_both_scores(answers: list[int]) -> None:
    ecr = load_questionnaire("ecr-r")
    plain, mirrored = score(ecr, answers), score(ecr, [8 - a for a in answers])
    for subscale in ("anxiety", "avoidance"):
        assert 1 <= plain.mean(subscale) <= 7
        assert plain.mean(subscale) + mirrored.mean(subscale) == pytest.approx(8)


def test_scores_cannot_be_changed_after_scoring(ecr: Questionnaire) -> None:
    scores = score(ecr, [4] * 36)
    with pytest.raises(dataclasses.FrozenInstanceError):
        scores.questionnaire = "other"  # type: ignore[misc]


def test_asking_for_a_subscale_the_instrument_lacks_names_the_ones_it_has(
    ecr: Questionnaire,
) -> None:
    with pytest.raises(InputError, match=r"no subscale 'security'.*anxiety, avoidance"):
        score(ecr, [4] * 36).mean("security")


# --- answers that are refused ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("count", "message"),
    [
        (35, "The ECR-R has 36 items; 35 answers were given."),
        (37, "The ECR-R has 36 items; 37 answers were given."),
        (1, "The ECR-R has 36 items; 1 answer was given."),
        (0, "The ECR-R has 36 items; 0 answers were given."),
    ],
)
def test_the_wrong_number_of_answers_is_refused_with_the_fix(
    ecr: Questionnaire, count: int, message: str
) -> None:
    with pytest.raises(AnswersError) as refused:
        score(ecr, [4] * count)
    assert str(refused.value) == f"{message} Give one answer per item, in item order."


def with_answer(item: int, value: object) -> list[object]:
    answers: list[object] = [4] * 36
    answers[item - 1] = value
    return answers


@pytest.mark.parametrize(
    ("answers", "message"),
    [
        pytest.param(with_answer(5, 0), "Item 5: 0 is outside the scale 1-7", id="zero"),
        pytest.param(with_answer(36, 8), "Item 36: 8 is outside the scale 1-7", id="eight"),
        pytest.param(with_answer(2, -1), "Item 2: -1 is outside the scale 1-7", id="negative"),
        pytest.param(with_answer(3, 4.0), "Item 3: 4.0 is not a whole number", id="float"),
        pytest.param(with_answer(3, 4.5), "Item 3: 4.5 is not a whole number", id="fraction"),
        pytest.param(with_answer(7, "4"), "Item 7: '4' is text, not a number", id="text"),
        pytest.param(with_answer(8, None), "Item 8: no answer was given", id="missing"),
        pytest.param(
            with_answer(9, True), "Item 9: True is a yes/no value, not a number", id="true"
        ),
        pytest.param(
            with_answer(9, False), "Item 9: False is a yes/no value, not a number", id="false"
        ),
    ],
)
def test_an_answer_off_the_scale_is_refused_naming_the_item_and_the_value(
    ecr: Questionnaire, answers: list[object], message: str
) -> None:
    with pytest.raises(AnswersError) as refused:
        score(ecr, answers)
    assert str(refused.value).startswith(message)
    assert str(refused.value).endswith(
        "Give each answer as a whole number from 1 to 7 (1 = strongly disagree, "
        "7 = strongly agree)."
    )


def test_every_bad_answer_is_named_at_once(ecr: Questionnaire) -> None:
    answers = with_answer(4, 0)
    answers[20] = "six"
    with pytest.raises(AnswersError, match=r"Item 4: 0 is outside .*; item 21: 'six' is text"):
        score(ecr, answers)


def test_a_long_list_of_bad_answers_is_cut_short_with_a_count(ecr: Questionnaire) -> None:
    with pytest.raises(AnswersError, match=r"item 5: no answer was given; and 31 more"):
        score(ecr, [None] * 36)


@pytest.mark.parametrize(
    "answers",
    [
        pytest.param("4" * 36, id="a string of digits"),
        pytest.param(dict.fromkeys(range(1, 37), 4), id="a mapping"),
        pytest.param(4, id="a single number"),
    ],
)
def test_answers_that_are_not_a_list_are_refused(ecr: Questionnaire, answers: Any) -> None:
    with pytest.raises(AnswersError, match="Answers must be a list with one answer per item"):
        score(ecr, answers)


def test_answers_given_as_a_tuple_are_accepted(ecr: Questionnaire) -> None:
    assert score(ecr, tuple(MIXED)) == score(ecr, MIXED)


# --- another instrument is only a file ------------------------------------------------------

MINI: dict[str, Any] = {
    "id": "sleep-mini",
    "title": "Mini sleep check",
    "citation": "Made up for this test.",
    "instructions": "How true is each statement for you this week?",
    "scale": {"min": 0, "max": 4, "anchors": {0: "not at all", 4: "completely"}},
    "items": [
        {"number": 1, "text": "I wake up rested."},
        {"number": 2, "text": "I lie awake worrying."},
        {"number": 3, "text": "My mind races at night."},
        {"number": 4, "text": "I fall asleep easily."},
    ],
    "reverse": [2],
    "subscales": [
        {"id": "rest", "name": "Rest", "items": [1, 2]},
        {"id": "worry", "name": "Worry", "items": [2, 3, 4]},
    ],
}


def test_a_new_instrument_given_as_data_is_checked_and_scored_like_the_ecr_r() -> None:
    mini = Questionnaire.from_mapping(MINI, source="sleep-mini.yaml")
    scores = score(mini, [3, 1, 4, 0])
    # Item 2 is reverse-keyed on a 0-4 scale: 0 + 4 - 1 = 3. Items may sit in two subscales.
    assert scores == Scores("sleep-mini", (("rest", 3.0), ("worry", 7 / 3)), (3, 3, 4, 0))


def test_a_new_instrument_without_a_short_title_is_named_by_its_title() -> None:
    mini = Questionnaire.from_mapping(MINI)
    with pytest.raises(AnswersError, match="The Mini sleep check has 4 items; 3 answers"):
        score(mini, [1, 2, 3])


def test_a_new_instrument_checks_answers_against_its_own_scale() -> None:
    mini = Questionnaire.from_mapping(MINI)
    with pytest.raises(AnswersError, match=r"Item 1: 5 is outside the scale 0-4.*from 0 to 4"):
        score(mini, [5, 0, 0, 0])


def changed(change: Callable[[dict[str, Any]], object]) -> dict[str, Any]:
    data = copy.deepcopy(MINI)
    change(data)
    return data


@pytest.mark.parametrize(
    ("data", "message"),
    [
        pytest.param(
            changed(lambda d: d["items"][2].update(number=4)),
            r"at items\[2\]: item 3 in the list is numbered 4",
            id="a gap in the numbering",
        ),
        pytest.param(
            changed(lambda d: d["items"][1].update(number=1)),
            "item 2 in the list is numbered 1",
            id="a repeated number",
        ),
        pytest.param(
            changed(lambda d: d["subscales"][1].update(items=[2, 5])),
            "subscale 'worry' lists item 5, which does not exist; there are 4 items",
            id="a subscale item that does not exist",
        ),
        pytest.param(
            changed(lambda d: d.update(reverse=[2, 7])),
            "reverse-keyed item 7 does not exist",
            id="a reverse-keyed item that does not exist",
        ),
        pytest.param(
            changed(lambda d: d["scale"].update(min=4)),
            "runs from 4 to 4; its minimum must be below its maximum",
            id="a scale with min equal to max",
        ),
        pytest.param(
            changed(lambda d: d["scale"].update(min=5)),
            "its minimum must be below its maximum",
            id="a scale upside down",
        ),
        pytest.param(
            changed(lambda d: d["scale"].update(max=4.5)),
            r"at scale.max: expected a whole number, found 4.5",
            id="a scale that is not whole numbers",
        ),
        pytest.param(
            changed(lambda d: d["scale"]["anchors"].update({9: "off the end"})),
            "the anchor 9 is outside the scale 0-4",
            id="an anchor off the scale",
        ),
        pytest.param(
            changed(lambda d: d.pop("citation")), "the key 'citation' is missing", id="no citation"
        ),
        pytest.param(
            changed(lambda d: d.update(reversed=[2])),
            "unknown key 'reversed'",
            id="a typo in a key",
        ),
        pytest.param(
            changed(lambda d: d["items"][0].update(number=True)),
            "expected a whole number, found True",
            id="a yes/no item number",
        ),
        pytest.param(
            changed(lambda d: d["items"][0].update(text="  ")),
            r"at items\[0\].text: expected some text",
            id="an item with no text",
        ),
        pytest.param(
            changed(lambda d: d.update(items=[])),
            "expected a non-empty list of items",
            id="no items",
        ),
        pytest.param(
            changed(lambda d: d["subscales"][1].update(id="rest")),
            "the subscale id 'rest' is used twice",
            id="two subscales with one id",
        ),
        pytest.param(
            changed(lambda d: d["subscales"][0].update(items=[1, 1])),
            "item 1 is listed twice",
            id="a subscale listing an item twice",
        ),
        pytest.param(
            changed(lambda d: d["subscales"][0].update(items=[])),
            "a subscale needs at least one item",
            id="an empty subscale",
        ),
    ],
)
def test_a_broken_questionnaire_is_refused_naming_the_file_and_the_problem(
    data: dict[str, Any], message: str
) -> None:
    with pytest.raises(QuestionnaireError, match=message) as refused:
        Questionnaire.from_mapping(data, source="sleep-mini.yaml")
    assert str(refused.value).startswith("sleep-mini.yaml")


# --- attachment: one person -----------------------------------------------------------------

REPRESENTATIVE: dict[Pattern, tuple[int, int]] = {
    "secure": (2, 2),
    "anxious": (6, 2),
    "avoidant": (2, 6),
    "fearful-avoidant": (6, 6),
}


def result(pattern: Pattern) -> AttachmentResult:
    answers = keyed_to(*REPRESENTATIVE[pattern])
    return AttachmentResult.from_scores(score(load_questionnaire("ecr-r"), answers))


@pytest.mark.parametrize(
    ("anxiety", "avoidance", "pattern"),
    [
        (1.0, 1.0, "secure"),
        (4.0, 4.0, "secure"),  # exactly the midpoint is "neutral/mixed", not high
        (4.06, 4.0, "anxious"),
        (7.0, 1.0, "anxious"),
        (4.0, 4.06, "avoidant"),
        (1.0, 7.0, "avoidant"),
        (4.06, 4.06, "fearful-avoidant"),
        (7.0, 7.0, "fearful-avoidant"),
    ],
)
def test_the_pattern_splits_each_dimension_at_the_midpoint_four(
    anxiety: float, avoidance: float, pattern: str
) -> None:
    assert pattern_for(anxiety, avoidance) == pattern
    assert AttachmentResult.from_dimensions(anxiety, avoidance).pattern == pattern


@pytest.mark.parametrize("pattern", list(REPRESENTATIVE))
def test_scored_answers_give_the_expected_pattern_and_scores(pattern: Pattern) -> None:
    anxiety, avoidance = REPRESENTATIVE[pattern]
    found = result(pattern)
    assert (found.anxiety, found.avoidance, found.pattern) == (anxiety, avoidance, pattern)


JARGON = ("attachment", "anxious", "avoidant", "fearful", "secure", "preoccupied", "dismissing")


@pytest.mark.parametrize("pattern", list(REPRESENTATIVE))
def test_the_reading_is_plain_language_and_says_it_is_not_a_diagnosis(pattern: Pattern) -> None:
    reading = result(pattern).reading
    assert not [word for word in JARGON if word in reading.lower()]
    assert "not a diagnosis" in reading
    assert "you" in reading.split()


def test_each_pattern_has_its_own_reading() -> None:
    assert len({result(p).reading for p in REPRESENTATIVE}) == len(REPRESENTATIVE)


def test_the_reading_gives_both_scores_to_one_decimal() -> None:
    reading = AttachmentResult.from_dimensions(76 / 18, 39 / 18).reading
    assert "is 4.2" in reading
    assert "is 2.2" in reading


def test_the_reading_says_to_hold_it_lightly_when_a_score_is_near_the_middle() -> None:
    assert "hold this description lightly" in AttachmentResult.from_dimensions(4.2, 2.0).reading
    assert "hold this description lightly" not in AttachmentResult.from_dimensions(6, 2).reading


def test_an_attachment_reading_needs_ecr_r_scores() -> None:
    mini = Questionnaire.from_mapping(MINI)
    with pytest.raises(InputError, match="needs ECR-R scores, not sleep-mini scores"):
        AttachmentResult.from_scores(score(mini, [1, 1, 1, 1]))


def test_scores_outside_one_to_seven_are_refused() -> None:
    with pytest.raises(InputError, match=r"anxiety: 0\.5 is outside the ECR-R range 1-7"):
        AttachmentResult.from_dimensions(0.5, 3.0)


# --- attachment: two people -----------------------------------------------------------------

PAIRS = [
    ("secure", "secure", "both-secure", "steady", "steady"),
    ("secure", "anxious", "secure-anchor", "anchor", "pursuer"),
    ("secure", "avoidant", "secure-anchor", "anchor", "distancer"),
    ("secure", "fearful-avoidant", "secure-anchor", "anchor", "torn"),
    ("anxious", "secure", "secure-anchor", "pursuer", "anchor"),
    ("anxious", "anxious", "both-anxious", "pursuer", "pursuer"),
    ("anxious", "avoidant", "pursue-withdraw", "pursuer", "distancer"),
    ("anxious", "fearful-avoidant", "pursue-withdraw", "pursuer", "distancer"),
    ("avoidant", "secure", "secure-anchor", "distancer", "anchor"),
    ("avoidant", "anxious", "pursue-withdraw", "distancer", "pursuer"),
    ("avoidant", "avoidant", "both-avoidant", "distancer", "distancer"),
    ("avoidant", "fearful-avoidant", "pursue-withdraw", "distancer", "pursuer"),
    ("fearful-avoidant", "secure", "secure-anchor", "torn", "anchor"),
    ("fearful-avoidant", "anxious", "pursue-withdraw", "distancer", "pursuer"),
    ("fearful-avoidant", "avoidant", "pursue-withdraw", "pursuer", "distancer"),
    ("fearful-avoidant", "fearful-avoidant", "push-pull", "torn", "torn"),
]


@pytest.mark.parametrize(("a", "b", "kind", "role_a", "role_b"), PAIRS)
def test_every_pair_of_patterns_gets_its_dynamic_and_a_role_for_each(
    a: Pattern, b: Pattern, kind: str, role_a: str, role_b: str
) -> None:
    dynamic = pair_dynamic(result(a), result(b), ("Alex", "Sam"))
    assert dynamic.kind == kind
    assert (dynamic.scripts[0].role, dynamic.scripts[1].role) == (role_a, role_b)
    assert "Alex" in dynamic.description
    assert "Sam" in dynamic.description


@pytest.mark.parametrize(("a", "b"), [(p[0], p[1]) for p in PAIRS])
def test_each_script_speaks_to_its_reader_and_names_the_other(a: Pattern, b: Pattern) -> None:
    dynamic = pair_dynamic(result(a), result(b), ("Alex", "Sam"))
    for script, reader, other in zip(
        dynamic.scripts, ("Alex", "Sam"), ("Sam", "Alex"), strict=True
    ):
        assert script.other == other
        assert other in script.text
        assert reader not in script.text
        assert "you" in script.text.lower().split()
        assert dynamic.script_for(reader) == script


def test_the_anxious_pursuer_and_the_avoidant_distancer_amplify_each_other() -> None:
    dynamic = pair_dynamic(result("anxious"), result("avoidant"), ("Alex", "Sam"))
    assert "the more Alex presses, the more Sam pulls away" in dynamic.description
    assert "the more Sam pulls away, the more Alex presses" in dynamic.description


def test_the_pursuer_asks_for_reassurance_and_agrees_to_wait() -> None:
    dynamic = pair_dynamic(result("anxious"), result("avoidant"), ("Alex", "Sam"))
    pursuer = dynamic.script_for("Alex").text
    assert "ask for reassurance" in pursuer
    assert "Can you tell me we're okay" in pursuer
    assert "agree to wait" in pursuer


def test_the_distancer_names_the_need_for_space_and_proposes_when_to_return() -> None:
    dynamic = pair_dynamic(
        result("anxious"), result("avoidant"), ("Alex", "Sam"), return_at="at 8 pm"
    )
    distancer = dynamic.script_for("Sam").text
    assert "I need some space" in distancer
    assert '"Can we come back to it at 8 pm?"' in distancer


def test_a_steady_partner_is_told_how_to_anchor_the_other() -> None:
    with_pursuer = pair_dynamic(result("secure"), result("anxious"), ("Alex", "Sam"))
    with_distancer = pair_dynamic(result("secure"), result("avoidant"), ("Alex", "Sam"))
    assert "Give it early and plainly" in with_pursuer.script_for("Alex").text
    assert "without chasing" in with_distancer.script_for("Alex").text


@pytest.mark.parametrize("names", [("Alex", "Alex"), ("", "Sam"), ("Alex", "   ")])
def test_a_pair_needs_two_names_that_tell_them_apart(names: tuple[str, str]) -> None:
    with pytest.raises(InputError):
        pair_dynamic(result("secure"), result("secure"), names)


# --- the pause screen -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("pattern", "role", "says"),
    [
        ("anxious", "pursuer", "agree to wait"),
        ("avoidant", "distancer", "propose when to return"),
        ("fearful-avoidant", "torn", "Say which is stronger"),
        ("secure", "steady", "Take the pause as a pause"),
    ],
)
def test_the_pause_screen_shows_the_script_for_the_readers_own_pattern(
    pattern: Pattern, role: str, says: str
) -> None:
    script = pause_script(result(pattern), "Sam", return_at="at 9 pm")
    assert script.role == role
    assert says in script.text
    assert "Sam" in script.text
    assert "at 9 pm" in script.text
