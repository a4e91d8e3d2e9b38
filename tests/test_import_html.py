"""Saved web pages: line breaks, one-paragraph articles, metadata of big pages, language,
and the real-world pages of ../shared/realworld when it is there."""

from __future__ import annotations

import json
import re
import socket
import unicodedata
from datetime import date
from pathlib import Path

import pytest

from desktop.core.importers import html as html_importer
from desktop.core.importers import html_meta, import_path, parse_bytes
from desktop.core.text import join_paragraphs

REALWORLD = Path(__file__).resolve().parents[1].parent / "shared" / "realworld"
_WS = re.compile(r"\s+")


@pytest.fixture(autouse=True)
def no_network(monkeypatch):
    """A saved page is read, never fetched from: any connection attempt fails the test."""
    attempts = []

    def refuse(*args, **kwargs):
        attempts.append(args)
        raise AssertionError(f"network use attempted: {args}")

    for name in ("connect", "connect_ex", "sendto"):
        monkeypatch.setattr(socket.socket, name, refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)
    yield
    assert attempts == []


def page(tmp_path: Path, html: str, name: str = "page.html"):
    path = tmp_path / name
    path.write_text(html, encoding="utf-8")
    return import_path(path)


def norm(text: str) -> str:
    return _WS.sub(" ", unicodedata.normalize("NFC", text)).strip()


# --- a <br> inside a paragraph ---------------------------------------------------------------

INTERVIEW = """<!doctype html><html lang="de"><head><meta charset="utf-8">
<title>Interview: Was kostet Fernsehen in HD?</title></head><body>
<nav><a href="/">Start</a> <a href="/medien">Medien</a></nav>
<article><h1>Interview: Was kostet Fernsehen in HD?</h1>
<p>Der Konzern will den Dienstleister übernehmen und Privathaushalten Fernsehen in
HD-Qualität verschaffen, allerdings gegen Gebühr.</p>
<p>Sind die Haushalte wirklich bereit, dafür Geld auf den Tisch zu legen?<br>Christoph
Vilanek: HD-Bildqualität kostet heute schon extra, egal ob über Satellit oder Kabel.</p>
<p>Und die Werbeeinnahmen?<br/>Vilanek: Wir haben keinerlei Pläne, das zu verändern. Die
Zahlen sprechen für sich, sagt er, und die Kunden zahlen für die Dienstleistung.</p>
<p>Die Übernahme soll im Frühjahr abgeschlossen sein, wenn die Kartellbehörde zustimmt.</p>
</article></body></html>"""


def test_a_line_break_inside_a_paragraph_keeps_the_words_apart(tmp_path):
    parsed = page(tmp_path, INTERVIEW)
    text = norm(join_paragraphs(parsed.paragraphs))
    assert "Tisch zu legen? Christoph Vilanek: HD-Bildqualität" in text
    assert "Und die Werbeeinnahmen? Vilanek: Wir haben" in text
    assert "legen?Christoph" not in text and "Werbeeinnahmen?Vilanek" not in text


def test_the_page_walk_also_breaks_lines_and_blocks_apart():
    """Where trafilatura finds nothing, the walk over the page's blocks is used."""
    blocks = html_importer._page_blocks(
        "<html><body><p>Erste Zeile<br>zweite Zeile</p>"
        "<ul><li><div>Erstens</div><div>Zweitens</div></li></ul>"
        "<table><tr><td><span>Zelle</span><br><span>Inhalt</span></td></tr></table>"
        "</body></html>"
    )
    assert blocks.paragraphs == ["Erste Zeile zweite Zeile", "Erstens Zweitens", "Zelle Inhalt"]


# --- one-paragraph articles -------------------------------------------------------------------

