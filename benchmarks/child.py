"""Measurements that run inside one fresh process each: `python -m benchmarks.child TASK ARGS`.

Each task prints one JSON object. A fresh process per task keeps one figure's caches,
memory and threads from flattering or penalising the next.
"""

from __future__ import annotations

import json
import resource
import sys
import time
from pathlib import Path


def _rss_mb() -> float:
    """Peak resident set size of this process so far, in MB.

    VmHWM, not getrusage's ru_maxrss: Linux carries ru_maxrss over an exec, so a child
    of the (large) benchmark runner would report the runner's peak as its own.
    """
    try:
        with open("/proc/self/status") as fh:
            for line in fh:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _window(db: str):
    from PySide6.QtWidgets import QApplication

    from desktop.core.store import open_store
    from desktop.ui.app import create_application, settle_long_lived_objects
    from desktop.ui.main_window import MainWindow
    from desktop.ui.workbench import Workbench

    app = create_application([])
    window = MainWindow(Workbench(open_store(db)))
    window.resize(1300, 800)
    window.show()
    for _ in range(5):
        QApplication.processEvents()
    settle_long_lived_objects()  # as the app does once its window is up
    return app, window


def _settle(app, ms: int = 50) -> None:
    end = time.perf_counter() + ms / 1000
    while time.perf_counter() < end:
        app.processEvents()


def open_article(args: dict) -> dict:
    """Figs. 3, 5, 8: open the big article in the window, scroll it, peak memory."""
    from PySide6.QtGui import QTextDocument

    from desktop.core.views import get_article

    app, window = _window(args["db"])
    text = window.wb.read(get_article, args["article"]).text
    view = window.article.text
    times, listed = [], []
    for i in range(args.get("repeat", 3)):
        window.open_article(None)
        _settle(app)
        t = time.perf_counter()
        window.open_article(args["article"])
        view.viewport().repaint()
        times.append(time.perf_counter() - t)
        while not window.claims:  # a long article's claims are read after the paint
            app.processEvents()
        listed.append(time.perf_counter() - t)
        if i == 0:
            rss_open = _rss_mb()
        _settle(app)
    # Scroll from top to bottom a viewport at a time; a frame is the scroll plus its paint.
    bar = view.verticalScrollBar()
    bar.setValue(0)
    _settle(app, 200)
    frames = []
    value = 0
    while True:
        t = time.perf_counter()
        bar.setValue(value)
        view.viewport().repaint()
        frames.append(time.perf_counter() - t)
        app.processEvents()
        if value >= bar.maximum():
            break
        value = min(bar.maximum(), value + max(1, bar.pageStep()))
    rss_peak = _rss_mb()  # before the baselines below add widgets of their own
    bare = []
    for _ in range(3):
        doc = QTextDocument()
        t = time.perf_counter()
        doc.setPlainText(text)
        bare.append(time.perf_counter() - t)
        del doc
    plain_edit = [_bare_edit(app, text, view.size()) for _ in range(len(times))]
    plain = []  # the same scroll over the text with no highlights: the frame baseline
    view.set_claims([])
    bar.setValue(0)
    _settle(app, 200)
    value = 0
    while True:
        t = time.perf_counter()
        bar.setValue(value)
        view.viewport().repaint()
        plain.append(time.perf_counter() - t)
        app.processEvents()
        if value >= bar.maximum():
            break
        value = min(bar.maximum(), value + max(1, bar.pageStep()))
    return {
        "open": sorted(times),
        "runs": times,
        "listed": sorted(listed),
        "bare": sorted(bare),
        "plain_edit": sorted(plain_edit),
        "frames": len(frames),
        "max_frame": max(frames),
        "max_plain_frame": max(plain),
        "rss_open": rss_open,
        "rss_peak": rss_peak,
        "claims": len(window.claims),
    }


def _laid_out(app, edit, quiet_ms: int = 300) -> None:
    """Until Qt has laid the whole document out: its height stops growing."""
    layout = edit.document().documentLayout()
    height, still = -1.0, time.perf_counter()
    while time.perf_counter() - still < quiet_ms / 1000:
        app.processEvents()
        now = layout.documentSize().height()
        if now != height:
            height, still = now, time.perf_counter()


def open_book(args: dict) -> dict:
    """Issue 20, target 6: open a book-length article in the window (painted, as fig. 3),
    peak memory once its claims are listed, against a bare QTextEdit in the same run."""

    from desktop.core.views import get_article

    app, window = _window(args["db"])
    view = window.article.text
    window.open_article(None)
    _settle(app, 200)
    rss_before = _rss_mb()
    times, listed, rss_painted, rss_listed = [], [], [], []
    for i in range(args.get("repeat", 3)):
        if i:
            window.open_article(None)
            _settle(app, 200)
        t = time.perf_counter()
        window.open_article(args["article"])
        view.viewport().repaint()
        times.append(time.perf_counter() - t)
        rss_painted.append(_rss_mb())
        while not window.claims:
            app.processEvents()
        listed.append(time.perf_counter() - t)
        _laid_out(app, view)  # Qt lays the rest of the text out in the background
        rss_listed.append(_rss_mb())
    n_claims = len(window.claims)
    text = window.wb.read(get_article, args["article"]).text
    window.open_article(None)
    _settle(app, 100)
    plain_edit = [_bare_edit(app, text, view.size()) for _ in range(3)]
    return {
        "open": sorted(times),
        "listed": sorted(listed),
        "plain_edit": sorted(plain_edit),
        "rss_before": rss_before,
        "rss_painted": rss_painted[0],
        "rss_listed": rss_listed[0],
        "rss_peak": max(rss_listed),
        "claims": n_claims,
        "chars": len(text),
    }


