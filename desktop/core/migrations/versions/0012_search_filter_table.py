"""The search index's filter values in an ordinary table (issue 14, speed).

Revision ID: 0012
Revises: 0011
Create Date: 2026-11-29

`search_index_fields` holds, for each index row, the folded values that `claimant:`,
`verdict:`, `tag:`, `outlet:`, `checker:`, `status:`, `before:` and `after:` compare,
with indexes on the date and the article. Filled here from the index itself, so an
existing library keeps every row; later writes keep both in step.
"""

import sqlalchemy as sa
from alembic import op

from desktop.core import search_index

revision = "0012"
down_revision = "0011"
branch_labels = None
depends_on = None


def upgrade() -> None:
    conn = op.get_bind()
    op.execute(sa.text(search_index.FIELDS_DDL[conn.dialect.name]))
    op.execute(sa.text(search_index.FIELDS_FILL))
    for statement in search_index.FIELDS_INDEXES:
        op.execute(sa.text(statement))


def downgrade() -> None:
    op.execute(sa.text(search_index.FIELDS_DROP))
