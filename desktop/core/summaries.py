"""The library list: each article with its claim and highlight counts.

Written in SQLAlchemy Core over lightweight table descriptions, not the SQLModel classes:
`factdesk articles` prints the list without loading the ORM and pydantic (a quarter of a
second of imports). The functions take a Session or a Core Connection.
"""

from __future__ import annotations

from functools import cache

from sqlalchemy import (
    Connection,
    Integer,
    String,
    bindparam,
    column,
    func,
    select,
    table,
)

from desktop.core.summary_rows import (  # noqa: F401  (ArticleSummary re-exported)
    ArticleSummary,
    as_date,
    as_datetime,
    summary_rows,
    version_fields,
)

_article = table(
    "article",
    column("id", Integer),
    column("title", String),
    column("outlet", String),
    # Read as stored and converted below: SQLAlchemy's SQLite date parsing (a regular
    # expression per value) took half the time of listing 10,000 articles.
    column("published", String),
    column("created_at", String),
)
_claim = table("claim", column("article_id", Integer))
_version = table(
    "article_version",
    column("article_id", Integer),
    column("retrieved_at", String),
)
_highlight = table("highlight", column("article_id", Integer))


def _connection(source) -> Connection:
    """A Core connection from either a Connection or an ORM Session."""
    return source if isinstance(source, Connection) else source.connection()


def _counts(tbl):
    return select(tbl.c.article_id, func.count()).group_by(tbl.c.article_id)


def article_summaries(source, query: str = "") -> list[ArticleSummary]:
    """The library list, newest first, with counts from three aggregate queries."""
    conn = _connection(source)
    a = _article.c
    stmt = select(a.id, a.title, a.outlet, a.published, a.created_at).order_by(
        a.created_at.desc(), a.id.desc()
    )
    if query.strip():
        like = f"%{query.strip()}%"
        stmt = stmt.where(a.title.ilike(like) | a.outlet.ilike(like))
    rows = conn.execute(stmt).all()
    claims = dict(conn.execute(_counts(_claim)).all())
    highlights = dict(conn.execute(_counts(_highlight)).all())
    versions = {
        id_: (n, last)
        for id_, n, last in conn.execute(
            select(_version.c.article_id, func.count(), func.max(_version.c.retrieved_at)).group_by(
                _version.c.article_id
            )
        ).all()
    }
    return summary_rows(rows, claims, highlights, versions)


@cache
def _summary_statement():
    def count(tbl):
        return (
            select(func.count())
            .select_from(tbl)
            .where(tbl.c.article_id == _article.c.id)
            .scalar_subquery()
        )

    a = _article.c
    v = _version.c
    versions = select(func.count()).where(v.article_id == a.id).scalar_subquery()
    last = select(func.max(v.retrieved_at)).where(v.article_id == a.id).scalar_subquery()
    return select(
        a.id,
        a.title,
        a.outlet,
        a.published,
        a.created_at,
        count(_claim),
        count(_highlight),
        versions,
        last,
    ).where(a.id == bindparam("a"))


def article_summary(source, article_id: int) -> ArticleSummary | None:
    """One row of the library list (after its claims changed), None if it is gone."""
    row = _connection(source).execute(_summary_statement(), {"a": article_id}).first()
    if row is None:
        return None
    id_, title, outlet, published, created, claims, highlights, versions, last = row
    return ArticleSummary(
        id_,
        title,
        outlet,
        as_date(published),
        as_datetime(created),
        claims,
        highlights,
        *version_fields((versions, last) if versions else None),
    )