def _bare_edit(app, text: str, size) -> float:
    """Seconds a bare QTextEdit takes to show `text`, painted: Qt's own floor."""
    from PySide6.QtWidgets import QTextEdit

    edit = QTextEdit()
    edit.resize(size)
    edit.show()
    _settle(app)
    t = time.perf_counter()
    edit.setPlainText(text)
    edit.viewport().repaint()
    elapsed = time.perf_counter() - t
    edit.close()
    edit.deleteLater()
    _settle(app)
    return elapsed


def empty_rss(args: dict) -> dict:
    """Fig. 8 baseline: peak memory of an empty window in a fresh process."""
    from PySide6.QtWidgets import QApplication, QMainWindow

    app = QApplication([])
    w = QMainWindow()
    w.resize(1300, 800)
    w.show()
    _settle(app, 100)
    return {"rss_peak": _rss_mb()}


def create_claims(args: dict) -> dict:
    """Fig. 4: tag spans through the GUI's own path, on the big article, many claims loaded."""
    import random

    from desktop.core import claims as core_claims
    from desktop.core.views import get_article

    app, window = _window(args["db"])
    window.open_article(args["article"])
    _settle(app, 200)
    text = window.wb.read(get_article, args["article"]).text
    rng = random.Random(7)
    starts = []
    for _ in range(args["n"]):
        s = rng.randrange(0, len(text) - 200)
        s = text.index(" ", s) + 1
        starts.append((s, text.index(" ", s + 20)))
    times, painted = [], []
    for s, e in starts:
        window.article.text.select_codepoints(s, e)
        _settle(app, 20)  # the selection (and the scroll to it) painted, as a person sees it
        t = time.perf_counter()
        window.tag_selection()
        times.append(time.perf_counter() - t)
        app.processEvents()  # the repaint that follows, reported beside the figure
        painted.append(time.perf_counter() - t)
        assert window.current_claim_id() is not None
        _settle(app, 20)
    core = []
    for s, e in starts:
        t = time.perf_counter()
        with window.wb.store.transaction() as session:
            core_claims.create_claim(session, args["article"], start=s, end=e)
        core.append(time.perf_counter() - t)
    return {"gui": times, "painted": painted, "core": core}


def imports(args: dict) -> dict:
    """Fig. 7: import files from the window; the longest event-loop stall meanwhile."""
    from PySide6.QtCore import QTimer

    from desktop.core import importers
    from desktop.ui import tasks

    parse_times = {}
    for path in args["files"]:
        t = time.perf_counter()
        importers.import_path(path)
        parse_times[path] = time.perf_counter() - t
    app, window = _window(args["db"])
    results = {}
    for path in args["files"]:
        gaps = []
        last = [time.perf_counter()]

        def tick(gaps=gaps, last=last) -> None:
            now = time.perf_counter()
            gaps.append(now - last[0])
            last[0] = now

        timer = QTimer()
        timer.setInterval(5)
        timer.timeout.connect(tick)
        _settle(app, 100)
        timer.start()
        last[0] = t = time.perf_counter()
        window.import_files([path])
        name, shown = Path(path).name, None
        while tasks.busy():  # the import, then scoring its sentences in the background
            app.processEvents()
            article = window.article.text.article
            if shown is None and article is not None and article.source_name == name:
                shown = time.perf_counter() - t
            time.sleep(0.001)
        background = time.perf_counter() - t
        total = shown if shown is not None else background
        _settle(app, 100)
        timer.stop()
        results[path] = {
            "total": total,
            "parse": parse_times[path],
            "max_stall": max(gaps) if gaps else total,
            "background": background,
            "chars": len(window.article.text.article.text) if window.article.text.article else 0,
        }
    return results


def exports(args: dict) -> dict:
    """Fig. 6: export one article's claims (HTML, PDF, ClaimReview) vs reading them."""
    from desktop.core.exporters import export
    from desktop.core.store import open_store
    from desktop.core.views import report

    store = open_store(args["db"])
    out = Path(args["out"])
    result: dict[str, list[float]] = {"read": [], "html": [], "pdf": [], "claimreview": []}
    claims = 0
    for _ in range(args.get("repeat", 3)):
        t = time.perf_counter()
        with store.read() as session:
            claims = len(report(session, args["article"]).claims)
        result["read"].append(time.perf_counter() - t)
        for fmt in ("html", "pdf", "claimreview"):
            t = time.perf_counter()
            export(store, [args["article"]], fmt, out / f"export.{fmt}")
            result[fmt].append(time.perf_counter() - t)
    return {"times": result, "claims": claims}


TASKS = {
    f.__name__: f for f in (open_article, open_book, empty_rss, create_claims, imports, exports)
}

if __name__ == "__main__":
    task, raw = sys.argv[1], sys.argv[2]
    print(json.dumps(TASKS[task](json.loads(raw))))
    sys.stdout.flush()
