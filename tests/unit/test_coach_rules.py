"""The rule-based coach: labels with their words, rewrites that analyse clean, and a safety flag
that nothing can switch off."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path
from typing import Any

import pytest

from accord.coach.rewrite import suggest, topic
from accord.coach.rules import detect
from accord.coach.safety import EMERGENCY, locales, resources
from accord.coach.types import BLOCKERS, LABELS, SAFETY_KINDS

DEVSET = Path(__file__).resolve().parents[2] / "evaluation" / "coach_devset.jsonl"


def labels(text: str, context: tuple[str, ...] = ()) -> set[str]:
    return {h.label for h in detect(text, context)}


POSITIVE = [
    ("criticism", "You're so lazy."),
    ("criticism", "What's wrong with you?"),
    ("contempt", "That's pathetic."),
    ("contempt", "Whatever, genius."),
    ("defensiveness", "It's not my fault."),
    ("defensiveness", "I didn't do anything wrong."),
    ("defensiveness", "Well you forgot my birthday."),
    ("stonewalling", "I'm done talking."),
    ("stonewalling", "Whatever."),
    ("stonewalling", "Leave me alone."),
    ("either_or", "Either we go to my mum's or we stay home."),
    ("either_or", "It's my way or the highway."),
    ("yes_but", "Yes, but you promised."),
    ("yes_but", "I hear you, but it's late."),
    ("yes_but", "That's true but I'm tired."),
    ("absolute", "You always forget."),
    ("absolute", "You never call."),
    ("undervalue", "You don't need that."),
    ("undervalue", "It's not a big deal."),
    ("undervalue", "You're overreacting."),
    ("label", "It sounds like you had a long day."),
    ("label", "It seems like you're worried."),
    ("label", "It looks like this is hard for you."),
    ("calibrated_question", "What would help?"),
    ("calibrated_question", "How can we make this work?"),
    ("elicit_preference", "What do you prefer?"),
    ("elicit_preference", "Which would you rather have?"),
    ("self_need", "I need more sleep."),
    ("self_need", "It matters to me."),
    ("other_need", "It matters to you, I know."),
    ("no_need", "I don't need the car."),
    ("no_need", "I can do without the tent."),
    ("showing_empathy", "I'm sorry, that must be hard."),
    ("shared_problem", "Let's figure this out together."),
    ("yes_and", "Yes, and we could also ask your sister."),
    ("gentle_startup", "I feel tired about the laundry and I need a hand with it."),
    ("appreciation", "Thank you for cooking."),
    ("appreciation", "I appreciate it."),
    ("responsibility", "I was wrong."),
    ("responsibility", "I should have told you."),
    ("responsibility", "My part in this was shouting."),
    ("accusation_audit", "You probably think I'm being selfish."),
    ("accusation_audit", "This might sound selfish, but I need Sundays."),
    ("fairness_appeal", "That's fair."),
    ("fairness_appeal", "Let's split it evenly."),
    ("small_talk", "Hi! How are you?"),
    ("small_talk", "Lovely weather today."),
    ("pursue", "Answer me!"),
    ("pursue", "Why aren't you replying?"),
    ("pursue", "We need to talk right now."),
    ("pursue", "Are you mad? Are you mad?"),
    ("withdraw", "I need space."),
    ("withdraw", "I can't do this."),
    ("withdraw", "Leave it."),
    ("time_out", "I need 20 minutes, let's talk at 8."),
    ("time_out", "Can we take a break and come back to this after dinner?"),
]

NEGATIVE = [
    ("criticism", "You're not lazy, you're exhausted."),
    ("criticism", "I don't think you're selfish."),
    ("criticism", "It sounds like you had a long day."),
    ("contempt", "That film was pathetic."),
    ("defensiveness", "It's not your fault."),
    ("defensiveness", "Well, you could try the blue one."),
    ("stonewalling", "Whatever you choose is fine."),
    ("stonewalling", "I need 20 minutes, let's talk at 8."),
    ("either_or", "I don't mind either way."),
    ("yes_but", "I wanted to come but the bus broke down."),
    ("absolute", "I always love our walks."),
    ("absolute", "He said 'you always ruin everything' and left."),
    ("absolute", "You never have to apologise for crying."),
    ("undervalue", "The scratch is not a big deal to me."),
    ("label", "That sounds like a plan."),
    ("label", "It looks like rain."),
    ("calibrated_question", "Why did you do that?"),
    ("calibrated_question", "Why can't you help?"),
    ("calibrated_question", "Do you want to go?"),
    ("calibrated_question", "How am I supposed to do that?"),
    ("self_need", "I don't need the car."),
    ("pursue", "Call me back when you get a chance."),
    ("withdraw", "Leave it on the counter."),
    ("withdraw", "I need 20 minutes, let's talk at 8."),
    ("time_out", "I need 20 minutes to finish this report."),
    ("time_out", "Let's talk at 8 about the holiday."),
    ("appreciation", "Thanks for nothing."),
    ("responsibility", "It's not my fault."),
    ("gentle_startup", "I feel like you never listen and I need you to change."),
    ("safety_concern", "I hit the gym this morning."),
    ("safety_concern", "This traffic is killing me."),
]


@pytest.mark.parametrize(("label", "text"), POSITIVE)
def test_each_label_fires_on_its_example(label: str, text: str) -> None:
    assert label in labels(text)


@pytest.mark.parametrize(("label", "text"), NEGATIVE)
def test_each_label_stays_quiet_on_its_hard_negative(label: str, text: str) -> None:
    assert label not in labels(text)


def test_every_label_the_rules_emit_is_a_known_label() -> None:
    seen = {h.label for text in [t for _, t in POSITIVE] for h in detect(text)}
    assert seen <= set(LABELS)


def test_spans_point_at_the_words_that_triggered_the_label() -> None:
    text = "Honestly, you never help with the dishes!"
    (hit,) = [h for h in detect(text) if h.label == "absolute"]
    assert all(text[s.start : s.end] == s.text for s in hit.spans)
    assert "you never" in hit.spans[0].text.lower()
    assert 0 < hit.confidence <= 1


def test_a_pause_with_a_time_to_return_is_a_time_out_not_stonewalling() -> None:
    found = labels("I need 20 minutes, let's talk at 8")
    assert "time_out" in found
    assert not found & {"stonewalling", "withdraw"}


def test_a_label_is_not_read_as_criticism() -> None:
    found = labels("It sounds like you had a long day")
    assert "label" in found
    assert not found & set(BLOCKERS)


def test_saying_you_do_not_need_something_is_no_need_not_self_need() -> None:
    found = labels("I don't need the car")
    assert "no_need" in found
    assert "self_need" not in found


def test_a_why_question_is_not_a_calibrated_question() -> None:
    assert "calibrated_question" not in labels("Why would you do that?")
    assert "calibrated_question" in labels("What would you like to do?")


@pytest.mark.parametrize(
    ("context", "text", "expected"),
    [
        (("I'm tired of being the bad guy.",), "The bad guy?", True),
        (("I feel invisible around your family.",), "Invisible around my family?", True),
        ((), "The bad guy?", False),
        (("I'm tired of being the bad guy.",), "The good guy?", False),
        (("I'm tired of being the bad guy.",), "The bad guy.", False),
    ],
)
def test_a_mirror_repeats_the_previous_words_as_a_question(
    context: tuple[str, ...], text: str, expected: bool
) -> None:
    assert ("mirror" in labels(text, context)) is expected


def test_an_utterance_can_carry_several_labels_or_none() -> None:
    assert {"yes_but", "absolute"} <= labels("Yes, but you always say that.")
    assert labels("The school trip form needs both our signatures.") == set()


SAFETY_CASES = [
    ("He pushed me against the wall.", "violence"),
    ("I'll make you regret this.", "threat"),
    ("Do it or else.", "threat"),
    ("If you leave I'll take the kids.", "threat"),
    ("You're not allowed to see your friends.", "coercive_control"),
    ("Give me your phone, I'm checking your messages.", "coercive_control"),
    ("He keeps showing up at my work uninvited.", "stalking"),
    ("I track your location.", "stalking"),
    ("I want to kill myself.", "self_harm"),
    ("I want to end it all.", "self_harm"),
    ("I don't want to be alive anymore.", "self_harm"),
    ("Sometimes I hurt myself.", "self_harm"),
]


@pytest.mark.parametrize(("text", "kind"), SAFETY_CASES)
def test_safety_concerns_are_flagged_with_their_kind(text: str, kind: str) -> None:
    (hit,) = [h for h in detect(text) if h.label == "safety_concern"]
    assert hit.kind == kind
    assert hit.kind in SAFETY_KINDS
    assert hit.spans


WRAPPERS = [
    "It sounds like you're tired. {}",
    "I need 20 minutes, let's talk at 8. {}",
    "Thank you for listening. {}",
    "My friend told me '{}'",
    'He said "{}"',
    "I'm not saying this, but {}",
    "{} Just kidding lol",
    "Yes, and {} What would help? I was wrong.",
    "{} I hear you. I appreciate you. Let's figure this out together.",
]


@pytest.mark.parametrize("wrapper", WRAPPERS)
@pytest.mark.parametrize(("text", "kind"), SAFETY_CASES)
def test_no_other_label_quote_or_negation_suppresses_a_safety_concern(
    wrapper: str, text: str, kind: str
) -> None:
    assert "safety_concern" in labels(wrapper.format(text))


def test_a_quoted_threat_is_flagged_but_a_quoted_absolute_is_not_held_against_the_speaker() -> None:
    found = labels("he said 'you always ruin everything' and then he choked me")
    assert "safety_concern" in found
    assert "absolute" not in found


BLOCKER_EXAMPLES = [text for label, text in POSITIVE if label in BLOCKERS] + [
    "You never help with the dishes!",
    "You're so lazy, you never lift a finger.",
    "Either you do the bins or you pay for a cleaner.",
    "That's true but you never call first.",
    "It's not my fault, you always leave it to the last minute.",
]


def devset() -> list[dict[str, Any]]:
    with DEVSET.open(encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def devset_blocker_texts() -> list[str]:
    return [str(r["text"]) for r in devset() if set(r["labels"]) & set(BLOCKERS)]


@pytest.mark.parametrize("text", BLOCKER_EXAMPLES + devset_blocker_texts())
def test_every_rewrite_of_a_blocker_analyses_clean(text: str) -> None:
    hits = detect(text)
    suggestions = suggest(text, hits)
    blockers = {h.label for h in hits} & set(BLOCKERS)
    if "safety_concern" not in {h.label for h in hits}:
        assert {s.label for s in suggestions} == blockers
    for s in suggestions:
        assert s.advice
        assert not labels(s.rewrite) & {*BLOCKERS, "safety_concern"}, s.rewrite


def test_the_gentle_rewrite_lifts_the_topic_from_the_message() -> None:
    (s,) = suggest("You never help with the dishes!", detect("You never help with the dishes!"))
    assert s.rewrite.startswith("I feel overwhelmed about the dishes.")
    assert "Would you be willing" in s.rewrite
    assert topic("Nothing specific here.") is None


def test_yes_but_becomes_yes_and_and_stonewalling_becomes_a_time_out() -> None:
    (s,) = suggest("I hear you, but it's late.", detect("I hear you, but it's late."))
    assert s.rewrite == "I hear you, and it's late."
    (s,) = suggest("I'm done talking.", detect("I'm done talking."))
    assert "time_out" in labels(s.rewrite)


@pytest.mark.parametrize(
    "text",
    ["You always push me around and I'm scared you'll hurt me.", "You never listen, or else."],
)
def test_a_safety_concern_gets_resources_and_no_rewrite(text: str) -> None:
    (s,) = suggest(text, detect(text))
    assert s.label == "safety_concern"
    assert s.rewrite == ""
    assert all(word not in s.advice.lower() for word in ("hurt", "push", "else"))


@pytest.mark.parametrize("locale", ["default", "en-GB", "en-US", "en_gb", "fr-FR"])
def test_every_locale_starts_with_the_emergency_line(locale: str) -> None:
    lines = resources(locale)
    assert lines[0] == EMERGENCY == "If you are in danger, call your local emergency number."
    assert len(lines) > 1
    assert not any("http" in line or "www." in line for line in lines)


def test_the_uk_and_us_lists_name_their_national_services() -> None:
    assert {"default", "en-GB", "en-US"} <= set(locales())
    uk, us = " ".join(resources("en-GB")), " ".join(resources("en-US"))
    assert "999" in uk and "0808 2000 247" in uk and "116 123" in uk
    assert "911" in us and "1-800-799-7233" in us and "988" in us


def test_the_devset_is_big_enough_and_uses_known_labels() -> None:
    rows = devset()
    counts = Counter(label for r in rows for label in r["labels"])
    assert len(rows) >= 250
    assert set(counts) <= set(LABELS)
    assert all(n >= 10 for n in counts.values()), counts
    assert sum(1 for r in rows if not r["labels"]) >= 50
    assert all(r.get("kind") in SAFETY_KINDS for r in rows if "safety_concern" in r["labels"])


def test_the_rules_on_the_devset_catch_every_safety_concern_and_keep_macro_f1() -> None:
    """Per-label precision/recall/F1 of detect() on evaluation/coach_devset.jsonl, over the labels
    the set annotates. Measured when written: macro-F1 0.997 (the only misses were four safety
    false positives, by design), safety recall 1.0. The floor of 0.90 leaves room for rule changes
    but catches a regression. Caveat: the set and the rules were written by the same author."""
    rows = devset()
    covered = sorted({label for r in rows for label in r["labels"]})
    tp: Counter[str] = Counter()
    fp: Counter[str] = Counter()
    fn: Counter[str] = Counter()
    for r in rows:
        got = labels(str(r["text"]), tuple(r["context"]))
        gold = set(r["labels"])
        for label in covered:
            tp[label] += label in got and label in gold
            fp[label] += label in got and label not in gold
            fn[label] += label not in got and label in gold
    f1 = {
        label: 2 * tp[label] / (2 * tp[label] + fp[label] + fn[label]) if tp[label] else 0.0
        for label in covered
    }
    assert fn["safety_concern"] == 0 and tp["safety_concern"] > 0
    assert sum(f1.values()) / len(f1) >= 0.90, f1
