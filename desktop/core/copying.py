"""Moving a whole library between databases (SQLite ⇄ PostgreSQL) with every id intact.

For a checker joining the team server with their local library, or leaving it with a
copy: rows are copied table by table in foreign-key order with SQLAlchemy Core (no ORM,
so versions, authors and timestamps travel unchanged), then PostgreSQL's id sequences
are moved past the copied ids so new rows don't collide.
"""

from __future__ import annotations

from collections.abc import Callable

from sqlalchemy import func, select
from sqlmodel import SQLModel

from desktop.core import models  # noqa: F401  (registers the tables)
from desktop.core.errors import FactdeskError
from desktop.core.store import Store

# Parents before children, so foreign keys hold at every insert.
TABLE_ORDER = (
    "rating_scale",
    "rating",
    "article",
    "tag",
    "source",
    "claim",
    "claim_tag",
    "claim_source",
    "highlight",
    "sentence_scores",
    "suggestion_dismissal",
    "reference_check",
    "article_version",
    "version_anchor",
    "source_capture",
)
CONTENT_TABLES = ("article", "claim", "highlight", "source", "tag", "reference_check")
# Kept in step by the database itself (search_index*) or counting this database's own
# commits (library_state): not copied.
NOT_COPIED = ("library_state",)
CHUNK = 1000


def _count(session, name: str) -> int:
    table = SQLModel.metadata.tables[name]
    return session.execute(select(func.count()).select_from(table)).scalar_one()


def copy_library(
    src: Store, dst: Store, progress: Callable[[str, int], None] | None = None
) -> dict[str, int]:
    """Copy every row of `src` into the empty library `dst`; returns rows per table.

    `dst` may hold only the default rating scale that opening it created; anything else
    there is refused, so a copy never merges into (or overwrites) someone's work.
    """
    tables = SQLModel.metadata.tables
    with dst.read() as session:
        busy = [name for name in CONTENT_TABLES if _count(session, name)]
    if busy:
        raise FactdeskError(
            f"{dst.label}: is not empty (it has rows in {', '.join(busy)}); "
            "copy into a new, empty library"
        )
    copied: dict[str, int] = {}
    with src.read() as reader, dst.transaction() as writer:
        writer.execute(tables["rating"].delete())
        writer.execute(tables["rating_scale"].delete())
        for name in TABLE_ORDER:
            table = tables[name]
            result = reader.execute(select(table).order_by(*table.primary_key.columns))
            total = 0
            while rows := result.mappings().fetchmany(CHUNK):
                writer.execute(table.insert(), [dict(r) for r in rows])
                total += len(rows)
                if progress:
                    progress(name, total)
            copied[name] = total
        if dst.engine.dialect.name == "postgresql":
            for name in TABLE_ORDER:
                table = tables[name]
                if "id" not in table.c:
                    continue
                top = writer.execute(select(func.max(table.c.id))).scalar_one()
                writer.execute(
                    select(
                        func.setval(
                            func.pg_get_serial_sequence(name, "id"),
                            top or 1,
                            top is not None,
                        )
                    )
                )
    return copied
