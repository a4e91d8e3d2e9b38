"""Reports and interchange files made from a library's articles, with no Qt.

Every format is a function `render(reports, options) -> Output` over
:class:`~desktop.core.views.ArticleReport` read models; `FORMATS` names them for the
command line and the GUI's export dialog, and :func:`export` is the one entry point that
reads the articles, renders and writes the file (atomically: a failed export never
leaves half a file where the user asked for one).
"""

from __future__ import annotations

import contextlib
import errno
import os
import re
import secrets
import stat
import time
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

try:
    import fcntl
except ImportError:  # Windows
    fcntl = None

__all__ = [
    "FORMATS",
    "TEXT_FORMATS",
    "ExportOptions",
    "ExportResult",
    "Output",
    "check_destination",
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


# Unicode's space separators (category Zs), which str.isprintable() counts as unprintable
_SPACES = frozenset(" \u00a0\u1680\u202f\u205f\u3000" + "".join(map(chr, range(0x2000, 0x200B))))


def _shown(path: str | os.PathLike) -> str:
    """A file name as a message shows it: as is when it is plain text, else quoted with
    its control characters escaped (a newline in a name must not make a message two
    lines). desktop.cli.common.shown is the same rule for the command line."""
    text = os.fspath(path)
    plain = text.isprintable() or all(ch.isprintable() or ch in _SPACES for ch in text)
    return text if text and plain and text == text.strip() else repr(text)


def _is_sqlite(path: Path) -> bool:
    try:
        with path.open("rb") as fh:
            return fh.read(16) == b"SQLite format 3\x00"
    except OSError:
        return False


def _library_path(source) -> Path | None:
    """The SQLite file behind a Store or a Session, or None (a server, or in memory)."""
    path = getattr(source, "path", None)
    if path is not None:
        return Path(path)
    if isinstance(source, Session):
        url = source.get_bind().url
        if url.get_backend_name() == "sqlite" and url.database not in (None, "", ":memory:"):
            return Path(url.database)
    return None


def check_destination(dest: str | os.PathLike, library: str | os.PathLike | None = None) -> Path:
    """`dest` expanded (~), when an export may replace it; FactdeskError when it may not.

    Refused: the open `library`, its -wal, -shm or -journal file, its backups folder or
    anything in it (paths compared after resolving links and relative parts, files also
    by identity, so a hard link or a differently cased name is caught too); a folder, a
    named pipe, a device or any other file that is not a regular one; and any SQLite
    database, which no export format is.
    """
    dest = Path(dest).expanduser()
    real = Path(os.path.realpath(dest))
    try:
        st: os.stat_result | None = os.stat(dest)  # follows links: what would be read
    except OSError:
        st = None  # absent (or unreachable: writing it will say why)
    if library is not None:
        from desktop.core.backup import backup_dir

        lib = Path(os.path.realpath(library))
        own = [lib, *(lib.with_name(lib.name + side) for side in ("-wal", "-shm", "-journal"))]
        for path in own:
            same = real == path
            if not same and st is not None:
                try:
                    found = os.stat(path)
                except OSError:
                    continue
                same = (found.st_dev, found.st_ino) == (st.st_dev, st.st_ino)
            if same:
                raise FactdeskError(
                    f"{_shown(dest)}: is the open library"
                    + ("" if path == lib else f"'s -{path.name.rsplit('-', 1)[1]} file")
                    + f" ({_shown(lib)}); an export there would destroy it, "
                    "choose another file name"
                )
        backups = Path(os.path.realpath(backup_dir(lib)))
        if real == backups or backups in real.parents:
            where = "is" if real == backups else "is in"
            raise FactdeskError(
                f"{_shown(dest)}: {where} the library's backups folder ({_shown(backups)}); "
                "choose another folder"
            )
    if st is not None:
        kind = stat.S_IFMT(st.st_mode)
        if kind == stat.S_IFDIR:
            raise FactdeskError(f"{_shown(dest)}: is a folder; give a file name")
        if kind == stat.S_IFIFO:
            raise FactdeskError(f"{_shown(dest)}: is a named pipe (FIFO), not a file")
        if kind in (stat.S_IFCHR, stat.S_IFBLK):
            raise FactdeskError(f"{_shown(dest)}: is a device, not a file")
        if kind != stat.S_IFREG:
            raise FactdeskError(f"{_shown(dest)}: is not a regular file")
    if st is not None and _is_sqlite(dest):
        raise FactdeskError(
            f"{_shown(dest)}: is a database; an export would replace it, choose another file name"
        )
    return dest


def _file_mode(dest: Path) -> int | None:
    """The permission bits an export gets: an existing file's own (minus set-id bits),
    or None for a new file, which gets the user's usual 0o666 less the umask."""
    try:
        return stat.S_IMODE(dest.stat().st_mode) & 0o777
    except OSError:
        return None


# An export's temporary file, beside its destination: `.<name>.factdesk-tmp-<hex>.part`.
# The writer holds an exclusive lock on it (where the system has flock) until it is
# renamed into place, so a lock anyone can take means its writer is dead (killed
# mid-export): the next export to that folder removes it. Without flock (Windows, where
# an open file cannot be deleted anyway), one untouched for STALE_AFTER seconds is.
TEMPORARY = re.compile(r"\..*\.factdesk-tmp-[0-9a-f]{8}\.part", re.DOTALL)
STALE_AFTER = 300.0


def _temporary_name(dest_name: str) -> str:
    # The destination's name, cut to fit a 255-byte file name with the additions.
    stem = dest_name.encode("utf-8", "surrogateescape")[:200].decode("utf-8", "ignore")
    return f".{stem}.factdesk-tmp-{secrets.token_hex(4)}.part"


def _remove_stale_temporaries(folder: Path) -> None:
    """Remove the temporary files that killed exports left in `folder` (never a live one)."""
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return
    for entry in entries:
        if not TEMPORARY.fullmatch(entry.name):
            continue
        try:
            if not entry.is_file(follow_symlinks=False):
                continue
            if fcntl is None:
                if time.time() - entry.stat(follow_symlinks=False).st_mtime > STALE_AFTER:
                    os.unlink(entry.path)
                continue
            fd = os.open(entry.path, os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK)
        except OSError:
            continue  # gone meanwhile, not ours to read, or still held (Windows)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            # Locked by us now: its writer is dead. Unlink it only if that name is still
            # this very file (a live writer never releases its lock before renaming).
            here, held = os.stat(entry.path, follow_symlinks=False), os.fstat(fd)
            if (here.st_dev, here.st_ino) == (held.st_dev, held.st_ino):
                os.unlink(entry.path)
        except OSError:
            pass  # a live export holds it, or it went away: either way not ours to remove
        finally:
            os.close(fd)


def _sync(fd: int) -> None:
    """fsync, where the file system has it (some network and FUSE ones refuse it)."""
    try:
        os.fsync(fd)
    except OSError as exc:
        if exc.errno not in (errno.EINVAL, errno.ENOTSUP, errno.EOPNOTSUPP):
            raise


def _write_atomically(dest: Path, data: bytes) -> None:
    """Write `data` to a hidden file beside `dest`, then rename it over `dest`.

    A new file gets the mode any program's new file gets (0o666 less the umask: 0o644
    under the usual 022), so a report copied to a web server can be served; an
    existing file keeps its mode. mkstemp is not used: it creates 0o600 files, fine
    for secrets and wrong for a report meant for readers. Killed at any moment, the
    export leaves `dest` as it was or complete, and at most a locked temporary file
    that the next export to the folder removes.
    """
    dest = dest.expanduser()
    folder = dest.parent if str(dest.parent) else Path(".")
    if not folder.is_dir():
        raise FactdeskError(f"{_shown(dest)}: the folder {_shown(folder)} does not exist")
    _remove_stale_temporaries(folder)
    mode = _file_mode(dest)
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0)
    tmp: Path | None = None
    try:
        for _attempt in range(100):
            candidate = folder / _temporary_name(dest.name)
            try:
                # the kernel applies the umask (and a default ACL) to a new file's mode
                fd = os.open(candidate, flags, 0o666 if mode is None else mode)
            except FileExistsError:
                continue
            if fcntl is not None:
                fcntl.flock(fd, fcntl.LOCK_EX)  # waits only while a cleaner unlinks it
                if os.fstat(fd).st_nlink == 0:  # taken for a dead export's: another name
                    os.close(fd)
                    continue
            tmp = candidate
            break
        else:
            raise FileExistsError(f"no free temporary name in {folder}")
        with os.fdopen(fd, "wb") as fh:
            if mode is not None and hasattr(os, "fchmod"):
                os.fchmod(fh.fileno(), mode)  # exactly the old mode, whatever the umask
            fh.write(data)
            fh.flush()
            _sync(fh.fileno())  # the new content is on disk before its name moves
            if fcntl is not None:
                os.replace(tmp, dest)  # still locked: no cleaner can take it meanwhile
        if fcntl is None:
            os.replace(tmp, dest)  # Windows renames no file that is open
    except OSError as exc:
        if tmp is not None:
            with contextlib.suppress(OSError):  # (already gone: nothing left behind)
                os.unlink(tmp)
        raise FactdeskError(f"{_shown(dest)}: cannot be written ({exc.strerror or exc})") from exc


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
    writes_file = not hasattr(dest, "write")
    if writes_file:  # refused before anything is read or rendered
        dest = check_destination(dest, _library_path(source))
    options = options or options_from_settings()
    if isinstance(source, Session):
        reports = load_reports(source, article_ids)
    else:
        with source.read() as session:
            reports = load_reports(session, article_ids)
    return write_reports(source, reports, fmt, dest, options)


def write_reports(source, reports, fmt: str, dest, options: ExportOptions) -> ExportResult:
    """Render `reports` and write them to `dest`, a path already checked once (it is
    checked again here: rendering takes time) or a binary stream."""
    output = render(reports, fmt, options)
    path: Path | None = None
    if not hasattr(dest, "write"):
        path = check_destination(dest, _library_path(source))
        _write_atomically(path, output.data)
    else:
        dest.write(output.data)
        dest.flush()
    return ExportResult(
        fmt=fmt,
        path=path,
        size=len(output.data),
        articles=len(reports),
        claims=sum(len(r.claims) for r in reports),
        notes=output.notes,
    )
