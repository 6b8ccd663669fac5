"""Meeting in the middle: the baseline Accord must beat.

Topic by topic, without trading across topics: on each topic, among the options no party
forbids, pick the one that maximises the smallest of the parties' scaled values

    s_p(o) = (v_p(o) - worst_p) / (best_p - worst_p)     (1 when best_p = worst_p)

where worst_p and best_p are party p's lowest and highest value among those options. Ties go to
the larger sum of scaled values. When options are still tied (an even split that cannot be
halved: 3 units between two people), the tie goes to the option that favours whoever the
topics so far, in file order, have favoured less, i.e. the one maximising min_p (R_p + s_p(o))
with R_p the scaled values p has received on earlier topics; then to the option listed first.
Without that step, "the middle" of every indivisible split would lean the same way and the
baseline would not be a middle at all.
"""

from __future__ import annotations

from fractions import Fraction

from accord.domain.scenario import Scenario
from accord.solver.space import OutcomeSpace


def compromise_package(scenario: Scenario, space: OutcomeSpace) -> tuple[int, ...] | None:
    """Allowed-option indices of the compromise, or None if some topic has no allowed option."""
    choice = []
    received = [Fraction(0)] * space.k
    for topic, allowed in zip(space.topics, space.allowed, strict=True):
        if not allowed:
            return None
        i = scenario.topic_index(topic.name)
        scaled: list[list[Fraction]] = []  # [party][option]
        for party in space.parties:
            row = scenario.prefs(party).values[i]
            values = [_value(row[j]) for j in allowed]
            lo, hi = min(values), max(values)
            scaled.append([(v - lo) / (hi - lo) if hi > lo else Fraction(1) for v in values])
        # Screen in floating point, then decide exactly among the options that come close.
        rough = [
            (min(float(s[j]) for s in scaled), sum(float(s[j]) for s in scaled))
            for j in range(len(allowed))
        ]
        top = max(rough)
        near = [j for j, r in enumerate(rough) if r[0] >= top[0] - 1e-9]
        best_j = max(
            near,
            key=lambda j: (
                min(s[j] for s in scaled),
                sum(s[j] for s in scaled),
                min(r + s[j] for r, s in zip(received, scaled, strict=True)),
                -j,
            ),
        )
        received = [r + s[best_j] for r, s in zip(received, scaled, strict=True)]
        choice.append(best_j)
    return tuple(choice)


def _value(value: Fraction | None) -> Fraction:
    assert value is not None, "allowed options always carry a value"
    return value
