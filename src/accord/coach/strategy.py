"""The learned detector for the nine CaSiNo negotiation strategies (METHOD.md section 7).

One logistic regression per label (one-vs-rest) over features of the utterance and of the
utterances before it. The features are computed here, in plain Python, both when the model is
trained (``scripts/build_coach_model.py`` imports :func:`terms`) and when it runs, so training
and prediction cannot drift apart. The artifact ``artifacts/strategy_model.json`` holds the
vocabulary, inverse document frequencies, coefficients and per-label thresholds; loading it needs
only ``json`` and ``numpy``.

For an utterance with feature vector x (groups of TF-IDF terms, each scaled to unit length and
weighted, plus binary cue features), the probability of label k is

    p_k = 1 / (1 + exp(-(x . w_k + b_k)))

and the label is reported when p_k >= t_k, the threshold tuned by cross-validation on dialogues.

Trained on CaSiNo (Chawla et al., "CaSiNo: A Corpus of Campsite Negotiation Dialogues for
Automatic Negotiation Systems", NAACL 2021; CC BY 4.0).
"""

from __future__ import annotations

import functools
import itertools
import json
import math
import re
from collections.abc import Sequence
from dataclasses import dataclass
from importlib import resources
from typing import Any

import numpy as np
import numpy.typing as npt

from accord.coach.types import CASINO_LABELS

STRATEGY_LABELS: tuple[str, ...] = tuple(CASINO_LABELS.values())
ARTIFACT = "strategy_model.json"

# Feature groups: TF-IDF groups are scaled to unit length each; cue groups are binary.
TFIDF_GROUPS = ("w", "c", "p", "q")
_TOKEN = re.compile(r"[a-z0-9]+(?:'[a-z]+)?")
_SPACE = re.compile(r"\s+")
_APOSTROPHES = str.maketrans({"\u2019": "'", "\u2018": "'", "`": "'"})

_ITEMS = r"(?:food|water|firewood|wood|fire)"
_KIN = r"(?:kids?|children|child|son|daughter|family|wife|husband|baby|babies|dog|pets?|mom|dad)"
_ME = r"(?:i|we|i'm|we're|me|us|my|our)"

# Cues a linguist would look for, by what they suggest. Each is a binary feature.
CUES: dict[str, str] = {
    "food": r"\b(?:food|eat|eating|hungry|meal|meals|snack|cook|starv)",
    "water": r"\b(?:water|drink|thirst|hydrat|dehydrat)",
    "firewood": r"\b(?:firewood|wood|fire|warm|cold|heat|freez)",
    "number": r"\b(?:\d|one|two|three|all|extra|both|none|zero)\b",
    "i_need": r"\b(?:i|we)(?: really| definitely| also| do| would| will| just)? (?:need|require)",
    "i_am_needing": r"\b(?:i'm|i am|we're|we are) (?:in need|going to need|needing|low on|short)",
    "my_kin": rf"\b(?:my|our) (?:\w+ )?{_KIN}\b",
    "health": r"\b(?:diabet|medical|medic|allerg|health|sick|ill\b|pregnan|condition|asthma)",
    "because": r"\b(?:because|since|cause|so that)\b",
    "i_like": rf"\b{_ME} (?:really )?(?:like|love|want|prefer|enjoy)\b",
    "no_need": r"\b(?:i|we) (?:don't|do not|won't|will not|wont|dont)(?: really)? (?:need|require)",
    "have_plenty": r"\b(?:i|we) (?:have|already have|brought|packed|got) "
    r"(?:plenty|enough|a lot|lots)",
    "not_much": r"\b(?:not (?:much|as much|that much|a lot|really)|don't need (?:much|as much))",
    "enough": r"\b(?:plenty|enough|extra|spare|surplus)\b",
    "question": r"\?",
    "wh_you": r"\b(?:what|which|how) (?:do|would|are|is|about) (?:you|your)",
    "do_you_need": r"\b(?:do|would|will|are) you (?:need|want|prefer|like|require|needing)",
    "your_pref": r"\b(?:your|you) (?:top |main |biggest |highest )?(?:priority|priorities|prefer)",
    "most": r"\b(?:most|least|more|less) (?:important|needed|valuable)",
    "you_need": r"\byou (?:\w+ )?(?:need|needs|require)\b",
    "your_kin": rf"\byour (?:\w+ )?{_KIN}\b",
    "you_uv": r"\byou (?:don't|do not|won't|wont|wouldn't|will not|shouldn't)(?: really)? need",
    "cant_you": r"\b(?:can't|cannot|couldn't) you (?:just|get|find)",
    "youll_fine": r"\byou(?:'ll| will| should| would)(?: \w+)? be (?:fine|ok|okay|alright|good)",
    "you_can_get": r"\byou (?:can|could|might) (?:always |just |easily )?(?:get|find|buy|collect|"
    r"gather|boil|fish|hunt|purify|use)",
    "nearby": r"\b(?:lake|river|stream|creek|store|nearby|near by|close by|forest|woods|trees)\b",
    "fair": r"\b(?:fair|fairly|unfair|equal|equally|evenly|even|split|half|share|fairest)\b",
    "empathy": r"\b(?:sorry|sounds like|that sounds|understand|understandable|i see|must be|"
    r"imagine|poor|oh no|hope (?:you|your|they)|that's (?:too bad|terrible|awful|rough))",
    "greeting": r"\b(?:hello|hi|hey|hiya|greetings|good (?:morning|afternoon|evening))\b",
    "how_are_you": r"\bhow (?:are|r) (?:you|u)\b|\bhow's it going|\bhow you doing",
    "pleasantry": r"\b(?:excited|exciting|fun|enjoy|nice to|great trip|have a (?:great|good|nice|"
    r"wonderful)|take care|bye|goodbye|weather|beautiful|camping trip|looking forward)\b",
    "smiley": r"(?::\)|:-\)|:d\b|;\)|\bhaha|\blol\b)",
    "exclaim": r"!",
    "coordinate": r"\b(?:we (?:can|could|should)|let's|let us|both|together|work (?:this|it|"
    r"something) out|compromise|win[- ]win|benefit|help each other|deal\b)",
    "offer": rf"\b(?:how about|what about|would you (?:be willing|like|accept)|i (?:can|could|"
    rf"will|would) (?:give|take|let)|you (?:can|could) (?:have|take))\b|\b\d (?:{_ITEMS})",
    "thanks": r"\b(?:thanks|thank you|thx|appreciate)\b",
    "agree": r"^(?:ok|okay|yes|yeah|sure|sounds good|deal|great|perfect|alright)\b",
}

