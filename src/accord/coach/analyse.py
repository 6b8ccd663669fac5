"""``analyse(text, context)``: what a message does to the talk, and how to say it better.

Two detectors feed one reading. The rules (``coach.rules``) find every label with the words
that triggered it; the learned model (``coach.strategy``, trained on CaSiNo) reads the nine
negotiation-strategy labels from the text and the previous utterances. For those nine labels
the model decides; for the others the rules do. A safety concern found by the rules is never
dropped, whatever else is found.
"""

from __future__ import annotations

from collections.abc import Sequence

from accord.coach.rewrite import suggest
from accord.coach.rules import detect
from accord.coach.safety import resources
from accord.coach.strategy import STRATEGY_LABELS, StrategyModel
from accord.coach.types import BLOCKERS, CASINO_LABELS, LABELS, MOVES, Analysis, Hit, Span

MODEL_LABELS = frozenset(CASINO_LABELS.values())
OPENING = frozenset(MOVES) | {"time_out"}
CLOSING = frozenset(BLOCKERS) | {"pursue", "withdraw"}


def analyse(
    text: str,
    context: str | Sequence[str] | None = None,
    *,
    locale: str = "default",
    model: StrategyModel | None = None,
) -> Analysis:
    """Read one message. ``context`` is the previous utterance, or the previous utterances
    oldest first; ``locale`` picks the help resources shown with a safety concern."""
    return analyse_batch([(text, context)], locale=locale, model=model)[0]


def analyse_batch(
    items: Sequence[tuple[str, str | Sequence[str] | None]],
    *,
    locale: str = "default",
    model: StrategyModel | None = None,
) -> list[Analysis]:
    """Many messages at once; the model scores them together, which is much faster. One
    message or many, this is the one path from text to reading."""
    model = model if model is not None else StrategyModel.load()
    contexts = [_context(c) for _, c in items]
    probabilities = model.probabilities([(t, c) for (t, _), c in zip(items, contexts, strict=True)])
    decided = model.decide(probabilities)
    out = []
    for (text, _), previous, row, chosen_row in zip(
        items, contexts, probabilities, decided, strict=True
    ):
        chosen = [
            (label, float(p))
            for label, p, yes in zip(STRATEGY_LABELS, row, chosen_row, strict=True)
            if yes
        ]
        hits = _merge(detect(text, previous), chosen, text, has_context=bool(previous))
        out.append(_reading(text, hits, locale))
    return out


def _context(context: str | Sequence[str] | None) -> tuple[str, ...]:
    if context is None:
        return ()
    if isinstance(context, str):
        return (context,) if context else ()
    return tuple(context)


def _merge(
    rule_hits: Sequence[Hit],
    model_labels: Sequence[tuple[str, float]],
    text: str,
    *,
    has_context: bool,
) -> tuple[Hit, ...]:
    by_label: dict[str, Hit] = {}
    for hit in rule_hits:
        if hit.label in MODEL_LABELS:
            continue  # the model decides these; rule spans are used to show why
        by_label.setdefault(hit.label, hit)
    rule_spans = {h.label: h.spans for h in rule_hits}
    whole = _whole(text)
    for label, probability in model_labels:
        if label == "small_talk" and not has_context and label not in rule_spans:
            # The model learnt that openings are small talk; a message read on its own has no
            # known place in a conversation, so small talk needs the rules' words to agree.
            continue
        spans = rule_spans.get(label) or whole
        by_label[label] = Hit(label, float(probability), spans, source="model")
    order = {label: i for i, label in enumerate(LABELS)}
    return tuple(sorted(by_label.values(), key=lambda h: order.get(h.label, len(order))))


def _whole(text: str) -> tuple[Span, ...]:
    stripped = text.strip()
    if not stripped:
        return ()
    start = text.index(stripped)
    return (Span(start, start + len(stripped), stripped),)


def _reading(text: str, hits: tuple[Hit, ...], locale: str) -> Analysis:
    labels = {h.label for h in hits}
    closing, opening = labels & CLOSING, labels & OPENING
    if "safety_concern" in labels:
        reading = "unsafe"
        summary = (
            "This message suggests someone may not be safe. Negotiation can wait: look at the "
            "help below first."
        )
    elif closing and opening:
        reading = "mixed"
        summary = "This message opens the talk in places and closes it in others."
    elif closing:
        reading = "closes"
        summary = "This message is likely to close the talk: the other may hear an attack."
    elif opening:
        reading = "opens"
        summary = "This message opens the talk."
    else:
        reading = "neutral"
        summary = "Nothing in this message opens or closes the talk much."
    return Analysis(
        text=text,
        hits=hits,
        reading=reading,
        summary=summary,
        suggestions=tuple(suggest(text, hits)),
        resources=resources(locale) if "safety_concern" in labels else (),
    )
