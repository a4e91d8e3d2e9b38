"""What every exporter takes (options) and gives back (its bytes and notes)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from desktop.core.models import utcnow
from desktop.core.settings import Settings
from desktop.core.stats import Period


@dataclass
class ExportOptions:
    """Who signs the export and what goes in it.

    Filled from the user's settings by :func:`options_from_settings`; tests and the GUI
    build one directly. `review_url` is the address where a report will be published:
    each ClaimReview's `url` points at its claim's card there (`…#claim-UID`); without it
    the organization's address is used.
    """

    organization_name: str = ""
    organization_url: str = ""
    checker_name: str = ""
    review_url: str = ""
    include_text: bool = True
    include_sources: bool = True
    # The language of a report's labels: "" speaks each article's own (French for "fr",
    # English otherwise); "fr" or "en" speaks that one for every article.
    report_language: str = ""
    # ClaimReview of claims not yet published too (marked as drafts); off: published only
    claimreview_drafts: bool = False
    csv_delimiter: str = ","
    exported_at: datetime = field(default_factory=utcnow)
    # A period report (desktop.core.exporters.period): its title and summary name it.
    period: Period | None = None


def options_from_settings(settings: Settings | None = None, **overrides) -> ExportOptions:
    """Export options from the saved settings (read now unless given), with overrides."""
    if settings is None:
        from desktop.core.settings import load

        settings = load()
    values = {
        "organization_name": settings.organization_name,
        "organization_url": settings.organization_url,
        "checker_name": settings.checker_name,
        "include_text": settings.report_include_text,
        "include_sources": settings.report_include_sources,
        "report_language": settings.report_language,
    }
    values.update({k: v for k, v in overrides.items() if v is not None})
    return ExportOptions(**values)


@dataclass
class Output:
    """What one format produced: the file's bytes and what the user should know."""

    data: bytes
    notes: list[str] = field(default_factory=list)


@dataclass
class ExportResult:
    """What an export wrote, for the CLI and the GUI to report."""

    fmt: str
    path: Path | None  # None when written to a stream
    size: int
    articles: int
    claims: int
    notes: list[str] = field(default_factory=list)
