"""The period report (`factdesk export --period`): the desk's summary with its charts,
then the articles with claims counted in the period, in HTML, PDF, Markdown and Word."""

from __future__ import annotations

import io
import re
import zipfile
from datetime import UTC, date, datetime
from html.parser import HTMLParser

import pytest

from desktop.cli import main
from desktop.core import stats
from desktop.core.errors import FactdeskError
from desktop.core.exporters import ExportOptions, load_reports, render
from desktop.core.exporters.period import export_period, period_reports
from desktop.core.stats import Period
from tests.test_stats import build_desk

MARCH_APRIL = Period(date(2024, 3, 1), date(2024, 4, 30))
OPTIONS = ExportOptions(checker_name="Zoé", exported_at=datetime(2024, 5, 6, tzinfo=UTC))


@pytest.fixture
def desk(store):
    build_desk(store)
    return store


def _expected(store, period: Period) -> dict[int, set[int]]:
    """article id → its claims counted in the period, asked of the figures' own query."""
    with store.read() as s:
        rows, _total = stats.claims_in(s, period, limit=10_000)
    out: dict[int, set[int]] = {}
    for row in rows:
        out.setdefault(row.article_id, set()).add(row.id)
    return out


def _html(store, period=MARCH_APRIL, **kw) -> str:
    out = io.BytesIO()
    export_period(store, period, "html", out, OPTIONS, **kw)
    return out.getvalue().decode("utf-8")


def test_the_report_holds_the_claims_of_the_period_and_their_articles(desk):
    expected = _expected(desk, MARCH_APRIL)
    with desk.read() as s:
        reports = period_reports(s, MARCH_APRIL)
    assert {r.article.id: {c.id for c in r.claims} for r in reports} == expected
    html = _html(desk)
    shown = re.findall(r'<article class="report" id="article-([0-9a-f]+)"', html)
    assert shown == [r.article.uid for r in reports]
    cards = re.findall(r'<section class="card" id="claim-([0-9a-f]+)"', html)
    assert sorted(cards) == sorted(c.uid for r in reports for c in r.claims)


def test_html_opens_with_the_summary_and_its_charts(desk):
    html = _html(desk)
    head, articles = html.split('<article class="report"', 1)
    assert "Vérifications du 2024-03-01 au 2024-04-30" in head  # the articles are French
    assert "<title>Vérifications du 2024-03-01 au 2024-04-30</title>" in html
    svgs = re.findall(r"<svg .*?</svg>", head, re.S)
    assert len(svgs) >= 5 and "<svg" not in articles
    with desk.read() as s:
        fig = stats.figure(s, "verdict", MARCH_APRIL)
    import xml.etree.ElementTree as ET

    verdict_svg = ET.fromstring(svgs[0])
    numbers = [t.text for t in verdict_svg.iter("{http://www.w3.org/2000/svg}text")]
    for bar in fig.bars:
        assert str(bar.count) in numbers
    assert f"({fig.total} affirmations" in head
    # every chart's numbers as a table too
    assert head.count("<table>") == len(svgs)
    assert '<th scope="row">Faux</th><td>' in head


def test_filters_narrow_the_report(desk):
    with desk.read() as s:
        reports = period_reports(s, MARCH_APRIL, stats.Filters(claimant="Élysée"))
    assert reports and all(c.claimant == "Élysée" for r in reports for c in r.claims)
    html = _html(desk, filters=stats.Filters(claimant="Élysée"))
    total = sum(len(r.claims) for r in reports)
    assert f"({total} affirmation" in html


def test_an_empty_period_is_refused(desk, tmp_path):
    with pytest.raises(FactdeskError, match="no claim counts in the period"):
        export_period(
            desk, Period(date(2030, 1, 1), date(2030, 1, 31)), "html", tmp_path / "x.html"
        )
    with pytest.raises(FactdeskError, match="a period report is a document"):
        export_period(desk, MARCH_APRIL, "csv", tmp_path / "x.csv")
    assert not (tmp_path / "x.html").exists() and not (tmp_path / "x.csv").exists()


def test_pdf_shows_the_summary_first_then_the_articles(db_path, desk):
    from pypdf import PdfReader

    data = render(_period_reports(desk), "pdf", _options()).data
    pages = [p.extract_text() for p in PdfReader(io.BytesIO(data)).pages]
    first = pages[0]
    assert "Vérifications du 2024-03-01 au 2024-04-30" in first
    assert "Affirmations par verdict" in first and "Affirmations par mois" in first
    with desk.read() as s:
        fig = stats.figure(s, "verdict", MARCH_APRIL)
    assert f"TOUS LES VERDICTS ({fig.total} AFFIRMATIONS)" in first
    assert "Article " not in first  # the articles start after the summary's page break
    assert any("Article " in p for p in pages[1:])


