"""An in-memory unit of work: the services' fast test double, same contract as the SQL one.

A transaction works on a copy of the store and publishes it only on a clean exit, so a failure
leaves nothing half-written here either; one lock serialises transactions like SQLite does.
"""

from __future__ import annotations

import copy
import itertools
import threading
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime, timedelta

from accord.domain.accounts import ApiToken, Invitation, WebSession
from accord.domain.items import Item, ItemKind
from accord.domain.readiness import Pause
from accord.domain.relationships import Membership, Person, Relationship
from accord.domain.topics import Agreement, Negotiation, Topic


class Clock:
    """A clock that moves one millisecond per reading (so order is never a tie); settable."""

    def __init__(self, start: datetime | None = None) -> None:
        self.current = start or datetime(2026, 11, 1, 9, 0, tzinfo=UTC)
        self._lock = threading.Lock()

    def __call__(self) -> datetime:
        with self._lock:
            self.current += timedelta(milliseconds=1)
            return self.current

    def advance(self, delta: timedelta) -> None:
        with self._lock:
            self.current += delta


@dataclass
class Store:
    persons: dict[str, Person] = field(default_factory=dict)
    relationships: dict[str, Relationship] = field(default_factory=dict)
    memberships: dict[tuple[str, str], Membership] = field(default_factory=dict)
    items: dict[str, Item] = field(default_factory=dict)
    topics: dict[str, Topic] = field(default_factory=dict)
    negotiations: dict[str, Negotiation] = field(default_factory=dict)
    pauses: dict[str, Pause] = field(default_factory=dict)
    agreements: dict[str, Agreement] = field(default_factory=dict)
    passwords: dict[str, str | None] = field(default_factory=dict)
    web_sessions: dict[str, WebSession] = field(default_factory=dict)
    api_tokens: dict[str, ApiToken] = field(default_factory=dict)
    invitations: dict[str, Invitation] = field(default_factory=dict)
    login_attempts: list[tuple[str, datetime, bool]] = field(default_factory=list)


class _Accounts:
    store: Store

    def set_password_hash(self, person_id: str, password_hash: str | None) -> None:
        self.store.passwords[person_id] = password_hash

    def password_hash(self, person_id: str) -> str | None:
        return self.store.passwords.get(person_id)

    def add_web_session(self, web_session: WebSession) -> None:
        self.store.web_sessions[web_session.token_hash] = web_session

    def get_web_session(self, token_hash: str) -> WebSession | None:
        return self.store.web_sessions.get(token_hash)

    def delete_web_session(self, token_hash: str) -> None:
        self.store.web_sessions.pop(token_hash, None)

    def delete_web_sessions_of(self, person_id: str) -> None:
        for key in [k for k, v in self.store.web_sessions.items() if v.person_id == person_id]:
            del self.store.web_sessions[key]

    def add_api_token(self, token: ApiToken) -> None:
        self.store.api_tokens[token.id] = token

    def api_token_by_hash(self, token_hash: str) -> ApiToken | None:
        return next((t for t in self.store.api_tokens.values() if t.token_hash == token_hash), None)

    def api_tokens_of(self, person_id: str) -> Sequence[ApiToken]:
        found = [t for t in self.store.api_tokens.values() if t.person_id == person_id]
        return sorted(found, key=lambda t: (t.created_at, t.id))

    def revoke_api_token(self, token_id: str, at: datetime) -> None:
        token = self.store.api_tokens.get(token_id)
        if token is not None and token.revoked_at is None:
            self.store.api_tokens[token_id] = replace(token, revoked_at=at)

    def add_invitation(self, invitation: Invitation) -> None:
        self.store.invitations[invitation.id] = invitation

    def invitation_by_hash(self, token_hash: str) -> Invitation | None:
        return next(
            (i for i in self.store.invitations.values() if i.token_hash == token_hash), None
        )

    def use_invitation(self, invitation_id: str, person_id: str, at: datetime) -> None:
        found = self.store.invitations[invitation_id]
        self.store.invitations[invitation_id] = replace(found, used_by=person_id, used_at=at)

    def add_login_attempt(self, key: str, at: datetime, succeeded: bool) -> None:
        self.store.login_attempts.append((key, at, succeeded))

    def failed_logins_since(self, key: str, since: datetime) -> int:
        return sum(
            1 for k, at, ok in self.store.login_attempts if k == key and at >= since and not ok
        )


