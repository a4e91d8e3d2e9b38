"""Shared fixtures: a fresh library per test, the seed article, headless Qt."""

from __future__ import annotations

import os
import uuid
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


# Team mode: the same suite runs against a real PostgreSQL server when one is given
# (`source .ci/postgres.sh start` exports this); elsewhere those cases skip, saying why.
PG_URL = os.environ.get("FACTDESK_TEST_PG", "").strip()


def pytest_generate_tests(metafunc):
    """Every test that takes `backend` (through `store` or `db_url`) runs on SQLite and on
    PostgreSQL; a test that also wants the SQLite file (`db_path`) runs on SQLite only."""
    if "backend" in metafunc.fixturenames:
        backends = ["sqlite"] if "db_path" in metafunc.fixturenames else ["sqlite", "postgresql"]
        metafunc.parametrize("backend", backends)


@pytest.fixture(scope="session")
def _pg_template():
    """A database migrated to head once per session; each test gets a copy of it."""
    if not PG_URL:
        pytest.skip("PostgreSQL not available (run `source .ci/postgres.sh start` first)")
    import psycopg
    from sqlalchemy.engine import make_url

    from desktop.core.store import open_store

    admin = make_url(PG_URL)
    conninfo = admin.set(drivername="postgresql").render_as_string(hide_password=False)
    template = f"fd_template_{uuid.uuid4().hex[:8]}"
    with psycopg.connect(conninfo, autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{template}"')
    store = open_store(admin.set(database=template).render_as_string(hide_password=False))
    store.close()
    yield conninfo, template
    with psycopg.connect(conninfo, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{template}" WITH (FORCE)')


@pytest.fixture
def db_url(backend, tmp_path, request) -> str:
    """Where the test's library lives: an SQLite file, or a fresh PostgreSQL database."""
    if backend == "sqlite":
        yield str(tmp_path / "library.sqlite3")
        return
    import psycopg
    from sqlalchemy.engine import make_url

    conninfo, template = request.getfixturevalue("_pg_template")
    name = f"fd_test_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(conninfo, autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}" TEMPLATE "{template}"')
    yield make_url(PG_URL).set(database=name).render_as_string(hide_password=False)
    with psycopg.connect(conninfo, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture
def store(db_url: str):
    from desktop.core.store import open_store

    s = open_store(db_url)
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


@pytest.fixture
def sound_library(tmp_path: Path) -> Path:
    """A current SQLite library with one article and three claims, closed."""
    from desktop.core.store import open_store
    from tests.test_reliability_backups import make_library

    db = tmp_path / "lib.sqlite3"
    make_library(db, claims=3)
    open_store(db).close()
    return db
