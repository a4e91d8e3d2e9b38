"""Figures of the desk (desktop.core.stats), checked against the database on SQLite and
PostgreSQL: every count is recomputed from the claims themselves, one by one."""

from __future__ import annotations

import random
import subprocess
import sys
from collections import Counter
from datetime import UTC, date, datetime, timedelta

import pytest
from sqlalchemy import update
from sqlmodel import select

from desktop.core import stats
from desktop.core.articles import add_article
from desktop.core.claims import create_claim_from_quote
from desktop.core.errors import FactdeskError
from desktop.core.importers import ParsedArticle
from desktop.core.models import Claim
from desktop.core.ratings import ratings
from desktop.core.stats import UNRATED, Filters, Period
from tests.conftest import ROOT

CLAIMANTS = ["Le ministre", "La maire de Lyon", "Un député", "L’opposition", "Élysée", ""]
OUTLETS = ["Le Quotidien", "Radio Sud", "", "Le Monde <b>"]
TAGS = ["santé", "économie", "climat", "Élections"]
CHECKERS = ["Zoé", "Marc", ""]
SENTENCE = "Le chiffre {n} a été cité par {who} lors de la réunion publique du conseil."


def build_desk(store, *, articles: int = 12, per_article: int = 8, seed: int = 7) -> list[int]:
    """A library of `articles` × `per_article` claims spread over 2024, with claimants,
    outlets, tags, checkers, statuses and verdicts drawn at random (reproducibly).
    Returns the article ids."""
    rng = random.Random(seed)
    ids = []
    with store.transaction() as s:
        scale = [r.id for r in ratings(s)]
        for a in range(articles):
            sentences = [
                SENTENCE.format(n=i, who=rng.choice(CLAIMANTS[:-1])) for i in range(per_article)
            ]
            parsed = ParsedArticle(
                paragraphs=[f"Article {a}: la semaine en chiffres", *sentences],
                title=f"Article {a}: la semaine en chiffres",
                outlet=OUTLETS[a % len(OUTLETS)],
                language="fr",
            )
            article_id = add_article(s, parsed).article_id
            ids.append(article_id)
            for i, sentence in enumerate(sentences):
                status = rng.choice(["draft", "review", "published", "published"])
                claim, _ = create_claim_from_quote(
                    s,
                    article_id,
                    sentence,
                    text=f"Claim {a}.{i}",
                    claimant=rng.choice(CLAIMANTS),
                    checker=rng.choice(CHECKERS),
                    rating_id=rng.choice([*scale, None]),
                    status=status,
                    tags=rng.sample(TAGS, rng.choice([0, 1, 1, 2])),
                )
                created = datetime(2024, 1, 1, 9, tzinfo=UTC) + timedelta(
                    days=rng.randrange(0, 300), hours=rng.randrange(0, 14)
                )
                published = created + timedelta(days=rng.randrange(0, 40))
                s.execute(
                    update(Claim)
                    .where(Claim.id == claim.id)
                    .values(
                        created_at=created,
                        published_at=published if status == "published" else None,
                    )
                )
    return ids


@pytest.fixture
def desk(store):
    build_desk(store)
    return store


def _all_claims(store) -> list[dict]:
    """Every claim with what the figures count it by, read plainly through the ORM."""
    with store.read() as s:
        out = []
        for claim in s.exec(select(Claim)).all():
            day = claim.published_at or claim.created_at
            day = day.replace(tzinfo=UTC) if day.tzinfo is None else day.astimezone(UTC)
            out.append(
                {
                    "id": claim.id,
                    "verdict": claim.rating_id if claim.rating_id is not None else UNRATED,
                    "month": day.strftime("%Y-%m"),
                    "day": day.date(),
                    "claimant": claim.claimant,
                    "outlet": claim.article.outlet,
                    "tags": [t.name for t in claim.tags] or [""],
                    "checker": claim.checker,
                    "status": claim.status,
                }
            )
        return out


def _expected(claims: list[dict], by: str) -> Counter:
    counter: Counter = Counter()
    for c in claims:
        for key in c["tags"] if by == "tag" else [c[by]]:
            counter[key] += 1
    return counter


@pytest.mark.parametrize("by", stats.DIMENSIONS)
def test_every_figure_matches_the_claims_one_by_one(desk, by):
    claims = _all_claims(desk)
    with desk.read() as s:
        fig = stats.figure(s, by, top=100)
    assert fig.total == len(claims) == 96
    expected = _expected(claims, by)
    shown = {b.key: b.count for b in fig.bars if b.count}
    assert shown == +expected
    for bar in fig.bars:  # the verdict mix of each bar adds up to the bar
        if fig.has_mix:
            assert sum(bar.mix) == bar.count
            rated = Counter(
                c["verdict"] for c in claims if bar.key in (c["tags"] if by == "tag" else [c[by]])
            )
            assert dict(zip([v.key for v in fig.verdicts], bar.mix, strict=True)) == {
                v.key: rated.get(v.key, 0) for v in fig.verdicts
            }


