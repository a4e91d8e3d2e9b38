"""W3C Web Annotation JSON-LD: export a library's highlights, and import them back.

The export is one AnnotationCollection with its first (and only) AnnotationPage
embedded. Each highlight is one Annotation whose target is the article (its URL, or
`urn:uuid:` + its uid when it has none) refined by a TextQuoteSelector and a
TextPositionSelector (start/end in code points, as the model defines them). Bodies:
the restated claim (purpose "describing"), the verdict ("assessing"), the rationale
("commenting", Markdown), tags ("tagging") and each source as a SpecificResource
("linking"; a bare external resource may not carry a purpose) whose excerpt is a
TextQuoteSelector on that source.

The model has no place for the annotated text itself, yet an import into an empty
library needs it; so the collection carries `factdesk:articles`, one description per
target source with its full text, and each Annotation carries `factdesk:claim` (claimant,
dates, status, the verdict's key and colour, the claim's uid). Both are extension
properties under a namespace declared in the @context, which the model allows and the
W3C assertions ignore. Any other Web Annotation file (Hypothesis, …) can be imported
too when its target source is an article already in the library.

What JSON-LD processors read must mean what we wrote: headings (and authors) are ordered
lists in the @context (`@container: @list`), each heading an object. The quote selector's
prefix and suffix hold at most 32 UTF-16 units of whole grapheme clusters, so Hypothesis's
matcher accepts them; spans never split a cluster. An import keeps each annotation's
`created`/`modified` as the times of its claim and highlight, and only `factdesk:checker`
names a claim's checker (`creator` is who made the annotation, not who checked the claim).
"""

from __future__ import annotations

import json
import re
import uuid
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from typing import Any

from sqlmodel import Session, select

from desktop import __version__
from desktop.core.anchoring import Anchor, anchor_span, context_end, context_start, reanchor
from desktop.core.errors import FactdeskError
from desktop.core.exporters.document import safe_url
from desktop.core.exporters.options import ExportOptions, Output
from desktop.core.models import NEUTRAL_COLOR, Article, Claim, Highlight, Source
from desktop.core.views import (
    ArticleReport,
    ArticleView,
    ClaimView,
    HighlightView,
    SourceLinkView,
)

ANNO_CONTEXT = "http://www.w3.org/ns/anno.jsonld"
NS = "urn:factdesk:vocab:"
# Order matters in headings and authors; a JSON-LD array is an unordered set unless the
# term says it is a list. Each heading is an object (paragraph index, level).
CONTEXT = [
    ANNO_CONTEXT,
    {
        "factdesk": NS,
        "factdesk:headings": {"@id": "factdesk:headings", "@container": "@list"},
        "factdesk:authors": {"@id": "factdesk:authors", "@container": "@list"},
    },
]
FORMAT_VERSION = 1
_UID = re.compile(r"[0-9a-f]{32}")
_LANGUAGE_OK = re.compile(r"[a-z]{2,3}(-[A-Za-z0-9-]+)?")


# --- identifiers and values ----------------------------------------------------------


def urn(uid: str) -> str:
    """The `urn:uuid:` IRI of a Factdesk uid (32 hex digits)."""
    try:
        return uuid.UUID(hex=uid).urn
    except ValueError:
        return f"{NS}{uid}"


def uid_of(iri: Any, *, salt: str = "") -> str:
    """The Factdesk uid behind an IRI: ours for `urn:uuid:`, a stable derived one otherwise.

    Deriving (uuid5) rather than inventing means importing a foreign file twice finds the
    annotations of the first import again instead of duplicating them.
    """
    text = str(iri or "")
    if text.startswith(NS):
        return text[len(NS) :][:32]
    if text.lower().startswith("urn:uuid:"):
        try:
            return uuid.UUID(text[9:]).hex
        except ValueError:
            pass
    return uuid.uuid5(uuid.NAMESPACE_URL, text + salt).hex


