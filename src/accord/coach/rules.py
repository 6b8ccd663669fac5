"""The rule-based detector: every coach label, with the words that triggered it.

``detect`` runs the table in ``coach.lexicon`` (label -> patterns, negative patterns), plus three
labels that need more than one pattern: a mirror (needs the previous utterance), a calibrated
question (an open what/how question, sentence by sentence) and a gentle start-up ("I feel ...
and I need ...", without blame). Quoted or reported speech is not held against the speaker, and a
time-bound pause (time_out) is not stonewalling or withdrawing.

Safety is different: recall matters more than precision. A safety pattern fires anywhere in the
text, inside quotes, after a negation, whatever else was found; nothing suppresses it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from accord.coach.lexicon import KIND_ORDER, PAUSE, REPORTED, RETURN, RULES, SAFETY_PATTERNS
from accord.coach.types import BLOCKERS, Hit, Span

_FLAGS = re.IGNORECASE | re.MULTILINE


def _compile(sources: Iterable[str]) -> tuple[re.Pattern[str], ...]:
    return tuple(re.compile(s, _FLAGS) for s in sources)


def _any(sources: Iterable[str]) -> re.Pattern[str]:
    """One alternation of all the patterns: a single search tells whether any could match."""
    return re.compile("|".join(f"(?:{s})" for s in sources), _FLAGS)


_TABLE = {label: (conf, _compile(pos), _compile(neg)) for label, (conf, pos, neg) in RULES.items()}
# Most labels match nothing in most messages; one search per label rules them out quickly.
_PREFILTER = {label: _any(pos) for label, (_, pos, _) in RULES.items()}
_SAFETY = {kind: _compile(pats) for kind, pats in SAFETY_PATTERNS.items()}
_SAFETY_ANY = _any(p for pats in SAFETY_PATTERNS.values() for p in pats)
_PAUSE = _compile(PAUSE)
_RETURN = _compile(RETURN)
_REPORTED = re.compile(REPORTED + r"[^.!?]*", _FLAGS)
_QUOTED = re.compile(
    r"\"[^\"]*\"|“[^”]*”|(?<!\w)['‘](?:[^'’]|(?<=\w)['’](?=\w))*['’](?!\w)", _FLAGS
)
_SENTENCE = re.compile(r"[^.!?]+[.!?]*")
_OPEN_Q = re.compile(r"^\W*(?:(?:so|ok(?:ay)?|and|well)\b\W*)?(?:what|how)\b", _FLAGS)
_CLOSED_Q = re.compile(
    r"^\W*how\s+(?:are\s+you|was\s+your)\b|^\W*(?:what|how)\s+(?:about|if|time|dare|come|many\s+times|the\s+(?:hell|heck)|"
    r"kind\s+of|(?:am\s+i|are\s+you|is\s+that|was\s+i)\s+supposed|is\s+(?:this|that|it)\s+my|"
    r"is\s+wrong|'?s\s+wrong)\b|^\W*what'?s\s+wrong",
    _FLAGS,
)
_FEEL = re.compile(r"\bi(?:'m|\s+am)?\s+(?:feel|feeling)\s+(?!like\b|that\b|as\s+if\b)\w+", _FLAGS)
_ASK = re.compile(
    r"\bi(?:\s+need|'d\s+(?:like|love)|\s+would\s+(?:like|love))\b|\bwould\s+you\s+be\s+willing",
    _FLAGS,
)
_WORD = re.compile(r"[a-z0-9']+", re.IGNORECASE)
# Person words swap between speakers: "my time" is mirrored as "your time".
_CANON = {
    "i": "@1",
    "me": "@1",
    "you": "@1",
    "u": "@1",
    "my": "@2",
    "your": "@2",
    "ur": "@2",
    "myself": "@3",
    "yourself": "@3",
    "mine": "@4",
    "yours": "@4",
    "i'm": "@5",
    "you're": "@5",
    "we": "@6",
}
_STOP = frozenset(
    [
        "a",
        "an",
        "the",
        "and",
        "or",
        "of",
        "to",
        "in",
        "on",
        "at",
        "for",
        "is",
        "are",
        "was",
        "it",
        "this",
        "that",
        "so",
        "just",
        "really",
        "do",
        "did",
        "@1",
        "@2",
        "@3",
        "@4",
        "@5",
        "@6",
    ]
)


def _span(text: str, m: re.Match[str]) -> Span:
    return Span(m.start(), m.end(), text[m.start() : m.end()])


def _quoted(text: str) -> list[tuple[int, int]]:
    """Character ranges that are someone else's words: quotes and reported speech."""
    return [m.span() for m in _QUOTED.finditer(text)] + [m.span() for m in _REPORTED.finditer(text)]


def _inside(start: int, ranges: Sequence[tuple[int, int]]) -> bool:
    return any(a <= start < b for a, b in ranges)


def _matches(
    text: str,
    pos: Sequence[re.Pattern[str]],
    neg: Sequence[re.Pattern[str]],
    quoted: Sequence[tuple[int, int]],
) -> list[Span]:
    blocked = [m.span() for p in neg for m in p.finditer(text)]
    spans = []
    for p in pos:
        for m in p.finditer(text):
            if _inside(m.start(), quoted):
                continue
            if any(a < m.end() and m.start() < b for a, b in blocked):
                continue
            spans.append(_span(text, m))
    return sorted(set(spans), key=lambda s: (s.start, s.end))


