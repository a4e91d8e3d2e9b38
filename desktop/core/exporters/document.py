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
from desktop.core.ratings import DEFAULT_RATINGS, NEUTRAL_COLOR
from desktop.core.text import paragraph_spans
from desktop.core.transcripts import TurnIndex, clock
from desktop.core.views import ArticleReport, ClaimView, RatingView

SAFE_SCHEMES = {"http", "https", "mailto"}
_HEX = re.compile(r"#?([0-9a-fA-F]{3}|[0-9a-fA-F]{6}|[0-9a-fA-F]{8})")
_CONTROL_OR_SPACE = re.compile(r"[\x00-\x20\x7f-\x9f]")
NBSP = "\u00a0"

# Reports speak their article's language: French for an article in French, English for
# any other (the two languages Factdesk is written in); ExportOptions.report_language
# overrides it. Only the words a report adds are translated: the checker's own text, the
# dates (ISO, unambiguous everywhere) and verdicts a user named stay as written. The
# machine formats (JSON, CSV columns, Web Annotation, ClaimReview) keep stored values.
REPORT_LANGUAGES = ("en", "fr")
STATUS_LABELS = {"draft": "Draft", "review": "In review", "published": "Published"}
# What a source's stance (models.STANCES) says to a reader; the machine formats (JSON,
# Web Annotation) keep the stored value.
STANCE_LABELS = {
    "supports": "Supports the claim",
    "refutes": "Refutes the claim",
    "context": "Gives context",
}
UNRATED_LABEL = "Not rated"
_FRENCH = {
    # statuses and stances
    "Draft": "Brouillon",
    "In review": "En relecture",
    "Published": "Publié",
    "Supports the claim": "Confirme l’affirmation",
    "Refutes the claim": "Réfute l’affirmation",
    "Gives context": "Donne du contexte",
    # the shipped rating scale (as desktop/ui/i18n.py's rating_label shows it)
    "Not rated": "Non évalué",
    "True": "Vrai",
    "Mostly true": "Plutôt vrai",
    "Mixed": "Mitigé",
    "Misleading": "Trompeur",
    "Mostly false": "Plutôt faux",
    "False": "Faux",
    "Unverifiable": "Invérifiable",
    # claimant kinds
    "person": "personne",
    "organization": "organisation",
    # headings, labels and notes
    "Fact-check report": "Rapport de vérification",
    "Fact-check report: {n} articles": f"Rapport de vérification{NBSP}: {{n}} articles",
    "Untitled article": "Article sans titre",
    "Untitled source": "Source sans titre",
    "Article": "Article",
    "By {names}": "Par {names}",
    "Checked by {name}": "Vérifié par {name}",
    "checked by {name}": "vérifié par {name}",
    "Exported {date}": "Exporté le {date}",
    "exported {date}": "exporté le {date}",
    "Made with Factdesk": "Réalisé avec Factdesk",
    "Page {n} of {total}": "Page {n} sur {total}",
    "Verdicts": "Verdicts",
    "All verdicts": "Tous les verdicts",
    "{n} claim": "{n} affirmation",
    "{n} claims": "{n} affirmations",
    "{n} article": "{n} article",
    "{n} articles": "{n} articles",
    "No claims yet.": "Aucune affirmation pour l’instant.",
    "Annotated text": "Texte annoté",
    "Claims": "Affirmations",
    "Claim {numbers}": "Affirmation {numbers}",
    "Quote": "Citation",
    "Claimant": "Auteur",
    "at {time}": "à {time}",
    "Time in the recording": "Moment de l’enregistrement",
    "Claim date": "Date de l’affirmation",
    "Appeared at": "Parue sur",
    "Verdict": "Verdict",
    "Status": "Statut",
    "Checker": "Vérifié par",
    "Rationale": "Analyse",
    "Sources": "Sources",
    "Archive": "Archive",
    "Captured {date} · SHA-256 {sha256}": "Capturée le {date} · SHA-256 {sha256}",
    "Captured {date} (the page answered {status}) · SHA-256 {sha256}": (
        "Capturée le {date} (la page a répondu {status}) · SHA-256 {sha256}"
    ),
    "Tags": "Mots-clés",
    "Outlet": "Média",
    "Authors": "Auteurs",
    "URL": "Adresse",
    "Warning": "Attention",
    "{n} highlight of this claim could not be found in the current text.": (
        "{n} passage surligné de cette affirmation est introuvable dans le texte actuel."
    ),
    "{n} highlights of this claim could not be found in the current text.": (
        "{n} passages surlignés de cette affirmation sont introuvables dans le texte actuel."
    ),
    # Article versions (desktop.core.versions; see version_note below)
    "Checked against the version of {date}, the newest of {n}.": (
        "Vérifiée sur la version du {date}, la plus récente des {n}."
    ),
    "Checked against the version of {date}; the article changed on {dates}.": (
        f"Vérifiée sur la version du {{date}}{NBSP}; l’article a changé le {{dates}}."
    ),
    "{first} and {last}": "{first} et {last}",
    "Highlighted then: {old}; now: {new}": (
        f"Passage surligné alors{NBSP}: {{old}}{NBSP}; aujourd’hui{NBSP}: {{new}}"
    ),
    "Highlighted then: {old}; not found in the newest version": (
        f"Passage surligné alors{NBSP}: {{old}}{NBSP}; introuvable dans la version la plus récente"
    ),
}


