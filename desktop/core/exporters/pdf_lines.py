"""Paragraphs of the PDF report laid out and drawn here rather than by ReportLab's
Paragraph, for speed, with ReportLab's geometry.

A 1,000-claim report has about 8,000 paragraphs. ReportLab's Paragraph builds them
through its markup parser (a fragment object copied per tag and per text run), breaks
lines with a general algorithm (hyphenation, justification, bidi, images, callbacks) and
draws each line through a per-fragment loop; those three took nearly all of the time.
This module reads the same markup (`pdf_markup.events`) into runs of one style, breaks
lines greedily exactly as ReportLab does for left-aligned text without hyphenation
(words at white space other than no-break spaces, a space measured in the font of the
word before it, an over-long word cut to fill the line), and draws them with the same
baseline, highlight boxes, link areas and underlines as ReportLab's Paragraph, whose
own helpers draw the bullets and the links. Widths are cached per word and font. Only
the subset of markup the exporter writes is read; anything else is left to Paragraph.
"""

from __future__ import annotations

import re
from functools import cache
from html import unescape

from desktop.core.exporters.pdf_markup import _ATTR, _TOKEN

# Style of a run: font, size, colour, highlight, rise, link, underline
_FONT, _SIZE, _COLOR, _BACK, _RISE, _HREF, _UNDER = range(7)


@cache
def _rl():
    """ReportLab pieces used here, imported on first use (the core imports lazily)."""
    from reportlab import rl_config
    from reportlab.lib.colors import toColor
    from reportlab.lib.fonts import ps2tt, tt2ps
    from reportlab.lib.rl_accel import escapePDF, fp_str
    from reportlab.pdfbase.pdfmetrics import getAscentDescent, getFont, stringWidth
    from reportlab.platypus.flowables import Flowable
    from reportlab.platypus.paragraph import (
        _doLink,
        _drawBullet,
        _handleBulletWidth,
        _usConv,
        _wsc,
    )

    return {
        "toColor": toColor,
        "ps2tt": ps2tt,
        "tt2ps": tt2ps,
        "ascent_descent": cache(getAscentDescent),
        "stringWidth": stringWidth,
        "getFont": getFont,
        "fp_str": fp_str,
        "escapePDF": escapePDF,
        "Flowable": Flowable,
        "doLink": _doLink,
        "drawBullet": _drawBullet,
        "bulletWidth": _handleBulletWidth,
        "usConv": _usConv,
        "space": re.compile(f"[{re.escape(_wsc)}]+"),
        "underline": _underline_defaults(),
        "size_offset": rl_config.paraFontSizeHeightOffset,
    }


def _underline_defaults():
    """(colour, width, offset, gap) ReportLab gives a link's underline, read from its parser."""
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.platypus.paraparser import ParaParser

    parser = ParaParser()
    parser.caseSensitive = 1
    _s, frags, _b = parser.parse(
        '<para><a href="x" underline="1">x</a></para>', ParagraphStyle("u")
    )
    _n, _k, color, width, offset, _rise, _repeat, gap = frags[0].us_lines[0]
    return color, width, offset, gap


# Colours are numbered, so run styles are tuples of plain values that hash and compare
# in C (ReportLab's Color compares in Python); equal colours get one number.
_PALETTE: list = []
_palette_ids: dict[tuple, int] = {}


def _cid(color) -> int:
    """The number of `color` (a ReportLab colour)."""
    key = (type(color).__name__, *color.__key__)
    found = _palette_ids.get(key)
    if found is None:
        found = _palette_ids[key] = len(_PALETTE)
        _PALETTE.append(color)
    return found


@cache
def _fill_op(cid: int) -> str | None:
    """The operator that sets colour `cid` for filling text, as PDFTextObject.setFillColor
    writes it for an RGB colour (None for other kinds: they go through it)."""
    from reportlab.lib.colors import CMYKColor, Color

    color = _PALETTE[cid]
    if isinstance(color, CMYKColor) or not isinstance(color, Color):
        return None
    if getattr(color, "alpha", 1) not in (None, 1):
        return None
    return f"{_rl()['fp_str']((color.red, color.green, color.blue))} rg"


@cache
def _color(value: str) -> int:
    return _cid(_rl()["toColor"](value))


@cache
def _face(name: str) -> tuple[str, int, int]:
    return _rl()["ps2tt"](name)


