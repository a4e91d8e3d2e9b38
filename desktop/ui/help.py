"""Help menu contents: the keyboard shortcuts (read from the window's own actions, so the
list is never out of date) and a short guide to the workflow."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTextBrowser, QVBoxLayout, QWidget


def _tr(text: str) -> str:
    """Translate in the "Help" context (update.sh shows these calls to lupdate)."""
    return QCoreApplication.translate("Help", text)


def _dialog(parent: QWidget, title: str, html: str) -> QDialog:
    dialog = QDialog(parent)
    dialog.setWindowTitle(title)
    dialog.resize(560, 520)
    text = QTextBrowser(dialog)
    text.setOpenExternalLinks(False)
    text.setHtml(html)
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, dialog)
    buttons.rejected.connect(dialog.reject)
    layout = QVBoxLayout(dialog)
    layout.addWidget(text)
    layout.addWidget(buttons)
    dialog.text = text
    return dialog


def shortcuts_html(actions, extra: list[tuple[str, str]]) -> str:
    rows = []
    for action in actions:
        keys = [s.toString(QKeySequence.SequenceFormat.NativeText) for s in action.shortcuts()]
        if keys:
            label = action.text().replace("&&", "\0").replace("&", "").replace("\0", "&")
            rows.append((label.rstrip("…"), " / ".join(keys)))
    rows.extend(extra)
    body = "".join(
        f"<tr><td style='padding:3px 18px 3px 0'>{escape(a)}</td><td><b>{escape(k)}</b></td></tr>"
        for a, k in rows
    )
    return f"<table>{body}</table>"


def shortcuts_dialog(parent: QWidget, actions) -> QDialog:
    extra = [
        (_tr("Select a whole sentence"), _tr("Alt+click")),
        (_tr("Select a whole sentence"), _tr("Ctrl+double-click")),
        (_tr("Next / previous match in Find"), _tr("Enter / Shift+Enter")),
    ]
    return _dialog(parent, _tr("Keyboard shortcuts"), shortcuts_html(actions, extra))


def guide_dialog(parent: QWidget) -> QDialog:
    html = _tr(
        "<h3>From article to published check</h3>"
        "<ol>"
        "<li><b>Import</b> the article: File → Import Article (text, Markdown, web page, "
        "Word, PDF), Import from URL, Paste, or drop a file on the window.</li>"
        "<li><b>Tag</b> each claim: select its words and press Ctrl+T. Alt+click takes a "
        "whole sentence. A claim can rest on several passages: select another and use "
        "Add Selection to Claim.</li>"
        "<li><b>Describe</b> it: restate the claim, name the claimant, and add the date "
        "and where it appeared.</li>"
        "<li><b>Source</b> it: add the documents that support or refute it, with the "
        "passage that matters. Sources already in your library can be reused.</li>"
        "<li><b>Rate</b> it: choose a verdict and explain why in the rationale "
        "(Markdown). The highlight takes the verdict's colour.</li>"
        "<li><b>Export</b>: File → Export writes a report (HTML, PDF, Word, Markdown), "
        "a CSV table, or the ClaimReview and Web Annotation files newsrooms publish.</li>"
        "</ol>"
        "<p>Everything is saved as you go; Ctrl+Z undoes any step.</p>"
    )
    return _dialog(parent, _tr("How Factdesk works"), html)
