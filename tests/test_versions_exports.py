"""Reports, ClaimReview and Web Annotation of an article that changed: which version each
claim was checked against, when the article changed since, and the changed passages
(English and French); articles that never changed export as before (the exact-output
tests hold them byte for byte)."""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import UTC, datetime

from sqlmodel import select

from desktop.core.exporters import load_reports, render
from desktop.core.importers import ParsedArticle
from desktop.core.models import ArticleVersion
from desktop.core.versions import add_version
from tests.test_export_fixtures import (  # noqa: F401 (fixtures)
    PARAGRAPHS,
    QUOTE_TRUE,
    build_library,
    library,
    make_options,
    options,
    w3c_check_or_skip,
)

V1_AT = datetime(2026, 11, 20, 9, 0, tzinfo=UTC)
V2_AT = datetime(2026, 11, 25, 10, 0, tzinfo=UTC)


def _changed(store, library) -> list:  # noqa: F811
    """The fixture article edited: "50 %" became "40 %" in the false claim's quote."""
    new = [p.replace("50\u00a0%", "40\u00a0%") for p in PARAGRAPHS]
    new.append("Mise à jour : le chiffre a été corrigé.")
    with store.transaction() as s:
        result = add_version(
            s, library.article_id, ParsedArticle(paragraphs=new), origin="https://x.example/"
        )
        assert result.added
        for row in s.exec(select(ArticleVersion)).all():
            row.retrieved_at = V1_AT if row.number == 1 else V2_AT
            s.add(row)
    with store.read() as s:
        return load_reports(s, [library.article_id])


def test_report_says_which_version_was_checked(store, library):  # noqa: F811
    reports = _changed(store, library)
    page = render(reports, "html", make_options(report_language="en")).data.decode()
    assert "Checked against the version of 2026-11-20; the article changed on 2026-11-25." in page
    assert "Highlighted then: «\u00a0le chômage a baissé de 50\u00a0%\u00a0»; now: " in page
    assert "le chômage a baissé de 40\u00a0%" in page
    md = render(reports, "md", make_options(report_language="en")).data.decode()
    assert "Checked against the version of 2026-11-20; the article changed on 2026-11-25." in md
    for fmt in ("docx", "pdf"):
        assert render(reports, fmt, make_options(report_language="en")).data


def test_report_in_french(store, library):  # noqa: F811
    reports = _changed(store, library)
    page = render(reports, "html", make_options(report_language="fr")).data.decode()
    assert "Vérifiée sur la version du 2026-11-20\u00a0; l’article a changé le 2026-11-25." in page
    assert "Passage surligné alors\u00a0: «\u00a0le chômage a baissé de 50\u00a0%\u00a0»" in page


def test_rechecked_claim_says_newest(store, library):  # noqa: F811
    from desktop.core.versions import confirm, review

    reports = _changed(store, library)
    with store.transaction() as s:
        ids = [
            o.highlight_id for o in review(s, library.article_id) if o.claim_id == library.true_id
        ]
        confirm(s, library.article_id, ids, recheck=True)
        reports = load_reports(s, [library.article_id])
    page = render(reports, "html", make_options(report_language="en")).data.decode()
    assert "Checked against the version of 2026-11-25, the newest of 2." in page
    assert QUOTE_TRUE in page


def test_claimreview_names_the_version(store, library):  # noqa: F811
    reports = _changed(store, library)
    data = json.loads(render(reports, "claimreview", make_options(report_language="en")).data)
    reviews = data if isinstance(data, list) else data.get("@graph", [data])
    appearance = reviews[0]["itemReviewed"]["appearance"][0]
    assert appearance["version"] == "1"
    assert appearance["dateModified"] == "2026-11-25"
    assert appearance["description"] == (
        "Checked against the version of 2026-11-20; the article changed on 2026-11-25."
    )


def test_webannotation_carries_the_version(store, library, tmp_path):  # noqa: F811
    reports = _changed(store, library)
    out = render(reports, "webannotation", make_options()).data
    data = json.loads(out)
    (described,) = data["factdesk:articles"]
    assert described["factdesk:version"] == 2
    assert described["factdesk:versionDate"] == "2026-11-25T10:00:00Z"
    assert "40\u00a0%" in described["factdesk:text"]
    items = data["first"]["items"]
    assert all(
        a["target"]["state"] == {"type": "TimeState", "sourceDate": "2026-11-25T10:00:00Z"}
        for a in items
    )
    checker = w3c_check_or_skip()
    path = tmp_path / "annotations.jsonld"
    path.write_bytes(out)
    result = subprocess.run(
        [sys.executable, str(checker), str(path)], capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr
    assert result.stdout.strip().splitlines()[-1].endswith(" 0 failed")
