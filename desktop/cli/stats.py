"""`factdesk stats`: the desk's claims counted by verdict, month, claimant, outlet, tag,
checker or status, as an aligned table, JSON or CSV (desktop.core.stats does the work).
"""

from __future__ import annotations

import csv
import sys

from desktop.cli import CliError
from desktop.cli.common import count, print_json, print_table, store_for

DIMENSIONS = ("verdict", "month", "claimant", "outlet", "tag", "checker", "status")
HEADERS = {
    "verdict": "VERDICT",
    "month": "MONTH",
    "claimant": "CLAIMANT",
    "outlet": "OUTLET",
    "tag": "TAG",
    "checker": "CHECKER",
    "status": "STATUS",
}
# What an empty name is shown as in the table (JSON and CSV keep the stored "").
NONE_SHOWN = {
    "claimant": "(no claimant)",
    "outlet": "(no outlet)",
    "tag": "(no tag)",
    "checker": "(no checker)",
    "status": "(none)",
    "month": "(none)",
}
UNRATED_WORDS = {"unrated", "not rated", "none"}


def register(sub, common) -> None:
    p = sub.add_parser(
        "stats",
        parents=[common],
        help="the desk's claims counted by verdict, month, claimant, outlet, tag, checker, status",
        description="A claim counts on the day its check was published, or, not yet "
        "published, on the day it was tagged (UTC days). Dates are YYYY-MM-DD, or YYYY-MM "
        "for a whole month.",
    )
    p.add_argument("--from", dest="start", metavar="DATE", help="first day counted")
    p.add_argument("--to", dest="end", metavar="DATE", help="last day counted (included)")
    p.add_argument("--by", choices=DIMENSIONS, default="verdict", help="what to count by")
    p.add_argument(
        "--top",
        type=count,
        default=20,
        metavar="N",
        help="claimants, outlets, tags or checkers shown (the biggest; default 20)",
    )
    p.add_argument("--claimant", help="only the claims of this claimant")
    p.add_argument(
        "--verdict", metavar="LABEL", help="only claims with this verdict ('unrated' for none)"
    )
    p.add_argument("--tag", help="only claims with this tag")
    p.add_argument("--outlet", help="only claims in articles of this outlet")
    p.add_argument("--checker", help="only claims checked by this person")
    p.add_argument("--status", choices=("draft", "review", "published"))
    out = p.add_mutually_exclusive_group()
    out.add_argument("--json", action="store_true", help="machine-readable output")
    out.add_argument("--csv", action="store_true", help="comma-separated values")
    p.set_defaults(run=cmd_stats)


def _verdict_key(verdicts, text: str):
    """The key of the verdict named `text` (its label in any case, or its shipped key)."""
    wanted = text.strip().casefold()
    if wanted in UNRATED_WORDS:
        from desktop.core.stats import UNRATED

        return UNRATED
    for v in verdicts:
        if v.label.casefold() == wanted or (v.rating_key and v.rating_key == wanted):
            return v.key
    names = ", ".join(v.label for v in verdicts)
    raise CliError(f"unknown verdict {text!r}; choose one of: {names}")


def cmd_stats(args) -> int:
    from desktop.core import stats

    period = stats.Period(
        stats.parse_day(args.start) if args.start else None,
        stats.parse_day(args.end, end=True) if args.end else None,
    )
    with store_for(args, reading=True) as store, store.connect() as conn:
        verdicts = stats.scale(conn)
        filters = stats.Filters(
            claimant=args.claimant,
            verdict=_verdict_key(verdicts, args.verdict) if args.verdict else None,
            tag=args.tag,
            outlet=args.outlet,
            checker=args.checker,
            status=args.status,
        )
        fig = stats.figure(conn, args.by, period, filters, top=args.top, verdicts=verdicts)
    if args.json:
        print_json(_as_json(fig, period, filters, args.verdict))
    elif args.csv:
        _print_csv(fig)
    else:
        _print_table(fig)
    return 0


def _mix(fig, bar) -> dict[str, int]:
    return {v.label: n for v, n in zip(fig.verdicts, bar.mix, strict=True) if n}


def _as_json(fig, period, filters, verdict_typed: str | None) -> dict:
    rows = []
    for bar in fig.bars:
        row = {"key": bar.key, "label": bar.label, "claims": bar.count}
        if fig.by == "verdict":
            row["color"] = bar.color
        else:
            row["verdicts"] = _mix(fig, bar)
        rows.append(row)
    return {
        "by": fig.by,
        "from": period.start.isoformat() if period.start else None,
        "to": period.end.isoformat() if period.end else None,
        # (the verdict as the user named it, not the rating's database id)
        "filters": {**filters.active(), **({"verdict": verdict_typed} if verdict_typed else {})},
        "claims": fig.total,
        "rows": rows,
        "more": {"rows": fig.rest_bars, "claims": fig.rest},
        "verdicts": [{"key": v.key, "label": v.label, "color": v.color} for v in fig.verdicts],
    }


_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")  # as desktop.core.exporters.csvfile


def _cell(value) -> str:
    """A value a spreadsheet shows as text, never runs as a formula."""
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(_FORMULA_START) else text


def _print_csv(fig) -> None:
    writer = csv.writer(sys.stdout, lineterminator="\n")
    if fig.by == "verdict":
        writer.writerow(["verdict", "claims", "color"])
        for bar in fig.bars:
            writer.writerow([_cell(bar.label), bar.count, bar.color])
        return
    writer.writerow([fig.by, "claims", *(_cell(v.label) for v in fig.verdicts)])
    for bar in fig.bars:
        writer.writerow([_cell(bar.label), bar.count, *bar.mix])


def _print_table(fig) -> None:
    header = HEADERS[fig.by]
    if fig.by == "verdict":
        rows = [
            [bar.label, bar.count, f"{100 * bar.count / fig.total:.0f}%" if fig.total else "–"]
            for bar in fig.bars
        ]
        rows.append(["Total", fig.total, ""])
        print_table([[str(c) for c in r] for r in rows], [header, "CLAIMS", "SHARE"])
        return
    rows = [
        [
            bar.label or NONE_SHOWN.get(fig.by, "(none)"),
            str(bar.count),
            ", ".join(f"{label} {n}" for label, n in _mix(fig, bar).items()),
        ]
        for bar in fig.bars
    ]
    if fig.rest_bars:
        rows.append([f"({fig.rest_bars} more)", str(fig.rest), ""])
    rows.append(["Total", str(fig.total), "a claim with several tags counts under each"])
    if fig.by != "tag":
        rows[-1][2] = ""
    print_table(rows, [header, "CLAIMS", "VERDICTS"])
