"""Reference fact-checks: other newsrooms' ClaimReviews, apart from the library's claims.

Revision ID: 0009
Revises: 0008
Create Date: 2026-11-29
"""

import sqlalchemy as sa
from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "reference_check",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("claim_text", sa.String(), nullable=False),
        sa.Column("claimant", sa.String(length=500), nullable=False),
        sa.Column("claim_date", sa.Date(), nullable=True),
        sa.Column("rating", sa.String(length=500), nullable=False),
        sa.Column("publisher", sa.String(length=500), nullable=False),
        sa.Column("review_url", sa.String(length=2000), nullable=False),
        sa.Column("headline", sa.String(length=2000), nullable=False),
        sa.Column("language", sa.String(length=20), nullable=False),
        sa.Column("review_date", sa.Date(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("review_url"),
    )


def downgrade() -> None:
    op.drop_table("reference_check")
