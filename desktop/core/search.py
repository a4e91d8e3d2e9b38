"""Full-text search over the library: articles, claims, sources and reference fact-checks.

`search(session, "élect* \"Elon Musk\" -twitter claimant:Musk before:2024-11-01")` returns
hits, best first, grouped by article. Words match whatever their accents and case, and
plain words match as prefixes ("elect" finds "élections"); "quoted words" must appear
together and whole; a leading - excludes; `field:value` filters (values may be quoted).

The user's words are folded and split into plain letters and digits before they reach
FTS5's MATCH or PostgreSQL's to_tsquery, and filter values are bound parameters, so no
query syntax typed by a user reaches the database. Snippets are made here, in Python,
from the stored text, so both databases give the same snippets and offsets.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from sqlalchemy import and_, func, literal_column, not_, select
from sqlalchemy.orm import Session

from desktop.core.errors import FactdeskError
from desktop.core.models import (
    Article,
    Claim,
    Highlight,
    ReferenceCheck,
    Source,
)
from desktop.core.search_index import (
    FIELD_INDEX,
    INDEX,
    KINDS,
    TABLE,
    claim_tags,
    fold,
    joined,
    key,
    padded,
    source_excerpts,
    tokens,
    words,
)

FILTERS = ("claimant", "verdict", "tag", "outlet", "checker", "status", "before", "after")
STATUSES = ("draft", "review", "published")
SNIPPET_BEFORE = 60  # code points of context before the first match
SNIPPET_LENGTH = 200


@dataclass(frozen=True)
class Term:
    """Words that must appear in this order; a plain word's last word is a prefix."""

    words: tuple[str, ...]
    prefix: bool


@dataclass
class Query:
    """A parsed search: terms to find, terms to exclude, and field filters."""

    terms: list[Term] = field(default_factory=list)
    excluded: list[Term] = field(default_factory=list)
    filters: list[tuple[str, str, bool]] = field(default_factory=list)  # name, value, negated

    def __bool__(self) -> bool:
        return bool(self.terms or self.excluded or self.filters)


@dataclass(frozen=True)
class Hit:
    """One article, claim or source found.

    `snippet` is a short stretch of its text; `ranges` are the (start, end) code points of
    the matched words in it. `offset` is where the first match is in the article's text
    (article hits, and claim hits matched in their quote), for the window to scroll to.
    A higher `rank` is a better hit (ranks compare within one search only).
    """

    kind: str
    article_id: int | None
    claim_id: int | None
    source_id: int | None
    title: str
    snippet: str
    ranges: tuple[tuple[int, int], ...]
    offset: int | None
    rank: float
    check_id: int | None = None  # a reference fact-check (kind "check")

    @property
    def marked(self) -> str:
        """The snippet with its matched words in [brackets]."""
        out, at = [], 0
        for start, end in self.ranges:
            out += [self.snippet[at:start], "[", self.snippet[start:end], "]"]
            at = end
        out.append(self.snippet[at:])
        return "".join(out)


# --- parsing ----------------------------------------------------------------------------


def _split(query: str) -> list[tuple[bool, str | None, str, bool]]:
    """(negated, field, value, quoted) for each part of the query as typed."""
    parts, i, n = [], 0, len(query)
    while i < n:
        if query[i].isspace():
            i += 1
            continue
        negated = query[i] == "-" and i + 1 < n and not query[i + 1].isspace()
        if negated:
            i += 1
        name = None
        colon = query.find(":", i)
        if colon > i and query[i:colon].isalpha() and query[i:colon].lower() in FILTERS:
            name, i = query[i:colon].lower(), colon + 1
        if i < n and query[i] == '"':
            end = query.find('"', i + 1)
            end = n if end < 0 else end
            parts.append((negated, name, query[i + 1 : end], True))
            i = end + 1
        else:
            end = i
            while end < n and not query[end].isspace():
                end += 1
            parts.append((negated, name, query[i:end], False))
            i = end
    return parts


