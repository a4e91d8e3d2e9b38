"""Reference fact-checks: every accepted file shape, de-duplication by review URL, and
bad files refused with the library unchanged (SQLite and PostgreSQL). The ClaimReviews
here are made up for the tests."""

from __future__ import annotations

import json
from datetime import date

import pytest
from sqlalchemy import func, select

from desktop.core.errors import FactdeskError, ImportFailed
from desktop.core.factchecks import import_files


def _review(n: int, **extra) -> dict:
    review = {
        "@context": "https://schema.org",
        "@type": "ClaimReview",
        "url": f"https://checks.example/review-{n}",
        "claimReviewed": f"The moon is made of cheese number {n}",
        "itemReviewed": {
            "@type": "Claim",
            "author": {"@type": "Person", "name": "Zork Blimpson"},
            "datePublished": "2025-03-01",
        },
        "author": {"@type": "Organization", "name": "Example Checks"},
        "reviewRating": {"@type": "Rating", "ratingValue": 1, "alternateName": "Faux"},
        "headline": f"No, the moon is not cheese ({n})",
        "inLanguage": "fr",
        "datePublished": "2025-03-04T10:00:00Z",
    }
    review.update(extra)
    return review


def _rows(store):
    from desktop.core.models import ReferenceCheck

    with store.read() as s:
        return s.execute(select(ReferenceCheck).order_by(ReferenceCheck.id)).scalars().all()


def _count(store) -> int:
    from desktop.core.models import ReferenceCheck

    with store.read() as s:
        return s.execute(select(func.count()).select_from(ReferenceCheck)).scalar_one()


def _write(tmp_path, name: str, content) -> str:
    path = tmp_path / name
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content if isinstance(content, str) else json.dumps(content))
    return str(path)


def test_a_single_claimreview_is_stored_with_its_fields(store, tmp_path):
    path = _write(tmp_path, "one.json", _review(1))
    [(name, counts)] = import_files(store, [path])
    assert (name, counts.added, counts.existing) == (path, 1, 0)
    [row] = _rows(store)
    assert row.review_url == "https://checks.example/review-1"
    assert row.claim_text == "The moon is made of cheese number 1"
    assert row.claimant == "Zork Blimpson"
    assert row.claim_date == date(2025, 3, 1)
    assert row.rating == "Faux"
    assert row.publisher == "Example Checks"
    assert row.headline == "No, the moon is not cheese (1)"
    assert row.language == "fr"
    assert row.review_date == date(2025, 3, 4)


@pytest.mark.parametrize(
    "shape",
    [
        lambda rs: rs,
        lambda rs: {"@context": "https://schema.org", "@graph": rs},
        lambda rs: {
            "@context": "https://schema.org",
            "@type": "DataFeed",
            "dataFeedElement": [{"@type": "DataFeedItem", "item": [r]} for r in rs],
        },
    ],
    ids=["array", "graph", "datafeed"],
)
def test_arrays_graphs_and_datafeeds(store, tmp_path, shape):
    path = _write(tmp_path, "many.jsonld", shape([_review(1), _review(2), _review(3)]))
    [(_name, counts)] = import_files(store, [path])
    assert (counts.added, counts.existing) == (3, 0)
    assert [r.review_url[-1] for r in _rows(store)] == ["1", "2", "3"]


def test_an_html_page_with_json_ld(store, tmp_path):
    page = (
        "<html><head><title>A check</title>"
        '<script type="application/ld+json">{"@type": "WebPage", "name": "x"}</script>'
        "<script>alert('never run')</script>"
        '<script type="application/ld+json">' + json.dumps(_review(7)) + "</script>"
        '<script type="application/ld+json">{ broken</script>'
        "</head><body><p>The moon…</p></body></html>"
    )
    path = _write(tmp_path, "page.html", page)
    [(_name, counts)] = import_files(store, [path])
    assert counts.added == 1
    assert _rows(store)[0].review_url.endswith("review-7")


def test_the_fact_check_tools_api_json(store, tmp_path):
    api = {
        "claims": [
            {
                "text": "Penguins can vote in Lapland",
                "claimant": "Quibble Fernsworth",
                "claimDate": "2024-11-02T00:00:00Z",
                "claimReview": [
                    {
                        "publisher": {"name": "Fictive Facts", "site": "fictive.example"},
                        "url": "https://fictive.example/penguins",
                        "title": "Penguins do not vote",
                        "reviewDate": "2024-11-05T00:00:00Z",
                        "textualRating": "False",
                        "languageCode": "en",
                    },
                    {
                        "publisher": {"site": "other.example"},
                        "url": "https://other.example/penguins",
                        "textualRating": "Pants on fire",
                    },
                ],
            }
        ],
        "nextPageToken": "abc",
    }
    path = _write(tmp_path, "api.json", api)
    [(_name, counts)] = import_files(store, [path])
    assert counts.added == 2
    first, second = _rows(store)
    assert (first.claim_text, first.claimant, first.claim_date) == (
        "Penguins can vote in Lapland",
        "Quibble Fernsworth",
        date(2024, 11, 2),
    )
    assert (first.publisher, first.headline, first.rating, first.language) == (
        "Fictive Facts",
        "Penguins do not vote",
        "False",
        "en",
    )
    assert first.review_date == date(2024, 11, 5)
    assert (second.publisher, second.rating) == ("other.example", "Pants on fire")


