"""Reference fact-checks (issue 14): other newsrooms' published checks, imported so a
checker can see that a claim was checked already.

Accepted files: schema.org ClaimReview JSON-LD (one object, an array, an `@graph`, a
`DataFeed` of `dataFeedElement` items), HTML pages carrying it in
`<script type="application/ld+json">` (read with the stdlib parser: nothing is run or
fetched), the JSON of the Google Fact Check Tools API (`claims[].claimReview[]`), and
CSV with a header row (CSV_COLUMNS lists the names accepted).

A check is identified by its review URL: one already in the library is counted, not
added again. All the files of one import are read and parsed before anything is
written, then stored in one transaction: a bad file leaves the library unchanged.
"""

from __future__ import annotations

import csv
import io
import json
import os
import re
from dataclasses import dataclass, fields
from datetime import date
from html.parser import HTMLParser
from pathlib import Path

from sqlalchemy import select

from desktop.core.errors import ImportFailed
from desktop.core.importers import MAX_FILE_BYTES, size_text, too_large

# CSV header names accepted for each field (compared without case, spaces, _ or -).
CSV_COLUMNS = {
    "review_url": ("url", "reviewurl", "claimreviewurl"),
    "claim_text": ("claim", "claimtext", "claimreviewed", "text"),
    "claimant": ("claimant", "claimauthor"),
    "claim_date": ("claimdate",),
    "rating": ("rating", "textualrating", "verdict", "ratingtext"),
    "publisher": ("publisher", "publishername"),
    "headline": ("headline", "title"),
    "language": ("language", "languagecode", "lang", "inlanguage"),
    "review_date": ("reviewdate", "datepublished"),
}
# Column sizes of ReferenceCheck: longer values are cut, not refused.
_MAX = {
    "claimant": 500,
    "rating": 500,
    "publisher": 500,
    "headline": 2000,
    "language": 20,
    "claim_text": 100_000,
}
_MAX_URL = 2000
_DATE = re.compile(r"\s*(\d{4})-(\d{2})-(\d{2})")


@dataclass
class FactCheck:
    """One published check, as read from a file."""

    review_url: str
    claim_text: str = ""
    claimant: str = ""
    claim_date: date | None = None
    rating: str = ""
    publisher: str = ""
    headline: str = ""
    language: str = ""
    review_date: date | None = None


@dataclass
class ImportCounts:
    """What one file brought: checks added, and checks the library held already."""

    added: int = 0
    existing: int = 0


# --- reading files ----------------------------------------------------------------------


def read_file(path: str | os.PathLike) -> list[FactCheck]:
    """The checks in one file; ImportFailed (naming it) when it holds none or cannot be
    read. Only a regular file of at most MAX_FILE_BYTES is opened (as for articles)."""
    from desktop.core.regular_file import NotReadable, read_regular, special_file_problem

    name = os.fspath(path)
    path = Path(path)
    if path.is_dir():
        raise ImportFailed(name, "is a folder, not a file")
    problem = special_file_problem(path)
    if problem is not None:
        raise ImportFailed(name, problem)
    try:
        data = read_regular(path, MAX_FILE_BYTES)
    except NotReadable as exc:
        if exc.size is None:
            raise ImportFailed(name, exc.problem) from None
        if exc.grew:
            problem = f"holds more than {size_text(MAX_FILE_BYTES)}, the most Factdesk imports"
        else:
            problem = too_large(exc.size, MAX_FILE_BYTES, "imports files", "split it first")
        raise ImportFailed(name, problem) from None
    return parse_bytes(data, name, suffix=path.suffix.lower())


def parse_bytes(data: bytes, name: str, *, suffix: str = "") -> list[FactCheck]:
    """The checks in a file's bytes; the kind is told by extension, else by content."""
    if not data.strip():
        raise ImportFailed(name, "is empty")
    if b"\x00" in data:
        raise ImportFailed(name, "is a binary file, not JSON, HTML or CSV")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise ImportFailed(name, "is not UTF-8 text (JSON, HTML or CSV)") from None
    start = text.lstrip()[:1]
    if suffix in (".json", ".jsonld") or (
        suffix not in (".csv", ".tsv", ".html", ".htm") and start in "{["
    ):
        checks = _from_json_text(text, name)
    elif suffix in (".html", ".htm") or start == "<":
        checks = _from_html(text, name)
    else:
        checks = _from_csv(text, name)
    return _unique(checks)


