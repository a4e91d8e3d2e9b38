"""Team mode: authorship, optimistic concurrency and copy-db, on SQLite and PostgreSQL."""

from __future__ import annotations

import subprocess
import sys
from datetime import UTC, datetime

import pytest
from sqlmodel import select

from desktop.core import audit, claims, sources, views
from desktop.core.articles import add_article
from desktop.core.copying import copy_library
from desktop.core.errors import EditConflict, FactdeskError
from desktop.core.exporters import ExportOptions, render
from desktop.core.importers import parse_text
from desktop.core.ratings import find_rating
from desktop.core.store import open_store
from tests.conftest import ROOT, STARLINK_QUOTE

TEXT = """Le maire promet 500 logements

Le maire a annoncé lundi la construction de 500 logements sociaux d’ici 2027. L’opposition parle d’un chiffre « gonflé ».
"""


@pytest.fixture(autouse=True)
def _actor():
    audit.set_actor("")
    yield
    audit.set_actor("")


@pytest.fixture
def claim_id(store):
    audit.set_actor("Alice")
    with store.transaction() as s:
        article_id = add_article(s, parse_text(TEXT)).article_id
        claim, _ = claims.create_claim_from_quote(
            s, article_id, "500 logements sociaux d’ici 2027", claimant="Le maire"
        )
    return claim.id


def test_rows_record_who_created_and_changed_them(store, claim_id):
    audit.set_actor("Bob")
    with store.transaction() as s:
        claims.update_claim(s, claim_id, claimant="Le maire de Lyon")
        sources.add_source(s, claim_id, url="https://example.org/deliberation")
    with store.read() as s:
        from desktop.core.models import Claim, Highlight, Source

        claim = s.get(Claim, claim_id)
        assert (claim.created_by, claim.updated_by) == ("Alice", "Bob")
        assert claim.version == 3  # the claimant edit, then the citation added
        (hl,) = s.exec(select(Highlight)).all()
        assert (hl.created_by, hl.updated_by) == ("Alice", "Alice")
        (src,) = s.exec(select(Source)).all()
        assert src.created_by == "Bob"


def test_same_field_edited_by_two_checkers_is_a_conflict_not_a_lost_update(db_url, store, claim_id):
    """Alice and Bob have the claim open in two windows (two connections)."""
    bob_store = open_store(db_url)
    try:
        with store.read() as s:
            alice_saw = views.get_claim(s, claim_id)
        audit.set_actor("Bob")
        with bob_store.transaction() as s:
            claims.update_claim(
                s, claim_id, expected={"claimant": "Le maire"}, claimant="Mairie de Lyon"
            )
        audit.set_actor("Alice")
        with pytest.raises(EditConflict) as caught, store.transaction() as s:
            claims.update_claim(
                s,
                claim_id,
                expected={"claimant": alice_saw.claimant},
                claimant="Grégory Doucet, maire",
            )
        conflict = caught.value
        assert (conflict.field, conflict.theirs, conflict.mine, conflict.by) == (
            "claimant",
            "Mairie de Lyon",
            "Grégory Doucet, maire",
            "Bob",
        )
        with store.read() as s:
            assert views.get_claim(s, claim_id).claimant == "Mairie de Lyon"  # Bob's kept
        # A different field is no conflict: Alice's verdict goes through.
        with store.transaction() as s:
            rating = find_rating(s, "Mostly true").id
            claims.update_claim(s, claim_id, expected={"rating_id": None}, rating_id=rating)
        # Alice chooses to keep her value: saved over Bob's, knowingly.
        with store.transaction() as s:
            claims.update_claim(s, claim_id, claimant="Grégory Doucet, maire")
        with store.read() as s:
            final = views.get_claim(s, claim_id)
        assert (final.claimant, final.rating.label) == ("Grégory Doucet, maire", "Mostly true")
    finally:
        bob_store.close()


def test_concurrent_transactions_cannot_overwrite_each_other(backend, db_url, store, claim_id):
    """Alice's transaction read version 1; Bob commits version 2 before she writes: her
    UPDATE ... WHERE version = 1 matches no row and becomes a conflict, not a lost update."""
    if backend == "sqlite":
        pytest.skip("SQLite serializes writers (BEGIN IMMEDIATE): transactions never interleave")
    from desktop.core.models import Claim

    bob_store = open_store(db_url)
    try:
        with pytest.raises(EditConflict), store.transaction() as alice:
            seen = alice.get(Claim, claim_id)  # held: the session keeps what it read
            assert seen.version == 1
            audit.set_actor("Bob")
            with bob_store.transaction() as bob:
                claims.update_claim(bob, claim_id, text="Version de Bob")
            audit.set_actor("Alice")
            claims.update_claim(alice, claim_id, text="Version d’Alice")
        with store.read() as s:
            claim = views.get_claim(s, claim_id)
        assert claim.text == "Version de Bob"
    finally:
        bob_store.close()


def _library_with_checks(path) -> int:
    store = open_store(path)
    try:
        audit.set_actor("Alice")
        with store.transaction() as s:
            article_id = add_article(
                s, parse_text(TEXT + "\n" + STARLINK_QUOTE + ".\n"), outlet="Le Progrès"
            ).article_id
            claim, _ = claims.create_claim_from_quote(
                s,
                article_id,
                "500 logements sociaux",
                claimant="Le maire",
                rating_id=find_rating(s, "Misleading").id,
                tags=["logement"],
                rationale="Le budget voté n’en finance que **320**.",
            )
            sources.add_source(
                s, claim.id, url="https://example.org/budget", title="Budget 2025", stance="refutes"
            )
            claims.add_highlight(s, claim.id, start=0, end=6)
            claims.create_claim_from_quote(
                s, article_id, "chiffre « gonflé »", claimant="Opposition"
            )
        return article_id
    finally:
        store.close()


