"""ReportLab paragraph markup read without `html.parser`.

ReportLab turns paragraph markup into fragments with `ParaParser`, an `HTMLParser`
whose per-character scanning, plus a colour parsed afresh at every `<font>`, took a
third of the time of a 1,000-claim report. The markup the PDF exporter writes is a
small, regular subset (`<font>`, `<b>`, `<i>`, `<super>`, `<a>`, `<br/>`, and the
entities `esc` writes), so one regular expression finds the same tags, entities and
text runs, in the same order, and hands them to ParaParser's own handlers: the
fragments are those ReportLab would build (a test compares them on every paragraph of
a report), so the page looks the same. Anything outside that subset falls back to
`HTMLParser`, markup and all.
"""

from __future__ import annotations

import re
from functools import cache
from html import unescape

_TOKEN = re.compile(
    r"([^<&]+)"  # text
    r"|<(/?)([a-zA-Z][a-zA-Z0-9]*)((?:\s+[a-zA-Z][a-zA-Z0-9]*=\"[^\"<>]*\")*)\s*(/?)>"  # tag
    r"|&(#[0-9]{1,7};|#[xX][0-9a-fA-F]{1,6};|[a-zA-Z][a-zA-Z0-9]*;)"  # entity
)
_ATTR = re.compile(r'([a-zA-Z][a-zA-Z0-9]*)="([^"]*)"')


def events(text: str) -> list[tuple] | None:
    """HTMLParser's calls for `text` (convert_charrefs off, as ParaParser sets it), or
    None where the markup leaves the subset."""
    events, pos, end = [], 0, len(text)
    append = events.append
    for m in _TOKEN.finditer(text):
        if m.start() != pos:
            return None
        pos = m.end()
        data = m.group(1)
        if data is not None:
            append((0, data))
            continue
        name = m.group(3)
        if name is not None:
            tag = name.lower()
            if m.group(2):
                if m.group(4) or m.group(5):
                    return None
                append((2, tag))
                continue
            attrs = [
                (k.lower(), unescape(v) if "&" in v else v) for k, v in _ATTR.findall(m.group(4))
            ]
            append((1, tag, attrs))
            if m.group(5):
                append((2, tag))
            continue
        entity = m.group(6)[:-1]
        if entity[0] == "#":
            append((4, entity[1:]))
        else:
            append((3, entity))
    return events if pos == end else None


@cache
def _parser_class():
    from reportlab.platypus.paraparser import ParaParser

    class FastParaParser(ParaParser):
        """ParaParser fed by `events`, with attribute values (colours mostly)
        converted once per distinct tag rather than once per tag."""

        _attributes: dict = {}

        def feed(self, data: str) -> None:
            found = events(data)
            if found is None:
                super().feed(data)
                return
            on_data, on_start, on_end = self.handle_data, self.handle_starttag, self.handle_endtag
            on_entity, on_charref = self.handle_entityref, self.handle_charref
            for event in found:
                kind = event[0]
                if kind == 0:
                    on_data(event[1])
                elif kind == 1:
                    on_start(event[1], event[2])
                elif kind == 2:
                    on_end(event[1])
                elif kind == 3:
                    on_entity(event[1])
                else:
                    on_charref(event[1])

        def getAttributes(self, attr, attrMap):  # noqa: N802, N803 (ReportLab's names)
            if not attr:
                return {}
            key = (id(attrMap), tuple(attr.items()))
            found = self._attributes.get(key)
            if found is None:
                found = super().getAttributes(attr, attrMap)
                if len(self._attributes) < 4096:  # links are mostly one-offs
                    self._attributes[key] = found
            return dict(found)

    return FastParaParser


def fragments(markup: str, style):
    """(cleaned text, fragments) of `markup` in `style`, as Paragraph would parse them."""
    from reportlab.platypus.paragraph import cleanBlockQuotedText

    text = cleanBlockQuotedText(markup)
    parser = _parser_class()()
    parser.caseSensitive = 1
    _style, frags, bullet_frags = parser.parse(text, style)
    if frags is None or bullet_frags:
        return text, None
    return text, frags


def paragraph(markup: str, style, bulletText=None):  # noqa: N803 (ReportLab's name)
    """A ReportLab Paragraph of `markup`, its fragments parsed here."""
    import reportlab.platypus

    text, frags = fragments(markup, style)
    if frags is None:
        return reportlab.platypus.Paragraph(markup, style, bulletText=bulletText)
    return reportlab.platypus.Paragraph(text, style, bulletText=bulletText, frags=frags)