class InMemoryRepository(_Accounts):
    def __init__(self, store: Store) -> None:
        self.store = store

    def add_person(self, person: Person) -> None:
        if person.email and any(p.email == person.email for p in self.store.persons.values()):
            raise ValueError("email taken")
        self.store.persons[person.id] = person

    def get_person(self, person_id: str) -> Person | None:
        return self.store.persons.get(person_id)

    def person_by_email(self, email: str) -> Person | None:
        return next((p for p in self.store.persons.values() if p.email == email), None)

    def update_person(self, person: Person) -> None:
        self.store.persons[person.id] = person

    def add_relationship(self, relationship: Relationship) -> None:
        self.store.relationships[relationship.id] = replace(relationship, members=())
        for m in relationship.members:
            self.add_membership(m)

    def get_relationship(self, relationship_id: str) -> Relationship | None:
        found = self.store.relationships.get(relationship_id)
        if found is None:
            return None
        members = sorted(
            (m for (r, _), m in self.store.memberships.items() if r == relationship_id),
            key=lambda m: (m.joined_at, m.person_id),
        )
        return replace(found, members=tuple(members))

    def lock_relationship(self, relationship_id: str) -> None:
        pass  # the unit of work's lock already serialises every transaction

    def add_membership(self, membership: Membership) -> None:
        self.store.memberships[(membership.relationship_id, membership.person_id)] = membership

    def update_membership(self, membership: Membership) -> None:
        self.add_membership(membership)

    def memberships_of(self, person_id: str) -> Sequence[Membership]:
        return sorted(
            (m for (_, p), m in self.store.memberships.items() if p == person_id),
            key=lambda m: m.joined_at,
        )

    def add_item(self, item: Item) -> None:
        self.store.items[item.id] = item

    def get_item(self, item_id: str) -> Item | None:
        return self.store.items.get(item_id)

    def update_item(self, item: Item) -> None:
        self.store.items[item.id] = item

    def delete_item(self, item_id: str) -> None:
        self.store.items.pop(item_id, None)

    def items(
        self,
        *,
        relationship_id: str | None = None,
        owner_id: str | None = None,
        kind: ItemKind | None = None,
        topic_id: str | None = None,
    ) -> Sequence[Item]:
        found = [
            i
            for i in self.store.items.values()
            if (relationship_id is None or i.relationship_id == relationship_id)
            and (owner_id is None or i.owner_id == owner_id)
            and (kind is None or i.kind is kind)
            and (topic_id is None or i.topic_id == topic_id)
        ]
        return sorted(found, key=lambda i: (i.created_at, i.id))

    def add_topic(self, topic: Topic) -> None:
        self.store.topics[topic.id] = topic

    def get_topic(self, topic_id: str) -> Topic | None:
        return self.store.topics.get(topic_id)

    def update_topic(self, topic: Topic) -> None:
        self.store.topics[topic.id] = topic

    def topics(self, relationship_id: str) -> Sequence[Topic]:
        found = [t for t in self.store.topics.values() if t.relationship_id == relationship_id]
        return sorted(found, key=lambda t: (t.created_at, t.id))

    def add_negotiation(self, negotiation: Negotiation) -> None:
        self.store.negotiations[negotiation.id] = negotiation

    def get_negotiation(self, negotiation_id: str) -> Negotiation | None:
        return self.store.negotiations.get(negotiation_id)

    def update_negotiation(self, negotiation: Negotiation) -> None:
        self.store.negotiations[negotiation.id] = negotiation

    def negotiations(self, relationship_id: str) -> Sequence[Negotiation]:
        found = [
            n for n in self.store.negotiations.values() if n.relationship_id == relationship_id
        ]
        return sorted(found, key=lambda n: (n.created_at, n.id))

    def add_pause(self, pause: Pause) -> None:
        self.store.pauses[pause.id] = pause

    def pauses(self, relationship_id: str) -> Sequence[Pause]:
        found = [p for p in self.store.pauses.values() if p.relationship_id == relationship_id]
        return sorted(found, key=lambda p: (p.started_at, p.id))

    def add_agreement(self, agreement: Agreement) -> None:
        self.store.agreements[agreement.id] = agreement

    def get_agreement(self, agreement_id: str) -> Agreement | None:
        return self.store.agreements.get(agreement_id)

    def update_agreement(self, agreement: Agreement) -> None:
        self.store.agreements[agreement.id] = agreement

    def agreements(self, relationship_id: str) -> Sequence[Agreement]:
        found = [a for a in self.store.agreements.values() if a.relationship_id == relationship_id]
        return sorted(found, key=lambda a: (a.created_at, a.id))


class FakeUnitOfWork:
    def __init__(self, clock: Clock | None = None) -> None:
        self.store = Store()
        self.clock = clock or Clock()
        self._lock = threading.RLock()
        self._ids = itertools.count(1)

    @contextmanager
    def begin(self, *, write: bool) -> Iterator[InMemoryRepository]:
        with self._lock:
            working = copy.deepcopy(self.store)
            yield InMemoryRepository(working)
            if write:
                self.store = working

    def now(self) -> datetime:
        return self.clock()

    def new_id(self) -> str:
        with self._lock:
            return f"{next(self._ids):032x}"
