"""Reports that other programs read back exactly (issue 18, "Reports").

- Markdown: markdown-it-py finds exactly each highlighted text inside the emphasis,
  whatever its edges (punctuation after a letter, spaces, combining marks, emoji, flags).
- PDF: pypdf and pdftotext give back what is drawn, astral characters included (𝕏, 😀;
  the font has no flags, drawn and read as □), and a claim's number stays apart from the
  text it follows ("2022 2", never "20222").
- Labels speak the article's language (French or English) or the setting's; the title is
  shown once.
- An export file gets the user's usual mode (umask), and an overwritten one keeps its own.
"""

from __future__ import annotations

import io
import os
import re
import shutil
import subprocess
import sys
from datetime import UTC, datetime
from html import unescape
from html.parser import HTMLParser

import pytest
from markdown_it import MarkdownIt

from desktop.core.exporters import ExportOptions, export, load_reports, render
from desktop.core.exporters.document import report_language

EXPORTED_AT = datetime(2024, 5, 6, 7, 8, 9, tzinfo=UTC)

# (paragraph, highlighted quote): edges with punctuation glued to a letter or a combining
# mark, spaces, emoji (with a skin-tone modifier too), a flag, Markdown's own characters.
MD_CASES = [
    ("Soit le vecteur x̄, soit la moyenne, dit-il.", ", soit la moyenne"),
    ("Il l’a dit du mot, dit-il, sans détour.", ", dit-il,"),
    ("Elle parle fort et haut.", " fort"),
    ("Le ton monte vite ici.", "monte "),
    ("Il rit😀 très fort.", "😀 très"),
    ("Un drapeau 🇫🇷 flotte au vent.", "drapeau 🇫🇷"),
    ("On note x̄ partout.", "note x̄"),
    ("Il a dit « bonjour » hier.", "« bonjour »"),
    ("Calcul : 2*3=6_ok, vraiment.", "2*3=6_ok,"),
    ("1. Premier point, puis le reste.", "1. Premier"),
    ("Fin (voir la note).", "(voir la note)"),
    ("Le café👍🏽était bon.", "👍🏽"),
    ("Un titre **déjà** en gras ?", "**déjà**"),
]


def _options(**changes) -> ExportOptions:
    values = dict(organization_name="Vérif’Info", checker_name="Zoé", exported_at=EXPORTED_AT)
    values.update(changes)
    return ExportOptions(**values)


def _article(store, paragraphs, quotes, *, title=None, language="fr", verdict="False"):
    """An article of `paragraphs` (the first is its title line unless `title` is given)
    with one claim per quote, in order; returns its id."""
    from desktop.core.articles import add_article
    from desktop.core.claims import create_claim_from_quote
    from desktop.core.importers import ParsedArticle
    from desktop.core.ratings import find_rating

    with store.transaction() as s:
        article_id = add_article(
            s,
            ParsedArticle(
                paragraphs=paragraphs,
                headings={0: 1} if title is None else {},
                title=title or paragraphs[0],
                language=language,
            ),
        ).article_id
        rating = find_rating(s, verdict).id
        for quote in quotes:
            create_claim_from_quote(s, article_id, quote, rating_id=rating, claimant="Le ministre")
    return article_id


def _reports(store, *article_ids):
    with store.read() as s:
        return load_reports(s, list(article_ids))


def _squash(text: str) -> str:
    """Whitespace and line breaks normalised, nothing else."""
    return re.sub(r"\s+", " ", text).strip()


# --- Markdown emphasis ---------------------------------------------------------------