def _day(name: str, value: str) -> str:
    try:
        return date.fromisoformat(value.strip()).isoformat()
    except ValueError:
        raise FactdeskError(
            f"{name}: takes a date written YYYY-MM-DD (such as 2024-10-25), not “{value}”"
        ) from None


def parse(query: str) -> Query:
    """The query's terms and filters; FactdeskError only for a filter value that cannot be
    understood (a date that is no date, a status that does not exist)."""
    parsed = Query()
    for negated, name, value, quoted in _split(query):
        if name is None:
            found = tuple(words(value))
            if found:
                term = Term(found, prefix=not quoted)
                (parsed.excluded if negated else parsed.terms).append(term)
            continue
        if not value.strip():
            raise FactdeskError(f"{name}: needs a value (such as {name}:{_EXAMPLES[name]})")
        if name not in ("before", "after", "status") and not words(value):
            raise FactdeskError(f"{name}: needs a value (such as {name}:{_EXAMPLES[name]})")
        if name in ("before", "after"):
            value = _day(name, value)
        elif name == "status":
            value = value.strip().lower()
            if value not in STATUSES:
                raise FactdeskError(f"status: is one of {', '.join(STATUSES)}, not “{value}”")
        parsed.filters.append((name, value, negated))
    return parsed


_EXAMPLES = {
    "claimant": '"Elon Musk"',
    "verdict": "false",
    "tag": "elections",
    "outlet": '"Le Monde"',
    "checker": "Claire",
    "status": "published",
    "before": "2024-12-31",
    "after": "2024-01-01",
}


# --- the database query ------------------------------------------------------------------


def _fts5(terms: list[Term], joiner: str) -> str:
    """Terms as an FTS5 expression: every word is double-quoted (words hold only letters
    and digits, so nothing in them is FTS5 syntax)."""
    parts = []
    for term in terms:
        phrase = " ".join(term.words).replace('"', '""')
        parts.append(f'"{phrase}"' + ("*" if term.prefix else ""))
    return "(" + f" {joiner} ".join(parts) + ")"


def _tsquery(terms: list[Term], joiner: str) -> str:
    """Terms as a PostgreSQL tsquery: words joined by <-> (followed by), prefixes :*."""
    parts = []
    for term in terms:
        last = len(term.words) - 1
        items = [w + (":*" if term.prefix and i == last else "") for i, w in enumerate(term.words)]
        parts.append("(" + " <-> ".join(items) + ")")
    return "(" + f" {joiner} ".join(parts) + ")"


def _conditions(query: Query) -> list:
    """Conditions on the filter table's columns; values go in as bound parameters."""
    c = FIELD_INDEX.c
    found = []
    for name, value, negated in query.filters:
        if name in ("claimant", "outlet", "checker"):
            cond = c[name].like(f"%{padded(value)[:-1]}%")  # from a word's start
        elif name == "tag":
            cond = c.tags.like(f"%|{joined(value)}|%")
        elif name == "verdict":
            cond = c.verdict == joined(value)
        elif name == "status":
            cond = c.status == value
        elif name == "before":  # the hit has a date, strictly before the day
            cond = and_(c.day != "", c.day < value)
        else:
            cond = and_(c.day != "", c.day > value)
        found.append(not_(cond) if negated else cond)
    return found


def _expression(sqlite: bool, query: Query) -> str:
    """The terms, all of them, and none of the excluded ones, as one FTS5 expression or
    tsquery: the index answers an exclusion itself, without a list of the rows to leave
    out."""
    if sqlite:
        found = _fts5(query.terms, "AND")
        return f"{found} NOT {_fts5(query.excluded, 'OR')}" if query.excluded else found
    found = _tsquery(query.terms, "&")
    return f"{found} & !{_tsquery(query.excluded, '|')}" if query.excluded else found


