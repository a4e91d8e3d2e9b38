"""Versions of an article: a new text stored next to the old ones, highlights carried
over, and what a checker must look at.

An article that never changed has no ArticleVersion rows: its one version is the article
itself, dated when it was imported. When a second version arrives, row 1 is written from
the article as it was, row 2 from the new text, and the article's own text becomes the
newest version's, so everything reading Article.text (search, suggestions, the article
pane) follows the newest version. Versions are never altered or deleted.

Each highlight's place in each version is kept (VersionAnchor), so a claim keeps its
anchor in the version it was checked against while the highlight follows the newest
text. How a highlight fared is one of:

- "unchanged": the same words with the same surroundings (perhaps shifted);
- "moved": the same words, elsewhere or with different surroundings;
- "reworded": placed on similar but different words (the quote itself changed);
- "orphaned": not found; the highlight keeps its old quote and is flagged.

Each outcome but "unchanged" waits for the checker to confirm it.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func
from sqlmodel import Session, select

from desktop.core.anchoring import Anchor, Placement, anchor_span, reanchor
from desktop.core.diffing import diff_texts, map_span
from desktop.core.errors import FactdeskError, NotFound
from desktop.core.importers import ParsedArticle
from desktop.core.models import Article, ArticleVersion, Claim, Highlight, VersionAnchor, utcnow
from desktop.core.text import content_hash, join_paragraphs, paragraph_spans

OUTCOMES = ("unchanged", "moved", "reworded", "orphaned")
# How each outcome is recorded in VersionAnchor.anchor (the anchoring method's words).
_METHOD = {"unchanged": "exact", "moved": "quote", "reworded": "fuzzy", "orphaned": "orphan"}
_OUTCOME = {method: outcome for outcome, method in _METHOD.items()}


@dataclass(frozen=True)
class VersionInfo:
    """One version of an article as listed (without its text)."""

    number: int
    title: str
    origin: str
    retrieved_at: datetime
    content_hash: str
    created_by: str
    words: int
    newest: bool


@dataclass(frozen=True)
class VersionText:
    """One version's text and what came with it."""

    number: int
    title: str
    text: str
    headings: tuple[tuple[int, int], ...]
    retrieved_at: datetime
    origin: str


@dataclass(frozen=True)
class Outcome:
    """How one highlight was carried from the version its claim was checked against to
    the newest version."""

    highlight_id: int
    claim_id: int
    claim_label: str
    kind: str  # one of OUTCOMES
    old_number: int
    new_number: int
    old_exact: str
    new_exact: str  # "" for an orphan
    old_start: int
    new_start: int | None  # None for an orphan
    confirmed: bool


@dataclass(frozen=True)
class VersionAdded:
    """What adding a version did: its number, or nothing when the text was identical."""

    article_id: int
    added: bool
    number: int  # the new version's number, or the number of the identical newest one
    outcomes: tuple[Outcome, ...]

    @property
    def to_review(self) -> tuple[Outcome, ...]:
        return tuple(o for o in self.outcomes if not o.confirmed)


def _article(session: Session, article_id: int) -> Article:
    article = session.get(Article, article_id)
    if article is None:
        raise NotFound(f"no article with id {article_id}")
    return article


def _rows(session: Session, article_id: int) -> list[ArticleVersion]:
    return list(
        session.exec(
            select(ArticleVersion)
            .where(ArticleVersion.article_id == article_id)
            .order_by(ArticleVersion.number)
        ).all()
    )


def _dates(session: Session, article_id: int) -> dict[int, datetime]:
    """version number → when it was retrieved (the texts left unread)."""
    return dict(
        session.exec(
            select(ArticleVersion.number, ArticleVersion.retrieved_at).where(
                ArticleVersion.article_id == article_id
            )
        ).all()
    )


def _words(text: str) -> int:
    return len(text.split())


def list_versions(session: Session, article_id: int) -> list[VersionInfo]:
    """Every version, oldest first; an article that never changed has one, itself."""
    article = _article(session, article_id)
    rows = _rows(session, article_id)
    if not rows:
        return [
            VersionInfo(
                number=1,
                title=article.title,
                origin=article.url or article.source_name,
                retrieved_at=article.created_at,
                content_hash=article.content_hash,
                created_by="",
                words=_words(article.text),
                newest=True,
            )
        ]
    last = rows[-1].number
    return [
        VersionInfo(
            number=r.number,
            title=r.title,
            origin=r.origin,
            retrieved_at=r.retrieved_at,
            content_hash=r.content_hash,
            created_by=r.created_by,
            words=_words(r.text),
            newest=r.number == last,
        )
        for r in rows
    ]


