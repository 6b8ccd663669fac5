"""Which of the three layers a topic belongs to, proposed from its words (METHOD.md section 1).

When a member opens a topic in words ("Who does the dishes", "You keep reading my phone"),
Accord proposes a layer and says why; the members then confirm or change it. The proposal is a
reading of words, not a verdict, so it shows its work: every sign it used is quoted back in a
sentence, ``scores`` gives the weight per layer, and it says "unsure" when the signs conflict or
there are none.

How it reads. The text is split into words (lower case; apostrophes dropped, so "you're",
"you’re" and "youre" are one word; a sentence end breaks phrases). Each phrase of the vocabulary
in ``layering.yaml`` is matched on whole words. Where matches overlap, the longest wins, then the
deeper layer: so "screen time" (zone) takes "time" from the bare "time", and "checking my phone"
(foundation) is not read as phone use. A sign in a sentence like "it's not about the money" is
set aside, except signs of safety and control, which always count. Each sign counts once, with
its weight; a need someone placed in their Foundation, or a word from someone's temperament
profile, that the topic touches is a sign too.

The layer with the highest score is proposed. Ties go to the deeper layer (foundation, then
temperament, then zone): a core need must not be traded by mistake, and a difference in how
someone is made is not something to bargain over. The proposal is "unsure" when nothing was
found (it is then the zone, to be confirmed) or when the runner-up scores at least ``CLOSE``
times the winner.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from functools import cache
from importlib import resources
from types import MappingProxyType
from typing import Any

import yaml

from accord.domain.needs import Need, catalogue
from accord.domain.words import join


class TopicLayer(StrEnum):
    """The layer a topic lives in. ``ZONE`` is the negotiation zone (``Layer.NEGOTIABLE`` in
    scenario files)."""

    FOUNDATION = "foundation"
    TEMPERAMENT = "temperament"
    ZONE = "zone"


CLEAR = "clear"
UNSURE = "unsure"
CLOSE = 0.6  # a runner-up at 60% of the winner's score or more makes the proposal unsure
DEPTH = (TopicLayer.FOUNDATION, TopicLayer.TEMPERAMENT, TopicLayer.ZONE)  # tie-break order


@dataclass(frozen=True, slots=True)
class LayerProposal:
    layer: TopicLayer
    reasons: tuple[str, ...]  # sentences a person reads; they never name who wrote what
    needs: tuple[str, ...]  # catalogue need ids the topic touches
    confidence: str  # CLEAR or UNSURE
    scores: Mapping[str, float] = field(hash=False)  # per layer value, for transparency


_NAMES = {
    TopicLayer.FOUNDATION: "the Foundation layer",
    TopicLayer.TEMPERAMENT: "the Temperament layer",
    TopicLayer.ZONE: "the Negotiation zone",
}
_SETTLED = {
    TopicLayer.FOUNDATION: "So it belongs in the Foundation layer: it is not traded, and is best "
    "held as a conversation about boundaries.",
    TopicLayer.TEMPERAMENT: "So it belongs in the Temperament layer: a difference in how you are "
    "made, to understand rather than to negotiate or fix.",
    TopicLayer.ZONE: "So it belongs in the Negotiation zone: it is fully negotiable, through "
    "needs, options and a package that works for everyone.",
}
_FIRST = {
    TopicLayer.FOUNDATION: "a core need must never be traded by mistake",
    TopicLayer.TEMPERAMENT: "a difference in how someone is made is not something to bargain over",
}
_NOTHING = (
    "No sign of any layer was found in its words, so it is proposed for the Negotiation zone "
    "as a first guess: please confirm or change it."
)

_APOSTROPHES = re.compile(r"['’‘`ʼ]")
_TOKEN = re.compile(r"[^\W_]+(?:['’‘`ʼ][^\W_]+)*'?|[.!?;\n]")
_WORD = re.compile(r"[^\W_]+\*?")
_BREAK = "|"  # stands for a sentence end in the joined words; no phrase can match across it
_FILLER = r"(?: (?:the|a|an|my|your|our|his|her|their|any|just|only|really))*"


def _normal(word: str) -> str:
    return _APOSTROPHES.sub("", word).lower()


def _words(written: str) -> list[str]:
    """The normalised words of something a member wrote, without sentence ends."""
    return [_normal(t) for t in _TOKEN.findall(written) if t not in ".!?;\n"]


@dataclass(frozen=True, slots=True)
class _Text:
    """A topic's words, normalised and joined by single spaces so phrases match as regexes."""

    source: str
    joined: str
    starts: tuple[int, ...]  # where each word begins in ``joined``
    spans: tuple[tuple[int, int], ...]  # where each word is in ``source``

    @property
    def words(self) -> tuple[str, ...]:
        return tuple(self.joined.split(" ")) if self.joined else ()

    def word_at(self, offset: int) -> int:
        return bisect_right(self.starts, offset) - 1

    def quote(self, first: int, last: int) -> str:
        return self.source[self.spans[first][0] : self.spans[last][1]]


