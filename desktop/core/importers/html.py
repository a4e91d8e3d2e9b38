"""Saved web pages: the article's main text and metadata, nothing executed or fetched.

trafilatura finds the main text (dropping menus, ads, comments) and, in html_meta, the
title, authors, date, site name and canonical URL from the page's own markup. Only the
bytes given are parsed: scripts are never run and images, iframes and stylesheets never
loaded. Where trafilatura runs the article into one paragraph, the page's own blocks
that make up that text give it back its paragraphs; where it finds no text at all, a
plain walk over the page's block elements (navigation and embeds removed) is used.
"""

from __future__ import annotations

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
    "aside",
    "form",
    "button",
    "select",
    "textarea",
    "head",
)
# Landmarks that are never the article: menus, site banners and footers, sidebars, search.
_DROP_ROLES = ("navigation", "banner", "contentinfo", "complementary", "search", "menu")
# Unwrapped, not dropped: a parser may nest the following paragraphs inside an unclosed
# <embed>, and an <object>'s children are its text fallback.
_UNWRAP = ("object", "embed")
# Elements that end a line where a browser shows them: their text never runs into the
# next word ("Tisch zu legen?<br>Christoph Vilanek").
_BREAKS = (
    *_BLOCKS,
    "br",
    "hr",
    "div",
    "section",
    "article",
    "main",
    "ul",
    "ol",
    "dl",
    "dt",
    "dd",
    "table",
    "tr",
    "th",
    "caption",
    "figure",
    "figcaption",
    "address",
    "details",
    "summary",
)


def parse(data: bytes, source_name: str) -> ParsedArticle:
    from desktop.core.importers import html_meta
    from desktop.core.importers.sniff import binary_text

    text = _decode(data)
    if binary_text(text):
        raise ImportFailed(source_name, "is not a web page (it holds binary data)")
    if "<" not in text:
        raise ImportFailed(source_name, "is not a web page (no HTML markup found)")
    from lxml.etree import LxmlError

    try:
        main = _with_trafilatura(text)
        blocks = _page_blocks(text)
    except (ValueError, LxmlError) as exc:  # lxml on markup it cannot parse at all
        problem = " ".join(str(exc).split()) or exc.__class__.__name__
        raise ImportFailed(source_name, f"cannot be read as a web page ({problem})") from exc
    if main is None:
        parsed = blocks
    elif blocks is not None and _body_count(main) <= 1:
        # trafilatura may run a short page's heading and paragraphs into one; the page's
        # blocks that make up exactly that text restore them, and nothing else of the page.
        parsed = _tiled(main, blocks) or main
    else:
        parsed = main
    if parsed is None or not parsed.paragraphs:
        raise ImportFailed(source_name, "is a web page with no article text in it")
    meta = html_meta.read(text)
    _add_metadata(parsed, meta)
    parsed.language = _language(parsed, meta.language)
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


# Pages longer than this are read without trafilatura's second opinion (see below).
FAST_ABOVE_CHARS = 2_000_000


def _with_trafilatura(html: str) -> ParsedArticle | None:
    """The main text as trafilatura sees it, headings and list items marked.

    Its default balance of precision and recall: favouring recall kept a page's
    "Related Subjects" and "Print this page" lists. Recall is asked for only when the
    default finds nothing. On a big page the comparison with its other extractors is
    skipped: it grows faster than the page (25 s for 9 MB, against 9 s without).
    """
    import trafilatura
    from lxml import etree

    options = dict(
        fast=len(html) > FAST_ABOVE_CHARS,
        output_format="xml",
        with_metadata=False,
        include_comments=False,
        include_tables=True,
        include_images=False,
        include_links=False,
    )
    xml = trafilatura.extract(html, **options) or trafilatura.extract(
        html, favor_recall=True, **options
    )
    if not xml:
        return None
    doc = etree.fromstring(xml.encode("utf-8"))
    main = doc.find("main")
    if main is None:
        return None
    for lb in main.iter("lb"):  # a <br>: the words on either side stay apart
        lb.tail = " " + (lb.tail or "")
    paragraphs: list[str] = []
    headings: dict[int, int] = {}
    for el in main.iter("head", "p", "item", "quote", "cell", "code"):
        parent = el.getparent()
        if el.tag in ("p", "quote") and parent is not None and parent.tag in _CONTAINERS:
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
    return ParsedArticle(paragraphs=paragraphs, headings=headings) if paragraphs else None


