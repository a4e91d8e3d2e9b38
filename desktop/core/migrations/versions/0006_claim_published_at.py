"""When a claim's status became Published: ClaimReview's datePublished (issue 18).

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-29

Claims already published keep their last change as the best known publication time;
the column is empty for every other claim.
"""

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("claim") as batch:
        batch.add_column(sa.Column("published_at", sa.DateTime(timezone=True), nullable=True))
    op.execute(
        sa.text("UPDATE claim SET published_at = updated_at WHERE status = 'published'")
    )


def downgrade() -> None:
    with op.batch_alter_table("claim") as batch:
        batch.drop_column("published_at")
