"""The `factdesk` command: the GUI with no command, or a headless command over the core.

Nothing here imports Qt unless the GUI is asked for, so commands start fast and run
on machines with no display.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from desktop import __version__

EXIT_USER_ERROR = 2


class CliError(Exception):
    """A user error: printed as one line on stderr, exit status 2."""


def _parser() -> argparse.ArgumentParser:
    from desktop.cli import articles, claims

    common = argparse.ArgumentParser(add_help=False)
    common.add_argument(
        "--db",
        default=argparse.SUPPRESS,
        metavar="PATH_OR_URL",
        help="library to use: an SQLite file or an SQLAlchemy URL "
        "(default: $FACTDESK_DB, else factdesk.sqlite3 in your user-data folder)",
    )
    parser = argparse.ArgumentParser(
        prog="factdesk",
        description="Factdesk, the fact-checker's workbench. With no command, opens the window.",
        parents=[common],
    )
    parser.add_argument("--version", action="version", version=f"Factdesk {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for module in (articles, claims):
        module.register(sub, common)
    for module in _optional_modules():
        module.register(sub, common)
    return parser


def _optional_modules():
    """Command groups that later parts of Factdesk add (exports, backups, …)."""
    import importlib

    found = []
    for name in ("exports", "backups", "team"):
        try:
            found.append(importlib.import_module(f"desktop.cli.{name}"))
        except ModuleNotFoundError as exc:
            if exc.name != f"desktop.cli.{name}":
                raise
    return found


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the `factdesk` script and of `python -m desktop`."""
    argv = list(sys.argv[1:] if argv is None else argv)
    if not argv:
        # The window, at once: building every command's parser first would delay its
        # first paint for nothing (benchmarks, figure 1a).
        from desktop.ui.app import run_gui

        return run_gui(db=None)
    parser = _parser()
    args = parser.parse_args(argv)
    if args.command is None:
        from desktop.ui.app import run_gui

        return run_gui(db=getattr(args, "db", None))
    from desktop.core.errors import FactdeskError

    try:
        return args.run(args) or 0
    except (FactdeskError, CliError) as exc:
        print(f"factdesk: error: {exc}", file=sys.stderr)
        return EXIT_USER_ERROR
    except KeyboardInterrupt:
        print("factdesk: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0
