"""The editor of the selected claim.

The editor never writes to the database itself: each finished edit is reported as
(field, old value, new value) and the main window turns it into an undo command. Each
field saves on its own (desktop.ui.claim_fields), and a reload never overwrites a field
the person is typing in.
"""

from __future__ import annotations

import shiboken6
from PySide6.QtCore import QStringListModel, Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QFormLayout,
    QLabel,
    QLineEdit,
    QScrollArea,
    QTabWidget,
    QTextBrowser,
    QWidget,
)

from desktop.core.ratings import NEUTRAL_COLOR
from desktop.core.views import ClaimView, RatingView
from desktop.ui.already_checked import AlreadyChecked
from desktop.ui.claim_fields import (
    DateEdit,
    DateField,
    Field,
    LineField,
    PlainField,
    TagsField,
    TextEdit,
)
from desktop.ui.i18n import rating_label
from desktop.ui.sources_table import SourcesTable, color_icon

# Google's advice for ClaimReview's claimReviewed: a short form fits in search results.
SHORT_CLAIM = 75


class ClaimEditor(QScrollArea):
    """Fields of the selected claim. Emits edited(field, old, new) for each change."""

    edited = Signal(str, object, object)
    notice = Signal(str)  # something the person should read (an unreadable date)
    fields_pending = Signal()  # typing started or was saved (Undo's state follows it)

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setWidgetResizable(True)
        self.setFrameShape(QScrollArea.Shape.NoFrame)
        # Scroll, never clip: at 1024 px or 150 % scale the fields wrap under their labels
        # and the area scrolls both ways if they still do not fit.
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        self.claim: ClaimView | None = None
        self._saving: str | None = None  # the field whose save is under way
        body = QWidget(self)
        self.setWidget(body)
        form = QFormLayout(body)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)

        self.quote = QLabel(body)
        self.quote.setWordWrap(True)
        self.quote.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.quote.setTextFormat(Qt.TextFormat.PlainText)
        self.quote.setAccessibleName(self.tr("Quoted text"))
        self.quote.setStyleSheet("QLabel { font-style: italic; }")
        form.addRow(self.tr("Quote:"), self.quote)
        # Set by the window for an article with versions: how the quote changed since the
        # version the claim was checked against (claim id → sentence).
        self.version_notes: dict[int, str] = {}
        self.version_note = QLabel(body)
        self.version_note.setWordWrap(True)
        self.version_note.setTextFormat(Qt.TextFormat.PlainText)
        self.version_note.setAccessibleName(self.tr("Quote changed in a newer version"))
        self.version_note.setStyleSheet("QLabel { color: #9a5b00; }")
        self.version_note.hide()
        form.addRow("", self.version_note)

        self.text = TextEdit(body)
        self.text.setPlaceholderText(self.tr("The claim in your own words"))
        self.text.setTabChangesFocus(True)
        self.text.setFixedHeight(70)
        form.addRow(self.tr("&Claim:"), self.text)
        self.text_hint = QLabel(body)
        self.text_hint.setWordWrap(True)
        self.text_hint.setStyleSheet("QLabel { color: palette(placeholder-text); }")
        self.text_hint.hide()
        form.addRow("", self.text_hint)

        self.claimant = QLineEdit(body)
        self.claimant.setPlaceholderText(self.tr("Who made the claim"))
        self.claimant_kind = QComboBox(body)
        for key, label in (
            ("", self.tr("—")),
            ("person", self.tr("Person")),
            ("organization", self.tr("Organization")),
        ):
            self.claimant_kind.addItem(label, key)
        form.addRow(self.tr("Clai&mant:"), self.claimant)
        form.addRow(self.tr("Claimant &is:"), self.claimant_kind)

        self.claim_date = DateEdit(body)
        form.addRow(self.tr("Claim &date:"), self.claim_date)

        self.appearance_url = QLineEdit(body)
        self.appearance_url.setPlaceholderText("https://…")
        form.addRow(self.tr("&Appeared at:"), self.appearance_url)

        self.verdict = QComboBox(body)
        form.addRow(self.tr("&Verdict:"), self.verdict)

        self.status = QComboBox(body)
        for key, label in (
            ("draft", self.tr("Draft")),
            ("review", self.tr("In review")),
            ("published", self.tr("Published")),
        ):
            self.status.addItem(label, key)
        form.addRow(self.tr("&Status:"), self.status)

        self.tags = QLineEdit(body)
        self.tags.setPlaceholderText(self.tr("Comma-separated, e.g. elections, Russia"))
        form.addRow(self.tr("&Tags:"), self.tags)

        self.checker = QLineEdit(body)
        form.addRow(self.tr("C&hecker:"), self.checker)

        self.rationale = TextEdit(body)
        self.rationale.setPlaceholderText(self.tr("Why this verdict (Markdown)"))
        self.rationale.setTabChangesFocus(True)
        self.preview = QTextBrowser(body)
        self.preview.setOpenLinks(False)
        self.preview.anchorClicked.connect(self._open_link)
        self.rationale_tabs = QTabWidget(body)
        self.rationale_tabs.addTab(self.rationale, self.tr("Write"))
        self.rationale_tabs.addTab(self.preview, self.tr("Preview"))
        self.rationale_tabs.setMinimumHeight(120)
        self.rationale_tabs.setMaximumHeight(200)
        self.rationale_tabs.currentChanged.connect(self._update_preview)
        form.addRow(self.tr("&Rationale:"), self.rationale_tabs)

        self.sources = SourcesTable(body)
        sources_label = QLabel(self.tr("Sources"), body)
        sources_label.setStyleSheet("QLabel { font-weight: 600; margin-top: 6px; }")
        form.addRow(sources_label)
        form.addRow(self.sources)

        self.already = AlreadyChecked(body)
        already_label = QLabel(self.tr("Already checked?"), body)
        already_label.setStyleSheet("QLabel { font-weight: 600; margin-top: 6px; }")
        form.addRow(already_label)
        form.addRow(self.already)
        self.text.textChanged.connect(self._claim_words_changed)

        names = {
            self.text: self.tr("Restated claim"),
            self.claimant: self.tr("Claimant"),
            self.claimant_kind: self.tr("Claimant kind"),
            self.claim_date.line: self.tr("Claim date"),
            self.appearance_url: self.tr("Appearance URL"),
            self.verdict: self.tr("Verdict"),
            self.status: self.tr("Status"),
            self.tags: self.tr("Tags"),
            self.checker: self.tr("Checker"),
            self.rationale: self.tr("Rationale"),
        }
        for widget, name in names.items():
            widget.setAccessibleName(name)

        self._claimant_completer = QCompleter([], self)
        self._claimant_completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.claimant.setCompleter(self._claimant_completer)
        self._tag_completer = QCompleter([], self)
        self._tag_completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.tags.setCompleter(self._tag_completer)

        self.date_field = DateField("claim_date", self.claim_date, self.notice.emit)
        self.fields: dict[str, Field] = {
            f.name: f
            for f in (
                PlainField("text", self.text, strip=True),
                LineField("claimant", self.claimant),
                self.date_field,
                LineField("appearance_url", self.appearance_url),
                TagsField("tags", self.tags),
                LineField("checker", self.checker),
                PlainField("rationale", self.rationale, strip=False),
            )
        }
        for f in self.fields.values():
            f.finished.connect(self.save)
            f.changed.connect(lambda _n: self.fields_pending.emit())
        self.fields["text"].changed.connect(lambda _n: self._update_text_hint())
        self.date_field.changed.connect(lambda _n: self.date_field.mark(True))
        self._claimant_completer.activated.connect(lambda _t: self.save("claimant"))
        self.claimant_kind.activated.connect(
            lambda _i: self._emit("claimant_kind", self.claimant_kind.currentData())
        )
        self.status.activated.connect(lambda _i: self._emit("status", self.status.currentData()))
        self.verdict.activated.connect(
            lambda _i: self._emit("rating_id", self.verdict.currentData())
        )
        self.set_claim(None)

    # --- loading -----------------------------------------------------------------

    def set_ratings(self, ratings: list[RatingView]) -> None:
        current = self.verdict.currentData()
        self.verdict.clear()
        self.verdict.addItem(color_icon(NEUTRAL_COLOR), self.tr("Not rated"), None)
        for r in ratings:
            self.verdict.addItem(color_icon(r.color), rating_label(r.key, r.label), r.id)
        self.verdict.setCurrentIndex(max(0, self.verdict.findData(current)))

    def set_completions(self, claimants: list[str], tags: list[str]) -> None:
        self._claimant_completer.setModel(QStringListModel(claimants, self._claimant_completer))
        self._tag_completer.setModel(QStringListModel(tags, self._tag_completer))

    def set_claim(self, claim: ClaimView | None) -> None:
        """Show a claim. The same claim read again updates only the fields not being
        edited; another claim first saves what was typed into this one."""
        same = claim is not None and self.claim is not None and claim.id == self.claim.id
        if self.claim is not None and not same:
            self.flush()
        self.claim = claim
        self.widget().setEnabled(claim is not None)
        c = claim
        self.quote.setText(c.quote if c else self.tr("Select a claim, or tag a span."))
        self.show_version_note()
        for name, f in self.fields.items():
            value = self._value_of(name) if c else f.empty()
            if not same:
                f.reset(value)
            elif name == self._saving:
                f.settle(value)  # the save's outcome: the database's value
            else:
                f.load(value)
        self.claimant_kind.setCurrentIndex(
            max(0, self.claimant_kind.findData(c.claimant_kind if c else ""))
        )
        self.verdict.setCurrentIndex(
            max(0, self.verdict.findData(c.rating.id if c and c.rating else None))
        )
        self.status.setCurrentIndex(max(0, self.status.findData(c.status if c else "draft")))
        self.sources.set_sources(c.sources if c else ())
        self.already.set_claim(c.id if c else None, self._claim_words())
        self._update_preview()
        self._update_text_hint()

    def set_version_notes(self, notes: dict[int, str]) -> None:
        self.version_notes = notes
        self.show_version_note()

    def show_version_note(self) -> None:
        note = self.version_notes.get(self.claim.id, "") if self.claim is not None else ""
        self.version_note.setText(f"⚠ {note}" if note else "")
        self.version_note.setVisible(bool(note))

    def _claim_words(self) -> str:
        """What the "Already checked" list matches: the claim as typed, else its quote."""
        if self.claim is None:
            return ""
        return self.text.toPlainText().strip() or self.claim.quote

    def _claim_words_changed(self) -> None:
        if self.claim is not None:
            self.already.set_query(self._claim_words())

    def _value_of(self, name: str):
        value = getattr(self.claim, name)
        return tuple(value) if name == "tags" else value

    # --- editing ---------------------------------------------------------------------

    def pending(self) -> list[str]:
        """The fields holding typing not yet saved."""
        return [name for name, f in self.fields.items() if f.pending()]

    def save(self, name: str) -> None:
        """Save one field if it changed; an unreadable date is kept and flagged."""
        f = self.fields[name]
        f.timer.stop()
        if self.claim is None or not shiboken6.isValid(f.widget):  # closing: saved already
            return
        if self._saving is not None:  # a save (and its conflict question) is under way
            f.timer.start()
            return
        try:
            value = f.value()
        except ValueError:
            if f is self.date_field:
                self.date_field.mark(False)
            return
        if f.same(value, f.saved):
            return
        # Only the reload after a successful save moves `saved` on (Field.settle); when the
        # save fails, it stays as it was and the typing stays pending, to be saved again.
        old = f.saved
        self._send(
            name, list(old) if name == "tags" else old, list(value) if name == "tags" else value
        )
        self.fields_pending.emit()

    def flush(self) -> None:
        """Save every field with pending typing (before switching claims, undo, closing)."""
        for name in list(self.fields):
            if self.claim is None:
                return
            self.save(name)

    def _emit(self, name: str, value) -> None:
        """A choice in a list is saved at once."""
        if self.claim is None or self._saving is not None:
            return
        c = self.claim
        current = (c.rating.id if c.rating else None) if name == "rating_id" else getattr(c, name)
        if current != value:
            self._send(name, current, value)

    def _send(self, name: str, old, new) -> None:
        self._saving = name
        try:
            self.edited.emit(name, old, new)
        finally:
            self._saving = None

    def _update_text_hint(self) -> None:
        """ClaimReview's claimReviewed is the restated claim, else the quote: Google
        advises at most 75 characters, and the restated claim is the short form."""
        text = self.text.toPlainText().strip()
        quote = self.claim.quote if self.claim is not None else ""
        n = len(text or quote)
        self.text_hint.setVisible(n > SHORT_CLAIM)
        if n <= SHORT_CLAIM:
            return
        if text:
            hint = self.tr("{0} characters: search engines show about {1}.")
        else:
            hint = self.tr(
                "The quote is {0} characters, and ClaimReview publishes it as the claim: "
                "restate it here in about {1}."
            )
        self.text_hint.setText(hint.format(n, SHORT_CLAIM))

    def _update_preview(self, _index: int = 0) -> None:
        if self.rationale_tabs.currentWidget() is self.preview:
            from desktop.core.markup import render_markdown

            self.preview.setHtml(render_markdown(self.rationale.toPlainText()))

    def _open_link(self, url: QUrl) -> None:
        if url.scheme() in ("http", "https", "mailto"):
            QDesktopServices.openUrl(url)
