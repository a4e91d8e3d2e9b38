"""Errors the user can act on: each carries one clear sentence, never a traceback."""

from __future__ import annotations


class FactdeskError(Exception):
    """A problem caused by the user's input or environment, with a message fit to show."""


class ImportFailed(FactdeskError):
    """A file or URL could not be turned into an article; the message names it."""

    def __init__(self, source: str, problem: str) -> None:
        super().__init__(f"{source}: {problem}")
        self.source = source
        self.problem = problem

    def __reduce__(self):
        # Rebuilt from (source, problem), not from the joined message, so the error can
        # come back from the process that parsed a big file (importers/isolated.py).
        return (type(self), (self.source, self.problem))


class DatabaseError(FactdeskError):
    """The database cannot be opened or used as asked; the message names it."""


class NotFound(FactdeskError):
    """An id or label given by the user matches nothing."""


class QuoteNotFound(FactdeskError):
    """A quote does not occur in the article (or not that many times)."""


class EditConflict(FactdeskError):
    """Someone else changed the same field since the user loaded it.

    Carries both values and who made the other change, so the GUI can let the user
    choose, and nothing typed is lost.
    """

    def __init__(self, *, what: str, field: str, theirs, mine, by: str, at) -> None:
        who = by or "another checker"
        super().__init__(
            f"{who} changed the {field.replace('_', ' ')} of this {what} meanwhile "
            f"(to {theirs!r}); your value {mine!r} was not saved"
        )
        self.what, self.field, self.theirs, self.mine, self.by, self.at = (
            what,
            field,
            theirs,
            mine,
            by,
            at,
        )