def newest_number(session: Session, article_id: int) -> int:
    """The number of the article's newest version (1 when it never changed)."""
    number = session.exec(
        select(func.max(ArticleVersion.number)).where(ArticleVersion.article_id == article_id)
    ).one()
    return int(number or 1)


def get_version(session: Session, article_id: int, number: int) -> VersionText:
    """The text of version `number`; NotFound names the versions there are."""
    article = _article(session, article_id)
    rows = _rows(session, article_id)
    if not rows and number == 1:
        return VersionText(
            number=1,
            title=article.title,
            text=article.text,
            headings=tuple((int(i), int(lvl)) for i, lvl in article.headings or ()),
            retrieved_at=article.created_at,
            origin=article.url or article.source_name,
        )
    for r in rows:
        if r.number == number:
            return VersionText(
                number=r.number,
                title=r.title,
                text=r.text,
                headings=tuple((int(i), int(lvl)) for i, lvl in r.headings or ()),
                retrieved_at=r.retrieved_at,
                origin=r.origin,
            )
    count = len(rows) or 1
    raise NotFound(
        f"article {article_id} has no version {number}; its versions are 1 to {count}"
        if count > 1
        else f"article {article_id} has no version {number}; it has only version 1"
    )


def add_version(
    session: Session, article_id: int, parsed: ParsedArticle, *, origin: str
) -> VersionAdded:
    """Store `parsed` as the article's newest version and carry every highlight over.

    A text identical to the newest version adds nothing (added=False). Claims checked
    before keep that version as theirs (Claim.checked_version); each highlight's place
    in the old and the new version is recorded, and how it fared is returned.
    """
    article = _article(session, article_id)
    text = join_paragraphs(parsed.paragraphs)
    if not text.strip():
        raise FactdeskError(f"the new version of article {article_id} holds no text")
    digest = content_hash(text)
    old_number = newest_number(session, article_id)
    if digest == article.content_hash:
        return VersionAdded(article_id, False, old_number, ())
    rows = _rows(session, article_id)
    now = utcnow()
    if not rows:
        session.add(
            ArticleVersion(
                article_id=article_id,
                number=1,
                title=article.title,
                text=article.text,
                headings=[list(h) for h in article.headings or ()],
                turns=[list(t) for t in article.turns or ()],
                content_hash=article.content_hash,
                origin=(article.url or article.source_name)[:2000],
                retrieved_at=article.created_at,
            )
        )
    new_number = old_number + 1
    title = (parsed.title or article.title).strip()[:1000]
    headings = sorted([int(i), int(lvl)] for i, lvl in parsed.headings.items())
    turns = [
        [int(i), speaker, -1 if ms is None else int(ms)]
        for i, (speaker, ms) in sorted(parsed.turns.items())
    ]
    session.add(
        ArticleVersion(
            article_id=article_id,
            number=new_number,
            title=title,
            text=text,
            headings=headings,
            turns=turns,
            content_hash=digest,
            origin=origin[:2000],
            retrieved_at=now,
        )
    )
    claims = session.exec(select(Claim).where(Claim.article_id == article_id)).all()
    labels = {}
    for claim in claims:
        labels[claim.id] = claim.text
        if claim.checked_version is None:
            claim.checked_version = old_number
            session.add(claim)
    outcomes = []
    kept = _kept_paragraphs(article.text, text)
    highlights = session.exec(
        select(Highlight).where(Highlight.article_id == article_id).order_by(Highlight.start)
    ).all()
    known = {
        a.highlight_id: a
        for a in session.exec(
            select(VersionAnchor)
            .join(Highlight, Highlight.id == VersionAnchor.highlight_id)
            .where(Highlight.article_id == article_id, VersionAnchor.number == old_number)
        ).all()
    }
    for h in highlights:
        if h.id not in known:  # made on the old version: its place there is its own
            session.add(
                VersionAnchor(
                    highlight_id=h.id,
                    number=old_number,
                    start=h.start,
                    end=h.end,
                    exact=h.exact,
                    anchor="orphan" if h.anchor == "orphan" else "exact",
                    confirmed=True,
                )
            )
        old = Anchor(h.start, h.end, h.exact, h.prefix, h.suffix)
        placement = reanchor(text, old)  # an orphan too: the words may have come back
        if placement.method == "fuzzy" and h.anchor != "orphan":
            placement = _refined(article.text, text, old, placement)
        elif placement.method == "orphan" and h.anchor != "orphan":
            placement = _followed(article.text, text, old, kept) or placement
        kind = _kind(old, placement, kept)
        placed = placement.anchor
        session.add(
            VersionAnchor(
                highlight_id=h.id,
                number=new_number,
                start=placed.start if placed else h.start,
                end=placed.end if placed else h.end,
                exact=placed.exact if placed else h.exact,
                anchor=_METHOD[kind],
                confirmed=kind == "unchanged",
            )
        )
        old_start, old_exact = h.start, h.exact
        if placed is None:
            h.anchor = "orphan"
        else:
            h.start, h.end, h.exact, h.prefix, h.suffix = (
                placed.start,
                placed.end,
                placed.exact,
                placed.prefix,
                placed.suffix,
            )
            h.anchor = placement.method
        session.add(h)
        outcomes.append(
            Outcome(
                highlight_id=h.id,
                claim_id=h.claim_id,
                claim_label=labels.get(h.claim_id, "") or old_exact,
                kind=kind,
                old_number=old_number,
                new_number=new_number,
                old_exact=old_exact,
                new_exact=placed.exact if placed else "",
                old_start=old_start,
                new_start=placed.start if placed else None,
                confirmed=kind == "unchanged",
            )
        )
    article.title = title
    article.text = text
    article.headings = headings
    article.turns = turns
    article.content_hash = digest
    session.add(article)
    session.flush()
    return VersionAdded(article_id, True, new_number, tuple(outcomes))


