"""`factdesk export` and `factdesk import-annotations`."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from desktop.cli import main
from desktop.core.store import open_store
from desktop.core.views import claims_of
from tests.test_export_fixtures import build_library


@pytest.fixture
def lib(db_path):
    store = open_store(db_path)
    try:
        return build_library(store)
    finally:
        store.close()


def run(capsys, *argv) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_export_html_to_a_file(capsys, tmp_path, db_path, lib):
    dest = tmp_path / "report.html"
    code, out, err = run(
        capsys,
        "export",
        "--db",
        str(db_path),
        str(lib.article_id),
        "--format",
        "html",
        "-o",
        str(dest),
    )
    assert code == 0 and out == ""
    html = dest.read_text(encoding="utf-8")
    assert html.startswith("<!DOCTYPE html>") and "le chômage a baissé de 50" in html
    assert "1 unrated claim(s) left out" in err and f"wrote {dest}" in err


def test_claimreview_to_stdout_uses_the_settings(capsys, db_path, lib):
    from desktop.core.settings import Settings, save

    save(Settings(organization_name="Les Vérificateurs", organization_url="https://lv.example/"))
    code, out, err = run(
        capsys, "export", "--db", str(db_path), str(lib.article_id), "-f", "claimreview", "-o", "-"
    )
    assert code == 0
    reviews = json.loads(out)
    assert len(reviews) == 1  # the one published claim
    assert reviews[0]["author"]["name"] == "Les Vérificateurs"
    assert reviews[0]["url"].startswith("https://lv.example/#claim-")
    assert "1 unrated claim(s) left out of the ClaimReview markup" in err
    assert "2 rated claim(s) not yet published" in err
    code, out, _ = run(
        capsys,
        "export",
        "--db",
        str(db_path),
        str(lib.article_id),
        "-f",
        "claimreview",
        "--claimreview-drafts",
        "-o",
        "-",
    )
    assert code == 0
    drafts = json.loads(out)
    assert len(drafts) == 3
    assert sum(r.get("creativeWorkStatus") == "Draft" for r in drafts) == 2


def test_webannotation_round_trip_through_the_cli(capsys, tmp_path, db_path, lib):
    dest = tmp_path / "annotations.jsonld"
    code, _, _ = run(
        capsys,
        "export",
        "--db",
        str(db_path),
        str(lib.article_id),
        "-f",
        "webannotation",
        "-o",
        str(dest),
    )
    assert code == 0
    other = tmp_path / "other.sqlite3"
    code, out, err = run(capsys, "import-annotations", "--db", str(other), str(dest))
    assert code == 0
    lines = out.splitlines()
    assert lines[0] == "article 1"
    assert sum(line.startswith("claim ") for line in lines) == 4
    assert sum(line.startswith("highlight ") for line in lines) == 5
    code, out, err = run(capsys, "import-annotations", "--db", str(other), str(dest))
    assert code == 0 and out == ""
    assert "already in the library: article(s) 1" in err and "5 annotation(s) already" in err
    store = open_store(other)
    try:
        with store.read() as s:
            assert len(claims_of(s, 1)) == 4
    finally:
        store.close()


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["export", "999", "-f", "html", "-o", "{tmp}/x.html"], "no article with id 999"),
        (["export", "1", "-f", "pdf", "-o", "-"], "binary format"),
        (["export", "1", "-f", "csv", "--csv-delimiter", ";;", "-o", "-"], "one character"),
        (["export", "1", "-f", "html", "-o", "{tmp}/missing/x.html"], "does not exist"),
        (["import-annotations", "{tmp}/absent.jsonld"], "does not exist"),
        (["import-annotations", "{tmp}/garbage.jsonld"], "is not JSON"),
    ],
)
def test_user_errors_exit_2_with_one_line(capsys, tmp_path, db_path, lib, argv, message):
    (tmp_path / "garbage.jsonld").write_text("{nope", encoding="utf-8")
    argv = [a.replace("{tmp}", str(tmp_path)) for a in argv]
    code, out, err = run(capsys, *argv, "--db", str(db_path))
    assert code == 2 and out == ""
    assert len(err.strip().splitlines()) == 1 and message in err


def test_unknown_format_is_refused_by_the_parser(capsys, db_path, lib):
    with pytest.raises(SystemExit) as exc:
        main(["export", "--db", str(db_path), "1", "-f", "odt", "-o", "-"])
    assert exc.value.code == 2
    assert "invalid choice: 'odt'" in capsys.readouterr().err


def test_markdown_to_stdout_in_a_subprocess(tmp_path, db_path, lib):
    """Through a real process: bytes reach stdout intact, and no Qt is loaded."""
    probe = (
        "import sys; from desktop.cli import main; code = main(sys.argv[1:]); "
        "sys.stdout.flush(); "
        "assert not [m for m in sys.modules if m.startswith('PySide6')]; sys.exit(code)"
    )
    result = subprocess.run(
        [sys.executable, "-c", probe, "export", "--db", str(db_path), "1", "-f", "md", "-o", "-"],
        capture_output=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr.decode()
    text = result.stdout.decode("utf-8")
    assert "Le ministre 🇫🇷 a dit que « **le chômage a baissé de 50\u00a0%** \\[1 · Faux\\]" in text
