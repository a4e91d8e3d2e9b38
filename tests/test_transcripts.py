"""Debate and interview transcripts: speaker labels, turns, the claimant of a claim made
in a turn, and reports citing the time ("at 00:12:31", "à 00:12:31").

Every excerpt here was written for these tests (fictional candidates, invented words).
"""

from __future__ import annotations

import csv
import io
import json

import pytest

from desktop.core.transcripts import (
    TurnIndex,
    claimant_name,
    clock,
    speaker_label,
    speaker_turns,
    turn_at,
)

ENGLISH_DEBATE = [
    "Second debate of the county race",
    "DIALLO: Good evening. Our first question is about jobs.",
    "HARPER: We created two million jobs in four years.",
    "And wages went up in every single county.",
    "MORENO : Most of those jobs were part-time.",
    "HARPER: That is simply not what the figures say.",
    "DIALLO: Thank you both.",
]

FRENCH_INTERVIEW = [
    "Entretien avec la candidate",
    "Question : Vous promettez 300 logements. Avec quel argent ?",
    "Mme Girard : Avec le budget actuel, sans hausse d’impôts.",
    "Les économies viendront de la renégociation des contrats.",
    "Question : M. Lambert dit que c’est impossible.",
    "Mme Girard : M. Lambert a augmenté la dette de 40 % en six ans.",
    "Jean-Paul Lambert-Roux : C’est faux, et elle le sait.",
]

ORDINARY_ARTICLE = [
    "Le conseil municipal vote son budget",
    "Le conseil municipal a adopté mardi soir le budget 2025 par 23 voix contre 10.",
    "Note : les chiffres sont ceux transmis par la mairie.",
    "L’opposition dénonce une hausse de la dette, que la majorité conteste.",
    "Le prochain conseil se tiendra en mars.",
]

FACT_SHEET = [
    "La commune en chiffres",
    "Population : 12 400 habitants",
    "Superficie : 18 km²",
    "Maire : Jean-Paul Lambert-Roux",
    "Budget : 21 millions d’euros",
    "Dette : 9 millions d’euros",
]


@pytest.mark.parametrize(
    ("paragraph", "speaker"),
    [
        ("TRUMP: We will win.", "TRUMP"),
        ("CLINTON : No.", "CLINTON"),
        ("M. Macron : Bonsoir.", "M. Macron"),
        ("Mme Le Pen : Non.", "Mme Le Pen"),
        ("Question : Pourquoi ?", "Question"),
        ("Jean-Luc Mélenchon : Eh bien.", "Jean-Luc Mélenchon"),
        ("Q: Why?", "Q"),
        ("A: Because.", "A"),
        ("[Speaker 1] Hello there.", "Speaker 1"),
        ("Charles de Gaulle : Je vous ai compris.", "Charles de Gaulle"),
        ("M.\u00a0Lambert\u00a0: Bonsoir.", "M. Lambert"),
    ],
)
def test_speaker_labels(paragraph, speaker):
    found = speaker_label(paragraph)
    assert found is not None and found[0] == speaker and found[1] is None


@pytest.mark.parametrize(
    "paragraph",
    [
        "Note : les chiffres sont provisoires.",
        "[Applause] Thank you.",
        "Le maire a déclaré : « Nous tiendrons. »",
        "12:30 : arrivée du cortège.",
        "2024 : une année record.",
        "Voir aussi : notre dossier.",
        "http://example.org is down.",
    ],
)
def test_not_speaker_labels(paragraph):
    assert speaker_label(paragraph) is None


def test_a_time_written_with_the_label_is_kept():
    assert speaker_label("[00:12:31] HARPER: Jobs.")[:2] == ("HARPER", 751_000)
    assert speaker_label("Speaker 2 (01:02:03.5): Yes.")[:2] == ("Speaker 2", 3_723_500)


def test_english_debate_turns_and_continuations():
    turns = speaker_turns(ENGLISH_DEBATE)
    assert turns == {
        1: ("DIALLO", None),
        2: ("HARPER", None),
        4: ("MORENO", None),
        5: ("HARPER", None),
        6: ("DIALLO", None),
    }
    text = "\n\n".join(ENGLISH_DEBATE)
    wages = text.index("wages went up")
    assert turn_at(text, turns, wages) == ("HARPER", None)  # paragraph 3 continues 2
    assert turn_at(text, turns, 0) is None  # the title is no one's turn


