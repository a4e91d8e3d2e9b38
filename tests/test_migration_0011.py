"""Migration 0011: reference checks imported before it become searchable and matchable
(SQLite and PostgreSQL)."""

from __future__ import annotations


def test_checks_imported_before_0011_are_indexed_by_it(store, db_url):
    from alembic import command
    from sqlalchemy import create_engine

    from desktop.core import store as store_mod
    from desktop.core.factchecks import FactCheck, add_checks
    from desktop.core.matching import match
    from desktop.core.search import search
    from desktop.core.store import open_store

    with store.transaction() as s:
        add_checks(
            s,
            [FactCheck(review_url="https://checks.example/t", claim_text="Taïwan a 40 radars")],
        )
    url = store.engine.url.render_as_string(hide_password=False)
    store.close()
    engine = create_engine(url)
    try:
        with engine.begin() as conn:
            command.downgrade(store_mod._alembic_config(conn), "0010")
    finally:
        engine.dispose()
    reopened = open_store(db_url)
    try:
        assert reopened.upgraded_from == "0010"
        with reopened.read() as s:
            assert [h.kind for h in search(s, "taiwan")] == ["check"]
            assert [m.url for m in match(s, "radars à Taiwan")] == ["https://checks.example/t"]
    finally:
        reopened.close()
