"""Telling a checker that a colleague changed the same field, and letting them choose."""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox, QWidget

from desktop.core.errors import EditConflict


def _show(value) -> str:
    if value is None or value == "" or value == []:
        return "—"
    if isinstance(value, list | tuple):
        return ", ".join(str(v) for v in value)
    return str(value)


def ask_keep_mine(parent: QWidget | None, conflict: EditConflict, names: dict | None = None):
    """True to save the user's value over the colleague's, False to keep theirs.

    Both values are in the message (and its details, selectable), so whichever the
    user picks, nothing they typed is lost.
    """
    names = names or {}
    who = conflict.by or parent.tr("Another checker") if parent else conflict.by
    when = conflict.at.astimezone().strftime("%H:%M") if conflict.at else ""
    field = names.get(conflict.field, conflict.field.replace("_", " "))
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(box.tr("Changed by a colleague"))
    box.setText(
        box.tr("{0} changed the {1} of this claim {2} while you were editing it.").format(
            who, field, box.tr("at {0}").format(when) if when else ""
        )
    )
    box.setInformativeText(
        box.tr("Their value: {0}\nYour value: {1}").format(
            _show(conflict.theirs), _show(conflict.mine)
        )
    )
    box.setDetailedText(
        box.tr("Their value:\n{0}\n\nYour value:\n{1}").format(
            _show(conflict.theirs), _show(conflict.mine)
        )
    )
    mine = box.addButton(box.tr("Use &mine"), QMessageBox.ButtonRole.AcceptRole)
    box.addButton(box.tr("Keep &theirs"), QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(mine)
    box.exec()
    return box.clickedButton() is mine
