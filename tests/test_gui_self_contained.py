"""Quitting the window closes its library: the `.sqlite3` file alone then holds every row.

SQLite in WAL mode keeps recent commits in `library.sqlite3-wal` until a checkpoint;
Store.close() checkpoints. These tests check that the window's clean exit reaches it:
the real `python -m desktop` quitting on its own (FACTDESK_SMOKE_TEST's hook calls
QApplication.quit()), and the same shutdown function on a window built here. A connection
kept open beside it (as a `factdesk` command or a colleague's window would) stops SQLite
from checkpointing on its own when the last connection closes, so only the explicit
close can have moved the rows.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

from desktop.ui.state import WINDOW_STATE_FILE
from tests.conftest import ROOT

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


def write_rows(store, quotes=QUOTES, article_id: int | None = None) -> int:
    """An article (unless given) and a claim with a source per quote, through the core."""
    from desktop.core.articles import add_article
    from desktop.core.claims import create_claim_from_quote
    from desktop.core.importers import ParsedArticle
    from desktop.core.sources import add_source

    if article_id is None:
        with store.transaction() as session:
            parsed = ParsedArticle(paragraphs=ARTICLE.strip().split("\n\n"), outlet="Le Journal")
            article_id = add_article(session, parsed).article_id
    for quote in quotes:
        with store.transaction() as session:
            claim, _ = create_claim_from_quote(session, article_id, quote, claimant=quote[:12])
            add_source(session, claim.id, url=f"https://example.org/{claim.id}")
    return article_id


def rows_in(path: Path) -> dict[str, list[tuple]]:
    """The rows the file holds; what SQLite says if it cannot read them (say, the tables
    themselves were still only in the -wal)."""
    con = sqlite3.connect(path)
    try:
        return {
            "article": con.execute("SELECT id, outlet FROM article ORDER BY id").fetchall(),
            "claim": con.execute("SELECT id, claimant FROM claim ORDER BY id").fetchall(),
            "highlight": con.execute(
                "SELECT claim_id, exact FROM highlight ORDER BY id"
            ).fetchall(),
            "source": con.execute("SELECT url FROM source ORDER BY id").fetchall(),
        }
    except sqlite3.Error as exc:
        return {"unreadable": [(str(exc),)]}
    finally:
        con.close()


def expected(quotes=QUOTES) -> dict[str, list[tuple]]:
    ids = range(1, len(quotes) + 1)
    return {
        "article": [(1, "Le Journal")],
        "claim": [(n, q[:12]) for n, q in zip(ids, quotes, strict=True)],
        "highlight": [(n, q) for n, q in zip(ids, quotes, strict=True)],
        "source": [(f"https://example.org/{n}",) for n in ids],
    }


def alone_copy(db: Path, folder: Path) -> Path:
    """Only the main file, copied elsewhere, as a user copying "the library" would."""
    folder.mkdir()
    copy = folder / db.name
    shutil.copyfile(db, copy)
    return copy


def wal_size(db: Path) -> int:
    wal = db.with_name(db.name + "-wal")
    return wal.stat().st_size if wal.exists() else 0


def idle_connection(db: Path) -> sqlite3.Connection:
    con = sqlite3.connect(db, isolation_level=None)
    con.execute("SELECT count(*) FROM article").fetchall()
    return con


def test_the_real_app_quitting_leaves_every_row_in_the_main_file(tmp_path):
    from desktop.core.store import open_store

    db = tmp_path / "lib" / "library.sqlite3"
    profile = tmp_path / "profile"
    writer = open_store(db)  # kept open: its commits stay in the -wal meanwhile
    try:
        write_rows(writer)
        assert wal_size(db) > 0  # the rows are not in the main file yet
        env = {k: v for k, v in os.environ.items() if not k.startswith("FACTDESK_")}
        env.update(
            QT_QPA_PLATFORM="offscreen",
            FACTDESK_DB=str(db),
            FACTDESK_CONFIG=str(profile / "settings.json"),
            FACTDESK_SMOKE_TEST="1",  # the app quits itself once its window is up
        )
        result = subprocess.run(
            [sys.executable, "-m", "desktop"],
            env=env,
            cwd=ROOT,
            capture_output=True,
            text=True,
            timeout=120,
        )
        assert result.returncode == 0, result.stderr
        assert rows_in(alone_copy(db, tmp_path / "copy")) == expected()
        assert wal_size(db) == 0  # checkpointed and truncated by the app's close
        # It quit through the window's close: its state was saved on the way.
        assert "geometry" in (profile / WINDOW_STATE_FILE).read_text(encoding="utf-8")
    finally:
        writer.close()


def test_closing_the_window_closes_its_library(qtbot, tmp_path):
    """Rows the window itself wrote, then the shutdown function run_gui connects to
    QApplication.aboutToQuit: every row is in the main file."""
    from desktop.core.store import open_store
    from desktop.ui.app import close_window
    from desktop.ui.main_window import MainWindow
    from desktop.ui.workbench import Workbench

    db = tmp_path / "library.sqlite3"
    open_store(db).close()
    window = MainWindow(Workbench(open_store(db)))
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    other = idle_connection(db)  # another program has the library open too
    try:
        article_id = write_rows(window.wb.store, QUOTES[:2])
        window.wb.write(lambda session: None)  # a write through the workbench itself
        write_rows(window.wb.store, QUOTES[2:], article_id=article_id)
        assert wal_size(db) > 0
        close_window(window)
        assert not window.isVisible()
        assert not window.wb._poll.isActive()  # no more polling of a closed library
        assert rows_in(alone_copy(db, tmp_path / "copy")) == expected()
    finally:
        other.close()