ONE_PARAGRAPH = (
    "Frankfurt/Main (dpa) - Für einen Roman über die alte Bundesrepublik hat die Autorin den "
    "Deutschen Buchpreis erhalten. Das Buch wurde in Frankfurt als beste literarische "
    "Neuerscheinung des Jahres im deutschsprachigen Raum ausgezeichnet. Die Autorin schildert "
    "darin in einer Vielzahl von Episoden die Nachkriegszeit aus der Sicht einer "
    "Dreizehnjährigen. Der Buchpreis gilt als wichtigste Auszeichnung der Branche."
)
SUBSCRIPTION = (
    "<aside class='paywall'><p>Alles kostenlos?</p><p>Guter Journalismus kostet Geld. Deshalb "
    "bietet die Zeitung das Online-Abo an.</p><p><a href='/abo'>Mehr Infos hier...</a></p></aside>"
)
NAVIGATION = (
    "<header><nav><ul>"
    + "".join(f"<li><a href='/r{i}'>Rubrik {i}</a></li>" for i in range(8))
    + "</ul></nav></header>"
)
TEASERS = (
    "<section class='more'><h2>Mehr Nachrichten</h2><ul>"
    + "".join(
        f"<li><a href='/n{i}'>Andere Schlagzeile Nummer {i} über die Bahn und das Wetter</a></li>"
        for i in range(10)
    )
    + "</ul></section>"
    "<div class='links'><ul><li><a href='/s'>Seniorenportal</a></li>"
    "<li><a href='/i'>Impressum</a></li></ul></div>"
)


def test_a_one_paragraph_article_is_not_padded_with_the_page(tmp_path):
    """trafilatura finds the one paragraph; the page's menu, subscription pitch and ten
    other headlines stay out (the old fallback imported them all)."""
    html = (
        "<html><head><meta charset='utf-8'><title>Autorin erhält Buchpreis</title></head><body>"
        + NAVIGATION
        + SUBSCRIPTION
        + "<article><h1>Autorin erhält Buchpreis</h1><p>"
        + ONE_PARAGRAPH
        + "</p></article>"
        + TEASERS
        + "</body></html>"
    )
    parsed = page(tmp_path, html)
    assert parsed.paragraphs == ["Autorin erhält Buchpreis", ONE_PARAGRAPH]
    assert parsed.headings == {0: 1}
    assert parsed.language == "de"


def test_merged_paragraphs_get_their_breaks_back_and_nothing_else(tmp_path):
    """On a short page trafilatura may run heading and paragraphs into one; the page's
    blocks that make up that text restore them, its menu and teasers are not among them."""
    html = (
        "<html><head><title>Le budget</title></head><body>"
        "<nav><a href='/'>Accueil</a> <a href='/p'>Politique</a></nav>"
        "<article><h1>Le budget</h1><p>Le maire annonce un budget en hausse de 5 %.</p>"
        '<img src="http://pixel.example/p.gif"><p>L’opposition parle d’un budget « insincère ».</p>'
        '<object data="http://x.example/a.swf"></object><embed src="http://x.example/e">'
        "<p>Le vote aura lieu jeudi.</p></article>"
        "<section><h3>À lire aussi</h3><ul>"
        + "".join(
            f"<li><a href='/t{i}'>Le budget du département {i} en débat</a></li>" for i in range(5)
        )
        + "</ul></section></body></html>"
    )
    parsed = page(tmp_path, html)
    assert parsed.paragraphs == [
        "Le budget",
        "Le maire annonce un budget en hausse de 5 %.",
        "L’opposition parle d’un budget « insincère ».",
        "Le vote aura lieu jeudi.",
    ]
    assert parsed.headings == {0: 1}


def test_tiling_takes_only_blocks_that_are_the_next_piece_of_the_text():
    from desktop.core.importers import ParsedArticle

    main = ParsedArticle(paragraphs=["Sport heute: Der Verein gewinnt. Der Trainer lobt die Elf."])
    blocks = ParsedArticle(
        paragraphs=["Sport", "Der Verein gewinnt.", "Der Trainer lobt die Elf.", "Impressum"],
        headings={0: 2},
    )
    assert html_importer._tiled(main, blocks) is None  # "Sport" is not "Sport heute:"
    main = ParsedArticle(paragraphs=["Sport heute: Der Verein gewinnt. Der Trainer lobt die Elf."])
    blocks.paragraphs[0] = "Sport heute:"
    tiled = html_importer._tiled(main, blocks)
    assert tiled.paragraphs == ["Sport heute:", "Der Verein gewinnt.", "Der Trainer lobt die Elf."]
    assert tiled.headings == {0: 2}


