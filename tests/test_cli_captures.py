"""`factdesk source list|capture|attach|captures|diff` and `factdesk export-warc`, as a
real process against a server on 127.0.0.1, on SQLite and PostgreSQL."""

from __future__ import annotations

import json
import os
import subprocess
import sys

from warcio.archiveiterator import ArchiveIterator

from tests.test_captures import PDF, capture_count, cited, server  # noqa: F401 (a fixture)


def _run(db: str, *args: str) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if "proxy" not in k.lower()}
    env["no_proxy"] = "127.0.0.1,localhost"
    return subprocess.run(
        [sys.executable, "-m", "desktop", "--db", db, *args],
        capture_output=True,
        text=True,
        timeout=120,
        env=env,
    )


def test_capture_list_diff_and_warc(store, db_url, server, tmp_path):  # noqa: F811
    claim_id, sid = cited(store, server + "/page", "Nous n'augmenterons pas les impôts")
    store.close()

    done = _run(db_url, "source", "list", "--json")
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout) == [
        {"id": sid, "title": "Budget", "url": server + "/page", "captures": 0, "last_capture": None}
    ]

    done = _run(db_url, "source", "capture", str(sid))
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    assert lines[0].startswith("1  ") and f"200 {server}/page  text/html" in lines[0]
    assert lines[1] == (
        f"claim {claim_id}: excerpt found (exact) in capture 1: Nous n'augmenterons pas les impôts"
    )

    done = _run(db_url, "source", "capture", str(sid), "--json")
    assert done.returncode == 0, done.stderr
    second = json.loads(done.stdout)
    assert second["status"] == 200 and second["previous"]["text_changed"] is True
    assert second["excerpts"] == [
        {
            "claim_id": claim_id,
            "excerpt": "Nous n'augmenterons pas les impôts",
            "found": False,
            "method": None,
            "start": None,
            "end": None,
        }
    ]

    done = _run(db_url, "source", "diff", str(sid))
    assert done.returncode == 0, done.stderr
    assert "the text changed: 1 paragraph(s) changed" in done.stdout
    assert (
        "Le ministre a déclaré [-: « Nous n’augmenterons pas -]{+que +}les impôts "
        "[-cette année »-]{+pourraient changer+}, lors de la conférence de presse du matin."
    ) in done.stdout.splitlines()

    pdf = tmp_path / "rapport.pdf"
    pdf.write_bytes(PDF)
    done = _run(db_url, "source", "attach", str(sid), str(pdf), "--json")
    assert done.returncode == 0, done.stderr
    attached = json.loads(done.stdout)
    assert attached["file_name"] == "rapport.pdf" and attached["content_type"] == "application/pdf"

    done = _run(db_url, "source", "captures", str(sid), "--json")
    assert done.returncode == 0, done.stderr
    listed = json.loads(done.stdout)
    assert [c["id"] for c in listed["captures"]] == [1, 2, 3]

    done = _run(db_url, "source", "wayback", str(sid))
    assert done.returncode == 0, done.stderr
    assert done.stdout == f"https://web.archive.org/save/{server}/page\n"

    warc = tmp_path / "sources.warc.gz"
    done = _run(db_url, "export-warc", "--source", str(sid), "-o", str(warc))
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith(f"{warc}: 3 capture(s), 9 WARC records")
    with open(warc, "rb") as fh:
        types = [r.rec_type for r in ArchiveIterator(fh)]
    assert types.count("response") == 2 and types.count("resource") == 1


def test_errors_are_one_line_and_write_nothing(store, db_url, server, tmp_path):  # noqa: F811
    _claim, sid = cited(store, server + "/to-ftp")
    _claim, no_url = cited(store, "")
    store.close()
    for args, message in [
        (("source", "capture", str(sid)), "not a web address"),
        (("source", "capture", str(no_url)), "has no web address"),
        (("source", "capture", "999"), "no source with id 999"),
        (("source", "attach", str(sid), str(tmp_path / "absent.pdf")), "does not exist"),
        (("source", "diff", str(sid)), "two are needed to compare"),
        (("export-warc", "-o", str(tmp_path / "x.warc")), "no captures to export"),
        (("source", "capture", "abc"), "is not an id"),
    ]:
        done = _run(db_url, *args)
        assert done.returncode == 2, (args, done.stdout, done.stderr)
        assert done.stderr.startswith("factdesk: error: ") and message in done.stderr
        assert done.stderr.count("\n") == 1 and done.stdout == ""
    from desktop.core.store import open_store

    reopened = open_store(db_url)
    try:
        assert capture_count(reopened) == 0
    finally:
        reopened.close()
    assert not (tmp_path / "x.warc").exists()
