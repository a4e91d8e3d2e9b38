"""A library is one self-contained file after a clean exit.

SQLite in WAL mode keeps recent commits in `library.sqlite3-wal` until a checkpoint moves
them into the main file. Closing a library (every `factdesk` command, Store.close())
checkpoints it, so copying, mailing or backing up the `.sqlite3` file alone carries every
row, even while another program (the window) holds the library open.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

try:
    from tests.conftest import ROOT
except ImportError:  # tests/ run as a rootdir without a package
    from conftest import ROOT

ARTICLE = (
    "Le ministre a dit que le chômage a baissé de moitié en 2023.\n\n"
    "Selon l’INSEE, deux millions de personnes sont concernées par la réforme.\n\n"
    "L’opposition affirme que la dette a doublé depuis 2017.\n"
)
QUOTES = (
    "le chômage a baissé de moitié en 2023",
    "deux millions de personnes sont concernées",
    "la dette a doublé depuis 2017",
)


def factdesk(db: Path, *args: str) -> subprocess.CompletedProcess:
    environ = {k: v for k, v in os.environ.items() if k != "FACTDESK_DB"}
    environ.update(FACTDESK_DB=str(db), QT_QPA_PLATFORM="offscreen", PYTHONIOENCODING="utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "desktop", *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=environ,
        cwd=ROOT,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    return result


def alone_copy(db: Path, folder: Path) -> Path:
    """Only the main file, copied elsewhere, as a user copying "the library" would."""
    folder.mkdir()
    copy = folder / db.name
    shutil.copyfile(db, copy)
    assert not copy.with_name(copy.name + "-wal").exists()
    return copy


def rows_in(path: Path) -> dict[str, list[tuple]]:
    con = sqlite3.connect(path)
    try:
        return {
            "article": con.execute("SELECT id, title, outlet FROM article ORDER BY id").fetchall(),
            "claim": con.execute(
                "SELECT id, article_id, claimant FROM claim ORDER BY id"
            ).fetchall(),
            "highlight": con.execute(
                "SELECT claim_id, exact FROM highlight ORDER BY id"
            ).fetchall(),
            "source": con.execute("SELECT url FROM source ORDER BY id").fetchall(),
        }
    finally:
        con.close()


def _idle_reader(db: Path) -> sqlite3.Connection:
    """A connection that keeps the library open and idle, as the window does: the
    closing program is then not the last one, and SQLite does not checkpoint by itself."""
    con = sqlite3.connect(db, isolation_level=None)
    con.execute("SELECT count(*) FROM article").fetchall()
    return con


def _write_with_cli(db: Path, article: Path) -> None:
    article_id = factdesk(db, "import", str(article), "--outlet", "Le Journal").stdout.strip()
    for n, quote in enumerate(QUOTES, start=1):
        factdesk(
            db,
            "claim",
            "add",
            article_id,
            "--quote",
            quote,
            "--claimant",
            f"Claimant {n}",
            "--source",
            f"https://example.org/source-{n}",
        )


def _expected() -> dict[str, list[tuple]]:
    return {
        "article": [
            (1, "Le ministre a dit que le chômage a baissé de moitié en 2023.", "Le Journal")
        ],
        "claim": [(n, 1, f"Claimant {n}") for n in (1, 2, 3)],
        "highlight": [(n, q) for n, q in enumerate(QUOTES, start=1)],
        "source": [(f"https://example.org/source-{n}",) for n in (1, 2, 3)],
    }


@pytest.fixture
def article(tmp_path: Path) -> Path:
    path = tmp_path / "article.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    return path


@pytest.mark.parametrize("held_open", [False, True], ids=["alone", "held-open-elsewhere"])
def test_cli_commands_leave_every_row_in_the_main_file(tmp_path, article, held_open):
    db = tmp_path / "lib" / "library.sqlite3"
    factdesk(db, "articles")  # creates the library
    other = _idle_reader(db) if held_open else None
    try:
        _write_with_cli(db, article)
        factdesk(db, "claims", "1")  # a reading command after the writes changes nothing
        copy = alone_copy(db, tmp_path / "copy")
        assert rows_in(copy) == _expected()
        if other is not None:  # the held library is still whole too
            assert rows_in(db) == _expected()
    finally:
        if other is not None:
            other.close()
    with sqlite3.connect(copy) as con:
        assert con.execute("PRAGMA integrity_check").fetchone() == ("ok",)


@pytest.mark.parametrize("held_open", [False, True], ids=["alone", "held-open-elsewhere"])
def test_core_close_leaves_every_row_in_the_main_file(tmp_path, held_open):
    from desktop.core.articles import add_article
    from desktop.core.claims import create_claim_from_quote
    from desktop.core.importers import ParsedArticle
    from desktop.core.sources import add_source
    from desktop.core.store import open_store

    db = tmp_path / "lib" / "library.sqlite3"
    open_store(db).close()
    other = _idle_reader(db) if held_open else None
    try:
        store = open_store(db)
        with store.transaction() as session:
            article_id = add_article(
                session,
                ParsedArticle(
                    paragraphs=ARTICLE.strip().split("\n\n"),
                    title=ARTICLE.split("\n", 1)[0],
                    outlet="Le Journal",
                ),
            ).article_id
        for n, quote in enumerate(QUOTES, start=1):
            with store.transaction() as session:
                claim, _ = create_claim_from_quote(
                    session, article_id, quote, claimant=f"Claimant {n}"
                )
                add_source(session, claim.id, url=f"https://example.org/source-{n}")
        store.close()
        wal = db.with_name(db.name + "-wal")
        assert not wal.exists() or wal.stat().st_size == 0
        copy = alone_copy(db, tmp_path / "copy")
        assert rows_in(copy) == _expected()
    finally:
        if other is not None:
            other.close()
    reopened = open_store(copy, for_reading=True)
    try:
        from desktop.core.views import claims_of

        with reopened.read() as session:
            assert [c.claimant for c in claims_of(session, 1)] == [
                "Claimant 1",
                "Claimant 2",
                "Claimant 3",
            ]
        reopened.ensure_sound()
    finally:
        reopened.close()


def test_close_tolerates_a_library_busy_elsewhere(tmp_path):
    """Another program in the middle of reading: the checkpoint cannot finish, close()
    neither raises nor hangs, and every row is still in the library (its -wal)."""
    from desktop.core.articles import add_article
    from desktop.core.importers import ParsedArticle
    from desktop.core.store import open_store

    db = tmp_path / "library.sqlite3"
    open_store(db).close()
    reader = sqlite3.connect(db, isolation_level=None)
    store = open_store(db)
    try:
        reader.execute("BEGIN")
        reader.execute("SELECT count(*) FROM article").fetchall()  # holds a snapshot
        with store.transaction() as session:
            add_article(session, ParsedArticle(paragraphs=["Une phrase.", "Une autre."]))
        started = time.monotonic()
        store.close()
        assert time.monotonic() - started < 10
    finally:
        reader.execute("ROLLBACK")
        reader.close()  # the last connection: SQLite checkpoints now
    assert len(rows_in(db)["article"]) == 1
    assert len(rows_in(alone_copy(db, tmp_path / "copy"))["article"]) == 1


def test_close_of_a_read_only_open_writes_nothing(tmp_path, article):
    """A reading command's library is opened read-only: closing it does not try to
    checkpoint (it could not), raises nothing, and leaves the file's bytes as they were."""
    from desktop.core.store import open_store

    db = tmp_path / "library.sqlite3"
    _write_with_cli(db, article)
    before = db.read_bytes()
    store = open_store(db, for_reading=True)
    assert store.read_only
    with store.read() as session:
        from desktop.core.views import get_article

        assert get_article(session, 1).outlet == "Le Journal"
    store.ensure_sound()
    store.close()
    store.close()  # twice is harmless
    assert db.read_bytes() == before
    wal = db.with_name(db.name + "-wal")  # a read-only look leaves an empty one, at most
    assert not wal.exists() or wal.stat().st_size == 0
