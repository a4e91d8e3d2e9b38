"""A tag's saving makes as few statements as it can, and stays as correct: the search rows
of a claim indexed from its own flush equal those read back, and the change token kept
after our own commit is the counter our commit left (a colleague's later commit is news)."""

from __future__ import annotations

from sqlalchemy import event, select

from desktop.core import claims as core_claims
from desktop.core import search_index as si
from desktop.core.articles import add_article
from desktop.core.changes import change_token
from desktop.core.importers import ParsedArticle
from desktop.core.store import CHANGE_TOKEN, open_store

TEXT = "Le chômage a baissé de 3,2 % en 2025 😀 selon l’Insee. Les syndicats contestent. " * 20


def _article(store) -> int:
    parsed = ParsedArticle(paragraphs=[TEXT], title="Chômage", outlet="Le Quotidien")
    with store.transaction() as session:
        return add_article(session, parsed).article_id


def _stored(conn, ids: list[int]) -> tuple[list[dict], list[dict]]:
    keys = [si.key("claim", i) for i in ids]
    cols = [si.INDEX.c[n] for n in si.COLUMNS]
    rows = conn.execute(select(*cols).where(si.INDEX.c.rowid.in_(keys)).order_by("rowid"))
    fields = conn.execute(
        select(si.FIELD_INDEX).where(si.FIELD_INDEX.c.rowid.in_(keys)).order_by("rowid")
    )
    return [dict(r._mapping) for r in rows], [dict(r._mapping) for r in fields]


def test_claims_indexed_from_their_flush_equal_a_fresh_read(store):
    article_id = _article(store)
    ids = []
    with store.transaction() as session:  # the GUI's tag: no tags, one highlight
        ids.append(core_claims.create_claim(session, article_id, start=60, end=90)[0].id)
    with store.transaction() as session:  # tagged at once: read back as before
        claim, _ = core_claims.create_claim(
            session, article_id, start=100, end=130, tags=["Zeta", "alpha"], claimant="Jean"
        )
        ids.append(claim.id)
    with store.transaction() as session:  # two highlights in one transaction
        claim, _ = core_claims.create_claim(session, article_id, start=200, end=230)
        core_claims.add_highlight(session, claim.id, start=10, end=30)
        ids.append(claim.id)
    with store.transaction() as session:  # undo of a delete: the same id again
        snapshot = core_claims.delete_claim(session, ids[0])
    with store.transaction() as session:
        core_claims.restore_claim(session, snapshot)
    with store.read() as session:
        conn = session.connection()
        rows, fields = _stored(conn, ids)
        wanted = sorted(si._claim_rows(conn, ids), key=lambda r: r["rowid"])
    assert [{k: r[k] for k in si.COLUMNS} for r in rows] == [
        {k: w[k] for k in si.COLUMNS} for w in wanted
    ]
    assert fields == [si._field_row(w) for w in wanted]
    assert sorted(rows[1]["tags"].strip("|").split("||")) == ["alpha", "zeta"]


def test_a_tag_deletes_no_index_rows_and_reads_no_quotes(store):
    article_id = _article(store)
    seen: list[str] = []

    def note(_conn, _cursor, statement, *_rest) -> None:
        seen.append(" ".join(statement.split()).lower())

    engines = {store.engine, store._writer}
    for engine in engines:
        event.listen(engine, "before_cursor_execute", note)
    try:
        with store.transaction() as session:
            core_claims.create_claim(session, article_id, start=60, end=90)
    finally:
        for engine in engines:
            event.remove(engine, "before_cursor_execute", note)
    assert not [s for s in seen if s.startswith("delete")]
    assert not [s for s in seen if s.startswith("select highlight.claim_id, highlight.exact")]
    assert [s for s in seen if s.startswith("insert into search_index ")]


def test_own_change_token_is_the_commits_and_a_later_colleague_is_news(store, db_url):
    from desktop.ui.workbench import Workbench

    article_id = _article(store)
    wb = Workbench(store)
    try:
        wb.write(core_claims.create_claim, article_id, start=60, end=90)
        with store.read() as session:
            assert wb._token == change_token(session)
        assert not wb.check_for_changes()
        colleague = open_store(db_url)
        try:
            with colleague.transaction() as session:
                core_claims.create_claim(session, article_id, start=100, end=130)
                assert CHANGE_TOKEN not in session.info
            assert session.info[CHANGE_TOKEN] > wb._token
        finally:
            colleague.close()
        assert wb.check_for_changes()
    finally:
        wb._poll.stop()
