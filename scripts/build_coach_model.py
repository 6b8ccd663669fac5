"""Build (and measure) the coach's strategy model from the CaSiNo train split.

    .venv/bin/python scripts/build_coach_model.py [--data DIR] [--cv] [--no-write]

Development only: needs scikit-learn and scipy, which the package itself never imports.
Steps, all deterministic (no randomness is used; folds are GroupKFold over dialogues):

1. Read the annotated dialogues of ``casino_train.json``; every utterance is an example whose
   context is the annotated utterances before it (as :mod:`accord.coach.evaluate` reads them).
2. With ``--cv``: 5-fold GroupKFold over dialogues. In each outer fold the vocabulary, the
   IDF, the coefficients and the thresholds are fitted on the training folds only (thresholds
   by an inner GroupKFold on those folds), then the held-out dialogues are scored.
3. Fit on all annotated train dialogues (thresholds from an inner 3-fold GroupKFold), score the
   untouched valid split, and write ``src/accord/coach/artifacts/strategy_model.json`` with a
   model card holding the figures and a few sample predictions that the tests check the numpy
   predictor against.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np
import scipy.sparse as sp
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import GroupKFold

from accord.coach.evaluate import Evaluation, Example, dialogue_examples, load_casino, score
from accord.coach.strategy import (
    STRATEGY_LABELS,
    TFIDF_GROUPS,
    StrategyModel,
    Vectoriser,
    cue_owner,
    terms,
)

ROOT = Path(__file__).resolve().parents[1]
ARTIFACT = ROOT / "src" / "accord" / "coach" / "artifacts" / "strategy_model.json"
DEFAULT_DATA = ROOT.parent / "shared" / "data" / "casino"

MIN_DF = {"w": 2, "c": 3, "p": 2, "q": 3}
GROUP_WEIGHT = {"w": 1.0, "c": 1.0, "p": 0.5, "q": 0.3}
C = 4.0
FOLDS = 5
INNER_FOLDS = 3
GRID = np.round(np.arange(0.10, 0.91, 0.02), 2)

Raw = dict[str, float]


def vocabulary(raws: Sequence[Raw]) -> tuple[list[str], list[float]]:
    """Terms kept (document frequency at least MIN_DF of their group) and their smoothed IDF,
    idf = ln((1 + n) / (1 + df)) + 1 as in scikit-learn; cue features keep idf 1."""
    df: dict[str, int] = {}
    for raw in raws:
        for key in raw:
            df[key] = df.get(key, 0) + 1
    n = len(raws)
    kept = sorted(k for k, d in df.items() if d >= MIN_DF.get(k.split(":", 1)[0], 1))
    idf = [
        float(np.log((1 + n) / (1 + df[k])) + 1) if k.split(":", 1)[0] in TFIDF_GROUPS else 1.0
        for k in kept
    ]
    return kept, idf


def matrix(vectoriser: Vectoriser, raws: Sequence[Raw]) -> sp.csr_matrix:
    indptr, columns, values = [0], [], []
    for raw in raws:
        cols, vals = vectoriser.row(raw)
        columns.extend(cols)
        values.extend(vals)
        indptr.append(len(columns))
    shape = (len(raws), len(vectoriser.index))
    return sp.csr_matrix((values, columns, indptr), shape=shape, dtype=np.float64)


def targets(examples: Sequence[Example]) -> np.ndarray:
    return np.array([[label in e.labels for label in STRATEGY_LABELS] for e in examples], bool)


def fit_weights(
    x: sp.csr_matrix, y: np.ndarray, allowed: np.ndarray
) -> tuple[np.ndarray, np.ndarray]:
    """One logistic regression per label over NB-scaled features (Wang and Manning 2012).

    Each column j is multiplied, for label k, by the smoothed log-count ratio
    r_jk = log((p_j / |p|) / (q_j / |q|)), p_j (q_j) being 1 + the number of positive
    (negative) examples with the feature; the regression's weight v_jk then stands for
    w_jk = r_jk * v_jk on the unscaled feature, so the predictor is unchanged. ``allowed[j, k]``
    is False for a label-specific cue of another label: its weight stays zero.
    """
    coef = np.zeros((x.shape[1], y.shape[1]))
    intercept = np.zeros(y.shape[1])
    present = (x != 0).astype(np.float64).tocsr()
    for k in range(y.shape[1]):
        pos = np.asarray(present[y[:, k]].sum(axis=0)).ravel() + 1.0
        neg = np.asarray(present[~y[:, k]].sum(axis=0)).ravel() + 1.0
        ratio = np.log((pos / pos.sum()) / (neg / neg.sum())) * allowed[:, k]
        model = LogisticRegression(
            C=C, class_weight="balanced", solver="liblinear", tol=1e-6, random_state=0
        )
        model.fit(x @ sp.diags(ratio), y[:, k])
        coef[:, k] = model.coef_[0] * ratio
        intercept[k] = model.intercept_[0]
    return coef, intercept


def fit_plain(raws: Sequence[Raw], y: np.ndarray) -> dict[str, Any]:
    """Vocabulary, IDF and weights fitted on these examples; thresholds all 0.5."""
    kept, idf = vocabulary(raws)
    vectoriser = Vectoriser.build(kept, idf, GROUP_WEIGHT)
    owners = [cue_owner(term) for term in kept]
    allowed = np.array([[o is None or o == label for label in STRATEGY_LABELS] for o in owners])
    coef, intercept = fit_weights(
        matrix(vectoriser, raws), y, allowed.reshape(-1, len(STRATEGY_LABELS))
    )
    return {
        "labels": list(STRATEGY_LABELS),
        "vocabulary": kept,
        "idf": idf,
        "group_weight": GROUP_WEIGHT,
        # 6 significant digits keep the artifact small; the samples are checked against these.
        "coef": [[float(f"{c:.6g}") for c in row] for row in coef.tolist()],
        "intercept": intercept.tolist(),
        "thresholds": [0.5] * len(STRATEGY_LABELS),
    }


def predict(model: dict[str, Any], examples: Sequence[Example]) -> np.ndarray:
    return StrategyModel.from_dict(model).probabilities([(e.text, e.context) for e in examples])


def best_thresholds(probabilities: np.ndarray, y: np.ndarray) -> list[float]:
    """For each label, the grid threshold with the best F1 on out-of-fold probabilities."""
    chosen = []
    for k in range(y.shape[1]):
        f1s = []
        for t in GRID:
            guess = probabilities[:, k] >= t
            tp = float(np.sum(guess & y[:, k]))
            denominator = float(guess.sum() + y[:, k].sum())
            f1s.append(2 * tp / denominator if denominator else 0.0)
        chosen.append(float(GRID[int(np.argmax(f1s))]))
    return chosen


def fit(examples: Sequence[Example], groups: Sequence[str]) -> dict[str, Any]:
    """The full model: weights on all examples, thresholds from an inner GroupKFold."""
    raws = [terms(e.text, e.context) for e in examples]
    y = targets(examples)
    out_of_fold = np.zeros(y.shape)
    for train, test in GroupKFold(n_splits=INNER_FOLDS).split(raws, groups=groups):
        inner = fit_plain([raws[i] for i in train], y[train])
        out_of_fold[test] = predict(inner, [examples[i] for i in test])
    model = fit_plain(raws, y)
    model["thresholds"] = best_thresholds(out_of_fold, y)
    return model


def decided(model: dict[str, Any], examples: Sequence[Example]) -> list[list[str]]:
    loaded = StrategyModel.from_dict(model)
    rows = loaded.decide(predict(model, examples))
    return [[lab for lab, on in zip(STRATEGY_LABELS, row, strict=True) if on] for row in rows]


def cross_validate(examples: Sequence[Example], groups: Sequence[str]) -> Evaluation:
    predicted: list[list[str]] = [[] for _ in examples]
    for fold, (train, test) in enumerate(GroupKFold(n_splits=FOLDS).split(examples, groups=groups)):
        start = time.perf_counter()
        model = fit([examples[i] for i in train], [groups[i] for i in train])
        for i, labels in zip(test, decided(model, [examples[i] for i in test]), strict=True):
            predicted[i] = labels
        print(f"  fold {fold + 1}/{FOLDS} fitted in {time.perf_counter() - start:.0f} s")
    return score([e.labels for e in examples], predicted, dialogues=len(set(groups)))


def table(title: str, evaluation: Evaluation) -> str:
    lines = [
        f"{title}: macro-F1 {evaluation.macro_f1:.3f} "
        f"({evaluation.utterances} utterances, {evaluation.dialogues} dialogues)",
        f"  {'label':<18}{'P':>7}{'R':>7}{'F1':>7}{'support':>9}",
    ]
    for r in evaluation.rows:
        lines.append(f"  {r.label:<18}{r.precision:7.3f}{r.recall:7.3f}{r.f1:7.3f}{r.support:9d}")
    return "\n".join(lines)


def annotated(dialogues: Sequence[dict[str, Any]]) -> tuple[list[Example], list[str]]:
    examples: list[Example] = []
    groups: list[str] = []
    for i, d in enumerate(dialogues):
        for e in dialogue_examples(d):
            examples.append(e)
            groups.append(str(d.get("dialogue_id", i)))
    return examples, groups


def samples(model: dict[str, Any], examples: Sequence[Example]) -> list[dict[str, Any]]:
    """A few examples with scikit-learn's probabilities, for the tests to check against."""
    picked = [examples[i] for i in range(0, len(examples), max(1, len(examples) // 12))][:12]
    vectoriser = StrategyModel.from_dict(model).vectoriser
    x = matrix(vectoriser, [terms(e.text, e.context) for e in picked])
    out = []
    for k in range(len(STRATEGY_LABELS)):
        lr = LogisticRegression()
        lr.classes_ = np.array([False, True])
        lr.coef_ = np.array(model["coef"])[:, k][None, :]
        lr.intercept_ = np.array([model["intercept"][k]])
        out.append(lr.predict_proba(x)[:, 1])
    probabilities = np.array(out).T
    return [
        {"text": e.text, "context": list(e.context), "probabilities": row.tolist()}
        for e, row in zip(picked, probabilities, strict=True)
    ]


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    default = Path(os.environ.get("ACCORD_CASINO_DIR") or DEFAULT_DATA)
    parser.add_argument("--data", type=Path, default=default)
    parser.add_argument("--cv", action="store_true", help="also cross-validate (slow)")
    parser.add_argument("--no-write", action="store_true", help="do not write the artifact")
    args = parser.parse_args(argv)

    train, groups = annotated(load_casino(args.data / "casino_train.json"))
    valid_dialogues = load_casino(args.data / "casino_valid.json")
    card: dict[str, Any] = {
        "data": 'CaSiNo (Chawla et al., "CaSiNo: A Corpus of Campsite Negotiation Dialogues '
        'for Automatic Negotiation Systems", NAACL 2021), CC BY 4.0; train split, annotated '
        "dialogues only",
        "model": f"one-vs-rest logistic regression (C={C}, balanced classes) over word, "
        "character and context TF-IDF groups and binary cue features, each scaled per label by "
        "its naive-Bayes log-count ratio (label-specific cues only for their label); per-label "
        "thresholds "
        f"from {INNER_FOLDS}-fold GroupKFold over dialogues",
        "build": "scripts/build_coach_model.py",
    }
    if args.cv:
        evaluation = cross_validate(train, groups)
        print(table(f"{FOLDS}-fold GroupKFold on train", evaluation))
        card["cross_validated"] = evaluation.to_dict()
    model = fit(train, groups)
    valid, valid_groups = annotated(valid_dialogues)
    evaluation = score(
        [e.labels for e in valid], decided(model, valid), dialogues=len(set(valid_groups))
    )
    print(table("valid split", evaluation))
    card["valid"] = evaluation.to_dict()
    card["samples"] = samples(model, train)
    model["card"] = card
    if not args.no_write:
        ARTIFACT.parent.mkdir(parents=True, exist_ok=True)
        ARTIFACT.write_text(json.dumps(model, separators=(",", ":")) + "\n", encoding="utf-8")
        print(f"wrote {ARTIFACT.relative_to(ROOT)} ({ARTIFACT.stat().st_size / 1e6:.1f} MB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