def _matching(sqlite: bool, expression: str):
    """The condition that the index row matches an expression made by _expression."""
    if sqlite:
        return literal_column(TABLE).op("MATCH")(expression)
    return _DOCUMENT.op("@@")(func.to_tsquery(_SIMPLE, expression))


_DOCUMENT = literal_column("document")
_SIMPLE = literal_column("'simple'::regconfig")


def _rows(session: Session, query: Query, limit: int) -> list:
    """(rowid, kind, article_id, claim_id, source_id, rank) of the best index rows.

    With words, the index finds and ranks the rows (BM25 on SQLite, ts_rank_cd on
    PostgreSQL) and only the filter table is joined, row by row through its primary key;
    with filters alone, the filter table is read newest first through its date index.
    """
    sqlite = session.get_bind().dialect.name == "sqlite"
    where = _conditions(query)
    f = FIELD_INDEX.c
    if not query.terms:
        if query.excluded:
            left_out = select(INDEX.c.rowid).where(
                _matching(sqlite, _tsquery_or_fts5(sqlite, query.excluded))
            )
            where.append(f.rowid.not_in(left_out))
        found = (
            select(f.rowid, f.article_id, literal_column("0.0").label("rank"))
            .where(*where)
            .order_by(f.day.desc(), f.rowid.desc())
            .limit(limit)
        )
        return [_Row.of(r.rowid, r.article_id, r.rank) for r in session.execute(found)]
    c = INDEX.c
    expression = _expression(sqlite, query)
    if sqlite:
        rank = -func.bm25(literal_column(TABLE), 4.0, 1.0)
    else:
        terms = func.to_tsquery(_SIMPLE, _tsquery(query.terms, "&"))
        rank = func.ts_rank_cd(_DOCUMENT, terms)
    found = select(c.rowid, c.article_id, rank.label("rank"))
    if where:
        found = found.join_from(INDEX, FIELD_INDEX, f.rowid == c.rowid)
    found = (
        found.where(_matching(sqlite, expression), *where)
        .order_by(rank.desc(), c.rowid)
        .limit(limit)
    )
    return [_Row.of(r.rowid, r.article_id, r.rank) for r in session.execute(found)]


def _tsquery_or_fts5(sqlite: bool, terms: list[Term]) -> str:
    return _fts5(terms, "OR") if sqlite else _tsquery(terms, "|")


@dataclass(frozen=True)
class _Row:
    """An index row found: what it is is in its rowid (id * 4 + kind)."""

    rowid: int
    kind: str
    article_id: int | None
    claim_id: int | None
    source_id: int | None
    rank: float

    @classmethod
    def of(cls, rowid: int, article_id: int | None, rank) -> _Row:
        kind = _KIND_OF[rowid % 4]
        own = rowid // 4
        return cls(
            rowid=rowid,
            kind=kind,
            article_id=article_id if kind in ("article", "claim") else None,
            claim_id=own if kind == "claim" else None,
            source_id=own if kind == "source" else None,
            rank=float(rank),
        )


_KIND_OF = {number: kind for kind, number in KINDS.items()}


# --- snippets ----------------------------------------------------------------------------


_WHITESPACE = re.compile(r"\s+")


def _prepared(value: str, terms: list[Term]) -> tuple[list[Term], int]:
    """The terms that can match in `value` (those whose first word is somewhere in its
    folded text: most texts of a hit hold none, and are then not read word by word), and
    where a match can first start, when folding kept every offset (it nearly always
    does), else 0 (read it all). Only a shortcut: matches() then reads words as the index
    does."""
    folded = fold(value)
    live = [term for term in terms if term.words[0] in folded]
    if not live or len(folded) != len(value):
        return live, 0
    found = []
    for term in live:
        m = re.search(r"(?<![^\W_])" + re.escape(term.words[0]), folded)
        if m is None:  # only inside a word: read it all
            return live, 0
        found.append(m.start())
    return live, min(found)