def _read(source: str) -> _Text:
    words: list[str] = []
    starts: list[int] = []
    spans: list[tuple[int, int]] = []
    offset = 0
    for m in _TOKEN.finditer(source):
        word = _BREAK if m.group() in ".!?;\n" else _normal(m.group())
        words.append(word)
        starts.append(offset)
        spans.append(m.span())
        offset += len(word) + 1
    return _Text(source, " ".join(words), tuple(starts), tuple(spans))


def _phrase(source: str) -> str:
    """One vocabulary phrase (syntax in layering.yaml) as a regex over joined words."""
    places = source.split()
    parts: list[str] = []
    for i, place in enumerate(places):
        optional = place.endswith("?")
        if optional and i in (0, len(places) - 1):
            raise ValueError(f"{source!r}: only a word in the middle of a phrase may be optional")
        choices = []
        for choice in (_normal(c) for c in place.removesuffix("?").split("|")):
            if not _WORD.fullmatch(choice):
                raise ValueError(f"{source!r}: {choice!r} is not a word")
            stem = choice.removesuffix("*")
            choices.append(re.escape(stem) + (r"\w*" if choice.endswith("*") else ""))
        group = "(?:" + "|".join(choices) + ")"
        parts.append(group if i == 0 else f"(?: {group})?" if optional else " " + group)
    return "".join(parts)


def _pattern(phrases: Iterable[str]) -> re.Pattern[str]:
    """All the phrases as one regex; longer phrases first, so they win where they overlap."""
    ordered = sorted(phrases, key=lambda p: -len(p.split()))
    if not ordered:
        raise ValueError("a signal needs at least one phrase")
    return re.compile(r"(?<![^ ])(?:" + "|".join(_phrase(p) for p in ordered) + r")(?![^ ])")


@dataclass(frozen=True, slots=True)
class _Signal:
    layer: TopicLayer
    weight: float
    needs: tuple[str, ...]
    why: str  # completes 'It mentions "<words>", which <why>.'
    always: bool  # counts even where the text says the topic is not about it
    pattern: re.Pattern[str]


@dataclass(frozen=True, slots=True)
class _Vocabulary:
    signals: tuple[_Signal, ...]
    neutral: re.Pattern[str]
    negation: re.Pattern[str]
    need_weight: float
    temperament_weight: float
    need_words: Mapping[str, tuple[str, ...]]
    stopwords: frozenset[str]


@cache
def _vocabulary() -> _Vocabulary:
    text = resources.files("accord.domain").joinpath("layering.yaml").read_text(encoding="utf-8")
    data: dict[str, Any] = yaml.safe_load(text)
    known = catalogue()
    signals = []
    for row in data["signals"]:
        needs = tuple(row["needs"])
        unknown = [n for n in needs if n not in known]
        if unknown:
            raise ValueError(f"layering.yaml names needs not in the catalogue: {unknown}")
        signals.append(
            _Signal(
                TopicLayer(row["layer"]),
                float(row["weight"]),
                needs,
                row["why"],
                bool(row.get("always", False)),
                _pattern(row["phrases"]),
            )
        )
    negations = "|".join(_phrase(p) for p in data["negations"])
    return _Vocabulary(
        signals=tuple(signals),
        neutral=_pattern(data["neutral"]),
        negation=re.compile(rf"(?<![^ ])(?:{negations}){_FILLER} $"),
        need_weight=float(data["weights"]["foundation_need"]),
        temperament_weight=float(data["weights"]["temperament_word"]),
        need_words={k: tuple(v) for k, v in data["need_words"].items()},
        stopwords=frozenset(_normal(str(w)) for w in data["stopwords"]),
    )


