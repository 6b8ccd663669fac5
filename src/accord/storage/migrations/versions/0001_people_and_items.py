"""People, relationships, memberships and the items people write.

Revision ID: 0001
Revises:
Create Date: 2026-11-22
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from accord.storage.tables import UTCDateTime

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "persons",
        sa.Column("id", sa.String(32), nullable=False),
        sa.Column("name", sa.String(200), nullable=False),
        sa.Column("email", sa.String(320), nullable=True),
        sa.Column("password_hash", sa.String(200), nullable=True),
        sa.Column("deleted", sa.Boolean(), nullable=False),
        sa.Column("created_at", UTCDateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_persons"),
        sa.UniqueConstraint("email", name="uq_persons_email"),
    )
    op.create_table(
        "relationships",
        sa.Column("id", sa.String(32), nullable=False),
        sa.Column("name", sa.String(200), nullable=False),
        sa.Column("kind", sa.String(20), nullable=False),
        sa.Column("created_at", UTCDateTime(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_relationships"),
    )
    op.create_table(
        "memberships",
        sa.Column("relationship_id", sa.String(32), nullable=False),
        sa.Column("person_id", sa.String(32), nullable=False),
        sa.Column("joined_at", UTCDateTime(), nullable=False),
        sa.Column("left_at", UTCDateTime(), nullable=True),
        sa.ForeignKeyConstraint(
            ["relationship_id"],
            ["relationships.id"],
            name="fk_memberships_relationship_id_relationships",
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["person_id"], ["persons.id"], name="fk_memberships_person_id_persons"
        ),
        sa.PrimaryKeyConstraint("relationship_id", "person_id", name="pk_memberships"),
    )
    op.create_table(
        "items",
        sa.Column("id", sa.String(32), nullable=False),
        sa.Column("relationship_id", sa.String(32), nullable=False),
        sa.Column("owner_id", sa.String(32), nullable=False),
        sa.Column("kind", sa.String(30), nullable=False),
        sa.Column("visibility", sa.String(10), nullable=False),
        sa.Column("visibility_fixed", sa.Boolean(), nullable=False),
        sa.Column("topic_id", sa.String(32), nullable=True),
        sa.Column("data", sa.JSON(), nullable=False),
        sa.Column("created_at", UTCDateTime(), nullable=False),
        sa.Column("updated_at", UTCDateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["relationship_id"],
            ["relationships.id"],
            name="fk_items_relationship_id_relationships",
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(["owner_id"], ["persons.id"], name="fk_items_owner_id_persons"),
        sa.PrimaryKeyConstraint("id", name="pk_items"),
    )
    op.create_index("ix_items_relationship_kind", "items", ["relationship_id", "kind"])
    op.create_index("ix_items_owner", "items", ["owner_id"])
    op.create_index("ix_items_topic", "items", ["topic_id"])


def downgrade() -> None:
    op.drop_index("ix_items_topic", table_name="items")
    op.drop_index("ix_items_owner", table_name="items")
    op.drop_index("ix_items_relationship_kind", table_name="items")
    op.drop_table("items")
    op.drop_table("memberships")
    op.drop_table("relationships")
    op.drop_table("persons")
