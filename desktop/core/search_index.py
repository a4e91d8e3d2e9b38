"""The full-text search index (issue 14): one row per article, claim, source and reference
fact-check (another newsroom's published check; its id is the row's rowid // 4).

Words are folded in Python (accents dropped, case folded, œ → oe) and stored as plain
space-separated words, so SQLite's FTS5 and PostgreSQL's `to_tsvector('simple', …)` see
the same word stream: matching is the same on both, and PostgreSQL needs no `unaccent`
extension (which a team server's owner may not be able to create).

The filter values are also kept in an ordinary table, `search_index_fields` (migration
0012), one narrow row per index row with an index on its date: a filter read there
costs a primary-key lookup, where reading it from the FTS5 table's own UNINDEXED columns
reads the whole stored row (3 µs a row: 90 ms for a word found in 25,000 rows).

The index is kept in step by Session events, in the transaction that made the change:
`after_flush` re-indexes the articles, claims and sources a flush touched (whoever
flushed: the CLI, the window, an undo restoring a claim), and a Core write to a content
table through a Session (`copy-db`) rebuilds the whole index before the commit.
"""

from __future__ import annotations

import re
import unicodedata
import weakref
from collections.abc import Iterable, Iterator
from functools import lru_cache

from sqlalchemy import Connection, column, delete, event, insert, inspect, select, table, text
from sqlalchemy.orm import Session

TABLE = "search_index"
KINDS = {"check": 0, "article": 1, "claim": 2, "source": 3}
# Filter columns: folded values stored beside the words (see search.py for their use).
FIELDS = ("claimant", "tags", "outlet", "checker", "verdict", "status", "day")
COLUMNS = ("rowid", "title", "body", "kind", "article_id", "claim_id", "source_id", *FIELDS)

SQLITE_DDL = (
    f"CREATE VIRTUAL TABLE {TABLE} USING fts5("
    "title, body, kind UNINDEXED, article_id UNINDEXED, claim_id UNINDEXED, "
    "source_id UNINDEXED, claimant UNINDEXED, tags UNINDEXED, outlet UNINDEXED, "
    "checker UNINDEXED, verdict UNINDEXED, status UNINDEXED, day UNINDEXED, "
    "tokenize = 'unicode61 remove_diacritics 2')"
)
DROP_DDL = "DROP TABLE IF EXISTS search_index"
POSTGRES_DDL = (
    f"CREATE TABLE {TABLE} ("
    "rowid BIGINT PRIMARY KEY, title TEXT NOT NULL, body TEXT NOT NULL, "
    "kind VARCHAR(8) NOT NULL, article_id INTEGER, claim_id INTEGER, source_id INTEGER, "
    "claimant TEXT NOT NULL, tags TEXT NOT NULL, outlet TEXT NOT NULL, "
    "checker TEXT NOT NULL, verdict TEXT NOT NULL, status TEXT NOT NULL, "
    "day VARCHAR(10) NOT NULL, "
    "document TSVECTOR GENERATED ALWAYS AS ("
    "setweight(to_tsvector('simple'::regconfig, title), 'A') || "
    "setweight(to_tsvector('simple'::regconfig, body), 'B')) STORED)",
    f"CREATE INDEX ix_{TABLE}_document ON {TABLE} USING gin (document)",
    f"CREATE INDEX ix_{TABLE}_article_id ON {TABLE} (article_id)",
)
# The index as SQLAlchemy Core sees it (no model: FTS5 tables are not ordinary tables).
INDEX = table(TABLE, *(column(name) for name in COLUMNS))

