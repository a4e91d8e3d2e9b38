"""An export never replaces the library it reads, its side files or its backups (issue 19).

`factdesk --db lib.sqlite3 export 1 --format html -o lib.sqlite3` used to exit 0 and
replace the library with the report. The core `export()` now refuses any destination
that is the open library (however it is spelled: relative, through a link, a hard link),
its -wal/-shm/-journal file, anything in its backups folder, a folder, a named pipe, a
device or any SQLite database, before anything is read or written; the command line and
the window both go through it.
"""

from __future__ import annotations

import hashlib
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from desktop.cli import main
from desktop.core.errors import FactdeskError
from desktop.core.exporters import check_destination, export
from desktop.core.store import open_store
from tests.conftest import ROOT
from tests.test_cli import user_error
from tests.test_export_fixtures import build_library

posix_only = pytest.mark.skipif(sys.platform == "win32", reason="links, FIFOs and devices")


@pytest.fixture
def lib(db_path):
    store = open_store(db_path)
    try:
        build_library(store)
    finally:
        store.close()
    return db_path


def fingerprint(db_path: Path) -> tuple[str, int, int]:
    """The library's bytes, articles and claims, read without opening it for writing."""
    con = sqlite3.connect(db_path.resolve().as_uri() + "?mode=ro", uri=True)
    try:
        articles = con.execute("SELECT count(*) FROM article").fetchone()[0]
        claims = con.execute("SELECT count(*) FROM claim").fetchone()[0]
        assert con.execute("PRAGMA quick_check").fetchone()[0] == "ok"
    finally:
        con.close()
    return hashlib.sha256(db_path.read_bytes()).hexdigest(), articles, claims


