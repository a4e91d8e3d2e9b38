"""`factdesk suggest`: an article's sentences ranked by check-worthiness."""

from __future__ import annotations

from desktop.cli import record_id
from desktop.cli.common import count, print_json, print_table, store_for


def register(sub, common) -> None:
    p = sub.add_parser(
        "suggest",
        parents=[common],
        help="the sentences of an article most worth checking",
        description=(
            "Rank an article's sentences by check-worthiness (figures, comparisons, "
            "attributions, quotations, named people and institutions, and a model trained "
            "on fact-checked debates). Offsets are code points into the stored text. "
            "Sentences marked 'Not a claim' in the window are left out."
        ),
    )
    p.add_argument("article_id", type=record_id, metavar="ARTICLE_ID")
    how_many = p.add_mutually_exclusive_group()
    how_many.add_argument("--top", type=count, default=10, metavar="N", help="the N best (10)")
    how_many.add_argument("--all", action="store_true", help="every sentence, best first")
    p.add_argument("--json", action="store_true", help="machine-readable output")
    p.set_defaults(run=cmd_suggest)


def cmd_suggest(args) -> int:
    from desktop.core.suggestions import ranked

    with store_for(args, reading=True) as store, store.read() as session:
        found = ranked(session, args.article_id, save=False)
    if not args.all:
        found = found[: args.top]
    if args.json:
        print_json([s.to_json() for s in found])
        return 0
    print_table(
        [
            [s.rank, f"{s.score:.3f}", f"{s.start}-{s.end}", ", ".join(s.cues), s.text]
            for s in found
        ],
        ["RANK", "SCORE", "OFFSETS", "CUES", "SENTENCE"],
    )
    return 0
