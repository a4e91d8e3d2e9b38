"""The desk's record in figures: claims counted by verdict, month, claimant, outlet, tag,
checker or status, over a period and under filters.

Counted by SQL aggregates (GROUP BY in the database, the same statements on SQLite and
PostgreSQL), so a library of 500,000 claims is never loaded into Python: a figure
fetches one row per bar and verdict. Written in SQLAlchemy Core over lightweight table
descriptions, as desktop.core.summaries is, so `factdesk stats` starts without the ORM.

**The date a claim counts on** is the day its check was published (`published_at`) when
it is published, else the day it was tagged (`created_at`): what a desk means by "checked
this month". Not `claim_date`, the day the claimant spoke, which is often unknown.
Days are UTC days, like every stamp in a library.

Each bar of a figure carries the `key` that `Filters` takes for it, so the claims behind
a bar are `claims_in(session, period, filters.narrowed(by, bar.key))`. Reports count the
claims they already hold with :func:`tally`, which gives the same figures in Python
(tests/test_stats.py holds the two to agreement).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime, time, timedelta

from sqlalchemy import (
    Boolean,
    Connection,
    DateTime,
    Integer,
    String,
    column,
    exists,
    func,
    literal,
    literal_column,
    select,
    table,
)

from desktop.core.errors import FactdeskError

DIMENSIONS = ("verdict", "month", "claimant", "outlet", "tag", "checker", "status")
# Dimensions whose values are many (one bar per name): only the TOP biggest are shown.
NAMED = ("claimant", "outlet", "tag", "checker")
TOP = 20
UNRATED = "unrated"  # the key of the "Not rated" bar (rating ids are whole numbers)
NEUTRAL = "#94999c"  # models.NEUTRAL_COLOR, repeated so this module needs no ORM
STATUSES = ("draft", "review", "published")  # models.CLAIM_STATUSES

_claim = table(
    "claim",
    column("id", Integer),
    column("article_id", Integer),
    column("text", String),
    column("claimant", String),
    column("rating_id", Integer),
    column("status", String),
    column("checker", String),
    column("created_at", DateTime(timezone=True)),
    column("published_at", DateTime(timezone=True)),
)
_article = table(
    "article", column("id", Integer), column("title", String), column("outlet", String)
)
_claim_tag = table("claim_tag", column("claim_id", Integer), column("tag_id", Integer))
_tag = table("tag", column("id", Integer), column("name", String))
_highlight = table(
    "highlight",
    column("claim_id", Integer),
    column("start", Integer),
    column("exact", String),
    column("anchor", String),
)
_rating = table(
    "rating",
    column("id", Integer),
    column("scale_id", Integer),
    column("position", Integer),
    column("key", String),
    column("label", String),
    column("color", String),
)
_scale = table("rating_scale", column("id", Integer), column("is_default", Boolean))


@dataclass(frozen=True)
class Period:
    """From `start` to `end`, both days included; None leaves that side open."""

    start: date | None = None
    end: date | None = None

    def __post_init__(self) -> None:
        if self.start and self.end and self.start > self.end:
            raise FactdeskError(
                f"the period ends ({self.end.isoformat()}) before it starts "
                f"({self.start.isoformat()})"
            )

    def bounds(self) -> tuple[datetime | None, datetime | None]:
        """[from, to) as UTC instants: midnight of the first day, of the day after the last."""
        lo = datetime.combine(self.start, time(), UTC) if self.start else None
        hi = datetime.combine(self.end + timedelta(days=1), time(), UTC) if self.end else None
        return lo, hi

    def contains(self, moment: datetime) -> bool:
        day = _utc(moment).date()
        return (self.start is None or day >= self.start) and (self.end is None or day <= self.end)

    @property
    def text(self) -> str:
        """ "2024-10-01 – 2024-10-31", "from 2024-10-01", "until …", or "" when open."""
        if self.start and self.end:
            return f"{self.start.isoformat()} – {self.end.isoformat()}"
        if self.start:
            return f"from {self.start.isoformat()}"
        if self.end:
            return f"until {self.end.isoformat()}"
        return ""


_DAY = re.compile(r"\d{4}-\d{2}(-\d{2})?")


def parse_day(text: str, *, end: bool = False) -> date:
    """A day typed as YYYY-MM-DD, or a month as YYYY-MM: its first day, or its last when
    `end` (so `--from 2024-09 --to 2024-10` is September and October whole)."""
    value = (text or "").strip()
    try:
        if not _DAY.fullmatch(value):
            raise ValueError
        if len(value) == 7:
            first = date.fromisoformat(value + "-01")
            if not end:
                return first
            return (first.replace(day=28) + timedelta(days=4)).replace(day=1) - timedelta(days=1)
        return date.fromisoformat(value)
    except ValueError:
        shown = value if len(value) <= 40 else value[:37] + "…"
        raise FactdeskError(
            f"{shown!r} is not a date (YYYY-MM-DD, or YYYY-MM for a month)"
        ) from None


@dataclass(frozen=True)
class Filters:
    """Which claims count; None means any. `verdict` is a rating id or UNRATED; `tag` ""
    means claims with no tag; a name field "" means claims that name none."""

    claimant: str | None = None
    verdict: int | str | None = None
    tag: str | None = None
    outlet: str | None = None
    checker: str | None = None
    status: str | None = None
    month: str | None = None  # "YYYY-MM"

    def narrowed(self, by: str, key) -> Filters:
        """These filters and the bar `key` of dimension `by` (what a click on it lists)."""
        if by not in DIMENSIONS:
            raise FactdeskError(f"unknown dimension {by!r}; choose one of: {', '.join(DIMENSIONS)}")
        return replace(self, **{by: key})

    def active(self) -> dict:
        return {name: value for name, value in vars(self).items() if value is not None}


@dataclass(frozen=True)
class Verdict:
    """A verdict as figures show it: `key` is the rating id (or UNRATED), `rating_key`
    the shipped key that lets the window and reports translate a shipped label."""

    key: int | str
    label: str
    color: str
    rating_key: str = ""


@dataclass(frozen=True)
class Bar:
    """One bar: `key` is what Filters takes for it; `label` is as stored ("" for none,
    which the reader shows as "no claimant", "no tag"…); `mix` counts its claims per
    verdict, in the order of Figure.verdicts."""

    key: int | str
    label: str
    count: int
    color: str | None = None
    mix: tuple[int, ...] = ()


@dataclass(frozen=True)
class Figure:
    """Bars of one dimension. `total` is the number of claims counted (a claim with two
    tags is one claim in two bars); `rest` the count in the bars beyond the top
    (`rest_bars` of them), not shown."""

    by: str
    bars: tuple[Bar, ...]
    verdicts: tuple[Verdict, ...]
    total: int
    rest: int = 0
    rest_bars: int = 0

    @property
    def has_mix(self) -> bool:
        return self.by != "verdict"


# --- the SQL ---------------------------------------------------------------------------


def _connection(source) -> Connection:
    return source if isinstance(source, Connection) else source.connection()


def _day(dialect: str):
    """When a claim counts: published_at if published, else created_at (see above)."""
    return func.coalesce(_claim.c.published_at, _claim.c.created_at)


def _month(dialect: str):
    day = _day(dialect)
    # Constants as SQL literals, not parameters: PostgreSQL matches a GROUP BY expression
    # to the selected one only when they are the same text ($1 and $3 are not).
    if dialect == "postgresql":
        return func.to_char(
            func.timezone(literal_column("'UTC'"), day), literal_column("'YYYY-MM'")
        )
    # Stamps are ISO text on SQLite ("2024-10-25 12:34:56.789"): their first seven
    # characters are the month, read far faster than strftime() computes it.
    return func.substr(day, literal_column("1"), literal_column("7"))


def _key_column(by: str, dialect: str):
    c = _claim.c
    return {
        "verdict": c.rating_id,
        "month": _month(dialect),
        "claimant": c.claimant,
        "outlet": _article.c.outlet,
        "tag": func.coalesce(_tag.c.name, literal_column("''")),
        "checker": c.checker,
        "status": c.status,
    }[by]


def _where(period: Period, filters: Filters, dialect: str) -> list:
    c = _claim.c
    conditions = []
    lo, hi = period.bounds()
    if lo is not None:
        conditions.append(_day(dialect) >= lo)
    if hi is not None:
        conditions.append(_day(dialect) < hi)
    for name in ("claimant", "checker", "status"):
        value = getattr(filters, name)
        if value is not None:
            conditions.append(c[name] == value)
    if filters.outlet is not None:
        conditions.append(_article.c.outlet == filters.outlet)
    if filters.verdict is not None:
        if filters.verdict == UNRATED:
            conditions.append(c.rating_id.is_(None))
        else:
            conditions.append(c.rating_id == int(filters.verdict))
    if filters.month is not None:
        conditions.append(_month(dialect) == filters.month)
    if filters.tag is not None:
        tagged = select(literal(1)).select_from(_claim_tag).where(_claim_tag.c.claim_id == c.id)
        if filters.tag == "":
            conditions.append(~exists(tagged))
        else:
            named = tagged.join(_tag, _tag.c.id == _claim_tag.c.tag_id).where(
                _tag.c.name == filters.tag
            )
            conditions.append(exists(named))
    return conditions


def _from(by: str | None, outlet: bool = True):
    """The claims, joined to their article only when the outlet is asked for (the join
    doubles the time of a figure on a large library), and to their tags by tag."""
    joined = _claim
    if outlet:
        joined = joined.join(_article, _article.c.id == _claim.c.article_id)
    if by == "tag":
        joined = joined.outerjoin(_claim_tag, _claim_tag.c.claim_id == _claim.c.id).outerjoin(
            _tag, _tag.c.id == _claim_tag.c.tag_id
        )
    return joined


def scale(source) -> tuple[Verdict, ...]:
    """The default scale's verdicts in order, then "Not rated" (desktop.core.ratings)."""
    conn = _connection(source)
    first = select(_scale.c.id).order_by(_scale.c.is_default.desc(), _scale.c.id).limit(1)
    rows = conn.execute(
        select(_rating.c.id, _rating.c.label, _rating.c.color, _rating.c.key)
        .where(_rating.c.scale_id == first.scalar_subquery())
        .order_by(_rating.c.position, _rating.c.id)
    ).all()
    return (*(Verdict(*row) for row in rows), Verdict(UNRATED, "Not rated", NEUTRAL))


