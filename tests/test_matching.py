"""Claim matching ("already checked?"): a claim repeated in another article finds the
earlier one, reference fact-checks are found and searchable, a claim never finds itself
or its own article, and `factdesk match` answers in text and JSON (SQLite and PostgreSQL).
"""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from desktop.core import claims as core_claims
from desktop.core.articles import add_article
from desktop.core.factchecks import FactCheck, add_checks
from desktop.core.importers import parse_text
from desktop.core.matching import Query, clean, match, match_claim
from desktop.core.models import Article, Claim
from desktop.core.search import search

FIRST = (
    "Un satellite coupé\n\n"
    "🛰️ Selon le Wall Street Journal, Elon Musk a désactivé Starlink au-dessus de Taïwan "
    "à la demande de Xi Jinping. Le maire de Brest promet 40 radars."
)
SECOND = (
    "Revue de presse\n\n"
    "Un éditorialiste répète qu’Elon Musk aurait désactivé Starlink au-dessus de Taiwan "
    "pour plaire à Xi Jinping. La météo sera douce."
)


def _claim_on(session, article_id: int, text: str, phrase: str) -> int:
    start = text.index(phrase)
    claim, _ = core_claims.create_claim(session, article_id, start=start, end=start + len(phrase))
    return claim.id


@pytest.fixture
def library(store):
    with store.transaction() as s:
        first = add_article(s, parse_text(FIRST)).article_id
        second = add_article(s, parse_text(SECOND)).article_id
        text1, text2 = s.get(Article, first).text, s.get(Article, second).text
        earlier = _claim_on(s, first, text1, "Elon Musk a désactivé Starlink au-dessus de Taïwan")
        s.get(Claim, earlier).checker = "Camille"
        _claim_on(s, first, text1, "Le maire de Brest promet 40 radars")
        repeated = _claim_on(s, second, text2, "Elon Musk aurait désactivé Starlink au-dessus")
        add_checks(
            s,
            [
                FactCheck(
                    review_url="https://checks.example/starlink",
                    claim_text="Musk shut down Starlink over Taiwan at Xi Jinping's request",
                    claimant="Wall Street Journal",
                    rating="False",
                    publisher="Example Checks",
                    headline="No, Musk did not switch off Starlink over Taiwan",
                ),
                FactCheck(
                    review_url="https://checks.example/weather",
                    claim_text="Snow will fall in July in Marseille",
                    rating="False",
                    publisher="Example Checks",
                ),
            ],
        )
    return {"first": first, "second": second, "earlier": earlier, "repeated": repeated}


def test_a_repeated_claim_finds_the_earlier_check_in_another_article(store, library):
    with store.read() as s:
        found = match_claim(s, library["repeated"], top=5)
    kinds = [(m.kind, m.claim_id or m.url) for m in found]
    assert ("library", library["earlier"]) in kinds
    assert ("reference", "https://checks.example/starlink") in kinds
    assert all(m.article_id != library["second"] for m in found)  # never its own article
    earlier = next(m for m in found if m.claim_id == library["earlier"])
    assert earlier.publisher == "Camille" and earlier.url.startswith("urn:uuid:")
    assert found == sorted(found, key=lambda m: -m.score)
    assert all(0 < m.score < 1 for m in found)
    # The radar claim shares no word with the Starlink claim: not offered.
    assert all("radars" not in m.claim for m in found)


def test_a_claim_never_matches_itself_nor_its_own_article(store, library):
    with store.read() as s:
        found = match_claim(s, library["earlier"], top=10)
    assert library["earlier"] not in [m.claim_id for m in found]
    assert all(m.article_id != library["first"] for m in found)


def test_matching_ignores_accents_case_and_links(store, library):
    with store.read() as s:
        found = match(s, "STARLINK coupé au-dessus de TAIWAN https://t.co/xyz #ElonMusk")
    assert found and found[0].kind in ("library", "reference")
    assert "https://checks.example/starlink" in [m.url for m in found]


def test_hashtags_and_handles_are_split_into_words():
    assert clean("#DefundTheCBC now @realDonaldTrump https://t.co/x").split() == [
        "Defund",
        "The",
        "CBC",
        "now",
        "real",
        "Donald",
        "Trump",
    ]
    assert Query.of("Les migrants arrivent", "fr").stems[0] == "migr"


def test_text_with_no_content_words_matches_nothing(store, library):
    with store.read() as s:
        assert match(s, "le la les et de https://x.example") == []


def test_reference_checks_are_searchable_and_marked_as_such(store, library):
    with store.read() as s:
        hits = search(s, "taiwan")
    checks = [h for h in hits if h.kind == "check"]
    assert len(checks) == 1 and checks[0].check_id is not None
    assert checks[0].title.startswith("Musk shut down Starlink")
    assert {h.kind for h in hits} >= {"article", "claim", "check"}
    with store.read() as s:
        assert [h.kind for h in search(s, "verdict:false snow")] == ["check"]


def _cli(db: str, *args: str, stdin: str | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "desktop", "--db", db, "match", *args],
        capture_output=True,
        text=True,
        input=stdin,
        timeout=120,
    )


def test_cli_match_text_claim_and_queries(store, db_url, library, tmp_path):
    store.close()
    done = _cli(db_url, "Musk", "Starlink", "Taïwan", "--json")
    assert done.returncode == 0, done.stderr
    found = json.loads(done.stdout)
    assert {m["kind"] for m in found} == {"library", "reference"}
    for m in found:
        assert set(m) >= {"url", "kind", "claim", "verdict", "publisher", "date", "score"}

    queries = tmp_path / "queries.txt"
    queries.write_text("neige à Marseille en juillet\n\nStarlink Taiwan Xi Jinping\n", "utf-8")
    done = _cli(db_url, "--queries", str(queries), "--json", "--top", "1")
    assert done.returncode == 0, done.stderr
    lists = json.loads(done.stdout)
    assert len(lists) == 2 and all(len(x) <= 1 for x in lists)
    assert lists[1][0]["url"] in ("https://checks.example/starlink",) or lists[1][0]["kind"] == (
        "library"
    )

    done = _cli(db_url, "--claim", str(library["repeated"]))
    assert done.returncode == 0, done.stderr
    assert "SCORE" in done.stdout and "checks.example/starlink" in done.stdout


def test_cli_match_refuses_bad_requests_in_one_line(store, db_url, library, tmp_path):
    store.close()
    for args, says in (
        ((), "give one of"),
        (("text", "--claim", "1"), "give one of"),
        (("--claim", "999999"), "claim 999999 does not exist"),
        (("--queries", str(tmp_path / "absent.txt")), "absent.txt: cannot be read"),
    ):
        done = _cli(db_url, *args)
        assert done.returncode != 0
        assert says in done.stderr and done.stderr.count("\n") == 1, done.stderr
    latin = tmp_path / "latin1.txt"
    latin.write_bytes("Taïwan".encode("latin-1"))
    done = _cli(db_url, "--queries", str(latin))
    assert done.returncode != 0 and "latin1.txt: is not UTF-8 text" in done.stderr
