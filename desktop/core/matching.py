"""Has this claim been checked already? The closest earlier claims of the library and
reference fact-checks for a text (issue 14).

Two stages, both offline. Candidates come from the full-text index: the text's content
words, stemmed for its language and matched as prefixes (so "migrants" finds
"migrant" and "migration" shares nothing it should not), any of them, best BM25 first
(ts_rank_cd on PostgreSQL). Then each candidate is scored by a small logistic model over
what a checker would look at: how much of the candidate's words the text shares, in the
same order, whether its numbers and names agree. The model is trained reproducibly on
CLEF-2020 CheckThat! task 2 (`python -m benchmarks.matching --train`); its output is the
match strength shown in the window.
"""

from __future__ import annotations

import json
import math
import re
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from pathlib import Path

from rapidfuzz import fuzz
from sqlalchemy import func, literal_column, select, text
from sqlalchemy.orm import Session

from desktop.core.errors import FactdeskError
from desktop.core.models import Article, Claim, Highlight, Rating, ReferenceCheck
from desktop.core.search_index import INDEX, KINDS, TABLE, words

MODEL = Path(__file__).resolve().parents[2] / "resources" / "models" / "matching.json"
CANDIDATES = 40  # from the index, before reranking
MAX_TERMS = 32  # content words of a long text used to find candidates
MAX_QUERY_CHARS = 4000

_URL = re.compile(r"(?:https?://|www\.|pic\.twitter\.com/)\S+", re.IGNORECASE)
# "#DefundTheCBC", "@realDonaldTrump": words run together, split where the case changes.
_TAG = re.compile(r"[#@]([^\W_][\w]*)")
_CAMEL = re.compile(r"(?<=[a-z])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])|(?<=[^\W\d_])(?=\d)")
_NUMBER = re.compile(r"\d+(?:[.,\u202f\u00a0 ]\d{3})*(?:[.,]\d+)?")
_NAME = re.compile(r"(?<![\w’'])[A-ZÀ-ÖØ-Þ][\w’'-]+")

STOPWORDS = frozenset(
    """a an the of to in on and or is are was were be been being it its this that these those
    for with as at by from has have had not no but if so do does did he she they we you i his
    her their our your my me him them us will would can could should may might than then there
    here what which who whom whose when where why how all any some just about into over after
    before also more most very says said say according rt via amp
    le la les l un une des du de d au aux et ou mais donc car ni que qu qui dont où ce cet cette
    ces il elle ils elles on nous vous je tu se s sa son ses leur leurs en y ne pas plus est sont
    été être a ont avait était sera fait dit par pour dans sur avec sans sous entre selon comme
    aussi très tout tous toute toutes même déjà c n m t""".split()
)


@dataclass(frozen=True)
class Match:
    """One earlier check of a similar claim.

    `kind` is "reference" (another newsroom's published check; `url` is its review) or
    "library" (a claim of this library, in another article; `url` is its urn:uuid).
    `score` is the match strength, 0 to 1.
    """

    kind: str
    url: str
    claim: str
    verdict: str
    publisher: str
    date: str
    score: float
    check_id: int | None = None
    claim_id: int | None = None
    article_id: int | None = None
    verdict_key: str = ""  # a shipped rating's key, for the window to name it in its language

    def as_json(self) -> dict:
        return {
            "url": self.url,
            "kind": self.kind,
            "claim": self.claim,
            "verdict": self.verdict,
            "publisher": self.publisher,
            "date": self.date,
            "score": round(self.score, 4),
            "check_id": self.check_id,
            "claim_id": self.claim_id,
            "article_id": self.article_id,
        }


# --- the query's words -------------------------------------------------------------------


def clean(text: str) -> str:
    """The text without links, and with hashtags and handles split into their words."""
    text = _URL.sub(" ", text[:MAX_QUERY_CHARS])
    return _TAG.sub(lambda m: " " + _CAMEL.sub(" ", m.group(1)) + " ", text)


