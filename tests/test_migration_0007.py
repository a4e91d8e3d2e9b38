"""Migration 0007: a 0006 library opens with empty turns and the two new tables."""

from __future__ import annotations

import sqlite3


def test_a_0006_library_upgrades_keeping_its_articles(tmp_path):
    from alembic import command
    from sqlalchemy import create_engine

    from desktop.core import store as store_mod
    from desktop.core.articles import add_article
    from desktop.core.importers import parse_text
    from desktop.core.models import Article
    from desktop.core.store import current_revision, head_revision, open_store

    path = tmp_path / "old.sqlite3"
    store = open_store(path)
    with store.transaction() as s:
        article_id = add_article(s, parse_text("Le maire promet 40 radars.")).article_id
    store.close()
    engine = create_engine(f"sqlite:///{path}")
    with engine.begin() as conn:
        command.downgrade(store_mod._alembic_config(conn), "0006")
    engine.dispose()
    con = sqlite3.connect(path)
    assert "turns" not in {row[1] for row in con.execute("PRAGMA table_info(article)")}
    tables = {row[0] for row in con.execute("SELECT name FROM sqlite_master")}
    assert "sentence_scores" not in tables and "suggestion_dismissal" not in tables
    con.close()

    store = open_store(path)
    try:
        assert store.upgraded_from == "0006"
        assert current_revision(store.engine) == head_revision()
        with store.read() as s:
            article = s.get(Article, article_id)
            assert article.turns == []
            assert article.text == "Le maire promet 40 radars."
    finally:
        store.close()
