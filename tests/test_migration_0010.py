"""Migration 0010: a 0009 library upgrades, keeps its articles and claims, and gains the
version, anchor and capture tables (SQLite and PostgreSQL)."""

from __future__ import annotations


def test_a_0009_library_upgrades_and_keeps_its_claims(store, db_url):
    from alembic import command
    from sqlalchemy import create_engine, inspect

    from desktop.core import store as store_mod
    from desktop.core.articles import add_article
    from desktop.core.importers import parse_text
    from desktop.core.models import ArticleVersion, Claim, Source, SourceCapture
    from desktop.core.store import current_revision, head_revision, open_store

    with store.transaction() as s:
        article_id = add_article(s, parse_text("Le maire promet 40 radars.")).article_id
        claim = Claim(article_id=article_id, text="40 radars", claimant="Le maire")
        s.add(claim)
        s.flush()
        claim_id = claim.id
    url = store.engine.url.render_as_string(hide_password=False)
    store.close()
    engine = create_engine(url)
    try:
        with engine.begin() as conn:
            command.downgrade(store_mod._alembic_config(conn), "0009")
        with engine.connect() as conn:
            tables = inspect(conn).get_table_names()
            assert "article_version" not in tables and "source_capture" not in tables
            assert "checked_version" not in {c["name"] for c in inspect(conn).get_columns("claim")}
    finally:
        engine.dispose()

    upgraded = open_store(db_url)
    try:
        assert upgraded.upgraded_from == "0009"
        assert current_revision(upgraded.engine) == head_revision()
        with upgraded.transaction() as s:
            claim = s.get(Claim, claim_id)
            assert (claim.text, claim.claimant, claim.checked_version) == (
                "40 radars",
                "Le maire",
                None,
            )
            s.add(ArticleVersion(article_id=article_id, number=1, text="Le maire promet."))
            source = Source(url="https://example.org/radars")
            s.add(source)
            s.flush()
            s.add(SourceCapture(source_id=source.id, body=b"\x00\xff<html>", size=7))
        with upgraded.read() as s:
            [capture] = s.query(SourceCapture).all()
            assert capture.body == b"\x00\xff<html>"
    finally:
        upgraded.close()
