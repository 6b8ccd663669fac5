"""The JSON API, version 1: the same services as the pages, for other clients.

Clients authenticate with a token made in Settings (``Authorization: Bearer ...``); the page
scripts use the browser session and send the CSRF token in ``X-CSRF-Token``.
"""

from __future__ import annotations

from fastapi import APIRouter
from pydantic import BaseModel, Field

from accord.coach import analyse
from accord.coach.types import BLOCKERS
from accord.services import people
from accord.web.context import ApiVisitor, UowDep

router = APIRouter(prefix="/api/v1", tags=["v1"])


class CoachIn(BaseModel):
    text: str = Field(max_length=5000, description="The message, as the person typed it.")
    context: list[str] = Field(
        default_factory=list, max_length=20, description="Earlier messages, oldest first."
    )


class CoachHit(BaseModel):
    label: str
    kind: str = Field(description="blocker, move, attachment or safety")
    confidence: float
    words: str = Field(description="The words that show it (the first span).")


class CoachOut(BaseModel):
    reading: str
    summary: str
    hits: list[CoachHit]
    rewrites: list[str]
    resources: list[str]


class Me(BaseModel):
    id: str
    name: str
    relationships: list[str]


@router.post("/coach", response_model=CoachOut)
def coach(body: CoachIn, visitor: ApiVisitor) -> CoachOut:
    """What a message does to the talk, with the words that show it, and gentler rewrites."""
    analysis = analyse(body.text, body.context or None)
    hits = []
    for hit in analysis.hits:
        if hit.label == "safety_concern":
            kind = "safety"
        elif hit.label in BLOCKERS:
            kind = "blocker"
        elif hit.label in ("pursue", "withdraw", "time_out"):
            kind = "attachment"
        else:
            kind = "move"
        words = hit.spans[0].text if hit.spans else ""
        hits.append(CoachHit(label=hit.label, kind=kind, confidence=hit.confidence, words=words))
    return CoachOut(
        reading=analysis.reading,
        summary=analysis.summary,
        hits=hits,
        rewrites=[s.rewrite for s in analysis.suggestions],
        resources=list(analysis.resources),
    )


@router.get("/me", response_model=Me)
def me(uow: UowDep, visitor: ApiVisitor) -> Me:
    """Who the token or session acts for, and their relationships' ids."""
    mine = people.relationships(uow, actor_id=visitor.person_id)
    with uow.begin(write=False) as repo:
        person = repo.get_person(visitor.person_id)
    return Me(
        id=visitor.person_id, name=person.name if person else "", relationships=[r.id for r in mine]
    )