def stamp(moment: datetime) -> str:
    """An xsd:dateTime in UTC; SQLite hands back naive datetimes, which are UTC here."""
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def target_source(article: ArticleView) -> str:
    return article.url if safe_url(article.url) else urn(article.uid)


def _compact(obj: dict) -> dict:
    """Drop empty values, so the output says only what is known."""
    return {k: v for k, v in obj.items() if v not in ("", None, [], {})}


def _iso(value: date | None) -> str | None:
    return value.isoformat() if value else None


# --- export --------------------------------------------------------------------------


def _article_description(article: ArticleView) -> dict:
    described = {
        "id": target_source(article),
        "type": "Text",
        "format": "text/plain",
        "factdesk:uid": article.uid,
        "factdesk:title": article.title,
        "factdesk:outlet": article.outlet,
        "factdesk:authors": list(article.authors),
        "factdesk:url": article.url,
        "factdesk:published": _iso(article.published),
        "factdesk:headings": [
            {"factdesk:paragraph": index, "factdesk:level": level}
            for index, level in article.headings
        ],
        "factdesk:sourceName": article.source_name,
        "factdesk:text": article.text,
    }
    if _LANGUAGE_OK.fullmatch(article.language or ""):
        described["language"] = article.language
    return _compact(described) | {"factdesk:text": article.text}


def _described(report: ArticleReport) -> dict:
    """The article's description; one that changed says which version its text is (the
    newest, which the selectors point into) and when that version was retrieved."""
    described = _article_description(report.article)
    if report.versions is not None:
        described["factdesk:version"] = report.versions.count
        described["factdesk:versionDate"] = stamp(report.versions.newest_at)
    return described


def _source_body(link: SourceLinkView) -> dict:
    body = {
        "type": "SpecificResource",
        "purpose": "linking",
        "source": link.url if safe_url(link.url) else urn(link.uid),
    }
    if link.excerpt:
        body["selector"] = {"type": "TextQuoteSelector", "exact": link.excerpt}
    body |= _compact(
        {
            "factdesk:uid": link.uid,
            "factdesk:title": link.title,
            "factdesk:publisher": link.publisher,
            "factdesk:author": link.author,
            "factdesk:published": _iso(link.published),
            "factdesk:accessed": _iso(link.accessed),
            "factdesk:archiveUrl": link.archive_url,
            "factdesk:notes": link.notes,
            "factdesk:stance": link.stance,
            "factdesk:url": link.url,
        }
    )
    return body


def _bodies(claim: ClaimView, options: ExportOptions) -> list[dict]:
    bodies = []
    if claim.text:
        bodies.append(
            {
                "type": "TextualBody",
                "purpose": "describing",
                "value": claim.text,
                "format": "text/plain",
            }
        )
    if claim.rating is not None:
        bodies.append(
            {
                "type": "TextualBody",
                "purpose": "assessing",
                "value": claim.rating.label,
                "format": "text/plain",
            }
        )
    if claim.rationale.strip():
        bodies.append(
            {
                "type": "TextualBody",
                "purpose": "commenting",
                "value": claim.rationale,
                "format": "text/markdown",
            }
        )
    for tag in claim.tags:
        bodies.append({"type": "TextualBody", "purpose": "tagging", "value": tag})
    if options.include_sources:
        bodies.extend(_source_body(s) for s in claim.sources)
    return bodies


def _claim_extension(claim: ClaimView) -> dict:
    rating = claim.rating
    return _compact(
        {
            "id": urn(claim.uid),
            "factdesk:text": claim.text,
            "factdesk:claimant": claim.claimant,
            "factdesk:claimantKind": claim.claimant_kind,
            "factdesk:claimDate": _iso(claim.claim_date),
            "factdesk:appearanceUrl": claim.appearance_url,
            "factdesk:status": claim.status,
            "factdesk:published": claim.published_at.isoformat() if claim.published_at else "",
            "factdesk:checker": claim.checker,
            "factdesk:rating": _compact(
                {
                    "factdesk:key": rating.key,
                    "factdesk:label": rating.label,
                    "factdesk:color": rating.color,
                    "factdesk:value": rating.value,
                }
            )
            if rating
            else None,
        }
    )


