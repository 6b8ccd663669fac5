"""The boundary ledger's arithmetic (METHOD.md section 6): how consistently a boundary is kept.

An unenforced boundary is wishful thinking; the rate says where each one stands, and the series
shows whether it is getting better or worse.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime


@dataclass(frozen=True, slots=True)
class Crossing:
    at: datetime
    carried_out: bool


@dataclass(frozen=True, slots=True)
class Enforcement:
    """How often the owner carried out the consequence.

    ``rate`` = enforced / crossings (None before the first crossing); ``series`` holds, after
    each crossing in time order, the rate over all crossings so far.
    """

    crossings: int
    enforced: int
    rate: float | None
    series: tuple[tuple[datetime, float], ...]

    @property
    def verdict(self) -> str:
        if self.rate is None:
            return "not crossed yet"
        if self.rate >= 0.9:
            return "kept"
        if self.rate >= 0.5:
            return "kept sometimes"
        return "rarely kept: at the moment it is more a wish than a boundary"


def enforcement(crossings: Sequence[Crossing]) -> Enforcement:
    """The enforcement rate of one boundary, overall and after each crossing.

    >>> from datetime import datetime, UTC
    >>> e = enforcement([Crossing(datetime(2026, 1, d, tzinfo=UTC), d != 2) for d in (1, 2, 3)])
    >>> e.enforced, e.crossings, round(e.rate, 3), [round(r, 2) for _, r in e.series]
    (2, 3, 0.667, [1.0, 0.5, 0.67])
    """
    ordered = sorted(crossings, key=lambda c: c.at)
    series: list[tuple[datetime, float]] = []
    enforced = 0
    for n, crossing in enumerate(ordered, start=1):
        enforced += crossing.carried_out
        series.append((crossing.at, enforced / n))
    total = len(ordered)
    return Enforcement(total, enforced, enforced / total if total else None, tuple(series))
