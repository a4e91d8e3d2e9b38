"""The bad-input matrix for libraries: one case each, through the real `factdesk` CLI.

Each case runs `factdesk articles --db PATH` in a subprocess: exit status 2, one stderr
line naming the path and the problem, no traceback, and the file (and its folder) exactly
as they were: no bytes changed, no -wal/-shm or backup left behind.
"""

from __future__ import annotations

import hashlib
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from desktop.core.store import open_store
from tests.conftest import ROOT
from tests.test_reliability_backups import corrupt, make_library


def snapshot(folder: Path) -> dict[str, str]:
    """Every file under `folder` with the hash of its bytes."""
    return {
        str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def articles(db: Path) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k != "FACTDESK_DB"}
    env.update(PYTHONIOENCODING="utf-8")
    return subprocess.run(
        [sys.executable, "-m", "desktop", "articles", "--db", str(db)],
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=env,
        cwd=ROOT,
        timeout=120,
    )


def refused(db: Path, watch: Path, *needles: str) -> str:
    before = snapshot(watch)
    result = articles(db)
    assert result.returncode == 2, (result.stdout, result.stderr)
    lines = result.stderr.splitlines()
    assert len(lines) == 1, result.stderr
    assert "Traceback" not in result.stderr and result.stdout == ""
    assert lines[0].startswith("factdesk: error: ") and str(db) in lines[0]
    for needle in needles:
        assert needle in lines[0], lines[0]
    assert snapshot(watch) == before
    return lines[0]


def test_a_file_that_is_not_sqlite(tmp_path):
    db = tmp_path / "notes.sqlite3"
    db.write_text("Chère Zoé, ceci n’est pas une base de données. " * 20, encoding="utf-8")
    refused(db, tmp_path, "not an SQLite file")


def test_a_truncated_sqlite_file(tmp_path):
    db = tmp_path / "cut.sqlite3"
    make_library(db)
    db.write_bytes(db.read_bytes()[: 6 * 4096])
    refused(db, tmp_path, "damaged")


def test_a_damaged_sqlite_file(tmp_path):
    db = tmp_path / "bad.sqlite3"
    make_library(db)
    corrupt(db)
    refused(db, tmp_path, "damaged", "no good backup")


def test_a_database_from_a_newer_factdesk(tmp_path):
    db = tmp_path / "future.sqlite3"
    make_library(db, claims=1)
    con = sqlite3.connect(db)
    con.execute("UPDATE alembic_version SET version_num = '9999_from_the_future'")
    con.commit()
    con.close()
    refused(db, tmp_path, "newer version", "9999_from_the_future")


def test_a_directory_instead_of_a_file(tmp_path):
    folder = tmp_path / "library.sqlite3"
    folder.mkdir()
    refused(folder, tmp_path, "folder")


def test_a_path_that_cannot_be_created(tmp_path):
    blocker = tmp_path / "plain-file"
    blocker.write_text("x")
    refused(blocker / "sub" / "library.sqlite3", tmp_path, "cannot create")


@pytest.fixture
def read_only_library(tmp_path):
    """A library file the process cannot write: chmod for users, chattr +i for root."""
    db = tmp_path / "archive.sqlite3"
    make_library(db, claims=2)
    db.chmod(0o444)
    immutable = False
    if os.access(db, os.W_OK):  # root ignores permission bits
        immutable = subprocess.run(["chattr", "+i", str(db)], capture_output=True).returncode == 0
    if os.access(db, os.W_OK):
        pytest.skip("cannot make a file read-only here (root without chattr +i)")
    yield db
    if immutable:
        subprocess.run(["chattr", "-i", str(db)], check=True)
    db.chmod(0o644)


def test_a_read_only_file_is_refused_clearly(tmp_path, read_only_library):
    """Refused, not half-opened: the message says why and how to fix it."""
    refused(read_only_library, tmp_path, "read-only", "Copy it somewhere writable")


def test_the_refused_cases_leave_a_good_library_usable(tmp_path):
    """Control: the same command on a sound library works (the refusals are not blanket)."""
    db = tmp_path / "good.sqlite3"
    make_library(db, claims=1)
    open_store(db).close()
    result = articles(db)
    assert result.returncode == 0, result.stderr
    assert "Titre" in result.stdout
