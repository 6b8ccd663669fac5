"""The outcome space of the negotiable topics, as exact integer utility tables.

A package picks one option per negotiable topic. Party p's utility is the weighted mean

    u_p(x) = sum_t w_pt * v_pt(x_t) / sum_t w_pt            (0..100)

To decide dominance and ties without rounding, each party's contributions w_pt * v_pt(o) are
scaled by the least common multiple K_p of their denominators, so that

    u_p(x) = U_p(x) * scale_p,   U_p(x) = sum_t K_p * w_pt * v_pt(x_t)  (an integer),
    scale_p = 1 / (K_p * sum_t w_pt).

Options forbidden by any party are dropped here: they can never be part of a feasible package.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from fractions import Fraction
from typing import Any

import numpy as np
import numpy.typing as npt

from accord.domain.scenario import Scenario, Topic

# int64 where sums provably fit, else Python integers (dtype=object): exact either way.
IntArray = npt.NDArray[Any]
Exact = Fraction | int

# Sums of this many int64 terms stay exact while every term is below 2**62 / topics.
_INT64_SAFE = 2**62


@dataclass(frozen=True, slots=True)
class OutcomeSpace:
    """Integer utility tables for the negotiable topics, ready for the solver.

    ``allowed[i]`` lists, in file order, the indices of topic ``i``'s options that no party
    forbids; ``tables[i][j, p]`` is party p's integer contribution from ``allowed[i][j]``.
    ``floor[p]`` is the least integer utility that meets party p's reservation.
    """

    parties: tuple[str, ...]
    topics: tuple[Topic, ...]
    allowed: tuple[tuple[int, ...], ...]
    tables: tuple[IntArray, ...]
    scale: tuple[Fraction, ...]
    reservation: tuple[Fraction, ...]
    floor: tuple[int, ...]
    best_relaxed: tuple[tuple[int, ...], ...]

    @property
    def k(self) -> int:
        return len(self.parties)

    @property
    def exact_int64(self) -> bool:
        return all(t.dtype == np.int64 for t in self.tables)

    def utility(self, p: int, total: int) -> Fraction:
        """Party p's utility (0..100) for an integer total."""
        return total * self.scale[p]

    def package_names(self, package: tuple[int, ...]) -> dict[str, str]:
        """Map allowed-option indices per topic to ``{topic: option}``."""
        return {
            t.name: t.options[self.allowed[i][j]]
            for i, (t, j) in enumerate(zip(self.topics, package, strict=True))
        }

    def package_from_names(self, named: dict[str, str]) -> tuple[int, ...] | None:
        """Allowed-option indices for ``{topic: option}``, or None if an option is not allowed."""
        out = []
        for i, topic in enumerate(self.topics):
            option = topic.option_index(named[topic.name])
            if option not in self.allowed[i]:
                return None
            out.append(self.allowed[i].index(option))
        return tuple(out)

    def totals(self, package: tuple[int, ...]) -> tuple[int, ...]:
        sums = [0] * self.k
        for table, j in zip(self.tables, package, strict=True):
            for p in range(self.k):
                sums[p] += int(table[j, p])
        return tuple(sums)


def build_space(scenario: Scenario) -> OutcomeSpace:
    """Scale every negotiable contribution to an exact integer, party by party."""
    topics = scenario.negotiable
    parties = scenario.parties
    allowed = tuple(
        tuple(
            j
            for j, option in enumerate(t.options)
            if not any(scenario.prefs(p).forbids(t.name, option) for p in parties)
        )
        for t in topics
    )
    contributions: list[list[list[Exact]]] = []  # [party][topic][allowed option]
    relaxed: list[list[Exact]] = []  # [party][topic]: best value ignoring forbidden marks
    scales, floors, reservations = [], [], []
    for party in parties:
        prefs = scenario.prefs(party)
        weights = [prefs.weights[scenario.topic_index(t.name)] for t in topics]
        rows = [prefs.values[scenario.topic_index(t.name)] for t in topics]
        per_topic, best_per_topic, multiplier = _contributions(weights, rows, allowed)
        contributions.append(per_topic)
        relaxed.append(best_per_topic)
        total_weight = sum(weights, Fraction(0))
        scale = Fraction(1) / (multiplier * total_weight) if total_weight else Fraction(0)
        scales.append((multiplier, scale))
        reservations.append(prefs.reservation)
        floors.append(math.ceil(prefs.reservation / scale) if scale else 0)

    largest = max(
        (
            abs(int(c * m))
            for (m, _), rows in zip(scales, contributions, strict=True)
            for row in rows
            for c in row
        ),
        default=0,
    )
    use_int64 = largest * max(len(topics), 1) < _INT64_SAFE
    tables = []
    for i, allowed_t in enumerate(allowed):
        cells = [
            [int(contributions[p][i][j] * scales[p][0]) for p in range(len(parties))]
            for j in range(len(allowed_t))
        ]
        if use_int64:
            tables.append(np.array(cells, dtype=np.int64).reshape(len(allowed_t), len(parties)))
        else:
            arr = np.empty((len(allowed_t), len(parties)), dtype=object)
            for j, cell_row in enumerate(cells):
                for p, value in enumerate(cell_row):
                    arr[j, p] = value
            tables.append(arr)
    best_relaxed = tuple(
        tuple(int(c * scales[p][0]) for c in relaxed[p]) for p in range(len(parties))
    )
    return OutcomeSpace(
        parties=parties,
        topics=topics,
        allowed=allowed,
        tables=tuple(tables),
        scale=tuple(s for _, s in scales),
        reservation=tuple(reservations),
        floor=tuple(floors),
        best_relaxed=best_relaxed,
    )


def _contributions(
    weights: list[Fraction],
    rows: list[tuple[Fraction | None, ...]],
    allowed: tuple[tuple[int, ...], ...],
) -> tuple[list[list[Exact]], list[Exact], int]:
    """Weighted values per topic and allowed option, each topic's best weighted value over
    every option with a value (for the conflict relaxation), and the least common multiple of
    their denominators. Whole-number inputs (the usual case) skip fraction arithmetic."""
    whole = all(w.denominator == 1 for w in weights) and all(
        v is None or v.denominator == 1 for row in rows for v in row
    )
    per_topic: list[list[Exact]] = []
    best: list[Exact] = []
    for w, row, allowed_t in zip(weights, rows, allowed, strict=True):
        known = [v for v in row if v is not None]
        if whole:
            wn = w.numerator
            per_topic.append([wn * _known(row[j]).numerator for j in allowed_t])
            best.append(wn * max(v.numerator for v in known) if known else 0)
        else:
            per_topic.append([w * _known(row[j]) for j in allowed_t])
            best.append(w * max(known) if known else Fraction(0))
    if whole:
        return per_topic, best, 1
    denominators = [c.denominator for r in per_topic for c in r] + [c.denominator for c in best]
    return per_topic, best, math.lcm(*denominators) if denominators else 1


def _known(value: Fraction | None) -> Fraction:
    # Only options a party forbids may lack a value, and those are never in ``allowed``.
    assert value is not None, "allowed options always carry a value"
    return value