def matches(value: str, terms: list[Term], *, within: int | None = None) -> list[tuple[int, int]]:
    """The (start, end) code points of the places in `value` a term matches; with
    `within`, only those starting less than that many code points after the first (the
    text is read no further: a snippet of a long article costs what its start costs)."""
    if not terms:
        return []
    terms, skipped = _prepared(value, terms)
    if not terms:
        return []
    longest = max(len(term.words) for term in terms)
    stream = ((s + skipped, e + skipped, w) for s, e, w in tokens(value[skipped:]))
    found: list[tuple[int, int, str]] = []
    spans: list[tuple[int, int]] = []
    stop = None
    i = 0
    while True:
        while len(found) < i + longest and (token := next(stream, None)) is not None:
            found.append(token)
        if i >= len(found) or (stop is not None and found[i][0] >= stop):
            return spans
        for term in terms:
            n = len(term.words)
            if i + n > len(found):
                continue
            last = found[i + n - 1][2]
            if all(found[i + j][2] == w for j, w in enumerate(term.words[:-1])) and (
                last.startswith(term.words[-1]) if term.prefix else last == term.words[-1]
            ):
                spans.append((found[i][0], found[i + n - 1][1]))
                if within is not None and stop is None:
                    stop = found[i][0] + within
                break
        i += 1


def _snippet(value: str, spans: list[tuple[int, int]]) -> tuple[str, tuple]:
    """A stretch of `value` around its first match, and the matches' ranges within it."""
    first = spans[0][0] if spans else 0
    start = max(0, first - SNIPPET_BEFORE)
    if start:
        space = value.find(" ", start, first)
        start = space + 1 if space >= 0 else start
    end = min(len(value), start + SNIPPET_LENGTH)
    if end < len(value):
        space = value.rfind(" ", max(spans[0][1], start) if spans else start, end)
        end = space if space > start else end
    lead = "…" if start else ""
    # Line breaks and runs of spaces become one space; `removed` holds, for the end of
    # each run, how many characters were taken out up to there, to move the ranges.
    removed, gone = [], 0
    for m in _WHITESPACE.finditer(value, start, end):
        gone += len(m.group()) - 1
        removed.append((m.end(), gone))
    shown_text = _WHITESPACE.sub(" ", value[start:end])

    def moved(offset: int) -> int:
        before = [n for at, n in removed if at <= offset]
        return offset - start - (before[-1] if before else 0) + len(lead)

    shown = lead + shown_text + ("…" if end < len(value) else "")
    ranges = tuple((moved(s), moved(e)) for s, e in spans if s >= start and e <= end)
    return shown, ranges


_Fields = tuple[str, list[tuple[str, str, int | None]]]


