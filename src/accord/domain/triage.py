"""Triage of the non-negotiable layers (METHOD.md section 1).

Foundation topics are never traded: either an option honours every party's foundation (the
topic is fixed to what they all allow) or none does, and that is an honest incompatibility.
Temperament topics are not negotiated either: they get prompts for understanding the difference.
"""

from __future__ import annotations

from dataclasses import dataclass

from accord.domain.needs import label_for
from accord.domain.scenario import Layer, Scenario, Topic
from accord.domain.words import person, pretty


@dataclass(frozen=True, slots=True)
class PartyStance:
    """What one party's foundation rules out on a topic, and the need behind it."""

    party: str
    forbidden: tuple[str, ...]
    needs: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class FoundationFinding:
    topic: str
    compatible: bool
    allowed: tuple[str, ...]  # options every party's foundation allows, in file order
    fixed: str | None  # the one option left, when exactly one is
    stances: tuple[PartyStance, ...]
    summary: str


@dataclass(frozen=True, slots=True)
class TemperamentNote:
    topic: str
    description: str
    prompts: tuple[str, ...]


def needs_behind(scenario: Scenario, party: str, topic: str) -> tuple[str, ...]:
    """The needs a party names for a topic: its stated reason, else the needs it rated there."""
    prefs = scenario.prefs(party)
    reason = prefs.reason(topic)
    if reason:
        return (label_for(reason),)
    if prefs.needs is not None:
        return tuple(label_for(n) for n in prefs.needs.needs_on(topic))
    return ()


def triage_foundation(scenario: Scenario, topic: Topic) -> FoundationFinding:
    allowed = tuple(
        o for o in topic.options if not any(p.forbids(topic.name, o) for p in scenario.preferences)
    )
    stances = tuple(
        PartyStance(
            party=party,
            forbidden=tuple(
                o for o in topic.options if scenario.prefs(party).forbids(topic.name, o)
            ),
            needs=needs_behind(scenario, party, topic.name),
        )
        for party in scenario.parties
    )
    if allowed:
        fixed = allowed[0] if len(allowed) == 1 else None
        if fixed:
            summary = (
                f"Fixed: {pretty(fixed)} is the one option that honours everyone's foundation."
            )
        else:
            summary = (
                "Every party's foundation allows " + ", ".join(pretty(o) for o in allowed) + "."
            )
        return FoundationFinding(topic.name, True, allowed, fixed, stances, summary)
    involved = [s for s in stances if s.forbidden]
    parts = []
    for s in involved:
        need = f" (their need for {' and '.join(s.needs)})" if s.needs else ""
        options = ", ".join(pretty(o) for o in s.forbidden)
        parts.append(f"{person(s.party)} cannot accept {options}{need}")
    summary = (
        f"Incompatible at the foundation level: {'; '.join(parts)}. No option honours both, "
        "and no negotiation technique will fix that. This is a conversation about boundaries, "
        "not a trade."
    )
    return FoundationFinding(topic.name, False, (), None, stances, summary)


_PROMPTS = (
    "What is it like being you when it comes to {topic}?",
    "{a}, what does {b}'s way with {topic} make possible that your way would not?",
    "{b}, when has {a}'s way with {topic} helped you, even a little?",
    "What would each of you need to feel understood about {topic}, without either of you "
    "having to change?",
    "When did your own way with {topic} first serve you well?",
)


def temperament_note(scenario: Scenario, topic: Topic) -> TemperamentNote:
    a, b = person(scenario.parties[0]), person(scenario.parties[1])
    name = pretty(topic.name)
    prompts = tuple(p.format(topic=name, a=a, b=b) for p in _PROMPTS)
    description = topic.description or (
        f"'{name}' is about temperament: a difference in how you are made, not something to "
        "negotiate or fix. Take it as complementary strengths and blind spots."
    )
    return TemperamentNote(topic.name, description, prompts)


def triage(scenario: Scenario) -> tuple[tuple[FoundationFinding, ...], tuple[TemperamentNote, ...]]:
    foundations = tuple(triage_foundation(scenario, t) for t in scenario.in_layer(Layer.FOUNDATION))
    temperaments = tuple(
        temperament_note(scenario, t) for t in scenario.in_layer(Layer.TEMPERAMENT)
    )
    return foundations, temperaments
