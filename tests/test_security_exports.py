"""Every field a user can type, in every export format, comes out as inert text.

Each typed field carries its own payload: a script that would set document.title, an
<img onerror> and an <svg onload> that would add an element, quotes and ampersands to
break out of attributes. Each format is checked with the parser its readers use, and the
HTML report is opened in headless Chromium to prove that nothing ran (with a control
page showing that the same harness does see scripts that run).
"""

from __future__ import annotations

import csv
import io
import json
import re
import shutil
import subprocess
import zipfile
from datetime import UTC, datetime
from html.parser import HTMLParser
from pathlib import Path

import pytest

CHROMIUM = Path("/usr/bin/chromium")


def payload(code: str) -> str:
    """At most 100 characters (the shortest field limit), unique to its field."""
    mark = f"pwned-{code}"
    return (
        f"{code}<script>document.title='{mark}'</script>"
        f"<img src=x onerror=\"document.body.id='{mark}'\">\"'&"
    )


FIELDS = (
    "article_title outlet author url claim_text claimant appearance_url rationale checker "
    "tag source_url source_title publisher source_author archive_url notes excerpt "
    "rating_label organization_name organization_url option_checker review_url"
).split()
P = {name: payload(f"f{n}") for n, name in enumerate(FIELDS)}
TEXT = "Le ministre a dit que tout allait bien.\n\nL’opposition affirme le contraire."


@pytest.fixture
def hostile(store):
    """An article, a rated claim and a source with a payload in every typed field."""
    from desktop.core.articles import add_article
    from desktop.core.claims import create_claim_from_quote
    from desktop.core.exporters import ExportOptions, load_reports
    from desktop.core.importers import ParsedArticle
    from desktop.core.ratings import add_rating
    from desktop.core.sources import add_source

    with store.transaction() as s:
        article_id = add_article(
            s,
            ParsedArticle(
                paragraphs=TEXT.split("\n\n"),
                title=P["article_title"],
                outlet=P["outlet"],
                authors=[P["author"]],
                url=P["url"],
                language="fr",
            ),
        ).article_id
        rating = add_rating(s, label=P["rating_label"], color="#c62828", value=1)
        claim, _ = create_claim_from_quote(
            s,
            article_id,
            "tout allait bien",
            text=P["claim_text"],
            claimant=P["claimant"],
            appearance_url=P["appearance_url"],
            rationale=P["rationale"],
            checker=P["checker"],
            tags=[P["tag"]],
            rating_id=rating.id,
        )
        add_source(
            s,
            claim.id,
            url=P["source_url"],
            title=P["source_title"],
            publisher=P["publisher"],
            author=P["source_author"],
            archive_url=P["archive_url"],
            notes=P["notes"],
            excerpt=P["excerpt"],
            stance="refutes",
        )
    with store.read() as s:
        reports = load_reports(s, [article_id])
    options = ExportOptions(
        organization_name=P["organization_name"],
        organization_url=P["organization_url"],
        checker_name=P["option_checker"],
        review_url=P["review_url"],
        exported_at=datetime(2024, 5, 6, tzinfo=UTC),
    )
    return reports, options


def rendered(hostile, fmt: str) -> bytes:
    from dataclasses import replace

    from desktop.core.exporters import render

    reports, options = hostile
    # Every claim in the ClaimReview too, published or not: all the typed text is tried.
    return render(reports, fmt, replace(options, claimreview_drafts=True)).data


ACTIVE = re.compile(r"<\s*(script|img|svg|iframe|object|embed)\b|\bon(error|load)\s*=", re.I)


