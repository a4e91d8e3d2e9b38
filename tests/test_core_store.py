"""Opening libraries: where they live, what is refused (untouched), migrations, backups."""

from __future__ import annotations

import hashlib
import os
import sqlite3
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import Column, Index, Integer, MetaData, String, Table, text
from sqlmodel import SQLModel

from desktop.core import models  # noqa: F401  (registers the tables)
from desktop.core import store as store_mod
from desktop.core.backup import create_backup, list_backups
from desktop.core.errors import DatabaseError
from desktop.core.store import current_revision, default_location, head_revision, open_store

MIGRATION_0001 = store_mod.MIGRATIONS_DIR / "versions" / "0001_initial_schema.py"


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def tables(path: Path) -> set[str]:
    con = sqlite3.connect(path)
    try:
        return {r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    finally:
        con.close()


def build_at_0001(path: Path) -> None:
    """A library made by the 0001 migration alone, with no Factdesk code after it."""
    from alembic import command
    from sqlalchemy import create_engine

    engine = create_engine(f"sqlite:///{path}")
    with engine.begin() as conn:
        command.upgrade(store_mod._alembic_config(conn), "0001")
    engine.dispose()


# --- location -------------------------------------------------------------------------


def test_default_location_honours_env(monkeypatch, tmp_path):
    monkeypatch.setenv("FACTDESK_DB", str(tmp_path / "elsewhere.sqlite3"))
    assert default_location() == str(tmp_path / "elsewhere.sqlite3")
    s = open_store()
    try:
        assert s.path == (tmp_path / "elsewhere.sqlite3").resolve()
    finally:
        s.close()
    assert (tmp_path / "elsewhere.sqlite3").is_file()


def test_default_location_without_env_is_user_data(monkeypatch):
    monkeypatch.delenv("FACTDESK_DB", raising=False)
    location = default_location()
    assert location.endswith("factdesk.sqlite3")
    assert "Factdesk" in location


# --- a new library ----------------------------------------------------------------------


def test_new_file_has_wal_foreign_keys_and_head(store, db_path):
    assert db_path.is_file()
    assert db_path.read_bytes().startswith(b"SQLite format 3\x00")
    with store.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
    assert current_revision(store.engine) == head_revision()
    assert {"article", "claim", "highlight", "rating", "alembic_version"} <= tables(db_path)
    assert store.upgraded_from is None
    assert store.backup_path is None
    assert store.label == str(db_path)


def test_head_revision_is_the_last_migration_file():
    assert "revision = '0001'" in MIGRATION_0001.read_text(encoding="utf-8")
    newest = sorted((store_mod.MIGRATIONS_DIR / "versions").glob("[0-9][0-9][0-9][0-9]_*.py"))[-1]
    assert head_revision() == newest.name[:4]


def test_reopen_makes_no_upgrade_backup_only_the_daily_copy(db_path):
    """Reopening upgrades nothing; the first reopen of the day makes the rolling copy."""
    s = open_store(db_path)
    s.close()
    assert list_backups(db_path) == []  # a brand-new library has nothing to keep yet
    for _ in range(2):
        s = open_store(db_path)
        try:
            assert s.upgraded_from is None
            assert s.backup_path is None
        finally:
            s.close()
    assert [b.reason for b in list_backups(db_path)] == ["daily"]


def test_sqlite_url_is_a_file_path(tmp_path):
    path = tmp_path / "via-url.sqlite3"
    s = open_store(f"sqlite:///{path}")
    try:
        assert s.path == path.resolve()
    finally:
        s.close()


# --- refusals: the file is left exactly as it was ----------------------------------------


def _refused(path: Path, *needles: str) -> str:
    before = sha256(path) if path.is_file() else None
    with pytest.raises(DatabaseError) as info:
        open_store(path)
    message = str(info.value)
    assert str(path) in message
    for needle in needles:
        assert needle in message
    if before is not None:
        assert sha256(path) == before
    return message


def test_refuses_non_sqlite_file(tmp_path):
    path = tmp_path / "notes.sqlite3"
    path.write_text("Dear diary, this is not a database. " * 10, encoding="utf-8")
    _refused(path, "not an SQLite file")


def test_refuses_short_truncated_sqlite_file(tmp_path, db_path):
    s = open_store(db_path)
    s.close()
    path = tmp_path / "short.sqlite3"
    path.write_bytes(db_path.read_bytes()[:60])
    _refused(path, "truncated")


@pytest.mark.parametrize("keep", [4096, 150])
def test_refuses_truncated_sqlite_file(tmp_path, db_path, keep):
    s = open_store(db_path)
    s.close()
    path = tmp_path / f"cut-{keep}.sqlite3"
    path.write_bytes(db_path.read_bytes()[:keep])
    _refused(path)


def test_refuses_other_sqlite_database(tmp_path):
    path = tmp_path / "other.sqlite3"
    con = sqlite3.connect(path)
    con.execute("CREATE TABLE recipes (id INTEGER PRIMARY KEY, name TEXT)")
    con.execute("INSERT INTO recipes (name) VALUES ('tarte tatin')")
    con.commit()
    con.close()
    _refused(path, "not a Factdesk library")
    assert tables(path) == {"recipes"}


def test_refuses_other_database_in_a_path_with_hash_and_spaces(tmp_path):
    folder = tmp_path / "dossier #2 ?"
    folder.mkdir()
    path = folder / "other.sqlite3"
    con = sqlite3.connect(path)
    con.execute("CREATE TABLE recipes (id INTEGER PRIMARY KEY)")
    con.commit()
    con.close()
    _refused(path, "not a Factdesk library")


def test_refuses_newer_revision(db_path):
    s = open_store(db_path)
    s.close()
    con = sqlite3.connect(db_path)
    con.execute("UPDATE alembic_version SET version_num = '9999_from_the_future'")
    con.commit()
    con.close()
    _refused(db_path, "newer version", "9999_from_the_future")


def test_refuses_directory(tmp_path):
    folder = tmp_path / "a-folder"
    folder.mkdir()
    _refused(folder, "folder")


def test_refuses_uncreatable_path(tmp_path):
    blocker = tmp_path / "plain-file"
    blocker.write_text("x")
    path = blocker / "sub" / "library.sqlite3"
    _refused(path, "cannot create")
    assert blocker.read_text() == "x"


def test_refusal_writes_no_side_files(tmp_path):
    path = tmp_path / "other.sqlite3"
    con = sqlite3.connect(path)
    con.execute("CREATE TABLE t (x)")
    con.commit()
    con.close()
    _refused(path)
    assert sorted(os.listdir(tmp_path)) == ["other.sqlite3"]


# --- migrations and backups ----------------------------------------------------------------


def test_database_at_0001_opens_at_head(tmp_path):
    path = tmp_path / "old.sqlite3"
    build_at_0001(path)
    s = open_store(path)
    try:
        assert current_revision(s.engine) == head_revision()
        with s.read() as session:
            from desktop.core.ratings import ratings

            assert len(ratings(session)) == 7
    finally:
        s.close()


def test_older_revision_is_backed_up_then_upgraded(tmp_path):
    path = tmp_path / "lib.sqlite3"
    build_at_0001(path)
    con = sqlite3.connect(path)
    con.execute(
        "INSERT INTO article (uid, title, outlet, authors, url, language, text, headings, "
        "source_name, content_hash, created_at, updated_at) VALUES ('u1', 'Titre', '', '[]', "
        "'', 'fr', 'Texte', '[]', '', 'h', '2024-01-01', '2024-01-01')"
    )
    con.commit()
    con.close()
    assert head_revision() != "0001"
    s = open_store(path)
    try:
        assert s.upgraded_from == "0001"
        assert current_revision(s.engine) == head_revision()
        with s.read() as session:
            row = session.exec(text("SELECT title, uid FROM article")).all()
        assert [tuple(r) for r in row] == [("Titre", "u1")]
        assert s.backup_path is not None and s.backup_path.is_file()
        backup = sqlite3.connect(s.backup_path)
        assert backup.execute("SELECT version_num FROM alembic_version").fetchall() == [("0001",)]
        assert backup.execute("SELECT title FROM article").fetchall() == [("Titre",)]
        backup.close()
        found = list_backups(path)
        assert [b.reason for b in found] == ["before-upgrade-0001"]
        assert found[0].path == s.backup_path
    finally:
        s.close()


def test_upgrade_without_backups_flag_makes_none(tmp_path):
    path = tmp_path / "lib.sqlite3"
    build_at_0001(path)
    s = open_store(path, backups=False)
    try:
        assert s.upgraded_from == "0001"
        assert s.backup_path is None
        assert list_backups(path) == []
    finally:
        s.close()


def test_create_and_list_backups(store, db_path, seed_article):
    first = create_backup(store, reason="manual")
    second = create_backup(store, reason="before import!")
    assert first.parent == db_path.parent / "backups"
    found = list_backups(db_path)
    assert [b.path for b in found] == [second, first]
    assert [b.reason for b in found] == ["before-import-", "manual"]
    con = sqlite3.connect(second)
    assert con.execute("SELECT count(*) FROM article").fetchone() == (1,)
    assert con.execute("PRAGMA journal_mode").fetchone() == ("delete",)
    con.close()
    assert not list(db_path.parent.joinpath("backups").glob("*.part"))


def test_list_backups_of_library_without_any(tmp_path):
    assert list_backups(tmp_path / "nothing.sqlite3") == []


# --- models and migrations agree ----------------------------------------------------------


def _not_search_index(obj, name, type_, reflected, compare_to) -> bool:
    """The full-text index (migration 0008) is no model: FTS5's virtual table and its
    shadow tables on SQLite, a table with a generated tsvector on PostgreSQL."""
    from desktop.core.search_index import is_index_table

    return not (type_ == "table" and reflected and compare_to is None and is_index_table(name))


def _diff(store, metadata) -> list:
    with store.engine.connect() as conn:
        context = MigrationContext.configure(
            conn, opts={"compare_type": True, "include_object": _not_search_index}
        )
        return compare_metadata(context, metadata)


def test_models_and_migrations_agree(store):
    assert _diff(store, SQLModel.metadata) == []


def test_model_migration_comparison_catches_drift(store):
    """The comparison above is not vacuous: a missing table, column or index shows up."""
    drifted = MetaData()
    for table in SQLModel.metadata.tables.values():
        table.to_metadata(drifted)
    Table("extra_table", drifted, Column("id", Integer, primary_key=True))
    drifted.tables["article"].append_column(Column("summary", String(200)))
    Index("ix_source_title", drifted.tables["source"].c.title)
    kinds = {
        (d[0], getattr(d[-1], "name", None) if d[0] != "add_column" else d[3].name)
        for d in _diff(store, drifted)
    }
    assert ("add_table", "extra_table") in kinds
    assert ("add_column", "summary") in kinds
    assert ("add_index", "ix_source_title") in kinds
