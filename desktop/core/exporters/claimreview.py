"""schema.org ClaimReview JSON-LD, the markup search engines and fact-check aggregators read.

One ClaimReview per published, rated claim. A claim without a verdict has nothing to
publish; one still in draft or in review is not published yet (an export option takes
those too, marked `creativeWorkStatus: Draft`, with no publication date). Both are left
out otherwise, and the caller is told how many. The review's datePublished is the day
the claim's status became Published. The reviewing organization comes from the export
options (the user's settings), never from the claim, and is left out while unnamed:
markup says nothing rather than something empty.
"""

from __future__ import annotations

import json
from typing import NamedTuple

from desktop.core.exporters.document import (
    labels_for,
    report_language,
    safe_url,
    verdict_of,
    version_note,
)
from desktop.core.exporters.options import ExportOptions, Output
from desktop.core.markup import plain_text
from desktop.core.transcripts import TurnIndex
from desktop.core.views import ArticleReport, ClaimView

CONTEXT = "https://schema.org"


def _scale(report: ArticleReport) -> tuple[int, int] | None:
    values = [r.value for r in report.ratings if r.value is not None]
    return (min(values), max(values)) if values else None


def _claimant(claim: ClaimView) -> dict | None:
    """The claim's author; a claimant of unknown kind is published as a Person."""
    if not claim.claimant:
        return None
    kind = "Organization" if claim.claimant_kind == "organization" else "Person"
    return {"@type": kind, "name": claim.claimant}


def _article_work(report: ArticleReport) -> dict | None:
    """The checked article as the CreativeWork the claim appeared in: its address,
    headline, publication date, outlet and authors, whichever are known. An article with
    an outlet, a date or authors but no (safe) address still says where the claim was
    read; one with nothing but its title says nothing and is left out."""
    a = report.article
    work: dict = {"@type": "CreativeWork"}
    if safe_url(a.url):
        work["url"] = a.url
    if a.title:
        work["headline"] = a.title
    if a.published:
        work["datePublished"] = a.published.isoformat()
    if a.outlet:
        work["publisher"] = {"@type": "Organization", "name": a.outlet}
    authors = [name for name in a.authors if name.strip()]
    if authors:
        work["author"] = [{"@type": "Person", "name": name} for name in authors]
    return work if set(work) - {"@type", "headline"} else None


def _clip(claim: ClaimView, turns: TurnIndex) -> dict | None:
    """Where in the recording a transcript's claim was said: a schema.org Clip whose
    startOffset is the seconds from the start of the work (the start of the turn)."""
    placed = [h.start for h in claim.highlights if h.anchor != "orphan"]
    turn = turns.at(min(placed)) if placed else None
    if turn is None or turn[1] is None:
        return None
    seconds = turn[1] / 1000
    return {"@type": "Clip", "startOffset": int(seconds) if seconds.is_integer() else seconds}


def _appearances(report: ArticleReport, claim: ClaimView, turns: TurnIndex) -> list[dict]:
    """The article (with the Clip of the claim's turn as its part, for a timed
    transcript), then the claim's own appearance address. A transcript known only by
    its title still gets the Clip, as part of the work of that title."""
    a = report.article
    found = []
    work = _article_work(report)
    clip = _clip(claim, turns)
    if work is not None:
        if clip is not None:
            work["hasPart"] = clip
        found.append(work)
    elif clip is not None:
        if a.title:
            clip["isPartOf"] = {"@type": "CreativeWork", "headline": a.title}
        found.append(clip)
    if safe_url(claim.appearance_url) and claim.appearance_url != a.url:
        found.append({"@type": "CreativeWork", "url": claim.appearance_url})
    return found


def _say_version(
    report: ArticleReport, claim: ClaimView, options: ExportOptions, appearances: list[dict]
) -> None:
    """For an article that changed: the article's appearance names the version the
    verdict was reached on (schema.org `version`), when the article was last seen to
    change (`dateModified`) and says so in words (`description`)."""
    versions = report.versions
    note = versions.claims.get(claim.id) if versions is not None else None
    if note is None or not appearances or appearances[0].get("@type") != "CreativeWork":
        return
    language = report_language(report.article.language, options.report_language)
    appearances[0]["version"] = str(note.number)
    appearances[0]["dateModified"] = versions.newest_at.date().isoformat()
    appearances[0]["description"] = version_note(note, labels_for(language))


