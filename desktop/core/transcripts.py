"""Debate and interview transcripts: who speaks in which paragraph, and when.

A transcript's article keeps `turns`: [paragraph index, speaker, start time in ms or -1],
one per turn, where the paragraph is one of the stored text (desktop.core.text; the
title is paragraph 0). A paragraph without an entry continues the turn before it.
Subtitles (importers/subtitles.py) give speakers and times; a plain-text or Word
transcript gives speakers through labels at the start of its paragraphs ("TRUMP:",
"M. Macron :", "Question :", "[Speaker 1]"), found here by :func:`speaker_turns`.
"""

from __future__ import annotations

from bisect import bisect_right
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

import regex

from desktop.core.text import paragraph_spans

Turn = tuple[str, int | None]  # (speaker, start time in ms or None)

# A name word: capitalised ("Macron", "TRUMP", "Jean-Luc", "M.", "Mme", "O’Brien"), a
# number ("Speaker 1") or a diarisation tag ("SPEAKER_00"); lower-case particles only
# between two of them ("Charles de Gaulle", "Ursula von der Leyen").
_WORD = r"(?:\p{Lu}[\p{L}\p{M}\p{Nd}_'’.\-]*|\p{Nd}+)"
_PARTICLE = r"(?:de|du|des|d[’']|la|le|van|von|der|den|di|da|dos|del|bin|ibn|al|el|y)"
_NAME = rf"{_WORD}(?:[ \u00a0]+(?:{_PARTICLE}[ \u00a0]+)*{_WORD}){{0,4}}"
# An optional time before or after the name: "[00:12:31] TRUMP:", "Speaker 1 (00:12):".
_CLOCK = r"(?:\d{1,3}:)?\d{1,2}:\d{2}(?:[.,]\d{1,3})?"
_TIME = rf"[\[(](?P<time>{_CLOCK})[\])][ \u00a0]*"
_TIME_AFTER = rf"(?:[ \u00a0]+[\[(](?P<after>{_CLOCK})[\])])?"
_COLON_LABEL = regex.compile(
    rf"(?:{_TIME})?(?P<name>{_NAME}){_TIME_AFTER}[ \u00a0\u202f]*[:：](?=\s|$)", regex.VERSION1
)
_BRACKET_LABEL = regex.compile(
    rf"(?:{_TIME})?\[(?P<name>{_NAME})\](?:[ \u00a0\u202f]*[:：])?(?=\s|$)", regex.VERSION1
)
MAX_LABEL_CHARS = 40

# Words that open "Key: value" lines of ordinary articles, or describe a sound in square
# brackets, and never name a speaker.
_NOT_SPEAKERS = {
    word.casefold()
    for word in (
        "Note Notes NB PS Source Sources Date Lieu Photo Photos Crédit Crédits Credit Video "
        "Vidéo Audio Lire Voir Update Updated Published Publié Mise Edit Editor Correction "
        "Important Attention Warning Exemple Example Conclusion Résumé Summary Contexte "
        "Context Tags Tel Tél Email Web Site URL Adresse Address Prix Price Total Titre "
        "Title Auteur Author Par By Rubrique Section Catégorie Category Statut Status Verdict "
        "Applause Applaudissements Laughter Rires Rire Music Musique Crosstalk Inaudible "
        "Silence Pause Noise Bruit Brouhaha Cheers Huées Booing Coupure Chanson Song"
    ).split()
}
# Labels that name a role rather than a person: the turn keeps them, a claimant does not.
_ROLES = regex.compile(
    r"(?:q|a|r|question|questions|answer|réponse|reponse|interviewer|intervieweur"
    r"|(?:speaker|intervenant|intervenante|locuteur|locutrice|orateur|voix|voice)"
    r"(?:[ _]?\p{Nd}+)?|unknown|inconnu|inconnue|voix off|voice[ -]over|narrat(?:or|eur|rice)"
    r"|moderator|modérat(?:eur|rice)|présentat(?:eur|rice)|journaliste?)",
    regex.IGNORECASE,
)

MIN_LABELLED = 3  # a transcript has at least this many labelled paragraphs …
MIN_SHARE = 0.3  # … making at least this share of all paragraphs


def speaker_label(paragraph: str, *, brackets: bool = True) -> tuple[str, int | None, int] | None:
    """(speaker, time in ms or None, length of the label) when `paragraph` opens with a
    speaker label, else None. The speaker is the label as written, without its colon or
    brackets: "M. Macron :" → "M. Macron", "[Speaker 1]" → "Speaker 1". Subtitles pass
    brackets=False: there "[Applause] …" and the like describe sounds."""
    for pattern in (_COLON_LABEL, _BRACKET_LABEL) if brackets else (_COLON_LABEL,):
        match = pattern.match(paragraph)
        if match is None:
            continue
        name = " ".join(match["name"].split())
        first = name.split(" ", 1)[0].rstrip(".").casefold()
        if len(name) > MAX_LABEL_CHARS or first in _NOT_SPEAKERS or name.isdigit():
            continue
        time = match["time"] or match.groupdict().get("after")
        return name, _time_ms(time), match.end()
    return None


