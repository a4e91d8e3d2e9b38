"""The `factdesk` command: the GUI with no command, or a headless command over the core.

Nothing here imports Qt unless the GUI is asked for, so commands start fast and run
on machines with no display.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence

from desktop import __version__

EXIT_USER_ERROR = 2
MAX_ID = 2**63 - 1  # SQLite's largest integer; no row id is larger


class CliError(Exception):
    """A user error: printed as one line on stderr, exit status 2."""


class _Parser(argparse.ArgumentParser):
    """argparse, but a mistake in the arguments is one line on stderr like any user
    error (no usage block), still exit status 2."""

    def error(self, message: str):
        from desktop.cli.common import one_line

        where = self.prog.removeprefix("factdesk").strip()
        self.exit(
            EXIT_USER_ERROR,
            "factdesk: error: "
            + one_line(f"{where + ': ' if where else ''}{message}; see {self.prog} --help")
            + "\n",
        )


def record_id(text: str) -> int:
    """An argparse type: an article's or a claim's id, a whole number from 1 to MAX_ID
    (a larger one would overflow the database's integers)."""
    from desktop.cli.common import shown

    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{shown(text)} is not an id (a whole number)") from None
    if not 1 <= value <= MAX_ID:
        raise argparse.ArgumentTypeError(
            f"{text.strip() if len(text) <= 40 else text.strip()[:37] + '…'} is not an id "
            f"(ids are whole numbers from 1 to {MAX_ID})"
        )
    return value


def _parser() -> argparse.ArgumentParser:
    from desktop.cli import articles, claims

    common = _Parser(add_help=False)
    common.add_argument(
        "--db",
        default=argparse.SUPPRESS,
        metavar="PATH_OR_URL",
        help="library to use: an SQLite file or an SQLAlchemy URL "
        "(default: $FACTDESK_DB, else factdesk.sqlite3 in your user-data folder)",
    )
    parser = _Parser(
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
    for name in (
        "exports",
        "backups",
        "team",
        "stats",
        "suggest",
        "search",
        "factchecks",
        "match",
        "captures",
        "versions",
    ):
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
    db = _window_library(argv)
    if db is not None:  # `factdesk --db FILE`: the window, with no parser built either
        from desktop.ui.app import run_gui

        return run_gui(db=db)
    from desktop.cli.common import remember_names, say

    remember_names([*argv, os.environ.get("FACTDESK_DB", "")])
    parser = _parser()
    args = parser.parse_args(argv)
    problem = _unusable_argument(parser, args)
    if problem:
        say(f"error: {problem}")
        return EXIT_USER_ERROR
    if args.command is None:
        from desktop.ui.app import run_gui

        return run_gui(db=getattr(args, "db", None))
    from desktop.core.errors import FactdeskError

    try:
        return args.run(args) or 0
    except (FactdeskError, CliError) as exc:
        say(f"error: {exc}")
        return EXIT_USER_ERROR
    except KeyboardInterrupt:
        say("interrupted")
        return 130
    except BrokenPipeError:
        return 0


def _window_library(argv: list[str]) -> str | None:
    """The library of `--db LIBRARY` (or `--db=LIBRARY`) given alone, the window's usual
    command line, when argparse would accept it as is; None for anything else."""
    if len(argv) == 2 and argv[0] == "--db":
        value = argv[1]
    elif len(argv) == 1 and argv[0].startswith("--db="):
        value = argv[0].removeprefix("--db=")
    else:
        return None
    if (len(argv) == 2 and value.startswith("-")) or "\x00" in value:
        return None  # argparse's own message, or _unusable_argument's
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        return None
    return value


def _unusable_argument(parser: argparse.ArgumentParser, args: argparse.Namespace) -> str | None:
    """What is wrong with the first argument that is not UTF-8 text, or None.

    Python hands bytes that are not UTF-8 (`--tag $'caf\\xe9'`, a Latin-1 file name) to
    the program as lone surrogates, which no database, file or message can take: such an
    argument is refused, named, before anything is opened.
    """
    from desktop.cli.common import shown

    names = _argument_names(parser, args)
    values = [(names.get(dest, dest), value) for dest, value in vars(args).items()]
    if "db" not in vars(args):
        values.append(("FACTDESK_DB", os.environ.get("FACTDESK_DB", "")))
    for name, value in values:
        for item in value if isinstance(value, list) else [value]:
            if not isinstance(item, str):
                continue
            if "\x00" in item:  # no real command line holds one; main(argv) may
                return f"{name}: {shown(item)} holds a NUL character"
            try:
                item.encode("utf-8")
            except UnicodeEncodeError:
                try:  # the bytes as typed: caf\xe9
                    raw = item.encode("utf-8", "surrogateescape")
                    text = raw.decode("utf-8", "backslashreplace")
                except UnicodeEncodeError:  # a surrogate no byte became (main() called)
                    text = item.encode("utf-8", "backslashreplace").decode("utf-8")
                if len(text) > 60:
                    text = text[:59] + "…"
                return (
                    f"{name}: '{text}' is not UTF-8 text; give every value and file name in "
                    "UTF-8 (rename the file, or convert the text)"
                )
    return None


def _argument_names(parser: argparse.ArgumentParser, args: argparse.Namespace) -> dict[str, str]:
    """dest → what the user typed for it (--tag, ARTICLE_ID), along the chosen commands."""
    names: dict[str, str] = {}
    while parser is not None:
        chosen = None
        for action in parser._actions:
            if isinstance(action, argparse._SubParsersAction):
                chosen = action.choices.get(getattr(args, action.dest, None) or "")
            elif action.option_strings:
                names[action.dest] = max(action.option_strings, key=len)
            else:
                names[action.dest] = str(action.metavar or action.dest)
        parser = chosen
    return names
