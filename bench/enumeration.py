"""The baseline: enumerate every package, vectorised with numpy in chunks.

This is the strongest fair form of "enumerate everything": every package's integer utility
vector is computed (a chunk of prefix sums plus a precomputed table of suffix sums, so each
package costs k int64 additions), then

- the Pareto frontier, for two parties: for each value of party 1's integer total, the best
  total of party 2 (a bucket maximum, linear in the number of packages, no sort), then a
  running maximum from the top keeps the non-dominated pairs;
- the Nash point: the largest product of utilities (reservations are 0), ties to the larger sum
  of utilities, then to the package first in file order (the smallest index, topic 1 being the
  most significant digit), exactly Accord's rule.

Totals are exact integers: party p's utility is total_p / W_p with W_p the sum of its weights,
so the product ordering is the ordering of prod_p total_p and the sum is compared as
sum_p total_p * (L / W_p) with L the least common multiple of the W_p.

It imports nothing from Accord, so agreement between the two is evidence.
"""

from __future__ import annotations

import math
from collections.abc import Iterator
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

IntArray = npt.NDArray[np.int64]

# Packages per chunk: small enough for the totals to stay in the CPU cache (measured best).
CHUNK = 2**14


@dataclass(frozen=True, slots=True)
class Enumerated:
    """What enumerating every package found."""

    packages: int
    frontier: IntArray | None  # distinct non-dominated totals (two parties), a descending
    nash_totals: tuple[int, ...]
    nash_package: tuple[int, ...]  # option index per topic


