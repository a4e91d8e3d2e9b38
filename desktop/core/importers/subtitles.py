"""Subtitles (.srt, .vtt): a debate or interview as one paragraph per speaker's turn.

Checkers get live debates as captions: hundreds of two-line cues that read badly one
by one. The cues of one speaker are merged into a paragraph, and each paragraph keeps
its speaker and the start time of its first cue (ParsedArticle.turns), so a claim can
be cited "at 00:12:31". Speakers come from WebVTT voice tags (`<v Name>`), from a
leading "NAME:" label (kept in the text, as the file says it), or from caption
conventions for a change of speaker: ">> " and dialogue dashes ("- "), which name no
one ("" until a label does). SubRip is read with `srt`, WebVTT with `webvtt-py`; markup
(<i>, <b>, <font>, {\\an8}) is dropped.
"""

from __future__ import annotations

import html
import io
import re
from dataclasses import dataclass, field
from pathlib import PurePath

from desktop.core.errors import ImportFailed
from desktop.core.importers import ParsedArticle
from desktop.core.importers.plaintext import decode
from desktop.core.text import clean
from desktop.core.transcripts import speaker_label

MAX_TURN_CHARS = 1_000  # past this, a turn goes on in a new paragraph after a sentence end
HARD_TURN_CHARS = 3_000  # … or after any cue, when the captions have no punctuation
ROLLING_CUE_MS = 100  # auto-captions repeat the last line in cues this short

# SubRip and WebVTT formatting; WebVTT escapes a literal "<" as &lt;, so there every
# <…> is a tag, while in SubRip only the usual tags are (the text may say "x < y > z").
_SRT_TAG = re.compile(r"</?(?:i|b|u|s|font|c|v|span|ruby|rt|lang)\b[^<>\n]{0,200}>", re.I)
_VTT_TAG = re.compile(r"<[^<>\n]{0,200}>")
_ASS_TAG = re.compile(r"\{\\[^{}\n]{0,200}\}")  # {\an8}, {\i1}: SubStation overrides
_VOICE = re.compile(r"<v(?:\.[^\s>]*)*(?:[ \t]+([^>]*))?>")
_CHANGE = re.compile(r"(?:>>+|&gt;&gt;)[ \t]*")  # a new speaker, not named
_DASH = re.compile(r"[-‐–—](?:[ \t]+|(?=[^\W\d_]|[«\"“¿¡]))")  # dialogue: a speaker a line
_SENTENCE_END = re.compile(r"[.!?…](?:[\s\u00a0]*[»\"”’)\]])*$")


@dataclass
class _Cue:
    start: int  # ms
    end: int
    lines: list[str]  # with their markup


@dataclass
class _Line:
    """One speaker's words in a cue: a cue with two dialogue dashes has two."""

    ms: int
    text: str
    voice: str | None = None  # a WebVTT voice tag
    change: bool = False  # ">>" or a dash: someone else speaks
    label: tuple[str, int] | None = None  # "NAME:" at its start: (name, label length)
    first_of_cue: bool = False
    repeated: bool = False  # the previous cue's last line again (rolling captions)


@dataclass
class _Turn:
    speaker: str
    ms: int
    parts: list[str] = field(default_factory=list)
    length: int = 0

    def add(self, text: str) -> None:
        self.parts.append(text)
        self.length += len(text) + 1

    @property
    def text(self) -> str:
        return " ".join(self.parts)


def parse(data: bytes, source_name: str) -> ParsedArticle:
    text = clean(decode(data, source_name))
    if "-->" not in text:
        raise ImportFailed(
            source_name,
            "is not a subtitle file: it has no cue timings such as “00:00:01,000 --> 00:00:04,000”",
        )
    title, language = "", ""
    if text.lstrip().startswith("WEBVTT"):
        cues, title, language = _vtt(text.lstrip(), source_name)
        vtt = True
    else:
        if PurePath(source_name).suffix.lower() == ".vtt" and not _looks_like_srt(text):
            raise ImportFailed(source_name, "is not a WebVTT file: its first line is not WEBVTT")
        cues, vtt = _srt(text, source_name), False
    if not cues:
        raise ImportFailed(source_name, "holds no subtitles")
    turns = _turns(_lines(cues, vtt))
    if not turns:
        raise ImportFailed(source_name, "holds subtitles without any text")
    title = title or _title_from_name(source_name)
    return ParsedArticle(
        paragraphs=[title, *(t.text for t in turns)],
        headings={0: 1},
        title=title,
        language=language,
        turns={i: (t.speaker, t.ms) for i, t in enumerate(turns, start=1)},
    )


def _looks_like_srt(text: str) -> bool:
    return re.search(r"^\s*\d+\s*\n\d+:\d+:\d+[,.]\d+\s*-->", text, re.M) is not None


# --- reading the two formats ---------------------------------------------------------


def _srt(text: str, source_name: str) -> list[_Cue]:
    try:
        import srt
    except ImportError:  # pragma: no cover - a dependency of the package
        raise ImportFailed(source_name, "needs the srt package to read subtitles") from None
    try:
        return [
            _Cue(_ms(s.start), _ms(s.end), s.content.split("\n"))
            for s in srt.parse(text)
            if s.content.strip()
        ]
    except srt.SRTParseError as exc:
        problem = _unread(text, exc.expected_start, exc.actual_start)
        raise ImportFailed(source_name, f"is not valid SubRip subtitles: {problem}") from None
    except (ValueError, OverflowError):  # a timestamp past what a time can hold
        raise ImportFailed(
            source_name, "is not valid SubRip subtitles: a cue timing is out of range"
        ) from None


def _ms(delta) -> int:
    return delta.days * 86_400_000 + delta.seconds * 1000 + delta.microseconds // 1000