class _Strong(HTMLParser):
    """The text of each <strong> and of each paragraph, as a browser shows them."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.strong: list[str] = []
        self.paragraphs: list[str] = []
        self._depth = 0

    def handle_starttag(self, tag, attrs):
        if tag == "strong":
            self._depth += 1
            if self._depth == 1:
                self.strong.append("")
        elif tag == "p":
            self.paragraphs.append("")

    def handle_endtag(self, tag):
        if tag == "strong":
            self._depth -= 1

    def handle_data(self, data):
        if self._depth:
            self.strong[-1] += data
        if self.paragraphs:
            self.paragraphs[-1] += data


def _annotated_section(source: str) -> str:
    return source.split("## Annotated text\n", 1)[1].split("\n## Claims\n", 1)[0]


@pytest.fixture
def md_article(store):
    paragraphs = ["Des bords difficiles", *(p for p, _ in MD_CASES)]
    return _article(store, paragraphs, [q for _, q in MD_CASES])


@pytest.mark.parametrize("html", [True, False], ids=["html-allowed", "html-off"])
def test_markdown_emphasis_holds_exactly_each_highlight(store, md_article, html):
    reports = _reports(store, md_article)
    source = render(reports, "md", _options(report_language="en")).data.decode()
    section = _annotated_section(source)
    parser = _Strong()
    parser.feed(MarkdownIt("commonmark", {"html": html}).render(section))
    parser.paragraphs = [p.strip("\n") for p in parser.paragraphs]
    exact = [h.exact for c in reports[0].claims for h in c.highlights]
    assert exact == [q for _, q in MD_CASES]  # nothing was widened or moved
    if html:
        assert parser.strong == exact
    else:  # a viewer with raw HTML off shows the fallback tags as text, nothing else
        shown = [re.sub(r"</?strong>", "", p) for p in parser.paragraphs]
        assert [re.sub(r" \[\d+ · False\]", "", p) for p in shown] == [p for p, _ in MD_CASES]
    # the paragraph reads as the article, with only the claim markers added
    paragraphs = [re.sub(r" \[\d+ · False\]", "", p) for p in parser.paragraphs]
    if html:
        assert paragraphs == [p for p, _ in MD_CASES]


def test_markdown_uses_markers_where_they_parse_and_html_only_where_not(store, md_article):
    source = render(_reports(store, md_article), "md", _options(report_language="en")).data
    source = source.decode()
    # plain markers wherever CommonMark reads them right: they read best as plain text
    assert "**« bonjour »** \\[8 · False\\]" in source
    assert "**drapeau 🇫🇷** \\[6 · False\\]" in source
    assert "**note x̄** \\[7 · False\\]" in source
    # punctuation glued to the letter before: inline HTML, which CommonMark passes on
    assert "x̄<strong>, soit la moyenne</strong> \\[1 · False\\]" in source
    assert "mot<strong>, dit-il,</strong> \\[2 · False\\]" in source
    assert "1\\. Premier" in source and "\\1" not in source  # a line start stays literal


def test_markdown_rationale_emphasis_parses_too(store):
    from desktop.core.claims import update_claim

    article_id = _article(store, ["Titre", "Le mot, dit-il, est faux."], [", dit-il,"])
    with store.transaction() as s:
        (claim,) = load_reports(s, [article_id])[0].claims
        update_claim(s, claim.id, rationale="Selon le **« WSJ »**, c’est *faux* : **100 %**.")
    source = render(_reports(store, article_id), "md", _options()).data.decode()
    html = MarkdownIt("commonmark").render(source)
    assert "<strong>« WSJ »</strong>" in html and "<em>faux</em>" in html
    assert "<strong>100 %</strong>" in html and "**" not in html


# --- PDF text layer ------------------------------------------------------------------

PDF_TITLE = "Le réseau 𝕏 et la France 🇫🇷"
PDF_PARAGRAPHS = [
    PDF_TITLE,
    "Selon « 𝕏 », l’été 😀 a été chaud avant 2022. Après, c’est « déjà » fini 🇫🇷.",
    "Les maths : x̄ = 𝟙, soit 😀😀 ; où ? Là-bas, à Noël.",
]
# In reading order: claim 1 ends on "𝕏 »", claim 2 on "2022", claim 3 on "🇫🇷".
PDF_QUOTES = ["Selon « 𝕏 »", "été 😀 a été chaud avant 2022", "« déjà » fini 🇫🇷", "x̄ = 𝟙"]


def _pdf_texts(data: bytes, tmp_path) -> dict[str, str]:
    """The text layer as each available reader gives it back."""
    from pypdf import PdfReader

    texts = {"pypdf": "\n".join(p.extract_text() for p in PdfReader(io.BytesIO(data)).pages)}
    if shutil.which("pdftotext"):
        pdf = tmp_path / "report.pdf"
        pdf.write_bytes(data)
        texts["pdftotext"] = subprocess.run(
            ["pdftotext", "-enc", "UTF-8", str(pdf), "-"],
            check=True,
            capture_output=True,
        ).stdout.decode("utf-8")
    return texts


def _with_numbers(paragraph: str, ends: list[tuple[int, int]]) -> str:
    """The paragraph as the report draws it: each claim's number after its highlight."""
    out, last = [], 0
    for end, number in sorted(ends):
        out += [paragraph[last:end], f" {number}"]
        last = end
    return "".join(out) + paragraph[last:]