# trafilatura elements whose paragraphs are read with them, not again on their own.
_CONTAINERS = ("item", "quote", "cell")


def _page_blocks(html: str) -> ParsedArticle | None:
    """Every block of the page's body in order, without navigation, forms and embeds."""
    import lxml.html

    root = lxml.html.document_fromstring(html)
    title_el = root.find(".//title")
    title = " ".join(title_el.text_content().split()) if title_el is not None else ""
    drop = "|".join(f"//{tag}" for tag in _DROP)
    drop += "|" + "|".join(f"//*[@role='{role}']" for role in _DROP_ROLES)
    for bad in root.xpath(drop):
        if bad.getparent() is not None:
            bad.drop_tree()
    for wrapper in root.xpath("|".join(f"//{tag}" for tag in _UNWRAP)):
        wrapper.drop_tag()
    for el in root.iter(*_BREAKS):
        el.tail = " " + (el.tail or "")
        if el.tag != "br":
            el.text = " " + (el.text or "")
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


# A block found further on in trafilatura's text, not right where the previous one
# ended, is taken only when it has this many words: a menu item ("Sport") may occur
# inside the article by chance, a sentence hardly.
_LOOSE_MATCH_WORDS = 4
# The blocks taken must make up this share of trafilatura's text.
_TILED_SHARE = 0.8
# Merged paragraphs are a short page's trouble; past these sizes the search for blocks
# in the text (blocks × characters) would cost seconds for nothing.
_TILE_MAX_CHARS = 50_000
_TILE_MAX_BLOCKS = 5_000


def _tiled(main: ParsedArticle, blocks: ParsedArticle) -> ParsedArticle | None:
    """trafilatura's text split at the page's own paragraph breaks, or None.

    The page's blocks are walked in order and each one that is the next piece of
    trafilatura's text is taken: the result holds nothing trafilatura did not keep
    (no subscription pitch, teaser or menu) and is used only when such blocks make up
    nearly all of that text and more than one of them is a paragraph.
    """
    whole = " ".join(p.removeprefix("• ") for p in main.paragraphs)
    if len(whole) > _TILE_MAX_CHARS:
        return None
    cursor = covered = 0
    taken: list[int] = []
    for i, block in enumerate(blocks.paragraphs[:_TILE_MAX_BLOCKS]):
        at = whole.find(block, cursor)
        if at < 0:
            continue
        if whole[cursor:at].strip() and len(block.split()) < _LOOSE_MATCH_WORDS:
            continue
        taken.append(i)
        covered += len(block)
        cursor = at + len(block)
    body = [i for i in taken if i not in blocks.headings]
    if len(body) < 2 or covered < _TILED_SHARE * len(whole):
        return None
    return ParsedArticle(
        paragraphs=[blocks.paragraphs[i] for i in taken],
        headings={n: blocks.headings[i] for n, i in enumerate(taken) if i in blocks.headings},
        title=blocks.title,
    )


def _add_metadata(parsed: ParsedArticle, meta) -> None:
    """The page's metadata on the article, its title as the first (level 1) paragraph."""
    title = meta.title or parsed.title
    paragraphs, headings = parsed.paragraphs, parsed.headings
    if title and paragraphs and paragraphs[0] != title:
        paragraphs.insert(0, title)
        headings = {i + 1: lvl for i, lvl in headings.items()}
    if title:
        headings[0] = 1
    parsed.paragraphs, parsed.headings, parsed.title = paragraphs, headings, title
    parsed.outlet, parsed.authors, parsed.url = meta.outlet, meta.authors, meta.url
    parsed.published = meta.published


def _language(parsed: ParsedArticle, declared: str) -> str:
    """The language the text is in; what the page declares ("de-DE", og:locale) when the
    text is too short to tell. A page's declaration is often its template's default, so
    the text wins when both are clear and differ."""
    from desktop.core.language import identify

    body = [p for i, p in enumerate(parsed.paragraphs[:40]) if i not in parsed.headings]
    return identify(" ".join(body or parsed.paragraphs[:40])) or declared
