"""Opening a library: where it lives, checking it is ours, migrating it, sessions.

A library is a SQLite file (the default, in the user-data directory) or any SQLAlchemy
URL (a team's PostgreSQL server). Opening never writes to a file that is not a Factdesk
database, nor to one made by a newer Factdesk, nor to one that fails SQLite's integrity
check (DamagedDatabase, offering the newest good backup); an older one is backed up, then
upgraded. An existing library gets one backup copy a day when it is opened.

A read-only library file is refused, not opened read-only: SQLite in WAL mode must write
its -shm file even to read, and every edit in the window would fail one by one, so one
clear message saying how to fix it serves the user better.
"""

from __future__ import annotations

import os
import re
import sqlite3
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Connection, Engine, create_engine, event, inspect
from sqlalchemy.exc import DBAPIError, OperationalError
from sqlalchemy.pool import NullPool, QueuePool

from desktop.core.errors import DatabaseError
from desktop.core.location import default_location, is_url

if TYPE_CHECKING:
    from sqlmodel import Session

    from desktop.core.backup import Backup, IntegrityCheck

SQLITE_MAGIC = b"SQLite format 3\x00"
BUSY_TIMEOUT_MS = 15_000
_BUSY_PRAGMA = "PRAGMA busy_timeout = 15000"  # a literal: no SQL is built by formatting
_CHECKPOINT_BUSY_PRAGMA = "PRAGMA busy_timeout = 1000"
MIGRATIONS_DIR = Path(__file__).with_name("migrations")
# Where a committed transaction's session keeps the change counter as its commit left it.
CHANGE_TOKEN = "factdesk_change_token"
OUR_TABLES = {"article", "claim", "highlight", "rating", "rating_scale", "source", "tag"}


@dataclass
class Store:
    """An open library: the engine, and sessions with one transaction per user action."""

    url: str
    engine: Engine
    path: Path | None = None  # the SQLite file, when the library is one
    upgraded_from: str | None = None  # revision before this open's upgrade, if any
    backup_path: Path | None = None  # the copy made before that upgrade
    daily_backup_path: Path | None = None  # today's rolling copy, when this open made it
    notices: list[str] = field(default_factory=list)  # things the user should be told
    read_only: bool = False  # opened for reading only (a `factdesk` command that reads)
    _writer: Engine = field(init=False, repr=False)
    # Opened for reading: the integrity check still running, and the side files found.
    _check: tuple[IntegrityCheck, set[Path]] | None = field(default=None, repr=False)

    def __post_init__(self) -> None:
        self._writer = self.engine.execution_options(factdesk_write=True)

    @property
    def label(self) -> str:
        """What to call this library in messages: the file path, or the URL sans password."""
        if self.path is not None:
            return str(self.path)
        return self.engine.url.render_as_string(hide_password=True)

    @property
    def is_sqlite(self) -> bool:
        return self.engine.dialect.name == "sqlite"

    @contextmanager
    def transaction(self) -> Iterator[Session]:
        """One user action: commits when the block ends, rolls back if it raises.

        On SQLite the transaction starts with BEGIN IMMEDIATE, so two processes writing
        at once wait for each other (up to the busy timeout) instead of failing.
        """
        from sqlmodel import Session  # here, not above: `factdesk articles` never needs it

        with Session(self._writer, expire_on_commit=False) as session:
            try:
                yield session
                session.info[CHANGE_TOKEN] = _count_change(session)
                session.commit()
            except OperationalError as exc:
                session.rollback()
                raise DatabaseError(f"{self.label}: {_reason(exc)}") from exc
            except BaseException:
                session.rollback()
                raise

    @contextmanager
    def read(self) -> Iterator[Session]:
        """A read-only look at the library; nothing is committed.

        Closing the session ends its transaction without writing; rows loaded in the
        block stay readable after it (an explicit rollback would expire them all).
        """
        from sqlmodel import Session

        with Session(self.engine, expire_on_commit=False) as session:
            try:
                yield session
            except OperationalError as exc:
                raise DatabaseError(f"{self.label}: {_reason(exc)}") from exc

    @contextmanager
    def connect(self) -> Iterator[Connection]:
        """A read-only look through SQLAlchemy Core: for the few reads that should not
        wait for the ORM to load (the library list of `factdesk articles`)."""
        with self.engine.connect() as conn:
            try:
                yield conn
            except OperationalError as exc:
                raise DatabaseError(f"{self.label}: {_reason(exc)}") from exc

    def ensure_sound(self) -> None:
        """Raise DamagedDatabase if the integrity check still running when the library was
        opened for reading found damage (see open_store); a no-op otherwise."""
        check, self._check = self._check, None
        if check is None:
            return
        running, present = check
        problem = running.problem()
        if problem is not None:
            _leave_as_found(self.path, present)
            _damaged(self.path, problem)

    def close(self) -> None:
        """Close the library's connections. An SQLite file opened for writing is first
        checkpointed, so the main file holds every committed row and can be copied or
        mailed alone (the -wal beside it is emptied). A busy library (another program is
        reading or writing it) is closed anyway: that program's own close checkpoints."""
        if self.is_sqlite and not self.read_only:
            self._checkpoint()
        self.engine.dispose()

    def _checkpoint(self) -> None:
        try:
            raw = self.engine.raw_connection()
        except (DBAPIError, sqlite3.Error):
            return  # the file cannot even be opened now; nothing of ours to move
        try:
            cur = raw.cursor()
            # Short: the window waits for this as it quits, and a program holding the
            # library will checkpoint it itself. The connection is disposed right after.
            cur.execute(_CHECKPOINT_BUSY_PRAGMA)
            cur.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            cur.fetchall()
            cur.close()
        except sqlite3.Error:
            pass  # busy, locked or read-only: the rows are safe in the -wal meanwhile
        finally:
            raw.close()


