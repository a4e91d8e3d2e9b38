"""`factdesk match`: has this been checked already? (desktop.core.matching does it)."""

from __future__ import annotations

import sys

from desktop.cli import CliError
from desktop.cli.common import count, print_json, print_table, store_for

HEADERS = ["SCORE", "KIND", "VERDICT", "BY", "DATE", "CLAIM / URL"]


def register(sub, common) -> None:
    p = sub.add_parser(
        "match",
        parents=[common],
        help="find earlier checks of a claim: the library's and other newsrooms'",
        description="Ranks the library's claims (in other articles) and the imported "
        "reference fact-checks by how closely they match TEXT, a claim of the library "
        "(--claim ID), or each line of a file (--queries FILE, one query a line). "
        "Offline: nothing is fetched.",
    )
    p.add_argument("text", nargs="*", metavar="TEXT", help="the claim to look for")
    p.add_argument("--claim", type=int, metavar="ID", help="match a claim of the library")
    p.add_argument("--queries", metavar="FILE", help="one query a line (UTF-8); - for stdin")
    p.add_argument("--top", type=count, default=5, metavar="N", help="matches per query (5)")
    p.add_argument("--json", action="store_true", help="machine-readable output")
    p.set_defaults(run=cmd_match)


def _queries(args) -> list[str]:
    given = sum(bool(x) for x in (args.text, args.claim is not None, args.queries))
    if given != 1:
        raise CliError("give one of: TEXT, --claim ID or --queries FILE")
    if args.text:
        return [" ".join(args.text)]
    if args.queries:
        try:
            if args.queries == "-":
                raw = sys.stdin.read()
            else:
                with open(args.queries, encoding="utf-8") as handle:
                    raw = handle.read()
        except UnicodeDecodeError as exc:
            raise CliError(f"{args.queries}: is not UTF-8 text ({exc.reason})") from exc
        except OSError as exc:
            raise CliError(f"{args.queries}: cannot be read ({exc.strerror or exc})") from exc
        return [line.strip() for line in raw.splitlines() if line.strip()]
    return []


def cmd_match(args) -> int:
    from desktop.core.matching import match, match_claim

    queries = _queries(args)
    with store_for(args, reading=True) as store, store.read() as session:
        if args.claim is not None:
            results = [match_claim(session, args.claim, top=args.top)]
        else:
            results = [match(session, q, top=args.top) for q in queries]
    if args.json:
        found = [[m.as_json() for m in matches] for matches in results]
        print_json(found[0] if args.text or args.claim is not None else found)
        return 0
    for i, matches in enumerate(results):
        if len(results) > 1:
            print(f"{'' if i == 0 else chr(10)}# {queries[i]}")
        if not matches:
            print("No earlier check found.")
            continue
        rows = [
            [
                f"{m.score:.2f}",
                m.kind,
                m.verdict or "-",
                m.publisher or "-",
                m.date or "-",
                f"{m.claim}  <{m.url}>",
            ]
            for m in matches
        ]
        print_table(rows, HEADERS)
    return 0
