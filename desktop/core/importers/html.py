"""Saved web pages: the article's main text and metadata, nothing executed or fetched.

trafilatura finds the main text (dropping menus, ads, comments) and reads the title,
author, date, site name and canonical URL from the page's own markup. It parses only
the bytes given: scripts are never run and images, iframes and stylesheets never
loaded. Where it finds no main text, a plain walk over the page's block elements
(scripts, styles and embeds removed) is used instead.
"""

from __future__ import annotations

from datetime import date

from desktop.core.errors import ImportFailed
from desktop.core.importers import ParsedArticle

_BLOCKS = ("h1", "h2", "h3", "h4", "h5", "h6", "p", "li", "blockquote", "pre", "td")
_DROP = (
    "script",
    "style",
    "noscript",
    "iframe",
    "template",
    "svg",
    "nav",
    "header",
    "footer",
    "form",
    "button",
    "select",
    "textarea",
    "head",
)
# Unwrapped, not dropped: a parser may nest the following paragraphs inside an unclosed
# <embed>, and an <object>'s children are its text fallback.
_UNWRAP = ("object", "embed")


def parse(data: bytes, source_name: str) -> ParsedArticle:
    from desktop.core.importers.sniff import binary_text

    text = _decode(data)
    if binary_text(text):
        raise ImportFailed(source_name, "is not a web page (it holds binary data)")
    if "<" not in text:
        raise ImportFailed(source_name, "is not a web page (no HTML markup found)")
    from lxml.etree import LxmlError

    try:
        parsed = _with_trafilatura(text)
        blocks = _fallback(text)
    except (ValueError, LxmlError) as exc:  # lxml on markup it cannot parse at all
        problem = " ".join(str(exc).split()) or exc.__class__.__name__
        raise ImportFailed(source_name, f"cannot be read as a web page ({problem})") from exc
    if parsed is None:
        parsed = blocks
    elif blocks is not None and _body_count(parsed) <= 1 < _body_count(blocks):
        # On short pages trafilatura may run every paragraph (and the heading) into one;
        # the page's own block structure is then the better reading, its metadata kept.
        parsed = _with_structure(parsed, blocks)
    if parsed is None or not parsed.paragraphs:
        raise ImportFailed(source_name, "is a web page with no article text in it")
    parsed.language = parsed.language or _page_language(text)
    return parsed


def _decode(data: bytes) -> str:
    """HTML bytes as text, honouring a BOM or a <meta charset>; cp1252 as last resort.

    A declared charset that names no text encoding of web pages ("undefined", "idna",
    a misspelling) is ignored, as browsers do, and the encoding is detected instead.
    """
    from charset_normalizer import from_bytes

    head = data[:4096].lower()
    for marker in (b"charset=", b'charset="', b"charset='"):
        pos = head.find(marker)
        if pos >= 0:
            value = head[pos + len(marker) :].lstrip(b"\"' ").split(b'"')[0]
            name = (
                value.split(b"'")[0].split(b";")[0].split(b">")[0].strip().decode("ascii", "ignore")
            )
            codec = _page_codec(name or "utf-8")
            if codec is not None:
                try:
                    return data.decode(codec, errors="replace").lstrip("\ufeff")
                except (UnicodeError, LookupError, ValueError):
                    pass
            break
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        best = from_bytes(data).best()
        return str(best) if best is not None else data.decode("cp1252", errors="replace")


# Codecs Python has that are not encodings of a web page's bytes.
_NOT_PAGE_CODECS = {"idna", "punycode", "undefined", "unicode-escape", "raw-unicode-escape"}


def _page_codec(label: str) -> str | None:
    """The Python codec for a declared charset, or None when it cannot be one: as in
    browsers, Latin-1 and ASCII mean windows-1252, and UTF-16/32 in markup mean UTF-8."""
    import codecs

    try:
        info = codecs.lookup(label)
    except (LookupError, ValueError):
        return None
    name = info.name
    if not getattr(info, "_is_text_encoding", True) or name in _NOT_PAGE_CODECS:
        return None
    if name in ("iso8859-1", "latin-1", "ascii"):
        return "cp1252"
    if name.startswith(("utf-16", "utf-32")):
        return "utf-8"
    return name


