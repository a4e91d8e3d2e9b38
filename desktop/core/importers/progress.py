"""How far a long import has got ("page 37 of 117"), for whoever is waiting on it.

An importer calls `report(done, total)` as it goes; it costs nothing when nobody
listens. The listener is per thread of work (a context variable), so two imports
running at once each hear their own; `isolated` carries the reports back from its
child process.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar

Listener = Callable[[int, int], None]
_listener: ContextVar[Listener | None] = ContextVar("import_progress", default=None)


def current() -> Listener | None:
    """The listener of this thread of work (to hand on to a child process's reports)."""
    return _listener.get()


def report(done: int, total: int) -> None:
    """`done` of `total` units (pages) read."""
    listener = _listener.get()
    if listener is not None:
        listener(done, total)


@contextmanager
def listening(listener: Listener | None) -> Iterator[None]:
    """Call `listener(done, total)` for the reports made inside the block."""
    token = _listener.set(listener)
    try:
        yield
    finally:
        _listener.reset(token)
