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
from typing import TypeVar

from accord.domain.scenario import Scenario
from accord.solver.space import OutcomeSpace

T = TypeVar("T", float, Fraction)


def compromise_package(scenario: Scenario, space: OutcomeSpace) -> tuple[int, ...] | None:
    """Allowed-option indices of the compromise, or None if some topic has no allowed option.

    Scaled values are screened in floating point; only the options that come within 1e-9 of
    the best are compared exactly, so ties are decided without rounding.
    """
    choice: list[int] = []
    # What each party has received so far, exactly: only needed to break the rare ties, so
    # it is brought up to date lazily from the (values, choice) history.
    history: list[list[list[Fraction]]] = []
    received = [Fraction(0)] * space.k
    counted = 0
    for topic, allowed in zip(space.topics, space.allowed, strict=True):
        if not allowed:
            return None
        i = scenario.topic_index(topic.name)
        exact_rows = [
            [_value(scenario.prefs(party).values[i][j]) for j in allowed] for party in space.parties
        ]
        rough = [_scaled([float(v) for v in row]) for row in exact_rows]
        keys = [(min(r[j] for r in rough), sum(r[j] for r in rough)) for j in range(len(allowed))]
        top = max(k[0] for k in keys)
        near = [j for j, k in enumerate(keys) if k[0] >= top - 1e-9]
        scaled = [_scaled(row) for row in exact_rows] if len(near) > 1 else None

        if scaled is not None:
            for rows, j in zip(history[counted:], choice[counted:], strict=True):
                exact_rows_done = [_scaled(row) for row in rows]
                received = [r + s[j] for r, s in zip(received, exact_rows_done, strict=True)]
            counted = len(choice)

        def exact_key(
            j: int,
            scaled: list[list[Fraction]] | None = scaled,
            received: list[Fraction] = received,
        ) -> tuple[Fraction, ...]:
            assert scaled is not None
            return (
                min(s[j] for s in scaled),
                sum((s[j] for s in scaled), Fraction(0)),
                min(r + s[j] for r, s in zip(received, scaled, strict=True)),
                Fraction(-j),
            )

        best_j = near[0] if scaled is None else max(near, key=exact_key)
        history.append(exact_rows)
        choice.append(best_j)
    return tuple(choice)


def _scaled(values: list[T]) -> list[T]:
    """Each value scaled to 0..1 between the lowest and the highest (all 1 when they are equal)."""
    lo, hi = min(values), max(values)
    if hi > lo:
        return [(v - lo) / (hi - lo) for v in values]
    return [type(lo)(1) for _ in values]


def _value(value: Fraction | None) -> Fraction:
    assert value is not None, "allowed options always carry a value"
    return value
