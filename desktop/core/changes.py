"""Noticing that someone else changed the library (a colleague, a CLI beside the GUI).

A change token is a few aggregates (row counts and latest update times) over the tables
a checker sees; any commit by anyone changes it. Polling it is one cheap query, works
the same on SQLite and PostgreSQL, and needs no server-side setup — unlike LISTEN/NOTIFY,
which would need triggers, a dedicated connection and a second code path for SQLite.
"""

from __future__ import annotations

from sqlalchemy import func, select
from sqlmodel import Session

from desktop.core.models import Article, Claim, Highlight, Rating, Source


def change_token(session: Session) -> tuple:
    """Equal before and after a span of time only if nobody committed a change."""
    row = session.execute(
        select(
            *[
                expr
                for model in (Article, Claim, Highlight, Source, Rating)
                for expr in (
                    select(func.count(model.id)).scalar_subquery(),
                    select(func.max(model.updated_at)).scalar_subquery(),
                )
            ]
        )
    ).one()
    return tuple(row)
