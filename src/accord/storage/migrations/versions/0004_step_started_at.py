"""When a negotiation's current step began (check-ins before it belong to an earlier pass).

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-22
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from accord.storage.tables import UTCDateTime

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("negotiations") as batch:
        batch.add_column(sa.Column("step_started_at", UTCDateTime(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("negotiations") as batch:
        batch.drop_column("step_started_at")
