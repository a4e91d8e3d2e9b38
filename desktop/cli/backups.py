"""Commands about backup copies: backup list, backup create, backup restore.

`list` and `restore` never open the library through open_store: they must work on a
library that open_store refuses as damaged, which is when a backup is needed most.
"""

from __future__ import annotations

from pathlib import Path

from desktop.cli import CliError
from desktop.cli.common import print_json, print_table, say, shown, store_for


def register(sub, common) -> None:
    p = sub.add_parser("backup", parents=[common], help="list, make or restore backup copies")
    bsub = p.add_subparsers(dest="backup_command", metavar="ACTION", required=True)
    a = bsub.add_parser("list", parents=[common], help="the library's backup copies, newest first")
    a.add_argument("--json", action="store_true", help="machine-readable output")
    a.set_defaults(run=cmd_list)
    a = bsub.add_parser("create", parents=[common], help="make a backup copy now")
    a.add_argument("--reason", default="manual", help="a word saying why (default: manual)")
    a.set_defaults(run=cmd_create)
    a = bsub.add_parser(
        "restore",
        parents=[common],
        help="put a backup copy back as the library (the current file is kept)",
    )
    a.add_argument(
        "backup",
        metavar="N_OR_FILE",
        help="a number from `factdesk backup list` (1 = newest), or a backup file",
    )
    a.set_defaults(run=cmd_restore)


def library_path(args) -> Path:
    """The SQLite file the command is about (backups exist only for files)."""
    from desktop.core.store import default_location, is_url

    target = getattr(args, "db", None) or default_location()
    if is_url(target) and not target.startswith("sqlite:///"):
        raise CliError(f"{shown(target)}: backups are made only of SQLite library files")
    return Path(target.removeprefix("sqlite:///")).expanduser().resolve()


def cmd_list(args) -> int:
    from desktop.core.backup import list_backups

    found = list_backups(library_path(args))
    if args.json:
        print_json(
            [
                {
                    "number": n,
                    "created": b.created.isoformat(),
                    "reason": b.reason,
                    "size": b.size,
                    "path": str(b.path),
                }
                for n, b in enumerate(found, start=1)
            ]
        )
        return 0
    if not found:
        say(f"{shown(library_path(args))}: no backup copies yet")
        return 0
    print_table(
        [
            [n, f"{b.created:%Y-%m-%d %H:%M:%S} UTC", b.reason, f"{b.size:,}", b.path]
            for n, b in enumerate(found, start=1)
        ],
        ["N", "CREATED", "REASON", "BYTES", "FILE"],
    )
    return 0


def cmd_create(args) -> int:
    from desktop.core.backup import create_backup

    with store_for(args) as store:
        path = create_backup(store, reason=args.reason)
    print(path)
    return 0


def cmd_restore(args) -> int:
    from desktop.core.backup import list_backups, restore_backup

    db_path = library_path(args)
    choice = args.backup.strip()
    if choice.isascii() and choice.isdigit():
        found = list_backups(db_path)
        number = int(choice)
        if not 1 <= number <= len(found):
            raise CliError(
                f"{shown(db_path)}: there is no backup number {number} "
                f"({len(found)} backup copies; see `factdesk backup list`)"
            )
        backup = found[number - 1].path
    else:
        backup = Path(choice).expanduser().resolve()
    result = restore_backup(db_path, backup)
    if result.resumed is not None:  # an earlier restore, interrupted, finished or undone
        say(result.resumed)
    if result.safety_copy is not None:
        say(f"the library as it was is kept as {shown(result.safety_copy)}")
    if result.damaged_copy is not None:
        say(f"the damaged library is kept as {shown(result.damaged_copy)}")
    say(f"restored {shown(backup)} as {shown(db_path)}")
    return 0