@cache
def _font_name(family: str, bold: int, italic: int) -> str:
    return _rl()["tt2ps"](family, bold, italic)


_widths: dict[tuple[str, float], dict[str, float]] = {}


def _widths_in(font: str, size: float) -> dict[str, float]:
    """The cache of word widths in one font and size."""
    found = _widths.get((font, size))
    if found is None or len(found) > 100_000:
        found = _widths[(font, size)] = {}
    return found


def _width(text: str, font: str, size: float) -> float:
    known = _widths_in(font, size)
    w = known.get(text)
    if w is None:
        w = known[text] = _rl()["stringWidth"](text, font, size)
    return w


class Unsupported(ValueError):
    """Markup outside what this module reads: the caller uses ReportLab's Paragraph."""


_ENTITIES = {"lt": "<", "gt": ">", "amp": "&", "quot": '"', "nbsp": "\xa0"}
_transitions: dict[tuple, tuple] = {}
_keys: dict[tuple, tuple] = {}


def _clean(markup: str) -> str:
    """ReportLab's `cleanBlockQuotedText` (white space runs to one space, lines joined),
    in C-speed string calls for the one-line markup the exporter writes."""
    if "\n" in markup:
        from reportlab.platypus.paragraph import cleanBlockQuotedText

        return cleanBlockQuotedText(markup)
    if "\xa0" in markup:  # ReportLab then splits on its own white space, not on U+00A0
        wsc = _rl_wsc()
        return " ".join(filter(None, _rl()["space"].split(markup.strip(wsc))))
    return " ".join(markup.split())


def _enter(state: tuple, tag: str, raw: str) -> tuple:
    """The style inside `raw`, a start tag, opened in `state` (as ParaParser sets it)."""
    attrs = {k.lower(): unescape(v) if "&" in v else v for k, v in _ATTR.findall(raw)}
    f, b, i, size, color, back, rise, href, under = state
    if tag == "b" and not attrs:
        b = 1
    elif tag == "i" and not attrs:
        i = 1
    elif tag == "super" and not attrs:
        rise, size = rise + size * 0.5, size - min(2, 0.2 * size)
    elif tag == "font" and attrs and set(attrs) <= {"face", "size", "color", "backcolor"}:
        if "face" in attrs:
            f, b, i = _face(attrs["face"])
        if "size" in attrs:
            size = float(attrs["size"])
        if "color" in attrs:
            color = _color(attrs["color"])
        if "backcolor" in attrs:
            back = _color(attrs["backcolor"])
    elif tag == "a" and "href" in attrs and set(attrs) <= {"href", "color", "underline"}:
        href = attrs["href"].strip()
        if "color" in attrs:
            color = _color(attrs["color"])
        under = attrs.get("underline", "0").lower() in ("1", "yes", "true")
    else:
        raise Unsupported(raw)
    return (f, b, i, size, color, back, rise, href, under)


def runs(markup: str, style) -> tuple[list, int]:
    """(runs, fragments): the text of `markup` as (text, style tuple) runs, None for a
    line break, and the number of fragments ReportLab's parser would have made (a lone
    fragment is drawn without its highlight or link by Paragraph, so it is left to it)."""
    text = _clean(markup)
    family, bold, italic = _face(style.fontName)
    state = (family, bold, italic, style.fontSize, _cid(style.textColor), None, 0, None, 0)
    stack, out, fragments, pos = [], [], 0, 0
    for m in _TOKEN.finditer(text):
        if m.start() != pos:
            raise Unsupported(markup)
        pos = m.end()
        data = m.group(1)
        if data is None:
            tag = m.group(3)
            if tag is not None:
                tag = tag.lower()
                if m.group(2):  # an end tag
                    if m.group(4) or m.group(5) or not stack or stack[-1][0] != tag:
                        raise Unsupported(markup)
                    state = stack.pop()[1]
                    continue
                if tag == "br" and m.group(5) and not m.group(4):
                    fragments += 1
                    out.append(None)
                    continue
                raw = m.group(0)
                step = (state, raw)
                inner = _transitions.get(step)
                if inner is None:
                    inner = _enter(state, tag, m.group(4))
                    if len(_transitions) < 10_000:
                        _transitions[step] = inner
                if m.group(5):  # <x/>: opens and closes, no text
                    continue
                stack.append((tag, state))
                state = inner
                continue
            entity = m.group(6)[:-1]
            if entity[0] == "#":
                code = entity[1:]
                data = chr(int(code[1:], 16) if code[:1] in "xX" else int(code))
            else:
                data = _ENTITIES.get(entity)
                if data is None:
                    raise Unsupported(markup)
        fragments += 1
        key = _keys.get(state)
        if key is None:
            f, b, i, size, color, back, rise, href, under = state
            key = _keys[state] = (_font_name(f, b, i), size, color, back, rise, href, under)
        if out and out[-1] is not None and out[-1][1] == key:
            out[-1] = (out[-1][0] + data, key)
        else:
            out.append((data, key))
    if pos != len(text) or stack:
        raise Unsupported(markup)
    return out, fragments


