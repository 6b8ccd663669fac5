"""Random benchmark scenarios, drawn from a seeded numpy Generator.

Every party gives every topic an integer weight 1..10 and every option an integer value 0..100,
both uniform and independent; reservations are 0; there are no foundation or temperament topics
and nothing is forbidden. The same draw is returned twice: as Accord domain objects (Fraction
weights and values) for the solver, and as integer arrays for the brute-force baseline, which
must not depend on any Accord code.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from fractions import Fraction

import numpy as np
import numpy.typing as npt

from accord.domain.scenario import Preferences, Scenario, Topic

DESCRIPTION = (
    "random utilities from numpy.random.default_rng(seed): per party and topic an integer "
    "weight 1..10, per party, topic and option an integer value 0..100 (uniform), "
    "reservations 0, nothing forbidden"
)

IntArray = npt.NDArray[np.int64]


@dataclass(frozen=True, slots=True)
class Spec:
    """Size and seed of one random scenario."""

    parties: int
    topics: int
    options: int
    seed: int


@dataclass(frozen=True, slots=True)
class Draw:
    """One random scenario as integer arrays: weights[p, t] and values[p, t, o]."""

    weights: IntArray
    values: IntArray

    def tables(self) -> IntArray:
        """Integer contributions w[p, t] * v[p, t, o], laid out as [t, o, p]."""
        contributions = self.weights[:, :, None] * self.values
        return np.ascontiguousarray(np.transpose(contributions, (1, 2, 0)))

    def total_weight(self) -> tuple[int, ...]:
        """Per party, the sum of its weights: utility = integer total / this."""
        return tuple(int(w) for w in self.weights.sum(axis=1))


def draw(spec: Spec) -> Draw:
    rng = np.random.default_rng(spec.seed)
    weights = np.empty((spec.parties, spec.topics), dtype=np.int64)
    values = np.empty((spec.parties, spec.topics, spec.options), dtype=np.int64)
    for p in range(spec.parties):
        weights[p] = rng.integers(1, 11, size=spec.topics)
        values[p] = rng.integers(0, 101, size=(spec.topics, spec.options))
    return Draw(weights, values)


def party_name(p: int) -> str:
    return f"P{p + 1}"


def topic_name(t: int) -> str:
    return f"t{t + 1:03d}"


def option_name(o: int) -> str:
    return f"o{o}"


def scenario(spec: Spec, data: Draw | None = None) -> Scenario:
    """The draw as Accord domain objects."""
    data = data if data is not None else draw(spec)
    topics = tuple(
        Topic(topic_name(t), tuple(option_name(o) for o in range(spec.options)))
        for t in range(spec.topics)
    )
    preferences = tuple(
        Preferences(
            party=party_name(p),
            weights=tuple(Fraction(int(w)) for w in data.weights[p]),
            values=tuple(tuple(Fraction(int(v)) for v in row) for row in data.values[p]),
        )
        for p in range(spec.parties)
    )
    return Scenario(
        parties=tuple(party_name(p) for p in range(spec.parties)),
        topics=topics,
        preferences=preferences,
        title=f"random {spec.parties}p {spec.topics}x{spec.options} seed {spec.seed}",
    )


def package_indices(named: Mapping[str, str], spec: Spec) -> tuple[int, ...]:
    """Option indices (file order) of a package given as {topic: option}."""
    return tuple(int(named[topic_name(t)][1:]) for t in range(spec.topics))
