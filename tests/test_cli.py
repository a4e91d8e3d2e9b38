"""The `factdesk` command end to end, in subprocesses, as a user would run it."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from desktop import __version__

try:
    from tests.conftest import ROOT, STARLINK_QUOTE
except ImportError:  # tests/ run as a rootdir without a package
    from conftest import ROOT, STARLINK_QUOTE

WSJ = "https://www.wsj.com/world/russia/musk-putin-secret-conversations-37e1c187"


@pytest.fixture
def lib(db_url) -> str:
    """The library the commands use: an SQLite file, or a PostgreSQL database (team mode)."""
    return db_url


def run(lib: Path, *args: str, stdin: str | None = None, env: dict | None = None):
    environ = {k: v for k, v in os.environ.items() if k != "FACTDESK_DB"}
    environ.update(FACTDESK_DB=str(lib), QT_QPA_PLATFORM="offscreen", PYTHONIOENCODING="utf-8")
    environ.update(env or {})
    return subprocess.run(
        [sys.executable, "-m", "desktop", *args],
        input=stdin,
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=environ,
        cwd=ROOT,
        timeout=120,
    )


def ok(lib: Path, *args: str, **kw) -> subprocess.CompletedProcess:
    result = run(lib, *args, **kw)
    assert result.returncode == 0, result.stderr
    return result


def user_error(result: subprocess.CompletedProcess, *needles: str) -> str:
    """Exit 2, exactly one line on stderr, no traceback, nothing on stdout."""
    assert result.returncode == 2, (result.stdout, result.stderr)
    lines = result.stderr.splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("factdesk: error: ")
    assert "Traceback" not in result.stderr
    assert result.stdout == ""
    for needle in needles:
        assert needle in lines[0]
    return lines[0]


def _exists(lib: str) -> bool:
    return "://" in lib or Path(lib).exists()


def row_counts(lib: str) -> dict[str, int]:
    from sqlalchemy import create_engine

    engine = create_engine(lib if "://" in lib else f"sqlite:///{lib}")
    con = engine.connect()
    try:
        names = [
            "article",
            "claim",
            "highlight",
            "source",
            "claim_source",
            "tag",
            "claim_tag",
            "rating",
        ]
        return {
            n: con.exec_driver_sql(f"SELECT count(*) FROM {n}").scalar_one()  # noqa: S608
            for n in names
        }
    finally:
        con.close()
        engine.dispose()


@pytest.fixture
def seeded(lib, seed_path) -> int:
    result = ok(lib, "import", str(seed_path))
    return int(result.stdout.strip())


def test_acceptance_claim_offsets_match_text(lib, seeded):
    result = ok(
        lib,
        "claim",
        "add",
        str(seeded),
        "--quote",
        STARLINK_QUOTE,
        "--claimant",
        "Wall Street Journal",
        "--claimant-kind",
        "organization",
        "--verdict",
        "mostly true",
        "--source",
        WSJ,
        "--tag",
        "Russie",
        "--claim-date",
        "2024-10-24",
    )
    claim_id = int(result.stdout.strip())
    claims = json.loads(ok(lib, "claims", str(seeded), "--json").stdout)
    shown = json.loads(ok(lib, "show", str(seeded), "--json").stdout)
    assert [c["id"] for c in claims] == [claim_id]
    claim = claims[0]
    (h,) = claim["highlights"]
    assert shown["text"][h["start"] : h["end"]] == STARLINK_QUOTE == h["exact"]
    assert claim["claimant"] == "Wall Street Journal"
    assert claim["claimant_kind"] == "organization"
    assert claim["rating"]["label"] == "Mostly true"
    assert claim["sources"][0]["url"] == WSJ
    assert claim["tags"] == ["Russie"]
    assert claim["claim_date"] == "2024-10-24"
    table = ok(lib, "claims", str(seeded)).stdout
    assert f"{h['start']}-{h['end']}" in table
    assert "Mostly true" in table


def test_claim_with_typed_apostrophe_matches(lib, seeded):
    typed = STARLINK_QUOTE.replace("’", "'")
    ok(lib, "claim", "add", str(seeded), "--quote", typed)
    claims = json.loads(ok(lib, "claims", str(seeded), "--json").stdout)
    assert claims[0]["highlights"][0]["exact"] == STARLINK_QUOTE


@pytest.mark.parametrize(
    "extra,needle",
    [
        (["--quote", "Cette phrase n'existe pas dans l'article"], "not in the article"),
        (["--quote", STARLINK_QUOTE, "--verdict", "Pants on fire"], "unknown verdict"),
        (["--quote", STARLINK_QUOTE, "--occurrence", "2"], "1 time"),
        (["--quote", STARLINK_QUOTE, "--claim-date", "24/10/2024"], "not a date"),
    ],
)
def test_claim_add_errors_write_nothing(lib, seeded, extra, needle):
    before = row_counts(lib)
    user_error(run(lib, "claim", "add", str(seeded), "--source", WSJ, *extra), needle)
    assert row_counts(lib) == before


def test_claim_add_on_missing_article(lib, seeded):
    before = row_counts(lib)
    user_error(run(lib, "claim", "add", "99", "--quote", "x"), "no article with id 99")
    assert row_counts(lib) == before


def test_bad_db_paths(lib, tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    user_error(run(lib, "--db", str(blocker / "x.sqlite3"), "articles"), str(blocker))
    notdb = tmp_path / "notes.sqlite3"
    notdb.write_text("hello " * 50)
    user_error(run(lib, "articles", "--db", str(notdb)), str(notdb), "not an SQLite file")
    assert notdb.read_text() == "hello " * 50
    user_error(run(lib, "articles", env={"FACTDESK_DB": str(tmp_path)}), "folder")


def test_articles_json_and_table(lib, seeded):
    rows = json.loads(ok(lib, "articles", "--json").stdout)
    assert len(rows) == 1
    assert rows[0]["id"] == seeded
    assert rows[0]["title"].startswith("Elon Musk est en contact régulier")
    assert (rows[0]["claims"], rows[0]["highlights"]) == (0, 0)
    table = ok(lib, "articles").stdout.splitlines()
    assert table[0].split() == ["ID", "OUTLET", "CLAIMS", "HIGHLIGHTS", "TITLE"]
    assert "Elon Musk" in table[1]


def test_import_twice_says_so(lib, seed_path, seeded):
    again = ok(lib, "import", str(seed_path))
    assert int(again.stdout.strip()) == seeded
    assert f"already in the library as article {seeded}" in again.stderr
    assert row_counts(lib)["article"] == 1


def test_import_errors(lib, tmp_path):
    user_error(run(lib, "import", str(tmp_path / "missing.txt")), "does not exist")
    png = tmp_path / "picture.txt"
    png.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(200))
    user_error(run(lib, "import", str(png)), str(png), "binary")


def test_sentences_json(lib, seeded):
    spans = json.loads(ok(lib, "sentences", str(seeded), "--json").stdout)
    shown = json.loads(ok(lib, "show", str(seeded), "--json").stdout)
    assert spans[0]["start"] == 0
    assert spans[0]["text"] == shown["title"]
    for span in spans:
        assert shown["text"][span["start"] : span["end"]] == span["text"]
    assert any(s["text"].endswith("5 novembre. .") for s in spans)


def test_import_from_stdin(lib):
    text = "Un titre\n\nLe ministre a déclaré que « tout va bien ». C’est faux.\n"
    article_id = int(ok(lib, "import", "-", "--outlet", "Le Monde", stdin=text).stdout)
    shown = json.loads(ok(lib, "show", str(article_id), "--json").stdout)
    assert shown["text"] == "Un titre\n\nLe ministre a déclaré que « tout va bien ». C’est faux."
    assert shown["title"] == "Un titre"
    assert shown["outlet"] == "Le Monde"
    assert shown["source_name"] == "standard input"
    plain = ok(lib, "show", str(article_id)).stdout
    assert "Outlet: Le Monde" in plain
    assert plain.rstrip().endswith("C’est faux.")


def test_import_empty_stdin(lib):
    user_error(run(lib, "import", "-", stdin="  \n"), "standard input")


def test_show_missing_article(lib):
    user_error(run(lib, "show", "7"), "no article with id 7")


def test_version():
    result = run(Path("/nonexistent/never-created.sqlite3"), "--version")
    assert result.returncode == 0
    assert result.stdout.strip() == f"Factdesk {__version__}"
    assert not Path("/nonexistent").exists()


def test_import_from_stdin_cp1252(lib):
    data = "Café crème\n\nLe prix a augmenté de 3 % selon le café du coin.".encode("cp1252")
    result = subprocess.run(
        [sys.executable, "-m", "desktop", "import", "-"],
        input=data,
        capture_output=True,
        env={**os.environ, "FACTDESK_DB": str(lib)},
        cwd=ROOT,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    shown = json.loads(ok(lib, "show", result.stdout.decode().strip(), "--json").stdout)
    assert shown["title"] == "Café crème"


def test_import_from_stdin_invalid_utf8(lib):
    data = "Café au lait\n\nune ".encode() + b"\xff" + b" erreur."
    result = subprocess.run(
        [sys.executable, "-m", "desktop", "import", "-"],
        input=data,
        capture_output=True,
        env={**os.environ, "FACTDESK_DB": str(lib)},
        cwd=ROOT,
        timeout=120,
    )
    result = subprocess.CompletedProcess(
        result.args, result.returncode, result.stdout.decode(), result.stderr.decode()
    )
    user_error(result, "standard input", "not valid UTF-8", "offset 19")
    assert not _exists(lib) or row_counts(lib)["article"] == 0