def _tokens(text: str) -> list[str]:
    return [_CANON.get(w.lower(), w.lower()) for w in _WORD.findall(text)]


def _mirror(text: str, context: Sequence[str]) -> Span | None:
    """A short question repeating words of the previous utterance (person words swapped)."""
    stripped = text.strip()
    if not context or not stripped.endswith("?"):
        return None
    words, prev = _tokens(stripped), _tokens(context[-1])
    if not 1 <= len(words) <= 8 or not any(w not in _STOP for w in words):
        return None
    n = len(words)
    if any(prev[i : i + n] == words for i in range(len(prev) - n + 1)):
        start = text.index(stripped)
        return Span(start, start + len(stripped), stripped)
    return None


def _calibrated(text: str) -> list[Span]:
    """Open what/how questions, sentence by sentence; not why, not yes/no, not rhetorical."""
    spans = []
    for m in _SENTENCE.finditer(text):
        sentence = m.group().strip()
        if sentence.endswith("?") and _OPEN_Q.match(sentence) and not _CLOSED_Q.match(sentence):
            start = m.start() + m.group().index(sentence)
            spans.append(Span(start, start + len(sentence), sentence))
    return spans


def _gentle(text: str) -> list[Span]:
    """ "I feel <word> ..." followed later by "I need / I'd like / would you be willing"."""
    feel = _FEEL.search(text)
    if feel is None:
        return []
    ask = _ASK.search(text, feel.end())
    return [] if ask is None else [_span(text, feel), _span(text, ask)]


def _time_out(text: str) -> list[Span]:
    """A pause together with a time or a promise to come back."""
    pauses = [_span(text, m) for p in _PAUSE for m in p.finditer(text)]
    returns = [_span(text, m) for p in _RETURN for m in p.finditer(text)]
    if not pauses or not returns:
        return []
    return sorted(set(pauses[:1] + returns[:1]), key=lambda s: s.start)


def _safety(text: str) -> Hit | None:
    """Every safety pattern over the whole text, quotes and negations included."""
    if _SAFETY_ANY.search(text) is None:
        return None
    found = {
        kind: [_span(text, m) for p in pats for m in p.finditer(text)]
        for kind, pats in _SAFETY.items()
    }
    kinds = [k for k in KIND_ORDER if found[k]]
    if not kinds:
        return None
    spans = sorted({s for k in kinds for s in found[k]}, key=lambda s: (s.start, s.end))
    return Hit("safety_concern", 0.9, tuple(spans), kind=kinds[0])


def _repeated_question(text: str) -> list[Span]:
    """The same question asked twice in one message: pressing for an answer."""
    seen: dict[str, Span] = {}
    for m in _SENTENCE.finditer(text):
        sentence = m.group().strip()
        if not sentence.endswith("?"):
            continue
        key = " ".join(_WORD.findall(sentence.lower()))
        if key in seen:
            start = m.start() + m.group().index(sentence)
            return [seen[key], Span(start, start + len(sentence), sentence)]
        seen[key] = Span(m.start(), m.start() + len(sentence), sentence)
    return []


def detect(text: str, context: Sequence[str] = ()) -> list[Hit]:
    """Every label the rules find in ``text``, with the spans that show it.

    ``context`` holds the previous utterances, oldest first (a mirror repeats ``context[-1]``).
    An utterance may carry several labels or none. Safety errs towards flagging: a
    ``safety_concern`` hit is reported whenever any safety pattern matches, even inside quotes or
    after a negation, and no other label removes it.

    >>> [h.label for h in detect("I need 20 minutes, let's talk at 8.")]
    ['time_out']
    """
    quoted = _quoted(text)
    found: dict[str, list[Span]] = {}
    for label, (_, pos, neg) in _TABLE.items():
        if _PREFILTER[label].search(text) is None:
            continue
        spans = _matches(text, pos, neg, quoted)
        if spans:
            found[label] = spans
    if spans := [s for s in _calibrated(text) if not _inside(s.start, quoted)]:
        found["calibrated_question"] = spans
    if spans := _repeated_question(text):
        found.setdefault("pursue", []).extend(spans)
    mirror = _mirror(text, context)
    if mirror is not None:
        found["mirror"] = [mirror]
    if spans := _time_out(text):
        found["time_out"] = spans
        # A pause with a way back is the healthy form of both.
        found.pop("stonewalling", None)
        found.pop("withdraw", None)
        found.pop("self_need", None)
    if any(b in found for b in BLOCKERS) or not (spans := _gentle(text)):
        pass
    else:
        found["gentle_startup"] = spans
    hits = [Hit(label, _TABLE[label][0], tuple(found[label])) for label in _TABLE if label in found]
    hits += [
        Hit(label, 0.7, tuple(found[label])) for label in ("mirror", "time_out") if label in found
    ]
    safety = _safety(text)
    if safety is not None:
        hits.append(safety)
    return hits
