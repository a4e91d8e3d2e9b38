"""The GUI's one handle on an open library: the store, the undo stack, change signals.

Widgets read through `read()` and change data only by pushing undo commands
(desktop.ui.commands), whose redo/undo call the core inside `write()`: one transaction
per user action, committed at once (autosave). After each change the workbench says
what changed, so views refresh only what they must.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoStack

from desktop.core import settings as user_settings
from desktop.core.store import Store

T = TypeVar("T")


class Workbench(QObject):
    articlesChanged = Signal()  # the library list (added, removed, renamed)
    articleChanged = Signal(int)  # an article's text or metadata
    claimsChanged = Signal(int)  # the claims/highlights of an article (article id)
    claimChanged = Signal(int, int)  # one claim's fields (article id, claim id)
    ratingsChanged = Signal()
    libraryReplaced = Signal()  # another database was opened

    def __init__(self, store: Store, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.undo_stack = QUndoStack(self)
        self.settings = user_settings.load()

    def read(self, fn: Callable[..., T], *args, **kwargs) -> T:
        """Run a core read function in a fresh read session."""
        with self.store.read() as session:
            return fn(session, *args, **kwargs)

    def write(self, fn: Callable[..., T], *args, **kwargs) -> T:
        """Run a core write function as one committed transaction."""
        with self.store.transaction() as session:
            return fn(session, *args, **kwargs)

    def replace_store(self, store: Store) -> None:
        """Switch to another library: the old one is closed and undo history cleared."""
        old = self.store
        self.undo_stack.clear()
        self.store = store
        old.close()
        self.libraryReplaced.emit()

    def checker(self) -> str:
        return self.settings.checker_name

    def reload_settings(self) -> None:
        self.settings = user_settings.load()
