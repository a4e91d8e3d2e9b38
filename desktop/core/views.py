"""Plain, detached read models of a library, loaded in a few batched queries.

The GUI, the command line and the exporters read these instead of ORM rows: they
never trigger lazy loads after their session is closed, and one article's claims with
their highlights, verdicts, tags and sources come in a fixed number of queries (no N+1).
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from functools import cache
from itertools import chain
from operator import attrgetter

from sqlalchemy import bindparam, func, text
from sqlmodel import Session, col, select

from desktop.core.errors import NotFound
from desktop.core.jsonable import to_jsonable  # noqa: F401  (re-exported with the views)
from desktop.core.models import (
    Article,
    Claim,
    ClaimSource,
    ClaimTag,
    Highlight,
    Rating,
    Source,
    Tag,
)
from desktop.core.ratings import NEUTRAL_COLOR
from desktop.core.summaries import (  # noqa: F401  (re-exported with the views)
    ArticleSummary,
    article_summaries,
    article_summary,
)


@dataclass(frozen=True)
class RatingView:
    id: int
    key: str
    label: str
    color: str
    value: int | None
    position: int


@dataclass(frozen=True)
class HighlightView:
    id: int
    uid: str
    claim_id: int
    start: int
    end: int
    exact: str
    prefix: str
    suffix: str
    anchor: str


@dataclass(frozen=True)
class SourceLinkView:
    """A source as cited by one claim: the source's fields plus stance and excerpt."""

    source_id: int
    uid: str
    url: str
    title: str
    publisher: str
    author: str
    published: date | None
    accessed: date | None
    archive_url: str
    notes: str
    stance: str
    excerpt: str


@dataclass(frozen=True)
class ClaimView:
    id: int
    uid: str
    article_id: int
    text: str
    claimant: str
    claimant_kind: str
    claim_date: date | None
    appearance_url: str
    rating: RatingView | None
    rationale: str
    status: str
    checker: str
    tags: tuple[str, ...]
    highlights: tuple[HighlightView, ...]
    sources: tuple[SourceLinkView, ...]
    created_at: datetime
    updated_at: datetime
    published_at: datetime | None = None  # when the status became "published"

    @property
    def quote(self) -> str:
        """The highlighted words, joined when the claim rests on several spans."""
        return " […] ".join(h.exact for h in self.highlights)

    @property
    def label(self) -> str:
        """What to call the claim in a list: the restated text, else its quote."""
        return self.text.strip() or self.quote


@dataclass(frozen=True)
class ArticleView:
    id: int
    uid: str
    title: str
    outlet: str
    authors: tuple[str, ...]
    url: str
    published: date | None
    language: str
    text: str
    headings: tuple[tuple[int, int], ...]
    source_name: str
    content_hash: str
    created_at: datetime
    updated_at: datetime
    # Transcripts: (paragraph index, speaker, start time in ms or None) of each turn.
    turns: tuple[tuple[int, str, int | None], ...] = ()


@dataclass
class ArticleReport:
    """Everything an export needs about one article."""

    article: ArticleView
    claims: list[ClaimView] = field(default_factory=list)
    ratings: list[RatingView] = field(default_factory=list)
    # source id → its latest capture (desktop.core.captures.CaptureInfo), for cited sources
    captures: dict = field(default_factory=dict)
    # Its versions (desktop.core.versions.ArticleVersions), None when it never changed
    versions: object | None = None


def rating_view(r: Rating) -> RatingView:
    return RatingView(
        id=r.id, key=r.key, label=r.label, color=r.color, value=r.value, position=r.position
    )


def article_view(a: Article) -> ArticleView:
    return ArticleView(
        id=a.id,
        uid=a.uid,
        title=a.title,
        outlet=a.outlet,
        authors=tuple(a.authors or ()),
        url=a.url,
        published=a.published,
        language=a.language,
        text=a.text,
        headings=tuple((int(i), int(lvl)) for i, lvl in a.headings or ()),
        source_name=a.source_name,
        content_hash=a.content_hash,
        created_at=a.created_at,
        updated_at=a.updated_at,
        turns=tuple(
            (int(i), str(speaker), None if ms is None or ms < 0 else int(ms))
            for i, speaker, ms in a.turns or ()
        ),
    )


def _highlight_view(h: Highlight) -> HighlightView:
    return HighlightView(
        id=h.id,
        uid=h.uid,
        claim_id=h.claim_id,
        start=h.start,
        end=h.end,
        exact=h.exact,
        prefix=h.prefix,
        suffix=h.suffix,
        anchor=h.anchor,
    )


