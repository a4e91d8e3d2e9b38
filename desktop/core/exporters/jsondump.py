"""Everything Factdesk knows about the exported articles, as plain JSON.

The same read models the GUI uses (desktop.core.views), so a script or a newsroom tool
gets every field, with dates in ISO 8601, without reading the database.
"""

from __future__ import annotations

import json

from desktop import __version__
from desktop.core.exporters.options import ExportOptions, Output
from desktop.core.views import ArticleReport, to_jsonable

FORMAT = "factdesk-report"
VERSION = 1


def data(reports: list[ArticleReport], options: ExportOptions) -> dict:
    return {
        "format": FORMAT,
        "version": VERSION,
        "generator": f"Factdesk {__version__}",
        "exported_at": options.exported_at.isoformat(),
        "organization": {"name": options.organization_name, "url": options.organization_url},
        "checker": options.checker_name,
        "ratings": to_jsonable(reports[0].ratings) if reports else [],
        "articles": [
            {"article": to_jsonable(r.article), "claims": to_jsonable(r.claims)} for r in reports
        ],
    }


def render(reports: list[ArticleReport], options: ExportOptions) -> Output:
    text = json.dumps(data(reports, options), ensure_ascii=False, indent=2) + "\n"
    return Output(text.encode("utf-8"))
