"""Sentence splitters compared: boundary precision and recall on French and English text
with known boundaries, and the time to split the benchmark's 100,000-word article.

`python -m benchmarks.sentence_accuracy` prints one line per splitter that is installed
(pysbd comes with Factdesk; sentencex, blingfire and simplemma are measured when present,
e.g. `pip install --target DIR sentencex blingfire simplemma` and PYTHONPATH=DIR).

The corpus in `sentence_corpus/` is one sentence a line, paragraphs separated by a blank
line; the `-dev` files were used while writing the rules, the `-test` files were written
with them, before the rules, and only measured.
"""

from __future__ import annotations

import random
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

CORPUS = Path(__file__).resolve().parent / "sentence_corpus"
PARTS = ("fr-dev", "fr-test", "en-dev", "en-test")


def load(part: str) -> list[list[str]]:
    """Paragraphs, each a list of its sentences."""
    paragraphs, current = [], []
    for line in (CORPUS / f"{part}.txt").read_text(encoding="utf-8").splitlines():
        if line.startswith("#"):
            continue
        if line.strip():
            current.append(line.strip())
        elif current:
            paragraphs.append(current)
            current = []
    if current:
        paragraphs.append(current)
    return paragraphs


def starts(sentences: list[str]) -> set[int]:
    """Where each sentence after the first begins in the paragraph they make."""
    out, pos = set(), 0
    for s in sentences[:-1]:
        pos += len(s) + 1
        out.add(pos)
    return out


def score(split: Callable[[str, str], list[tuple[int, int]]], part: str) -> dict:
    """Boundary precision and recall, and the share of paragraphs split exactly right."""
    lang = part.split("-")[0]
    tp = fp = fn = exact = 0
    errors = []
    paragraphs = load(part)
    for sentences in paragraphs:
        text = " ".join(sentences)
        gold = starts(sentences)
        got = {s for s, _e in split(text, lang) if s > 0}
        tp += len(gold & got)
        fp += len(got - gold)
        fn += len(gold - got)
        exact += gold == got
        for pos in sorted(got ^ gold):
            errors.append(
                ("extra " if pos in got else "missed ") + repr(text[max(0, pos - 25) : pos + 15])
            )
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn) if tp + fn else 1.0
    return {
        "precision": precision,
        "recall": recall,
        "f1": 2 * precision * recall / (precision + recall) if precision + recall else 0.0,
        "exact": exact / len(paragraphs),
        "boundaries": tp + fn,
        "errors": errors,
    }


def locate(text: str, pieces) -> list[tuple[int, int]]:
    """Spans of the strings a splitter returned, found in order in `text`."""
    spans, cursor = [], 0
    for piece in pieces:
        piece = piece.strip()
        if not piece:
            continue
        pos = text.find(piece, cursor)
        if pos < 0:
            continue
        spans.append((pos, pos + len(piece)))
        cursor = pos + len(piece)
    return spans


def candidates() -> dict[str, Callable[[str, str], list[tuple[int, int]]]]:
    from desktop.core import sentences as fd

    found = {
        "factdesk rules (shipped)": lambda t, lang: fd.paragraph_sentences(t, lang),
        "factdesk on pysbd (before)": lambda t, lang: fd._merge_stray_punctuation(
            t, fd._pysbd_spans(t, lang)
        ),
        "pysbd alone": lambda t, lang: locate(t, fd._segmenter(lang).segment(t)),
    }
    try:
        import sentencex

        found["sentencex"] = lambda t, lang: locate(t, sentencex.segment(lang, t))
    except ImportError:
        pass
    try:
        import blingfire

        found["blingfire"] = lambda t, lang: locate(t, blingfire.text_to_sentences(t).split("\n"))
    except (ImportError, OSError):
        pass
    try:
        import simplemma

        found["simplemma"] = lambda t, lang: locate(t, simplemma.split_sentences(t, lang))
    except (ImportError, AttributeError):
        pass
    return found


def article() -> str:
    from benchmarks import data

    paragraphs, _ = data.french_article(random.Random(7), data.FULL.article_words, "Débat")
    return data.store_text(paragraphs)


def split_time(split, text: str, repeat: int = 5) -> float:
    """Median seconds to split every paragraph of `text`, as sentence_spans does."""
    from desktop.core.text import paragraph_spans

    paras = [text[s:e] for s, e in paragraph_spans(text)]
    split(paras[1], "fr")  # load models and lists before timing
    times = []
    for _ in range(repeat):
        t = time.perf_counter()
        for p in paras:
            split(p, "fr")
        times.append(time.perf_counter() - t)
    return statistics.median(times)


def main(argv: list[str]) -> int:
    verbose = "-v" in argv
    text = article()
    print(f"# {len(text):,} characters; precision/recall of boundaries, exact paragraphs")
    for name, split in candidates().items():
        cells = []
        for part in PARTS:
            r = score(split, part)
            cells.append(
                f"{part} P {r['precision']:.2f} R {r['recall']:.2f} exact {r['exact']:.2f}"
            )
            if verbose:
                for e in r["errors"]:
                    print(f"    {name} {part}: {e}")
        print(f"{name:28} | {' | '.join(cells)} | 100k words {split_time(split, text):.3f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