def report_language(article_language: str, setting: str = "") -> str:
    """The language of a report's labels: `setting` when it is "fr" or "en", else the
    article's own ("fr", "fr-CA", "FR_be" → "fr"; anything else → "en")."""
    if setting in REPORT_LANGUAGES:
        return setting
    primary = re.split(r"[-_]", (article_language or "").strip().lower(), maxsplit=1)[0]
    return "fr" if primary == "fr" else "en"


@dataclass(frozen=True)
class Labels:
    """The words a report adds, in one language: `L("Claimant")`, `L.count("claim", n)`,
    `L.colon("Verdict")` ("Verdict:" in English, "Verdict :" in French)."""

    language: str = "en"

    def __call__(self, text: str, **values) -> str:
        if self.language == "fr":
            text = _FRENCH.get(text, text)
        return text.format(**values) if values else text

    def count(self, noun: str, n: int) -> str:
        """A count and its noun: "3 claims", "1 claim" (French: "0 affirmation")."""
        singular = n == 1 or (self.language == "fr" and n == 0)
        return self(f"{{n}} {noun}" if singular else f"{{n}} {noun}s", n=n)

    @property
    def sep(self) -> str:
        """A colon after a label: French puts a no-break space before it."""
        return f"{NBSP}:" if self.language == "fr" else ":"

    def colon(self, label: str) -> str:
        """A label in words and its colon: "Verdict:", "Verdict :"."""
        return self(label) + self.sep

    def status(self, status: str) -> str:
        return self(STATUS_LABELS.get(status, status))

    def stance(self, stance: str) -> str:
        """A source's stance in words; an unknown value is shown as stored."""
        return self(STANCE_LABELS[stance]) if stance in STANCE_LABELS else stance

    def kind(self, claimant_kind: str) -> str:
        return self(claimant_kind)

    def unplaced(self, n: int) -> str:
        noun = "highlight" if n == 1 else "highlights"
        return self(f"{{n}} {noun} of this claim could not be found in the current text.", n=n)


ENGLISH = Labels("en")
FRENCH = Labels("fr")


def labels_for(language: str) -> Labels:
    return FRENCH if language == "fr" else ENGLISH