@pytest.fixture
def pdf_report(store, tmp_path):
    from desktop.core.exporters.pdf import drawable

    article_id = _article(store, PDF_PARAGRAPHS, PDF_QUOTES)
    reports = _reports(store, article_id)
    text = reports[0].article.text
    expected = []
    for paragraph in PDF_PARAGRAPHS[1:]:
        offset = text.index(paragraph)
        ends = [
            (h.end - offset, n)
            for n, c in enumerate(reports[0].claims, start=1)
            for h in c.highlights
            if offset < h.end <= offset + len(paragraph)
        ]
        expected.append(_squash(drawable(_with_numbers(paragraph, ends))))
    data = render(reports, "pdf", _options()).data
    return _pdf_texts(data, tmp_path), expected


@pytest.mark.parametrize("reader", ["pypdf", "pdftotext"])
def test_pdf_extraction_matches_the_article(pdf_report, reader):
    texts, expected = pdf_report
    if reader not in texts:
        pytest.skip("pdftotext (poppler-utils) is not installed")
    flat = _squash(texts[reader])
    for paragraph in expected:
        assert paragraph in flat, (reader, paragraph, flat)
    # astral characters the font draws come back as themselves, not as "ᵔ" or nothing
    assert flat.count("𝕏") >= 4 and "𝟙" in flat and "😀😀" in flat
    assert "ᵔ" not in flat and "\ufffd" not in flat
    # the flag is not in the font: drawn as two boxes, read back as two boxes
    assert "fini □□ 3." in flat
    # the title line is shown once, as the heading (and in the page footer)
    assert flat.count("Le réseau 𝕏 et la France □□") == 2


@pytest.mark.parametrize("reader", ["pypdf", "pdftotext"])
def test_pdf_claim_numbers_stay_apart_from_the_text(pdf_report, reader):
    texts, _ = pdf_report
    if reader not in texts:
        pytest.skip("pdftotext (poppler-utils) is not installed")
    flat = _squash(texts[reader])
    assert "avant 2022 2." in flat
    assert "20222" not in flat


def test_pdf_to_unicode_maps_astral_characters_as_utf16_pairs(store):
    """The font's ToUnicode entries are valid: 2-byte codes to UTF-16BE (PDF 32000 9.10.3)."""
    from pypdf import PdfReader

    from desktop.core.exporters.pdf import exact_to_unicode

    assert exact_to_unicode("<09> <1D54F>\n<0A> <00E9>") == "<09> <D835DD4F>\n<0A> <00E9>"
    article_id = _article(store, PDF_PARAGRAPHS, PDF_QUOTES)
    reader = PdfReader(io.BytesIO(render(_reports(store, article_id), "pdf", _options()).data))
    entries = []
    for page in reader.pages:
        for font in page["/Resources"]["/Font"].values():
            cmap = font.get_object().get("/ToUnicode")
            if cmap is not None:
                data = cmap.get_object().get_data().decode("latin-1")
                for chars in re.findall(r"beginbfchar(.*?)endbfchar", data, re.S):
                    entries += re.findall(r"<([0-9A-Fa-f]+)> <([0-9A-Fa-f]+)>", chars)
    assert entries
    for _code, dest in entries:
        assert len(dest) % 4 == 0, dest
        decoded = bytes.fromhex(dest).decode("utf-16-be")  # raises on a lone surrogate
        assert decoded
    targets = {bytes.fromhex(d).decode("utf-16-be") for _c, d in entries}
    assert {"𝕏", "𝟙", "😀"} <= targets


# --- labels in the article's language, the title once --------------------------------

FR_LABELS = ("Texte annoté", "Affirmations", "Auteur", "Sources", "Réfute l’affirmation")
EN_LABELS = ("Annotated text", "Claims", "Claimant", "Sources", "Refutes the claim")


@pytest.fixture
def two_languages(store):
    """A French and an English article, each with one claim with a refuting source and
    a rationale."""
    from desktop.core.claims import update_claim
    from desktop.core.sources import add_source

    fr = _article(store, ["Le chômage baisse", "Le chômage a baissé de 50 % en 2023."], ["50 %"])
    en = _article(
        store,
        ["Unemployment falls", "Unemployment fell by half in 2023."],
        ["by half"],
        language="en-GB",
    )
    with store.transaction() as s:
        for report in load_reports(s, [fr, en]):
            (claim,) = report.claims
            update_claim(s, claim.id, rationale="INSEE says otherwise.", status="review")
            add_source(s, claim.id, url="https://insee.example/", title="INSEE", stance="refutes")
    return fr, en


def _visible_html(data: bytes) -> str:
    html = data.decode()
    body = html.split("<body>", 1)[1]
    return unescape(re.sub(r"<[^>]+>", " ", body))


def test_report_language_follows_the_article_or_the_setting():
    assert report_language("fr") == report_language("fr-CA") == report_language("FR_be") == "fr"
    assert report_language("en") == report_language("de") == report_language("") == "en"
    assert report_language("de", "fr") == "fr" and report_language("fr", "en") == "en"
    assert report_language("fr", "xx") == "fr"  # an unknown setting falls back


