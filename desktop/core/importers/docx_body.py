"""The text of a WordprocessingML body, in reading order, as Word shows it.

What a reader of the document sees becomes text, and nothing else:
- tracked changes read as accepted: insertions (w:ins, w:moveTo) kept, deletions
  (w:del, w:moveFrom, a deleted table row) dropped;
- tables become one paragraph per row, cells joined by " | " (a one-column table, often
  a box around prose, keeps its paragraphs and their styles); deleted rows are dropped;
- text boxes and shapes (w:txbxContent, WordArt) follow the paragraph they are anchored
  in; of an mc:AlternateContent only one rendering is read, so a box is never doubled by
  its VML fallback;
- footnote and endnote references become "[1]", "[2]"… in one sequence, and the notes
  themselves are returned apart, for the importer to append after the body;
- field codes, ruby pronunciation guides, comments and headers/footers are left out.

Elements are matched by local name within the WordprocessingML namespaces, Transitional
or Strict, so both read alike.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from lxml import etree

W_NAMESPACES = (
    "http://schemas.openxmlformats.org/wordprocessingml/2006/main",
    "http://purl.oclc.org/ooxml/wordprocessingml/main",  # ISO 29500 Strict
)
_MATH_NAMESPACES = (
    "http://schemas.openxmlformats.org/officeDocument/2006/math",
    "http://purl.oclc.org/ooxml/officeDocument/math",
)
_MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
_VML_TEXTPATH = "{urn:schemas-microsoft-com:vml}textpath"

# Inline elements whose content is never shown as text, or not as the document reads
# once its changes are accepted.
_SKIP_INLINE = frozenset(
    {
        "pPr",
        "rPr",
        "sectPr",
        "del",
        "moveFrom",
        "delText",
        "delInstrText",
        "instrText",
        "fldData",
        "rt",  # ruby: the pronunciation guide above the base text
        "footnoteRef",  # the note's own number; the importer writes "[n]"
        "endnoteRef",
        "annotationRef",
        "commentReference",
        "separator",
        "continuationSeparator",
    }
)
_PASS_BLOCK = frozenset({"customXml", "ins", "moveTo", "smartTag", "sdtContent"})
_SYMBOL_FONTS = range(0xF000, 0xF100)  # Symbol/Wingdings glyph codes: no Unicode meaning


@dataclass
class Block:
    """One paragraph of output: its text and its paragraph style id ("" for none)."""

    text: str
    style: str = ""


@dataclass
class BodyText:
    """A body's paragraphs and the notes it references, numbered in reading order."""

    blocks: list[Block] = field(default_factory=list)
    notes: list[tuple[str, str]] = field(default_factory=list)  # (kind, id) for [1], [2]…


_LOCAL_NAMES: dict[object, str] = {}  # a document uses a few dozen distinct tags


def _local(tag: object) -> str:
    """The local name of a WordprocessingML or math element, "" for any other."""
    try:
        return _LOCAL_NAMES[tag]
    except (KeyError, TypeError):
        pass
    name = ""
    if isinstance(tag, str) and tag.startswith("{"):
        namespace, _, local = tag[1:].partition("}")
        if namespace in W_NAMESPACES:
            name = local
        elif namespace in _MATH_NAMESPACES:
            name = "m:" + local
    if len(_LOCAL_NAMES) < 5000:  # a hostile file's invented tags cannot grow it for ever
        _LOCAL_NAMES[tag] = name
    return name


def w_attr(element: etree._Element, name: str) -> str | None:
    """A w:-prefixed attribute, whichever WordprocessingML namespace the file uses."""
    for namespace in W_NAMESPACES:
        value = element.get(f"{{{namespace}}}{name}")
        if value is not None:
            return value
    return None


def w_child(element: etree._Element, name: str) -> etree._Element | None:
    """The first w:`name` child of `element`, in either namespace."""
    for child in element:
        if _local(child.tag) == name:
            return child
    return None


