"""Claims and their highlights: tagging spans, editing, verdicts, deleting and restoring.

Deleting returns a snapshot that `restore_*` puts back with the same ids and uids, so
an undo in the GUI brings back exactly what was removed.
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields
from datetime import date, datetime

from sqlalchemy import func, or_
from sqlalchemy.orm.exc import StaleDataError
from sqlmodel import Session, select

from desktop.core.anchoring import Anchor, anchor_span, find_quote
from desktop.core.errors import EditConflict, FactdeskError, NotFound
from desktop.core.models import (
    CLAIM_STATUSES,
    CLAIMANT_KINDS,
    Article,
    Claim,
    ClaimSource,
    ClaimTag,
    Highlight,
    Rating,
    Tag,
    utcnow,
)
from desktop.core.transcripts import claimant_name, turn_at

EDITABLE = {
    "text",
    "claimant",
    "claimant_kind",
    "claim_date",
    "appearance_url",
    "rating_id",
    "rationale",
    "status",
    "checker",
    "tags",
}
MAX_LENGTHS = {"claimant": 300, "appearance_url": 2000, "checker": 200}
STATUS_ALIASES = {"in review": "review", "in-review": "review"}


def _claim(session: Session, claim_id: int) -> Claim:
    claim = session.get(Claim, claim_id)
    if claim is None:
        raise NotFound(f"no claim with id {claim_id}")
    return claim


def _article_text(session: Session, article_id: int) -> str:
    article = session.get(Article, article_id)
    if article is None:
        raise NotFound(f"no article with id {article_id}")
    return article.text


def _check(name: str, value):
    if name == "status":
        value = STATUS_ALIASES.get(value, value)
        if value not in CLAIM_STATUSES:
            raise FactdeskError(
                f"unknown status {value!r}; choose one of: {', '.join(CLAIM_STATUSES)}"
            )
    elif name == "claimant_kind" and value not in CLAIMANT_KINDS:
        raise FactdeskError("claimant kind must be 'person', 'organization' or empty")
    elif name == "claim_date" and isinstance(value, str):
        try:
            value = date.fromisoformat(value) if value else None
        except ValueError as exc:
            raise FactdeskError(f"claim date {value!r} is not a date (YYYY-MM-DD)") from exc
    elif name in {"text", "claimant", "appearance_url", "rationale", "checker"}:
        value = (value or "").strip() if name != "rationale" else (value or "")
        limit = MAX_LENGTHS.get(name)
        if limit and len(value) > limit:
            raise FactdeskError(
                f"the {name.replace('_', ' ')} is {len(value)} characters long; at most {limit} fit"
            )
    return value


def _apply(session: Session, claim: Claim, changes: dict) -> None:
    for name, value in changes.items():
        if name not in EDITABLE:
            raise TypeError(f"cannot change {name!r} of a claim")
        if name == "tags":
            set_tags(session, claim, value)
            continue
        if name == "rating_id" and value is not None and session.get(Rating, value) is None:
            raise NotFound(f"no rating with id {value}")
        value = _check(name, value)
        if name == "status" and (value == "published") != (claim.status == "published"):
            # Recorded now: ClaimReview's datePublished is the day it became Published.
            claim.published_at = utcnow() if value == "published" else None
        setattr(claim, name, value)


def create_claim(
    session: Session, article_id: int, *, start: int, end: int, **fields_
) -> tuple[Claim, Highlight]:
    """Tag text[start:end] (code points) of an article as a new claim.

    The span is widened to whole grapheme clusters (anchoring.anchor_span): a selection
    ending in "x" of "x̄" or inside an emoji sequence highlights the whole character, so
    the highlight returned may start before `start` or end after `end`. In a transcript,
    a claim given no claimant (or a blank one) gets the speaker of the turn it starts in.
    """
    turns = session.exec(select(Article.turns).where(Article.id == article_id)).first()
    if turns is None:
        raise NotFound(f"no article with id {article_id}")
    anchor = _anchor_in_place(session, article_id, start, end)
    if turns and not str(fields_.get("claimant") or "").strip():
        article = session.get(Article, article_id)
        speaker = speaker_claimant(session, article, anchor.start)
        if speaker:
            fields_ = {**fields_, "claimant": speaker}
    claim = Claim(article_id=article_id)
    _apply(session, claim, {k: v for k, v in fields_.items() if k != "tags"})
    session.add(claim)
    if "tags" in fields_:
        set_tags(session, claim, fields_["tags"])
    highlight = _place(session, claim, anchor)
    session.flush()  # one flush for both: each re-indexes the claim for search
    return claim, highlight


# Code points of text read either side of a span to anchor it: grapheme clusters and
# the quote's context (anchoring.CONTEXT_CHARS) lie well inside.
_AROUND = 256


def _anchor_in_place(session: Session, article_id: int, start: int, end: int):
    """anchor_span on the article's text, reading only the stretch around the span: a
    book's whole text took a third of the time a tag spent in the database."""
    lo = max(0, start - _AROUND)
    wanted = max(0, end + _AROUND - lo)
    piece = session.exec(
        select(func.substr(Article.text, lo + 1, wanted)).where(Article.id == article_id)
    ).one()
    whole = lo == 0 and len(piece) < wanted  # the piece is the text itself
    if not whole and start >= lo and end - lo <= len(piece) and start < end:
        a = anchor_span(piece, start - lo, end - lo)
        reaches_start = lo > 0 and a.start - len(a.prefix) <= 0
        reaches_end = len(piece) == wanted and a.end + len(a.suffix) >= len(piece)
        if not (reaches_start or reaches_end):
            return Anchor(a.start + lo, a.end + lo, a.exact, a.prefix, a.suffix)
    text = (
        piece if whole else session.exec(select(Article.text).where(Article.id == article_id)).one()
    )  # a span off the text (the error says how long it is), or a cluster that long
    try:
        return anchor_span(text, start, end)
    except ValueError as exc:
        raise FactdeskError(str(exc)) from exc


