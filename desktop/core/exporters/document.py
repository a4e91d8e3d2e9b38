"""The report as every human-readable format sees it, built once from ArticleReports.

HTML, PDF, Markdown and DOCX all show the same things (numbered claims, the text cut
into runs at every highlight boundary, verdict counts); computing that here keeps the
renderers small and consistent. Everything user-controlled that reaches a style or a
link is made safe here: colours are reduced to `#rrggbb`, URLs to http/https/mailto.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from datetime import date
from urllib.parse import urlsplit

from desktop.core.contrast import best_ink
from desktop.core.exporters.options import ExportOptions
from desktop.core.ratings import NEUTRAL_COLOR
from desktop.core.text import paragraph_spans
from desktop.core.views import ArticleReport, ClaimView, RatingView

SAFE_SCHEMES = {"http", "https", "mailto"}
_HEX = re.compile(r"#?([0-9a-fA-F]{3}|[0-9a-fA-F]{6}|[0-9a-fA-F]{8})")
_CONTROL_OR_SPACE = re.compile(r"[\x00-\x20\x7f-\x9f]")
UNRATED_LABEL = "Not rated"
STATUS_LABELS = {"draft": "Draft", "review": "In review", "published": "Published"}
# What a source's stance (models.STANCES) says to a reader. Reports are written in English
# (like STATUS_LABELS); the machine formats (JSON, Web Annotation) keep the stored value.
STANCE_LABELS = {
    "supports": "Supports the claim",
    "refutes": "Refutes the claim",
    "context": "Gives context",
}


def stance_label(stance: str) -> str:
    """A source's stance in words; an unknown value is shown as stored."""
    return STANCE_LABELS.get(stance, stance)


def safe_url(url: str | None) -> str | None:
    """`url` if it is an http, https or mailto address, else None (javascript:, data:, …)."""
    url = (url or "").strip()
    if not url or _CONTROL_OR_SPACE.search(url):
        return None
    try:
        scheme = urlsplit(url).scheme.lower()
    except ValueError:
        return None
    return url if scheme in SAFE_SCHEMES else None


def safe_color(color: str | None) -> str:
    """A colour as `#rrggbb`; anything else (it could smuggle CSS) becomes neutral grey."""
    match = _HEX.fullmatch((color or "").strip())
    if match is None:
        return NEUTRAL_COLOR
    digits = match.group(1)
    if len(digits) == 3:
        digits = "".join(c * 2 for c in digits)
    return "#" + digits[:6].lower()


def quoted(text: str) -> str:
    """`text` in guillemets, unless it already opens with a quotation mark."""
    text = (text or "").strip()
    if not text or text[0] in "«“\"‘'„":
        return text
    return f"«\u00a0{text}\u00a0»"


def rgb(color: str) -> tuple[int, int, int]:
    c = safe_color(color)
    return int(c[1:3], 16), int(c[3:5], 16), int(c[5:7], 16)


def tint(color: str, alpha: float) -> str:
    """The colour laid at `alpha` opacity over white, as an opaque `#rrggbb` (for print)."""
    return "#" + "".join(f"{round(255 - (255 - v) * alpha):02x}" for v in rgb(color))


def ink_on(color: str) -> str:
    """Near-black or white, whichever has the higher WCAG 2 contrast on `color`: at
    least 4.5:1 on every default verdict colour (tests/test_verdict_colors.py)."""
    return best_ink(safe_color(color))


@dataclass(frozen=True)
class Verdict:
    label: str
    color: str  # safe #rrggbb
    value: int | None = None

    @property
    def ink(self) -> str:
        return ink_on(self.color)


UNRATED = Verdict(UNRATED_LABEL, NEUTRAL_COLOR)


@dataclass(frozen=True)
class SourceItem:
    title: str
    url: str  # as stored, shown as text
    href: str | None  # the same, only when safe to link
    publisher: str
    author: str
    published: date | None
    archive_url: str
    archive_href: str | None
    excerpt: str
    stance: str  # as stored: "supports", "refutes" or "context" (a CSS class in HTML)
    notes: str

    @property
    def stance_label(self) -> str:
        """The stance in words, for readers: "Refutes the claim"."""
        return stance_label(self.stance)


@dataclass(frozen=True)
class ClaimItem:
    """One claim card."""

    number: int
    uid: str
    text: str
    quote: str
    claimant: str
    claimant_kind: str
    claim_date: date | None
    appearance_url: str
    appearance_href: str | None
    verdict: Verdict
    rated: bool
    status: str
    checker: str
    rationale: str  # Markdown, as written
    tags: tuple[str, ...]
    sources: tuple[SourceItem, ...]
    unplaced: int  # highlights that could not be found in the current text

    @property
    def anchor_id(self) -> str:
        return f"claim-{self.uid}"

    @property
    def status_label(self) -> str:
        return STATUS_LABELS.get(self.status, self.status)


@dataclass(frozen=True)
class Run:
    """A stretch of a paragraph with the same highlights over it.

    `claims` are the numbers of the claims highlighting it (innermost last, whose colour
    it takes); `ends` are the claims whose highlight ends right after it, each shown as a
    numbered marker.
    """

    text: str
    claims: tuple[int, ...] = ()
    color: str | None = None
    ends: tuple[tuple[int, str], ...] = ()
    colors: tuple[str, ...] = ()  # of every claim over it, outermost first


@dataclass(frozen=True)
class Block:
    """A paragraph of the article; `level` > 0 for a heading (1 for the title line)."""

    level: int
    runs: tuple[Run, ...]

    @property
    def text(self) -> str:
        return "".join(r.text for r in self.runs)