# Cues written for the three rarest labels. Each is owned by its label (by prefix, see
# LABEL_CUES): the build script lets only that label's regression use it, so the other labels
# cannot fit noise to them.
LABEL_CUES: dict[str, str] = {"nn_": "no_need", "uv_": "undervalue", "em_": "showing_empathy"}
CUES.update(
    {
        "nn_dont_need": r"\b(?:i|we) (?:really |honestly |actually )?(?:don't|do not|dont|"
        r"won't|wont|will not|wouldn't|do not really) (?:really |actually |even |particularly "
        r")?(?:need|require|use|want|care)",
        "nn_fine": r"\b(?:i'm|i am|we're|we are|we'll be|i'll be) (?:\w+ )?(?:fine|good|"
        r"ok|okay|set|covered|all set|well stocked|stocked)\b",
        "nn_have": r"\b(?:i|we) (?:already )?(?:have|brought|packed|got|bought) (?:\w+ "
        r")?(?:plenty|enough|a lot|lots|more than enough|extra|a bunch|tons)",
        "nn_you_can_have": r"\byou can (?:have|take|keep) (?:all|both|the rest|everything|"
        r"it all|all the|all of)",
        "nn_not_priority": r"\b(?:not|isn't|is not|least) (?:a |my |our |that |much of "
        r"a |really a )?(?:big |high |top |main )?(?:priority|concern|issue|important|"
        r"big deal)",
        "nn_no_use": r"\b(?:no use|no need for|not going to use|won't use|don't use|not "
        r"be using|not using)",
        "nn_have2": r"\b(?:i|we) (?:have|got|brought|packed|bought|already have) (?:tons|"
        r"a lot|lots|plenty|more than enough|extra|a bunch)\b|\b(?:in (?:pretty |really "
        r")?good shape|can do with(?:out| less)|get by with|don't (?:\w+ )?(?:eat|drink) "
        r"(?:a lot|much)|not (?:a big|much of an?) (?:eater|drinker)|don't get cold)",
        "uv_you_dont": r"\byou (?:really |probably |surely )?(?:don't|do not|dont|won't|"
        r"wont|wouldn't|shouldn't|will not|would not) (?:really |probably |even |actually "
        r")?(?:need|require|use)",
        "uv_surely": r"\b(?:surely|certainly|i'm sure|i am sure|i bet|obviously) (?:you|"
        r"your)",
        "uv_just": r"\byou (?:can|could|should|would) (?:just|easily|always|simply)",
        "uv_fine": r"\byou(?:'ll| will| should| would|'d|'re| are)(?: \w+)? (?:be )?(?:fine|"
        r"ok|okay|alright|good|survive|manage)",
        "uv_reason": r"\b(?:not a (?:good|valid|real) reason|doesn't make sense|that's "
        r"not|not that (?:important|big|bad)|no big deal|don't see why|why would you|why "
        r"do you need|can't you|you can always|plenty of|there's (?:plenty|lots|a lot)|"
        r"there is (?:plenty|lots|a lot))",
        "uv_source": r"\b(?:lake|river|stream|creek|store|forest|woods|trees|fish|hunt|"
        r"gather|collect|purif|boil|filter|nearby|sticks|branches|berries)",
        "uv_really": r"\b(?:do|would|will) you (?:really|even|actually) (?:need|want|require)|"
        r"\b(?:too much|more than you need|you (?:probably|might|may) (?:not )?(?:need|"
        r"have)|you(?:'ll| will) have (?:plenty|enough|lots))",
        "em_sorry": r"\b(?:sorry (?:to hear|about|for|that)|so sorry|i'm sorry|sorry you|"
        r"that must|must be (?:hard|tough|difficult|rough|awful|terrible)|oh no|oh my|"
        r"oh wow|poor thing|that's (?:too bad|terrible|awful|rough|unfortunate|horrible|"
        r"sad|a shame)|what a shame|bummer)",
        "em_understand": r"\b(?:i (?:totally |completely |definitely |do |can |fully )?(?:understa"
        r"nd|get it|get that|see that|hear you|feel you|know how|can imagine|sympathize)|"
        r"understandable|makes sense|that makes sense|i can relate|i feel (?:the same|"
        r"for you|bad))",
        "em_hope": r"\b(?:hope (?:you|your|they|she|he|everyone|the)|feel better|get well|"
        r"stay safe|be safe|take care|wish you|best wishes|glad to hear|good to hear|happy "
        r"to help|happy to hear)",
        "em_you_kin": r"\b(?:your|you) (?:\w+ )?(?:kids?|children|family|son|daughter|"
        r"wife|husband|baby|dog|health|condition|diabet|medic|sick)",
        "em_react": r"(?:^|[.!] )(?:aw+e?|oh dear|oh man|oh wow|wow|ouch|yikes|that sucks|"
        r"that's rough|that is (?:totally |very |so )?understandable|that sounds (?:serious|"
        r"hard|tough|rough|awful|terrible|scary|bad|fun|great|lovely|nice|reasonable)|"
        r"good to hear|that's (?:great|awesome|wonderful|good) to hear)",
    }
)
_CUES = tuple((name, re.compile(pattern)) for name, pattern in CUES.items())


