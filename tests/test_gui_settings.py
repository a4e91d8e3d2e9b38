"""Settings: personal details saved; the rating scale edited in the library at once."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QColorDialog, QInputDialog, QMessageBox

from desktop.core import claims, settings, views
from desktop.core.articles import add_article
from desktop.core.importers import parse_text
from desktop.core.ratings import find_rating, ratings
from desktop.ui.settings_dialog import SettingsDialog
from desktop.ui.workbench import Workbench


@pytest.fixture(autouse=True)
def _qsettings(tmp_path):
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp_path / "qs"))


@pytest.fixture
def dialog(qtbot, store):
    wb = Workbench(store)
    d = SettingsDialog(wb)
    qtbot.addWidget(d)
    return d


def labels(store):
    with store.read() as s:
        return [r.label for r in ratings(s)]


def select(dialog, label):
    row = [r.label for r in dialog.scale.ratings].index(label)
    dialog.scale.table.selectRow(row)


def test_personal_settings_are_saved(dialog):
    dialog.checker.setText("Camille Martin")
    dialog.organization.setText("Les Vérificateurs")
    dialog.organization_url.setText("https://verif.example")
    dialog.include_sources.setChecked(False)
    dialog.accept()
    saved = settings.load()
    assert (saved.checker_name, saved.organization_name, saved.organization_url) == (
        "Camille Martin",
        "Les Vérificateurs",
        "https://verif.example",
    )
    assert saved.report_include_sources is False
    assert dialog.wb.settings.checker_name == "Camille Martin"


def test_add_rename_recolour_reorder_ratings(dialog, store, monkeypatch):
    changed = []
    dialog.wb.ratingsChanged.connect(lambda: changed.append(1))
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("Satire", True))
    dialog.scale.add()
    assert labels(store)[-1] == "Satire"
    select(dialog, "Satire")
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("Parodie", True))
    dialog.scale.rename()
    monkeypatch.setattr(QColorDialog, "getColor", lambda *a, **k: QColor("#8e24aa"))
    dialog.scale.recolour()
    dialog.scale.move(-1)
    assert labels(store)[-2:] == ["Parodie", "Unverifiable"]
    with store.read() as s:
        parody = find_rating(s, "Parodie")
    assert parody.color == "#8e24aa"
    assert len(changed) == 4


def test_delete_rating_in_use_asks_for_a_replacement(dialog, store, monkeypatch):
    with store.transaction() as s:
        article_id = add_article(s, parse_text("Titre\n\nUn texte à vérifier ici.")).article_id
        claim, _ = claims.create_claim(
            s, article_id, start=0, end=5, rating_id=find_rating(s, "Mixed").id
        )
    dialog.scale.reload()
    select(dialog, "Mixed")
    monkeypatch.setattr(QInputDialog, "getItem", lambda *a, **k: ("Misleading", False))
    dialog.scale.delete()  # cancelled: nothing changes
    assert "Mixed" in labels(store)
    monkeypatch.setattr(QInputDialog, "getItem", lambda *a, **k: ("Misleading", True))
    dialog.scale.delete()
    assert "Mixed" not in labels(store)
    with store.read() as s:
        assert views.get_claim(s, claim.id).rating.label == "Misleading"


def test_delete_unused_rating_confirms(dialog, store, monkeypatch):
    select(dialog, "True")
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.No)
    dialog.scale.delete()
    assert "True" in labels(store)
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    dialog.scale.delete()
    assert labels(store)[0] == "Mostly true"
