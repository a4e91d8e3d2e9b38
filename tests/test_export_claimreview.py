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

FRENCH_VERDICTS = {"False": "Faux", "Misleading": "Trompeur", "Mostly true": "Plutôt vrai"}


def reviews_of(reports, options) -> tuple[list[dict], list[str]]:  # noqa: F811
    out = render(reports, "claimreview", options)
    return json.loads(out.data), out.notes


def test_only_published_rated_claims_by_default(reports, options):  # noqa: F811
    reviews, notes = reviews_of(reports, options)
    published = [c for c in reports[0].claims if c.rating and c.status == "published"]
    assert [r["claimReviewed"] for r in reviews] == [c.label for c in published]
    assert len(published) == 1
    assert "1 unrated claim(s) left out of the ClaimReview markup" in notes
    assert "2 rated claim(s) not yet published left out of the ClaimReview markup" in notes
    # datePublished is the day the claim became Published, not the day of the export.
    (claim,) = published
    assert claim.published_at is not None
    assert reviews[0]["datePublished"] == claim.published_at.date().isoformat()
    assert "creativeWorkStatus" not in reviews[0]


def test_drafts_on_request_are_marked_and_undated(reports):  # noqa: F811
    reviews, notes = reviews_of(reports, make_options(claimreview_drafts=True))
    rated = [c for c in reports[0].claims if c.rating]
    assert len(reviews) == len(rated) == 3
    assert not any("not yet published" in n for n in notes)
    for review, claim in zip(reviews, rated, strict=True):
        if claim.status == "published":
            assert "creativeWorkStatus" not in review and "datePublished" in review
        else:
            assert review["creativeWorkStatus"] == "Draft"
            assert "datePublished" not in review


def test_keys_and_types(reports):  # noqa: F811
    reviews, _ = reviews_of(reports, make_options(claimreview_drafts=True))
    claims = {c.label: c for c in reports[0].claims}
    for review in reviews:
        assert review["@context"] == "https://schema.org" and review["@type"] == "ClaimReview"
        claim = claims[review["claimReviewed"]]
        rating = review["reviewRating"]
        assert rating["@type"] == "Rating"
        # In the report's language (the fixture is French), as the report shows it.
        assert rating["name"] == rating["alternateName"] == FRENCH_VERDICTS[claim.rating.label]
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
        assert review["url"] == (f"https://verif.example/rapports/retraites.html#claim-{claim.uid}")


def test_claimant_kind_picks_person_or_organization(reports):  # noqa: F811
    reviews, _ = reviews_of(reports, make_options(claimreview_drafts=True))
    by_author = {r["itemReviewed"]["author"]["name"]: r["itemReviewed"] for r in reviews}
    first = by_author["Jean Dupont <script>alert('pwned')</script>"]
    assert first["author"]["@type"] == "Person"
    assert first["datePublished"] == "2024-03-01"
    assert [a["url"] for a in first["appearance"]] == [
        "https://journal.example/reforme?id=1&x=2",
        "https://tv.example/emission",
    ]
    assert by_author["INSEE"]["author"]["@type"] == "Organization"


def test_unknown_organization_is_left_out_not_empty(reports):  # noqa: F811
    reviews, notes = reviews_of(reports, make_options(organization_name="  "))
    assert reviews and all("author" not in r for r in reviews)
    assert any("have no author" in n for n in notes)


def test_review_body_is_plain_text(reports, options):  # noqa: F811
    reviews, _ = reviews_of(reports, options)
    body = reviews[0]["reviewBody"]
    assert body.startswith("Les chiffres officiels disent l’inverse")  # no ** markers
    assert "l’INSEE (https://www.insee.fr/fr/stat)" in body  # a link's words, then where
    claim = next(c for c in reports[0].claims if c.status == "published")
    from desktop.core.markup import plain_text

    assert body == plain_text(claim.rationale)


def test_a_verdict_off_the_scale_has_a_name_and_no_ends(store, library, options):  # noqa: F811
    from desktop.core.claims import update_claim
    from desktop.core.exporters import load_reports
    from desktop.core.ratings import find_rating

    with store.transaction() as s:
        update_claim(s, library.false_id, rating_id=find_rating(s, "Unverifiable").id)
    with store.read() as s:
        fresh = load_reports(s, [library.article_id])
    (review,) = reviews_of(fresh, options)[0]
    assert review["reviewRating"] == {
        "@type": "Rating",
        "name": "Invérifiable",
        "alternateName": "Invérifiable",
    }


def test_publication_date_recorded_cleared_and_restored_on_undo(store, library):  # noqa: F811
    from desktop.core.claims import update_claim
    from desktop.core.views import get_claim

    with store.transaction() as s:
        update_claim(s, library.overlap_id, status="published")
    with store.read() as s:
        first = get_claim(s, library.overlap_id).published_at
    assert first is not None
    with store.transaction() as s:
        update_claim(s, library.overlap_id, status="review")  # an undo of the publication
    with store.read() as s:
        assert get_claim(s, library.overlap_id).published_at is None
    with store.transaction() as s:
        update_claim(s, library.overlap_id, rating_id=None)  # other edits leave it alone
        update_claim(s, library.false_id, text="Autre formulation")
    with store.read() as s:
        assert get_claim(s, library.false_id).published_at is not None


def test_missing_organization_is_reported(reports):  # noqa: F811
    _, notes = reviews_of(
        reports, make_options(organization_name="", organization_url="", review_url="")
    )
    assert any("no organization name" in n for n in notes)
    assert any("have no url" in n for n in notes)