class DamagedDatabase(DatabaseError):
    """A library that fails its integrity check: it was not written to, and the newest
    copy that passes the check (if any) is offered for restoring."""

    def __init__(self, path: Path, problem: str, backup: Backup | None) -> None:
        self.path = path
        self.problem = problem
        self.backup = backup
        if backup is not None:
            offer = (
                f"the latest good backup is {backup.path} "
                f"(made {backup.created:%Y-%m-%d %H:%M} UTC)"
            )
        else:
            offer = "no good backup of it was found"
        super().__init__(f"{path}: is damaged ({problem}); it was left untouched, and {offer}")


def _count_change(session: Session) -> int | None:
    """Bump the library's change counter in the same transaction (desktop.core.changes)
    and return its new value: the caller's own change token, without another read (on a
    team server each read is a round trip)."""
    from sqlalchemy import update

    from desktop.core.models import LibraryState

    bump = update(LibraryState).values(changes=LibraryState.changes + 1)
    return session.execute(bump.returning(LibraryState.changes)).scalars().first()


def _reason(exc: DBAPIError) -> str:
    text = str(getattr(exc, "orig", exc)) or exc.__class__.__name__
    if "locked" in text or "busy" in text:
        return "the database is busy in another program; try again in a moment"
    return text


def _install_sqlite_pragmas(engine: Engine) -> None:
    """Foreign keys on, WAL journal, busy timeout; transactions begun by us, not the driver."""

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn: sqlite3.Connection, _record: object) -> None:
        dbapi_conn.isolation_level = None  # let the "begin" hook below issue BEGIN
        cur = dbapi_conn.cursor()
        cur.execute("PRAGMA foreign_keys = ON")
        cur.execute(_BUSY_PRAGMA)
        cur.execute("PRAGMA journal_mode = WAL")
        # FULL: a committed action survives a power cut, not only a killed process.
        cur.execute("PRAGMA synchronous = FULL")
        cur.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn) -> None:
        write = conn.get_execution_options().get("factdesk_write", False)
        conn.exec_driver_sql("BEGIN IMMEDIATE" if write else "BEGIN")


def _check_sqlite_file(path: Path) -> None:
    """Refuse, before anything touches it, a path that cannot be a Factdesk library."""
    if path.is_dir():
        raise DatabaseError(f"{path}: is a folder, not a database file")
    from desktop.core.regular_file import refuse_special  # a FIFO would block open() below

    refuse_special(path, DatabaseError)
    if path.exists():
        if not os.access(path, os.R_OK):
            raise DatabaseError(f"{path}: cannot be read (permission denied)")
        with path.open("rb") as fh:
            head = fh.read(100)
        if head and not head.startswith(SQLITE_MAGIC):
            raise DatabaseError(f"{path}: is not a Factdesk database (not an SQLite file)")
        if head and len(head) < 100:
            _damaged(path, "the file is truncated")
        if head and not os.access(path, os.W_OK):
            raise DatabaseError(
                f"{path}: is read-only; Factdesk needs to write to it. Copy it somewhere "
                "writable or change its permissions."
            )
        return
    parent = path.parent
    try:
        parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise DatabaseError(
            f"{path}: cannot create the database there ({exc.strerror or exc})"
        ) from exc
    if not os.access(parent, os.W_OK):
        raise DatabaseError(f"{path}: cannot create the database there (folder not writable)")


