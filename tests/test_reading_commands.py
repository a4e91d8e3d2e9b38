"""Commands that only read open the library read-only and check it alongside their work."""

from __future__ import annotations

import hashlib

import pytest

from desktop.cli import main
from desktop.core import backup
from desktop.core.store import DamagedDatabase, open_store


def sha(path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_listing_reads_without_writing_or_backing_up(sound_library, capsys):
    before = sha(sound_library)
    backups = sorted(p.name for p in sound_library.parent.rglob("*") if p != sound_library)
    assert main(["--db", str(sound_library), "articles"]) == 0
    assert "Titre" in capsys.readouterr().out
    assert main(["--db", str(sound_library), "claims", "1", "--json"]) == 0
    assert '"claimant"' in capsys.readouterr().out
    assert sha(sound_library) == before
    left = sorted(p.name for p in sound_library.parent.rglob("*") if p != sound_library)
    assert [n for n in left if not n.endswith(("-wal", "-shm"))] == [
        n for n in backups if not n.endswith(("-wal", "-shm"))
    ]


def test_damage_found_by_the_check_replaces_the_output(sound_library, capsys, monkeypatch):
    """Damage away from the pages a listing reads is still reported, and nothing printed."""
    monkeypatch.setattr(backup, "integrity_problem", lambda path, full=False: "page 7: bad")
    before = sha(sound_library)
    assert main(["--db", str(sound_library), "articles"]) == 2
    out, err = capsys.readouterr()
    assert out == ""
    assert "damaged (page 7: bad)" in err and str(sound_library) in err
    assert sha(sound_library) == before


def test_ensure_sound_raises_after_reading(sound_library, monkeypatch):
    monkeypatch.setattr(backup, "integrity_problem", lambda path, full=False: "page 7: bad")
    store = open_store(sound_library, for_reading=True)
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
