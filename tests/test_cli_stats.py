"""`factdesk stats`: the table, JSON and CSV, on SQLite and PostgreSQL, and its mistakes."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys

import pytest

from desktop.cli import main
from desktop.core import stats
from tests.conftest import ROOT
from tests.test_stats import build_desk


@pytest.fixture
def desk(store, db_url):
    build_desk(store)
    return db_url


def run(capsys, *argv) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_json_by_claimant_matches_the_core(capsys, store, desk):
    code, out, err = run(capsys, "stats", "--db", desk, "--by", "claimant", "--json")
    assert code == 0 and err == ""
    data = json.loads(out)
    with store.read() as s:
        fig = stats.figure(s, "claimant")
    assert data["claims"] == fig.total == 96
    assert [(r["label"], r["claims"]) for r in data["rows"]] == [
        (b.label, b.count) for b in fig.bars
    ]
    labels = [v.label for v in fig.verdicts]
    for row, bar in zip(data["rows"], fig.bars, strict=True):
        assert row["verdicts"] == {label: n for label, n in zip(labels, bar.mix, strict=True) if n}
    assert data["verdicts"][-1]["key"] == "unrated"


def test_table_of_verdicts_is_aligned_with_a_total(capsys, store, desk):
    code, out, _ = run(capsys, "stats", "--db", desk)
    assert code == 0
    lines = out.splitlines()
    assert lines[0].split() == ["VERDICT", "CLAIMS", "SHARE"]
    column = lines[0].index("CLAIMS")
    assert all(line[column - 2 : column] == "  " for line in lines)  # one aligned column
    assert lines[-1].split() == ["Total", "96"]
    with store.read() as s:
        fig = stats.figure(s, "verdict")
    assert [line[:column].strip() for line in lines[1:-1]] == [b.label for b in fig.bars]
    assert [int(line[column:].split()[0]) for line in lines[1:-1]] == [b.count for b in fig.bars]


def test_csv_by_month_over_a_period(capsys, store, desk):
    code, out, _ = run(
        capsys,
        "stats",
        "--db",
        desk,
        "--by",
        "month",
        "--from",
        "2024-03",
        "--to",
        "2024-05",
        "--csv",
    )
    assert code == 0
    rows = list(csv.reader(io.StringIO(out)))
    assert rows[0][:2] == ["month", "claims"] and rows[0][-1] == "Not rated"
    assert [r[0] for r in rows[1:]] == ["2024-03", "2024-04", "2024-05"]
    with store.read() as s:
        fig = stats.figure(
            s,
            "month",
            stats.Period(stats.parse_day("2024-03"), stats.parse_day("2024-05", end=True)),
        )
    assert [[int(x) for x in r[1:]] for r in rows[1:]] == [[b.count, *b.mix] for b in fig.bars]


def test_filters_and_top(capsys, store, desk):
    code, out, _ = run(
        capsys, "stats", "--db", desk, "--by", "tag", "--verdict", "faLSe", "--json", "--top", "2"
    )
    assert code == 0
    data = json.loads(out)
    with store.read() as s:
        false = next(v.key for v in stats.scale(s) if v.label == "False")
        fig = stats.figure(s, "tag", filters=stats.Filters(verdict=false), top=2)
    assert data["filters"] == {"verdict": "faLSe"}
    assert [r["claims"] for r in data["rows"]] == [b.count for b in fig.bars]
    assert data["more"] == {"rows": fig.rest_bars, "claims": fig.rest}
    assert all(set(r["verdicts"]) <= {"False"} for r in data["rows"])
    code, out, _ = run(capsys, "stats", "--db", desk, "--by", "checker", "--claimant", "")
    assert code == 0 and ("(no checker)" in out or "Zoé" in out)


def test_a_formula_never_reaches_a_spreadsheet(capsys, store, db_url):
    from desktop.core.articles import add_article
    from desktop.core.claims import create_claim_from_quote
    from desktop.core.importers import parse_text

    with store.transaction() as s:
        article_id = add_article(s, parse_text("Titre\n\nLe maire a dit bonjour.")).article_id
        create_claim_from_quote(s, article_id, "dit bonjour", claimant="=HYPERLINK(1)")
    code, out, _ = run(capsys, "stats", "--db", db_url, "--by", "claimant", "--csv")
    assert code == 0 and "'=HYPERLINK(1)" in out


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["--from", "2024-13-01"], "is not a date"),
        (["--to", "yesterday"], "is not a date"),
        (["--from", "2024-05-01", "--to", "2024-04-01"], "before it starts"),
        (["--verdict", "Bogus"], "unknown verdict 'Bogus'"),
        (["--by", "colour"], "invalid choice"),
        (["--json", "--csv"], "not allowed with"),
        (["--top", "0"], "from 1 to 10000"),
    ],
)
def test_mistakes_are_one_line_and_exit_2(capsys, tmp_path, argv, message):
    db = str(tmp_path / "lib.sqlite3")
    try:
        code = main(["stats", "--db", db, *argv])
    except SystemExit as exc:  # argparse's own refusals
        code = exc.code
    out, err = capsys.readouterr()
    assert code == 2 and out == ""
    assert len(err.strip().splitlines()) == 1 and message in err, err


def test_stats_in_a_process_loads_no_qt_nor_orm(tmp_path):
    probe = (
        "import sys; from desktop.cli import main; code = main(sys.argv[1:]); sys.stdout.flush(); "
        "bad = [m for m in sys.modules if m.startswith(('PySide6', 'sqlmodel'))]; "
        "assert not bad, bad; sys.exit(code)"
    )
    db = tmp_path / "lib.sqlite3"
    from desktop.core.store import open_store

    open_store(db).close()
    result = subprocess.run(
        [sys.executable, "-c", probe, "stats", "--db", str(db), "--json"],
        capture_output=True,
        timeout=120,
        cwd=ROOT,
    )
    assert result.returncode == 0, result.stderr.decode()
    assert json.loads(result.stdout)["claims"] == 0