@dataclass(frozen=True, slots=True)
class _Hit:
    first: int  # word indices, inclusive
    last: int
    signal: int  # index into the vocabulary's signals; -1 for a neutral phrase


def _hits(text: _Text, vocab: _Vocabulary) -> list[_Hit]:
    """Every phrase match, then the longest (then deepest) of any overlapping ones, in order."""
    found: list[tuple[_Hit, int]] = []
    sources = [(i, s.pattern, DEPTH.index(s.layer)) for i, s in enumerate(vocab.signals)]
    for index, pattern, depth in [*sources, (-1, vocab.neutral, len(DEPTH))]:
        for m in pattern.finditer(text.joined):
            hit = _Hit(text.word_at(m.start()), text.word_at(m.end() - 1), index)
            found.append((hit, depth))
    found.sort(key=lambda pair: (pair[0].first - pair[0].last, pair[1], pair[0].first))
    taken: set[int] = set()
    kept = []
    for hit, _ in found:
        words = range(hit.first, hit.last + 1)
        if taken.isdisjoint(words):
            taken.update(words)
            kept.append(hit)
    return sorted(kept, key=lambda h: h.first)


def _negated(text: _Text, word: int, vocab: _Vocabulary) -> bool:
    return bool(vocab.negation.search(text.joined[: text.starts[word]]))


def _stem(word: str) -> str:
    """A crude stem, so that "decide", "decides" and "deciding" meet; only free text written
    by the members is matched this way, the vocabulary lists its forms."""
    for ending in ("ing", "ed", "es", "s"):
        if word.endswith(ending) and len(word) - len(ending) >= 3:
            word = word[: -len(ending)]
            break
    return word[:-1] if word.endswith("e") and len(word) > 3 else word


def _touches_words(text: _Text, written: str, vocab: _Vocabulary) -> bool:
    """Free text touches the topic when enough of its content words appear there (one if it
    has one or two, else two): one shared word in a long sentence is too thin a sign."""
    content = {
        _stem(w)
        for w in _words(written)
        if len(w) >= 3 and w not in vocab.stopwords and not w.isdigit()
    }
    seen = {
        _stem(w)
        for i, w in enumerate(text.words)
        if _stem(w) in content and not _negated(text, i, vocab)
    }
    return bool(content) and len(seen) >= (1 if len(content) <= 2 else 2)


@cache
def _need_pattern(need: Need) -> re.Pattern[str]:
    words = _vocabulary().need_words.get(need.id, ())
    return _pattern([need.id.replace("_", " "), need.label, *words])


def _touches_need(text: _Text, need: Need, vocab: _Vocabulary) -> bool:
    return any(
        not _negated(text, text.word_at(m.start()), vocab)
        for m in _need_pattern(need).finditer(text.joined)
    )


def _catalogue_need(written: str) -> Need | None:
    """The catalogue need a person chose, whether given by its id or by its label."""
    key = " ".join(_words(written.replace("_", " ")))
    for need in catalogue().values():
        if key in (need.id.replace("_", " "), _normal(need.label)):
            return need
    return None


def _unique(items: Iterable[str]) -> list[str]:
    seen: dict[str, str] = {}
    for item in items:
        if item.strip():
            seen.setdefault(_normal(item.strip()), item.strip())
    return list(seen.values())


def _placed(items: Iterable[str]) -> list[tuple[Need | None, str]]:
    """Foundation needs as written, each once: the same need given by id and by label (two
    people may both have placed it) counts as one sign."""
    seen: dict[str, tuple[Need | None, str]] = {}
    for written in _unique(items):
        need = _catalogue_need(written)
        seen.setdefault(need.id if need else _normal(written), (need, written))
    return list(seen.values())


