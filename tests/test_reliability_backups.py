"""Backups and recovery: daily copies, damage found before any write, restores that lose nothing.

Damage is made by overwriting the root page of the claim table with garbage, the way a
failing disk or a bad copy does; SQLite's header and schema stay readable, so only the
integrity check on open can notice it.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import sqlite3
import subprocess
import sys
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest

from desktop.core import backup as backup_mod
from desktop.core.backup import (
    DAILY_KEEP,
    ensure_daily_backup,
    latest_good_backup,
    list_backups,
    restore_backup,
)
from desktop.core.errors import DatabaseError
from desktop.core.store import DamagedDatabase, open_store
from tests.conftest import ROOT


def sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def make_library(path: Path, claims: int = 120) -> int:
    """A library with one article and `claims` claims (enough to span many pages)."""
    from desktop.core.articles import add_article
    from desktop.core.claims import create_claim
    from desktop.core.importers import parse_text

    store = open_store(path, backups=False)
    with store.transaction() as s:
        article_id = add_article(
            s, parse_text("Titre\n\n" + "Une phrase assez longue pour remplir. " * 100)
        ).article_id
        for i in range(claims):
            create_claim(s, article_id, start=i, end=i + 20, rationale="r" * 200)
    store.close()
    return article_id


def claim_count(path: Path) -> int:
    con = sqlite3.connect(path)
    try:
        return con.execute("SELECT count(*) FROM claim").fetchone()[0]
    finally:
        con.close()


def add_claims(path: Path, n: int) -> None:
    from desktop.core.claims import create_claim

    store = open_store(path, backups=False)
    with store.transaction() as s:
        for i in range(n):
            create_claim(s, 1, start=i, end=i + 5)
    store.close()


def corrupt(path: Path, table: str = "claim") -> None:
    """Overwrite `table`'s root page with garbage, leaving header and schema intact."""
    con = sqlite3.connect(path)
    root = con.execute("SELECT rootpage FROM sqlite_master WHERE name = ?", (table,)).fetchone()[0]
    size = con.execute("PRAGMA page_size").fetchone()[0]
    con.close()
    data = bytearray(path.read_bytes())
    offset = (root - 1) * size
    data[offset + 8 : offset + size - 8] = b"\xa5" * (size - 16)
    path.write_bytes(bytes(data))


def fake_daily(db: Path, day: date) -> Path:
    """A daily copy dated `day` (a real copy of the library, named as that day's)."""
    stamp = datetime(day.year, day.month, day.day, 3, 0, tzinfo=UTC).strftime("%Y%m%dT%H%M%S%fZ")
    dest = backup_mod.backup_dir(db) / f"{db.stem}-{stamp}-daily.sqlite3"
    dest.parent.mkdir(exist_ok=True)
    backup_mod.copy_database(db, dest)
    return dest


# --- daily copies ------------------------------------------------------------------------------


def test_daily_copy_is_made_once_a_day_on_open(tmp_path):
    db = tmp_path / "lib.sqlite3"
    make_library(db, claims=3)
    for _ in range(3):
        open_store(db).close()
    found = list_backups(db)
    assert [b.reason for b in found] == ["daily"]
    assert found[0].created.date() == datetime.now(UTC).date()
    assert claim_count(found[0].path) == 3
    assert backup_mod.integrity_problem(found[0].path, full=True) is None


def test_yesterdays_copy_does_not_count_and_only_seven_dailies_are_kept(tmp_path):
    db = tmp_path / "lib.sqlite3"
    make_library(db, claims=2)
    today = datetime.now(UTC).date()
    for days in range(1, 10):
        fake_daily(db, today - timedelta(days=days))
    kept_by_hand = backup_mod.backup_file(db, reason="manual")
    manual = kept_by_hand.rename(
        kept_by_hand.with_name(f"{db.stem}-20000101T000000000000Z-manual.sqlite3")
    )
    assert ensure_daily_backup(db, today=today) is not None
    dailies = [b for b in list_backups(db) if b.reason == "daily"]
    assert len(dailies) == DAILY_KEEP
    assert dailies[0].created.date() == today
    assert [b.created.date() for b in dailies[1:]] == [
        today - timedelta(days=d) for d in range(1, DAILY_KEEP)
    ]
    assert manual.is_file()  # copies made by the user are never pruned
    assert ensure_daily_backup(db, today=today) is None


