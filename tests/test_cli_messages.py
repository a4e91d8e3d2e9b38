"""Careless arguments get one line and exit 2, never a traceback (issue 19, items 9, 12).

Ids past SQLite's integers, a JSON file nested 100,000 deep, bytes that are not UTF-8
in an argument, a file name holding a newline, an unreachable server, a mistyped option:
each is one line on stderr, names quoted so control characters show, and nothing is
written.
"""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from tests.conftest import ROOT
from tests.test_cli import ok, row_counts, run, user_error

HUGE = str(2**64)
posix_only = pytest.mark.skipif(sys.platform == "win32", reason="bytes in argv: POSIX only")


@pytest.fixture
def lib(tmp_path, seed_path) -> str:
    path = str(tmp_path / "library.sqlite3")
    ok(path, "import", str(seed_path))
    return path


def run_bytes(lib: str, *args: bytes) -> subprocess.CompletedProcess:
    """The command with raw bytes as arguments, as a shell passes $'caf\\xe9'."""
    environ = {k: v for k, v in os.environ.items() if k != "FACTDESK_DB"}
    environ.update(FACTDESK_DB=lib, QT_QPA_PLATFORM="offscreen", PYTHONIOENCODING="utf-8")
    return subprocess.run(
        [sys.executable.encode(), b"-m", b"desktop", *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=environ,
        cwd=ROOT,
        timeout=120,
    )


@pytest.mark.parametrize(
    "argv",
    [
        ["show", HUGE],
        ["claims", HUGE],
        ["sentences", HUGE],
        ["claim", "add", HUGE, "--quote", "Starlink"],
        ["export", "1", HUGE, "-f", "md", "-o", "-"],
        ["article", "edit", HUGE, "--title", "T"],
        ["show", "-" + HUGE],
        ["show", "0"],
        ["show", "1" * 5000],  # more digits than Python converts
        ["show", "douze"],
    ],
    ids=["show", "claims", "sentences", "claim-add", "export", "article-edit"]
    + ["negative", "zero", "5000-digits", "word"],
)
def test_an_id_out_of_range_is_one_line(lib, argv):
    before = row_counts(lib)
    line = user_error(run(lib, *argv))
    assert "ARTICLE_ID" in line or "argument" in line
    assert row_counts(lib) == before


def test_an_id_at_the_limit_is_simply_not_found(lib):
    user_error(run(lib, "show", str(2**63 - 1)), "no article with id")


@pytest.mark.parametrize("depth", [100_000, 65])
def test_deeply_nested_json_is_refused(lib, tmp_path, depth):
    deep = tmp_path / "deep.jsonld"
    deep.write_text('{"a":' * depth + "1" + "}" * depth, encoding="utf-8")
    before = row_counts(lib)
    user_error(run(lib, "import-annotations", str(deep)), "nests more than 64 deep")
    assert row_counts(lib) == before


@posix_only
@pytest.mark.parametrize(
    ("argv", "named"),
    [
        ([b"claim", b"add", b"1", b"--quote", b"Starlink", b"--tag", b"caf\xe9"], "--tag"),
        ([b"claim", b"add", b"1", b"--quote", b"Starlink", b"--claimant=\xff"], "--claimant"),
        ([b"claim", b"add", b"1", b"--quote", b"Star\xe9link"], "--quote"),
        ([b"export", b"1", b"-f", b"html", b"-o", b"rapport-\xe9t\xe9.html"], "--output"),
        ([b"import", b"article-\xe9.txt"], "FILE_OR_URL"),
        ([b"article", b"edit", b"1", b"--author", b"ok", b"--author", b"Ren\xe9"], "--author"),
    ],
    ids=["tag", "claimant", "quote", "output", "import", "author"],
)
def test_bytes_that_are_not_utf8_are_named(lib, argv, named):
    before = row_counts(lib)
    line = user_error(run_bytes(lib, *argv), "is not UTF-8 text")
    assert line.startswith(f"factdesk: error: {named}: '")
    assert "\\x" in line  # the byte is shown as typed
    assert row_counts(lib) == before
    assert not list(ROOT.glob("rapport-*"))


@posix_only
def test_a_library_name_that_is_not_utf8_is_named(tmp_path):
    result = run_bytes(str(tmp_path / "x.sqlite3"), b"--db", b"lib-\xe9.sqlite3", b"articles")
    user_error(result, "--db", "is not UTF-8")
    environ = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    environ = {k.encode(): v.encode() for k, v in environ.items()}
    environ[b"FACTDESK_DB"] = str(tmp_path).encode() + b"/lib-\xe9.sqlite3"
    result = subprocess.run(
        [sys.executable, "-m", "desktop", "articles"],
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=environ,
        cwd=ROOT,
        timeout=120,
    )
    user_error(result, "FACTDESK_DB", "is not UTF-8")
    assert list(tmp_path.iterdir()) == []


def test_a_newline_in_a_file_name_stays_in_one_line(lib, tmp_path):
    name = tmp_path / "report.html\nfactdesk: wrote report.html.txt"
    result = ok(lib, "export", "1", "--format", "html", "-o", str(name))
    lines = result.stderr.splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("factdesk: wrote '") and "report.html\\nfactdesk: wrote" in lines[0]
    assert name.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")


@pytest.mark.parametrize(
    "name", ["missing\n.txt", "missing\x1b[31m.txt", "missing\r.txt", "miss\u2028ing.txt"]
)
def test_control_characters_in_a_name_are_shown_escaped(lib, name):
    line = user_error(run(lib, "import", name))
    assert repr(name)[1:-1] in line


def test_an_unreachable_server_is_one_line(tmp_path):
    pytest.importorskip("psycopg")
    result = run(
        str(tmp_path / "unused.sqlite3"),
        "--db",
        "postgresql+psycopg://u@127.0.0.1:1/db",
        "articles",
    )
    line = user_error(result, "127.0.0.1")
    assert "Is the server running" not in line or "; Is the server running" in line


@pytest.mark.parametrize(
    "argv",
    [
        ["export", "1", "-f", "html"],  # -o missing
        ["export", "1", "-f", "odt", "-o", "x"],
        ["claim", "add", "1"],
        ["claim", "frobnicate"],
        ["frobnicate"],
        ["show"],
        ["articles", "--jsno"],
        ["backup", "restore"],
    ],
)
def test_argument_mistakes_are_one_line(lib, argv):
    line = user_error(run(lib, *argv))
    assert "--help" in line


def test_backup_numbers_in_other_scripts_are_file_names(lib):
    user_error(run(lib, "backup", "restore", "²"))  # a file name, not number 2


def test_an_accented_tag_given_twice(lib):
    """Found by tests/test_cli_fuzz.py: SQLite's lower() folds ASCII only, so the tag
    was inserted twice (a traceback); "élysée" is the same tag too."""
    for tag in ("Élysée", "Élysée", "élysée"):
        ok(lib, "claim", "add", "1", "--quote", "Starlink", "--tag", tag)
    import sqlite3

    con = sqlite3.connect(lib)
    try:
        assert con.execute("SELECT name FROM tag").fetchall() == [("Élysée",)]
    finally:
        con.close()