def _quoted(written: str) -> str:
    return '"' + written.rstrip(".!?;: ") + '"'


def propose_layer(
    title: str,
    description: str = "",
    *,
    foundation_needs: Sequence[str] = (),
    temperament_words: Sequence[str] = (),
) -> LayerProposal:
    """Propose a layer for a topic opened in words, and say why.

    ``foundation_needs`` are catalogue ids (or labels, or free text) of Foundation needs from the
    members' preparation that may be used here; ``temperament_words`` are words from their
    temperament profiles ("planner", "needs time to think"). Either touched by the topic is a sign
    for its layer, and the reason says what was touched, never whose it is.

    >>> propose_layer("Who does the dishes").layer
    <TopicLayer.ZONE: 'zone'>
    """
    vocab = _vocabulary()
    text = _read(f"{title}\n{description}")
    scores = dict.fromkeys(DEPTH, 0.0)
    said: dict[TopicLayer, list[str]] = {layer: [] for layer in DEPTH}
    needs: list[str] = []

    for need, written in _placed(foundation_needs):
        if need is None:
            if not _touches_words(text, written, vocab):
                continue
            name = _quoted(written)
        else:
            if not _touches_need(text, need, vocab):
                continue
            name = need.label
            needs.append(need.id)
        scores[TopicLayer.FOUNDATION] += vocab.need_weight
        said[TopicLayer.FOUNDATION].append(
            f"It touches {name}, which one of you placed in the Foundation layer."
        )
    for written in _unique(temperament_words):
        if _touches_words(text, written, vocab):
            scores[TopicLayer.TEMPERAMENT] += vocab.temperament_weight
            said[TopicLayer.TEMPERAMENT].append(
                f"It touches {_quoted(written)}, which one of you named as part of how you are."
            )

    quotes: dict[int, dict[str, str]] = {}  # signal -> the words that showed it, in order
    set_aside: dict[int, str] = {}
    for hit in _hits(text, vocab):
        if hit.signal < 0:
            continue
        quote = text.quote(hit.first, hit.last)
        if not vocab.signals[hit.signal].always and _negated(text, hit.first, vocab):
            set_aside.setdefault(hit.signal, quote)
        else:
            quotes.setdefault(hit.signal, {}).setdefault(_normal(quote), quote)
    for index, shown in quotes.items():
        signal = vocab.signals[index]
        scores[signal.layer] += signal.weight
        words = join([f'"{q}"' for q in shown.values()])
        said[signal.layer].append(f"It mentions {words}, which {signal.why}.")
        needs.extend(signal.needs)
    notes = [
        f'It mentions "{quote}" only to say the topic is not about it, so that was not counted.'
        for index, quote in set_aside.items()
        if index not in quotes
    ]

    ranked = sorted(DEPTH, key=lambda layer: -scores[layer])  # stable: ties keep DEPTH order
    winner, runner = ranked[0], ranked[1]
    if scores[winner] == 0:
        winner, confidence, closing = TopicLayer.ZONE, UNSURE, _NOTHING
    elif scores[runner] >= CLOSE * scores[winner]:
        confidence = UNSURE
        if scores[runner] == scores[winner]:
            closing = (
                f"Its signs of {_NAMES[winner]} and of {_NAMES[runner]} weigh the same; "
                f"{_NAMES[winner]} comes first because {_FIRST[winner]}, but please confirm or "
                "change it."
            )
        else:
            closing = (
                f"Its signs of {_NAMES[runner]} weigh nearly as much as those of "
                f"{_NAMES[winner]}, so this is a first guess: please confirm or change it."
            )
    else:
        confidence, closing = CLEAR, _SETTLED[winner]

    order = [winner, *(layer for layer in DEPTH if layer != winner)]
    reasons = [*(s for layer in order for s in said[layer]), *notes, closing]
    return LayerProposal(
        layer=winner,
        reasons=tuple(reasons),
        needs=tuple(dict.fromkeys(needs)),
        confidence=confidence,
        scores=MappingProxyType({layer.value: scores[layer] for layer in DEPTH}),
    )
