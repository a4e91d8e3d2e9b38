"""Captured sources: what a source's address said when it was cited, kept in the library.

A capture is taken only when the user asks (one GET under the URL importer's rules), or
is a file the user attaches. The raw answer is kept as data (capped), never rendered;
its text is read by the same importers as articles, so excerpts can be looked up in it
and two captures compared. A 404 or 410 is a capture too: the page is gone.
"""

from __future__ import annotations

import hashlib
import mimetypes
import os
import unicodedata
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from sqlalchemy import func
from sqlmodel import Session, col, select

from desktop.core.errors import FactdeskError, ImportFailed, NotFound, QuoteNotFound
from desktop.core.models import ClaimSource, Source, SourceCapture, utcnow
from desktop.core.text import PARAGRAPH_SEP

MAX_BODY_BYTES = 16_000_000  # of a response or file kept; the hash covers all of it
GONE = (404, 410)
CONTEXT = 120  # characters shown each side of an excerpt found in a capture
WAYBACK_SAVE = "https://web.archive.org/save/"

# The columns listed without the body and text (which can be megabytes).
_INFO_COLS = (
    SourceCapture.id,
    SourceCapture.source_id,
    SourceCapture.requested_url,
    SourceCapture.final_url,
    SourceCapture.status,
    SourceCapture.content_type,
    SourceCapture.truncated,
    SourceCapture.size,
    SourceCapture.sha256,
    SourceCapture.title,
    SourceCapture.file_name,
    SourceCapture.error,
    SourceCapture.retrieved_at,
    SourceCapture.created_by,
)


@dataclass(frozen=True)
class CaptureDraft:
    """A capture read from the web or a file, not yet stored (made off the UI thread)."""

    requested_url: str
    final_url: str
    status: int | None
    content_type: str
    headers: list[list[str]]
    body: bytes
    truncated: bool
    size: int
    sha256: str
    title: str
    text: str
    file_name: str = ""
    error: str = ""  # why no text could be read from it, if none was
    retrieved_at: datetime = field(default_factory=utcnow)


@dataclass(frozen=True)
class CaptureInfo:
    """One capture as lists show it (no body, no text)."""

    id: int
    source_id: int
    requested_url: str
    final_url: str
    status: int | None
    content_type: str
    truncated: bool
    size: int
    sha256: str
    title: str
    file_name: str
    error: str
    retrieved_at: datetime
    created_by: str

    @property
    def gone(self) -> bool:
        """The address answered 404 Not Found or 410 Gone."""
        return self.status in GONE

    @property
    def is_file(self) -> bool:
        return bool(self.file_name)

    def as_dict(self) -> dict:
        return {
            "id": self.id,
            "source_id": self.source_id,
            "requested_url": self.requested_url,
            "final_url": self.final_url,
            "status": self.status,
            "gone": self.gone,
            "content_type": self.content_type,
            "truncated": self.truncated,
            "size": self.size,
            "sha256": self.sha256,
            "title": self.title,
            "file_name": self.file_name,
            "error": self.error,
            "retrieved_at": self.retrieved_at.isoformat(),
            "created_by": self.created_by,
        }


@dataclass(frozen=True)
class ExcerptMatch:
    """Where an excerpt sits in a capture's text: `method` says how sure ("exact", "loose"
    for a difference of case, quotes or spacing only, "fuzzy" for similar words)."""

    start: int
    end: int
    method: str

    def context(self, text: str, chars: int = CONTEXT) -> tuple[str, str, str]:
        """(before, excerpt, after) as the text has them."""
        return (
            text[max(0, self.start - chars) : self.start],
            text[self.start : self.end],
            text[self.end : self.end + chars],
        )


@dataclass(frozen=True)
class ExcerptCheck:
    """A citation's excerpt looked up in the source's latest capture."""

    claim_id: int
    excerpt: str
    capture_id: int
    match: ExcerptMatch | None

    @property
    def found(self) -> bool:
        return self.match is not None


