"""create_claim reads only the text around the span it anchors: the anchor it stores is
the one anchor_span makes on the whole text, at the text's edges, around emoji and
combining marks, and for a cluster longer than the stretch it reads."""

from __future__ import annotations

import random

import pytest
from sqlalchemy import func
from sqlmodel import select

from desktop.core import claims as core_claims
from desktop.core.anchoring import anchor_span
from desktop.core.articles import add_article
from desktop.core.errors import FactdeskError
from desktop.core.importers import parse_text
from desktop.core.models import Highlight

PIECES = ["Le maire ", "a dit ", "« 3,2 % » ", "🦜 ", "x\u0304 ", "👩\u200d👩\u200d👧 ", "l’État. "]


def _text(rng: random.Random, n: int) -> str:
    words = "".join(rng.choice(PIECES) for _ in range(n))
    return "\n\n".join(words[i : i + 700] for i in range(0, len(words), 700))


@pytest.fixture
def article(store):
    rng = random.Random(11)
    text = _text(rng, 900)
    # A cluster longer than the stretch read around a span: the whole text decides it.
    text = text[:3000] + "e" + "\u0301" * 600 + text[3000:]
    with store.transaction() as session:
        article_id = add_article(session, parse_text(text)).article_id
    with store.read() as session:
        from desktop.core.views import get_article

        return article_id, get_article(session, article_id).text


def test_anchors_match_the_whole_text(store, article):
    article_id, text = article
    rng = random.Random(5)
    spans = [(0, 5), (len(text) - 7, len(text)), (1, len(text) - 1), (2990, 3010), (3300, 3320)]
    for _ in range(120):
        a = rng.randrange(0, len(text) - 1)
        spans.append((a, min(len(text), a + rng.randint(1, 400))))
    spans += [(s, s + 3) for s in (250, 255, 256, 257, 300)]
    for start, end in spans:
        if not text[start:end].strip():
            continue
        want = anchor_span(text, start, end)
        with store.transaction() as session:
            _, highlight = core_claims.create_claim(session, article_id, start=start, end=end)
            got = (highlight.start, highlight.end, highlight.exact, highlight.prefix)
            got += (highlight.suffix,)
        assert got == (want.start, want.end, want.exact, want.prefix, want.suffix), (start, end)


def test_a_span_off_the_text_is_refused_with_its_length(store, article):
    article_id, text = article
    for start, end in ((len(text) - 3, len(text) + 5), (-1, 4), (40, 40), (50, 20)):
        with pytest.raises(FactdeskError, match=f"{len(text)}-char text"):
            with store.transaction() as session:
                core_claims.create_claim(session, article_id, start=start, end=end)
    with store.read() as session:
        assert session.exec(select(func.count()).select_from(Highlight)).one() == 0