def read_update(source: str) -> tuple[ParsedArticle, str]:
    """The article in a file or at a web address (fetched now, under the URL importer's
    rules), and the origin to record for it."""
    from desktop.core.importers import import_path
    from desktop.core.importers.url import fetch, is_web_url

    if is_web_url(source):
        return fetch(source), source.strip()
    from pathlib import Path

    return import_path(source), Path(source).name


def _refined(old_text: str, new_text: str, old: Anchor, placement: Placement) -> Placement:
    """A fuzzy placement made exact to the word: the old quote's paragraph compared word by
    word with the paragraph it landed in, so "le chômage a baissé de moitié" becomes "le
    chômage a baissé de la moitié", not the "chômage a baissé de la moiti" that a
    character alignment may pick."""
    old_par = _paragraph_at(old_text, old.start)
    new_par = _paragraph_at(new_text, placement.anchor.start)
    span = _mapped(old_text, new_text, old, old_par, new_par)
    if span is None or not new_text[span[0] : span[1]].strip():
        return placement  # a quote over several paragraphs keeps the alignment
    return Placement("fuzzy", anchor_span(new_text, *span))


def _mapped(old_text: str, new_text: str, old: Anchor, old_par, new_par) -> tuple | None:
    """Where the quote's words went when its paragraph `old_par` became `new_par`, by a
    word diff of the two paragraphs; None for a quote running past its paragraph."""
    if old.end > old_par[1]:
        return None
    mapped = map_span(
        old_text[old_par[0] : old_par[1]],
        new_text[new_par[0] : new_par[1]],
        old.start - old_par[0],
        old.end - old_par[0],
    )
    if mapped is None:
        return None
    return new_par[0] + mapped[0], new_par[0] + mapped[1]


def _paragraph_at(text: str, offset: int) -> tuple[int, int]:
    spans = paragraph_spans(text)
    k = bisect_right([s for s, _ in spans], offset) - 1
    return spans[max(k, 0)]


@dataclass(frozen=True)
class _Kept:
    """Which paragraphs of the old text are unchanged and in place in the new one."""

    old_starts: list[int]
    new_starts: list[int]
    same: dict[int, int]  # old paragraph index → new paragraph index
    paired: dict[int, int]  # the same, for edited and moved paragraphs too

    def paragraph_unchanged(self, old_offset: int, new_offset: int) -> bool:
        po = bisect_right(self.old_starts, old_offset) - 1
        pn = bisect_right(self.new_starts, new_offset) - 1
        return self.same.get(po) == pn