def test_html_speaks_the_article_language(store, two_languages):
    fr, en = two_languages
    french = render(_reports(store, fr), "html", _options()).data
    english = render(_reports(store, en), "html", _options()).data
    assert b'<html lang="fr">' in french and b'<html lang="en">' in english
    shown_fr, shown_en = _visible_html(french), _visible_html(english)
    for label in (*FR_LABELS, "Analyse", "En relecture", "Vérifié par Zoé", "Exporté le"):
        assert label in shown_fr, label
    for label in (*EN_LABELS, "Rationale", "In review", "Checked by Zoé", "Exported"):
        assert label in shown_en, label
    assert "Faux" in shown_fr and "False" in shown_en  # the shipped scale's verdicts
    for english_label in ("Annotated text", "Claimant", "Refutes the claim", "In review"):
        assert english_label not in shown_fr
    # the article's text keeps its own language tag under English labels
    assert b'lang="en-GB"' in english


def test_the_setting_overrides_the_article_language(store, two_languages):
    fr, _en = two_languages
    data = render(_reports(store, fr), "html", _options(report_language="en")).data
    assert b'<html lang="en">' in data and b'<div class="text" lang="fr">' in data
    assert all(label in _visible_html(data) for label in EN_LABELS)


def test_a_report_of_several_articles_labels_each_in_its_language(store, two_languages):
    fr, en = two_languages
    shown = _visible_html(render(_reports(store, fr, en), "html", _options()).data)
    french_part, english_part = shown.split("Unemployment falls", 1)
    assert "Tous les verdicts" in french_part and "Texte annoté" in french_part
    assert "Annotated text" in english_part and "Refutes the claim" in english_part
    assert "Annotated text" not in french_part


@pytest.mark.parametrize("fmt", ["pdf", "md", "docx"])
def test_other_reports_speak_the_article_language(store, two_languages, fmt):
    fr, en = two_languages

    def text(article_id, **options):
        data = render(_reports(store, article_id), fmt, _options(**options)).data
        if fmt == "pdf":
            from pypdf import PdfReader

            return " ".join(p.extract_text() for p in PdfReader(io.BytesIO(data)).pages)
        if fmt == "docx":
            import docx

            return "\n".join(p.text for p in docx.Document(io.BytesIO(data)).paragraphs)
        return data.decode()

    def has(haystack: str, label: str) -> bool:
        return label.casefold() in haystack.replace("\xa0", " ").casefold()

    french, english, forced = text(fr), text(en), text(fr, report_language="en")
    for label in (*FR_LABELS, "Analyse", "Faux"):
        assert has(french, label), (fmt, label)
    for label in (*EN_LABELS, "Rationale", "False"):
        assert has(english, label) and has(forced, label), (fmt, label)
        if label not in ("Sources",):
            assert not has(french, label), (fmt, label)
    if fmt == "pdf":
        assert "Page 1 sur 1" in french and "Page 1 of 1" in english


@pytest.mark.parametrize("fmt", ["html", "pdf", "md", "docx"])
def test_the_title_is_shown_once(store, fmt):
    """The title line of the text is the report's heading, with its highlight and number,
    and is not repeated as the first line of the annotated text."""
    title = "Réforme : le ministre 🇫🇷 s’explique"
    article_id = _article(
        store, [title, "Le ministre a parlé hier soir."], ["le ministre 🇫🇷", "a parlé"]
    )
    data = render(_reports(store, article_id), fmt, _options()).data
    footers = 0
    if fmt == "html":
        heading = data.decode().split("<h1>", 1)[1].split("</h1>", 1)[0]
        assert "<mark " in heading and '<sup class="n">' in heading
        shown = _visible_html(data)
    elif fmt == "pdf":
        from pypdf import PdfReader

        pages = PdfReader(io.BytesIO(data)).pages
        shown = " ".join(p.extract_text() for p in pages)
        assert "Réforme : le ministre □□ 1 s’explique" in shown
        footers = len(pages)  # each page's footer names the report
    elif fmt == "docx":
        import docx

        paragraphs = docx.Document(io.BytesIO(data)).paragraphs
        (heading,) = [p for p in paragraphs if p.style.name == "Heading 1"]
        assert heading.text == "Réforme : le ministre 🇫🇷1 s’explique"
        shown = "\n".join(p.text for p in paragraphs)
    else:
        shown = data.decode()
        assert shown.startswith("# Réforme : **le ministre 🇫🇷** \\[1 · Faux\\] s’explique\n")
    assert shown.count("Réforme") == 1 + footers, (fmt, shown)


