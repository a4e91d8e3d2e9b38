"""A change counter, so colleagues' edits are noticed with one cheap read.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-25
"""

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    table = op.create_table(
        "library_state",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("changes", sa.Integer(), nullable=False, server_default="0"),
        sa.PrimaryKeyConstraint("id"),
    )
    op.bulk_insert(table, [{"id": 1, "changes": 0}])


def downgrade() -> None:
    op.drop_table("library_state")
