"""Copies of a SQLite library, made with SQLite's online backup API, and restoring them.

The backup API copies a consistent snapshot even while another connection writes, which
a plain file copy of a WAL database does not. Copies live in a `backups` folder beside
the library, named `<library>-<UTC time>-<reason>.sqlite3`: one before every migration,
one a day on open (the last `DAILY_KEEP` daily copies are kept), and any the user makes.

Restoring never deletes anything and is atomic. The library is kept as a copy first: a
healthy one in the backups folder, a damaged one beside it under a `.damaged-<time>` name
(with its WAL). A damaged library is replaced by a copy of the backup written and synced
under a temporary name, then renamed into place; a healthy one (which another program may
have open) is overwritten through the backup API, in one transaction. Before anything is
written, a marker (`<library>.restore`) says a restore is under way: when a crash, a kill
or a power cut interrupts it, the next open finishes it if the restored copy was
complete, else removes what it left and keeps the library as it was, and says which on
one line (resume_interrupted_restore).

Creating, upgrading and restoring a library, and copying it, take turns through an OS
file lock beside it (`<library>.lock`, see library_lock): programs opening one library at
once wait for each other instead of failing or each making their own copy.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import sqlite3
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime
from pathlib import Path

from desktop.core.errors import DatabaseError

try:
    import fcntl
except ImportError:  # Windows
    fcntl = None
    import msvcrt

_SAFE = re.compile(r"[^A-Za-z0-9_.-]+")
_STAMP = "%Y%m%dT%H%M%S%fZ"
DAILY = "daily"
DAILY_KEEP = 7
_DAMAGE_CODES = {11, 26}  # SQLITE_CORRUPT, SQLITE_NOTADB
LOCK_TIMEOUT = 15.0  # seconds, as store.BUSY_TIMEOUT_MS: how long a busy library is waited for
BUSY = "the database is busy in another program; try again in a moment"


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
    damaged_copy: Path | None  # the damaged library, copied beside it and kept
    resumed: str | None = None  # an earlier restore, interrupted, finished or undone first


def backup_dir(db_path: Path) -> Path:
    """Where the copies of the library at `db_path` are kept."""
    return db_path.parent / "backups"


def _ro_uri(path: Path) -> str:
    # as_uri escapes "#" and "?": in a raw "file:" URI they would silently cut the path
    # and the "copy" would be of an empty database.
    return Path(path).resolve().as_uri() + "?mode=ro"


# --- taking turns ------------------------------------------------------------------------

_turns: dict[Path, list] = {}  # library → [RLock, depth]: the threads of this process
_turns_guard = threading.Lock()


def lock_path(db_path: Path) -> Path:
    """The file whose OS lock serialises creating, upgrading, restoring and copying."""
    return db_path.with_name(db_path.name + ".lock")


@contextmanager
def library_lock(db_path: Path, *, timeout: float = LOCK_TIMEOUT) -> Iterator[None]:
    """Hold the library's lock: one program (and one thread) at a time creates, upgrades,
    restores or copies it; the others wait up to `timeout` seconds, then DatabaseError
    says it is busy. Re-entrant in a thread. The lock file is removed when released.

    An OS lock (flock on POSIX, msvcrt.locking on Windows) is released by the system when
    its holder dies, so a killed program never leaves the library locked. A folder where
    the lock file cannot be made (read-only) is not locked: no program can create or
    change a library there anyway.
    """
    db_path = Path(db_path)
    with _turns_guard:
        turn = _turns.setdefault(db_path, [threading.RLock(), 0])
    deadline = time.monotonic() + timeout
    if not turn[0].acquire(timeout=max(0.0, timeout)):
        raise DatabaseError(f"{db_path}: {BUSY}")
    try:
        turn[1] += 1
        if turn[1] > 1:  # this thread holds it already
            yield
            return
        held = _lock_file(lock_path(db_path), deadline, db_path)
        try:
            yield
        finally:
            if held is not None:
                _unlock_file(held, lock_path(db_path))
    finally:
        turn[1] -= 1
        turn[0].release()


def _lock_file(path: Path, deadline: float, db_path: Path) -> int | None:
    """A descriptor of `path` holding its lock; None where files cannot be locked."""
    while True:
        try:
            fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
        except OSError:
            return None
        try:
            got = _try_lock(fd)
        except OSError:
            os.close(fd)
            return None  # a file system without locks
        if got:
            if _is_at(fd, path):
                return fd
            _unlock(fd)  # its holder removed it as it let go: start again on the new file
        os.close(fd)
        if time.monotonic() >= deadline:
            raise DatabaseError(f"{db_path}: {BUSY}")
        time.sleep(0.01)


def _try_lock(fd: int) -> bool:
    """Lock `fd` if nobody holds it; False if somebody does."""
    if fcntl is not None:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            return False
        return True
    os.lseek(fd, 0, os.SEEK_SET)
    try:
        msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
    except OSError as exc:
        import errno

        if exc.errno in (errno.EACCES, getattr(errno, "EDEADLOCK", errno.EDEADLK)):
            return False
        raise
    return True


def _unlock(fd: int) -> None:
    if fcntl is not None:
        fcntl.flock(fd, fcntl.LOCK_UN)
    else:
        os.lseek(fd, 0, os.SEEK_SET)
        msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)


def _is_at(fd: int, path: Path) -> bool:
    """Whether `fd` is still the file at `path` (not one removed since it was opened)."""
    try:
        here = os.stat(path)
    except OSError:
        return False
    mine = os.fstat(fd)
    return (here.st_dev, here.st_ino) == (mine.st_dev, mine.st_ino)


def _unlock_file(fd: int, path: Path) -> None:
    # On POSIX the file goes while still held: a program waiting on it then sees that it
    # is no longer at `path` and starts again. Windows cannot remove a file another
    # program has open, so there it is removed after, when nobody waits.
    if fcntl is not None:
        _remove_quietly(path)
    try:
        _unlock(fd)
    finally:
        os.close(fd)
    if fcntl is None:
        _remove_quietly(path)


# --- copying ------------------------------------------------------------------------------


def _remove(*paths: Path) -> None:
    for path in paths:
        try:
            path.unlink()
        except FileNotFoundError:
            pass


def _remove_quietly(path: Path) -> None:
    try:
        path.unlink()
    except OSError:
        pass


def _sync_file(path: Path) -> None:
    with open(path, "rb+") as fh:
        os.fsync(fh.fileno())


def _sync_dir(folder: Path) -> None:
    """Make the renames and removals in `folder` durable (POSIX: Windows cannot open a
    folder, and its renames are written through)."""
    if os.name != "posix":
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    except OSError:
        pass  # some file systems cannot sync a folder; the rename itself is done
    finally:
        os.close(fd)


def _write_copy(src: Path, dest: Path) -> None:
    """A consistent copy of the SQLite database `src` written at `dest` (a name nobody
    else uses) in rollback-journal mode, so it is one file, and synced to disk."""
    _remove(dest, dest.with_name(dest.name + "-journal"))
    source = sqlite3.connect(_ro_uri(src), uri=True, timeout=30)
    try:
        target = sqlite3.connect(dest)
        try:
            source.backup(target)
            target.execute("PRAGMA journal_mode = DELETE")
        finally:
            target.close()
    finally:
        source.close()
    _sync_file(dest)


def copy_database(src: Path, dest: Path) -> None:
    """A consistent copy of the SQLite database `src` at `dest` (replaced if present),
    written and synced under a temporary name, then renamed into place."""
    tmp = dest.with_name(dest.name + ".part")
    _write_copy(src, tmp)
    tmp.replace(dest)
    _sync_dir(dest.parent)


def _copy_file(src: Path, dest: Path) -> None:
    """A byte copy of `src` (a damaged library nobody writes) at `dest`, synced."""
    tmp = dest.with_name(dest.name + ".part")
    shutil.copyfile(src, tmp)
    _sync_file(tmp)
    tmp.replace(dest)


def backup_file(db_path: Path, *, reason: str = "manual", dest: Path | None = None) -> Path:
    """Copy the SQLite library at `db_path` into its backups folder; returns the copy.
    `dest`: the copy's path, chosen beforehand with backup_name."""
    dest = dest or backup_name(db_path, reason)
    try:
        with library_lock(db_path):
            dest.parent.mkdir(parents=True, exist_ok=True)
            _remove_unfinished_copies(db_path)
            copy_database(db_path, dest)
    except (OSError, sqlite3.Error) as exc:
        raise DatabaseError(f"{db_path}: could not make a backup copy ({exc})") from exc
    return dest