def test_a_read_only_backups_folder_does_not_stop_opening(tmp_path, monkeypatch):
    db = tmp_path / "lib.sqlite3"
    make_library(db, claims=1)

    def fail(*_args, **_kwargs):
        raise DatabaseError(f"{db}: could not make a backup copy (disk full)")

    monkeypatch.setattr(backup_mod, "backup_file", fail)
    store = open_store(db)
    try:
        assert store.daily_backup_path is None
        assert store.notices and "disk full" in store.notices[0]
    finally:
        store.close()


# --- damage on open ------------------------------------------------------------------------------


def test_damaged_library_is_not_written_and_the_latest_good_backup_is_offered(tmp_path):
    db = tmp_path / "lib.sqlite3"
    make_library(db)
    older = backup_mod.backup_file(db, reason="manual")
    newer = backup_mod.backup_file(db, reason="manual")
    corrupt(newer)  # the newest copy is damaged too: it must be skipped
    corrupt(db)
    before = sha(db)
    names = sorted(os.listdir(tmp_path))
    with pytest.raises(DamagedDatabase) as info:
        open_store(db)
    exc = info.value
    assert exc.path == db
    assert exc.backup is not None and exc.backup.path == older
    assert str(db) in str(exc) and "damaged" in str(exc) and str(older) in str(exc)
    assert sha(db) == before
    assert sorted(os.listdir(tmp_path)) == names  # no -wal, -shm or new backup either
    assert latest_good_backup(db).path == older


def test_damaged_library_without_backups_says_so(tmp_path):
    db = tmp_path / "lib.sqlite3"
    make_library(db)
    corrupt(db)
    with pytest.raises(DamagedDatabase) as info:
        open_store(db)
    assert info.value.backup is None
    assert "no good backup" in str(info.value)


def test_truncated_library_is_damage_too(tmp_path):
    db = tmp_path / "lib.sqlite3"
    make_library(db)
    good = backup_mod.backup_file(db, reason="manual")
    db.write_bytes(db.read_bytes()[: 8 * 4096])
    with pytest.raises(DamagedDatabase) as info:
        open_store(db)
    assert info.value.backup.path == good


# --- restoring ----------------------------------------------------------------------------------


def test_restore_over_a_healthy_library_keeps_it_as_a_copy(tmp_path):
    db = tmp_path / "lib.sqlite3"
    make_library(db, claims=5)
    snapshot = backup_mod.backup_file(db, reason="manual")
    add_claims(db, 7)
    result = restore_backup(db, snapshot)
    assert claim_count(db) == 5
    assert result.damaged_copy is None
    assert claim_count(result.safety_copy) == 12  # the work done since is kept
    assert snapshot.is_file() and claim_count(snapshot) == 5
    assert [b.reason for b in list_backups(db)] == ["before-restore", "manual"]
    store = open_store(db)  # and it is a sound, current library again
    try:
        with store.engine.connect() as conn:
            assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
            assert conn.exec_driver_sql("PRAGMA integrity_check").scalar() == "ok"
    finally:
        store.close()


def test_restore_over_a_damaged_library_moves_it_aside(tmp_path):
    db = tmp_path / "lib.sqlite3"
    make_library(db, claims=5)
    snapshot = backup_mod.backup_file(db, reason="manual")
    corrupt(db)
    damaged = sha(db)
    result = restore_backup(db, snapshot)
    assert result.safety_copy is None
    assert result.damaged_copy.is_file() and sha(result.damaged_copy) == damaged
    assert result.damaged_copy.parent == db.parent
    open_store(db).close()
    assert claim_count(db) == 5


def test_a_damaged_or_foreign_backup_is_not_restored(tmp_path):
    db = tmp_path / "lib.sqlite3"
    make_library(db, claims=2)
    bad = backup_mod.backup_file(db, reason="manual")
    corrupt(bad)
    other = tmp_path / "recipes.sqlite3"
    con = sqlite3.connect(other)
    con.execute("CREATE TABLE recipe (id INTEGER PRIMARY KEY)")
    con.commit()
    con.close()
    before = sha(db)
    for candidate, needle in ((bad, "damaged"), (other, "not a Factdesk library")):
        with pytest.raises(DatabaseError) as info:
            restore_backup(db, candidate)
        assert str(candidate) in str(info.value) and needle in str(info.value)
    assert sha(db) == before


