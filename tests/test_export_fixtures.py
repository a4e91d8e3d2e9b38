"""A hostile, very French fixture article for the export tests, and shared helpers.

The text puts an emoji (two code points, four UTF-16 units) before every highlight, so
an exporter that counts offsets in anything but code points shifts them; claims overlap
and one claim rests on two spans; user text carries script and image payloads, and
sources carry javascript: and data: URLs that no report may turn into links.
Other test_export_* modules import the fixtures from here.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from tests.conftest import W3C_CHECK

FRENCH = "àâæçéèêëîïôœùûüÿ ÀÂÆÇÉÈÊËÎÏÔŒÙÛÜŸ « » ’ “ ” … – —"
FRENCH_LETTERS = "àâæçéèêëîïôœùûüÿÀÂÆÇÉÈÊËÎÏÔŒÙÛÜŸ«»’“”…–—"
SCRIPT = "<script>alert('pwned')</script>"
IMG = "<img src=x onerror=alert(1)>"

PARAGRAPHS = [
    "Réforme : le ministre 🇫🇷 s’explique",
    "Le ministre 🇫🇷 a dit que « le chômage a baissé de 50\u00a0% » en 2023. "
    f"Il a ajouté\u202f: « {SCRIPT} n’existe pas ».",
    f"Lettres : {FRENCH}. Fin.",
    "Selon l’INSEE 📊, 2 millions de personnes sont concernées.",
]
TEXT = "\n\n".join(PARAGRAPHS)

QUOTE_FALSE = "le chômage a baissé de 50\u00a0%"
QUOTE_OVERLAP = "baissé de 50\u00a0% » en 2023"
QUOTE_SECOND = "Selon l’INSEE 📊"
QUOTE_TRUE = "2 millions de personnes"
QUOTE_UNRATED = "ÀÂÆÇÉÈÊËÎÏÔŒÙÛÜŸ"

RATIONALE = (
    "Les **chiffres officiels** disent l’inverse : voir [l’INSEE](https://www.insee.fr/fr/stat).\n\n"
    f"- {SCRIPT}\n- {IMG}\n- [piège](javascript:alert(1)) et ![image](https://evil.example/p.png)\n"
    "- [données](data:text/html,hello)\n"
)
EXPORTED_AT = datetime(2024, 5, 6, 7, 8, 9, tzinfo=UTC)


@dataclass
class Library:
    """Ids of the fixture rows, in the claims' reading order."""

    article_id: int
    false_id: int
    overlap_id: int
    true_id: int
    unrated_id: int


def make_options(**changes):
    from desktop.core.exporters import ExportOptions

    values = dict(
        organization_name="Vérif’Info <Test> & Cie",
        organization_url="https://verif.example/",
        checker_name="Zoé Lefèvre",
        review_url="https://verif.example/rapports/retraites.html",
        exported_at=EXPORTED_AT,
    )
    values.update(changes)
    return ExportOptions(**values)


def build_library(store, *, url: str = "https://journal.example/reforme?id=1&x=2") -> Library:
    """The fixture article with four claims (one unrated) in `store`."""
    from desktop.core.articles import add_article
    from desktop.core.claims import add_highlight, create_claim_from_quote
    from desktop.core.importers import ParsedArticle
    from desktop.core.models import Article
    from desktop.core.ratings import find_rating
    from desktop.core.sources import add_source

    with store.transaction() as s:
        article_id = add_article(
            s,
            ParsedArticle(
                paragraphs=PARAGRAPHS,
                headings={0: 1},
                title=PARAGRAPHS[0],
                outlet="Le Journal <b>du</b> Soir",
                authors=["Amélie Œrsted"],
                url=url,
                published=date(2024, 3, 2),
                language="fr",
            ),
        ).article_id
        false, _ = create_claim_from_quote(
            s,
            article_id,
            QUOTE_FALSE,
            text=f"Le chômage a été divisé par deux {IMG}",
            claimant=f"Jean Dupont {SCRIPT}",
            claimant_kind="person",
            claim_date="2024-03-01",
            appearance_url="https://tv.example/emission",
            rating_id=find_rating(s, "False").id,
            rationale=RATIONALE,
            status="published",
            tags=["emploi", "<b>gras</b>"],
        )
        add_source(
            s,
            false.id,
            url="https://www.insee.fr/fr/statistiques/chomage",
            title=f"Chômage au 4ᵉ trimestre {SCRIPT}",
            publisher="INSEE",
            archive_url="https://web.archive.org/web/2024/https://www.insee.fr/",
            stance="refutes",
            excerpt="« Le taux de chômage est stable\u00a0»",
        )
        add_source(
            s,
            false.id,
            url="javascript:alert(document.cookie)",
            title="Lien piégé",
            publisher=IMG,
            archive_url="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==",
            stance="context",
        )
        overlap, _ = create_claim_from_quote(
            s,
            article_id,
            QUOTE_OVERLAP,
            text="La baisse date de 2023",
            claimant="Le ministre",
            rating_id=find_rating(s, "Misleading").id,
            status="review",
        )
        text = s.get(Article, article_id).text
        start = text.index(QUOTE_SECOND)
        add_highlight(s, overlap.id, start=start, end=start + len(QUOTE_SECOND))
        true, _ = create_claim_from_quote(
            s,
            article_id,
            QUOTE_TRUE,
            text="Deux millions de personnes sont concernées",
            claimant="INSEE",
            claimant_kind="organization",
            rating_id=find_rating(s, "Mostly true").id,
        )
        unrated, _ = create_claim_from_quote(s, article_id, QUOTE_UNRATED, claimant="Anonyme")
        return Library(article_id, false.id, overlap.id, true.id, unrated.id)


@pytest.fixture
def library(store) -> Library:
    return build_library(store)


@pytest.fixture
def reports(store, library):
    from desktop.core.exporters import load_reports

    with store.read() as s:
        return load_reports(s, [library.article_id])


@pytest.fixture
def options():
    return make_options()


def w3c_check_or_skip() -> Path:
    if not W3C_CHECK.is_file():
        pytest.skip(f"the W3C annotation checker is not available ({W3C_CHECK} is absent)")
    return W3C_CHECK


def test_fixture_has_an_emoji_before_each_highlight(store, library):
    """The fixture does what its docstring claims: code points differ from UTF-16 units."""
    from desktop.core.views import claims_of, get_article

    with store.read() as s:
        text = get_article(s, library.article_id).text
        claims = claims_of(s, library.article_id)
    assert text == TEXT
    for claim in claims:
        for h in claim.highlights:
            before = text[: h.start]
            assert len(before.encode("utf-16-le")) // 2 > len(before)
            assert text[h.start : h.end] == h.exact
    assert [c.id for c in claims] == [
        library.false_id,
        library.overlap_id,
        library.unrated_id,
        library.true_id,
    ]