def cli(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    environ = {k: v for k, v in os.environ.items() if k != "FACTDESK_DB"}
    environ.update(QT_QPA_PLATFORM="offscreen", PYTHONIOENCODING="utf-8")
    return subprocess.run(
        [sys.executable, "-m", "desktop", *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        env={**environ, "PYTHONPATH": str(ROOT)},
        cwd=cwd,
        timeout=120,
    )


def _same_spellings(db_path: Path):
    """(id, how to build the path, the words the refusal names) for every spelling."""
    folder = db_path.parent

    def relative(_):
        os.chdir(folder)
        return Path(db_path.name)

    def dotted(_):
        return folder / ".." / folder.name / "." / db_path.name

    def symlink(_):
        link = folder / "report.html"
        link.symlink_to(db_path)
        return link

    def folder_link(_):
        (folder / "elsewhere").symlink_to(folder)
        return folder / "elsewhere" / db_path.name

    def hardlink(_):
        other = folder / "copy.html"
        os.link(db_path, other)
        return other

    return [
        ("as-given", lambda _: db_path, "is the open library"),
        ("relative", relative, "is the open library"),
        ("dotted", dotted, "is the open library"),
        ("symlink", symlink, "is the open library"),
        ("folder-symlink", folder_link, "is the open library"),
        ("hardlink", hardlink, "is the open library"),
        ("wal", lambda _: folder / f"{db_path.name}-wal", "library's -wal file"),
        ("shm", lambda _: folder / f"{db_path.name}-shm", "library's -shm file"),
        ("journal", lambda _: folder / f"{db_path.name}-journal", "library's -journal file"),
        ("backups", lambda _: folder / "backups" / "report.html", "backups folder"),
        ("backups-itself", lambda _: folder / "backups", "backups folder"),
    ]


@posix_only
@pytest.mark.parametrize("case", range(11), ids=[c[0] for c in _same_spellings(Path("x"))])
def test_the_library_and_its_files_are_refused(lib, monkeypatch, case):
    monkeypatch.chdir(lib.parent)  # undone after the test, whatever `relative` does
    _name, build, words = _same_spellings(lib)[case]
    (lib.parent / "backups").mkdir(exist_ok=True)
    dest = build(None)
    before = fingerprint(lib)
    store = open_store(lib)
    try:
        with pytest.raises(FactdeskError, match=words) as refused:
            export(store, [1], "html", dest)
        # the same through a session of the library (the window's own reads use these)
        with store.read() as session, pytest.raises(FactdeskError, match=words):
            export(session, [1], "html", dest)
    finally:
        store.close()
    message = str(refused.value)
    assert "\n" not in message and "choose another" in message
    assert fingerprint(lib)[1:] == before[1:]
    assert not list(lib.parent.glob(".*factdesk-tmp-*"))


@posix_only
def test_a_backup_copy_is_never_replaced(lib):
    store = open_store(lib)
    try:
        from desktop.core.backup import create_backup

        copy = create_backup(store, reason="manual")
        before = copy.read_bytes()
        with pytest.raises(FactdeskError, match="backups folder"):
            export(store, [1], "md", copy)
    finally:
        store.close()
    assert copy.read_bytes() == before


@posix_only
@pytest.mark.parametrize(
    ("make", "words"),
    [
        (lambda tmp: tmp, "is a folder"),
        (lambda tmp: (os.mkfifo(tmp / "pipe.html"), tmp / "pipe.html")[1], "named pipe"),
        (lambda tmp: Path("/dev/null"), "is a device"),
        (
            lambda tmp: ((tmp / "to-null.html").symlink_to("/dev/null"), tmp / "to-null.html")[1],
            "is a device",
        ),
    ],
    ids=["folder", "fifo", "device", "link-to-device"],
)
def test_what_is_not_a_regular_file_is_refused(lib, tmp_path, make, words):
    dest = make(tmp_path)
    store = open_store(lib)
    try:
        with pytest.raises(FactdeskError, match=words):
            export(store, [1], "html", dest)
    finally:
        store.close()


def test_another_library_is_refused_too(lib, tmp_path):
    other = tmp_path / "other" / "team.sqlite3"
    other.parent.mkdir()
    open_store(other).close()
    before = other.read_bytes()
    store = open_store(lib)
    try:
        with pytest.raises(FactdeskError, match="is a database"):
            export(store, [1], "csv", other)
    finally:
        store.close()
    assert other.read_bytes() == before


def test_ordinary_destinations_are_accepted(lib, tmp_path):
    (tmp_path / "old.html").write_text("old")
    for name in ("new.html", "old.html", "library.sqlite3.html", "backups.html"):
        assert check_destination(tmp_path / name, lib) == tmp_path / name
    store = open_store(lib)
    try:
        result = export(store, [1], "html", tmp_path / "old.html")
    finally:
        store.close()
    assert result.path == tmp_path / "old.html"
    assert (tmp_path / "old.html").read_text(encoding="utf-8").startswith("<!DOCTYPE html>")


def test_the_command_refuses_the_library_in_one_line(lib):
    """The reported case, as typed: a relative -o naming the --db file."""
    before = fingerprint(lib)
    result = cli(
        "--db", lib.name, "export", "1", "--format", "html", "-o", lib.name, cwd=lib.parent
    )
    user_error(result, "is the open library")
    assert fingerprint(lib) == before  # refused before the library was even opened
    assert not (lib.parent / "backups").exists()


def test_the_command_refuses_a_backups_folder_file(lib, capsys):
    (lib.parent / "backups").mkdir()
    code = main(["export", "--db", str(lib), "1", "-f", "md", "-o", str(lib.parent / "backups/x")])
    out, err = capsys.readouterr()
    assert code == 2 and out == "" and len(err.splitlines()) == 1
    assert "backups folder" in err and not (lib.parent / "backups" / "x").exists()


def test_the_window_shows_the_same_message(qtbot, lib, monkeypatch):
    from PySide6.QtCore import QSettings

    from desktop.ui import tasks
    from desktop.ui.main_window import MainWindow
    from desktop.ui.workbench import Workbench

    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(lib.parent / "qs"))
    before = fingerprint(lib)
    window = MainWindow(Workbench(open_store(lib)))
    qtbot.addWidget(window)
    shown = []
    monkeypatch.setattr(window, "show_error", lambda title, message: shown.append((title, message)))
    window.run_export([1], "html", str(lib), organization="", organization_url="", checker="")
    qtbot.waitUntil(lambda: not tasks.busy(), timeout=60000)
    assert len(shown) == 1
    title, message = shown[0]
    assert title == "Export failed" and "is the open library" in message and "\n" not in message
    window.wb.store.close()
    assert fingerprint(lib)[1:] == before[1:]