def speaker_claimant(session: Session, article: Article, offset: int) -> str:
    """Who speaks at code-point `offset` of a transcript, as a claimant: "" outside any
    turn or for a role ("Question", "Speaker 1"); the library's spelling of a claimant
    already named; an all-capitals label title-cased ("TRUMP" → "Trump")."""
    turn = turn_at(article.text, article.turns, offset)
    if turn is None or not turn[0].strip():
        return ""
    return claimant_name(turn[0], claimants(session))


def _place(session: Session, claim: Claim, anchor) -> Highlight:
    """A highlight of `claim` on the span and quote selector of `anchor`."""
    highlight = Highlight(
        article_id=claim.article_id,
        claim_id=claim.id,
        start=anchor.start,
        end=anchor.end,
        exact=anchor.exact,
        prefix=anchor.prefix,
        suffix=anchor.suffix,
    )
    if claim.id is None:  # a claim not yet flushed: inserted with its highlight
        highlight.claim = claim
    session.add(highlight)
    return highlight


def create_claim_from_quote(
    session: Session, article_id: int, quote: str, *, occurrence: int = 1, **fields_
) -> tuple[Claim, Highlight]:
    """Tag the `occurrence`-th appearance of `quote` as a new claim (widened to whole
    grapheme clusters, as in create_claim: "vecteur x" in "vecteur x̄" takes the x̄)."""
    anchor = find_quote(_article_text(session, article_id), quote, occurrence)
    return create_claim(session, article_id, start=anchor.start, end=anchor.end, **fields_)


def add_highlight(session: Session, claim_id: int, *, start: int, end: int) -> Highlight:
    """Another span of the same article that the claim rests on (widened to whole
    grapheme clusters, as in create_claim)."""
    claim = _claim(session, claim_id)
    try:
        anchor = anchor_span(_article_text(session, claim.article_id), start, end)
    except ValueError as exc:
        raise FactdeskError(str(exc)) from exc
    highlight = _place(session, claim, anchor)
    claim.updated_at = utcnow()
    session.add(claim)
    session.flush()
    return highlight


def update_claim(
    session: Session, claim_id: int, *, expected: dict | None = None, **changes
) -> Claim:
    """Change any of a claim's fields (see EDITABLE); tags take a list of names.

    `expected` maps fields to the values the user saw before editing: if another
    checker has changed one of them since, EditConflict is raised and nothing is
    written. The row's version column makes the check hold between concurrent writers
    (a stale UPDATE matches no row and is reported the same way).
    """
    claim = _claim(session, claim_id)
    for name, seen in (expected or {}).items():
        current = _current_value(claim, name)
        if current != _normalise(name, seen):
            raise EditConflict(
                what="claim",
                field=name,
                theirs=current,
                mine=changes.get(name),
                by=claim.updated_by,
                at=claim.updated_at,
            )
    _apply(session, claim, changes)
    claim.updated_at = utcnow()  # also for tag changes, which touch no claim column
    session.add(claim)
    try:
        session.flush()
    except StaleDataError as exc:
        raise EditConflict(
            what="claim",
            field=", ".join(changes),
            theirs="(changed meanwhile)",
            mine=next(iter(changes.values()), None),
            by="",
            at=None,
        ) from exc
    return claim


def _current_value(claim: Claim, name: str):
    if name == "tags":
        return sorted(t.name for t in claim.tags)
    return getattr(claim, name)