def _with_trafilatura(html: str) -> ParsedArticle | None:
    import trafilatura
    from lxml import etree

    xml = trafilatura.extract(
        html,
        output_format="xml",
        with_metadata=False,
        include_comments=False,
        include_tables=True,
        include_images=False,
        include_links=False,
        favor_recall=True,
    )
    if not xml:
        return None
    doc = etree.fromstring(xml.encode("utf-8"))
    main = doc.find("main")
    paragraphs: list[str] = []
    headings: dict[int, int] = {}
    for el in main.iter() if main is not None else ():
        if el.tag not in ("head", "p", "item", "quote", "cell", "code"):
            continue
        if (
            el.tag in ("p", "quote")
            and el.getparent() is not None
            and el.getparent().tag
            in (
                "item",
                "quote",
                "cell",
            )
        ):
            continue
        content = " ".join("".join(el.itertext()).split())
        if not content:
            continue
        if el.tag == "head":
            rend = el.get("rend", "h2")
            headings[len(paragraphs)] = int(rend[1]) if rend[1:].isdigit() else 2
        elif el.tag == "item":
            content = "• " + content
        paragraphs.append(content)
    meta = _metadata(html)
    title = meta.get("title", "")
    if title and paragraphs and paragraphs[0] != title:
        paragraphs.insert(0, title)
        headings = {i + 1: lvl for i, lvl in headings.items()}
    if title:
        headings[0] = 1
    authors = [a.strip() for a in meta.get("author", "").split(";") if a.strip()]
    return ParsedArticle(
        paragraphs=paragraphs,
        headings=headings,
        title=title,
        outlet=meta.get("sitename", ""),
        authors=authors,
        url=meta.get("url", ""),
        published=_date(meta.get("date")),
    )


METADATA_CHARS = 300_000


def _metadata(html: str) -> dict[str, str]:
    """Title, author, date, site and canonical URL, read from the start of the page.

    Metadata lives in the head and the article's first lines; reading it from a whole
    multi-megabyte page made date detection's regular expressions hold the interpreter
    for seconds, freezing the window while a big page imported.
    """
    from trafilatura.metadata import extract_metadata

    try:
        found = extract_metadata(html[:METADATA_CHARS])
    except Exception:  # metadata is a bonus: a page without it still imports
        return {}
    if found is None:
        return {}
    names = ("title", "author", "date", "sitename", "url")
    return {n: str(getattr(found, n, "") or "") for n in names}


def _fallback(html: str) -> ParsedArticle | None:
    import lxml.html

    root = lxml.html.document_fromstring(html)
    title_el = root.find(".//title")
    title = " ".join(title_el.text_content().split()) if title_el is not None else ""
    for bad in root.xpath("|".join(f"//{tag}" for tag in _DROP)):
        bad.drop_tree()
    for wrapper in root.xpath("|".join(f"//{tag}" for tag in _UNWRAP)):
        wrapper.drop_tag()
    paragraphs: list[str] = []
    headings: dict[int, int] = {}
    for el in root.iter(*_BLOCKS):
        if any(anc.tag in _BLOCKS for anc in el.iterancestors()):
            continue
        content = " ".join(el.text_content().split())
        if not content:
            continue
        if el.tag[0] == "h" and el.tag[1:].isdigit():
            headings[len(paragraphs)] = int(el.tag[1])
        paragraphs.append(content)
    if not paragraphs:
        body = root.find(".//body")
        text = body.text_content() if body is not None else ""
        paragraphs = [" ".join(line.split()) for line in text.split("\n") if line.strip()]
    return ParsedArticle(paragraphs=paragraphs, headings=headings, title=title)


def _body_count(parsed: ParsedArticle) -> int:
    return sum(1 for i in range(len(parsed.paragraphs)) if i not in parsed.headings)


def _with_structure(meta: ParsedArticle, blocks: ParsedArticle) -> ParsedArticle:
    paragraphs, headings = list(blocks.paragraphs), dict(blocks.headings)
    title = meta.title or blocks.title
    if title and (not paragraphs or paragraphs[0] != title):
        paragraphs.insert(0, title)
        headings = {i + 1: lvl for i, lvl in headings.items()}
    if title:
        headings[0] = 1
    meta.paragraphs, meta.headings, meta.title = paragraphs, headings, title
    return meta


def _page_language(html: str) -> str:
    import re

    match = re.search(r"<html[^>]*\blang\s*=\s*[\"']?([A-Za-z]{2})", html[:5000], re.I)
    return match.group(1).lower() if match else ""


def _date(value: str | None) -> date | None:
    try:
        return date.fromisoformat(value[:10]) if value else None
    except ValueError:
        return None
