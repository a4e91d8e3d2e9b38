"""The window's actions, menus and toolbar, and the shortcuts that work from any field."""

from __future__ import annotations

import shiboken6
from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QLineEdit, QPlainTextEdit, QTextEdit, QToolBar


class StackAction(QAction):
    """Undo or Redo that first saves what is being typed, so Undo undoes that typing
    rather than an earlier step (QUndoStack's own actions cannot do so).

    Slots are this action's methods, so the stack's signals let go when it is deleted.
    """

    def __init__(self, window, text: str, *, undo: bool) -> None:
        super().__init__(text, window)
        self.window, self.base_text, self.undo = window, text, undo
        stack = window.wb.undo_stack
        self.stack = stack
        self.triggered.connect(self.run)
        (stack.undoTextChanged if undo else stack.redoTextChanged).connect(self.label)
        (stack.canUndoChanged if undo else stack.canRedoChanged).connect(self.update_enabled)
        window.editor.fields_pending.connect(self.update_enabled)
        self.update_enabled()

    def label(self, step: str) -> None:
        if not step:
            self.setText(self.base_text)
            return
        template = self.tr("&Undo {0}") if self.undo else self.tr("&Redo {0}")
        self.setText(template.format(step))

    def update_enabled(self, *_args) -> None:
        if not shiboken6.isValid(self.stack):  # the window is being taken down
            return
        if self.undo:
            editor = self.window.editor
            pending = editor.claim is not None and bool(editor.pending())
            self.setEnabled(self.stack.canUndo() or pending)
        else:
            self.setEnabled(self.stack.canRedo())

    def run(self) -> None:
        self.window.editor.flush()
        if self.undo and self.stack.canUndo():
            self.stack.undo()
        elif not self.undo and self.stack.canRedo():
            self.stack.redo()


# Keys a text field keeps for itself even where the window has an action on them
# (Ctrl+Delete deletes a word in a field, a claim elsewhere).
_EDITING_KEYS = (
    QKeySequence.StandardKey.Undo,
    QKeySequence.StandardKey.Redo,
    QKeySequence.StandardKey.Cut,
    QKeySequence.StandardKey.Copy,
    QKeySequence.StandardKey.Paste,
    QKeySequence.StandardKey.SelectAll,
    QKeySequence.StandardKey.DeleteEndOfWord,
    QKeySequence.StandardKey.DeleteStartOfWord,
)


class WindowShortcuts(QObject):
    """Lets the window's shortcuts through whatever field has focus.

    A line edit claims some Ctrl keys for itself (on X11, Ctrl+E is Emacs's "end of
    line") by accepting Qt's ShortcutOverride event, so Export did nothing while the
    filter box had focus. Ours are refused that override, except the keys of text
    editing proper (undo, clipboard, select all, delete a word).
    """

    def __init__(self, window) -> None:
        super().__init__(window)
        self.window = window
        editing = set()
        for key in _EDITING_KEYS:
            editing.update(s.toString() for s in QKeySequence.keyBindings(key))
        self.keys = {
            s.toString()
            for action in window.findChildren(QAction)
            for s in action.shortcuts()
            if s.count() == 1 and s.toString() not in editing
        }
        # On the text fields only (they receive the override as the focus widget): an
        # application-wide filter would run Python for every event of the program.
        for kind in (QLineEdit, QPlainTextEdit, QTextEdit):
            for widget in window.findChildren(kind):
                widget.installEventFilter(self)

    def eventFilter(self, watched, event) -> bool:
        if event.type() != QEvent.Type.ShortcutOverride:
            return False
        pressed = QKeySequence(event.keyCombination()).toString()
        if pressed in self.keys:
            event.ignore()
            return True  # not the field's: the window's action runs
        return False


def _tr(text: str) -> str:
    """Translate in the "MainWindow" context: this mixin's methods run as MainWindow's,
    and tr() there would look in that context (update.sh shows these calls to lupdate)."""
    return QCoreApplication.translate("MainWindow", text)