FIELDS_TABLE = "search_index_fields"
FIELD_COLUMNS = ("rowid", "article_id", *FIELDS)
FIELDS_DDL = {
    "sqlite": (
        f"CREATE TABLE {FIELDS_TABLE} (rowid INTEGER PRIMARY KEY, article_id INTEGER, "
        "claimant TEXT NOT NULL, tags TEXT NOT NULL, outlet TEXT NOT NULL, "
        "checker TEXT NOT NULL, verdict TEXT NOT NULL, status TEXT NOT NULL, "
        "day VARCHAR(10) NOT NULL)"
    ),
    "postgresql": (
        f"CREATE TABLE {FIELDS_TABLE} (rowid BIGINT PRIMARY KEY, article_id INTEGER, "
        "claimant TEXT NOT NULL, tags TEXT NOT NULL, outlet TEXT NOT NULL, "
        "checker TEXT NOT NULL, verdict TEXT NOT NULL, status TEXT NOT NULL, "
        "day VARCHAR(10) NOT NULL)"
    ),
}
FIELDS_INDEXES = (
    f"CREATE INDEX ix_{FIELDS_TABLE}_day ON {FIELDS_TABLE} (day)",
    f"CREATE INDEX ix_{FIELDS_TABLE}_article_id ON {FIELDS_TABLE} (article_id)",
)
FIELDS_FILL = (
    "INSERT INTO search_index_fields "
    "(rowid, article_id, claimant, tags, outlet, checker, verdict, status, day) "
    "SELECT rowid, article_id, claimant, tags, outlet, checker, verdict, status, day "
    "FROM search_index"
)
FIELDS_DROP = f"DROP TABLE IF EXISTS {FIELDS_TABLE}"
FIELD_INDEX = table(FIELDS_TABLE, *(column(name) for name in FIELD_COLUMNS))

# A run of letters and digits, with any combining accents typed apart from their letter.
_RUN = re.compile(r"(?:[^\W_]|[\u0300-\u036f])+")
_WORD = re.compile(r"[^\W_]+")
_LIGATURES = {"œ": "oe", "Œ": "oe", "æ": "ae", "Æ": "ae", "ø": "o", "Ø": "o"}
_LIGATURE = re.compile("[œŒæÆøØ]")
# PostgreSQL keeps at most 1 MB in a tsvector: very long texts are indexed up to here.
_MAX_WORDS = 200_000


@lru_cache(maxsize=1)
def _accents() -> re.Pattern:
    """Every combining mark (all lie below U+20000), as one character class: a regular
    expression drops them at C speed (str.translate looks each character up)."""
    marks = [c for c in range(0x20000) if unicodedata.combining(chr(c))]
    ranges, start = [], marks[0]
    for prev, c in zip(marks, [*marks[1:], None], strict=True):
        if c != prev + 1:
            ranges.append(f"{re.escape(chr(start))}-{re.escape(chr(prev))}")
            start = c
    return re.compile("[" + "".join(ranges) + "]+")


FOLD_CHUNK = 32_768


