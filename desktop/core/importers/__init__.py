"""Turning files, pasted text and web pages into articles.

Every importer returns a :class:`ParsedArticle` (paragraphs, headings and metadata) or
raises :class:`~desktop.core.errors.ImportFailed` naming the file and the problem. They
only read: the input file is never modified, and nothing is fetched or executed.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from desktop.core.errors import ImportFailed
from desktop.core.text import clean_line

MAX_FILE_BYTES = 40_000_000  # larger files would make an unusable single article
MAX_TEXT_CHARS = 20_000_000

# extension → (module, description shown in file dialogs)
FORMATS = {
    ".txt": ("plaintext", "Plain text"),
    ".text": ("plaintext", "Plain text"),
    ".md": ("markdown", "Markdown"),
    ".markdown": ("markdown", "Markdown"),
    ".html": ("html", "Web page"),
    ".htm": ("html", "Web page"),
    ".xhtml": ("html", "Web page"),
    ".docx": ("docx", "Word document"),
    ".pdf": ("pdf", "PDF document"),
    ".srt": ("subtitles", "Subtitles"),
    ".vtt": ("subtitles", "Subtitles"),
    # screenshots of posts, read by text recognition with the optional OCR extra
    ".png": ("image", "Image"),
    ".jpg": ("image", "Image"),
    ".jpeg": ("image", "Image"),
}


@dataclass
class ParsedArticle:
    """What an importer read: paragraphs and the metadata it could find.

    `headings` maps a paragraph index to its level (1 for the title line); `turns` maps
    the paragraph where a transcript's turn begins to (speaker, start time in ms or None).
    """

    paragraphs: list[str]
    headings: dict[int, int] = field(default_factory=dict)
    title: str = ""
    outlet: str = ""
    authors: list[str] = field(default_factory=list)
    url: str = ""
    published: date | None = None
    language: str = ""
    source_name: str = ""
    turns: dict[int, tuple[str, int | None]] = field(default_factory=dict)


def import_path(path: str | Path) -> ParsedArticle:
    """Read the article in a file, choosing the importer by extension.

    Only a regular file is opened (a named pipe would block, a device never end), and
    never more of it than MAX_FILE_BYTES is read.
    """
    from desktop.core.regular_file import NotReadable, read_regular, special_file_problem

    name = os.fspath(path)  # as typed: Path("http://x") would print "http:/x"
    path = Path(path)
    if path.is_dir():
        raise ImportFailed(name, "is a folder, not a file")
    problem = special_file_problem(path)  # before any open(): a FIFO blocks it
    if problem is not None:
        raise ImportFailed(name, problem)
    if not path.exists():
        raise ImportFailed(name, "does not exist")
    entry = FORMATS.get(path.suffix.lower())
    if entry is None:
        known = ", ".join(sorted({ext for ext in FORMATS}))
        raise ImportFailed(name, f"unknown file type {path.suffix or '(none)'!r}; use {known}")
    try:
        data = read_regular(path, MAX_FILE_BYTES)
    except NotReadable as exc:
        if exc.size is None:
            raise ImportFailed(name, exc.problem) from None
        if exc.grew:  # states a smaller size than it holds (a /proc file, a growing log)
            problem = f"holds more than {size_text(MAX_FILE_BYTES)}, the most Factdesk imports"
        else:
            advice = "split it into parts first"
            problem = too_large(exc.size, MAX_FILE_BYTES, "imports files", advice)
        raise ImportFailed(name, problem) from None
    parsed = parse_bytes(data, kind=entry[0], source_name=name)
    parsed.source_name = path.name
    return parsed


def size_text(size: int) -> str:
    """A size as every message states one: "40 MB", "50.3 MB", "1.5 kB", "40 bytes"
    (decimal units: 1 MB is 1,000,000 bytes)."""
    for unit, scale in (("MB", 1_000_000), ("kB", 1_000)):
        if size >= scale:
            if size % scale == 0:
                return f"{size // scale} {unit}"
            return f"{size / scale:.1f} {unit}"
    return f"{size:,} bytes"


def sizes_apart(size: int, cap: int) -> tuple[str, str]:
    """size_text of a size over a cap and of the cap, exact where rounding would make
    them look equal ("40.0 MB" over "40 MB")."""
    shown, limit = size_text(size), size_text(cap)
    if shown.split()[-1] == limit.split()[-1] and float(shown.split()[0]) == float(
        limit.split()[0]
    ):
        return f"{size:,} bytes", f"{cap:,} bytes"
    return shown, limit


def too_large(size: int, cap: int, does: str, advice: str) -> str:
    """ "is 50.3 MB; Factdesk imports files up to 40 MB (split it into parts first)"."""
    shown, limit = sizes_apart(size, cap)
    return f"is {shown}; Factdesk {does} up to {limit} ({advice})"


def parse_bytes(data: bytes, *, kind: str, source_name: str, url: str = "") -> ParsedArticle:
    """Parse file contents with the importer `kind` (a module name of this package)."""
    from importlib import import_module

    from desktop.core.importers.sniff import foreign_binary

    if not data.strip():
        raise ImportFailed(source_name, "is empty")
    problem = foreign_binary(data, kind)  # a program or image whatever its name says
    if problem is not None:
        raise ImportFailed(source_name, problem)
    module = import_module(f"desktop.core.importers.{kind}")
    parsed: ParsedArticle = module.parse(data, source_name)
    parsed.source_name = parsed.source_name or source_name
    if url and not parsed.url:
        parsed.url = url
    return finish(parsed, source_name)


def parse_text(raw: str, *, source_name: str = "pasted text") -> ParsedArticle:
    """An article from text typed or pasted by the user (the .txt path, already decoded)."""
    from desktop.core.importers.plaintext import parse_string

    parsed = parse_string(raw, source_name)
    parsed.source_name = source_name  # as parse_bytes does: the article says where it came from
    return finish(parsed, source_name)


def finish(parsed: ParsedArticle, source_name: str) -> ParsedArticle:
    """Checks and fills in what every importer shares: non-empty, title, language."""
    parsed.paragraphs = [clean_line(p) for p in parsed.paragraphs]
    keep = [i for i, p in enumerate(parsed.paragraphs) if p.strip(" \u00a0\u202f")]
    if len(keep) != len(parsed.paragraphs):
        index = {old: new for new, old in enumerate(keep)}
        parsed.headings = {index[i]: lvl for i, lvl in parsed.headings.items() if i in index}
        parsed.turns = {index[i]: turn for i, turn in parsed.turns.items() if i in index}
        parsed.paragraphs = [parsed.paragraphs[i] for i in keep]
    if not parsed.paragraphs:
        raise ImportFailed(source_name, "contains no text")
    if not parsed.turns:  # subtitles bring their own; a text or Word transcript has labels
        from desktop.core.transcripts import speaker_turns

        parsed.turns = speaker_turns(parsed.paragraphs)
    total = sum(len(p) for p in parsed.paragraphs)
    if total > MAX_TEXT_CHARS:
        raise ImportFailed(
            source_name,
            f"holds {total:,} characters; Factdesk imports up to {MAX_TEXT_CHARS:,} "
            "(split it into parts first)",
        )
    if not parsed.title:
        first = parsed.paragraphs[0]
        parsed.title = first if len(first) <= 120 else first[:117].rstrip() + "…"
    if not parsed.language:
        parsed.language = guess_language(" ".join(parsed.paragraphs[:20]))
    return parsed


def guess_language(text: str) -> str:
    """The language of a text as an ISO 639-1 code, "" when unsure (desktop.core.language)."""
    from desktop.core.language import identify

    return identify(text)


def looks_like_heading(paragraph: str, *, max_len: int = 120) -> bool:
    """A short line with no closing sentence punctuation reads as a title or subheading."""
    line = paragraph.strip()
    return (
        0 < len(line) <= max_len
        and len(line.split()) <= 20
        and line[-1] not in '.!?:;…,»"”)'
        and not line.startswith(("«", "“", '"', "-", "—", "•"))
    )


def file_dialog_filter(names: dict[str, str] | None = None, everything: str = "Articles") -> str:
    """Qt file-dialog filter naming every supported extension (plain string, no Qt).

    `names` maps an importer (a FORMATS module name) to what to call its files, so the
    GUI can pass them in the user's language; English descriptions otherwise.
    """
    exts = " ".join(f"*{ext}" for ext in FORMATS)
    groups: dict[str, list[str]] = {}
    for ext, (module, desc) in FORMATS.items():
        groups.setdefault((names or {}).get(module, desc), []).append(f"*{ext}")
    parts = [f"{everything} ({exts})"] + [f"{d} ({' '.join(e)})" for d, e in groups.items()]
    return ";;".join(parts)
