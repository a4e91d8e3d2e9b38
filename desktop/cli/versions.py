"""Commands about article versions: versions (list, review, confirm), diff, update."""

from __future__ import annotations

import argparse

from desktop.cli import record_id
from desktop.cli.common import print_json, print_table, say, shown, store_for


def _version_number(text: str) -> int:
    """An argparse type: a version number, 1 or more."""
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a version number") from None
    if not 1 <= value <= 1_000_000:
        raise argparse.ArgumentTypeError(f"{text!r} is not a version number (1, 2, 3…)")
    return value


def _claim_or_all(text: str):
    return "all" if text.strip().lower() == "all" else record_id(text)


def register(sub, common) -> None:
    p = sub.add_parser(
        "versions",
        parents=[common],
        help="an article's versions; review and confirm how its highlights were carried over",
        description="List an article's versions, oldest first. With --review, how each "
        "claim's highlight sits in the newest version against the version it was checked "
        "on (unchanged, moved, reworded, orphaned); --confirm marks it looked at.",
    )
    p.add_argument("article_id", type=record_id, metavar="ARTICLE_ID")
    p.add_argument("--review", action="store_true", help="how each highlight was carried over")
    p.add_argument(
        "--confirm",
        action="append",
        type=_claim_or_all,
        metavar="CLAIM_ID",
        help="mark this claim's carried-over highlights as looked at ('all' for every claim; "
        "repeat for several)",
    )
    p.add_argument(
        "--recheck",
        action="store_true",
        help="with --confirm: the claims are now checked against the newest version",
    )
    p.add_argument("--json", action="store_true", help="machine-readable output")
    p.set_defaults(run=cmd_versions)

    p = sub.add_parser(
        "diff",
        parents=[common],
        help="compare two versions of an article, word by word",
        description="What changed between two versions: paragraphs aligned, moved ones "
        "recognised; [-deleted-] and {+inserted+} words inside changed paragraphs.",
    )
    p.add_argument("article_id", type=record_id, metavar="ARTICLE_ID")
    p.add_argument("old", type=_version_number, metavar="V1")
    p.add_argument("new", type=_version_number, metavar="V2")
    p.add_argument(
        "--context",
        type=int,
        default=1,
        metavar="N",
        help="unchanged paragraphs shown around each change (default 1; -1 for all)",
    )
    out = p.add_mutually_exclusive_group()
    out.add_argument("--json", action="store_true", help="machine-readable output")
    out.add_argument("--html", action="store_true", help="an HTML fragment (<ins>/<del>)")
    p.set_defaults(run=cmd_diff)

    p = sub.add_parser(
        "update",
        parents=[common],
        help="store a new version of an article (its URL fetched again, or a file)",
        description="Fetch the article's address again (or read FILE_OR_URL, '-' for "
        "standard input) and store it as a new version when its text changed; highlights "
        "are carried over and each claim keeps the version it was checked against.",
    )
    p.add_argument("article_id", type=record_id, metavar="ARTICLE_ID")
    p.add_argument("source", nargs="?", metavar="FILE_OR_URL", help="default: the article's URL")
    p.add_argument("--json", action="store_true", help="machine-readable output")
    p.set_defaults(run=cmd_update)


def _outcome_json(o) -> dict:
    return {
        "claim_id": o.claim_id,
        "highlight_id": o.highlight_id,
        "outcome": o.kind,
        "checked_version": o.old_number,
        "newest_version": o.new_number,
        "old_quote": o.old_exact,
        "new_quote": o.new_exact,
        "confirmed": o.confirmed,
    }


def _print_outcomes(outcomes) -> None:
    print_table(
        [
            [
                o.claim_id,
                o.kind,
                f"{o.old_number}→{o.new_number}",
                "yes" if o.confirmed else "no",
                o.old_exact if o.kind in ("unchanged", "moved") else _was_now(o),
            ]
            for o in outcomes
        ],
        ["CLAIM", "OUTCOME", "VERSIONS", "CONFIRMED", "QUOTE"],
    )


def _was_now(o) -> str:
    now = o.new_exact if o.new_exact else "(not found)"
    return f"{o.old_exact!r} → {now!r}" if o.new_exact else f"{o.old_exact!r} → {now}"


def cmd_versions(args) -> int:
    from desktop.cli import CliError
    from desktop.core.versions import confirm, list_versions, review

    if args.recheck and not args.confirm:
        raise CliError("--recheck goes with --confirm CLAIM_ID (or --confirm all)")
    if args.confirm:
        with store_for(args) as store, store.transaction() as session:
            outcomes = review(session, args.article_id)
            if not outcomes:
                raise CliError(f"article {args.article_id} has nothing to confirm")
            wanted = set(args.confirm)
            known = {o.claim_id for o in outcomes}
            missing = sorted(c for c in wanted if c != "all" and c not in known)
            if missing:
                raise CliError(
                    f"claim {missing[0]} has no highlight carried over in article {args.article_id}"
                )
            ids = [o.highlight_id for o in outcomes if "all" in wanted or o.claim_id in wanted]
            count = confirm(session, args.article_id, ids, recheck=args.recheck)
            outcomes = review(session, args.article_id)
        say(
            f"confirmed {count} highlight(s)"
            + ("; their claims are now checked against the newest version" if args.recheck else "")
        )
        args.review = True
    else:
        with store_for(args, reading=True) as store, store.read() as session:
            listed = list_versions(session, args.article_id)
            outcomes = review(session, args.article_id) if args.review else []
    if args.review:
        if args.json:
            print_json([_outcome_json(o) for o in outcomes])
        elif outcomes:
            _print_outcomes(outcomes)
        else:
            say(f"article {args.article_id} has one version: nothing was carried over")
        return 0
    if args.json:
        print_json(
            [
                {
                    "number": v.number,
                    "retrieved_at": v.retrieved_at.isoformat(),
                    "origin": v.origin,
                    "title": v.title,
                    "words": v.words,
                    "content_hash": v.content_hash,
                    "created_by": v.created_by,
                    "newest": v.newest,
                }
                for v in listed
            ]
        )
    else:
        print_table(
            [
                [
                    v.number,
                    v.retrieved_at.strftime("%Y-%m-%d %H:%M"),
                    v.words,
                    "newest" if v.newest else "",
                    v.origin,
                ]
                for v in listed
            ],
            ["VERSION", "RETRIEVED", "WORDS", "", "ORIGIN"],
        )
    return 0


