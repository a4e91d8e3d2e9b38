"""The period report: what a desk publishes as its weekly or monthly round-up.

The desk's summary for the period (verdict chips and the charts of
desktop.core.exporters.insights), then each article with claims counted in the period,
showing those claims only (numbered afresh, their highlights alone in the text). A claim
counts on the day its check was published, else the day it was tagged (desktop.core.stats).

Rendered by the usual report builder and renderers (HTML, PDF, Markdown, Word), with
`ExportOptions.period` set, and written like every export (atomically, never over the
library: desktop.core.exporters.export).
"""

from __future__ import annotations

import os
from dataclasses import replace
from typing import BinaryIO

from sqlmodel import Session

from desktop.core import stats
from desktop.core.errors import FactdeskError
from desktop.core.exporters import (
    ExportOptions,
    ExportResult,
    _library_path,
    check_destination,
    options_from_settings,
    write_reports,
)
from desktop.core.views import ArticleReport, report

PERIOD_FORMATS = ("html", "pdf", "md", "docx")


def period_reports(
    session: Session, period: stats.Period, filters: stats.Filters | None = None
) -> list[ArticleReport]:
    """The articles with claims counted in `period` (under `filters`), each with those
    claims only, oldest article first."""
    ids = stats.claim_ids_in(session, period, filters)
    wanted: dict[int, set[int]] = {}
    for article_id, claim_id in ids:
        wanted.setdefault(article_id, set()).add(claim_id)
    reports = []
    for article_id in sorted(wanted):
        full = report(session, article_id)
        full.claims = [c for c in full.claims if c.id in wanted[article_id]]
        reports.append(full)
    return reports


def export_period(
    source,
    period: stats.Period,
    fmt: str,
    dest: str | os.PathLike | BinaryIO,
    options: ExportOptions | None = None,
    filters: stats.Filters | None = None,
) -> ExportResult:
    """Write the period report to `dest` (a path, or a binary stream).

    `source` is a Store (read in its own read-only session) or an open Session.
    FactdeskError when no claim counts in the period: an empty round-up helps no one.
    """
    if fmt not in PERIOD_FORMATS:
        raise FactdeskError(
            f"a period report is a document; choose one of: {', '.join(PERIOD_FORMATS)}"
        )
    writes_file = not hasattr(dest, "write")
    if writes_file:  # refused before anything is read or rendered
        dest = check_destination(dest, _library_path(source))
    options = replace(options or options_from_settings(), period=period)
    if isinstance(source, Session):
        reports = period_reports(source, period, filters)
    else:
        with source.read() as session:
            reports = period_reports(session, period, filters)
    if not reports:
        when = period.text or "in the library"
        raise FactdeskError(f"no claim counts in the period ({when}); nothing to report")
    return write_reports(source, reports, fmt, dest, options)
