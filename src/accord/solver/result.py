"""What solving a scenario returns, and its JSON form (the contract other tools rely on)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from fractions import Fraction
from typing import Any

from accord.domain.triage import FoundationFinding, TemperamentNote
from accord.solver.conflict import Conflict
from accord.solver.frontier import Frontier

SOLUTION_NAMES = ("nash", "kalai_smorodinsky", "egalitarian", "utilitarian", "compromise")


def number(value: Fraction) -> float | int:
    """A utility as JSON: an integer when whole, else a float to six decimals."""
    if value.denominator == 1:
        return int(value)
    return round(float(value), 6)


@dataclass(frozen=True, slots=True)
class Solution:
    """A package (one option per negotiable topic) and each party's utility for it (0..100)."""

    package: Mapping[str, str]
    utility: Mapping[str, Fraction]
    ties: int = 1  # how many packages give exactly these utilities

    def to_dict(self) -> dict[str, Any]:
        return {
            "package": dict(self.package),
            "utility": {p: number(u) for p, u in self.utility.items()},
        }


@dataclass(frozen=True, slots=True)
class Recommendation:
    """The package Accord recommends, why, and what each party gains over meeting in the middle."""

    solution: Solution
    rule: str  # "nash_over_compromise" or, when nothing beats the compromise for all, "nash"
    gain: Mapping[str, Fraction]
    improves_on_compromise: bool
    compromise_efficient: bool
    explanation: tuple[str, ...]

    def to_dict(self) -> dict[str, Any]:
        out = self.solution.to_dict()
        out.update(
            rule=self.rule,
            gain={p: number(g) for p, g in self.gain.items()},
            improves_on_compromise=self.improves_on_compromise,
            compromise_efficient=self.compromise_efficient,
            explanation=list(self.explanation),
        )
        return out


@dataclass(frozen=True, slots=True)
class SolveResult:
    """Everything the engine found: triage, frontier, fair points, compromise, recommendation.

    ``status`` is ``ok``; ``foundation_incompatible`` when the negotiable zone has a solution
    but some foundation topic is incompatible; or ``incompatible`` when no package of the
    negotiable zone is acceptable to everyone (``conflict`` then says where).
    """

    status: str
    title: str
    parties: tuple[str, ...]
    negotiable: tuple[str, ...]
    foundations: tuple[FoundationFinding, ...]
    temperaments: tuple[TemperamentNote, ...]
    frontier: Sequence[Solution]  # built lazily on first read (see solver.listing)
    frontier_points: int
    frontier_truncated: bool
    solutions: Mapping[str, Solution | None]
    recommended: Recommendation | None
    conflict: Conflict | None
    questions: tuple[str, ...]
    exact: bool
    epsilon: Fraction
    nash_upper_bound: Fraction | None
    notes: tuple[str, ...] = ()
    engine: Frontier | None = field(default=None, compare=False, repr=False)

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "status": self.status,
            "title": self.title,
            "parties": list(self.parties),
            "exact": self.exact,
            "triage": {
                "negotiable": list(self.negotiable),
                "foundation": [
                    {
                        "topic": f.topic,
                        "compatible": f.compatible,
                        "allowed": list(f.allowed),
                        "fixed": f.fixed,
                        "parties": [
                            {
                                "party": s.party,
                                "forbidden": list(s.forbidden),
                                "needs": list(s.needs),
                            }
                            for s in f.stances
                        ],
                        "summary": f.summary,
                    }
                    for f in self.foundations
                ],
                "temperament": [
                    {"topic": t.topic, "description": t.description, "prompts": list(t.prompts)}
                    for t in self.temperaments
                ],
            },
            "frontier": [s.to_dict() for s in self.frontier],
            "frontier_points": self.frontier_points,
            "frontier_truncated": self.frontier_truncated,
        }
        for name in SOLUTION_NAMES:
            solution = self.solutions.get(name)
            out[name] = solution.to_dict() if solution else None
        out["recommended"] = self.recommended.to_dict() if self.recommended else None
        out["conflict"] = (
            {
                "topics": list(self.conflict.topics),
                "parties": list(self.conflict.parties),
                "smallest": self.conflict.smallest,
                "summary": self.conflict.summary,
            }
            if self.conflict
            else None
        )
        out["questions"] = list(self.questions)
        if not self.exact:
            out["epsilon"] = number(self.epsilon)
            out["nash_upper_bound"] = (
                number(self.nash_upper_bound) if self.nash_upper_bound is not None else None
            )
        out["notes"] = list(self.notes)
        return out
