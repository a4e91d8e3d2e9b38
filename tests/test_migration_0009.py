"""Migration 0009: a 0008 library upgrades, keeps its articles and gains the empty
reference fact-check table, ready to import into (SQLite and PostgreSQL)."""

from __future__ import annotations

import json


def test_a_0008_library_upgrades_and_takes_factchecks(store, db_url, tmp_path):
    from alembic import command
    from sqlalchemy import create_engine, inspect

    from desktop.core import store as store_mod
    from desktop.core.articles import add_article
    from desktop.core.factchecks import import_files
    from desktop.core.importers import parse_text
    from desktop.core.models import Article
    from desktop.core.store import current_revision, head_revision, open_store

    with store.transaction() as s:
        article_id = add_article(s, parse_text("Le maire promet 40 radars.")).article_id
    url = store.engine.url.render_as_string(hide_password=False)
    store.close()
    engine = create_engine(url)
    try:
        with engine.begin() as conn:
            command.downgrade(store_mod._alembic_config(conn), "0008")
        with engine.connect() as conn:
            assert "reference_check" not in inspect(conn).get_table_names()
    finally:
        engine.dispose()

    upgraded = open_store(db_url)
    try:
        assert upgraded.upgraded_from == "0008"
        assert current_revision(upgraded.engine) == head_revision()
        with upgraded.read() as s:
            assert s.get(Article, article_id) is not None
        review = {
            "@type": "ClaimReview",
            "url": "https://checks.example/radars",
            "claimReviewed": "Le maire promet 400 radars",
        }
        path = tmp_path / "check.json"
        path.write_text(json.dumps(review))
        [(_name, counts)] = import_files(upgraded, [path])
        assert counts.added == 1
    finally:
        upgraded.close()
