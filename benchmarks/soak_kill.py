"""Kill a writing Factdesk with SIGKILL, again and again, and check nothing acknowledged is lost.

    python benchmarks/soak_kill.py [N]      # N kills (default 200); exit 1 on any loss

A long-lived "zygote" process imports the core once, then forks one writer per round.
The writer opens the library through desktop.core.store and keeps creating, editing and
deleting claims; before each write it prints `T <op> …` (tried) and after the commit
returns `A <op> …` (acknowledged). The driver kills the writer after a random delay, then
checks with a plain sqlite3 connection that `PRAGMA integrity_check` is ok, foreign keys
hold, and every acknowledged write is there: created claims exist with their highlight
on exactly their quote, an edit's counter is at least the acknowledged one, deleted
claims are gone. Only the one write in flight at the kill may go either way.

tests/test_reliability_kill.py runs the same rounds (50 kills); the GUI kill test uses
the same Ledger for the acknowledgements of the real MainWindow's undo commands.
"""

from __future__ import annotations

import os
import random
import selectors
import signal
import sqlite3
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

ARTICLE = "\n\n".join(
    f"Paragraphe {n} 🇫🇷 : le ministre a déclaré que « le chiffre {n} est exact » "
    f"selon l’INSEE, ce que l’opposition conteste vivement depuis {2000 + n}."
    for n in range(40)
)


# --- the writer (runs in a forked child of the zygote) ---------------------------------


def _say(line: str) -> None:
    """One whole line in one write(2): a kill never leaves half an acknowledgement."""
    os.write(1, (line + "\n").encode("utf-8"))


def writer(db: str, article_id: int, seed: int) -> None:
    """Create, edit and delete claims through the core until killed."""
    from sqlmodel import select

    from desktop.core import claims as core
    from desktop.core.models import Article, Claim
    from desktop.core.store import open_store
    from desktop.core.text import snap_to_graphemes

    rng = random.Random(seed)
    store = open_store(db)
    with store.read() as session:
        text = session.get(Article, article_id).text
        live = list(session.exec(select(Claim.id).where(Claim.article_id == article_id)))
    _say("ready")
    while True:
        roll = rng.random()
        if roll < 0.45 or not live:
            start = rng.randrange(0, len(text) - 40)
            end = start + rng.randrange(1, 40)
            # Where the core puts it: a span never splits a character (🇫🇷 is two).
            start, end = snap_to_graphemes(text, start, end)
            _say(f"T C {start} {end}")
            with store.transaction() as session:
                claim, _ = core.create_claim(
                    session, article_id, start=start, end=end, claimant="Soak", rationale="0"
                )
            live.append(claim.id)
            _say(f"A C {claim.id} {start} {end}")
        elif roll < 0.85:
            claim_id = rng.choice(live)
            _say(f"T E {claim_id}")
            with store.transaction() as session:
                claim = session.get(Claim, claim_id)
                n = int(claim.rationale or 0) + 1
                core.update_claim(session, claim_id, rationale=str(n), text=f"edit {n}")
            _say(f"A E {claim_id} {n}")
        else:
            claim_id = live.pop(rng.randrange(len(live)))
            _say(f"T D {claim_id}")
            with store.transaction() as session:
                core.delete_claim(session, claim_id)
            _say(f"A D {claim_id}")


def zygote(db: str, article_id: int) -> None:
    """Import the core once; fork a writer for each "go <seed>" line on stdin."""
    # Imported before forking, so each writer starts writing within milliseconds.
    import alembic.command  # noqa: F401
    import alembic.script  # noqa: F401

    import desktop.core.backup  # noqa: F401
    import desktop.core.claims  # noqa: F401
    import desktop.core.ratings  # noqa: F401
    from desktop.core.store import head_revision

    head_revision()

    for line in sys.stdin:
        seed = int(line.split()[1])
        pid = os.fork()
        if pid == 0:
            try:
                writer(db, article_id, seed)
            except BaseException as exc:  # a real failure, not a kill: report and stop
                _say(f"X {type(exc).__name__}: {exc}".replace("\n", " "))
                os._exit(1)
        _say(f"pid {pid}")
        os.waitpid(pid, 0)
        _say(f"reaped {pid}")


# --- what was acknowledged, and checking it survived -------------------------------------


@dataclass
class Expect:
    """What must be true of one claim: exists True/False, or None while a write is in flight."""

    exists: bool | None = True
    start: int | None = None
    end: int | None = None
    counter: int = 0


