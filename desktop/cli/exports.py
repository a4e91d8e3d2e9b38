"""Commands about reports and interchange files: export, import-annotations."""

from __future__ import annotations

import sys
from pathlib import Path

from desktop.cli import CliError, record_id
from desktop.cli.common import library_file, say, shown, store_for

FORMAT_NAMES = ("html", "pdf", "md", "docx", "csv", "json", "claimreview", "webannotation")


def register(sub, common) -> None:
    p = sub.add_parser(
        "export",
        parents=[common],
        help="write a report or an interchange file for one or several articles",
        description="Formats: html (standalone page with ClaimReview markup), pdf (A4), "
        "md, docx, csv (one row per claim), json (everything), claimreview (schema.org "
        "JSON-LD), webannotation (W3C JSON-LD, importable with import-annotations).",
    )
    p.add_argument("article_ids", type=record_id, nargs="*", metavar="ARTICLE_ID")
    p.add_argument(
        "--period",
        nargs=2,
        metavar=("FROM", "TO"),
        help="a period report instead of articles: the desk's summary with charts, then "
        "each article with its claims counted from FROM to TO (YYYY-MM-DD or YYYY-MM; "
        "a claim counts on the day it was published, else tagged); html, pdf, md or docx",
    )
    p.add_argument("--format", "-f", dest="fmt", required=True, choices=FORMAT_NAMES)
    p.add_argument(
        "-o",
        "--output",
        required=True,
        metavar="FILE",
        help="file to write; '-' writes to standard output (not for pdf and docx)",
    )
    p.add_argument(
        "--review-url",
        metavar="URL",
        help="where the report will be published (ClaimReview urls point into it)",
    )
    p.add_argument("--no-text", action="store_true", help="leave the article text out")
    p.add_argument("--no-sources", action="store_true", help="leave the sources out")
    p.add_argument(
        "--claimreview-drafts",
        action="store_true",
        help="ClaimReview of rated claims not yet published too, marked as drafts "
        "(default: published claims only)",
    )
    p.add_argument(
        "--report-language",
        choices=("article", "fr", "en"),
        default=None,
        help="language of the words a report adds (headings, labels, verdicts of the "
        "default scale): 'article' speaks each article's own (French for fr, English "
        "otherwise); default: the setting, which is 'article' unless changed",
    )
    p.add_argument(
        "--csv-delimiter",
        default=None,
        metavar="CHAR",
        help="CSV column separator (default ','; use ';' for spreadsheets in French)",
    )
    p.set_defaults(run=cmd_export)

    p = sub.add_parser(
        "import-annotations",
        parents=[common],
        help="import a W3C Web Annotation file (articles, claims and highlights)",
    )
    p.add_argument("file", metavar="FILE", help="a .jsonld/.json file, or '-' for standard input")
    p.set_defaults(run=cmd_import_annotations)


def cmd_export(args) -> int:
    from desktop.core.exporters import (
        FORMATS,
        TEXT_FORMATS,
        check_destination,
        export,
        options_from_settings,
    )

    if args.fmt not in FORMATS:  # argparse checks too; this keeps the two lists in step
        raise CliError(f"unknown format {args.fmt!r}")
    if args.period and args.article_ids:
        raise CliError("give article ids or --period FROM TO, not both")
    if not args.period and not args.article_ids:
        raise CliError("give the ids of the articles to export, or --period FROM TO")
    period = _period(args.period) if args.period else None
    if period is not None and args.fmt not in ("html", "pdf", "md", "docx"):
        raise CliError(f"a period report is html, pdf, md or docx, not {args.fmt}")
    if args.output == "-" and args.fmt not in TEXT_FORMATS:
        raise CliError(f"{args.fmt} is a binary format; give a file name with -o")
    delimiter = args.csv_delimiter
    if delimiter is not None and len(delimiter) != 1:
        raise CliError("the CSV delimiter must be one character")
    overrides = {"review_url": args.review_url, "csv_delimiter": delimiter}
    if args.report_language is not None:
        overrides["report_language"] = (
            "" if args.report_language == "article" else args.report_language
        )
    if args.no_text:
        overrides["include_text"] = False
    if args.no_sources:
        overrides["include_sources"] = False
    if args.claimreview_drafts:
        overrides["claimreview_drafts"] = True
    options = options_from_settings(**overrides)
    # Refused before the library is even opened (export() checks again as it writes).
    dest = (
        sys.stdout.buffer
        if args.output == "-"
        else check_destination(Path(args.output), library_file(args))
    )
    if args.output == "-":
        sys.stdout.flush()
    with store_for(args) as store:
        if period is not None:
            from desktop.core.exporters.period import export_period

            result = export_period(store, period, args.fmt, dest, options)
        else:
            result = export(store, args.article_ids, args.fmt, dest, options)
    for note in result.notes:
        say(note)
    if result.path is not None:
        say(
            f"wrote {shown(result.path)} ({args.fmt}, {result.articles} article(s), "
            f"{result.claims} claim(s))"
        )
    return 0


def _period(bounds: list[str]):
    """The period of `--period FROM TO` ("-" leaves a side open)."""
    from desktop.core.stats import Period, parse_day

    start, end = bounds
    return Period(
        parse_day(start) if start != "-" else None,
        parse_day(end, end=True) if end != "-" else None,
    )


def cmd_import_annotations(args) -> int:
    from desktop.core.errors import FactdeskError
    from desktop.core.exporters.webannotation import import_annotations, parse

    if args.file == "-":
        data, name = sys.stdin.buffer.read(), "standard input"
    else:
        path = Path(args.file)
        if not path.is_file():
            raise FactdeskError(f"{shown(path)}: does not exist or is not a file")
        try:
            data, name = path.read_bytes(), str(path)
        except OSError as exc:
            raise FactdeskError(f"{shown(path)}: cannot be read ({exc.strerror or exc})") from exc
    document = parse(data, name)
    with store_for(args) as store, store.transaction() as session:
        result = import_annotations(session, document, name=name)
    for article_id in result.articles_created:
        print(f"article {article_id}")
    for claim_id in result.claims_created:
        print(f"claim {claim_id}")
    for highlight_id in result.highlights_created:
        print(f"highlight {highlight_id}")
    for note in result.notes:
        say(note)
    reused = ", ".join(str(i) for i in result.articles_reused)
    say(
        f"{len(result.articles_created)} article(s), {len(result.claims_created)} "
        f"claim(s), {len(result.highlights_created)} highlight(s) created"
        + (f"; already in the library: article(s) {reused}" if reused else "")
        + (f"; {result.skipped} annotation(s) already imported" if result.skipped else "")
    )
    return 0