def _exports(location, article_id) -> dict[str, bytes]:
    store = open_store(location)
    options = ExportOptions(organization_name="Desk", exported_at=datetime(2026, 1, 1, tzinfo=UTC))
    try:
        with store.read() as s:
            reports = [views.report(s, article_id)]
        return {fmt: render(reports, fmt, options).data for fmt in ("json", "html", "csv")}
    finally:
        store.close()


def test_copy_db_round_trip_keeps_every_row_and_id(db_url, tmp_path):
    """SQLite → (this backend) → SQLite, then the exports are byte-for-byte the same."""
    first = tmp_path / "laptop.sqlite3"
    back = tmp_path / "back-home.sqlite3"
    article_id = _library_with_checks(first)
    for src, dst in ((str(first), db_url), (db_url, str(back))):
        a, b = open_store(src), open_store(dst)
        try:
            counts = copy_library(a, b)
        finally:
            a.close()
            b.close()
    assert counts["claim"] == 2 and counts["highlight"] == 3 and counts["rating"] == 7
    assert _exports(first, article_id) == _exports(back, article_id)
    # New rows after a copy get fresh ids (PostgreSQL sequences were moved on).
    store = open_store(db_url)
    try:
        with store.transaction() as s:
            claim, _ = claims.create_claim(s, article_id, start=0, end=8)
        assert claim.id == 3
    finally:
        store.close()


def test_copy_db_refuses_a_library_with_work_in_it(db_url, tmp_path):
    first = tmp_path / "a.sqlite3"
    _library_with_checks(first)
    src, dst = open_store(first), open_store(db_url)
    try:
        with dst.transaction() as s:
            add_article(s, parse_text("Un autre article\n\nDéjà là, avec du texte."))
        with pytest.raises(FactdeskError, match="not empty"):
            copy_library(src, dst)
    finally:
        src.close()
        dst.close()


def test_copy_db_command(db_url, tmp_path):
    first = tmp_path / "cli.sqlite3"
    _library_with_checks(first)
    result = subprocess.run(
        [sys.executable, "-m", "desktop", "copy-db", str(first), db_url],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    table = dict(line.split() for line in result.stdout.splitlines()[1:])
    assert (table["claim"], table["highlight"], table["article"]) == ("2", "3", "1")
    store = open_store(db_url)
    try:
        with store.read() as s:
            (summary,) = views.article_summaries(s)
        assert (summary.outlet, summary.claims, summary.highlights) == ("Le Progrès", 2, 3)
    finally:
        store.close()


def test_copy_db_round_trip_of_the_seed_library(db_url, tmp_path, seed_path):
    """The issue's check: the seed with its checks, SQLite → server → SQLite, same exports."""
    from desktop.core.importers import import_path
    from tests.conftest import STARLINK_QUOTE as quote

    first, back = tmp_path / "seed.sqlite3", tmp_path / "seed-back.sqlite3"
    store = open_store(first)
    try:
        audit.set_actor("Camille")
        with store.transaction() as s:
            article_id = add_article(s, import_path(seed_path)).article_id
            claim, _ = claims.create_claim_from_quote(
                s,
                article_id,
                quote,
                claimant="Wall Street Journal",
                rating_id=find_rating(s, "Unverifiable").id,
            )
            sources.add_source(s, claim.id, url="https://www.wsj.com/", stance="context")
            claims.create_claim_from_quote(
                s,
                article_id,
                "ne s’était entretenu qu’une seule fois par téléphone",
                claimant="Kremlin",
                rating_id=find_rating(s, "Mostly false").id,
            )
    finally:
        store.close()
    for src, dst in ((str(first), db_url), (db_url, str(back))):
        a, b = open_store(src), open_store(dst)
        try:
            copy_library(a, b)
        finally:
            a.close()
            b.close()
    assert _exports(first, article_id) == _exports(back, article_id)
    exported = _exports(back, article_id)["json"].decode("utf-8")
    assert "Taïwan" in exported and "Kremlin" in exported


def test_copy_db_copies_every_table_of_the_schema():
    """A table added to the models but forgotten by copy-db would be lost on the move to
    the team server (dismissals, reference checks, versions, captures)."""
    from sqlmodel import SQLModel

    from desktop.core import copying, search_index

    tables = {n for n in SQLModel.metadata.tables if not search_index.is_index_table(n)}
    assert tables == set(copying.TABLE_ORDER) | set(copying.NOT_COPIED)


def test_copy_db_keeps_versions_captures_and_reference_checks(tmp_path):
    from desktop.core.models import ArticleVersion, ReferenceCheck, Source, SourceCapture

    first, second = tmp_path / "a.sqlite3", tmp_path / "b.sqlite3"
    article_id = _library_with_checks(first)
    a = open_store(first)
    try:
        with a.transaction() as s:
            s.add(ArticleVersion(article_id=article_id, number=1, text="avant"))
            source = Source(url="https://example.org/p")
            s.add(source)
            s.flush()
            s.add(SourceCapture(source_id=source.id, body=b"\x00<p>", size=4))
            s.add(ReferenceCheck(review_url="https://checks.example/1", claim_text="x"))
        b = open_store(second)
        try:
            counts = copy_library(a, b)
            with b.read() as s:
                assert s.query(SourceCapture).one().body == b"\x00<p>"
                assert s.query(ArticleVersion).one().text == "avant"
                assert s.query(ReferenceCheck).one().claim_text == "x"
        finally:
            b.close()
    finally:
        a.close()
    assert counts["source_capture"] == counts["article_version"] == counts["reference_check"] == 1
