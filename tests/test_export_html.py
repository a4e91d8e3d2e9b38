"""The standalone HTML report, read back with an HTML parser."""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser

import pytest

from desktop.core.exporters import render
from tests.conftest import STARLINK_QUOTE
from tests.test_export_fixtures import (  # noqa: F401 (fixtures)
    IMG,
    QUOTE_FALSE,
    QUOTE_TRUE,
    SCRIPT,
    library,
    make_options,
    options,
    reports,
)


class Page(HTMLParser):
    """Every element with its attributes and the text inside each script and mark."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.elements: list[tuple[str, dict]] = []
        self.scripts: list[tuple[dict, str]] = []
        self.marks: list[tuple[dict, str]] = []
        self.text: list[str] = []
        self._open: list[tuple[str, dict, list[str]]] = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        self.elements.append((tag, attrs))
        if tag in {"script", "mark", "style"}:
            self._open.append((tag, attrs, []))

    def handle_endtag(self, tag):
        if self._open and self._open[-1][0] == tag:
            name, attrs, parts = self._open.pop()
            if name == "script":
                self.scripts.append((attrs, "".join(parts)))
            elif name == "mark":
                self.marks.append((attrs, "".join(parts)))

    def handle_data(self, data):
        if self._open:
            self._open[-1][2].append(data)
        if not self._open or self._open[-1][0] == "mark":
            self.text.append(data)

    def find(self, tag, **wanted) -> list[dict]:
        return [
            a
            for t, a in self.elements
            if t == tag and all(a.get(k) == v for k, v in wanted.items())
        ]

    def by_class(self, cls: str) -> list[tuple[str, dict]]:
        return [(t, a) for t, a in self.elements if cls in (a.get("class") or "").split()]


def parse(data: bytes) -> Page:
    page = Page()
    page.feed(data.decode("utf-8"))
    page.close()
    return page


@pytest.fixture
def page(reports, options) -> Page:  # noqa: F811
    return parse(render(reports, "html", options).data)


def test_every_claim_has_a_card_in_its_verdict_colour(page, reports):  # noqa: F811
    cards = page.by_class("card")
    claims = reports[0].claims
    assert [a["id"] for _, a in cards] == [f"claim-{c.uid}" for c in claims]
    for (_, attrs), claim in zip(cards, claims, strict=True):
        color = claim.rating.color if claim.rating else "#94999c"
        assert attrs["style"] == f"--c:{color}"
    chips = [a["style"] for _, a in page.by_class("chip")]
    for colour in ("#630b20", "#ea7013", "#99e7af", "#94999c"):
        assert any(s.startswith(f"background:{colour}") for s in chips), colour


def test_the_verdict_summary_counts_each_rating(reports, options):  # noqa: F811
    html = render(reports, "html", options).data.decode()
    summary = html.split('<section class="summary">', 1)[1].split("</section>", 1)[0]
    chips = re.findall(r'style="background:(#[0-9a-f]{6});[^"]*">([^<]+) <b>(\d+)</b>', summary)
    # In the article's language (French): the shipped verdicts under their French names.
    assert chips == [
        ("#99e7af", "Plutôt vrai", "1"),
        ("#ea7013", "Trompeur", "1"),
        ("#630b20", "Faux", "1"),
        ("#94999c", "Non évalué", "1"),
    ]


def test_highlights_are_marked_numbered_and_coloured(page, reports):  # noqa: F811
    marked = "".join(text for _, text in page.marks)
    assert QUOTE_FALSE in marked and QUOTE_TRUE in marked
    false_mark = next(a for a, text in page.marks if text == "le chômage a ")
    assert "rgba(99, 11, 32, 0.26)" in false_mark["style"]
    overlap = next(a for a, text in page.marks if text.startswith("baissé de 50"))
    assert "rgba(99, 11, 32" in overlap["style"] and "rgba(234, 112, 19" in overlap["style"]
    numbers = [a for t, a in page.elements if t == "a" and a.get("href", "").startswith("#claim-")]
    claim_anchor = f"#claim-{reports[0].claims[1].uid}"
    # claim 2 rests on two spans, so its number appears twice
    assert [a["href"] for a in numbers].count(claim_anchor) == 2


def test_only_script_is_the_claimreview_json_ld(page, reports):  # noqa: F811
    assert [a for a, _ in page.scripts] == [{"type": "application/ld+json"}]
    reviews = json.loads(page.scripts[0][1])
    # Only published claims are published as ClaimReview (the others are in the report).
    published = [c for c in reports[0].claims if c.rating and c.status == "published"]
    assert published and [r["claimReviewed"] for r in reviews] == [c.label for c in published]
    assert all(r["@type"] == "ClaimReview" for r in reviews)


def test_user_text_is_escaped_everywhere(reports, options):  # noqa: F811
    html = render(reports, "html", options).data.decode()
    page = parse(html.encode())
    assert "<script>alert" not in html and "<img" not in html
    assert not page.find("img")
    assert "&lt;script&gt;alert(&#39;pwned&#39;)&lt;/script&gt;" in html
    assert "&lt;img src=x onerror=alert(1)&gt;" in html
    assert not any(k.startswith("on") for _, a in page.elements for k in a)
    visible = "".join(page.text)
    assert SCRIPT in visible and IMG in visible
    assert "Vérif’Info &lt;Test&gt; &amp; Cie" in html


def test_no_remote_resource_and_only_safe_links(page, reports):  # noqa: F811
    assert not [a for _, a in page.elements if "src" in a]
    assert not page.find("link")
    hrefs = [a["href"] for t, a in page.elements if t == "a"]
    assert hrefs
    for href in hrefs:
        assert href.startswith(("https://", "http://", "mailto:", "#claim-")), href
    assert "https://www.insee.fr/fr/statistiques/chomage" in hrefs
    assert "https://www.insee.fr/fr/stat" in hrefs  # the rationale's own link
    csp = page.find("meta", **{"http-equiv": "Content-Security-Policy"})
    assert csp and "default-src 'none'" in csp[0]["content"]


def test_css_loads_nothing(reports, options):  # noqa: F811
    html = render(reports, "html", options).data.decode()
    style = html.split("<style>", 1)[1].split("</style>", 1)[0]
    assert "url(" not in style and "@import" not in style and "@font-face" not in style


def test_rationale_is_rendered_markdown_without_html_or_bad_links(reports, options):  # noqa: F811
    html = render(reports, "html", options).data.decode()
    rationale = html.split('<div class="rationale">', 1)[1].split("</div>", 1)[0]
    assert "<strong>chiffres officiels</strong>" in rationale
    assert "<li>&lt;script&gt;" in rationale
    assert "javascript:" not in rationale.split("[piège](")[0]
    assert 'href="javascript' not in html and 'href="data' not in html
    assert "[données](data:text/html,hello)" in rationale  # left as text, not a link


def test_json_ld_cannot_close_its_script_element(store, library):  # noqa: F811
    from desktop.core.claims import update_claim
    from desktop.core.exporters import load_reports

    nasty = "fin </script><script>alert(1)</script> <!-- cache"
    with store.transaction() as s:
        update_claim(s, library.false_id, text=nasty)
    with store.read() as s:
        data = render(load_reports(s, [library.article_id]), "html", make_options()).data
    html = data.decode()
    block = html.split('<script type="application/ld+json">', 1)[1].split("</script>", 1)[0]
    assert "</" not in block and "<!--" not in block
    assert json.loads(block)[0]["claimReviewed"] == nasty
    assert html.count("<script") == 1


def test_seed_article_report(store, seed_article):
    from desktop.core.claims import create_claim_from_quote
    from desktop.core.exporters import load_reports
    from desktop.core.ratings import find_rating

    with store.transaction() as s:
        create_claim_from_quote(
            s, seed_article, STARLINK_QUOTE, rating_id=find_rating(s, "Mostly false").id
        )
    with store.read() as s:
        page = parse(render(load_reports(s, [seed_article]), "html", make_options()).data)
    assert "".join(t for _, t in page.marks) == STARLINK_QUOTE
    assert "Elon Musk" in "".join(page.text)
    assert len(page.by_class("card")) == 1
