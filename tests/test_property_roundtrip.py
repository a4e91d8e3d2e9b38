"""Properties over generated articles and edits, through the database and the exporters.

1. import → highlight → export Web Annotation → import into an empty library gives the
   same article text and the same quotes at the same offsets.
2. Replacing an article's text (desktop.core.articles.replace_text) never leaves a
   highlight on text that differs from its quote without reporting it as "fuzzy" or an
   orphan. tests/test_core_anchoring.py proves this of reanchor() alone; this carries it
   through the stored rows.
"""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlmodel import select

from desktop.core.articles import add_article, replace_text
from desktop.core.claims import create_claim
from desktop.core.errors import FactdeskError
from desktop.core.exporters import ExportOptions, load_reports, render
from desktop.core.exporters.webannotation import import_annotations, parse
from desktop.core.importers import ParsedArticle
from desktop.core.models import Highlight
from desktop.core.store import open_store
from desktop.core.views import claims_of, get_article

# Letters, French punctuation and spaces, astral emoji, combining marks, RTL scripts.
ALPHABET = st.sampled_from(
    list("abcdeXYZ ’«»\u00a0\u202f.,!?éÉç") + ["😀", "🇫", "🇷", "𝕏", "\u0301", "ש", "ل", "ا"]
)
PARAGRAPH = st.text(alphabet=ALPHABET, min_size=1, max_size=80).filter(
    lambda p: p.strip(" \u00a0\u202f")
)
PROFILE = settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def memory_store():
    """A fresh, migrated library in memory: one per example, no files to clean up."""
    return open_store("sqlite:///:memory:")


@st.composite
def annotated(draw):
    """Paragraphs and a few (start, end) spans into their stored text."""
    from desktop.core.text import join_paragraphs

    paragraphs = draw(st.lists(PARAGRAPH, min_size=1, max_size=5))
    text = join_paragraphs(paragraphs)
    spans = []
    for _ in range(draw(st.integers(1, 4))):
        start = draw(st.integers(0, len(text) - 1))
        end = draw(st.integers(start + 1, min(len(text), start + 40)))
        if text[start:end].strip():
            spans.append((start, end))
    return paragraphs, spans


def _store_article(store, paragraphs, spans):
    with store.transaction() as s:
        article_id = add_article(
            s, ParsedArticle(paragraphs=paragraphs, title="t", language="fr")
        ).article_id
        placed = []
        for start, end in spans:
            try:
                _, h = create_claim(s, article_id, start=start, end=end, claimant="C")
            except FactdeskError:  # a span of only spaces is refused, as in the window
                continue
            placed.append((h.start, h.end, h.exact))
    return article_id, placed


@PROFILE
@given(annotated())
def test_web_annotation_round_trip_keeps_quotes_and_offsets(case):
    paragraphs, spans = case
    source = memory_store()
    try:
        article_id, placed = _store_article(source, paragraphs, spans)
        with source.read() as s:
            text = get_article(s, article_id).text
            data = render(load_reports(s, [article_id]), "webannotation", ExportOptions()).data
    finally:
        source.close()
    target = memory_store()
    try:
        with target.transaction() as s:
            result = import_annotations(s, parse(data, "export.jsonld"), name="export.jsonld")
        (new_id,) = result.articles_created
        with target.read() as s:
            assert get_article(s, new_id).text == text
            got = sorted(
                (h.start, h.end, h.exact) for c in claims_of(s, new_id) for h in c.highlights
            )
    finally:
        target.close()
    assert got == sorted(placed)
    for start, end, exact in got:
        assert text[start:end] == exact


@st.composite
def edited_article(draw):
    paragraphs, spans = draw(annotated())
    edits = draw(
        st.lists(
            st.tuples(st.integers(0, 4), st.integers(0, 80), st.integers(0, 15), PARAGRAPH),
            min_size=1,
            max_size=3,
        )
    )
    new = list(paragraphs)
    for index, pos, cut, insert in edits:
        i = index % len(new)
        p = new[i]
        pos = min(pos, len(p))
        new[i] = (p[:pos] + insert + p[pos + cut :]) or insert
    return paragraphs, spans, new


@PROFILE
@given(edited_article())
def test_replacing_the_text_never_misplaces_a_highlight_silently(case):
    paragraphs, spans, new = case
    store = memory_store()
    try:
        article_id, placed = _store_article(store, paragraphs, spans)
        quotes = {}
        with store.read() as s:
            for h in s.exec(select(Highlight)).all():
                quotes[h.id] = h.exact
        with store.transaction() as s:
            try:
                result = replace_text(s, article_id, ParsedArticle(paragraphs=new))
            except FactdeskError as exc:  # the same text as another article: refused
                assert "already in the library" in str(exc)
                return
        with store.read() as s:
            text = get_article(s, article_id).text
            rows = s.exec(select(Highlight)).all()
            for h in rows:
                reported = result.placed.get(h.id)
                if h.id in result.orphans:
                    assert h.anchor == "orphan"
                    continue
                assert reported == h.anchor
                assert text[h.start : h.end] == h.exact
                if text[h.start : h.end] != quotes[h.id]:
                    assert reported == "fuzzy"  # moved onto different words: flagged
    finally:
        store.close()
