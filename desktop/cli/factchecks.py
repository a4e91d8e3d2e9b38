"""`factdesk import-factchecks FILE…`: other newsrooms' fact-checks as references
(desktop.core.factchecks reads and stores them)."""

from __future__ import annotations

from desktop.cli.common import print_json, store_for


def register(sub, common) -> None:
    p = sub.add_parser(
        "import-factchecks",
        parents=[common],
        help="import published fact-checks (ClaimReview, Fact Check Tools API, CSV)",
        description="Reads schema.org ClaimReview JSON-LD (an object, an array, an @graph, a "
        "DataFeed, or HTML pages carrying it), the JSON of the Google Fact Check Tools API, "
        "and CSV with a header row. They are kept apart from the library's own claims, "
        "identified by their review URL (one already there is not added again), and never "
        "exported as the library's checks. All files are stored together or, if one is "
        "bad, none. CSV columns (any case; spaces, _ and - ignored): url (required), claim "
        "or headline (one required), claimant, claim date, rating (or textual rating, "
        "verdict), publisher, language (or language code), review date (or date "
        "published).",
    )
    p.add_argument("files", nargs="+", metavar="FILE", help="a .json, .jsonld, .html or .csv file")
    p.add_argument("--json", action="store_true", help="machine-readable output")
    p.set_defaults(run=cmd_import_factchecks)


def cmd_import_factchecks(args) -> int:
    from desktop.core.factchecks import read_file, store_checks

    parsed = [(name, read_file(name)) for name in args.files]  # before the library opens
    with store_for(args) as store:
        results = store_checks(store, parsed)
    if args.json:
        print_json([{"file": n, "added": c.added, "already": c.existing} for n, c in results])
        return 0
    for name, counts in results:
        print(f"{name}: {counts.added} added, {counts.existing} already in the library")
    return 0