def cue_owner(term: str) -> str | None:
    """The label that alone may use this term (a label-specific cue), or None if all may."""
    name = term.split(":", 1)[-1]
    for prefix, label in LABEL_CUES.items():
        if name.startswith(prefix):
            return label
    return None


def normalise(text: str) -> str:
    """Lower case, plain apostrophes, single spaces."""
    return _SPACE.sub(" ", text.translate(_APOSTROPHES).lower()).strip()


def _words(text: str, prefix: str, out: dict[str, float]) -> None:
    tokens = _TOKEN.findall(text)
    for token in tokens:
        key = f"{prefix}:{token}"
        out[key] = out.get(key, 0.0) + 1.0
    for a, b in itertools.pairwise(tokens):
        key = f"{prefix}:{a} {b}"
        out[key] = out.get(key, 0.0) + 1.0


def _chars(text: str, out: dict[str, float]) -> None:
    # Character n-grams inside word boundaries (like scikit-learn's "char_wb"), 3 to 5 long.
    for word in text.split(" "):
        padded = f" {word} "
        for n in (3, 4, 5):
            for i in range(len(padded) - n + 1):
                key = f"c:{padded[i : i + n]}"
                out[key] = out.get(key, 0.0) + 1.0


def _cues(text: str, prefix: str, out: dict[str, float]) -> None:
    for name in _cue_names(text):
        out[f"{prefix}:{name}"] = 1.0


@functools.lru_cache(maxsize=8192)
def _cue_names(text: str) -> tuple[str, ...]:
    """The cues found in an utterance (remembered: it is read under three prefixes)."""
    return tuple(name for name, pattern in _CUES if pattern.search(text))


