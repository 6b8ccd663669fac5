"""Topics people open, their layer, and the negotiations and agreements that settle them."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime
from enum import StrEnum

from accord.domain.access import Visibility
from accord.domain.negotiation import State


class TopicStatus(StrEnum):
    TRIAGE = "triage"  # a layer is proposed; the members confirm or change it
    ZONE = "zone"  # negotiable: can go into a guided negotiation
    NEGOTIATING = "negotiating"  # inside a guided negotiation
    BOUNDARY = "boundary_conversation"  # foundation: each states their boundary, nothing traded
    INCOMPATIBLE = "incompatible"  # foundation needs that exclude each other, said plainly
    UNDERSTANDING = "understanding"  # temperament: understood, not negotiated
    AGREED = "agreed"  # settled by an agreement
    HELD = "held"  # the safety screen flagged it: stopped, and seen by its author only


@dataclass(frozen=True, slots=True)
class Topic:
    id: str
    relationship_id: str
    opened_by: str
    title: str
    description: str
    proposed_layer: str
    reasons: tuple[str, ...]
    layer: str  # the layer as currently chosen (the proposal until someone changes it)
    confirmed_by: frozenset[str]
    status: TopicStatus
    created_at: datetime
    updated_at: datetime
    visibility: Visibility = Visibility.SHARED
    negotiation_id: str | None = None
    settlement: str = ""  # how a foundation topic was settled, in the members' words


@dataclass(frozen=True, slots=True)
class Negotiation:
    """One guided negotiation over one or more zone topics (traded against each other)."""

    id: str
    relationship_id: str
    topic_ids: tuple[str, ...]
    state: State
    created_by: str
    created_at: datetime
    updated_at: datetime
    result: Mapping[str, object] | None = None  # what the engine found at the packages step
    agreed_package: Mapping[str, str] | None = None  # topic id -> option id
    step_started_at: datetime | None = None  # when the current step began (None: at creation)

    @property
    def step_since(self) -> datetime:
        """When the current step began: check-ins older than this belong to an earlier pass."""
        return self.step_started_at or self.created_at


class CheckInOutcome(StrEnum):
    KEPT = "kept"
    PARTLY = "partly"
    BROKEN = "broken"


class AgreementStatus(StrEnum):
    ACTIVE = "active"
    RENEGOTIATING = "renegotiating"


@dataclass(frozen=True, slots=True)
class Term:
    """Who does what, by when."""

    who: str  # person id
    what: str
    by: date | None = None


@dataclass(frozen=True, slots=True)
class Agreement:
    id: str
    relationship_id: str
    negotiation_id: str
    package: Mapping[str, str]  # topic id -> option id
    terms: tuple[Term, ...]
    how_we_know: str
    review_on: date
    status: AgreementStatus
    created_at: datetime
    updated_at: datetime
