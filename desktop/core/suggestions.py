"""Which sentences of an article to suggest as claims, kept with the article.

Scores are computed once per text (when the article is imported, or when first asked for
if the text or the model changed) and stored in `sentence_scores`, so showing
suggestions costs a read. Headings are never suggested: a headline restates the claim
the body makes, and the body is where a checker anchors it. Sentences the checker
dismissed ("Not a claim") are matched by their text and stay dismissed.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

from sqlmodel import Session, select

from desktop.core.errors import NotFound
from desktop.core.models import Article, SentenceScores, SuggestionDismissal
from desktop.core.sentences import SPLITTER, sentence_spans
from desktop.core.text import paragraph_spans
from desktop.core.worthiness import cues, model_for

THRESHOLDS = (5, 10, 20)  # the View menu's "top N %" choices
DEFAULT_THRESHOLD = 10
MIN_SHOWN = 3  # a short article still gets a few suggestions


@dataclass(frozen=True)
class Suggestion:
    start: int
    end: int
    text: str
    score: float
    cues: tuple[str, ...]
    rank: int  # 1 for the most check-worthy sentence of the article

    def to_json(self) -> dict:
        return {
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "score": round(self.score, 3),
            "cues": list(self.cues),
            "rank": self.rank,
        }


def score_text(text: str, language: str, headings, turns=()) -> list[list[int]]:
    """[start, end, score in thousandths] for every body sentence of a stored text. In a
    transcript, a turn's speaker label ("DUPONT :") is not part of its first sentence."""
    heading_paragraphs = {int(i) for i, _level in headings}
    paragraphs = paragraph_spans(text)
    skip = [paragraphs[i] for i in heading_paragraphs if i < len(paragraphs)]
    labelled = {paragraphs[int(t[0])][0] for t in turns if int(t[0]) < len(paragraphs)}
    spans = []
    for s, e in sentence_spans(text, language or "en"):
        if any(ps <= s < pe for ps, pe in skip):
            continue
        if s in labelled:
            s = _after_label(text, s, e)
        if s < e:
            spans.append((s, e))
    scores = model_for(language).score_all([text[s:e] for s, e in spans])
    return [[s, e, round(score * 1000)] for (s, e), score in zip(spans, scores, strict=True)]


def _after_label(text: str, start: int, end: int) -> int:
    from desktop.core.transcripts import speaker_label

    label = speaker_label(text[start:end])
    if label is None:
        return start
    at = start + label[2]
    while at < end and text[at].isspace():
        at += 1
    return at


def refresh(
    session: Session, article: Article, *, save: bool = True, scorer=None
) -> SentenceScores:
    """The article's stored scores, recomputed first if its text or the model changed
    (and stored, unless `save` is False: a read-only library is scored in memory)."""
    model = scoring_key(article.language)
    row = session.get(SentenceScores, article.id)
    if _current(row, article.content_hash, article.language):
        return row
    spans = (scorer or score_text)(article.text, article.language, article.headings, article.turns)
    if not save:
        return SentenceScores(
            article_id=article.id, model=model, content_hash=article.content_hash, spans=spans
        )
    if row is None:
        row = SentenceScores(article_id=article.id)
        session.add(row)
    row.model, row.content_hash, row.spans = model, article.content_hash, spans
    session.flush()
    return row


def scoring_key(language: str) -> str:
    """What stored scores were made with: the text's model and the sentence splitter (so
    changing an article's language, or shipping a new model, scores it again)."""
    return f"{model_for(language).name}/{SPLITTER}"


def _current(row: SentenceScores | None, digest: str, language: str) -> bool:
    """Whether stored scores are those of this text, its language's model and splitter."""
    return row is not None and row.content_hash == digest and row.model == scoring_key(language)


def score_and_store(store, article_id: int, scorer=None) -> None:
    """Score an article's sentences with no write lock held while splitting (seconds for
    a book), then store them in a short transaction; what import workers call. `scorer`
    stands for score_text (the window passes one that works in a child process)."""
    with store.read() as session:
        article = _article(session, article_id)
        text, language, headings = article.text, article.language, list(article.headings)
        turns = list(article.turns)
        digest = article.content_hash
        row = session.get(SentenceScores, article_id)
        if _current(row, digest, language):
            return
    spans = (scorer or score_text)(text, language, headings, turns)
    with store.transaction() as session:
        article = session.get(Article, article_id)
        if article is None or article.content_hash != digest:
            return  # deleted or changed meanwhile: scored again when next asked for
        row = session.get(SentenceScores, article_id) or SentenceScores(article_id=article_id)
        row.model, row.content_hash, row.spans = scoring_key(language), digest, spans
        session.add(row)