class _Elements(HTMLParser):
    """Tags, attributes and script bodies of a page, as a browser's tokenizer sees them."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict]] = []
        self.scripts: list[str] = []
        self.title = ""
        self._in: str | None = None

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))
        self._in = tag

    def handle_endtag(self, tag):
        self._in = None

    def handle_data(self, data):
        if self._in == "script":
            self.scripts.append(data)
        elif self._in == "title":
            self.title += data


def elements(html: str) -> _Elements:
    parser = _Elements()
    parser.feed(html)
    return parser


def assert_inert_html(html: str) -> None:
    """No element or handler from the payloads; the only script is JSON-LD data."""
    page = elements(html)
    for tag, attrs in page.tags:
        assert tag not in {"img", "svg", "iframe", "object", "embed"}, (tag, attrs)
        assert not any(name.startswith("on") for name in attrs), (tag, attrs)
        for name in ("href", "src", "action"):
            value = (attrs.get(name) or "").strip().lower()
            assert not value.startswith(("javascript:", "data:")), (tag, attrs)
        if tag == "script":
            assert attrs.get("type") == "application/ld+json", attrs
    for body in page.scripts:
        json.loads(body)  # data, and it parses: no payload closed the element early


def test_html_report_is_inert(hostile):
    html = rendered(hostile, "html").decode("utf-8")
    assert_inert_html(html)
    for name in ("article_title", "claimant", "rationale", "excerpt", "rating_label"):
        code = P[name].split("<", 1)[0]
        assert f"{code}&lt;script&gt;" in html, name


def test_markdown_is_inert_even_where_raw_html_is_rendered(hostile):
    from markdown_it import MarkdownIt

    md = rendered(hostile, "md").decode("utf-8")
    html = MarkdownIt("commonmark", {"html": True}).render(md)  # the most permissive viewer
    assert_inert_html(html)
    assert P["claimant"].split("<", 1)[0] + "&lt;script&gt;" in html


def test_csv_cells_hold_the_typed_text(hostile):
    data = rendered(hostile, "csv").decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(data)))
    cells = {cell for row in rows[1:] for cell in row}
    for name in ("claim_text", "claimant", "checker", "rationale"):
        assert P[name] in cells, name
    assert not any(cell[:1] in "=+-@\t\r" for cell in cells if cell), "a formula cell"


@pytest.mark.parametrize("fmt", ["json", "claimreview", "webannotation"])
def test_json_formats_round_trip_the_typed_text_exactly(hostile, fmt):
    data = rendered(hostile, fmt).decode("utf-8")
    strings: list[str] = []

    def walk(node):
        if isinstance(node, dict):
            for key, value in node.items():
                strings.append(key)
                walk(value)
        elif isinstance(node, list):
            for item in node:
                walk(item)
        elif isinstance(node, str):
            strings.append(node)

    walk(json.loads(data))
    present = [name for name in FIELDS if any(P[name] in s for s in strings)]
    assert "claimant" in present and "claim_text" in present
    # A payload that appears at all appears whole: escaping never altered what was typed.
    for name in FIELDS:
        mark = "pwned-" + P[name].split("<", 1)[0] + "'"
        if any(mark in s for s in strings):
            assert any(P[name] in s for s in strings), name


def test_docx_keeps_payloads_as_text(hostile):
    import docx

    data = rendered(hostile, "docx")
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        xml = archive.read("word/document.xml").decode("utf-8")
        names = archive.namelist()
    assert "<script" not in xml and "<img" not in xml  # escaped as XML text
    assert not any(n.endswith((".bin", ".js")) or "activeX" in n for n in names)
    text = "\n".join(p.text for p in docx.Document(io.BytesIO(data)).paragraphs)
    assert P["claimant"] in text


def test_pdf_has_no_scripts_or_script_links(hostile):
    from pypdf import PdfReader

    data = rendered(hostile, "pdf")
    assert b"/JavaScript" not in data and b"/JS " not in data and b"/Launch" not in data
    reader = PdfReader(io.BytesIO(data))
    for page in reader.pages:
        for annot in page.get("/Annots") or []:
            uri = str(annot.get_object().get("/A", {}).get("/URI", ""))
            assert not uri.lower().startswith(("javascript:", "data:")), uri
    text = " ".join(page.extract_text() or "" for page in reader.pages)
    assert P["claimant"].split("<", 1)[0] + "<script>document.title" in "".join(text.split())


# --- a real browser ---------------------------------------------------------------------------


def chromium_dom(page: Path, profile: Path) -> str:
    """The DOM after Chromium loaded `page` and ran whatever it would run."""
    if not CHROMIUM.is_file() or not shutil.which(str(CHROMIUM)):
        pytest.skip(f"headless Chromium not installed ({CHROMIUM}); run .ci/install-chromium.sh")
    result = subprocess.run(
        [
            str(CHROMIUM),
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--disable-dev-shm-usage",
            f"--user-data-dir={profile}",
            "--virtual-time-budget=3000",
            "--dump-dom",
            page.as_uri(),
        ],
        capture_output=True,
        text=True,
        timeout=180,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    assert "<body" in result.stdout, result.stderr[-2000:]
    return result.stdout


def test_chromium_runs_scripts_of_a_control_page(tmp_path):
    """The harness sees scripts that do run, so the next test's silence means something."""
    page = tmp_path / "control.html"
    page.write_text(
        "<!doctype html><title>before</title><body><p>x</p>"
        "<script>document.title='ran'</script>"
        "<img src=x onerror=\"document.body.insertAdjacentHTML('beforeend','<i id=pwned-img>')\">",
        encoding="utf-8",
    )
    dom = chromium_dom(page, tmp_path / "profile")
    assert elements(dom).title == "ran"
    assert 'id="pwned-img"' in dom  # an onerror handler ran too


def test_no_script_runs_when_the_html_report_is_opened(tmp_path, hostile):
    page = tmp_path / "report.html"
    page.write_bytes(rendered(hostile, "html"))
    expected_title = elements(page.read_text(encoding="utf-8")).title
    dom = chromium_dom(page, tmp_path / "profile")
    after = elements(dom)
    assert after.title == expected_title  # no document.title='pwned-…' ran
    body = next(attrs for tag, attrs in after.tags if tag == "body")
    assert not (body.get("id") or "").startswith("pwned-")  # no onerror ran
    assert not any(tag in {"img", "svg", "iframe"} for tag, _ in after.tags)
    assert after.title.startswith("f0")  # the title is the typed text, shown as text