def backup_name(db_path: Path, reason: str) -> Path:
    """Where a copy of the library made now for `reason` goes."""
    stamp = datetime.now(UTC).strftime(_STAMP)
    return backup_dir(db_path) / f"{db_path.stem}-{stamp}-{_SAFE.sub('-', reason)}.sqlite3"


def _remove_unfinished_copies(db_path: Path) -> None:
    """What copies interrupted by a crash left in the backups folder. Every copy is made
    under the library's lock, held by the caller, so none of these is being written."""
    folder = backup_dir(db_path)
    unfinished = re.compile(
        # A copy killed mid-write may leave its journal, or its WAL and shared memory.
        re.escape(db_path.stem) + r"-\d{8}T\d{12}Z-.+\.sqlite3\.part(-journal|-wal|-shm)?$"
    )
    for path in folder.glob("*.part*") if folder.is_dir() else ():
        if unfinished.match(path.name):
            _remove_quietly(path)


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
    if any(b.created.date() == today for b in list_backups(db_path)):
        return None
    with library_lock(db_path):
        # again, holding the lock: a program opening the library at once may have made it
        if any(b.created.date() == today for b in list_backups(db_path)):
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


# --- restoring ----------------------------------------------------------------------------
#
# The marker `<library>.restore` (JSON) is written, and synced, before the first file is
# touched and removed after the last: {"mode", "backup", "kept", "stage"}. Its stage is
# "copying" until the library as it was is kept and the copy to restore is complete and
# synced, then "ready". At the next open (resume_interrupted_restore) a "ready" restore is
# finished, anything else undone: the library never left its place, so undoing is only
# removing what the restore had written.
#
#   mode "replace" (a damaged, foreign or missing library): the library is copied byte for
#   byte to `<library>.damaged-<time>` (its WAL too), the backup is copied to
#   `<library>.restoring`, synced, and renamed over the library.
#   mode "in-place" (a healthy library, which the window or another program may have
#   open): the library is copied into the backups folder, then the backup is copied over
#   it through SQLite's backup API, one transaction that SQLite itself rolls back if it
#   is cut short. A file renamed over an open library would be paired with the WAL of the
#   programs that have it open, and damaged; the transaction is as atomic, and safe.


