"""A source's stance reads as words in every report, and stays a value in machine formats.

The fixture's first claim cites one source that refutes it and one that gives context
(stored as "refutes" and "context"). A reader of the HTML, PDF, Markdown, DOCX or CSV
report sees "Refutes the claim" and "Gives context", never the bare stored word; JSON,
Web Annotation and ClaimReview keep what other programs read.
"""

from __future__ import annotations

import csv
import io
import json
import re

import pytest

from desktop.core.exporters import render
from desktop.core.exporters.document import STANCE_LABELS, SourceItem, stance_label
from desktop.core.models import STANCES
from tests.test_export_fixtures import (  # noqa: F401 (fixtures)
    library,
    options,
    reports,
)

SHOWN = ("Refutes the claim", "Gives context")
# The stored words where a stance is shown: in brackets, parentheses, alone in an
# element, or as the last part of a CSV source entry.
BARE = re.compile(
    r"[\[(]\s*(?:supports|refutes|context)\s*[\])]"
    r"|>\s*(?:supports|refutes|context)\s*<"
    r"|—\s*(?:supports|refutes|context)\s*(?:\||$)",
    re.IGNORECASE,
)


def _pdf_text(data: bytes) -> str:
    from pypdf import PdfReader

    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages)


def _docx_text(data: bytes) -> str:
    import docx

    return "\n".join(p.text for p in docx.Document(io.BytesIO(data)).paragraphs)


def _csv_sources(data: bytes) -> list[str]:
    rows = list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"))))
    return [row["sources"] for row in rows]


def test_every_stance_has_words():
    assert set(STANCE_LABELS) == set(STANCES)
    assert [stance_label(s) for s in STANCES] == [
        "Supports the claim",
        "Refutes the claim",
        "Gives context",
    ]
    assert stance_label("unheard-of") == "unheard-of"  # shown as stored, never lost


def test_source_item_carries_the_label():
    item = SourceItem(
        title="t",
        url="",
        href=None,
        publisher="",
        author="",
        published=None,
        archive_url="",
        archive_href=None,
        excerpt="",
        stance="context",
        notes="",
    )
    assert (item.stance, item.stance_label) == ("context", "Gives context")


@pytest.mark.parametrize("fmt", ["html", "md", "pdf", "docx", "csv"])
def test_reports_show_the_stance_in_words(reports, options, fmt):  # noqa: F811
    from dataclasses import replace

    # English labels asked for (the fixture article is French; French is tested below).
    data = render(reports, fmt, replace(options, report_language="en")).data
    if fmt == "pdf":
        text = _pdf_text(data)
        flat = re.sub(r"\s+", " ", text)
        for label in SHOWN:
            assert f"[{label}]" in flat, label
    elif fmt == "docx":
        text = _docx_text(data)
        for label in SHOWN:
            assert f"[{label}]" in text, label
    elif fmt == "csv":
        (first, *others) = _csv_sources(data)
        text = "\n".join([first, *others])
        assert first.split(" | ")[0].endswith(" — Refutes the claim")
        assert first.split(" | ")[1].endswith(" — Gives context")
    elif fmt == "md":
        text = data.decode("utf-8")
        for label in SHOWN:
            assert f"({label})" in text, label
    else:
        text = data.decode("utf-8")
        assert '<span class="stance refutes">Refutes the claim</span>' in text
        assert '<span class="stance context">Gives context</span>' in text
    assert not BARE.search(text), BARE.search(text)


def test_machine_formats_keep_the_stored_value(reports, options):  # noqa: F811
    dump = json.loads(render(reports, "json", options).data)
    stances = [s["stance"] for a in dump["articles"] for c in a["claims"] for s in c["sources"]]
    assert sorted(stances) == ["context", "refutes"]
    annotations = render(reports, "webannotation", options).data.decode("utf-8")
    assert '"factdesk:stance": "context"' in annotations
    assert '"factdesk:stance": "refutes"' in annotations
    for fmt in ("json", "webannotation", "claimreview"):
        out = render(reports, fmt, options).data.decode("utf-8")
        for label in SHOWN:
            assert label not in out, (fmt, label)
