"""One undo command per user action; redo and undo each call the core in one transaction.

QUndoStack.push() calls redo() at once, so no command applies its change in __init__.
A failure inside redo (a busy or read-only database) cannot propagate out of Qt's
push(): the command records it in `error`, marks itself obsolete (so the stack drops
it) and the caller shows the message.
"""

from __future__ import annotations

from weakref import WeakKeyDictionary

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QUndoCommand

from desktop.core import articles as core_articles
from desktop.core import claims as core_claims
from desktop.core import sources as core_sources
from desktop.core import suggestions as core_suggestions
from desktop.core.errors import EditConflict, FactdeskError
from desktop.core.summaries import ArticleSummary, article_summary
from desktop.core.views import ClaimView, claims_by_id
from desktop.ui.workbench import Workbench


def _tr(text: str) -> str:
    """Translate in the "Commands" context (update.sh shows these calls to lupdate)."""
    return QCoreApplication.translate("Commands", text)


TEXT_FIELDS = {"text", "claimant", "appearance_url", "rationale", "checker"}


class _Command(QUndoCommand):
    """Base: error capture and the workbench handle."""

    def __init__(self, wb: Workbench, text: str) -> None:
        super().__init__(text)
        self.label = text  # kept in Python: Qt deletes an obsolete command's C++ side
        self.wb = wb
        self.error: str | None = None
        self.conflict: EditConflict | None = None
        self._done_once = False

    def redo(self) -> None:
        try:
            self._redo()
            self._done_once = True
        except EditConflict as exc:
            self.conflict = exc
            self.error = str(exc)
            self.setObsolete(True)
        except FactdeskError as exc:
            self.error = str(exc)
            self.setObsolete(True)

    def undo(self) -> None:
        try:
            self._undo()
        except FactdeskError as exc:
            self.error = str(exc)

    def _redo(self) -> None:
        raise NotImplementedError

    def _undo(self) -> None:
        raise NotImplementedError


# What a command read back in its own transaction, by workbench and article: the
# article's library row and the claims it added. The window shows these instead of
# reading them again after claimsChanged (take_fresh): the second read of a tag cost as
# much as the tag itself on an article of 5,000 claims.
_FRESH: WeakKeyDictionary[Workbench, dict[int, tuple]] = WeakKeyDictionary()


def take_fresh(
    wb: Workbench, article_id: int
) -> tuple[ArticleSummary | None, list[ClaimView]] | None:
    """What the latest command to change `article_id`'s claims read back, once."""
    return _FRESH.get(wb, {}).pop(article_id, None)


def _offer_fresh(wb: Workbench, article_id: int, summary, claims: list[ClaimView]) -> None:
    _FRESH.setdefault(wb, {})[article_id] = (summary, claims)


def _read_back(session, article_id: int, claim_id: int, **known) -> tuple:
    return article_summary(session, article_id), claims_by_id(session, [claim_id], **known)


def _tag(session, article_id: int, start: int, end: int, fields: dict) -> tuple:
    claim, _ = core_claims.create_claim(session, article_id, start=start, end=end, **fields)
    # A claim made just now cites no source, and has tags only if given some.
    known = {"cited": False, "tagged": bool(fields.get("tags"))}
    return claim.id, *_read_back(session, article_id, claim.id, **known)


def _tag_again(session, article_id: int, snapshot) -> tuple:
    claim = core_claims.restore_claim(session, snapshot)
    return claim.id, *_read_back(session, article_id, claim.id)


class CreateClaim(_Command):
    """Tag a span as a new claim (one highlight)."""

    def __init__(self, wb: Workbench, article_id: int, start: int, end: int, **fields) -> None:
        super().__init__(wb, _tr("Tag claim"))
        self.article_id, self.start, self.end, self.fields = article_id, start, end, fields
        self.claim_id: int | None = None
        self._snapshot = None

    def _redo(self) -> None:
        if self._snapshot is None:
            self.claim_id, summary, claims = self.wb.write(
                _tag, self.article_id, self.start, self.end, self.fields
            )
        else:
            _, summary, claims = self.wb.write(_tag_again, self.article_id, self._snapshot)
        _offer_fresh(self.wb, self.article_id, summary, claims)
        self.wb.claimsChanged.emit(self.article_id)

    def _undo(self) -> None:
        self._snapshot = self.wb.write(core_claims.delete_claim, self.claim_id)
        self.wb.claimsChanged.emit(self.article_id)


