"""Check-worthiness suggestions in the core and the command line (issue 15)."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from desktop.core import suggestions
from desktop.core.articles import add_article
from desktop.core.importers import parse_text
from desktop.core.models import SentenceScores
from desktop.core.worthiness import Model, cues, features, model_for, shipped_model

# Written for these tests: a figure, a comparison and an attribution against small talk.
ENGLISH = """Budget night

Good evening and welcome to the studio.
Thank you all for being here tonight.
Unemployment fell to 4.1 percent last year, the lowest rate since 1969, the minister said.
I think we should all be proud of this wonderful city.
According to the treasury, the deficit rose by 12 billion dollars in 2023.
What do you think about that?
"""

# French, with an emoji before the claims so offsets in code points are proved.
FRENCH = """Conseil municipal 🇫🇷

Bonsoir à toutes et à tous.
Selon la préfecture, le nombre de cambriolages a augmenté de 35 % depuis 2021.
Nous sommes très heureux d’être ici ce soir.
Le maire a déclaré que la ville compte deux fois plus de policiers qu’en 2015.
"""


def _add(store, raw: str) -> int:
    with store.transaction() as session:
        return add_article(session, parse_text(raw)).article_id


def test_cues_fire_in_french_and_english():
    assert {"number", "percentage", "date", "comparison", "attribution"} <= set(
        cues("Unemployment fell to 4.1 percent last year, the lowest since 1969, he said.")
    )
    assert {"number", "percentage", "date", "attribution"} <= set(
        cues("Selon la préfecture, les cambriolages ont augmenté de 35 % depuis 2021.")
    )
    assert "quotation" in cues("Il a parlé de « mensonges ».")
    assert "opinion" in cues("Je pense que nous devrions être fiers.")
    assert "names" in cues("Hier, Emmanuel Macron a reçu Olaf Scholz à Paris.")
    # A date alone is not a figure.
    assert "number" not in cues("Le 5 novembre 2024, il a voté.")
    assert "date" in cues("Le 5 novembre 2024, il a voté.")
    assert cues("Bonsoir à toutes et à tous.") == []


def test_neighbours_are_features_of_their_own():
    feats = features("Et c'est vrai.", before="Le chômage a baissé de 3 %.")
    assert feats["p:percentage"] == 1.0 and "cue:percentage" not in feats


def test_shipped_model_is_the_trained_one():
    model = shipped_model()
    assert model.name == "cw-1"
    assert model.about["seed"] == 2019
    assert model.weights["cue:number"] > 0 > model.weights["shape:question"]


def test_text_in_other_languages_is_scored_by_the_cues_only_model():
    english, french = model_for("en"), model_for("fr")
    assert english is shipped_model() and model_for("") is english and model_for("EN-gb") is english
    assert french.name == "cw-cues-1" and french.about["seed"] == 2019
    assert not any(key.startswith(("w:", "b:")) for key in french.weights)
    assert french.weights["cue:number"] > 0 > french.weights["cue:opinion"]
    assert model_for("de") is french


def test_changing_an_articles_language_scores_it_again(store):
    article_id = _add(store, FRENCH)
    with store.transaction() as session:
        suggestions.ranked(session, article_id)
        assert session.get(SentenceScores, article_id).model.startswith("cw-cues-1/")
        session.get(suggestions.Article, article_id).language = "en"
    with store.transaction() as session:
        suggestions.ranked(session, article_id)
        assert session.get(SentenceScores, article_id).model.startswith("cw-1/")


@pytest.mark.parametrize(
    "raw, best, worst",
    [
        (ENGLISH, "Unemployment fell", "What do you think"),
        (FRENCH, "Selon la préfecture", "Nous sommes très heureux"),
    ],
)
def test_checkable_sentences_rank_first(store, raw, best, worst):
    article_id = _add(store, raw)
    with store.transaction() as session:
        ranked = suggestions.ranked(session, article_id)
    texts = [s.text for s in ranked]
    assert texts[0].startswith(best) or texts[1].startswith(best)
    assert texts[-1].startswith(worst) or texts[-2].startswith(worst)
    # Headings are not suggested.
    assert not any(t.startswith(("Budget night", "Conseil municipal")) for t in texts)


def test_offsets_are_code_points_after_an_emoji(store):
    article_id = _add(store, FRENCH)
    with store.transaction() as session:
        ranked = suggestions.ranked(session, article_id)
        text = session.get(suggestions.Article, article_id).text
    for s in ranked:
        assert text[s.start : s.end] == s.text
    assert "🇫🇷" in text[: ranked[0].start]


def test_scores_are_stored_and_recomputed_when_stale(store):
    article_id = _add(store, ENGLISH)
    with store.transaction() as session:
        suggestions.ranked(session, article_id)
        row = session.get(SentenceScores, article_id)
        assert row.model == suggestions.scoring_key("en") and len(row.spans) == 6
        row.content_hash = "stale"
    with store.transaction() as session:
        suggestions.ranked(session, article_id)
        row = session.get(SentenceScores, article_id)
        article = session.get(suggestions.Article, article_id)
        assert row.content_hash == article.content_hash


def test_score_and_store_runs_outside_a_transaction(store):
    article_id = _add(store, ENGLISH)
    suggestions.score_and_store(store, article_id)
    with store.read() as session:
        row = session.get(SentenceScores, article_id)
    assert row is not None and all(0 <= milli <= 1000 for _s, _e, milli in row.spans)


def test_dismissed_sentences_stay_dismissed(store):
    article_id = _add(store, ENGLISH)
    with store.transaction() as session:
        first = suggestions.top(session, article_id, 20)[0]
        assert suggestions.dismiss(session, article_id, first.text)
        assert not suggestions.dismiss(session, article_id, first.text)
    with store.transaction() as session:
        shown = [s.text for s in suggestions.top(session, article_id, 20)]
        everything = [s.text for s in suggestions.ranked(session, article_id)]
    assert first.text not in shown and first.text not in everything
    with store.transaction() as session:
        suggestions.undismiss(session, article_id, first.text)
        assert first.text in [s.text for s in suggestions.top(session, article_id, 20)]


def test_threshold_counts():
    assert suggestions.shown_count(1000, 5) == 50
    assert suggestions.shown_count(1000, 20) == 200
    assert suggestions.shown_count(11, 10) == 3  # a short article still gets a few
    assert suggestions.shown_count(2, 10) == 2


@pytest.mark.parametrize(
    "sentence, who",
    [
        ("Le déficit a doublé, selon le Wall Street Journal.", "Wall Street Journal"),
        (
            "Il aurait parlé sept fois, selon les informations du célèbre journaliste "
            "américain Bob Woodward.",
            "Bob Woodward",
        ),
        ("Unemployment fell, according to the Bureau of Labor Statistics.", "Bureau"),
        ("« Nous ne céderons pas », a déclaré Emmanuel Macron.", "Emmanuel Macron"),
        ("The economy grew by 3 percent.", ""),
    ],
)
def test_attribution_names_the_claimant(sentence, who):
    assert suggestions.attributed_to(sentence).startswith(who)
    if not who:
        assert suggestions.attributed_to(sentence) == ""


def test_cues_only_fallback_when_the_model_file_is_missing(monkeypatch, tmp_path):
    from desktop.core import worthiness

    monkeypatch.setattr(worthiness, "MODEL_FILE", ("nowhere", "model.json"))
    monkeypatch.setattr("desktop.resources._root", lambda: tmp_path)
    worthiness.shipped_model.cache_clear()
    try:
        model = worthiness.shipped_model()
        assert model.name == "cues-only"
        assert model.score("It rose by 40 percent.") > model.score("Hello there.")
    finally:
        worthiness.shipped_model.cache_clear()


def test_model_round_trips_through_json():
    model = Model(weights={"cue:number": 0.5, "w:tax": -0.25}, bias=-1.0, name="x")
    again = Model.from_json(model.to_json())
    assert again == model


SEED_CLAIMS = {
    "denial": "Des révélations démenties vendredi par le Kremlin",
    "woodward": "Le patron du candidat républicain aurait parlé en secret jusqu’à sept fois",
    "starlink": "Le maître du Kremlin a notamment demandé",
}


def _seed_top5(store, seed_article) -> list[str]:
    with store.transaction() as session:
        return [s.text for s in suggestions.ranked(session, seed_article)[:5]]


@pytest.mark.parametrize("claim", ["denial", "woodward"])
def test_seed_claims_rank_in_the_top_five(store, seed_article, claim):
    top5 = _seed_top5(store, seed_article)
    assert any(t.startswith(SEED_CLAIMS[claim]) for t in top5), top5


def test_seed_starlink_sentence_ranks_in_the_top_five(store, seed_article):
    """No figure, date or attribution of its own: it ranked 8th of 11 while French was
    scored by the English model, whose cue weights are what its words left over."""
    top5 = _seed_top5(store, seed_article)
    assert any(t.startswith(SEED_CLAIMS["starlink"]) for t in top5), top5


def test_seed_small_talk_ranks_last(store, seed_article):
    with store.transaction() as session:
        ranked = suggestions.ranked(session, seed_article)
    assert ranked[-1].text == "Elon Musk n’a pas commenté ces révélations."
    assert not any(s.text == "Informations sensibles" for s in ranked)  # a subheading


def _cli(db, *args):
    return subprocess.run(
        [sys.executable, "-m", "desktop", "--db", str(db), *args],
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_cli_suggest_json_top_and_all(tmp_path):
    db = tmp_path / "lib.sqlite3"
    source = tmp_path / "budget.txt"
    source.write_text(ENGLISH, encoding="utf-8")
    imported = _cli(db, "import", str(source))
    assert imported.returncode == 0, imported.stderr
    article_id = imported.stdout.strip()
    top = _cli(db, "suggest", article_id, "--top", "2", "--json")
    assert top.returncode == 0, top.stderr
    rows = json.loads(top.stdout)
    assert len(rows) == 2 and rows[0]["rank"] == 1
    assert set(rows[0]) == {"start", "end", "text", "score", "cues", "rank"}
    assert rows[0]["score"] >= rows[1]["score"]
    everything = json.loads(_cli(db, "suggest", article_id, "--all", "--json").stdout)
    assert len(everything) == 6
    table = _cli(db, "suggest", article_id, "--top", "1")
    assert table.stdout.splitlines()[0].split() == ["RANK", "SCORE", "OFFSETS", "CUES", "SENTENCE"]
    assert "Unemployment fell" in table.stdout or "deficit rose" in table.stdout
    # Stored at import time, by the import command.
    import sqlite3

    con = sqlite3.connect(db)
    assert con.execute("SELECT count(*) FROM sentence_scores").fetchone()[0] == 1
    con.close()


def test_cli_suggest_errors_are_one_line(tmp_path):
    db = tmp_path / "lib.sqlite3"
    missing = _cli(db, "suggest", "99")
    assert missing.returncode == 2 and "99" in missing.stderr
    assert len(missing.stderr.strip().splitlines()) == 1
    bad = _cli(db, "suggest", "1", "--top", "0")
    assert bad.returncode == 2 and "--top" in bad.stderr


def test_training_reproduces_the_shipped_model(tmp_path):
    from benchmarks import checkworthiness as cw
    from desktop.core.worthiness import CUES_MODEL_FILE, MODEL_FILE
    from desktop.resources import resource_path

    if not cw.DATA.is_dir():
        pytest.skip(f"training data not available ({cw.DATA} is absent)")
    out, cues_out = tmp_path / "model.json", tmp_path / "cues.json"
    cw.train_and_write(out, cues_out)
    assert out.read_bytes() == resource_path(*MODEL_FILE).read_bytes()
    assert cues_out.read_bytes() == resource_path(*CUES_MODEL_FILE).read_bytes()


def test_a_transcript_sentence_leaves_out_the_speaker_label(store):
    raw = (
        "Débat\n\n"
        "ANNE : Le chômage a baissé de 3 % en 2023.\n"
        "PAUL : C’est faux, il a augmenté de 2 %.\n"
        "ANNE : Trois usines ont ouvert.\n"
    )
    article_id = _add(store, raw)
    with store.transaction() as session:
        texts = {s.text for s in suggestions.ranked(session, article_id)}
    assert "Le chômage a baissé de 3 % en 2023." in texts
    assert "C’est faux, il a augmenté de 2 %." in texts
    assert not any(t.startswith(("ANNE", "PAUL")) for t in texts)


def test_scores_stored_by_an_older_sentence_splitter_are_made_again(store):
    """Scores keep their spans; a splitter that cuts the same text differently (pysbd
    before the rules) must not leave the old spans in use."""
    from desktop.core.articles import add_article
    from desktop.core.importers import parse_text
    from desktop.core.models import Article, SentenceScores
    from desktop.core.suggestions import refresh, scoring_key

    with store.transaction() as s:
        article_id = add_article(
            s, parse_text("Titre\n\nM. Dupont a dit 3 mots. Puis 4.")
        ).article_id
        article = s.get(Article, article_id)
        row = refresh(s, article)
        assert row.model == scoring_key(article.language) and "/" in row.model
        row.model, row.spans = "cw-1", [[0, 1, 999]]  # as stored before the splitter's key
    with store.transaction() as s:
        article = s.get(Article, article_id)
        row = refresh(s, article)
        assert row.model == scoring_key(article.language) and [0, 1, 999] not in row.spans
        assert s.get(SentenceScores, article_id).spans == row.spans
