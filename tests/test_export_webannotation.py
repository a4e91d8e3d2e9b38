"""W3C Web Annotation export (checked by the W3C's own MUST assertions) and import."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from desktop.core.errors import FactdeskError
from desktop.core.exporters import render
from desktop.core.exporters.webannotation import import_annotations, parse
from desktop.core.store import open_store
from desktop.core.views import claims_of, get_article
from tests.conftest import STARLINK_QUOTE
from tests.test_export_fixtures import (  # noqa: F401 (fixtures)
    QUOTE_SECOND,
    TEXT,
    build_library,
    library,
    make_options,
    options,
    reports,
    w3c_check_or_skip,
)


def export_collection(reports, options) -> dict:  # noqa: F811
    return json.loads(render(reports, "webannotation", options).data)


def w3c_check(path: Path) -> str:
    checker = w3c_check_or_skip()
    result = subprocess.run(
        [sys.executable, str(checker), str(path)], capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr
    return result.stdout


def test_passes_the_w3c_must_assertions(tmp_path, reports, options):  # noqa: F811
    path = tmp_path / "annotations.jsonld"
    path.write_bytes(render(reports, "webannotation", options).data)
    out = w3c_check(path)
    last = out.strip().splitlines()[-1]
    assert last.endswith(" 0 failed") and not last.startswith("0 passed")
    assert "Annotation 5 of 5" in out  # one per highlight: claim 2 has two
    assert "FAIL" not in out


def test_seed_article_passes_too(tmp_path, store, seed_article):
    from desktop.core.claims import create_claim_from_quote
    from desktop.core.exporters import load_reports
    from desktop.core.ratings import find_rating

    with store.transaction() as s:
        create_claim_from_quote(
            s,
            seed_article,
            STARLINK_QUOTE,
            rating_id=find_rating(s, "Mostly false").id,
            text="Poutine a demandé à Musk de ne pas activer Starlink à Taïwan",
        )
    with store.read() as s:
        data = render(load_reports(s, [seed_article]), "webannotation", make_options()).data
    path = tmp_path / "seed.jsonld"
    path.write_bytes(data)
    assert w3c_check(path).strip().endswith(" 0 failed")
    item = json.loads(data)["first"]["items"][0]
    selectors = {s["type"]: s for s in item["target"]["selector"]}
    assert selectors["TextQuoteSelector"]["exact"] == STARLINK_QUOTE


def test_structure_follows_the_model(reports, options):  # noqa: F811
    data = export_collection(reports, options)
    assert data["@context"][0] == "http://www.w3.org/ns/anno.jsonld"
    assert data["type"] == "AnnotationCollection" and data["id"].startswith("urn:uuid:")
    page = data["first"]
    assert page["type"] == "AnnotationPage" and data["total"] == len(page["items"]) == 5
    article = reports[0].article
    for item in page["items"]:
        assert item["type"] == "Annotation" and item["id"].startswith("urn:uuid:")
        assert item["target"]["source"] == article.url
        selectors = {s["type"]: s for s in item["target"]["selector"]}
        quote, position = selectors["TextQuoteSelector"], selectors["TextPositionSelector"]
        # code points, as the model defines them: Python indexing gives the quote back
        assert article.text[position["start"] : position["end"]] == quote["exact"]
        assert article.text[: position["start"]].endswith(quote.get("prefix", ""))
        assert item["created"].endswith("Z")
        for body in item.get("body", []):
            assert body["type"] in {"TextualBody", "SpecificResource"}
            if body["type"] == "SpecificResource":
                assert body["purpose"] == "linking" and isinstance(body["source"], str)
    first = page["items"][0]
    purposes = {b["purpose"]: b for b in first["body"]}
    assert purposes["assessing"]["value"] == "False"
    assert purposes["describing"]["value"].startswith("Le chômage a été divisé")
    assert purposes["commenting"]["format"] == "text/markdown"
    assert {b["value"] for b in first["body"] if b["purpose"] == "tagging"} == {
        "emploi",
        "<b>gras</b>",
    }
    described = data["factdesk:articles"][0]
    assert described["id"] == article.url and described["factdesk:text"] == TEXT


def test_emoji_offsets_are_code_points(reports, options):  # noqa: F811
    data = export_collection(reports, options)
    item = next(
        i for i in data["first"]["items"] if i["target"]["selector"][0]["exact"] == QUOTE_SECOND
    )
    position = item["target"]["selector"][1]
    assert position["start"] == TEXT.index(QUOTE_SECOND)
    # "📊" is one code point but two UTF-16 units: the span is 15 long, not 16
    assert position["end"] - position["start"] == len(QUOTE_SECOND) == 15


def test_article_without_url_targets_its_urn(store, options):  # noqa: F811
    from desktop.core.exporters import load_reports

    lib = build_library(store, url="")
    with store.read() as s:
        reports = load_reports(s, [lib.article_id])
        uid = get_article(s, lib.article_id).uid
    out = render(reports, "webannotation", options)
    data = json.loads(out.data)
    sources = {i["target"]["source"] for i in data["first"]["items"]}
    assert sources == {f"urn:uuid:{uid[:8]}-{uid[8:12]}-{uid[12:16]}-{uid[16:20]}-{uid[20:]}"}
    assert any("without a URL" in n for n in out.notes)


def snapshot(store, article_id):
    """What a round trip must keep, without database ids."""
    with store.read() as s:
        article = get_article(s, article_id)
        claims = claims_of(s, article_id)
    return (
        (article.uid, article.title, article.outlet, article.url, article.published, article.text),
        article.headings,
        [
            (
                c.uid,
                c.text,
                c.claimant,
                c.claimant_kind,
                c.claim_date,
                c.status,
                c.rationale,
                c.tags,
                c.rating.label if c.rating else None,
                [
                    (h.uid, h.start, h.end, h.exact, h.prefix, h.suffix, h.anchor)
                    for h in c.highlights
                ],
                [
                    (x.uid, x.url, x.title, x.publisher, x.archive_url, x.stance, x.excerpt)
                    for x in c.sources
                ],
            )
            for c in claims
        ],
    )


def test_round_trip_into_an_empty_library(tmp_path, store, library, reports, options):  # noqa: F811
    data = parse(render(reports, "webannotation", options).data)
    other = open_store(tmp_path / "empty.sqlite3")
    try:
        with other.transaction() as s:
            result = import_annotations(s, data)
        assert len(result.articles_created) == 1
        assert len(result.claims_created) == 4 and len(result.highlights_created) == 5
        assert snapshot(other, result.articles_created[0]) == snapshot(store, library.article_id)

        with other.transaction() as s:
            again = import_annotations(s, data)
        assert again.articles_created == again.claims_created == again.highlights_created == []
        assert again.articles_reused == result.articles_created and again.skipped == 5
        with other.read() as s:
            assert len(claims_of(s, result.articles_created[0])) == 4
    finally:
        other.close()


def test_import_into_the_same_library_creates_nothing(store, library, reports, options):  # noqa: F811
    data = parse(render(reports, "webannotation", options).data)
    with store.transaction() as s:
        result = import_annotations(s, data)
    assert result.articles_reused == [library.article_id]
    assert result.claims_created == [] and result.skipped == 5


def test_foreign_annotation_on_a_known_article(store, library):  # noqa: F811
    """An annotation from another tool (no Factdesk extensions) lands on the article."""
    start = TEXT.index(QUOTE_SECOND)
    foreign = {
        "@context": "http://www.w3.org/ns/anno.jsonld",
        "id": "https://hypothes.is/a/abc123",
        "type": "Annotation",
        "body": [
            {"type": "TextualBody", "purpose": "assessing", "value": "mostly false"},
            {"type": "TextualBody", "purpose": "tagging", "value": "insee"},
            {"id": "https://example.org/source", "type": "Text"},
        ],
        "target": {
            "source": "https://journal.example/reforme?id=1&x=2",
            "selector": [
                {"type": "TextQuoteSelector", "exact": QUOTE_SECOND},
                {"type": "TextPositionSelector", "start": start + 3, "end": start + 18},
            ],
        },
    }
    with store.transaction() as s:
        result = import_annotations(s, foreign)
    assert result.articles_reused == [library.article_id] and len(result.claims_created) == 1
    with store.read() as s:
        claim = next(c for c in claims_of(s, library.article_id) if c.id in result.claims_created)
    assert claim.rating.label == "Mostly false" and claim.tags == ("insee",)
    assert claim.sources[0].url == "https://example.org/source"
    # the stale position was corrected from the quote
    assert (claim.highlights[0].start, claim.highlights[0].anchor) == (start, "quote")
    with store.transaction() as s:
        assert import_annotations(s, foreign).skipped == 1


@pytest.mark.parametrize(
    ("payload", "message"),
    [
        (b"not json", "is not JSON"),
        (b'{"type": "Nothing"}', "holds no Web Annotation"),
        (
            b'{"type": "Annotation", "target": {"source": "https://nowhere.example/x", '
            b'"selector": {"type": "TextQuoteSelector", "exact": "x"}}}',
            "import the article first",
        ),
    ],
)
def test_bad_files_are_user_errors(store, payload, message):
    with pytest.raises(FactdeskError, match=message), store.transaction() as s:
        import_annotations(s, parse(payload, "bad.jsonld"), name="bad.jsonld")
