"""Migration 0006: claims already published get a publication time; others none."""

from __future__ import annotations

import sqlite3


def test_an_old_library_dates_its_published_claims(tmp_path):
    from alembic import command
    from sqlalchemy import create_engine

    from desktop.core import store as store_mod
    from desktop.core.articles import add_article
    from desktop.core.claims import create_claim_from_quote
    from desktop.core.importers import parse_text
    from desktop.core.store import current_revision, head_revision, open_store
    from desktop.core.views import get_claim

    path = tmp_path / "old.sqlite3"
    store = open_store(path)
    with store.transaction() as s:
        article_id = add_article(s, parse_text("Le maire promet 40 radars.")).article_id
        published, _ = create_claim_from_quote(s, article_id, "40 radars", status="published")
        draft, _ = create_claim_from_quote(s, article_id, "Le maire", status="review")
    store.close()
    engine = create_engine(f"sqlite:///{path}")
    with engine.begin() as conn:
        command.downgrade(store_mod._alembic_config(conn), "0005")
    engine.dispose()
    con = sqlite3.connect(path)
    columns = {row[1] for row in con.execute("PRAGMA table_info(claim)")}
    assert "published_at" not in columns
    con.execute("UPDATE claim SET updated_at = '2024-02-03 04:05:06.000000'")
    con.commit()
    con.close()

    store = open_store(path)
    try:
        assert store.upgraded_from == "0005"
        assert current_revision(store.engine) == head_revision()
        with store.read() as s:
            first = get_claim(s, published.id)
            second = get_claim(s, draft.id)
        assert first.published_at is not None
        assert first.published_at.date().isoformat() == "2024-02-03"
        assert second.published_at is None
    finally:
        store.close()
