"""The GUI's language: French or English, following the system unless chosen in Settings.

Factdesk's own strings come from resources/translations/factdesk_<lang>.qm (made from
the .ts files with pyside6-lrelease); Qt's standard dialogs use Qt's own catalogues.
English is the source language, so it needs no catalogue.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

SUPPORTED = {"en": "English", "fr": "Français"}

_installed: list[QTranslator] = []


def translations_dir() -> Path:
    from desktop.resources import resource_path

    return resource_path("translations")


def system_language() -> str:
    """ "fr" or "en" from the operating system's UI languages (English when neither)."""
    for name in QLocale.system().uiLanguages():
        code = name.replace("_", "-").split("-")[0].lower()
        if code in SUPPORTED:
            return code
    return "en"


def effective_language(choice: str) -> str:
    return choice if choice in SUPPORTED else system_language()


def install(choice: str = "") -> str:
    """Load the catalogues for `choice` ("" = follow the system); returns the language."""
    app = QCoreApplication.instance()
    for translator in _installed:
        app.removeTranslator(translator)
    _installed.clear()
    language = effective_language(choice)
    QLocale.setDefault(QLocale(language))
    if language == "en":
        return language
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    for name, folder in ((f"qtbase_{language}", qt_dir), (f"factdesk_{language}", None)):
        translator = QTranslator(app)
        path = str(translations_dir()) if folder is None else folder
        if translator.load(name, path):
            app.installTranslator(translator)
            _installed.append(translator)
    return language


def rating_label(key: str, label: str) -> str:
    """A shipped rating's label in the GUI's language; ratings a user named stay as named."""
    names = {
        "true": QCoreApplication.translate("Ratings", "True"),
        "mostly-true": QCoreApplication.translate("Ratings", "Mostly true"),
        "mixed": QCoreApplication.translate("Ratings", "Mixed"),
        "misleading": QCoreApplication.translate("Ratings", "Misleading"),
        "mostly-false": QCoreApplication.translate("Ratings", "Mostly false"),
        "false": QCoreApplication.translate("Ratings", "False"),
        "unverifiable": QCoreApplication.translate("Ratings", "Unverifiable"),
    }
    from desktop.core.ratings import DEFAULT_RATINGS

    shipped = {k: english for k, english, _c, _v in DEFAULT_RATINGS}
    if key in names and label == shipped.get(key):
        return names[key]
    return label