@lru_cache(maxsize=4)
def _stemmer(language: str):
    import snowballstemmer

    name = {"fr": "french", "en": "english"}.get(language, "english")
    return snowballstemmer.stemmer(name)


@lru_cache(maxsize=100_000)
def _stem(word: str, language: str) -> str:
    if word.isdigit() or len(word) <= 3:
        return word
    stem = _stemmer(language).stemWord(word)
    return stem if len(stem) >= 3 else word


def stems(text: str, language: str) -> list[str]:
    """The folded, stemmed content words of `text`, in order."""
    return [_stem(w, language) for w in words(text) if w not in STOPWORDS]


def _language(text: str, hint: str = "") -> str:
    if hint in ("fr", "en"):
        return hint
    from desktop.core.language import identify

    return "fr" if identify(text) == "fr" else "en"


def _numbers(text: str) -> set[str]:
    return {re.sub(r"[.,\u202f\u00a0 ]", "", n) for n in _NUMBER.findall(text)}


def _names(text: str, language: str) -> set[str]:
    found = {_stem(w, language) for m in _NAME.findall(text) for w in words(m)}
    return found - STOPWORDS


# --- candidates ----------------------------------------------------------------------------


def _terms(query_stems: list[str]) -> list[str]:
    """The distinct stems, rarest-looking (longest) first when there are too many."""
    distinct = list(dict.fromkeys(s for s in query_stems if s.isalnum()))
    if len(distinct) > MAX_TERMS:
        distinct = sorted(distinct, key=len, reverse=True)[:MAX_TERMS]
    return distinct


COMMON = 0.2  # a word in more than this share of the index's rows does not find candidates
# Rows the index ranks for one match at most, as counted by the words' document counts: a
# library ten times larger then costs the same, its candidates needing more shared words.
MAX_ROWS = 30_000
_STAR = {False: "*", True: ""}  # words match as prefixes, numbers whole ("9" is not "90")
SMALL = 5_000  # rows under which every term is used: ranking them all is quick anyway
_VOCAB_DDL = (
    "CREATE VIRTUAL TABLE IF NOT EXISTS temp.search_vocab USING fts5vocab(main, search_index, row)"
)
_DF = "SELECT coalesce(max(doc), 0) FROM temp.search_vocab WHERE term >= :a AND term < :b"
_ROWS = (
    "SELECT (SELECT count(*) FROM article) + (SELECT count(*) FROM claim) "
    "+ (SELECT count(*) FROM source) + (SELECT count(*) FROM reference_check)"
)
# The highest ids: read from the tables' primary keys at once, and growing with the library.
_SIZE = (
    "SELECT coalesce((SELECT max(id) FROM article), 0) + coalesce((SELECT max(id) FROM claim), 0)"
    " + coalesce((SELECT max(id) FROM source), 0)"
    " + coalesce((SELECT max(id) FROM reference_check), 0)"
)
DRIFT = 0.01  # the counts are kept until the library has grown (or shrunk) by this much


class _Counts:
    """How many index rows each word is in, kept for a library while its size is about the
    same: counting a common word's rows reads its whole list (1 ms at 25,000 rows, 10 ms
    at 250,000), the words of a claim being typed, or of a library's own subject, come
    back again and again, and a word's share of the rows barely moves with each claim
    saved. (They only choose which words find candidates; every candidate is scored on
    all the words.)"""

    def __init__(self) -> None:
        self.library: tuple | None = None
        self.size = 0
        self.rows = 0
        self.words: dict[str, int] = {}

    def of(self, session: Session, terms: list[str]) -> tuple[int, dict[str, int]]:
        bind = session.get_bind()
        library = (id(bind), str(bind.url))
        size = session.execute(text(_SIZE)).scalar_one()
        if library != self.library or abs(size - self.size) > DRIFT * max(self.size, 1):
            # Counting the tables is quick where counting the full-text table reads all
            # of it (40 ms at 70,000 rows).
            rows = session.execute(text(_ROWS)).scalar_one()
            self.library, self.size, self.rows, self.words = library, size, rows, {}
        # One dictionary for this call, even if another thread starts a new one meanwhile.
        rows, words = self.rows, self.words
        missing = [t for t in terms if t not in words]
        if missing and rows >= SMALL:
            session.execute(text(_VOCAB_DDL))
            for t in missing:
                bounds = {"a": t, "b": t + ("\x00" if t.isdigit() else "\uffff")}
                words[t] = session.execute(text(_DF), bounds).scalar_one()
        return rows, words


