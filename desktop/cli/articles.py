"""Commands about articles: import, articles, show, article edit, sentences."""

from __future__ import annotations

import sys

from desktop.cli import record_id
from desktop.cli.common import print_json, print_table, say, shown, store_for


def register(sub, common) -> None:
    p = sub.add_parser("import", parents=[common], help="import an article from a file or URL")
    p.add_argument(
        "source",
        metavar="FILE_OR_URL",
        help="a .txt .md .html .docx .pdf file, "
        "'-' for standard input, or an http(s) address (fetched once, now)",
    )
    p.add_argument("--title", help="title to use instead of the one found")
    p.add_argument("--url", help="the article's address on the web")
    p.add_argument("--outlet", help="the publication it appeared in")
    p.add_argument("--lang", help="language code, e.g. fr or en (guessed when absent)")
    p.set_defaults(run=cmd_import)

    p = sub.add_parser("articles", parents=[common], help="list the articles in the library")
    p.add_argument("--json", action="store_true", help="machine-readable output")
    p.set_defaults(run=cmd_articles)

    p = sub.add_parser("show", parents=[common], help="an article's metadata and full text")
    p.add_argument("article_id", type=record_id, metavar="ARTICLE_ID")
    p.add_argument("--json", action="store_true", help="machine-readable output")
    p.set_defaults(run=cmd_show)

    p = sub.add_parser("article", parents=[common], help="work on an article's details")
    asub = p.add_subparsers(dest="article_command", metavar="ACTION", required=True)
    e = asub.add_parser(
        "edit",
        parents=[common],
        help="change an article's title, outlet, authors, URL, publication date or language",
        description="Change an article's details; an empty value clears a field "
        "(--url '', --published '', --author '' clears the authors). The title cannot "
        "be cleared.",
    )
    e.add_argument("article_id", type=record_id, metavar="ARTICLE_ID")
    e.add_argument("--title", help="the article's title")
    e.add_argument("--outlet", help="the publication it appeared in")
    e.add_argument(
        "--author",
        action="append",
        dest="authors",
        metavar="NAME",
        help="an author (repeat for several; replaces the list)",
    )
    e.add_argument("--url", help="its address on the web (http or https)")
    e.add_argument("--published", metavar="YYYY-MM-DD", help="its publication date")
    e.add_argument("--lang", dest="language", metavar="CODE", help="language, e.g. fr, en, pt-BR")
    e.add_argument("--json", action="store_true", help="machine-readable output")
    e.set_defaults(run=cmd_article_edit)

    p = sub.add_parser("sentences", parents=[common], help="an article's sentence spans")
    p.add_argument("article_id", type=record_id, metavar="ARTICLE_ID")
    p.add_argument("--json", action="store_true", help="machine-readable output")
    p.set_defaults(run=cmd_sentences)


def read_source(source: str):
    """The parsed article behind a path, a URL or '-' (standard input)."""
    from desktop.core import importers
    from desktop.core.importers.url import fetch, is_web_url

    if source == "-":
        # Bytes, decoded like a .txt file: text-mode stdin would let invalid bytes through
        # as lone surrogates (a traceback later) and guess no encoding for cp1252 input.
        # At most one byte over the cap: `factdesk import - < /dev/zero` ends at once.
        data = sys.stdin.buffer.read(importers.MAX_FILE_BYTES + 1)
        if len(data) > importers.MAX_FILE_BYTES:
            raise importers.ImportFailed(
                "standard input",
                f"holds more than {importers.size_text(importers.MAX_FILE_BYTES)}, "
                "the most Factdesk imports",
            )
        return importers.parse_bytes(data, kind="plaintext", source_name="standard input")
    if is_web_url(source):
        return fetch(source)
    return importers.import_path(source)


SCORE_CHARS = 1_000_000  # past this, splitting into sentences takes seconds: done on demand


def cmd_import(args) -> int:
    from desktop.core.articles import add_article
    from desktop.core.suggestions import score_and_store

    parsed = read_source(args.source)
    with store_for(args) as store:
        with store.transaction() as session:
            added = add_article(
                session,
                parsed,
                title=args.title,
                url=args.url,
                outlet=args.outlet,
                language=args.lang,
            )
        if sum(map(len, parsed.paragraphs)) < SCORE_CHARS:
            score_and_store(store, added.article_id)  # a book is scored when first asked
    if not added.created:
        say(f"{shown(args.source)}: already in the library as article {added.article_id}")
    print(added.article_id)
    return 0


def cmd_articles(args) -> int:
    from desktop.core.jsonable import to_jsonable
    from desktop.core.summaries import article_summaries

    with store_for(args, reading=True) as store, store.connect() as conn:
        rows = article_summaries(conn)
    if args.json:
        print_json(to_jsonable(rows))
    else:
        print_table(
            [[r.id, r.outlet, r.claims, r.highlights, r.title] for r in rows],
            ["ID", "OUTLET", "CLAIMS", "HIGHLIGHTS", "TITLE"],
        )
    return 0


def cmd_show(args) -> int:
    from desktop.core.views import get_article, to_jsonable

    with store_for(args, reading=True) as store, store.read() as session:
        article = get_article(session, args.article_id)
    if args.json:
        print_json(to_jsonable(article))
        return 0
    print_metadata(article)
    print()
    print(article.text)
    return 0


def print_metadata(article) -> None:
    """An article's details, one "Label: value" line each, as `show` begins."""
    for label, value in (
        ("Title", article.title),
        ("Outlet", article.outlet),
        ("Authors", ", ".join(article.authors)),
        ("URL", article.url),
        ("Published", article.published or ""),
        ("Language", article.language),
        ("Source", article.source_name),
    ):
        if value:
            print(f"{label}: {value}")


EDIT_FIELDS = ("title", "outlet", "authors", "url", "published", "language")


def cmd_article_edit(args) -> int:
    from desktop.cli import CliError
    from desktop.core.articles import check_article_changes, update_article
    from desktop.core.views import article_view, to_jsonable

    changes = {name: getattr(args, name) for name in EDIT_FIELDS if getattr(args, name) is not None}
    if not changes:
        raise CliError(
            "nothing to change: give --title, --outlet, --author, --url, --published or --lang"
        )
    # Checked before the library is opened: a wrong value leaves its file untouched.
    changes = check_article_changes(changes)
    with store_for(args) as store, store.transaction() as session:
        article = article_view(update_article(session, args.article_id, **changes))
    if args.json:
        data = to_jsonable(article)
        for bulky in ("text", "headings", "turns"):
            data.pop(bulky)
        print_json(data)
    else:
        print_metadata(article)
    return 0


def cmd_sentences(args) -> int:
    from desktop.core.sentences import sentence_spans
    from desktop.core.views import get_article

    with store_for(args, reading=True) as store, store.read() as session:
        article = get_article(session, args.article_id)
    spans = sentence_spans(article.text, article.language or "fr")
    if args.json:
        print_json([{"start": s, "end": e, "text": article.text[s:e]} for s, e in spans])
    else:
        for s, e in spans:
            print(f"{s}\t{e}\t{article.text[s:e]}")
    return 0
