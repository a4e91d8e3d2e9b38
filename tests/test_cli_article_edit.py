"""`factdesk article edit`: an article's details from the command line, end to end.

Every field is changed and read back through `factdesk show --json`; an empty value
clears a field; a wrong value is refused with one line and exit status 2, the library
file left byte for byte as it was; the new details reach the HTML report and the
ClaimReview markup. The checks live in the core (desktop.core.articles), so the window
gets the same ones.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest

try:
    from tests.conftest import STARLINK_QUOTE
    from tests.test_cli import ok, run, user_error
except ImportError:  # tests/ run as a rootdir without a package
    from conftest import STARLINK_QUOTE
    from test_cli import ok, run, user_error

ARTICLE = (
    "Retraites : le ministre s’explique\n\n"
    "Le ministre a dit que « le chômage a baissé de moitié » en 2023.\n\n"
    "Selon l’INSEE, deux millions de personnes sont concernées.\n"
)
QUOTE = "le chômage a baissé de moitié"


@pytest.fixture
def lib(db_url) -> str:
    return db_url


@pytest.fixture
def article_file(tmp_path: Path) -> Path:
    path = tmp_path / "retraites.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    return path


@pytest.fixture
def article(lib, article_file) -> str:
    """The article imported, with one rated and published claim; its id."""
    article_id = ok(lib, "import", str(article_file), "--lang", "fr").stdout.strip()
    ok(lib, "claim", "add", article_id, "--quote", QUOTE, "--claimant", "Le ministre",
       "--verdict", "False", "--status", "published")  # fmt: skip
    return article_id


def shown(lib: str, article_id: str) -> dict:
    return json.loads(ok(lib, "show", article_id, "--json").stdout)


EVERYTHING = [
    "--title", "Retraites : ce que le ministre a vraiment dit",
    "--outlet", "Le Journal du Soir",
    "--author", "Amélie Œrsted",
    "--author", "Jean-Luc N’Diaye",
    "--url", "https://journal.example/retraites?id=7&x=1",
    "--published", "2024-10-25",
    "--lang", "pt-br",
]  # fmt: skip


def test_every_field_changed_and_read_back(lib, article):
    result = ok(lib, "article", "edit", article, *EVERYTHING)
    assert result.stdout.splitlines()[:6] == [
        "Title: Retraites : ce que le ministre a vraiment dit",
        "Outlet: Le Journal du Soir",
        "Authors: Amélie Œrsted, Jean-Luc N’Diaye",
        "URL: https://journal.example/retraites?id=7&x=1",
        "Published: 2024-10-25",
        "Language: pt-BR",
    ]
    data = shown(lib, article)
    assert data["title"] == "Retraites : ce que le ministre a vraiment dit"
    assert data["outlet"] == "Le Journal du Soir"
    assert data["authors"] == ["Amélie Œrsted", "Jean-Luc N’Diaye"]
    assert data["url"] == "https://journal.example/retraites?id=7&x=1"
    assert data["published"] == "2024-10-25"
    assert data["language"] == "pt-BR"  # normalized: language lower, region upper
    assert data["text"] == ARTICLE.strip()  # the text (and its offsets) untouched


def test_one_field_at_a_time_leaves_the_others(lib, article):
    ok(lib, "article", "edit", article, *EVERYTHING)
    as_json = json.loads(
        ok(lib, "article", "edit", article, "--outlet", "  Libé  ", "--json").stdout
    )
    assert as_json["outlet"] == "Libé"
    assert "text" not in as_json  # the details, not the article's whole text
    data = shown(lib, article)
    assert as_json == {k: v for k, v in data.items() if k not in {"text", "headings", "turns"}}
    assert (data["title"], data["published"], data["language"]) == (
        "Retraites : ce que le ministre a vraiment dit",
        "2024-10-25",
        "pt-BR",
    )


def test_empty_values_clear_fields(lib, article):
    ok(lib, "article", "edit", article, *EVERYTHING)
    ok(lib, "article", "edit", article, "--url", "", "--published", "", "--author", "",
       "--outlet", "", "--lang", "")  # fmt: skip
    data = shown(lib, article)
    assert (data["url"], data["published"], data["authors"], data["outlet"], data["language"]) == (
        "",
        None,
        [],
        "",
        "",
    )
    assert data["title"] == "Retraites : ce que le ministre a vraiment dit"


def _state(db: Path) -> dict[str, str]:
    """The hash of the library file and of its -wal (the -shm is an index in shared
    memory that SQLite rewrites even to read)."""
    return {
        p.name: hashlib.sha256(p.read_bytes()).hexdigest()
        for p in (db, db.with_name(db.name + "-wal"))
        if p.exists()
    }


BAD = [
    (["--published", "2024-02-30"], ("publication date", "'2024-02-30'")),
    (["--published", "25/10/2024"], ("publication date", "'25/10/2024'")),
    (["--published", "2024-10"], ("publication date", "'2024-10'")),
    (["--published", "20241025"], ("publication date", "'20241025'")),
    (["--url", "journal.example/retraites"], ("url", "'journal.example/retraites'")),
    (["--url", "ftp://journal.example/a"], ("url", "'ftp://journal.example/a'")),
    (["--url", "javascript:alert(1)"], ("url", "'javascript:alert(1)'")),
    (["--url", "https://"], ("url", "'https://'")),
    (["--url", "https://jour nal.example/"], ("url", "'https://jour nal.example/'")),
    (["--lang", "français"], ("language", "'français'")),
    (["--lang", "fr_FR"], ("language", "'fr_FR'")),
    (["--lang", "f"], ("language", "'f'")),
    (["--lang", "12"], ("language", "'12'")),
    (["--title", ""], ("title", "empty")),
    (["--title", "   "], ("title", "empty")),
    (["--outlet", "x" * 301], ("outlet", "301 characters")),
    (["--outlet", "Libé", "--url", "mailto:a@b.c"], ("url", "'mailto:a@b.c'")),
    ([], ("nothing to change",)),
]


@pytest.mark.parametrize(
    ("args", "needles"), BAD, ids=[" ".join(a)[:40] or "no-change" for a, _ in BAD]
)
def test_bad_values_exit_2_and_write_nothing(db_path, article_file, args, needles):
    lib = str(db_path)
    article_id = ok(lib, "import", str(article_file), "--outlet", "Le Monde").stdout.strip()
    ok(lib, "article", "edit", article_id, "--published", "2024-10-25")
    details = shown(lib, article_id)
    before = _state(db_path)
    user_error(run(lib, "article", "edit", article_id, *args), *needles)
    assert _state(db_path) == before, "the library file changed"
    assert shown(lib, article_id) == details


def test_unknown_article_is_a_user_error(lib, article):
    user_error(run(lib, "article", "edit", "999", "--title", "x"), "no article with id 999")


def test_edited_details_reach_the_html_report_and_claimreview(lib, article):
    ok(lib, "article", "edit", article, *EVERYTHING)
    html = ok(lib, "export", article, "--format", "html", "-o", "-").stdout
    for shown_text in (
        "Le Journal du Soir",
        "Amélie Œrsted, Jean-Luc N’Diaye",
        'href="https://journal.example/retraites?id=7&amp;x=1"',
        '<time datetime="2024-10-25">',
        "Retraites : ce que le ministre a vraiment dit",
    ):
        assert shown_text in html, shown_text
    (review,) = json.loads(ok(lib, "export", article, "--format", "claimreview", "-o", "-").stdout)
    item = review["itemReviewed"]
    assert item["author"] == {"@type": "Person", "name": "Le ministre"}  # the claimant
    (work,) = item["appearance"]
    assert work == item["firstAppearance"]
    assert work == {
        "@type": "CreativeWork",
        "url": "https://journal.example/retraites?id=7&x=1",
        "headline": "Retraites : ce que le ministre a vraiment dit",
        "datePublished": "2024-10-25",
        "publisher": {"@type": "Organization", "name": "Le Journal du Soir"},
        "author": [
            {"@type": "Person", "name": "Amélie Œrsted"},
            {"@type": "Person", "name": "Jean-Luc N’Diaye"},
        ],
    }
    assert review["inLanguage"] == "pt-BR"


def test_claimreview_of_an_article_with_an_outlet_but_no_url(lib, article):
    """Where the claim was read is still said when the article has no address."""
    ok(lib, "article", "edit", article, "--outlet", "Le Journal du Soir", "--author", "A. B.",
       "--published", "2024-10-25", "--url", "")  # fmt: skip
    (review,) = json.loads(ok(lib, "export", article, "--format", "claimreview", "-o", "-").stdout)
    (work,) = review["itemReviewed"]["appearance"]
    assert "url" not in work
    assert work["publisher"] == {"@type": "Organization", "name": "Le Journal du Soir"}
    assert work["datePublished"] == "2024-10-25"
    assert work["author"] == [{"@type": "Person", "name": "A. B."}]
    html = ok(lib, "export", article, "--format", "html", "-o", "-").stdout
    assert "Le Journal du Soir" in html and "Par A. B." in html  # a French article


def test_claimreview_of_an_article_with_nothing_but_a_title(lib, article):
    """No outlet, address, date or author: there is no appearance to publish."""
    (review,) = json.loads(ok(lib, "export", article, "--format", "claimreview", "-o", "-").stdout)
    assert "appearance" not in review["itemReviewed"]


def test_seed_article_details(lib, seed_path):
    """The real French sample: edited, shown, and published with its details."""
    article_id = ok(lib, "import", str(seed_path)).stdout.strip()
    text_before = shown(lib, article_id)["text"]
    ok(lib, "claim", "add", article_id, "--quote", STARLINK_QUOTE, "--claimant",
       "Wall Street Journal", "--claimant-kind", "organization", "--verdict", "Unverifiable",
       "--status", "published")  # fmt: skip
    ok(lib, "article", "edit", article_id, "--outlet", "Le Monde", "--author", "Rédaction",
       "--published", "2024-10-25", "--lang", "FR", "--url", "https://www.lemonde.fr/")  # fmt: skip
    data = shown(lib, article_id)
    assert (data["outlet"], data["authors"], data["published"], data["language"]) == (
        "Le Monde",
        ["Rédaction"],
        "2024-10-25",
        "fr",
    )
    assert data["text"] == text_before
    (review,) = json.loads(
        ok(lib, "export", article_id, "--format", "claimreview", "-o", "-").stdout
    )
    work = review["itemReviewed"]["firstAppearance"]
    assert (work["url"], work["publisher"]["name"], work["datePublished"]) == (
        "https://www.lemonde.fr/",
        "Le Monde",
        "2024-10-25",
    )
    assert review["itemReviewed"]["author"] == {
        "@type": "Organization",
        "name": "Wall Street Journal",
    }


# The same checks in the core, which the window calls.


def test_core_checks_every_value_before_changing_any(store, article_id_core):
    from desktop.core.articles import update_article
    from desktop.core.errors import FactdeskError
    from desktop.core.models import Article

    with pytest.raises(FactdeskError, match=r"url 'ftp://x'"), store.transaction() as session:
        update_article(session, article_id_core, outlet="Changed", url="ftp://x")
    with pytest.raises(FactdeskError, match="language 'fr_FR'"), store.transaction() as session:
        update_article(session, article_id_core, title="Changed", language="fr_FR")
    with pytest.raises(FactdeskError, match="title cannot be empty"), store.transaction() as s:
        update_article(s, article_id_core, title=" ")
    with store.read() as session:
        a = session.get(Article, article_id_core)
        assert (a.outlet, a.title, a.url, a.language) == ("", "Titre", "", "fr")
    with store.transaction() as session:
        update_article(
            session,
            article_id_core,
            authors=[" A ", "", "B", "A"],
            url=" https://x.example/a ",
            language="zh-hant-tw",
            published=None,
        )
    with store.read() as session:
        a = session.get(Article, article_id_core)
        assert (a.authors, a.url, a.language) == (["A", "B"], "https://x.example/a", "zh-Hant-TW")


@pytest.fixture
def article_id_core(store) -> int:
    from desktop.core.articles import add_article
    from desktop.core.importers import ParsedArticle

    with store.transaction() as session:
        parsed = ParsedArticle(paragraphs=["Titre", "Une phrase."], title="Titre", language="fr")
        return add_article(session, parsed).article_id


def test_core_leaves_unchanged_stored_values_unchecked(store):
    """The window sends every field; an older import's odd value does not block an edit
    of another field, but typing a wrong value still does."""
    from desktop.core.articles import add_article, update_article
    from desktop.core.errors import FactdeskError
    from desktop.core.importers import ParsedArticle
    from desktop.core.models import Article

    with store.transaction() as session:
        parsed = ParsedArticle(paragraphs=["Une phrase."], language="french", url="/relative")
        article_id = add_article(session, parsed).article_id
    with store.transaction() as session:
        a = session.get(Article, article_id)
        form = {"title": a.title, "url": a.url, "language": a.language, "published": None}
        update_article(session, article_id, outlet="Libé", authors=[], **form)
    with store.read() as session:
        a = session.get(Article, article_id)
        assert (a.title, a.outlet, a.url, a.language) == ("", "Libé", "/relative", "french")
    with pytest.raises(FactdeskError, match="language 'english'"), store.transaction() as s:
        update_article(s, article_id, language="english")
    with store.transaction() as session:  # an edit, then its undo, as the window does
        update_article(session, article_id, language="fr", url="https://x.example/")
    with store.transaction() as session:
        update_article(session, article_id, check=False, language="french", url="/relative")
    with store.read() as session:
        a = session.get(Article, article_id)
        assert (a.url, a.language) == ("/relative", "french")
