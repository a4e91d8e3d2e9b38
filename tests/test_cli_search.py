"""`factdesk search`: table, JSON, limits and mistakes, on SQLite and PostgreSQL."""

from __future__ import annotations

import json

import pytest

from desktop.cli import main

TEXT = (
    "Starlink à Taïwan\n\n"
    "Selon le Wall Street Journal, Elon Musk a coupé Starlink à Taïwan. "
    "Bob Woodward raconte sept appels."
)


@pytest.fixture
def library(store, db_url):
    from desktop.core.articles import add_article
    from desktop.core.claims import create_claim_from_quote
    from desktop.core.importers import parse_text

    with store.transaction() as s:
        article_id = add_article(s, parse_text(TEXT)).article_id
        claim, _ = create_claim_from_quote(
            s, article_id, "Elon Musk a coupé Starlink", claimant="Wall Street Journal"
        )
    return db_url, article_id, claim.id


def run(capsys, *argv) -> tuple[int, str, str]:
    try:
        code = main(list(argv))
    except SystemExit as exc:  # argparse's own mistakes
        code = exc.code
    out, err = capsys.readouterr()
    return code, out, err


def test_table(capsys, library):
    db, article_id, claim_id = library
    code, out, err = run(capsys, "search", "--db", db, "musk", "starlink")
    assert code == 0 and err == ""
    lines = out.splitlines()
    assert lines[0].split() == ["KIND", "ARTICLE", "CLAIM", "SNIPPET"]
    rows = [line.split(None, 3) for line in lines[1:]]
    assert sorted(r[:3] for r in rows) == [
        ["article", str(article_id), "-"],
        ["claim", str(article_id), str(claim_id)],
    ]
    assert "[Musk]" in out and "[Starlink]" in out


def test_json_and_limit(capsys, library):
    db, article_id, claim_id = library
    code, out, err = run(capsys, "search", "--db", db, "--json", "Woodward")
    assert code == 0 and err == ""
    hits = json.loads(out)
    assert [(h["kind"], h["article_id"], h["claim_id"]) for h in hits] == [
        ("article", article_id, None)
    ]
    hit = hits[0]
    start, end = hit["ranges"][0]
    assert hit["snippet"][start:end] == "Woodward"
    code, out, _ = run(capsys, "show", "--db", db, str(article_id), "--json")
    assert json.loads(out)["text"][hit["offset"] :].startswith("Woodward")
    code, out, _ = run(capsys, "search", "--db", db, "--json", "--limit", "1", "starlink")
    assert code == 0 and len(json.loads(out)) == 1
    code, out, _ = run(capsys, "search", "--db", db, 'claimant:"wall street"', "--json")
    assert [h["claim_id"] for h in json.loads(out)] == [claim_id]


def test_no_match_and_exclusions(capsys, library):
    db, _article_id, _claim_id = library
    code, out, err = run(capsys, "search", "--db", db, "bananes")
    assert code == 0 and err == "" and out.strip() == "No match for “bananes”."
    code, out, _ = run(capsys, "search", "--db", db, "--json", "--", "starlink", "-woodward")
    assert code == 0 and json.loads(out) == [h for h in json.loads(out) if h["kind"] == "claim"]


@pytest.mark.parametrize(
    "argv",
    [
        ["before:2024-13-40"],
        ["status:finished"],
        ["--limit", "0", "x"],
        ["--limit", "many", "x"],
    ],
)
def test_mistakes_are_one_line_and_status_2(capsys, library, argv):
    db = library[0]
    code, out, err = run(capsys, "search", "--db", db, *argv)
    assert code == 2 and out == ""
    assert len(err.strip().splitlines()) == 1 and "error: " in err
