"""Team mode in the window: a colleague's edit, a conflict and its resolution, refresh."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSettings

from desktop.core import audit, claims, views
from desktop.core.articles import add_article
from desktop.core.importers import parse_text
from desktop.core.store import open_store
from desktop.ui.main_window import MainWindow
from desktop.ui.server_dialog import ServerDialog, server_url, with_password, without_password
from desktop.ui.workbench import Workbench

TEXT = "Le préfet annonce 40 radars\n\nLe préfet a promis 40 nouveaux radars d’ici l’été."


@pytest.fixture(autouse=True)
def _qsettings(tmp_path):
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp_path / "qs"))
    yield
    audit.set_actor("")


@pytest.fixture
def team(qtbot, store, db_url):
    """Alice's window and Bob's separate connection on the same library."""
    with store.transaction() as s:
        article_id = add_article(s, parse_text(TEXT)).article_id
        claim, _ = claims.create_claim_from_quote(s, article_id, "40 nouveaux radars")
    window = MainWindow(Workbench(open_store(db_url)))
    qtbot.addWidget(window)
    window.library.select(article_id)
    window.select_claim(claim.id)
    return window, store, claim.id


def bob_sets(store, claim_id, **changes):
    audit.set_actor("Bob")
    with store.transaction() as s:
        claims.update_claim(s, claim_id, **changes)
    audit.set_actor("Alice")


@pytest.mark.parametrize("keep_mine", [True, False])
def test_conflicting_edit_asks_and_loses_nothing(team, keep_mine):
    window, bob_store, claim_id = team
    seen = window.editor.claim.claimant
    bob_sets(bob_store, claim_id, claimant="Préfecture du Rhône")
    asked = []
    window.wb.resolve_conflict = lambda conflict: asked.append(conflict) or keep_mine
    window._claim_edited("claimant", seen, "Le préfet")
    (conflict,) = asked
    assert (conflict.theirs, conflict.mine, conflict.by) == (
        "Préfecture du Rhône",
        "Le préfet",
        "Bob",
    )
    with bob_store.read() as s:
        saved = views.get_claim(s, claim_id).claimant
    expected = "Le préfet" if keep_mine else "Préfecture du Rhône"
    assert saved == expected
    assert window.editor.claimant.text() == expected  # the editor shows what is saved


def test_colleagues_changes_appear_on_refresh(team):
    window, bob_store, claim_id = team
    assert not window.wb.check_for_changes()  # nothing new yet
    bob_sets(bob_store, claim_id, claimant="Préfecture du Rhône")
    with bob_store.transaction() as s:
        claims.create_claim_from_quote(s, window.article_id, "d’ici l’été")
    assert window.wb.check_for_changes()
    window.refresh()
    assert len(window.claims) == 2
    assert window.editor.claim.claimant == "Préfecture du Rhône"
    # Our own edits are not reported as someone else's.
    window._claim_edited("status", "draft", "review")
    assert not window.wb.check_for_changes()


def test_server_dialog_keeps_the_password_out_of_the_address(qtbot, monkeypatch):
    dialog = ServerDialog(None)
    qtbot.addWidget(dialog)
    dialog.host.setText("db.newsroom.example")
    dialog.port.setValue(6543)
    dialog.database.setText("desk")
    dialog.user.setText("alice")
    dialog.password.setText("s3cr:et/")
    assert dialog.location() == "postgresql+psycopg://alice@db.newsroom.example:6543/desk"
    assert "s3cr" in dialog.connect_url()
    assert without_password(dialog.connect_url()) == dialog.location()
    assert server_url("h", 5432, "d", "u") == "postgresql+psycopg://u@h:5432/d"
    # No keyring here: the password is asked for; cancelling opens nothing.
    monkeypatch.setattr("desktop.ui.server_dialog.stored_password", lambda loc: None)
    monkeypatch.setattr(
        "desktop.ui.server_dialog.QInputDialog.getText", lambda *a, **k: ("pw", True)
    )
    assert with_password(dialog, dialog.location()).startswith("postgresql+psycopg://alice:pw@")
    monkeypatch.setattr(
        "desktop.ui.server_dialog.QInputDialog.getText", lambda *a, **k: ("", False)
    )
    assert with_password(dialog, dialog.location()) is None
