"""Another newsroom's published fact-check, as imported: what was claimed, by whom, the
verdict and a link to the review (opened in the browser only when clicked)."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel, QVBoxLayout


class ReferenceCheckDialog(QDialog):
    def __init__(self, check, parent=None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Fact-check by {0}").format(check.publisher or "—"))
        self.setMinimumWidth(460)
        layout = QVBoxLayout(self)
        form = QFormLayout()
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        rows = (
            (self.tr("Claim"), check.claim_text),
            (self.tr("Claimant"), check.claimant),
            (self.tr("Claim date"), check.claim_date.isoformat() if check.claim_date else ""),
            (self.tr("Verdict"), check.rating),
            (self.tr("Checked by"), check.publisher),
            (self.tr("Headline"), check.headline),
            (self.tr("Published"), check.review_date.isoformat() if check.review_date else ""),
        )
        for label, value in rows:
            if value:
                field = QLabel(value, self)
                field.setWordWrap(True)
                field.setTextFormat(Qt.TextFormat.PlainText)
                field.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
                form.addRow(label, field)
        if check.review_url.startswith(("http://", "https://")):
            url = escape(check.review_url, quote=True)
            link = QLabel(f'<a href="{url}">{escape(check.review_url)}</a>', self)
            link.setTextFormat(Qt.TextFormat.RichText)
            link.setOpenExternalLinks(True)
            link.setWordWrap(True)
            form.addRow(self.tr("Review"), link)
        layout.addLayout(form)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
