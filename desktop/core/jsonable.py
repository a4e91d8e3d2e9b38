"""Views as JSON-ready data, for `--json` output and the JSON export.

Kept apart from the views so a command that prints a listing need not load the ORM.
"""

from __future__ import annotations

from dataclasses import asdict
from datetime import date, datetime


def to_jsonable(obj):
    """A view (or list of views) as JSON-ready dicts: dates in ISO 8601."""
    if isinstance(obj, list | tuple):
        return [to_jsonable(o) for o in obj]
    if hasattr(obj, "__dataclass_fields__"):
        return _iso(asdict(obj))
    return _iso(obj)


def _iso(value):
    if isinstance(value, dict):
        return {k: _iso(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_iso(v) for v in value]
    if isinstance(value, date | datetime):
        return value.isoformat()
    return value