def terms(text: str, context: Sequence[str] = ()) -> dict[str, float]:
    """The raw feature counts of an utterance given the utterances before it (oldest first).

    Keys are prefixed by group: ``w`` words and word pairs, ``c`` character n-grams, ``h`` cues
    of the utterance; ``p``/``ph`` words and cues of the previous utterance, ``q``/``qh`` of the
    one before; ``pos`` the place in the dialogue.
    """
    out: dict[str, float] = {}
    current = normalise(text)
    out.update(_features(current, "w", "h", chars=True))
    n_tokens = len(_TOKEN.findall(current))
    out["h:long"] = 1.0 if n_tokens > 25 else 0.0
    out["h:short"] = 1.0 if n_tokens < 6 else 0.0
    turn = len(context)
    out["pos:first"] = 1.0 if turn == 0 else 0.0
    out["pos:second"] = 1.0 if turn == 1 else 0.0
    out["pos:early"] = 1.0 if turn < 4 else 0.0
    out["pos:late"] = 1.0 if turn >= 8 else 0.0
    out["pos:log"] = math.log1p(turn) / 3.0
    if turn >= 1:
        out.update(_features(normalise(context[-1]), "p", "ph", chars=False))
    if turn >= 2:
        out.update(_features(normalise(context[-2]), "q", "qh", chars=False))
    return {k: v for k, v in out.items() if v}


@functools.lru_cache(maxsize=8192)
def _features(text: str, words: str, cues: str, *, chars: bool) -> tuple[tuple[str, float], ...]:
    """One utterance's words (and character n-grams) and cues under the given prefixes.

    In a transcript each utterance is read three times (as itself and as context for the next
    two), so the result is remembered; the groups' prefixes keep the keys disjoint.
    """
    out: dict[str, float] = {}
    _words(text, words, out)
    if chars:
        _chars(text, out)
    _cues(text, cues, out)
    return tuple(out.items())


FloatArray = npt.NDArray[np.float64]


@dataclass(frozen=True, slots=True)
class Vectoriser:
    """Raw counts to the model's feature vector: sublinear TF-IDF per group, scaled to unit
    length and multiplied by the group's weight; other features pass through unchanged."""

    index: dict[str, int]
    idf: FloatArray
    group_weight: dict[str, float]
    group: npt.NDArray[np.intp]  # each column's group: TFIDF_GROUPS first, then the others
    weight: FloatArray  # each group's weight (1 for the others)

    @classmethod
    def build(
        cls, vocabulary: Sequence[str], idf: Sequence[float], group_weight: dict[str, float]
    ) -> Vectoriser:
        """The vectoriser for these terms (in column order) and IDF values."""
        names = list(TFIDF_GROUPS)
        group = []
        for term in vocabulary:
            name = term.split(":", 1)[0]
            if name not in names:
                names.append(name)
            group.append(names.index(name))
        return cls(
            index={term: j for j, term in enumerate(vocabulary)},
            idf=np.asarray(idf, dtype=np.float64),
            group_weight=dict(group_weight),
            group=np.asarray(group, dtype=np.intp),
            weight=np.asarray(
                [group_weight.get(n, 1.0) if n in TFIDF_GROUPS else 1.0 for n in names]
            ),
        )

    def row(self, raw: dict[str, float]) -> tuple[list[int], list[float]]:
        """Column indices and values of one feature vector (terms out of vocabulary drop)."""
        groups: dict[str, tuple[list[int], list[float]]] = {}
        for key, count in raw.items():
            j = self.index.get(key)
            if j is None:
                continue
            group = key.split(":", 1)[0]
            cols, vals = groups.setdefault(group, ([], []))
            cols.append(j)
            if group in TFIDF_GROUPS:
                vals.append((1.0 + math.log(count)) * float(self.idf[j]))
            else:
                vals.append(count)
        columns: list[int] = []
        values: list[float] = []
        for group, (cols, vals) in groups.items():
            if group in TFIDF_GROUPS:
                norm = math.sqrt(sum(v * v for v in vals))
                scale = self.group_weight.get(group, 1.0) / norm if norm else 0.0
                vals = [v * scale for v in vals]
            columns.extend(cols)
            values.extend(vals)
        return columns, values


