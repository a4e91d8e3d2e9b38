"""Reference fact-checks in the full-text search index (issue 14).

Revision ID: 0011
Revises: 0010
Create Date: 2026-11-29

Checks imported before this revision are indexed now; later ones as they are written.
"""

import sqlalchemy as sa
from alembic import op

from desktop.core import search_index

revision = "0011"
down_revision = "0010"
branch_labels = None
depends_on = None


def upgrade() -> None:
    conn = op.get_bind()
    ids = conn.execute(sa.text("SELECT id FROM reference_check ORDER BY id")).scalars().all()
    search_index.reindex(conn, "check", ids)


def downgrade() -> None:
    conn = op.get_bind()
    conn.execute(sa.text("DELETE FROM search_index WHERE kind = 'check'"))
