"""Two programs on one library: no corruption, no lost write, a busy library waited for.

The writers are real: loops of the `factdesk` CLI entry point (argument parsing, opening
the library, one transaction per command) in separate processes, and the real
MainWindow with its undo commands. The store begins each write with BEGIN IMMEDIATE
under a busy timeout, so a writer that finds the library locked waits its turn.
"""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from tests.conftest import ROOT

TEXT = (
    "Le ministre a dit que le chômage baissait\n\n"
    "Le ministre a affirmé lundi que « le chômage a baissé de 3 % en un an ». "
    "L’opposition conteste ce chiffre, tandis que l’Insee publiera ses données jeudi."
)
QUOTE = "le chômage a baissé de 3 % en un an"

CLI_LOOP = """
import sys
from desktop.cli import main
db, n, tag = sys.argv[1], int(sys.argv[2]), sys.argv[3]
for i in range(n):
    rc = main(["--db", db, "claim", "add", "1", "--quote", sys.argv[4], "--text", f"{tag} {i}",
               "--tag", tag, "--source", f"https://example.org/{tag}/{i}"])
    if rc:
        sys.exit(rc)
"""

LOCK_HOLDER = """
import sqlite3, sys
con = sqlite3.connect(sys.argv[1], isolation_level=None)
con.execute("BEGIN IMMEDIATE")
con.execute("UPDATE article SET outlet = 'held' WHERE id = 1")
print("locked", flush=True)
sys.stdin.readline()
con.execute("COMMIT")
"""


def env() -> dict:
    e = {k: v for k, v in os.environ.items() if k != "FACTDESK_DB"}
    e.update(PYTHONIOENCODING="utf-8", QT_QPA_PLATFORM="offscreen")
    return e


def spawn(script: str, *args: str, stdin=None) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-c", script, *args],
        stdin=stdin,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        encoding="utf-8",
        cwd=ROOT,
        env=env(),
    )


def cli_loop(db: Path, n: int, tag: str) -> subprocess.Popen:
    return spawn(CLI_LOOP, str(db), str(n), tag, QUOTE)


def finished(proc: subprocess.Popen) -> tuple[list[int], str]:
    out, err = proc.communicate(timeout=300)
    assert proc.returncode == 0, err
    return [int(line) for line in out.split()], err


def sound(db: Path) -> dict[str, int]:
    """integrity_check and foreign keys hold; returns row counts."""
    con = sqlite3.connect(db)
    try:
        assert con.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        assert con.execute("PRAGMA foreign_key_check").fetchall() == []
        return {
            t: con.execute(f"SELECT count(*) FROM {t}").fetchone()[0]  # noqa: S608
            for t in ("claim", "highlight", "source", "claim_source", "claim_tag")
        }
    finally:
        con.close()


@pytest.fixture
def library(tmp_path) -> Path:
    from desktop.core.articles import add_article
    from desktop.core.importers import parse_text
    from desktop.core.store import open_store

    db = tmp_path / "shared.sqlite3"
    store = open_store(db)
    with store.transaction() as s:
        assert add_article(s, parse_text(TEXT)).article_id == 1
    store.close()
    return db


def test_two_clis_writing_in_loops_lose_nothing(library):
    n = 30
    first, second = cli_loop(library, n, "alpha"), cli_loop(library, n, "beta")
    ids_a, err_a = finished(first)
    ids_b, err_b = finished(second)
    assert len(ids_a) == len(ids_b) == n
    assert len(set(ids_a) | set(ids_b)) == 2 * n
    assert "busy" not in err_a + err_b and "locked" not in err_a + err_b
    assert sound(library) == {
        "claim": 2 * n,
        "highlight": 2 * n,
        "source": 2 * n,
        "claim_source": 2 * n,
        "claim_tag": 2 * n,
    }
    con = sqlite3.connect(library)
    texts = {r[0] for r in con.execute("SELECT text FROM claim")}
    con.close()
    assert texts == {f"{tag} {i}" for tag in ("alpha", "beta") for i in range(n)}


def test_a_busy_library_is_waited_for_not_reported(library):
    """A CLI write that meets another program's open write transaction succeeds after it."""
    holder = spawn(LOCK_HOLDER, str(library), stdin=subprocess.PIPE)
    assert holder.stdout.readline().strip() == "locked"
    writer = cli_loop(library, 1, "patient")
    time.sleep(1.5)  # let the writer run into the lock (not an assertion: only a delay)
    holder.stdin.write("\n")
    holder.stdin.flush()
    assert holder.wait(timeout=60) == 0
    ids, err = finished(writer)
    assert len(ids) == 1 and err == ""
    con = sqlite3.connect(library)
    assert con.execute("SELECT outlet FROM article").fetchone() == ("held",)
    con.close()
    assert sound(library)["claim"] == 1


# --- the window beside a CLI -----------------------------------------------------------------


@pytest.fixture
def window(qtbot, tmp_path, library):
    from PySide6.QtCore import QSettings

    from desktop.core.store import open_store
    from desktop.ui.main_window import MainWindow
    from desktop.ui.workbench import Workbench

    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp_path / "qs"))
    win = MainWindow(Workbench(open_store(library)))
    qtbot.addWidget(win)
    win.open_article(1)
    return win


def test_refresh_shows_what_a_cli_committed(window, library):
    assert window.claims == []
    ids, _ = finished(cli_loop(library, 2, "from-cli"))
    window.refresh()
    assert sorted(c.id for c in window.claims) == sorted(ids)
    assert window.claim_panel.model.rowCount() == 2
    text = window.article.text.article.text
    start = text.index(QUOTE)
    painted = {(s.start, s.end) for s in window.article.text._spans}
    assert painted == {(start, start + len(QUOTE))}  # no astral characters: UTF-16 == code points
    assert "2" in window.library.model.data(window.library.model.index(0, 2))


def test_window_and_cli_writing_at_once_lose_nothing(window, library, qtbot):
    from desktop.ui import commands

    text = window.article.text.article.text
    n = 20
    cli = cli_loop(library, n, "cli")
    pushed = []
    for i in range(n):
        start = text.index("L’opposition") + i
        command = commands.CreateClaim(window.wb, 1, start, start + 10, checker="gui")
        assert commands.push(window.wb, command) is None
        pushed.append(command.claim_id)
        edit = commands.EditClaim(window.wb, 1, command.claim_id, "claimant", "", f"GUI {i}")
        assert commands.push(window.wb, edit) is None
        qtbot.wait(1)
    cli_ids, err = finished(cli)
    assert err == ""
    assert sound(library)["claim"] == 2 * n
    window.refresh()
    assert {c.id for c in window.claims} == set(pushed) | set(cli_ids)
    claimants = {c.id: c.claimant for c in window.claims}
    assert [claimants[i] for i in pushed] == [f"GUI {i}" for i in range(n)]


def test_a_window_push_waits_for_another_programs_write(window, library):
    from desktop.ui import commands

    holder = spawn(LOCK_HOLDER, str(library), stdin=subprocess.PIPE)
    assert holder.stdout.readline().strip() == "locked"

    def let_go() -> None:
        holder.stdin.write("\n")
        holder.stdin.flush()

    # Released from another thread while the push below is waiting on the UI thread.
    timer = threading.Timer(1.5, let_go)
    timer.start()
    start = window.article.text.article.text.index(QUOTE)
    command = commands.CreateClaim(window.wb, 1, start, start + len(QUOTE))
    assert commands.push(window.wb, command) is None
    assert holder.wait(timeout=60) == 0
    window.refresh()
    assert [c.id for c in window.claims] == [command.claim_id]