def test_tiling_is_not_tried_on_a_long_text():
    """Searching every block in a long text costs blocks × characters: 50,000 menu links
    against a 5 MB paragraph took 90 s; a long single paragraph is kept as it is."""
    from desktop.core.importers import ParsedArticle

    sentence = "Der Rat hat beschlossen, dass alles teurer wird. "
    main = ParsedArticle(paragraphs=[(sentence * 2_000).strip()])
    blocks = ParsedArticle(paragraphs=[sentence.strip()] * 2_000)
    assert html_importer._tiled(main, blocks) is None


# --- metadata of big pages --------------------------------------------------------------------

ARTICLE_LD = {
    "@context": "https://schema.org",
    "@type": "NewsArticle",
    "headline": "Musiker fordern neues Streaming-Modell",
    "datePublished": "2020-01-28T15:28:00+01:00",
    "author": [
        {"@type": "Person", "name": "Anna Schmidt"},
        {"@type": "Person", "name": "Jonas Weber"},
    ],
    "publisher": {"@type": "Organization", "name": "Beispiel Zeitung"},
}
BODY_TEXT = "".join(
    f"<p>Absatz {i}: Die Musiker verlangen, dass jede Hörerin nur die Künstler bezahlt, "
    "die sie selbst hört, und nicht einen Anteil an einem gemeinsamen Topf.</p>"
    for i in range(6)
)


def big_page(filler: str) -> str:
    return (
        "<!doctype html><html lang='de'><head><meta charset='utf-8'>"
        "<title>Musiker fordern neues Streaming-Modell | BEISPIEL.DE</title>"
        "<meta property='og:title' content='Musiker fordern neues Streaming-Modell'>"
        "<meta name='author' content='Beispiel Zeitung GmbH'>"
        "<meta name='publisher' content='Beispiel Zeitung GmbH'>"
        "<meta property='og:site_name' content='BEISPIEL.DE'>"
        "<script src='https://cdn.example/app.js'></script>"
        "<link rel='stylesheet' href='https://cdn.example/s.css'></head><body>"
        + filler
        + "<article><h1>Musiker fordern neues Streaming-Modell</h1>"
        "<p class='byline'>Von Anna Schmidt und Jonas Weber</p>"
        + BODY_TEXT
        + "</article><script type='application/ld+json'>"
        + json.dumps(ARTICLE_LD)
        + "</script></body></html>"
    )


BULK = (
    "<style>" + ".c{color:red}\n" * 20_000 + "</style>"
    "<script>var state = '" + "x" * 200_000 + "'; fetch('https://tracker.example/');</script>"
    "<svg>" + "<path d='M0 0L10 10'/>" * 5_000 + "</svg>"
)
TEASER_MARKUP = "".join(
    f"<div class='teaser'><a href='/artikel/{i}'><span>Meldung {i}</span></a></div>"
    for i in range(7_000)
)


@pytest.mark.parametrize(
    "filler", [BULK, TEASER_MARKUP], ids=["scripts-and-styles", "teaser-markup"]
)
def test_metadata_past_the_first_300_kb_is_read(tmp_path, filler):
    """The authors and publisher sit after 300 kB of page: they are still found, and
    the publisher named as author beside the journalists is left out."""
    html = big_page(filler)
    assert html.find("Anna Schmidt") > html_meta.METADATA_CHARS
    parsed = page(tmp_path, html)
    assert parsed.authors == ["Anna Schmidt", "Jonas Weber"]
    assert parsed.outlet == "Beispiel Zeitung"
    assert parsed.title == "Musiker fordern neues Streaming-Modell"
    assert parsed.published == date(2020, 1, 28)
    text = join_paragraphs(parsed.paragraphs)
    assert "Absatz 5: Die Musiker verlangen" in text
    for leaked in ("fetch(", "tracker", "color:red", "@type", "xxxx"):
        assert leaked not in text


def test_metadata_is_never_read_from_megabytes(monkeypatch):
    """Date detection runs its expressions over what it is given: a few MB froze the
    window for seconds, so what reaches it is at most METADATA_CHARS long."""
    import trafilatura.metadata
    from lxml import etree

    sizes = []
    real = trafilatura.metadata.extract_metadata

    def measured(tree, *args, **kwargs):
        sizes.append(len(etree.tostring(tree, encoding="unicode")))
        return real(tree, *args, **kwargs)

    monkeypatch.setattr(trafilatura.metadata, "extract_metadata", measured)
    paragraphs = "".join(
        f"<p>Le {i} mars 2019, le budget de la ville a changé.</p>" for i in range(60_000)
    )
    meta = html_meta.read(f"<html><head><title>Gros</title></head><body>{paragraphs}</body></html>")
    assert meta.title == "Gros"
    assert sizes and max(sizes) <= html_meta.METADATA_CHARS + 100  # + closing tags