def _time_ms(text: str | None) -> int | None:
    if not text:
        return None
    clock_part, _, fraction = text.replace(",", ".").partition(".")
    seconds = 0
    for part in clock_part.split(":"):
        seconds = seconds * 60 + int(part)
    return seconds * 1000 + (int(fraction.ljust(3, "0")[:3]) if fraction else 0)


def speaker_turns(paragraphs: Sequence[str]) -> dict[int, Turn]:
    """The turns of a plain-text or Word transcript: {paragraph index: (speaker, ms)} for
    each paragraph opening with a speaker label; {} unless the text reads as a transcript.

    A transcript has at least 3 labelled paragraphs making 30 % of them, two speakers or
    more, and one who comes back (turns alternate), so an article with one "Note :" line
    or a list of "Key: value" lines, each key said once, is not taken for one. An
    unlabelled paragraph continues the turn before it; the label stays in the text. The
    time is one written with the label ("[00:12:31] TRUMP:"), else None.
    """
    found = {}
    for index, paragraph in enumerate(paragraphs):
        label = speaker_label(paragraph)
        if label is not None:
            found[index] = (label[0], label[1])
    if len(found) < MIN_LABELLED or len(found) < MIN_SHARE * len(paragraphs):
        return {}
    said = Counter(speaker.casefold() for speaker, _ in found.values())
    if len(said) < 2 or said.most_common(1)[0][1] < 2:
        return {}  # one voice is a speech or a heading style; no speaker back, a list
    return found


def clock(ms: int | None) -> str:
    """A time into a recording as reports cite it, hours always shown: "00:12:31"; "" for
    no time (None or negative, as stored for turns without one)."""
    if ms is None or ms < 0:
        return ""
    seconds = int(ms) // 1000
    return f"{seconds // 3600:02d}:{seconds // 60 % 60:02d}:{seconds % 60:02d}"


@dataclass(frozen=True)
class TurnIndex:
    """The turns of one article, ready to answer "who speaks at this offset" for many
    offsets (a report's claims) without cutting the text into paragraphs each time."""

    starts: tuple[int, ...]  # code-point start of each paragraph
    paragraphs: tuple[int, ...]  # paragraph index of each turn, ascending
    turns: tuple[Turn, ...]

    @classmethod
    def of(cls, text: str, turns) -> TurnIndex:
        """`turns` as stored ([[index, speaker, ms or -1], …]), as a view holds them
        ((index, speaker, ms or None), …) or as a ParsedArticle holds them ({index: …})."""
        entries = _entries(turns)
        starts = tuple(start for start, _ in paragraph_spans(text)) if entries else ()
        return cls(starts, tuple(i for i, _ in entries), tuple(t for _, t in entries))

    def at(self, offset: int) -> Turn | None:
        """The turn holding code-point `offset`; None before the first turn (the title
        line) or in an article without turns."""
        if not self.turns:
            return None
        paragraph = bisect_right(self.starts, offset) - 1
        k = bisect_right(self.paragraphs, paragraph) - 1
        return self.turns[k] if k >= 0 else None


def _entries(turns) -> list[tuple[int, Turn]]:
    if isinstance(turns, Mapping):
        items = [(i, speaker, ms) for i, (speaker, ms) in turns.items()]
    else:
        items = [tuple(t) for t in turns or ()]
    entries = {}
    for index, speaker, ms in items:
        entries[int(index)] = (str(speaker), None if ms is None or ms < 0 else int(ms))
    return sorted(entries.items())


def turn_at(article_text: str, turns, offset: int) -> Turn | None:
    """(speaker, ms or None) of the turn holding code-point `offset` of the article's
    text, or None where no turn has begun (see TurnIndex for many offsets)."""
    return TurnIndex.of(article_text, turns).at(offset)


def claimant_name(speaker: str, known: Iterable[str] = ()) -> str:
    """The claimant a claim made in `speaker`'s turn is given: "" for a role rather than a
    person ("Q", "Question", "Speaker 1"); else the spelling of a claimant already in the
    library ("MCCAIN" → "McCain"); else the label as written, an all-capitals one
    title-cased ("TRUMP" → "Trump", "M. MACRON" → "M. Macron")."""
    name = " ".join(speaker.strip(" \u00a0\u202f:：[]").split())
    if not name or _ROLES.fullmatch(name):
        return ""
    folded = name.casefold()
    for claimant in known:
        if claimant.casefold() == folded:
            return claimant
    if any(ch.isalpha() for ch in name) and name == name.upper():
        return regex.sub(r"\p{L}+", lambda m: m[0].capitalize(), name.lower())
    return name
