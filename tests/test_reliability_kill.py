"""SIGKILL while writing: every write the user was told is done survives, and the file is sound.

The core rounds reuse benchmarks/soak_kill.py (the same code the 200-kill soak runs), so
the suite and the soak cannot drift apart. The GUI rounds start the real MainWindow
offscreen in a subprocess and push the real undo commands of desktop/ui/commands.py.
"""

from __future__ import annotations

import importlib.util
import os
import random
import signal
import subprocess
import sys
import time

import pytest

from tests.conftest import ROOT

SOAK = ROOT / "benchmarks" / "soak_kill.py"
pytestmark = pytest.mark.skipif(not hasattr(os, "fork"), reason="needs fork() and SIGKILL (POSIX)")


def soak_module():
    """benchmarks/soak_kill.py, loaded by path (benchmarks/ belongs to the benchmark suite)."""
    if "soak_kill" in sys.modules:
        return sys.modules["soak_kill"]
    spec = importlib.util.spec_from_file_location("soak_kill", SOAK)
    module = importlib.util.module_from_spec(spec)
    sys.modules["soak_kill"] = module  # dataclasses look their module up while defining
    spec.loader.exec_module(module)
    return module


def test_fifty_kills_of_a_core_writer_lose_no_acknowledged_write(tmp_path):
    soak = soak_module()
    ledger = soak.run_kills(tmp_path / "killed.sqlite3", 50, seed=20240506, max_delay=0.4)
    assert ledger.acks >= 25  # the writer really wrote between the kills
    assert any(e.exists is False for e in ledger.claims.values())  # deletes were exercised
    assert any(e.counter > 1 for e in ledger.claims.values())  # and repeated edits


def test_the_ledger_check_is_not_vacuous(tmp_path):
    """An acknowledgement the database does not hold, or a lost edit, is reported."""
    soak = soak_module()
    db = tmp_path / "ledger.sqlite3"
    ledger = soak.Ledger(soak.prepare(db))
    assert ledger.problems(db) == []
    ledger.feed("A C 424242 0 5")
    assert ledger.problems(db) == ["claim 424242 was acknowledged but is missing"]
    ledger = soak.Ledger(ledger.article_id)
    from desktop.core.claims import create_claim
    from desktop.core.store import open_store

    store = open_store(db)
    with store.transaction() as session:
        claim, _ = create_claim(session, ledger.article_id, start=3, end=9, rationale="1")
    store.close()
    ledger.feed(f"A E {claim.id} 2")
    assert ledger.problems(db) == [f"claim {claim.id}: edit 2 lost (1)"]


GUI_WRITER = r"""
import os, random, sys

from desktop.ui.app import create_application

app = create_application([sys.argv[0]])
from desktop.core.store import open_store
from desktop.core.text import snap_to_graphemes
from desktop.ui import commands
from desktop.ui.main_window import MainWindow
from desktop.ui.workbench import Workbench

db, article_id, seed = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])


def say(line):
    os.write(1, (line + "\n").encode())


def pushed(command):
    error = commands.push(wb, command)
    assert error is None, error
    app.processEvents()


wb = Workbench(open_store(db))
window = MainWindow(wb)
window.show()
window.open_article(article_id)
app.processEvents()
text = window.article.text.article.text
rng = random.Random(seed)
live = [c.id for c in window.claims]
say("ready")
while True:
    roll = rng.random()
    if roll < 0.4 or not live:
        start = rng.randrange(0, len(text) - 40)
        end = start + rng.randrange(1, 40)
        start, end = snap_to_graphemes(text, start, end)  # where the core puts it
        say(f"T C {start} {end}")
        command = commands.CreateClaim(wb, article_id, start, end, checker="gui")
        pushed(command)
        live.append(command.claim_id)
        say(f"A C {command.claim_id} {start} {end}")
    elif roll < 0.8:
        claim_id = rng.choice(live)
        claim = next(c for c in window.claims if c.id == claim_id)
        n = int(claim.rationale or 0) + 1
        say(f"T E {claim_id}")
        pushed(commands.EditClaim(wb, article_id, claim_id, "rationale", claim.rationale, str(n)))
        say(f"A E {claim_id} {n}")
    else:
        claim_id = live.pop(rng.randrange(len(live)))
        say(f"T D {claim_id}")
        command = commands.DeleteClaim(wb, article_id, claim_id)
        pushed(command)
        say(f"A D {claim_id}")
        if rng.random() < 0.5:
            say(f"T U {claim_id}")
            wb.undo_stack.undo()
            assert command.error is None, command.error
            app.processEvents()
            live.append(claim_id)
            say(f"A U {claim_id}")
"""


def test_gui_undo_commands_survive_sigkill(tmp_path):
    """What the window showed as done (push returned) is in the file after a kill."""
    soak = soak_module()
    db = tmp_path / "gui-killed.sqlite3"
    ledger = soak.Ledger(soak.prepare(db))
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", XDG_CONFIG_HOME=str(tmp_path / "xdg"))
    rng = random.Random(6)
    for round_ in range(4):
        proc = subprocess.Popen(
            [sys.executable, "-c", GUI_WRITER, str(db), str(ledger.article_id), str(round_)],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            cwd=ROOT,
            env=env,
        )
        lines = soak.Lines(proc.stdout)
        try:
            ready = lines.next(120)
            assert ready == "ready", (ready, proc.stderr.read().decode() if ready is None else "")
            deadline = time.monotonic() + rng.uniform(0.2, 1.2)
            while (left := deadline - time.monotonic()) > 0:
                line = lines.next(left)
                if line is not None:
                    ledger.feed(line)
            proc.send_signal(signal.SIGKILL)
            proc.wait(timeout=60)
            while True:  # what the window said before it died
                try:
                    line = lines.next(5)
                except EOFError:
                    break
                if line is None:
                    break
                ledger.feed(line)
        finally:
            if proc.poll() is None:
                proc.kill()
                proc.wait()
        assert proc.returncode == -signal.SIGKILL, proc.stderr.read().decode()
        assert ledger.problems(db) == [], f"round {round_}"
    assert ledger.acks >= 4


def test_soak_script_runs_standalone(tmp_path):
    """`python benchmarks/soak_kill.py N` is a working script, not only a module."""
    result = subprocess.run(
        [sys.executable, str(SOAK), "3"],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr
    assert "3 kills" in result.stdout and "none lost" in result.stdout