def _marker(db_path: Path) -> Path:
    return db_path.with_name(db_path.name + ".restore")


def _temp(db_path: Path) -> Path:
    return db_path.with_name(db_path.name + ".restoring")


def _with(path: Path, suffix: str) -> Path:
    return path.with_name(path.name + suffix)


def _write_marker(db_path: Path, state: dict) -> None:
    marker = _marker(db_path)
    tmp = _with(marker, ".part")
    with open(tmp, "w", encoding="utf-8") as fh:
        json.dump(state, fh, ensure_ascii=False)
        fh.flush()
        os.fsync(fh.fileno())
    tmp.replace(marker)
    _sync_dir(db_path.parent)


def _read_marker(db_path: Path) -> dict | None:
    """The marker's state; None when there is none, {} when it cannot be read."""
    try:
        state = json.loads(_marker(db_path).read_text("utf-8"))
    except FileNotFoundError:
        return None
    except (OSError, ValueError):
        return {}
    return state if isinstance(state, dict) else {}


def _clear_marker(db_path: Path) -> None:
    _remove(_marker(db_path), _with(_marker(db_path), ".part"))
    _sync_dir(db_path.parent)


def restore_backup(db_path: Path, backup_path: Path) -> Restored:
    """Put the copy at `backup_path` back as the library at `db_path`; loses nothing.

    The library is kept as a copy first: a healthy one in the backups folder (it is then
    overwritten through the backup API, one transaction, safe beside other connections),
    a damaged or unreadable one beside it (the copy, written and synced under another
    name, is then renamed over it). Atomic: interrupted, the library is the old one or
    the restored one, and the next open finishes or undoes what was started. A restore
    interrupted earlier is finished or undone first (Restored.resumed says which).
    """
    db_path, backup_path = Path(db_path), Path(backup_path)
    problem = _restorable_problem(backup_path)
    if problem:
        raise DatabaseError(f"{backup_path}: cannot be restored: {problem}")
    if db_path.exists() and not db_path.is_file():
        raise DatabaseError(f"{db_path}: is not a library file; nothing was restored")
    try:
        with library_lock(db_path):
            resumed = _resume(db_path)
            try:
                if db_path.exists() and _restorable_problem(db_path) is None:
                    result = _restore_in_place(db_path, backup_path)
                else:
                    result = _restore_by_rename(db_path, backup_path)
            except BaseException:
                _abandon(db_path)
                raise
    except (OSError, sqlite3.Error) as exc:
        raise DatabaseError(f"{db_path}: could not restore {backup_path.name} ({exc})") from exc
    return replace(result, resumed=resumed)