def fold(value: str) -> str:
    """`value` without accents and case, as the index stores it ("Taïwan" → "taiwan").

    A book is folded a slice at a time, cut at white space: each C call holds the
    interpreter lock for its whole length, and one over five million characters kept
    the window (indexing an import on a worker thread) from painting for 120 ms."""
    if len(value) <= FOLD_CHUNK:
        return _fold(value)
    parts, start = [], 0
    while start < len(value):
        end = min(len(value), start + FOLD_CHUNK)
        if end < len(value):
            cut = value.rfind(" ", start + FOLD_CHUNK // 2, end)
            end = cut + 1 if cut > 0 else end
        parts.append(_fold(value[start:end]))
        start = end
    return "".join(parts)


def _fold(value: str) -> str:
    value = _LIGATURE.sub(lambda m: _LIGATURES[m.group()], value)
    return _accents().sub("", unicodedata.normalize("NFKD", value)).casefold()


def tokens(value: str) -> Iterator[tuple[int, int, str]]:
    """(start, end, folded word) for each word of `value`; offsets are code points into it.

    A run that folds into several words ("½" → "1", "2") gives each the run's span.
    """
    for m in _RUN.finditer(value):
        for word in _run_words(m.group()):
            yield m.start(), m.end(), word


@lru_cache(maxsize=200_000)
def _run_words(run: str) -> tuple[str, ...]:
    """The folded words of one run of letters (cached: a library's words repeat)."""
    return tuple(_WORD.findall(fold(run)))


def words(*values: str) -> list[str]:
    """The folded words of `values`, in order."""
    return [w for v in values for _s, _e, w in tokens(v or "")]


def joined(*values: str) -> str:
    """The folded words of `values` as one space-separated string (what the index holds)."""
    return " ".join(words(*values)[:_MAX_WORDS])


def padded(value: str) -> str:
    """A filter value folded and padded with spaces, so LIKE '% word%' finds word starts."""
    return f" {joined(value)} " if value else ""


def key(kind: str, row_id: int) -> int:
    """The index row of one article, claim or source."""
    return row_id * 4 + KINDS[kind]


def is_index_table(name: str) -> bool:
    """Whether a table is the index or one of FTS5's shadow tables (search_index_data, …),
    which no model describes."""
    return name == TABLE or name.startswith(TABLE + "_")


def has_index(conn: Connection) -> bool:
    """Whether this library has the index yet (not before migration 0008)."""
    return index_tables(conn)[0]


_complete: weakref.WeakSet = weakref.WeakSet()  # engines whose library has both tables


def index_tables(conn: Connection) -> tuple[bool, bool]:
    """Whether this library has the index (migration 0008) and its filter table (0012),
    in one query, asked once per engine once both are there (no migration removes them):
    every save re-indexes, and on a team server each question is a round trip."""
    if conn.engine in _complete:
        return True, True
    if conn.dialect.name == "sqlite":
        sql = "SELECT name FROM sqlite_master WHERE name IN ('search_index', 'search_index_fields')"
        names = set(conn.execute(text(sql)).scalars())
        found = TABLE in names, FIELDS_TABLE in names
    else:
        sql = "SELECT to_regclass('search_index'), to_regclass('search_index_fields')"
        row = conn.execute(text(sql)).one()
        found = row[0] is not None, row[1] is not None
    if all(found):
        _complete.add(conn.engine)
    return found


# --- building index rows --------------------------------------------------------------


def _day(value) -> str:
    return value.isoformat()[:10] if value else ""


def _empty_fields() -> dict:
    return dict.fromkeys(FIELDS, "")


def _article_rows(conn: Connection, ids: list[int]) -> list[dict]:
    from desktop.core.models import Article

    found = select(
        Article.id, Article.title, Article.text, Article.outlet, Article.authors, Article.published
    ).where(Article.id.in_(ids))
    rows = []
    for r in conn.execute(found):
        rows.append(
            {
                "rowid": key("article", r.id),
                "title": joined(r.title),
                "body": joined(r.text, r.outlet, " ".join(map(str, r.authors or []))),
                "kind": "article",
                "article_id": r.id,
                "claim_id": None,
                "source_id": None,
                **_empty_fields(),
                "outlet": padded(r.outlet),
                "day": _day(r.published),
            }
        )
    return rows


def claim_tags(conn: Connection | Session, ids: list[int]) -> dict[int, list[str]]:
    """Claim id → its tags' names, alphabetical (indexed, and shown in search hits)."""
    from desktop.core.models import ClaimTag, Tag

    tags: dict[int, list[str]] = {}
    found = (
        select(ClaimTag.claim_id, Tag.name)
        .join(Tag, Tag.id == ClaimTag.tag_id)
        .where(ClaimTag.claim_id.in_(ids))
        .order_by(Tag.name)
    )
    for claim_id, name in conn.execute(found):
        tags.setdefault(claim_id, []).append(name)
    return tags


def source_excerpts(conn: Connection | Session, ids: list[int]) -> dict[int, list[str]]:
    """Source id → what the claims citing it quote from it, in the claims' order."""
    from desktop.core.models import ClaimSource

    excerpts: dict[int, list[str]] = {}
    found = (
        select(ClaimSource.source_id, ClaimSource.excerpt)
        .where(ClaimSource.source_id.in_(ids), ClaimSource.excerpt != "")
        .order_by(ClaimSource.claim_id, ClaimSource.position)
    )
    for source_id, excerpt in conn.execute(found):
        excerpts.setdefault(source_id, []).append(excerpt)
    return excerpts


def _claim_rows(conn: Connection, ids: list[int], known: dict | None = None) -> list[dict]:
    """`known`: the quotes of claims this flush inserted without tags (_known_quotes),
    whose highlights and tags need not be read back."""
    from desktop.core.models import Article, Claim, Highlight, Rating

    known = known or {}
    quotes: dict[int, list[str]] = {i: list(known[i]) for i in ids if i in known}
    tags: dict[int, list[str]] = {}
    asked = [i for i in ids if i not in known]
    if asked:
        found = select(Highlight.claim_id, Highlight.exact).where(Highlight.claim_id.in_(asked))
        for claim_id, exact in conn.execute(found.order_by(Highlight.start)):
            quotes.setdefault(claim_id, []).append(exact)
        tags = claim_tags(conn, asked)
    found = (
        select(
            Claim.id,
            Claim.article_id,
            Claim.text,
            Claim.claimant,
            Claim.rationale,
            Claim.status,
            Claim.checker,
            Claim.claim_date,
            Rating.label,
            Article.outlet,
            Article.published,
        )
        .join(Article, Article.id == Claim.article_id)
        .outerjoin(Rating, Rating.id == Claim.rating_id)
        .where(Claim.id.in_(ids))
    )
    rows = []
    for r in conn.execute(found):
        names = tags.get(r.id, [])
        rows.append(
            {
                "rowid": key("claim", r.id),
                "title": joined(r.text),
                "body": joined(*quotes.get(r.id, []), r.claimant, r.rationale, *names),
                "kind": "claim",
                "article_id": r.article_id,
                "claim_id": r.id,
                "source_id": None,
                "claimant": padded(r.claimant),
                "tags": "".join(f"|{joined(n)}|" for n in names),
                "outlet": padded(r.outlet),
                "checker": padded(r.checker),
                "verdict": joined(r.label or ""),
                "status": r.status or "",
                "day": _day(r.claim_date) or _day(r.published),
            }
        )
    return rows


def _source_rows(conn: Connection, ids: list[int]) -> list[dict]:
    from desktop.core.models import Source

    excerpts = source_excerpts(conn, ids)
    found = select(Source.id, Source.title, Source.publisher, Source.url, Source.published)
    rows = []
    for r in conn.execute(found.where(Source.id.in_(ids))):
        rows.append(
            {
                "rowid": key("source", r.id),
                "title": joined(r.title),
                "body": joined(r.publisher, *excerpts.get(r.id, []), r.url),
                "kind": "source",
                "article_id": None,
                "claim_id": None,
                "source_id": r.id,
                **_empty_fields(),
                "day": _day(r.published),
            }
        )
    return rows


def _check_rows(conn: Connection, ids: list[int]) -> list[dict]:
    from desktop.core.models import ReferenceCheck as R

    found = select(
        R.id, R.claim_text, R.headline, R.claimant, R.rating, R.publisher, R.claim_date
    ).where(R.id.in_(ids))
    found = found.add_columns(R.review_date)
    rows = []
    for r in conn.execute(found):
        rows.append(
            {
                "rowid": key("check", r.id),
                "title": joined(r.claim_text),
                "body": joined(r.headline, r.claimant, r.publisher, r.rating),
                "kind": "check",
                "article_id": None,
                "claim_id": None,
                "source_id": None,
                **_empty_fields(),
                "claimant": padded(r.claimant),
                "outlet": padded(r.publisher),
                "verdict": joined(r.rating),
                "day": _day(r.claim_date) or _day(r.review_date),
            }
        )
    return rows


_BUILDERS = {
    "article": _article_rows,
    "claim": _claim_rows,
    "source": _source_rows,
    "check": _check_rows,
}


def reindex(
    conn: Connection,
    kind: str,
    ids: Iterable[int],
    fields: bool | None = None,
    fresh: frozenset[int] = frozenset(),
    known: dict | None = None,
) -> None:
    """Replace the index rows of these articles, claims or sources; gone ones are removed.
    `fields`: whether the filter table exists (asked when not said: a migration before
    0012 indexes without it). `fresh`: ids inserted by the flush being indexed, which can
    have no row yet (a deleted one's rows went with it), so none is deleted for them: two
    statements fewer per tag, each a round trip on a team server. `known`: see
    _claim_rows."""
    ids = sorted({int(i) for i in ids if i is not None})
    if not ids:
        return
    if fields is None:
        fields = index_tables(conn)[1]
    for start in range(0, len(ids), 500):
        chunk = ids[start : start + 500]
        keys = [key(kind, i) for i in chunk if i not in fresh]
        if keys:
            conn.execute(delete(INDEX).where(INDEX.c.rowid.in_(keys)))
            if fields:
                conn.execute(delete(FIELD_INDEX).where(FIELD_INDEX.c.rowid.in_(keys)))
        if kind == "claim" and known:
            rows = _claim_rows(conn, chunk, known)
        else:
            rows = _BUILDERS[kind](conn, chunk)
        if rows:
            conn.execute(_insert(conn), rows)
            if fields:
                conn.execute(insert(FIELD_INDEX), [_field_row(r) for r in rows])


def _field_row(row: dict) -> dict:
    return {name: row[name] for name in FIELD_COLUMNS}


def _insert(conn: Connection):
    """INSERT, or on PostgreSQL an upsert: two checkers citing one source at once both
    re-index it, and the second must not fail on the row the first just committed."""
    if conn.dialect.name != "postgresql":
        return insert(INDEX)
    from sqlalchemy.dialects.postgresql import insert as pg_insert

    upsert = pg_insert(INDEX)
    return upsert.on_conflict_do_update(
        index_elements=["rowid"], set_={name: upsert.excluded[name] for name in COLUMNS[1:]}
    )


def rebuild(conn: Connection, kinds: Iterable[str] = tuple(KINDS)) -> None:
    """Index the whole library afresh (the migrations, and after `copy-db`); a migration
    names the kinds whose tables exist at its revision."""
    from desktop.core.models import Article, Claim, ReferenceCheck, Source

    fields = index_tables(conn)[1]
    conn.execute(delete(INDEX))
    if fields:
        conn.execute(delete(FIELD_INDEX))
    models = {"article": Article, "claim": Claim, "source": Source, "check": ReferenceCheck}
    for kind, model in ((k, models[k]) for k in kinds):
        found = conn.execute(select(model.id).order_by(model.id)).scalars().all()
        reindex(conn, kind, found, fields)


# --- keeping it in step -----------------------------------------------------------------

# Tables whose Core writes (not ORM flushes) mean the index must be rebuilt.
_CONTENT = {"article", "claim", "highlight", "source", "tag", "claim_tag", "claim_source"}
_CONTENT |= {"rating", "reference_check"}
_REBUILD = "search_index_rebuild"


# What an article's index row holds, and what its claims' rows take from it: a change to
# anything else (its address, language, turns) re-indexes nothing, since re-reading a
# 100,000-word text costs a third of a second.
_ARTICLE_FIELDS = {"title", "text", "outlet", "authors", "published"}
_CLAIM_FIELDS = {"outlet", "published"}


def _changed(obj, names: set[str]) -> set[str]:
    """Which of these attributes a flush is writing."""
    attrs = inspect(obj).attrs
    return {n for n in names if attrs[n].history.has_changes()}


def _touched(session: Session) -> dict[str, set[int]]:
    """The articles, claims and sources whose index rows a flush made stale."""
    touched: dict[str, set[int]] = {k: set() for k in ("article", "claim", "source", "check")}
    articles_of_claims: set[int] = set()
    tags: set[int] = set()
    ratings: set[int] = set()
    gone_articles: set[int] = set()
    for state, objects in (
        ("new", session.new),
        ("dirty", session.dirty),
        ("deleted", session.deleted),
    ):
        for obj in objects:
            name = getattr(obj, "__tablename__", None)
            if name == "article":
                if state == "dirty":
                    changed = _changed(obj, _ARTICLE_FIELDS)
                    if changed:
                        touched["article"].add(obj.id)
                    if changed & _CLAIM_FIELDS:
                        articles_of_claims.add(obj.id)
                    continue
                touched["article"].add(obj.id)
                articles_of_claims.add(obj.id)
                if state == "deleted":
                    gone_articles.add(obj.id)
            elif name == "claim":
                touched["claim"].add(obj.id)
            elif name in ("highlight", "claim_tag"):
                touched["claim"].add(obj.claim_id)
            elif name == "claim_source":
                touched["source"].add(obj.source_id)
            elif name == "source":
                touched["source"].add(obj.id)
            elif name == "reference_check":
                touched["check"].add(obj.id)
            elif name == "tag" and state != "new":
                tags.add(obj.id)
            elif name == "rating" and state == "dirty":
                ratings.add(obj.id)
    if not (any(touched.values()) or tags or ratings):
        return touched
    from desktop.core.models import Claim, ClaimTag

    conn = session.connection()
    if gone_articles:
        _forget_articles(conn, gone_articles)
    kept = articles_of_claims - gone_articles
    for ids, found in (
        (kept, lambda: select(Claim.id).where(Claim.article_id.in_(kept))),
        (tags, lambda: select(ClaimTag.claim_id).where(ClaimTag.tag_id.in_(tags))),
        (ratings, lambda: select(Claim.id).where(Claim.rating_id.in_(ratings))),
    ):
        if ids:
            touched["claim"].update(conn.execute(found()).scalars())
    return touched


def _inserted(session: Session, kind: str) -> frozenset[int]:
    """The ids of `kind` this flush inserted (still in session.new during after_flush),
    but for one deleted in the same flush (a row replaced under its id)."""

    def ids(objects) -> set[int]:
        return {o.id for o in objects if getattr(o, "__tablename__", None) == kind}

    return frozenset(ids(session.new) - ids(session.deleted))


def _known_quotes(session: Session, fresh: frozenset[int]) -> dict[int, list[str]]:
    """The quotes, in text order, of claims this flush inserted with no tags: all their
    highlights are new in the same flush, so they are known without a read (a tag makes
    two statements fewer). A claim given tags is read back as any other."""
    tagged = {o.claim_id for o in session.new if getattr(o, "__tablename__", None) == "claim_tag"}
    claims = [
        o
        for o in session.new
        if getattr(o, "__tablename__", None) == "claim"
        and o.id in fresh
        and o.id not in tagged
        and not inspect(o).dict.get("tags")
    ]
    if not claims:
        return {}
    spans: dict[int, list] = {c.id: [] for c in claims}
    for o in session.new:
        if getattr(o, "__tablename__", None) == "highlight" and o.claim_id in spans:
            spans[o.claim_id].append((o.start, o.exact))
    return {
        cid: [exact for _s, exact in sorted(found, key=lambda p: p[0])]
        for cid, found in spans.items()
    }


def _forget_articles(conn: Connection, gone: set[int]) -> None:
    """Remove the rows of deleted articles and of everything on them (their claims)."""
    indexed, fields = index_tables(conn)
    if not indexed:
        return
    if fields:  # the filter table knows each row's article, by an index
        on_them = select(FIELD_INDEX.c.rowid).where(FIELD_INDEX.c.article_id.in_(gone))
        keys = list(conn.execute(on_them).scalars())
        for start in range(0, len(keys), 500):
            chunk = keys[start : start + 500]
            conn.execute(delete(INDEX).where(INDEX.c.rowid.in_(chunk)))
            conn.execute(delete(FIELD_INDEX).where(FIELD_INDEX.c.rowid.in_(chunk)))
    else:
        conn.execute(delete(INDEX).where(INDEX.c.article_id.in_(gone)))


@event.listens_for(Session, "after_flush")
def _after_flush(session: Session, _context) -> None:
    if session.info.get(_REBUILD):
        return  # the whole index is rebuilt before the commit
    touched = _touched(session)
    if not any(touched.values()):
        return
    conn = session.connection()
    indexed, fields = index_tables(conn)
    if not indexed:
        return
    for kind, ids in touched.items():
        if ids:
            fresh = _inserted(session, kind)
            known = _known_quotes(session, fresh) if kind == "claim" and fresh else None
            reindex(conn, kind, ids, fields, fresh, known)


@event.listens_for(Session, "do_orm_execute")
def _core_write(state) -> None:
    """A Core INSERT/UPDATE/DELETE of content through a Session (copy-db): rebuild."""
    if not (state.is_insert or state.is_update or state.is_delete):
        return
    table = getattr(state.statement, "table", None)
    if getattr(table, "name", None) in _CONTENT:
        state.session.info[_REBUILD] = True


@event.listens_for(Session, "before_commit")
def _before_commit(session: Session) -> None:
    if not session.info.pop(_REBUILD, False):
        return
    session.flush()
    conn = session.connection()
    if has_index(conn):
        rebuild(conn)


@event.listens_for(Session, "after_rollback")
def _after_rollback(session: Session) -> None:
    session.info.pop(_REBUILD, None)