def _words(pieces: list) -> list:
    """Words as [width, space after (width of " ", or 0), [(text, style, width), ...],
    style of the space], and None for a line break: what ReportLab's line breaker sees."""
    space, string_width = _rl()["space"], _rl()["stringWidth"]
    words, current, width = [], [], 0.0
    started = False
    for piece in pieces:
        if piece is None:
            if current:
                words.append([width, 0.0, current, None])
                current, width = [], 0.0
            words.append(None)
            started = False
            continue
        text, key = piece
        if not started:
            text = text.lstrip(_rl_wsc())
            if not text:
                continue
            started = True
        parts = space.split(text)
        known = _widths_in(key[_FONT], key[_SIZE])
        gap = known.get(" ")
        if gap is None:
            gap = known[" "] = string_width(" ", key[_FONT], key[_SIZE])
        for n, part in enumerate(parts):
            if n and current:  # white space ends the word before it; ReportLab measures
                # and draws that space in the font of the run holding it
                words.append([width, gap, current, key])
                current, width = [], 0.0
            if part:
                w = known.get(part)
                if w is None:
                    w = known[part] = string_width(part, key[_FONT], key[_SIZE])
                current.append((part, key, w))
                width += w
    if current:
        words.append([width, 0.0, current, None])
    return words


@cache
def _rl_wsc() -> str:
    from reportlab.platypus.paragraph import _wsc

    return _wsc


def _split_long(word: list, first: float, width: float) -> list:
    """An over-long word cut into pieces (as ReportLab's `_splitFragWord`): the first
    fills `first` (it may be empty), the others `width`; the last keeps the space after."""
    out, current, used, limit = [], [], 0.0, first
    for text, key, _w in word[2]:
        for ch in text:
            w = _width(ch, key[_FONT], key[_SIZE])
            if used + w > limit and (used or w <= width):
                out.append(_Cut([used, 0.0, current, None]))
                current, used, limit = [], 0.0, width
            if current and current[-1][1] == key:
                current[-1] = (current[-1][0] + ch, key, current[-1][2] + w)
            else:
                current.append((ch, key, w))
            used += w
    out.append(_Cut([used, word[1], current, word[3]]))
    return out


def break_lines(words: list, widths: tuple[float, float], shrink: float = 0.05) -> list:
    """Lines as (words, width available), greedy, as ReportLab breaks left-aligned text
    (`widths`: the first line's and the others'): a word goes on the line if the line is
    empty or the word and the space before it fit, the line's spaces allowed to shrink
    by `shrink` (ReportLab's spaceShrinkage); a word wider than a line is cut, its first
    piece filling the current line."""
    lines, line, current, space, spaces = [], [], 0.0, 0.0, 0.0
    width = widths[0]
    pending = words[::-1]
    while pending:
        word = pending.pop()
        if word is None:
            lines.append((line, width))
            line, current, space, spaces, width = [], 0.0, 0.0, 0.0, widths[1]
            continue
        wide = word[0]
        new = current + space + wide
        if new > width + shrink * spaces:
            if wide > width and not isinstance(word, _Cut):
                pieces = _split_long(word, width - space - current, widths[1])
                pending.extend(reversed([pieces[0], None, *pieces[1:]]))
                continue
            if line:
                lines.append((line, width))
                line, new, spaces, width = [], wide, 0.0, widths[1]
        line.append(word)
        current, space = new, word[1]
        spaces += space
    if line:
        lines.append((line, width))
    return lines


class _Cut(list):
    """A piece of an over-long word: never cut again."""