def _restore_in_place(db_path: Path, backup_path: Path) -> Restored:
    safety = backup_name(db_path, "before-restore")
    state = {"mode": "in-place", "backup": str(backup_path), "kept": str(safety)}
    _write_marker(db_path, {**state, "stage": "copying"})
    backup_file(db_path, dest=safety)
    _write_marker(db_path, {**state, "stage": "ready"})
    _finish(db_path, state)
    return Restored(safety_copy=safety, damaged_copy=None)


def _restore_by_rename(db_path: Path, backup_path: Path) -> Restored:
    kept = None
    if db_path.exists() or _has_wal(db_path):
        kept = db_path.with_name(f"{db_path.name}.damaged-{datetime.now(UTC).strftime(_STAMP)}")
    state = {
        "mode": "replace",
        "backup": str(backup_path),
        "kept": str(kept) if kept else None,
        "stage": "copying",
    }
    _write_marker(db_path, state)
    if kept is not None:
        if _has_wal(db_path):  # its last changes, which the file alone lacks
            _copy_file(_with(db_path, "-wal"), _with(kept, "-wal"))
        if db_path.exists():
            _copy_file(db_path, kept)
    _write_copy(backup_path, _temp(db_path))
    _write_marker(db_path, {**state, "stage": "ready"})
    _finish(db_path, state)
    return Restored(safety_copy=None, damaged_copy=kept if kept and kept.exists() else None)


def _has_wal(db_path: Path) -> bool:
    wal = _with(db_path, "-wal")
    return wal.exists() and wal.stat().st_size > 0


def _finish(db_path: Path, state: dict) -> None:
    """The last step of a restore whose copy is complete; then the marker goes."""
    if state.get("mode") == "in-place":
        source = sqlite3.connect(_ro_uri(Path(state["backup"])), uri=True, timeout=30)
        try:
            target = sqlite3.connect(db_path, timeout=30)
            try:
                source.backup(target)
            finally:
                target.close()
        finally:
            source.close()
    else:
        # The damaged library's WAL and index (its WAL is kept beside its copy) must not
        # be paired with the restored file.
        _remove(_with(db_path, "-wal"), _with(db_path, "-shm"))
        _temp(db_path).replace(db_path)
    _clear_marker(db_path)


def _copy_ready(db_path: Path, state: dict) -> bool:
    """Whether the interrupted restore's copy is complete and can be put in place."""
    if state.get("stage") != "ready":
        return False
    if state.get("mode") == "in-place":
        backup = state.get("backup")
        return db_path.is_file() and bool(backup) and _restorable_problem(Path(backup)) is None
    if state.get("mode") == "replace":
        return _restorable_problem(_temp(db_path)) is None
    return False


def _renamed(db_path: Path, state: dict) -> bool:
    """Whether a "replace" restore was cut short after its copy was renamed into place
    (the copy is written before the marker says "ready", and only the rename removes it)."""
    return (
        state.get("mode") == "replace"
        and state.get("stage") == "ready"
        and not _temp(db_path).exists()
        and db_path.is_file()
    )


