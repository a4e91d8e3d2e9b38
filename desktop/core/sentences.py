"""Sentence spans, so a checker can take a whole sentence with one click.

pysbd does the splitting (it knows "M.", "Dr", "etc.", decimals and initials in French
and English); spans are then located in the paragraph by search, because pysbd may trim
or alter the strings it returns, and merged where a split fell inside « … » or “ … ”.
Work is per paragraph, so the GUI can ask for just the sentence under the mouse.
"""

from __future__ import annotations

import re
from functools import lru_cache

from desktop.core.text import paragraph_spans

SUPPORTED = {"en", "fr", "de", "es", "it", "nl", "pl", "ru", "da", "el", "ar", "fa"}
_FALLBACK = re.compile(r".+?(?:[.!?…]+[»”\"')\]]*(?=\s)|$)", re.S)
_OPENERS = {"«": "»", "“": "”"}


@lru_cache(maxsize=8)
def _segmenter(language: str):
    import pysbd

    return pysbd.Segmenter(language=language, clean=False)


def _pieces(paragraph: str, language: str) -> list[str]:
    lang = (language or "en").split("-")[0].lower()
    try:
        return _segmenter(lang if lang in SUPPORTED else "en").segment(paragraph)
    except Exception:  # pysbd raises on some odd inputs; a plain splitter still works
        return [m.group(0) for m in _FALLBACK.finditer(paragraph)]


def _locate(paragraph: str, pieces: list[str]) -> list[tuple[int, int]]:
    spans, cursor = [], 0
    for piece in pieces:
        piece = piece.strip()
        if not piece:
            continue
        pos = paragraph.find(piece, cursor)
        if pos < 0:  # pysbd changed the text: fall back for the whole paragraph
            return [
                (m.start(), m.start() + len(m.group(0).rstrip()))
                for m in _FALLBACK.finditer(paragraph)
                if m.group(0).strip()
            ]
        spans.append((pos, pos + len(piece)))
        cursor = pos + len(piece)
    return spans


def _merge_quotes(paragraph: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Join spans while a « or “ opened in them is still unclosed."""
    merged: list[tuple[int, int]] = []
    depth = 0
    for start, end in spans:
        if merged and depth > 0:
            merged[-1] = (merged[-1][0], end)
        else:
            merged.append((start, end))
        piece = paragraph[start:end]
        for opener, closer in _OPENERS.items():
            depth += piece.count(opener) - piece.count(closer)
        depth = max(depth, 0)
    return merged


def _merge_stray_punctuation(paragraph: str, spans: list[tuple[int, int]]):
    """A "sentence" with no letter or digit (a stray " ." in the source) joins the one before."""
    merged: list[tuple[int, int]] = []
    for start, end in spans:
        if merged and not any(ch.isalnum() for ch in paragraph[start:end]):
            merged[-1] = (merged[-1][0], end)
        else:
            merged.append((start, end))
    return merged


def paragraph_sentences(paragraph: str, language: str = "fr") -> list[tuple[int, int]]:
    """Sentence spans within one paragraph, offsets relative to the paragraph."""
    if not paragraph.strip():
        return []
    spans = _locate(paragraph, _pieces(paragraph, language))
    return _merge_stray_punctuation(paragraph, _merge_quotes(paragraph, spans))


def sentence_spans(text: str, language: str = "fr") -> list[tuple[int, int]]:
    """Every sentence span of a stored article text, in code points."""
    spans = []
    for p_start, p_end in paragraph_spans(text):
        for s, e in paragraph_sentences(text[p_start:p_end], language):
            spans.append((p_start + s, p_start + e))
    return spans


def sentence_at(text: str, position: int, language: str = "fr") -> tuple[int, int] | None:
    """The sentence span containing code-point `position`, or None between paragraphs."""
    for p_start, p_end in paragraph_spans(text):
        if p_start <= position <= p_end:
            for s, e in paragraph_sentences(text[p_start:p_end], language):
                if s <= position - p_start < e or position - p_start == e == p_end - p_start:
                    return (p_start + s, p_start + e)
            return None
    return None