def _fields(session: Session, rows: list[_Row]) -> dict[int, _Fields]:
    """For each row (by rowid): the hit's title and its texts in the order a snippet is
    looked for in them, as (name, text, where that text starts in the article's text, or
    None). A few queries for the whole page, one per kind and part, only the columns
    shown."""
    ids: dict[str, list[int]] = {}
    for row in rows:
        ids.setdefault(row.kind, []).append(row.rowid // 4)
    out: dict[int, _Fields] = {}
    if ids.get("article"):
        found = select(Article.id, Article.title, Article.text, Article.outlet, Article.authors)
        for a in session.execute(found.where(Article.id.in_(ids["article"]))):
            out[key("article", a.id)] = (
                a.title,
                [
                    ("text", a.text, 0),
                    ("outlet", a.outlet, None),
                    ("authors", ", ".join(a.authors or []), None),
                ],
            )
    if claims := ids.get("claim"):
        quotes: dict[int, list] = {}
        found = select(Highlight.claim_id, Highlight.exact, Highlight.start)
        for q in session.execute(
            found.where(Highlight.claim_id.in_(claims)).order_by(Highlight.start)
        ):
            quotes.setdefault(q.claim_id, []).append(q)
        tags = claim_tags(session, claims)
        found = select(Claim.id, Claim.text, Claim.claimant, Claim.rationale)
        for c in session.execute(found.where(Claim.id.in_(claims))):
            mine = quotes.get(c.id, [])
            out[key("claim", c.id)] = (
                c.text or (mine[0].exact if mine else ""),
                [
                    *(("quote", q.exact, q.start) for q in mine),
                    ("text", c.text, None),
                    ("rationale", c.rationale, None),
                    ("claimant", c.claimant, None),
                    ("tags", ", ".join(tags.get(c.id, [])), None),
                ],
            )
    if checks := ids.get("check"):
        R = ReferenceCheck
        found = select(R.id, R.claim_text, R.headline, R.claimant, R.publisher, R.rating)
        for r in session.execute(found.where(R.id.in_(checks))):
            out[key("check", r.id)] = (
                r.claim_text or r.headline,
                [
                    ("claim", r.claim_text, None),
                    ("headline", r.headline, None),
                    ("claimant", r.claimant, None),
                    ("publisher", r.publisher, None),
                    ("rating", r.rating, None),
                ],
            )
    if sources := ids.get("source"):
        excerpts = source_excerpts(session, sources)
        found = select(Source.id, Source.title, Source.publisher, Source.url)
        for src in session.execute(found.where(Source.id.in_(sources))):
            out[key("source", src.id)] = (
                src.title or src.url,
                [
                    *(("excerpt", e, None) for e in excerpts.get(src.id, [])),
                    ("title", src.title, None),
                    ("publisher", src.publisher, None),
                    ("url", src.url, None),
                ],
            )
    return out


def _hit(row: _Row, fields: _Fields, terms: list[Term]) -> Hit:
    title, texts = fields
    chosen = next(
        (
            (v, s, base)
            for _n, v, base in texts
            if v and (s := matches(v, terms, within=SNIPPET_LENGTH))
        ),
        None,
    )
    if chosen is None:  # matched by filters alone, or in a part of a word split apart
        value = next((v for _n, v, _b in texts if v), "")
        chosen = (value, [], None)
    value, spans, base = chosen
    snippet, ranges = _snippet(value, spans)
    offset = base + spans[0][0] if base is not None and spans else None
    return Hit(
        kind=row.kind,
        article_id=row.article_id,
        claim_id=row.claim_id,
        source_id=row.source_id,
        title=title,
        snippet=snippet,
        ranges=ranges,
        offset=offset,
        rank=row.rank,
        check_id=row.rowid // 4 if row.kind == "check" else None,
    )


def _grouped(hits: list[Hit]) -> list[Hit]:
    """Hits grouped by article (sources and reference checks on their own), groups in
    order of their best hit."""
    groups: dict[tuple, list[Hit]] = {}
    for hit in hits:
        if hit.article_id is not None:
            group = ("article", hit.article_id)
        elif hit.check_id is not None:
            group = ("check", hit.check_id)
        else:
            group = ("source", hit.source_id)
        groups.setdefault(group, []).append(hit)
    return [hit for group in groups.values() for hit in group]


def search(session: Session, query: str, limit: int = 50) -> list[Hit]:
    """The library's best hits for `query` (see the module's docstring for its syntax).

    An empty query finds nothing; a filter value that cannot be understood raises
    FactdeskError with a sentence saying why.
    """
    if limit < 1:
        raise FactdeskError("the number of hits must be at least 1")
    parsed = parse(query)
    if not parsed:
        return []
    rows = _rows(session, parsed, limit)
    fields = _fields(session, rows)
    # A row whose article, claim or source is gone (deleted by another program since
    # this read began) has nothing to show.
    return _grouped([_hit(r, fields[r.rowid], parsed.terms) for r in rows if r.rowid in fields])
