"""Article details in the window: edited in a dialog, undoable, shown in the header and the
library, cited by the exports."""

from __future__ import annotations

import json
from datetime import date

import pytest
from PySide6.QtCore import QSettings

from desktop.core import views
from desktop.core.exporters import export, options_from_settings
from desktop.ui.article_dialog import ArticleDialog
from tests.test_gui_fits import library, small_window


@pytest.fixture(autouse=True)
def _qsettings(tmp_path):
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp_path / "qs"))


def fill(outlet="Le Figaro", authors="Anne Dupont, Marc Roux", url="https://www.lefigaro.fr/a"):
    def exec_(dialog: ArticleDialog) -> int:
        dialog.outlet.setText(outlet)
        dialog.authors.setText(authors)
        dialog.url.setText(url)
        dialog.published.line.setText("2024-10-25")
        dialog.language.setCurrentText("fr")
        return ArticleDialog.DialogCode.Accepted

    return exec_


def test_details_edited_in_the_window_undone_and_cited(qtbot, db_path, tmp_path, monkeypatch):
    article_id = library(db_path, n_claims=1)
    window = small_window(qtbot, db_path)
    header = window.article.meta
    assert "transports.txt" not in header.text()  # the file name is no detail of the article
    assert "factdesk:details" in header.text()
    monkeypatch.setattr(ArticleDialog, "exec", fill())
    header.linkActivated.emit("factdesk:details")  # the header's "Edit details…" link
    with window.wb.store.read() as s:
        a = views.get_article(s, article_id)
    assert (a.outlet, list(a.authors), a.url, a.published, a.language) == (
        "Le Figaro",
        ["Anne Dupont", "Marc Roux"],
        "https://www.lefigaro.fr/a",
        date(2024, 10, 25),
        "fr",
    )
    assert "Le Figaro" in header.text() and "Anne Dupont, Marc Roux" in header.text()
    row = window.library.model.row_of(article_id)
    assert window.library.model.index(row, 2).data() == "2024-10-25"
    assert window.library.model.index(row, 1).data() == "Le Figaro"

    # Every report and ClaimReview cite them.
    from desktop.core.claims import update_claim
    from desktop.core.ratings import find_rating

    with window.wb.store.transaction() as s:
        (c,) = views.claims_of(s, article_id)
        update_claim(s, c.id, rating_id=find_rating(s, "False").id, status="published")
    options = options_from_settings(window.wb.settings)
    out = tmp_path / "c.jsonld"
    export(window.wb.store, [article_id], "claimreview", str(out), options)
    review = json.loads(out.read_text(encoding="utf-8"))
    review = review[0] if isinstance(review, list) else review.get("@graph", [review])[0]
    appearance = review["itemReviewed"]["appearance"]
    appearance = appearance[0] if isinstance(appearance, list) else appearance
    assert appearance["url"] == "https://www.lefigaro.fr/a"
    assert appearance["datePublished"] == "2024-10-25"
    assert appearance["publisher"]["name"] == "Le Figaro"
    html = tmp_path / "r.html"
    export(window.wb.store, [article_id], "html", str(html), options)
    page = html.read_text(encoding="utf-8")
    assert "Le Figaro" in page and "Anne Dupont" in page and "https://www.lefigaro.fr/a" in page

    # One undo step brings the previous details back, in the row and the header.
    window.act_undo.trigger()
    with window.wb.store.read() as s:
        a = views.get_article(s, article_id)
    assert (a.outlet, a.url, a.published) == ("La Gazette des Régions", "", None)
    assert "Le Figaro" not in header.text()
    window.act_redo.trigger()
    with window.wb.store.read() as s:
        assert views.get_article(s, article_id).outlet == "Le Figaro"


def test_a_bad_address_is_refused_with_a_message_and_nothing_changes(qtbot, db_path, monkeypatch):
    article_id = library(db_path, n_claims=1)
    window = small_window(qtbot, db_path)
    errors = []
    monkeypatch.setattr(window, "show_error", lambda title, message: errors.append(message))
    monkeypatch.setattr(ArticleDialog, "exec", fill(url="ftp://example.org/x"))
    window.act_article_details.trigger()
    assert errors and "ftp://example.org/x" in errors[0]
    with window.wb.store.read() as s:
        a = views.get_article(s, article_id)
    assert (a.outlet, a.url) == ("La Gazette des Régions", "")
    assert not window.wb.undo_stack.canUndo()
