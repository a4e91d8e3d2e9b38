"""The GUI in French and back in English, and the French catalogue complete and up to date.

The window is built after `i18n.install("fr")`, as the application does at start, and its
menus, claim editor and welcome view are read back. The catalogue checks parse
resources/translations/factdesk_fr.ts: every entry finished, every placeholder and HTML tag
kept, the committed .qm compiled from it, and no source text missing from it.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QSettings
from PySide6.QtWidgets import QApplication, QLabel

from desktop.ui import i18n
from desktop.ui.main_window import MainWindow
from desktop.ui.workbench import Workbench

ROOT = Path(__file__).resolve().parent.parent
TRANSLATIONS = ROOT / "resources" / "translations"
FR_TS = TRANSLATIONS / "factdesk_fr.ts"
NB = "\u00a0"


@pytest.fixture(autouse=True)
def _qsettings(tmp_path):
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp_path / "qs"))


@pytest.fixture
def english_after(qapp):
    """Whatever a test installs, the next test starts in English again."""
    yield
    i18n.install("en")


def make_window(qtbot, store) -> MainWindow:
    window = MainWindow(Workbench(store))
    qtbot.addWidget(window)
    window.resize(1300, 800)
    window.show()
    qtbot.waitExposed(window)
    return window


def menu_titles(window: MainWindow) -> list[str]:
    return [a.text() for a in window.menuBar().actions()]


def menu_items(window: MainWindow, title: str) -> list[str]:
    (menu,) = [a.menu() for a in window.menuBar().actions() if a.text() == title]
    return [a.text() for a in menu.actions() if not a.isSeparator()]


def combo_items(combo) -> list[str]:
    return [combo.itemText(i) for i in range(combo.count())]


def label_texts(widget) -> set[str]:
    return {label.text() for label in widget.findChildren(QLabel)}


def accelerator(text: str) -> str | None:
    found = re.search(r"&([^&])", text.replace("&&", ""))
    return found.group(1).lower() if found else None


def test_window_in_french_then_english(qtbot, store, english_after):
    assert i18n.install("fr") == "fr"
    window = make_window(qtbot, store)
    assert menu_titles(window) == ["&Fichier", "&Édition", "&Affichage", "Ai&de"]
    # Each menu's items are French, and no two share an accelerator.
    for title in menu_titles(window):
        items = menu_items(window, title)
        keys = [accelerator(t) for t in items if accelerator(t)]
        assert len(keys) == len(set(keys)), (title, items)
    file_items = menu_items(window, "&Fichier")
    assert "&Importer un article…" in file_items
    assert "&Exporter…" in file_items
    assert "&Quitter" in file_items
    edit_items = menu_items(window, "&Édition")
    assert "&Marquer comme affirmation" in edit_items
    assert "&Paramètres…" in edit_items
    assert "&Annuler" in edit_items

    editor = window.editor
    labels = label_texts(editor)
    for expected in (
        f"&Affirmation{NB}:",
        f"A&uteur{NB}:",
        f"&Verdict{NB}:",
        f"&Statut{NB}:",
        f"É&tiquettes{NB}:",
        f"Ar&gumentaire{NB}:",
    ):
        assert expected in labels
    assert editor.text.placeholderText() == "L’affirmation, reformulée avec vos mots"
    assert editor.claimant.placeholderText() == "Qui a fait cette affirmation"
    assert combo_items(editor.status) == ["Brouillon", "En relecture", "Publié"]
    assert combo_items(editor.claimant_kind) == ["—", "Personne", "Organisation"]
    verdicts = combo_items(editor.verdict)
    assert verdicts[0] == "Non évalué"
    assert "Plutôt faux" in verdicts
    assert i18n.rating_label("mostly-false", "Mostly false") == "Plutôt faux"
    assert i18n.rating_label("mostly-false", "À moitié faux") == "À moitié faux"  # user-named
    for key, french in (("true", "Vrai"), ("mixed", "Mitigé"), ("unverifiable", "Invérifiable")):
        assert french in verdicts, key

    welcome = window.welcome
    assert welcome.import_button.text() == "&Importer un article…"
    assert welcome.paste_button.text() == "&Coller du texte"
    assert welcome.demo_button.text() == "Ouvrir l’article de &démonstration"
    assert "Bienvenue dans Factdesk" in label_texts(welcome)
    window.close()

    assert i18n.install("en") == "en"
    window = make_window(qtbot, store)
    assert menu_titles(window) == ["&File", "&Edit", "&View", "&Help"]
    assert "&Verdict:" in label_texts(window.editor)
    assert combo_items(window.editor.status) == ["Draft", "In review", "Published"]
    assert "Mostly false" in combo_items(window.editor.verdict)
    assert window.welcome.import_button.text() == "&Import an article…"
    assert QCoreApplication.translate("Ratings", "Mostly false") == "Mostly false"


def test_language_follows_the_system_unless_chosen(qapp, english_after):
    assert i18n.effective_language("fr") == "fr"
    assert i18n.effective_language("en") == "en"
    assert i18n.effective_language("") in i18n.SUPPORTED
    assert i18n.install("fr") == "fr"
    assert QApplication.translate("Ratings", "Misleading") == "Trompeur"


# --- the catalogue ------------------------------------------------------------------------


def messages(path: Path):
    """(context, source, translation element) for every message of a .ts file."""
    for context in ET.parse(path).getroot().iter("context"):
        name = context.findtext("name")
        for message in context.iter("message"):
            yield name, message.findtext("source"), message.find("translation")


PLACEHOLDER = re.compile(r"\{\d+\}|%n|%L?\d+")
TAG = re.compile(r"</?[a-zA-Z][a-zA-Z0-9]*\b[^>]*>")


def test_french_catalogue_is_complete():
    entries = list(messages(FR_TS))
    assert len(entries) > 250
    unfinished = [(c, s) for c, s, t in entries if t.get("type") in ("unfinished", "obsolete")]
    assert not unfinished, unfinished
    empty = [(c, s) for c, s, t in entries if not (t.text or "").strip()]
    assert not empty, empty
    for context, source, translation in entries:
        text = translation.text
        for mark in PLACEHOLDER.findall(source):
            assert mark in text, (context, source, text)
        assert sorted(PLACEHOLDER.findall(source)) == sorted(PLACEHOLDER.findall(text)), (
            context,
            source,
        )
        assert sorted(TAG.findall(source)) == sorted(TAG.findall(text)), (context, source)
        assert source.count("&") - 2 * source.count("&&") <= 1
        has_accel = accelerator(source) is not None
        assert (accelerator(text) is not None) == has_accel, (context, source, text)
        assert source.endswith("…") == text.endswith("…"), (context, source, text)
        # French typography: no plain space before a colon, no straight apostrophe.
        assert " :" not in text and "'" not in text.replace("='", ""), (context, text)


def test_default_rating_labels_are_french():
    ratings = {s: t.text for c, s, t in messages(FR_TS) if c == "Ratings"}
    assert ratings == {
        "True": "Vrai",
        "Mostly true": "Plutôt vrai",
        "Mixed": "Mitigé",
        "Misleading": "Trompeur",
        "Mostly false": "Plutôt faux",
        "False": "Faux",
        "Unverifiable": "Invérifiable",
    }


def tool(name: str) -> str | None:
    beside = Path(sys.executable).parent / name
    return str(beside) if beside.exists() else shutil.which(name)


def test_committed_qm_is_compiled_from_the_ts(tmp_path):
    lrelease = tool("pyside6-lrelease")
    if lrelease is None:
        pytest.skip("pyside6-lrelease is not installed")
    for lang in ("fr", "en"):
        fresh = tmp_path / f"factdesk_{lang}.qm"
        subprocess.run(
            [lrelease, "-silent", str(TRANSLATIONS / f"factdesk_{lang}.ts"), "-qm", str(fresh)],
            check=True,
        )
        committed = TRANSLATIONS / f"factdesk_{lang}.qm"
        assert committed.read_bytes() == fresh.read_bytes(), (
            f"{committed.name} is stale: run resources/translations/update.sh"
        )


def test_catalogue_has_every_source_text(tmp_path):
    if tool("pyside6-lupdate") is None or tool("pyside6-lrelease") is None:
        pytest.skip("pyside6-lupdate is not installed, so the sources cannot be scanned")
    if shutil.which("sh") is None:
        pytest.skip("no POSIX shell to run resources/translations/update.sh")
    env = dict(os.environ, FACTDESK_TS_OUT=str(tmp_path))
    env["PATH"] = os.pathsep.join([str(Path(sys.executable).parent), env.get("PATH", "")])
    subprocess.run(
        ["sh", str(TRANSLATIONS / "update.sh")],
        check=True,
        env=env,
        capture_output=True,
    )
    committed = {(c, s) for c, s, _t in messages(FR_TS)}
    scanned = {(c, s) for c, s, _t in messages(tmp_path / "factdesk_fr.ts")}
    assert not scanned - committed, (
        "source texts missing from factdesk_fr.ts (run resources/translations/update.sh "
        f"and translate them): {sorted(scanned - committed)}"
    )
    assert not committed - scanned, (
        "factdesk_fr.ts has texts the sources no longer use (run update.sh): "
        f"{sorted(committed - scanned)}"
    )
    english = {(c, s) for c, s, _t in messages(TRANSLATIONS / "factdesk_en.ts")}
    assert english == scanned, "factdesk_en.ts is stale: run resources/translations/update.sh"


def test_a_french_system_gets_a_french_interface(tmp_path):
    """With no language chosen, the operating system's decides (LANG / LANGUAGE here)."""
    import os
    import subprocess
    import sys

    code = (
        "from PySide6.QtCore import QCoreApplication\n"
        "app = QCoreApplication([])\n"
        "from desktop.ui.i18n import install, rating_label\n"
        "from PySide6.QtCore import QCoreApplication as Q\n"
        "print(install(''), Q.translate('MainWindow', '&File'), rating_label('false', 'False'))\n"
    )
    env = {**os.environ, "LANG": "fr_FR.UTF-8", "LANGUAGE": "fr_FR:fr", "LC_ALL": "fr_FR.UTF-8"}
    env["QT_QPA_PLATFORM"] = "offscreen"
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=env, timeout=60
    )
    assert out.returncode == 0, out.stderr
    assert out.stdout.split() == ["fr", "&Fichier", "Faux"]
