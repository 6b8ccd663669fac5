"""Feed the charts: turn a solve result into the plain numbers chart.py draws.

This is where the report reaches into the engine (the Frontier kept on the result) for what the
JSON form leaves out: every frontier point, including those below someone's walk-away point,
and, when the scenario is small enough to list, every possible package as a faint backdrop.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping
from fractions import Fraction
from typing import Any

import numpy as np

from accord.domain.words import RULES_IN_WORDS
from accord.report.chart import Mark, frontier_chart, parallel_chart, satisfaction_chart
from accord.report.names import person
from accord.solver.frontier import Frontier
from accord.solver.result import Solution, SolveResult
from accord.solver.space import OutcomeSpace

CHART_NAME = 24  # characters of a name a chart has room for; the page shows names in full

# Above this many packages the backdrop would be a grey smear and slow to draw; leave it out.
CLOUD_LIMIT = 20_000

# How each fair rule is named on a chart; the report's "Other fair ways" section explains them.
RULE_LABELS = {rule: words[0] for rule, words in RULES_IN_WORDS.items()}


def chart_name(party: str) -> str:
    """A party's name for a chart axis or bar: shortened with an ellipsis when very long."""
    name = person(party)
    return name if len(name) <= CHART_NAME else name[: CHART_NAME - 1].rstrip() + "\u2026"


def marks(result: SolveResult) -> list[Mark]:
    """The packages to point out: recommendation, the middle, and the four fair rules."""
    out: list[Mark] = []
    if result.recommended is not None:
        out.append(
            _mark(
                "recommended",
                "Accord's recommendation",
                result.recommended.solution,
                result.parties,
            )
        )
    compromise = result.solutions.get("compromise")
    if compromise is not None:
        out.append(_mark("compromise", "Meeting in the middle", compromise, result.parties))
    for rule, label in RULE_LABELS.items():
        solution = result.solutions.get(rule)
        if solution is not None:
            out.append(_mark("fair", label, solution, result.parties))
    return out


def satisfaction_svg(result: SolveResult, walkaway: Mapping[str, Fraction]) -> str | None:
    """Bars for each party under the middle and the recommendation, when both exist."""
    compromise = result.solutions.get("compromise")
    if result.recommended is None or compromise is None:
        return None
    return satisfaction_chart(
        [chart_name(p) for p in result.parties],
        [float(compromise.utility[p]) for p in result.parties],
        [float(result.recommended.solution.utility[p]) for p in result.parties],
        [float(walkaway[p]) for p in result.parties],
    )


def frontier_svg(result: SolveResult) -> str | None:
    """The frontier picture: a scatter for two parties, parallel axes for more; None without
    a frontier (nothing negotiable, or nothing acceptable to everyone)."""
    engine = result.engine
    if engine is None or len(engine) == 0:
        return None
    space = engine.space
    parties = [chart_name(p) for p in result.parties]
    walkaway = [float(r) for r in space.reservation]
    points = frontier_utilities(engine)
    if space.k == 2:
        pairs = [(row[0], row[1]) for row in points]
        cloud = [(row[0], row[1]) for row in every_package(space)]
        return frontier_chart(parties, pairs, cloud, marks(result), walkaway)
    return parallel_chart(parties, points, marks(result), walkaway)


def frontier_utilities(engine: Frontier) -> list[tuple[float, ...]]:
    """Every frontier point's utilities (0..100), party order."""
    return [_utilities(engine.space, row) for row in engine.points]


def every_package(space: OutcomeSpace, limit: int = CLOUD_LIMIT) -> list[tuple[float, ...]]:
    """Utilities of every allowed package, or nothing when there are more than ``limit``."""
    sizes = [len(a) for a in space.allowed]
    if not sizes or math.prod(sizes) > limit:
        return []
    totals = np.zeros((1, space.k), dtype=object)
    for table in space.tables:
        totals = (totals[:, None, :] + table.astype(object)[None, :, :]).reshape(-1, space.k)
    return [_utilities(space, row) for row in totals]


def _utilities(space: OutcomeSpace, totals: Iterable[Any]) -> tuple[float, ...]:
    # Exact first (integer totals can exceed a float's precision), rounded only for drawing,
    # so a package drawn from the frontier lands exactly on its mark.
    return tuple(float(space.utility(p, int(t))) for p, t in enumerate(totals))


def _mark(kind: str, label: str, solution: Solution, parties: tuple[str, ...]) -> Mark:
    return Mark(kind, label, tuple(float(solution.utility[p]) for p in parties))