def cmd_diff(args) -> int:
    from desktop.core.diffing import diff_html, diff_texts, summary
    from desktop.core.versions import get_version

    with store_for(args, reading=True) as store, store.read() as session:
        old = get_version(session, args.article_id, args.old)
        new = get_version(session, args.article_id, args.new)
    changes = diff_texts(old.text, new.text)
    counts = summary(changes)
    context = None if args.context < 0 else args.context
    if args.json:
        print_json(
            {
                "article_id": args.article_id,
                "old": {"number": old.number, "retrieved_at": old.retrieved_at.isoformat()},
                "new": {"number": new.number, "retrieved_at": new.retrieved_at.isoformat()},
                "summary": counts,
                "paragraphs": [
                    {
                        "kind": c.kind,
                        "old_index": c.old_index,
                        "new_index": c.new_index,
                        "pieces": [[p.kind, p.text] for p in c.pieces],
                    }
                    for c in changes
                ],
            }
        )
        return 0
    if args.html:
        print(diff_html(changes, context=context))
        return 0
    print(f"--- version {old.number} ({old.retrieved_at:%Y-%m-%d %H:%M})")
    print(f"+++ version {new.number} ({new.retrieved_at:%Y-%m-%d %H:%M})")
    for line in text_lines(changes, context):
        print(line)
    say(
        f"{counts['inserted_words']} word(s) inserted, {counts['deleted_words']} deleted; "
        f"paragraphs: {counts['changed_paragraphs']} changed, {counts['moved_paragraphs']} "
        f"moved, {counts['inserted_paragraphs']} inserted, {counts['deleted_paragraphs']} deleted"
    )
    return 0


_MARK = {"same": "  ", "changed": "~ ", "inserted": "+ ", "deleted": "- ", "moved": "> "}


def text_lines(changes, context: int | None) -> list[str]:
    """The comparison as text: one line per paragraph, marked in its first column, with
    [-deleted-] and {+inserted+} words (the wdiff convention)."""
    lines: list[str] = []
    last = -2
    for n, c in enumerate(changes):
        near = context is None or any(
            changes[k].kind != "same"
            for k in range(max(0, n - context), min(len(changes), n + context + 1))
        )
        if not near:
            continue
        if context is not None and last != n - 1 and lines:
            lines.append("…")
        last = n
        body = "".join(
            p.text
            if p.kind == "same" or c.kind in ("inserted", "deleted")
            else (f"[-{p.text}-]" if p.kind == "delete" else f"{{+{p.text}+}}")
            for p in c.pieces
        )
        if c.kind == "moved":
            body = f"(moved from paragraph {c.old_index + 1}) {body}"
        lines.append(_MARK[c.kind] + body)
    return lines


def cmd_update(args) -> int:
    from desktop.cli import CliError
    from desktop.cli.articles import read_source
    from desktop.core.importers.url import is_web_url
    from desktop.core.versions import add_version
    from desktop.core.views import get_article

    source = args.source
    if source is None:
        with store_for(args, reading=True) as store, store.read() as session:
            url = get_article(session, args.article_id).url
        if not url:
            raise CliError(
                f"article {args.article_id} has no URL to fetch again; "
                "give a file or an address: factdesk update ID FILE_OR_URL"
            )
        source = url
    parsed = read_source(source)  # before the library opens: a bad file changes nothing
    if source == "-":
        origin = ""
    elif is_web_url(source):
        origin = source.strip()
    else:
        from pathlib import Path

        origin = Path(source).name
    with store_for(args) as store, store.transaction() as session:
        result = add_version(session, args.article_id, parsed, origin=origin)
    if args.json:
        print_json(
            {
                "article_id": result.article_id,
                "added": result.added,
                "version": result.number,
                "outcomes": [_outcome_json(o) for o in result.outcomes],
            }
        )
        return 0
    if not result.added:
        say(f"{shown(source)}: the text is the same as version {result.number}; nothing stored")
        print(result.number)
        return 0
    counts = {
        k: sum(1 for o in result.outcomes if o.kind == k) for k in ("moved", "reworded", "orphaned")
    }
    say(
        f"article {result.article_id}: version {result.number} stored; highlights: "
        f"{counts['moved']} moved, {counts['reworded']} reworded, {counts['orphaned']} "
        f"orphaned (review: factdesk versions {result.article_id} --review)"
    )
    print(result.number)
    return 0
