"""Text that breaks offset arithmetic: the highlight stays on exactly the quote, everywhere.

Each case imports a file through the CLI (the NUL case is pasted, since a file holding
NUL bytes is refused as binary), tags the quote with `factdesk claim add`, and then
checks the highlight in `factdesk claims --json`, in the window (the extra selection Qt
paints), and in every export: the Web Annotation and JSON offsets, the HTML <mark>, the
Markdown bold (rendered), the DOCX shaded runs, the CSV quote column, and the report
model the PDF is drawn from.
"""

from __future__ import annotations

import csv
import io
import json
import os
import subprocess
import sys
import unicodedata
from dataclasses import dataclass
from html.parser import HTMLParser

import pytest

from tests.conftest import ROOT


@dataclass(frozen=True)
class Case:
    name: str
    raw: str  # the file's text
    quote: str  # what the checker types
    encoding: str = "utf-8"
    pasted: bool = False


LONG = " ".join(
    f"Phrase {n} du très long paragraphe, sans aucun saut de ligne." for n in range(1200)
)
CASES = [
    Case(
        "emoji and astral characters",
        "Titre 🇫🇷\n\nLe 𝕏 ministre 👩🏽‍💻 a dit « 😀 tout va bien 👍🏽 » hier 🎉.",
        "« 😀 tout va bien 👍🏽 »",
    ),
    Case(
        "combining accents",
        "Titre\n\nLe ministre a de\u0301clare\u0301 que l’e\u0301conomie allait tre\u0300s bien.",
        "de\u0301clare\u0301 que l’e\u0301conomie",
    ),
    Case(
        "right-to-left text",
        "Titre\n\nLe ministre a dit « مرحبا بالعالم » puis « שָׁלוֹם עוֹלָם » en conférence.",
        "« مرحبا بالعالم » puis « שָׁלוֹם עוֹלָם »",
    ),
    Case(
        "CRLF line ends",
        "Titre\r\n\r\nPremière ligne.\r\nSuite du paragraphe « ici la citation » fin.\r\n",
        "« ici la citation »",
    ),
    Case(
        "control characters",
        "Titre\n\nLe\x07 ministre\x1b a dit\x0b « la vérité\x7f est là » hier\x0c.",
        "« la vérité est là »",
    ),
    Case(
        "NUL characters (pasted)",
        "Titre\n\nLe\x00 ministre a dit\x00 « rien\x00 à signaler » hier.",
        "« rien à signaler »",
        pasted=True,
    ),
    Case("one very long paragraph", "Titre\n\n" + LONG, "Phrase 1199 du très long paragraphe"),
]


