"""Topics, guided negotiations, pauses and agreements.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-22
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from accord.storage.tables import UTCDateTime

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def _relationship_fk(table: str) -> sa.ForeignKeyConstraint:
    return sa.ForeignKeyConstraint(
        ["relationship_id"],
        ["relationships.id"],
        name=f"fk_{table}_relationship_id_relationships",
        ondelete="CASCADE",
    )


def upgrade() -> None:
    op.create_table(
        "topics",
        sa.Column("id", sa.String(32), nullable=False),
        sa.Column("relationship_id", sa.String(32), nullable=False),
        sa.Column("opened_by", sa.String(32), nullable=False),
        sa.Column("title", sa.String(200), nullable=False),
        sa.Column("description", sa.String(2000), nullable=False),
        sa.Column("proposed_layer", sa.String(20), nullable=False),
        sa.Column("reasons", sa.JSON(), nullable=False),
        sa.Column("layer", sa.String(20), nullable=False),
        sa.Column("confirmed_by", sa.JSON(), nullable=False),
        sa.Column("status", sa.String(30), nullable=False),
        sa.Column("visibility", sa.String(10), nullable=False),
        sa.Column("negotiation_id", sa.String(32), nullable=True),
        sa.Column("settlement", sa.String(2000), nullable=False),
        sa.Column("created_at", UTCDateTime(), nullable=False),
        sa.Column("updated_at", UTCDateTime(), nullable=False),
        _relationship_fk("topics"),
        sa.ForeignKeyConstraint(["opened_by"], ["persons.id"], name="fk_topics_opened_by_persons"),
        sa.PrimaryKeyConstraint("id", name="pk_topics"),
    )
    op.create_index("ix_topics_relationship", "topics", ["relationship_id"])
    op.create_table(
        "negotiations",
        sa.Column("id", sa.String(32), nullable=False),
        sa.Column("relationship_id", sa.String(32), nullable=False),
        sa.Column("topic_ids", sa.JSON(), nullable=False),
        sa.Column("step", sa.String(20), nullable=False),
        sa.Column("done", sa.JSON(), nullable=False),
        sa.Column("created_by", sa.String(32), nullable=False),
        sa.Column("result", sa.JSON(), nullable=True),
        sa.Column("agreed_package", sa.JSON(), nullable=True),
        sa.Column("created_at", UTCDateTime(), nullable=False),
        sa.Column("updated_at", UTCDateTime(), nullable=False),
        _relationship_fk("negotiations"),
        sa.ForeignKeyConstraint(
            ["created_by"], ["persons.id"], name="fk_negotiations_created_by_persons"
        ),
        sa.PrimaryKeyConstraint("id", name="pk_negotiations"),
    )
    op.create_index("ix_negotiations_relationship", "negotiations", ["relationship_id"])
    op.create_table(
        "pauses",
        sa.Column("id", sa.String(32), nullable=False),
        sa.Column("relationship_id", sa.String(32), nullable=False),
        sa.Column("negotiation_id", sa.String(32), nullable=True),
        sa.Column("started_by", sa.String(32), nullable=False),
        sa.Column("started_at", UTCDateTime(), nullable=False),
        sa.Column("resumes_at", UTCDateTime(), nullable=False),
        _relationship_fk("pauses"),
        sa.ForeignKeyConstraint(
            ["started_by"], ["persons.id"], name="fk_pauses_started_by_persons"
        ),
        sa.PrimaryKeyConstraint("id", name="pk_pauses"),
    )
    op.create_index("ix_pauses_relationship", "pauses", ["relationship_id"])
    op.create_table(
        "agreements",
        sa.Column("id", sa.String(32), nullable=False),
        sa.Column("relationship_id", sa.String(32), nullable=False),
        sa.Column("negotiation_id", sa.String(32), nullable=False),
        sa.Column("package", sa.JSON(), nullable=False),
        sa.Column("terms", sa.JSON(), nullable=False),
        sa.Column("how_we_know", sa.String(2000), nullable=False),
        sa.Column("review_on", sa.Date(), nullable=False),
        sa.Column("status", sa.String(20), nullable=False),
        sa.Column("created_at", UTCDateTime(), nullable=False),
        sa.Column("updated_at", UTCDateTime(), nullable=False),
        _relationship_fk("agreements"),
        sa.ForeignKeyConstraint(
            ["negotiation_id"],
            ["negotiations.id"],
            name="fk_agreements_negotiation_id_negotiations",
        ),
        sa.PrimaryKeyConstraint("id", name="pk_agreements"),
    )
    op.create_index("ix_agreements_relationship", "agreements", ["relationship_id"])


def downgrade() -> None:
    for table in ("agreements", "pauses", "negotiations", "topics"):
        op.drop_index(f"ix_{table}_relationship", table_name=table)
        op.drop_table(table)
