"""Upgrades keep every row: a library made at revision 0001 opens at whatever head is now.

The library is built by Alembic at 0001 and filled with plain SQL matching that schema
(no current model code involved), so the test keeps meaning the same thing as later
revisions are added.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from alembic import command
from sqlalchemy import create_engine

from desktop.core import store as store_mod
from desktop.core.backup import list_backups
from desktop.core.store import current_revision, head_revision, open_store

T = "2024-01-02 03:04:05.000000"
ROWS_0001 = {
    "rating_scale": [(1, "Échelle maison", 1, T, T)],
    "rating": [
        # A colour of the user's own: 0005 recolours ratings still at an old default
        # (tested in test_verdict_colors.py), and this test wants every row kept as is.
        (1, 1, 0, "true", "Vrai", "#1b5e20", 2, "", T, T),
        (2, 1, 1, "", "Faux « archivé »", "#c62828", 1, "décrit", T, T),
    ],
    "article": [
        (
            1,
            "a" * 32,
            "Réforme 🇫🇷",
            "Le Journal",
            '["Zoé Lefèvre"]',
            "https://example.org/a",
            "2024-01-01",
            "fr",
            "Réforme 🇫🇷\n\nLe ministre a dit « 50 % ».",
            "[[0, 1]]",
            "a.txt",
            "h" * 64,
            T,
            T,
        )
    ],
    "claim": [
        (
            1,
            "c" * 32,
            1,
            "Le chiffre",
            "Le ministre",
            "person",
            "2024-01-01",
            "",
            2,
            "Non.",
            "published",
            "Zoé",
            T,
            T,
        ),
        (2, "d" * 32, 1, "", "", "", None, "", None, "", "draft", "", T, T),
    ],
    "highlight": [
        (1, "e" * 32, 1, 1, 30, 36, "« 50 %", "Le ministre a dit ", " ».", "exact", T, T),
        (2, "f" * 32, 1, 2, 0, 7, "Réforme", "", " 🇫🇷", "exact", T, T),
    ],
    "source": [
        (1, "b" * 32, "https://insee.fr", "INSEE", "Insee", "", "2023-12-01", None, "", "", T, T)
    ],
    "claim_source": [(1, 1, 0, "refutes", "« stable »")],
    "tag": [(1, "économie")],
    "claim_tag": [(1, 1)],
}


def build_0001_library(path: Path) -> dict[str, list[tuple]]:
    """A 0001 library holding ROWS_0001; returns its rows as read back by column name."""
    engine = create_engine(f"sqlite:///{path}")
    with engine.begin() as conn:
        command.upgrade(store_mod._alembic_config(conn), "0001")
    engine.dispose()
    con = sqlite3.connect(path)
    columns = {}
    for table, rows in ROWS_0001.items():
        names = [r[1] for r in con.execute(f'PRAGMA table_info("{table}")')]
        assert len(names) == len(rows[0]), table  # the fixture matches the 0001 schema
        columns[table] = names
        marks = ", ".join("?" * len(names))
        con.executemany(f'INSERT INTO "{table}" VALUES ({marks})', rows)  # noqa: S608
    con.commit()
    con.close()
    return read_rows(path, columns)


def read_rows(path: Path, columns: dict[str, list[str]]) -> dict[str, list[tuple]]:
    con = sqlite3.connect(path)
    try:
        out = {}
        for table, names in columns.items():
            cols = ", ".join(f'"{n}"' for n in names)
            out[table] = con.execute(f'SELECT {cols} FROM "{table}" ORDER BY 1, 2').fetchall()  # noqa: S608
        return {"columns": columns, **out}
    finally:
        con.close()


def test_a_0001_library_opens_at_head_with_every_row(tmp_path):
    path = tmp_path / "old.sqlite3"
    before = build_0001_library(path)
    columns = before.pop("columns")
    store = open_store(path)
    try:
        assert current_revision(store.engine) == head_revision()
        changed = head_revision() != "0001"
        assert store.upgraded_from == ("0001" if changed else None)
        if changed:
            # The copy was made before the upgrade: it is still at 0001, with every row.
            assert store.backup_path is not None and store.backup_path.is_file()
            con = sqlite3.connect(store.backup_path)
            assert con.execute("SELECT version_num FROM alembic_version").fetchall() == [("0001",)]
            con.close()
            copied = read_rows(store.backup_path, columns)
            copied.pop("columns")
            assert copied == before
            assert [b.reason for b in list_backups(path)] == ["before-upgrade-0001"]
        else:
            assert store.backup_path is None
    finally:
        store.close()
    after = read_rows(path, columns)
    after.pop("columns")
    assert after == before


def test_the_upgraded_library_works_through_the_current_code(tmp_path):
    """Rows written by 0001 read back through today's views, offsets and all."""
    from desktop.core.views import claims_of, get_article

    path = tmp_path / "old.sqlite3"
    build_0001_library(path)
    store = open_store(path)
    try:
        with store.read() as s:
            article = get_article(s, 1)
            claims = claims_of(s, 1)
        by_id = {c.id: c for c in claims}
        assert sorted(by_id) == [1, 2]
        for claim in claims:
            for h in claim.highlights:
                assert article.text[h.start : h.end] == h.exact
        assert by_id[1].rating.label == "Faux « archivé »"
        assert [s.url for s in by_id[1].sources] == ["https://insee.fr"]
    finally:
        store.close()
