"""Commands that only read open the library read-only and check it alongside their work."""

from __future__ import annotations

import hashlib

import pytest

from desktop.cli import main
from desktop.core import backup
from desktop.core.store import DamagedDatabase, open_store
from tests.test_reliability_backups import make_library


def sha(path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture
def library(tmp_path):
    db = tmp_path / "lib.sqlite3"
    make_library(db, claims=3)
    open_store(db).close()
    return db


def test_listing_reads_without_writing_or_backing_up(library, capsys):
    before = sha(library)
    backups = sorted(p.name for p in library.parent.rglob("*") if p != library)
    assert main(["--db", str(library), "articles"]) == 0
    assert "Titre" in capsys.readouterr().out
    assert main(["--db", str(library), "claims", "1", "--json"]) == 0
    assert '"claimant"' in capsys.readouterr().out
    assert sha(library) == before
    left = sorted(p.name for p in library.parent.rglob("*") if p != library)
    assert [n for n in left if not n.endswith(("-wal", "-shm"))] == [
        n for n in backups if not n.endswith(("-wal", "-shm"))
    ]


def test_damage_found_by_the_check_replaces_the_output(library, capsys, monkeypatch):
    """Damage away from the pages a listing reads is still reported, and nothing printed."""
    monkeypatch.setattr(backup, "integrity_problem", lambda path, full=False: "page 7: bad")
    before = sha(library)
    assert main(["--db", str(library), "articles"]) == 2
    out, err = capsys.readouterr()
    assert out == ""
    assert "damaged (page 7: bad)" in err and str(library) in err
    assert sha(library) == before


def test_ensure_sound_raises_after_reading(library, monkeypatch):
    monkeypatch.setattr(backup, "integrity_problem", lambda path, full=False: "page 7: bad")
    store = open_store(library, for_reading=True)
    try:
        from desktop.core.summaries import article_summaries

        with store.connect() as conn:
            assert [s.claims for s in article_summaries(conn)] == [3]
        with pytest.raises(DamagedDatabase, match="page 7: bad"):
            store.ensure_sound()
    finally:
        store.close()


def test_an_older_library_is_upgraded_first(tmp_path, capsys):
    """Reading an old schema takes the full open: backup, upgrade, then the listing."""
    from desktop.core.store import current_revision, head_revision
    from tests.test_reliability_upgrade import build_0001_library

    db = tmp_path / "old.sqlite3"
    build_0001_library(db)
    assert main(["--db", str(db), "articles"]) == 0
    captured = capsys.readouterr()
    assert "upgraded" in captured.err and "backup:" in captured.err
    store = open_store(db)
    try:
        assert current_revision(store.engine) == head_revision()
    finally:
        store.close()
