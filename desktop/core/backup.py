"""Copies of a SQLite library, made with SQLite's online backup API.

The backup API copies a consistent snapshot even while another connection writes, which
a plain file copy of a WAL database does not. Copies live in a `backups` folder beside
the library, named `<library>-<UTC time>-<reason>.sqlite3`.
"""

from __future__ import annotations

import re
import sqlite3
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from desktop.core.errors import DatabaseError

_SAFE = re.compile(r"[^A-Za-z0-9_.-]+")


@dataclass(frozen=True)
class Backup:
    path: Path
    created: datetime
    reason: str


def backup_dir(db_path: Path) -> Path:
    """Where the copies of the library at `db_path` are kept."""
    return db_path.parent / "backups"


def copy_database(src: Path, dest: Path) -> None:
    """A consistent copy of the SQLite database `src` at `dest` (replaced if present)."""
    tmp = dest.with_name(dest.name + ".part")
    # as_uri escapes "#" and "?": in a raw "file:" URI they would silently cut the path
    # and the "copy" would be of an empty database.
    source = sqlite3.connect(Path(src).resolve().as_uri() + "?mode=ro", uri=True)
    try:
        target = sqlite3.connect(tmp)
        try:
            source.backup(target)
            target.execute("PRAGMA journal_mode = DELETE")
        finally:
            target.close()
    finally:
        source.close()
    tmp.replace(dest)


def create_backup(store, *, reason: str = "manual") -> Path:
    """Copy the store's SQLite file into its backups folder; returns the copy's path."""
    if store.path is None:
        raise DatabaseError(f"{store.label}: backups are made only of SQLite library files")
    folder = backup_dir(store.path)
    try:
        folder.mkdir(parents=True, exist_ok=True)
        stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S%fZ")
        dest = folder / f"{store.path.stem}-{stamp}-{_SAFE.sub('-', reason)}.sqlite3"
        copy_database(store.path, dest)
    except (OSError, sqlite3.Error) as exc:
        raise DatabaseError(f"{store.path}: could not make a backup copy ({exc})") from exc
    return dest


def list_backups(db_path: Path) -> list[Backup]:
    """The copies of the library at `db_path`, newest first."""
    folder = backup_dir(db_path)
    found = []
    pattern = re.compile(re.escape(db_path.stem) + r"-(\d{8}T\d{12}Z)-(.+)\.sqlite3$")
    for path in folder.glob("*.sqlite3") if folder.is_dir() else ():
        match = pattern.match(path.name)
        if match:
            created = datetime.strptime(match.group(1), "%Y%m%dT%H%M%S%fZ").replace(tzinfo=UTC)
            found.append(Backup(path=path, created=created, reason=match.group(2)))
    return sorted(found, key=lambda b: b.created, reverse=True)