@dataclass(frozen=True, slots=True)
class StrategyModel:
    """The nine-label strategy detector, loaded once from the packaged artifact."""

    vectoriser: Vectoriser
    coef: FloatArray  # (n_features, 9)
    intercept: FloatArray  # (9,)
    thresholds: FloatArray  # (9,)
    card: dict[str, Any]

    @classmethod
    def load(cls) -> StrategyModel:
        """The packaged model (read once per process)."""
        return _load_packaged()

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> StrategyModel:
        """A model from the artifact's JSON content."""
        if tuple(data["labels"]) != STRATEGY_LABELS:
            raise ValueError(f"artifact labels {data['labels']} are not {STRATEGY_LABELS}")
        vocabulary: list[str] = data["vocabulary"]
        vectoriser = Vectoriser.build(
            vocabulary, data["idf"], {k: float(v) for k, v in data["group_weight"].items()}
        )
        coef = np.asarray(data["coef"], dtype=np.float64)
        if coef.shape != (len(vocabulary), len(STRATEGY_LABELS)):
            raise ValueError(f"coefficients have shape {coef.shape}")
        return cls(
            vectoriser=vectoriser,
            coef=coef,
            intercept=np.asarray(data["intercept"], dtype=np.float64),
            thresholds=np.asarray(data["thresholds"], dtype=np.float64),
            card=dict(data.get("card", {})),
        )

    def probabilities(self, items: Sequence[tuple[str, Sequence[str]]]) -> FloatArray:
        """An (n, 9) array of probabilities, one row per (text, context) pair.

        The same arithmetic as :meth:`Vectoriser.row`, done for the whole batch at once.
        """
        index = self.vectoriser.index
        columns: list[int] = []
        counts: list[float] = []
        lengths: list[int] = []
        for text, context in items:
            before = len(columns)
            for key, count in terms(text, context).items():
                j = index.get(key)
                if j is not None:
                    columns.append(j)
                    counts.append(count)
            lengths.append(len(columns) - before)
        n = len(items)
        scores = np.tile(self.intercept, (n, 1))
        if columns:
            cols = np.asarray(columns, dtype=np.intp)
            raw = np.asarray(counts, dtype=np.float64)
            rows = np.repeat(np.arange(n), lengths)
            group = self.vectoriser.group[cols]
            tfidf = group < len(TFIDF_GROUPS)
            values = np.where(tfidf, (1.0 + np.log(raw)) * self.vectoriser.idf[cols], raw)
            n_groups = len(self.vectoriser.weight)
            segment = rows * n_groups + group
            norms = np.sqrt(np.bincount(segment, weights=values * values, minlength=n * n_groups))
            values = np.where(
                tfidf, values * self.vectoriser.weight[group] / norms[segment], values
            )
            weighted = self.coef[cols] * values[:, None]
            for k in range(scores.shape[1]):
                scores[:, k] += np.bincount(rows, weights=weighted[:, k], minlength=n)
        probabilities: FloatArray = 1.0 / (1.0 + np.exp(-scores))
        return probabilities

    def predict(self, text: str, context: Sequence[str] = ()) -> dict[str, float]:
        """Each of the nine labels with its probability for ``text`` after ``context``."""
        return self.predict_batch([(text, context)])[0]

    def predict_batch(self, items: Sequence[tuple[str, Sequence[str]]]) -> list[dict[str, float]]:
        """:meth:`predict` for many (text, context) pairs at once."""
        return [
            dict(zip(STRATEGY_LABELS, map(float, row), strict=True))
            for row in self.probabilities(items)
        ]

    def labels(self, text: str, context: Sequence[str] = ()) -> list[tuple[str, float]]:
        """The labels whose probability reaches their tuned threshold, most probable first."""
        row = self.probabilities([(text, context)])[0]
        found = [
            (label, float(p))
            for label, p, t in zip(STRATEGY_LABELS, row, self.thresholds, strict=True)
            if p >= t
        ]
        return sorted(found, key=lambda pair: -pair[1])

    def decide(self, probabilities: FloatArray) -> npt.NDArray[np.bool_]:
        """Which labels each row of :meth:`probabilities` reports."""
        decided: npt.NDArray[np.bool_] = probabilities >= self.thresholds
        return decided


@functools.cache
def _load_packaged() -> StrategyModel:
    text = resources.files("accord.coach").joinpath("artifacts", ARTIFACT).read_text("utf-8")
    return StrategyModel.from_dict(json.loads(text))


def clear_cache() -> None:
    """Forget remembered utterance features (benchmarks measure a cold start with it)."""
    _features.cache_clear()
    _cue_names.cache_clear()