def stance_label(stance: str, language: str = "en") -> str:
    """A source's stance in words; an unknown value is shown as stored."""
    return labels_for(language).stance(stance)


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
    language: str = "en"  # of the report's labels
    capture: object | None = None  # the latest capture (captures.CaptureInfo), if any

    @property
    def stance_label(self) -> str:
        """The stance in words, for readers: "Refutes the claim"."""
        return stance_label(self.stance, self.language)

    @property
    def captured(self) -> str:
        """ "Captured 2026-11-29 14:03 UTC · SHA-256 …", so a reader can check the copy
        kept; "" for a source never captured."""
        c = self.capture
        if c is None:
            return ""
        when = c.retrieved_at.strftime("%Y-%m-%d %H:%M UTC")
        L = labels_for(self.language)
        if c.gone:
            text = "Captured {date} (the page answered {status}) · SHA-256 {sha256}"
            return L(text, date=when, status=c.status, sha256=c.sha256)
        return L("Captured {date} · SHA-256 {sha256}", date=when, sha256=c.sha256)


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
    language: str = "en"  # of the report's labels
    rating_id: int | None = None  # what the verdict counts group by
    # In a transcript: who speaks where the claim's first highlight starts, and when.
    speaker: str = ""
    time_ms: int | None = None
    # An article that changed: which version the verdict was reached on, and the
    # highlighted passages whose words changed since ("" and () otherwise).
    version_note: str = ""
    version_changes: tuple[str, ...] = ()

    @property
    def anchor_id(self) -> str:
        return f"claim-{self.uid}"

    @property
    def clock(self) -> str:
        """When the claim was said, as reports cite it: "00:12:31"; "" for no time."""
        return clock(self.time_ms)

    @property
    def said_at(self) -> str:
        """What follows the claimant: "at 00:12:31" ("à 00:12:31"); "" for no time."""
        return labels_for(self.language)("at {time}", time=self.clock) if self.clock else ""

    @property
    def status_label(self) -> str:
        return labels_for(self.language).status(self.status)

    @property
    def claimant_kind_label(self) -> str:
        """The claimant's kind ("person", "organization") in the report's language."""
        return labels_for(self.language).kind(self.claimant_kind)


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
    """One article's part of a report.

    `language` is the article's own (the `lang` of its text); `labels` speak the report's
    language for it (see report_language). When the text opens with the title line,
    that line is `title_block` (with its highlights) and not in `blocks`: a report shows
    the title once, as its heading.
    """

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
    labels: Labels = ENGLISH
    title_block: Block | None = None

    @property
    def heading(self) -> str:
        """The title as shown: the title line of the text when there is one."""
        if self.title_block is not None:
            return self.title_block.text
        return self.title or self.labels("Untitled article")


@dataclass
class ReportDocument:
    """The whole report; its own words (masthead, overall summary, page footer) speak
    the setting's language, else the first article's."""

    articles: list[ArticleItem]
    options: ExportOptions
    organization_href: str | None = None
    counts: list[Count] = field(default_factory=list)
    labels: Labels = ENGLISH
    # The summary page's charts (desktop.core.charts), for a period or several articles.
    charts: list = field(default_factory=list)

    @property
    def has_summary(self) -> bool:
        """A period report, or a report of several articles, opens with a summary."""
        return len(self.articles) > 1 or self.options.period is not None

    @property
    def title(self) -> str:
        if self.options.period is not None:
            from desktop.core.exporters.insights import period_title

            return period_title(self.options.period, self.labels)
        if len(self.articles) == 1:
            return self.articles[0].title or self.labels("Fact-check report")
        return self.labels("Fact-check report: {n} articles", n=len(self.articles))

    @property
    def claim_total(self) -> int:
        return sum(len(a.claims) for a in self.articles)


_SHIPPED = {key: label for key, label, _color, _value in DEFAULT_RATINGS}


def verdict_of(rating: RatingView | None, labels: Labels = ENGLISH) -> Verdict:
    """A claim's verdict as a report shows it. A rating of the shipped scale still under
    its shipped name speaks the report's language (as the window shows it in the user's:
    desktop/ui/i18n.py's rating_label); a verdict the user named stays as named."""
    if rating is None:
        return Verdict(labels(UNRATED_LABEL), NEUTRAL_COLOR)
    label = rating.label
    if rating.key and _SHIPPED.get(rating.key) == label:
        label = labels(label)
    return Verdict(label, safe_color(rating.color), rating.value)


def _source(link, language: str = "en", capture=None) -> SourceItem:
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
        language=language,
        capture=capture,
    )


def claim_item(
    number: int,
    claim: ClaimView,
    options: ExportOptions,
    labels: Labels = ENGLISH,
    turns: TurnIndex | None = None,
    captures: dict | None = None,
    versions=None,
) -> ClaimItem:
    placed = [h.start for h in claim.highlights if h.anchor != "orphan"]
    turn = turns.at(min(placed)) if turns is not None and placed else None
    note = versions.claims.get(claim.id) if versions is not None else None
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
        verdict=verdict_of(claim.rating, labels),
        rated=claim.rating is not None,
        status=claim.status,
        checker=claim.checker or options.checker_name,
        rationale=claim.rationale,
        tags=claim.tags,
        sources=(
            tuple(
                _source(s, labels.language, (captures or {}).get(s.source_id))
                for s in claim.sources
            )
            if options.include_sources
            else ()
        ),
        unplaced=sum(1 for h in claim.highlights if h.anchor == "orphan"),
        language=labels.language,
        rating_id=claim.rating.id if claim.rating is not None else None,
        speaker=turn[0] if turn else "",
        time_ms=turn[1] if turn else None,
        version_note=version_note(note, labels) if note is not None else "",
        version_changes=version_changes(note, labels) if note is not None else (),
    )


