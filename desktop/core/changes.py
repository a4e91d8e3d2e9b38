"""Noticing that someone else changed the library (a colleague, a CLI beside the GUI).

Every write transaction bumps one counter row in the same transaction
(desktop.core.store), so the change token is a single primary-key read: cheap enough to
poll every few seconds and after each of our own actions, the same on SQLite and
PostgreSQL, with no server-side setup — unlike LISTEN/NOTIFY, which would need triggers,
a dedicated connection, and a second code path for SQLite.
"""

from __future__ import annotations

from sqlalchemy import select
from sqlmodel import Session

from desktop.core.models import LibraryState


def change_token(session: Session) -> int | None:
    """Differs between two reads exactly when someone committed an action in between."""
    return session.execute(select(LibraryState.changes)).scalar_one_or_none()