def _segments(line: list) -> list[list]:
    """A line as [text, style, width, width of its trailing space] segments, the space
    between two words drawn in the style of the run that holds it (as ReportLab draws
    it), runs of one style merged."""
    segs: list[list] = []
    last = len(line) - 1
    seg = None
    for n, word in enumerate(line):
        for text, key, w in word[2]:
            if seg is not None and seg[1] == key:
                seg[0] += text
                seg[2] += w
                seg[3] = 0.0
            else:
                seg = [text, key, w, 0.0]
                segs.append(seg)
        space = word[1]
        if n < last and space:
            key = word[3]
            if seg is not None and seg[1] == key:
                seg[0] += " "
                seg[2] += space
                seg[3] = space
            else:
                seg = [" ", key, space, space]
                segs.append(seg)
    return segs


def make_flowable_class():
    Flowable = _rl()["Flowable"]  # noqa: N806

    class LinesParagraph(Flowable):
        """A left-aligned paragraph of `runs`, drawn as ReportLab's Paragraph draws it."""

        def __init__(self, pieces, fragments, style, bulletText=None, lines=None):  # noqa: N803
            super().__init__()
            self.pieces, self.fragments, self.style = pieces, fragments, style
            self.bulletText = bulletText
            self._lines = lines
            self._for_width = None

        def wrap(self, availWidth, availHeight):  # noqa: N803
            style = self.style
            if self._lines is None or self._for_width != availWidth:
                later = availWidth - style.leftIndent - style.rightIndent
                widths = [later - style.firstLineIndent, later]
                _rl()["bulletWidth"](self.bulletText, style, widths)
                self._lines = break_lines(
                    _words(self.pieces), widths, getattr(style, "spaceShrinkage", 0.05) or 0.0
                )
                self._for_width = availWidth
            self.width = availWidth
            self.height = len(self._lines) * style.leading
            return self.width, self.height

        def split(self, availWidth, availHeight):  # noqa: N803
            if availHeight <= 1e-8:
                return []
            self.wrap(availWidth, availHeight)
            s = int(availHeight / float(self.style.leading))
            if s <= 1:  # ReportLab's Paragraph leaves no orphan line
                return []
            if len(self._lines) <= s:
                return [self]
            cls = type(self)
            head = cls(self.pieces, self.fragments, self.style, self.bulletText, self._lines[:s])
            tail = cls(self.pieces, self.fragments, self.style, None, self._lines[s:])
            for part in (head, tail):
                part._for_width = availWidth
            return [head, tail]

        def draw(self) -> None:
            draw_lines(self)

    return LinesParagraph


@cache
def flowable_class():
    return make_flowable_class()