def test_french_interview_turns():
    turns = speaker_turns(FRENCH_INTERVIEW)
    assert [turns[i][0] for i in sorted(turns)] == [
        "Question",
        "Mme Girard",
        "Question",
        "Mme Girard",
        "Jean-Paul Lambert-Roux",
    ]
    assert 3 not in turns  # "Les économies…" continues Mme Girard


@pytest.mark.parametrize("paragraphs", [ORDINARY_ARTICLE, FACT_SHEET], ids=["note", "key-value"])
def test_ordinary_articles_are_not_transcripts(paragraphs):
    assert speaker_turns(paragraphs) == {}


def test_a_transcript_needs_enough_labelled_paragraphs():
    body = ["Le maire a parlé longtemps de la dette et des écoles."] * 12
    few = [*ENGLISH_DEBATE[:3], *body]  # 2 labels
    assert speaker_turns(few) == {}
    diluted = [*ENGLISH_DEBATE, *body * 2]  # 5 labels in 31 paragraphs: under 30 %
    assert speaker_turns(diluted) == {}


def test_clock_always_shows_hours():
    assert clock(751_000) == "00:12:31"
    assert clock(751_999) == "00:12:31"
    assert clock(0) == "00:00:00"
    assert clock(37_230_000) == "10:20:30"
    assert clock(None) == "" and clock(-1) == ""


def test_turn_index_reads_every_form_of_turns():
    text = "Title\n\nHARPER: one.\n\ntwo.\n\nMORENO: three."
    stored = [[1, "HARPER", 751_000], [3, "MORENO", -1]]
    view = ((1, "HARPER", 751_000), (3, "MORENO", None))
    parsed = {1: ("HARPER", 751_000), 3: ("MORENO", None)}
    for turns in (stored, view, parsed):
        index = TurnIndex.of(text, turns)
        assert index.at(0) is None
        assert index.at(text.index("one")) == ("HARPER", 751_000)
        assert index.at(text.index("two")) == ("HARPER", 751_000)
        assert index.at(text.index("two") - 1) == ("HARPER", 751_000)  # the blank line
        assert index.at(text.index("three")) == ("MORENO", None)
    assert TurnIndex.of(text, []).at(10) is None


@pytest.mark.parametrize(
    ("speaker", "claimant"),
    [
        ("HARPER", "Harper"),
        ("M. LAMBERT", "M. Lambert"),
        ("MME GIRARD", "Mme Girard"),
        ("JEAN-PAUL LAMBERT-ROUX", "Jean-Paul Lambert-Roux"),
        ("M. Lambert", "M. Lambert"),
        ("MCALLISTER", "McAllister"),  # the library's spelling
        ("Question", ""),
        ("Q", ""),
        ("Speaker 1", ""),
        ("SPEAKER_00", ""),
        ("", ""),
    ],
)
def test_claimant_names(speaker, claimant):
    assert claimant_name(speaker, ["McAllister", "Someone Else"]) == claimant


# --- in the library -------------------------------------------------------------------


def _add(store, paragraphs, turns, *, language="en", title=None) -> int:
    from desktop.core.articles import add_article
    from desktop.core.importers import ParsedArticle

    with store.transaction() as s:
        return add_article(
            s,
            ParsedArticle(
                paragraphs=list(paragraphs),
                headings={0: 1},
                title=title or paragraphs[0],
                language=language,
                turns=turns,
            ),
        ).article_id


def test_claimant_prefilled_from_the_speaker_through_the_core(store):
    from desktop.core.claims import create_claim, create_claim_from_quote
    from desktop.core.views import get_article

    article_id = _add(store, ENGLISH_DEBATE, speaker_turns(ENGLISH_DEBATE))
    with store.transaction() as s:
        text = get_article(s, article_id).text
        quote = "wages went up in every single county"
        start = text.index(quote)
        # As the window tags a selection (desktop/ui/commands.py CreateClaim): no claimant.
        tagged, _ = create_claim(s, article_id, start=start, end=start + len(quote), checker="Zoé")
        blank, _ = create_claim_from_quote(s, article_id, "part-time", claimant="  ")
        named, _ = create_claim_from_quote(s, article_id, "two million jobs", claimant="HQ")
        title, _ = create_claim_from_quote(s, article_id, "county race")
        assert tagged.claimant == "Harper"
        assert blank.claimant == "Moreno"
        assert named.claimant == "HQ"  # given, kept
        assert title.claimant == ""  # the title line is no one's turn


