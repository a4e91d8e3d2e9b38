"""The full-text search index over articles, claims and sources (issue 14).

Revision ID: 0008
Revises: 0007
Create Date: 2026-11-29

SQLite: an FTS5 table (unicode61, diacritics removed). PostgreSQL: a table with a
generated `tsvector` ('simple' configuration) and a GIN index. Both hold words folded in
Python (desktop.core.search_index), so no PostgreSQL extension is needed. Existing
articles, claims and sources are indexed here; later writes keep the index in step.
"""

import sqlalchemy as sa
from alembic import op

from desktop.core import search_index

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None


def upgrade() -> None:
    conn = op.get_bind()
    if conn.dialect.name == "sqlite":
        op.execute(sa.text(search_index.SQLITE_DDL))
    else:
        for statement in search_index.POSTGRES_DDL:
            op.execute(sa.text(statement))
    # Reference checks came with 0009, and are indexed by 0011.
    search_index.rebuild(conn, kinds=("article", "claim", "source"))


def downgrade() -> None:
    op.execute(sa.text(search_index.DROP_DDL))
