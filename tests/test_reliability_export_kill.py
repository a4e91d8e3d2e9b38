"""A SIGKILL during `factdesk export` leaves the old file or the new one, and no stray
temporary file once the next export to that folder has run (issue 19, item 13).

The export writes `.<name>.factdesk-tmp-<hex>.part` beside the destination, holding a
lock on it, and renames it into place; a temporary file whose lock anyone can take
belongs to a killed export, and the next export to the folder removes it. A live
export's temporary file is never touched.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from desktop.core.exporters import TEMPORARY, export
from desktop.core.store import open_store
from tests.conftest import ROOT

pytestmark = pytest.mark.skipif(
    sys.platform == "win32", reason="SIGKILL and flock: POSIX (Windows falls back to age)"
)

OLD = b"<!DOCTYPE html><p>the report as it was</p>\n"


def temporaries(folder: Path) -> list[Path]:
    return [p for p in folder.iterdir() if TEMPORARY.fullmatch(p.name)]


@pytest.fixture
def big(tmp_path) -> Path:
    """A library with a 1.3 MB article and a few claims: its report takes about a second."""
    from desktop.core.articles import add_article
    from desktop.core.claims import create_claim_from_quote
    from desktop.core.importers import ParsedArticle

    db = tmp_path / "library.sqlite3"
    store = open_store(db)
    paragraphs = [
        f"Paragraphe {i} : le ministre a dit que le chômage a baissé de {i} %. "
        + "Les chiffres officiels disent autre chose, selon l’institut. " * 30
        for i in range(600)
    ]
    try:
        with store.transaction() as s:
            article_id = add_article(
                s, ParsedArticle(paragraphs=paragraphs, title="Gros", language="fr")
            ).article_id
            for i in (0, 250, 599):
                create_claim_from_quote(s, article_id, f"Paragraphe {i} : le ministre")
    finally:
        store.close()
    (tmp_path / "out").mkdir()
    return db


def command(db: Path, dest: Path, stall: str | None = None) -> list[str]:
    """`factdesk export 1 -f html -o dest`; `stall` makes the export stop for a minute
    at one step of writing ("write": half the bytes written; "fsync": all written, not
    yet renamed), so a kill lands there for sure."""
    probe = f"""
import os, sys, time
from desktop.core.exporters import TEMPORARY
stall, folder = {stall!r}, {str(dest.parent)!r}


def ours(fd):
    # the export's temporary file (a backup copy made on opening fsyncs too)
    inode = os.fstat(fd).st_ino
    return any(
        TEMPORARY.fullmatch(e.name) and e.inode() == inode for e in os.scandir(folder)
    )


if stall == "write":
    real_fdopen = os.fdopen

    class Half:
        def __init__(self, fh):
            self.fh = fh
        def __enter__(self):
            return self
        def __exit__(self, *exc):
            return self.fh.__exit__(*exc)
        def fileno(self):
            return self.fh.fileno()
        def flush(self):
            self.fh.flush()
        def write(self, data):
            self.fh.write(data[: len(data) // 2])
            self.fh.flush()
            time.sleep(60)

    def fdopen(fd, *args, **kw):
        fh = real_fdopen(fd, *args, **kw)
        return Half(fh) if ours(fd) else fh

    os.fdopen = fdopen
elif stall == "fsync":
    real_fsync = os.fsync

    def fsync(fd):
        if ours(fd):
            time.sleep(60)
        real_fsync(fd)

    os.fsync = fsync
from desktop.cli import main
sys.exit(main(sys.argv[1:]))
"""
    return [
        sys.executable,
        "-c",
        probe,
        "--db",
        str(db),
        "export",
        "1",
        "-f",
        "html",
        "-o",
        str(dest),
    ]


def start(argv: list[str]) -> subprocess.Popen:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(ROOT)}
    env.pop("FACTDESK_DB", None)
    return subprocess.Popen(
        argv, env=env, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE
    )


def kill(proc: subprocess.Popen) -> None:
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait(timeout=30)


def wait_for_temporary(folder: Path, proc: subprocess.Popen) -> Path:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        found = temporaries(folder)
        if found:
            return found[0]
        assert proc.poll() is None, proc.stderr.read().decode()
        time.sleep(0.005)
    raise AssertionError("the export never began writing")


def next_export(db: Path, dest: Path) -> None:
    """Another export to the same folder, as the next user command would run."""
    store = open_store(db)
    try:
        export(store, [1], "md", dest)
    finally:
        store.close()


def test_the_temporary_file_is_recognisable(big):
    out = big.parent / "out"
    proc = start(command(big, out / "report.html", stall="fsync"))
    try:
        temp = wait_for_temporary(out, proc)
    finally:
        kill(proc)
    assert temp.name.startswith(".report.html.factdesk-tmp-") and temp.name.endswith(".part")


@pytest.mark.parametrize("stall", ["write", "fsync"])
def test_a_kill_while_writing_leaves_the_old_file_and_the_next_export_cleans_up(big, stall):
    out = big.parent / "out"
    dest = out / "report.html"
    dest.write_bytes(OLD)
    proc = start(command(big, dest, stall=stall))
    try:
        temp = wait_for_temporary(out, proc)
        time.sleep(0.2)  # well inside the stall
    finally:
        kill(proc)
    assert dest.read_bytes() == OLD
    assert temp.exists()  # the stray the killed export left
    next_export(big, out / "other.md")
    assert temporaries(out) == []
    assert dest.read_bytes() == OLD


def test_a_live_export_keeps_its_temporary_file(big):
    out = big.parent / "out"
    proc = start(command(big, out / "report.html", stall="fsync"))
    try:
        temp = wait_for_temporary(out, proc)
        next_export(big, out / "other.md")  # runs while the first one still writes
        assert temp.exists(), "a live export's temporary file was removed"
    finally:
        kill(proc)
    next_export(big, out / "other.md")
    assert temporaries(out) == []


def test_kills_at_any_moment_leave_old_or_new_and_no_stray(big):
    """SIGKILL after delays spread over a whole export: the destination is always the old
    report or the complete new one; whatever temporary file a kill left, the next export
    removes it."""
    out = big.parent / "out"
    reference = out / "reference.html"
    began = time.monotonic()
    done = start(command(big, reference))
    assert done.wait(timeout=120) == 0, done.stderr.read().decode()
    took = time.monotonic() - began
    new = reference.read_bytes()
    assert len(new) > 1_000_000
    dest = out / "report.html"
    outcomes = []
    for fraction in (0.15, 0.35, 0.5, 0.65, 0.75, 0.85, 0.9, 0.95, 1.0, 1.05, 1.2):
        dest.write_bytes(OLD)
        proc = start(command(big, dest))
        time.sleep(took * fraction)
        if proc.poll() is None:
            kill(proc)
        data = dest.read_bytes()
        assert data in (OLD, new), f"a kill at {fraction:.0%} left {len(data)} other bytes"
        outcomes.append(("old" if data == OLD else "new", bool(temporaries(out))))
        next_export(big, out / "other.md")
        assert temporaries(out) == [], outcomes
    assert not list(big.parent.glob("*.part"))