def test_prefill_reuses_a_claimant_s_spelling_and_skips_roles(store):
    from desktop.core.claims import create_claim_from_quote

    paragraphs = [
        "Interview",
        "Q: What did the council spend?",
        "MCALLISTER: Nine million, not twelve.",
        "Q: Are you sure?",
        "MCALLISTER: Quite sure.",
    ]
    article_id = _add(store, paragraphs, speaker_turns(paragraphs))
    with store.transaction() as s:
        create_claim_from_quote(s, article_id, "Quite sure", claimant="McAllister")
        answer, _ = create_claim_from_quote(s, article_id, "Nine million, not twelve")
        question, _ = create_claim_from_quote(s, article_id, "What did the council spend")
        assert answer.claimant == "McAllister"
        assert question.claimant == ""


def test_an_article_without_turns_gets_no_claimant(store):
    from desktop.core.claims import create_claim_from_quote

    article_id = _add(store, ENGLISH_DEBATE, {})
    with store.transaction() as s:
        claim, _ = create_claim_from_quote(s, article_id, "two million jobs")
        assert claim.claimant == ""


def test_a_plain_text_transcript_imports_with_its_turns(tmp_path):
    from desktop.core.importers import import_path

    path = tmp_path / "entretien.txt"
    path.write_text("\n\n".join(FRENCH_INTERVIEW), encoding="utf-8")
    parsed = import_path(path)
    assert parsed.turns == speaker_turns(FRENCH_INTERVIEW)
    assert parsed.paragraphs[2].startswith("Mme Girard : ")  # the label stays in the text


# --- reports, ClaimReview, CSV, JSON ------------------------------------------------------

SRT = """\
1
00:12:31,000 --> 00:12:34,000
HARPER: We created two million jobs in four years.

2
00:12:35,000 --> 00:12:38,000
MORENO: Most of them were part-time.
"""


@pytest.fixture
def subtitled(store, tmp_path):
    """A subtitled debate in English and the same in French, one rated, published
    claim in HARPER's turn of each (claimant pre-filled)."""
    from desktop.core.claims import create_claim_from_quote
    from desktop.core.importers import import_path
    from desktop.core.ratings import find_rating

    ids = []
    for language, name in (("en", "debate.srt"), ("fr", "debat.srt")):
        path = tmp_path / name
        path.write_text(SRT if language == "en" else SRT.replace("jobs", "emplois"))
        parsed = import_path(path)
        parsed.language = language
        article_id = _add(store, parsed.paragraphs, parsed.turns, language=language)
        with store.transaction() as s:
            create_claim_from_quote(
                s,
                article_id,
                "two million",
                rating_id=find_rating(s, "False").id,
                status="published",
            )
        ids.append(article_id)
    return ids


def _render(store, article_id, fmt, **options):
    from desktop.core.exporters import load_reports, render
    from tests.test_export_fixtures import make_options

    with store.read() as s:
        return render(load_reports(s, [article_id]), fmt, make_options(**options)).data


def _text_of(fmt: str, data: bytes) -> str:
    if fmt == "pdf":
        from pypdf import PdfReader

        return "\n".join(p.extract_text() for p in PdfReader(io.BytesIO(data)).pages)
    if fmt == "docx":
        import docx

        return "\n".join(p.text for p in docx.Document(io.BytesIO(data)).paragraphs)
    return data.decode("utf-8")


@pytest.mark.parametrize("fmt", ["html", "md", "pdf", "docx"])
def test_reports_cite_the_time_next_to_the_claimant(store, subtitled, fmt):
    english, french = subtitled
    text = _text_of(fmt, _render(store, english, fmt))
    assert "Harper" in text and "at 00:12:31" in text
    texte = _text_of(fmt, _render(store, french, fmt))
    assert "à 00:12:31" in texte and "at 00:12:31" not in texte


def test_a_claim_without_claimant_still_gets_its_time(store, subtitled):
    from desktop.core.claims import update_claim
    from desktop.core.views import claims_of

    english, _ = subtitled
    with store.transaction() as s:
        (claim,) = claims_of(s, english)
        update_claim(s, claim.id, claimant="")
    html = _render(store, english, "html").decode()
    assert "Time in the recording" in html and "00:12:31" in html
    assert "at 00:12:31" not in html


def test_report_item_holds_speaker_and_time(store, subtitled):
    from desktop.core.exporters import load_reports
    from desktop.core.exporters.document import build
    from tests.test_export_fixtures import make_options

    with store.read() as s:
        document = build(load_reports(s, subtitled), make_options())
    english, french = (a.claims[0] for a in document.articles)
    assert (english.speaker, english.time_ms, english.clock) == ("HARPER", 751_000, "00:12:31")
    assert english.said_at == "at 00:12:31" and french.said_at == "à 00:12:31"