def _with_off_scale(conn, verdicts: tuple[Verdict, ...], ids: Iterable) -> tuple[Verdict, ...]:
    """The scale, with any rating of another scale that `ids` holds before "Not rated"."""
    known = {v.key for v in verdicts}
    extra = sorted({i for i in ids if i is not None and i not in known})
    if not extra:
        return verdicts
    rows = conn.execute(
        select(_rating.c.id, _rating.c.label, _rating.c.color, _rating.c.key)
        .where(_rating.c.id.in_(extra))
        .order_by(_rating.c.id)
    ).all()
    return (*verdicts[:-1], *(Verdict(*row) for row in rows), verdicts[-1])


def figure(
    source,
    by: str,
    period: Period | None = None,
    filters: Filters | None = None,
    *,
    top: int = TOP,
    verdicts: tuple[Verdict, ...] | None = None,
) -> Figure:
    """Claims counted by `by` over `period` under `filters`.

    One GROUP BY (bar, verdict) query, whose rows are bars times verdicts, never claims;
    the top names are picked from them. A figure by tag asks once more for the number of
    claims (a claim with two tags is in two rows). About a second on 500,000 claims in
    SQLite: the scan of the claim table is most of it.
    """
    if by not in DIMENSIONS:
        raise FactdeskError(f"unknown dimension {by!r}; choose one of: {', '.join(DIMENSIONS)}")
    conn = _connection(source)
    dialect = conn.dialect.name
    period, filters = period or Period(), filters or Filters()
    where = _where(period, filters, dialect)
    verdicts = verdicts or scale(conn)
    outlet = by == "outlet" or filters.outlet is not None
    key = _key_column(by, dialect)
    stmt = (
        select(key, _claim.c.rating_id, func.count())
        .select_from(_from(by, outlet))
        .where(*where)
        .group_by(*((key,) if by == "verdict" else (key, _claim.c.rating_id)))
    )
    triples = conn.execute(stmt).all()
    if by == "tag":
        total = conn.execute(
            select(func.count()).select_from(_from(None, outlet)).where(*where)
        ).scalar()
    else:
        total = sum(t[2] for t in triples)
    verdicts = _with_off_scale(conn, verdicts, (t[1] for t in triples))
    return _assemble(by, triples, verdicts, total or 0, period, top)