def _alembic_config(connection):
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    cfg.attributes["connection"] = connection
    return cfg


_REVISION_LINE = re.compile(r"^(down_revision|revision)\s*=\s*(?:['\"](\w+)['\"]|None)", re.M)


@lru_cache(maxsize=4)
def _revision_graph(folder: Path) -> dict[str, str | None]:
    """revision → down_revision, read from the migration files' own lines.

    Opening a library that is already current must not pay for importing Alembic and
    loading every migration module (a few hundred milliseconds at each start); Alembic
    itself is imported only to upgrade.
    """
    graph: dict[str, str | None] = {}
    for path in sorted((folder / "versions").glob("*.py")):
        found = dict(m.groups() for m in _REVISION_LINE.finditer(path.read_text("utf-8")))
        if found.get("revision"):
            graph[found["revision"]] = found.get("down_revision")
    return graph


def head_revision() -> str:
    """The newest schema revision this Factdesk knows."""
    graph = _revision_graph(MIGRATIONS_DIR)
    heads = set(graph) - {down for down in graph.values() if down}
    if len(heads) != 1:
        raise RuntimeError(f"the migrations have {len(heads)} heads: {sorted(heads)}")
    return heads.pop()


def _known_revisions() -> set[str]:
    return set(_revision_graph(MIGRATIONS_DIR))


def current_revision(engine: Engine) -> str | None:
    """The schema revision stamped in the library, None for an empty database."""
    with engine.connect() as conn:
        if not inspect(conn).has_table("alembic_version"):
            return None
        row = conn.exec_driver_sql("SELECT version_num FROM alembic_version").first()
        return row[0] if row else None


def _damaged(path: Path, problem: str):
    """Raise DamagedDatabase for `path`, with the newest good backup found beside it."""
    from desktop.core.backup import latest_good_backup

    raise DamagedDatabase(path, problem, latest_good_backup(path))


def _classify(engine: Engine, label: str) -> str | None:
    """The library's revision; refuses databases that are not ours or are too new.

    Database errors propagate: the caller tells damage from other trouble.
    """
    with engine.connect() as conn:
        tables = set(inspect(conn).get_table_names())
    if not tables:
        return None
    if "alembic_version" not in tables or not OUR_TABLES & tables:
        raise DatabaseError(
            f"{label}: is a database, but not a Factdesk library (it has other tables); "
            "it was left untouched"
        )
    revision = current_revision(engine)
    if revision not in _known_revisions():
        raise DatabaseError(
            f"{label}: was made by a newer version of Factdesk (schema {revision}); "
            "update Factdesk to open it. It was left untouched."
        )
    return revision


def _probe_file(path: Path, check: IntegrityCheck | None = None) -> bool:
    """Classify and check an existing file over a bare connection, before any pragma
    touches it; True when it holds a library already.

    The WAL pragma rewrites the file header, so a file that is then refused would no
    longer be the one the user had; a plain read-only look leaves its bytes as they were.
    `PRAGMA quick_check` reads every page (fast: no index-to-table cross-check), so
    damage anywhere is found before the first write could spread it.
    """
    if not path.exists() or path.stat().st_size == 0:
        return False
    present = _side_files(path)
    try:
        return _probe_existing(path, check)
    except DatabaseError:
        _leave_as_found(path, present)
        raise


def _side_files(path: Path) -> set[Path]:
    sides = (path.with_name(path.name + suffix) for suffix in ("-wal", "-shm"))
    return {side for side in sides if side.exists()}


def _leave_as_found(path: Path, present: set[Path]) -> None:
    """A read-only look at a WAL file still creates an empty -wal and a -shm beside it;
    a refused file is left as it was found, so those go again."""
    for side in _side_files(path) - present:
        if side.name.endswith("-shm") or side.stat().st_size == 0:
            side.unlink()


