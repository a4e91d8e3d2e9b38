"""`factdesk versions`, `diff` and `update`, end to end, with a server on 127.0.0.1 that
serves changing versions of a page (SQLite and PostgreSQL)."""

from __future__ import annotations

import http.server
import json
import threading
from pathlib import Path

import pytest

try:
    from tests.test_cli import ok, run, user_error
except ImportError:  # tests/ run as a rootdir without a package
    from test_cli import ok, run, user_error

PAGE = """<!doctype html><html lang="fr"><head><meta charset="utf-8">
<title>Retraites : le ministre s’explique</title></head><body><article>
<h1>Retraites : le ministre s’explique</h1>
{body}
</article></body></html>"""
V1 = [
    "😀 Le ministre a dit que « le chômage a baissé de moitié » en 2023, devant les députés.",
    "Selon l’INSEE, deux millions de personnes sont concernées par la réforme annoncée.",
    "Le texte sera débattu à l’Assemblée nationale au printemps prochain, selon le gouvernement.",
    "Les syndicats appellent à manifester jeudi dans toutes les grandes villes du pays.",
]
V2 = [
    "😀 Le ministre a dit que « le chômage a baissé de la moitié » en 2023, devant les députés.",
    "Le texte sera débattu à l’Assemblée nationale au printemps prochain, selon le gouvernement.",
    "Les syndicats appellent à manifester jeudi dans toutes les grandes villes du pays.",
    "Mise à jour : cet article a été corrigé.",
    "Selon l’INSEE, deux millions de personnes sont concernées par la réforme annoncée.",
]
QUOTE = "le chômage a baissé de moitié"


class _Pages:
    """What the server answers now; tests switch versions between requests."""

    current: list[str] = V1


class Handler(http.server.BaseHTTPRequestHandler):
    def do_GET(self):  # noqa: N802 (http.server's name)
        body = "".join(f"<p>{p}</p>" for p in _Pages.current)
        data = PAGE.format(body=body).encode("utf-8")
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def log_message(self, *args):
        pass


@pytest.fixture
def server():
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    _Pages.current = V1
    yield f"http://127.0.0.1:{httpd.server_address[1]}/article.html"
    httpd.shutdown()
    httpd.server_close()


@pytest.fixture
def article(db_url, server) -> str:
    article_id = ok(db_url, "import", server).stdout.strip()
    ok(db_url, "claim", "add", article_id, "--quote", QUOTE, "--claimant", "Le ministre")
    ok(db_url, "claim", "add", article_id, "--quote", "deux millions de personnes")
    return article_id


def test_update_from_the_url_then_versions_diff_review_confirm(db_url, server, article):
    listed = json.loads(ok(db_url, "versions", article, "--json").stdout)
    assert [v["number"] for v in listed] == [1] and listed[0]["origin"] == server

    same = ok(db_url, "update", article)
    assert same.stdout.strip() == "1"
    assert "the same as version 1; nothing stored" in same.stderr

    _Pages.current = V2
    done = ok(db_url, "update", article)
    assert done.stdout.strip() == "2"
    assert "version 2 stored" in done.stderr
    assert "1 moved, 1 reworded, 0 orphaned" in done.stderr

    listed = json.loads(ok(db_url, "versions", article, "--json").stdout)
    assert [(v["number"], v["newest"]) for v in listed] == [(1, False), (2, True)]
    assert listed[1]["origin"] == server
    table = ok(db_url, "versions", article).stdout
    assert "newest" in table and server in table

    text = ok(db_url, "diff", article, "1", "2").stdout
    assert "{+la +}" in text
    assert "+ Mise à jour : cet article a été corrigé." in text
    assert "> (moved from paragraph" in text
    data = json.loads(ok(db_url, "diff", article, "1", "2", "--json").stdout)
    assert data["summary"]["moved_paragraphs"] == 1
    assert data["summary"]["inserted_paragraphs"] == 1
    page = ok(db_url, "diff", article, "1", "2", "--html").stdout
    assert "<ins>la </ins>" in page and "moved from paragraph 3" in page

    review = json.loads(ok(db_url, "versions", article, "--review", "--json").stdout)
    by_outcome = {r["outcome"]: r for r in review}
    reworded = by_outcome["reworded"]
    assert reworded["old_quote"] == QUOTE and "de la moitié" in reworded["new_quote"]
    assert not reworded["confirmed"] and reworded["checked_version"] == 1
    assert by_outcome["moved"]["old_quote"] == "deux millions de personnes"

    confirmed = ok(db_url, "versions", article, "--confirm", str(reworded["claim_id"]), "--recheck")
    assert "confirmed 1 highlight(s)" in confirmed.stderr
    review = json.loads(ok(db_url, "versions", article, "--review", "--json").stdout)
    again = [r for r in review if r["claim_id"] == reworded["claim_id"]][0]
    assert again["confirmed"] and again["checked_version"] == 2
    ok(db_url, "versions", article, "--confirm", "all")
    review = json.loads(ok(db_url, "versions", article, "--review", "--json").stdout)
    assert all(r["confirmed"] for r in review)


def test_update_from_a_file_and_errors(db_url, server, article, tmp_path: Path):
    new = tmp_path / "corrigé.txt"
    new.write_text("Retraites : le ministre s’explique\n\n" + "\n\n".join(V2), encoding="utf-8")
    assert ok(db_url, "update", article, str(new)).stdout.strip() == "2"
    listed = json.loads(ok(db_url, "versions", article, "--json").stdout)
    assert listed[1]["origin"] == "corrigé.txt"
    user_error(run(db_url, "diff", article, "1", "9"), "no version 9", "versions are 1 to 2")
    user_error(run(db_url, "update", article, str(tmp_path / "absent.txt")), "absent.txt")
    user_error(run(db_url, "versions", article, "--recheck"), "--recheck goes with --confirm")
    user_error(run(db_url, "versions", "99", "--json"), "no article with id 99")
    # Nothing was written by the failures.
    listed = json.loads(ok(db_url, "versions", article, "--json").stdout)
    assert len(listed) == 2


def test_update_needs_a_url_or_a_source(db_url, tmp_path: Path):
    path = tmp_path / "a.txt"
    path.write_text("Titre\n\nUn texte sans adresse.", encoding="utf-8")
    article_id = ok(db_url, "import", str(path)).stdout.strip()
    user_error(run(db_url, "update", article_id), "has no URL to fetch again")
    pasted = ok(db_url, "update", article_id, "-", stdin="Titre\n\nUn texte changé.\n")
    assert pasted.stdout.strip() == "2"
    assert "0 moved" in pasted.stderr
