"""`factdesk source capture|attach|captures|diff` and `factdesk export-warc`: what a
source's address said when it was cited (desktop.core.captures does the work)."""

from __future__ import annotations

from desktop.cli.common import print_json, say, shown, store_for


def register(sub, common) -> None:
    from desktop.cli import record_id

    group = sub.add_parser(
        "source",
        parents=[common],
        help="capture a source's page, attach a file, list or compare captures",
        description="A capture keeps what a source's address answered when you asked: the "
        "text, the raw answer (up to 16 MB, hashed whole), the final address, status and "
        "type. Nothing is fetched unless you run `source capture`.",
    )
    actions = group.add_subparsers(dest="action", metavar="ACTION")
    actions.required = True

    p = actions.add_parser(
        "list",
        parents=[common],
        help="the library's sources (or an article's) with their ids and captures",
    )
    p.add_argument("--article", type=record_id, metavar="ARTICLE_ID")
    p.add_argument("--json", action="store_true", help="machine-readable output")
    p.set_defaults(run=cmd_list)

    p = actions.add_parser(
        "capture",
        parents=[common],
        help="fetch the source's address now and keep the answer",
        description="Fetches the source's web address once (http/https only, 30 s and "
        "16 MB kept at most) and keeps the answer, a 404 or 410 too; then looks up the "
        "excerpts the source is cited with and compares with the previous capture.",
    )
    p.add_argument("source_id", type=record_id, metavar="SOURCE_ID")
    p.add_argument("--json", action="store_true", help="machine-readable output")
    p.set_defaults(run=cmd_capture)

    p = actions.add_parser(
        "attach",
        parents=[common],
        help="keep a file (a PDF, a saved page…) as a capture of the source",
    )
    p.add_argument("source_id", type=record_id, metavar="SOURCE_ID")
    p.add_argument("file", metavar="FILE")
    p.add_argument("--json", action="store_true", help="machine-readable output")
    p.set_defaults(run=cmd_attach)

    p = actions.add_parser(
        "captures",
        parents=[common],
        help="list a source's captures and whether its excerpts are in the latest",
    )
    p.add_argument("source_id", type=record_id, metavar="SOURCE_ID")
    p.add_argument("--json", action="store_true", help="machine-readable output")
    p.set_defaults(run=cmd_captures)

    p = actions.add_parser(
        "diff",
        parents=[common],
        help="what changed between two captures of a source (the last two by default)",
    )
    p.add_argument("source_id", type=record_id, metavar="SOURCE_ID")
    p.add_argument("old", type=record_id, nargs="?", metavar="OLD_CAPTURE_ID")
    p.add_argument("new", type=record_id, nargs="?", metavar="NEW_CAPTURE_ID")
    p.add_argument("--json", action="store_true", help="machine-readable output")
    p.set_defaults(run=cmd_diff)

    p = actions.add_parser(
        "wayback",
        parents=[common],
        help="print the Wayback Machine's save page for the source's address",
        description="Prints https://web.archive.org/save/<address>: open it in your browser "
        "to ask the Wayback Machine to archive the page. Factdesk itself sends nothing.",
    )
    p.add_argument("source_id", type=record_id, metavar="SOURCE_ID")
    p.set_defaults(run=cmd_wayback)

    p = sub.add_parser(
        "export-warc",
        parents=[common],
        help="export captured sources as a WARC file (for pywb, ReplayWeb.page, archives)",
        description="Writes the captures of the sources named (--source), of the sources "
        "the articles' claims cite (--article), or all captures, as a WARC 1.1 file; "
        "gzipped per record when FILE ends in .gz.",
    )
    p.add_argument("-o", "--output", required=True, metavar="FILE", help="a .warc or .warc.gz")
    p.add_argument("--source", type=record_id, action="append", default=[], metavar="SOURCE_ID")
    p.add_argument("--article", type=record_id, action="append", default=[], metavar="ARTICLE_ID")
    p.set_defaults(run=cmd_export_warc)


def _bytes(n: int) -> str:
    from desktop.core.importers import size_text

    return size_text(n)


def _line(info) -> str:
    """ "3  2026-11-29 14:03 UTC  200 text/html  12.3 kB  sha256 ab12…  https://…" """
    when = info.retrieved_at.strftime("%Y-%m-%d %H:%M UTC")
    what = f"file {info.file_name}" if info.is_file else f"{info.status} {info.final_url}"
    size = _bytes(info.size) + (" (cut)" if info.truncated else "")
    gone = "  GONE" if info.gone else ""
    return f"{info.id}  {when}  {what}  {info.content_type}  {size}  sha256 {info.sha256}{gone}"


def _checks(checks) -> list[dict]:
    return [
        {
            "claim_id": c.claim_id,
            "excerpt": c.excerpt,
            "found": c.found,
            "method": c.match.method if c.match else None,
            "start": c.match.start if c.match else None,
            "end": c.match.end if c.match else None,
        }
        for c in checks
    ]


def _print_checks(checks) -> None:
    for c in checks:
        state = f"found ({c.match.method})" if c.found else "NOT FOUND"
        print(f"claim {c.claim_id}: excerpt {state} in capture {c.capture_id}: {shown(c.excerpt)}")