def _kept_paragraphs(old: str, new: str) -> _Kept:
    changes = diff_texts(old, new)
    return _Kept(
        old_starts=[s for s, _ in paragraph_spans(old)],
        new_starts=[s for s, _ in paragraph_spans(new)],
        same={c.old_index: c.new_index for c in changes if c.kind == "same"},
        paired={
            c.old_index: c.new_index
            for c in changes
            if c.old_index is not None and c.new_index is not None
        },
    )


# A quote the anchoring lost, followed into the edited paragraph, is "reworded" when
# this similar to what took its place (rapidfuzz ratio); less, it is orphaned.
FOLLOW_MIN_RATIO = 60.0


def _followed(old_text: str, new_text: str, old: Anchor, kept: _Kept) -> Placement | None:
    """Where a quote too changed for the fuzzy search went, following its paragraph into
    the new text word by word ("de moitié" → "d’un quart"): placed, and flagged, when
    enough of it is left."""
    from rapidfuzz import fuzz

    po = bisect_right(kept.old_starts, old.start) - 1
    pn = kept.paired.get(po)
    if pn is None:
        return None
    span = _mapped(
        old_text, new_text, old, paragraph_spans(old_text)[po], paragraph_spans(new_text)[pn]
    )
    if span is None or fuzz.ratio(old.exact, new_text[span[0] : span[1]]) < FOLLOW_MIN_RATIO:
        return None
    return Placement("fuzzy", anchor_span(new_text, *span))


def _kind(old: Anchor, placement: Placement, kept: _Kept) -> str:
    """The outcome of re-anchoring, in the words a checker reads: the same words in a
    paragraph that is unchanged and in place are "unchanged" wherever edits elsewhere
    shifted them; the same words in an edited or moved paragraph have "moved"."""
    new = placement.anchor
    if new is None:
        return "orphaned"
    if new.exact != old.exact:
        return "reworded"
    if kept.paragraph_unchanged(old.start, new.start):
        return "unchanged"
    return "moved"


def review(session: Session, article_id: int) -> list[Outcome]:
    """How each highlight sits in the newest version against the version its claim was
    checked on; empty when the article has a single version."""
    newest = newest_number(session, article_id)
    if newest == 1:
        return []
    rows = session.exec(
        select(Highlight, Claim)
        .join(Claim, Claim.id == Highlight.claim_id)
        .where(Highlight.article_id == article_id)
        .order_by(Highlight.start)
    ).all()
    anchors: dict[tuple[int, int], VersionAnchor] = {
        (a.highlight_id, a.number): a
        for a in session.exec(
            select(VersionAnchor)
            .join(Highlight, Highlight.id == VersionAnchor.highlight_id)
            .where(Highlight.article_id == article_id)
        ).all()
    }
    outcomes = []
    for h, claim in rows:
        checked = claim.checked_version or newest
        new = anchors.get((h.id, newest))
        if new is None:  # made on the newest version
            continue
        old = anchors.get((h.id, checked))
        if old is None:  # checked on a version where this highlight did not exist yet
            older = [n for (hid, n) in anchors if hid == h.id and n <= checked]
            old = anchors[(h.id, max(older))] if older else new
        if new.anchor == "orphan":
            kind = "orphaned"
        elif new.exact != old.exact:
            kind = "reworded"
        elif checked == newest:
            kind = "unchanged"
        else:
            kind = _OUTCOME.get(new.anchor, "moved")
            kind = "moved" if kind in ("reworded", "orphaned") else kind
        outcomes.append(
            Outcome(
                highlight_id=h.id,
                claim_id=claim.id,
                claim_label=claim.text or old.exact,
                kind=kind,
                old_number=checked,
                new_number=newest,
                old_exact=old.exact,
                new_exact="" if new.anchor == "orphan" else new.exact,
                old_start=old.start,
                new_start=None if new.anchor == "orphan" else new.start,
                confirmed=all(
                    a.confirmed
                    for (hid, n), a in anchors.items()
                    if hid == h.id and checked < n <= newest
                ),
            )
        )
    return outcomes