def figures(
    source,
    period: Period | None = None,
    filters: Filters | None = None,
    *,
    dimensions: Iterable[str] = DIMENSIONS,
    top: int = TOP,
) -> dict[str, Figure]:
    """Several figures at once, the scale read once."""
    conn = _connection(source)
    verdicts = scale(conn)
    return {by: figure(conn, by, period, filters, top=top, verdicts=verdicts) for by in dimensions}


# --- assembling bars (shared by the SQL and by tally) -----------------------------------


def _assemble(
    by: str,
    triples: Iterable[tuple],
    verdicts: tuple[Verdict, ...],
    total: int,
    period: Period,
    top: int = TOP,
) -> Figure:
    """Bars from (bar key, rating id, count) rows, in the dimension's order: the scale's
    for verdicts, the calendar's for months, the workflow's for statuses, and the most
    claims first for names (the `top` of them, the rest summed)."""
    slot = {v.key: i for i, v in enumerate(verdicts)}
    unrated = slot[UNRATED]
    mixes: dict = {}
    for bar_key, rating_id, n in triples:
        if by == "tag" and bar_key is None:
            bar_key = ""
        counts = mixes.setdefault(bar_key, [0] * len(verdicts))
        counts[unrated if rating_id is None else slot.get(rating_id, unrated)] += n
    if by == "verdict":  # a verdict's bar: the claims whose rating id is its key
        bars = tuple(
            Bar(v.key, v.label, sum(mixes.get(None if v.key == UNRATED else v.key, ())), v.color)
            for v in verdicts
        )
        return Figure(by, bars, verdicts, total)
    rest = rest_bars = 0
    if by == "month":
        order = _months(mixes.keys(), period)
    elif by == "status":
        order = list(STATUSES) + sorted(k for k in mixes if k not in STATUSES)
    else:
        order = sorted(mixes, key=lambda k: (-sum(mixes[k]), k))
        if by in NAMED and len(order) > top:
            rest = sum(sum(mixes[k]) for k in order[top:])
            rest_bars, order = len(order) - top, order[:top]
    empty = (0,) * len(verdicts)
    bars = tuple(
        Bar(k, k, sum(mixes.get(k, empty)), None, tuple(mixes.get(k, empty))) for k in order
    )
    return Figure(by, bars, verdicts, total, rest, rest_bars)


