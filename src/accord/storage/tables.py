"""The database tables. Rows are separate from domain values; the repository converts them."""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import (
    JSON,
    Boolean,
    Date,
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


class TopicRow(Base):
    __tablename__ = "topics"
    __table_args__ = (Index("ix_topics_relationship", "relationship_id"),)

    id: Mapped[str] = mapped_column(ID, primary_key=True)
    relationship_id: Mapped[str] = mapped_column(
        ID, ForeignKey("relationships.id", ondelete="CASCADE")
    )
    opened_by: Mapped[str] = mapped_column(ID, ForeignKey("persons.id"))
    title: Mapped[str] = mapped_column(String(200))
    description: Mapped[str] = mapped_column(String(2000))
    proposed_layer: Mapped[str] = mapped_column(String(20))
    reasons: Mapped[list[str]] = mapped_column(JSON)
    layer: Mapped[str] = mapped_column(String(20))
    confirmed_by: Mapped[list[str]] = mapped_column(JSON)
    status: Mapped[str] = mapped_column(String(30))
    visibility: Mapped[str] = mapped_column(String(10))
    negotiation_id: Mapped[str | None] = mapped_column(ID)
    settlement: Mapped[str] = mapped_column(String(2000), default="")
    created_at: Mapped[datetime]
    updated_at: Mapped[datetime]


class NegotiationRow(Base):
    __tablename__ = "negotiations"
    __table_args__ = (Index("ix_negotiations_relationship", "relationship_id"),)

    id: Mapped[str] = mapped_column(ID, primary_key=True)
    relationship_id: Mapped[str] = mapped_column(
        ID, ForeignKey("relationships.id", ondelete="CASCADE")
    )
    topic_ids: Mapped[list[str]] = mapped_column(JSON)
    step: Mapped[str] = mapped_column(String(20))
    done: Mapped[list[str]] = mapped_column(JSON)
    created_by: Mapped[str] = mapped_column(ID, ForeignKey("persons.id"))
    result: Mapped[dict[str, Any] | None]
    agreed_package: Mapped[dict[str, Any] | None]
    step_started_at: Mapped[datetime | None]
    created_at: Mapped[datetime]
    updated_at: Mapped[datetime]


class PauseRow(Base):
    __tablename__ = "pauses"
    __table_args__ = (Index("ix_pauses_relationship", "relationship_id"),)

    id: Mapped[str] = mapped_column(ID, primary_key=True)
    relationship_id: Mapped[str] = mapped_column(
        ID, ForeignKey("relationships.id", ondelete="CASCADE")
    )
    negotiation_id: Mapped[str | None] = mapped_column(ID)
    started_by: Mapped[str] = mapped_column(ID, ForeignKey("persons.id"))
    started_at: Mapped[datetime]
    resumes_at: Mapped[datetime]


class AgreementRow(Base):
    __tablename__ = "agreements"
    __table_args__ = (Index("ix_agreements_relationship", "relationship_id"),)

    id: Mapped[str] = mapped_column(ID, primary_key=True)
    relationship_id: Mapped[str] = mapped_column(
        ID, ForeignKey("relationships.id", ondelete="CASCADE")
    )
    negotiation_id: Mapped[str] = mapped_column(ID, ForeignKey("negotiations.id"))
    package: Mapped[dict[str, Any]]
    terms: Mapped[list[dict[str, Any]]] = mapped_column(JSON)
    how_we_know: Mapped[str] = mapped_column(String(2000))
    review_on: Mapped[date] = mapped_column(Date)
    status: Mapped[str] = mapped_column(String(20))
    created_at: Mapped[datetime]
    updated_at: Mapped[datetime]


class WebSessionRow(Base):
    """A signed-in browser: the cookie holds a random token; only its hash is stored."""

    __tablename__ = "web_sessions"

    token_hash: Mapped[str] = mapped_column(String(64), primary_key=True)
    person_id: Mapped[str] = mapped_column(ID, ForeignKey("persons.id", ondelete="CASCADE"))
    csrf: Mapped[str] = mapped_column(String(64))
    demo_relationship_id: Mapped[str | None] = mapped_column(ID)
    created_at: Mapped[datetime]
    expires_at: Mapped[datetime]


class ApiTokenRow(Base):
    __tablename__ = "api_tokens"

    id: Mapped[str] = mapped_column(ID, primary_key=True)
    person_id: Mapped[str] = mapped_column(ID, ForeignKey("persons.id", ondelete="CASCADE"))
    name: Mapped[str] = mapped_column(String(100))
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    created_at: Mapped[datetime]
    revoked_at: Mapped[datetime | None]


class InvitationRow(Base):
    __tablename__ = "invitations"

    id: Mapped[str] = mapped_column(ID, primary_key=True)
    relationship_id: Mapped[str] = mapped_column(
        ID, ForeignKey("relationships.id", ondelete="CASCADE")
    )
    created_by: Mapped[str] = mapped_column(ID, ForeignKey("persons.id", ondelete="CASCADE"))
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    created_at: Mapped[datetime]
    expires_at: Mapped[datetime]
    used_by: Mapped[str | None] = mapped_column(ID)
    used_at: Mapped[datetime | None]


class LoginAttemptRow(Base):
    __tablename__ = "login_attempts"
    __table_args__ = (Index("ix_login_attempts_key_at", "key", "at"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    key: Mapped[str] = mapped_column(String(320))
    at: Mapped[datetime]
    succeeded: Mapped[bool] = mapped_column(Boolean)
