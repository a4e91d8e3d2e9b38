"""What the window's small forms share: labelled rows with accessible names, OK/Cancel,
and a date that must be readable before the form is accepted."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from desktop.ui.claim_fields import DateEdit, date_hint, parse_date


def form_with_buttons(dialog: QDialog, rows) -> QFormLayout:
    """Lay out (label, widget, accessible name) rows above OK and Cancel."""
    form = QFormLayout()
    for label, widget, name in rows:
        (widget.line if isinstance(widget, DateEdit) else widget).setAccessibleName(name)
        form.addRow(label, widget)
    buttons = QDialogButtonBox(
        QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, dialog
    )
    buttons.accepted.connect(dialog.accept)
    buttons.rejected.connect(dialog.reject)
    layout = QVBoxLayout(dialog)
    layout.addLayout(form)
    layout.addWidget(buttons)
    return form


def date_readable(parent: QWidget, edit: DateEdit, message: str) -> bool:
    """True if the date field is empty or a date; otherwise say so (`message` takes the
    text typed and an example) and put the cursor there, keeping what was typed."""
    try:
        parse_date(edit.line.text())
        return True
    except ValueError:
        QMessageBox.warning(
            parent, parent.windowTitle(), message.format(edit.line.text().strip(), date_hint())
        )
        edit.line.setFocus()
        return False