def draw_lines(para, tx=None, dx: float = 0.0, dy: float = 0.0) -> None:
    """Draw `para`'s lines as ReportLab's Paragraph does (`drawPara`, `_putFragLine`,
    `_do_post_text`): baselines a font size below the top then a leading apart, an
    over-full line's spaces narrowed, and per line the highlight boxes, link areas and
    underlines, ending before a run's trailing space; the text in one text object, or
    in `tx` (shared by a card's paragraphs) with the paragraph placed at (dx, dy)."""
    rl = _rl()
    canvas, style, lines = para.canv, para.style, para._lines
    if not lines:
        return
    leading = style.leading
    segs_by_line = [_segments(line) for line, _w in lines]
    first = segs_by_line[0]
    size0 = max((seg[1][_SIZE] for seg in first), default=style.fontSize)
    if rl["size_offset"]:  # ReportLab's default: the first baseline a font size down
        cur_y = para.height - size0
    else:
        ascent_descent = rl["ascent_descent"]
        cur_y = para.height - max(
            (ascent_descent(seg[1][_FONT], seg[1][_SIZE])[0] for seg in first),
            default=ascent_descent(style.fontName, style.fontSize)[0],
        )
    offset = style.firstLineIndent
    own = tx is None
    if own:
        if para.bulletText:
            offset = rl["drawBullet"](canvas, offset, cur_y, para.bulletText, style, rtl=False)
        tx = canvas.beginText(style.leftIndent, cur_y)
    elif para.bulletText:  # as ReportLab's _drawBullet, in the shared text object
        x = style.bulletIndent
        tx.setTextOrigin(dx + x, dy + cur_y + getattr(style, "bulletOffsetY", 0))
        tx.setFont(style.bulletFontName, style.bulletFontSize)
        tx.setFillColor(getattr(style, "bulletColor", style.textColor))
        tx.textOut(para.bulletText)
        end = x + _width(para.bulletText, style.bulletFontName, style.bulletFontSize)
        offset = max(offset, end + style.bulletFontSize * 0.6 - style.leftIndent)
    cur_y += dy
    code, doc, escape = tx._code, canvas._doc, rl["escapePDF"]
    face_fast: dict = {}  # font → (characters coded in its first subset, their codes)
    get_font, fp_str = rl["getFont"], rl["fp_str"]
    font, color, rise = None, None, 0
    face, dynamic = None, False
    decorate = para.fragments > 1
    for n, segs in enumerate(segs_by_line):
        y0 = cur_y - n * leading
        line, max_width = lines[n]
        used = sum(w[0] for w in line) + sum(w[1] for w in line[:-1])
        extra = max_width - used
        ws = 0.0
        if extra < -1e-8:  # over-full by the spaces' allowed shrinkage: narrow them
            count = sum(1 for w in line if any(p[0] for p in w[2]))
            count += sum(seg[0].count("\xa0") for seg in segs) - 1
            if count > 0:
                ws = extra / count
                tx.setWordSpace(ws)
        cur_x = dx + style.leftIndent + (offset if n == 0 else 0)
        tx.setTextOrigin(cur_x, y0)
        spaces = 0
        back = back_x = None
        backs, links, unders = [], [], []
        link = under = None  # the open link / underline: [href or key, x1, lo, hi]
        prev = None
        for text, key, seg_width, seg_trailing in segs:
            f, size = key[_FONT], key[_SIZE]
            cur_x_s = cur_x + spaces * ws
            end_x = cur_x_s
            if prev:
                end_x -= prev
            if (f, size) != font:
                tx.setFont(f, size)
                font = (f, size)
                face = get_font(f)
                dynamic = face._dynamicFont
            if key[_COLOR] != color:
                color = key[_COLOR]
                op = _fill_op(color)
                if op is None:
                    tx.setFillColor(_PALETTE[color])
                else:
                    code.append(op)
                    tx._fillColorObj = _PALETTE[color]
            if key[_RISE] != rise:
                rise = key[_RISE]
                tx.setRise(rise)
            if decorate:
                href, underline = key[_HREF], key[_UNDER]
                if under is not None and not (underline and under[5] == href):
                    unders.append((*under, end_x))
                    under = None
                if link is not None and link[0] != href:
                    links.append((*link, end_x))
                    link = None
            if dynamic:  # what tx._textOut writes for a TrueType font, without its overhead
                fast = face_fast.get(f)
                if fast is not None and tx._curSubset == 0 and fast[0].issuperset(text):
                    code.append(f"({escape(text.translate(fast[1]).encode('latin-1'))}) Tj")
                else:
                    for subset, t in face.splitString(text, doc):
                        if subset != tx._curSubset:
                            name = face.getSubsetInternalName(subset, doc)
                            code.append(f"{name} {fp_str(size)} Tf {fp_str(tx._leading)} TL")
                            tx._curSubset = subset
                        code.append(f"({escape(t)}) Tj")
                    state = face.state.get(doc)
                    cached = getattr(state, "_factdesk_fast", None)
                    face_fast[f] = cached[:2] if cached is not None else None
            else:
                tx._textOut(text, 0)
            if decorate:
                lo, hi = rise - 0.2 * size, rise + size
                if href is not None:
                    if link is None:
                        link = [href, cur_x, lo, hi]
                    else:
                        link[2], link[3] = min(link[2], lo), max(link[3], hi)
                if underline:
                    if under is None:
                        under = [size, color, cur_x_s, size, rise, href]
                    else:
                        under[3] = max(under[3], size)
                bg = key[_BACK]
                if bg is not None and back is None:
                    back, back_x = bg, cur_x_s
                elif back is not None:
                    backs.append((back_x, end_x, back))
                    back, back_x = (bg, cur_x_s) if bg is not None else (None, None)
            cur_x += seg_width
            if ws:
                spaces += text.count(" ") + text.count("\xa0")
            prev = seg_trailing
        if ws:
            tx.setWordSpace(0)
        if not decorate:
            continue
        cur_x_s = cur_x + (spaces - 1) * ws
        if under is not None:
            unders.append((*under, cur_x_s))
        if link is not None:
            links.append((*link, cur_x_s))
        if back is not None:
            backs.append((back_x, cur_x_s, back))
        for x1, x2, c in backs:
            canvas.setFillColor(_PALETTE[c])
            canvas.rect(x1, y0 + size0 - leading, x2 - x1, leading, stroke=0, fill=1)
        for href, x1, lo, hi, x2 in links:
            add_link(canvas, tx, href, (x1, y0 + lo, x2, y0 + hi))
        under_color, under_width, under_offset, _gap = rl["underline"]
        for fs, tc, x1, fsmax, r, _href, x2 in unders:
            values = {"L": size0, "f": fs, "F": fsmax}
            lw = rl["usConv"](under_width, values, default=canvas._lineWidth)
            y = y0 + r + rl["usConv"](under_offset or "-0.125*L", values)
            c = under_color or _PALETTE[tc]
            if lw != canvas._lineWidth:
                canvas.setLineWidth(lw)
            if c != canvas._strokeColorObj:
                canvas.setStrokeColor(c)
            canvas.line(x1, y, x2, y)
    if own:
        canvas.drawText(tx)
    else:  # the next paragraph in `tx` starts from the text state it assumes
        if rise:
            tx.setRise(0)
        tx._curSubset = -1