def chunks(tables: IntArray, chunk: int = CHUNK) -> Iterator[tuple[int, IntArray]]:
    """Yield ``(first package index, totals[k, rows])`` over every package in index order.

    ``tables[t, o, p]`` is party p's integer contribution from option o of topic t. Totals are
    laid out party by party so that each party's column is contiguous.
    """
    n, m, k = tables.shape
    s = 0
    while s < n and m ** (s + 1) <= chunk:
        s += 1
    suffix = _sums(tables[n - s :], k)
    prefix = _sums(tables[: n - s], k)
    per_prefix = suffix.shape[1]
    batch = max(1, chunk // per_prefix)
    for start in range(0, prefix.shape[1], batch):
        block = prefix[:, start : start + batch]
        totals = (block[:, :, None] + suffix[:, None, :]).reshape(k, -1)
        yield start * per_prefix, totals


def _sums(tables: IntArray, k: int) -> IntArray:
    """Totals [k, combinations] of the given topics, the first topic most significant."""
    out = np.zeros((k, 1), dtype=np.int64)
    for table in tables:
        out = (out[:, :, None] + table.T[:, None, :]).reshape(k, -1)
    return out


def enumerate_all(
    tables: IntArray, total_weight: tuple[int, ...], *, frontier: bool = True, chunk: int = CHUNK
) -> Enumerated:
    """Every package's totals, the frontier (two parties only) and the Nash point."""
    n, m, k = tables.shape
    largest = [int(tables[:, :, p].max(axis=1).sum()) for p in range(k)]
    if math.prod(largest) >= 2**62:
        raise ValueError("the Nash product would overflow int64 for this size")
    lcm = math.lcm(*total_weight)
    sum_factor = np.array([lcm // w for w in total_weight], dtype=np.int64)
    best_b = np.full(largest[0] + 1, -1, dtype=np.int64) if frontier and k == 2 else None
    best: tuple[int, int, int] | None = None  # (product, weighted sum, -index)
    for first, totals in chunks(tables, chunk):
        if best_b is not None:
            np.maximum.at(best_b, totals[0], totals[1])
        product = totals[0].copy()
        for p in range(1, k):
            product *= totals[p]
        top = int(product.max())
        if best is not None and top < best[0]:
            continue
        tied = np.flatnonzero(product == top)
        sums = sum_factor @ totals[:, tied]
        at = int(np.argmax(sums))  # first largest: the smallest index among equal sums
        candidate = (top, int(sums[at]), -(first + int(tied[at])))
        if best is None or candidate > best:
            best = candidate
    assert best is not None
    index = -best[2]
    package = _digits(index, n, m)
    nash_totals = tuple(int(x) for x in tables[np.arange(n), package].sum(axis=0))
    return Enumerated(
        packages=m**n,
        frontier=_staircase(best_b) if best_b is not None else None,
        nash_totals=nash_totals,
        nash_package=package,
    )


def _staircase(best_b: IntArray) -> IntArray:
    """Non-dominated (a, best_b[a]) pairs: best_b[a] beats every b of a larger a."""
    a = np.flatnonzero(best_b >= 0)[::-1]  # descending
    b = best_b[a]
    before = np.maximum.accumulate(np.concatenate(([-1], b[:-1])))
    keep = b > before
    return np.stack([a[keep], b[keep]], axis=1).astype(np.int64)


def _digits(index: int, n: int, m: int) -> tuple[int, ...]:
    out = []
    for _ in range(n):
        index, digit = divmod(index, m)
        out.append(digit)
    return tuple(reversed(out))


@dataclass(frozen=True, slots=True)
class Cover:
    """Checks that a claimed frontier F of three parties is the true one.

    F is the frontier iff its vectors are mutually non-dominated, each is reached by some
    package, and every package is weakly dominated by some vector of F (then any truly
    non-dominated vector equals the F vector that covers it, and no F vector can be beaten).
    """

    mutually_nondominated: bool
    all_reached: bool
    all_covered: bool

    @property
    def ok(self) -> bool:
        return self.mutually_nondominated and self.all_reached and self.all_covered


def check_frontier_3(tables: IntArray, claimed: IntArray) -> Cover:
    """Certify a claimed three-party frontier against every package, in chunks."""
    assert tables.shape[2] == 3 and claimed.shape[1] == 3
    ge = (claimed[:, None, :] >= claimed[None, :, :]).all(axis=2)
    np.fill_diagonal(ge, False)
    mutually = not ge.any()
    # best_c[i, j]: the largest c of a claimed vector with a >= a_values[i] and b >= b_values[j]
    # (-1 when there is none); rank_a[a] is the first i with a_values[i] >= a.
    a_values, ia = np.unique(claimed[:, 0], return_inverse=True)
    b_values, ib = np.unique(claimed[:, 1], return_inverse=True)
    best_c = np.full((len(a_values) + 1, len(b_values) + 1), -1, dtype=np.int64)
    np.maximum.at(best_c, (ia.reshape(-1), ib.reshape(-1)), claimed[:, 2])
    best_c = np.maximum.accumulate(best_c[::-1], axis=0)[::-1]
    best_c = np.maximum.accumulate(best_c[:, ::-1], axis=1)[:, ::-1].ravel()
    top = tables.max(axis=1).sum(axis=0)
    rank_a = np.searchsorted(a_values, np.arange(top[0] + 1)) * (len(b_values) + 1)
    rank_b = np.searchsorted(b_values, np.arange(top[1] + 1))
    span = int(top.max()) + 1
    keys = np.sort((claimed[:, 0] * span + claimed[:, 1]) * span + claimed[:, 2])
    reached = np.zeros(len(keys), dtype=bool)
    covered = True
    for _, totals in chunks(tables):
        cover_c = best_c[rank_a[totals[0]] + rank_b[totals[1]]]
        covered = covered and bool((cover_c >= totals[2]).all())
        # A package equal to a claimed vector has cover_c == c exactly (if F is non-dominated).
        on = np.flatnonzero(cover_c == totals[2])
        found = (totals[0, on] * span + totals[1, on]) * span + totals[2, on]
        at = np.minimum(np.searchsorted(keys, found), len(keys) - 1)
        reached[at[keys[at] == found]] = True
    return Cover(mutually, bool(reached.all()), covered)


def enumerate_plain(tables: IntArray, total_weight: tuple[int, ...]) -> Enumerated:
    """The same answers, one package at a time in plain Python, as an enumerating library
    works (NegMAS evaluates each outcome in Python): a depth-first walk over the topics keeps
    the partial totals, so each package costs k additions, then one comparison for the
    frontier bucket and one for the Nash point. Two parties only."""
    n, m, k = tables.shape
    assert k == 2, "the plain enumeration is written for two parties"
    rows = [[(int(t[o, 0]), int(t[o, 1])) for o in range(m)] for t in tables]
    lcm = math.lcm(*total_weight)
    fa, fb = lcm // total_weight[0], lcm // total_weight[1]
    best_b: dict[int, int] = {}
    best: list[int] = [-1, -1, 0]  # product, weighted sum, -index
    index = 0

    def walk(depth: int, a: int, b: int) -> None:
        nonlocal index
        if depth == n:
            if best_b.get(a, -1) < b:
                best_b[a] = b
            product = a * b
            if product > best[0] or (product == best[0] and a * fa + b * fb > best[1]):
                best[0], best[1], best[2] = product, a * fa + b * fb, -index
            index += 1
            return
        for ca, cb in rows[depth]:
            walk(depth + 1, a + ca, b + cb)

    walk(0, 0, 0)
    staircase = np.full(max(best_b) + 1, -1, dtype=np.int64)
    for a, b in best_b.items():
        staircase[a] = b
    package = _digits(-best[2], n, m)
    nash_totals = tuple(int(x) for x in tables[np.arange(n), package].sum(axis=0))
    return Enumerated(
        packages=m**n,
        frontier=_staircase(staircase),
        nash_totals=nash_totals,
        nash_package=package,
    )
