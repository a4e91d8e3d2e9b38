"""Where the window tells the person things: a status line that never runs into the
claim counts, and a message bar for notices that need reading and stay until dismissed."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QStatusBar,
    QToolButton,
    QWidget,
)


class ElidedLabel(QLabel):
    """One line of text cut with "…" to its width, the whole text in its tooltip."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.full = ""
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)

    def set_full_text(self, text: str) -> None:
        self.full = " ".join(text.split())
        self._elide()

    def _elide(self) -> None:
        shown = self.fontMetrics().elidedText(
            self.full, Qt.TextElideMode.ElideRight, max(0, self.width() - 2)
        )
        self.setText(shown)
        self.setToolTip(self.full if shown != self.full else "")

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._elide()


class StatusBar(QStatusBar):
    """showMessage() cuts a long message short of the permanent widgets (QStatusBar
    draws it under them); the whole text is in the tooltip."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.message = ElidedLabel(self)
        self.message.setAccessibleName(self.tr("Status"))
        self.addWidget(self.message, 1)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.clearMessage)

    def showMessage(self, text: str, timeout: int = 0) -> None:  # noqa: N802 (Qt's name)
        self.message.set_full_text(text)
        if timeout > 0:
            self._timer.start(timeout)
        else:
            self._timer.stop()

    def currentMessage(self) -> str:  # noqa: N802
        return self.message.full

    def clearMessage(self) -> None:  # noqa: N802
        self.message.set_full_text("")


class MessageBar(QFrame):
    """A notice above the workbench, with an optional action button and a close button."""

    actionTriggered = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("message_bar")
        self.setStyleSheet(
            "#message_bar { background: #fff4d6; border-bottom: 1px solid #e0c46c; }"
            "#message_bar QLabel { color: #3d2f00; }"
        )
        layout = QHBoxLayout(self)
        layout.setContentsMargins(10, 4, 4, 4)
        self.text = QLabel(self)
        self.text.setWordWrap(True)
        self.text.setTextFormat(Qt.TextFormat.PlainText)
        self.text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.text.setAccessibleName(self.tr("Notice"))
        self.action = QPushButton(self)
        self.action.clicked.connect(self.actionTriggered.emit)
        self.close_btn = QToolButton(self)
        self.close_btn.setText("✕")
        self.close_btn.setAutoRaise(True)
        self.close_btn.setToolTip(self.tr("Dismiss"))
        self.close_btn.setAccessibleName(self.tr("Dismiss the notice"))
        self.close_btn.clicked.connect(self.hide)
        layout.addWidget(self.text, 1)
        layout.addWidget(self.action)
        layout.addWidget(self.close_btn)
        self._callback = None
        self.actionTriggered.connect(self._run)
        self.hide()

    def show_notice(self, text: str, action: str = "", callback=None) -> None:
        self.text.setText(text)
        self.action.setText(action)
        self.action.setVisible(bool(action))
        self._callback = callback
        self.show()

    def _run(self) -> None:
        callback, self._callback = self._callback, None
        self.hide()
        if callback is not None:
            callback()
