"""People and the relationships they share: partners, co-parents, families, housemates."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum


class RelationshipKind(StrEnum):
    COUPLE = "couple"
    FAMILY = "family"
    CO_PARENTS = "co-parents"
    HOUSEMATES = "housemates"


@dataclass(frozen=True, slots=True)
class Person:
    id: str
    name: str
    created_at: datetime
    email: str | None = None
    deleted: bool = False


@dataclass(frozen=True, slots=True)
class Membership:
    relationship_id: str
    person_id: str
    joined_at: datetime
    left_at: datetime | None = None

    @property
    def current(self) -> bool:
        return self.left_at is None


@dataclass(frozen=True, slots=True)
class Relationship:
    id: str
    name: str
    kind: RelationshipKind
    created_at: datetime
    members: tuple[Membership, ...] = ()

    def current_members(self) -> tuple[str, ...]:
        """Ids of the people who belong to it now, in the order they joined."""
        return tuple(m.person_id for m in self.members if m.current)
