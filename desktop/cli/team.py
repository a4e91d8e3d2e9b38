"""Team-mode commands: copy-db."""

from __future__ import annotations

from desktop.cli.common import print_table, say, shown


def register(sub, common) -> None:
    p = sub.add_parser(
        "copy-db",
        parents=[common],
        help="copy a whole library to another (empty) database, e.g. SQLite → PostgreSQL",
    )
    p.add_argument("src", metavar="SRC", help="the library to copy: a file path or URL")
    p.add_argument("dst", metavar="DST", help="the empty library to fill: a file path or URL")
    p.set_defaults(run=cmd_copy_db)


def cmd_copy_db(args) -> int:
    from desktop.core.copying import copy_library
    from desktop.core.store import open_store

    src = open_store(args.src)
    try:
        dst = open_store(args.dst)
        try:
            counts = copy_library(src, dst)
        finally:
            dst.close()
    finally:
        src.close()
    print_table([[name, n] for name, n in counts.items()], ["TABLE", "ROWS"])
    say(f"copied {shown(src.label)} to {shown(dst.label)}")
    return 0
