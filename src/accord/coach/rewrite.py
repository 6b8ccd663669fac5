"""Rewrites for blockers: the same request in a form the other can hear (METHOD.md section 7).

Each blocker gets one suggestion: advice, and a rewrite built from templates, in the gentle
start-up form "I feel ... about ... I need ... Would you be willing ...?" where that fits, with the
topic lifted from the message ("You never help with the dishes!" -> "the dishes") or "this".
The contract: every rewrite, run through ``detect`` again, carries no blocker and no safety
concern; a candidate that fails falls back to a fixed sentence that passes (the tests check both).
A message with a safety concern gets no rewrite at all, only a pointer to the help resources.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from accord.coach.rules import detect
from accord.coach.types import BLOCKERS, Hit, Suggestion

_TOPIC = re.compile(
    r"\b(?:with|about|on|for|leave|leaving|left|do|doing|did|clean|forget|forgetting|forgot|"
    r"spend|spending|pay|paying|in|at|to)\s+(the|your|my|our)\s+([a-z]{3,}"
    r"(?:\s+(?!(?:and|but|for|last|next|this|that|with|from|was|were|every)\b)[a-z]{4,})?)\b",
    re.IGNORECASE,
)
_SKIP = frozenset(
    [
        "time",
        "way",
        "fault",
        "problem",
        "point",
        "own",
        "life",
        "mind",
        "head",
        "whole",
        "same",
        "last",
        "first",
        "best",
        "worst",
    ]
)
_BUT = re.compile(r"[,;]?\s+but\b", re.IGNORECASE)

ADVICE = {
    "criticism": "Complain about the situation, not the person: say what you feel and need.",
    "contempt": "Mockery and insults close the talk. Say what hurts and what you need instead.",
    "defensiveness": "Take responsibility for a part, even a small one; it lowers the guard.",
    "stonewalling": "Take a break if you need one, and say when you will come back.",
    "either_or": "Two options are rarely the only ones: look for one that works for both.",
    "yes_but": "'But' erases what came before it; 'and' keeps both views on the table.",
    "absolute": "'Always' and 'never' invite a defence; name this time and what you need.",
    "undervalue": "The need is real to them: name it before you answer it.",
}
SAFETY_ADVICE = (
    "This message suggests someone may not be safe. Negotiation can wait: the help resources "
    "are there for you."
)
_GENERIC = (
    "I feel upset about this. I need us to talk it through calmly. "
    "Would you be willing to find a time with me?"
)


def topic(text: str) -> str | None:
    """The thing the message is about, as "the <noun>", when the message names one.

    >>> topic("You never help with the dishes!")
    'the dishes'
    """
    for m in _TOPIC.finditer(text):
        owner, noun = m.group(1).lower(), m.group(2).lower()
        if noun.split()[0] in _SKIP:
            continue
        return f"{'my' if owner == 'my' else 'our' if owner == 'our' else 'the'} {noun}"
    return None


def _pronoun(subject: str) -> str:
    noun = subject.split()[-1]
    return "them" if noun.endswith("s") and not noun.endswith("ss") else "it"


def _gentle(feeling: str, need: str, ask: str) -> Callable[[str], str]:
    def build(text: str) -> str:
        subject = topic(text)
        if subject is None:
            return _GENERIC
        it = _pronoun(subject)
        return (
            f"I feel {feeling} about {subject}. I need {need.format(it=it)}. "
            f"Would you be willing to {ask.format(it=it)}?"
        )

    return build


def _yes_and(text: str) -> str:
    return _BUT.sub(", and", text, count=1)


def _both(text: str) -> str:
    subject = topic(text) or "this"
    return f"What if both of us got something we need on {subject}? What would that look like?"


def _responsibility(text: str) -> str:
    subject = topic(text) or "this"
    return f"I can see my part in {subject}. What could I do differently next time?"


_BUILD: dict[str, Callable[[str], str]] = {
    "criticism": _gentle("hurt", "us to sort {it} out together", "talk about what would work"),
    "contempt": _gentle("frustrated", "us to talk about {it} kindly", "start again with me"),
    "absolute": _gentle("overwhelmed", "us to share {it}", "take {it} on weeknights"),
    "yes_but": _yes_and,
    "either_or": _both,
    "stonewalling": lambda _: "I need a break; can we come back to this in an hour?",
    "undervalue": lambda _: "It sounds like this really matters to you. What would help?",
    "defensiveness": _responsibility,
}
_FALLBACK = {
    "yes_but": "I hear you, and I see it a little differently. Can you tell me more?",
    "either_or": "What if both of us got something we need here? What would that look like?",
    "defensiveness": "I can see my part in this. What could I do differently next time?",
}


def is_clean(rewrite: str) -> bool:
    """No blocker and no safety concern when the rewrite is analysed again."""
    labels = {h.label for h in detect(rewrite)}
    return not labels & {*BLOCKERS, "safety_concern"}


def suggest(text: str, hits: Sequence[Hit]) -> list[Suggestion]:
    """One suggestion per blocker found in ``hits``, in the order the blockers are listed.

    With a safety concern there is no rewrite (it must never echo the words that raised it):
    one suggestion pointing to the help resources, and nothing about negotiating.
    """
    labels = {h.label for h in hits}
    if "safety_concern" in labels:
        return [Suggestion("safety_concern", SAFETY_ADVICE, "")]
    out = []
    for label in BLOCKERS:
        if label not in labels:
            continue
        rewrite = _BUILD[label](text)
        if not is_clean(rewrite):
            rewrite = _FALLBACK.get(label, _GENERIC)
        out.append(Suggestion(label, ADVICE[label], rewrite))
    return out