class ActionsMixin:
    """Builds the QActions of MainWindow; each calls one of its methods."""

    def _action(self, text: str, slot, shortcut=None, tip: str = "") -> QAction:
        action = QAction(text, self)
        action.triggered.connect(lambda _checked=False: slot())
        if shortcut is not None:
            if isinstance(shortcut, list):
                action.setShortcuts(shortcut)
            else:
                action.setShortcut(shortcut)
        if tip:
            action.setStatusTip(tip)
            action.setToolTip(tip)
        return action

    def _stack_action(self, text: str, *, undo: bool, shortcut) -> QAction:
        action = StackAction(self, text, undo=undo)
        action.setShortcut(QKeySequence(shortcut))
        return action

    def _update_stack_actions(self) -> None:
        for action in (self.act_undo, self.act_redo):
            action.update_enabled()

    def _build_actions(self) -> None:
        K = QKeySequence
        self.act_new_db = self._action(_tr("&New Library…"), self.new_database)
        self.act_open_db = self._action(
            _tr("&Open Library…"), self.open_database_dialog, K(K.StandardKey.Open)
        )
        self.act_import = self._action(
            _tr("&Import Article…"),
            self.import_dialog,
            K("Ctrl+I"),
            _tr("Import a text, Markdown, web page, Word or PDF file"),
        )
        self.act_import_url = self._action(
            _tr("Import from &URL…"), self.import_url_dialog, K("Ctrl+Shift+I")
        )
        self.act_paste = self._action(
            _tr("&Paste Article from Clipboard"), self.paste_article, K("Ctrl+Shift+V")
        )
        self.act_export = self._action(
            _tr("&Export…"),
            self.export_dialog,
            K("Ctrl+E"),
            _tr("Export reports, ClaimReview, Web Annotation or CSV"),
        )
        self.act_delete_article = self._action(_tr("&Delete Article…"), self.delete_article)
        self.act_article_details = self._action(
            _tr("Article &Details…"),
            self.edit_article_details,
            K("Ctrl+Shift+D"),
            _tr("Title, outlet, authors, address, publication date and language"),
        )
        self.act_quit = self._action(_tr("&Quit"), self.close, K(K.StandardKey.Quit))
        self.act_undo = self._stack_action(_tr("&Undo"), undo=True, shortcut=K.StandardKey.Undo)
        self.act_redo = self._stack_action(_tr("&Redo"), undo=False, shortcut=K.StandardKey.Redo)
        self.act_tag = self._action(
            _tr("&Tag as Claim"),
            self.tag_selection,
            [K("Ctrl+T"), K("Ctrl+Return")],
            _tr("Make the selected text a new claim (Ctrl+T)"),
        )
        self.act_add_hl = self._action(
            _tr("&Add Selection to Claim"),
            self.add_highlight_to_claim,
            K("Ctrl+Shift+T"),
            _tr("Add the selected text to the selected claim"),
        )
        self.act_delete_claim = self._action(
            _tr("&Delete Claim"), self.delete_claim, K("Ctrl+Delete")
        )
        self.act_find = self._action(
            _tr("&Find in Article…"), self.article.find_bar.open_bar, K(K.StandardKey.Find)
        )
        self.act_sentence = QAction(_tr("&Sentence Mode"), self)
        self.act_sentence.setCheckable(True)
        self.act_sentence.setShortcut(K("Ctrl+Shift+E"))
        self.act_sentence.setStatusTip(
            _tr("A click selects the whole sentence (Alt+click does so at any time)")
        )
        self.act_sentence.toggled.connect(self.article.text.set_sentence_mode)
        self.act_next = self._action(
            _tr("&Next Claim"), lambda: self.step_claim(1), [K("F8"), K("Ctrl+]")]
        )
        self.act_prev = self._action(
            _tr("&Previous Claim"), lambda: self.step_claim(-1), [K("Shift+F8"), K("Ctrl+[")]
        )
        self.act_refresh = self._action(_tr("&Refresh"), self.refresh, K(K.StandardKey.Refresh))
        self.act_about = self._action(_tr("&About Factdesk"), self.about)
        self.act_server = self._action(
            _tr("Open Library on &Server…"),
            self.open_server_dialog,
            tip=_tr("Open a team library on a PostgreSQL server"),
        )
        self.act_restore = self._action(_tr("Restore from &Backup…"), self.restore_from_backup)
        self.act_settings = self._action(
            _tr("&Settings…"), self.settings_dialog, K(K.StandardKey.Preferences)
        )
        if not self.act_settings.shortcuts():
            self.act_settings.setShortcut(K("Ctrl+,"))
        self.act_guide = self._action(
            _tr("&How Factdesk Works"), self.show_guide, K(K.StandardKey.HelpContents)
        )
        self.act_shortcuts = self._action(_tr("&Keyboard Shortcuts"), self.show_shortcuts)
        self.act_demo = self._action(_tr("Open the &Demo Article"), self.open_demo)
        self._create_suggestion_actions()
        self._create_insight_actions()
        self._create_search_actions()
        self._create_factcheck_actions()
        self._create_version_actions()
        self._create_capture_actions()

    def _build_menus(self) -> None:
        bar = self.menuBar()
        file_menu = bar.addMenu(_tr("&File"))
        file_menu.addAction(self.act_new_db)
        file_menu.addAction(self.act_open_db)
        file_menu.addAction(self.act_server)
        self.recent_menu = file_menu.addMenu(_tr("Open &Recent"))
        self.recent_menu.aboutToShow.connect(self._fill_recent)
        file_menu.addSeparator()
        for a in (self.act_import, self.act_import_url, self.act_paste):
            file_menu.addAction(a)
        file_menu.addAction(self.act_import_factchecks)
        self._add_version_actions(file_menu)
        file_menu.addSeparator()
        file_menu.addAction(self.act_export)
        file_menu.addAction(self.act_export_warc)
        file_menu.addAction(self.act_period_report)
        file_menu.addSeparator()
        file_menu.addAction(self.act_restore)
        file_menu.addAction(self.act_delete_article)
        file_menu.addSeparator()
        file_menu.addAction(self.act_quit)
        edit_menu = bar.addMenu(_tr("&Edit"))
        for a in (self.act_undo, self.act_redo):
            edit_menu.addAction(a)
        edit_menu.addSeparator()
        for a in (self.act_tag, self.act_add_hl, self.act_delete_claim):
            edit_menu.addAction(a)
        edit_menu.addSeparator()
        edit_menu.addAction(self.act_article_details)
        edit_menu.addSeparator()
        edit_menu.addAction(self.act_find)
        edit_menu.addAction(self.act_search)
        edit_menu.addSeparator()
        edit_menu.addAction(self.act_settings)
        view_menu = bar.addMenu(_tr("&View"))
        for a in (self.act_next, self.act_prev, self.act_sentence, self.act_refresh):
            view_menu.addAction(a)
        self._add_suggestion_menu(view_menu)
        view_menu.addSeparator()
        view_menu.addAction(self.act_dashboard)
        help_menu = bar.addMenu(_tr("&Help"))
        for a in (self.act_guide, self.act_shortcuts, self.act_demo):
            help_menu.addAction(a)
        help_menu.addSeparator()
        help_menu.addAction(self.act_about)

        toolbar = QToolBar(_tr("Main toolbar"), self)
        toolbar.setObjectName("main_toolbar")
        toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        for a in (
            self.act_import,
            None,
            self.act_tag,
            self.act_add_hl,
            self.act_sentence,
            None,
            self.act_prev,
            self.act_next,
            None,
            self.act_undo,
            self.act_redo,
        ):
            toolbar.addSeparator() if a is None else toolbar.addAction(a)
        self.addToolBar(toolbar)