@dataclass(frozen=True)
class Comparison:
    """Two captures of a source side by side: did the page change, or go?"""

    old: CaptureInfo
    new: CaptureInfo
    changes: list  # diffing.ParagraphChange
    same_body: bool

    @property
    def gone(self) -> bool:
        return self.new.gone and not self.old.gone

    @property
    def text_changed(self) -> bool:
        from desktop.core.diffing import is_unchanged

        return not is_unchanged(self.changes)


# --- reading ----------------------------------------------------------------------------


def fetch_capture(
    url: str,
    *,
    timeout: float | None = None,
    max_bytes: int = MAX_BODY_BYTES,
    apart: bool = False,
) -> CaptureDraft:
    """GET `url` once and read its text (no database: runs on a worker thread).

    ImportFailed when no answer came; an answer whose text cannot be read (an image, a
    damaged PDF) is still a capture, its `error` saying why it has no text. `apart`: a
    big answer is read in a child process, so the window's thread never waits on it."""
    from desktop.core.importers.url import fetch_response

    response = fetch_response(url, timeout=timeout, max_bytes=max_bytes)
    title, text, error = _read_text(
        response.body,
        response.content_type,
        name=response.final_url,
        truncated=response.truncated,
        url=response.final_url,
        apart=apart,
    )
    return CaptureDraft(
        requested_url=response.requested_url,
        final_url=response.final_url,
        status=response.status,
        content_type=response.content_type,
        headers=[[k, v] for k, v in response.headers],
        body=response.body,
        truncated=response.truncated,
        size=response.size,
        sha256=response.sha256,
        title=title,
        text=text,
        error=error,
    )


def read_attachment(
    path: str | os.PathLike, *, max_bytes: int = MAX_BODY_BYTES, apart: bool = False
) -> CaptureDraft:
    """A file as a source's capture: its bytes (capped) and hash, and its text when the
    importers read its type (a PDF, a saved web page, a Word document…); `apart` as in
    fetch_capture."""
    from desktop.core.importers import FORMATS, MAX_FILE_BYTES, too_large
    from desktop.core.regular_file import NotReadable, read_regular

    name = os.fspath(path)
    try:
        data = read_regular(path, MAX_FILE_BYTES)
    except NotReadable as exc:
        if exc.size is None:
            raise ImportFailed(name, exc.problem) from None
        raise ImportFailed(
            name, too_large(exc.size, MAX_FILE_BYTES, "attaches files", "attach a part of it")
        ) from None
    file_name = Path(name).name
    ctype = mimetypes.guess_type(file_name, strict=False)[0] or "application/octet-stream"
    entry = FORMATS.get(Path(name).suffix.lower())
    if entry is None:
        title, text, error = "", "", f"no text is read from {Path(name).suffix or 'such'} files"
    else:
        title, text, error = _parse(data, entry[0], name, "", apart=apart)
    return CaptureDraft(
        requested_url="",
        final_url="",
        status=None,
        content_type=ctype,
        headers=[],
        body=data[:max_bytes],
        truncated=len(data) > max_bytes,
        size=len(data),
        sha256=hashlib.sha256(data).hexdigest(),
        title=title,
        text=text,
        file_name=file_name,
        error=error,
    )


def _read_text(
    body: bytes, content_type: str, *, name: str, truncated: bool, url: str, apart: bool
) -> tuple[str, str, str]:
    """(title, text, error) of an answer, read by the importer its type calls for."""
    from desktop.core.importers.url import _kind

    try:
        kind = _kind(name, content_type or None, body)
    except ImportFailed as exc:
        return "", "", exc.problem
    title, text, error = _parse(body, kind, name, url, apart=apart)
    if truncated and error:
        error += " (only the first part of it was kept)"
    return title, text, error


_SUFFIX = {"html": ".html", "plaintext": ".txt", "markdown": ".md", "pdf": ".pdf", "docx": ".docx"}