def _read_only_engine(path: Path) -> Engine:
    uri = path.as_uri() + "?mode=ro"  # as_uri escapes "#" and "?" that a raw "file:" would cut
    return create_engine(
        "sqlite://", poolclass=NullPool, creator=lambda: sqlite3.connect(uri, uri=True, timeout=30)
    )


def _classify_file(engine: Engine, path: Path) -> str | None:
    """_classify over a read-only look at a library file, SQLite's errors told as ours:
    damage as DamagedDatabase (with the backup to restore), anything else plainly."""
    from desktop.core.backup import is_damage

    try:
        return _classify(engine, str(path))
    except DBAPIError as exc:
        if is_damage(exc.orig):
            _damaged(path, _reason(exc))
        raise DatabaseError(f"{path}: cannot be opened as a database ({_reason(exc)})") from exc


def _probe_existing(path: Path, check: IntegrityCheck | None = None) -> bool:
    from desktop.core.backup import integrity_problem

    probe = _read_only_engine(path)
    try:
        revision = _classify_file(probe, path)
    finally:
        probe.dispose()
    problem = check.problem() if check is not None else integrity_problem(path)
    if problem is not None:
        _damaged(path, problem)
    return revision is not None


# Held by the transaction that migrates a server's library or creates its default scale.
_PG_MIGRATION_LOCK = "SELECT pg_advisory_xact_lock(4604366919175120725)"


def _upgrade(store: Store) -> bool:
    """Migrate the library to the head revision; False if another program did it first.

    On SQLite the caller holds the library's file lock. On PostgreSQL the migration holds
    a transaction-scoped advisory lock, and the revision is read again once it is held:
    programs opening one server's library at once wait for the first, which alone
    migrates (PostgreSQL's DDL is transactional, so the others see all of it or none).
    """
    from alembic import command

    with store.engine.begin() as conn:
        if conn.dialect.name == "postgresql":
            conn.exec_driver_sql(_PG_MIGRATION_LOCK)
            if inspect(conn).has_table("alembic_version"):
                row = conn.exec_driver_sql("SELECT version_num FROM alembic_version").first()
                if row is not None and row[0] == head_revision():
                    return False
        command.upgrade(_alembic_config(conn), "head")
    return True


def _daily_backup(store: Store) -> None:
    """Today's rolling copy; a failure to make it is told, never a reason not to open."""
    from desktop.core.backup import ensure_daily_backup

    try:
        store.daily_backup_path = ensure_daily_backup(store.path)
    except DatabaseError as exc:
        store.notices.append(f"today's backup copy could not be made: {exc}")


def _open_for_reading(path: Path, check: IntegrityCheck | None) -> Store | None:
    """A current library file, opened read-only while its integrity check runs on a
    thread; None when it needs the full open (an older schema to upgrade).
    Store.ensure_sound waits for the check's verdict.
    """
    from desktop.core.backup import IntegrityCheck

    present = _side_files(path)
    engine = _read_only_engine(path)
    store = Store(url=f"sqlite:///{path}", engine=engine, path=path, read_only=True)
    store._check = (check or IntegrityCheck(path), present)
    try:
        revision = _classify_file(engine, path)
    except DatabaseError:
        store.ensure_sound()  # the check's finding first: damage anywhere is told as such
        store.close()
        _leave_as_found(path, present)
        raise
    if revision != head_revision():
        store._check[0].problem()  # let it finish: the full open checks again, first
        store._check = None
        store.close()
        return None
    return store


def open_store(
    target: str | os.PathLike | None = None,
    *,
    backups: bool = True,
    for_reading: bool = False,
    check: IntegrityCheck | None = None,
) -> Store:
    """Open (creating or upgrading as needed) the library at a path or URL.

    Raises DatabaseError with a message naming the database when it cannot be used;
    in that case nothing was written to it. `for_reading` (a command that only reads)
    opens an existing current library file read-only, with no backup or default scale
    written, and checks its integrity alongside the reading: call Store.ensure_sound
    before trusting what was read. `check`: this file's integrity check, started
    earlier by the caller (the window starts it before its heavy imports).

    A restore of the library file that was interrupted is first finished or undone
    (backup.resume_interrupted_restore); the first notice says which, or, if the library
    then cannot be opened, the error's message begins with it.
    """
    target = str(target) if target is not None else default_location()
    resumed = _resume_restore(target)
    if resumed is None:
        return _open_store(target, backups=backups, for_reading=for_reading, check=check)
    try:  # the check, if any, was made of the file as it was before
        store = _open_store(target, backups=backups, for_reading=for_reading, check=None)
    except DatabaseError as exc:
        exc.args = (f"{resumed}. {exc}", *exc.args[1:])
        raise
    store.notices.insert(0, resumed)
    return store