def confirm(
    session: Session, article_id: int, highlight_ids: list[int], *, recheck: bool = False
) -> int:
    """Mark the newest placements of these highlights as looked at; with `recheck`, their
    claims are now checked against the newest version. Returns how many were confirmed."""
    newest = newest_number(session, article_id)
    if newest == 1 or not highlight_ids:
        return 0
    rows = session.exec(
        select(VersionAnchor, Highlight, Claim.checked_version)
        .join(Highlight, Highlight.id == VersionAnchor.highlight_id)
        .join(Claim, Claim.id == Highlight.claim_id)
        .where(
            Highlight.article_id == article_id,
            VersionAnchor.highlight_id.in_(list(highlight_ids)),
        )
    ).all()
    claim_ids = set()
    confirmed = set()
    for anchor, h, checked in rows:
        # Every placement since the checked version: the checker compared those words.
        if (checked or newest) < anchor.number and not anchor.confirmed:
            anchor.confirmed = True
            session.add(anchor)
        if anchor.number == newest:
            confirmed.add(h.id)
            claim_ids.add(h.claim_id)
    if recheck and claim_ids:
        for claim in session.exec(select(Claim).where(Claim.id.in_(claim_ids))).all():
            if claim.checked_version != newest:
                claim.checked_version = newest
                session.add(claim)
    session.flush()
    return len(confirmed)


@dataclass(frozen=True)
class CheckedAgainst:
    """Which version a claim's verdict was reached on, and what came after it."""

    number: int
    count: int
    checked_at: datetime  # when that version was retrieved
    changed_on: tuple[datetime, ...]  # when each later version was retrieved

    @property
    def is_newest(self) -> bool:
        return self.number == self.count


def checked_against(session: Session, article_id: int) -> dict[int, CheckedAgainst]:
    """claim id → which version it was checked against; empty for an article that never
    changed (whose exports say nothing of versions)."""
    dates = _dates(session, article_id)
    if not dates:
        return {}
    count = max(dates)
    out = {}
    for claim_id, checked in session.exec(
        select(Claim.id, Claim.checked_version).where(Claim.article_id == article_id)
    ).all():
        number = checked or count
        out[claim_id] = CheckedAgainst(
            number=number,
            count=count,
            checked_at=dates.get(number, dates[count]),
            changed_on=tuple(dates[n] for n in sorted(dates) if n > number),
        )
    return out


def version_counts(session: Session, article_ids: list[int] | None = None) -> dict[int, tuple]:
    """article id → (number of versions, date of the newest), for articles that changed;
    one aggregate query."""
    stmt = select(
        ArticleVersion.article_id,
        func.count(ArticleVersion.id),
        func.max(ArticleVersion.retrieved_at),
    ).group_by(ArticleVersion.article_id)
    if article_ids is not None:
        stmt = stmt.where(ArticleVersion.article_id.in_(list(article_ids)))
    return {aid: (int(n), last) for aid, n, last in session.exec(stmt).all()}


def version_summary(session: Session, article_id: int) -> tuple[int, datetime] | None:
    """(number of versions, when the newest arrived) for an article that changed."""
    return version_counts(session, [article_id]).get(article_id)


@dataclass(frozen=True)
class ClaimVersionNote:
    """What a report says of one claim of an article that changed."""

    number: int  # the version the verdict was reached on
    count: int  # how many versions there are
    checked_at: datetime  # when that version was retrieved
    changed_on: tuple[datetime, ...]  # when each later version was retrieved
    # (quote in the checked version, quote in the newest or "" when lost) for each
    # highlight whose words changed since
    passages: tuple[tuple[str, str], ...]


@dataclass(frozen=True)
class ArticleVersions:
    """An article's versions as exports need them."""

    count: int
    newest_at: datetime
    claims: dict[int, ClaimVersionNote]


def report_versions(session: Session, article_id: int) -> ArticleVersions | None:
    """None for an article that never changed: its exports say nothing of versions."""
    dates = _dates(session, article_id)
    if not dates:
        return None
    against = checked_against(session, article_id)
    changed: dict[int, list[tuple[str, str]]] = {}
    for o in review(session, article_id):
        if o.kind in ("reworded", "orphaned"):
            changed.setdefault(o.claim_id, []).append((o.old_exact, o.new_exact))
    return ArticleVersions(
        count=max(dates),
        newest_at=dates[max(dates)],
        claims={
            claim_id: ClaimVersionNote(
                number=c.number,
                count=c.count,
                checked_at=c.checked_at,
                changed_on=c.changed_on,
                passages=tuple(changed.get(claim_id, ())),
            )
            for claim_id, c in against.items()
        },
    )