def _parse(
    data: bytes, kind: str, name: str, url: str, *, apart: bool = False
) -> tuple[str, str, str]:
    """(title, text, "") read by the importer `kind`, or ("", "", why not)."""
    from desktop.core.importers import parse_bytes
    from desktop.core.importers.isolated import SUBPROCESS_BYTES

    try:
        if apart and len(data) >= SUBPROCESS_BYTES and kind in _SUFFIX:
            parsed = _parse_apart(data, kind)
        else:
            parsed = parse_bytes(data, kind=kind, source_name=name, url=url)
    except ImportFailed as exc:
        return "", "", exc.problem
    return parsed.title[:1000], PARAGRAPH_SEP.join(parsed.paragraphs), ""


def _parse_apart(data: bytes, kind: str):
    """The importers' reading of `data` in a child process (through a private file)."""
    import tempfile

    from desktop.core.importers.isolated import import_path_isolated

    with tempfile.TemporaryDirectory(prefix="factdesk-capture-") as folder:
        path = Path(folder) / f"capture{_SUFFIX[kind]}"
        path.write_bytes(data)
        return import_path_isolated(path)


# --- storing ----------------------------------------------------------------------------


def _source(session: Session, source_id: int) -> Source:
    source = session.get(Source, source_id)
    if source is None:
        raise NotFound(f"no source with id {source_id}")
    return source


def source_brief(session: Session, source_id: int) -> tuple[str, str]:
    """(title, address) of a source."""
    source = _source(session, source_id)
    return source.title, source.url


def citations(session: Session, source_id: int) -> list[tuple[int, str, str]]:
    """(claim id, claim text, excerpt) of every claim citing the source."""
    from desktop.core.models import Claim

    rows = session.exec(
        select(ClaimSource.claim_id, Claim.text, ClaimSource.excerpt)
        .join(Claim, col(Claim.id) == col(ClaimSource.claim_id))
        .where(ClaimSource.source_id == source_id)
        .order_by(ClaimSource.claim_id)
    ).all()
    return [tuple(r) for r in rows]


def source_url(session: Session, source_id: int) -> str:
    """The address a capture of the source fetches; FactdeskError when it has none."""
    from desktop.core.importers.url import is_web_url

    source = _source(session, source_id)
    if not is_web_url(source.url):
        shown = f" ({source.url!r})" if source.url else ""
        raise FactdeskError(
            f"source {source_id} has no web address{shown} to capture; attach a file instead"
        )
    return source.url.strip()


def store_capture(session: Session, source_id: int, draft: CaptureDraft) -> CaptureInfo:
    """Keep a capture of a source (never altering an earlier one)."""
    _source(session, source_id)
    row = SourceCapture(
        source_id=source_id,
        requested_url=draft.requested_url[:2000],
        final_url=draft.final_url[:2000],
        status=draft.status,
        content_type=draft.content_type[:200],
        headers=[[_clean(str(k)), _clean(str(v))] for k, v in draft.headers],
        body=draft.body,
        truncated=draft.truncated,
        size=draft.size,
        sha256=draft.sha256,
        title=_clean(draft.title)[:1000],
        text=_clean(draft.text),
        file_name=_clean(draft.file_name)[:1000],
        error=_clean(draft.error),
        retrieved_at=draft.retrieved_at,
    )
    session.add(row)
    session.flush()
    return _info(row)


def _clean(text: str) -> str:
    """No NUL (PostgreSQL refuses it in text) and no lone surrogate (no encoding takes it)."""
    text = text.replace("\x00", "")
    return text.encode("utf-8", "replace").decode("utf-8") if _has_surrogate(text) else text


def _has_surrogate(text: str) -> bool:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return True
    return False


def capture_source(store, source_id: int, *, timeout: float | None = None) -> CaptureInfo:
    """Fetch a source's address now and keep what came back (the CLI's one call)."""
    with store.read() as session:
        url = source_url(session, source_id)
    draft = fetch_capture(url, timeout=timeout)
    with store.transaction() as session:
        return store_capture(session, source_id, draft)


def attach_file(store, source_id: int, path: str | os.PathLike) -> CaptureInfo:
    """Keep a file as a capture of a source."""
    with store.read() as session:
        _source(session, source_id)
    draft = read_attachment(path)
    with store.transaction() as session:
        return store_capture(session, source_id, draft)


