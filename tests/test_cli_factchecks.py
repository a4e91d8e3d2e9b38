"""`factdesk import-factchecks`: counts per file, JSON, and a bad file refused in one
line with the library unchanged (a real process, on SQLite and PostgreSQL)."""

from __future__ import annotations

import json
import subprocess
import sys


def _review(n: int) -> dict:
    return {
        "@context": "https://schema.org",
        "@type": "ClaimReview",
        "url": f"https://made-up.example/check-{n}",
        "claimReviewed": f"Invented claim number {n}",
        "reviewRating": {"@type": "Rating", "alternateName": "Faux"},
        "author": {"@type": "Organization", "name": "Made Up Checks"},
    }


def _run(db: str, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "desktop", "--db", db, "import-factchecks", *args],
        capture_output=True,
        text=True,
        timeout=120,
    )


def _count(db: str) -> int:
    from sqlalchemy import func, select

    from desktop.core.models import ReferenceCheck
    from desktop.core.store import open_store

    store = open_store(db)
    try:
        with store.read() as s:
            return s.execute(select(func.count()).select_from(ReferenceCheck)).scalar_one()
    finally:
        store.close()


def test_import_factchecks_counts_and_deduplicates(store, db_url, tmp_path):
    store.close()
    first = tmp_path / "first.json"
    first.write_text(json.dumps([_review(1), _review(2)]))
    second = tmp_path / "second.json"
    second.write_text(json.dumps({"@graph": [_review(2), _review(3)]}))

    done = _run(db_url, str(first))
    assert done.returncode == 0, done.stderr
    assert done.stdout == f"{first}: 2 added, 0 already in the library\n"

    done = _run(db_url, str(second), str(first), "--json")
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout) == [
        {"file": str(second), "added": 1, "already": 1},
        {"file": str(first), "added": 0, "already": 2},
    ]
    assert _count(db_url) == 3


def test_a_bad_file_is_one_line_and_writes_nothing(store, db_url, tmp_path):
    store.close()
    good = tmp_path / "good.json"
    good.write_text(json.dumps(_review(1)))
    bad = tmp_path / "bad.csv"
    bad.write_text("title,body\nA,B\n")

    done = _run(db_url, str(good), str(bad))
    assert done.returncode == 2
    assert done.stdout == ""
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1 and str(bad) in lines[0] and "url column" in lines[0]
    assert _count(db_url) == 0