def test_csv_with_a_header_row(store, tmp_path):
    text = (
        "Review URL;Claim;Claimant;Claim date;Textual rating;Publisher;Headline;Language;"
        "Review date\n"
        "https://csv.example/a;Rivers flow uphill;Ima Ginary;2023-01-02;Faux;CSV Checks;"
        "Rivers do not;fr;2023-01-09\n"
        "https://csv.example/b;Snow is hot;;;Vrai;CSV Checks;;;\n"
        "not a url;Ignored;;;;;;;\n"
    )
    path = _write(tmp_path, "checks.csv", text)
    [(_name, counts)] = import_files(store, [path])
    assert counts.added == 2
    a, b = _rows(store)
    assert (a.claim_text, a.claimant, a.claim_date, a.rating) == (
        "Rivers flow uphill",
        "Ima Ginary",
        date(2023, 1, 2),
        "Faux",
    )
    assert (a.review_date, a.language, a.headline) == (date(2023, 1, 9), "fr", "Rivers do not")
    assert (b.claim_text, b.claim_date, b.rating) == ("Snow is hot", None, "Vrai")


def test_checks_are_deduplicated_by_review_url(store, tmp_path):
    first = _write(tmp_path, "first.json", [_review(1), _review(2), _review(1)])
    second = _write(tmp_path, "second.json", [_review(2), _review(3)])
    results = import_files(store, [first])
    assert [(c.added, c.existing) for _n, c in results] == [(2, 0)]
    results = import_files(store, [second, first])
    assert [(c.added, c.existing) for _n, c in results] == [(1, 1), (0, 2)]
    assert _count(store) == 3


@pytest.mark.parametrize(
    ("name", "content", "problem"),
    [
        ("bad.json", "{not json", "is not valid JSON"),
        ("nothing.json", {"@type": "Article", "headline": "x"}, "holds no ClaimReview"),
        ("nourl.json", _review(1, url="javascript:alert(1)"), "holds no ClaimReview"),
        ("cols.csv", "title,body\nA,B\n", "header needs a url column"),
        ("blob.json", b"\x89PNG\r\n\x1a\n\x00\x00\x00", "binary"),
        ("latin.csv", "url,claim\nhttps://x.example/a,caf\xe9\n".encode("latin-1"), "UTF-8"),
        ("empty.json", "", "is empty"),
        ("page.html", "<html><body>No data</body></html>", "no ClaimReview JSON-LD"),
    ],
)
def test_bad_files_are_refused_and_nothing_is_written(store, tmp_path, name, content, problem):
    good = _write(tmp_path, "good.json", _review(1))
    bad = _write(tmp_path, name, content)
    with pytest.raises(ImportFailed) as caught:
        import_files(store, [good, bad])
    message = str(caught.value)
    assert message.startswith(bad + ": ") and problem in message
    assert "\n" not in message
    assert _count(store) == 0


def test_missing_folders_and_oversized_files(store, tmp_path, monkeypatch):
    import desktop.core.factchecks as factchecks

    with pytest.raises(FactdeskError, match="does not exist"):
        import_files(store, [str(tmp_path / "absent.json")])
    with pytest.raises(FactdeskError, match="is a folder"):
        import_files(store, [str(tmp_path)])
    monkeypatch.setattr(factchecks, "MAX_FILE_BYTES", 100)
    big = _write(tmp_path, "big.json", [_review(n) for n in range(5)])
    with pytest.raises(FactdeskError, match="big.json: is .*up to 100 bytes"):
        import_files(store, [big])
    assert _count(store) == 0


def test_deep_nesting_does_not_crash(store, tmp_path):
    path = _write(tmp_path, "deep.json", "[" * 100_000 + "]" * 100_000)
    with pytest.raises(ImportFailed, match="deep.json"):
        import_files(store, [path])


def test_overlong_review_urls_are_left_out(store, tmp_path):
    """A URL over 2,000 bytes (PostgreSQL's unique index could not hold it) is skipped."""
    long_url = "https://checks.example/" + "é" * 1500
    path = _write(tmp_path, "long.json", [_review(1), _review(2, url=long_url)])
    [(_name, counts)] = import_files(store, [path])
    assert counts.added == 1


def test_nul_and_lone_surrogates_in_json_strings_are_stored_cleanly(store, tmp_path):
    text = json.dumps(_review(1)).replace("Zork Blimpson", "Zork\\u0000 \\ud800Blimpson")
    path = _write(tmp_path, "odd.json", text)
    import_files(store, [path])
    assert _rows(store)[0].claimant == "Zork ?Blimpson"