# --- settings and the command line ----------------------------------------------------


def test_report_language_setting_reaches_the_options():
    from desktop.core.exporters import options_from_settings
    from desktop.core.settings import Settings, load, save

    assert Settings().report_language == "" and ExportOptions().report_language == ""
    save(Settings(report_language="en"))
    assert load().report_language == "en"
    assert options_from_settings().report_language == "en"
    assert options_from_settings(report_language="fr").report_language == "fr"


def test_cli_report_language(capsys, tmp_path, db_path):
    from desktop.cli import main
    from desktop.core.settings import Settings, save
    from desktop.core.store import open_store

    store = open_store(db_path)
    try:
        article_id = _article(store, ["Titre", "Le mot, dit-il, est faux."], [", dit-il,"])
    finally:
        store.close()
    save(Settings(report_language="en"))
    for flag, heading in ((None, "## Annotated text"), ("article", "## Texte annoté")):
        argv = ["export", "--db", str(db_path), str(article_id), "-f", "md", "-o", "-"]
        if flag:
            argv += ["--report-language", flag]
        assert main(argv) == 0
        out, _err = capsys.readouterr()
        assert heading in out
    with pytest.raises(SystemExit) as exc:
        main(argv[:-2] + ["--report-language", "de"])
    assert exc.value.code == 2 and "invalid choice: 'de'" in capsys.readouterr().err


def test_settings_dialog_saves_the_report_language(qtbot, store):
    from desktop.core import settings
    from desktop.ui.settings_dialog import SettingsDialog
    from desktop.ui.workbench import Workbench

    dialog = SettingsDialog(Workbench(store))
    qtbot.addWidget(dialog)
    combo = dialog.report_language
    assert [combo.itemData(i) for i in range(combo.count())] == ["", "fr", "en"]
    assert combo.currentData() == ""
    combo.setCurrentIndex(combo.findData("fr"))
    dialog.accept()
    assert settings.load().report_language == "fr"
    assert dialog.wb.settings.report_language == "fr"


# --- file modes -----------------------------------------------------------------------

posix_only = pytest.mark.skipif(
    sys.platform == "win32", reason="POSIX permission bits (Windows has none to check)"
)


@pytest.fixture
def umask():
    """Set the process umask for one test, and put the old one back."""
    old = os.umask(0o022)
    os.umask(old)
    yield lambda value: os.umask(value)
    os.umask(old)


@posix_only
@pytest.mark.parametrize("fmt", ["html", "pdf", "md"])
def test_a_new_export_gets_the_usual_mode(store, tmp_path, umask, fmt):
    article_id = _article(store, ["Titre", "Le mot, dit-il, est faux."], [", dit-il,"])
    umask(0o022)
    dest = tmp_path / f"report.{fmt}"
    export(store, [article_id], fmt, dest, _options())
    assert dest.stat().st_mode & 0o7777 == 0o644
    umask(0o077)
    private = tmp_path / f"private.{fmt}"
    export(store, [article_id], fmt, private, _options())
    assert private.stat().st_mode & 0o7777 == 0o600
    assert not list(tmp_path.glob(".*.part"))


@posix_only
def test_an_overwritten_export_keeps_its_mode(store, tmp_path, umask):
    article_id = _article(store, ["Titre", "Le mot, dit-il, est faux."], [", dit-il,"])
    dest = tmp_path / "report.html"
    dest.write_text("old")
    dest.chmod(0o640)
    umask(0o022)
    export(store, [article_id], "html", dest, _options())
    assert dest.stat().st_mode & 0o7777 == 0o640
    assert dest.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    dest.chmod(0o664)
    umask(0o077)  # a stricter umask does not narrow an existing file's mode either
    export(store, [article_id], "html", dest, _options())
    assert dest.stat().st_mode & 0o7777 == 0o664
    assert not list(tmp_path.glob(".*.part"))


@posix_only
def test_a_failed_export_leaves_the_old_file_and_no_temporary(store, tmp_path, monkeypatch):
    from desktop.core.errors import FactdeskError

    article_id = _article(store, ["Titre", "Le mot, dit-il, est faux."], [", dit-il,"])
    dest = tmp_path / "report.html"
    dest.write_text("old")
    dest.chmod(0o640)

    def refuse(src, dst):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(os, "replace", refuse)
    with pytest.raises(FactdeskError, match="cannot be written"):
        export(store, [article_id], "html", dest, _options())
    assert dest.read_text() == "old" and dest.stat().st_mode & 0o7777 == 0o640
    assert not list(tmp_path.glob(".*.part"))
