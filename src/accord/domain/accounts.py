"""Web accounts: browser sessions, API tokens and invitations (their secrets are never stored,
only a hash of them)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime


@dataclass(frozen=True, slots=True)
class WebSession:
    token_hash: str
    person_id: str
    csrf: str
    created_at: datetime
    expires_at: datetime
    demo_relationship_id: str | None = None


@dataclass(frozen=True, slots=True)
class ApiToken:
    id: str
    person_id: str
    name: str
    token_hash: str
    created_at: datetime
    revoked_at: datetime | None = None


@dataclass(frozen=True, slots=True)
class Invitation:
    id: str
    relationship_id: str
    created_by: str
    token_hash: str
    created_at: datetime
    expires_at: datetime
    used_by: str | None = None
    used_at: datetime | None = None