def test_verdicts_come_in_the_scale_order_with_its_colours(desk):
    with desk.read() as s:
        fig = stats.figure(s, "verdict")
        scale = ratings(s)
    assert [b.label for b in fig.bars] == [r.label for r in scale] + ["Not rated"]
    assert [b.color for b in fig.bars] == [r.color for r in scale] + [stats.NEUTRAL]
    assert fig.bars[-1].key == UNRATED


def test_months_run_without_gaps_and_statuses_in_workflow_order(desk):
    with desk.read() as s:
        months = stats.figure(s, "month", Period(date(2023, 11, 1), date(2024, 3, 15)))
        status = stats.figure(s, "status")
    assert [b.key for b in months.bars] == ["2023-11", "2023-12", "2024-01", "2024-02", "2024-03"]
    assert months.bars[0].count == months.bars[1].count == 0
    assert [b.key for b in status.bars] == ["draft", "review", "published"]


def test_period_counts_a_claim_on_its_publication_else_its_creation(desk):
    claims = _all_claims(desk)
    start, end = date(2024, 3, 1), date(2024, 5, 31)
    inside = [c for c in claims if start <= c["day"] <= end]
    with desk.read() as s:
        fig = stats.figure(s, "verdict", Period(start, end))
        rows, total = stats.claims_in(s, Period(start, end), limit=1000)
    assert fig.total == total == len(inside) > 0
    assert {r.id for r in rows} == {c["id"] for c in inside}
    assert all(start <= r.counted_on.date() <= end for r in rows)


@pytest.mark.parametrize(
    ("name", "value"),
    [
        ("claimant", "Le ministre"),
        ("claimant", ""),
        ("outlet", "Le Monde <b>"),
        ("tag", "santé"),
        ("tag", ""),
        ("checker", "Zoé"),
        ("status", "published"),
        ("verdict", UNRATED),
        ("month", "2024-04"),
    ],
)
def test_filters_narrow_every_figure(desk, name, value):
    claims = _all_claims(desk)
    keep = [c for c in claims if value in (c["tags"] if name == "tag" else [c[name]])]
    with desk.read() as s:
        fig = stats.figure(s, "claimant", filters=Filters(**{name: value}), top=100)
        rows, total = stats.claims_in(s, filters=Filters(**{name: value}))
    assert fig.total == total == len(keep) > 0
    assert {b.key: b.count for b in fig.bars} == +_expected(keep, "claimant")
    assert {r.id for r in rows} == {c["id"] for c in keep}


def test_a_bar_lists_exactly_its_claims(desk):
    with desk.read() as s:
        fig = stats.figure(s, "tag")
        for bar in fig.bars:
            rows, total = stats.claims_in(s, filters=Filters().narrowed("tag", bar.key))
            assert total == len(rows) == bar.count


def test_top_names_and_the_rest(desk):
    claims = _all_claims(desk)
    with desk.read() as s:
        fig = stats.figure(s, "claimant", top=2)
    expected = _expected(claims, "claimant")
    ranked = sorted(expected.items(), key=lambda kv: (-kv[1], kv[0]))
    assert [(b.key, b.count) for b in fig.bars] == ranked[:2]
    assert fig.rest == sum(n for _k, n in ranked[2:]) and fig.rest_bars == len(ranked) - 2


def test_tally_over_loaded_claims_agrees_with_sql(desk):
    from desktop.core.exporters import load_reports

    with desk.read() as s:
        reports = load_reports(s, [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12])
        pairs = [(c, r.article.outlet) for r in reports for c in r.claims]
        verdicts = stats.verdicts_of(reports[0].ratings)
        for by in stats.DIMENSIONS:
            period = Period(date(2024, 2, 1), date(2024, 9, 30))
            inside = [(c, o) for c, o in pairs if period.contains(stats.counted_on(c))]
            assert stats.tally(inside, verdicts, by, period, top=3) == stats.figure(
                s, by, period, top=3
            ), by


def test_empty_library_and_bad_input(store):
    with store.read() as s:
        figs = stats.figures(s)
    assert all(f.total == 0 for f in figs.values())
    assert all(b.count == 0 for b in figs["verdict"].bars)
    assert figs["claimant"].bars == ()
    with pytest.raises(FactdeskError, match="before it starts"):
        Period(date(2024, 2, 1), date(2024, 1, 1))
    with pytest.raises(FactdeskError, match="not a date"):
        stats.parse_day("2024-13-01")
    assert stats.parse_day("2024-02", end=True) == date(2024, 2, 29)
    assert stats.parse_day("2024-02") == date(2024, 2, 1)


def test_stats_need_no_orm_or_qt():
    probe = (
        "import sys; from desktop.core import stats; "
        "assert 'sqlmodel' not in sys.modules and 'PySide6' not in sys.modules"
    )
    subprocess.run([sys.executable, "-c", probe], check=True, cwd=ROOT, timeout=60)
