"""The SQL repository: converts between rows and domain values. It never commits."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from accord.domain.access import Visibility
from accord.domain.items import Item, ItemKind
from accord.domain.relationships import Membership, Person, Relationship, RelationshipKind
from accord.storage.account_rows import AccountRepository
from accord.storage.tables import ItemRow, MembershipRow, PersonRow, RelationshipRow
from accord.storage.topic_rows import TopicRepository


class SqlRepository(TopicRepository, AccountRepository):
    def __init__(self, session: Session) -> None:
        self.session = session

    # People ---------------------------------------------------------------------------------

    def add_person(self, person: Person) -> None:
        self.session.add(
            PersonRow(
                id=person.id,
                name=person.name,
                email=person.email,
                deleted=person.deleted,
                created_at=person.created_at,
            )
        )
        self.session.flush()

    def get_person(self, person_id: str) -> Person | None:
        row = self.session.get(PersonRow, person_id)
        return _person(row) if row else None

    def person_by_email(self, email: str) -> Person | None:
        row = self.session.scalars(select(PersonRow).where(PersonRow.email == email)).first()
        return _person(row) if row else None

    def update_person(self, person: Person) -> None:
        row = self.session.get(PersonRow, person.id)
        if row is None:
            raise KeyError(person.id)
        row.name, row.email, row.deleted = person.name, person.email, person.deleted
        self.session.flush()

    # Relationships ---------------------------------------------------------------------------

    def add_relationship(self, relationship: Relationship) -> None:
        self.session.add(
            RelationshipRow(
                id=relationship.id,
                name=relationship.name,
                kind=relationship.kind.value,
                created_at=relationship.created_at,
                version=0,
            )
        )
        self.session.flush()
        for membership in relationship.members:
            self.add_membership(membership)

    def get_relationship(self, relationship_id: str) -> Relationship | None:
        row = self.session.get(RelationshipRow, relationship_id)
        if row is None:
            return None
        members = self.session.scalars(
            select(MembershipRow)
            .where(MembershipRow.relationship_id == relationship_id)
            .order_by(MembershipRow.joined_at, MembershipRow.person_id)
        )
        return Relationship(
            id=row.id,
            name=row.name,
            kind=RelationshipKind(row.kind),
            created_at=row.created_at,
            members=tuple(_membership(m) for m in members),
        )

    def lock_relationship(self, relationship_id: str) -> None:
        # FOR UPDATE on PostgreSQL; on SQLite the IMMEDIATE transaction already holds the lock.
        self.session.execute(
            update(RelationshipRow)
            .where(RelationshipRow.id == relationship_id)
            .values(version=RelationshipRow.version + 1)
        )

    def add_membership(self, membership: Membership) -> None:
        self.session.add(
            MembershipRow(
                relationship_id=membership.relationship_id,
                person_id=membership.person_id,
                joined_at=membership.joined_at,
                left_at=membership.left_at,
            )
        )
        self.session.flush()

    def update_membership(self, membership: Membership) -> None:
        row = self.session.get(MembershipRow, (membership.relationship_id, membership.person_id))
        if row is None:
            raise KeyError((membership.relationship_id, membership.person_id))
        row.left_at = membership.left_at
        self.session.flush()

    def memberships_of(self, person_id: str) -> Sequence[Membership]:
        rows = self.session.scalars(
            select(MembershipRow)
            .where(MembershipRow.person_id == person_id)
            .order_by(MembershipRow.joined_at)
        )
        return [_membership(r) for r in rows]

    # Items -------------------------------------------------------------------------------------

    def add_item(self, item: Item) -> None:
        self.session.add(
            ItemRow(
                id=item.id,
                relationship_id=item.relationship_id,
                owner_id=item.owner_id,
                kind=item.kind.value,
                visibility=item.visibility.value,
                visibility_fixed=item.visibility_fixed,
                topic_id=item.topic_id,
                data=dict(item.data),
                created_at=item.created_at,
                updated_at=item.updated_at,
            )
        )
        self.session.flush()

    def get_item(self, item_id: str) -> Item | None:
        row = self.session.get(ItemRow, item_id, populate_existing=True)
        return _item(row) if row else None

    def update_item(self, item: Item) -> None:
        row = self.session.get(ItemRow, item.id)
        if row is None:
            raise KeyError(item.id)
        row.visibility = item.visibility.value
        row.visibility_fixed = item.visibility_fixed
        row.data = dict(item.data)
        row.updated_at = item.updated_at
        self.session.flush()

    def delete_item(self, item_id: str) -> None:
        row = self.session.get(ItemRow, item_id)
        if row is not None:
            self.session.delete(row)
            self.session.flush()

    def items(
        self,
        *,
        relationship_id: str | None = None,
        owner_id: str | None = None,
        kind: ItemKind | None = None,
        topic_id: str | None = None,
    ) -> Sequence[Item]:
        query = select(ItemRow)
        if relationship_id is not None:
            query = query.where(ItemRow.relationship_id == relationship_id)
        if owner_id is not None:
            query = query.where(ItemRow.owner_id == owner_id)
        if kind is not None:
            query = query.where(ItemRow.kind == kind.value)
        if topic_id is not None:
            query = query.where(ItemRow.topic_id == topic_id)
        rows = self.session.scalars(
            query.order_by(ItemRow.created_at, ItemRow.id).execution_options(populate_existing=True)
        )
        return [_item(r) for r in rows]


def _person(row: PersonRow) -> Person:
    return Person(
        id=row.id, name=row.name, created_at=row.created_at, email=row.email, deleted=row.deleted
    )


def _membership(row: MembershipRow) -> Membership:
    return Membership(
        relationship_id=row.relationship_id,
        person_id=row.person_id,
        joined_at=row.joined_at,
        left_at=row.left_at,
    )


def _item(row: ItemRow) -> Item:
    data: dict[str, Any] = dict(row.data)
    return Item(
        id=row.id,
        relationship_id=row.relationship_id,
        owner_id=row.owner_id,
        kind=ItemKind(row.kind),
        visibility=Visibility(row.visibility),
        data=data,
        created_at=row.created_at,
        updated_at=row.updated_at,
        topic_id=row.topic_id,
        visibility_fixed=row.visibility_fixed,
    )