def _undo(db_path: Path, state: dict) -> None:
    """Remove what an unfinished restore wrote. Before "ready" the library was never
    touched, so the copies of it made then are duplicates; after, they are kept."""
    temp = _temp(db_path)
    _remove(temp, *(_with(temp, s) for s in ("-journal", "-wal", "-shm")))
    kept = state.get("kept")
    if kept:
        kept = Path(kept)
        _remove(
            *(
                _with(kept, s)
                for s in (".part", ".part-journal", ".part-wal", ".part-shm", "-wal.part")
            )
        )
        if state.get("stage") != "ready" and db_path.exists():
            _remove(kept, _with(kept, "-wal"))
    _remove_unfinished_copies(db_path)
    _clear_marker(db_path)


def _abandon(db_path: Path) -> None:
    """A restore failed with an error (a full disk, a vanished file): undo it, unless it
    was renaming its complete copy into place, which the next open then finishes. (An
    in-place copy that failed was rolled back by SQLite: the library is as it was.)"""
    try:
        state = _read_marker(db_path)
        if state is None or (state.get("mode") == "replace" and state.get("stage") == "ready"):
            return
        _undo(db_path, state)
    except (OSError, sqlite3.Error):
        pass  # the marker stays: the next open finishes or undoes it


def _resume(db_path: Path) -> str | None:
    """Finish or undo a restore that was interrupted; the message saying which, or None
    when there was none. The caller holds the library's lock."""
    state = _read_marker(db_path)
    if state is None:
        _remove(_with(_marker(db_path), ".part"))  # cut short before it began
        return None
    backup = state.get("backup") or "a backup copy"
    what = f"{db_path}: a restore of {backup} was interrupted"
    kept = state.get("kept")
    done = f"{what}; it has now been completed" + (
        f" (the library as it was is kept as {kept})" if kept else ""
    )
    if _renamed(db_path, state):
        _clear_marker(db_path)
        return done
    if _copy_ready(db_path, state):
        try:
            _finish(db_path, state)
        except sqlite3.Error as exc:
            if state.get("mode") != "in-place":
                raise
            _undo(db_path, state)  # SQLite rolled this copy back; the library stays
            return f"{what} and could not be completed ({exc}); the library was left as it is"
        return done
    if not db_path.exists():
        # Nothing to go back to: the only library there can be is the one being restored.
        problem = _restorable_problem(Path(backup)) if state.get("backup") else "it is unknown"
        if problem is None:
            _write_copy(Path(backup), _temp(db_path))
            _finish(db_path, {**state, "mode": "replace"})
            return f"{what}; it has now been completed"
        _undo(db_path, state)
        raise DatabaseError(
            f"{what} and it cannot be completed: that copy cannot be restored ({problem}); "
            "restore another one with `factdesk backup restore`"
        )
    _undo(db_path, state)
    return f"{what}; it was undone, and the library is as it was before"


def restore_pending(db_path: Path) -> bool:
    """Whether a restore of the library was started and not finished (or is under way)."""
    marker = _marker(Path(db_path))
    return marker.exists() or _with(marker, ".part").exists()


def resume_interrupted_restore(db_path: Path, *, timeout: float = LOCK_TIMEOUT) -> str | None:
    """At open: finish a restore of the library that was interrupted if its copy was
    complete, else undo it (the library stays as it was); returns one line saying which,
    or None when no restore was pending. A restore under way in another program is
    waited for (up to `timeout` seconds), not touched."""
    db_path = Path(db_path)
    if not restore_pending(db_path):
        if lock_path(db_path).exists():
            _sweep_lock(db_path)
        return None
    try:
        with library_lock(db_path, timeout=timeout):
            return _resume(db_path)
    except (OSError, sqlite3.Error) as exc:
        raise DatabaseError(
            f"{db_path}: a restore was interrupted and could not be finished or undone ({exc})"
        ) from exc


def _sweep_lock(db_path: Path) -> None:
    """Remove the lock file a killed program left (its lock went with it); one held by a
    running program is left alone, unwaited for."""
    try:
        with library_lock(db_path, timeout=0):
            pass  # released, and so removed
    except DatabaseError:
        pass
