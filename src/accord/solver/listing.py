"""Turning frontier points into Solutions (named packages and exact utilities), lazily.

A frontier can hold thousands of points over hundreds of topics; building a named package for
each is presentation work, so the listing does it only when someone reads it.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import overload

import numpy as np

from accord.solver.frontier import Frontier
from accord.solver.result import Solution
from accord.solver.rules import Candidates
from accord.solver.space import OutcomeSpace


def solution_of(space: OutcomeSpace, package: tuple[int, ...], ties: int = 1) -> Solution:
    """A Solution for a package given as allowed-option indices."""
    totals = space.totals(package)
    return Solution(
        package=space.package_names(package),
        utility={
            p: space.utility(i, t)
            for i, (p, t) in enumerate(zip(space.parties, totals, strict=True))
        },
        ties=ties,
    )


def point_solution(frontier: Frontier, index: int, counts: list[int]) -> Solution:
    """The Solution for a frontier point: its first package in file order."""
    return _named(frontier, frontier.first_package(index), index, counts[index])


def _named(frontier: Frontier, package: Sequence[int], index: int, ties: int) -> Solution:
    space = frontier.space
    totals = frontier.points[index]
    return Solution(
        package=space.package_names(tuple(int(j) for j in package)),
        utility={p: space.utility(i, int(totals[i])) for i, p in enumerate(space.parties)},
        ties=ties,
    )


class FrontierListing(Sequence[Solution]):
    """Every package on the feasible frontier (ties included), best for the first party first,
    up to ``limit`` packages; built on first access."""

    def __init__(self, frontier: Frontier, points: Candidates, counts: list[int], limit: int):
        self._frontier = frontier
        self._points = points
        self._counts = counts
        self._limit = limit
        self._items: list[Solution] | None = None
        total = sum(counts[int(i)] for i in points.index)
        self.truncated = total > limit

    def _order(self) -> list[int]:
        totals = self._points.totals
        if totals.dtype == np.int64 and len(totals):
            keys = (self._points.index, *(-totals[:, p] for p in reversed(range(totals.shape[1]))))
            rows = np.lexsort(keys)
            return [int(self._points.index[r]) for r in rows]
        pairs = sorted(
            (tuple(-int(x) for x in totals[r]), int(self._points.index[r]))
            for r in range(len(self._points))
        )
        return [i for _, i in pairs]

    def _build(self) -> list[Solution]:
        if self._items is not None:
            return self._items
        items: list[Solution] = []
        order = self._order()
        firsts = self._frontier.first_packages(np.array(order, dtype=np.intp))
        for row, index in enumerate(order):
            if len(items) >= self._limit:
                break
            ties = self._counts[index]
            if ties == 1:
                items.append(_named(self._frontier, firsts[row].tolist(), index, 1))
                continue
            for package in self._frontier.packages(index):
                if len(items) >= self._limit:
                    break
                items.append(_named(self._frontier, package, index, ties))
        self._items = items
        return items

    @overload
    def __getitem__(self, i: int) -> Solution: ...
    @overload
    def __getitem__(self, i: slice) -> Sequence[Solution]: ...
    def __getitem__(self, i: int | slice) -> Solution | Sequence[Solution]:
        return self._build()[i]

    def __len__(self) -> int:
        return len(self._build())

    def __iter__(self) -> Iterator[Solution]:
        return iter(self._build())

    def __repr__(self) -> str:
        state = "built" if self._items is not None else "not built yet"
        return f"FrontierListing({len(self._points)} points, {state})"
