"""File → Export: which articles, which format, where, and who signs it.

The export itself runs in desktop.core.exporters off the UI thread (a progress dialog
shows for long ones); the organization and checker typed here are remembered in the
user's settings, since they sign every ClaimReview.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QStandardPaths, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.core.exporters import FORMATS
from desktop.core.views import ArticleSummary
from desktop.ui.state import qsettings

_SAFE_NAME = str.maketrans({c: "-" for c in '/\\:*?"<>|'})


class ExportDialog(QDialog):
    def __init__(
        self,
        parent,
        articles: list[ArticleSummary],
        current: int | None,
        settings,
        open_settings=None,
    ):
        super().__init__(parent)
        self._open_settings = open_settings  # returns the settings after the dialog
        self.setWindowTitle(self.tr("Export"))
        self.setMinimumWidth(560)
        self._articles = articles
        self._dest_edited = False

        self.list = QListWidget(self)
        self.list.setAccessibleName(self.tr("Articles to export"))
        for a in articles:
            item = QListWidgetItem(a.title or self.tr("(untitled)"))
            item.setData(Qt.ItemDataRole.UserRole, a.id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(
                Qt.CheckState.Checked if a.id == current else Qt.CheckState.Unchecked
            )
            self.list.addItem(item)
        self.format = QComboBox(self)
        self.format.setAccessibleName(self.tr("Format"))
        descriptions = {
            "html": self.tr("Annotated report — web page (HTML)"),
            "pdf": self.tr("Annotated report — PDF (A4)"),
            "md": self.tr("Annotated report — Markdown"),
            "docx": self.tr("Annotated report — Word (DOCX)"),
            "csv": self.tr("Claims table — CSV for spreadsheets"),
            "json": self.tr("Everything — JSON"),
            "claimreview": self.tr("schema.org ClaimReview (JSON-LD)"),
            "webannotation": self.tr("W3C Web Annotation (JSON-LD)"),
        }
        for name, (_fn, _ext, description) in FORMATS.items():
            self.format.addItem(descriptions.get(name, description), name)
        remembered = qsettings()
        self._folder = str(remembered.value("export/folder", "") or "")
        last_format = self.format.findData(remembered.value("export/format", "html"))
        self.format.setCurrentIndex(max(0, last_format))
        self.organization = QLineEdit(settings.organization_name, self)
        self.organization.setAccessibleName(self.tr("Organization"))
        self.organization.setPlaceholderText(self.tr("Your newsroom or fact-checking desk"))
        self.organization_url = QLineEdit(settings.organization_url, self)
        self.organization_url.setAccessibleName(self.tr("Organization website"))
        self.organization_url.setPlaceholderText("https://…")
        self.checker = QLineEdit(
            str(remembered.value("export/checker", "") or settings.checker_name), self
        )
        self.checker.setAccessibleName(self.tr("Checker"))
        self.dest = QLineEdit(self)
        self.dest.setAccessibleName(self.tr("Destination file"))
        browse = QPushButton(self.tr("&Browse…"), self)
        dest_row = QHBoxLayout()
        dest_row.addWidget(self.dest, 1)
        dest_row.addWidget(browse)
        self.open_when_done = QCheckBox(self.tr("&Open the file when done"), self)
        self.open_when_done.setChecked(True)
        self.drafts = QCheckBox(
            self.tr("ClaimReview of claims not yet &published too (marked as drafts)"), self
        )
        self.drafts.setToolTip(
            self.tr("Off, the markup holds published claims only: what a search engine may show.")
        )
        # Said before exporting, not after: ClaimReview is signed by the organization.
        self.signer_note = QLabel(
            self.tr(
                "ClaimReview needs your organization's name and website: search engines "
                "show who checked the claim. Fill them in here or in Settings."
            ),
            self,
        )
        self.signer_note.setWordWrap(True)
        self.signer_note.setStyleSheet("QLabel { color: #8a5300; }")
        self.settings_btn = QPushButton(self.tr("Se&ttings…"), self)
        self.settings_btn.clicked.connect(self._settings)
        self.settings_btn.setVisible(open_settings is not None)
        signer_row = QHBoxLayout()
        signer_row.addWidget(self.signer_note, 1)
        signer_row.addWidget(self.settings_btn)
        self.signer_box = QWidget(self)
        self.signer_box.setLayout(signer_row)
        signer_row.setContentsMargins(0, 0, 0, 0)

        form = QFormLayout()
        form.addRow(self.tr("&Articles:"), self.list)
        form.addRow(self.tr("&Format:"), self.format)
        form.addRow(self.tr("Or&ganization:"), self.organization)
        form.addRow(self.tr("&Website:"), self.organization_url)
        form.addRow(self.tr("&Checker:"), self.checker)
        save_as = QLabel(self.tr("&Save as:"), self)
        save_as.setBuddy(self.dest)  # a label on a layout has no buddy: "&" would show
        form.addRow(save_as, dest_row)
        form.addRow("", self.drafts)
        form.addRow("", self.open_when_done)
        form.addRow(self.signer_box)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("&Export"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.buttons)

        browse.clicked.connect(self.browse)
        self.format.currentIndexChanged.connect(self._suggest_dest)
        self.format.currentIndexChanged.connect(lambda _i: self._update_signer())
        self.organization.textChanged.connect(lambda _t: self._update_signer())
        self.organization_url.textChanged.connect(lambda _t: self._update_signer())
        self._update_signer()
        self.list.itemChanged.connect(self._on_item_changed)
        self.dest.textEdited.connect(self._mark_edited)
        self._suggest_dest()

    def signs_claimreview(self) -> bool:
        return self.fmt() in ("html", "claimreview")

    def _update_signer(self) -> None:
        signs = self.signs_claimreview()
        self.drafts.setVisible(signs)
        missing = not (self.organization.text().strip() and self.organization_url.text().strip())
        self.signer_box.setVisible(signs and missing)

    def _settings(self) -> None:
        settings = self._open_settings()
        if settings is not None:
            self.organization.setText(settings.organization_name)
            self.organization_url.setText(settings.organization_url)

    def _mark_edited(self, _text: str) -> None:
        self._dest_edited = True

    def _on_item_changed(self, _item) -> None:
        self._suggest_dest()
        self._update_ok()

    def _update_ok(self) -> None:
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setEnabled(bool(self.article_ids()) and bool(self.dest.text().strip()))

    def article_ids(self) -> list[int]:
        return [
            self.list.item(i).data(Qt.ItemDataRole.UserRole)
            for i in range(self.list.count())
            if self.list.item(i).checkState() == Qt.CheckState.Checked
        ]

    def fmt(self) -> str:
        return self.format.currentData()

    def _suggest_dest(self) -> None:
        """A file name from the first article's title, in Documents, unless typed by hand."""
        ext = FORMATS[self.fmt()][1]
        if self._dest_edited and self.dest.text().strip():
            current = Path(self.dest.text().strip())
            self.dest.setText(str(current.with_suffix(ext)))
        else:
            ids = self.article_ids()
            title = next((a.title for a in self._articles if ids and a.id == ids[0]), "")
            stem = (title or "factdesk-export").translate(_SAFE_NAME)[:60].strip() or "export"
            folder = (
                (self._folder if Path(self._folder).is_dir() else "")
                or QStandardPaths.writableLocation(
                    QStandardPaths.StandardLocation.DocumentsLocation
                )
                or str(Path.home())
            )
            self.dest.setText(str(Path(folder) / f"{stem}{ext}"))
        self._update_ok()

    def accept(self) -> None:
        """Remember the folder, format and checker for the next export."""
        remembered = qsettings()
        remembered.setValue("export/folder", str(Path(self.dest.text().strip()).parent))
        remembered.setValue("export/format", self.fmt())
        remembered.setValue("export/checker", self.checker.text().strip())
        super().accept()

    def browse(self) -> None:
        ext = FORMATS[self.fmt()][1]
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Export as"), self.dest.text(), f"*{ext}"
        )
        if path:
            if not path.endswith(ext):
                path += ext
            self.dest.setText(path)
            self._dest_edited = True
            self._update_ok()