def _months(found: Iterable[str], period: Period) -> list[str]:
    """Every month from the first to the last with claims (or the period's own bounds,
    when it has them), so a quiet month shows as an empty column, not a missing one."""
    months = sorted(m for m in found if m)
    first = period.start.strftime("%Y-%m") if period.start else (months[0] if months else None)
    last = period.end.strftime("%Y-%m") if period.end else (months[-1] if months else None)
    if first is None or last is None:
        return months
    year, month = int(first[:4]), int(first[5:7])
    out: list[str] = []
    while f"{year:04d}-{month:02d}" <= last and len(out) < 1200:
        out.append(f"{year:04d}-{month:02d}")
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return out


# --- the same figures over claims already loaded (reports) ----------------------------


def _utc(moment: datetime) -> datetime:
    return moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment.astimezone(UTC)


def counted_on(claim) -> datetime:
    """The moment a claim counts on (see the module's docstring)."""
    return _utc(claim.published_at or claim.created_at)


def tally(
    claims: Iterable[tuple],
    verdicts: tuple[Verdict, ...],
    by: str,
    period: Period | None = None,
    *,
    top: int = TOP,
) -> Figure:
    """The figure `figure()` would give, over `(claim view, article outlet)` pairs already
    in memory: a report counts what it shows without asking the database again."""
    period = period or Period()
    counts: Counter = Counter()
    claim_ids = set()
    for claim, outlet in claims:
        claim_ids.add(claim.id)
        rating_id = claim.rating.id if claim.rating is not None else None
        if by == "tag":
            keys = claim.tags or ("",)
        elif by == "verdict":
            keys = (rating_id,)
        elif by == "month":
            keys = (counted_on(claim).strftime("%Y-%m"),)
        elif by == "outlet":
            keys = (outlet,)
        else:
            keys = (getattr(claim, by),)
        for k in keys:
            counts[(k, rating_id)] += 1
    known = {v.key for v in verdicts}
    extra = {}
    for claim, _outlet in claims:
        if claim.rating is not None and claim.rating.id not in known:
            extra[claim.rating.id] = Verdict(
                claim.rating.id, claim.rating.label, claim.rating.color, claim.rating.key
            )
    if extra:
        verdicts = (*verdicts[:-1], *(extra[k] for k in sorted(extra)), verdicts[-1])
    triples = [(k, r, n) for (k, r), n in counts.items()]
    return _assemble(by, triples, verdicts, len(claim_ids), period, top)


