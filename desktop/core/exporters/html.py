"""The annotated report as one standalone, printable HTML file.

Rendered by Jinja2 with autoescaping on, so every piece of user text is escaped; the
only markup not written by the template is the rationale, which markdown-it-py renders
with raw HTML and images off and links checked. The page loads nothing from elsewhere
(inline CSS, system fonts) and forbids it too with a Content-Security-Policy, so a
report opened from disk runs no script and reveals nothing to a third party.

The ClaimReview JSON-LD of the rated claims sits in the page's head, so the file can be
published as it is; its `<`, `>` and `&` are written as JSON \\u escapes, which keeps
`</script>` and `<!--` in a claim from ending or hiding the block.
"""

from __future__ import annotations

import json
import re
from functools import cache, partial

from jinja2 import Environment, PackageLoader, select_autoescape
from markupsafe import Markup, escape

from desktop.core.exporters import claimreview, document, insights, rationale
from desktop.core.exporters.document import ReportDocument, quoted, rgb, tint
from desktop.core.exporters.options import ExportOptions, Output
from desktop.core.views import ArticleReport

CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'"


def json_for_script(data) -> str:
    """JSON that can sit inside a <script> element: no `<`, `>` or `&` appears raw."""
    text = json.dumps(data, ensure_ascii=False, indent=2)
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def rgba(color: str, alpha: float) -> str:
    """A translucent CSS colour, so overlapping highlights stay visible through each other."""
    r, g, b = rgb(color)
    return f"rgba({r}, {g}, {b}, {alpha})"


def layers(colors: tuple[str, ...], alpha: float = 0.26) -> str:
    """CSS backgrounds that stack every highlight over a stretch, so overlaps show."""
    return ", ".join(f"linear-gradient({rgba(c, alpha)}, {rgba(c, alpha)})" for c in colors)


@cache
def environment() -> Environment:
    env = Environment(
        loader=PackageLoader("desktop.core.exporters", "templates"),
        autoescape=select_autoescape(default=True, default_for_string=True),
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["markdown"] = lambda text: Markup(rationale.to_html(text))
    env.filters["tint"] = tint
    env.filters["rgba"] = rgba
    env.filters["quoted"] = quoted
    env.filters["layers"] = layers
    env.filters["isodate"] = lambda d: d.isoformat() if d else ""
    env.filters["svg"] = _chart_svg
    env.filters["unbroken_dates"] = _unbroken_dates
    return env


_ISO_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")


def _unbroken_dates(text: str) -> Markup:
    """Escaped text whose ISO dates never break at their hyphens ("2024-05-" / "31")."""
    escaped = str(escape(text))
    return Markup(_ISO_DAY.sub(r'<span class="nowrap">\g<0></span>', escaped))


def _chart_svg(chart, index: int) -> Markup:
    """A summary chart as inline SVG (built by ElementTree, which escaped its text)."""
    from desktop.core import charts

    return Markup(charts.to_svg(charts.layout(chart, width=640), ident=f"chart-{index}"))


def render_document(doc: ReportDocument, jsonld: list[dict]) -> str:
    """The HTML text of a report document, with `jsonld` embedded as its ClaimReview."""
    template = environment().get_template("report.html.j2")
    return template.render(
        doc=doc,
        options=doc.options,
        csp=CSP,
        jsonld=Markup(json_for_script(jsonld)) if jsonld else None,
        exported=doc.options.exported_at.strftime("%Y-%m-%d"),
        language=doc.labels.language,  # of the words the report adds; texts carry theirs
        W=partial(insights.words, doc.labels),  # the summary's words
    )


def render(reports: list[ArticleReport], options: ExportOptions) -> Output:
    doc = document.build(reports, options)
    reviews, unrated = claimreview.claim_reviews(reports, options)
    html = render_document(doc, reviews)
    return Output(html.encode("utf-8"), claimreview.notes(reviews, unrated, options))
