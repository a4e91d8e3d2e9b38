"""A saved web page's title, authors, outlet, date, canonical URL and declared language.

trafilatura reads them from the page's own markup (meta tags, JSON-LD, bylines). Big
pages are mostly inline scripts, styles and drawings: those are removed first, so the
metadata of an article further down (FAZ puts its JSON-LD 700 kB in) is still read, while
date detection's regular expressions never run over megabytes, which froze the window.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from datetime import date

# What is left of a page after its bulk is removed is read up to this length; every
# JSON-LD block is moved before the cut, wherever it was.
METADATA_CHARS = 300_000

# Removed before reading: none of it holds metadata, together it is most of a big page.
# JSON scripts stay: JSON-LD (and trafilatura's "settings+json") carry authors and dates.
_BULK = (
    "//script[not(contains(@type, 'json'))]|//style|//svg|//noscript|//template"
    "|//iframe|//comment()|//processing-instruction()"
)
# Company forms: an "author" ending so is the publisher, not a person.
_LEGAL_FORM = re.compile(
    r"\b(gmbh|ag|kg|se|ltd|limited|inc|llc|plc|corp|corporation|s\.?a\.?s?|sarl|s\.?p\.?a|"
    r"b\.?v|n\.?v|verlag|verlagsgruppe|mediengruppe|media group)\.?$",
    re.IGNORECASE,
)


@dataclass
class PageMeta:
    title: str = ""
    authors: list[str] = field(default_factory=list)
    outlet: str = ""
    url: str = ""
    published: date | None = None
    language: str = ""


def read(html: str) -> PageMeta:
    """The page's metadata; whatever cannot be read is left empty (it is a bonus)."""
    try:
        root = _metadata_tree(html)
    except Exception:  # lxml on markup it cannot parse; the text itself may still import
        return PageMeta()
    meta = PageMeta(language=_declared_language(root))
    publishers = _publishers(root)
    from trafilatura.metadata import extract_metadata

    try:
        found = extract_metadata(root)
    except Exception:
        return meta
    if found is None:
        return meta
    meta.title = str(found.title or "")
    meta.outlet = str(found.sitename or "")
    meta.url = str(found.url or "")
    meta.published = _date(found.date)
    names = [a.strip() for a in str(found.author or "").split(";") if a.strip()]
    meta.authors = _people(names, [meta.outlet, *publishers])
    return meta


def _metadata_tree(html: str):
    """The page parsed, without its bulk, cut to METADATA_CHARS after JSON-LD is moved up."""
    import lxml.html
    from lxml import etree

    root = lxml.html.document_fromstring(html)
    for node in root.xpath(_BULK):
        _remove(node)
    for el in root.iter():
        if el.text is not None and not el.text.strip():
            el.text = None
        if el.tail is not None and not el.tail.strip():
            el.tail = None
    text = etree.tostring(root, encoding="unicode")
    if len(text) <= METADATA_CHARS:
        return root
    head = root.find("head")
    if head is None:
        head = etree.Element("head")
        root.insert(0, head)
    for script in root.xpath("//body//script"):
        _remove(script)
        script.tail = None
        head.append(script)
    text = etree.tostring(root, encoding="unicode")
    return lxml.html.document_fromstring(text[:METADATA_CHARS])


def _remove(node) -> None:
    """Take a node out of the tree, keeping the text that follows it."""
    parent = node.getparent()
    if parent is None:
        return
    if node.tail:
        previous = node.getprevious()
        if previous is not None:
            previous.tail = (previous.tail or "") + node.tail
        else:
            parent.text = (parent.text or "") + node.tail
    parent.remove(node)


def _declared_language(root) -> str:
    """The language the page says it is in: <html lang>, then og:locale, then
    Content-Language (as an ISO 639-1 code, "" when none is declared)."""
    from desktop.core.language import language_tag

    candidates = [
        root.get("lang") or "",
        root.get("{http://www.w3.org/XML/1998/namespace}lang") or root.get("xml:lang") or "",
    ]
    candidates += root.xpath(
        "//meta[@property='og:locale' or @name='og:locale']/@content"
        "|//meta[translate(@http-equiv, 'CONTENTLAGU', 'contentlagu')='content-language']"
        "/@content"
        "|//meta[translate(@name, 'CONTENTLAGU', 'contentlagu')='content-language'"
        " or translate(@name, 'LANGUE', 'langue')='language']/@content"
    )
    for value in candidates:
        code = language_tag(str(value))
        if code:
            return code
    return ""


def _publishers(root) -> list[str]:
    """Names the page gives its publisher (meta tags, JSON-LD): authors to leave out."""
    names = [
        str(v)
        for v in root.xpath(
            "//meta[@name='publisher' or @property='og:site_name' or @name='application-name'"
            " or @name='copyright' or @name='dcterms.publisher']/@content"
        )
    ]
    for script in root.xpath("//script[contains(@type, 'json')]"):
        try:
            data = json.loads(script.text or "", strict=False)
        except (ValueError, RecursionError):
            continue
        names += _json_publishers(data, depth=0)
    return [n for n in (" ".join(n.split()) for n in names) if n]


def _json_publishers(data, depth: int) -> list[str]:
    if depth > 8:
        return []
    found: list[str] = []
    if isinstance(data, list):
        for item in data[:50]:
            found += _json_publishers(item, depth + 1)
    elif isinstance(data, dict):
        for key in ("publisher", "sourceOrganization", "copyrightHolder"):
            value = data.get(key)
            if isinstance(value, dict) and isinstance(value.get("name"), str):
                found.append(value["name"])
            elif isinstance(value, str):
                found.append(value)
        for key in ("@graph", "mainEntity", "mainEntityOfPage"):
            if key in data:
                found += _json_publishers(data[key], depth + 1)
    return found


def _people(names: list[str], publishers: list[str]) -> list[str]:
    """The authors that are people: the publisher named as author ("Frankfurter
    Allgemeine Zeitung GmbH" beside the two journalists) is left out when others remain,
    and kept alone, without its address, when it is the only author named."""
    orgs = [p.casefold() for p in publishers if len(p) >= 3]

    def organisation(name: str) -> bool:
        folded = name.casefold()
        if _LEGAL_FORM.search(name):
            return True
        return any(folded == org or folded.startswith(org + " ") for org in orgs)

    orgs_named = [n for n in names if organisation(n)]
    people = [n for n in names if not organisation(n)]
    if orgs_named and all(" " not in n for n in people):
        # "SPIEGEL ONLINE, Hamburg, Germany": one-word names after a publisher are its address
        people = []
    return people or orgs_named[:1] or names


def _date(value) -> date | None:
    try:
        return date.fromisoformat(str(value)[:10]) if value else None
    except ValueError:
        return None
