"""Ctrl+F in the article: a bar above the text that finds words, forwards and back."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor, QTextDocument
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QTextEdit, QToolButton, QWidget


class FindBar(QWidget):
    """Ctrl+F: find words in the article; Enter for next, Shift+Enter for previous."""

    def __init__(self, view: QTextEdit, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.view = view
        layout = QHBoxLayout(self)
        layout.setContentsMargins(6, 2, 6, 2)
        self.field = QLineEdit(self)
        self.field.setPlaceholderText(self.tr("Find in article"))
        self.field.setAccessibleName(self.tr("Find in article"))
        self.field.setClearButtonEnabled(True)
        self.status = QLabel(self)
        prev_btn = QToolButton(self)
        prev_btn.setText("▲")
        prev_btn.setToolTip(self.tr("Previous match (Shift+Enter)"))
        prev_btn.setAccessibleName(self.tr("Previous match"))
        next_btn = QToolButton(self)
        next_btn.setText("▼")
        next_btn.setToolTip(self.tr("Next match (Enter)"))
        next_btn.setAccessibleName(self.tr("Next match"))
        close_btn = QToolButton(self)
        close_btn.setText("✕")
        close_btn.setAccessibleName(self.tr("Close find bar"))
        for w in (self.field, self.status, prev_btn, next_btn, close_btn):
            layout.addWidget(w)
        self.field.returnPressed.connect(self.find_next)
        self.field.textChanged.connect(lambda _t: self.find_next(from_start=True))
        prev_btn.clicked.connect(self.find_previous)
        next_btn.clicked.connect(self.find_next)
        close_btn.clicked.connect(self.close_bar)
        self.hide()

    def open_bar(self) -> None:
        self.show()
        self.field.setFocus()
        self.field.selectAll()

    def close_bar(self) -> None:
        self.hide()
        self.view.setFocus()

    def keyPressEvent(self, event) -> None:
        if event.key() == Qt.Key.Key_Escape:
            self.close_bar()
        elif event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and (
            event.modifiers() & Qt.KeyboardModifier.ShiftModifier
        ):
            self.find_previous()
        else:
            super().keyPressEvent(event)

    def find_next(self, from_start: bool = False) -> bool:
        return self._find(QTextDocument.FindFlag(0), from_start)

    def find_previous(self) -> bool:
        return self._find(QTextDocument.FindFlag.FindBackward, False)

    def _find(self, flags, from_start: bool) -> bool:
        needle = self.field.text()
        if not needle:
            self.status.clear()
            return False
        doc = self.view.document()
        start = QTextCursor(doc) if from_start else self.view.textCursor()
        if from_start:
            start.movePosition(QTextCursor.MoveOperation.Start)
        found = doc.find(needle, start, flags)
        if found.isNull():  # wrap around
            wrap = QTextCursor(doc)
            if flags & QTextDocument.FindFlag.FindBackward:
                wrap.movePosition(QTextCursor.MoveOperation.End)
            found = doc.find(needle, wrap, flags)
        if found.isNull():
            self.status.setText(self.tr("Not found"))
            return False
        self.status.clear()
        self.view.setTextCursor(found)
        self.view.ensureCursorVisible()
        return True
