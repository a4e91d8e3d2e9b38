"""Subtitles (.srt, .vtt): one paragraph per turn, with its speaker and start time.

Every excerpt here was written for these tests (fictional candidates, invented words).
"""

from __future__ import annotations

import pytest

from desktop.core.errors import ImportFailed
from desktop.core.importers import import_path, parse_bytes

SRT_DEBATE = """\
1
00:12:31,000 --> 00:12:34,500
HARPER: We created <i>two million</i> jobs
in four years.

2
00:12:34,600 --> 00:12:37,000
{\\an8}<font color="#ffff00">That is more than anyone before us.</font>

3
00:12:38,000 --> 00:12:41,000
MORENO: Most of them were part-time.

4
00:12:41,500 --> 00:12:43,000
HARPER: Not true.

5
00:12:44,000 --> 00:12:46,000
- Is it?
- It is.
"""

VTT_DEBAT = """\
WEBVTT - Débat des candidats à la mairie
Language: fr

NOTE Extrait écrit pour les tests.

00:00:05.000 --> 00:00:08.000 align:start
<v M. Lambert>Nous avons construit 300 logements &amp; trois écoles.</v>

00:00:08.200 --> 00:00:10.000
<v M. Lambert>C’est <b>un fait</b>.

00:00:11.000 --> 00:00:13.000
<v.fort Mme Girard>C’est faux.
<v M. Lambert>Si !

01:02:03.040 --> 01:02:05.000
&gt;&gt; Une question du public.
"""


def subtitles(tmp_path, name: str, content: str | bytes):
    path = tmp_path / name
    if isinstance(content, str):
        content = content.encode("utf-8")
    path.write_bytes(content)
    return import_path(path)


def test_srt_labels_markup_merging_and_times(tmp_path):
    parsed = subtitles(tmp_path, "harper_moreno_debate.srt", SRT_DEBATE)
    assert parsed.title == "harper moreno debate"  # from the file name
    assert parsed.paragraphs == [
        "harper moreno debate",
        "HARPER: We created two million jobs in four years. That is more than anyone before us.",
        "MORENO: Most of them were part-time.",
        "HARPER: Not true.",
        "Is it?",
        "It is.",
    ]
    assert parsed.headings == {0: 1}
    assert parsed.turns == {
        1: ("HARPER", 751_000),
        2: ("MORENO", 758_000),
        3: ("HARPER", 761_500),
        4: ("", 764_000),  # a dialogue dash: someone else, unnamed
        5: ("", 764_000),
    }


def test_vtt_voice_tags_header_title_language_and_entities(tmp_path):
    parsed = subtitles(tmp_path, "debat.vtt", VTT_DEBAT)
    assert parsed.title == "Débat des candidats à la mairie"
    assert parsed.language == "fr"
    assert parsed.paragraphs[1:] == [
        "Nous avons construit 300 logements & trois écoles. C’est un fait.",
        "C’est faux.",
        "Si !",
        "Une question du public.",
    ]
    assert parsed.turns == {
        1: ("M. Lambert", 5_000),
        2: ("Mme Girard", 11_000),
        3: ("M. Lambert", 11_000),  # a second voice in the same cue
        4: ("", 3_723_040),  # ">>": a new speaker, not named
    }


def test_voice_tags_kept_in_subrip_made_from_webvtt(tmp_path):
    cues = ["<v Harper>Jobs are up.</v>", "<i>By a lot.</i>", "<v Moreno>Not here."]
    parsed = subtitles(tmp_path, "converted.srt", _srt(cues))
    assert parsed.paragraphs[1:] == ["Jobs are up. By a lot.", "Not here."]
    assert parsed.turns == {1: ("Harper", 0), 2: ("Moreno", 8000)}


def test_speaker_change_markers_keep_the_speaker_until_a_new_one(tmp_path):
    cues = [
        ">> Bonsoir à tous.",
        "Ce soir, deux candidats.",
        ">> M. LAMBERT : Merci.",
        "Je commence par la dette.",
        ">> Mme GIRARD : Parlons-en.",
    ]
    parsed = subtitles(tmp_path, "plateau.srt", _srt(cues))
    assert parsed.paragraphs[1:] == [
        "Bonsoir à tous. Ce soir, deux candidats.",
        "M. LAMBERT : Merci. Je commence par la dette.",
        "Mme GIRARD : Parlons-en.",
    ]
    assert list(parsed.turns.values()) == [("", 0), ("M. LAMBERT", 8000), ("Mme GIRARD", 16000)]


def test_a_repeated_label_is_written_once_per_paragraph(tmp_path):
    cues = ["HARPER: One.", "HARPER: Two.", "MORENO: Three.", "MORENO: Four."]
    parsed = subtitles(tmp_path, "labels.srt", _srt(cues))
    assert parsed.paragraphs[1:] == ["HARPER: One. Two.", "MORENO: Three. Four."]


def test_one_colon_in_ordinary_captions_names_no_one(tmp_path):
    cues = ["Attention: the bridge is closed.", "We drove around it.", "It took an hour."]
    parsed = subtitles(tmp_path, "film.srt", _srt(cues))
    assert parsed.paragraphs[1:] == [
        "Attention: the bridge is closed. We drove around it. It took an hour."
    ]
    assert parsed.turns == {1: ("", 0)}