# Claims are read as plain column tuples, one query per table: building ORM objects (and
# their identity map) for thousands of claims cost ten times as much as the rows.
_CLAIM_COLS = (
    Claim.id,
    Claim.uid,
    Claim.article_id,
    Claim.text,
    Claim.claimant,
    Claim.claimant_kind,
    Claim.claim_date,
    Claim.appearance_url,
    Claim.rating_id,
    Claim.rationale,
    Claim.status,
    Claim.checker,
    Claim.created_at,
    Claim.updated_at,
    Claim.published_at,
)
_HIGHLIGHT_COLS = (
    Highlight.id,
    Highlight.uid,
    Highlight.claim_id,
    Highlight.start,
    Highlight.end,
    Highlight.exact,
    Highlight.prefix,
    Highlight.suffix,
    Highlight.anchor,
)
_SOURCE_COLS = (
    Source.id,
    Source.uid,
    Source.url,
    Source.title,
    Source.publisher,
    Source.author,
    Source.published,
    Source.accessed,
    Source.archive_url,
    Source.notes,
)


def _rows(session: Session, stmt) -> list:
    """Plain rows of a column query, executed as Core: the ORM's row loading would double
    the time of a library list or of an article's thousands of highlights."""
    return session.connection().execute(stmt).all()


@cache
def _claim_statements(by: str) -> tuple:
    """The queries of `_load_claims`, built once: claims selected by article ("article"),
    by a list of ids ("ids"), the ratings, highlights, tags and sources of those claims."""
    if by == "article":
        where = col(Claim.article_id) == bindparam("key")
    else:
        where = col(Claim.id).in_(bindparam("key", expanding=True))
    ids = select(Claim.id).where(where)
    return (
        select(*_CLAIM_COLS).where(where),
        select(Rating.id, Rating.key, Rating.label, Rating.color, Rating.value, Rating.position),
        select(*_HIGHLIGHT_COLS)
        .where(col(Highlight.claim_id).in_(ids))
        .order_by(Highlight.claim_id, Highlight.start, Highlight.id),
        select(ClaimTag.claim_id, Tag.name)
        .join(Tag, col(Tag.id) == col(ClaimTag.tag_id))
        .where(col(ClaimTag.claim_id).in_(ids)),
        select(ClaimSource.claim_id, ClaimSource.stance, ClaimSource.excerpt, *_SOURCE_COLS)
        .join(Source, col(Source.id) == col(ClaimSource.source_id))
        .where(col(ClaimSource.claim_id).in_(ids))
        .order_by(ClaimSource.claim_id, ClaimSource.position),
    )


def _load_claims(
    session: Session, by: str, key, *, tagged: bool = True, cited: bool = True
) -> list[ClaimView]:
    """The claims of an article (by="article") or with the given ids (by="ids").
    `tagged`/`cited` False: the caller knows none has tags/sources (a claim it has just
    made), and they are not asked for (on a team server each query is a round trip)."""
    claims_q, ratings_q, highlights_q, tags_q, sources_q = _claim_statements(by)
    conn = session.connection()
    params = {"key": key}
    rows = conn.execute(claims_q, params).all()
    if not rows:
        return []
    # No verdict among them (a claim just tagged): the verdicts are not read at all.
    rated = any(r[8] is not None for r in rows)
    ratings = {r[0]: RatingView(*r) for r in conn.execute(ratings_q)} if rated else {}
    highlights: dict[int, list[HighlightView]] = {}
    for h in conn.execute(highlights_q, params):
        highlights.setdefault(h[2], []).append(HighlightView(*h))
    tags: dict[int, list[str]] = {}
    for claim_id, name in conn.execute(tags_q, params) if tagged else ():
        tags.setdefault(claim_id, []).append(name)
    sources: dict[int, list[SourceLinkView]] = {}
    for row in conn.execute(sources_q, params) if cited else ():
        sources.setdefault(row[0], []).append(
            SourceLinkView(*row[3:], stance=row[1], excerpt=row[2])
        )
    return [
        ClaimView(
            id=r[0],
            uid=r[1],
            article_id=r[2],
            text=r[3],
            claimant=r[4],
            claimant_kind=r[5],
            claim_date=r[6],
            appearance_url=r[7],
            rating=ratings.get(r[8]) if r[8] is not None else None,
            rationale=r[9],
            status=r[10],
            checker=r[11],
            tags=tuple(sorted(tags.get(r[0], ()))),
            highlights=tuple(highlights.get(r[0], ())),
            sources=tuple(sources.get(r[0], ())),
            created_at=r[12],
            updated_at=r[13],
            published_at=r[14],
        )
        for r in rows
    ]


def _reading_order(views: list[ClaimView]) -> list[ClaimView]:
    return sorted(views, key=lambda v: (v.highlights[0].start if v.highlights else 1 << 62, v.id))


def get_article(session: Session, article_id: int) -> ArticleView:
    article = session.get(Article, article_id)
    if article is None:
        raise NotFound(f"no article with id {article_id}")
    return article_view(article)


def claims_of(session: Session, article_id: int) -> list[ClaimView]:
    """The article's claims in reading order (by their first highlight), unanchored last."""
    return _reading_order(_load_claims(session, "article", article_id))


