"""Programs opening one library at once take turns to create or upgrade it (issue 19, item 5).

Twenty `factdesk` commands started together on a library that does not exist yet all
succeed and make one library with one schema; twelve started together on a library that
needs its upgrade wait for the first, which alone makes the before-upgrade copy and
upgrades; every row is kept. The processes import everything first, then wait for one
shared instant, so they really do open the library at once.
"""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from desktop.core import backup as backup_mod
from desktop.core.backup import library_lock, list_backups, lock_path
from desktop.core.errors import DatabaseError
from desktop.core.store import head_revision, open_store
from tests.conftest import ROOT
from tests.test_reliability_upgrade import build_0001_library, read_rows

AT_ONCE = """
import sys
from desktop.cli import main
import desktop.core.store, desktop.core.backup, desktop.core.ratings, sqlmodel, alembic.command
import desktop.core.models, desktop.cli.articles
print("ready", flush=True)
sys.stdin.readline()
sys.exit(main(sys.argv[1:]))
"""


def env() -> dict:
    e = {k: v for k, v in os.environ.items() if k != "FACTDESK_DB"}
    e.update(PYTHONIOENCODING="utf-8", QT_QPA_PLATFORM="offscreen")
    return e


def run_at_once(n: int, *args: str) -> list[subprocess.CompletedProcess]:
    """`factdesk ARGS` in `n` processes, released together once all have imported
    everything (a line on their standard input, written to each in turn)."""
    procs = [
        subprocess.Popen(
            [sys.executable, "-c", AT_ONCE, *args],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            encoding="utf-8",
            cwd=ROOT,
            env=env(),
        )
        for _ in range(n)
    ]
    for proc in procs:
        assert proc.stdout.readline() == "ready\n"
    for proc in procs:
        proc.stdin.write("go\n")
        proc.stdin.flush()
    done = []
    for proc in procs:
        out, err = proc.communicate(timeout=300)
        done.append(subprocess.CompletedProcess(proc.args, proc.returncode, out, err))
    return done


def schema(path: Path) -> list[tuple]:
    con = sqlite3.connect(path)
    try:
        return con.execute(
            "SELECT type, name, tbl_name, sql FROM sqlite_master ORDER BY type, name"
        ).fetchall()
    finally:
        con.close()


def assert_sound(path: Path) -> None:
    con = sqlite3.connect(path)
    try:
        assert con.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        assert con.execute("SELECT version_num FROM alembic_version").fetchall() == [
            (head_revision(),)
        ]
    finally:
        con.close()


def leftovers(folder: Path) -> list[str]:
    """Files beside the library that are not the library, its WAL index or its backups."""
    return sorted(
        p.name
        for p in folder.iterdir()
        if not p.name.endswith((".sqlite3", ".sqlite3-wal", ".sqlite3-shm")) and p.name != "backups"
    )


def test_twenty_programs_creating_one_library_all_succeed(tmp_path):
    db = tmp_path / "new" / "lib.sqlite3"
    results = run_at_once(20, "--db", str(db), "articles", "--json")
    failed = [(r.returncode, r.stderr) for r in results if r.returncode != 0]
    assert failed == []
    assert not any("busy" in r.stderr for r in results)
    assert all(r.stdout.strip() == "[]" for r in results)
    assert_sound(db)
    reference = tmp_path / "alone.sqlite3"
    open_store(reference).close()
    assert schema(db) == schema(reference)  # one schema, made once
    con = sqlite3.connect(db)
    try:
        assert con.execute("SELECT count(*) FROM rating_scale").fetchone() == (1,)
    finally:
        con.close()
    assert leftovers(db.parent) == []  # the lock file went with the last holder


def test_twelve_programs_opening_an_old_library_upgrade_it_once(tmp_path):
    if head_revision() == "0001":
        pytest.skip("no upgrade to make: the schema is still at its first revision")
    db = tmp_path / "old.sqlite3"
    before = build_0001_library(db)
    columns = before.pop("columns")
    results = run_at_once(12, "--db", str(db), "articles", "--json")
    failed = [(r.returncode, r.stderr) for r in results if r.returncode != 0]
    assert failed == []
    upgraded = [r for r in results if "upgraded" in r.stderr]
    assert len(upgraded) == 1, [r.stderr for r in results]
    assert not any("busy" in r.stderr for r in results)
    # one copy, made before the upgrade (today's daily copy is that one: no other)
    assert [b.reason for b in list_backups(db)] == ["before-upgrade-0001"]
    copy = list_backups(db)[0].path
    copied = read_rows(copy, columns)
    copied.pop("columns")
    assert copied == before
    assert_sound(db)
    after = read_rows(db, columns)
    after.pop("columns")
    assert after == before  # every row kept
    assert leftovers(db.parent) == []