def _selected(text: str, h: HighlightView) -> Anchor:
    """The highlight's selectors, made afresh from the text where it is placed.

    Highlights stored by an earlier Factdesk may split a grapheme cluster or carry 32
    code points of context (up to 64 UTF-16 units); re-deriving from the text widens
    the span and trims the context. An orphan keeps its quote, its context trimmed.
    """
    if 0 <= h.start < h.end <= len(text) and text[h.start : h.end] == h.exact:
        return anchor_span(text, h.start, h.end)
    prefix = h.prefix[context_start(h.prefix, len(h.prefix)) :]
    suffix = h.suffix[: context_end(h.suffix, 0)]
    return Anchor(h.start, h.end, h.exact, prefix, suffix)


def annotations(report: ArticleReport, options: ExportOptions) -> list[dict]:
    """One Annotation per highlight of the article."""
    source = target_source(report.article)
    found = []
    for claim in report.claims:
        bodies = _bodies(claim, options)
        checker = claim.checker or options.checker_name
        for h in claim.highlights:
            where = _selected(report.article.text, h)
            quote = _compact(
                {
                    "type": "TextQuoteSelector",
                    "exact": where.exact,
                    "prefix": where.prefix,
                    "suffix": where.suffix,
                }
            )
            target: dict = {
                "type": "SpecificResource",
                "source": source,
                "selector": [
                    quote,
                    {"type": "TextPositionSelector", "start": where.start, "end": where.end},
                ],
            }
            if report.versions is not None:  # the text as retrieved then: a TimeState
                target["state"] = {
                    "type": "TimeState",
                    "sourceDate": stamp(report.versions.newest_at),
                }
            anno = {
                "id": urn(h.uid),
                "type": "Annotation",
                "motivation": "assessing" if claim.rating else "highlighting",
                "created": stamp(claim.created_at),
                "modified": stamp(claim.updated_at),
                "target": target,
                "factdesk:claim": _claim_extension(claim),
                "factdesk:anchor": h.anchor,
            }
            if checker:
                anno["creator"] = {"type": "Person", "name": checker}
            if bodies:
                anno["body"] = bodies
            found.append(anno)
    return found


def collection(reports: list[ArticleReport], options: ExportOptions) -> dict:
    """The AnnotationCollection of every highlight of the reports' articles."""
    items = [a for r in reports for a in annotations(r, options)]
    title = reports[0].article.title if len(reports) == 1 else f"{len(reports)} articles"
    return {
        "@context": CONTEXT,
        "id": uuid.uuid4().urn,
        "type": "AnnotationCollection",
        "label": f"Factdesk annotations: {title}",
        "created": stamp(options.exported_at),
        "total": len(items),
        "factdesk:formatVersion": FORMAT_VERSION,
        "factdesk:generator": f"Factdesk {__version__}",
        "factdesk:articles": [_described(r) for r in reports],
        "first": {
            "id": uuid.uuid4().urn,
            "type": "AnnotationPage",
            "startIndex": 0,
            "items": items,
        },
    }


def render(reports: list[ArticleReport], options: ExportOptions) -> Output:
    data = collection(reports, options)
    notes = []
    bare = [r.article.title or r.article.uid for r in reports if not safe_url(r.article.url)]
    if bare:
        notes.append(f"{len(bare)} article(s) without a URL are targeted by their urn:uuid")
    text = json.dumps(data, ensure_ascii=False, indent=2) + "\n"
    return Output(text.encode("utf-8"), notes)


# --- import --------------------------------------------------------------------------


@dataclass
class ImportResult:
    """What an import created, and what it found already there."""

    articles_created: list[int] = field(default_factory=list)
    articles_reused: list[int] = field(default_factory=list)
    claims_created: list[int] = field(default_factory=list)
    highlights_created: list[int] = field(default_factory=list)
    skipped: int = 0  # annotations whose highlight was already in the library
    notes: list[str] = field(default_factory=list)


