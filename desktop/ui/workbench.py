"""The GUI's one handle on an open library: the store, the undo stack, change signals.

Widgets read through `read()` and change data only by pushing undo commands
(desktop.ui.commands), whose redo/undo call the core inside `write()`: one transaction
per user action, committed at once (autosave). After each change the workbench says
what changed, so views refresh only what they must.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtGui import QUndoStack

from desktop.core import settings as user_settings
from desktop.core.audit import set_actor
from desktop.core.changes import change_token
from desktop.core.errors import EditConflict, FactdeskError
from desktop.core.store import CHANGE_TOKEN, Store

T = TypeVar("T")


class Workbench(QObject):
    articlesChanged = Signal()  # the library list (added, removed, renamed)
    articleChanged = Signal(int)  # an article's text or metadata
    claimsChanged = Signal(int)  # the claims/highlights of an article (article id)
    claimChanged = Signal(int, int)  # one claim's fields (article id, claim id)
    ratingsChanged = Signal()
    suggestionsChanged = Signal(int)  # an article's dismissed suggestions (article id)
    libraryReplaced = Signal()  # another database was opened
    externalChange = Signal()  # someone else (a colleague, a CLI) committed a change

    POLL_MS = 10_000

    def __init__(self, store: Store, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.undo_stack = QUndoStack(self)
        self.settings = user_settings.load()
        set_actor(self.settings.checker_name)
        # Asked when a colleague changed the field the user is saving; True keeps the
        # user's value. Tests replace it; the default is a dialog.
        self.resolve_conflict: Callable[[EditConflict], bool] = self._ask_conflict
        self._token = self._read_token()
        self._poll = QTimer(self)
        self._poll.setInterval(self.POLL_MS)
        self._poll.timeout.connect(self.check_for_changes)
        self._poll.start()

    def read(self, fn: Callable[..., T], *args, **kwargs) -> T:
        """Run a core read function in a fresh read session."""
        with self.store.read() as session:
            return fn(session, *args, **kwargs)

    def write(self, fn: Callable[..., T], *args, **kwargs) -> T:
        """Run a core write function as one committed transaction."""
        with self.store.transaction() as session:
            result = fn(session, *args, **kwargs)
        # The counter as our commit left it, read in that transaction: no second read.
        token = session.info.get(CHANGE_TOKEN)
        if token is None:
            self.note_own_change()
        else:
            self._token = token
        return result

    def note_own_change(self) -> None:
        """Our own commit is not news to us: don't report it as someone else's."""
        self._token = self._read_token()

    def _read_token(self):
        try:
            return self.read(change_token)
        except FactdeskError:
            return None

    def check_for_changes(self) -> bool:
        """Emit externalChange if anyone else committed since we last looked.

        Called on a timer and when the window is activated, so a colleague's work on the
        team server (or a CLI beside the GUI) shows up without a restart.
        """
        token = self._read_token()
        if token is None or token == self._token:
            return False
        self._token = token
        self.externalChange.emit()
        return True

    def replace_store(self, store: Store) -> None:
        """Switch to another library: the old one is closed and undo history cleared."""
        old = self.store
        self.undo_stack.clear()
        self.store = store
        old.close()
        self._token = self._read_token()
        self.libraryReplaced.emit()

    def close(self) -> None:
        """The window is done with its library: stop watching it and close the store."""
        self._poll.stop()
        self.store.close()

    def checker(self) -> str:
        return self.settings.checker_name

    def reload_settings(self) -> None:
        self.settings = user_settings.load()
        set_actor(self.settings.checker_name)

    def _ask_conflict(self, conflict: EditConflict) -> bool:
        from PySide6.QtWidgets import QApplication

        from desktop.ui.conflict_dialog import ask_keep_mine

        return ask_keep_mine(QApplication.activeWindow(), conflict)
