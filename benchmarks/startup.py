"""Figures 1 and 2: cold starts, each in a fresh process, against minimal baselines.

The GUI processes report the moment the main window receives its first paint event
(or, for the library figure, the first zero-timer after the window has painted the
full library list: the event loop is free, so the window takes input). They run the
real entry point, `desktop.cli.main`, with an event filter installed on the
application the app creates itself.

Factdesk's modules are byte-compiled first, as an installed copy's are (pip compiles
them on install, as it did the libraries the baselines import): without it, a checkout
run with PYTHONDONTWRITEBYTECODE compiles ~150 modules from source at every start.
"""

from __future__ import annotations

import sys
from pathlib import Path

from benchmarks.harness import (
    ROOT,
    Figure,
    child_env,
    median,
    time_lines,
    time_process,
    time_until_line,
)

# Installs the paint watcher on the QApplication that `create_application` makes.
_WATCH = r"""
import os, sys
MODE, N = sys.argv[1], int(sys.argv[2])

def watch(app, ready, then=None):
    # Print "ready" at the moment figure 1 measures, then exit, or go on to `then`.
    from PySide6.QtCore import QEvent, QObject, QTimer
    from PySide6.QtWidgets import QMainWindow

    def done():
        sys.stdout.write("ready\n")
        sys.stdout.flush()
        if then is None:
            os._exit(0)
        then(app)

    class Watch(QObject):
        armed = False

        def eventFilter(self, obj, event):
            if event.type() == QEvent.Type.Paint and obj.isWidgetType():
                win = obj.window()
                if isinstance(win, QMainWindow):
                    if MODE == "paint":
                        done()
                    elif not self.armed and ready(win):
                        self.armed = True
                        QTimer.singleShot(0, done)
            return False

    app._bench_watch = Watch()
    app.installEventFilter(app._bench_watch)
    return app
"""

_APP = (
    _WATCH
    + r"""
def listed(win):
    lib = getattr(win, "library", None)
    return lib is not None and lib.model.rowCount() >= N

def until_window(app):
    # After "ready": the longest wait of a 2 ms timer (the event loop's longest stall)
    # until the full window has painted, printed on a second line.
    import time
    from PySide6.QtCore import QEvent, QObject, QTimer

    state = {"last": time.perf_counter(), "gap": 0.0}

    def tick():
        now = time.perf_counter()
        state["gap"] = max(state["gap"], now - state["last"])
        state["last"] = now

    def finish():
        tick()
        sys.stdout.write(f"window {state['gap'] * 1000:.0f}\n")
        sys.stdout.flush()
        os._exit(0)

    class Full(QObject):
        def eventFilter(self, obj, event):
            if event.type() == QEvent.Type.Paint and obj.isWidgetType():
                if type(obj.window()).__name__ == "MainWindow":
                    app.removeEventFilter(self)
                    QTimer.singleShot(0, finish)
            return False

    app._bench_full, app._bench_tick = Full(), QTimer()
    app._bench_tick.timeout.connect(tick)
    app._bench_tick.start(2)
    app.installEventFilter(app._bench_full)
    QTimer.singleShot(30_000, finish)

import desktop.ui.app as gui
make = gui.create_application
then = until_window if MODE == "list" else None
gui.create_application = lambda argv=None: watch(make(argv), listed, then)
from desktop.cli import main
sys.exit(main(["--db", sys.argv[3]]))
"""
)

_EMPTY_BODY = r"""
from PySide6.QtWidgets import QApplication, QMainWindow
app = watch(QApplication([]), lambda win: getattr(win, "rows", None) is not None)
win = QMainWindow()
if MODE == "list":
    import sqlite3
    import sqlmodel  # noqa: F401
    con = sqlite3.connect(sys.argv[3])
    win.rows = con.execute(
        "SELECT id, title, outlet, published, created_at FROM article LIMIT ?", (N,)
    ).fetchall()
win.resize(1300, 800)
win.show()
sys.exit(app.exec())
"""
_EMPTY = _WATCH + _EMPTY_BODY


def compile_sources() -> None:
    """Factdesk's bytecode beside its sources (__pycache__, ignored by git), as installed."""
    import compileall

    compileall.compile_dir(ROOT / "desktop", quiet=1)


def time_listed(cmd: list[str], env: dict[str, str], timeout: float = 120):
    """Seconds from spawning `cmd` to its "ready" line, and, if it prints one after,
    to its "window STALL_MS" line with that stall in seconds (else None, None)."""
    (ready, window), (_line, later) = time_lines(cmd, env, 2, timeout)
    if not later.startswith("window "):
        return ready, None, None
    return ready, window, int(later.split()[1]) / 1000


def cold_start(workdir: Path, library: Path, articles: int, repeat: int) -> list[Figure]:
    """Fig. 1: first painted window, and the library listed and taking input."""
    compile_sources()
    env = child_env(workdir)
    py = sys.executable
    figures = []
    for mode, key, title, base_label in (
        ("paint", "1a", "cold start to first painted window", "empty QMainWindow"),
        (
            "list",
            "1b",
            f"cold start to {articles:,} articles listed, taking input",
            "empty window + import sqlmodel + sqlite3 rows",
        ),
    ):
        measured, baseline, windows, stalls = [], [], [], []
        for _ in range(repeat):  # interleaved, so drift hits both alike
            baseline.append(
                time_until_line([py, "-c", _EMPTY, mode, str(articles), str(library)], env)
            )
            ready, window, stall = time_listed(
                [py, "-c", _APP, mode, str(articles), str(library)], env
            )
            measured.append(ready)
            if window is not None:
                windows.append(window)
                stalls.append(stall)
        value, base = median(measured), median(baseline)
        note = ""
        if windows:  # the list shows in the first frame; the full window follows
            note = (
                f"the full window replaced the listing frame at {median(windows):.3f} s; "
                f"longest event-loop stall in between {median(stalls) * 1000:.0f} ms "
                f"(worst of {len(stalls)} runs {max(stalls) * 1000:.0f} ms)"
            )
        figures.append(
            Figure(
                key,
                title,
                value,
                "s",
                base,
                base_label,
                "ratio ≤ 1.3",
                value / base <= 1.3,
                note=note,
            )
        )
    return figures


def cold_cli(workdir: Path, library: Path, articles: int, repeat: int) -> Figure:
    """Fig. 2: `factdesk articles` on the large library vs `import sqlalchemy`."""
    env = child_env(workdir)
    py = sys.executable
    measured, baseline = [], []
    for _ in range(repeat):
        baseline.append(time_process([py, "-c", "import sqlalchemy"], env))
        measured.append(time_process([py, "-m", "desktop", "--db", str(library), "articles"], env))
    probe = (
        "import sys; from desktop.cli import main; import io, contextlib\n"
        "with contextlib.redirect_stdout(io.StringIO()): main(['--db', sys.argv[1], 'articles'])\n"
        "print(any(m.startswith(('PySide6', 'shiboken')) for m in sys.modules))"
    )
    import subprocess

    qt = subprocess.run(
        [py, "-c", probe, str(library)], capture_output=True, text=True, env=env, check=True
    ).stdout.strip()
    value, base = median(measured), median(baseline)
    return Figure(
        "2",
        f"cold `factdesk articles` on {articles:,} articles",
        value,
        "s",
        base,
        "python -c 'import sqlalchemy'",
        "ratio ≤ 2.0, no Qt",
        value / base <= 2.0 and qt == "False",
        note="Qt imported" if qt != "False" else "Qt never imported",
    )
