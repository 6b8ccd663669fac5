"""From validated plain data to a Scenario: every cross-reference checked, nothing guessed.

The schema checks shapes; this module checks meaning: that every party, topic, option and need
named anywhere exists, that nothing a party must value is missing, and that weights do not
vanish. Each error names the place in the file and what to write there instead.
"""

from __future__ import annotations

from collections.abc import Mapping
from fractions import Fraction
from typing import Any

from accord.domain.scenario import Layer, NeedProfile, Preferences, Scenario, Topic
from accord.scenario.check import Checker
from accord.scenario.interests import compile_interests
from accord.scenario.parse import Parsed, Path


def exact(number: float | int) -> Fraction:
    """The decimal as written (0.1 stays one tenth), not its binary approximation."""
    if isinstance(number, int):
        return Fraction(number)
    return Fraction(repr(number))


def build_scenario(parsed: Parsed) -> Scenario:
    data: Mapping[str, Any] = parsed.data
    check = Checker(parsed)
    parties = tuple(data["parties"])
    topics = _topics(data["topics"], check)
    by_name = {t.name: t for t in topics}

    preferences_raw: Mapping[str, Any] = data.get("preferences") or {}
    interests_raw: Mapping[str, Any] = data.get("interests") or {}
    for section, raw in (("preferences", preferences_raw), ("interests", interests_raw)):
        for party in raw:
            check.known((section, party), party, parties, "party")
    prefs: list[Preferences] = []
    for party in parties:
        in_prefs, in_interests = party in preferences_raw, party in interests_raw
        if in_prefs and in_interests:
            raise check.fail(
                ("interests", party),
                f"'{party}' is described both under 'preferences' and under 'interests'.",
                "Describe each party once: as option values (preferences) or as needs (interests).",
            )
        if not (in_prefs or in_interests):
            raise check.fail(
                (),
                f"party '{party}' has no preferences or interests.",
                f"Add '{party}' under 'preferences' (option values) or 'interests' (needs).",
            )
        if in_prefs:
            prefs.append(_preferences(party, preferences_raw[party], topics, by_name, check))
        else:
            prefs.append(_from_interests(party, interests_raw[party], topics, by_name, check))
    return Scenario(
        parties=parties,
        topics=topics,
        preferences=tuple(prefs),
        title=str(data.get("title", "")),
        source=parsed.source,
    )


def _topics(raw: list[Mapping[str, Any]], check: Checker) -> tuple[Topic, ...]:
    seen: set[str] = set()
    topics = []
    for i, item in enumerate(raw):
        name = item["name"]
        if name in seen:
            raise check.fail(
                ("topics", str(i), "name"),
                f"the topic '{name}' is listed twice.",
                "Give each topic a different name, or merge their options.",
            )
        seen.add(name)
        topics.append(
            Topic(
                name=name,
                options=tuple(item["options"]),
                layer=Layer(item.get("layer", "negotiable")),
                description=str(item.get("description", "")),
            )
        )
    return tuple(topics)


def _forbidden(
    raw: Mapping[str, list[str]], base: Path, by_name: Mapping[str, Topic], check: Checker
) -> frozenset[tuple[str, str]]:
    out = set()
    for topic, options in raw.items():
        check.known((*base, topic), topic, by_name, "topic")
        for j, option in enumerate(options):
            check.known((*base, topic, str(j)), option, by_name[topic].options, "option")
            out.add((topic, option))
    return frozenset(out)


def _reasons(
    raw: Mapping[str, str], base: Path, by_name: Mapping[str, Topic], check: Checker
) -> tuple[tuple[str, str], ...]:
    for topic in raw:
        check.known((*base, topic), topic, by_name, "topic")
    return tuple(raw.items())


