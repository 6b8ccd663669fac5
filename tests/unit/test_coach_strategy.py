"""The learned strategy detector: it loads, speaks in probabilities for the nine CaSiNo labels,
gets clear cases right, reproduces the training pipeline, and is measured honestly."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from accord.coach.evaluate import (
    Example,
    casino_labels,
    dialogue_examples,
    evaluate_casino,
    load_casino,
    score,
)
from accord.coach.strategy import STRATEGY_LABELS, StrategyModel, terms
from accord.coach.types import CASINO_LABELS


@pytest.fixture(scope="module")
def model() -> StrategyModel:
    return StrategyModel.load()


def casino_dir() -> Path:
    default = Path(__file__).resolve().parents[3] / "shared" / "data" / "casino"
    return Path(os.environ.get("ACCORD_CASINO_DIR") or default)


@pytest.fixture(scope="module")
def valid() -> list[dict[str, Any]]:
    path = casino_dir() / "casino_valid.json"
    if not path.is_file():
        message = f"no CaSiNo data at {path.parent} (set ACCORD_CASINO_DIR)"
        if os.environ.get("CI"):
            pytest.fail(message)  # in CI the data is there: never pass by skipping
        pytest.skip(message)
    return load_casino(path)


# --- the model --------------------------------------------------------------------------------


def test_the_packaged_model_loads_once_and_is_shared(model: StrategyModel) -> None:
    assert StrategyModel.load() is model
    assert model.coef.shape == (len(model.vectoriser.index), 9)


def test_the_nine_labels_are_ours_for_casinos_nine() -> None:
    assert set(STRATEGY_LABELS) == set(CASINO_LABELS.values())
    assert len(STRATEGY_LABELS) == 9


@settings(max_examples=60, deadline=None)
@given(
    text=st.text(max_size=200),
    context=st.lists(st.text(max_size=60), max_size=4),
)
def test_predictions_are_probabilities_for_exactly_the_nine_labels(
    model: StrategyModel, text: str, context: list[str]
) -> None:
    predicted = model.predict(text, context)
    assert tuple(predicted) == STRATEGY_LABELS
    assert all(0.0 <= p <= 1.0 for p in predicted.values())


@pytest.mark.parametrize(
    ("text", "label"),
    [
        ("Hello! How are you doing today?", "small_talk"),
        ("I really need the water because my kids get dehydrated", "self_need"),
        ("What do you need most?", "elicit_preference"),
        ("That's fair, let's split it evenly", "fairness_appeal"),
        ("I don't need much firewood, I have plenty at home", "no_need"),
    ],
)
def test_clear_examples_are_labelled_right(model: StrategyModel, text: str, label: str) -> None:
    found = dict(model.labels(text))
    assert label in found, f"{text!r} gave {model.predict(text)}"


def test_labels_are_exactly_those_reaching_their_thresholds(model: StrategyModel) -> None:
    text, context = "I'm sorry to hear that, I need food too", ["My son is sick."]
    predicted = model.predict(text, context)
    expected = {
        label
        for label, t in zip(STRATEGY_LABELS, model.thresholds, strict=True)
        if predicted[label] >= t
    }
    found = model.labels(text, context)
    assert {label for label, _ in found} == expected
    assert [p for _, p in found] == sorted((p for _, p in found), reverse=True)


def test_a_batch_predicts_what_one_at_a_time_does(model: StrategyModel) -> None:
    items: list[tuple[str, list[str]]] = [
        ("Hi there!", []),
        ("", ["Hello"]),
        ("Could you give me two waters?", ["Hi", "I need water", "Why?"]),
    ]
    batch = model.predict_batch(items)
    for (text, context), row in zip(items, batch, strict=True):
        assert row == pytest.approx(model.predict(text, context), abs=1e-12)
    assert model.predict_batch([]) == []


def test_the_previous_utterances_count_as_context() -> None:
    alone = terms("Yes, I can do that")
    after = terms("Yes, I can do that", ["Hello", "Would you give me the firewood?"])
    assert "p:firewood" in after
    assert "ph:question" in after
    assert not any(k.startswith("p:") for k in alone)


def test_the_numpy_predictor_matches_scikit_learn_on_stored_samples(
    model: StrategyModel,
) -> None:
    samples = model.card["samples"]
    assert len(samples) >= 5
    for sample in samples:
        row = model.predict(sample["text"], sample["context"])
        assert list(row.values()) == pytest.approx(sample["probabilities"], abs=1e-9)


# --- the evaluation ---------------------------------------------------------------------------


def test_casino_annotations_map_to_our_labels() -> None:
    assert casino_labels("uv-part,promote-coordination") == {"undervalue", "shared_problem"}
    assert casino_labels("non-strategic") == frozenset()


def test_each_annotated_utterance_has_the_ones_before_it_as_context() -> None:
    dialogue = {"annotations": [["Hi!", "small-talk"], ["I need water", "self-need"]]}
    first, second = dialogue_examples(dialogue)
    assert first == Example("Hi!", (), frozenset({"small_talk"}))
    assert second == Example("I need water", ("Hi!",), frozenset({"self_need"}))


def test_scores_count_hits_misses_and_false_alarms_per_label() -> None:
    truth = [frozenset({"self_need"}), frozenset({"self_need", "small_talk"}), frozenset()]
    predicted = [["self_need"], ["small_talk"], ["self_need"]]
    evaluation = score(truth, predicted)
    rows = {r.label: r for r in evaluation.rows}
    assert (rows["self_need"].precision, rows["self_need"].recall) == (0.5, 0.5)
    assert rows["small_talk"].f1 == 1.0
    # labels absent from the data stay out of the mean
    assert evaluation.macro_f1 == pytest.approx((0.5 + 1.0) / 2)


@pytest.mark.casino
def test_the_valid_split_gives_a_sane_macro_f1_and_rows_that_add_up(
    model: StrategyModel, valid: list[dict[str, Any]]
) -> None:
    evaluation = evaluate_casino(valid, model)
    annotated = [d for d in valid if d.get("annotations")]
    examples = [e for d in annotated for e in dialogue_examples(d)]
    assert evaluation.dialogues == len(annotated)
    assert evaluation.utterances == len(examples)
    assert [r.label for r in evaluation.rows] == list(STRATEGY_LABELS)
    assert sum(r.support for r in evaluation.rows) == sum(len(e.labels) for e in examples)
    for r in evaluation.rows:
        assert 0 <= r.true_positives <= min(r.support, r.predicted)
    assert 0.4 <= evaluation.macro_f1 <= 0.95
