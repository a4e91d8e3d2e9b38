"""Parsing big files in a separate process, so the window never freezes.

Parsing runs on a worker thread already, but a thread busy in Python code (pypdf,
trafilatura, lxml) makes the window's thread wait for the interpreter lock each time Qt
calls back into Python, several times per event: a 300-page PDF parsed on a thread
stalled the window for 100–200 ms at a time. A child process has its own interpreter.
Starting one costs about 0.2 s, so only files from a few hundred kilobytes go there; if
the child cannot run, parsing happens here.
"""

from __future__ import annotations

import multiprocessing
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path

from desktop.core.importers import ParsedArticle, import_path

SUBPROCESS_BYTES = 200_000

_pool: ProcessPoolExecutor | None = None


def _executor() -> ProcessPoolExecutor:
    global _pool
    if _pool is None:
        # "spawn": a fresh interpreter, never a fork of a process running Qt threads.
        _pool = ProcessPoolExecutor(max_workers=1, mp_context=multiprocessing.get_context("spawn"))
    return _pool


def import_path_isolated(path: str | Path) -> ParsedArticle:
    """import_path, in a child process when the file is big enough to stall the window."""
    try:
        big = Path(path).stat().st_size >= SUBPROCESS_BYTES
    except OSError:
        big = False  # import_path reports the problem with the file
    if not big:
        return import_path(path)
    global _pool
    try:
        return _executor().submit(import_path, str(path)).result()
    except (BrokenProcessPool, OSError, RuntimeError):
        _pool = None
        return import_path(path)
