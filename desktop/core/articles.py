"""Adding, editing and replacing articles."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from urllib.parse import urlsplit

from sqlmodel import Session, select

from desktop.core.anchoring import Anchor, reanchor
from desktop.core.errors import FactdeskError, NotFound
from desktop.core.importers import ParsedArticle
from desktop.core.models import Article, Highlight
from desktop.core.text import content_hash, join_paragraphs

EDITABLE = {"title", "outlet", "authors", "url", "published", "language"}
MAX_LENGTHS = {"title": 1000, "outlet": 300, "url": 2000, "language": 16, "authors": 300}
_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
# A BCP 47 tag as newsrooms write them: a language, an optional script, an optional region
# (fr, en, pt-BR, zh-Hant-TW, es-419).
_LANGUAGE = re.compile(r"([A-Za-z]{2,3})(?:-([A-Za-z]{4}))?(?:-([A-Za-z]{2}|[0-9]{3}))?")
_CONTROL_OR_SPACE = re.compile(r"[\x00-\x20\x7f-\x9f]")


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
        turns=[
            [int(i), speaker, -1 if ms is None else int(ms)]
            for i, (speaker, ms) in sorted(parsed.turns.items())
        ],
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


def _bad(field: str, value, why: str) -> FactdeskError:
    return FactdeskError(f"article {field} {value!r}: {why}")


def _text(field: str, value) -> str:
    text = (value or "").strip()
    limit = MAX_LENGTHS[field]
    if len(text) > limit:
        raise FactdeskError(
            f"the article {field} is {len(text)} characters long; at most {limit} fit"
        )
    return text


def _published(value) -> date | None:
    if value is None or isinstance(value, date):
        return value
    text = str(value).strip()
    if not text:
        return None
    try:
        if not _ISO_DATE.fullmatch(text):
            raise ValueError(text)
        return date.fromisoformat(text)
    except ValueError as exc:  # a user's typing: a FactdeskError, as in claims
        raise FactdeskError(f"publication date {value!r} is not a date (YYYY-MM-DD)") from exc


def _url(value) -> str:
    url = _text("url", value)
    if not url:
        return ""
    try:
        parts = urlsplit(url)
        host = parts.hostname
    except ValueError:
        parts, host = None, None
    if parts is None or parts.scheme.lower() not in {"http", "https"}:
        raise _bad("url", value, "must be an http:// or https:// address, or empty")
    if not host or _CONTROL_OR_SPACE.search(url):
        raise _bad("url", value, "is not a web address (it needs a host, and no spaces)")
    return url


def _language(value) -> str:
    code = _text("language", value)
    if not code:
        return ""
    match = _LANGUAGE.fullmatch(code)
    if match is None:
        raise _bad("language", value, "is not a language code such as fr, en or pt-BR")
    lang, script, region = match.groups()
    return "-".join(
        p for p in (lang.lower(), script.title() if script else "", (region or "").upper()) if p
    )


def _authors(value) -> list[str]:
    names = [value] if isinstance(value, str) else list(value or ())
    found = []
    for name in names:
        if not isinstance(name, str):
            raise _bad("author", name, "is not a name")
        name = _text("authors", name)
        if name and name not in found:
            found.append(name)
    return found


def check_article_changes(changes: dict) -> dict:
    """`changes` to an article's metadata, checked and normalized (stripped, dates parsed,
    language codes cased); raises FactdeskError naming the field and the value that is
    wrong, TypeError for a field that cannot be edited. An empty value clears a field,
    except the title. Used by update_article; callers may check before opening a library.
    """
    checked = {}
    for name, value in changes.items():
        if name not in EDITABLE:
            raise TypeError(f"cannot change {name!r} of an article")
        if name == "title":
            value = _text("title", value)
            if not value:
                raise FactdeskError("the article title cannot be empty")
        elif name == "outlet":
            value = _text("outlet", value)
        elif name == "authors":
            value = _authors(value)
        elif name == "url":
            value = _url(value)
        elif name == "published":
            value = _published(value)
        elif name == "language":
            value = _language(value)
        checked[name] = value
    return checked


def _as_stored(value):
    """A field's value in the form two values are compared in (dates as ISO text)."""
    if value is None:
        return ""
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, list | tuple):
        return [_as_stored(v) for v in value]
    return str(value).strip()


def update_article(session: Session, article_id: int, *, check: bool = True, **changes) -> Article:
    """Change an article's metadata (title, outlet, authors, url, published, language),
    each new value checked first (check_article_changes): nothing changes if one is wrong.

    A value given as it is already stored is left alone, unchecked: the window sends
    every field of its form, and an article imported earlier may hold one that the
    checks would now refuse (no title, a page's odd language code). `check=False` puts
    back values read from the library as they were (an undo), without the checks."""
    for name in changes:
        if name not in EDITABLE:
            raise TypeError(f"cannot change {name!r} of an article")
    article = _article(session, article_id)
    changed = {
        name: value
        for name, value in changes.items()
        if _as_stored(value) != _as_stored(getattr(article, name))
    }
    if check:
        checked = check_article_changes(changed)
    else:  # as they were; only a date typed as text still becomes a date
        checked = {**changed}
        if "published" in checked:
            checked["published"] = _published(checked["published"])
    for name, value in checked.items():
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
    article.turns = [
        [int(i), speaker, -1 if ms is None else int(ms)]
        for i, (speaker, ms) in sorted(parsed.turns.items())
    ]
    article.content_hash = digest
    session.add(article)
    session.flush()
    return Reanchored(placed=placed, orphans=orphans)