class DismissSuggestion(_Command):
    """Mark a suggested sentence "Not a claim" (kept by its text)."""

    def __init__(self, wb: Workbench, article_id: int, sentence: str) -> None:
        super().__init__(wb, _tr("Not a claim"))
        self.article_id, self.sentence = article_id, sentence

    def _redo(self) -> None:
        self.wb.write(core_suggestions.dismiss, self.article_id, self.sentence)
        self.wb.suggestionsChanged.emit(self.article_id)

    def _undo(self) -> None:
        self.wb.write(core_suggestions.undismiss, self.article_id, self.sentence)
        self.wb.suggestionsChanged.emit(self.article_id)


class DeleteClaim(_Command):
    def __init__(self, wb: Workbench, article_id: int, claim_id: int) -> None:
        super().__init__(wb, _tr("Delete claim"))
        self.article_id, self.claim_id = article_id, claim_id
        self._snapshot = None

    def _redo(self) -> None:
        self._snapshot = self.wb.write(core_claims.delete_claim, self.claim_id)
        self.wb.claimsChanged.emit(self.article_id)

    def _undo(self) -> None:
        self.wb.write(core_claims.restore_claim, self._snapshot)
        self.wb.claimsChanged.emit(self.article_id)


class AddHighlight(_Command):
    """Another span for an existing claim."""

    def __init__(self, wb: Workbench, article_id: int, claim_id: int, start: int, end: int):
        super().__init__(wb, _tr("Add highlight"))
        self.article_id, self.claim_id, self.start, self.end = article_id, claim_id, start, end
        self._snapshot = None
        self.highlight_id: int | None = None

    def _redo(self) -> None:
        if self._snapshot is None:
            hl = self.wb.write(
                core_claims.add_highlight, self.claim_id, start=self.start, end=self.end
            )
            self.highlight_id = hl.id
        else:
            self.wb.write(core_claims.restore_highlight, self._snapshot)
        self.wb.claimsChanged.emit(self.article_id)

    def _undo(self) -> None:
        self._snapshot = self.wb.write(core_claims.delete_highlight, self.highlight_id)
        self.wb.claimsChanged.emit(self.article_id)


class DeleteHighlight(_Command):
    def __init__(self, wb: Workbench, article_id: int, highlight_id: int) -> None:
        super().__init__(wb, _tr("Delete highlight"))
        self.article_id, self.highlight_id = article_id, highlight_id
        self._snapshot = None

    def _redo(self) -> None:
        self._snapshot = self.wb.write(core_claims.delete_highlight, self.highlight_id)
        self.wb.claimsChanged.emit(self.article_id)

    def _undo(self) -> None:
        self.wb.write(core_claims.restore_highlight, self._snapshot)
        self.wb.claimsChanged.emit(self.article_id)


_MERGE_ID = 0x4644  # "FD": consecutive typing in one text field becomes one undo step


class EditClaim(_Command):
    """Change one field of a claim (verdict, claimant, rationale, tags, …)."""

    def __init__(
        self,
        wb,
        article_id: int,
        claim_id: int,
        field: str,
        old,
        new,
        label: str = "",
        *,
        force: bool = False,
    ):
        super().__init__(wb, label or _tr("Edit claim"))
        self.article_id, self.claim_id, self.field = article_id, claim_id, field
        self.old, self.new = old, new
        # Unless forced (the user chose to overwrite), a write checks that the field
        # still holds what the user saw: a colleague's change is never silently lost.
        self.force = force

    def id(self) -> int:
        return _MERGE_ID if self.field in TEXT_FIELDS else -1

    def mergeWith(self, other: QUndoCommand) -> bool:
        if (
            isinstance(other, EditClaim)
            and other.claim_id == self.claim_id
            and other.field == self.field
            and other.error is None
        ):
            self.new = other.new
            return True
        return False

    def _set(self, value, seen) -> None:
        expected = None if self.force else {self.field: seen}
        self.wb.write(
            core_claims.update_claim, self.claim_id, expected=expected, **{self.field: value}
        )
        self.wb.claimChanged.emit(self.article_id, self.claim_id)

    def _redo(self) -> None:
        self._set(self.new, self.old)

    def _undo(self) -> None:
        self._set(self.old, self.new)