_COUNTS = _Counts()


def _rare(session: Session, terms: list[str]) -> tuple[list[str], str]:
    """The terms that pick candidates out of a large library, and how they combine: on
    SQLite, any of those in at most COMMON of the index's rows, rarest first while their
    rows add up to at most MAX_ROWS, if that makes two or more; else all of the rarest
    few, as many as it takes for their rows in common to be expected under MAX_ROWS. A
    word in most rows finds nearly every row, and FTS5 ranks every row found (1-3 µs
    each); the word still counts in the reranking, which reads all the words.
    PostgreSQL gets every term: counting a word's rows there (ts_stat) reads the whole
    index."""
    if session.get_bind().dialect.name != "sqlite" or len(terms) <= 2:
        return terms, "OR"
    rows, found = _COUNTS.of(session, terms)
    if rows < SMALL:
        return terms, "OR"
    present = sorted((t for t in terms if found[t]), key=lambda t: found[t])
    kept, total = [], 0
    for t in present:
        if found[t] > COMMON * rows or total + found[t] > MAX_ROWS:
            break
        kept.append(t)
        total += found[t]
    if len(kept) >= 2:
        return kept, "OR"
    together, expected = [], float(rows)
    for t in present:
        together.append(t)
        expected *= found[t] / rows
        if len(together) >= 2 and expected <= MAX_ROWS:
            break
    return together, "AND"


def _expression(terms: list[str], joiner: str) -> str:
    """The terms as an FTS5 expression: words as prefixes, numbers whole."""
    return f" {joiner} ".join(f'"{t}"' + _STAR[t.isdigit()] for t in terms)


def _candidates(session: Session, terms: list[str], limit: int) -> list:
    """(rowid, kind, claim_id, article_id, rank) of the best claim and check rows."""
    c = INDEX.c
    sqlite = session.get_bind().dialect.name == "sqlite"
    if sqlite:
        terms, joiner = _rare(session, terms)
        condition = literal_column(TABLE).op("MATCH")(_expression(terms, joiner))
        # The claim and the rest weigh the same (the search's 4:1 for titles ranks
        # matches worse: MAP@5 0.760 against 0.800 on CLEF-2020 dev).
        rank = -func.bm25(literal_column(TABLE), 1.0, 1.0)
    else:
        tsquery = func.to_tsquery(
            literal_column("'simple'::regconfig"),
            " | ".join(t + ("" if t.isdigit() else ":*") for t in terms),
        )
        document = literal_column("document")
        condition = document.op("@@")(tsquery)
        rank = func.ts_rank(document, tsquery)
    # Claims and checks told by their rowid (id * 4 + kind): reading the row's kind
    # column would read the whole stored row of each one found (3 µs a row in FTS5).
    kinds = (c.rowid % 4).in_((KINDS["claim"], KINDS["check"]))
    found = (
        select(c.rowid, c.kind, c.claim_id, c.article_id, rank.label("rank"))
        .where(condition, kinds)
        .order_by(rank.desc(), c.rowid)
        .limit(limit)
    )
    return session.execute(found).all()


@dataclass
class _Candidate:
    row: object
    text: str  # what the candidate claims (and its headline, for a reference check)
    match: Match