def _unique(checks: list[FactCheck]) -> list[FactCheck]:
    seen: dict[str, FactCheck] = {}
    for check in checks:
        seen.setdefault(check.review_url, check)
    return list(seen.values())


def _from_json_text(text: str, name: str) -> list[FactCheck]:
    try:
        document = json.loads(text)
    except (ValueError, RecursionError) as exc:
        where = f" (line {exc.lineno})" if isinstance(exc, json.JSONDecodeError) else ""
        raise ImportFailed(name, f"is not valid JSON{where}") from None
    checks = list(_walk(document))
    if not checks:
        raise ImportFailed(
            name,
            "holds no ClaimReview with a review URL (nor Fact Check Tools API claims)",
        )
    return checks


class _JsonLdScripts(HTMLParser):
    """Collects the text of <script type="application/ld+json"> elements, nothing else."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.scripts: list[str] = []
        self._inside = False

    def handle_starttag(self, tag, attrs) -> None:
        if tag == "script":
            kind = (dict(attrs).get("type") or "").split(";")[0].strip().lower()
            self._inside = kind == "application/ld+json"
            if self._inside:
                self.scripts.append("")

    def handle_endtag(self, tag) -> None:
        if tag == "script":
            self._inside = False

    def handle_data(self, data) -> None:
        if self._inside:
            self.scripts[-1] += data


def _from_html(text: str, name: str) -> list[FactCheck]:
    reader = _JsonLdScripts()
    reader.feed(text)
    reader.close()
    checks: list[FactCheck] = []
    for script in reader.scripts:
        try:
            checks.extend(_walk(json.loads(script)))
        except (ValueError, RecursionError):
            continue  # a broken block among others: the rest still count
    if not checks:
        raise ImportFailed(name, "holds no ClaimReview JSON-LD with a review URL")
    return checks


def _walk(document) -> list[FactCheck]:
    """Every ClaimReview (and API claim) anywhere in a JSON document, in order; walked
    with a stack, so deep nesting cannot exhaust Python's recursion."""
    found: list[FactCheck] = []
    stack = [document]
    while stack:
        node = stack.pop()
        if isinstance(node, list):
            stack.extend(reversed(node))
        elif isinstance(node, dict):
            if "ClaimReview" in _types(node):
                check = _from_claimreview(node)
                if check is not None:
                    found.append(check)
            elif isinstance(node.get("claimReview"), list) and "@type" not in node:
                found.extend(_from_api_claim(node))
            else:
                stack.extend(reversed(list(node.values())))
    return found


def _types(node: dict) -> list[str]:
    kind = node.get("@type", [])
    kinds = kind if isinstance(kind, list) else [kind]
    return [k.rsplit("/", 1)[-1] for k in kinds if isinstance(k, str)]


def _text(value, limit: int = 100_000) -> str:
    """A plain string from a JSON value: a string, a number, or the name of an object."""
    if isinstance(value, list):
        value = next((v for v in value if v), "")
    if isinstance(value, dict):
        value = value.get("name") or value.get("alternateName") or ""
    if isinstance(value, bool) or value is None:
        return ""
    if isinstance(value, int | float):
        value = str(value)
    if not isinstance(value, str):
        return ""
    value = value.encode("utf-8", "replace").decode("utf-8")  # lone surrogates ("\\ud800")
    return " ".join(value.replace("\x00", "").split())[:limit]


def _date(value) -> date | None:
    m = _DATE.match(_text(value)) if value else None
    if not m:
        return None
    try:
        return date(int(m[1]), int(m[2]), int(m[3]))
    except ValueError:
        return None


def _url(value) -> str:
    url = _text(value, _MAX_URL + 1)
    if len(url.encode()) > _MAX_URL or not re.match(r"https?://\S+$", url, re.IGNORECASE):
        return ""
    return url


def _make(url: str, **values) -> FactCheck | None:
    if not url:
        return None
    for key, limit in _MAX.items():
        if key in values:
            values[key] = (values[key] or "")[:limit]
    return FactCheck(review_url=url, **values)


