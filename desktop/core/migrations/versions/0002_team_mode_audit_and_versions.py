"""Team mode: who created and last changed each claim, highlight and source; row versions.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-25

Existing rows get version 1 and empty names, except claims, whose recorded checker is
the best knowledge of who made them.
"""

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

TABLES = ("claim", "highlight", "source")


def upgrade() -> None:
    for table in TABLES:
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.add_column(
                sa.Column("created_by", sa.String(length=200), nullable=False, server_default="")
            )
            batch_op.add_column(
                sa.Column("updated_by", sa.String(length=200), nullable=False, server_default="")
            )
            batch_op.add_column(
                sa.Column("version", sa.Integer(), nullable=False, server_default="1")
            )
    op.execute("UPDATE claim SET created_by = checker, updated_by = checker")


def downgrade() -> None:
    for table in reversed(TABLES):
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.drop_column("version")
            batch_op.drop_column("updated_by")
            batch_op.drop_column("created_by")