def test_restoring_an_older_schema_upgrades_it_on_open(tmp_path):
    """A copy made before an upgrade can be restored; the next open upgrades it again."""
    from alembic import command
    from sqlalchemy import create_engine

    from desktop.core import store as store_mod
    from desktop.core.store import current_revision, head_revision

    old = tmp_path / "old.sqlite3"
    engine = create_engine(f"sqlite:///{old}")
    with engine.begin() as conn:
        command.upgrade(store_mod._alembic_config(conn), "0001")
    engine.dispose()
    db = tmp_path / "lib.sqlite3"
    make_library(db, claims=1)
    restore_backup(db, old)
    store = open_store(db)
    try:
        assert current_revision(store.engine) == head_revision()
    finally:
        store.close()


# --- the command line ---------------------------------------------------------------------------


def cli(db: Path, *args: str) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k != "FACTDESK_DB"}
    env.update(PYTHONIOENCODING="utf-8")
    return subprocess.run(
        [sys.executable, "-m", "desktop", *args, "--db", str(db)],
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=env,
        cwd=ROOT,
        timeout=120,
    )


def test_cli_backup_create_list_restore(tmp_path):
    db = tmp_path / "lib.sqlite3"
    make_library(db, claims=4)
    made = cli(db, "backup", "create", "--reason", "before edits")
    assert made.returncode == 0, made.stderr
    copy = Path(made.stdout.strip())
    assert copy.is_file() and claim_count(copy) == 4
    add_claims(db, 3)
    listed = cli(db, "backup", "list", "--json")
    rows = json.loads(listed.stdout)
    assert rows[0]["reason"] == "before-edits" and rows[0]["number"] == 1
    assert rows[0]["size"] == copy.stat().st_size and rows[0]["path"] == str(copy)
    table = cli(db, "backup", "list")
    assert "before-edits" in table.stdout and "REASON" in table.stdout
    restored = cli(db, "backup", "restore", "1")
    assert restored.returncode == 0, restored.stderr
    assert claim_count(db) == 4
    assert "kept as" in restored.stderr
    assert any(b.reason == "before-restore" and claim_count(b.path) == 7 for b in list_backups(db))


def test_cli_restores_a_damaged_library(tmp_path):
    db = tmp_path / "lib.sqlite3"
    make_library(db, claims=4)
    backup_mod.backup_file(db, reason="manual")
    corrupt(db)
    refused = cli(db, "articles")
    assert refused.returncode == 2
    assert refused.stderr.count("\n") == 1 and "damaged" in refused.stderr
    assert "latest good backup" in refused.stderr
    restored = cli(db, "backup", "restore", "1")
    assert restored.returncode == 0, restored.stderr
    assert "damaged library is kept" in restored.stderr
    assert cli(db, "articles").returncode == 0
    assert list(tmp_path.glob("lib.sqlite3.damaged-*"))


def test_cli_restore_of_a_missing_number_is_one_line(tmp_path):
    db = tmp_path / "lib.sqlite3"
    make_library(db, claims=1)
    before = sha(db)
    result = cli(db, "backup", "restore", "3")
    assert result.returncode == 2
    assert result.stderr.count("\n") == 1 and "no backup number 3" in result.stderr
    assert sha(db) == before


# --- the window --------------------------------------------------------------------------------


@pytest.fixture
def _qsettings(tmp_path):
    from PySide6.QtCore import QSettings

    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp_path / "qs"))


