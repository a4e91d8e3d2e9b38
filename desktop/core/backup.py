"""Copies of a SQLite library, made with SQLite's online backup API, and restoring them.

The backup API copies a consistent snapshot even while another connection writes, which
a plain file copy of a WAL database does not. Copies live in a `backups` folder beside
the library, named `<library>-<UTC time>-<reason>.sqlite3`: one before every migration,
one a day on open (the last `DAILY_KEEP` daily copies are kept), and any the user makes.

Restoring never deletes anything: a healthy library is first copied into the backups
folder, a damaged one is moved aside (with its WAL) under a `.damaged-<time>` name.
"""

from __future__ import annotations

import re
import sqlite3
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path

from desktop.core.errors import DatabaseError

_SAFE = re.compile(r"[^A-Za-z0-9_.-]+")
_STAMP = "%Y%m%dT%H%M%S%fZ"
DAILY = "daily"
DAILY_KEEP = 7
_DAMAGE_CODES = {11, 26}  # SQLITE_CORRUPT, SQLITE_NOTADB


@dataclass(frozen=True)
class Backup:
    path: Path
    created: datetime
    reason: str

    @property
    def size(self) -> int:
        """Bytes on disk (0 if the copy vanished since it was listed)."""
        try:
            return self.path.stat().st_size
        except OSError:
            return 0


@dataclass(frozen=True)
class Restored:
    """What a restore did besides putting the copy in place."""

    safety_copy: Path | None  # the library as it was, copied into the backups folder
    damaged_copy: Path | None  # the damaged library, moved aside and kept


def backup_dir(db_path: Path) -> Path:
    """Where the copies of the library at `db_path` are kept."""
    return db_path.parent / "backups"


def _ro_uri(path: Path) -> str:
    # as_uri escapes "#" and "?": in a raw "file:" URI they would silently cut the path
    # and the "copy" would be of an empty database.
    return Path(path).resolve().as_uri() + "?mode=ro"


def copy_database(src: Path, dest: Path) -> None:
    """A consistent copy of the SQLite database `src` at `dest` (replaced if present)."""
    tmp = dest.with_name(dest.name + ".part")
    source = sqlite3.connect(_ro_uri(src), uri=True, timeout=30)
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


def backup_file(db_path: Path, *, reason: str = "manual") -> Path:
    """Copy the SQLite library at `db_path` into its backups folder; returns the copy."""
    folder = backup_dir(db_path)
    try:
        folder.mkdir(parents=True, exist_ok=True)
        stamp = datetime.now(UTC).strftime(_STAMP)
        dest = folder / f"{db_path.stem}-{stamp}-{_SAFE.sub('-', reason)}.sqlite3"
        copy_database(db_path, dest)
    except (OSError, sqlite3.Error) as exc:
        raise DatabaseError(f"{db_path}: could not make a backup copy ({exc})") from exc
    return dest


def create_backup(store, *, reason: str = "manual") -> Path:
    """Copy the store's SQLite file into its backups folder; returns the copy's path."""
    if store.path is None:
        raise DatabaseError(f"{store.label}: backups are made only of SQLite library files")
    return backup_file(store.path, reason=reason)


def list_backups(db_path: Path) -> list[Backup]:
    """The copies of the library at `db_path`, newest first."""
    folder = backup_dir(db_path)
    found = []
    pattern = re.compile(re.escape(db_path.stem) + r"-(\d{8}T\d{12}Z)-(.+)\.sqlite3$")
    for path in folder.glob("*.sqlite3") if folder.is_dir() else ():
        match = pattern.match(path.name)
        if match:
            created = datetime.strptime(match.group(1), _STAMP).replace(tzinfo=UTC)
            found.append(Backup(path=path, created=created, reason=match.group(2)))
    return sorted(found, key=lambda b: b.created, reverse=True)


def ensure_daily_backup(
    db_path: Path, *, keep: int = DAILY_KEEP, today: date | None = None
) -> Path | None:
    """Today's copy, unless one (of any reason) was made today; prunes old daily copies.

    Only copies named "daily" are ever pruned: those made before an upgrade or by the
    user stay until the user removes them.
    """
    today = today or datetime.now(UTC).date()
    existing = list_backups(db_path)
    if any(b.created.date() == today for b in existing):
        return None
    made = backup_file(db_path, reason=DAILY)
    dailies = [b for b in list_backups(db_path) if b.reason == DAILY]
    for old in dailies[keep:]:
        try:
            old.path.unlink()
        except OSError:
            pass  # another Factdesk pruned it first, or the folder is read-only: harmless
    return made


def is_damage(exc: BaseException) -> bool:
    """True when SQLite says the file is corrupt or not a database at all."""
    code = getattr(exc, "sqlite_errorcode", None)
    if code is not None:
        return code & 0xFF in _DAMAGE_CODES
    text = str(exc)
    return "malformed" in text or "not a database" in text