def test_a_long_turn_splits_at_sentence_ends_keeping_speaker_and_cue_time(tmp_path):
    sentence = "The budget grew by four percent in the year we were elected."  # 61 chars
    cues = [f"HARPER: {sentence}"] + [sentence] * 59 + ["MORENO: No."]
    parsed = subtitles(tmp_path, "long.srt", _srt(cues))
    harper = [(i, t) for i, t in parsed.turns.items() if t[0] == "HARPER"]
    assert len(harper) >= 3
    for i, (_speaker, ms) in harper:
        paragraph = parsed.paragraphs[i]
        assert len(paragraph) < 1_100 and paragraph.endswith(".")
        assert ms % 4000 == 0  # the start of a cue (cue k starts at 4k seconds)
    assert parsed.paragraphs[harper[0][0]].startswith("HARPER: ")
    assert not any(parsed.paragraphs[i].startswith("HARPER") for i, _ in harper[1:])
    assert harper[1][1][1] > harper[0][1][1]
    text = " ".join(parsed.paragraphs[i] for i, _ in harper)
    assert text.count(sentence) == 60  # nothing lost, nothing repeated


def test_rolling_auto_captions_are_not_repeated(tmp_path):
    vtt = (
        "WEBVTT\n\n"
        "00:00:01.000 --> 00:00:03.000\nwe have to talk about\n\n"
        "00:00:03.000 --> 00:00:03.010\nwe have to talk about\n\n"
        "00:00:03.010 --> 00:00:05.000\nwe have to talk about\nthe price of bread\n\n"
        "00:00:05.000 --> 00:00:07.000\nNo.\n\n"
        "00:00:07.000 --> 00:00:09.000\nNo.\n"
    )
    parsed = subtitles(tmp_path, "auto.vtt", vtt)
    assert parsed.paragraphs[1:] == ["we have to talk about the price of bread No. No."]


def test_encodings_and_crlf(tmp_path):
    content = SRT_DEBATE.replace("\n", "\r\n").encode("utf-16")
    parsed = subtitles(tmp_path, "crlf.srt", content)
    assert parsed.turns[1] == ("HARPER", 751_000)
    french = subtitles(tmp_path, "cp1252.srt", _srt(["Mme GIRARD : Élu à 52 %."]).encode("cp1252"))
    assert french.paragraphs[1] == "Mme GIRARD : Élu à 52 %."


def test_stored_turns_are_the_schema_s_triples(store, tmp_path):
    from desktop.core.articles import add_article
    from desktop.core.models import Article

    parsed = subtitles(tmp_path, "debate.srt", SRT_DEBATE)
    with store.transaction() as s:
        article_id = add_article(s, parsed).article_id
    with store.read() as s:
        turns = s.get(Article, article_id).turns
    assert turns[:3] == [[1, "HARPER", 751_000], [2, "MORENO", 758_000], [3, "HARPER", 761_500]]


BAD = {
    "prose.srt": (b"Dear editor,\n\nthis is a letter, not subtitles.\n", "no cue timings"),
    "broken.srt": (
        b"1\n00:00:01,000 --> 00:00:02,000\nHello.\n\n2\n00:00:0x,000 --> 00:00:04,000\nBye.\n",
        "line 6 is not a valid cue timing (“00:00:0x,000 --> 00:00:04,000”)",
    ),
    "broken.vtt": (
        b"WEBVTT\n\n00:00:01.000 --> 00:00:02.000\nHello.\n\n00:00:03,000 --> 00:00:04,000\nBye.\n",
        "line 6 has a broken cue timing",
    ),
    "stray.srt": (
        b"\n\nWhat is this?\n\n1\n00:00:01,000 --> 00:00:02,000\nHello.\n",
        "line 3 is not part of a cue (“What is this?”)",
    ),
    "header.vtt": (b"00:00:01.000 --> 00:00:02.000\nHello.\n", "first line is not WEBVTT"),
    "nocues.vtt": (b"WEBVTT\n\nNOTE nothing --> here\n", "broken cue timing"),
    "emptycues.srt": (b"1\n00:00:01,000 --> 00:00:02,000\n<i></i>\n\n", "without any text"),
    "image.srt": (b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4, "PNG image"),
    "binary.vtt": (b"WEBVTT\n\n" + bytes(range(1, 32)) * 40, "binary data"),
    "empty.srt": (b"   \n", "is empty"),
    "huge-hours.srt": (
        b"1\n99999999999999999999:00:00,000 --> 99999999999999999999:00:01,000\nHi\n",
        "a cue timing is out of range",
    ),
}


@pytest.mark.parametrize("name", sorted(BAD))
def test_bad_files_give_one_clear_line_naming_the_file(tmp_path, name):
    content, needle = BAD[name]
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(ImportFailed) as caught:
        import_path(path)
    message = str(caught.value)
    assert message.startswith(f"{path}: ")
    assert needle in message
    assert "\n" not in message and "Traceback" not in message


def test_parse_bytes_reads_subtitles_by_kind():
    parsed = parse_bytes(SRT_DEBATE.encode(), kind="subtitles", source_name="upload.srt")
    assert parsed.turns[2] == ("MORENO", 758_000)


def _srt(lines: list[str]) -> str:
    """An SRT file of one cue per line, cue k starting at 4k seconds."""

    def stamp(seconds: int, ms: int) -> str:
        return f"{seconds // 3600:02d}:{seconds // 60 % 60:02d}:{seconds % 60:02d},{ms:03d}"

    blocks = []
    for k, line in enumerate(lines):
        blocks.append(f"{k + 1}\n{stamp(4 * k, 0)} --> {stamp(4 * k + 3, 500)}\n{line}\n")
    return "\n".join(blocks)
