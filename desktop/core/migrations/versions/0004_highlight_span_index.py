"""An index that holds everything the article pane paints, so a long article's
thousands of highlights are read from the index alone, without their quoted text.

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-25
"""

from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index(
        "ix_highlight_spans",
        "highlight",
        ["article_id", "start", "end", "claim_id", "anchor"],
    )
    # The new index begins with the same two columns: it serves every query this one did.
    op.drop_index("ix_highlight_article_start", table_name="highlight")


def downgrade() -> None:
    op.create_index("ix_highlight_article_start", "highlight", ["article_id", "start"])
    op.drop_index("ix_highlight_spans", table_name="highlight")
