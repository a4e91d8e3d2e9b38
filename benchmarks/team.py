"""Figures 15-16: team mode on a local PostgreSQL server (issue 20, target 7).

15 tagging a claim from the window while four other processes write claims to the same
library (the same tagging with nobody else writing: baseline); 16 the colleague-change
check the window polls with (a bare `SELECT 1` round trip: baseline), on a library of
100,000 articles and 500,000 claims.

The server is the one `source .ci/postgres.sh start` starts (its URL in
FACTDESK_TEST_PG), or any given in FACTDESK_BENCH_PG; the run makes its own database on
it and drops it afterwards. Without a server both lines say so and judge nothing.

    python -m benchmarks.team writer URL SECONDS INTERVAL SEED   # one colleague
    python -m benchmarks.team tagger JSON                        # the window, measured
"""

from __future__ import annotations

import json
import os
import random
import subprocess
import sys
import time
from pathlib import Path

from benchmarks import data
from benchmarks.harness import ROOT, Figure, child_env, p95

WRITERS = 4
WRITE_INTERVAL = 0.1  # each colleague saves a claim every 0.1 s: 40 a second in all
TAGS = 50
SCALE = 10  # the 10,000-article library of figures 1b-2, ten times over
MULTIPLIED = ("article", "claim", "highlight", "claim_source", "claim_tag")
POLLS = 200


def server_url() -> str | None:
    return os.environ.get("FACTDESK_BENCH_PG") or os.environ.get("FACTDESK_TEST_PG")


def _admin(url: str, statement: str) -> None:
    from sqlalchemy import create_engine, text

    engine = create_engine(url, isolation_level="AUTOCOMMIT")
    try:
        with engine.connect() as conn:
            conn.execute(text(statement))
    finally:
        engine.dispose()


