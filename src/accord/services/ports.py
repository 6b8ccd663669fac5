"""What the services need from storage: a repository and a unit of work (the transaction).

Services are written against these protocols; :mod:`accord.storage` implements them on SQLite
and PostgreSQL, and the tests implement them in memory, so that each use case can be tested fast
without a database and again, unchanged, on both real ones.
"""

from __future__ import annotations

from collections.abc import Sequence
from contextlib import AbstractContextManager
from datetime import datetime
from typing import Protocol

from accord.domain.items import Item, ItemKind
from accord.domain.relationships import Membership, Person, Relationship


class Repository(Protocol):
    """Reads and writes of domain values inside one transaction. Never commits."""

    def add_person(self, person: Person) -> None: ...
    def get_person(self, person_id: str) -> Person | None: ...
    def update_person(self, person: Person) -> None: ...

    def add_relationship(self, relationship: Relationship) -> None: ...
    def get_relationship(self, relationship_id: str) -> Relationship | None: ...
    def lock_relationship(self, relationship_id: str) -> None:
        """Hold the relationship's row until commit: writers to one relationship queue here."""
        ...

    def add_membership(self, membership: Membership) -> None: ...
    def update_membership(self, membership: Membership) -> None: ...
    def memberships_of(self, person_id: str) -> Sequence[Membership]: ...

    def add_item(self, item: Item) -> None: ...
    def get_item(self, item_id: str) -> Item | None: ...
    def update_item(self, item: Item) -> None: ...
    def delete_item(self, item_id: str) -> None: ...
    def items(
        self,
        *,
        relationship_id: str | None = None,
        owner_id: str | None = None,
        kind: ItemKind | None = None,
        topic_id: str | None = None,
    ) -> Sequence[Item]:
        """Items matching every filter given, oldest first."""
        ...


class UnitOfWork(Protocol):
    """One transaction: everything written inside :meth:`begin` is committed together or not at
    all (an exception rolls it back)."""

    def begin(self, *, write: bool) -> AbstractContextManager[Repository]: ...
    def now(self) -> datetime: ...
    def new_id(self) -> str: ...