def _preferences(
    party: str,
    raw: Mapping[str, Any],
    topics: tuple[Topic, ...],
    by_name: Mapping[str, Topic],
    check: Checker,
) -> Preferences:
    base: Path = ("preferences", party)
    forbidden = _forbidden(raw.get("forbidden") or {}, (*base, "forbidden"), by_name, check)
    weights_raw: Mapping[str, float] = raw.get("weights") or {}
    for name in weights_raw:
        check.known((*base, "weights", name), name, by_name, "topic")
    values_raw: Mapping[str, Mapping[str, float]] = raw["values"]
    for name, per_option in values_raw.items():
        check.known((*base, "values", name), name, by_name, "topic")
        for option in per_option:
            check.known((*base, "values", name, option), option, by_name[name].options, "option")

    weights = []
    values: list[tuple[Fraction | None, ...]] = []
    for topic in topics:
        weights.append(exact(weights_raw.get(topic.name, 1)))
        given = values_raw.get(topic.name)
        if topic.layer is not Layer.NEGOTIABLE:
            values.append(
                tuple(exact(given[o]) if given and o in given else None for o in topic.options)
            )
            continue
        if given is None:
            raise check.fail(
                (*base, "values"),
                f"{party} gives no values for the topic '{topic.name}'.",
                f"Add 'values: {{{topic.name}: {{option: 0..100, ...}}}}' for every option of "
                f"'{topic.name}' ({', '.join(topic.options)}); a missing value is not a zero.",
            )
        row: list[Fraction | None] = []
        for option in topic.options:
            if option in given:
                row.append(exact(given[option]))
            elif (topic.name, option) in forbidden:
                row.append(None)
            else:
                raise check.fail(
                    (*base, "values", topic.name),
                    f"{party} gives no value for the option '{option}' of '{topic.name}'.",
                    f"Add '{option}: <0..100>' here, or list it under 'forbidden' if it is "
                    "never acceptable; a missing value is not a zero.",
                )
        values.append(tuple(row))
    _check_weights(party, weights, topics, (*base, "weights"), check)
    return Preferences(
        party=party,
        weights=tuple(weights),
        values=tuple(values),
        forbidden=forbidden,
        reservation=exact(raw.get("reservation", 0)),
        reasons=_reasons(raw.get("reasons") or {}, (*base, "reasons"), by_name, check),
    )


def _check_weights(
    party: str, weights: list[Fraction], topics: tuple[Topic, ...], path: Path, check: Checker
) -> None:
    negotiable = [w for w, t in zip(weights, topics, strict=True) if t.layer is Layer.NEGOTIABLE]
    if negotiable and sum(negotiable) == 0:
        raise check.fail(
            path,
            f"every negotiable topic has weight 0 for {party}, so nothing would matter to them.",
            "Give at least one negotiable topic a weight above 0.",
        )


def _from_interests(
    party: str,
    raw: Mapping[str, Any],
    topics: tuple[Topic, ...],
    by_name: Mapping[str, Topic],
    check: Checker,
) -> Preferences:
    base: Path = ("interests", party)
    forbidden = _forbidden(raw.get("forbidden") or {}, (*base, "forbidden"), by_name, check)
    needs: Mapping[str, float] = raw["needs"]
    if sum(needs.values()) == 0:
        raise check.fail(
            (*base, "needs"),
            f"every need of {party} has weight 0, so nothing would matter to them.",
            "Give at least one need a weight above 0.",
        )
    positions: Mapping[str, str] = raw.get("positions") or {}
    for topic, option in positions.items():
        check.known((*base, "positions", topic), topic, by_name, "topic")
        check.known((*base, "positions", topic), option, by_name[topic].options, "option")
    ratings_raw: Mapping[str, Mapping[str, Mapping[str, int]]] = raw["ratings"]
    for topic, per_option in ratings_raw.items():
        check.known((*base, "ratings", topic), topic, by_name, "topic")
        for option, per_need in per_option.items():
            check.known((*base, "ratings", topic, option), option, by_name[topic].options, "option")
            for need in per_need:
                check.known((*base, "ratings", topic, option, need), need, needs, "need")
    profile = NeedProfile(
        weights=tuple((n, exact(w)) for n, w in needs.items()),
        ratings=tuple(
            (
                t,
                tuple(
                    (o, tuple((n, int(r)) for n, r in per_need.items()))
                    for o, per_need in po.items()
                ),
            )
            for t, po in ratings_raw.items()
        ),
        positions=tuple(positions.items()),
    )
    weights, values = compile_interests(profile, topics, forbidden, party, base, check)
    return Preferences(
        party=party,
        weights=weights,
        values=values,
        forbidden=forbidden,
        reservation=exact(raw.get("reservation", 0)),
        reasons=_reasons(raw.get("reasons") or {}, (*base, "reasons"), by_name, check),
        needs=profile,
    )