def figures(workdir: Path, sizes: data.Sizes, only: set[str], judge: bool, smoke: bool):
    url = server_url()
    if url is None:
        for key, title, unit in (
            ("15", "team mode: tag a claim while 4 colleagues write", "ms"),
            ("16", "team mode: the colleague-change check", "ms"),
        ):
            if key in only:
                yield Figure(
                    key,
                    f"{title}: no PostgreSQL server (source .ci/postgres.sh start)",
                    0,
                    unit,
                    None,
                    "-",
                    "p95 ≤ 30 ms" if key == "15" else "≤ 5 ms",
                    None,
                )
        return
    from sqlalchemy.engine import make_url

    name = f"factdesk_bench_{os.getpid()}"
    library = make_url(url).set(database=name).render_as_string(hide_password=False)
    _admin(url, f"CREATE DATABASE {name}")
    try:
        t = time.perf_counter()
        made = data.make_large_library(library, sizes)
        made = _multiply(library, SCALE)
        _advance_sequences(library)
        print(
            f"# team library on PostgreSQL: {made['articles']:,} articles, "
            f"{made['claims']:,} claims in {time.perf_counter() - t:.0f} s",
            flush=True,
        )
        yield from _measure(workdir, library, made, only, judge, smoke)
    finally:
        _admin(url, f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")


def _multiply(url: str, times: int) -> dict:
    """Copy the generated articles and their claims `times - 1` more times, inside the
    server (seconds, where generating them in Python takes twenty minutes). The copies'
    ids and uids are new and their references follow; the search index keeps covering
    the generated tenth."""
    from sqlalchemy import MetaData, Text, create_engine, func, literal, select, true

    engine = create_engine(url)
    try:
        with engine.begin() as conn:
            meta = MetaData()
            meta.reflect(conn, only=MULTIPLIED)
            top = {
                name: conn.execute(select(func.max(meta.tables[name].c.id))).scalar() or 0
                for name in ("article", "claim", "highlight")
            }
            copies = func.generate_series(1, times - 1).table_valued("k").render_derived("copies")
            for name in MULTIPLIED:
                table = meta.tables[name]
                columns = []
                for column in table.c:
                    target = next(iter(column.foreign_keys), None)
                    shifted = "id" if column.name == "id" else None
                    if target is not None and target.column.table.name in top:
                        shifted = target.column.table.name
                    if shifted == "id":
                        columns.append(column + copies.c.k * top[name])
                    elif shifted:
                        columns.append(column + copies.c.k * top[shifted])
                    elif column.name == "uid":
                        columns.append(
                            func.md5(column + literal("-") + func.cast(copies.c.k, Text))
                        )
                    else:
                        columns.append(column)
                conn.execute(
                    table.insert().from_select(
                        list(table.c), select(*columns).select_from(table.join(copies, true()))
                    )
                )
            conn.exec_driver_sql("ANALYZE")
            return {
                name + "s": conn.execute(
                    select(func.count()).select_from(meta.tables[name])
                ).scalar()
                for name in ("article", "claim")
            }
    finally:
        engine.dispose()


def _advance_sequences(url: str) -> None:
    """The generator writes its own ids; PostgreSQL's id sequences must move past them
    before anyone saves through the application."""
    from sqlalchemy import MetaData, create_engine, func, select, text

    engine = create_engine(url)
    try:
        with engine.begin() as conn:
            meta = MetaData()
            meta.reflect(conn)
            for table in meta.sorted_tables:
                if "id" not in table.c:
                    continue
                seq = conn.execute(
                    text("SELECT pg_get_serial_sequence(:t, 'id')"), {"t": table.name}
                ).scalar()
                if seq:
                    top = conn.execute(select(func.coalesce(func.max(table.c.id), 0) + 1)).scalar()
                    conn.execute(text("SELECT setval(:s, :v, false)"), {"s": seq, "v": top})
    finally:
        engine.dispose()


def _measure(workdir: Path, library: str, made: dict, only: set[str], judge: bool, smoke: bool):
    n = 10 if smoke else TAGS
    args = {"db": library, "article": 1, "n": n, "polls": 20 if smoke else POLLS}
    alone = _tagger(workdir, args)
    seconds = 600 if smoke else 1800  # stopped as soon as the tagging is measured
    writers = [
        subprocess.Popen(
            [sys.executable, "-m", "benchmarks.team", "writer", library, str(seconds)]
            + [str(WRITE_INTERVAL), str(k), str(made["articles"])],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            env=child_env(workdir),
            cwd=ROOT,
        )
        for k in range(WRITERS)
    ]
    try:
        time.sleep(2)  # every colleague connected and writing
        busy = _tagger(workdir, args)
    finally:
        written = 0
        for proc in writers:
            proc.terminate()
        for proc in writers:
            out, err = proc.communicate(timeout=60)
            if proc.returncode not in (0, -15):
                raise RuntimeError(f"a writer failed:\n{err[-2000:]}")
            written += sum(int(line) for line in out.split() if line.isdigit())
    if "15" in only:
        value, base = p95(busy["painted"]), p95(alone["painted"])
        yield Figure(
            "15",
            f"team mode: tag a claim while {WRITERS} colleagues write, repaint included, "
            f"p95 of {n}",
            value * 1000,
            "ms",
            base * 1000,
            "the same, nobody else writing",
            "p95 ≤ 30 ms",
            value <= 0.030 if judge else None,
            note=f"{made['claims']:,} claims on PostgreSQL; the colleagues saved {written:,} "
            f"claims meanwhile ({WRITERS} processes, one every {WRITE_INTERVAL:g} s each); "
            f"tag alone p95 {p95(busy['gui']) * 1000:.1f} ms",
        )
    if "16" in only:
        value, base = p95(busy["poll"]), p95(busy["ping"])
        yield Figure(
            "16",
            f"team mode: the colleague-change check, p95 of {args['polls']} polls",
            value * 1000,
            "ms",
            base * 1000,
            "SELECT 1 on the same store",
            "≤ 5 ms",
            value <= 0.005 if judge else None,
            note=f"{made['claims']:,} claims, {WRITERS} colleagues writing; nobody "
            f"writing {p95(alone['poll']) * 1000:.2f} ms",
        )


def _tagger(workdir: Path, args: dict) -> dict:
    cmd = [sys.executable, "-m", "benchmarks.team", "tagger", json.dumps(args)]
    result = subprocess.run(
        cmd, capture_output=True, text=True, env=child_env(workdir), cwd=ROOT, timeout=900
    )
    lines = [ln for ln in result.stdout.splitlines() if ln.startswith("{")]
    if result.returncode != 0 or not lines:
        raise RuntimeError(f"team tagger failed:\n{result.stderr[-4000:]}")
    return json.loads(lines[-1])


def tagger(args: dict) -> dict:
    """The window on the shared library: tag spans as a checker does, and time the polls
    it makes to notice colleagues' changes."""
    from sqlalchemy import text

    from benchmarks.child import _settle, _window
    from desktop.core.changes import change_token
    from desktop.core.views import get_article

    app, window = _window(args["db"])
    window.open_article(args["article"])
    deadline = time.perf_counter() + 60
    while window.article.text.article is None or window.article_id != args["article"]:
        if time.perf_counter() > deadline:
            raise RuntimeError(f"article {args['article']} did not open")
        _settle(app, 20)
    _settle(app, 200)
    body = window.wb.read(get_article, args["article"]).text
    words = [i + 1 for i, ch in enumerate(body) if ch == " "]
    rng = random.Random(15)
    gui, painted = [], []
    for _ in range(args["n"]):
        s = rng.choice(words[: max(1, len(words) - 6)])
        e = body.find(" ", s + 12)
        window.article.text.select_codepoints(s, e if e > s else len(body))
        t = time.perf_counter()
        window.tag_selection()
        gui.append(time.perf_counter() - t)
        app.processEvents()
        painted.append(time.perf_counter() - t)
        if window.current_claim_id() is None:
            status = window.statusBar().currentMessage()
            raise RuntimeError(f"tagging {s}-{e} made no claim: {status}")
        _settle(app, 20)
    poll, ping = [], []
    for _ in range(args["polls"]):
        t = time.perf_counter()
        window.wb.read(change_token)
        poll.append(time.perf_counter() - t)
        t = time.perf_counter()
        window.wb.read(lambda session: session.execute(text("SELECT 1")).scalar_one())
        ping.append(time.perf_counter() - t)
    return {"gui": gui, "painted": painted, "poll": poll, "ping": ping}


def writer(url: str, seconds: float, interval: float, seed: int, articles: int) -> int:
    """A colleague: a claim on some article every `interval` seconds, each its own
    transaction, until stopped; prints how many it saved."""
    import signal

    from desktop.core.claims import create_claim
    from desktop.core.models import Article
    from desktop.core.store import open_store

    store = open_store(url, backups=False)
    rng = random.Random(seed)
    stop = time.monotonic() + seconds
    saved = 0
    running = [True]
    signal.signal(signal.SIGTERM, lambda *_: running.__setitem__(0, False))
    while running[0] and time.monotonic() < stop:
        t = time.monotonic()
        with store.transaction() as session:
            article = session.get(Article, rng.randint(2, max(2, articles)))
            if article is not None and len(article.text) > 40:
                s = rng.randrange(0, len(article.text) - 30)
                create_claim(session, article.id, start=s, end=s + 25)
                saved += 1
        time.sleep(max(0.0, interval - (time.monotonic() - t)))
    store.close()
    print(saved, flush=True)
    return 0


if __name__ == "__main__":
    task = sys.argv[1]
    if task == "writer":
        url, seconds, interval, seed, articles = sys.argv[2:7]
        sys.exit(writer(url, float(seconds), float(interval), int(seed), int(articles)))
    print(json.dumps(tagger(json.loads(sys.argv[2]))), flush=True)