# --- reading back -----------------------------------------------------------------------


def _info(row) -> CaptureInfo:
    return CaptureInfo(*(getattr(row, c.key) for c in _INFO_COLS))


def list_captures(session: Session, source_id: int) -> list[CaptureInfo]:
    """A source's captures, oldest first."""
    _source(session, source_id)
    rows = session.exec(
        select(*_INFO_COLS)
        .where(SourceCapture.source_id == source_id)
        .order_by(col(SourceCapture.id))
    ).all()
    return [CaptureInfo(*r) for r in rows]


def get_capture(session: Session, capture_id: int) -> SourceCapture:
    row = session.get(SourceCapture, capture_id)
    if row is None:
        raise NotFound(f"no capture with id {capture_id}")
    return row


def capture_text(session: Session, capture_id: int) -> str:
    return get_capture(session, capture_id).text


def capture_info(session: Session, capture_id: int) -> CaptureInfo:
    return _info(get_capture(session, capture_id))


def latest_captures(session: Session, source_ids) -> dict[int, CaptureInfo]:
    """Each source's most recent capture, for those that have one."""
    ids = list(dict.fromkeys(source_ids))
    if not ids:
        return {}
    latest = (
        select(SourceCapture.source_id, func.max(SourceCapture.id).label("last"))
        .where(col(SourceCapture.source_id).in_(ids))
        .group_by(SourceCapture.source_id)
        .subquery()
    )
    rows = session.exec(
        select(*_INFO_COLS).join(latest, col(SourceCapture.id) == latest.c.last)
    ).all()
    return {r[1]: CaptureInfo(*r) for r in rows}


@dataclass(frozen=True)
class SourceRow:
    """A source with how many captures it has, for lists."""

    id: int
    title: str
    url: str
    captures: int
    last_capture: datetime | None

    def as_dict(self) -> dict:
        return {
            "id": self.id,
            "title": self.title,
            "url": self.url,
            "captures": self.captures,
            "last_capture": self.last_capture.isoformat() if self.last_capture else None,
        }


def list_sources(session: Session, *, article_id: int | None = None) -> list[SourceRow]:
    """The library's sources (those an article's claims cite), by id."""
    from desktop.core.models import Article, Claim

    counts = (
        select(
            SourceCapture.source_id,
            func.count().label("n"),
            func.max(SourceCapture.retrieved_at).label("last"),
        )
        .group_by(SourceCapture.source_id)
        .subquery()
    )
    query = (
        select(Source.id, Source.title, Source.url, counts.c.n, counts.c.last)
        .outerjoin(counts, counts.c.source_id == col(Source.id))
        .order_by(col(Source.id))
    )
    if article_id is not None:
        if session.get(Article, article_id) is None:
            raise NotFound(f"no article with id {article_id}")
        cited = (
            select(ClaimSource.source_id)
            .join(Claim, col(Claim.id) == col(ClaimSource.claim_id))
            .where(Claim.article_id == article_id)
        )
        query = query.where(col(Source.id).in_(cited))
    return [SourceRow(r[0], r[1], r[2], r[3] or 0, r[4]) for r in session.exec(query).all()]


# --- excerpts ---------------------------------------------------------------------------


def find_excerpt(text: str, excerpt: str) -> ExcerptMatch | None:
    """Where `excerpt` is in a capture's text, or None.

    Exact first (typographic quotes and spaces match plain ones, as in anchoring),
    then ignoring case and the spacing around quotes and before : ; ! ? % (« oui » for
    "oui"), then a close enough passage (anchoring's fuzzy score)."""
    from desktop.core.anchoring import anchor_span, find_quote

    excerpt = excerpt.strip()
    if not excerpt or not text:
        return None
    try:
        a = find_quote(text, excerpt)
        return ExcerptMatch(a.start, a.end, "exact")
    except QuoteNotFound:
        pass
    hay, where = _loose(text)
    needle, _ = _loose(excerpt)
    if not needle:
        return None
    pos = hay.find(needle)
    if pos != -1:
        start, end = where[pos], where[pos + len(needle) - 1] + 1
        a = anchor_span(text, start, end)
        return ExcerptMatch(a.start, a.end, "loose")
    span = _fuzzy(hay, needle)
    if span is None:
        return None
    start, end = where[span[0]], where[span[1] - 1] + 1
    a = anchor_span(text, start, end)
    return ExcerptMatch(a.start, a.end, "fuzzy")