class IntegrityCheck:
    """integrity_problem(path), running on a thread from the moment it is made.

    SQLite leaves Python's interpreter while it reads every page, so the check costs no
    time on a second core while the caller imports modules or reads what it needs;
    problem() waits for the verdict.
    """

    def __init__(self, path: Path) -> None:
        import threading

        self.path = Path(path)
        self._problem: str | None = None
        self._thread = threading.Thread(target=self._run, name="factdesk-check", daemon=True)
        self._thread.start()

    def _run(self) -> None:
        self._problem = integrity_problem(self.path)

    def problem(self) -> str | None:
        self._thread.join()
        return self._problem


def integrity_problem(path: Path, *, full: bool = False) -> str | None:
    """Why the SQLite file at `path` is damaged, or None when `PRAGMA quick_check` is ok.

    Reads only (a read-only connection). `full` runs the slower integrity_check, which
    also compares every index with its table.
    """
    try:
        con = sqlite3.connect(_ro_uri(path), uri=True, timeout=30)
    except sqlite3.Error as exc:
        return str(exc)
    try:
        pragma = "PRAGMA integrity_check" if full else "PRAGMA quick_check"
        rows = [r[0] for r in con.execute(pragma).fetchmany(5)]
    except sqlite3.Error as exc:
        return str(exc)
    finally:
        con.close()
    if rows == ["ok"]:
        return None
    # One line for a message: SQLite's report spans lines ("*** in database main ***\n…").
    text = "; ".join(" ".join(str(r).split()) for r in rows).removeprefix(
        "*** in database main *** "
    )
    return text if len(text) <= 200 else text[:199] + "…"


def _restorable_problem(path: Path) -> str | None:
    """Why the copy at `path` cannot be restored, or None: an intact Factdesk library."""
    if not path.is_file():
        return "it does not exist"
    with path.open("rb") as fh:
        if not fh.read(16).startswith(b"SQLite format 3"):
            return "it is not an SQLite file"
    problem = integrity_problem(path)
    if problem:
        return f"it is damaged too ({problem})"
    con = sqlite3.connect(_ro_uri(path), uri=True)
    try:
        names = {r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    finally:
        con.close()
    if not {"alembic_version", "article", "claim"} <= names:
        return "it is not a Factdesk library"
    return None


def latest_good_backup(db_path: Path) -> Backup | None:
    """The newest copy of the library that passes its integrity check."""
    for backup in list_backups(db_path):
        if _restorable_problem(backup.path) is None:
            return backup
    return None


def _move_aside(db_path: Path) -> Path:
    """Rename a damaged library out of the way, with its WAL when that holds anything.

    An empty -wal and the -shm (an index SQLite rebuilds) hold no data; they are
    removed so they cannot be paired with the restored file.
    """
    stamp = datetime.now(UTC).strftime(_STAMP)
    kept = db_path.with_name(f"{db_path.name}.damaged-{stamp}")
    wal, shm = (db_path.with_name(db_path.name + suffix) for suffix in ("-wal", "-shm"))
    if wal.exists() and wal.stat().st_size > 0:
        wal.rename(kept.with_name(kept.name + "-wal"))
    for side in (wal, shm):
        if side.exists():
            side.unlink()
    db_path.rename(kept)
    return kept


def restore_backup(db_path: Path, backup_path: Path) -> Restored:
    """Put the copy at `backup_path` back as the library at `db_path`; loses nothing.

    A healthy library is copied into the backups folder first, then overwritten through
    the backup API (a transaction like any write, safe beside other connections). A
    damaged or unreadable one is moved aside and kept, and the copy takes its place.
    """
    db_path, backup_path = Path(db_path), Path(backup_path)
    problem = _restorable_problem(backup_path)
    if problem:
        raise DatabaseError(f"{backup_path}: cannot be restored: {problem}")
    try:
        if db_path.exists() and _restorable_problem(db_path) is None:
            safety = backup_file(db_path, reason="before-restore")
            source = sqlite3.connect(_ro_uri(backup_path), uri=True, timeout=30)
            try:
                target = sqlite3.connect(db_path, timeout=30)
                try:
                    source.backup(target)
                finally:
                    target.close()
            finally:
                source.close()
            return Restored(safety_copy=safety, damaged_copy=None)
        damaged = _move_aside(db_path) if db_path.exists() else None
        copy_database(backup_path, db_path)
        return Restored(safety_copy=None, damaged_copy=damaged)
    except (OSError, sqlite3.Error) as exc:
        raise DatabaseError(f"{db_path}: could not restore {backup_path.name} ({exc})") from exc