def test_programs_opening_a_library_at_once_make_one_daily_copy(tmp_path):
    db = tmp_path / "lib.sqlite3"
    open_store(db, backups=False).close()  # a library with no copy yet today
    article = tmp_path / "article.txt"
    article.write_text("Titre\n\nLe ministre a dit que tout allait bien.", encoding="utf-8")
    results = run_at_once(12, "--db", str(db), "import", str(article))
    assert [(r.returncode, r.stderr) for r in results if r.returncode] == []
    assert {r.stdout.strip() for r in results} == {"1"}  # one article, found by the others
    assert [b.reason for b in list_backups(db)] == ["daily"]


def test_copies_asked_for_at_once_are_all_made(tmp_path):
    db = tmp_path / "lib.sqlite3"
    open_store(db, backups=False).close()
    results = run_at_once(12, "--db", str(db), "backup", "create", "--reason", "x")
    assert [(r.returncode, r.stderr) for r in results if r.returncode] == []
    made = {Path(r.stdout.strip()) for r in results}
    assert len(made) == 12
    assert {b.path for b in list_backups(db) if b.reason == "x"} == made
    assert not list(backup_mod.backup_dir(db).glob("*.part*"))
    assert leftovers(tmp_path) == []


# --- the lock itself -----------------------------------------------------------------------

HOLDER = """
import sys, time
from pathlib import Path
from desktop.core.backup import library_lock
with library_lock(Path(sys.argv[1])):
    print("held", flush=True)
    time.sleep(float(sys.argv[2]))
"""


def hold(db: Path, seconds: float) -> subprocess.Popen:
    proc = subprocess.Popen(
        [sys.executable, "-c", HOLDER, str(db), str(seconds)],
        stdout=subprocess.PIPE,
        text=True,
        cwd=ROOT,
        env=env(),
    )
    assert proc.stdout.readline().strip() == "held"
    return proc


def test_the_lock_is_waited_for_then_reported_busy(tmp_path):
    db = tmp_path / "lib.sqlite3"
    holder = hold(db, 60)
    try:
        began = time.monotonic()
        with pytest.raises(DatabaseError) as info, library_lock(db, timeout=0.5):
            pass
        assert time.monotonic() - began >= 0.5
        assert "busy" in str(info.value) and str(db) in str(info.value)
    finally:
        holder.kill()
        holder.wait()
    # a killed holder's lock is released by the system: no stale lock to clear by hand
    with library_lock(db, timeout=5):
        assert lock_path(db).exists()
    assert not lock_path(db).exists()


def test_the_lock_waits_for_its_holder_and_is_reentrant(tmp_path):
    db = tmp_path / "lib.sqlite3"
    holder = hold(db, 1.0)
    try:
        began = time.monotonic()
        with library_lock(db, timeout=30), library_lock(db, timeout=0):
            waited = time.monotonic() - began
        assert 0.3 < waited < 20
    finally:
        holder.wait(timeout=30)
    assert not lock_path(db).exists()


def test_an_upgrade_waits_for_a_program_holding_the_lock(tmp_path):
    """The open re-reads the revision once it holds the lock: a library upgraded by the
    program before it is opened, not upgraded (and copied) twice."""
    if head_revision() == "0001":
        pytest.skip("no upgrade to make")
    db = tmp_path / "old.sqlite3"
    build_0001_library(db)
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import sys, time\n"
            "from pathlib import Path\n"
            "from desktop.core.backup import library_lock\n"
            "from desktop.core.store import open_store\n"
            "with library_lock(Path(sys.argv[1])):\n"
            "    print('held', flush=True)\n"
            "    time.sleep(1.0)\n"
            "    open_store(sys.argv[1]).close()\n",
            str(db),
        ],
        stdout=subprocess.PIPE,
        text=True,
        cwd=ROOT,
        env=env(),
    )
    assert holder.stdout.readline().strip() == "held"
    store = open_store(db)
    try:
        assert store.upgraded_from is None and store.backup_path is None
    finally:
        store.close()
    assert holder.wait(timeout=60) == 0
    assert [b.reason for b in list_backups(db)] == ["before-upgrade-0001"]


def test_postgresql_opens_at_once_migrate_once(backend, db_url):
    """On a server, the migration holds an advisory lock: opens at once all succeed."""
    if backend != "postgresql":
        pytest.skip("PostgreSQL only")
    import psycopg
    from sqlalchemy.engine import make_url

    url = make_url(db_url)
    conninfo = url.set(drivername="postgresql").render_as_string(hide_password=False)
    with psycopg.connect(conninfo, autocommit=True) as conn:  # an empty database
        conn.execute("DROP SCHEMA public CASCADE")
        conn.execute("CREATE SCHEMA public")
    results = run_at_once(8, "--db", db_url, "articles", "--json")
    assert [(r.returncode, r.stderr) for r in results if r.returncode] == []
    with psycopg.connect(conninfo) as conn:
        assert conn.execute("SELECT version_num FROM alembic_version").fetchall() == [
            (head_revision(),)
        ]
        assert conn.execute("SELECT count(*) FROM rating_scale").fetchone() == (1,)