@dataclass(frozen=True)
class Count:
    verdict: Verdict
    count: int


@dataclass
class ArticleItem:
    uid: str
    title: str
    outlet: str
    authors: tuple[str, ...]
    url: str
    href: str | None
    published: date | None
    language: str
    blocks: list[Block]
    claims: list[ClaimItem]
    counts: list[Count]
    unrated: int


@dataclass
class ReportDocument:
    articles: list[ArticleItem]
    options: ExportOptions
    organization_href: str | None = None
    counts: list[Count] = field(default_factory=list)

    @property
    def title(self) -> str:
        if len(self.articles) == 1:
            return self.articles[0].title or "Fact-check report"
        return f"Fact-check report: {len(self.articles)} articles"

    @property
    def claim_total(self) -> int:
        return sum(len(a.claims) for a in self.articles)


def verdict_of(rating: RatingView | None) -> Verdict:
    if rating is None:
        return UNRATED
    return Verdict(rating.label, safe_color(rating.color), rating.value)


def _source(link) -> SourceItem:
    return SourceItem(
        title=link.title,
        url=link.url,
        href=safe_url(link.url),
        publisher=link.publisher,
        author=link.author,
        published=link.published,
        archive_url=link.archive_url,
        archive_href=safe_url(link.archive_url),
        excerpt=link.excerpt,
        stance=link.stance,
        notes=link.notes,
    )


def claim_item(number: int, claim: ClaimView, options: ExportOptions) -> ClaimItem:
    return ClaimItem(
        number=number,
        uid=claim.uid,
        text=claim.text,
        quote=claim.quote,
        claimant=claim.claimant,
        claimant_kind=claim.claimant_kind,
        claim_date=claim.claim_date,
        appearance_url=claim.appearance_url,
        appearance_href=safe_url(claim.appearance_url),
        verdict=verdict_of(claim.rating),
        rated=claim.rating is not None,
        status=claim.status,
        checker=claim.checker or options.checker_name,
        rationale=claim.rationale,
        tags=claim.tags,
        sources=tuple(_source(s) for s in claim.sources) if options.include_sources else (),
        unplaced=sum(1 for h in claim.highlights if h.anchor == "orphan"),
    )


def blocks_of(text: str, headings, spans: list[tuple[int, int, int, str]]) -> list[Block]:
    """Cut the text into paragraphs and each paragraph into runs at highlight edges.

    `spans` are (start, end, claim number, colour). Overlapping highlights are allowed:
    a run under several takes the colour of the one that starts last (the innermost).
    """
    levels = dict(headings)
    blocks = []
    for index, (p_start, p_end) in enumerate(paragraph_spans(text)):
        inside = [s for s in spans if s[0] < p_end and s[1] > p_start]
        cuts = {p_start, p_end}
        for start, end, _, _ in inside:
            cuts.update((max(start, p_start), min(end, p_end)))
        edges = sorted(cuts)
        runs = []
        for a, b in zip(edges, edges[1:], strict=False):
            over = sorted((s for s in inside if s[0] <= a and s[1] >= b), key=lambda s: s[0])
            ends = tuple((s[2], s[3]) for s in sorted(inside, key=lambda s: s[2]) if s[1] == b)
            runs.append(
                Run(
                    text=text[a:b],
                    claims=tuple(s[2] for s in over),
                    color=over[-1][3] if over else None,
                    ends=ends,
                    colors=tuple(s[3] for s in over),
                )
            )
        blocks.append(Block(level=levels.get(index, 0), runs=tuple(runs)))
    return blocks


def count_verdicts(claims: list[ClaimItem], ratings: list[RatingView]) -> list[Count]:
    """Claims per verdict in the scale's order, then any off-scale verdict, then unrated."""
    counter = Counter(c.verdict for c in claims)
    ordered = [verdict_of(r) for r in ratings]
    counts = [Count(v, counter.pop(v)) for v in ordered if v in counter]
    counts += [Count(v, n) for v, n in counter.items() if v != UNRATED]
    if UNRATED in counter:
        counts.append(Count(UNRATED, counter[UNRATED]))
    return counts


def article_item(report: ArticleReport, options: ExportOptions) -> ArticleItem:
    a = report.article
    claims = [claim_item(n, c, options) for n, c in enumerate(report.claims, start=1)]
    spans = [
        (h.start, h.end, item.number, item.verdict.color)
        for item, claim in zip(claims, report.claims, strict=True)
        for h in claim.highlights
        if h.anchor != "orphan" and 0 <= h.start < h.end <= len(a.text)
    ]
    blocks = blocks_of(a.text, a.headings, spans) if options.include_text else []
    return ArticleItem(
        uid=a.uid,
        title=a.title,
        outlet=a.outlet,
        authors=a.authors,
        url=a.url,
        href=safe_url(a.url),
        published=a.published,
        language=a.language,
        blocks=blocks,
        claims=claims,
        counts=count_verdicts(claims, report.ratings),
        unrated=sum(1 for c in claims if not c.rated),
    )


def build(reports: list[ArticleReport], options: ExportOptions) -> ReportDocument:
    """The report document of one or several articles."""
    articles = [article_item(r, options) for r in reports]
    every = [c for a in articles for c in a.claims]
    return ReportDocument(
        articles=articles,
        options=options,
        organization_href=safe_url(options.organization_url),
        counts=count_verdicts(every, reports[0].ratings if reports else []),
    )
