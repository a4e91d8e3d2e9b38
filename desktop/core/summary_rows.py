"""The library list's rows, and reading them from an SQLite file with the standard
library alone.

The window's start lists the library before SQLAlchemy has even loaded (a quarter of a
second of imports): `sqlite_summaries` reads the same rows as
`summaries.article_summaries`, over a read-only `sqlite3` connection. Neither Qt nor
SQLAlchemy is imported here.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path


@dataclass(frozen=True)
class ArticleSummary:
    """One row of the library list."""

    id: int
    title: str
    outlet: str
    published: date | None
    created_at: datetime
    claims: int
    highlights: int
    # How many versions the article has, and when the newest arrived (None: never changed).
    versions: int = 1
    last_changed: datetime | None = None


def as_date(value) -> date | None:
    """A stored date: text on SQLite ("2024-09-18"), a date from PostgreSQL's driver."""
    return date.fromisoformat(value) if isinstance(value, str) else value


def as_datetime(value) -> datetime:
    return datetime.fromisoformat(value) if isinstance(value, str) else value


def version_fields(found) -> tuple[int, datetime | None]:
    """(versions, last changed) from a (count, newest) pair, or none recorded."""
    if not found:
        return 1, None
    return int(found[0]), as_datetime(found[1])


def summary_rows(rows, claims: dict, highlights: dict, versions: dict) -> list[ArticleSummary]:
    """ArticleSummary rows from the article rows and the three per-article counts."""
    return [
        ArticleSummary(
            id_,
            title,
            outlet,
            as_date(published),
            as_datetime(created),
            claims.get(id_, 0),
            highlights.get(id_, 0),
            *version_fields(versions.get(id_)),
        )
        for id_, title, outlet, published, created in rows
    ]


# The statements summaries.article_summaries builds with SQLAlchemy, as SQLite text.
ARTICLES_SQL = (
    "SELECT article.id, article.title, article.outlet, article.published, "
    "article.created_at FROM article ORDER BY article.created_at DESC, article.id DESC"
)
CLAIMS_SQL = "SELECT claim.article_id, count(*) FROM claim GROUP BY claim.article_id"
HIGHLIGHTS_SQL = (
    "SELECT highlight.article_id, count(*) FROM highlight GROUP BY highlight.article_id"
)
VERSIONS_SQL = (
    "SELECT article_version.article_id, count(*), max(article_version.retrieved_at) "
    "FROM article_version GROUP BY article_version.article_id"
)


def sqlite_summaries(path: Path) -> tuple[list[ArticleSummary], int | None]:
    """The library list of the SQLite file at `path`, read-only, and its change counter
    read first in the same transaction (desktop.core.changes). Raises sqlite3.Error when
    the file cannot be read so (not a library, damaged, locked)."""
    uri = Path(path).as_uri() + "?mode=ro"
    con = sqlite3.connect(uri, uri=True, timeout=5)
    try:
        con.execute("BEGIN")  # one snapshot for the counter and every list query
        token = con.execute("SELECT changes FROM library_state").fetchone()
        rows = con.execute(ARTICLES_SQL).fetchall()
        claims = dict(con.execute(CLAIMS_SQL).fetchall())
        highlights = dict(con.execute(HIGHLIGHTS_SQL).fetchall())
        versions = {a: (n, last) for a, n, last in con.execute(VERSIONS_SQL).fetchall()}
        con.execute("COMMIT")
    finally:
        con.close()
    return summary_rows(rows, claims, highlights, versions), token[0] if token else None
