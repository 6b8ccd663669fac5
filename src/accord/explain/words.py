"""Say in words what a package does for each person: in needs where they gave needs, else in
topics. Pure functions of the scenario and packages."""

from __future__ import annotations

from collections.abc import Mapping
from fractions import Fraction

from accord.domain.needs import label_for
from accord.domain.scenario import Scenario
from accord.domain.words import join, person, pretty

MET = Fraction(3, 4)  # a need at least this satisfied is "met"
UNMET = Fraction(1, 2)  # below this it is "unmet" and earns a calibrated question


def need_satisfaction(
    scenario: Scenario, party: str, package: Mapping[str, str]
) -> dict[str, Fraction | None]:
    """For each of the party's needs: the mean of rating/4 over the negotiable topics that rate
    it, or None when no topic on the table speaks to it."""
    profile = scenario.prefs(party).needs
    if profile is None:
        return {}
    out: dict[str, Fraction | None] = {}
    for need in profile.need_names():
        scores = [
            Fraction(r, 4)
            for t in scenario.negotiable
            if need in profile.needs_on(t.name)
            and (r := profile.rating(t.name, package[t.name], need)) is not None
        ]
        out[need] = sum(scores, Fraction(0)) / len(scores) if scores else None
    return out


def _ranked_needs(scenario: Scenario, party: str) -> list[str]:
    profile = scenario.prefs(party).needs
    if profile is None:
        return []
    return [n for n, _ in sorted(profile.weights, key=lambda nw: -nw[1])]


def _what_it_gives(scenario: Scenario, party: str, package: Mapping[str, str]) -> str | None:
    sat = need_satisfaction(scenario, party, package)
    if sat:
        met = [
            label_for(n)
            for n in _ranked_needs(scenario, party)
            if (s := sat[n]) is not None and s >= MET
        ]
        return f"{person(party)} {join(met[:3])}" if met else None
    weights = scenario.normalised_weights(party)
    good = [
        t
        for t in sorted(weights, key=lambda t: -weights[t])
        if (v := scenario.value(party, t, package[t])) is not None and v >= 75 and weights[t] > 0
    ]
    if not good:
        return None
    return f"{person(party)} what they want most on {join([pretty(t) for t in good[:3]])}"


def explain_recommendation(
    scenario: Scenario,
    package: Mapping[str, str],
    compromise: Mapping[str, str],
    *,
    improves: bool,
) -> tuple[str, ...]:
    """Sentences for the report: what the package gives each person, and what it trades."""
    lines: list[str] = []
    gives = [g for p in scenario.parties if (g := _what_it_gives(scenario, p, package))]
    if gives:
        lines.append("This package gives " + ", and gives ".join(gives) + ".")
    for topic in scenario.negotiable:
        chosen, middle = package[topic.name], compromise[topic.name]
        if chosen == middle:
            continue
        better: list[str] = []
        worse: list[str] = []
        for party in scenario.parties:
            now = scenario.value(party, topic.name, chosen) or Fraction(0)
            before = scenario.value(party, topic.name, middle) or Fraction(0)
            (better if now > before else worse if now < before else []).append(party)
        givers = join([person(p) for p in worse])
        verb = "gives" if len(worse) == 1 else "give"
        if not worse:
            who = "better for everyone"
        elif better:
            who = f"better for {join([person(p) for p in better])}; {givers} {verb} a little here"
        else:
            who = f"{givers} {verb} ground here"
        lines.append(
            f"On {pretty(topic.name)}: {pretty(chosen)} instead of the middle option "
            f"{pretty(middle)} ({who})."
        )
    if improves:
        lines.append(
            "Trading across topics, each person gives ground where it matters less to them and "
            "gains where it matters more, so everyone ends up at least as well off as by meeting "
            "in the middle."
        )
    else:
        lines.append(
            "Meeting in the middle cannot be improved for everyone at once here; this is the "
            "fairest package by the Nash rule."
        )
    return tuple(lines)


def _unmet(scenario: Scenario, party: str, package: Mapping[str, str]) -> list[str]:
    """How to speak of a party's unmet needs, most important first."""
    sat = need_satisfaction(scenario, party, package)
    if sat:
        return [
            f"need for {label_for(n)}"
            for n in _ranked_needs(scenario, party)
            if (s := sat[n]) is None or s < UNMET
        ]
    weights = scenario.normalised_weights(party)
    out = []
    for t in sorted(weights, key=lambda t: -weights[t]):
        v = scenario.value(party, t, package[t])
        if weights[t] > 0 and v is not None and v < 50:
            reason = scenario.prefs(party).reason(t)
            out.append(f"need for {label_for(reason)}" if reason else f"wishes on {pretty(t)}")
    return out


def calibrated_questions(scenario: Scenario, package: Mapping[str, str]) -> tuple[str, ...]:
    """'What would need to be true for ... and ... to both be met?', aimed at unmet needs."""
    unmet = {p: _unmet(scenario, p, package) for p in scenario.parties}
    with_unmet = [p for p in scenario.parties if unmet[p]]
    if not with_unmet:
        return ()
    questions = []
    depth = max(len(unmet[p]) for p in with_unmet)
    for i in range(min(depth, 3)):
        parts = [f"{person(p)}'s {unmet[p][i]}" for p in with_unmet if i < len(unmet[p])]
        if len(parts) == 1:
            questions.append(f"What would need to be true for {parts[0]} to be met as well?")
        elif len(parts) == 2:
            questions.append(
                f"What would need to be true for {parts[0]} and {parts[1]} to both be met?"
            )
        else:
            questions.append(f"What would need to be true for {join(parts)} to all be met?")
    return tuple(questions)
