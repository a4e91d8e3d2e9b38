"""The library list read with sqlite3 alone is the list SQLAlchemy reads."""

from __future__ import annotations

import subprocess
import sys
from datetime import date

from desktop.core.articles import add_article
from desktop.core.claims import create_claim
from desktop.core.importers import ParsedArticle
from desktop.core.store import open_store
from desktop.core.summaries import article_summaries
from desktop.core.summary_rows import sqlite_summaries
from desktop.core.versions import add_version
from tests.conftest import ROOT


def test_sqlite_summaries_match_the_core_query(db_path):
    """Counts, a second version, dates given or not, an emoji in a title."""
    store = open_store(db_path)
    with store.transaction() as session:
        ids = [
            add_article(
                session,
                ParsedArticle(
                    [title, f"{title}, le texte qui dit 3,2 %."],
                    title=title,
                    outlet=outlet,
                    published=published,
                ),
            ).article_id
            for title, outlet, published in (
                ("Sans date", "", None),
                ("Taïwan 🚀", "Le Monde", date(2024, 9, 18)),
            )
        ]
        create_claim(session, ids[1], start=0, end=6, text="Taïwan")
        create_claim(session, ids[1], start=10, end=15)
        add_version(session, ids[0], ParsedArticle(["Sans date", "Un autre texte."]), origin="test")
    with store.connect() as conn:
        expected = article_summaries(conn)
    store.close()
    rows, token = sqlite_summaries(db_path)
    assert rows == expected
    by_id = {r.id: r for r in rows}
    assert (by_id[ids[1]].claims, by_id[ids[1]].highlights) == (2, 2)
    assert by_id[ids[0]].versions == 2 and by_id[ids[0]].last_changed is not None
    assert isinstance(token, int)


def test_reading_the_list_imports_neither_sqlalchemy_nor_qt(db_path):
    open_store(db_path).close()
    probe = (
        "import sys\n"
        "from desktop.core.summary_rows import sqlite_summaries\n"
        f"sqlite_summaries({str(db_path)!r})\n"
        "print(sorted({m.split('.')[0] for m in sys.modules} & {'sqlalchemy', 'PySide6'}))"
    )
    out = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, cwd=ROOT, check=True
    ).stdout.strip()
    assert out == "[]"
