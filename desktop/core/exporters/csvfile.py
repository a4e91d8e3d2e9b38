"""One row per claim, for spreadsheets: UTF-8 with a byte-order mark, so Excel and
LibreOffice read the accents right on every platform.

A cell that starts with `=`, `+`, `-`, `@`, a tab or a carriage return would be run as a
formula by a spreadsheet (CSV injection, from text copied off the web); such a cell gets
a leading apostrophe, which spreadsheets show as text.
"""

from __future__ import annotations

import csv
import io

from desktop.core.exporters.document import stance_label
from desktop.core.exporters.options import ExportOptions, Output
from desktop.core.transcripts import TurnIndex, clock
from desktop.core.views import ArticleReport

COLUMNS = (
    "article_id",
    "article_title",
    "article_outlet",
    "article_url",
    "claim_number",
    "claim_id",
    "claim_uid",
    "claim",
    "quote",
    "offsets",
    "claimant",
    "claimant_kind",
    "claim_date",
    "appearance_url",
    "verdict",
    "rating_value",
    "verdict_color",
    "status",
    "checker",
    "rationale",
    "tags",
    "sources",
    # Transcripts: the speaker of the turn the claim starts in, and when ("00:12:31").
    "speaker",
    "speaker_time",
)
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def cell(value) -> str:
    """A value as spreadsheet-safe text."""
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(_FORMULA_START) else text


def rows(reports: list[ArticleReport], options: ExportOptions):
    for report in reports:
        a = report.article
        turns = TurnIndex.of(a.text, a.turns)
        for number, c in enumerate(report.claims, start=1):
            placed = [h.start for h in c.highlights if h.anchor != "orphan"]
            speaker, ms = (placed and turns.at(min(placed))) or ("", None)
            sources = (
                " | ".join(
                    " — ".join(p for p in (s.title, s.url, stance_label(s.stance)) if p)
                    for s in c.sources
                )
                if options.include_sources
                else ""
            )
            yield (
                a.id,
                a.title,
                a.outlet,
                a.url,
                number,
                c.id,
                c.uid,
                c.text,
                c.quote,
                " ".join(f"{h.start}-{h.end}" for h in c.highlights),
                c.claimant,
                c.claimant_kind,
                c.claim_date.isoformat() if c.claim_date else "",
                c.appearance_url,
                c.rating.label if c.rating else "",
                c.rating.value if c.rating and c.rating.value is not None else "",
                c.rating.color if c.rating else "",
                c.status,
                c.checker,
                c.rationale,
                ", ".join(c.tags),
                sources,
                speaker,
                clock(ms),
            )


def render(reports: list[ArticleReport], options: ExportOptions) -> Output:
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=options.csv_delimiter or ",", lineterminator="\r\n")
    writer.writerow(COLUMNS)
    for row in rows(reports, options):
        writer.writerow([cell(v) for v in row])
    return Output(buffer.getvalue().encode("utf-8-sig"))