def _list(value: Any) -> list:
    if value is None:
        return []
    return value if isinstance(value, list) else [value]


def _types(obj: Any) -> set[str]:
    if not isinstance(obj, dict):
        return set()
    return {t for t in _list(obj.get("type", obj.get("@type"))) if isinstance(t, str)}


def _read_items(data: Any) -> tuple[list[dict], list[dict]]:
    """(article descriptions, annotations) in a collection, a page, a list or one Annotation."""
    articles: list[dict] = []
    items: list[dict] = []

    def visit(obj: Any) -> None:
        if isinstance(obj, list):
            for o in obj:
                visit(o)
            return
        if not isinstance(obj, dict):
            return
        articles.extend(a for a in _list(obj.get("factdesk:articles")) if isinstance(a, dict))
        kinds = _types(obj)
        if "AnnotationCollection" in kinds:
            visit(obj.get("first"))
        elif "AnnotationPage" in kinds:
            items.extend(i for i in _list(obj.get("items")) if isinstance(i, dict))
        elif "Annotation" in kinds or "target" in obj:
            items.append(obj)

    visit(data)
    return articles, items


def _text(value: Any) -> str:
    return value if isinstance(value, str) else ""


def _uid(value: Any) -> str:
    """A uid from the file, only when it has the form Factdesk gives uids."""
    text = _text(value)
    return text if _UID.fullmatch(text) else ""


def _date(value: Any) -> date | None:
    try:
        return date.fromisoformat(value) if isinstance(value, str) and value else None
    except ValueError:
        return None


def _moment(value: Any) -> datetime | None:
    """An xsd:dateTime of the file in UTC, None when absent or not a date-time."""
    if not isinstance(value, str) or not value:
        return None
    try:
        moment = datetime.fromisoformat(value.strip())
    except ValueError:
        return None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone(UTC)


def _headings(value: Any) -> dict[int, int]:
    """Paragraph index → level, from `factdesk:headings` in any form we have written.

    Now a list of {"factdesk:paragraph", "factdesk:level"} objects; before, a list of
    [index, level] pairs; a JSON-LD processor may also hand back {"@list": [...]}.
    """
    if isinstance(value, dict) and "@list" in value:
        value = value["@list"]
    levels = {}
    for item in _list(value):
        if isinstance(item, dict):
            pair = [item.get("factdesk:paragraph"), item.get("factdesk:level")]
        else:
            pair = item
        if isinstance(pair, list) and len(pair) == 2 and all(_is_int(v) for v in pair):
            levels[pair[0]] = pair[1]
    return levels


