"""Sources: the documents a verdict rests on, shared between claims."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import func
from sqlmodel import Session, col, select

from desktop.core.errors import FactdeskError, NotFound
from desktop.core.models import STANCES, Claim, ClaimSource, Source, utcnow

SOURCE_FIELDS = {
    "url",
    "title",
    "publisher",
    "author",
    "published",
    "accessed",
    "archive_url",
    "notes",
}
LINK_FIELDS = {"stance", "excerpt"}


def _date(name: str, value):
    if isinstance(value, str):
        try:
            return date.fromisoformat(value) if value.strip() else None
        except ValueError as exc:
            raise FactdeskError(f"{name} {value!r} is not a date (YYYY-MM-DD)") from exc
    return value


def _touch(session: Session, claim_id: int) -> None:
    """A claim's citations are part of it: changing them changes the claim (its time,
    author and version), so colleagues see it and concurrent edits are detected."""
    claim = session.get(Claim, claim_id)
    if claim is not None:
        claim.updated_at = utcnow()
        session.add(claim)


def _stance(value: str) -> str:
    if value not in STANCES:
        raise FactdeskError(f"unknown stance {value!r}; choose one of: {', '.join(STANCES)}")
    return value


def _set_fields(source: Source, values: dict) -> None:
    for name, value in values.items():
        if name not in SOURCE_FIELDS:
            raise TypeError(f"cannot change {name!r} of a source")
        if name in {"published", "accessed"}:
            value = _date(name, value)
        elif name != "notes":
            value = (value or "").strip()
        setattr(source, name, value)


def add_source(
    session: Session, claim_id: int, *, stance: str = "context", excerpt: str = "", **values
) -> Source:
    """Cite a new source for a claim. A URL already in the library reuses that source."""
    if session.get(Claim, claim_id) is None:
        raise NotFound(f"no claim with id {claim_id}")
    url = (values.get("url") or "").strip()
    source = session.exec(select(Source).where(Source.url == url)).first() if url else None
    if source is None:
        source = Source()
        _set_fields(source, values)
        session.add(source)
        session.flush()
    else:
        # Fill only what the existing source lacks; never overwrite another claim's data.
        _set_fields(source, {k: v for k, v in values.items() if v and not getattr(source, k)})
        session.add(source)
    attach_source(session, claim_id, source.id, stance=stance, excerpt=excerpt)
    return source


def attach_source(
    session: Session, claim_id: int, source_id: int, *, stance: str = "context", excerpt: str = ""
) -> ClaimSource:
    """Cite an existing source for a claim (or update how it is cited)."""
    if session.get(Source, source_id) is None:
        raise NotFound(f"no source with id {source_id}")
    link = session.get(ClaimSource, (claim_id, source_id))
    if link is None:
        position = session.exec(
            select(func.count()).select_from(ClaimSource).where(ClaimSource.claim_id == claim_id)
        ).one()
        link = ClaimSource(claim_id=claim_id, source_id=source_id, position=position)
    link.stance = _stance(stance)
    link.excerpt = excerpt or ""
    session.add(link)
    _touch(session, claim_id)
    session.flush()
    return link


def update_source(session: Session, source_id: int, **values) -> Source:
    source = session.get(Source, source_id)
    if source is None:
        raise NotFound(f"no source with id {source_id}")
    _set_fields(source, values)
    session.add(source)
    session.flush()
    return source


def update_citation(session: Session, claim_id: int, source_id: int, **values) -> ClaimSource:
    """Change the stance or excerpt of a source as cited by one claim."""
    link = session.get(ClaimSource, (claim_id, source_id))
    if link is None:
        raise NotFound(f"claim {claim_id} does not cite source {source_id}")
    for name, value in values.items():
        if name not in LINK_FIELDS:
            raise TypeError(f"cannot change {name!r} of a citation")
        setattr(link, name, _stance(value) if name == "stance" else (value or ""))
    session.add(link)
    _touch(session, claim_id)
    session.flush()
    return link


@dataclass(frozen=True)
class Citation:
    """A removed citation, kept so an undo can put it back."""

    claim_id: int
    source_id: int
    position: int
    stance: str
    excerpt: str


def detach_source(session: Session, claim_id: int, source_id: int) -> Citation:
    """Stop citing a source for a claim; the source stays in the library for reuse."""
    link = session.get(ClaimSource, (claim_id, source_id))
    if link is None:
        raise NotFound(f"claim {claim_id} does not cite source {source_id}")
    citation = Citation(claim_id, source_id, link.position, link.stance, link.excerpt)
    session.delete(link)
    _touch(session, claim_id)
    session.flush()
    return citation


def restore_citation(session: Session, citation: Citation) -> None:
    session.add(ClaimSource(**citation.__dict__))
    _touch(session, citation.claim_id)
    session.flush()


def search_sources(session: Session, query: str = "", limit: int = 200) -> list[Source]:
    """Library sources whose url, title or publisher contains `query`, newest first."""
    stmt = select(Source).order_by(col(Source.updated_at).desc()).limit(limit)
    if query.strip():
        like = f"%{query.strip()}%"
        stmt = stmt.where(
            col(Source.url).ilike(like)
            | col(Source.title).ilike(like)
            | col(Source.publisher).ilike(like)
        )
    return list(session.exec(stmt))
