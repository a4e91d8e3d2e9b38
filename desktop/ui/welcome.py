"""What an empty library shows: three ways to start, and the workflow in one line."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QLabel, QPushButton, QVBoxLayout, QWidget


class WelcomeView(QWidget):
    importRequested = Signal()
    pasteRequested = Signal()
    demoRequested = Signal()

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setAccessibleName(self.tr("Welcome"))
        title = QLabel(self.tr("Welcome to Factdesk"), self)
        font = QFont(title.font())
        font.setPointSizeF(font.pointSizeF() * 1.8)
        font.setBold(True)
        title.setFont(font)
        intro = QLabel(
            self.tr(
                "Bring in an article, select the sentences that make a claim, cite your "
                "sources, give a verdict — then export a report or ClaimReview."
            ),
            self,
        )
        intro.setWordWrap(True)
        intro.setAlignment(Qt.AlignmentFlag.AlignCenter)
        intro.setFixedWidth(460)  # a wrapped label in a centred layout needs a fixed width
        intro.setMinimumHeight(intro.heightForWidth(460))
        self.import_button = QPushButton(self.tr("&Import an article…"), self)
        self.import_button.setToolTip(self.tr("A text, Markdown, web page, Word or PDF file"))
        self.paste_button = QPushButton(self.tr("&Paste text"), self)
        self.paste_button.setToolTip(self.tr("Make an article of the text on the clipboard"))
        self.demo_button = QPushButton(self.tr("Open the &demo article"), self)
        self.demo_button.setToolTip(self.tr("A short sample article to try Factdesk on"))
        layout = QVBoxLayout(self)
        layout.addStretch(2)
        for widget in (title, intro):
            layout.addWidget(widget, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addSpacing(18)
        for button in (self.import_button, self.paste_button, self.demo_button):
            button.setMinimumWidth(260)
            button.setMinimumHeight(36)
            layout.addWidget(button, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addStretch(3)
        self.import_button.clicked.connect(self.importRequested.emit)
        self.paste_button.clicked.connect(self.pasteRequested.emit)
        self.demo_button.clicked.connect(self.demoRequested.emit)