@pytest.mark.parametrize(
    ("author", "expected"),
    [
        ("SPIEGEL ONLINE, Hamburg, Germany", ["SPIEGEL ONLINE"]),  # the publisher's address
        ("Beispiel Zeitung GmbH", ["Beispiel Zeitung GmbH"]),  # the only author named
        ("Claire Martin", ["Claire Martin"]),
    ],
)
def test_authors_are_people_where_the_page_names_any(author, expected):
    html = (
        "<html><head><title>Titre</title>"
        f"<meta name='author' content='{author}'>"
        "<meta property='og:site_name' content='SPIEGEL ONLINE'></head>"
        "<body><p>Texte.</p></body></html>"
    )
    assert html_meta.read(html).authors == expected


# --- language ---------------------------------------------------------------------------------

GERMAN = (
    "<p>Der Stadtrat hat am Donnerstagabend einen Haushalt verabschiedet, der um fünf Prozent "
    "steigt, obwohl die Opposition die Zahlen als irreführend bezeichnet.</p>"
    "<p>Nach Angaben des Bürgermeisters sollen die zusätzlichen Ausgaben die Sanierung von drei "
    "Schulen und den Ausbau des Busnetzes finanzieren.</p>"
)


@pytest.mark.parametrize(
    ("head", "body", "language"),
    [
        ("<html lang='en'>", GERMAN, "de"),  # a template's default loses to the text
        ("<html>", GERMAN, "de"),  # nothing declared: the text tells
        ("<html lang='pt-BR'>", "<p>Obrigado!</p>", "pt"),  # too short to tell: as declared
        ("<html><meta property='og:locale' content='fr_FR'>", "<p>Merci.</p>", "fr"),
        (
            "<html><meta http-equiv='Content-Language' content='es'>",
            "<p>¡Gracias!</p>",
            "es",
        ),
    ],
)
def test_language_of_a_page(head, body, language):
    html = f"{head}<head><title>T</title></head><body><article>{body}</article></body></html>"
    parsed = parse_bytes(html.encode("utf-8"), kind="html", source_name="page.html")
    assert parsed.language == language


# --- the real-world corpus --------------------------------------------------------------------


def _corpus_cases():
    expectations = REALWORLD / "expectations.json"
    if not expectations.is_file():
        return [pytest.param(None, None, marks=pytest.mark.skip(reason="../shared absent"))]
    cases = json.loads(expectations.read_text(encoding="utf-8"))
    return [
        pytest.param(rel, exp, id=rel.removeprefix("html/"))
        for rel, exp in sorted(cases.items())
        if rel.startswith("html/")
    ]


def _meta_ok(got: str, rule: dict) -> bool:
    got = norm(got)
    for op in ("eq", "contains", "startswith", "endswith"):
        if op in rule:
            want = norm(rule[op])
            return {
                "eq": got == want,
                "contains": want in got,
                "startswith": got.startswith(want),
                "endswith": got.endswith(want),
            }[op]
    return True


@pytest.mark.parametrize(("rel", "exp"), _corpus_cases())
def test_realworld_web_pages(rel, exp):
    """Each saved page of ../shared/realworld holds trafilatura's expected passages, none
    of its boilerplate, and the expected title, date, authors and site."""
    parsed = import_path(REALWORLD / "corpus" / rel)
    flat = norm(join_paragraphs(parsed.paragraphs))
    missing = [s for s in exp.get("must", []) if norm(s) not in flat]
    kept = [s for s in exp.get("must_not", []) if norm(s) in flat]
    assert not missing and not kept, f"missing {missing}, boilerplate kept {kept}"
    values = {
        "title": parsed.title,
        "authors": "; ".join(parsed.authors),
        "outlet": parsed.outlet,
        "published": parsed.published.isoformat() if parsed.published else "",
    }
    wrong = {
        field: values[field]
        for field, rule in exp.get("meta", {}).items()
        if not _meta_ok(values[field], rule)
    }
    assert not wrong, wrong
    if exp.get("lang"):
        assert parsed.language == exp["lang"]
