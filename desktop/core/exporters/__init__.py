"""Reports and interchange files made from a library's articles, with no Qt.

Every format is a function `render(reports, options) -> Output` over
:class:`~desktop.core.views.ArticleReport` read models; `FORMATS` names them for the
command line and the GUI's export dialog, and :func:`export` is the one entry point that
reads the articles, renders and writes the file (atomically: a failed export never
leaves half a file where the user asked for one).
"""

from __future__ import annotations

import os
import secrets
import stat
from collections.abc import Callable, Sequence
from importlib import import_module
from pathlib import Path
from typing import BinaryIO

from sqlmodel import Session

from desktop.core.errors import FactdeskError
from desktop.core.exporters.options import (
    ExportOptions,
    ExportResult,
    Output,
    options_from_settings,
)
from desktop.core.views import ArticleReport, report

__all__ = [
    "FORMATS",
    "TEXT_FORMATS",
    "ExportOptions",
    "ExportResult",
    "Output",
    "export",
    "load_reports",
    "options_from_settings",
    "render",
]

Renderer = Callable[[list[ArticleReport], ExportOptions], Output]

# name → (module holding render(), default file extension, description)
_REGISTRY: dict[str, tuple[str, str, str]] = {
    "html": ("html", ".html", "Annotated report, standalone web page"),
    "pdf": ("pdf", ".pdf", "Annotated report, PDF (A4)"),
    "md": ("markdown", ".md", "Annotated report, Markdown"),
    "docx": ("docx", ".docx", "Annotated report, Word document"),
    "csv": ("csvfile", ".csv", "One row per claim, for spreadsheets"),
    "json": ("jsondump", ".json", "Everything, as JSON"),
    "claimreview": ("claimreview", ".jsonld", "schema.org ClaimReview JSON-LD"),
    "webannotation": ("webannotation", ".jsonld", "W3C Web Annotation JSON-LD"),
}
TEXT_FORMATS = frozenset({"html", "md", "csv", "json", "claimreview", "webannotation"})


def _renderer(module: str) -> Renderer:
    """Import a format's module only when it is used (PDF and DOCX libraries are heavy)."""

    def run(reports: list[ArticleReport], options: ExportOptions) -> Output:
        return import_module(f"desktop.core.exporters.{module}").render(reports, options)

    run.__name__ = f"render_{module}"
    return run


FORMATS: dict[str, tuple[Renderer, str, str]] = {
    name: (_renderer(module), ext, description)
    for name, (module, ext, description) in _REGISTRY.items()
}


def load_reports(session: Session, article_ids: Sequence[int]) -> list[ArticleReport]:
    """The reports of the given articles, in the order given (NotFound for a bad id)."""
    if not article_ids:
        raise FactdeskError("choose at least one article to export")
    seen: list[int] = []
    for article_id in article_ids:
        if article_id not in seen:
            seen.append(article_id)
    return [report(session, article_id) for article_id in seen]


def render(reports: list[ArticleReport], fmt: str, options: ExportOptions | None = None) -> Output:
    """The bytes of `reports` in format `fmt`."""
    if fmt not in FORMATS:
        raise FactdeskError(f"unknown format {fmt!r}; choose one of: {', '.join(FORMATS)}")
    return FORMATS[fmt][0](reports, options or options_from_settings())


def _file_mode(dest: Path) -> int | None:
    """The permission bits an export gets: an existing file's own (minus set-id bits),
    or None for a new file, which gets the user's usual 0o666 less the umask."""
    try:
        return stat.S_IMODE(dest.stat().st_mode) & 0o777
    except OSError:
        return None


def _write_atomically(dest: Path, data: bytes) -> None:
    """Write `data` to a hidden file beside `dest`, then rename it over `dest`.

    A new file gets the mode any program's new file gets (0o666 less the umask: 0o644
    under the usual 022), so a report copied to a web server can be served; an
    existing file keeps its mode. mkstemp is not used: it creates 0o600 files, fine
    for secrets and wrong for a report meant for readers.
    """
    dest = dest.expanduser()
    if dest.is_dir():
        raise FactdeskError(f"{dest}: is a folder; give a file name")
    folder = dest.parent if str(dest.parent) else Path(".")
    if not folder.is_dir():
        raise FactdeskError(f"{dest}: the folder {folder} does not exist")
    mode = _file_mode(dest)
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0)
    tmp: Path | None = None
    try:
        for _attempt in range(100):
            candidate = folder / f".{dest.name}.{secrets.token_hex(4)}.part"
            try:
                # the kernel applies the umask (and a default ACL) to a new file's mode
                fd = os.open(candidate, flags, 0o666 if mode is None else mode)
            except FileExistsError:
                continue
            tmp = candidate
            break
        else:
            raise FileExistsError(f"no free temporary name in {folder}")
        with os.fdopen(fd, "wb") as fh:
            if mode is not None and hasattr(os, "fchmod"):
                os.fchmod(fh.fileno(), mode)  # exactly the old mode, whatever the umask
            fh.write(data)
        os.replace(tmp, dest)
    except OSError as exc:
        if tmp is not None and os.path.exists(tmp):
            os.unlink(tmp)
        raise FactdeskError(f"{dest}: cannot be written ({exc.strerror or exc})") from exc


def export(
    source,
    article_ids: Sequence[int],
    fmt: str,
    dest: str | os.PathLike | BinaryIO,
    options: ExportOptions | None = None,
) -> ExportResult:
    """Export articles to `dest` (a path, or a binary stream such as stdout's buffer).

    `source` is a Store (read in its own read-only session) or an open Session.
    """
    if fmt not in FORMATS:
        raise FactdeskError(f"unknown format {fmt!r}; choose one of: {', '.join(FORMATS)}")
    options = options or options_from_settings()
    if isinstance(source, Session):
        reports = load_reports(source, article_ids)
    else:
        with source.read() as session:
            reports = load_reports(session, article_ids)
    output = render(reports, fmt, options)
    path: Path | None = None
    if hasattr(dest, "write"):
        dest.write(output.data)
        dest.flush()
    else:
        path = Path(dest)
        _write_atomically(path, output.data)
    return ExportResult(
        fmt=fmt,
        path=path,
        size=len(output.data),
        articles=len(reports),
        claims=sum(len(r.claims) for r in reports),
        notes=output.notes,
    )
