"""Reading only regular files, and never more than a cap.

A named pipe (FIFO) blocks the first read until something writes to it, forever if
nothing does; a device such as /dev/zero never ends. Factdesk reads articles and
libraries from regular files only: the kind of file is checked with os.stat (which
follows symbolic links) before anything opens it, and checked again on the open
descriptor, so a file swapped for a pipe in between is still refused. Reads stop at
the size cap however much the file holds.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

_CHUNK = 1 << 20

# os.O_NONBLOCK: opening a FIFO for reading returns at once instead of waiting for a
# writer (it changes nothing for a regular file). Absent on Windows, which has no FIFOs.
_OPEN_FLAGS = (
    os.O_RDONLY
    | getattr(os, "O_NONBLOCK", 0)
    | getattr(os, "O_NOCTTY", 0)
    | getattr(os, "O_CLOEXEC", 0)
    | getattr(os, "O_BINARY", 0)
)


class NotReadable(Exception):
    """Why a path cannot be read as a file: `problem` completes "<path>: …"."""

    def __init__(self, problem: str, *, size: int | None = None, grew: bool = False) -> None:
        super().__init__(problem)
        self.problem = problem
        self.size = size  # set when the file is over the cap: its stated size…
        self.grew = grew  # …or, when reading went past the cap, only a lower bound


def kind_of(mode: int) -> str:
    """What a file that is not a regular file is, for a message ("is a named pipe…")."""
    if stat.S_ISDIR(mode):
        return "a folder"
    if stat.S_ISFIFO(mode):
        return "a named pipe (FIFO)"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return "a special file"


def special_file_problem(path: str | os.PathLike) -> str | None:
    """Why an existing path is not a regular file (after following links), or None when
    it is one or does not exist. Never opens the path."""
    try:
        mode = os.stat(path).st_mode
    except OSError:
        return None  # absent, or unreadable: the caller's own checks say so
    if stat.S_ISREG(mode) or stat.S_ISDIR(mode):
        return None  # folders get their own message from each caller
    return f"is {kind_of(mode)}, not a regular file"


def read_regular(path: str | os.PathLike, limit: int) -> bytes:
    """The bytes of a regular file of at most `limit` bytes.

    Raises NotReadable (missing, a folder, a pipe or device, over the cap, unreadable);
    a file that grows while it is read is still cut off after `limit` + 1 bytes.
    """
    path = Path(path)
    try:
        info = os.stat(path)
    except FileNotFoundError:
        raise NotReadable("does not exist") from None
    except OSError as exc:
        raise NotReadable(f"cannot be read ({exc.strerror or exc.__class__.__name__})") from exc
    if stat.S_ISDIR(info.st_mode):
        raise NotReadable("is a folder, not a file")
    if not stat.S_ISREG(info.st_mode):
        raise NotReadable(f"is {kind_of(info.st_mode)}, not a regular file")
    if info.st_size > limit:
        raise NotReadable("too large", size=info.st_size)
    try:
        fd = os.open(path, _OPEN_FLAGS)
    except OSError as exc:
        raise NotReadable(f"cannot be read ({exc.strerror or exc.__class__.__name__})") from exc
    try:
        mode = os.fstat(fd).st_mode
        if not stat.S_ISREG(mode):  # replaced between the two looks
            raise NotReadable(f"is {kind_of(mode)}, not a regular file")
        chunks: list[bytes] = []
        total = 0
        while total <= limit:
            chunk = os.read(fd, min(_CHUNK, limit + 1 - total))
            if not chunk:
                break
            chunks.append(chunk)
            total += len(chunk)
    except OSError as exc:
        raise NotReadable(f"cannot be read ({exc.strerror or exc.__class__.__name__})") from exc
    finally:
        os.close(fd)
    if total > limit:
        raise NotReadable("too large", size=total, grew=True)
    return b"".join(chunks)


def refuse_special(path: str | os.PathLike, error: type[Exception]) -> None:
    """Raise error("<path>: is a named pipe (FIFO), not a regular file") when an existing
    path is a pipe, device or socket (after following links). Never opens the path."""
    problem = special_file_problem(path)
    if problem is not None:
        raise error(f"{path}: {problem}")
