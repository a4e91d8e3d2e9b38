"""A claim whose quote changed in a newer version of its article says so in the editor,
under the quote (issue 17: "changes inside a highlighted quote are flagged on the claim");
a claim whose quote is unchanged says nothing."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSettings

from desktop.core.articles import add_article
from desktop.core.claims import create_claim_from_quote
from desktop.core.importers import parse_text
from desktop.core.store import open_store
from desktop.core.versions import add_version
from desktop.ui.main_window import MainWindow
from desktop.ui.workbench import Workbench

# Written for this test.
BEFORE = (
    "Retraites : le ministre s’explique\n\n"
    "😀 Le ministre a dit que « le chômage a baissé de moitié » en 2023. "
    "Le texte sera débattu à l’Assemblée nationale."
)
AFTER = (
    "Retraites : le ministre s’explique\n\n"
    "😀 Le ministre a dit que « le chômage a baissé d’un quart » en 2023. "
    "Le texte sera débattu à l’Assemblée nationale."
)


@pytest.fixture(autouse=True)
def _qsettings(tmp_path):
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp_path / "qs"))


def test_a_reworded_quote_is_flagged_on_its_claim(qtbot, db_path):
    store = open_store(db_path)
    with store.transaction() as s:
        article_id = add_article(s, parse_text(BEFORE)).article_id
        changed, _ = create_claim_from_quote(s, article_id, "le chômage a baissé de moitié")
        kept, _ = create_claim_from_quote(s, article_id, "débattu à l’Assemblée nationale")
        changed_id, kept_id = changed.id, kept.id
    with store.transaction() as s:
        assert add_version(s, article_id, parse_text(AFTER), origin="corrected.txt").added
    window = MainWindow(Workbench(store))
    qtbot.addWidget(window)
    window.show()
    window.library.select(article_id)
    window.select_claim(changed_id)
    note = window.editor.version_note
    assert note.isVisible()
    assert "version 1" in note.text() and "version 2" in note.text()
    assert "« le chômage a baissé de moitié »" not in note.text()  # the quote, not its frame
    assert "baissé de moitié" in note.text() and "quart" in note.text()
    window.select_claim(kept_id)
    assert not note.isVisible() and note.text() == ""