def highlight_spans(
    session: Session, article_id: int, before: int | None = None
) -> list[tuple[int, int, int, int, str]]:
    """(start, end, claim id, highlight id, verdict colour) of the article's anchored
    highlights in one query: what the article pane paints before the claims are read.
    Unrated claims get the neutral colour. `before` (a code point) keeps those that start
    before it: the first screen of a long article, read in a fraction of the time."""
    stmt = (
        select(
            Highlight.start,
            Highlight.end,
            Highlight.claim_id,
            Highlight.id,
            func.coalesce(Rating.color, NEUTRAL_COLOR),
        )
        .join(Claim, col(Claim.id) == col(Highlight.claim_id))
        .outerjoin(Rating, col(Rating.id) == col(Claim.rating_id))
        .where(col(Highlight.article_id) == article_id, col(Highlight.anchor) != "orphan")
    )
    if before is not None:
        stmt = stmt.where(col(Highlight.start) < before)
    return _rows(session, stmt)


def claims_by_id(
    session: Session, claim_ids: Collection[int], *, tagged: bool = True, cited: bool = True
) -> list[ClaimView]:
    """The given claims (those that still exist), in reading order; see _load_claims."""
    if not claim_ids:
        return []
    found = _load_claims(session, "ids", list(claim_ids), tagged=tagged, cited=cited)
    return _reading_order(found)


_COUNTS = text(
    "SELECT (SELECT count(*) FROM claim WHERE article_id = :a),"
    " (SELECT count(*) FROM highlight WHERE article_id = :a)"
)
_NEWER = text(
    "SELECT id FROM claim WHERE article_id = :a AND id > :c"
    " UNION SELECT claim_id FROM highlight WHERE article_id = :a AND id > :h"
)
_ALL_IDS = text(
    "SELECT claim.id, highlight.id FROM claim"
    " LEFT OUTER JOIN highlight ON highlight.claim_id = claim.id WHERE claim.article_id = :a"
)


def changed_claims(
    session: Session, article_id: int, known: Sequence[ClaimView]
) -> tuple[list[ClaimView], set[int]]:
    """What changed in an article's claims since `known` was read: (fresh views of the
    claims that are new or whose highlights changed, ids of the claims gone).

    A view refreshing after one claim was tagged reads that claim, not thousands: when
    the counts show that rows were only added (ids above the known ones), two small
    queries find them; otherwise (deletions, undone deletions that bring old ids back)
    one query of ids compares every claim's highlights.
    """
    conn = session.connection()
    n_claims, n_hl = conn.execute(_COUNTS, {"a": article_id}).one()
    # Thousands of known claims: let map/zip/max walk them in C, not a Python loop.
    known_ids = list(map(attrgetter("id"), known))
    highlights = list(map(attrgetter("highlights"), known))
    old = dict(zip(known_ids, map(len, highlights), strict=True))  # claim -> its highlights
    max_claim = max(known_ids, default=0)
    max_hl = max(map(attrgetter("id"), chain.from_iterable(highlights)), default=0)
    n_known_hl = sum(old.values())
    newer = [r[0] for r in conn.execute(_NEWER, {"a": article_id, "c": max_claim, "h": max_hl})]
    fresh = claims_by_id(session, newer)
    added_claims = sum(1 for c in fresh if c.id not in old)
    hl_after = n_known_hl + sum(len(c.highlights) - old.get(c.id, 0) for c in fresh)
    if n_claims == len(known) + added_claims and n_hl == hl_after:
        return fresh, set()
    current: dict[int, set[int]] = {}
    for claim_id, hl_id in conn.execute(_ALL_IDS, {"a": article_id}):
        ids = current.setdefault(claim_id, set())
        if hl_id is not None:
            ids.add(hl_id)
    before = {c.id: {h.id for h in c.highlights} for c in known}
    changed = [cid for cid, ids in current.items() if before.get(cid) != ids]
    return claims_by_id(session, changed), before.keys() - current.keys()


def get_claim(session: Session, claim_id: int) -> ClaimView:
    views = _load_claims(session, "ids", [claim_id])
    if not views:
        raise NotFound(f"no claim with id {claim_id}")
    return views[0]


def highlights_of(session: Session, article_id: int) -> list[HighlightView]:
    rows = session.exec(
        select(Highlight).where(Highlight.article_id == article_id).order_by(Highlight.start)
    ).all()
    return [_highlight_view(h) for h in rows]


def report(session: Session, article_id: int) -> ArticleReport:
    """An article with its claims and the rating scale, ready for an exporter."""
    from desktop.core.captures import latest_captures
    from desktop.core.ratings import ratings
    from desktop.core.versions import report_versions

    claims = claims_of(session, article_id)
    return ArticleReport(
        article=get_article(session, article_id),
        claims=claims,
        ratings=[rating_view(r) for r in ratings(session)],
        captures=latest_captures(session, [s.source_id for c in claims for s in c.sources]),
        versions=report_versions(session, article_id),
    )
