"""`factdesk search QUERY`: the library's full-text search (desktop.core.search does it)."""

from __future__ import annotations

from desktop.cli.common import count, print_json, print_table, store_for

HEADERS = ["KIND", "ARTICLE", "CLAIM", "SNIPPET"]


def register(sub, common) -> None:
    p = sub.add_parser(
        "search",
        parents=[common],
        help="search articles, claims and sources",
        description="Words match whatever their accents and case, and as the start of "
        'words (taiwan finds Taïwan, elect finds élections); "quoted words" must appear '
        "together and whole; -word leaves out what has it; filters: claimant:, verdict:, "
        'tag:, outlet:, checker:, status:, before:YYYY-MM-DD, after:YYYY-MM-DD (claimant:"Elon '
        'Musk"). Put -- before a query that starts with -: factdesk search -- -word.',
    )
    p.add_argument("query", nargs="+", metavar="QUERY", help="what to look for")
    p.add_argument("--json", action="store_true", help="machine-readable output")
    p.add_argument(
        "--limit", type=count, default=50, metavar="N", help="hits shown at most (default 50)"
    )
    p.set_defaults(run=cmd_search)


def _as_json(hit) -> dict:
    return {
        "kind": hit.kind,
        "article_id": hit.article_id,
        "claim_id": hit.claim_id,
        "source_id": hit.source_id,
        "check_id": hit.check_id,
        "title": hit.title,
        "snippet": hit.snippet,
        "ranges": [list(r) for r in hit.ranges],
        "offset": hit.offset,
        "rank": hit.rank,
    }


def _cell(value: int | None) -> str:
    return "-" if value is None else str(value)


def cmd_search(args) -> int:
    from desktop.core.search import search

    query = " ".join(args.query)
    with store_for(args, reading=True) as store, store.read() as session:
        hits = search(session, query, limit=args.limit)
    if args.json:
        print_json([_as_json(h) for h in hits])
        return 0
    rows = []
    for hit in hits:
        kind = {"source": f"source {hit.source_id}", "check": f"fact-check {hit.check_id}"}.get(
            hit.kind, hit.kind
        )
        snippet = hit.marked if hit.kind in ("article", "claim") else f"{hit.title}: {hit.marked}"
        rows.append([kind, _cell(hit.article_id), _cell(hit.claim_id), snippet])
    if rows:
        print_table(rows, HEADERS)
    else:
        print(f"No match for “{query}”.")
    return 0