_NO_SPACE_BEFORE = frozenset(':;!?%"')
_NO_SPACE_AFTER = frozenset('"')


def _loose(text: str) -> tuple[str, list[int]]:
    """The text folded (quotes, dashes, spaces), case-folded, its spaces collapsed and
    dropped around quotes and before : ; ! ?, with where each character came from."""
    from desktop.core.anchoring import fold

    out: list[str] = []
    where: list[int] = []
    for i, ch in enumerate(fold(unicodedata.normalize("NFC", text))):
        if ch.isspace():
            if out and out[-1] != " " and out[-1] not in _NO_SPACE_AFTER:
                out.append(" ")
                where.append(i)
            continue
        if ch in _NO_SPACE_BEFORE and out and out[-1] == " ":
            out.pop()
            where.pop()
        for c in ch.casefold():
            out.append(c)
            where.append(i)
    if out and out[-1] == " ":
        out.pop()
        where.pop()
    return "".join(out), where


def _fuzzy(hay: str, needle: str) -> tuple[int, int] | None:
    from rapidfuzz import fuzz

    from desktop.core.anchoring import FUZZY_MIN_LENGTH, FUZZY_MIN_SCORE

    if len(needle) < FUZZY_MIN_LENGTH:
        return None
    hit = fuzz.partial_ratio_alignment(needle, hay, score_cutoff=FUZZY_MIN_SCORE)
    if hit is None or hit.dest_end <= hit.dest_start:
        return None
    start, end = hit.dest_start, hit.dest_end
    while start < end and hay[start] == " ":
        start += 1
    while end > start and hay[end - 1] == " ":
        end -= 1
    return (start, end) if end > start else None


def check_excerpts(session: Session, source_id: int) -> list[ExcerptCheck]:
    """Every excerpt the source is cited with, looked up in its latest capture (none
    when it has no capture)."""
    latest = latest_captures(session, [source_id]).get(source_id)
    if latest is None:
        return []
    text = capture_text(session, latest.id)
    links = session.exec(
        select(ClaimSource.claim_id, ClaimSource.excerpt)
        .where(ClaimSource.source_id == source_id)
        .order_by(ClaimSource.claim_id)
    ).all()
    return [
        ExcerptCheck(claim_id, excerpt, latest.id, find_excerpt(text, excerpt))
        for claim_id, excerpt in links
        if excerpt.strip()
    ]


# --- comparing --------------------------------------------------------------------------


def previous_capture(session: Session, capture_id: int) -> CaptureInfo | None:
    """The capture of the same source just before this one, if any."""
    this = capture_info(session, capture_id)
    before = [c for c in list_captures(session, this.source_id) if c.id < capture_id]
    return before[-1] if before else None


def compare_captures(session: Session, old_id: int, new_id: int) -> Comparison:
    """The differences between two captures' texts (paragraphs and words)."""
    from desktop.core.diffing import diff_texts

    old, new = get_capture(session, old_id), get_capture(session, new_id)
    if old.source_id != new.source_id:
        raise FactdeskError(
            f"captures {old_id} and {new_id} are of different sources "
            f"({old.source_id} and {new.source_id})"
        )
    return Comparison(
        old=_info(old),
        new=_info(new),
        changes=diff_texts(old.text, new.text),
        same_body=old.sha256 == new.sha256 and old.size == new.size,
    )


def wayback_save_url(url: str) -> str:
    """The Wayback Machine's "Save Page Now" address for `url` (opened in the browser by
    the user; Factdesk itself never calls it)."""
    from desktop.core.importers.url import is_web_url

    url = url.strip()
    if not is_web_url(url):
        raise FactdeskError(f"{url!r} is not a web address the Wayback Machine can archive")
    return WAYBACK_SAVE + url
