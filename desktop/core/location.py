"""Where the library lives by default, and how to tell a file path from a server URL.

Apart from the store so the window's start-up can name the library file (and begin
checking it) before SQLAlchemy is even imported.
"""

from __future__ import annotations

import os
from pathlib import Path

ENV_VAR = "FACTDESK_DB"
DB_FILENAME = "factdesk.sqlite3"


def default_location() -> str:
    """`FACTDESK_DB` if set, else factdesk.sqlite3 in the platform's user-data directory."""
    env = os.environ.get(ENV_VAR, "").strip()
    if env:
        return env
    from platformdirs import user_data_dir

    return str(Path(user_data_dir("Factdesk", appauthor=False)) / DB_FILENAME)


def is_url(target: str) -> bool:
    """True for an SQLAlchemy URL such as postgresql+psycopg://…, False for a file path."""
    return "://" in target
