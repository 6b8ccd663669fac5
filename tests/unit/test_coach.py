"""The coach as a person and a program use it: analyse(), the CLI, batch files."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from accord.coach import analyse, analyse_batch
from accord.coach.types import BLOCKERS, LABELS
from tests.command import ROOT, accord


@pytest.mark.parametrize(
    "text",
    [
        "You never help with the dishes, you're so lazy.",
        "It sounds like you had a long day. What would help right now?",
        "I need 20 minutes, let's talk at 8.",
        "Hello! How are you doing today?",
    ],
)
def test_every_span_points_at_the_words_that_triggered_it(text: str) -> None:
    result = analyse(text)
    for hit in result.hits:
        assert hit.label in LABELS
        assert 0 <= hit.confidence <= 1
        for span in hit.spans:
            assert text[span.start : span.end] == span.text


def test_a_blocker_closes_the_talk_and_gets_a_rewrite_that_reads_clean() -> None:
    result = analyse("You never help with the dishes, you're so lazy.")
    assert result.reading in {"closes", "mixed"}
    assert result.suggestions
    for suggestion in result.suggestions:
        again = analyse(suggestion.rewrite)
        assert not set(again.labels) & set(BLOCKERS), (suggestion.rewrite, again.labels)


def test_a_safety_concern_comes_with_help_and_the_emergency_line() -> None:
    result = analyse("If you leave me I will hurt you.")
    assert result.has("safety_concern")
    assert result.reading == "unsafe"
    assert any("emergency" in line for line in result.resources)


def test_context_can_be_one_utterance_or_several() -> None:
    a = analyse("The kids?", "I can't pick up the kids")
    b = analyse("The kids?", ["Hi", "I can't pick up the kids"])
    assert a.labels == b.labels


def test_batch_gives_the_same_labels_as_one_by_one() -> None:
    items = [
        ("Hello! How are you?", None),
        ("I really need the water, my kids get dehydrated.", "What do you need most?"),
        ("You always do this.", None),
    ]
    assert [r.labels for r in analyse_batch(items)] == [analyse(t, c).labels for t, c in items]


def test_the_cli_prints_json_for_one_message() -> None:
    done = accord("coach", "You always forget, you're so careless.", "--json")
    assert done.returncode == 0, done.stderr
    data = json.loads(done.stdout)
    assert "absolute" in data["labels"] or "criticism" in data["labels"]


def test_the_cli_reads_and_writes_jsonl_in_order(tmp_path: Path) -> None:
    lines = [
        {"text": "Hello! How are you?"},
        {"text": "I'm done talking about this."},
        {"text": "the kids?", "context": "I can't pick up the kids"},
    ]
    path = tmp_path / "in.jsonl"
    path.write_text("\n".join(json.dumps(x) for x in lines) + "\n")
    done = accord("coach", "--jsonl", str(path))
    assert done.returncode == 0, done.stderr
    out = [json.loads(line) for line in done.stdout.splitlines()]
    assert len(out) == 3
    assert all("labels" in o for o in out)


def test_a_bad_jsonl_line_is_named(tmp_path: Path) -> None:
    path = tmp_path / "in.jsonl"
    path.write_text('{"text": "hi"}\n{"txt": "oops"}\n')
    done = accord("coach", "--jsonl", str(path))
    assert done.returncode == 2
    assert "line 2" in done.stderr


def test_every_rewrite_on_the_development_set_reads_clean_through_the_whole_coach() -> None:
    # The rules check their own rewrites; this reads them again with the model too, since the
    # model can also report a blocker (undervalue).
    checked = 0
    for line in (ROOT / "evaluation" / "coach_devset.jsonl").read_text().splitlines():
        row = json.loads(line)
        for suggestion in analyse(row["text"], row.get("context")).suggestions:
            if not suggestion.rewrite:
                continue
            checked += 1
            again = analyse(suggestion.rewrite)
            assert not set(again.labels) & set(BLOCKERS), (suggestion.rewrite, again.labels)
    assert checked >= 50