def _normalise(name: str, value):
    if name == "tags":
        return sorted(value or ())
    return _check(name, value) if name != "rating_id" else value


def set_verdict(session: Session, claim_id: int, rating_id: int | None) -> Claim:
    return update_claim(session, claim_id, rating_id=rating_id)


def set_tags(session: Session, claim: Claim, names) -> None:
    """Replace a claim's tags by `names`, creating tags not yet in the library."""
    wanted = []
    for name in names or ():
        name = " ".join(str(name).split())[:100]
        if name and name.casefold() not in {w.casefold() for w in wanted}:
            wanted.append(name)
    tags = []
    for name in wanted:
        tag = _existing_tag(session, name)
        if tag is None:
            tag = Tag(name=name)
            session.add(tag)
            session.flush()
        tags.append(tag)
    claim.tags = tags
    session.add(claim)


def _existing_tag(session: Session, name: str) -> Tag | None:
    """The library's tag of that name, whatever its case ("Élysée" is "élysée").

    The database's lower() folds ASCII only on SQLite, so a name it does not find is
    looked for once more with Python's casefold (a new tag is rare; tags are few).
    """
    tag = session.exec(
        select(Tag).where(or_(Tag.name == name, func.lower(Tag.name) == func.lower(name)))
    ).first()
    if tag is not None:
        return tag
    folded = name.casefold()
    for tag_id, existing in session.exec(select(Tag.id, Tag.name)):
        if existing.casefold() == folded:
            return session.get(Tag, tag_id)
    return None


def claimants(session: Session) -> list[str]:
    """Every claimant named so far, for completion."""
    rows = session.exec(
        select(Claim.claimant).where(Claim.claimant != "").distinct().order_by(Claim.claimant)
    )
    return list(rows)


def tag_names(session: Session) -> list[str]:
    return list(session.exec(select(Tag.name).order_by(Tag.name)))


# --- deleting and restoring (undo) ---------------------------------------------------


@dataclass(frozen=True)
class HighlightSnapshot:
    id: int
    uid: str
    article_id: int
    claim_id: int
    start: int
    end: int
    exact: str
    prefix: str
    suffix: str
    anchor: str
    created_at: datetime


@dataclass(frozen=True)
class ClaimSnapshot:
    """A deleted claim with everything that hung on it."""

    row: dict
    tag_ids: tuple[int, ...]
    links: tuple[dict, ...]
    highlights: tuple[HighlightSnapshot, ...] = field(default_factory=tuple)


def _row(obj) -> dict:
    return {name: getattr(obj, name) for name in type(obj).model_fields}


def delete_highlight(session: Session, highlight_id: int) -> HighlightSnapshot:
    highlight = session.get(Highlight, highlight_id)
    if highlight is None:
        raise NotFound(f"no highlight with id {highlight_id}")
    snap = HighlightSnapshot(
        **{f.name: getattr(highlight, f.name) for f in fields(HighlightSnapshot)}
    )
    session.delete(highlight)
    session.flush()
    return snap


def restore_highlight(session: Session, snap: HighlightSnapshot) -> Highlight:
    highlight = Highlight(**{f.name: getattr(snap, f.name) for f in fields(HighlightSnapshot)})
    session.add(highlight)
    session.flush()
    return highlight


def delete_claim(session: Session, claim_id: int) -> ClaimSnapshot:
    """Delete a claim and its highlights; the snapshot can bring it all back."""
    claim = _claim(session, claim_id)
    highlights = session.exec(select(Highlight).where(Highlight.claim_id == claim_id)).all()
    snap = ClaimSnapshot(
        row=_row(claim),
        tag_ids=tuple(session.exec(select(ClaimTag.tag_id).where(ClaimTag.claim_id == claim_id))),
        links=tuple(
            _row(link)
            for link in session.exec(select(ClaimSource).where(ClaimSource.claim_id == claim_id))
        ),
        highlights=tuple(
            HighlightSnapshot(**{f.name: getattr(h, f.name) for f in fields(HighlightSnapshot)})
            for h in highlights
        ),
    )
    session.delete(claim)
    session.flush()
    return snap


def restore_claim(session: Session, snap: ClaimSnapshot) -> Claim:
    claim = Claim(**snap.row)
    session.add(claim)
    session.flush()
    for tag_id in snap.tag_ids:
        if session.get(Tag, tag_id) is not None:
            session.add(ClaimTag(claim_id=claim.id, tag_id=tag_id))
    for link in snap.links:
        session.add(ClaimSource(**link))
    for h in snap.highlights:
        restore_highlight(session, h)
    session.flush()
    return claim