def review_url(claim: ClaimView, options: ExportOptions) -> str | None:
    """Where this claim's review is read: its card on the published report page."""
    base = safe_url(options.review_url) or safe_url(options.organization_url)
    if base is None:
        return None
    return f"{base.split('#', 1)[0]}#claim-{claim.uid}"


class LeftOut(NamedTuple):
    """Claims with no ClaimReview, and why."""

    unrated: int = 0
    unpublished: int = 0


def _rating(report: ArticleReport, claim: ClaimView, options: ExportOptions) -> dict:
    """The verdict: its name always, in the report's language as the report shows it
    (search engines display alternateName); its value and the scale's ends when it is a
    point on the scale ("Unverifiable" is not, and a bestRating without a ratingValue
    means nothing)."""
    assert claim.rating is not None
    language = report_language(report.article.language, options.report_language)
    label = verdict_of(claim.rating, labels_for(language)).label
    rating: dict = {"@type": "Rating", "name": label, "alternateName": label}
    scale = _scale(report)
    if claim.rating.value is not None:
        rating["ratingValue"] = claim.rating.value
        if scale is not None:
            rating["bestRating"], rating["worstRating"] = scale[1], scale[0]
    return rating


def _organization(options: ExportOptions) -> dict | None:
    if not options.organization_name.strip():
        return None
    organization: dict = {"@type": "Organization", "name": options.organization_name.strip()}
    if safe_url(options.organization_url):
        organization["url"] = options.organization_url
    return organization


def claim_review(
    report: ArticleReport,
    claim: ClaimView,
    options: ExportOptions,
    turns: TurnIndex | None = None,
) -> dict:
    """The ClaimReview of one rated claim; `turns` (TurnIndex of the article) saves
    re-reading a transcript's paragraphs for each of its claims."""
    if turns is None:
        turns = TurnIndex.of(report.article.text, report.article.turns)
    item: dict = {"@type": "Claim"}
    author = _claimant(claim)
    if author:
        item["author"] = author
    if claim.claim_date:
        item["datePublished"] = claim.claim_date.isoformat()
    appearances = _appearances(report, claim, turns)
    _say_version(report, claim, options, appearances)
    if appearances:
        item["appearance"] = appearances
        item["firstAppearance"] = appearances[0]

    review: dict = {
        "@context": CONTEXT,
        "@type": "ClaimReview",
        "claimReviewed": claim.label,
        "reviewRating": _rating(report, claim, options),
        "itemReviewed": item,
    }
    organization = _organization(options)
    if organization:
        review["author"] = organization
    if claim.status == "published":
        published = claim.published_at or claim.updated_at
        review["datePublished"] = published.date().isoformat()
    else:
        review["creativeWorkStatus"] = "Draft"
    url = review_url(claim, options)
    if url:
        review["url"] = url
    body = plain_text(claim.rationale)
    if body:
        review["reviewBody"] = body
    if report.article.language:
        review["inLanguage"] = report.article.language
    return review


def claim_reviews(
    reports: list[ArticleReport], options: ExportOptions
) -> tuple[list[dict], LeftOut]:
    """The ClaimReviews of every published rated claim (every rated one with
    `options.claimreview_drafts`), and how many claims were left out."""
    reviews, unrated, unpublished = [], 0, 0
    for report in reports:
        turns = TurnIndex.of(report.article.text, report.article.turns)
        for claim in report.claims:
            if claim.rating is None:
                unrated += 1
            elif claim.status != "published" and not options.claimreview_drafts:
                unpublished += 1
            else:
                reviews.append(claim_review(report, claim, options, turns))
    return reviews, LeftOut(unrated, unpublished)


def notes(reviews: list[dict], left_out: LeftOut, options: ExportOptions) -> list[str]:
    """What a publisher should know about this markup before putting it online."""
    found = []
    if left_out.unrated:
        found.append(f"{left_out.unrated} unrated claim(s) left out of the ClaimReview markup")
    if left_out.unpublished:
        found.append(
            f"{left_out.unpublished} rated claim(s) not yet published left out of the "
            "ClaimReview markup"
        )
    if reviews and not options.organization_name.strip():
        found.append("no organization name in the settings: the ClaimReviews have no author")
    if reviews and not any("url" in r for r in reviews):
        found.append("no review or organization URL: the ClaimReviews have no url")
    return found


def render(reports: list[ArticleReport], options: ExportOptions) -> Output:
    reviews, left_out = claim_reviews(reports, options)
    data = json.dumps(reviews, ensure_ascii=False, indent=2) + "\n"
    return Output(data.encode("utf-8"), notes(reviews, left_out, options))
