"""Plain, detached read models of a library, loaded in a few batched queries.

The GUI, the command line and the exporters read these instead of ORM rows: they
never trigger lazy loads after their session is closed, and one article's claims with
their highlights, verdicts, tags and sources come in a fixed number of queries (no N+1).
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from datetime import date, datetime

from sqlalchemy import func
from sqlalchemy.orm import selectinload
from sqlmodel import Session, col, select

from desktop.core.errors import NotFound
from desktop.core.models import Article, Claim, ClaimSource, Highlight, Rating


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


@dataclass
class ArticleReport:
    """Everything an export needs about one article."""

    article: ArticleView
    claims: list[ClaimView] = field(default_factory=list)
    ratings: list[RatingView] = field(default_factory=list)


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


def _claim_view(c: Claim) -> ClaimView:
    return ClaimView(
        id=c.id,
        uid=c.uid,
        article_id=c.article_id,
        text=c.text,
        claimant=c.claimant,
        claimant_kind=c.claimant_kind,
        claim_date=c.claim_date,
        appearance_url=c.appearance_url,
        rating=rating_view(c.rating) if c.rating is not None else None,
        rationale=c.rationale,
        status=c.status,
        checker=c.checker,
        tags=tuple(sorted(t.name for t in c.tags)),
        highlights=tuple(_highlight_view(h) for h in c.highlights),
        sources=tuple(
            SourceLinkView(
                source_id=link.source.id,
                uid=link.source.uid,
                url=link.source.url,
                title=link.source.title,
                publisher=link.source.publisher,
                author=link.source.author,
                published=link.source.published,
                accessed=link.source.accessed,
                archive_url=link.source.archive_url,
                notes=link.source.notes,
                stance=link.stance,
                excerpt=link.excerpt,
            )
            for link in c.source_links
        ),
        created_at=c.created_at,
        updated_at=c.updated_at,
    )


def _claim_query():
    return select(Claim).options(
        selectinload(Claim.rating),
        selectinload(Claim.highlights),
        selectinload(Claim.tags),
        selectinload(Claim.source_links).selectinload(ClaimSource.source),
    )


def get_article(session: Session, article_id: int) -> ArticleView:
    article = session.get(Article, article_id)
    if article is None:
        raise NotFound(f"no article with id {article_id}")
    return article_view(article)


def claims_of(session: Session, article_id: int) -> list[ClaimView]:
    """The article's claims in reading order (by their first highlight), unanchored last."""
    rows = session.exec(_claim_query().where(Claim.article_id == article_id)).all()
    views = [_claim_view(c) for c in rows]
    return sorted(views, key=lambda v: (v.highlights[0].start if v.highlights else 1 << 62, v.id))


def get_claim(session: Session, claim_id: int) -> ClaimView:
    row = session.exec(_claim_query().where(Claim.id == claim_id)).first()
    if row is None:
        raise NotFound(f"no claim with id {claim_id}")
    return _claim_view(row)


def highlights_of(session: Session, article_id: int) -> list[HighlightView]:
    rows = session.exec(
        select(Highlight).where(Highlight.article_id == article_id).order_by(Highlight.start)
    ).all()
    return [_highlight_view(h) for h in rows]


def article_summaries(session: Session, query: str = "") -> list[ArticleSummary]:
    """The library list with claim and highlight counts, in two aggregate queries."""
    stmt = select(
        Article.id, Article.title, Article.outlet, Article.published, Article.created_at
    ).order_by(col(Article.created_at).desc(), col(Article.id).desc())
    if query.strip():
        like = f"%{query.strip()}%"
        stmt = stmt.where(col(Article.title).ilike(like) | col(Article.outlet).ilike(like))
    rows = session.exec(stmt).all()
    claim_counts = dict(
        session.exec(select(Claim.article_id, func.count()).group_by(Claim.article_id)).all()
    )
    hl_counts = dict(
        session.exec(
            select(Highlight.article_id, func.count()).group_by(Highlight.article_id)
        ).all()
    )
    return [
        ArticleSummary(
            id=r[0],
            title=r[1],
            outlet=r[2],
            published=r[3],
            created_at=r[4],
            claims=claim_counts.get(r[0], 0),
            highlights=hl_counts.get(r[0], 0),
        )
        for r in rows
    ]


def report(session: Session, article_id: int) -> ArticleReport:
    """An article with its claims and the rating scale, ready for an exporter."""
    from desktop.core.ratings import ratings

    return ArticleReport(
        article=get_article(session, article_id),
        claims=claims_of(session, article_id),
        ratings=[rating_view(r) for r in ratings(session)],
    )


def to_jsonable(obj):
    """A view (or list of views) as JSON-ready dicts: dates in ISO 8601."""
    if isinstance(obj, list | tuple):
        return [to_jsonable(o) for o in obj]
    if hasattr(obj, "__dataclass_fields__"):
        return _iso(asdict(obj))
    return _iso(obj)


def _iso(value):
    if isinstance(value, dict):
        return {k: _iso(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_iso(v) for v in value]
    if isinstance(value, date | datetime):
        return value.isoformat()
    return value
