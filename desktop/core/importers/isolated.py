"""Parsing big files in a separate process, so the window never freezes.

Parsing runs on a worker thread already, but a thread busy in Python code (pypdf,
trafilatura, lxml) makes the window's thread wait for the interpreter lock each time Qt
calls back into Python, several times per event: a 300-page PDF parsed on a thread
stalled the window for 100–200 ms at a time. A child process has its own interpreter.
Starting one costs about 0.2 s, so only files from a few hundred kilobytes go there; if
the child cannot run, parsing happens here.
"""

from __future__ import annotations

import itertools
import multiprocessing
import queue
import threading
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path

from desktop.core.importers import ParsedArticle, import_path, progress

SUBPROCESS_BYTES = 200_000
# Images are read by text recognition: seconds of work, whatever the file's size.
ALWAYS_APART = {".png", ".jpg", ".jpeg"}

_pool: ProcessPoolExecutor | None = None
_reports = None  # the child's progress reports: (job, done, total)
_listeners: dict[int, progress.Listener] = {}
_lock = threading.Lock()
_jobs = itertools.count(1)
_child_reports = None  # in the child: where report() sends


def _executor() -> ProcessPoolExecutor:
    global _pool, _reports
    if _pool is None:
        context = multiprocessing.get_context("spawn")
        _reports = context.Queue()
        # "spawn": a fresh interpreter, never a fork of a process running Qt threads.
        _pool = ProcessPoolExecutor(
            max_workers=1, mp_context=context, initializer=_child_init, initargs=(_reports,)
        )
    return _pool


def _child_init(reports) -> None:
    global _child_reports
    _child_reports = reports


def _child_import(path: str, job: int) -> ParsedArticle:
    def send(done: int, total: int) -> None:
        _child_reports.put((job, done, total))

    with progress.listening(send):
        return import_path(path)


def _child_score(text: str, language: str, headings, turns) -> list[list[int]]:
    from desktop.core.suggestions import score_text

    return score_text(text, language, headings, turns)


def score_apart(text: str, language: str, headings, turns) -> list[list[int]]:
    """suggestions.score_text, in the child process for a long text: splitting a book
    into sentences is seconds of Python that would otherwise stall the window."""
    if len(text) < SUBPROCESS_BYTES:
        return _child_score(text, language, headings, turns)
    global _pool
    try:
        return (
            _executor().submit(_child_score, text, language, list(headings), list(turns)).result()
        )
    except (BrokenProcessPool, OSError, RuntimeError):
        _pool = None
        return _child_score(text, language, headings, turns)


def _relay(future) -> None:
    """Hand the child's reports to the listeners of their jobs until `future` is done
    (any waiting thread relays every job's reports: the pool runs one at a time)."""
    while not future.done():
        try:
            job, done, total = _reports.get(timeout=0.1)
        except queue.Empty:
            continue
        except (OSError, ValueError, EOFError):
            return
        with _lock:
            listener = _listeners.get(job)
        if listener is not None:
            listener(done, total)


def import_path_isolated(path: str | Path) -> ParsedArticle:
    """import_path, in a child process when the file is big enough to stall the window;
    the child's progress reports reach this thread's progress listener."""
    try:
        big = (
            Path(path).stat().st_size >= SUBPROCESS_BYTES
            or Path(path).suffix.lower() in ALWAYS_APART
        )
    except OSError:
        big = False  # import_path reports the problem with the file
    if not big:
        return import_path(path)
    global _pool
    job = next(_jobs)
    listener = progress.current()
    try:
        if listener is not None:
            with _lock:
                _listeners[job] = listener
        future = _executor().submit(_child_import, str(path), job)
        _relay(future)
        return future.result()
    except (BrokenProcessPool, OSError, RuntimeError):
        _pool = None
        return import_path(path)
    finally:
        with _lock:
            _listeners.pop(job, None)