def _unread(text: str, start: int, end: int) -> str:
    """What the SubRip parser could not read, text[start:end]: its broken timing line if
    it has one, else its first line ("line 6 is not a valid cue timing (…)")."""
    while start < end and text[start].isspace():
        start += 1
    lines = text[start:end].split("\n")
    k = next((i for i, line in enumerate(lines) if "-->" in line), None)
    what = "is not a valid cue timing" if k is not None else "is not part of a cue"
    line = lines[k or 0].strip()
    shown = line if len(line) <= 60 else line[:57] + "…"
    return f"line {text.count(chr(10), 0, start) + (k or 0) + 1} {what} (“{shown}”)"


def _vtt(text: str, source_name: str) -> tuple[list[_Cue], str, str]:
    """Cues, title and language of a WebVTT file; a cue timing line the parser would
    skip (a broken time) is refused, naming its line, rather than losing its words."""
    try:
        import webvtt
        from webvtt.vtt import WebVTTCueBlock
    except ImportError:  # pragma: no cover - a dependency of the package
        raise ImportFailed(source_name, "needs the webvtt-py package to read subtitles") from None
    for number, line in enumerate(text.split("\n"), start=1):
        if "-->" in line and not WebVTTCueBlock.CUE_TIMINGS_PATTERN.match(line):
            shown = line.strip() if len(line.strip()) <= 60 else line.strip()[:57] + "…"
            raise ImportFailed(
                source_name,
                f"is not valid WebVTT subtitles: line {number} has a broken cue timing "
                f"(“{shown}”; times are written 00:01:02.500)",
            )
    try:
        parsed = webvtt.from_buffer(io.StringIO(text))
        cues = [
            _Cue(c.start_time.in_milliseconds(), c.end_time.in_milliseconds(), list(c.lines))
            for c in parsed.captions
        ]
    except Exception as exc:  # noqa: BLE001 - any parser failure is one clear line
        raise ImportFailed(source_name, f"is not valid WebVTT subtitles ({exc})") from None
    title = parsed.header_text.strip(" \t-–—:")
    language = ""
    for line in parsed.metadata:
        key, _, value = line.partition(":")
        if key.strip().lower() == "title" and value.strip() and not title:
            title = value.strip()
        elif key.strip().lower() == "language":
            language = value.strip()[:16]
    return cues, title, language


def _title_from_name(source_name: str) -> str:
    stem = PurePath(source_name).stem.replace("_", " ").strip()
    if " " not in stem:
        stem = stem.replace("-", " ")
    return " ".join(stem.split()) or "Subtitles"


# --- from cues to turns --------------------------------------------------------------


def _lines(cues: list[_Cue], vtt: bool) -> list[_Line]:
    """Each cue's lines without markup, marked where a speaker is named or changes."""
    found: list[_Line] = []
    previous_last = None
    for cue in cues:
        lines: list[_Line] = []
        for raw in cue.lines:
            for voice, piece in _voices(raw):  # SubRip made from WebVTT may keep them
                line = _line(cue.start, piece, voice, vtt)
                if line is not None:
                    lines.append(line)
        if not lines:
            continue
        lines[0].first_of_cue = True
        rolling = cue.end - cue.start < ROLLING_CUE_MS
        for i, line in enumerate(lines):
            if line.text == previous_last and (rolling or i < len(lines) - 1):
                line.repeated = True
        previous_last = lines[-1].text
        found.extend(lines)
    kept = [line for line in found if not line.repeated]
    if sum(1 for line in kept if line.label) < 2:  # one "Attention: …" names no speaker
        for line in kept:
            line.label = None
    return kept


def _voices(raw: str) -> list[tuple[str | None, str]]:
    """A WebVTT line cut at its voice tags: [(voice or None, text)]."""
    pieces: list[tuple[str | None, str]] = []
    pos, voice = 0, None
    for match in _VOICE.finditer(raw):
        if match.start() > pos:
            pieces.append((voice, raw[pos : match.start()]))
        voice, pos = " ".join((match.group(1) or "").split()), match.end()
    pieces.append((voice, raw[pos:]))
    return pieces


def _line(ms: int, raw: str, voice: str | None, vtt: bool) -> _Line | None:
    text = _ASS_TAG.sub("", (_VTT_TAG if vtt else _SRT_TAG).sub("", raw))
    change = False
    marker = _CHANGE.match(text.lstrip()) or _DASH.match(text.lstrip())
    if marker is not None:
        text, change = text.lstrip()[marker.end() :], True
    if vtt:
        text = html.unescape(text)
    text = " ".join(text.split())
    if not text:
        return None
    found = speaker_label(text, brackets=False)
    label = (found[0], found[2]) if found is not None else None
    return _Line(ms, text, voice or None, change, label)


def _turns(lines: list[_Line]) -> list[_Turn]:
    """One turn per speaker in a row; a long one continues in a new paragraph (same
    speaker, the time of its own first cue) after a cue that ends a sentence."""
    turns: list[_Turn] = []
    for line in lines:
        current = turns[-1] if turns else None
        speaker = line.label[0] if line.label else line.voice
        text = line.text
        if current is None or line.change or (speaker is not None and speaker != current.speaker):
            current = _Turn(speaker or "", line.ms)
            turns.append(current)
        else:
            if line.label:  # the same speaker named again: once per paragraph is enough
                text = text[line.label[1] :].strip() or text
            if line.first_of_cue and (
                current.length >= HARD_TURN_CHARS
                or (current.length >= MAX_TURN_CHARS and _SENTENCE_END.search(current.parts[-1]))
            ):
                current = _Turn(current.speaker, line.ms)
                turns.append(current)
        current.add(text)
    return turns
