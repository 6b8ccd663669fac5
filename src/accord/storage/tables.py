"""The database tables. Rows are separate from domain values; the repository converts them."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from sqlalchemy import (
    JSON,
    Boolean,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    TypeDecorator,
)
from sqlalchemy.engine import Dialect
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

ID = String(32)

# Stable constraint names, so that migrations can refer to them on every database.
NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class UTCDateTime(TypeDecorator[datetime]):
    """Aware UTC datetimes on every database (SQLite keeps no time zone; this puts it back)."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("datetimes stored by Accord must carry a time zone")
        return value.astimezone(UTC)

    def process_result_value(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)
    type_annotation_map = {datetime: UTCDateTime(), dict[str, Any]: JSON()}  # noqa: RUF012


class PersonRow(Base):
    __tablename__ = "persons"

    id: Mapped[str] = mapped_column(ID, primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    email: Mapped[str | None] = mapped_column(String(320), unique=True)
    password_hash: Mapped[str | None] = mapped_column(String(200))
    deleted: Mapped[bool] = mapped_column(Boolean, default=False)
    created_at: Mapped[datetime]


class RelationshipRow(Base):
    __tablename__ = "relationships"

    id: Mapped[str] = mapped_column(ID, primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    kind: Mapped[str] = mapped_column(String(20))
    created_at: Mapped[datetime]
    # Bumped by every write that locks the relationship: the row every writer serialises on.
    version: Mapped[int] = mapped_column(Integer, default=0)


class MembershipRow(Base):
    __tablename__ = "memberships"

    relationship_id: Mapped[str] = mapped_column(
        ID, ForeignKey("relationships.id", ondelete="CASCADE"), primary_key=True
    )
    person_id: Mapped[str] = mapped_column(ID, ForeignKey("persons.id"), primary_key=True)
    joined_at: Mapped[datetime]
    left_at: Mapped[datetime | None]


class ItemRow(Base):
    __tablename__ = "items"
    __table_args__ = (
        Index("ix_items_relationship_kind", "relationship_id", "kind"),
        Index("ix_items_owner", "owner_id"),
        Index("ix_items_topic", "topic_id"),
    )

    id: Mapped[str] = mapped_column(ID, primary_key=True)
    relationship_id: Mapped[str] = mapped_column(
        ID, ForeignKey("relationships.id", ondelete="CASCADE")
    )
    owner_id: Mapped[str] = mapped_column(ID, ForeignKey("persons.id"))
    kind: Mapped[str] = mapped_column(String(30))
    visibility: Mapped[str] = mapped_column(String(10))
    visibility_fixed: Mapped[bool] = mapped_column(Boolean, default=False)
    topic_id: Mapped[str | None] = mapped_column(ID)
    data: Mapped[dict[str, Any]]
    created_at: Mapped[datetime]
    updated_at: Mapped[datetime]