class AddSource(_Command):
    """Cite a new source (or an existing one, by id) for a claim."""

    def __init__(
        self,
        wb,
        article_id: int,
        claim_id: int,
        *,
        values: dict | None = None,
        source_id: int | None = None,
        stance: str = "context",
        excerpt: str = "",
    ):
        super().__init__(wb, _tr("Add source"))
        self.article_id, self.claim_id = article_id, claim_id
        self.values, self.source_id = values or {}, source_id
        self.stance, self.excerpt = stance, excerpt

    def _redo(self) -> None:
        if self.source_id is None:
            source = self.wb.write(
                core_sources.add_source,
                self.claim_id,
                stance=self.stance,
                excerpt=self.excerpt,
                **self.values,
            )
            self.source_id = source.id
        else:
            self.wb.write(
                core_sources.attach_source,
                self.claim_id,
                self.source_id,
                stance=self.stance,
                excerpt=self.excerpt,
            )
        self.wb.claimChanged.emit(self.article_id, self.claim_id)

    def _undo(self) -> None:
        self.wb.write(core_sources.detach_source, self.claim_id, self.source_id)
        self.wb.claimChanged.emit(self.article_id, self.claim_id)


class EditSource(_Command):
    """Change a source's fields and how this claim cites it."""

    def __init__(self, wb, article_id, claim_id, source_id, old: dict, new: dict) -> None:
        super().__init__(wb, _tr("Edit source"))
        self.article_id, self.claim_id, self.source_id = article_id, claim_id, source_id
        self.old, self.new = old, new

    def _apply(self, values: dict) -> None:
        link = {k: v for k, v in values.items() if k in core_sources.LINK_FIELDS}
        fields = {k: v for k, v in values.items() if k in core_sources.SOURCE_FIELDS}

        def both(session):
            core_sources.update_source(session, self.source_id, **fields)
            core_sources.update_citation(session, self.claim_id, self.source_id, **link)

        self.wb.write(both)
        self.wb.claimChanged.emit(self.article_id, self.claim_id)

    def _redo(self) -> None:
        self._apply(self.new)

    def _undo(self) -> None:
        self._apply(self.old)


class RemoveSource(_Command):
    def __init__(self, wb, article_id: int, claim_id: int, source_id: int) -> None:
        super().__init__(wb, _tr("Remove source"))
        self.article_id, self.claim_id, self.source_id = article_id, claim_id, source_id
        self._citation = None

    def _redo(self) -> None:
        self._citation = self.wb.write(core_sources.detach_source, self.claim_id, self.source_id)
        self.wb.claimChanged.emit(self.article_id, self.claim_id)

    def _undo(self) -> None:
        self.wb.write(core_sources.restore_citation, self._citation)
        self.wb.claimChanged.emit(self.article_id, self.claim_id)


def push(wb: Workbench, command: _Command) -> str | None:
    """Push a command; returns the error message if it failed (nothing was changed).

    When a colleague changed the same field meanwhile, the user is asked (through
    `wb.resolve_conflict`) whether to keep their own value; either way the views show
    what is now saved and no error is returned, as the user has already decided.
    """
    wb.undo_stack.push(command)
    if command.conflict is None:
        return command.error
    if isinstance(command, EditClaim) and wb.resolve_conflict(command.conflict):
        retry = EditClaim(
            wb,
            command.article_id,
            command.claim_id,
            command.field,
            command.conflict.theirs,
            command.new,
            command.label,
            force=True,
        )
        wb.undo_stack.push(retry)
        return retry.error
    if isinstance(command, EditClaim):
        wb.claimChanged.emit(command.article_id, command.claim_id)
    return None


class EditArticle(_Command):
    """Change an article's details (title, outlet, authors, address, date, language)."""

    def __init__(self, wb: Workbench, article_id: int, old: dict, new: dict) -> None:
        super().__init__(wb, _tr("Edit article details"))
        self.article_id = article_id
        changed = {k for k in new if new[k] != old.get(k)}
        self.old = {k: old.get(k) for k in changed}
        self.new = {k: new[k] for k in changed}

    def _apply(self, values: dict, *, check: bool = True) -> None:
        self.wb.write(core_articles.update_article, self.article_id, check=check, **values)
        self.wb.articleChanged.emit(self.article_id)

    def _redo(self) -> None:
        self._apply(self.new)

    def _undo(self) -> None:
        self._apply(self.old, check=False)  # what was there, even if an old import let it in
