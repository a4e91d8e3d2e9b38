"""File → Export in the window: every format, through the dialog, off the UI thread."""

from __future__ import annotations

import json

import pytest
from PySide6.QtCore import QSettings, Qt

from desktop.core import settings as user_settings
from desktop.core.exporters import FORMATS
from desktop.core.store import open_store
from desktop.ui import tasks
from desktop.ui.export_dialog import ExportDialog
from desktop.ui.main_window import MainWindow
from desktop.ui.workbench import Workbench
from tests.conftest import STARLINK_QUOTE


@pytest.fixture(autouse=True)
def _qsettings(tmp_path):
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp_path / "qs"))


@pytest.fixture
def rated_seed(store, seed_article):
    from desktop.core.claims import create_claim_from_quote
    from desktop.core.ratings import find_rating
    from desktop.core.sources import add_source

    with store.transaction() as s:
        claim, _ = create_claim_from_quote(
            s,
            seed_article,
            STARLINK_QUOTE,
            claimant="Wall Street Journal",
            claimant_kind="organization",
            rating_id=find_rating(s, "Unverifiable").id,
            rationale="Aucune **source publique** <script>alert(1)</script>",
            status="published",
        )
        add_source(s, claim.id, url="https://www.wsj.com/", title="WSJ", stance="context")
    return seed_article


@pytest.mark.parametrize("fmt", list(FORMATS))
def test_export_each_format_from_the_dialog(qtbot, db_path, rated_seed, tmp_path, fmt, monkeypatch):
    window = MainWindow(Workbench(open_store(db_path)))
    qtbot.addWidget(window)
    window.show()
    dest = tmp_path / f"out{FORMATS[fmt][1]}"
    seen = {}

    def fill(dialog: ExportDialog) -> int:
        assert dialog.article_ids() == [rated_seed]  # the open article is pre-checked
        dialog.format.setCurrentIndex(dialog.format.findData(fmt))
        assert dialog.dest.text().endswith(FORMATS[fmt][1])
        dialog.dest.setText(str(dest))
        dialog.organization.setText("Vérif’ Ouest")
        dialog.open_when_done.setChecked(False)
        seen["ok"] = dialog.buttons.button(dialog.buttons.StandardButton.Ok).isEnabled()
        return ExportDialog.DialogCode.Accepted

    monkeypatch.setattr(ExportDialog, "exec", fill)
    window.act_export.trigger()
    qtbot.waitUntil(lambda: not tasks.busy(), timeout=60000)
    assert seen["ok"]
    assert window.last_export is not None and window.last_export.path == dest
    data = dest.read_bytes()
    assert len(data) > 200
    if fmt in ("html", "md", "csv", "json"):
        text = data.decode("utf-8-sig")
        assert "Wall Street Journal" in text and "Taïwan" in text
    if fmt == "html":
        assert "<script>alert(1)</script>" not in data.decode("utf-8")
    if fmt == "claimreview":
        doc = json.loads(data)
        items = doc if isinstance(doc, list) else doc.get("@graph", [doc])
        assert items[0]["author"]["name"] == "Vérif’ Ouest"
    # The organization typed in the dialog is remembered for the next export.
    assert user_settings.load().organization_name == "Vérif’ Ouest"


def test_export_dialog_needs_an_article_and_a_file(qtbot, db_path, rated_seed):
    window = MainWindow(Workbench(open_store(db_path)))
    qtbot.addWidget(window)
    dialog = ExportDialog(window, window.library.model.rows, None, window.wb.settings)
    ok = dialog.buttons.button(dialog.buttons.StandardButton.Ok)
    assert dialog.article_ids() == [] and not ok.isEnabled()
    dialog.list.item(0).setCheckState(Qt.CheckState.Checked)
    assert ok.isEnabled()
    dialog.dest.setText("")
    dialog._update_ok()
    assert not ok.isEnabled()
