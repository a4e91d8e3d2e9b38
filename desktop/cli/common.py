"""Helpers the command modules share: opening the library, printing results and messages.

Every message goes to stderr as one line, `factdesk: …`, through :func:`say`: a file
name is shown as is when it is plain, else quoted with its control characters escaped
(:func:`shown`), so a newline in a name can never make a second line that reads like
another message.
"""

from __future__ import annotations

import json
import os
import re
import sys
from collections.abc import Iterable
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from desktop.core.store import Store


@contextmanager
def store_for(args, *, reading: bool = False) -> Store:
    """The library of `--db`, closed after the block however it ends (an error, an
    interrupt, a closed pipe): closing a library opened for writing checkpoints it, so
    its one file holds every row once the command is done. `reading`: the command only
    reads, so the library is opened read-only (nothing to checkpoint) and its integrity
    is checked alongside (not before) its work; damage is still reported, in place of
    any output, as the block ends. A library that cannot be opened is closed by
    open_store before it raises."""
    # Imported here, not above: building the parser imports this module, and `factdesk`
    # with no command must reach the GUI's first paint without SQLAlchemy.
    from desktop.core.store import open_store

    store = open_store(getattr(args, "db", None), for_reading=reading)
    try:
        if store.upgraded_from:
            note = f" (backup: {shown(store.backup_path)})" if store.backup_path else ""
            say(f"upgraded {shown(store.label)} to the current schema{note}")
        for notice in store.notices:
            say(notice)
        try:
            yield store
        finally:
            store.ensure_sound()  # raises over what the block read or raised, if damaged
    finally:
        store.close()


def library_file(args) -> Path | None:
    """The SQLite file `--db` (or FACTDESK_DB, or the default) names, resolved as
    open_store resolves it; None for a server's URL or an in-memory database."""
    from desktop.core.location import default_location, is_url

    target = getattr(args, "db", None) or default_location()
    if target.startswith("sqlite:///"):
        target = target.removeprefix("sqlite:///")
    elif is_url(target):
        return None
    if target.startswith(":memory:"):
        return None
    return Path(os.path.realpath(Path(target).expanduser()))


def count(text: str) -> int:
    """An argparse type for "how many" options (--top, --limit): a whole number, 1–10000."""
    import argparse

    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number") from None
    if not 1 <= value <= 10_000:
        raise argparse.ArgumentTypeError("give a number from 1 to 10000")
    return value


def print_json(data) -> None:
    json.dump(data, sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")


def print_table(rows: list[list[str]], headers: list[str]) -> None:
    """A plain aligned table; the last column is never padded."""
    table = [headers, *rows]
    widths = [max(len(str(r[i])) for r in table) for i in range(len(headers) - 1)]
    for row in table:
        cells = [str(c).ljust(w) for c, w in zip(row, widths, strict=False)]
        print("  ".join([*cells, str(row[-1])]).rstrip())


def shown(name: str | os.PathLike) -> str:
    """A name (a file, a URL, a value typed) as messages show it: as is when it is plain,
    else quoted like Python's repr, its control characters escaped ('a\\nb')."""
    text = os.fspath(name)
    return text if text and _plain(text) and text == text.strip() else repr(text)


def _plain(text: str) -> bool:
    """No control, format, separator-of-lines or unpaired-surrogate character: only
    letters, marks, numbers, punctuation, symbols and spaces (a French no-break one too)."""
    return text.isprintable() or all(ch.isprintable() or ch in _SPACES for ch in text)


# Unicode's space separators (category Zs), which str.isprintable() counts as unprintable
_SPACES = frozenset(" \u00a0\u1680\u202f\u205f\u3000" + "".join(map(chr, range(0x2000, 0x200B))))


# The values of this run's arguments that are not plain text: messages made by the core
# may hold them raw (a path inside "cannot be read"), and say() shows them as shown() does.
_raw_names: set[str] = set()


def remember_names(values: Iterable[str]) -> None:
    """Note the command line's values, so say() quotes them wherever a message holds them."""
    _raw_names.clear()
    for value in values:
        if not isinstance(value, str):
            continue
        forms = {value, value.partition("=")[2] if value.startswith("--") else value}
        for form in list(forms):
            if form:
                forms.add(str(os.path.normpath(form)))
                forms.add(os.path.abspath(form))
        # (a value of control characters alone, `--tag $'\n'`, would match every line
        # break; say() escapes those anyway)
        _raw_names.update(f for f in forms if not _plain(f) and any(c.isalnum() for c in f))


_LINE_BREAK = re.compile(r"[ \t]*(?:\r\n|\r|\n|\v|\f|\x1c|\x1d|\x1e|\x85|\u2028|\u2029)\s*")


def one_line(text: str) -> str:
    """`text` as one line: the command line's values in it quoted (shown), line breaks
    between sentences (a driver's "…refused\\n\\tIs the server running…") made "; ",
    and any other control character escaped."""
    text = str(text).strip()
    for name in sorted(_raw_names, key=len, reverse=True):
        text = text.replace(name, repr(name))
    text = _LINE_BREAK.sub("; ", text)
    if _plain(text):
        return text
    return "".join(ch if ch.isprintable() or ch in _SPACES else repr(ch)[1:-1] for ch in text)


def say(text: str) -> None:
    """Print one message line on stderr: `factdesk: <text>`."""
    print(f"factdesk: {one_line(text)}", file=sys.stderr, flush=True)
