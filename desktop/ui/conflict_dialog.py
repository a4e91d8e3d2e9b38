"""Telling a checker that a colleague changed the same field, and letting them choose."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from desktop.core.errors import EditConflict


def _tr(text: str) -> str:
    """Translate in the "ConflictDialog" context (update.sh shows these calls to lupdate)."""
    return QCoreApplication.translate("ConflictDialog", text)


def _show(value) -> str:
    if value is None or value == "" or value == []:
        return "—"
    if isinstance(value, list | tuple):
        return ", ".join(str(v) for v in value)
    return str(value)


def field_names() -> dict[str, str]:
    """What to call a claim's fields in a message (translated at call time)."""
    return {
        "text": _tr("restated claim"),
        "claimant": _tr("claimant"),
        "claimant_kind": _tr("claimant type"),
        "claim_date": _tr("claim date"),
        "appearance_url": _tr("appearance address"),
        "rating_id": _tr("verdict"),
        "rationale": _tr("rationale"),
        "status": _tr("status"),
        "checker": _tr("checker"),
        "tags": _tr("tags"),
    }


def ask_keep_mine(parent: QWidget | None, conflict: EditConflict) -> bool:
    """True to save the user's value over the colleague's, False to keep theirs.

    Both values are in the message (and its details, selectable), so whichever the
    user picks, nothing they typed is lost.
    """
    names = field_names()
    who = conflict.by or _tr("Another checker")
    when = conflict.at.astimezone().strftime("%H:%M") if conflict.at else ""
    field = names.get(conflict.field, conflict.field.replace("_", " "))
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(_tr("Changed by a colleague"))
    box.setText(
        _tr("{0} changed the {1} of this claim {2} while you were editing it.").format(
            who, field, _tr("at {0}").format(when) if when else ""
        )
    )
    box.setInformativeText(
        _tr("Their value: {0}\nYour value: {1}").format(
            _show(conflict.theirs), _show(conflict.mine)
        )
    )
    box.setDetailedText(
        _tr("Their value:\n{0}\n\nYour value:\n{1}").format(
            _show(conflict.theirs), _show(conflict.mine)
        )
    )
    mine = box.addButton(_tr("Use &mine"), QMessageBox.ButtonRole.AcceptRole)
    box.addButton(_tr("Keep &theirs"), QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(mine)
    box.exec()
    return box.clickedButton() is mine
