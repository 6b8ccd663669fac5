"""The page's two reference tables: the other fair rules, and every package on the frontier.

Split from the view because they are lookups, not findings: the reader goes to them to check
or to browse, and the frontier one can run to hundreds of rows.
"""

from __future__ import annotations

from dataclasses import dataclass

from accord.domain.words import RULES_IN_WORDS
from accord.report.figures import RULE_LABELS
from accord.report.names import heading, human, points
from accord.solver.result import Solution, SolveResult

FRONTIER_ROWS = 300  # rows of the frontier table shown in the page; the rest are counted

RULE_MEANINGS = {rule: words[2] for rule, words in RULES_IN_WORDS.items()}
RULE_NAMES = {rule: words[1] for rule, words in RULES_IN_WORDS.items()}


@dataclass(frozen=True, slots=True)
class FairRow:
    """One fair rule: its plain name and meaning, what it gives each person, how it differs."""

    name: str
    meaning: str
    scores: tuple[str, ...]
    package: str


@dataclass(frozen=True, slots=True)
class FrontierRow:
    """One frontier package: its options, each person's satisfaction, and what it is marked as."""

    options: tuple[str, ...]
    scores: tuple[str, ...]
    tags: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class FrontierTable:
    """The frontier packages shown, and how many there are in all."""

    topics: tuple[str, ...]
    rows: tuple[FrontierRow, ...]
    listed: int
    points: int
    truncated: bool


def fair_rows(result: SolveResult) -> tuple[FairRow, ...]:
    rec = result.recommended
    rows = []
    for rule, label in RULE_LABELS.items():
        solution = result.solutions.get(rule)
        if solution is None:
            continue
        rows.append(
            FairRow(
                f"{label} ({RULE_NAMES[rule]})",
                RULE_MEANINGS[rule],
                tuple(points(solution.utility[p]) for p in result.parties),
                _difference(solution, rec.solution if rec else None),
            )
        )
    return tuple(rows)


def _difference(solution: Solution, recommended: Solution | None) -> str:
    if recommended is None:
        return ", ".join(human(o) for o in solution.package.values())
    changed = [
        f"{human(t)}: {human(o)}"
        for t, o in solution.package.items()
        if recommended.package.get(t) != o
    ]
    if not changed:
        return "Same package as Accord's recommendation."
    return "Like the recommendation, except " + "; ".join(changed) + "."


def frontier_table(result: SolveResult) -> FrontierTable | None:
    if not result.frontier:
        return None
    named: dict[str, Solution | None] = {
        "Recommended": result.recommended.solution if result.recommended else None,
        "Middle": result.solutions.get("compromise"),
        **{label: result.solutions.get(rule) for rule, label in RULE_LABELS.items()},
    }
    rows = []
    for solution in result.frontier[:FRONTIER_ROWS]:
        tags = tuple(
            name
            for name, s in named.items()
            if s is not None and dict(s.package) == dict(solution.package)
        )
        rows.append(
            FrontierRow(
                tuple(human(solution.package[t]) for t in result.negotiable),
                tuple(points(solution.utility[p]) for p in result.parties),
                tags,
            )
        )
    return FrontierTable(
        tuple(heading(t) for t in result.negotiable),
        tuple(rows),
        len(result.frontier),
        result.frontier_points,
        result.frontier_truncated or len(result.frontier) > FRONTIER_ROWS,
    )