@dataclass
class Ledger:
    """Acknowledged writes, read from `T …`/`A …` lines; `problems()` compares the database."""

    article_id: int
    claims: dict[int, Expect] = field(default_factory=dict)
    acks: int = 0

    def feed(self, line: str) -> None:
        parts = line.split()
        if not parts or parts[0] not in ("T", "A"):
            return
        kind, op = parts[0], parts[1]
        if kind == "T":
            if op in ("D", "U") and int(parts[2]) in self.claims:
                self.claims[int(parts[2])].exists = None  # in flight: may or may not be done
            return
        self.acks += 1
        claim_id = int(parts[2])
        if op == "C":
            self.claims[claim_id] = Expect(True, int(parts[3]), int(parts[4]))
        elif op == "E":
            entry = self.claims.setdefault(claim_id, Expect())
            entry.exists, entry.counter = True, max(entry.counter, int(parts[3]))
        elif op == "D":
            self.claims.setdefault(claim_id, Expect()).exists = False
        elif op == "U":
            self.claims.setdefault(claim_id, Expect()).exists = True

    def problems(self, db: Path) -> list[str]:
        """Everything wrong with the database now; settles in-flight writes afterwards."""
        con = sqlite3.connect(db)
        try:
            found = [r[0] for r in con.execute("PRAGMA integrity_check")]
            if found != ["ok"]:
                return [f"integrity_check: {found}"]
            if con.execute("PRAGMA foreign_key_check").fetchall():
                return ["foreign_key_check found dangling rows"]
            text = con.execute("SELECT text FROM article WHERE id = ?", (self.article_id,))
            text = text.fetchone()[0]
            rows = {
                r[0]: r[1:]
                for r in con.execute(
                    'SELECT c.id, c.rationale, h.start, h."end", h.exact FROM claim c '
                    "LEFT JOIN highlight h ON h.claim_id = c.id WHERE c.article_id = ?",
                    (self.article_id,),
                )
            }
        finally:
            con.close()
        problems = []
        for claim_id, want in self.claims.items():
            row = rows.get(claim_id)
            if want.exists is False and row is not None:
                problems.append(f"claim {claim_id} was deleted (acknowledged) but is back")
            if want.exists is True:
                if row is None:
                    problems.append(f"claim {claim_id} was acknowledged but is missing")
                    continue
                rationale, start, end, exact = row
                if want.start is not None and (start, end) != (want.start, want.end):
                    problems.append(f"claim {claim_id}: highlight at {start}-{end}")
                if exact is None or text[start:end] != exact:
                    problems.append(f"claim {claim_id}: highlight not on its quote")
                if int(rationale or 0) < want.counter:
                    problems.append(f"claim {claim_id}: edit {want.counter} lost ({rationale})")
        for claim_id, row in rows.items():  # settle in-flight and unacknowledged writes
            entry = self.claims.setdefault(claim_id, Expect(True, row[1], row[2]))
            if entry.exists is None:
                entry.exists = True
        for claim_id, entry in self.claims.items():
            if entry.exists is None and claim_id not in rows:
                entry.exists = False
        return problems


# --- the driver -------------------------------------------------------------------------


def prepare(db: Path) -> int:
    """A library holding the soak article; returns its id."""
    from desktop.core.articles import add_article
    from desktop.core.importers import parse_text
    from desktop.core.store import open_store

    store = open_store(db)
    try:
        with store.transaction() as session:
            return add_article(session, parse_text(ARTICLE, source_name="soak")).article_id
    finally:
        store.close()


class Lines:
    """Lines from a pipe, with a deadline (no thread, no blocking past it)."""

    def __init__(self, stream) -> None:
        self.fd = stream.fileno()
        self.buffer = b""
        self.selector = selectors.DefaultSelector()
        self.selector.register(self.fd, selectors.EVENT_READ)

    def next(self, timeout: float | None) -> str | None:
        """The next line, or None if none came within `timeout` seconds."""
        deadline = None if timeout is None else time.monotonic() + timeout
        while b"\n" not in self.buffer:
            left = None if deadline is None else max(0.0, deadline - time.monotonic())
            if left == 0.0 or not self.selector.select(left):
                return None
            chunk = os.read(self.fd, 65536)
            if not chunk:
                raise EOFError("the writer's pipe closed")
            self.buffer += chunk
        line, self.buffer = self.buffer.split(b"\n", 1)
        return line.decode("utf-8")


def run_kills(db: Path, kills: int, *, seed: int = 0, max_delay: float = 0.35, log=None) -> Ledger:
    """`kills` rounds of fork-write-SIGKILL-check; raises AssertionError on the first loss."""
    article_id = prepare(db)
    ledger = Ledger(article_id)
    rng = random.Random(seed)
    proc = subprocess.Popen(
        [sys.executable, str(Path(__file__).resolve()), "--zygote", str(db), str(article_id)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        cwd=ROOT,
    )
    lines = Lines(proc.stdout)
    try:
        for n in range(1, kills + 1):
            proc.stdin.write(f"go {rng.randrange(1 << 30)}\n".encode())
            proc.stdin.flush()
            first = lines.next(60)
            assert first and first.startswith("pid "), f"zygote said {first!r}"
            pid = int(first.split()[1])
            deadline = time.monotonic() + rng.uniform(0.0, max_delay)
            while (left := deadline - time.monotonic()) > 0:
                line = lines.next(left)
                if line is not None:
                    assert not line.startswith("X "), f"writer failed: {line}"
                    ledger.feed(line)
            os.kill(pid, signal.SIGKILL)
            while (line := lines.next(60)) is not None and not line.startswith("reaped "):
                assert not line.startswith("X "), f"writer failed: {line}"
                ledger.feed(line)
            assert line is not None, "the zygote stopped answering"
            problems = ledger.problems(db)
            assert not problems, f"after kill {n}: {problems}"
            if log:
                log(f"kill {n}/{kills}: {ledger.acks} writes acknowledged so far, all present")
    finally:
        proc.stdin.close()
        proc.wait(timeout=60)
    return ledger


def main(argv: list[str]) -> int:
    if argv[:1] == ["--zygote"]:
        zygote(argv[1], int(argv[2]))
        return 0
    import tempfile

    kills = int(argv[0]) if argv else 200
    with tempfile.TemporaryDirectory(prefix="factdesk-soak-") as folder:
        try:
            ledger = run_kills(
                Path(folder) / "soak.sqlite3", kills, seed=int(time.time()), log=print
            )
        except AssertionError as exc:
            print(f"FAILED: {exc}", file=sys.stderr)
            return 1
    print(f"{kills} kills, {ledger.acks} acknowledged writes: none lost, integrity ok")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
