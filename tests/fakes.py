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

from accord.domain.items import Item, ItemKind
from accord.domain.relationships import Membership, Person, Relationship


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


class InMemoryRepository:
    def __init__(self, store: Store) -> None:
        self.store = store

    def add_person(self, person: Person) -> None:
        if person.email and any(p.email == person.email for p in self.store.persons.values()):
            raise ValueError("email taken")
        self.store.persons[person.id] = person

    def get_person(self, person_id: str) -> Person | None:
        return self.store.persons.get(person_id)

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
