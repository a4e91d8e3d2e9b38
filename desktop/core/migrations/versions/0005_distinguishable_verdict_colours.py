"""The default verdicts' new colours, which every eye can tell apart (issue 13).

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-26

A shipped rating (known by its key) whose colour is still the old default takes the new
one; a colour the user chose is left alone. The colours are written out here, not read
from desktop.core.ratings, so this step keeps meaning the same when the defaults change
again. Only the rating rows change: "Not rated" is not stored.
"""

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None

# key: (old default, new default)
COLOURS = {
    "true": ("#2e7d32", "#276e6b"),
    "mostly-true": ("#7cb342", "#99e7af"),
    "mixed": ("#f9a825", "#fff407"),
    "misleading": ("#ef6c00", "#ea7013"),
    "mostly-false": ("#e64a19", "#b22001"),
    "false": ("#c62828", "#630b20"),
    "unverifiable": ("#757575", "#540eba"),
}

_RECOLOUR = sa.text(
    'UPDATE rating SET color = :to_color WHERE "key" = :key AND lower(color) = :from_color'
)


def _recolour(new: bool) -> None:
    bind = op.get_bind()
    for key, (old_color, new_color) in COLOURS.items():
        from_color, to_color = (old_color, new_color) if new else (new_color, old_color)
        bind.execute(_RECOLOUR, {"key": key, "from_color": from_color, "to_color": to_color})


def upgrade() -> None:
    _recolour(new=True)


def downgrade() -> None:
    _recolour(new=False)
