"""What the coach says about a message: labels with the words that triggered them, an overall
reading, and suggestions. Pure values, shared by every detector."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

BLOCKERS = (
    "criticism",
    "contempt",
    "defensiveness",
    "stonewalling",
    "either_or",
    "yes_but",
    "absolute",
    "undervalue",
)
MOVES = (
    "label",
    "mirror",
    "calibrated_question",
    "elicit_preference",
    "self_need",
    "other_need",
    "no_need",
    "showing_empathy",
    "shared_problem",
    "yes_and",
    "gentle_startup",
    "appreciation",
    "responsibility",
    "accusation_audit",
    "fairness_appeal",
    "small_talk",
)
ATTACHMENT = ("pursue", "withdraw", "time_out")
SAFETY = ("safety_concern",)
LABELS = BLOCKERS + MOVES + ATTACHMENT + SAFETY
SAFETY_KINDS = ("violence", "threat", "coercive_control", "stalking", "self_harm")

# The nine labels CaSiNo annotates, by CaSiNo's name (Chawla et al., NAACL 2021).
CASINO_LABELS = {
    "small-talk": "small_talk",
    "self-need": "self_need",
    "other-need": "other_need",
    "no-need": "no_need",
    "elicit-pref": "elicit_preference",
    "uv-part": "undervalue",
    "vouch-fair": "fairness_appeal",
    "showing-empathy": "showing_empathy",
    "promote-coordination": "shared_problem",
}


@dataclass(frozen=True, slots=True)
class Span:
    """Characters ``start:end`` of the analysed text, and what they say."""

    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class Hit:
    """One label on one message: how sure, and which words show it.

    ``kind`` is set for ``safety_concern`` (one of SAFETY_KINDS); ``source`` says which
    detector found it ("rules" or "model").
    """

    label: str
    confidence: float
    spans: tuple[Span, ...] = ()
    kind: str | None = None
    source: str = "rules"

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "label": self.label,
            "confidence": round(self.confidence, 3),
            "spans": [{"start": s.start, "end": s.end, "text": s.text} for s in self.spans],
        }
        if self.kind:
            out["kind"] = self.kind
        return out


@dataclass(frozen=True, slots=True)
class Suggestion:
    """A way to say it so the other can hear it: what it replaces and the words to try."""

    label: str  # the blocker (or missing move) it answers
    advice: str
    rewrite: str

    def to_dict(self) -> dict[str, str]:
        return {"label": self.label, "advice": self.advice, "rewrite": self.rewrite}


@dataclass(frozen=True, slots=True)
class Analysis:
    """The coach's reading of one message."""

    text: str
    hits: tuple[Hit, ...]
    reading: str  # "opens", "closes", "mixed" or "neutral": what it does to the talk
    summary: str
    suggestions: tuple[Suggestion, ...] = ()
    resources: tuple[str, ...] = field(default=())  # help resources when safety_concern is set

    @property
    def labels(self) -> tuple[str, ...]:
        return tuple(h.label for h in self.hits)

    def has(self, label: str) -> bool:
        return any(h.label == label for h in self.hits)

    def to_dict(self) -> dict[str, Any]:
        return {
            "labels": list(self.labels),
            "hits": [h.to_dict() for h in self.hits],
            "reading": self.reading,
            "summary": self.summary,
            "suggestions": [s.to_dict() for s in self.suggestions],
            "resources": list(self.resources),
        }