def _open_store(
    target: str, *, backups: bool, for_reading: bool, check: IntegrityCheck | None
) -> Store:
    if check is not None and (is_url(target) or check.path != Path(target).expanduser().resolve()):
        check = None  # made for another file
    if for_reading and not is_url(target):
        path = Path(target).expanduser().resolve()
        _check_sqlite_file(path)
        if path.is_file() and path.stat().st_size > 0:
            store = _open_for_reading(path, check)
            if store is not None:
                return store
            check = None
    existed = False  # an SQLite file that already held a library (gets a daily copy)
    turn = ExitStack()  # the library file's lock, held while it is created or upgraded
    if is_url(target):
        if target.startswith("sqlite:///") and not target.startswith("sqlite:///:memory:"):
            return open_store(target.removeprefix("sqlite:///"), backups=backups)
        try:
            engine = create_engine(target, pool_pre_ping=True)
        except Exception as exc:  # bad URL, missing driver: say so plainly
            raise DatabaseError(f"{target}: cannot use this database address ({exc})") from exc
        store = Store(url=target, engine=engine)
        if engine.dialect.name == "sqlite":
            _install_sqlite_pragmas(engine)
    else:
        path = Path(target).expanduser().resolve()
        _check_sqlite_file(path)
        existed = _probe_file(path, check)
        if not existed:  # to be created: by one program at a time, the others then open it
            turn.enter_context(_library_lock(path))
        # Pooled connections: closing the last connection to a WAL database checkpoints
        # it, which would cost every action several milliseconds. Each transaction still
        # sees every commit made before it began, by this process or another. Connections
        # move between the UI thread and the import workers, one thread at a time.
        engine = create_engine(
            f"sqlite:///{path}",
            poolclass=QueuePool,
            pool_size=2,
            max_overflow=4,
            connect_args={"timeout": 30, "check_same_thread": False},
        )
        _install_sqlite_pragmas(engine)
        store = Store(url=f"sqlite:///{path}", engine=engine, path=path)
    try:
        revision = _classify(store.engine, store.label)
        if revision != head_revision() and existed:
            # To be upgraded: by one program at a time, with one backup copy. The revision
            # is read again once the lock is held: the program before may have done it.
            turn.enter_context(_library_lock(store.path))
            revision = _classify(store.engine, store.label)
        if revision != head_revision():
            if revision is not None and backups and store.path is not None:
                from desktop.core.backup import create_backup

                store.backup_path = create_backup(store, reason=f"before-upgrade-{revision}")
            store.upgraded_from = revision
            if not _upgrade(store):
                store.upgraded_from = None  # another program did it meanwhile
        turn.close()
        from desktop.core.ratings import ensure_default_scale

        with store.transaction() as session:
            if not store.is_sqlite:  # (SQLite's BEGIN IMMEDIATE serialises this already)
                session.connection().exec_driver_sql(_PG_MIGRATION_LOCK)
            ensure_default_scale(session)
        if existed and backups:
            _daily_backup(store)
    except DBAPIError as exc:
        store.close()
        raise DatabaseError(f"{store.label}: cannot be opened ({_reason(exc)})") from exc
    except BaseException:  # refused, interrupted, or anything else: nothing left open
        store.close()
        raise
    finally:
        turn.close()
    return store


def _library_lock(path: Path):
    """The library file's lock (backup.library_lock), waited for as a busy library is."""
    from desktop.core.backup import library_lock

    return library_lock(path, timeout=BUSY_TIMEOUT_MS / 1000)


def _resume_restore(target: str) -> str | None:
    """Finish or undo a restore of the library file at `target` that was interrupted
    (see backup.resume_interrupted_restore): one line saying which, or None."""
    if is_url(target):
        return None  # an "sqlite:///" address comes back here as a path
    from desktop.core.backup import resume_interrupted_restore

    path = Path(target).expanduser().resolve()
    return resume_interrupted_restore(path, timeout=BUSY_TIMEOUT_MS / 1000)
