"""Transcript turns on articles, and check-worthiness scores and dismissals (issues 15, 16).

Revision ID: 0007
Revises: 0006
Create Date: 2026-11-29

Existing articles get no turns; their scores are computed when first asked for.
"""

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("article") as batch:
        batch.add_column(sa.Column("turns", sa.JSON(), nullable=False, server_default="[]"))
    op.create_table(
        "sentence_scores",
        sa.Column("article_id", sa.Integer(), nullable=False),
        sa.Column("model", sa.String(length=40), nullable=False),
        sa.Column("content_hash", sa.String(length=64), nullable=False),
        sa.Column("spans", sa.JSON(), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["article_id"], ["article.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("article_id"),
    )
    op.create_table(
        "suggestion_dismissal",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("article_id", sa.Integer(), nullable=False),
        sa.Column("quote", sa.String(length=4000), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("created_by", sa.String(length=200), nullable=False),
        sa.ForeignKeyConstraint(["article_id"], ["article.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("article_id", "quote"),
    )
    with op.batch_alter_table("suggestion_dismissal") as batch:
        batch.create_index("ix_suggestion_dismissal_article_id", ["article_id"], unique=False)


def downgrade() -> None:
    op.drop_table("suggestion_dismissal")
    op.drop_table("sentence_scores")
    with op.batch_alter_table("article") as batch:
        batch.drop_column("turns")
