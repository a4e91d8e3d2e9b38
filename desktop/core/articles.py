"""Adding, editing and replacing articles."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlmodel import Session, select

from desktop.core.anchoring import Anchor, reanchor
from desktop.core.errors import FactdeskError, NotFound
from desktop.core.importers import ParsedArticle
from desktop.core.models import Article, Highlight
from desktop.core.text import content_hash, join_paragraphs

EDITABLE = {"title", "outlet", "authors", "url", "published", "language"}


@dataclass(frozen=True)
class Added:
    """The result of an import: the article's id, and whether it was already there."""

    article_id: int
    created: bool
    title: str


def add_article(
    session: Session,
    parsed: ParsedArticle,
    *,
    title: str | None = None,
    url: str | None = None,
    outlet: str | None = None,
    language: str | None = None,
) -> Added:
    """Store an imported article, or return the one already holding the same text."""
    text = join_paragraphs(parsed.paragraphs)
    digest = content_hash(text)
    existing = session.exec(select(Article).where(Article.content_hash == digest)).first()
    if existing is not None:
        return Added(article_id=existing.id, created=False, title=existing.title)
    article = Article(
        title=(title or parsed.title or "").strip()[:1000],
        outlet=(outlet if outlet is not None else parsed.outlet).strip()[:300],
        authors=list(parsed.authors),
        url=(url if url is not None else parsed.url).strip()[:2000],
        published=parsed.published,
        language=(language or parsed.language or "").strip()[:16],
        text=text,
        headings=sorted([int(i), int(lvl)] for i, lvl in parsed.headings.items()),
        source_name=parsed.source_name[:1000],
        content_hash=digest,
    )
    session.add(article)
    session.flush()
    return Added(article_id=article.id, created=True, title=article.title)


def _article(session: Session, article_id: int) -> Article:
    article = session.get(Article, article_id)
    if article is None:
        raise NotFound(f"no article with id {article_id}")
    return article


def update_article(session: Session, article_id: int, **changes) -> Article:
    """Change an article's metadata (title, outlet, authors, url, published, language)."""
    article = _article(session, article_id)
    for name, value in changes.items():
        if name not in EDITABLE:
            raise TypeError(f"cannot change {name!r} of an article")
        if name == "published" and isinstance(value, str):
            try:
                value = date.fromisoformat(value) if value.strip() else None
            except ValueError as exc:  # a user's typing: a FactdeskError, as in claims
                raise FactdeskError(
                    f"publication date {value!r} is not a date (YYYY-MM-DD)"
                ) from exc
        setattr(article, name, value)
    session.add(article)
    session.flush()
    return article


def delete_article(session: Session, article_id: int) -> None:
    """Delete an article with its highlights and claims (sources stay in the library)."""
    session.delete(_article(session, article_id))
    session.flush()


@dataclass(frozen=True)
class Reanchored:
    """How each highlight fared when an article's text was replaced."""

    placed: dict[int, str]  # highlight id → "exact" | "quote" | "fuzzy"
    orphans: list[int]  # highlight ids that could not be placed (kept, flagged)


def replace_text(session: Session, article_id: int, parsed: ParsedArticle) -> Reanchored:
    """Swap in an updated version of the article and carry every highlight over.

    Highlights that cannot be placed are kept with anchor="orphan" and their old
    quote, never deleted; fuzzy placements are flagged "fuzzy" for a person to review.
    """
    article = _article(session, article_id)
    text = join_paragraphs(parsed.paragraphs)
    digest = content_hash(text)
    clash = session.exec(
        select(Article).where(Article.content_hash == digest, Article.id != article_id)
    ).first()
    if clash is not None:
        raise FactdeskError(f"this text is already in the library as article {clash.id}")
    placed: dict[int, str] = {}
    orphans: list[int] = []
    highlights = session.exec(select(Highlight).where(Highlight.article_id == article_id)).all()
    for h in highlights:
        result = reanchor(text, Anchor(h.start, h.end, h.exact, h.prefix, h.suffix))
        if result.anchor is None:
            h.anchor = "orphan"
            orphans.append(h.id)
        else:
            a = result.anchor
            h.start, h.end, h.exact, h.prefix, h.suffix = (
                a.start,
                a.end,
                a.exact,
                a.prefix,
                a.suffix,
            )
            h.anchor = result.method
            placed[h.id] = result.method
        session.add(h)
    article.text = text
    article.headings = sorted([int(i), int(lvl)] for i, lvl in parsed.headings.items())
    article.content_hash = digest
    session.add(article)
    session.flush()
    return Reanchored(placed=placed, orphans=orphans)
