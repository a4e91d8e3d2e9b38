"""Helpers the command modules share: opening the library, printing results."""

from __future__ import annotations

import json
import sys
from contextlib import contextmanager
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
            note = f" (backup: {store.backup_path})" if store.backup_path else ""
            print(f"factdesk: upgraded {store.label} to the current schema{note}", file=sys.stderr)
        for notice in store.notices:
            print(f"factdesk: {notice}", file=sys.stderr)
        try:
            yield store
        finally:
            store.ensure_sound()  # raises over what the block read or raised, if damaged
    finally:
        store.close()


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
