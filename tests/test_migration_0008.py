"""Migration 0008: a 0007 library gains the search index with its existing rows in it."""

from __future__ import annotations


def _downgrade(url: str, revision: str) -> None:
    from alembic import command
    from sqlalchemy import create_engine

    from desktop.core import store as store_mod

    engine = create_engine(url)
    try:
        with engine.begin() as conn:
            command.downgrade(store_mod._alembic_config(conn), revision)
    finally:
        engine.dispose()


def test_a_0007_library_upgrades_with_its_rows_indexed(store, db_url):
    from sqlalchemy import inspect

    from desktop.core.articles import add_article
    from desktop.core.claims import create_claim_from_quote
    from desktop.core.importers import parse_text
    from desktop.core.search import search
    from desktop.core.search_index import has_index
    from desktop.core.sources import add_source
    from desktop.core.store import current_revision, head_revision, open_store

    with store.transaction() as s:
        article_id = add_article(s, parse_text("Le maire de Montréal promet 40 radars.")).article_id
        claim, _ = create_claim_from_quote(s, article_id, "promet 40 radars", claimant="Le maire")
        source_id = add_source(s, claim.id, url="https://ville.example/radars", title="Arrêté").id
    url = store.engine.url.render_as_string(hide_password=False)
    store.close()
    _downgrade(url, "0007")
    from sqlalchemy import create_engine

    engine = create_engine(url)
    with engine.connect() as conn:
        assert not has_index(conn)
        assert "search_index" not in inspect(conn).get_table_names()
    engine.dispose()

    upgraded = open_store(db_url)
    try:
        assert upgraded.upgraded_from == "0007"
        assert current_revision(upgraded.engine) == head_revision()
        with upgraded.read() as s:
            keys = {(h.kind, h.article_id, h.claim_id, h.source_id) for h in search(s, "montreal")}
            assert ("article", article_id, None, None) in keys
            claims = search(s, "claimant:maire radars")
            assert [(h.kind, h.claim_id) for h in claims] == [("claim", claim.id)]
            assert [h.source_id for h in search(s, "arrete")] == [source_id]
    finally:
        upgraded.close()
