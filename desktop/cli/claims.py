"""Commands about claims: claim add, claims."""

from __future__ import annotations

from desktop.cli import record_id
from desktop.cli.common import print_json, print_table, store_for


def register(sub, common) -> None:
    p = sub.add_parser("claim", parents=[common], help="work on claims")
    csub = p.add_subparsers(dest="claim_command", metavar="ACTION", required=True)
    a = csub.add_parser("add", parents=[common], help="tag a quote of an article as a claim")
    a.add_argument("article_id", type=record_id, metavar="ARTICLE_ID")
    a.add_argument("--quote", required=True, help="the exact words of the article")
    a.add_argument(
        "--occurrence",
        type=int,
        default=1,
        metavar="N",
        help="which appearance of the quote, when it appears several times",
    )
    a.add_argument("--text", default="", help="the claim restated in your words")
    a.add_argument("--claimant", default="", help="who made the claim")
    a.add_argument("--claimant-kind", choices=["person", "organization"], default="")
    a.add_argument("--claim-date", default="", metavar="YYYY-MM-DD")
    a.add_argument("--appearance-url", default="", metavar="URL")
    a.add_argument("--verdict", metavar="LABEL", help="a rating of the scale, e.g. 'Mostly false'")
    a.add_argument("--rationale", default="", help="why (Markdown)")
    a.add_argument(
        "--source",
        action="append",
        default=[],
        metavar="URL",
        help="a source URL (repeat for several)",
    )
    a.add_argument("--tag", action="append", default=[], metavar="TAG")
    a.add_argument("--status", default="draft", choices=["draft", "review", "published"])
    a.add_argument("--checker", default="", help="your name")
    a.set_defaults(run=cmd_claim_add)

    p = sub.add_parser("claims", parents=[common], help="an article's claims")
    p.add_argument("article_id", type=record_id, metavar="ARTICLE_ID")
    p.add_argument("--json", action="store_true", help="machine-readable output")
    p.set_defaults(run=cmd_claims)


def cmd_claim_add(args) -> int:
    from desktop.core.claims import create_claim_from_quote
    from desktop.core.ratings import find_rating
    from desktop.core.sources import add_source

    with store_for(args) as store, store.transaction() as session:
        rating_id = find_rating(session, args.verdict).id if args.verdict else None
        claim, _ = create_claim_from_quote(
            session,
            args.article_id,
            args.quote,
            occurrence=args.occurrence,
            text=args.text,
            claimant=args.claimant,
            claimant_kind=args.claimant_kind,
            claim_date=args.claim_date,
            appearance_url=args.appearance_url,
            rating_id=rating_id,
            rationale=args.rationale,
            status=args.status,
            checker=args.checker,
            tags=args.tag,
        )
        for url in args.source:
            add_source(session, claim.id, url=url)
    print(claim.id)
    return 0


def cmd_claims(args) -> int:
    from desktop.core.views import claims_of, get_article, to_jsonable

    with store_for(args, reading=True) as store, store.read() as session:
        get_article(session, args.article_id)
        claims = claims_of(session, args.article_id)
    if args.json:
        print_json(to_jsonable(claims))
        return 0
    print_table(
        [
            [
                c.id,
                ",".join(f"{h.start}-{h.end}" for h in c.highlights),
                c.claimant,
                c.rating.label if c.rating else "",
                c.status,
                len(c.sources),
                c.quote,
            ]
            for c in claims
        ],
        ["ID", "OFFSETS", "CLAIMANT", "VERDICT", "STATUS", "SOURCES", "QUOTE"],
    )
    return 0
