"""A disagreement, described: parties, topics in their layers, and each party's private view.

Numbers are kept as exact fractions so that the solver can decide ties and Pareto dominance
without rounding error; they are written in files as ordinary decimals.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from fractions import Fraction


class Layer(StrEnum):
    """The three layers of the method (METHOD.md section 1); each gets a different treatment."""

    NEGOTIABLE = "negotiable"
    TEMPERAMENT = "temperament"
    FOUNDATION = "foundation"


@dataclass(frozen=True, slots=True)
class Topic:
    """One thing the parties disagree about, with the options on the table, in file order."""

    name: str
    options: tuple[str, ...]
    layer: Layer = Layer.NEGOTIABLE
    description: str = ""

    def option_index(self, option: str) -> int:
        return self.options.index(option)


@dataclass(frozen=True, slots=True)
class NeedProfile:
    """The interest form of a party's view: the needs behind the wants (METHOD.md section 4).

    ``weights`` maps each need to its relative importance. ``ratings[topic][option][need]`` is
    how well that option meets that need, 0 (not at all) to 4 (fully). ``positions`` holds
    what the party asked for at first, per topic. Needs are spoken of through the catalogue's
    labels (``domain.needs.label_for``).
    """

    weights: tuple[tuple[str, Fraction], ...]
    ratings: tuple[tuple[str, tuple[tuple[str, tuple[tuple[str, int], ...]], ...]], ...]
    positions: tuple[tuple[str, str], ...] = ()

    def need_names(self) -> tuple[str, ...]:
        return tuple(name for name, _ in self.weights)

    def rating(self, topic: str, option: str, need: str) -> int | None:
        for t, per_option in self.ratings:
            if t != topic:
                continue
            for o, per_need in per_option:
                if o == option:
                    return dict(per_need).get(need)
        return None

    def needs_on(self, topic: str) -> tuple[str, ...]:
        """The needs this party rated on ``topic``, in the order they were declared."""
        rated: set[str] = set()
        for t, per_option in self.ratings:
            if t == topic:
                for _, per_need in per_option:
                    rated.update(n for n, _ in per_need)
        return tuple(n for n in self.need_names() if n in rated)

    def position(self, topic: str) -> str | None:
        return dict(self.positions).get(topic)


@dataclass(frozen=True, slots=True)
class Preferences:
    """One party's private view of every topic.

    ``weights[i]`` is the raw importance of topic ``i`` (normalised later over the negotiable
    topics); ``values[i][j]`` is how good option ``j`` of topic ``i`` is for this party on the
    0..100 scale, or ``None`` where no value is needed (a non-negotiable topic, or an option this
    party forbids). ``forbidden`` holds ``(topic, option)`` pairs that cross a foundation need.
    """

    party: str
    weights: tuple[Fraction, ...]
    values: tuple[tuple[Fraction | None, ...], ...]
    forbidden: frozenset[tuple[str, str]] = frozenset()
    reservation: Fraction = Fraction(0)
    reasons: tuple[tuple[str, str], ...] = ()
    needs: NeedProfile | None = None

    def forbids(self, topic: str, option: str) -> bool:
        return (topic, option) in self.forbidden

    def reason(self, topic: str) -> str | None:
        return dict(self.reasons).get(topic)


@dataclass(frozen=True, slots=True)
class Scenario:
    """Parties, topics and each party's view; validated on construction by the loader."""

    parties: tuple[str, ...]
    topics: tuple[Topic, ...]
    preferences: tuple[Preferences, ...]
    title: str = ""
    source: str = field(default="<text>", compare=False)
    _index: dict[str, int] = field(init=False, repr=False, compare=False)
    _weights: dict[str, dict[str, Fraction]] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        # Topic lookups happen per option per party; keep them O(1) for 100-topic scenarios.
        object.__setattr__(self, "_index", {t.name: i for i, t in enumerate(self.topics)})
        object.__setattr__(self, "_weights", {})

    def topic(self, name: str) -> Topic:
        return self.topics[self.topic_index(name)]

    def topic_index(self, name: str) -> int:
        try:
            return self._index[name]
        except KeyError:
            raise ValueError(f"{name!r} is not a topic of this scenario") from None

    def prefs(self, party: str) -> Preferences:
        return self.preferences[self.parties.index(party)]

    def in_layer(self, layer: Layer) -> tuple[Topic, ...]:
        return tuple(t for t in self.topics if t.layer is layer)

    @property
    def negotiable(self) -> tuple[Topic, ...]:
        return self.in_layer(Layer.NEGOTIABLE)

    def normalised_weights(self, party: str) -> dict[str, Fraction]:
        """Each negotiable topic's weight for ``party``, scaled to sum to 1 (computed once)."""
        cached = self._weights.get(party)
        if cached is not None:
            return dict(cached)
        prefs = self.prefs(party)
        raw = {
            t.name: prefs.weights[i]
            for i, t in enumerate(self.topics)
            if t.layer is Layer.NEGOTIABLE
        }
        total = sum(raw.values(), Fraction(0))
        weights = {name: (w / total if total else Fraction(0)) for name, w in raw.items()}
        self._weights[party] = weights
        return dict(weights)

    def value(self, party: str, topic: str, option: str) -> Fraction | None:
        i = self.topic_index(topic)
        return self.prefs(party).values[i][self.topics[i].option_index(option)]

    def utility(self, party: str, package: dict[str, str]) -> Fraction:
        """A party's utility for a package: the weighted mean of its option values, 0..100.

        ``package`` maps every negotiable topic to an option. Forbidden options count as their
        value if one was given, else 0; the solver never proposes them.
        """
        weights = self.normalised_weights(party)
        total = Fraction(0)
        for name, weight in weights.items():
            v = self.value(party, name, package[name])
            total += weight * (v if v is not None else Fraction(0))
        return total