@cache
def _link_class():
    from reportlab.pdfbase.pdfdoc import PDFObject, PDFString

    fp_str = _rl()["fp_str"]

    class Link(PDFObject):
        """A web link's annotation, written as ReportLab's `canvas.linkURL` writes it
        (a test compares the bytes) without building its dictionaries: a report has
        thousands, and formatting them was a sixth of saving the file."""

        __slots__ = ("url", "rect")

        def __init__(self, url: str, rect: tuple) -> None:
            self.url, self.rect = url, rect

        def format(self, document) -> bytes:
            return (
                b"<<\n/A <<\n/S /URI /Type /Action /URI "
                + PDFString(self.url).format(document)
                + b"\n>> /Border [ 0 0 0 ] /Rect [ "
                + fp_str(*self.rect).encode("ascii")
                + b" ] /Subtype /Link /Type /Annot\n>>"
            )

    return Link


def add_link(canvas, tx, href: str, rect: tuple) -> None:
    """A link over `rect` (in the current coordinates), as ReportLab's `_doLink` adds it:
    web addresses as a Link annotation, anchors and PDF targets through ReportLab."""
    scheme = href.split(":", 1)[0].lower() if ":" in href else ""
    if href.startswith("#") or scheme in ("document", "pdf"):
        _rl()["doLink"](tx, href, rect)
        return
    canvas._addAnnotation(_link_class()(href, canvas._absRect(rect, 1)))


@cache
def available() -> bool:
    """Whether the ReportLab installed has the helpers this module reuses (private
    names of `reportlab.platypus.paragraph`); if not, every paragraph is ReportLab's."""
    try:
        _rl()
    except (ImportError, AttributeError, IndexError, ValueError):
        return False
    return True


def shares_text(para) -> bool:
    """Whether `para` can be drawn into a shared text object: no bullet, or a plain one
    at the start of its indent (what ReportLab's _drawBullet then draws is reproduced)."""
    bullet = para.bulletText
    return not bullet or (
        isinstance(bullet, str) and getattr(para.style, "bulletAnchor", "start") == "start"
    )


def paragraph(markup: str, style, bulletText=None):  # noqa: N803 (ReportLab's name)
    """A fast paragraph of `markup`, or ReportLab's (fragments parsed fast) when the
    markup or style is outside what this module reproduces."""
    from desktop.core.exporters import pdf_markup

    if available() and style.alignment == 0 and not getattr(style, "backColor", None):
        try:
            pieces, fragments = runs(markup, style)
        except Unsupported:
            pass
        else:
            lone = fragments == 1 and any(
                p is not None
                and (p[1][_HREF] is not None or p[1][_UNDER] or p[1][_BACK] is not None)
                for p in pieces
            )
            if not lone and fragments:
                return flowable_class()(pieces, fragments, style, bulletText)
    return pdf_markup.paragraph(markup, style, bulletText)
