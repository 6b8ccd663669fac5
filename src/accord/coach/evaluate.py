"""How well the strategy model finds the nine CaSiNo strategies, per label (METHOD.md section 9).

For each label: precision = TP / (TP + FP), recall = TP / (TP + FN),
F1 = 2PR / (P + R) (0 when P + R = 0), support = TP + FN. Macro-F1 is the unweighted mean of F1
over the labels that occur in the data (support > 0): a label absent from the data has no F1
to speak of, and it is listed with its false alarms but left out of the mean.

Each annotated utterance is read with the annotated utterances before it in its dialogue as its
context, as the model saw them in training. Only :func:`load_casino` touches the file system.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from accord.casino.replay import load_dialogues
from accord.coach.strategy import STRATEGY_LABELS, StrategyModel
from accord.coach.types import CASINO_LABELS


@dataclass(frozen=True, slots=True)
class Example:
    """One annotated utterance: its text, the utterances before it, and its labels (ours)."""

    text: str
    context: tuple[str, ...]
    labels: frozenset[str]


@dataclass(frozen=True, slots=True)
class LabelScore:
    """One label's figures."""

    label: str
    precision: float
    recall: float
    f1: float
    support: int
    predicted: int
    true_positives: int


@dataclass(frozen=True, slots=True)
class Evaluation:
    """Per-label figures and their macro-F1, over ``utterances`` from ``dialogues`` dialogues."""

    rows: tuple[LabelScore, ...]
    macro_f1: float
    utterances: int
    dialogues: int

    def to_dict(self) -> dict[str, Any]:
        return {
            "macro_f1": round(self.macro_f1, 4),
            "utterances": self.utterances,
            "dialogues": self.dialogues,
            "labels": {
                r.label: {
                    "precision": round(r.precision, 4),
                    "recall": round(r.recall, 4),
                    "f1": round(r.f1, 4),
                    "support": r.support,
                    "predicted": r.predicted,
                }
                for r in self.rows
            },
        }


def load_casino(path: str | Path) -> list[dict[str, Any]]:
    """The CaSiNo dialogues in a JSON file, or in every dialogue file of a directory."""
    return load_dialogues(path)


def casino_labels(annotation: str) -> frozenset[str]:
    """Our label names for one CaSiNo annotation string such as ``"self-need,vouch-fair"``.

    >>> sorted(casino_labels("self-need, vouch-fair"))
    ['fairness_appeal', 'self_need']
    >>> casino_labels("non-strategic")
    frozenset()
    """
    parts = (p.strip() for p in annotation.split(","))
    return frozenset(CASINO_LABELS[p] for p in parts if p in CASINO_LABELS)


def dialogue_examples(dialogue: Mapping[str, Any]) -> list[Example]:
    """The annotated utterances of one dialogue, each with the ones before it as context."""
    examples: list[Example] = []
    seen: list[str] = []
    for item in dialogue.get("annotations") or ():
        text, annotation = str(item[0]), str(item[1])
        examples.append(Example(text, tuple(seen), casino_labels(annotation)))
        seen.append(text)
    return examples


def score(
    truth: Sequence[frozenset[str]], predicted: Sequence[Iterable[str]], *, dialogues: int = 0
) -> Evaluation:
    """Per-label precision, recall and F1 of ``predicted`` label sets against ``truth``."""
    if len(truth) != len(predicted):
        raise ValueError(f"{len(truth)} true label sets but {len(predicted)} predicted")
    guessed = [frozenset(p) for p in predicted]
    rows: list[LabelScore] = []
    for label in STRATEGY_LABELS:
        tp = sum(1 for t, p in zip(truth, guessed, strict=True) if label in t and label in p)
        support = sum(1 for t in truth if label in t)
        n_predicted = sum(1 for p in guessed if label in p)
        precision = tp / n_predicted if n_predicted else 0.0
        recall = tp / support if support else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        rows.append(LabelScore(label, precision, recall, f1, support, n_predicted, tp))
    scored = [r.f1 for r in rows if r.support]
    macro = sum(scored) / len(scored) if scored else 0.0
    return Evaluation(tuple(rows), macro, len(truth), dialogues)


def evaluate_casino(dialogues: Sequence[Mapping[str, Any]], model: StrategyModel) -> Evaluation:
    """The model's figures on the annotated utterances of CaSiNo-format ``dialogues``."""
    annotated = [d for d in dialogues if d.get("annotations")]
    examples = [e for d in annotated for e in dialogue_examples(d)]
    probabilities = model.probabilities([(e.text, e.context) for e in examples])
    decided = model.decide(probabilities)
    predicted = [
        [label for label, on in zip(STRATEGY_LABELS, row, strict=True) if on] for row in decided
    ]
    return score([e.labels for e in examples], predicted, dialogues=len(annotated))


def evaluate_coach(dialogues: Sequence[Mapping[str, Any]]) -> Evaluation:
    """The whole coach's figures (``analyse_batch``, as users get it) on the nine labels of the
    annotated utterances of CaSiNo-format ``dialogues``."""
    from accord.coach.analyse import analyse_batch  # the evaluation of the product, not a part

    annotated = [d for d in dialogues if d.get("annotations")]
    examples = [e for d in annotated for e in dialogue_examples(d)]
    nine = frozenset(STRATEGY_LABELS)
    results = analyse_batch([(e.text, e.context) for e in examples])
    predicted = [[label for label in r.labels if label in nine] for r in results]
    return score([e.labels for e in examples], predicted, dialogues=len(annotated))