def _report(store, info, as_json: bool) -> int:
    from desktop.core import captures

    with store.read() as session:
        checks = captures.check_excerpts(session, info.source_id)
        before = captures.previous_capture(session, info.id)
        comparison = captures.compare_captures(session, before.id, info.id) if before else None
    if as_json:
        data = {**info.as_dict(), "excerpts": _checks(checks)}
        if comparison is not None:
            data["previous"] = _comparison(comparison)
        print_json(data)
        return 0
    print(_line(info))
    if info.error:
        say(f"capture {info.id}: no text read ({info.error})")
    if comparison is not None:
        print(_changed(comparison))
    _print_checks(checks)
    return 0


def _comparison(comparison) -> dict:
    from desktop.core.diffing import summary

    return {
        "old": comparison.old.id,
        "new": comparison.new.id,
        "same_body": comparison.same_body,
        "text_changed": comparison.text_changed,
        "gone": comparison.gone,
        "summary": summary(comparison.changes),
    }


def _changed(comparison) -> str:
    from desktop.core.diffing import summary

    old, new = comparison.old, comparison.new
    head = f"since capture {old.id} ({old.retrieved_at:%Y-%m-%d %H:%M UTC}): "
    if comparison.gone:
        return head + f"the page is gone ({new.status})"
    if comparison.same_body:
        return head + "unchanged (same bytes)"
    if not comparison.text_changed:
        return head + "the text is unchanged (the bytes differ)"
    s = summary(comparison.changes)
    return head + (
        f"the text changed: {s['changed_paragraphs']} paragraph(s) changed, "
        f"{s['inserted_paragraphs']} added, {s['deleted_paragraphs']} removed, "
        f"{s['moved_paragraphs']} moved; {s['inserted_words']} word(s) added, "
        f"{s['deleted_words']} removed"
    )


def cmd_list(args) -> int:
    from desktop.core import captures

    with store_for(args, reading=True) as store, store.read() as session:
        rows = captures.list_sources(session, article_id=args.article)
    if args.json:
        print_json([r.as_dict() for r in rows])
        return 0
    for r in rows:
        latest = f"last captured {r.last_capture:%Y-%m-%d}" if r.last_capture else "not captured"
        print(
            f"{r.id}  {r.title or '(untitled)'}  {r.url or '(no address)'}  {r.captures} "
            f"capture(s), {latest}"
        )
    return 0


def cmd_capture(args) -> int:
    from desktop.core import captures

    with store_for(args) as store:
        info = captures.capture_source(store, args.source_id)
        return _report(store, info, args.json)


def cmd_attach(args) -> int:
    from desktop.core import captures

    with store_for(args) as store:
        info = captures.attach_file(store, args.source_id, args.file)
        return _report(store, info, args.json)


def cmd_captures(args) -> int:
    from desktop.core import captures

    with store_for(args, reading=True) as store, store.read() as session:
        listed = captures.list_captures(session, args.source_id)
        checks = captures.check_excerpts(session, args.source_id)
    if args.json:
        print_json({"captures": [c.as_dict() for c in listed], "excerpts": _checks(checks)})
        return 0
    if not listed:
        say(f"source {args.source_id} has no captures yet (factdesk source capture)")
        return 0
    for info in listed:
        print(_line(info))
    _print_checks(checks)
    return 0


def cmd_diff(args) -> int:
    from desktop.cli import CliError
    from desktop.core import captures

    with store_for(args, reading=True) as store, store.read() as session:
        listed = captures.list_captures(session, args.source_id)
        if args.old is None:
            if len(listed) < 2:
                raise CliError(
                    f"source {args.source_id} has {len(listed)} capture(s); "
                    "two are needed to compare"
                )
            old_id, new_id = listed[-2].id, listed[-1].id
        else:
            old_id = args.old
            new_id = args.new if args.new is not None else listed[-1].id
        ids = {c.id for c in listed}
        for cid in (old_id, new_id):
            if cid not in ids:
                raise CliError(f"capture {cid} is not a capture of source {args.source_id}")
        comparison = captures.compare_captures(session, old_id, new_id)
    if args.json:
        data = _comparison(comparison)
        data["changes"] = [
            {
                "kind": c.kind,
                "old_index": c.old_index,
                "new_index": c.new_index,
                "pieces": [[p.kind, p.text] for p in c.pieces],
            }
            for c in comparison.changes
            if c.kind != "same"
        ]
        print_json(data)
        return 0
    print(_changed(comparison))
    for c in comparison.changes:
        if c.kind == "same":
            continue
        marks = {"same": "{}", "insert": "{{+{}+}}", "delete": "[-{}-]"}
        text = "".join(marks[p.kind].format(p.text) for p in c.pieces)
        print(f"\n{c.kind}:\n{text}")
    return 0


def cmd_wayback(args) -> int:
    from desktop.core import captures

    with store_for(args, reading=True) as store, store.read() as session:
        url = captures.source_url(session, args.source_id)
    print(captures.wayback_save_url(url))
    return 0


def cmd_export_warc(args) -> int:
    from desktop.core.exporters.warc import export_warc

    with store_for(args, reading=True) as store:
        result = export_warc(store, args.output, source_ids=args.source, article_ids=args.article)
    print(
        f"{shown(result.path)}: {result.captures} capture(s), {result.records} WARC records, "
        f"{_bytes(result.size)}"
    )
    return 0
