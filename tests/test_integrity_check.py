"""The integrity check can start before the library is opened (the window's start-up)."""

from __future__ import annotations

import hashlib

import pytest

from desktop.core import backup
from desktop.core.backup import IntegrityCheck
from desktop.core.store import DamagedDatabase, open_store
from desktop.ui import app
from tests.test_reliability_backups import make_library


def test_a_check_begun_early_is_the_one_open_store_trusts(sound_library, monkeypatch):
    calls = []

    def problem(path, full=False):
        calls.append(path)
        return "page 3: bad" if path == sound_library else None  # backups are sound

    monkeypatch.setattr(backup, "integrity_problem", problem)
    early = IntegrityCheck(sound_library)  # finds damage; open_store must not check again
    before = hashlib.sha256(sound_library.read_bytes()).hexdigest()
    with pytest.raises(DamagedDatabase, match="page 3: bad"):
        open_store(sound_library, check=early)
    assert calls.count(sound_library) == 1  # the early check only; backups are checked to offer one
    assert hashlib.sha256(sound_library.read_bytes()).hexdigest() == before


def test_a_check_of_another_file_is_ignored(sound_library, tmp_path, monkeypatch):
    other = tmp_path / "other.sqlite3"
    make_library(other, claims=1)
    monkeypatch.setattr(backup, "integrity_problem", lambda path, full=False: f"bad {path.name}")
    early = IntegrityCheck(other)
    with pytest.raises(DamagedDatabase, match="bad lib.sqlite3"):
        open_store(sound_library, check=early)


def test_the_window_checks_an_existing_file_before_its_imports(sound_library, tmp_path):
    check = app._early_check(str(sound_library))
    assert isinstance(check, IntegrityCheck) and check.path == sound_library.resolve()
    assert check.problem() is None
    assert app._early_check(str(tmp_path / "new.sqlite3")) is None  # nothing to check yet
    assert app._early_check("postgresql+psycopg://team@localhost/lib") is None
