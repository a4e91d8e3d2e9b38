"""Shared fixtures: a fresh library per test, the seed article, headless Qt."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

# Headless before any Qt import, here and in every subprocess the tests start.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.pop("FACTDESK_DB", None)


@pytest.fixture(autouse=True)
def _private_config(tmp_path_factory, monkeypatch):
    """Every test gets its own settings file, never the developer's."""
    folder = tmp_path_factory.mktemp("config")
    monkeypatch.setenv("FACTDESK_CONFIG", str(folder / "settings.json"))


ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
SEED = SHARED / "samples" / "seed-article-fr.txt"
W3C_CHECK = SHARED / "tools" / "w3c_anno_check.py"
STARLINK_QUOTE = (
    "demandé au milliardaire de ne pas activer son fournisseur d’accès Internet par "
    "satellite, Starlink, à Taïwan"
)


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "library.sqlite3"


@pytest.fixture
def store(db_path: Path):
    from desktop.core.store import open_store

    s = open_store(db_path)
    yield s
    s.close()


@pytest.fixture
def seed_path() -> Path:
    if not SEED.is_file():
        pytest.skip(f"seed article not available ({SEED} is absent)")
    return SEED


@pytest.fixture
def seed_article(store, seed_path) -> int:
    """The seed imported into the test library; returns its article id."""
    from desktop.core.articles import add_article
    from desktop.core.importers import import_path

    with store.transaction() as session:
        return add_article(session, import_path(seed_path)).article_id