class _Walker:
    """Collects blocks from block-level content; notes are numbered as first met."""

    def __init__(self) -> None:
        self.notes: list[tuple[str, str]] = []
        self._note_numbers: dict[tuple[str, str], int] = {}

    def blocks(self, parent: etree._Element, out: list[Block]) -> None:
        """Block-level content: paragraphs, tables and the wrappers around them."""
        for child in parent:
            name = _local(child.tag)
            if name == "p":
                self.paragraph(child, out)
            elif name == "tbl":
                self.table(child, out)
            elif name in _PASS_BLOCK or name == "sdt":
                self.blocks(child, out)
            elif child.tag == f"{_MC}AlternateContent":
                self.alternate(child, lambda part, o=out: self.blocks(part, o))

    def paragraph(self, p: etree._Element, out: list[Block]) -> None:
        """One paragraph, then the paragraphs of text boxes anchored in it."""
        parts: list[str] = []
        boxes: list[Block] = []
        self.inline(p, parts, boxes)
        style = ""
        properties = w_child(p, "pPr")
        if properties is not None:
            style_element = w_child(properties, "pStyle")
            if style_element is not None:
                style = w_attr(style_element, "val") or ""
        out.append(Block("".join(parts), style))
        out.extend(boxes)

    def inline(self, element: etree._Element, parts: list[str], boxes: list[Block]) -> None:
        """Text of runs and their wrappers (hyperlinks, insertions, fields, controls…)."""
        for child in element:
            tag = child.tag
            name = _local(tag)
            if name == "t" or name == "m:t":
                parts.append(child.text or "")
                for entity in child:  # an unresolved entity reference: only its tail is text
                    parts.append(entity.tail or "")
            elif name in _SKIP_INLINE:
                continue
            elif name in ("tab", "ptab"):
                parts.append("\t")
            elif name in ("br", "cr"):
                parts.append("\n")
            elif name == "noBreakHyphen":
                parts.append("-")
            elif name == "sym":
                parts.append(_symbol(child))
            elif name in ("footnoteReference", "endnoteReference"):
                parts.append(self.note_mark(name[: -len("Reference")], child))
            elif name == "txbxContent":
                self.blocks(child, boxes)
            elif tag == f"{_MC}AlternateContent":
                self.alternate(child, lambda part: self.inline(part, parts, boxes))
            elif tag == _VML_TEXTPATH:
                if child.get("string", "").strip():  # WordArt
                    boxes.append(Block(child.get("string", "")))
            elif isinstance(tag, str):  # runs, hyperlinks, drawings: look inside
                self.inline(child, parts, boxes)

    def alternate(self, element: etree._Element, read) -> None:
        """Read the first mc:Choice (Word's own rendering), else the mc:Fallback."""
        chosen = element.find(f"{_MC}Choice")
        if chosen is None:
            chosen = element.find(f"{_MC}Fallback")
        if chosen is not None:
            read(chosen)

    def table(self, tbl: etree._Element, out: list[Block]) -> None:
        """One paragraph per row, cells joined by " | "; one-column tables unwrapped."""
        rows: list[list[list[Block]]] = []
        for tr in _rows(tbl):
            cells = []
            for tc in _cells(tr):
                cell: list[Block] = []
                self.blocks(tc, cell)
                cells.append(cell)
            rows.append(cells)
        if all(len(cells) <= 1 for cells in rows):
            for cells in rows:
                for cell in cells:
                    out.extend(cell)
            return
        for cells in rows:
            for texts in _row_lines(cells):
                while texts and not texts[-1]:  # empty cells at the end say nothing
                    texts.pop()
                if texts:  # empty ones before a filled cell keep the columns aligned
                    out.append(Block(" | ".join(texts)))

    def note_mark(self, kind: str, reference: etree._Element) -> str:
        """ "[n]" for a footnote or endnote reference, numbered in reading order."""
        key = (kind, w_attr(reference, "id") or "")
        number = self._note_numbers.get(key)
        if number is None:
            self.notes.append(key)
            number = self._note_numbers[key] = len(self.notes)
        return f"[{number}]"