def version_note(note, labels: Labels = ENGLISH) -> str:
    """ "Checked against the version of 2026-11-20; the article changed on 2026-11-25."
    for a claim of an article that changed (desktop.core.versions.ClaimVersionNote)."""
    checked = note.checked_at.date().isoformat()
    if not note.changed_on:
        return labels(
            "Checked against the version of {date}, the newest of {n}.", date=checked, n=note.count
        )
    days = list(dict.fromkeys(d.date().isoformat() for d in note.changed_on))
    dates = (
        days[0]
        if len(days) == 1
        else labels("{first} and {last}", first=", ".join(days[:-1]), last=days[-1])
    )
    return labels(
        "Checked against the version of {date}; the article changed on {dates}.",
        date=checked,
        dates=dates,
    )


def version_changes(note, labels: Labels = ENGLISH) -> tuple[str, ...]:
    """Each highlighted passage whose words changed since the checked version: then and
    now, in guillemets."""
    lines = []
    for old, new in note.passages:
        if new:
            lines.append(
                labels("Highlighted then: {old}; now: {new}", old=quoted(old), new=quoted(new))
            )
        else:
            lines.append(
                labels("Highlighted then: {old}; not found in the newest version", old=quoted(old))
            )
    return tuple(lines)


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


def count_verdicts(
    claims: list[ClaimItem], ratings: list[RatingView], labels: Labels = ENGLISH
) -> list[Count]:
    """Claims per verdict in the scale's order, then any off-scale verdict, then unrated.

    Counted by rating, so the claims of articles in different languages add up; an
    off-scale verdict shows as its claims show it."""
    counter = Counter(c.rating_id for c in claims)
    counts = [Count(verdict_of(r, labels), counter.pop(r.id)) for r in ratings if r.id in counter]
    unrated = counter.pop(None, 0)
    shown = {c.rating_id: c.verdict for c in claims}
    counts += [Count(shown[rating_id], n) for rating_id, n in counter.items()]
    if unrated:
        counts.append(Count(verdict_of(None, labels), unrated))
    return counts


def _same_words(a: str, b: str) -> bool:
    return " ".join(a.split()) == " ".join(b.split())


def article_item(report: ArticleReport, options: ExportOptions) -> ArticleItem:
    a = report.article
    labels = labels_for(report_language(a.language, options.report_language))
    turns = TurnIndex.of(a.text, a.turns)
    claims = [
        claim_item(n, c, options, labels, turns, report.captures, report.versions)
        for n, c in enumerate(report.claims, start=1)
    ]
    spans = [
        (h.start, h.end, item.number, item.verdict.color)
        for item, claim in zip(claims, report.claims, strict=True)
        for h in claim.highlights
        if h.anchor != "orphan" and 0 <= h.start < h.end <= len(a.text)
    ]
    blocks = blocks_of(a.text, a.headings, spans) if options.include_text else []
    title_block = None
    if blocks and a.title.strip() and _same_words(blocks[0].text, a.title):
        title_block = blocks.pop(0)
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
        counts=count_verdicts(claims, report.ratings, labels),
        unrated=sum(1 for c in claims if not c.rated),
        labels=labels,
        title_block=title_block,
    )


def build(reports: list[ArticleReport], options: ExportOptions) -> ReportDocument:
    """The report document of one or several articles."""
    articles = [article_item(r, options) for r in reports]
    every = [c for a in articles for c in a.claims]
    labels = articles[0].labels if articles else labels_for(options.report_language)
    doc = ReportDocument(
        articles=articles,
        options=options,
        organization_href=safe_url(options.organization_url),
        counts=count_verdicts(every, reports[0].ratings if reports else [], labels),
        labels=labels,
    )
    if doc.has_summary:
        from desktop.core.exporters.insights import summary_charts

        doc.charts = summary_charts(reports, labels, options.period)
    return doc