def _load(session: Session, rows: list) -> list[_Candidate]:
    """What is compared and shown of each candidate: only those columns, no ORM objects
    (loading 40 claims with their highlights as objects took 7 ms of a match)."""
    checks = [r.rowid // 4 for r in rows if r.kind == "check"]
    claims = [r.claim_id for r in rows if r.kind == "claim"]
    by_check = {}
    if checks:
        R = ReferenceCheck
        found = select(
            R.id,
            R.review_url,
            R.claim_text,
            R.headline,
            R.rating,
            R.publisher,
            R.review_date,
            R.claim_date,
        ).where(R.id.in_(checks))
        by_check = {r.id: r for r in session.execute(found)}
    by_claim, quotes = {}, {}
    if claims:
        found = (
            select(
                Claim.id,
                Claim.uid,
                Claim.text,
                Claim.checker,
                Claim.claim_date,
                Claim.article_id,
                Rating.label,
                Rating.key,
                Article.outlet,
                Article.published,
            )
            .join(Article, Article.id == Claim.article_id)
            .outerjoin(Rating, Rating.id == Claim.rating_id)
            .where(Claim.id.in_(claims))
        )
        by_claim = {r.id: r for r in session.execute(found)}
        found = (
            select(Highlight.claim_id, Highlight.exact)
            .where(Highlight.claim_id.in_(claims))
            .order_by(Highlight.start)
        )
        for claim_id, exact in session.execute(found):
            quotes.setdefault(claim_id, []).append(exact)
    out = []
    for row in rows:
        if row.kind == "check" and (r := by_check.get(row.rowid // 4)):
            when = r.review_date or r.claim_date
            match = Match(
                kind="reference",
                url=r.review_url,
                claim=r.claim_text or r.headline,
                verdict=r.rating,
                publisher=r.publisher,
                date=when.isoformat() if when else "",
                score=0.0,
                check_id=r.id,
            )
            out.append(_Candidate(row, f"{r.claim_text} {r.headline}", match))
        elif row.kind == "claim" and (c := by_claim.get(row.claim_id)):
            quote = " ".join(quotes.get(c.id, []))
            when = c.claim_date or c.published
            match = Match(
                kind="library",
                url=_urn(c.uid),
                claim=c.text or quote,
                verdict=c.label or "",
                publisher=c.checker or c.outlet,
                date=when.isoformat() if isinstance(when, date) else "",
                score=0.0,
                claim_id=c.id,
                article_id=c.article_id,
                verdict_key=c.key or "",
            )
            out.append(_Candidate(row, f"{c.text} {quote}", match))
    return out


def _urn(uid: str) -> str:
    from desktop.core.exporters.webannotation import urn

    return urn(uid)


# --- reranking ---------------------------------------------------------------------------

FEATURES = (
    "rank_share",  # the index's score over the best candidate's
    "inverse_rank",
    "covered",  # share of the candidate's words found in the text
    "covering",  # share of the text's words found in the candidate
    "bigrams",  # share of the candidate's word pairs found in the text
    "fuzzy",  # rapidfuzz token set ratio of the folded texts
    "numbers_agree",  # 1: its numbers are all in the text, 0.5: it has none, 0: one differs
    "names",  # share of the candidate's capitalised names found in the text
)


@dataclass(frozen=True)
class Query:
    """What is compared of the text a person wants matched."""

    text: str
    language: str
    stems: tuple[str, ...]
    numbers: frozenset[str]
    names: frozenset[str]

    @classmethod
    def of(cls, text: str, language: str = "") -> Query:
        cleaned = clean(text)
        language = _language(cleaned, language)
        return cls(
            text=cleaned,
            language=language,
            stems=tuple(stems(cleaned, language)),
            numbers=frozenset(_numbers(cleaned)),
            names=frozenset(_names(cleaned, language)),
        )


def features(query: Query, texts: list[str], ranks: list[float]) -> list[list[float]]:
    """One row of FEATURES for each candidate text, ranked best first by the index."""
    best = max(ranks[0], 1e-9) if ranks else 1.0
    q = set(query.stems)
    q_pairs = set(zip(query.stems, query.stems[1:], strict=False))
    q_folded = " ".join(query.stems)
    rows = []
    for i, (value, rank) in enumerate(zip(texts, ranks, strict=True)):
        c = stems(value, query.language)
        cs = set(c)
        pairs = set(zip(c, c[1:], strict=False))
        numbers = _numbers(value)
        names = _names(value, query.language)
        if not numbers:
            agree = 0.5
        else:
            agree = 1.0 if numbers <= query.numbers else 0.0
        rows.append(
            [
                max(rank, 0.0) / best,
                1.0 / (i + 1),
                len(cs & q) / max(1, len(cs)),
                len(cs & q) / max(1, len(q)),
                len(pairs & q_pairs) / max(1, len(pairs)),
                fuzz.token_set_ratio(q_folded, " ".join(c)) / 100.0,
                agree,
                len(names & query.names) / max(1, len(names)) if names else 0.5,
            ]
        )
    return rows


@lru_cache(maxsize=1)
def _weights() -> tuple[list[float], float]:
    try:
        model = json.loads(MODEL.read_text(encoding="utf-8"))
        if model.get("features") != list(FEATURES):
            raise ValueError("the model was trained on other features")
        return [float(w) for w in model["weights"]], float(model["intercept"])
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise FactdeskError(f"{MODEL}: the matching model cannot be read ({exc})") from exc


def strength(row: list[float]) -> float:
    weights, intercept = _weights()
    z = intercept + sum(w * x for w, x in zip(weights, row, strict=True))
    return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))


# --- the public functions ------------------------------------------------------------------


def match(
    session: Session,
    text: str,
    *,
    top: int = 5,
    language: str = "",
    skip_article: int | None = None,
    skip_claim: int | None = None,
    candidates: int = CANDIDATES,
) -> list[Match]:
    """The `top` closest earlier checks of `text`, strongest first.

    Claims of `skip_article` (the one being checked) and `skip_claim` itself are left out:
    a claim is not "already checked" by itself or its neighbours.
    """
    if top < 1:
        raise FactdeskError("the number of matches must be at least 1")
    query = Query.of(text, language)
    terms = _terms(list(query.stems))
    if not terms:
        return []
    rows = [
        r
        for r in _candidates(session, terms, candidates + (50 if skip_article else 0))
        if not (r.kind == "claim" and (r.claim_id == skip_claim or r.article_id == skip_article))
    ][:candidates]
    found = _load(session, rows)
    if not found:
        return []
    table = features(query, [f.text for f in found], [float(f.row.rank) for f in found])
    scored = [
        (strength(row), i, f.match) for i, (row, f) in enumerate(zip(table, found, strict=True))
    ]
    scored.sort(key=lambda s: (-s[0], s[1]))
    return [_with_score(m, s) for s, _i, m in scored[:top]]


def _with_score(m: Match, score: float) -> Match:
    from dataclasses import replace

    return replace(m, score=score)


def match_claim(session: Session, claim_id: int, *, top: int = 5, said: str = "") -> list[Match]:
    """Matches for a claim of the library, its own article left out. `said` stands for the
    claim's words while a person is typing them (claim_query says what is matched)."""
    claim = session.get(Claim, claim_id)
    if claim is None:
        raise FactdeskError(f"claim {claim_id} does not exist")
    return match(
        session,
        claim_query(claim, said),
        top=top,
        language=claim.article.language[:2] if claim.article else "",
        skip_article=claim.article_id,
        skip_claim=claim.id,
    )


def claim_query(claim: Claim, said: str = "") -> str:
    """What of a claim is matched: its words (`said`, else the claim as restated, else its
    quotes), and who said it."""
    said = said.strip() or claim.text.strip() or " ".join(h.exact for h in claim.highlights)
    return f"{said} {claim.claimant}".strip()