def test_markdown_and_word_carry_the_numbers_as_tables(db_path, desk):
    import docx

    reports = _period_reports(desk)
    md = render(reports, "md", _options()).data.decode()
    assert md.startswith("# Vérifications du 2024-03-01 au 2024-04-30")
    assert "## Synthèse" in md and "| Verdict | Affirmations |" in md
    with desk.read() as s:
        fig = stats.figure(s, "verdict", MARCH_APRIL)
    false = next(b for b in fig.bars if b.label == "False")
    assert f"| Faux | {false.count} |" in md
    document = docx.Document(io.BytesIO(render(reports, "docx", _options()).data))
    tables = document.tables
    assert len(tables) >= 5
    cells = [[c.text for c in row.cells] for row in tables[0].rows]
    assert cells[0] == ["Verdict", "Affirmations"] and ["Faux", str(false.count)] in cells


def test_a_report_of_several_articles_gains_the_summary_one_article_does_not(db_path, desk):
    with desk.read() as s:
        two = load_reports(s, [1, 2])
        one = load_reports(s, [1])
    several = render(two, "html", OPTIONS).data.decode()
    assert several.count("<svg") >= 3 and "<svg" not in render(one, "html", OPTIONS).data.decode()
    assert "Affirmations par verdict" in several


class _Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict]] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))


def test_hostile_names_stay_text_in_the_charts(store):
    from desktop.core.articles import add_article
    from desktop.core.claims import create_claim_from_quote
    from desktop.core.importers import ParsedArticle

    bad = "<script>document.title='pwned'</script><img src=x onerror=alert(1)>\"'&"
    with store.transaction() as s:
        for n in range(2):
            article_id = add_article(
                s,
                ParsedArticle(
                    paragraphs=["Titre", f"Le maire a dit {n}."], title="Titre", outlet=bad
                ),
            ).article_id
            create_claim_from_quote(
                s, article_id, f"a dit {n}", claimant=bad, checker=bad, tags=[bad]
            )
    html = _html(store, Period())
    parser = _Tags()
    parser.feed(html)
    svg_parts = {"svg", "title", "desc", "rect", "text", "line"}
    for tag, attrs in parser.tags:
        assert tag not in {"img", "iframe", "object", "embed", "foreignobject"}, tag
        assert not any(name.startswith("on") for name in attrs), (tag, attrs)
        if tag == "script":
            assert attrs.get("type") == "application/ld+json"
    assert {t for t, _ in parser.tags} & svg_parts
    assert "&lt;script&gt;document.title" in html


def test_cli_period_export(capsys, tmp_path, db_path, desk):
    dest = tmp_path / "round-up.md"
    code = main(
        [
            "export",
            "--db",
            str(db_path),
            "--period",
            "2024-03",
            "2024-04",
            "-f",
            "md",
            "-o",
            str(dest),
        ]
    )
    _out, err = capsys.readouterr()
    assert code == 0, err
    expected = _expected(desk, MARCH_APRIL)
    claims = sum(len(v) for v in expected.values())
    assert f"(md, {len(expected)} article(s), {claims} claim(s))" in err
    assert dest.read_text(encoding="utf-8").startswith("# Vérifications du 2024-03-01")


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["1", "--period", "2024-03", "2024-04", "-f", "html"], "not both"),
        (["-f", "html"], "give the ids of the articles to export, or --period"),
        (["--period", "2024-03", "2024-04", "-f", "csv"], "html, pdf, md or docx"),
        (["--period", "2024-04", "2024-03", "-f", "html"], "before it starts"),
        (["--period", "March", "2024-03", "-f", "html"], "is not a date"),
        (["--period", "2031-01", "2031-02", "-f", "html"], "no claim counts in the period"),
    ],
)
def test_cli_period_mistakes_exit_2_with_one_line(capsys, tmp_path, db_path, desk, argv, message):
    code = main(["export", "--db", str(db_path), *argv, "-o", str(tmp_path / "out")])
    out, err = capsys.readouterr()
    assert code == 2 and out == ""
    assert len(err.strip().splitlines()) == 1 and message in err, err
    assert not (tmp_path / "out").exists()


def _period_reports(store):
    with store.read() as s:
        return period_reports(s, MARCH_APRIL)


def _options():
    from dataclasses import replace

    return replace(OPTIONS, period=MARCH_APRIL)


def test_word_file_is_a_sound_zip(db_path, desk):
    data = render(_period_reports(desk), "docx", _options()).data
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        assert archive.testzip() is None
