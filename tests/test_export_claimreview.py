"""schema.org ClaimReview JSON-LD: one per rated claim, with what schema.org requires."""

from __future__ import annotations

import json

from desktop.core.exporters import render
from tests.test_export_fixtures import (  # noqa: F401 (fixtures)
    QUOTE_FALSE,
    library,
    make_options,
    options,
    reports,
)


def reviews_of(reports, options) -> tuple[list[dict], list[str]]:  # noqa: F811
    out = render(reports, "claimreview", options)
    return json.loads(out.data), out.notes


def test_one_review_per_rated_claim_and_unrated_ones_counted(reports, options):  # noqa: F811
    reviews, notes = reviews_of(reports, options)
    rated = [c for c in reports[0].claims if c.rating]
    assert len(reviews) == len(rated) == 3
    assert "1 unrated claim(s) left out of the ClaimReview markup" in notes


def test_keys_and_types(reports, options):  # noqa: F811
    reviews, _ = reviews_of(reports, options)
    claims = {c.label: c for c in reports[0].claims}
    for review in reviews:
        assert review["@context"] == "https://schema.org" and review["@type"] == "ClaimReview"
        claim = claims[review["claimReviewed"]]
        rating = review["reviewRating"]
        assert rating["@type"] == "Rating"
        assert rating["alternateName"] == claim.rating.label
        assert rating["ratingValue"] == claim.rating.value
        assert (rating["worstRating"], rating["bestRating"]) == (1, 6)
        assert isinstance(rating["ratingValue"], int)
        item = review["itemReviewed"]
        assert item["@type"] == "Claim"
        assert item["appearance"][0] == item["firstAppearance"]
        assert item["appearance"][0]["url"] == reports[0].article.url
        assert item["appearance"][0]["@type"] == "CreativeWork"
        assert review["author"] == {
            "@type": "Organization",
            "name": "Vérif’Info <Test> & Cie",
            "url": "https://verif.example/",
        }
        assert review["datePublished"] == "2024-05-06"
        assert review["url"] == (f"https://verif.example/rapports/retraites.html#claim-{claim.uid}")


def test_claimant_kind_picks_person_or_organization(reports, options):  # noqa: F811
    reviews, _ = reviews_of(reports, options)
    by_author = {r["itemReviewed"]["author"]["name"]: r["itemReviewed"] for r in reviews}
    first = by_author["Jean Dupont <script>alert('pwned')</script>"]
    assert first["author"]["@type"] == "Person"
    assert first["datePublished"] == "2024-03-01"
    assert [a["url"] for a in first["appearance"]] == [
        "https://journal.example/reforme?id=1&x=2",
        "https://tv.example/emission",
    ]
    assert by_author["INSEE"]["author"]["@type"] == "Organization"


def test_missing_organization_is_reported(reports):  # noqa: F811
    _, notes = reviews_of(
        reports, make_options(organization_name="", organization_url="", review_url="")
    )
    assert any("no organization name" in n for n in notes)
    assert any("have no url" in n for n in notes)