def _is_int(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


class _Importer:
    """One import run inside one session (one transaction)."""

    def __init__(self, session: Session, name: str) -> None:
        self.session = session
        self.name = name
        self.result = ImportResult()
        self.articles: dict[str, int] = {}  # target source IRI → article id
        self.texts: dict[int, str] = {}
        self.claims: dict[str, int] = {}  # claim uid → claim id

    def fail(self, problem: str) -> FactdeskError:
        return FactdeskError(f"{self.name}: {problem}")

    # articles

    def add_article(self, described: dict) -> None:
        from desktop.core.articles import add_article
        from desktop.core.importers import ParsedArticle
        from desktop.core.text import PARAGRAPH_SEP

        source = _text(described.get("id"))
        text = _text(described.get("factdesk:text"))
        if not source or not text.strip():
            raise self.fail("an article description has no id or no text")
        parsed = ParsedArticle(
            paragraphs=text.split(PARAGRAPH_SEP),
            headings=_headings(described.get("factdesk:headings")),
            title=_text(described.get("factdesk:title")),
            outlet=_text(described.get("factdesk:outlet")),
            authors=[a for a in _authors(described.get("factdesk:authors")) if isinstance(a, str)],
            url=_text(described.get("factdesk:url")),
            published=_date(described.get("factdesk:published")),
            language=_text(described.get("language")),
            source_name=_text(described.get("factdesk:sourceName")) or self.name,
        )
        added = add_article(self.session, parsed)
        article = self.session.get(Article, added.article_id)
        wanted_uid = _uid(described.get("factdesk:uid"))
        if added.created:
            self.result.articles_created.append(added.article_id)
            taken = self.session.exec(select(Article.id).where(Article.uid == wanted_uid)).first()
            if wanted_uid and taken is None:
                article.uid = wanted_uid
                self.session.add(article)
        elif added.article_id not in self.result.articles_reused:
            self.result.articles_reused.append(added.article_id)
        self.articles[source] = added.article_id
        self.texts[added.article_id] = article.text

    def article_for(self, source: str) -> int:
        """The article a target source names: described in the file, or in the library."""
        if source in self.articles:
            return self.articles[source]
        article = None
        if safe_url(source):
            article = self.session.exec(select(Article).where(Article.url == source)).first()
        else:
            uid = uid_of(source)
            article = self.session.exec(select(Article).where(Article.uid == uid)).first()
        if article is None:
            raise self.fail(
                f"the text of {source} is not in the file and no article of the library has "
                "that address; import the article first"
            )
        self.articles[source] = article.id
        self.texts[article.id] = article.text
        if article.id not in self.result.articles_reused:
            self.result.articles_reused.append(article.id)
        return article.id

    # claims, highlights, sources

    def rating_id(self, label: str, ext: dict) -> int:
        from desktop.core.ratings import add_rating, ratings

        key = _text(ext.get("factdesk:key"))
        label = label or _text(ext.get("factdesk:label"))
        scale = ratings(self.session)
        for r in scale:
            if key and r.key == key:
                return r.id
        for r in scale:
            if r.label.casefold() == label.casefold():
                return r.id
        value = ext.get("factdesk:value")
        created = add_rating(
            self.session,
            label=label,
            color=_text(ext.get("factdesk:color")) or NEUTRAL_COLOR,
            value=value if isinstance(value, int) else None,
        )
        self.result.notes.append(f"added the verdict {label!r} to the rating scale")
        return created.id

    def claim_for(self, anno: dict, article_id: int, bodies: list[dict]) -> tuple[int, bool]:
        """The claim this annotation belongs to, created on first sight (id, created)."""
        from desktop.core.claims import update_claim

        ext = anno.get("factdesk:claim") if isinstance(anno.get("factdesk:claim"), dict) else {}
        uid = uid_of(ext.get("id")) if ext.get("id") else uid_of(anno.get("id"), salt="#claim")
        if uid in self.claims:
            return self.claims[uid], False
        existing = self.session.exec(select(Claim).where(Claim.uid == uid)).first()
        if existing is not None:
            self.claims[uid] = existing.id
            return existing.id, False

        def purpose(name: str) -> list[dict]:
            return [b for b in bodies if b.get("purpose") == name and "value" in b]

        described = purpose("describing")
        verdicts = purpose("assessing")
        comments = purpose("commenting")
        rating_ext = (
            ext.get("factdesk:rating") if isinstance(ext.get("factdesk:rating"), dict) else {}
        )
        verdict = _text(verdicts[0]["value"]) if verdicts else ""
        claim = Claim(article_id=article_id, uid=uid)
        self.session.add(claim)
        self.session.flush()
        changes = {
            "text": _text(ext.get("factdesk:text"))
            or (_text(described[0]["value"]) if described else ""),
            "claimant": _text(ext.get("factdesk:claimant"))[:300],
            "claimant_kind": _text(ext.get("factdesk:claimantKind")),
            "claim_date": _text(ext.get("factdesk:claimDate")),
            "appearance_url": _text(ext.get("factdesk:appearanceUrl")),
            "rationale": "\n\n".join(_text(c["value"]) for c in comments),
            "status": _text(ext.get("factdesk:status")) or "draft",
            # Only what the exporter wrote as the claim's checker: `creator` names who
            # made the annotation, often just whoever exported it.
            "checker": _text(ext.get("factdesk:checker")),
            "tags": [_text(b["value"]) for b in purpose("tagging")],
        }
        if verdict or rating_ext:
            changes["rating_id"] = self.rating_id(verdict, rating_ext)
        try:
            update_claim(self.session, claim.id, **changes)
        except FactdeskError as exc:
            raise self.fail(f"annotation {anno.get('id')}: {exc}") from exc
        for body in bodies:
            if body.get("purpose") == "linking" or _is_link(body):
                self.add_source(claim.id, body)
        # The claim's own times, not the import's: set last, after the writes above
        # have stamped it with now.
        created, modified = _moment(anno.get("created")), _moment(anno.get("modified"))
        if created or modified:
            claim.created_at = created or modified
            claim.updated_at = modified or created
        if claim.status == "published":  # published when it was, not when imported
            claim.published_at = _moment(ext.get("factdesk:published")) or claim.published_at
        self.session.add(claim)
        self.session.flush()
        self.claims[uid] = claim.id
        self.result.claims_created.append(claim.id)
        return claim.id, True

    def add_source(self, claim_id: int, body: dict) -> None:
        from desktop.core.sources import add_source, attach_source

        target = body.get("source", body.get("id"))
        iri = _text(target.get("id") if isinstance(target, dict) else target)
        url = _text(body.get("factdesk:url")) or (iri if safe_url(iri) else "")
        excerpt = ""
        for sel in _list(body.get("selector")):
            if isinstance(sel, dict) and "TextQuoteSelector" in _types(sel):
                excerpt = _text(sel.get("exact"))
        stance = _text(body.get("factdesk:stance")) or "context"
        uid = _uid(body.get("factdesk:uid"))
        known = self.session.exec(select(Source).where(Source.uid == uid)).first() if uid else None
        if known is not None:
            attach_source(self.session, claim_id, known.id, stance=stance, excerpt=excerpt)
            return
        values = {
            "url": url,
            "title": _text(body.get("factdesk:title")),
            "publisher": _text(body.get("factdesk:publisher")),
            "author": _text(body.get("factdesk:author")),
            "published": _text(body.get("factdesk:published")),
            "accessed": _text(body.get("factdesk:accessed")),
            "archive_url": _text(body.get("factdesk:archiveUrl")),
            "notes": _text(body.get("factdesk:notes")),
        }
        reused = url and self.session.exec(select(Source.id).where(Source.url == url)).first()
        try:
            source = add_source(self.session, claim_id, stance=stance, excerpt=excerpt, **values)
        except FactdeskError as exc:
            raise self.fail(f"source {iri}: {exc}") from exc
        if uid and not reused:
            source.uid = uid  # a new row: keep the exported identity (free, checked above)
            self.session.add(source)

    def add_annotation(self, anno: dict) -> None:
        target = next((t for t in _list(anno.get("target")) if t), None)
        if isinstance(target, str):
            raise self.fail(f"annotation {anno.get('id')} targets a whole resource, not a quote")
        if not isinstance(target, dict):
            raise self.fail(f"annotation {anno.get('id')} has no target")
        source = target.get("source")
        source = _text(source.get("id") if isinstance(source, dict) else source)
        article_id = self.article_for(source)
        text = self.texts[article_id]
        position, quote = {}, {}
        for sel in _list(target.get("selector")):
            kinds = _types(sel)
            if "TextPositionSelector" in kinds:
                position = sel
            elif "TextQuoteSelector" in kinds:
                quote = sel
        start, end = position.get("start"), position.get("end")
        exact = _text(quote.get("exact"))
        if not isinstance(start, int) or not isinstance(end, int):
            start = end = -1
        if not exact and 0 <= start < end <= len(text):
            exact = text[start:end]
        if not exact:
            raise self.fail(f"annotation {anno.get('id')} has neither a quote nor a position")
        uid = uid_of(anno.get("id"))
        if self.session.exec(select(Highlight.id).where(Highlight.uid == uid)).first() is not None:
            self.result.skipped += 1
            return
        old = Anchor(start, end, exact, _text(quote.get("prefix")), _text(quote.get("suffix")))
        placement = reanchor(text, old)
        bodies = [b for b in _list(anno.get("body")) if isinstance(b, dict)]
        claim_id, _ = self.claim_for(anno, article_id, bodies)
        where = placement.anchor or old
        highlight = Highlight(
            uid=uid,
            article_id=article_id,
            claim_id=claim_id,
            start=max(0, where.start),
            end=max(0, where.end),
            exact=where.exact,
            prefix=where.prefix,
            suffix=where.suffix,
            anchor=placement.method,
        )
        created, modified = _moment(anno.get("created")), _moment(anno.get("modified"))
        if created or modified:
            highlight.created_at = created or modified
            highlight.updated_at = modified or created
        self.session.add(highlight)
        self.session.flush()
        self.result.highlights_created.append(highlight.id)
        widened = (
            where.start <= start < end <= where.end and text[start:end] == exact != where.exact
        )
        if placement.method == "fuzzy" and widened:
            self.result.notes.append(
                f"highlight {highlight.id} ({exact[:40]!r}) split a character and was widened "
                "to whole characters; check it"
            )
        elif placement.method == "fuzzy":
            self.result.notes.append(
                f"highlight {highlight.id} ({exact[:40]!r}) was placed on similar text; check it"
            )
        elif placement.method == "orphan":
            self.result.notes.append(
                f"highlight {highlight.id} ({exact[:40]!r}) was not found in the text"
            )


def _authors(value: Any) -> list:
    if isinstance(value, dict) and "@list" in value:
        value = value["@list"]
    return _list(value)


def _is_link(body: dict) -> bool:
    """A body that is a bare external resource (what other tools use for a link)."""
    return "value" not in body and "purpose" not in body and isinstance(body.get("id"), str)


MAX_DEPTH = 64  # Web Annotation nests about 6 deep; JSON far deeper is hostile


def _nests_deeper(value: Any, limit: int) -> bool:
    """True when arrays and objects in `value` nest more than `limit` deep (a loop, not
    recursion: it is what keeps the walks over the document from recursing too far)."""
    stack = [(value, 1)]
    while stack:
        item, depth = stack.pop()
        children = item.values() if isinstance(item, dict) else item
        if depth > limit:
            return True
        stack.extend((child, depth + 1) for child in children if isinstance(child, dict | list))
    return False


def parse(data: bytes | str, name: str = "the file") -> Any:
    too_deep = f"{name}: is not a Web Annotation file (its JSON nests more than {MAX_DEPTH} deep)"
    try:
        document = json.loads(data)
    except RecursionError:  # json's own guard, deeper than about a thousand levels
        raise FactdeskError(too_deep) from None
    except (ValueError, UnicodeDecodeError) as exc:
        raise FactdeskError(f"{name}: is not JSON ({exc})") from exc
    if isinstance(document, dict | list) and _nests_deeper(document, MAX_DEPTH):
        raise FactdeskError(too_deep)
    return document


def import_annotations(session: Session, data: Any, *, name: str = "the file") -> ImportResult:
    """Add the articles, claims and highlights of a Web Annotation document to a library.

    `data` is the parsed JSON (see :func:`parse`). Articles are matched by content (the
    same text is never stored twice), claims and highlights by uid, so importing a file
    again creates nothing new.
    """
    if not isinstance(data, dict | list):
        raise FactdeskError(f"{name}: is not a Web Annotation document")
    articles, items = _read_items(data)
    if not articles and not items:
        raise FactdeskError(f"{name}: holds no Web Annotation")
    run = _Importer(session, name)
    for described in articles:
        run.add_article(described)
    for anno in items:
        run.add_annotation(anno)
    session.flush()
    return run.result