def _rows(tbl: etree._Element):
    """A table's rows, through content controls, skipping rows deleted as a change."""
    for child in tbl:
        name = _local(child.tag)
        if name == "tr":
            properties = w_child(child, "trPr")
            if properties is None or w_child(properties, "del") is None:
                yield child
        elif name in ("sdt", "sdtContent", "customXml"):
            yield from _rows(child)


def _cells(tr: etree._Element):
    """A row's cells, through content controls."""
    for child in tr:
        name = _local(child.tag)
        if name == "tc":
            yield child
        elif name in ("sdt", "sdtContent", "customXml"):
            yield from _cells(child)


def _row_lines(cells: list[list[Block]]) -> list[list[str]]:
    """The cell texts of a row, as one line or as several.

    Some tables stack their rows as lines inside one row's cells ("Gross Income",
    "Income Tax", … in the first cell, the figures line for line in the next). When
    every cell holding text has the same number of lines (three or more, none blank
    between two others: those are more often short paragraphs of prose), line i of
    each cell makes row i, so a label stays beside its figure; otherwise each cell is
    one line.
    """
    lines = [
        [" ".join(line.split()) for b in cell for line in b.text.split("\n")] for cell in cells
    ]
    for cell_lines in lines:
        while cell_lines and not cell_lines[-1]:
            cell_lines.pop()
    counts = {len(cell_lines) for cell_lines in lines if cell_lines}
    stacked = len(counts) == 1 and min(counts) >= 3 and sum(1 for c in lines if c) > 1
    if stacked and not any(_gap(cell_lines) for cell_lines in lines):
        depth = counts.pop()
        return [[c[i] if i < len(c) else "" for c in lines] for i in range(depth)]
    return [[" ".join(line for line in cell_lines if line) for cell_lines in lines]]


def _gap(lines: list[str]) -> bool:
    """Whether a blank line stands between two lines with text."""
    filled = [i for i, line in enumerate(lines) if line]
    return bool(filled) and filled[-1] - filled[0] + 1 != len(filled)


def _symbol(sym: etree._Element) -> str:
    """The character of a w:sym, "" when it is a symbol font's private glyph."""
    try:
        code = int(w_attr(sym, "char") or "", 16)
    except ValueError:
        return ""
    if code in _SYMBOL_FONTS or not 0x20 <= code <= 0x10FFFF or 0xD800 <= code <= 0xDFFF:
        return ""
    return chr(code)


def read_body(document: etree._Element) -> BodyText:
    """The paragraphs of a w:document's body and the notes they reference."""
    walker = _Walker()
    result = BodyText()
    body = w_child(document, "body")
    if body is not None:
        walker.blocks(body, result.blocks)
    result.notes = walker.notes
    return result


def read_notes(root: etree._Element | None, kind: str) -> dict[str, list[Block]]:
    """Note id → its paragraphs, for w:footnotes or w:endnotes (separators left out)."""
    if root is None:
        return {}
    notes: dict[str, list[Block]] = {}
    walker = _Walker()
    for note in root:
        if _local(note.tag) != kind or (w_attr(note, "type") or "normal") != "normal":
            continue
        blocks: list[Block] = []
        walker.blocks(note, blocks)
        notes[w_attr(note, "id") or ""] = blocks
    return notes


def style_names(root: etree._Element | None) -> dict[str, str]:
    """Paragraph style id → style name, from styles.xml ({} when there is none)."""
    names: dict[str, str] = {}
    if root is None:
        return names
    for style in root:
        if _local(style.tag) != "style" or w_attr(style, "type") not in (None, "paragraph"):
            continue
        style_id = w_attr(style, "styleId")
        name_element = w_child(style, "name")
        if style_id is not None and name_element is not None:
            names[style_id] = w_attr(name_element, "val") or style_id
    return names