def _article(session: Session, article_id: int) -> Article:
    article = session.get(Article, article_id)
    if article is None:
        raise NotFound(f"no article with id {article_id}")
    return article


def dismissed(session: Session, article_id: int) -> set[str]:
    rows = session.exec(
        select(SuggestionDismissal.quote).where(SuggestionDismissal.article_id == article_id)
    )
    return set(rows)


def ranked(
    session: Session,
    article_id: int,
    *,
    include_dismissed: bool = False,
    save: bool = True,
    scorer=None,
) -> list[Suggestion]:
    """Every body sentence, most check-worthy first (ties in reading order)."""
    article = _article(session, article_id)
    row = refresh(session, article, save=save, scorer=scorer)
    gone = set() if include_dismissed else dismissed(session, article_id)
    order = sorted(row.spans, key=lambda span: (-span[2], span[0]))
    out = []
    for rank, (start, end, milli) in enumerate(order, 1):
        sentence = article.text[start:end]
        if sentence in gone:
            continue
        out.append(Suggestion(start, end, sentence, milli / 1000, tuple(cues(sentence)), rank))
    return out


def shown_count(total: int, percent: int) -> int:
    """How many sentences "top N %" shows: rounded up, never fewer than MIN_SHOWN."""
    return min(total, max(MIN_SHOWN, math.ceil(total * percent / 100)))


def top(
    session: Session,
    article_id: int,
    percent: int = DEFAULT_THRESHOLD,
    *,
    save: bool = True,
    scorer=None,
) -> list[Suggestion]:
    """The suggestions the window marks: the top `percent` of the article's sentences,
    counted before dismissals so dismissing one does not pull in a weaker one."""
    everything = ranked(session, article_id, include_dismissed=True, save=save, scorer=scorer)
    keep = shown_count(len(everything), percent)
    gone = dismissed(session, article_id)
    return [s for s in everything[:keep] if s.text not in gone]


def dismiss(session: Session, article_id: int, text: str) -> bool:
    """Mark a sentence "Not a claim"; False if it already was."""
    _article(session, article_id)
    quote = text.strip()[:4000]
    if not quote or quote in dismissed(session, article_id):
        return False
    session.add(SuggestionDismissal(article_id=article_id, quote=quote))
    session.flush()
    return True


def undismiss(session: Session, article_id: int, text: str) -> None:
    """Undo of `dismiss`."""
    for row in session.exec(
        select(SuggestionDismissal).where(
            SuggestionDismissal.article_id == article_id,
            SuggestionDismissal.quote == text.strip()[:4000],
        )
    ):
        session.delete(row)
    session.flush()


_ATTRIBUTIONS = [
    # "…, selon le Wall Street Journal." / "according to Bob Woodward"
    re.compile(
        r"\b(?:selon|d['’]après|according to)\s+(?:les informations d[eu]s?\s+|the\s+)?"
        r"(?P<who>(?:(?:le|la|les|l['’])\s*)?(?:[\w’'-]+\s+){0,4}?"
        r"[A-ZÀ-ÖØ-Þ][\w’'-]+(?:\s+[A-ZÀ-ÖØ-Þ][\w’'-]+)*)"
    ),
    # "…, a déclaré Emmanuel Macron" / "said John Smith"
    re.compile(
        r"\b(?:a (?:déclaré|affirmé|assuré|indiqué|expliqué|révélé|annoncé|dit)|"
        r"(?:said|says|told|claimed|announced))\s+(?:vendredi\s+|lundi\s+|mardi\s+|"
        r"mercredi\s+|jeudi\s+|samedi\s+|dimanche\s+)?"
        r"(?P<who>(?:(?:le|la|les|l['’])\s*)?[A-ZÀ-ÖØ-Þ][\w’'-]+(?:\s+[A-ZÀ-ÖØ-Þ][\w’'-]+)*)"
    ),
]
_ADJECTIVE = re.compile(r"^(?:(?:le|la|les|l['’])\s*)?(?:[a-zà-ÿ’'-]+\s+)+(?=[A-ZÀ-ÖØ-Þ])")


def attributed_to(sentence: str) -> str:
    """Who a sentence says made its statement ("selon Bob Woodward" → "Bob Woodward"),
    or "" when it names nobody. Leading words before the name ("le célèbre journaliste
    américain") are dropped; an article before an institution is kept ("le Kremlin")."""
    for pattern in _ATTRIBUTIONS:
        match = pattern.search(sentence)
        if match:
            who = match.group("who").strip(" ,.;:")
            trimmed = _ADJECTIVE.sub("", who)
            return trimmed if trimmed != who else who
    return ""
