"""Plain text: encoding detection, paragraphs, and a title line like the seed's."""

from __future__ import annotations

import codecs

from desktop.core.errors import ImportFailed
from desktop.core.importers import ParsedArticle, looks_like_heading
from desktop.core.text import split_paragraphs

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)


def decode(data: bytes, source_name: str) -> str:
    """Text of a file in UTF-8 (with or without BOM), UTF-16/32 with BOM, or cp1252.

    A file that is mostly UTF-8 but has invalid bytes is refused rather than guessed:
    decoding it as cp1252 would silently turn every accent into mojibake. So is binary
    data that decodes (UTF-16 and cp1252 take almost any bytes) to control characters.
    """
    from desktop.core.importers.sniff import binary_text

    text = _decode(data, source_name)
    if binary_text(text):
        raise ImportFailed(source_name, "is not a text file (it holds binary data)")
    return text


def _decode(data: bytes, source_name: str) -> str:
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data[len(bom) :].decode(encoding)
            except UnicodeDecodeError as exc:
                raise ImportFailed(
                    source_name, f"is not valid {encoding.upper()} at byte {exc.start + len(bom)}"
                ) from exc
    utf16 = _bomless_utf16(data)
    if utf16 is not None:
        return utf16
    if b"\x00" in data[:8192] or _binary_ratio(data[:8192]) > 0.05:
        raise ImportFailed(source_name, "is not a text file (it holds binary data)")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        utf8_error = exc
    # Real multi-byte UTF-8 sequences elsewhere mean the file is UTF-8, damaged.
    good = data.decode("utf-8", errors="ignore")
    if any(ord(ch) > 0x7F for ch in good):
        raise ImportFailed(
            source_name,
            f"is not valid UTF-8 (bad byte 0x{data[utf8_error.start]:02x} at offset "
            f"{utf8_error.start}); re-save it as UTF-8",
        )
    try:
        return data.decode("cp1252")
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None:
        raise ImportFailed(source_name, "cannot tell its character encoding; re-save it as UTF-8")
    return str(best)


def _bomless_utf16(data: bytes) -> str | None:
    """Text saved as UTF-16 without a BOM: mostly-Latin text has a zero byte in every
    other position, which binary data almost never has for long."""
    head = data[:4096]
    if len(head) < 8 or len(data) % 2:
        return None
    odd_zero = head[1::2].count(0) / (len(head) // 2)
    even_zero = head[0::2].count(0) / (len(head) // 2)
    for encoding, zeros, others in (
        ("utf-16-le", odd_zero, even_zero),
        ("utf-16-be", even_zero, odd_zero),
    ):
        if zeros > 0.6 and others < 0.05:
            try:
                return data.decode(encoding)
            except UnicodeDecodeError:
                return None
    return None


def _binary_ratio(chunk: bytes) -> float:
    if not chunk:
        return 0.0
    controls = sum(1 for b in chunk if b < 9 or 13 < b < 32 and b != 27)
    return controls / len(chunk)


def parse_string(raw: str, source_name: str) -> ParsedArticle:
    """Paragraphs of a decoded text; a title-like first line becomes the title (level 1)
    and other short unpunctuated lines followed by body text become subheadings."""
    paragraphs = _turn_per_line(raw) or split_paragraphs(raw)
    headings: dict[int, int] = {}
    title = ""
    if len(paragraphs) > 1 and looks_like_heading(paragraphs[0], max_len=250):
        title = paragraphs[0]
        headings[0] = 1
    for i in range(1, len(paragraphs) - 1):
        nxt = paragraphs[i + 1]
        if looks_like_heading(paragraphs[i], max_len=100) and not looks_like_heading(nxt):
            headings[i] = 2
    return ParsedArticle(paragraphs=paragraphs, headings=headings, title=title)


def _turn_per_line(raw: str) -> list[str] | None:
    """A transcript typed one turn per line inside blank-line blocks ("DUPONT : …" under
    "MARTIN : …") would have its turns joined as hard-wrapped lines: each line that opens
    with a speaker label starts a paragraph instead, when that makes a transcript."""
    from desktop.core.transcripts import speaker_label, speaker_turns

    lines = raw.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    if sum(1 for line in lines[:2000] if speaker_label(line.strip())) < 3:
        return None
    marked = ["\n" + line if speaker_label(line.strip()) is not None else line for line in lines]
    paragraphs = split_paragraphs("\n".join(marked))
    return paragraphs if speaker_turns(paragraphs) else None


def parse(data: bytes, source_name: str) -> ParsedArticle:
    text = decode(data, source_name)
    if not text.strip():
        raise ImportFailed(source_name, "contains only white space")
    return parse_string(text, source_name)