def test_backup_dialog_lists_and_restores(qtbot, tmp_path, monkeypatch, _qsettings):
    from PySide6.QtWidgets import QMessageBox

    from desktop.ui import backup_dialog
    from desktop.ui.main_window import MainWindow
    from desktop.ui.workbench import Workbench

    db = tmp_path / "lib.sqlite3"
    make_library(db, claims=2)
    fake_daily(db, datetime.now(UTC).date() - timedelta(days=1))
    backup_mod.backup_file(db, reason="manual")
    add_claims(db, 3)
    window = MainWindow(Workbench(open_store(db)))
    qtbot.addWidget(window)
    window.open_article(1)
    assert len(window.claims) == 5
    seen = {}

    def run_dialog(dialog):
        seen["rows"] = [
            [dialog.table.item(r, c).text() for c in range(3)]
            for r in range(dialog.table.rowCount())
        ]
        dialog.table.selectRow([b.reason for b in dialog.backups].index("manual"))
        return dialog.restore_selected() and backup_dialog.QDialog.DialogCode.Accepted

    monkeypatch.setattr(backup_dialog.BackupDialog, "exec", run_dialog)
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    monkeypatch.setattr(QMessageBox, "information", lambda *a, **k: None)
    assert backup_dialog.restore_from_backup(window, window.wb)
    reasons = {row[1] for row in seen["rows"]}
    assert {"Made by you", "Daily copy"} <= reasons
    assert all(row[2].endswith("KB") for row in seen["rows"])
    window.open_article(1)
    assert len(window.claims) == 2  # the window shows the restored library
    assert window.wb.undo_stack.count() == 0
    kept = [b for b in list_backups(db) if b.reason == "before-restore"]
    assert len(kept) == 1 and claim_count(kept[0].path) == 5


def test_declining_the_restore_changes_nothing(qtbot, tmp_path, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    from desktop.ui.backup_dialog import BackupDialog

    db = tmp_path / "lib.sqlite3"
    make_library(db, claims=2)
    backup_mod.backup_file(db, reason="manual")
    before = sha(db)
    dialog = BackupDialog(None, db)
    qtbot.addWidget(dialog)
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.No)
    assert not dialog.restore_selected()
    assert dialog.restored is None and sha(db) == before


@pytest.mark.parametrize("choice", ["Restore Latest Backup", "Cancel"])
def test_startup_recovery_offers_the_latest_good_backup(qtbot, tmp_path, monkeypatch, choice):
    from PySide6.QtWidgets import QMessageBox

    from desktop.ui.backup_dialog import offer_recovery

    db = tmp_path / "lib.sqlite3"
    make_library(db, claims=3)
    backup_mod.backup_file(db, reason="manual")
    corrupt(db)
    damaged = sha(db)
    with pytest.raises(DamagedDatabase) as info:
        open_store(db)
    shown = {}

    def click(box):
        shown["text"] = box.text() + box.informativeText()
        shown["buttons"] = [b.text().replace("&", "") for b in box.buttons()]
        next(b for b in box.buttons() if b.text().replace("&", "") == choice).click()
        return 0

    monkeypatch.setattr(QMessageBox, "exec", click)
    monkeypatch.setattr(QMessageBox, "information", lambda *a, **k: None)
    store = offer_recovery(None, info.value)
    assert str(db) in shown["text"] and "damaged" in shown["text"]
    assert "Restore Latest Backup" in shown["buttons"]
    if choice == "Cancel":
        assert store is None
        assert sha(db) == damaged
        return
    try:
        with store.read() as s:
            from sqlmodel import select

            from desktop.core.models import Claim

            assert len(s.exec(select(Claim)).all()) == 3
    finally:
        store.close()
    kept = list(tmp_path.glob("lib.sqlite3.damaged-*"))
    assert len(kept) == 1 and sha(kept[0]) == damaged


def test_backup_copies_are_made_with_the_backup_api_under_load(tmp_path):
    """A copy taken while another process writes is a consistent database."""
    db = tmp_path / "lib.sqlite3"
    make_library(db, claims=1)
    writer = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import sys\nfrom desktop.core.store import open_store\n"
            "from desktop.core.claims import create_claim\n"
            "s = open_store(sys.argv[1], backups=False)\n"
            "for i in range(150):\n"
            "    with s.transaction() as t:\n"
            "        create_claim(t, 1, start=i, end=i + 9)\n",
            str(db),
        ],
        cwd=ROOT,
    )
    copies = []
    while writer.poll() is None:
        copies.append(backup_mod.backup_file(db, reason="under-load"))
    assert writer.wait() == 0
    for copy in copies:
        assert backup_mod.integrity_problem(copy, full=True) is None
        assert 1 <= claim_count(copy) <= 151
    shutil.rmtree(backup_mod.backup_dir(db))