def test_claimreview_appearance_has_the_clip(store, subtitled):
    english, _ = subtitled
    (review,) = json.loads(_render(store, english, "claimreview"))
    item = review["itemReviewed"]
    assert item["author"] == {"@type": "Person", "name": "Harper"}
    clip = item["appearance"][0]
    assert clip == {
        "@type": "Clip",
        "startOffset": 751,
        "isPartOf": {"@type": "CreativeWork", "headline": "debate"},
    }
    assert item["firstAppearance"] == clip


def test_claimreview_clip_is_part_of_a_known_work(store, subtitled):
    from desktop.core.articles import update_article

    english, _ = subtitled
    with store.transaction() as s:
        update_article(s, english, url="https://tv.example/debate", outlet="County TV")
    (review,) = json.loads(_render(store, english, "claimreview"))
    work = review["itemReviewed"]["appearance"][0]
    assert work["@type"] == "CreativeWork" and work["url"] == "https://tv.example/debate"
    assert work["hasPart"] == {"@type": "Clip", "startOffset": 751}


def test_claimreview_of_an_ordinary_article_has_no_clip(store):
    from desktop.core.exporters import load_reports, render
    from tests.test_export_fixtures import build_library, make_options

    library = build_library(store)
    with store.read() as s:
        data = render(load_reports(s, [library.article_id]), "claimreview", make_options()).data
    assert "Clip" not in data.decode() and "hasPart" not in data.decode()


def test_csv_appends_speaker_and_time(store, subtitled):
    from desktop.core.exporters.csvfile import COLUMNS

    english, _ = subtitled
    data = _render(store, english, "csv")
    (row,) = csv.DictReader(io.StringIO(data.decode("utf-8-sig"), newline=""))
    assert COLUMNS[-2:] == ("speaker", "speaker_time")
    assert (row["claimant"], row["speaker"], row["speaker_time"]) == (
        "Harper",
        "HARPER",
        "00:12:31",
    )


def test_views_and_json_export_carry_the_turns(store, subtitled):
    from desktop.core.views import get_article, to_jsonable

    english, _ = subtitled
    with store.read() as s:
        article = get_article(s, english)
    assert article.turns == ((1, "HARPER", 751_000), (2, "MORENO", 755_000))
    assert to_jsonable(article)["turns"] == [[1, "HARPER", 751_000], [2, "MORENO", 755_000]]
    data = json.loads(_render(store, english, "json"))
    assert data["articles"][0]["article"]["turns"][0] == [1, "HARPER", 751_000]


def test_show_json_includes_turns(tmp_path):
    from tests.test_cli import ok

    lib = tmp_path / "lib.sqlite3"
    path = tmp_path / "debate.srt"
    path.write_text(SRT, encoding="utf-8")
    article_id = ok(lib, "import", str(path)).stdout.split()[0]
    shown = json.loads(ok(lib, "show", article_id, "--json").stdout)
    assert shown["turns"] == [[1, "HARPER", 751_000], [2, "MORENO", 755_000]]
    edited = json.loads(ok(lib, "article", "edit", article_id, "--outlet", "TV", "--json").stdout)
    assert "turns" not in edited  # the details only, as for the text and headings


def test_one_turn_per_line_inside_a_block_is_one_paragraph_per_turn():
    from desktop.core.importers import parse_text

    raw = (
        "Débat du soir\n\n"
        "ANNE : Nous avons ouvert trois écoles.\n"
        "PAUL : C’est faux, il y en a deux.\n"
        "ANNE : Trois, dont une à Lyon.\n"
        "PAUL : Deux.\n"
    )
    parsed = parse_text(raw)
    assert parsed.paragraphs[1:] == [
        "ANNE : Nous avons ouvert trois écoles.",
        "PAUL : C’est faux, il y en a deux.",
        "ANNE : Trois, dont une à Lyon.",
        "PAUL : Deux.",
    ]
    assert parsed.turns == {
        1: ("ANNE", None),
        2: ("PAUL", None),
        3: ("ANNE", None),
        4: ("PAUL", None),
    }


def test_hard_wrapped_prose_with_one_colon_line_stays_joined():
    from desktop.core.importers import parse_text

    raw = "Titre\n\nNote : ce texte est ancien\net il continue ici.\n"
    assert parse_text(raw).paragraphs[1] == "Note : ce texte est ancien et il continue ici."
