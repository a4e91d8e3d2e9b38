"""Who changed what: every claim, highlight and source records its creator and last editor.

The acting checker is set once per process (the GUI from its settings, the command line
from the settings or --checker) and stamped on rows as they are flushed, so no core
function needs an extra argument and no write can forget it. It is a plain process-wide
value, not a context variable: a desktop process acts for one person, on every thread
(imports are saved from a worker thread).
"""

from __future__ import annotations

from sqlalchemy import event
from sqlalchemy.orm import Session

_actor = ""


def set_actor(name: str) -> None:
    """The checker on whose behalf this process writes from now on."""
    global _actor
    _actor = (name or "").strip()[:200]


@event.listens_for(Session, "before_flush")
def _stamp(session: Session, _context, _instances) -> None:
    who = _actor
    for obj in session.new:
        if hasattr(obj, "created_by"):
            if not obj.created_by:
                obj.created_by = who
            if hasattr(obj, "updated_by") and not obj.updated_by:
                obj.updated_by = who
    for obj in session.dirty:
        if hasattr(obj, "updated_by") and session.is_modified(obj, include_collections=False):
            obj.updated_by = who