def verdicts_of(ratings) -> tuple[Verdict, ...]:
    """The scale as figures show it, from RatingViews (what an ArticleReport carries)."""
    return (
        *(Verdict(r.id, r.label, r.color, r.key) for r in ratings),
        Verdict(UNRATED, "Not rated", NEUTRAL),
    )


# --- the claims behind a bar -----------------------------------------------------------


@dataclass(frozen=True)
class ClaimRow:
    """A claim as a bar's list shows it."""

    id: int
    article_id: int
    article_title: str
    label: str  # the restated text, else the first highlight's words
    claimant: str
    rating_id: int | None
    status: str
    counted_on: datetime


def claims_in(
    source, period: Period | None = None, filters: Filters | None = None, *, limit: int = 500
) -> tuple[list[ClaimRow], int]:
    """The claims counted under `period` and `filters`, newest first (at most `limit`),
    and how many there are in all."""
    conn = _connection(source)
    dialect = conn.dialect.name
    period, filters = period or Period(), filters or Filters()
    where = _where(period, filters, dialect)
    c = _claim.c
    total = conn.execute(select(func.count()).select_from(_from(None)).where(*where)).scalar()
    first_quote = (
        select(_highlight.c.exact)
        .where(_highlight.c.claim_id == c.id)
        .order_by(_highlight.c.start)
        .limit(1)
        .scalar_subquery()
    )
    rows = conn.execute(
        select(
            c.id,
            c.article_id,
            _article.c.title,
            c.text,
            first_quote,
            c.claimant,
            c.rating_id,
            c.status,
            _day(dialect),
        )
        .select_from(_from(None))
        .where(*where)
        .order_by(_day(dialect).desc(), c.id.desc())
        .limit(limit)
    ).all()
    out = [
        ClaimRow(
            r[0],
            r[1],
            r[2],
            (r[3] or "").strip() or (r[4] or ""),
            r[5],
            r[6],
            r[7],
            _utc(datetime.fromisoformat(r[8]) if isinstance(r[8], str) else r[8]),
        )
        for r in rows
    ]
    return out, total or 0


def claim_ids_in(source, period: Period | None = None, filters: Filters | None = None) -> list:
    """(article id, claim id) of every claim counted, for a period report."""
    conn = _connection(source)
    where = _where(period or Period(), filters or Filters(), conn.dialect.name)
    stmt = (
        select(_claim.c.article_id, _claim.c.id)
        .select_from(_from(None))
        .where(*where)
        .order_by(_claim.c.article_id, _claim.c.id)
    )
    return [tuple(r) for r in conn.execute(stmt)]


def choices(source) -> dict[str, list[str]]:
    """The values each name filter can take (for the dashboard's pickers)."""
    conn = _connection(source)
    c = _claim.c

    def distinct(col, frm) -> list[str]:
        return [r[0] for r in conn.execute(select(col).select_from(frm).distinct().order_by(col))]

    return {
        "claimant": distinct(c.claimant, _claim),
        "checker": distinct(c.checker, _claim),
        "outlet": distinct(_article.c.outlet, _article),
        "tag": distinct(_tag.c.name, _tag),
    }
