"""The user's own settings (who they are, their organization), shared by GUI and CLI.

A small JSON file in the platform's user-config directory (or `FACTDESK_CONFIG`), so the
command line needs no Qt to know the checker's name or the organization that signs a
ClaimReview. Window geometry and other view state stay in QSettings, in the GUI.
"""

from __future__ import annotations

import json
import os
from dataclasses import asdict, dataclass, fields
from pathlib import Path

ENV_VAR = "FACTDESK_CONFIG"


@dataclass
class Settings:
    checker_name: str = ""
    organization_name: str = ""
    organization_url: str = ""
    organization_logo: str = ""  # path to an image file
    ui_language: str = ""  # "" follows the operating system
    report_include_text: bool = True  # the annotated article text in reports
    report_include_sources: bool = True
    report_language: str = ""  # labels of reports: "" each article's language, "fr", "en"


def config_path() -> Path:
    env = os.environ.get(ENV_VAR, "").strip()
    if env:
        return Path(env)
    from platformdirs import user_config_dir

    return Path(user_config_dir("Factdesk", appauthor=False)) / "settings.json"


def load() -> Settings:
    """The saved settings; defaults for anything missing or unreadable."""
    try:
        data = json.loads(config_path().read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return Settings()
    known = {f.name: f.type for f in fields(Settings)}
    values = {}
    for key, value in data.items() if isinstance(data, dict) else ():
        if key in known and isinstance(value, bool | str):
            values[key] = value
    return Settings(**values)


def save(settings: Settings) -> None:
    """Write atomically: a crash mid-write leaves the previous file intact."""
    path = config_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_text(json.dumps(asdict(settings), ensure_ascii=False, indent=2), encoding="utf-8")
    os.replace(tmp, path)