def cli(db, *args: str) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k != "FACTDESK_DB"}
    env.update(PYTHONIOENCODING="utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "desktop", *args, "--db", str(db)],
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=env,
        cwd=ROOT,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    return result


class Marks(HTMLParser):
    """Text inside <mark> (the HTML report) or <strong> (rendered Markdown) elements."""

    def __init__(self, tag: str) -> None:
        super().__init__(convert_charrefs=True)
        self.tag, self.depth, self.found, self.current = tag, 0, [], ""

    def handle_starttag(self, tag, attrs):
        if tag == self.tag:
            self.depth += 1

    def handle_endtag(self, tag):
        if tag == self.tag:
            self.depth -= 1
            self.found.append(self.current)
            self.current = ""

    def handle_data(self, data):
        if self.depth:
            self.current += data


def marked(html: str, tag: str) -> list[str]:
    parser = Marks(tag)
    parser.feed(html)
    return parser.found


@pytest.fixture(scope="module")
def _qsettings(tmp_path_factory):
    from PySide6.QtCore import QSettings

    folder = tmp_path_factory.mktemp("qs")
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(folder))


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_highlight_stays_on_the_quote(qtbot, tmp_path, case, _qsettings):
    from desktop.core.exporters import ExportOptions, load_reports, render
    from desktop.core.exporters.document import build
    from desktop.core.store import open_store

    db = tmp_path / "lib.sqlite3"
    if case.pasted:
        from desktop.core.articles import add_article
        from desktop.core.importers import parse_text

        store = open_store(db)
        with store.transaction() as s:
            article_id = add_article(s, parse_text(case.raw, source_name="clipboard")).article_id
        store.close()
    else:
        path = tmp_path / "article.txt"
        path.write_bytes(case.raw.encode(case.encoding))
        article_id = int(cli(db, "import", str(path)).stdout)
    claim_id = int(cli(db, "claim", "add", str(article_id), "--quote", case.quote).stdout)
    exact = unicodedata.normalize("NFC", case.quote)

    # The CLI: offsets in code points into the stored text (what `show` prints).
    from desktop.core.views import get_article

    store = open_store(db)
    with store.read() as s:
        text = get_article(s, article_id).text
    store.close()
    (claim,) = json.loads(cli(db, "claims", str(article_id), "--json").stdout)
    (h,) = claim["highlights"]
    assert claim["id"] == claim_id
    assert text[h["start"] : h["end"]] == h["exact"] == exact
    for bad in ("\x00", "\r", "\x07", "\x1b", "\x0b", "\x0c", "\x7f"):
        assert bad not in text
    start, end = h["start"], h["end"]

    # Every export.
    store = open_store(db)
    try:
        with store.read() as s:
            reports = load_reports(s, [article_id])
        options = ExportOptions(organization_name="Vérif", checker_name="Zoé")
        data = {fmt: render(reports, fmt, options).data for fmt in ("html", "md", "docx")}
        for fmt in ("json", "webannotation", "csv"):
            data[fmt] = render(reports, fmt, options).data
        render(reports, "pdf", options)  # draws from the model checked below, without error
        model = build(reports, options)
    finally:
        store.close()

    anno = json.loads(data["webannotation"])
    items = anno["first"]["items"]
    (target,) = [a["target"] for a in items]
    selectors = {sel["type"]: sel for sel in target["selector"]}
    assert (
        selectors["TextPositionSelector"]["start"],
        selectors["TextPositionSelector"]["end"],
    ) == (
        start,
        end,
    )
    assert selectors["TextQuoteSelector"]["exact"] == exact

    dumped = json.loads(data["json"])
    json_h = [hl for a in dumped["articles"] for c in a["claims"] for hl in c["highlights"]]
    assert [(x["start"], x["end"], x["exact"]) for x in json_h] == [(start, end, exact)]

    assert "".join(marked(data["html"].decode("utf-8"), "mark")) == exact

    from markdown_it import MarkdownIt

    md_html = MarkdownIt("commonmark").render(data["md"].decode("utf-8"))
    assert exact in marked(md_html, "strong")

    import docx

    document = docx.Document(io.BytesIO(data["docx"]))
    shaded = "".join(
        run.text
        for p in document.paragraphs
        for run in p.runs
        if run._r.rPr is not None
        and run._r.rPr.find(docx.oxml.ns.qn("w:shd")) is not None
        and run.text.strip(" \u00a0")
        and not run.bold
    )
    assert exact in shaded

    rows = list(csv.DictReader(io.StringIO(data["csv"].decode("utf-8-sig"))))
    assert [r["quote"] for r in rows] == [exact]

    runs = [r for a in model.articles for b in a.blocks for r in b.runs if r.claims]
    assert "".join(r.text for r in runs) == exact

    # The window: the extra selection Qt paints covers exactly the quote.
    from PySide6.QtGui import QTextCursor

    from desktop.ui.main_window import MainWindow
    from desktop.ui.workbench import Workbench

    window = MainWindow(Workbench(open_store(db)))
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.open_article(article_id)
    view = window.article.text
    (span,) = view._spans  # UTF-16 positions, as Qt counts
    cursor = QTextCursor(view.document())
    cursor.setPosition(span.start)
    cursor.setPosition(span.end, QTextCursor.MoveMode.KeepAnchor)
    assert cursor.selectedText() == exact
    window.select_claim(claim_id)  # scrolls to it: the painted selection is the quote
    qtbot.waitUntil(
        lambda: [sel.cursor.selectedText() for sel in view.extraSelections()] == [exact],
        timeout=10000,
    )
