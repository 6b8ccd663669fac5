"""Everything a person writes, in one envelope: whose it is, where it lives, who may see it.

The content differs by kind (a need, a boundary, a rating...) and is kept as plain JSON-ready
data; the envelope is what access control reads (:mod:`accord.domain.access`), so one rule
covers every kind, present and future.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from typing import Any

from accord.domain.access import Owned, Visibility


class ItemKind(StrEnum):
    NEED = "need"  # a core need or value, placed in the Foundation layer
    FEELING = "feeling"  # what makes me feel safe / unsafe / respected / valued / heard / connected
    BOUNDARY = "boundary"  # a boundary with its consequence (or a preference, by the test)
    CROSSING = "crossing"  # a boundary crossed, and whether its owner carried out the consequence
    ASSESSMENT = "assessment"  # a questionnaire's answers and scores
    TEMPERAMENT = "temperament"  # a temperament profile
    SAFETY_FLAG = "safety_flag"  # what the safety screen found; only ever its author's
    READINESS = "readiness"  # a check-in before a joint step: calm, tense or flooded
    POSITION = "position"  # what I want on a topic (private)
    INTEREST = "interest"  # a need behind my position (private)
    RESTATEMENT = "restatement"  # my words for another member's needs (shared with them)
    OPTION = "option"  # a brainstormed option (shared, never deleted)
    RATINGS = "ratings"  # how well each option meets each of my needs; options I forbid
    ACCEPTANCE = "acceptance"  # the packages I can live with (private; only the overlap shows)
    CHECK_IN = "check_in"  # how an agreement is going: kept, partly, broken


# The prompts of the preparation workbook about feelings (METHOD.md section 2).
FEELING_PROMPTS: dict[str, str] = {
    "safe": "What makes me feel safe",
    "unsafe": "What makes me feel unsafe",
    "respected": "What I need to feel respected",
    "valued": "What I need to feel valued",
    "heard": "What I need to feel heard",
    "connected": "What I need to feel connected",
}


@dataclass(frozen=True, slots=True)
class Item:
    id: str
    relationship_id: str
    owner_id: str
    kind: ItemKind
    visibility: Visibility
    data: Mapping[str, Any]
    created_at: datetime
    updated_at: datetime
    topic_id: str | None = None
    visibility_fixed: bool = False

    @property
    def owned(self) -> Owned:
        return Owned(self.owner_id, self.relationship_id, self.visibility, self.visibility_fixed)
