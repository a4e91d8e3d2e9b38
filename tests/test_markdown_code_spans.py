"""A rationale written into the Markdown report renders with no raw HTML element, whatever
the viewer allows (issue 19, item 2).

The Markdown exporter rebuilds each rationale from its parsed form. A code span or a code
block whose fence is shorter than a backtick run inside it closes early, and what follows
is read as Markdown again: with raw HTML on (markdown-it's `html=True`, GitHub-like
viewers, many wikis) an `<img>` or `<script>` in the code became an element. These tests
render the exported Markdown with raw HTML allowed and look for any active element.
"""

from __future__ import annotations

from datetime import UTC, datetime
from html.parser import HTMLParser

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt

from desktop.core.exporters.markdown import code_span, rationale_md
from desktop.core.exporters.rationale import to_paras

BEACON = '<img src="http://127.0.0.1:8765/beacon"><script>…</script>'
# The issue's rationale: one code span with a double backtick inside.
ISSUE_EXAMPLE = f"`x``{BEACON}`"
# The same, as the issue wrote it (double-backtick delimiters around the whole span).
ISSUE_EXAMPLE_FENCED = f"`` `x``{BEACON}` ``"

# Tags the report itself may write (emphasis that cannot flank is <strong>/<em>).
ALLOWED = {
    "p", "code", "pre", "strong", "em", "a", "ul", "ol", "li", "blockquote", "br", "hr",
    "h1", "h2", "h3", "h4", "h5", "h6",
}  # fmt: skip


def viewer() -> MarkdownIt:
    """A permissive viewer: CommonMark with raw HTML passed through."""
    return MarkdownIt("commonmark", {"html": True})


class _Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict]] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))

    handle_startendtag = handle_starttag


def assert_inert(markdown: str) -> None:
    html = viewer().render(markdown)
    lowered = html.lower()
    for needle in ("<script", "<img", "<iframe", "<svg", "<object", "<embed"):
        assert needle not in lowered, (markdown, html)
    parser = _Tags()
    parser.feed(html)
    parser.close()
    for tag, attrs in parser.tags:
        assert tag in ALLOWED, (tag, markdown, html)
        for name in attrs:
            assert not name.startswith("on"), (name, markdown, html)
            assert name in {"href", "start", "title"}, (name, markdown, html)


def written(source: str) -> str:
    return "\n".join(rationale_md(source))


def codes(source: str) -> list[str]:
    return [s.text for p in to_paras(source) for s in p.spans if s.code]


def test_the_issue_example_renders_no_element():
    for source in (ISSUE_EXAMPLE, ISSUE_EXAMPLE_FENCED):
        out = written(source)
        assert_inert(out)
        html = viewer().render(out)
        assert "&lt;img" in html and "&lt;script&gt;" in html  # shown, as code
        assert codes(out) == codes(source)  # the code reads back exactly


def test_the_issue_example_in_a_whole_report(store, seed_article):
    from desktop.core.claims import create_claim_from_quote
    from desktop.core.exporters import ExportOptions, load_reports, render

    with store.transaction() as s:
        create_claim_from_quote(
            s, seed_article, "Starlink", rationale=f"Voir {ISSUE_EXAMPLE} et {ISSUE_EXAMPLE_FENCED}"
        )
    with store.read() as s:
        reports = load_reports(s, [seed_article])
    options = ExportOptions(exported_at=datetime(2024, 5, 6, tzinfo=UTC))
    report = render(reports, "md", options).data.decode()
    assert "beacon" in report
    assert_inert(report)


def test_code_span_fences_match_no_run_inside():
    assert code_span("x") == "`x`"
    assert code_span("a`b") == "``a`b``"
    assert code_span("x``y") == "`x``y`"
    assert code_span("`x```y") == "`` `x```y ``"
    assert code_span("a`b``c") == "```a`b``c```"
    assert code_span(" a ") == "`  a  `"
    assert code_span("   ") == "`   `"
    for text in ("x", "a`b", "x``y", "`x```y", " a ", "   ", "`", "``", "a ` b"):
        assert codes(code_span(text)) == [text]


def test_code_blocks_keep_their_backticks_and_stay_closed():
    source = "```````\nline\n````\n<script>x</script>\n```` `\n```````\n"
    out = written(source)
    assert_inert(out)
    assert codes(out) == codes(source) == ["line\n````\n<script>x</script>\n```` `"]


HTML = st.sampled_from(
    [
        "<script>alert(1)</script>",
        '<img src="http://127.0.0.1:1/b">',
        "<img src=x onerror=alert(1)>",
        '<iframe src="http://127.0.0.1:1/">',
        "<svg onload=alert(1)>",
        '<a href="javascript:alert(1)" onclick="x">',
        "<!-- c -->",
        "</code>",
        "<p onmouseover=x>",
    ]
)
PIECE = st.one_of(
    HTML,
    st.text(alphabet="`", min_size=1, max_size=7),
    st.text(alphabet="~", min_size=1, max_size=5),
    st.sampled_from(
        [
            " ",
            "  ",
            "\n",
            "\n\n",
            "\n    ",
            "x",
            "mot",
            "*",
            "**",
            "_",
            "[",
            "]",
            "(",
            ")",
            "<",
            ">",
            "\\",
            "!",
            "#",
            "> ",
            "- ",
            "1. ",
            "&amp;",
            "&#60;",
            '"',
            "'",
            "|",
            "[lien](http://example.org/a)",
            "![i](http://127.0.0.1:1/i.png)",
            "<http://x.org>",
        ]
    ),  # fmt: skip
    st.text(max_size=4),
)


@st.composite
def rationales(draw) -> str:
    pieces = draw(st.lists(PIECE, max_size=14))
    # and code spans built on purpose: a fence around content holding other runs
    for _ in range(draw(st.integers(0, 2))):
        inner = "".join(draw(st.lists(PIECE, max_size=5)))
        fence = "`" * draw(st.integers(1, 3))
        pieces.insert(draw(st.integers(0, len(pieces))), f"{fence}{inner}{fence}")
    return "".join(pieces)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(rationales())
@example(ISSUE_EXAMPLE)
@example(ISSUE_EXAMPLE_FENCED)
@example("``` \n<script>x</script>\n```")
@example("~~~\n````\n<img src=x onerror=y>\n~~~")
@example("- `a``<img src=x>`\n  `` ` ``")
def test_any_rationale_renders_with_no_raw_html_element(source):
    out = written(source)
    assert_inert(out)
    # and each code span or block reads back as the very code the rationale held
    assert codes(out) == codes(source)