def _from_claimreview(node: dict) -> FactCheck | None:
    item = node.get("itemReviewed")
    item = item[0] if isinstance(item, list) and item else item
    item = item if isinstance(item, dict) else {}
    rating = node.get("reviewRating")
    rating = rating if isinstance(rating, dict) else {}
    rating_text = _text(rating.get("alternateName")) or _text(rating.get("name"))
    if not rating_text and rating.get("ratingValue") is not None:
        rating_text = _text(rating.get("ratingValue"))
    return _make(
        _url(node.get("url")),
        claim_text=_text(node.get("claimReviewed")),
        claimant=_text(item.get("author")),
        claim_date=_date(item.get("datePublished")),
        rating=rating_text,
        publisher=_text(node.get("author")) or _text(node.get("publisher")),
        headline=_text(node.get("headline")) or _text(node.get("name")),
        language=_text(node.get("inLanguage")),
        review_date=_date(node.get("datePublished")),
    )


def _from_api_claim(node: dict) -> list[FactCheck]:
    """The Google Fact Check Tools API: a claim with one check per publisher."""
    found = []
    for review in node["claimReview"]:
        if not isinstance(review, dict):
            continue
        publisher = review.get("publisher")
        publisher = publisher if isinstance(publisher, dict) else {}
        check = _make(
            _url(review.get("url")),
            claim_text=_text(node.get("text")),
            claimant=_text(node.get("claimant")),
            claim_date=_date(node.get("claimDate")),
            rating=_text(review.get("textualRating")),
            publisher=_text(publisher.get("name")) or _text(publisher.get("site")),
            headline=_text(review.get("title")),
            language=_text(review.get("languageCode")),
            review_date=_date(review.get("reviewDate")),
        )
        if check is not None:
            found.append(check)
    return found


def _header_key(name: str) -> str:
    return re.sub(r"[\s_\-]", "", name or "").casefold()


def _from_csv(text: str, name: str) -> list[FactCheck]:
    first = text.lstrip().split("\n", 1)[0]
    delimiter = max((",", ";", "\t"), key=first.count)
    reader = csv.reader(io.StringIO(text), delimiter=delimiter)
    try:
        header = next(reader, [])
        wanted = {alias: f for f, aliases in CSV_COLUMNS.items() for alias in aliases}
        columns = {}
        for index, title in enumerate(header):
            field = wanted.get(_header_key(title))
            if field is not None and field not in columns:
                columns[field] = index
        if "review_url" not in columns or not {"claim_text", "headline"} & columns.keys():
            raise ImportFailed(
                name,
                "is not a fact-check CSV: its header needs a url column and a claim or "
                "headline column",
            )
        checks = []
        for row in reader:
            values = {f: (row[i] if i < len(row) else "") for f, i in columns.items()}
            url = _url(values.pop("review_url"))
            for key in ("claim_date", "review_date"):
                if key in values:
                    values[key] = _date(values[key])
            for key in values:
                if key not in ("claim_date", "review_date"):
                    values[key] = _text(values[key])
            check = _make(url, **values)
            if check is not None:
                checks.append(check)
    except csv.Error as exc:
        raise ImportFailed(name, f"is not readable CSV ({exc})") from None
    if not checks:
        raise ImportFailed(name, "holds no row with a review URL (http:// or https://)")
    return checks


# --- storing --------------------------------------------------------------------------


def add_checks(session, checks: list[FactCheck]) -> ImportCounts:
    """Add the checks whose review URL the library does not hold yet."""
    from desktop.core.models import ReferenceCheck

    counts = ImportCounts()
    urls = [c.review_url for c in checks]
    held: set[str] = set()
    for start in range(0, len(urls), 500):
        chunk = urls[start : start + 500]
        query = select(ReferenceCheck.review_url).where(ReferenceCheck.review_url.in_(chunk))
        held.update(session.execute(query).scalars())
    names = [f.name for f in fields(FactCheck)]
    for check in checks:
        if check.review_url in held:
            counts.existing += 1
            continue
        held.add(check.review_url)
        session.add(ReferenceCheck(**{n: getattr(check, n) for n in names}))
        counts.added += 1
    session.flush()
    return counts


def import_files(store, paths) -> list[tuple[str, ImportCounts]]:
    """Import fact-check files: every file is parsed before anything is written."""
    return store_checks(store, [(os.fspath(p), read_file(p)) for p in paths])


def store_checks(store, parsed) -> list[tuple[str, ImportCounts]]:
    """Store parsed files, [(name, checks)], in one transaction: all or nothing."""
    results = []
    with store.transaction() as session:
        for name, checks in parsed:
            results.append((name, add_checks(session, checks)))
    return results
